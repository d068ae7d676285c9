package archive

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBrokenSectionPageIsSaid: a section page whose front matter cannot
// be read is said, naming its file and line (hugo 0.111.3 refuses to
// build the site: "failed to unmarshal YAML"), where it was a quiet
// section page and its draft silently not read (an attack's report); the
// pages under it are read as if it had none, as the message says; a
// section page that reads, or has no front matter, stays quiet.
func TestBrokenSectionPageIsSaid(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":                   "baseURL = 'https://e.org/'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/_index.md":           "",
		"content/news/_index.fr.html": "---\ntitle: [unclosed\ndraft: true\n---\n",
		"content/news/a.fr.md":        "---\ntitle: A\ndate: 2020-01-01\n---\nx\n",
		"content/news/b.md":           "---\ntitle: B\ndate: 2020-01-01\n---\nx\n",
		"content/old/_index.md":       "---\ntitle: \"sec\x1b[31m\"\ndraft: true\n---\n",
		"content/old/o.md":            "---\ntitle: O\ndate: 2020-01-01\n---\nx\n",
		"content/open/_index.md":      "---\ntitle: never closed\n",
		"content/open/p.md":           "---\ntitle: P\ndate: 2020-01-01\n---\nx\n",
		"content/fine/_index.md":      "---\ntitle: Fine\ndraft: true\n---\n",
		"content/fine/f.md":           "---\ntitle: F\ndate: 2020-01-01\n---\nx\n",
		"content/toml/_index.md":      "+++\ntitle = \"T\"\ndraft = tru\n+++\n",
		"content/toml/t.md":           "---\ntitle: T\ndate: 2020-01-01\n---\nx\n",
		// a body's Latin-1 byte leaves the front matter read (a review:
		// the whole file's UTF-8 was asked, the draft lost)
		"content/latin/_index.md": "---\ntitle: News\ndraft: true\n---\nNews from the caf\xe9.\n",
		"content/latin/l.md":      "---\ntitle: L\ndate: 2020-01-01\n---\nx\n",
		// a null front matter is none, as Hugo reads it
		"content/null/_index.md": "---\nnull\n---\n",
		"content/null/n.md":      "---\ntitle: N\ndate: 2020-01-01\n---\nx\n",
		// classic Mac OS line ends read as parse reads a piece's
		"content/mac/_index.md": "---\rtitle: Mac\rdraft: true\r---\r",
		"content/mac/m.md":      "---\ntitle: M\ndate: 2020-01-01\n---\nx\n",
	})
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root))
		}
		said := map[string]int{}
		for _, p := range probs {
			if strings.HasPrefix(p.Msg, SectionPageMsg+": invalid front matter: ") {
				if p.Quiet || !p.Fatal || !strings.HasSuffix(p.Msg, SectionUnreadMsg) {
					t.Errorf("%s: %+v", how, p)
				}
				said[p.Path] = p.Line
			}
		}
		want := map[string]int{"content/news/_index.fr.html": 2, "content/old/_index.md": 2, "content/open/_index.md": 1, "content/toml/_index.md": 3}
		for p, line := range want {
			if got, ok := said[p]; !ok || got != line {
				t.Errorf("%s: %s said at line %d (%v), want %d", how, p, got, ok, line)
			}
		}
		if len(said) != len(want) {
			t.Errorf("%s: said %v, want %v", how, said, want)
		}
		// the pages under a broken one read as if it had none; under a
		// draft that reads, none
		pieces := piecePaths(a)
		for _, p := range []string{"content/news/a.fr.md", "content/news/b.md", "content/old/o.md", "content/open/p.md", "content/toml/t.md"} {
			if !slices.Contains(pieces, p) {
				t.Errorf("%s: %s is no piece: %v", how, p, pieces)
			}
		}
		if !slices.Contains(pieces, "content/null/n.md") {
			t.Errorf("%s: a page under a section page of null front matter is no piece", how)
		}
		if slices.Contains(pieces, "content/mac/m.md") {
			t.Errorf("%s: a page under a draft section page of CR line ends is a piece", how)
		}
		if slices.Contains(pieces, "content/latin/l.md") {
			t.Errorf("%s: a page under a draft section page whose body is not UTF-8 is a piece", how)
		}
		if slices.Contains(pieces, "content/fine/f.md") {
			t.Errorf("%s: a page under a draft section page that reads is a piece", how)
		}
	}
}

// TestBrokenSectionPageTheSiteIgnoresIsNotSaid: a section page whose front
// matter cannot be read is no problem when its site never reads it: one a
// Hugo site's ignoreFiles match (hugo 0.111.3 as oracle: ignoreFiles =
// ['ign/_index\.md$'] beside a content/ign/_index.md of "title:
// [unclosed" builds the site), one in a folder a Zola site's
// ignored_content matches (Zola reads a folder's section pages when its
// walk meets the folder, its globs matched first: getzola/zola
// components/site/src/lib.rs, Site::load), and one Zola reads as no
// section (_index.de.md of a language its config lacks, _index.markdown).
// folio said each. A draft section page in a folder ignored_content
// matches hides nothing (its pages are matched each by its own path); a
// glob matching the _index.md file alone changes nothing, its draft
// hiding the section's pages, its broken front matter said.
func TestBrokenSectionPageTheSiteIgnoresIsNotSaid(t *testing.T) {
	root := t.TempDir()
	broken := "---\ntitle: [unclosed\n---\n"
	zpage := zolaPage("P", "date = 2021-01-01\n")
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":                    "baseURL = 'https://e.org/'\nignoreFiles = ['ign/_index\\.md$', 'skip$']\n",
		"hugo/content/ign/_index.md":        broken,
		"hugo/content/ign/i.md":             "---\ntitle: I\ndate: 2020-01-01\n---\nx\n",
		"hugo/content/skip/_index.md":       broken,
		"hugo/content/said/_index.md":       broken,
		"zola/config.toml":                  "base_url = \"https://z.example.org\"\nignored_content = [\"*/content/drafts\", \"*/content/hid\", \"*/file/_index.md\", \"*/content/gone/_index.md\"]\n",
		"zola/content/drafts/_index.md":     broken,
		"zola/content/drafts/d.md":          zpage,
		"zola/content/hid/_index.md":        "+++\ntitle = \"H\"\ndraft = true\n+++\n",
		"zola/content/hid/h.md":             zpage,
		"zola/content/lang/_index.de.md":    broken,
		"zola/content/lang/_index.markdown": broken,
		"zola/content/lang/l.md":            zpage,
		"zola/content/file/_index.md":       "+++\ntitle = \"F\"\ndraft = true\n+++\n",
		"zola/content/file/f.md":            zpage,
		"zola/content/gone/_index.md":       broken,
		"zola/content/open/_index.md":       broken,
	})
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root))
		}
		var said []string
		for _, p := range probs {
			if strings.HasPrefix(p.Msg, SectionPageMsg+": invalid front matter: ") {
				said = append(said, p.Path)
			}
		}
		sameLines(t, how+": said", said, []string{"hugo/content/said/_index.md", "zola/content/gone/_index.md", "zola/content/open/_index.md"})
		pieces := piecePaths(a)
		for _, p := range []string{"hugo/content/ign/i.md", "zola/content/drafts/d.md", "zola/content/hid/h.md", "zola/content/lang/l.md"} {
			if !slices.Contains(pieces, p) {
				t.Errorf("%s: %s is no piece: %v", how, p, pieces)
			}
		}
		if slices.Contains(pieces, "zola/content/file/f.md") {
			t.Errorf("%s: a page under a draft section whose _index.md alone a glob matches is a piece", how)
		}
	}
	// read alone, its section pages asked of the file system
	for p, hidden := range map[string]bool{"zola/content/hid/h.md": false, "zola/content/file/f.md": true} {
		_, probs := ParseIn(os.DirFS(root), p, []byte(zpage))
		if got := len(probs) == 1 && probs[0].Msg == ZolaDraftSectionMsg; got != hidden {
			t.Errorf("%s read alone: %v, hidden by a draft section %v", p, probs, hidden)
		}
	}
}

// TestSectionPageIsDecodedOnce: a section page's front matter is decoded
// once for both its problem (parse) and what it gives the pages under it
// (sectionOf), in either order; it was decoded for each. A text changed
// between the two reads is decoded again.
func TestSectionPageIsDecodedOnce(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2020-01-01\n---\nx\n")}
	}
	fsys := fstest.MapFS{
		"hugo.toml":           {Data: []byte("baseURL = 'https://e.org/'\n")},
		"content/_index.md":   {Data: []byte("---\ntitle: Home\ncascade:\n  outlet: Home Outlet\n---\n")},
		"content/a/_index.md": {Data: []byte("---\ntitle: A\ncascade:\n  tags: [casc]\n---\n")},
		"content/a/x.md":      page("X"),
		"content/b/_index.md": {Data: []byte("---\ntitle: [unclosed\n---\n")},
		"content/b/y.md":      page("Y"),
		"content/c/_index.md": {Data: []byte("+++\ntitle = 'C'\ndraft = true\n+++\n")},
		"content/c/z.md":      page("Z"),
	}
	for _, sectionsFirst := range []bool{true, false} {
		paths := slices.Sorted(maps.Keys(fsys))
		if !sectionsFirst {
			slices.Reverse(paths) // content/c/z.md before content/c/_index.md
		}
		s := NewSiteRoots(fsys)
		s.KnowSections(paths)
		before := SectionDecodes()
		got := map[string]string{}
		for _, p := range paths {
			a, probs := parseFileIn(fsys, s, p)
			switch {
			case a.ID != "":
				got[p] = a.Outlet + "|" + strings.Join(a.Tags, ",")
			case len(probs) > 0:
				got[p] = probs[0].Msg
			}
		}
		if got["content/a/x.md"] != "Home Outlet|casc" || got["content/b/y.md"] != "Home Outlet|" || got["content/c/z.md"] != HugoDraftSectionMsg ||
			!strings.HasPrefix(got["content/b/_index.md"], SectionPageMsg+": invalid front matter: ") {
			t.Errorf("sections first %v: %q", sectionsFirst, got)
		}
		if n := SectionDecodes() - before; n != 4 {
			t.Errorf("sections first %v: %d section pages decoded, want 4, each once", sectionsFirst, n)
		}
		// a text changed is decoded again
		s.sectionReadOf("content/a/_index.md", []byte("---\ntitle: A2\n---\n"))
		if n := SectionDecodes() - before; n != 5 {
			t.Errorf("sections first %v: a changed text: %d decoded, want 5", sectionsFirst, n)
		}
	}
}

// TestSectionReadsForgetRemovedPages: the section pages' front matter
// read (sectionReadOf's memo) is forgotten by KnowSections for a section
// page no longer among the scan's files, and kept for one still there
// (decoded once: TestSectionPageIsDecodedOnce); it was kept for the
// SiteRoots' life. The pages under the one left take its cascade as
// before.
func TestSectionReadsForgetRemovedPages(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":           "baseURL = 'https://e.org/'\n",
		"content/a/_index.md": "---\ntitle: A\ncascade:\n  tags: [casc]\n---\n",
		"content/a/x.md":      "---\ntitle: X\ndate: 2020-01-01\n---\nx\n",
		"content/b/_index.md": "---\ntitle: B\n---\n",
		"content/b/y.md":      "---\ntitle: Y\ndate: 2020-01-01\n---\ny\n",
	})
	fsys := os.DirFS(root)
	s := NewSiteRoots(fsys)
	files, _ := Scan(fsys)
	paths := PathsOf(files)
	s.KnowSections(paths)
	for _, p := range paths {
		parseFileIn(fsys, s, p)
	}
	memo := func() []string {
		s.mu.Lock()
		defer s.mu.Unlock()
		return slices.Sorted(maps.Keys(s.sectionReads))
	}
	sameLines(t, "remembered", memo(), []string{"content/a/_index.md", "content/b/_index.md"})
	if err := os.Remove(filepath.Join(root, "content/b/_index.md")); err != nil {
		t.Fatal(err)
	}
	files, _ = Scan(fsys)
	s.KnowSections(PathsOf(files))
	sameLines(t, "remembered after content/b/_index.md is gone", memo(), []string{"content/a/_index.md"})
	if a, _ := parseFileIn(fsys, s, "content/a/x.md"); !slices.Equal(a.Tags, []string{"casc"}) {
		t.Errorf("content/a/x.md: tags %v, want its section's cascade [casc]", a.Tags)
	}
}
