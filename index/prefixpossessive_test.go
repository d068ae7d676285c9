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

// A prefix matches words as written, a possessive dropped as the index
// drops it: johns* does not find John's (whose word is john), and its
// snippet does not mark it; johns finds it (the stem), and so do john*
// and o'bri* O'Brien (a helper's attack: johns* found a piece with
// John's alone, marked there).
func TestPrefixNotOverPossessive(t *testing.T) {
	dir := t.TempDir()
	writeBodies(t, dir, map[string]string{
		"possessive": "It was John's plan and the Gulf’s shore, the day's end.",
		"plural":     "Two Johns came to the gulfs on days off.",
		"obrien":     "Mr O'Brien spoke.",
	})
	ix := openFolder(t, dir, filepath.Join(t.TempDir(), "idx"))
	wantFound(t, ix, "johns*", []string{"plural"})
	wantFound(t, ix, "gulfs*", []string{"plural"})
	wantFound(t, ix, "days*", []string{"plural"})
	wantFound(t, ix, "john*", []string{"plural", "possessive"})
	wantFound(t, ix, "gulf*", []string{"plural", "possessive"})
	wantFound(t, ix, "johns", []string{"plural", "possessive"})
	wantFound(t, ix, "o'bri*", []string{"obrien"})
	for _, h := range run(t, ix, Query{Text: "johns* OR gulfs* OR days* OR obrien"}).Hits {
		for _, s := range h.Snippets {
			for _, w := range []string{"John's", "Gulf’s", "day's"} {
				if strings.Contains(s, MarkStart+w) {
					t.Errorf("%s: snippet %q marks %s", h.ID, s, w)
				}
			}
		}
	}
}

// TestPrefixNotOverPossessiveOnSOTU: on the State of the Union addresses,
// a prefix finds the pieces that have a word starting with it, a
// possessive dropped (the helper's counts: johns* 21 for 20, days* 130
// for 128, gulfs* 3 for 2), or words joined by hyphens whose closed word
// starts with it, as the index holds it (americas* finds 1945's
// "America-strong", a dash written as a hyphen, as americastrong does).
func TestPrefixNotOverPossessiveOnSOTU(t *testing.T) {
	parallel(t)
	dir, ok := testcorpus.Find("sotu")
	if !ok {
		t.Skip("no SOTU corpus")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts in %s: %v", dir, err)
	}
	word := regexp.MustCompile(`[\pL\pN]+(?:['’][\pL]+)*`)
	joined := regexp.MustCompile(`[\pL\pN]+(?:-[\pL\pN]+)+`)
	prefixes := []string{"johns", "days", "gulfs", "nations", "americas"}
	want := map[string][]string{}
	apostrophes := strings.NewReplacer("'", "", "’", "") // made once: made per word, it took half the test's time
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.ReplaceAll(strings.TrimSuffix(filepath.Base(f), ".md"), "_", "-") // as the archive names it
		words := word.FindAllString(string(b), -1)
		for _, run := range joined.FindAllString(string(b), -1) {
			// the closed word of a run of two to four words, from its
			// first word (not theabove of all-of-the-above)
			if parts := strings.Split(run, "-"); len(parts) <= maxCompoundParts {
				words = append(words, strings.Join(parts, ""))
			}
		}
		for _, w := range words {
			w = strings.ToLower(w)
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			w = apostrophes.Replace(w)
			for _, p := range prefixes {
				if strings.HasPrefix(w, p) && !slices.Contains(want[p], id) {
					want[p] = append(want[p], id)
				}
			}
		}
	}
	_, ix := openSOTU(t, Options{}) // read only: the index built once
	for _, p := range prefixes {
		got := sortedIDs(run(t, ix, Query{Text: p + "*"}))
		slices.Sort(want[p])
		if !slices.Equal(got, want[p]) {
			t.Errorf("%s*: %d pieces, the files have %d (%v more, %v fewer)", p, len(got), len(want[p]), diff(got, want[p]), diff(want[p], got))
		}
	}
}

// diff is the strings of a not in b.
func diff(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
