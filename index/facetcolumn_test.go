package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
)

// TestFacetColumnCountsAsCollector: facets counted from the in-memory
// column (the second count on a snapshot and after), over a search of
// their own or over the matches of the search of hits just before, equal
// those the collector counts beside a scored search, before and after a
// refresh that removes pieces (a new snapshot, a new column).
func TestFacetColumnCountsAsCollector(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 240, 4); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix := openFolder(t, arch, dir)
	defer ix.Close()
	ctx := context.Background()
	check := func(stage string) {
		t.Helper()
		all := ix.AllFacets()
		queries := []Query{
			{Text: "government"},
			{Text: "con", Typing: true},
			{Text: "state -union"},
			{Tags: []string{all.Tags[0].Value}},
			{Text: "people", Outlets: []string{all.Outlets[0].Value}},
			{Text: "war", Years: []string{all.Years[len(all.Years)/2].Value}, Tags: []string{all.Tags[1].Value}},
		}
		for _, q := range queries {
			ix.cache.clear()
			want, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 4 {
				ix.cache.clear()
				if i >= 2 { // the hits first, as the interface asks: their matches are kept
					hq := q
					hq.Mode, hq.Limit = ModeHits, 10
					if _, err := ix.Search(ctx, hq); err != nil {
						t.Fatal(err)
					}
				}
				fq := q
				fq.Mode = ModeFacets
				got, err := ix.Search(ctx, fq)
				if err != nil {
					t.Fatal(err)
				}
				if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
					t.Fatalf("%s, %+v, count %d: total %d facets %s; with the hits %d %s", stage, q, i,
						got.Total, fmt.Sprint(got.Facets.Outlets), want.Total, fmt.Sprint(want.Facets.Outlets))
				}
			}
		}
		ix.mu.RLock()
		ft := ix.facetTerms
		ix.mu.RUnlock()
		if ft.cols.col == nil || ft.cols.setUsed < len(queries) {
			t.Fatalf("%s: the column was read: %v; the matches of the hits were used %d times", stage, ft.cols.col != nil, ft.cols.setUsed)
		}
	}
	check("built")
	ix.mu.RLock()
	before := ix.facetTerms.cols.col
	ix.mu.RUnlock()

	removeAndRefresh(ctx, t, ix, arch, dir, 60)
	check("refreshed")
	ix.mu.RLock()
	after := ix.facetTerms.cols.col
	ix.mu.RUnlock()
	if after == before {
		t.Fatal("the column of the old snapshot was used after the refresh")
	}
}

// TestDocSetAsAMap: a hit set's adds, unions, size and walk agree with a
// map's, across word edges and with numbers added twice.
func TestDocSetAsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 19))
	for round := 0; round < 200; round++ {
		var a, b docSet
		want, inA := map[uint64]bool{}, map[uint64]bool{}
		top := uint64(1 + rng.IntN(5000))
		for range rng.IntN(300) {
			d := rng.Uint64N(top)
			a.add(d)
			want[d], inA[d] = true, true
		}
		for range rng.IntN(300) {
			d := rng.Uint64N(2 * top)
			b.add(d)
			want[d] = true
		}
		for _, d := range []uint64{0, 63, 64, 127} { // word edges, some twice
			if rng.IntN(2) == 0 {
				a.add(d)
				a.add(d)
				b.add(d)
				want[d], inA[d] = true, true
			}
		}
		if a.len() != len(inA) {
			t.Fatalf("round %d: len %d, want %d", round, a.len(), len(inA))
		}
		a.or(&b)
		var got []uint64
		a.each(func(d uint64) { got = append(got, d) })
		if a.len() != len(want) || len(got) != len(want) {
			t.Fatalf("round %d: len %d, walked %d, want %d", round, a.len(), len(got), len(want))
		}
		for i, d := range got {
			if !want[d] || i > 0 && got[i-1] >= d {
				t.Fatalf("round %d: walked %v", round, got)
			}
		}
	}
}
