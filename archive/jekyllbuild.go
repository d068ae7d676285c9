package archive

import (
	"path"
	"strings"
)

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

// jekyllCollectionsDirOf is the collections_dir of the config of the
// Jekyll site whose root is root, its files read by read: the folder,
// from the root, under which Jekyll reads its collections, _posts and
// _drafts alone (Jekyll 4.3.1 as oracle: with collections_dir: col,
// col/_essays/e.md and col/_posts/… and col/sub/_posts/… were pages,
// _essays/…, _posts/… and sub/_posts/… were not; folio read the root's
// alone, an attack's report); "" for none, or one that is no string or
// names the root.
func jekyllCollectionsDirOf(read configReader, root string) string {
	v, _ := jekyllSiteConfig.value(read, root, "collections_dir")
	s, ok := v.(string)
	if !ok {
		return ""
	}
	s = path.Clean("/" + strings.TrimSpace(s))[1:]
	if strings.HasPrefix(s, "../") || s == ".." {
		return ""
	}
	return s
}

// jekyllCollectionsDir is jekyllCollectionsDirOf the Jekyll site whose
// root is root, read once a site; "" for a SiteRoots without the
// archive's files.
func (s *SiteRoots) jekyllCollectionsDir(root string) string {
	if s == nil || s.fsys == nil {
		return ""
	}
	if v, ok := s.collectionsDir.Load(root); ok {
		return v.(string)
	}
	d := jekyllCollectionsDirOf(s.readConfig, root)
	s.collectionsDir.Store(root, d)
	return d
}

// jekyllCollectionOf is the collection with output (jekyllOutputs) of
// the Jekyll site whose root is root that holds the file at rel, its
// path from the root: the folder _label just under the site's
// collections_dir (jekyllCollectionsDir), or its root; "" for none, and
// for _posts and _drafts.
func (s *SiteRoots) jekyllCollectionOf(root, rel string) string {
	if d := s.jekyllCollectionsDir(root); d != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(rel, d+"/"); !ok {
			return ""
		}
	}
	first, _, ok := strings.Cut(rel, "/")
	if !ok || !strings.HasPrefix(first, "_") || first == "_posts" || first == "_drafts" || !s.jekyllOutputs(root)[first[1:]] {
		return ""
	}
	return first[1:]
}
