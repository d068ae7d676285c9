package index

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// With a bound on its mapped pages, the index lets go of them after a
// search once the process's resident file pages pass it, and searches
// answer as before while and after it does. Without a bound it never does.
func TestKeepMappedUnderLetsGoOfPagesAndAnswersAlike(t *testing.T) {
	if _, ok := residentFileBytes(); !ok {
		t.Skip("no /proc/self/statm")
	}
	t.Run("on disk", func(t *testing.T) { checkKeepMappedUnder(t, openBundled(t)) })
	t.Run("in memory", func(t *testing.T) {
		// its segments are the Go heap's: they must be left alone
		ix, err := Open(context.Background(), archive.BundledName, archive.Bundled(), Options{Memory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		checkKeepMappedUnder(t, ix)
	})
}

func checkKeepMappedUnder(t *testing.T, ix *Index) {
	queries := []Query{{Text: "foreign fighters"}, {Text: "raqqa"}, {Text: `"islamic state"`}, {Text: "china"}}
	ids := func(q Query) []string {
		t.Helper()
		r := run(t, ix, q)
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	var want [][]string
	for _, q := range queries {
		want = append(want, ids(q))
	}
	if n := ix.releases.Load(); n != 0 {
		t.Fatalf("no bound: the pages were let go of %d times", n)
	}

	ix.KeepMappedUnder(1) // any page mapped passes it
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 20 {
				for i, q := range queries {
					r, err := ix.Search(context.Background(), Query{Text: q.Text, Limit: 20})
					if err != nil {
						t.Error(err)
						return
					}
					var got []string
					for _, h := range r.Hits {
						got = append(got, h.ID)
					}
					if !slices.Equal(got, want[i][:min(len(want[i]), 20)]) {
						t.Errorf("%q while pages are let go of: %v, want %v", q.Text, got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
	ix.released.Wait() // the searches are over: no release starts now
	if ix.releases.Load() == 0 {
		t.Fatal("the pages were never let go of")
	}
	for i, q := range queries {
		if got := ids(q); !slices.Equal(got, want[i]) {
			t.Errorf("%q after: %v, want %v", q.Text, got, want[i])
		}
	}
}
