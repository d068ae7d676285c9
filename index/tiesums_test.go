package index

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestTiesFromSumsAreTheWalks: a summed search settles the ties at its
// cut from its sums (settleSums) and walks nothing, and its pages are
// those settleTies' walk of the query gives, hit for hit and score for
// score: words, a phrase and a prefix typed, a field, a word with a
// filter, an offset past the first page; with the IDs' ranks (a warmed
// reader) and without (a command that searches once). The pieces' numbers
// are not in ID order (some were indexed again), and hundreds tie at each
// cut. What is not summed (forms checked on the text), and a disjunction
// of more than DisjunctionHeapTakeover clauses, is walked. Not parallel:
// it sets tiesFromSums.
func TestTiesFromSumsAreTheWalks(t *testing.T) {
	src := t.TempDir()
	// the tax twice: 60 pieces above the rest; 300 alike; 120 alike with
	// a word more. Tagged alpha or beta by turns.
	bodies := []string{
		"The tax on grain and the tax on hills.",
		"The tax on grain and the rain on hills.",
		"The tax rate on grain and the rain on hills.",
	}
	bodyOf := func(i int) string {
		switch {
		case i%8 == 0:
			return bodies[0]
		case i%8 <= 5:
			return bodies[1]
		}
		return bodies[2]
	}
	write := func(i int, date string) {
		t.Helper()
		tag := []string{"alpha", "beta"}[i%2]
		text := fmt.Sprintf("---\ntitle: Piece %03d\ndate: %s\ntags: [%s]\n---\n%s\n", i, date, tag, bodyOf(i))
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("q%03d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const n = 480
	for i := range n {
		write(i, "2017-01-01")
	}
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	for i := 0; i < n; i += 7 { // indexed again, after the others
		write(i, "2017-01-02")
	}
	heap := "tax OR grain OR rain OR hills OR rate OR zebra OR yak OR xylem OR wombat OR vole OR urchin"
	queries := []struct {
		name   string
		q      Query
		summed bool
	}{
		{"a word", Query{Text: "tax", Limit: 100}, true},
		{"two words (and their phrase, ranking)", Query{Text: "tax grain", Limit: 100}, true},
		{"a phrase typed", Query{Text: `"grain and the rain" hil`, Typing: true, Limit: 100}, true},
		{"a prefix typed", Query{Text: "hills ra", Typing: true, Limit: 100}, true},
		{"a field", Query{Text: "title:piece", Limit: 100}, true},
		{"a word in a tag", Query{Text: "tax", Tags: []string{"alpha"}, Limit: 100}, true},
		{"an offset past the first page", Query{Text: "tax", Offset: 150, Limit: 40}, true},
		{"a field past the first page", Query{Text: "title:piece", Offset: 300, Limit: 30}, true},
		// walked: forms checked on the text, a heap of clauses
		{"a phrase", Query{Text: `"grain and the rain"`, Limit: 100}, false},
		{"a prefix", Query{Text: "ra*", Limit: 100}, false},
		{"eleven words or'd", Query{Text: heap, Limit: 100}, false},
	}
	type hit struct {
		id    string
		score uint64
	}
	page := func(ix *Index, q Query, sums bool) ([]hit, int64, int64) {
		t.Helper()
		old := tiesFromSums
		tiesFromSums = sums
		defer func() { tiesFromSums = old }()
		ix.cache.clear()
		w0, s0 := tiesWalked.Load(), tiesSummed.Load()
		res := run(t, ix, q)
		var out []hit
		for _, h := range res.Hits {
			out = append(out, hit{h.ID, math.Float64bits(h.Score)})
		}
		return out, tiesWalked.Load() - w0, tiesSummed.Load() - s0
	}
	check := func(ix *Index, what string) {
		t.Helper()
		for _, c := range queries {
			want, walked, _ := page(ix, c.q, false)
			if walked != 1 {
				t.Errorf("%s, %s: %d walks of the ties without the sums; the test wants ties at the cut", what, c.name, walked)
				continue
			}
			got, walked, summed := page(ix, c.q, true)
			if c.summed && (walked != 0 || summed != 1) {
				t.Errorf("%s, %s: %d walks, %d ties settled from the sums; want 0 and 1", what, c.name, walked, summed)
			}
			if !c.summed && (walked != 1 || summed != 0) {
				t.Errorf("%s, %s: %d walks, %d ties settled from the sums; want 1 and 0", what, c.name, walked, summed)
			}
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Errorf("%s, %s: from the sums\n%v\nwalked\n%v", what, c.name, got, want)
			}
		}
	}
	warmed := openFolder(t, src, dir)
	run(t, warmed, Query{Limit: 5}) // the first list, after which the warm reads
	ft := warmedTerms(t, warmed)
	r, done, err := warmed.reader()
	if err != nil {
		t.Fatal(err)
	}
	ord := ft.order0(r)
	done()
	if ord == nil || ord.ranks == nil {
		t.Fatal("no ranks read with the order")
	}
	check(warmed, "with the ranks")
	warmed.Close()
	once := openCachedOnce(t, src, dir)
	t.Cleanup(func() { once.Close() })
	check(once, "without the ranks")
	// the once index has no order: the IDs were compared, not ranks
	if r, done, err := once.reader(); err != nil {
		t.Fatal(err)
	} else {
		once.mu.RLock()
		ft := once.facetTerms
		once.mu.RUnlock()
		if ft.order0(r) != nil {
			t.Error("a command that searches once read the order: the ranks were tried")
		}
		done()
	}
}
