package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/buildgc"
	"github.com/folio-tui/folio/internal/corpus"
)

// Benchmarks over generated archives (internal/corpus). Archives are
// generated once per size into the system temp folder (or FOLIO_BENCH_DIR)
// and reused.
//
//	go test ./index/ -run '^$' -bench . -benchtime 1x
//
// The sizes are 1k and 10k, or those FOLIO_BENCH_SIZES lists
// ("100000", "10000,100000"). Generating and indexing 100k pieces takes
// minutes; with FOLIO_BENCH_DIR set, the search benchmarks keep each
// archive's index cache beside it and reopen it (benchOpen):
//
//	FOLIO_BENCH_DIR=/tmp/research100k FOLIO_BENCH_SIZES=100000 \
//	  go test ./index -run '^$' -bench 'Terms|Trend'

const benchSeed = 1

var benchSizes = sizesFromEnv()

func sizesFromEnv() []int {
	var sizes []int
	for _, f := range strings.Split(os.Getenv("FOLIO_BENCH_SIZES"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			sizes = append(sizes, n)
		}
	}
	if len(sizes) == 0 {
		return []int{1000, 10000}
	}
	return sizes
}

// benchRoot is where the generated archives go.
func benchRoot() string {
	if d := os.Getenv("FOLIO_BENCH_DIR"); d != "" {
		return d
	}
	return os.TempDir()
}

// benchOpen opens the index of the generated archive of n pieces: built
// into b's temporary folder, or, with FOLIO_BENCH_DIR set, into a cache
// folder kept beside the archive (built once, then reopened unchanged).
func benchOpen(b *testing.B, n int) *Index {
	b.Helper()
	return benchOpenArchive(b, benchArchive(b, n))
}

// benchOpenArchive opens the index of the archive src, as benchOpen does.
func benchOpenArchive(b *testing.B, src string) *Index {
	b.Helper()
	// the name an index records is the archive's resolved path, as the
	// CLI gives it (archive.Source): an archive reached through a link is
	// otherwise another archive, and its index is built again
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	dir := b.TempDir()
	if os.Getenv("FOLIO_BENCH_DIR") != "" {
		dir = src + ".index"
	}
	open := func() *Index {
		ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir, LargeBuild: buildgc.Relax})
		if err != nil {
			b.Fatal(err)
		}
		if ix.Fallback() != "" {
			b.Fatal(ix.Fallback())
		}
		return ix
	}
	ix := open()
	// a kept index is reopened by later runs, which should find it as this
	// one leaves it: files read within RacyWindow of their writing (a fresh
	// archive's) are read again until a reopen finds every one settled
	for os.Getenv("FOLIO_BENCH_DIR") != "" && !ix.Stats().Unchanged {
		ix.Close()
		ix = open()
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

func benchArchive(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(benchRoot(), fmt.Sprintf("folio-bench-%d-%d", n, benchSeed))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	_ = os.RemoveAll(dir)
	if err := corpus.Generate(dir, n, benchSeed); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchArchive(b, n)
			var bytes int64
			var docs int
			var took time.Duration
			cpu0 := cpuTime()
			for i := 0; b.Loop(); i++ {
				ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: filepath.Join(b.TempDir(), strconv.Itoa(i)), LargeBuild: buildgc.Relax})
				if err != nil {
					b.Fatal(err)
				}
				if ix.Fallback() != "" {
					b.Fatal(ix.Fallback())
				}
				bytes += ix.Stats().Bytes
				docs += ix.Stats().Indexed
				took += ix.Stats().Took
				ix.Close()
			}
			cpu := cpuTime() - cpu0
			b.ReportMetric(float64(docs)/took.Seconds(), "docs/s")
			b.ReportMetric(float64(bytes)/1e6/took.Seconds(), "MB/s")
			// CPU time, for comparisons on a busy machine
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

func BenchmarkReopen(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchArchive(b, n)
			dir := b.TempDir()
			ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
			if err != nil {
				b.Fatal(err)
			}
			ix.Close()
			for b.Loop() {
				ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
				if err != nil {
					b.Fatal(err)
				}
				if !ix.Stats().Unchanged {
					b.Fatalf("reopen re-indexed: %+v", ix.Stats())
				}
				ix.Close()
			}
		})
	}
}

// BenchQueries is the fixed query mix of the search benchmarks.
var BenchQueries = []struct {
	Name  string
	Query Query
}{
	{"common", Query{Text: "government "}},
	{"rare", Query{Text: "prohibitory "}},
	{"phrase", Query{Text: `"united states" `}},
	{"and3", Query{Text: "congress economy revenue "}},
	{"prefix", Query{Text: "radica", Typing: true}},
	{"synonym", Query{Text: "isis "}},
	{"facet-only", Query{Tags: []string{"mi5"}}},
	{"filtered", Query{Text: "intelligence ", Outlets: []string{"The Telegraph"}, From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}},
}

// BenchmarkSearch runs the query mix as bench/main.go does: each query in
// full (hits, facets, snippets), then its hits alone and its facets alone
// (ModeHits, ModeFacets: what the interface asks for at a keystroke),
// result cache off; it reports the p50, p95 and p99 of the full searches,
// the p50 and p99 of the other two, and the CPU time per query of each.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			var lat, hitsLat, facetsLat []time.Duration
			var cpu, hitsCPU, facetsCPU time.Duration
			timed := func(q Query, into *[]time.Duration, cpuInto *time.Duration) {
				ix.cache.clear()
				c0, start := cpuTime(), time.Now()
				if _, err := ix.Search(context.Background(), q); err != nil {
					b.Fatal(err)
				}
				*into = append(*into, time.Since(start))
				*cpuInto += cpuTime() - c0
			}
			for b.Loop() {
				for _, bq := range BenchQueries {
					q := bq.Query
					q.Limit = 50
					timed(q, &lat, &cpu)
					q.Mode = ModeHits
					timed(q, &hitsLat, &hitsCPU)
					q.Mode = ModeFacets
					timed(q, &facetsLat, &facetsCPU)
				}
			}
			pct := func(lat []time.Duration, p float64) float64 {
				s := slices.Clone(lat)
				slices.Sort(s)
				return float64(s[min(len(s)-1, int(p*float64(len(s))))].Microseconds()) / 1000
			}
			perQuery := func(d time.Duration, n int) float64 { return float64(d.Microseconds()) / 1000 / float64(n) }
			b.ReportMetric(pct(lat, 0.50), "p50-ms")
			b.ReportMetric(pct(lat, 0.95), "p95-ms")
			b.ReportMetric(pct(lat, 0.99), "p99-ms")
			b.ReportMetric(perQuery(cpu, len(lat)), "cpu-ms")
			b.ReportMetric(pct(hitsLat, 0.50), "hits-p50-ms")
			b.ReportMetric(pct(hitsLat, 0.99), "hits-p99-ms")
			b.ReportMetric(perQuery(hitsCPU, len(hitsLat)), "hits-cpu-ms")
			b.ReportMetric(pct(facetsLat, 0.50), "facets-p50-ms")
			b.ReportMetric(pct(facetsLat, 0.99), "facets-p99-ms")
			b.ReportMetric(perQuery(facetsCPU, len(facetsLat)), "facets-cpu-ms")
		})
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// typedBench are the queries bench/tui.go types one character at a time.
var typedBench = []string{"government", "prohibitory", `"united states"`, "congress economy revenue", "radical", "isis",
	"surveillance", "commercial vessels", "inflation"}

// typedRows is the Query.Snippets the reader asks for while typing in a
// terminal of 120×40: the nine rows of hits it shows and one more.
const typedRows = 10

// BenchmarkTyping replays what the reader asks for while those queries are
// typed: at each character the hits (ModeHits, the word being typed as a
// prefix, 100 hits) and then the facet counts (ModeFacets) of the same
// query, result cache off and no postings kept from the queries before
// (dense.go), after the list of every piece the reader
// starts with and the warming that list starts (warm.go; their CPU time is
// start-cpu-ms). It reports each kind's p50 and p99, wall and
// CPU (the process's CPU time over the query: the honest figure on a
// shared machine), and logs the six queries that took the most CPU.
//
//	FOLIO_BENCH_DIR=/tmp/research100k FOLIO_BENCH_SIZES=100000 \
//	  go test ./index -run '^$' -bench Typing -benchtime 3x
func BenchmarkTyping(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ix := benchOpen(b, n)
			// as the reader starts: the list of every piece, then, off the
			// keystrokes, the snapshot's warming (warm.go), timed apart
			c0 := cpuTime()
			if _, err := ix.Search(context.Background(), Query{Limit: 100, Mode: ModeHits}); err != nil {
				b.Fatal(err)
			}
			ix.mu.RLock()
			ft := ix.facetTerms
			ix.mu.RUnlock()
			if ft.warmed != nil {
				<-ft.warmed
			}
			startCPU := cpuTime() - c0
			var hitsLat, facetLat []time.Duration
			var hitsCPU, facetCPU []time.Duration
			type slow struct {
				took time.Duration
				what string
			}
			var slowest []slow
			note := func(took time.Duration, what string) {
				slowest = append(slowest, slow{took, what}) // by CPU time
				slices.SortFunc(slowest, func(a, b slow) int { return int(b.took - a.took) })
				slowest = slowest[:min(len(slowest), 6)]
			}
			walks0, sums0 := tiesWalked.Load(), tiesSummed.Load()
			for b.Loop() {
				for _, text := range typedBench {
					ix.cache.clear()
					ix.postings.clear() // each query typed afresh
					for i := 1; i <= len(text); i++ {
						v := text[:i]
						q := Query{Text: strings.TrimSpace(v), Limit: 100, Mode: ModeHits}
						q.Typing = q.Text != "" && !strings.HasSuffix(v, " ")
						q.Snippets = typedRows
						c0, t0 := cpuTime(), time.Now()
						if _, err := ix.Search(context.Background(), q); err != nil {
							b.Fatal(err)
						}
						hitsLat = append(hitsLat, time.Since(t0))
						hitsCPU = append(hitsCPU, cpuTime()-c0)
						note(cpuTime()-c0, "hits "+q.Text)
						q.Mode, q.Limit = ModeFacets, 0
						c0, t0 = cpuTime(), time.Now()
						if _, err := ix.Search(context.Background(), q); err != nil {
							b.Fatal(err)
						}
						facetLat = append(facetLat, time.Since(t0))
						facetCPU = append(facetCPU, cpuTime()-c0)
						note(cpuTime()-c0, "facets "+q.Text)
					}
				}
			}
			pct := func(lat []time.Duration, p float64) float64 {
				s := slices.Clone(lat)
				slices.Sort(s)
				return float64(s[min(len(s)-1, int(p*float64(len(s))))].Microseconds()) / 1000
			}
			for _, s := range slowest {
				b.Logf("%6.1f CPU ms  %s", float64(s.took.Microseconds())/1000, s.what)
			}
			b.ReportMetric(pct(hitsLat, 0.50), "hits-p50-ms")
			b.ReportMetric(pct(hitsLat, 0.99), "hits-p99-ms")
			b.ReportMetric(pct(hitsCPU, 0.50), "hits-cpu-p50-ms")
			b.ReportMetric(pct(hitsCPU, 0.99), "hits-cpu-p99-ms")
			b.ReportMetric(pct(facetLat, 0.50), "facets-p50-ms")
			b.ReportMetric(pct(facetLat, 0.99), "facets-p99-ms")
			b.ReportMetric(pct(facetCPU, 0.50), "facets-cpu-p50-ms")
			b.ReportMetric(pct(facetCPU, 0.99), "facets-cpu-p99-ms")
			b.ReportMetric(float64(startCPU.Microseconds())/1000, "start-cpu-ms")
			b.ReportMetric(float64(tiesWalked.Load()-walks0)/float64(b.N), "tie-walks/op")
			b.ReportMetric(float64(tiesSummed.Load()-sums0)/float64(b.N), "tie-sums/op")
		})
	}
}

// BenchmarkMoveFolder moves every folder of the generated archive into
// another (mv 1990 moved/1990, …), and back at the next op, and times the
// update that follows: each moved file's ID is its path, and so its
// Bleve document's key, so the update deletes and indexes every piece
// again (renames followed: Stats.Renamed). Measured with SOTU copied 13
// times (3,029 pieces, 141 MB; 2,796 moved), loaded: the move's update
// takes the CPU of a build from nothing (36 s both), of which, profiled,
// analysis 31 %, new segments 26 %, scorch's merges 25 %, parsing 7 %.
// At 1k generated pieces, loaded: 2.23 CPU s a move, 2.08 a build.
func BenchmarkMoveFolder(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := filepath.Join(b.TempDir(), "archive")
			if err := os.CopyFS(src, os.DirFS(benchArchive(b, n))); err != nil {
				b.Fatal(err)
			}
			old := time.Now().Add(-time.Hour) // not read racy (RacyWindow)
			filepath.WalkDir(src, func(p string, _ os.DirEntry, _ error) error { return os.Chtimes(p, old, old) })
			dir := b.TempDir()
			open := func() *Index {
				ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir, LargeBuild: buildgc.Relax})
				if err != nil || ix.Fallback() != "" {
					b.Fatal(err, ix.Fallback())
				}
				return ix
			}
			open().Close()
			years, _ := filepath.Glob(filepath.Join(src, "[0-9]*"))
			moved := filepath.Join(src, "moved")
			if err := os.Mkdir(moved, 0o755); err != nil {
				b.Fatal(err)
			}
			var cpu time.Duration
			var indexed, renamed int
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				for _, y := range years {
					from, to := y, filepath.Join(moved, filepath.Base(y))
					if i%2 == 1 {
						from, to = to, from
					}
					if err := os.Rename(from, to); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				c0 := cpuTime()
				ix := open()
				cpu += cpuTime() - c0
				indexed += ix.Stats().Indexed
				renamed += len(ix.Stats().Renamed)
				ix.Close()
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(indexed)/float64(b.N), "indexed/op")
			b.ReportMetric(float64(renamed)/float64(b.N), "renamed/op")
		})
	}
}
