package index

import (
	"context"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/corpus"
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

// releaseMappedOf takes the pages of the index's segment files out of the
// process's resident set: touched, they count in it; advised, they leave it.
func TestReleaseMappedOfLetsGoOfTheSegmentsPages(t *testing.T) {
	if _, ok := residentFileBytes(); !ok {
		t.Skip("no /proc/self/statm")
	}
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, arch, t.TempDir())
	ix.mu.RLock()
	bi := ix.cur.bi
	ix.mu.RUnlock()
	var touched int64
	var sink byte
	segmentMaps(bi, func(b []byte) {
		for i := 0; i < len(b); i += os.Getpagesize() {
			sink ^= b[i]
		}
		touched += int64(len(b))
	})
	_ = sink
	if touched < 1<<20 {
		t.Fatalf("segment files of %d bytes: too few to see", touched)
	}
	before, _ := residentFileBytes()
	advised := releaseMappedOf(bi)
	after, _ := residentFileBytes()
	if advised != touched {
		t.Errorf("advised %d bytes of maps, the segments' files map %d", advised, touched)
	}
	if before-after < touched/2 {
		t.Errorf("resident file pages %d → %d bytes: the segments' %d bytes were not let go of", before, after, touched)
	}
}

// A build on disk lets go of its segments' mapped pages while it runs,
// past its bound, and the index it makes answers as one built without.
func TestBuildLetsGoOfItsMappedPagesAndAnswersAlike(t *testing.T) {
	if _, ok := residentFileBytes(); !ok {
		t.Skip("no /proc/self/statm")
	}
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	// the first bytes of segment files let go of
	released := make(chan struct{})
	var once sync.Once
	advised := func(n int64) {
		if n > 0 {
			once.Do(func() { close(released) })
		}
	}
	open := func(tt trimTest, before func(string)) *Index {
		t.Helper()
		// batches of 5 pieces: many segment files, as a large build has,
		// and scorch's background merges kept out, so that the build is
		// compacted (its wait below reached) however the load times them
		ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir(), BatchDocs: 5,
			compact: compactTest{min: 1, past: 1, before: before, noMerges: true}, trim: tt})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	plain := open(trimTest{bound: 1 << 62}, nil)
	// every batch is persisted before the segments are compacted: the
	// build waits there until its segment files were let go of
	waited := false
	trimmed := open(trimTest{bound: 1, every: time.Millisecond, advised: advised}, func(string) { <-released; waited = true })
	if !trimmed.Stats().Rebuilt {
		t.Fatal("not built")
	}
	if !waited {
		t.Fatal("the build was not compacted: it never waited for its pages to be let go of")
	}
	sameAnswers(t, plain, trimmed, "trimmed")
}

// The bound grows with the index: pages under mappedShare of its segment
// files are kept, whatever the bound given.
func TestMappedBoundGrowsWithTheIndex(t *testing.T) {
	ix := openBundled(t)
	type check struct {
		bound, resident int64
		over            bool
	}
	ix.inUse.RLock()
	share := ix.mappedBytes() / mappedShare
	checks := []check{
		{1, share - 1, false}, // under the index's share
		{1, share, false},
		{1, share + 1, true},
		{share * 2, share + 1, false}, // under the bound given
		{share * 2, share*2 + 1, true},
	}
	got := make([]bool, len(checks))
	for i, c := range checks {
		got[i] = ix.overBound(c.bound, c.resident)
	}
	ix.inUse.RUnlock()
	if share <= 0 {
		t.Fatalf("the bundled index's share of its segment files: %d bytes", share)
	}
	for i, c := range checks {
		if got[i] != c.over {
			t.Errorf("bound %d, %d resident, index share %d: over %v, want %v", c.bound, c.resident, share, got[i], c.over)
		}
	}

	// a search lets go of the pages only past the raised bound
	resident := share
	readerResident = func() (int64, bool) { return resident, true }
	defer func() { readerResident = residentFileBytes }()
	ix.KeepMappedUnder(1)
	search := func() int64 {
		t.Helper()
		before := ix.releases.Load()
		if _, err := ix.Search(context.Background(), Query{Text: "raqqa", Limit: 5}); err != nil {
			t.Fatal(err)
		}
		ix.released.Wait()
		return ix.releases.Load() - before
	}
	if n := search(); n != 0 {
		t.Errorf("%d resident bytes, the index's share %d: the pages were let go of %d times", resident, share, n)
	}
	resident = share + 1
	if n := search(); n != 1 {
		t.Errorf("%d resident bytes, past the index's share %d: the pages were let go of %d times, want once", resident, share, n)
	}
}
