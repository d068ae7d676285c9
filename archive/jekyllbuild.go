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

// jekyllCollectionsDir is where a Jekyll site reads its collections,
// _posts and _drafts: its config's collections_dir.
type jekyllCollectionsDir struct {
	// dir is the folder, from the root, of its collections (Jekyll
	// 4.3.1 as oracle: with collections_dir: col, col/_essays/e.md was a
	// page, _essays/e2.md not; folio read the root's alone, an attack's
	// report), cleaned (./col/ is col); "" for none, for one that is no
	// string, and for one that names the root or leaves it.
	dir string
	// raw is the collections_dir as written, "" for none: Jekyll reads a
	// folder's _posts/ and _drafts/ when its path from the root, after
	// a /, starts with raw after a /, as strings (readsPosts).
	raw string
}

// readsPosts reports whether Jekyll reads the _posts/ and _drafts/ of
// the folder d, its path from the site's root ("" for the root), as
// Jekyll 4.3.1's Reader asks it (outside_configured_directory?: the
// folder's "/d" starts with "/" and the collections_dir as written):
// with collections_dir: col, col/_posts/, col/sub/_posts/ and
// colx/_posts/ were read, the root's _posts/ not; with col/,
// col/sub/_posts/ alone; with ./col, ./col/, /col or ., none (as
// oracle, folio read them as col's, NOTES' fortieth session).
func (c jekyllCollectionsDir) readsPosts(d string) bool {
	return c.raw == "" || d != "" && strings.HasPrefix("/"+d, "/"+c.raw)
}

// jekyllCollectionsDirOf is the collections_dir of the config of the
// Jekyll site whose root is root, its files read by read.
func jekyllCollectionsDirOf(read configReader, root string) jekyllCollectionsDir {
	v, _ := jekyllSiteConfig.value(read, root, "collections_dir")
	s, ok := v.(string)
	if !ok {
		return jekyllCollectionsDir{}
	}
	c := jekyllCollectionsDir{raw: s}
	d := path.Clean("/" + strings.TrimSpace(s))[1:]
	if !strings.HasPrefix(d, "../") && d != ".." {
		c.dir = d
	}
	return c
}

// jekyllCollectionsDir is jekyllCollectionsDirOf the Jekyll site whose
// root is root, read once a site; none for a SiteRoots without the
// archive's files.
func (s *SiteRoots) jekyllCollectionsDir(root string) jekyllCollectionsDir {
	if s == nil || s.fsys == nil {
		return jekyllCollectionsDir{}
	}
	if v, ok := s.collectionsDir.Load(root); ok {
		return v.(jekyllCollectionsDir)
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
	if d := s.jekyllCollectionsDir(root).dir; d != "" {
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
