package archive

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A Hugo section page's cascade gives the pages under it the values they
// do not set, the nearest section's first, keys in any case; its draft
// makes them drafts, its _build render never unrendered; an entry with a
// _target is not read; outside a Hugo site no cascade is taken (a
// helper's report against Hugo 0.111: folio read none).
func TestHugoCascade(t *testing.T) {
	page := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2020-01-01\n" + extra + "---\nText.\n")}
	}
	files := func(config bool) fstest.MapFS {
		fsys := fstest.MapFS{
			"content/_index.md":        {Data: []byte("---\ntitle: Home\ncascade:\n  Author: Home Author\n  outlet: Home Outlet\n---\n")},
			"content/ft/_index.md":     {Data: []byte("---\ntitle: FT\ncascade:\n  Tags: [ft-column]\n  outlet: Financial Times\n---\n")},
			"content/ft/a.md":          page("A", ""),
			"content/ft/deep/b.md":     page("B", "outlet: Own\nauthor: Own Author\n"),
			"content/wip/_index.md":    {Data: []byte("+++\ntitle = 'WIP'\n[cascade]\ndraft = true\n+++\n")},
			"content/wip/w/index.md":   page("W", ""),
			"content/hidden/_index.md": {Data: []byte("{\"title\": \"H\", \"cascade\": {\"_build\": {\"render\": \"never\"}}}\n")},
			"content/hidden/h.md":      page("H", ""),
			"content/aimed/_index.md":  {Data: []byte("---\ntitle: Aimed\ncascade:\n- _target: {path: /nowhere/**}\n  draft: true\n- tags: [aimed]\n---\n")},
			"content/aimed/t.md":       page("T", ""),
			"content/broken/_index.md": {Data: []byte("---\ntitle: [\ncascade:\n  draft: true\n---\n")},
			"content/broken/ok.md":     page("OK", ""),
		}
		if config {
			fsys["hugo.toml"] = &fstest.MapFile{Data: []byte("title = 'S'\n")}
		}
		return fsys
	}
	type want struct {
		outlet  string
		authors []string
		tags    []string
	}
	arch, probs := Load(files(true))
	for id, w := range map[string]want{
		"content/ft/a":      {"Financial Times", []string{"Home Author"}, []string{"ft-column"}},
		"content/ft/deep/b": {"Own", []string{"Own Author"}, []string{"ft-column"}},
		"content/aimed/t":   {"Home Outlet", []string{"Home Author"}, []string{"aimed"}},
		"content/broken/ok": {"Home Outlet", []string{"Home Author"}, nil},
	} {
		a, ok := arch.Get(id)
		if !ok {
			t.Errorf("%s: not loaded (%v)", id, probs)
			continue
		}
		if a.Outlet != w.outlet || !slices.Equal(a.Authors, w.authors) || !slices.Equal(a.Tags, w.tags) {
			t.Errorf("%s: outlet %q, authors %q, tags %q; want %q, %q, %q", id, a.Outlet, a.Authors, a.Tags, w.outlet, w.authors, w.tags)
		}
	}
	msgs := map[string]string{}
	for _, p := range probs {
		msgs[p.Path] = p.Msg
	}
	if msgs["content/wip/w/index.md"] != DraftMsg {
		t.Errorf("the draft section's page: %q, want %q", msgs["content/wip/w/index.md"], DraftMsg)
	}
	if msgs["content/hidden/h.md"] != UnrenderedMsg {
		t.Errorf("the unrendered section's page: %q, want %q", msgs["content/hidden/h.md"], UnrenderedMsg)
	}
	if len(arch.Articles) != 4 {
		t.Errorf("%d pieces, want 4", len(arch.Articles))
	}
	// one page read alone, the file system asked for its section pages
	fsys := files(true)
	if a, _ := ParseIn(fsys, "content/ft/a.md", fsys["content/ft/a.md"].Data); a.Outlet != "Financial Times" {
		t.Errorf("ParseIn: outlet %q, want the cascade's", a.Outlet)
	}
	// no Hugo site: no cascade
	arch, _ = Load(files(false))
	if len(arch.Articles) != 6 {
		t.Errorf("outside a Hugo site: %d pieces, want 6", len(arch.Articles))
	}
	if a, ok := arch.Get("content/ft/a"); !ok || a.Outlet != "" || len(a.Tags) != 0 {
		t.Errorf("outside a Hugo site: %+v", a)
	}
}

// CascadeSum changes with a section page's cascade alone.
func TestCascadeSum(t *testing.T) {
	a := CascadeSum([]byte("---\ntitle: A\ncascade:\n  outlet: X\n  tags: [a, b]\n---\nText.\n"))
	b := CascadeSum([]byte("---\ntitle: B\ncascade:\n  tags: [a, b]\n  outlet: X\n---\nOther text.\n"))
	c := CascadeSum([]byte("---\ntitle: A\ncascade:\n  outlet: Y\n  tags: [a, b]\n---\nText.\n"))
	if a == 0 || a != b || a == c {
		t.Errorf("sums %d, %d, %d: want the first two equal, the third other, none 0", a, b, c)
	}
	if s := CascadeSum([]byte("---\ntitle: A\n---\n")); s != 0 {
		t.Errorf("no cascade: sum %d", s)
	}
}

// A cascade is the site's alone: an _index.md above a Hugo site's root
// (a notes folder holding the site, or the site's root itself) gives its
// pages nothing; a page's own value under another key of the field
// (publication: for the outlet, author: for the authors) keeps a
// cascaded one out; and a cascade's sum tells a list from a string
// (a review: [middle, east] and ["middle east"] summed alike, so the
// change was missed).
func TestHugoCascadeIsTheSitesAlone(t *testing.T) {
	page := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2020-01-01\n" + extra + "---\nText.\n")}
	}
	fsys := fstest.MapFS{
		"_index.md":                   {Data: []byte("---\ntitle: Notes\ncascade:\n  draft: true\n  tags: [leaked]\n---\n")},
		"site/hugo.toml":              {Data: []byte("title = 'S'\n")},
		"site/_index.md":              {Data: []byte("---\ntitle: Repo\ncascade:\n  draft: true\n---\n")},
		"site/content/s/_index.md":    {Data: []byte("---\ntitle: S\ncascade:\n  outlet: Cascade Outlet\n  authors: [Cascade Author]\n---\n")},
		"site/content/s/own.md":       page("Own", "publication: Own Journal\nauthor: Ann Lee\n"),
		"site/content/s/bare.md":      page("Bare", ""),
		"site/content/other/plain.md": page("Plain", ""),
	}
	arch, probs := Load(fsys)
	for id, want := range map[string][2]string{
		"site/content/s/own":       {"Own Journal", "Ann Lee"},
		"site/content/s/bare":      {"Cascade Outlet", "Cascade Author"},
		"site/content/other/plain": {"", ""},
	} {
		a, ok := arch.Get(id)
		if !ok {
			t.Errorf("%s: not loaded (a cascade from above the site?) %v", id, probs)
			continue
		}
		if a.Outlet != want[0] || strings.Join(a.Authors, ", ") != want[1] || len(a.Tags) > 0 {
			t.Errorf("%s: outlet %q, authors %q, tags %q; want %q, %q, none", id, a.Outlet, a.Authors, a.Tags, want[0], want[1])
		}
	}
	list := []byte("---\ntitle: P\ncascade:\n  keywords: [middle, east]\n---\n")
	one := []byte("---\ntitle: P\ncascade:\n  keywords: [\"middle east\"]\n---\n")
	if CascadeSum(list) == CascadeSum(one) {
		t.Error("a cascade's list and its one string sum alike")
	}
}

// A cascade entry's _target gives its values only to the pages it
// matches, as Hugo 0.111 does (a helper's report: an entry with one was
// left out). Each want below is what hugo 0.111.3 built of this site
// (a layout printing .Params.outlet, .Params.description, .Params.author,
// .Params.tags; hugo list drafts): "/blog/*" stops at a folder, "/blog/**"
// does not, the path is matched in any case with its extension, a kind
// of section, a development environment and a language other than the
// default match no page, and a cascade of one map gives its values to
// every page below, its _target ignored.
func TestHugoCascadeTarget(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, hugoTargetSite)
	arch, probs, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ outlet, standfirst, authors, tags string }
	for id, w := range map[string]want{
		"content/blog/a":      {"Top", "", "", "blog"},
		"content/blog/kx":     {"Top", "K", "", "blog"},
		"content/blog/upper":  {"Top", "", "Upper", "blog"},
		"content/blog/sub/b":  {"", "", "", "blog"},
		"content/news/n":      {"MapForm", "", "", ""},
		"content/news/old/o":  {"MapForm", "", "", ""},
		"content/other/plain": {"", "", "", ""},
	} {
		a, ok := arch.Get(id)
		if !ok {
			t.Errorf("%s: not loaded (%v)", id, probs)
			continue
		}
		got := want{a.Outlet, a.Standfirst, strings.Join(a.Authors, ","), strings.Join(a.Tags, ",")}
		if got != w {
			t.Errorf("%s: %+v, want %+v", id, got, w)
		}
	}
	drafts := 0
	for _, p := range probs {
		if p.Msg == DraftMsg {
			drafts++
			if p.Path != "content/blog/sub/x.md" {
				t.Errorf("%s is a draft", p.Path)
			}
		}
	}
	if drafts != 1 || len(arch.Articles) != 7 {
		t.Errorf("%d drafts, %d pieces; want content/blog/sub/x.md alone, and 7", drafts, len(arch.Articles))
	}
}

// hugoTargetSite is a Hugo site whose cascades have targets
// (TestHugoCascadeTarget).
var hugoTargetSite = func() map[string]string {
	files := map[string]string{
		"hugo.toml": "baseURL = 'https://example.org/'\ntitle = 'T'\n",
		"content/blog/_index.md": `---
title: Blog
cascade:
  - _target:
      path: "/blog/**"
      kind: page
    tags: [blog]
  - _target:
      path: "/blog/*"
    outlet: Top
  - _target:
      path: "/blog/k*.md"
    description: K
  - _target:
      kind: section
    author: Section
  - _target:
      environment: development
    author: Dev
  - _target:
      lang: fr
    author: French
  - _target:
      path: "/Blog/Upper*"
    author: Upper
  - _target:
      path: "/blog/sub/{x,y}.md"
    draft: true
---
`,
		"content/news/_index.md": `---
title: News
cascade:
  _target:
    path: "/nowhere/**"
  outlet: MapForm
---
`,
	}
	for _, p := range []string{"blog/a", "blog/kx", "blog/Upper", "blog/sub/b", "blog/sub/x", "news/n", "news/old/o", "other/plain"} {
		files["content/"+p+".md"] = "---\ntitle: " + p + "\ndate: 2020-01-01\n---\nText.\n"
	}
	return files
}()

// A Hugo site's config's cascade is the farthest: content/_index.md's
// wins a key, the config's gives the others; an array's entries have
// targets, a table's _target is ignored (as hugo 0.111.3 built such a
// site: p|Cfg|HomeDesc with content/_index.md, p|Cfg|CfgDesc without);
// config/_default/hugo.toml's is read too.
func TestHugoConfigCascade(t *testing.T) {
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	for name, config := range map[string]string{
		"hugo.toml":                 "title = 'S'\n[cascade]\noutlet = 'Cfg'\ndescription = 'CfgDesc'\n[cascade._target]\npath = '/nowhere/**'\n",
		"config.toml":               "title = 'S'\n[[cascade]]\noutlet = 'Cfg'\ndescription = 'CfgDesc'\n[cascade._target]\npath = '/news/**'\n",
		"config/_default/hugo.toml": "[[cascade]]\noutlet = 'Cfg'\ndescription = 'CfgDesc'\n",
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			name:                config,
			"content/_index.md": "---\ntitle: Home\ncascade:\n  description: HomeDesc\n---\n",
			"content/news/a.md": piece,
			"content/blog/b.md": piece,
		})
		arch, probs, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range map[string][2]string{
			"content/news/a": {"Cfg", "HomeDesc"},
			"content/blog/b": {"Cfg", "HomeDesc"},
		} {
			if name == "config.toml" && id == "content/blog/b" {
				want[0] = "" // not the target's
			}
			a, ok := arch.Get(id)
			if !ok || a.Outlet != want[0] || a.Standfirst != want[1] {
				t.Errorf("%s: %s: outlet %q, standfirst %q; want %q, %q (%v)", name, id, a.Outlet, a.Standfirst, want[0], want[1], probs)
			}
		}
	}
}

// A Hugo site's contentDir of two folders (a/b) takes its config's
// cascade, its targets' paths from a/b/, and not the cascade of a/'s
// _index.md, which is outside it: hugo 0.111.3 as oracle built
// a/b/posts/x.md with author Home (a/b/_index.md's), outlet Out and tags
// Cas (the config's, the second of target path "/posts/**"), no outlet
// Outside; folio read neither of the config's (the folder after the
// content folder on the page's path was a/, not the site's root).
func TestHugoContentDirOfTwoFoldersTakesTheConfigCascade(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":      "title = 'S'\ncontentDir = 'a/b'\n[[cascade]]\nauthor = 'Cfg'\noutlet = 'Out'\n[[cascade]]\ntags = 'Cas'\n[cascade._target]\npath = '/posts/**'\n",
		"a/_index.md":    "---\ntitle: Outside\ncascade:\n  outlet: Outside\n---\n",
		"a/b/_index.md":  "---\ntitle: Home\ncascade:\n  author: Home\n---\n",
		"a/b/posts/x.md": "---\ntitle: X\ndate: 2020-01-01\n---\nText.\n",
	})
	for _, how := range []string{"scan", "fs"} {
		var arch *Archive
		if how == "scan" {
			arch, _ = loadSite(t, root)
		} else {
			arch, _ = Load(os.DirFS(root))
		}
		a := byPathOf(t, arch, "a/b/posts/x.md")
		if fmt.Sprint(a.Authors) != "[Home]" || a.Outlet != "Out" || !slices.Equal(a.Tags, []string{"cas"}) {
			t.Errorf("%s: authors %q, outlet %q, tags %q; want [Home], Out, [cas]", how, a.Authors, a.Outlet, a.Tags)
		}
	}
}

// A section page the site's ignoreFiles match gives the pages below
// neither its draft nor its cascade: Hugo never reads it (Hugo 0.111 as
// oracle: content/sec/_index.md with draft: true and ignoreFiles =
// ["_index\\.md$"], sec/b.md and sec/sub/c.md were published; folio hid
// them, an attack's report). Asked of the file system and of a scan's
// section pages (KnowSections) alike.
func TestIgnoredSectionPageGivesNothing(t *testing.T) {
	page := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"draft/hugo.toml":             "ignoreFiles = ['_index\\.md$']\n",
		"draft/content/sec/_index.md": "---\ntitle: S\ndraft: true\n---\n",
		"draft/content/sec/b.md":      page,
		"draft/content/sec/sub/c.md":  page,
		"casc/hugo.toml":              "ignoreFiles = ['sec/_index\\.md$']\n",
		"casc/content/sec/_index.md":  "---\ntitle: S\ncascade:\n  outlet: FromIgnored\n---\n",
		"casc/content/sec/b.md":       page,
		"casc/content/_index.md":      "---\ntitle: Home\ncascade:\n  outlet: FromHome\n---\n",
		"kept/hugo.toml":              "title = 'K'\n",
		"kept/content/sec/_index.md":  "---\ntitle: S\ndraft: true\n---\n",
		"kept/content/sec/b.md":       page,
	})
	arch, _ := loadSite(t, root)
	for _, p := range []string{"draft/content/sec/b.md", "draft/content/sec/sub/c.md"} {
		byPathOf(t, arch, p)
	}
	if got := byPathOf(t, arch, "casc/content/sec/b.md").Outlet; got != "FromHome" {
		t.Errorf("casc: outlet %q, want FromHome", got)
	}
	if slices.ContainsFunc(arch.Articles, func(a Article) bool { return a.Path == "kept/content/sec/b.md" }) {
		t.Error("kept/content/sec/b.md is a piece under a draft section")
	}
	// asked of the file system: no scan's section pages
	sites := NewSiteRoots(os.DirFS(root))
	for p, want := range map[string]string{"draft/content/sec/sub/c.md": "", "casc/content/sec/b.md": "FromHome"} {
		a, probs := ParseInSite(p, []byte(page), func() bool { return sites.InJekyll(p) }, func() bool { return sites.InHugo(p) }, sites)
		if a.ID == "" || a.Outlet != want {
			t.Errorf("%s: outlet %q (%v), want a piece with %q", p, a.Outlet, probs, want)
		}
	}
}

// In a multilingual Hugo site a page takes its own language's section
// pages alone, their drafts and cascades: _index.fr.md fr's, _index.md
// the default language's; the config's cascade is every language's, its
// _target's lang a glob of the page's. An _index.fr.md is a section
// page, no piece. As hugo 0.111.3 built this site (an attack's report):
// news/n.fr.md published under a draft news/_index.md, blog/a.fr.md
// hidden by a draft blog/_index.fr.md, blog/a.md not; c/p.fr.md tagged
// by c/_index.fr.md's cascade, not c/_index.md's; t/_index.md's entry
// for lang fr given to no page (t/u.fr.md takes no _index.md), its entry
// for en to t/u.md; content/_index.md's outlet to the en pages alone.
// folio read a folder's _index.md for every language, and listed the
// _index.fr.md's as pieces.
func TestHugoTranslationTakesItsLanguagesSectionPages(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n" }
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hugo.toml": "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n" +
			"[[cascade]]\nauthor = 'Cfg All'\n[[cascade]]\ndescription = 'CfgFr'\n[cascade._target]\nlang = 'fr'\n",
		"content/_index.md":         "---\ntitle: Home\ncascade:\n  outlet: HomeEn\n---\n",
		"content/news/_index.md":    "---\ntitle: News\ndraft: true\n---\n",
		"content/news/_index.fr.md": "---\ntitle: Nouvelles\n---\n",
		"content/news/n.md":         page("n"),
		"content/news/n.fr.md":      page("n fr"),
		"content/blog/_index.fr.md": "---\ntitle: Blog\ndraft: true\n---\n",
		"content/blog/a.md":         page("a"),
		"content/blog/a.fr.md":      page("a fr"),
		"content/c/_index.md":       "---\ntitle: C\ncascade:\n  tags: [cen]\n---\n",
		"content/c/_index.fr.md":    "---\ntitle: C\ncascade:\n  tags: [cfr]\n---\n",
		"content/c/p.md":            page("p"),
		"content/c/p.fr.md":         page("p fr"),
		"content/t/_index.md":       "---\ntitle: T\ncascade:\n- _target: {lang: fr}\n  tags: [tfr]\n- _target: {lang: en}\n  tags: [ten]\n---\n",
		"content/t/u.md":            page("u"),
		"content/t/u.fr.md":         page("u fr"),
	})
	arch, probs, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ outlet, standfirst, authors, tags string }
	wants := map[string]want{
		"content/blog/a":    {"HomeEn", "", "Cfg All", ""},
		"content/news/n-fr": {"", "CfgFr", "Cfg All", ""},
		"content/c/p":       {"HomeEn", "", "Cfg All", "cen"},
		"content/c/p-fr":    {"", "CfgFr", "Cfg All", "cfr"},
		"content/t/u":       {"HomeEn", "", "Cfg All", "ten"},
		"content/t/u-fr":    {"", "CfgFr", "Cfg All", ""},
	}
	for id, w := range wants {
		a, ok := arch.Get(id)
		if !ok {
			t.Errorf("%s: not loaded", id)
			continue
		}
		if got := (want{a.Outlet, a.Standfirst, strings.Join(a.Authors, ","), strings.Join(a.Tags, ",")}); got != w {
			t.Errorf("%s: %+v, want %+v", id, got, w)
		}
	}
	if len(arch.Articles) != len(wants) {
		t.Errorf("%d pieces, want %d", len(arch.Articles), len(wants))
	}
	sameLines(t, "problems", problemLines(probs, func(Problem) bool { return true }), []string{
		"content/_index.md: " + SectionPageMsg + " (quiet true)",
		"content/blog/_index.fr.md: " + SectionPageMsg + " (quiet true)",
		"content/blog/a.fr.md: " + HugoDraftSectionMsg + " (quiet true)",
		"content/c/_index.fr.md: " + SectionPageMsg + " (quiet true)",
		"content/c/_index.md: " + SectionPageMsg + " (quiet true)",
		"content/news/_index.fr.md: " + SectionPageMsg + " (quiet true)",
		"content/news/_index.md: " + SectionPageMsg + " (quiet true)",
		"content/news/n.md: " + HugoDraftSectionMsg + " (quiet true)",
		"content/t/_index.md: " + SectionPageMsg + " (quiet true)",
	})
	// one page read alone, the file system asked for its section pages
	fsys := os.DirFS(dir)
	for p, wantTags := range map[string]string{"content/c/p.fr.md": "cfr", "content/c/p.md": "cen"} {
		data, _ := os.ReadFile(dir + "/" + p)
		if a, _ := ParseIn(fsys, p, data); strings.Join(a.Tags, ",") != wantTags {
			t.Errorf("ParseIn(%s): tags %q, want %s", p, a.Tags, wantTags)
		}
	}
	data, _ := os.ReadFile(dir + "/content/blog/a.fr.md")
	if _, probs := ParseIn(fsys, "content/blog/a.fr.md", data); !slices.ContainsFunc(probs, func(p Problem) bool { return p.Msg == HugoDraftSectionMsg }) {
		t.Errorf("ParseIn(content/blog/a.fr.md): %v, want it under a draft section", probs)
	}
}

// hugoSectionsAgree checks the pieces of a scan (Open: the scan's
// section pages known) and each page read alone (ParseIn: the file
// system asked for them) of the archive of files: wants the published
// pages by id, their tags; hidden the paths of those under a draft
// section.
func hugoSectionsAgree(t *testing.T, files map[string]string, wants map[string]string, hidden []string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	arch, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for id, w := range wants {
		a, ok := arch.Get(id)
		if !ok {
			t.Errorf("Open: %s not loaded", id)
		} else if got := strings.Join(a.Tags, ","); got != w {
			t.Errorf("Open: %s: tags %q, want %q", id, got, w)
		}
	}
	if len(arch.Articles) != len(wants) {
		var ids []string
		for _, a := range arch.Articles {
			ids = append(ids, a.ID)
		}
		t.Errorf("Open: pieces %q, want %d", ids, len(wants))
	}
	fsys := os.DirFS(dir)
	for id, w := range wants {
		p := id + ".md"
		data, _ := os.ReadFile(dir + "/" + p)
		a, probs := ParseIn(fsys, p, data)
		if got := strings.Join(a.Tags, ","); got != w {
			t.Errorf("ParseIn(%s): tags %q, want %q", p, got, w)
		}
		if slices.ContainsFunc(probs, func(p Problem) bool { return p.Msg == HugoDraftSectionMsg }) {
			t.Errorf("ParseIn(%s): %v, want it published", p, probs)
		}
	}
	for _, p := range hidden {
		data, _ := os.ReadFile(dir + "/" + p)
		if _, probs := ParseIn(fsys, p, data); !slices.ContainsFunc(probs, func(p Problem) bool { return p.Msg == HugoDraftSectionMsg }) {
			t.Errorf("ParseIn(%s): %v, want it under a draft section", p, probs)
		}
	}
}

// A page's own language's section page is its section's before one
// whose name ends in another language (_index.en.md before _index.de.md,
// de no language of the site) and before _index.md. As hugo 0.111.3
// built these two sites (a review of d7de0aa, 40ra): two/news/m.md and
// n.md published tagged [newsen] by news/_index.en.md, the draft
// _index.de.md beside hiding nothing; one/e/p.md tagged [een] by
// e/_index.en.md, a draft e/_index.md beside. folio ranked the
// _index.X.md alike and kept the first by name, _index.de.md, whose
// draft hid news/; and _index.md before _index.en.md.
func TestHugoOwnLanguagesSectionPageFirst(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n" }
	hugoSectionsAgree(t, map[string]string{
		"one/hugo.toml":              "baseURL = 'https://e.org/'\n",
		"one/content/e/_index.en.md": "---\ntitle: E\ncascade:\n  tags: [een]\n---\n",
		"one/content/e/_index.md":    "---\ntitle: E\ndraft: true\n---\n",
		"one/content/e/p.md":         page("p"),
		// the language's own before _index.html (a review, hugo 0.111.3
		// as oracle: c/p.md tagged cen, d/p.md cen too)
		"one/content/c/_index.html":        "---\ntitle: H\ncascade:\n  tags: [chtml]\n---\n<p>x</p>\n",
		"one/content/c/_index.en.md":       "---\ntitle: C\ncascade:\n  tags: [cen]\n---\n",
		"one/content/c/p.md":               page("cp"),
		"one/content/d/_index.html":        "---\ntitle: H\ncascade:\n  tags: [dhtml]\n---\n<p>x</p>\n",
		"one/content/d/_index.en.markdown": "---\ntitle: D\ncascade:\n  tags: [den]\n---\n",
		"one/content/d/p.md":               page("dp"),
		"two/hugo.toml":                    "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"two/content/news/_index.de.md":    "---\ntitle: NewsDe\ndraft: true\n---\n",
		"two/content/news/_index.en.md":    "---\ntitle: NewsEn\ncascade:\n  tags: [newsen]\n---\n",
		"two/content/news/m.md":            page("m"),
		"two/content/news/n.md":            page("n"),
	}, map[string]string{
		"one/content/e/p":    "een",
		"one/content/c/p":    "cen",
		"one/content/d/p":    "den",
		"two/content/news/m": "newsen",
		"two/content/news/n": "newsen",
	}, nil)
}

// A section page whose name ends in a language the site does not have
// (_index.fr.md in a site of one language, _index.v2.md, _index.de.md in
// a site of en and fr) gives its cascade to none of the section's pages,
// its draft hiding them. As hugo 0.111.3 built these two sites (a review
// of d7de0aa, 40ra): one/blog/b.md and one/news/n.md without tags,
// one/old/o.md unpublished; two/blog/b.md without tags, two/d/p.md
// unpublished. folio gave the cascades (a scan; a page read alone took
// none), and a page read alone took no such draft.
func TestHugoSectionPageOfAnotherLanguage(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n" }
	hugoSectionsAgree(t, map[string]string{
		"one/hugo.toml":                 "baseURL = 'https://e.org/'\n",
		"one/content/blog/_index.fr.md": "---\ntitle: BlogFr\ncascade:\n  tags: [casc]\n---\n",
		"one/content/blog/b.md":         page("b"),
		"one/content/news/_index.v2.md": "---\ntitle: NewsV2\ncascade:\n  tags: [casc2]\n---\n",
		"one/content/news/n.md":         page("n"),
		"one/content/old/_index.old.md": "---\ntitle: Old\ndraft: true\n---\n",
		"one/content/old/o.md":          page("o"),
		"two/hugo.toml":                 "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"two/content/blog/_index.de.md": "---\ntitle: BlogDe\ncascade:\n  tags: [dec]\n---\n",
		"two/content/blog/b.md":         page("b"),
		"two/content/d/_index.de.md":    "---\ntitle: D\ndraft: true\n---\n",
		"two/content/d/p.md":            page("p"),
	}, map[string]string{
		"one/content/blog/b": "",
		"one/content/news/n": "",
		"two/content/blog/b": "",
	}, []string{"one/content/old/o.md", "two/content/d/p.md"})
}

// A name that starts with "_index." is a section page in a Hugo site
// alone (hugoSectionName): elsewhere it is a piece, as before the
// fortieth session (a notes folder's _index.old.md was listed as a
// section page). In a Hugo site of en and fr, as hugo 0.111.3 built it:
// a draft blog/_index.aa.fr.md hid blog/a.fr.md alone, its cascade given
// to none (rendered as a page at fr's /blog/), and beside an
// _index.fr.md was fr's, first by name, whose cascade was then given to
// none; a draft plain/_index.aa.bb.md hid plain/p.md. folio listed both
// _index.aa.*.md as drafts and their sections' pages as pieces.
func TestIndexNameIsASectionPageInASiteAlone(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n" }
	casc := func(tag string) string { return "---\ntitle: K\ncascade:\n  tags: [" + tag + "]\n---\n" }
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"notes/_index.old.md":                page("Old notes"),
		"notes/_index.fr.md":                 page("Notes fr"),
		"notes/a.md":                         page("a"),
		"site/hugo.toml":                     "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"site/content/blog/_index.aa.fr.md":  "---\ntitle: B\ndraft: true\n---\n",
		"site/content/blog/a.fr.md":          page("afr"),
		"site/content/blog/b.md":             page("b"),
		"site/content/two/_index.aa.fr.md":   casc("aafr"),
		"site/content/two/_index.fr.md":      casc("fr"),
		"site/content/two/t.fr.md":           page("tfr"),
		"site/content/plain/_index.aa.bb.md": "---\ntitle: P\ndraft: true\n---\n",
		"site/content/plain/p.md":            page("p"),
	})
	arch, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arch.Articles {
		got[a.Path] = strings.Join(a.Tags, ",")
	}
	want := map[string]string{"notes/_index.old.md": "", "notes/_index.fr.md": "", "notes/a.md": "", "site/content/blog/b.md": "", "site/content/two/t.fr.md": ""}
	if !maps.Equal(got, want) {
		t.Errorf("Open: pieces and their tags %v, want %v", got, want)
	}
	fsys := os.DirFS(dir)
	for p, hidden := range map[string]bool{"notes/_index.old.md": false, "site/content/blog/a.fr.md": true, "site/content/plain/p.md": true, "site/content/two/t.fr.md": false} {
		data, _ := os.ReadFile(filepath.Join(dir, p))
		a, probs := ParseIn(fsys, p, data)
		if IsFatal(probs) != hidden || !hidden && len(a.Tags) != 0 {
			t.Errorf("ParseIn(%s): %v %v, want hidden %v, no tags", p, a.Tags, probs, hidden)
		}
	}
	for _, p := range []string{"notes/_index.old.md", "notes/_index.fr.md"} {
		if IsSectionPage(p) {
			t.Errorf("IsSectionPage(%s) outside a site", p)
		}
		if a, probs := Parse(p, []byte(page("x"))); IsFatal(probs) || a.ID == "" {
			t.Errorf("Parse(%s): %v, want a piece", p, probs)
		}
	}
	for _, p := range []string{"_index.fr.md", "_index.aa.fr.md", "_index.v2.markdown"} {
		if !IsSectionPageIn(p, func() bool { return true }) || IsSectionPageIn(p, func() bool { return false }) || IsSectionPageIn(p, nil) {
			t.Errorf("IsSectionPageIn(%s): a section page in a Hugo site alone", p)
		}
	}
	if IsSectionPageIn("_index.fr.MD", func() bool { return true }) || IsSectionPageIn("_index.fr.txt", func() bool { return true }) {
		t.Error("IsSectionPageIn: a name Hugo reads as no page")
	}
}

// Of a folder's section pages for a language, Hugo takes those whose
// name says the language first, then the others, each first by name
// (sectionBefore). As hugo 0.111.3 built this site (NOTES' fortieth
// session; each folder's first file a draft, or in b/ a cascade, the
// second a cascade): a/p.md hidden by a draft _index.aa.md beside an
// _index.md, b/p.md given no tags (_index.aa.md a page to Hugo, the
// _index.md beside it no section page), c/p.md the _index.md's before a
// draft _index.zz.md, d/ hidden by _index.htm before _index.html, e/
// _index.htm's tags, f/ hidden by _index.markdown before _index.md, g/
// _index.markdown's tags, h/ hidden by _index.en.markdown before
// _index.en.md, i/ _index.en.markdown's tags, j/ _index.en.md's before a
// draft _index.aa.md, k/ hidden by _index.aa.md before _index.html; in a
// site whose language is zz, _index.zz.md's before a draft _index.md.
// folio took _index.html, then _index.htm, _index.md, _index.markdown
// (the language's own .md before its .markdown), then any other.
func TestHugoSectionPageFirstByName(t *testing.T) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n" }
	draft := "---\ntitle: U\ndraft: true\n---\n"
	casc := func(tag string) string { return "---\ntitle: K\ncascade:\n  tags: [" + tag + "]\n---\n" }
	files := map[string]string{
		"one/hugo.toml":                 "baseURL = 'https://e.org/'\n",
		"zz/hugo.toml":                  "baseURL = 'https://e.org/'\ndefaultContentLanguage = 'zz'\n",
		"zz/content/s/_index.md":        draft,
		"zz/content/s/_index.zz.md":     casc("s"),
		"zz/content/s/p.md":             page("s"),
		"one/content/b/_index.aa.md":    casc("bu"),
		"one/content/b/_index.md":       casc("b"),
		"one/content/b/p.md":            page("b"),
		"one/content/e/_index.html":     draft,
		"one/content/e/_index.htm":      casc("e"),
		"one/content/e/p.md":            page("e"),
		"one/content/g/_index.md":       draft,
		"one/content/g/_index.markdown": casc("g"),
		"one/content/g/p.md":            page("g"),
	}
	for sec, names := range map[string][2]string{
		"a": {"_index.aa.md", "_index.md"}, "c": {"_index.zz.md", "_index.md"},
		"d": {"_index.htm", "_index.html"}, "f": {"_index.markdown", "_index.md"},
		"h": {"_index.en.markdown", "_index.en.md"}, "i": {"_index.en.md", "_index.en.markdown"},
		"j": {"_index.aa.md", "_index.en.md"}, "k": {"_index.aa.md", "_index.html"},
	} {
		files["one/content/"+sec+"/"+names[0]] = draft
		files["one/content/"+sec+"/"+names[1]] = casc(sec)
		files["one/content/"+sec+"/p.md"] = page(sec)
	}
	hugoSectionsAgree(t, files, map[string]string{
		"one/content/b/p": "",
		"one/content/c/p": "c",
		"one/content/e/p": "e",
		"one/content/g/p": "g",
		"one/content/i/p": "i",
		"one/content/j/p": "j",
		"zz/content/s/p":  "s",
	}, []string{"one/content/a/p.md", "one/content/d/p.md", "one/content/f/p.md", "one/content/h/p.md", "one/content/k/p.md"})
}
