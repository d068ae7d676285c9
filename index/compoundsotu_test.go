package index

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestHyphenatedQueryOfStopWords: a hyphenated query with a stop word
// among its words is its closed word or its words as written in a row,
// wherever the stop word is (year-to-year, before, was year, any word,
// year: year after year, year by year).
func TestHyphenatedQueryOfStopWords(t *testing.T) {
	dir := t.TempDir()
	pieces := map[string]string{
		"yty-hyphen": "Costs rose year-to-year.",
		"yty-spaced": "Costs rose from year to year.",
		"yty-closed": "Costs rose yeartoyear.",
		"yay":        "Costs rose year after year.",
		"yby":        "Costs rose year by year.",
		"tb-alone":   "A would-be buyer and the to-be of it.",
		"tb-run":     "The to-be-filled jobs.",
		"tb-spaced":  "Jobs to be filled.",
		"no-hyphen":  "And no-one came.",
		"no-closed":  "And noone came.",
		"no-spaced":  "And no one came.",
		"noon":       "They came at noon.",
	}
	writeBodies(t, dir, pieces)
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	wantFound(t, ix, "year-to-year", []string{"yty-closed", "yty-hyphen", "yty-spaced"})
	// stop words alone: the closed word, of the run or of a part of a
	// longer one (to-be-filled); their words in a row are too common
	wantFound(t, ix, "to-be", []string{"tb-alone", "tb-run"})
	// a closed word is not stemmed into another word's stem (noone was
	// noon's)
	wantFound(t, ix, "noone", []string{"no-closed", "no-hyphen"})
	wantFound(t, ix, "no-one", []string{"no-closed", "no-hyphen", "no-spaced"})
	wantFound(t, ix, "noon", []string{"noon"})
}

// TestHyphenatedStopWordQueriesOnSOTU: on the State of the Union
// addresses, a hyphenated query with stop words finds the pieces a
// regular expression over the files finds.
func TestHyphenatedStopWordQueriesOnSOTU(t *testing.T) {
	dir, ok := testcorpus.Find("sotu")
	if !ok {
		t.Skip("no SOTU corpus")
	}
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	for _, c := range []struct{ q, re string }{
		// 11 pieces; the words with any word between them were 45
		{"year-to-year", `(?i)\byear[\s\-‐‑]+to[\s\-‐‑]+year\b|\byeartoyear\b`},
		// 2 pieces (to-be-forgotten, to-be-filled); before, 0
		{"to-be", `(?i)\bto[\-‐‑]be\b|\btobe\b`},
		// none; before, the 5 with noon
		{"noone", `(?i)\bno[\-‐‑]one\b|\bnoone\b`},
		// 89; before, 91: 2 with noon and not no one
		{"no-one", `(?i)\bno[\s\-‐‑]+one\b|\bnoone\b`},
		{"noon", `(?i)\bnoons?\b`},
	} {
		want := grepPieces(t, dir, c.re)
		got := sortedIDs(run(t, ix, Query{Text: c.q}))
		if !slices.Equal(got, want) {
			var extra, missing []string
			for _, id := range got {
				if !slices.Contains(want, id) {
					extra = append(extra, id)
				}
			}
			for _, id := range want {
				if !slices.Contains(got, id) {
					missing = append(missing, id)
				}
			}
			t.Errorf("%s: found %d pieces, the files %d: not in the files %v, not found %v", c.q, len(got), len(want), extra, missing)
		}
	}
}

// writeBodies writes each body of pieces, with front matter, as name.md.
func writeBodies(t *testing.T, dir string, pieces map[string]string) {
	t.Helper()
	for name, body := range pieces {
		text := "---\ntitle: " + name + "\ndate: 2017-01-02\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantFound checks that q finds the pieces want, and that the facets
// count as many.
func wantFound(t *testing.T, ix *Index, q string, want []string) {
	t.Helper()
	got := sortedIDs(run(t, ix, Query{Text: q}))
	slices.Sort(want)
	if !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Errorf("%s: found %v, want %v", q, got, want)
	}
	if n := run(t, ix, Query{Text: q, Mode: ModeFacets}).Total; n != len(got) {
		t.Errorf("%s: the facets count %d pieces, the hits %d", q, n, len(got))
	}
}

// grepPieces are the IDs of the pieces of dir whose file's text after its
// front matter matches the regular expression re, sorted.
func grepPieces(t *testing.T, dir, re string) []string {
	t.Helper()
	rx := regexp.MustCompile(re)
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rx.Match(b) {
			// the piece's ID: the file's name, its underscores dashes
			out = append(out, strings.ReplaceAll(strings.TrimSuffix(filepath.Base(p), ".md"), "_", "-"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
