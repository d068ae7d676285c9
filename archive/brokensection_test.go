package archive

import (
	"os"
	"slices"
	"strings"
	"testing"
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
		want := map[string]int{"content/news/_index.fr.html": 3, "content/old/_index.md": 2, "content/open/_index.md": 1, "content/toml/_index.md": 3}
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
