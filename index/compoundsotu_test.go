package index

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
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
	parallel(t)
	if _, ok := testcorpus.Find("sotu"); !ok {
		t.Skip("no SOTU corpus")
	}
	dir, ix := openSOTU(t, Options{}) // read only: the index built once
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

// TestTypedCountIsTheWords: the word being typed counts, at each letter,
// at least the pieces the whole word finds, or says its count is
// estimated. Its words whose stems it does not begin are checked on the
// first typingCheckMax candidates' texts; those candidates were the
// pieces of every shorter stem in the index, so a common one (well, for
// wellbei) took the budget: on SOTU, wellbei and wellbein counted 12 of
// the 61 pieces wellbe and wellbeing count, unmarked.
func TestTypedCountIsTheWords(t *testing.T) {
	dir := t.TempDir()
	pieces := map[string]string{}
	for i := range 80 {
		pieces[fmt.Sprintf("a%03d-well", i)] = "All is well here."
	}
	for i := range 6 {
		pieces[fmt.Sprintf("b%d-closed", i)] = "Their wellbeing matters."
		pieces[fmt.Sprintf("b%d-hyphen", i)] = "Their well-being matters."
	}
	for i := range 70 {
		pieces[fmt.Sprintf("c%03d-radical", i)] = "A radical plan."
	}
	writeBodies(t, dir, pieces)
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	typedAsWord(t, ix, "wellbeing", 12)
	// within the budget: counted exactly (before, 7, unmarked)
	for _, mode := range []Mode{ModeHits, ModeFacets} {
		if r := run(t, ix, Query{Text: "wellbei", Typing: true, Mode: mode}); r.Total != 12 || r.Estimated {
			t.Errorf("wellbei typed (mode %v): %d pieces (estimated %v), want 12 exactly", mode, r.Total, r.Estimated)
		}
	}
	// more candidates than the budget: the count says it is estimated
	typedAsWord(t, ix, "radical", 70)

	if _, ok := testcorpus.Find("sotu"); ok {
		sotu, sx := openSOTU(t, Options{}) // read only: the index built once
		typedAsWord(t, sx, "wellbeing", len(grepPieces(t, sotu, `(?i)\bwell[\-‐‑]?being`)))
	}
}

// typedAsWord checks that word finds want pieces, and that typed letter
// by letter it counts at each letter at least as many, or says its count
// is estimated.
func typedAsWord(t *testing.T, ix *Index, word string, want int) {
	t.Helper()
	if n := run(t, ix, Query{Text: word}).Total; n != want {
		t.Errorf("%s: %d pieces, want %d", word, n, want)
	}
	for k := minOpenPrefix; k <= len(word); k++ {
		pre := word[:k]
		for _, mode := range []Mode{ModeHits, ModeFacets} {
			r := run(t, ix, Query{Text: pre, Typing: true, Mode: mode})
			if r.Total < want && !r.Estimated {
				t.Errorf("%s typed (mode %v): %d pieces, %s %d, and the count is not marked estimated", pre, mode, r.Total, word, want)
			}
		}
	}
}

// TestStemLowerIsNormalizeTerm: stemLower, prefixStems' quick path,
// stems as the analyser does: every word of the bundled archive and of
// SOTU in small letters, each with every ending prefixStems adds, and the
// spelling table's words.
func TestStemLowerIsNormalizeTerm(t *testing.T) {
	parallel(t)
	words := map[string]bool{"noone": true, "": true, "ab": true}
	add := func(arts []archive.Article) {
		for _, a := range arts {
			for _, w := range textWords(a.Title + "\n" + a.Body) {
				words[strings.ToLower(w)] = true
			}
		}
	}
	bundled, _ := archive.Load(archive.Bundled())
	add(bundled.Articles)
	if dir, ok := testcorpus.Find("sotu"); ok {
		sotu, _, err := archive.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		add(sotu.Articles)
	}
	for brit := range americanWords {
		words[brit] = true
	}
	n := 0
	for w := range words {
		for i, e := range wordEndings {
			if i > 0 && n%7 != 0 {
				n++
				continue // a seventh of the words with each ending: enough, and quick
			}
			n++
			if got, want := stemLower(w+e), normalizeTerm(w+e); got != want {
				t.Errorf("%s: stemLower %q, normalizeTerm %q", w+e, got, want)
			}
		}
	}
}
