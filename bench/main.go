// Command bench measures folio at scale on generated archives
// (internal/corpus): the index in-process (build speed, reopen time, search
// latency over a fixed query mix, peak memory; each size in its own process
// so that peak RSS is that size's), then whole processes: `folio --version`,
// `folio search` beside `rg -il`, `grep -ril` and `recollq` on the archive
// nested and flat (whole.go), and folio in a real terminal (tui.go). It ends
// with issue #19's table (summary.go).
//
//	go run ./bench               # 10k
//	go run ./bench -big          # 10k and 100k
//	go run ./bench -huge         # and 1M (slow)
//	go run ./bench -sizes 1000   # any sizes
//
// It prints Markdown tables for the README.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/buildgc"
)

type result struct {
	Docs      int
	MB        float64
	BuildSecs float64
	ReopenMs  float64
	SearchMs  map[string][3]float64 // query → p50, p95, p99
	AllMs     [3]float64
	HitsMs    [3]float64 // the same searches without facets (the interface's first pass)
	FacetsMs  [3]float64 // facets alone (its second pass)
	// facets alone for the queries with text (the facet-only query left out)
	FacetsQueryMs [3]float64
	// BuildRSSMB is the process's peak RSS over the build (VmHWM, reset
	// after the archive is generated); PeakRSSMB its peak over the
	// searches after it (reset again after the build), or over the whole
	// run where the peak cannot be reset.
	BuildRSSMB  float64
	PeakRSSMB   float64
	IndexDiskMB float64
	// HWMReset says whether the peaks could be reset (/proc/self/clear_refs)
	HWMReset bool
}

var queries = []struct {
	name string
	q    index.Query
}{
	{"common word", index.Query{Text: "government "}},
	{"rare word", index.Query{Text: "prohibitory "}},
	{"phrase", index.Query{Text: `"united states" `}},
	{"3-term AND", index.Query{Text: "congress economy revenue "}},
	{"prefix (typing)", index.Query{Text: "radica"}},
	{"synonyms", index.Query{Text: "isis "}},
	{"facet-only", index.Query{Tags: []string{"mi5"}}},
	{"filtered", index.Query{Text: "intelligence ", Outlets: []string{"The Telegraph"}, From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}},
}

func main() {
	sizes := flag.String("sizes", "10000", "archive sizes, comma-separated")
	big := flag.Bool("big", false, "add 100k pieces")
	huge := flag.Bool("huge", false, "add 100k and 1M pieces (slow)")
	dir := flag.String("dir", "", "where to generate archives and indexes (default: a temp folder, removed)")
	rounds := flag.Int("rounds", 30, "search rounds over the query mix")
	one := flag.Int("one", 0, "internal: run one size in this process and print JSON")
	hold := flag.String("hold", "", "internal: hold the index (in -dir) of this archive open as folio's reader does, until stdin closes")
	tui := flag.Bool("tui", true, "folio in tmux: start, keystrokes, RSS, idle CPU (tui.go)")
	tuiRuns := flag.Int("tui-runs", 15, "starts per archive for start to first frame (-tui)")
	idle := flag.Duration("idle", idleTime, "how long the reader is watched idle (-tui)")
	whole := flag.Bool("peers", true, "folio search beside rg, grep and recollq, whole processes (whole.go)")
	install := flag.Bool("install", true, "install missing peers (as root: apt-get install -y ripgrep recollcmd)")
	procs := flag.Int("runs", 15, "runs of each whole process")
	bin := flag.String("bin", "", "the folio binary to measure (default: built from this checkout)")
	against := flag.String("against", "", "another folio binary, run in turn with the measured one (start-up and folio search)")
	indexFigures := flag.Bool("index", true, "the index figures (-index=false: the whole-process figures alone)")
	flag.Parse()
	idleTime = *idle

	if *hold != "" {
		if err := holdIndex(*hold, *dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *one > 0 {
		r, err := runOne(*dir, *one, *rounds)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		json.NewEncoder(os.Stdout).Encode(r)
		return
	}
	base := *dir
	if base == "" {
		tmp, err := os.MkdirTemp("", "folio-bench")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer os.RemoveAll(tmp)
		base = tmp
	}
	var results []result
	var ns []int
	list := *sizes
	if *big || *huge {
		list += ",100000"
	}
	if *huge {
		list += ",1000000"
	}
	seen := map[int]bool{}
	for _, s := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bad size %q\n", s)
			os.Exit(2)
		}
		if seen[n] {
			continue
		}
		seen[n] = true
		ns = append(ns, n)
		if !*indexFigures {
			continue
		}
		fmt.Fprintf(os.Stderr, "bench: %d pieces…\n", n)
		cmd := exec.Command(os.Args[0], "-one", strconv.Itoa(n), "-dir", base, "-rounds", strconv.Itoa(*rounds))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		var r result
		if err := json.Unmarshal(out, &r); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		results = append(results, r)
	}
	if *indexFigures {
		printTable(results)
	}
	var w *wholeFigs
	if *tui || *whole || *against != "" {
		w = runWholeBench(base, ns, wholeOpts{tui: *tui, peers: *whole, install: *install, runs: *tuiRuns, procs: *procs, bin: *bin, against: *against})
	}
	printSummary(ns, results, w)
}

func runOne(base string, n, rounds int) (result, error) {
	r := result{Docs: n, SearchMs: map[string][3]float64{}}
	arch := filepath.Join(base, fmt.Sprintf("archive-%d", n))
	if err := ensureArchive(arch, n); err != nil {
		return r, err
	}
	idx := filepath.Join(base, fmt.Sprintf("index-%d", n))
	os.RemoveAll(idx)
	ctx := context.Background()
	r.HWMReset = resetHWM() // generating the archive is not the build

	start := time.Now()
	ix, err := index.OpenDir(ctx, arch, index.Options{Dir: idx, LargeBuild: buildgc.Relax})
	if err != nil {
		return r, err
	}
	if ix.Fallback() != "" {
		return r, fmt.Errorf("fallback: %s", ix.Fallback())
	}
	r.MB = float64(ix.Stats().Bytes) / 1e6
	// The clock stops after Close: the build is done when its segments
	// are merged and persisted.
	ix.Close()
	r.BuildSecs = time.Since(start).Seconds()
	r.BuildRSSMB = vmHWM("self")
	// The searches' peak apart from the build's: the build's own pages
	// (merges' maps, heap not yet returned) are not the searches'.
	r.HWMReset = r.HWMReset && resetHWM()
	r.IndexDiskMB = float64(dirSize(idx)) / 1e6

	start = time.Now()
	ix, err = index.OpenDir(ctx, arch, index.Options{Dir: idx, ResultCache: -1})
	if err != nil {
		return r, err
	}
	r.ReopenMs = float64(time.Since(start).Microseconds()) / 1000
	if !ix.Stats().Unchanged {
		return r, fmt.Errorf("reopen re-indexed: %+v", ix.Stats())
	}
	defer ix.Close()

	var all, hits, facets, facetsQuery []time.Duration
	per := map[string][]time.Duration{}
	timed := func(q index.Query) (time.Duration, error) {
		t0 := time.Now()
		_, err := ix.Search(ctx, q)
		return time.Since(t0), err
	}
	for range rounds {
		for _, q := range queries {
			qq := q.q
			qq.Limit = 50
			d, err := timed(qq)
			if err != nil {
				return r, err
			}
			per[q.name] = append(per[q.name], d)
			all = append(all, d)
			hq, fq := qq, qq
			hq.Mode, fq.Mode = index.ModeHits, index.ModeFacets
			if d, err = timed(hq); err != nil {
				return r, err
			}
			hits = append(hits, d)
			if d, err = timed(fq); err != nil {
				return r, err
			}
			facets = append(facets, d)
			if qq.Text != "" {
				facetsQuery = append(facetsQuery, d)
			}
		}
	}
	r.HitsMs, r.FacetsMs, r.FacetsQueryMs = percentiles(hits), percentiles(facets), percentiles(facetsQuery)
	for name, ds := range per {
		r.SearchMs[name] = percentiles(ds)
	}
	r.AllMs = percentiles(all)
	r.PeakRSSMB = vmHWM("self")
	return r, nil
}

// resetHWM resets the process's peak RSS (VmHWM) to its RSS now (Linux:
// clear_refs 5); false where it cannot.
func resetHWM() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// percentiles are the p50, p95 and p99 of ds in milliseconds.
func percentiles(ds []time.Duration) [3]float64 {
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = ms(d)
	}
	return [3]float64{pct(xs, 0.50), pct(xs, 0.95), pct(xs, 0.99)}
}

// rss is the table's cell of the peaks: the build's and the searches'
// after it, or the whole run's where the peak could not be reset.
func (r result) rss() string {
	if !r.HWMReset {
		return fmt.Sprintf("%.0f (build and searches)", r.PeakRSSMB)
	}
	return fmt.Sprintf("%.0f / %.0f", r.BuildRSSMB, r.PeakRSSMB)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func printTable(rs []result) {
	fmt.Printf("Machine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Println("| pieces | text MB | build s | build docs/s | build MB/s | index MB | reopen ms | search p50 / p95 / p99 ms | hits only p50 / p99 | facets only p50 / p99 | peak RSS MB: build / searches |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		fmt.Printf("| %d | %.0f | %.1f | %.0f | %.1f | %.0f | %.0f | %.2f / %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %s |\n",
			r.Docs, r.MB, r.BuildSecs, float64(r.Docs)/r.BuildSecs, r.MB/r.BuildSecs, r.IndexDiskMB, r.ReopenMs,
			r.AllMs[0], r.AllMs[1], r.AllMs[2], r.HitsMs[0], r.HitsMs[2], r.FacetsMs[0], r.FacetsMs[2], r.rss())
	}
	fmt.Println()
	fmt.Print("| query (p50 / p99 ms) |")
	for _, r := range rs {
		fmt.Printf(" %d |", r.Docs)
	}
	fmt.Println()
	fmt.Print("|---|")
	for range rs {
		fmt.Print("---:|")
	}
	fmt.Println()
	for _, q := range queries {
		fmt.Printf("| %s |", q.name)
		for _, r := range rs {
			p := r.SearchMs[q.name]
			fmt.Printf(" %.2f / %.2f |", p[0], p[2])
		}
		fmt.Println()
	}
}
