package archive

import "path"

// jekyllUnpublishedOf reports whether the config of the Jekyll site whose
// root is root, its files read by read, sets unpublished: Jekyll builds
// its pages, posts and collections' documents with published: false
// then (their own or a default's). Ruby reads the value: anything but
// false or nothing is true. Jekyll 4.3.1 as oracle: with unpublished:
// true in _config.yml (or yes, or "true") a post and a page with
// published: false were built; folio skipped them.
func jekyllUnpublishedOf(read configReader, root string) bool {
	v, ok := jekyllSiteConfig.value(read, root, "unpublished")
	return ok && v != nil && v != false
}

// jekyllUnpublished is jekyllUnpublishedOf the Jekyll site the file at p
// is in (jekyllRootOf), read once a site; false for none, and for a
// SiteRoots without the archive's files.
func (s *SiteRoots) jekyllUnpublished(p string) bool {
	if s == nil || s.fsys == nil {
		return false
	}
	root, ok := s.jekyllRootOf(path.Dir(p))
	if !ok {
		return false
	}
	if v, ok := s.unpublished.Load(root); ok {
		return v.(bool)
	}
	u := jekyllUnpublishedOf(s.readConfig, root)
	s.unpublished.Store(root, u)
	return u
}

// jekyllShowDraftsOf reports whether the config of the Jekyll site whose
// root is root, its files read by read, sets show_drafts: Jekyll builds
// the posts of its _drafts/ then (PassedIn), titled and dated as a post
// is (jekyllDraft). Ruby reads the value: anything but false or nothing
// is true. Jekyll 4.3.1 as oracle: with show_drafts: true, yes, "false"
// or 0 in _config.yml _drafts/a-draft.md was built, with no or false not.
func jekyllShowDraftsOf(read configReader, root string) bool {
	v, ok := jekyllSiteConfig.value(read, root, "show_drafts")
	return ok && v != nil && v != false
}

// jekyllShowDrafts is jekyllShowDraftsOf the Jekyll site whose root is
// root, read once a site; false for a SiteRoots without the archive's
// files.
func (s *SiteRoots) jekyllShowDrafts(root string) bool {
	if s == nil || s.fsys == nil {
		return false
	}
	if v, ok := s.showDrafts.Load(root); ok {
		return v.(bool)
	}
	d := jekyllShowDraftsOf(s.readConfig, root)
	s.showDrafts.Store(root, d)
	return d
}
