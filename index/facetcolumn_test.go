package index

import (
	"context"
	"fmt"
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
