package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// zolaPage is a Zola page's file: TOML front matter with its title, and
// the lines of more given.
func zolaPage(title, more string) string {
	return "+++\ntitle = \"" + title + "\"\n" + more + "+++\nText.\n"
}

// A Zola site's config.toml (beside content/, as an older Hugo site's)
// says its languages as Zola reads them, not as Hugo would: its
// default_language is a page's ("en" when none is named), its
// languages are those "outside of the default one" (getzola/zola
// components/config/src/config/mod.rs at 00cec15a, struct Config and
// Default for Config: `default_language: "en".to_string()`); a
// translation's name gives its language when the config lists it, a
// code it does not list is refused, and with no other languages any name
// is the default's (components/content/src/file_info.rs at 261f8a09,
// FileInfo::find_language: "if other_languages.is_empty()", "if
// !other_languages.contains(&parts[1].as_ref()) { bail!"). folio read
// the config as Hugo's: its [languages.fr] made fr the site's one
// language, every page French (a.md, elections.uk.md), and a
// default_language = "de" was no language.
func TestZolaSiteLanguages(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"multi/config.toml":                  "base_url = \"https://multi.example.org\"\ndefault_language = \"en\"\ntaxonomies = [{name = \"tags\"}]\n[languages.fr]\ntitle = \"Le site\"\n[extra]\nx = 1\n",
		"multi/content/_index.md":            zolaPage("Home", ""),
		"multi/content/blog/_index.md":       zolaPage("Blog", "sort_by = \"date\"\n"),
		"multi/content/blog/a.md":            zolaPage("A", "date = 2021-05-05\n"),
		"multi/content/blog/a.fr.md":         zolaPage("A fr", "date = 2021-05-05\n"),
		"multi/content/blog/b/index.fr.md":   zolaPage("B fr", "date = 2021-05-06\n"),
		"multi/content/blog/elections.uk.md": zolaPage("Elections", "date = 2021-05-07\n"),
		"multi/content/blog/own.md":          zolaPage("Own", "date = 2021-05-08\n[extra]\nlanguage = \"de\"\n"),
		"german/config.toml":                 "base_url = \"https://de.example.org\"\ndefault_language = \"de\"\n",
		"german/content/x.md":                zolaPage("X", "date = 2021-05-05\n"),
		"german/content/y.fr.md":             zolaPage("Y", "date = 2021-05-05\n"),
		"unnamed/config.toml":                "base_url = \"https://u.example.org\"\n",
		"unnamed/content/z.md":               zolaPage("Z", "date = 2021-05-05\n"),
		"unnamed-multi/config.toml":          "base_url = \"https://um.example.org\"\n[languages.de]\n",
		"unnamed-multi/content/w.md":         zolaPage("W", "date = 2021-05-05\n"),
		"unnamed-multi/content/w.de.md":      zolaPage("W de", "date = 2021-05-05\n"),
		"hugo/config.toml":                   "baseURL = \"https://h.example.org\"\n[languages.fr]\nweight = 1\n",
		"hugo/content/h.md":                  "---\ntitle: H\ndate: 2021-05-05\n---\nText.\n",
	})
	a, probs := loadSite(t, dir)
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems %v", probs)
	}
	languagesAre(t, a, map[string]string{
		"multi/content/blog/a.md":            "en",
		"multi/content/blog/a.fr.md":         "fr",
		"multi/content/blog/b/index.fr.md":   "fr",
		"multi/content/blog/elections.uk.md": "en", // no Ukrainian piece
		"multi/content/blog/own.md":          "de", // its own, from [extra]
		"german/content/x.md":                "de",
		"german/content/y.fr.md":             "de", // a site of one language: its name says none
		"unnamed/content/z.md":               "",   // Zola's en, which the site has not said
		"unnamed-multi/content/w.md":         "en",
		"unnamed-multi/content/w.de.md":      "de",
		"hugo/content/h.md":                  "fr", // Hugo's: its one language
	})
}

// A Zola site's page whose front matter has no date is dated by its name
// (or its bundle folder's), a date then - or _ (getzola/zola
// components/content/src/page.rs at 00afd659, Page::parse:
// "RFC3339_DATE.captures(&file_path_for_slug)", the name after
// find_language cut its language off, a bundle's index its folder's,
// then "if page.meta.date.is_none()"), as in an archive of no site;
// folio read the site as Hugo's, whose pages its name does not date
// (:filename is none of Hugo's default keys), and left them undated. A
// bundle's translation, index.fr.md, is dated by its folder as index.md
// is, its language cut off its name first (file_info.rs at 261f8a09,
// FileInfo::find_language: "self.name = parts.swap_remove(0)"); folio
// left it undated.
func TestZolaSiteDatesByName(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":                                "base_url = \"https://z.example.org\"\n[languages.fr]\n",
		"content/blog/2021-05-05-hello.md":           zolaPage("Hello", ""),
		"content/blog/2021-05-05-hello.fr.md":        zolaPage("Bonjour", ""),
		"content/blog/2021-06-06_under.md":           zolaPage("Under", ""),
		"content/blog/2021-07-07-bundle/index.md":    zolaPage("Bundle", ""),
		"content/blog/2021-07-07-bundle/index.fr.md": zolaPage("Paquet", ""),
		"content/blog/2021-09-09-solo/index.de.md":   zolaPage("Solo", ""),
		"content/blog/2021-08-08-own.md":             zolaPage("Own", "date = 2020-01-01\n"),
		"content/blog/plain.md":                      zolaPage("Plain", ""),
	})
	a, probs := loadSite(t, dir)
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems %v", probs)
	}
	want := map[string]string{
		"content/blog/2021-05-05-hello.md":           "2021-05-05",
		"content/blog/2021-05-05-hello.fr.md":        "2021-05-05",
		"content/blog/2021-06-06_under.md":           "2021-06-06",
		"content/blog/2021-07-07-bundle/index.md":    "2021-07-07",
		"content/blog/2021-07-07-bundle/index.fr.md": "2021-07-07", // its language cut off: index
		"content/blog/2021-09-09-solo/index.de.md":   "",           // de no language of the site's: refused by Zola
		"content/blog/2021-08-08-own.md":             "2020-01-01",
		"content/blog/plain.md":                      "",
	}
	got := datesOf(a)
	for p, d := range want {
		if g, ok := got[p]; !ok || g != d {
			t.Errorf("%s dated %q (a piece: %v), want %q", p, g, ok, d)
		}
	}
}

// A link to a Zola site's own URL, under its config's base_url, names
// the piece at that site path, as one under a Hugo site's baseURL does
// (getzola/zola components/config/src/config/mod.rs at 00cec15a,
// Config::make_permalink: base_url then the page's path;
// components/content/src/page.rs at 00afd659, Page::parse: a page's
// path is its folders and slug, "if let Some(ref p) = page.meta.path" its
// path key's, "if page.lang != config.default_language" a translation's
// under its language); folio read no base_url (SiteURLs none), and left
// each such link to the site itself.
func TestZolaSiteOwnURL(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":                         "base_url = \"https://zola.example.org/\"\n[languages.fr]\n",
		"content/blog/2021-05-05-hello.md":    zolaPage("Hello", ""),
		"content/blog/2021-05-05-hello.fr.md": zolaPage("Bonjour", ""),
		"content/blog/b.md":                   zolaPage("B", "date = 2021-01-01\nslug = \"custom\"\n"),
		"content/notes/n.md":                  zolaPage("N", "date = 2021-01-02\npath = \"my/note\"\n"),
		"content/links.md": "+++\ntitle = \"Links\"\ndate = 2021-01-03\n+++\n" +
			"[h](https://zola.example.org/blog/hello/) [fr](https://zola.example.org/fr/blog/hello/) " +
			"[c](https://zola.example.org/blog/custom/) [n](https://zola.example.org/my/note/) [home](https://zola.example.org/)\n",
	})
	arch, probs := loadSite(t, dir)
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems %v", probs)
	}
	links, ok := arch.Get("content/links")
	if !ok {
		t.Fatal("no content/links")
	}
	bases := SiteURLs(arch.FS, links.Path)
	if !slices.Equal(bases, []string{"https://zola.example.org/"}) {
		t.Fatalf("SiteURLs = %v", bases)
	}
	title := func(c []string) (string, bool) { a, ok := arch.Resolve(c); return a.Title, ok }
	got := MarkLinksIn(links.Body, links.Path, bases, title)
	if want := "h (→ “Hello”) fr (→ “Bonjour”) c (→ “B”) n (→ “N”) [home](https://zola.example.org/)"; got != want {
		t.Errorf("marked\n%q, want\n%q", got, want)
	}
}

// A Zola site's pages are its .md files alone: its loader skips any other
// (getzola/zola components/site/src/lib.rs at 01228451, Site::load: "skip
// hidden files and non md files", "!file_name.ends_with(\".md\")"), so a
// .markdown or .MD file is no page, listed and counted as the files a
// site does not publish are; a Hugo site's .markdown is its page. folio
// listed the Zola site's x.markdown as a piece.
func TestZolaSitePagesAreMDFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":              "base_url = \"https://z.example.org\"\n",
		"zola/content/blog/ok.md":       zolaPage("OK", "date = 2021-01-01\n"),
		"zola/content/blog/x.markdown":  zolaPage("X", "date = 2021-01-02\n"),
		"zola/content/blog/y.mdown":     zolaPage("Y", "date = 2021-01-03\n"),
		"hugo/config.toml":              "baseURL = \"https://h.example.org\"\n",
		"hugo/content/posts/h.markdown": zolaPage("H", "date = 2021-01-04\n"),
		// a Hugo config with a stray base_url and keys Zola's cannot
		// hold: Hugo's (hugo 0.111.3 lists other.markdown and leaves
		// 2021-05-05-named undated; a review, 41rb)
		"hugo2/config.toml":                       "title = \"H\"\nbase_url = \"https://h.example.org/\"\ndefaultContentLanguage = \"en\"\n[languages.en]\n[languages.fr]\n",
		"hugo2/content/posts/other.markdown":      zolaPage("Other", "date = 2021-06-07\n"),
		"hugo2/content/posts/2021-05-05-named.md": zolaPage("Named", ""),
	})
	a, probs := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"hugo/content/posts/h.markdown", "hugo2/content/posts/2021-05-05-named.md", "hugo2/content/posts/other.markdown", "zola/content/blog/ok.md"})
	for _, p := range a.Articles {
		if p.Path == "hugo2/content/posts/2021-05-05-named.md" && p.Date.Human() != "" {
			t.Errorf("a Hugo page dated by its name: %v", p.Date)
		}
	}
	sameLines(t, "notes", problemLines(probs, func(p Problem) bool { return p.Fatal }), []string{
		"zola/content/blog/x.markdown: " + ZolaExtMsg + " (quiet true)",
		"zola/content/blog/y.mdown: " + ZolaExtMsg + " (quiet true)",
	})
}

// A Zola site's translation is at its language's path, /fr/ before its
// folders and slug (getzola/zola components/content/src/page.rs at
// 00afd659, Page::parse: "if page.lang != config.default_language { path
// = format!(\"{}/{}\", page.lang, path) }"), its slug or dated name's
// after find_language cut the language off its name, a bundle's
// index.fr.md named by its folder ("if page.file.name == \"index\""): a
// link by that path names it, and the slug without /fr/ names none.
// folio keyed a slugged translation by /blog/perso/ (a link to
// /fr/blog/perso/ named nothing, one to /blog/perso/ the French piece),
// and a dated bundle's index.fr.md by no path.
func TestZolaTranslationPaths(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config.toml":                            "base_url = \"https://z.org\"\n[languages.fr]\n",
		"content/blog/s.md":                      zolaPage("S en", "date = 2020-01-01\nslug = \"custom\"\n"),
		"content/blog/s.fr.md":                   zolaPage("S fr", "date = 2020-01-01\nslug = \"perso\"\n"),
		"content/blog/2021-07-07-bb/index.fr.md": zolaPage("BB fr", ""),
		"content/blog/sb/index.fr.md":            zolaPage("SB fr", "date = 2020-01-01\nslug = \"sbfr\"\n"),
		"content/l.md": "+++\ntitle = \"L\"\ndate = 2020-01-01\n+++\n" +
			"[a](/blog/custom/) [b](https://z.org/fr/blog/perso/) [c](/fr/blog/perso/) [e](/fr/blog/bb/) [f](/fr/blog/sbfr/) [g](/blog/perso/)\n",
	})
	arch, probs := loadSite(t, dir)
	if n, _ := CountProblems(probs); n != 0 {
		t.Fatalf("problems %v", probs)
	}
	l, ok := arch.Get("content/l")
	if !ok {
		t.Fatal("no content/l")
	}
	title := func(c []string) (string, bool) { a, ok := arch.Resolve(c); return a.Title, ok }
	got := MarkLinksIn(l.Body, l.Path, SiteURLs(arch.FS, l.Path), title)
	if want := "a (→ “S en”) b (→ “S fr”) c (→ “S fr”) e (→ “BB fr”) f (→ “SB fr”) [g](/blog/perso/)"; got != want {
		t.Errorf("marked\n%q, want\n%q", got, want)
	}
}

// A Zola site's config's ignored_content globs leave the pages they match
// out, as Zola's loader skips them (getzola/zola
// components/site/src/lib.rs, Site::load: ignored_content_globset
// is_match of the page's path; globset's * crossing folders): folio
// listed them. A section page is read all the same (a draft one hides
// its pages), a glob that does not compile is left out, and a Hugo
// site's ignored_content is no key of its.
func TestZolaIgnoredContent(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":                 "base_url = \"https://z.example.org\"\nignored_content = [\"*.draft.md\", \"*/private/**\", \"[bad\", \"*/w?p/{a,b}.md\"]\n",
		"zola/content/blog/ok.md":          zolaPage("OK", "date = 2021-01-01\n"),
		"zola/content/blog/x.draft.md":     zolaPage("X", "date = 2021-01-02\n"),
		"zola/content/private/p.md":        zolaPage("P", "date = 2021-01-03\n"),
		"zola/content/private/deep/q.md":   zolaPage("Q", "date = 2021-01-04\n"),
		"zola/content/wip/a.md":            zolaPage("A", "date = 2021-01-05\n"),
		"zola/content/wip/c.md":            zolaPage("C", "date = 2021-01-06\n"),
		"zola/content/hid/_index.draft.md": "+++\ntitle = \"H\"\n+++\n",
		"zola/content/dr/_index.md":        "+++\ntitle = \"D\"\ndraft = true\n+++\n",
		"zola/content/dr/d.md":             zolaPage("D", "date = 2021-01-07\n"),
		"hugo/hugo.toml":                   "baseURL = \"https://h.example.org\"\nignored_content = [\"*.draft.md\"]\n",
		"hugo/content/h.draft.md":          zolaPage("H", "date = 2021-01-08\n"),
	})
	a, probs := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"hugo/content/h.draft.md", "zola/content/blog/ok.md", "zola/content/wip/c.md"})
	sameLines(t, "ignored", problemLines(probs, func(p Problem) bool { return p.Msg == ZolaIgnoredMsg }), []string{
		"zola/content/blog/x.draft.md: " + ZolaIgnoredMsg + " (quiet true)",
		"zola/content/private/deep/q.md: " + ZolaIgnoredMsg + " (quiet true)",
		"zola/content/private/p.md: " + ZolaIgnoredMsg + " (quiet true)",
		"zola/content/wip/a.md: " + ZolaIgnoredMsg + " (quiet true)",
	})
	for g, want := range map[string][]string{
		"*.md":        {"/a.md", "/x/y/a.md"},
		"**/b.md":     {"/b.md", "/x/b.md"},
		"/x/[!a]?.md": {"/x/bc.md"},
		"\\*.md":      {"*.md"},
	} {
		re, ok := zolaGlobRegexp(g)
		if !ok {
			t.Errorf("zolaGlobRegexp(%q) refused", g)
			continue
		}
		for _, p := range want {
			if !regexp.MustCompile(re).MatchString(p) {
				t.Errorf("glob %q (%s) does not match %q", g, re, p)
			}
		}
	}
	for _, g := range []string{"[bad", "{a,{b}}", "{a"} {
		if _, ok := zolaGlobRegexp(g); ok {
			t.Errorf("zolaGlobRegexp(%q) taken", g)
		}
	}
}

// A Zola site's page whose front matter says render = false (a boolean,
// at its top, its key in lower case, as Zola's serde names it) is no piece: Zola 0.19 on writes no page of it, nor
// a sitemap entry (getzola/zola components/site/src/queue.rs,
// add_section_jobs: "if page.meta.render"; sitemap.rs, find_entries),
// as Hugo's _build render never is none (UnrenderedMsg); folio listed
// it. render = true, render = "false" (which Zola refuses), a section's
// render = false (Zola renders its pages all the same) and a Hugo site's
// render = false (no key of Hugo's) leave their pages pieces; so do
// Render = false, RENDER = false (keys Zola ignores) and render = false
// under [extra] (the templates' own), which folio left out. Keys alike but
// for case: TOML's render in lower case is read whatever its order
// (both.md, which the map's order decided), YAML's render: false beside a
// later Render: true too (yboth.md, a piece: Hugo's last key won).
func TestZolaUnrenderedPage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":            "base_url = \"https://z.example.org\"\n",
		"zola/content/blog/shown.md":  zolaPage("Shown", "date = 2021-01-01\nrender = true\n"),
		"zola/content/blog/hidden.md": zolaPage("Hidden", "date = 2021-01-02\nrender = false\n"),
		"zola/content/blog/yaml.md":   "---\ntitle: Y\ndate: 2021-01-03\nrender: false\n---\nText.\n",
		"zola/content/blog/cased.md":  zolaPage("Cased", "date = 2021-01-04\nRender = false\n"),
		"zola/content/blog/upper.md":  zolaPage("Upper", "date = 2021-01-04\nRENDER = false\n"),
		"zola/content/blog/extra.md":  zolaPage("Extra", "date = 2021-01-04\n[extra]\nrender = false\n"),
		"zola/content/blog/both.md":   zolaPage("Both", "date = 2021-01-04\nrender = true\nRender = false\n"),
		"zola/content/blog/top.md":    zolaPage("Top", "date = 2021-01-04\nrender = false\n[extra]\nrender = true\n"),
		"zola/content/blog/ycase.md":  "---\ntitle: YC\ndate: 2021-01-03\nRender: false\n---\nText.\n",
		"zola/content/blog/yextra.md": "---\ntitle: YE\ndate: 2021-01-03\nextra:\n  render: false\n---\nText.\n",
		"zola/content/blog/yboth.md":  "---\ntitle: YB\ndate: 2021-01-03\nrender: false\nRender: true\n---\nText.\n",
		"zola/content/blog/string.md": zolaPage("String", "date = 2021-01-05\nrender = \"false\"\n"),
		"zola/content/sec/_index.md":  "+++\ntitle = \"S\"\nrender = false\n+++\n",
		"zola/content/sec/in.md":      zolaPage("In", "date = 2021-01-06\n"),
		"zola/content/b/index.md":     zolaPage("Bundle", "date = 2021-01-07\nrender = false\n"),
		"hugo/hugo.toml":              "baseURL = \"https://h.example.org\"\n",
		"hugo/content/h.md":           zolaPage("H", "date = 2021-01-08\nrender = false\n"),
		"notes/n.md":                  zolaPage("N", "date = 2021-01-09\nrender = false\n"),
	})
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, dir)
		} else {
			a, probs = Load(os.DirFS(dir))
		}
		// Zola reads render at the top, in lower case, alone: Render,
		// RENDER and [extra]'s render are rendered (cased.md, upper.md,
		// extra.md, both.md, ycase.md, yextra.md)
		sameLines(t, how+": pieces", piecePaths(a), []string{"hugo/content/h.md", "notes/n.md",
			"zola/content/blog/both.md", "zola/content/blog/cased.md", "zola/content/blog/extra.md", "zola/content/blog/shown.md",
			"zola/content/blog/string.md", "zola/content/blog/upper.md", "zola/content/blog/ycase.md", "zola/content/blog/yextra.md",
			"zola/content/sec/in.md"})
		sameLines(t, how+": unrendered", problemLines(probs, func(p Problem) bool { return p.Msg == ZolaUnrenderedMsg }), []string{
			"zola/content/b/index.md: " + ZolaUnrenderedMsg + " (quiet true)",
			"zola/content/blog/hidden.md: " + ZolaUnrenderedMsg + " (quiet true)",
			"zola/content/blog/top.md: " + ZolaUnrenderedMsg + " (quiet true)",
			"zola/content/blog/yaml.md: " + ZolaUnrenderedMsg + " (quiet true)",
			"zola/content/blog/yboth.md: " + ZolaUnrenderedMsg + " (quiet true)",
		})
	}
	// read alone, as the reader's watch reads a changed file
	if _, probs := ParseIn(os.DirFS(dir), "zola/content/blog/hidden.md", []byte(zolaPage("Hidden", "render = false\n"))); len(probs) != 1 || probs[0].Msg != ZolaUnrenderedMsg {
		t.Errorf("hidden.md read alone: %v, want %q", probs, ZolaUnrenderedMsg)
	}
}

// A Zola site's draft section page of any of its languages hides its
// folder's pages of every language, and every folder below it, as Zola's
// loader skips the folder (getzola/zola components/site/src/lib.rs,
// Site::load: "if the section is drafted we can skip the entire dir"):
// a draft blog/_index.fr.md hid blog/a.fr.md alone, folio listing
// blog/a.md and blog/sub/s.md. Its section pages are _index.md and
// _index.fr.md of a language its config lists besides the default one
// (allowed_index_filenames): a draft _index.de.md of a language it lacks
// (folio hid news/n.md with it, the default language's), _index.en.md of
// the default one, or _index.fr.md of a site of one language, is no
// section, and hides nothing. A Hugo site's draft _index.fr.md hides
// fr's pages alone, as before (Hugo's sections are a language's).
func TestZolaDraftSectionOfAnyLanguage(t *testing.T) {
	dir := t.TempDir()
	draft := "+++\ntitle = \"S\"\ndraft = true\n+++\n"
	page := func(title string) string { return zolaPage(title, "date = 2021-01-01\n") }
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":               "base_url = \"https://z.example.org\"\ndefault_language = \"en\"\n[languages.fr]\ntitle = \"fr\"\n",
		"zola/content/blog/_index.fr.md": draft,
		"zola/content/blog/a.md":         page("A"),
		"zola/content/blog/a.fr.md":      page("A fr"),
		"zola/content/blog/sub/s.md":     page("S"),
		"zola/content/news/_index.de.md": draft,
		"zola/content/news/n.md":         page("N"),
		"zola/content/news/n.fr.md":      page("N fr"),
		"zola/content/def/_index.en.md":  draft,
		"zola/content/def/d.md":          page("D"),
		"zola/content/old/_index.md":     draft,
		"zola/content/old/o.fr.md":       page("O fr"),
		"one/config.toml":                "base_url = \"https://one.example.org\"\n",
		"one/content/x/_index.fr.md":     draft,
		"one/content/x/x.md":             page("X"),
		"hugo/hugo.toml":                 "baseURL = 'https://h.example.org/'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"hugo/content/blog/_index.fr.md": "---\ntitle: S\ndraft: true\n---\n",
		"hugo/content/blog/h.md":         "---\ntitle: H\ndate: 2021-01-01\n---\nx\n",
		"hugo/content/blog/h.fr.md":      "---\ntitle: H fr\ndate: 2021-01-01\n---\nx\n",
	})
	want := []string{"hugo/content/blog/h.md", "one/content/x/x.md", "zola/content/def/d.md", "zola/content/news/n.fr.md", "zola/content/news/n.md"}
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, dir)
		} else {
			a, probs = Load(os.DirFS(dir))
		}
		sameLines(t, how+": pieces", piecePaths(a), want)
		// a Zola page's message names Zola (it named Hugo), a Hugo
		// page's Hugo
		for _, p := range probs {
			if !strings.Contains(p.Msg, "draft section") {
				continue
			}
			if want := map[bool]string{true: "not a page of the site (Zola publishes no page under a draft section)", false: HugoDraftSectionMsg}[strings.HasPrefix(p.Path, "zola/")]; p.Msg != want {
				t.Errorf("%s: %s: %q, want %q", how, p.Path, p.Msg, want)
			}
		}
	}
	// read alone, its section pages asked of the file system
	for p, hidden := range map[string]bool{"zola/content/blog/a.md": true, "zola/content/blog/sub/s.md": true, "zola/content/news/n.md": false} {
		_, probs := ParseIn(os.DirFS(dir), p, []byte(page("P")))
		if got := len(probs) == 1 && probs[0].Msg == ZolaDraftSectionMsg; got != hidden {
			t.Errorf("%s read alone: %v, hidden by a draft section %v", p, probs, hidden)
		}
	}
}

// A Zola site's ignored_content globs are matched against a page's
// absolute path, its links resolved, as Zola matches them (getzola/zola
// components/site/src/lib.rs, Site::load: ignored_content_globset
// is_match of the walked path, under the canonicalized root): a glob
// naming the site's folder where it is leaves its page out, and one
// written from the archive's root ("/zola/content/blog/rel.md",
// "?zola/**/q.md") leaves none out. folio matched the path from the
// archive's root with a / before it: rel.md and q.md were left out,
// abs.md listed. "*/drafts/*" and "**/x.md" answer alike either way. The
// archive opened through a link to it reads its real path as Zola does.
// An fs.FS that is no real folder's matches from the archive's root.
func TestZolaIgnoredContentIsMatchedAbsolute(t *testing.T) {
	dir := t.TempDir()
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	abs := filepath.ToSlash(real)
	globs := []string{abs + "/zola/content/blog/abs.md", "/zola/content/blog/rel.md", "?zola/**/q.md", "*/drafts/*", "**/x.md"}
	quoted := make([]string, len(globs))
	for i, g := range globs {
		quoted[i] = strconv.Quote(g)
	}
	page := zolaPage("P", "date = 2021-01-01\n")
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":           "base_url = \"https://z.example.org\"\nignored_content = [" + strings.Join(quoted, ", ") + "]\n",
		"zola/content/blog/abs.md":   page,
		"zola/content/blog/rel.md":   page,
		"zola/content/blog/q.md":     page,
		"zola/content/drafts/d.md":   page,
		"zola/content/blog/sub/x.md": page,
		"zola/content/blog/kept.md":  page,
	})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	want := []string{"zola/content/blog/kept.md", "zola/content/blog/q.md", "zola/content/blog/rel.md"}
	for _, root := range []string{dir, link} {
		a, _ := loadSite(t, root)
		sameLines(t, root+": pieces", piecePaths(a), want)
	}
	a, _ := Load(os.DirFS(dir))
	sameLines(t, "fs.FS: pieces", piecePaths(a), []string{"zola/content/blog/abs.md", "zola/content/blog/kept.md"})
}

// A Zola site's ignored_content globs are matched at a cost bounded by
// their size: a run of **/ is one (as globset's parser makes it), what
// may match nothing beside a * is left to the *, the globs starting with
// **/ or * are one regexp each with it once, and the globs past
// maxZolaGlobSize are left out, folio check naming the config's line
// (an attack's report: 100 globs of 200 **/ over 200 pages 11 folders
// deep, folio check 15 s; 10,000 mixed globs over 2,000 pages killed
// after 5 minutes). What each glob matches is unchanged.
func TestZolaGlobRunsAreOne(t *testing.T) {
	for g, want := range map[string]string{
		strings.Repeat("**/", 200) + "q.md":       `^(?:.*/)?q\.md$`,
		"a/" + strings.Repeat("**/", 50) + "q":    `^a/(?:.*/)?q$`,
		strings.Repeat("*{,}", 100) + "q.md":      `^.*q\.md$`,
		"**/*" + strings.Repeat("{,?}*", 9):       `^.*$`,
		"x*/" + strings.Repeat("**/", 9) + "*.md": `^x.*/.*\.md$`,
		"*{,[!a]}*": `^.*(?:|[^a]).*$`, // a class may match a newline
	} {
		if re, ok := zolaGlobRegexp(g); !ok || re != want {
			t.Errorf("zolaGlobRegexp(%.40q…) = %q, %v, want %q", g, re, ok, want)
		}
	}

	// each glob as written, and all of them joined, match what the glob
	// read naively (each * and **/ one group) does
	naive := func(g string) *regexp.Regexp {
		r := strings.NewReplacer("**/", "(?:.*/)?", "*", ".*", "?", ".", ".", `\.`, "{", "(?:", "}", ")", ",", "|")
		return regexp.MustCompile("^" + r.Replace(g) + "$")
	}
	globs := []string{"**/**/a.md", "*/b/**/**/*.md", "*{,}c*", "d/**/**/e/*", "**/f{,x}*.md", "*.draft.md", "g/**"}
	paths := []string{"/s/a.md", "a.md", "/s/b/c.md", "/b/x/y.md", "/c", "xcx", "/d/e/x", "d/q/e/z", "/d/e/x",
		"/q/f.md", "/q/fx.md", "/q/fyz.md", "/x.draft.md", "g/x", "/g/x", "/s/a.mdx"}
	var list []any
	for _, g := range globs {
		list = append(list, g)
	}
	joined := compileIgnoreFiles(zolaIgnorePatterns(map[string]any{"ignored_content": list}))
	for _, p := range paths {
		any := false
		for _, g := range globs {
			re, _ := zolaGlobRegexp(g)
			if got, want := regexp.MustCompile(re).MatchString(p), naive(g).MatchString(p); got != want {
				t.Errorf("glob %q matches %q: %v, read naively %v", g, p, got, want)
			}
			any = any || naive(g).MatchString(p)
		}
		if got := joined.match(p); got != any {
			t.Errorf("the globs joined match %q: %v, each alone %v", p, got, any)
		}
	}

	// 100 globs of 200 **/ are one small program
	var deep []any
	for i := range 100 {
		deep = append(deep, strings.Repeat("**/", 200)+fmt.Sprintf("q%d.md", i))
	}
	if size := patternsSize(t, zolaIgnorePatterns(map[string]any{"ignored_content": deep})); size > 100*12 {
		t.Errorf("100 globs of 200 **/ compile to %d instructions", size)
	}

	// 10,000 globs of every kind: what is matched is bounded
	var mixed []any
	for i := range 10000 {
		mixed = append(mixed, []string{
			strings.Repeat("**/", 200) + fmt.Sprintf("q%d.md", i),
			strings.Repeat("*/", 200) + fmt.Sprintf("q%d.md", i),
			strings.Repeat("*{,}", 100) + fmt.Sprintf("q%d.md", i),
			strings.Repeat("**/x/", 50) + fmt.Sprintf("q%d.md", i),
			strings.Repeat("[a-z]*", 100) + fmt.Sprintf("q%d.md", i),
		}[i%5])
	}
	pats := zolaIgnorePatterns(map[string]any{"ignored_content": mixed})
	if size := patternsSize(t, pats); size > maxZolaGlobSize+1000 {
		t.Errorf("10,000 globs compile to %d instructions, over the bound %d", size, maxZolaGlobSize)
	}

	// a real site: the globs past the bound named at their line, their
	// pages pieces; those before it matched
	dir := t.TempDir()
	zs := strings.Repeat("z", 40)
	var cfg strings.Builder
	cfg.WriteString("base_url = \"https://z.example.org\"\nignored_content = [\n  \"**/drafts/*\",\n")
	for i := range 2000 {
		fmt.Fprintf(&cfg, "  \"*/q%d-%s.md\",\n", i, zs)
	}
	cfg.WriteString("]\n")
	writeFiles(t, dir, map[string]string{
		"config.toml":                       cfg.String(),
		"content/drafts/d.md":               zolaPage("D", ""),
		"content/a/b/c/q1999-" + zs + ".md": zolaPage("Q", ""),
		"content/a/b/c/q1-" + zs + ".md":    zolaPage("Q1", ""),
		"content/a/b/c/kept.md":             zolaPage("K", ""),
	})
	a, probs := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"content/a/b/c/kept.md", "content/a/b/c/q1999-" + zs + ".md"})
	var past []string
	for _, p := range probs {
		if strings.Contains(p.Msg, "past folio's bound") {
			past = append(past, p.String())
		}
	}
	if len(past) != 1 || !strings.HasPrefix(past[0], "config.toml:") || !strings.Contains(past[0], "lists the pages they match") {
		t.Fatalf("problems of the bound: %q", past)
	}
	_, left := zolaGlobsPast(map[string]any{"ignored_content": []any{"**/drafts/*"}})
	if left != nil {
		t.Errorf("one glob left out: %q", left)
	}
	m, _ := fsConfigs(os.DirFS(dir))("config.toml")
	taken, left := zolaGlobsPast(m)
	line := 4 + len(taken) - 1 // the first left out: its line
	if want := fmt.Sprintf("config.toml:%d:", line); !strings.HasPrefix(past[0], want) {
		t.Errorf("problem %q, want it at %s", past[0], want)
	}
}

// patternsSize is the number of instructions pats compile to.
func patternsSize(t *testing.T, pats []string) int {
	t.Helper()
	n := 0
	for _, p := range pats {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		n += len(prog.Inst)
	}
	return n
}

// A Zola site's section page gives its pages no cascade: Zola's section
// front matter has none (getzola/zola
// components/content/src/front_matter/section.rs, SectionFrontMatter:
// its fields, unknown ones denied, no cascade) and its [extra] is the
// templates' own; its draft alone hides the pages under it
// (zolaDraftSection). folio read a [cascade] as Hugo's: blog/a.md took
// its tags, author and the home page's outlet, and wip/w.md was a draft
// by its section's [cascade] draft = true. Read alone, its section pages
// asked of the file system, the same.
func TestZolaSectionGivesNoCascade(t *testing.T) {
	dir := t.TempDir()
	page := zolaPage("A", "date = 2021-01-01\n")
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":            "base_url = \"https://z.example.org\"\ntaxonomies = [{name = \"tags\"}]\n",
		"zola/content/_index.md":      "+++\ntitle = \"Home\"\n[cascade]\noutlet = \"Home Outlet\"\n+++\n",
		"zola/content/blog/_index.md": "+++\ntitle = \"Blog\"\n[cascade]\ntags = [\"casc\"]\nauthor = \"Casc Author\"\n[extra]\noutlet = \"Extra Outlet\"\nauthor = \"Extra Author\"\n+++\n",
		"zola/content/blog/a.md":      page,
		"zola/content/wip/_index.md":  "+++\ntitle = \"W\"\n[cascade]\ndraft = true\n+++\n",
		"zola/content/wip/w.md":       page,
		"zola/content/old/_index.md":  "+++\ntitle = \"O\"\ndraft = true\n+++\n",
		"zola/content/old/o.md":       page,
	})
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		if how == "folder" {
			a, _ = loadSite(t, dir)
		} else {
			a, _ = Load(os.DirFS(dir))
		}
		sameLines(t, how+": pieces", piecePaths(a), []string{"zola/content/blog/a.md", "zola/content/wip/w.md"})
		for _, art := range a.Articles {
			if art.Outlet != "" || len(art.Authors) != 0 || len(art.Tags) != 0 {
				t.Errorf("%s: %s: outlet %q, authors %q, tags %q; want none", how, art.Path, art.Outlet, art.Authors, art.Tags)
			}
		}
	}
	for _, p := range []string{"zola/content/blog/a.md", "zola/content/wip/w.md"} {
		art, probs := ParseIn(os.DirFS(dir), p, []byte(page))
		if len(probs) != 0 || art.Outlet != "" || len(art.Authors) != 0 || len(art.Tags) != 0 {
			t.Errorf("%s read alone: outlet %q, authors %q, tags %q, %v; want none", p, art.Outlet, art.Authors, art.Tags, probs)
		}
	}
}

// A Zola site's ignored_content glob of a letter of more than one byte
// (entwürfe, é) matches the paths that hold it, as Zola's globset does:
// folio wrote each of the letter's bytes as a letter of its own (ü as
// Ã¼), so that such a glob matched no path and its pages were pieces.
// Escaped (\é) the same; a class of them ([éè]) was and is one letter.
func TestZolaGlobOfALetterOfManyBytes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":           "base_url = \"https://z.example.org\"\nignored_content = [\"*/entwürfe/*\", \"*caf\\\\é.md\", \"*/n[éè]e.md\", \"*/日記/**\"]\n",
		"zola/content/entwürfe/a.md": zolaPage("A", "date = 2021-01-01\n"),
		"zola/content/entwurfe/b.md": zolaPage("B", "date = 2021-01-02\n"),
		"zola/content/café.md":       zolaPage("C", "date = 2021-01-03\n"),
		"zola/content/cafe.md":       zolaPage("E", "date = 2021-01-04\n"),
		"zola/content/nèe.md":        zolaPage("N", "date = 2021-01-05\n"),
		"zola/content/日記/2021/d.md":  zolaPage("D", "date = 2021-01-06\n"),
		"zola/content/日本/j.md":       zolaPage("J", "date = 2021-01-07\n"),
	})
	a, _ := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"zola/content/cafe.md", "zola/content/entwurfe/b.md", "zola/content/日本/j.md"})
	for g, want := range map[string]string{
		"*/entwürfe/*": `^.*/entwürfe/.*$`,
		"*caf\\é.md":   `^.*café\.md$`,
	} {
		if re, ok := zolaGlobRegexp(g); !ok || re != want {
			t.Errorf("zolaGlobRegexp(%q) = %q, %v, want %q", g, re, ok, want)
		}
	}
}

// TestZolaSectionKeysDenied: a Zola site's section page whose front
// matter holds a key Zola's section front matter has not ([cascade],
// Hugo's; a Title written with a capital; generate_feed, which Zola 0.19
// renamed generate_feeds, folio took) is said, at the key's line:
// Zola refuses to build the site (getzola/zola
// components/content/src/front_matter/section.rs, SectionFrontMatter:
// deny_unknown_fields), where folio read it silently, its cascade giving
// nothing. Its reading is kept: the pages under it pieces, a draft one
// hiding them. A key in [extra], in a multi-line string or array, is
// none of the top's; a section page Zola never reads (_index.de.md of a
// language the config lacks, one in a folder ignored_content matches, one
// below a draft section's folder, which Zola's walk skips) and a Hugo
// site's cascade are not said.
func TestZolaSectionKeysDenied(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":                   "base_url = \"https://z.example.org\"\nignored_content = [\"*/content/hid\"]\n",
		"zola/content/blog/_index.md":        "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n\n[cascade]\ntags = [\"casc\"]\n+++\n",
		"zola/content/blog/a.md":             zolaPage("A", "date = 2021-01-01\n"),
		"zola/content/dot/_index.md":         "\n+++\ntitle = \"Dot\"\n\"cascade\".tags = [\"casc\"]\n+++\n",
		"zola/content/dot/d.md":              zolaPage("D", "date = 2021-01-02\n"),
		"zola/content/yaml/_index.md":        "---\ntitle: Y\nsort_by: date\nTitle: Z\n---\n",
		"zola/content/yaml/y.md":             zolaPage("Y", "date = 2021-01-03\n"),
		"zola/content/many/_index.md":        "+++\nweight = 2\nb = 2\na = 1\n[c]\nx = 1\n[[d]]\nx = 1\n+++\n",
		"zola/content/dr/_index.md":          "+++\ndraft = true\ncascade = { tags = [\"casc\"] }\n+++\n",
		"zola/content/dr/h.md":               zolaPage("H", "date = 2021-01-04\n"),
		"zola/content/dr/sub/_index.md":      "+++\n[cascade]\ntags = [\"casc\"]\n+++\n",
		"zola/content/dr/sub/deep/_index.md": "+++\nfoo = 1\n+++\n",
		"zola/content/ok/_index.md":          "+++\ntitle = \"OK\"\ndescription = \"\"\"\ncascade = 1\n[cascade]\n\"\"\"\naliases = [\n  [\"x\"],\n]\ngenerate_feeds = true\n[extra]\ncascade = { tags = [\"casc\"] }\n+++\n",
		"zola/content/ok/o.md":               zolaPage("O", "date = 2021-01-05\n"),
		"zola/content/feed/_index.md":        "+++\ntitle = \"F\"\ngenerate_feed = true\n+++\n",
		"zola/content/feed/f.md":             zolaPage("F", "date = 2021-01-07\n"),
		"zola/content/lang/_index.de.md":     "+++\n[cascade]\ntags = [\"casc\"]\n+++\n",
		"zola/content/hid/_index.md":         "+++\n[cascade]\ntags = [\"casc\"]\n+++\n",
		"hugo/hugo.toml":                     "baseURL = \"https://h.example.org\"\n",
		"hugo/content/s/_index.md":           "+++\ntitle = \"S\"\n[cascade]\ntags = [\"casc\"]\n+++\n",
		"hugo/content/s/p.md":                zolaPage("P", "date = 2021-01-06\n"),
	})
	a, probs := loadSite(t, dir)
	var said []string
	for _, p := range probs {
		if strings.HasPrefix(p.Msg, SectionPageMsg+": ") && !p.Quiet {
			said = append(said, fmt.Sprintf("%s:%d: %s", p.Path, p.Line, strings.TrimPrefix(p.Msg, SectionPageMsg+": ")))
		}
	}
	slices.Sort(said)
	sameLines(t, "said", said, []string{
		"zola/content/blog/_index.md:5: \"cascade\": " + ZolaSectionKeyMsg,
		"zola/content/dot/_index.md:4: \"cascade\": " + ZolaSectionKeyMsg,
		"zola/content/dr/_index.md:3: \"cascade\": " + ZolaSectionKeyMsg,
		"zola/content/feed/_index.md:3: \"generate_feed\": " + ZolaSectionKeyMsg,
		"zola/content/many/_index.md:3: \"b\", \"a\", \"c\" (and 1 more): " + ZolaSectionKeyMsg,
		"zola/content/yaml/_index.md:4: \"Title\": " + ZolaSectionKeyMsg,
	})
	sameLines(t, "pieces", piecePaths(a), []string{"hugo/content/s/p.md", "zola/content/blog/a.md", "zola/content/dot/d.md", "zola/content/feed/f.md", "zola/content/ok/o.md", "zola/content/yaml/y.md"})
	for _, x := range a.Articles {
		if strings.HasPrefix(x.Path, "zola/") && len(x.Tags) > 0 {
			t.Errorf("%s: tags %v, a Zola section's cascade given", x.Path, x.Tags)
		}
	}
}

// TestZolaIgnoredContentFolders: a Zola site's ignored_content glob that
// matches a folder leaves out the folder's section pages alone, as Zola's
// loader does: its walk matches each entry's absolute path, a folder's
// too, and passes over a matched one with continue, not
// skip_current_dir, so the walk goes on into it (getzola/zola
// components/site/src/lib.rs, Site::load: "ignore excluded content",
// then "we process a section when we encounter the dir"; its issue #2556:
// "**/build_folder" and "**/build_folder/**" both to leave a folder out).
// A matched folder's draft section page hides nothing, its pages are
// matched each by its own path, and a folder below it is read as any
// (its draft section hides its pages). A glob without a wildcard
// ("drafts") is matched against the whole absolute path, so matches no
// folder; one matching content/ leaves its own section page unread, a
// draft home page hiding nothing. Pinned: folio reads them so already.
func TestZolaIgnoredContentFolders(t *testing.T) {
	draft := "+++\ndraft = true\n+++\n"
	for _, c := range []struct {
		glob   string
		pieces []string
	}{
		{"drafts", []string{"zola/content/p.md"}},
		{"*/old", []string{"zola/content/blog/old/b.md", "zola/content/old/o.md", "zola/content/p.md"}},
		{"**/old", []string{"zola/content/blog/old/b.md", "zola/content/old/o.md", "zola/content/p.md"}},
		{"*/content/old", []string{"zola/content/old/o.md", "zola/content/p.md"}},
		{"*/old/**", []string{"zola/content/p.md"}},
		{"*/content", []string{"zola/content/p.md"}}, // its draft home page unread
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			"zola/config.toml":                "base_url = \"https://z.example.org\"\nignored_content = [\"" + c.glob + "\"]\n",
			"zola/content/p.md":               zolaPage("P", "date = 2021-01-01\n"),
			"zola/content/drafts/_index.md":   draft,
			"zola/content/drafts/d.md":        zolaPage("D", "date = 2021-01-02\n"),
			"zola/content/old/_index.md":      draft,
			"zola/content/old/o.md":           zolaPage("O", "date = 2021-01-03\n"),
			"zola/content/old/sub/_index.md":  draft,
			"zola/content/old/sub/s.md":       zolaPage("S", "date = 2021-01-04\n"),
			"zola/content/blog/old/_index.md": draft,
			"zola/content/blog/old/b.md":      zolaPage("B", "date = 2021-01-05\n"),
		})
		if c.glob == "*/content" {
			writeFiles(t, dir, map[string]string{"zola/content/_index.md": draft})
		}
		a, _ := loadSite(t, dir)
		sameLines(t, c.glob, piecePaths(a), c.pieces)
	}
}

// A Zola site's section page is a draft by its draft = true alone, the
// key in lower case (getzola/zola
// components/content/src/front_matter/section.rs: "pub draft: bool",
// serde's name): Zola has no published, and refuses a section page
// holding it, or DRAFT (deny_unknown_fields), which folio check says
// with "folio reads the section as without it". folio read them as Hugo
// does: pub/p.md and up/u.md were "not a page of the site" under a draft
// section, its sum (SiteRoots.CascadeSum) a draft's. A Hugo site's
// section keeps Hugo's reading (published = false, Draft: a draft).
func TestZolaSectionDraftIsItsDraftKeyAlone(t *testing.T) {
	dir := t.TempDir()
	page := zolaPage("A", "date = 2021-01-01\n")
	files := map[string]string{
		"zola/config.toml":               "base_url = \"https://z.example.org\"\n",
		"zola/content/pub/_index.md":     "+++\npublished = false\n+++\n",
		"zola/content/up/_index.md":      "+++\nDRAFT = true\n+++\n",
		"zola/content/y/_index.md":       "---\nDraft: true\n---\n",
		"zola/content/ex/_index.md":      "+++\n[extra]\ndraft = true\n+++\n",
		"zola/content/str/_index.md":     "+++\ndraft = \"true\"\n+++\n",
		"zola/content/dr/_index.md":      "+++\ndraft = true\n+++\n",
		"zola/content/both/_index.md":    "---\nDraft: false\ndraft: true\n---\n",
		"zola/content/pub/sub/_index.md": "+++\nfoo = 1\n+++\n",
		"hugo/hugo.toml":                 "baseURL = \"https://h.example.org\"\n",
		"hugo/content/s/_index.md":       "+++\npublished = false\n+++\n",
		"hugo/content/c/_index.md":       "+++\nDraft = true\n+++\n",
	}
	for _, d := range []string{"zola/content/pub", "zola/content/up", "zola/content/y", "zola/content/ex", "zola/content/str", "zola/content/dr", "zola/content/both", "zola/content/pub/sub", "hugo/content/s", "hugo/content/c"} {
		files[d+"/p.md"] = page
	}
	writeFiles(t, dir, files)
	a, probs := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"zola/content/ex/p.md", "zola/content/pub/p.md", "zola/content/pub/sub/p.md", "zola/content/str/p.md", "zola/content/up/p.md", "zola/content/y/p.md"})
	var said []string
	for _, p := range probs {
		if strings.HasPrefix(p.Msg, SectionPageMsg+": ") && !p.Quiet {
			said = append(said, fmt.Sprintf("%s:%d", p.Path, p.Line))
		}
	}
	slices.Sort(said)
	// the section below pub/, no draft's now, is read: its key said
	sameLines(t, "said", said, []string{"zola/content/both/_index.md:2", "zola/content/pub/_index.md:2", "zola/content/pub/sub/_index.md:2", "zola/content/up/_index.md:2", "zola/content/y/_index.md:2"})
	sites := NewSiteRoots(os.DirFS(dir))
	for p, draft := range map[string]bool{"zola/content/pub/_index.md": false, "zola/content/up/_index.md": false, "zola/content/dr/_index.md": true, "hugo/content/s/_index.md": true} {
		if got := sites.CascadeSum(p, []byte(files[p])) != 0; got != draft {
			t.Errorf("%s: CascadeSum a draft's %v, want %v", p, got, draft)
		}
	}
}

// A Zola site's page is a draft by its draft = true alone, the key in
// lower case, as its section page (zolaDraftFlag): PageFrontMatter
// (getzola/zola components/content/src/front_matter/page.rs, "pub draft:
// bool", serde(default) without deny_unknown_fields) ignores published,
// Draft and DRAFT, so Zola publishes those pages; folio read them as
// Hugo does, each "draft (the site does not publish it)". A Hugo site's
// page keeps Hugo's reading.
func TestZolaPageDraftIsItsDraftKeyAlone(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"zola/config.toml":    "base_url = \"https://z.example.org\"\n",
		"zola/content/pub.md": zolaPage("Pub", "date = 2021-01-01\npublished = false\n"),
		"zola/content/up.md":  zolaPage("Up", "date = 2021-01-01\nDRAFT = true\n"),
		"zola/content/y.md":   "---\ntitle: Y\ndate: 2021-01-01\npublished: false\nDraft: true\n---\nText.\n",
		"zola/content/ex.md":  zolaPage("Ex", "date = 2021-01-01\n[extra]\ndraft = true\n"),
		"zola/content/dr.md":  zolaPage("Dr", "date = 2021-01-01\ndraft = true\n"),
		"zola/content/yd.md":  "---\ntitle: YD\ndate: 2021-01-01\nDraft: false\ndraft: true\n---\nText.\n",
		"zola/content/pd.md":  zolaPage("PD", "date = 2021-01-01\npublished = true\ndraft = true\n"),
		"hugo/hugo.toml":      "baseURL = \"https://h.example.org\"\n",
		"hugo/content/pub.md": zolaPage("Pub", "date = 2021-01-01\npublished = false\n"),
		"hugo/content/up.md":  zolaPage("Up", "date = 2021-01-01\nDRAFT = true\n"),
	})
	a, probs := loadSite(t, dir)
	sameLines(t, "pieces", piecePaths(a), []string{"zola/content/ex.md", "zola/content/pub.md", "zola/content/up.md", "zola/content/y.md"})
	var drafts []string
	for _, p := range probs {
		if p.Msg == DraftMsg {
			drafts = append(drafts, p.Path)
		}
	}
	slices.Sort(drafts)
	sameLines(t, "drafts", drafts, []string{"hugo/content/pub.md", "hugo/content/up.md", "zola/content/dr.md", "zola/content/pd.md", "zola/content/yd.md"})
}

// The line of a key at the top of a Zola section page's TOML front
// matter passes over a multi-line string whole: in a basic one (""") an
// escaped quote (\") or backslash (\\) is no end, and its closing quotes
// may follow one or two of its own (`""""`); in a literal one (”') a
// backslash is a letter. foo5 after `a \"""` was at line 0 (the string
// read as ended at \", its [cascade] line a table's header), so folio
// check named it at none.
func TestTOMLTopKeyLinesPassEscapedQuotes(t *testing.T) {
	for fm, want := range map[string]int{
		"description = \"\"\"\na \\\"\"\"\n[cascade]\n\"\"\"\nfoo5 = 1\n": 5,
		"description = \"\"\"\\\\\"\"\"\nfoo = 1\n":                       2,
		"aliases = [\"\"\"x\"\"\"\", \"y\"]\nfoo = 1\n":                   2,
		"aliases = [\"\"\"x\"\"\"\"\", \"y\"]\nfoo = 1\n":                 2,
		"description = '''x \\'''\nfoo = 1\n":                             2,
		"description = \"\"\"\n\\\\\\\"\"\"\n[x]\n\"\"\"\nfoo = 1\n":      5,
	} {
		denied := readSection([]byte("+++\n" + fm + "+++\n")).denied
		if len(denied) != 1 || !strings.HasPrefix(denied[0].name, "foo") || denied[0].line != want+1 {
			t.Errorf("%q: denied %+v, want foo at file line %d", fm, denied, want+1)
		}
	}
}

// A key at the top of a Zola section page's TOML front matter written
// quoted is found at its line as a bare one is: a literal string, a basic
// one with escapes read as the decoder reads them ("fo\"o" is fo"o,
// "\u0066oo" foo, "a\\" a\), an empty one, and the first segment of a
// dotted key or a table's header. A basic string ended at its first
// escaped quote, and a key with an escape, or "", was said at line 0 (a
// read of the code, 46c).
func TestTOMLTopKeyLinesReadQuotedKeys(t *testing.T) {
	for fm, want := range map[string]string{
		"title = \"x\"\n\"foo\" = 1\n":             "foo",
		"title = \"x\"\n'Title' = \"x\"\n":         "Title",
		"title = \"x\"\n'a\\b' = 1\n":              "a\\b",
		"title = \"x\"\n\"fo\\\"o\" = 1\n":         "fo\"o",
		"title = \"x\"\n\"\\u0066oo\" = 1\n":       "foo",
		"title = \"x\"\n\"\\U00000066oo\" = 1\n":   "foo",
		"title = \"x\"\n\"a\\\\\" = 1\n":           "a\\",
		"title = \"x\"\n\"\\\"\" = 1\n":            "\"",
		"title = \"x\"\n\"t\\tab\" = 1\n":          "t\tab",
		"title = \"x\"\n\"\" = 1\n":                "",
		"title = \"x\"\n\"caf\u00e9\" = 1\n":       "caf\u00e9",
		"title = \"x\"\na.\"b.c\" = 1\n":           "a",
		"title = \"x\"\n\"a\\\"\".\"b\" = 1\n":     "a\"",
		"title = \"x\"\n[\"fo\\\"o\"]\nx = 1\n":    "fo\"o",
		"title = \"x\"\n[ 'fo o' . bar ]\nx = 1\n": "fo o",
	} {
		denied := readSection([]byte("+++\n" + fm + "+++\n")).denied
		if len(denied) != 1 || denied[0].name != want || denied[0].line != 3 {
			t.Errorf("%q: denied %+v, want %q at file line 3", fm, denied, want)
		}
	}
}
