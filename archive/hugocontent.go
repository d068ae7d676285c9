package archive

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Hugo reads a site's pages from its content folders alone: content/, or
// the folder its config's contentDir names, each language's own
// contentDir (hugoLanguageContents), and a theme's content/ when the
// config's theme names it. hugo 0.111.3 as oracle: SITE/other/o.md,
// SITE/themes/x/README.md and SITE/themes/y/content/u.md were no page
// (hugo list all named content/posts/a.md alone), and with theme = "x"
// SITE/themes/x/content/tp/t.md was one; with contentDir = "stuff"
// stuff/n/s.md was the one page, content/posts/a.md none. folio listed
// each as a piece (a helper's report).

// HugoOutsideContentMsg is the message of the Quiet problem of a file of
// a Hugo site outside its content folders (SiteRoots.hugoOutsideContent).
const HugoOutsideContentMsg = "not a page of the site (Hugo reads its pages from its content folder: content/, its config's contentDir, or a theme's content/ when the config names the theme)"

// hugoContentDirs is where the Hugo site whose root is a folder reads its
// pages, as its config says (hugoContentOf).
type hugoContentDirs struct {
	// contents are its content folders, from the site's root, in byte
	// order, once each: content/ or its config's contentDir, and each
	// language's own contentDir (hugoLanguageContents)
	contents []string
	themes   []string // the themes its config names, whose content/ it reads
}

// holds reports whether rel, a path from the site's root, is one of c's
// content folders or below one.
func (c hugoContentDirs) holds(rel string) bool {
	return slices.ContainsFunc(c.contents, func(d string) bool { return rel == d || strings.HasPrefix(rel, d+"/") })
}

// hugoContentOf is where the Hugo site whose root is root reads its
// pages, its config's files read by read; false when folio cannot tell
// (a contentDir outside the site, ".", or a date: hugoContentDirName; a
// language's contentDir so, or empty; a module's mounts; a themesDir),
// which reads every file as a page, as before.
func hugoContentOf(read configReader, root string) (hugoContentDirs, bool) {
	site, ok := hugoSiteContentDir(read, root)
	if !ok {
		return hugoContentDirs{contents: []string{hugoContent}}, false
	}
	c := hugoContentDirs{contents: []string{site}}
	langs, siteRead, ok := hugoLanguageContents(read, root)
	if !ok {
		return c, false
	}
	if !siteRead {
		c.contents = nil
	}
	c.contents = append(c.contents, langs...)
	slices.Sort(c.contents)
	c.contents = slices.Compact(c.contents)
	if v, _ := hugoSiteConfig.value(read, root, "module"); v != nil {
		if m, ok := v.(map[string]any); ok {
			if _, ok := hugoKey(m, "mounts"); ok {
				return c, false
			}
		}
	}
	if _, ok := hugoSiteConfig.value(read, root, "themesdir"); ok {
		return c, false
	}
	v, _ := hugoSiteConfig.value(read, root, "theme")
	if s, ok := v.(string); ok {
		c.themes = []string{strings.TrimSpace(s)}
	} else {
		c.themes = listOf(v)
	}
	c.themes = slices.DeleteFunc(c.themes, func(t string) bool { return t == "" || strings.Contains(t, "/") })
	return c, true
}

// hugoSiteContentDir is the content folder of the Hugo site whose root
// is root, from it: content/, or its config's contentDir (an empty one
// content/; as written: " posts" is no posts/, hugoContentDirName);
// false for one folio cannot tell (hugoContentDirIn, a date).
func hugoSiteContentDir(read configReader, root string) (string, bool) {
	v, ok := hugoSiteConfig.value(read, root, "contentdir")
	if !ok {
		return hugoContent, true
	}
	s, ok := hugoContentDirName(v)
	if !ok {
		return "", false
	}
	if s == "" {
		return hugoContent, true
	}
	return hugoContentDirIn(s)
}

// hugoContentDirIn is the folder s, a contentDir as written, names from
// the site's root, cleaned (content/en/, ./content/en: content/en);
// false for one folio cannot tell: ".", one outside the site, or an
// absolute path.
func hugoContentDirIn(s string) (string, bool) {
	s = path.Clean(s)
	if s == "." || path.IsAbs(s) || s == ".." || strings.HasPrefix(s, "../") {
		return "", false
	}
	return s, true
}

// hugoDisabledLanguages are the site's disableLanguages, in lower case
// (a list, or a string of names; Hugo's keys are read in any case).
func hugoDisabledLanguages(read configReader, root string) map[string]bool {
	disabled := map[string]bool{}
	if v, _ := hugoSiteConfig.value(read, root, "disablelanguages"); v != nil {
		names := listOf(v)
		if s, ok := v.(string); ok {
			names = strings.Fields(s)
		}
		for _, n := range names {
			disabled[strings.ToLower(n)] = true
		}
	}
	return disabled
}

// hugoLanguageContents are the content folders of the languages of the
// Hugo site whose root is root, its config's files read by read, as Hugo
// 0.111 reads them: each language's own contentDir (in any case), but a
// language disableLanguages names (in any case; a list, or a string's
// words) or that sets disabled; siteRead says whether the site's own
// content folder is read too: with no languages, or one enabled without
// a contentDir of its own. false when folio cannot tell: a language's
// contentDir empty (Hugo reads the site's root as its content then),
// outside the site, absolute, a date. hugo 0.111.3 as oracle: with
// [languages.en] contentDir = "content/en" and [languages.fr] contentDir
// = "content/fr", content/en/posts/a.md and content/fr/posts/b.md were
// the pages, content/d.md, content/other/c.md and other/e.md none;
// content/fr/_index.md's cascade gave fr's pages an author, and the
// config's [[cascade]] of _target path "/posts/**" gave
// content/fr/posts/secret.md its tags (fr's content folder is its
// pages' root); without en's contentDir every page of content/ was one
// (content/fr/'s too); with disableLanguages = ["FR"], "fr", or fr's
// disabled = true, content/fr/'s were none; with fr's contentDir = ""
// every file of the site was a page. folio could not tell, and read
// every file of the site.
func hugoLanguageContents(read configReader, root string) (contents []string, siteRead, ok bool) {
	v, _ := hugoSiteConfig.value(read, root, "languages")
	langs, _ := v.(map[string]any)
	if len(langs) == 0 {
		return nil, true, true
	}
	disabled := hugoDisabledLanguages(read, root)
	for name, l := range langs {
		lm, _ := l.(map[string]any)
		if off, _ := hugoKey(lm, "disabled"); disabled[strings.ToLower(name)] || isTrue(off) {
			continue
		}
		d, has := hugoKey(lm, "contentdir")
		if !has {
			siteRead = true
			continue
		}
		s, ok := hugoContentDirName(d)
		if !ok || s == "" {
			return nil, false, false
		}
		if s, ok = hugoContentDirIn(s); !ok {
			return nil, false, false
		}
		contents = append(contents, s)
	}
	if len(contents) == 0 {
		siteRead = true // every language disabled: Hugo builds none (folio the site's)
	}
	return contents, siteRead, true
}

// isTrue is whether v, a Hugo config's value, is true as Hugo casts it
// (hugoBool).
func isTrue(v any) bool {
	b, ok := hugoBool(v)
	return ok && b
}

// hugoContentDirName is the folder a Hugo config's contentDir value v
// names, as Hugo 0.111 reads it (spf13/cast's ToString): a number or
// flag as Go writes it, "" (content/) for an empty one, null, a table or
// a list; false for a value folio cannot tell (a date). hugo 0.111.3 as
// oracle: contentDir: "" or ~ built content/'s pages, 010 (YAML's octal)
// 8/'s, y true/'s, 1.5 1.5/'s, 1e3 1000/'s, a table or list content/'s;
// folio could not tell and listed every file of the site (an attack's
// report). Its spaces are the folder's: with contentDir = " posts" Hugo
// built no page, "posts " the pages of the folder "posts " (folio read
// posts/'s).
func hugoContentDirName(v any) (string, bool) {
	switch v := v.(type) {
	case nil, map[string]any, []any:
		return "", true
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// hugoContentSum is what hugoContentOf gives, as text for a config's sum
// (hugoConfigSum): never empty, so that a Hugo site's root always sums
// to other than 0 (a hugo.toml made above a folder of notes turns its
// files out of the content folder into no pages).
func hugoContentSum(read configReader, root string) string {
	c, ok := hugoContentOf(read, root)
	if !ok {
		return "content unknown"
	}
	return fmt.Sprintf("content %q themes %q", c.contents, c.themes)
}

// hugoSiteOf is the root of the Hugo site whose folders hold the folder
// dir: the nearest Hugo root (hugoRoot) on its path, or, for a theme's
// root (SITE/themes/NAME with its theme.toml), the site's above it;
// false for none.
func (s *SiteRoots) hugoSiteOf(dir string) (string, bool) {
	n := dir
	for !s.inHugoRoot(n) {
		if n == "." || n == "/" || n == "" {
			return "", false
		}
		n = path.Dir(n)
	}
	if up := path.Dir(n); n != "." && path.Base(up) == "themes" && s.inHugoRoot(path.Dir(up)) {
		return path.Dir(up), true
	}
	return n, true
}

// hugoOutsideContent reports whether the file at p is in a Hugo site
// (hugoSiteOf) outside the folders it reads its pages from
// (hugoContentOf): no page of the site. Its config is read of fsys once;
// false when s has none to read, or folio cannot tell.
func (s *SiteRoots) hugoOutsideContent(p string) bool {
	if s == nil || s.fsys == nil || !s.InHugo(p) {
		return false
	}
	root, ok := s.hugoSiteOf(path.Dir(p))
	if !ok {
		return false
	}
	c, ok := s.hugoContentDirs(root)
	if !ok {
		return false // cannot tell
	}
	rel := p
	if root != "." {
		rel = strings.TrimPrefix(p, root+"/")
	}
	if c.holds(rel) {
		return false
	}
	for _, t := range c.themes {
		if strings.HasPrefix(rel, "themes/"+t+"/"+hugoContent+"/") {
			return false
		}
	}
	return true
}

// hugoContentDirs is hugoContentOf of the Hugo site whose root is root,
// read once.
func (s *SiteRoots) hugoContentDirs(root string) (hugoContentDirs, bool) {
	if v, ok := s.contents.Load(root); ok {
		r := v.(contentsRead)
		return r.c, r.ok
	}
	c, ok := hugoContentOf(s.readConfig, root)
	s.contents.Store(root, contentsRead{c, ok})
	return c, ok
}

// contentsRead is what hugoContentOf gave of a site (SiteRoots.contents).
type contentsRead struct {
	c  hugoContentDirs
	ok bool
}

// hugoContentFolders are the content folders of the Hugo site (or theme)
// whose root is root, from root: its config's contentDir, and each
// language's own (hugoLanguageContents); content/ when it names none
// (when folio cannot tell, those it could: hugoContentOf). Hugo reads the pages, section pages
// and ignoreFiles of those folders alone (hugo 0.111.3 as oracle: with
// contentDir = "posts" beside a content/, posts/'s _index.html draft,
// ignoreFiles "secret\\.md$" and the config's cascade held for posts/'s
// pages, content/'s were no pages; a language's content/fr/_index.md is
// the home page of its pages, whose config cascade's paths are from
// content/fr/).
func (s *SiteRoots) hugoContentFolders(root string) []string {
	if s == nil || s.fsys == nil {
		return []string{hugoContent}
	}
	c, _ := s.hugoContentDirs(root)
	return c.contents
}

// hugoContentRootOf is the root of the Hugo site (or theme) one of whose
// content folders (hugoContentFolders) is the folder dir; false for none.
func (s *SiteRoots) hugoContentRootOf(dir string) (string, bool) {
	for root := path.Dir(dir); ; root = path.Dir(root) {
		if s.inHugoRoot(root) {
			rel := strings.TrimPrefix(dir, root+"/")
			if root == "." {
				rel = dir
			}
			return root, slices.Contains(s.hugoContentFolders(root), rel)
		}
		if root == "." || root == "/" || root == "" {
			return "", false
		}
	}
}
