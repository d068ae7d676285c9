package archive

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Hugo reads a site's pages from its content folder alone: content/, or
// the folder its config's contentDir names, and a theme's content/ when
// the config's theme names it. hugo 0.111.3 as oracle: SITE/other/o.md,
// SITE/themes/x/README.md and SITE/themes/y/content/u.md were no page
// (hugo list all named content/posts/a.md alone), and with theme = "x"
// SITE/themes/x/content/tp/t.md was one; with contentDir = "stuff"
// stuff/n/s.md was the one page, content/posts/a.md none. folio listed
// each as a piece (a helper's report).

// HugoOutsideContentMsg is the message of the Quiet problem of a file of
// a Hugo site outside its content folders (SiteRoots.hugoOutsideContent).
const HugoOutsideContentMsg = "not a page of the site (Hugo reads its pages from its content folder: content/, its config's contentDir, or a theme's content/ when the config names the theme)"

// hugoContent is where the Hugo site whose root is a folder reads its
// pages, as its config says (hugoContentOf).
type hugoContentDirs struct {
	content string   // its content folder, from the site's root
	themes  []string // the themes its config names, whose content/ it reads
}

// hugoContentOf is where the Hugo site whose root is root reads its
// pages, its config's files read by read; false when folio cannot tell
// (a contentDir outside the site, ".", or a date: hugoContentDirName; a language's own contentDir; a
// module's mounts; a themesDir), which reads every file as a page, as
// before.
func hugoContentOf(read configReader, root string) (hugoContentDirs, bool) {
	c := hugoContentDirs{content: hugoContent}
	if v, ok := hugoSiteConfig.value(read, root, "contentdir"); ok {
		s, ok := hugoContentDirName(v)
		if !ok {
			return c, false
		}
		if s != "" { // as written: " posts" is no posts/ (hugoContentDirName)
			s = path.Clean(s)
			if s == "." || path.IsAbs(s) || s == ".." || strings.HasPrefix(s, "../") {
				return c, false
			}
			c.content = s
		}
	}
	if v, _ := hugoSiteConfig.value(read, root, "languages"); v != nil {
		if langs, ok := v.(map[string]any); ok {
			for _, l := range langs {
				if l, ok := l.(map[string]any); ok {
					if _, ok := hugoKey(l, "contentdir"); ok {
						return c, false
					}
				}
			}
		}
	}
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
	return fmt.Sprintf("content %s themes %q", c.content, c.themes)
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
	if strings.HasPrefix(rel, c.content+"/") {
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
		if c, ok := v.(hugoContentDirs); ok {
			return c, true
		}
		return hugoContentDirs{content: hugoContent}, false
	}
	c, ok := hugoContentOf(s.readConfig, root)
	if !ok {
		s.contents.Store(root, false)
		return c, false
	}
	s.contents.Store(root, c)
	return c, true
}

// hugoContentFolder is the content folder of the Hugo site (or theme)
// whose root is root, from root: its config's contentDir, content/ when it
// names none or folio cannot tell (hugoContentOf). Hugo reads the pages,
// section pages and ignoreFiles of that folder alone (hugo 0.111.3 as
// oracle: with contentDir = "posts" beside a content/, posts/'s
// _index.html draft, ignoreFiles "secret\\.md$" and the config's cascade
// held for posts/'s pages, content/'s were no pages).
func (s *SiteRoots) hugoContentFolder(root string) string {
	if s == nil || s.fsys == nil {
		return hugoContent
	}
	c, _ := s.hugoContentDirs(root)
	return c.content
}

// hugoContentRootOf is the root of the Hugo site (or theme) whose content
// folder (hugoContentFolder) is the folder dir; false for none.
func (s *SiteRoots) hugoContentRootOf(dir string) (string, bool) {
	for root := path.Dir(dir); ; root = path.Dir(root) {
		if s.inHugoRoot(root) {
			rel := strings.TrimPrefix(dir, root+"/")
			if root == "." {
				rel = dir
			}
			return root, rel == s.hugoContentFolder(root)
		}
		if root == "." || root == "/" || root == "" {
			return "", false
		}
	}
}
