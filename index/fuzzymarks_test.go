package index

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"

	lev "github.com/blevesearch/vellum/levenshtein"
)

// levenshteinWithin counts edits as bleve's fuzzy query does (its automata
// allow a swap of two letters side by side as one edit): the marker and the
// search agree on every pair of short words over a small alphabet.
func TestFuzzyDistanceAsTheSearchCounts(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	word := func() string {
		b := make([]byte, 1+r.Intn(7))
		for i := range b {
			b[i] = "abcd"[r.Intn(4)]
		}
		return string(b)
	}
	for _, d := range []uint8{1, 2} {
		builder, err := lev.NewLevenshteinAutomatonBuilder(d, true)
		if err != nil {
			t.Fatal(err)
		}
		for range 3000 {
			q, w := word(), word()
			dfa, err := builder.BuildDfa(q, d)
			if err != nil {
				t.Fatal(err)
			}
			s := dfa.Start()
			for i := 0; i < len(w); i++ {
				s = dfa.Accept(s, w[i])
			}
			if want, got := dfa.IsMatch(s), levenshteinWithin(q, w, int(d)); got != want {
				t.Fatalf("%q and %q within %d edits: %v, the search's automaton %v", q, w, d, got, want)
			}
		}
	}
}

// A fuzzy word marks what it found: alpah~ finds alpha (a swap) and marks
// it, in the snippets and, through Results.Terms, in the reader.
func TestFuzzyMarksWhatItFinds(t *testing.T) {
	arch := t.TempDir()
	piece := "---\ntitle: \"A note\"\ndate: 2020-05-01\n---\n\nThe alpha group met again.\n"
	if err := os.WriteFile(filepath.Join(arch, "piece.md"), []byte(piece), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, arch, filepath.Join(t.TempDir(), "idx"))
	defer ix.Close()
	r, err := ix.Search(context.Background(), Query{Text: "alpah~", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 1 {
		t.Fatalf("alpah~ found %d pieces", len(r.Hits))
	}
	if !slices.ContainsFunc(r.Hits[0].Snippets, hasMark) {
		t.Fatalf("alpah~ found the piece and marked nothing: %q", r.Hits[0].Snippets)
	}
	// and the reader, given the words to mark, marks it too
	if !slices.Contains(r.Terms, "alpha") {
		t.Fatalf("alpah~: the words for the reader are %q, without the alpha it found", r.Terms)
	}
}
