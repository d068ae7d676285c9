package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// BenchmarkTieWalk searches an archive of identical pieces (FOLIO_BENCH_TIES
// of them, 50,000 unless set; generated into benchRoot and, with
// FOLIO_BENCH_DIR set, its index kept beside it): every match of `tax`
// and `title:piece` ties, so their ties are settled from all of them
// (from the sums, settleSums: tie-sums/op; else by settleTies' walk:
// tie-walks/op). The snapshot is warmed first (warm.go), as the reader's
// is after its first list.
//
//	FOLIO_BENCH_DIR=/work/me/bench go test ./index -run '^$' -bench TieWalk
func BenchmarkTieWalk(b *testing.B) {
	n := 50000
	if v, err := strconv.Atoi(os.Getenv("FOLIO_BENCH_TIES")); err == nil && v > 0 {
		n = v
	}
	ix := benchOpenArchive(b, tiesArchive(b, n))
	if _, err := ix.Search(context.Background(), Query{Limit: 20}); err != nil {
		b.Fatal(err)
	}
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	if ft.warmed != nil {
		<-ft.warmed
	}
	for _, q := range []struct {
		name string
		q    Query
	}{
		{"tax", Query{Text: "tax", Limit: 20}},
		{"title", Query{Text: "title:piece", Limit: 20}},
		{"tax-offset", Query{Text: "tax", Offset: n * 4 / 5, Limit: 30}},
	} {
		b.Run(q.name, func(b *testing.B) {
			walks0, sums0 := tiesWalked.Load(), tiesSummed.Load()
			var cpu time.Duration
			for b.Loop() {
				ix.cache.clear()
				c0 := cpuTime()
				r, err := ix.Search(context.Background(), q.q)
				if err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - c0
				if r.Total != n {
					b.Fatalf("%d hits, want %d", r.Total, n)
				}
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(tiesWalked.Load()-walks0)/float64(b.N), "tie-walks/op")
			b.ReportMetric(float64(tiesSummed.Load()-sums0)/float64(b.N), "tie-sums/op")
		})
	}
}

// tiesArchive is an archive of n pieces alike but for their titles'
// numbers, of one length.
func tiesArchive(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(benchRoot(), fmt.Sprintf("folio-ties-%d", n))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	_ = os.RemoveAll(dir)
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		text := fmt.Sprintf("---\ntitle: Piece %07d\ndate: 2017-01-01\n---\nThe tax on grain and the rain on hills.\n", i)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("p%07d.md", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour) // not read racy (RacyWindow)
	filepath.WalkDir(dir, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, old, old) })
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkReadOrder reads the order of every piece newest first (and the
// IDs' ranks, docOrder.ranks) from the generated archive's snapshot, as
// the reader's warm does when no columns file gives them.
func BenchmarkReadOrder(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			r, done, err := ix.reader()
			if err != nil {
				b.Fatal(err)
			}
			defer done()
			var cpu time.Duration
			for b.Loop() {
				c0 := cpuTime()
				if _, err := readOrder(context.Background(), r, orderSort); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - c0
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
