// The summary: the rows of issue #19's table, one column a size, from the
// figures of this run (index, whole processes, terminal).

package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/folio-tui/folio/internal/numfmt"
)

// wholeFigs are the whole-process and terminal figures of a run.
type wholeFigs struct {
	sizes   []int
	startup *startup
	whole   map[int][]*layout
	tui     []tuiResult
	tuiRuns int
	runs    int
	peers   *peers
	notes   []string
}

func (w *wholeFigs) print(root string) {
	fmt.Printf("\n## Whole processes: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Println(loadNote())
	fmt.Println()
	printStartup(w.startup)
	printWhole(w.sizes, w.whole, w.runs, w.peers)
	printTUITable(w.tui, w.tuiRuns, root)
}

// loadNote says how busy the machine was: the figures of a shared machine
// are read with it.
func loadNote() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "Load: unknown."
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "Load: unknown."
	}
	return fmt.Sprintf("Load average at the end of this part (1, 5, 15 min): %s, %s, %s on %d CPUs (%s).", f[0], f[1], f[2], runtime.NumCPU(), time.Now().UTC().Format("2006-01-02 15:04 UTC"))
}

// printSummary prints issue #19's table from the figures measured.
func printSummary(sizes []int, idx []result, w *wholeFigs) {
	byDocs := map[int]result{}
	for _, r := range idx {
		byDocs[r.Docs] = r
	}
	tuiOf := map[int]tuiResult{}
	if w != nil {
		for _, r := range w.tui {
			tuiOf[r.Docs] = r
		}
	}
	fmt.Println("\n## Summary (issue #19's table)")
	fmt.Println()
	fmt.Println(loadNote())
	fmt.Println()
	fmt.Print("| measure |")
	for _, n := range sizes {
		fmt.Printf(" %s |", numfmt.Thousands(n))
	}
	fmt.Println(" target |")
	fmt.Print("|---|")
	for range sizes {
		fmt.Print("---:|")
	}
	fmt.Println("---|")
	row := func(name, target string, cell func(n int) string) {
		fmt.Printf("| %s |", name)
		for _, n := range sizes {
			c := cell(n)
			if c == "" {
				c = "–"
			}
			fmt.Printf(" %s |", c)
		}
		fmt.Printf(" %s |\n", target)
	}
	tuiCell := func(f func(tuiResult) string) func(int) string {
		return func(n int) string {
			r, ok := tuiOf[n]
			if !ok {
				return ""
			}
			if r.Err != "" {
				return "failed"
			}
			return f(r)
		}
	}
	row("keystroke → results on screen (typing), p50 / p99 ms", "≤ 50 ms p99 at 100k (p50 ≤ one frame), ≤ 200 ms at 1M",
		tuiCell(func(r tuiResult) string { return p5099(r.Typing) }))
	row("query + Enter → results on screen, p50 / p99 ms", "", tuiCell(func(r tuiResult) string { return p5099(r.Enter) }))
	row("facets with a query (in-process), p50 / p99 ms", "≤ 33 ms p99 at 100k", func(n int) string {
		r, ok := byDocs[n]
		if !ok {
			return ""
		}
		return fmt.Sprintf("%.1f / %.1f", r.FacetsQueryMs[0], r.FacetsQueryMs[2])
	})
	if w != nil {
		for _, lay := range []string{"nested", "flat"} {
			for wi, word := range wholeWords {
				row(fmt.Sprintf("`%s` whole process, %s, wall (CPU) ms: folio · rg · grep · recollq -n 20", word, lay),
					map[bool]string{true: "folio ≤ rg at 10k, ≤ 0.33× rg at 100k", false: ""}[wi == 0 && lay == "nested"],
					func(n int) string {
						for _, l := range w.whole[n] {
							if l.Name != lay || wi >= len(l.Rows) {
								continue
							}
							var parts []string
							for _, name := range []string{"folio search", "rg -il", "grep -ril", "recollq -n 20"} {
								s := "–"
								for _, f := range l.Rows[wi].Tools {
									if f.Name == name && len(f.Wall) > 0 {
										s = fmt.Sprintf("%.1f (%.1f)", median(f.Wall), median(f.CPU))
									}
								}
								parts = append(parts, s)
							}
							return strings.Join(parts, " · ")
						}
						return ""
					})
			}
		}
		if s := w.startup; s != nil && len(s.Tools) > 0 && len(s.Tools[0].Wall) > 0 {
			f := s.Tools[0]
			row("`folio --version` wall (CPU) ms; package inits ms", "≤ 12 ms", func(int) string {
				return fmt.Sprintf("%.1f (%.1f); %.1f", median(f.Wall), median(f.CPU), median(s.InitMs))
			})
		}
	}
	row("peak RSS while querying in the reader (VmHWM after the keystrokes), MB", "≤ 300 MB at 100k",
		tuiCell(func(r tuiResult) string { return fmt.Sprintf("%.0f", r.RSSQueryMB) }))
	row("build: peak RSS (bench process: the build; the searches after it apart) MB / rate MB/s", "1M: ≤ 2 GB / ≥ 12 MB/s", func(n int) string {
		r, ok := byDocs[n]
		if !ok {
			return ""
		}
		peak := r.BuildRSSMB
		if !r.HWMReset {
			peak = r.PeakRSSMB // build and searches
		}
		return fmt.Sprintf("%.0f / %.1f", peak, r.MB/r.BuildSecs)
	})
	row("idle CPU in the reader, % of one CPU", "≤ 0.1 %", tuiCell(func(r tuiResult) string { return fmt.Sprintf("%.3f", r.IdleCPU) }))
	fmt.Println()
}

func p5099(xs []float64) string {
	if len(xs) == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f / %.1f", pct(xs, .5), pct(xs, .99))
}
