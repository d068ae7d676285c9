package index

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/internal/corpus"
)

// warmedTerms waits for the warming of the current view, which its first
// search started, and returns its facet terms.
func warmedTerms(t *testing.T, ix *Index) *facetTerms {
	t.Helper()
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	if ft.warmed == nil {
		t.Fatal("no warming started by the search")
	}
	<-ft.warmed
	return ft
}

// TestOrderIsTheCollectors: every document newest first, read once per
// snapshot after its first search, is the order bleve's collector gives a
// search without words, page by page (IDs, scores, the total), and the
// reader's pages of every piece are served from it; a refresh that
// removes pieces reads the new snapshot's order. The facets column is
// read by the same warming, so that the first count of facets on a
// snapshot reads it too and equals the collector's.
func TestOrderIsTheCollectors(t *testing.T) {
	parallel(t)
	arch := t.TempDir()
	if err := corpus.Generate(arch, 300, 5); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix := openFolder(t, arch, dir)
	defer ix.Close()
	ctx := context.Background()
	check := func(stage string) {
		t.Helper()
		ix.cache.clear()
		run(t, ix, Query{Limit: 1, Mode: ModeHits}) // the first search on the snapshot
		ft := warmedTerms(t, ix)
		r, done, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		ord := ft.order(r)
		if ord == nil {
			t.Fatalf("%s: no order read for the snapshot", stage)
		}
		if c := ft.cols.col; c == nil || c.snap != r {
			t.Fatalf("%s: the facets column was not read for the snapshot", stage)
		}
		n, _ := r.DocCount()
		for _, pg := range [][2]int{{int(n), 0}, {7, 0}, {7, 7}, {50, 120}, {10, int(n) - 3}, {10, int(n) + 5}} {
			want, wantTotal, err := ix.collectKeyed(ctx, query.NewMatchAllQuery(), pg[0], pg[1], orderSort, nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			got, err := ord.page(r, pg[0], pg[1])
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || len(ord.docs) != wantTotal {
				t.Fatalf("%s: page %v: %d hits of %d, want %d of %d", stage, pg, len(got), len(ord.docs), len(want), wantTotal)
			}
			for i := range want {
				if got[i].ID != want[i].ID || got[i].Score != want[i].Score || got[i].IndexInternalID.Value() != want[i].IndexInternalID.Value() {
					t.Fatalf("%s: page %v, hit %d: %s %v, want %s %v", stage, pg, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
				}
			}
			// the reader's page of every piece, from the order
			ix.cache.clear()
			res := run(t, ix, Query{Limit: pg[0], Offset: pg[1], Mode: ModeHits})
			if res.Total != wantTotal || len(res.Hits) != len(want) {
				t.Fatalf("%s: Search %v: %d hits of %d, want %d of %d", stage, pg, len(res.Hits), res.Total, len(want), wantTotal)
			}
			for i := range want {
				if res.Hits[i].ID != want[i].ID || res.Hits[i].Title == "" {
					t.Fatalf("%s: Search %v, hit %d: %q %q, want %s", stage, pg, i, res.Hits[i].ID, res.Hits[i].Title, want[i].ID)
				}
			}
		}
		// the first count of facets on the snapshot reads the column
		// (setUsed is not touched: no hits were searched for this query)
		all := ix.AllFacets()
		q := Query{Text: "government", Outlets: []string{all.Outlets[0].Value}}
		ix.cache.clear()
		want := run(t, ix, q) // hits and facets, counted by the collector
		q.Mode = ModeFacets
		ix.cache.clear()
		got := run(t, ix, q)
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Fatalf("%s: first count of facets %d %v, the collector's %d %v", stage, got.Total, got.Facets.Outlets, want.Total, want.Facets.Outlets)
		}
	}
	check("built")

	removeAndRefresh(ctx, t, ix, arch, dir, 40)
	check("refreshed")
}

// removeAndRefresh removes the first n articles of the archive at arch and
// brings the index (cache folder dir) up to date, failing unless it changed.
func removeAndRefresh(ctx context.Context, t *testing.T, ix *Index, arch, dir string, n int) {
	t.Helper()
	removed := 0
	err := filepath.WalkDir(arch, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" && removed < n {
			removed++
			return os.Remove(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); !changed || err != nil {
		t.Fatalf("refresh: changed %v, %v", changed, err)
	}
}

// TestOnceDoesNotWarm: an index opened for a command that searches and
// exits (Options.Once) starts no warming with its searches, and answers
// them as a warmed one does; one opened without it warms after its first
// search.
func TestOnceDoesNotWarm(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 120, 5); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ctx := context.Background()
	warm, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer warm.Close()
	once, err := OpenCached(arch, os.DirFS(arch), Options{Dir: dir, Once: true})
	if err != nil {
		t.Fatal(err)
	}
	defer once.Close()
	for _, q := range []Query{{Limit: 10}, {Text: "congress", Limit: 10}, {Text: "govern", Limit: 5, Mode: ModeFacets}} {
		got, want := run(t, once, q), run(t, warm, q)
		if !reflect.DeepEqual(ids(got), ids(want)) || got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Fatalf("%+v: once %s, warmed %s", q, describe(got), describe(want))
		}
	}
	once.mu.RLock()
	ft := once.facetTerms
	once.mu.RUnlock()
	if ft.warmed != nil {
		t.Error("a search of an index opened Once started a warming")
	}
	warmedTerms(t, warm)
}

// The warm gives way to the searches: while one runs it waits (it reads
// nothing of the column and the order), and it ends once none runs; a
// view let go of meanwhile (Close) stops it waiting.
func TestWarmGivesWayToSearches(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 300, 5); err != nil {
		t.Fatal(err)
	}
	for _, end := range []string{"the search ends", "the index closes"} {
		ix := openFolder(t, arch, t.TempDir())
		busy := &ix.warm.busy
		waiting := make(chan struct{})
		var once sync.Once
		busy.waiting = func() { once.Do(func() { close(waiting) }) }
		busy.enter() // a search under way beside the first
		run(t, ix, Query{Limit: 1, Mode: ModeHits})
		ix.mu.RLock()
		ft := ix.facetTerms
		ix.mu.RUnlock()
		if ft.warmed == nil {
			t.Fatal("no warming started by the search")
		}
		<-waiting // the warm found the search running
		select {
		case <-ft.warmed:
			t.Fatalf("%s: warmed while a search was running", end)
		default:
		}
		if ft.cols.col != nil || ft.ords.ord != nil {
			t.Errorf("%s: the column or the order was read while a search was running", end)
		}
		if end == "the search ends" {
			busy.leave()
			<-ft.warmed
			if ft.cols.col == nil || ft.ords.ord == nil {
				t.Errorf("the warm ended without the column and the order")
			}
			ix.Close()
			continue
		}
		ix.Close() // stops the warm; the search "running" never ends
		<-ft.warmed
		busy.leave()
	}
}
