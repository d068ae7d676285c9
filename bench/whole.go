// Whole-process figures beside the programs folio is compared with:
// `folio search WORD` against `rg -il WORD DIR` (ripgrep), `grep -ril WORD
// DIR` and `recollq` (Recoll, on Xapian: the desktop-search anchor), on the
// generated archive as generated (nested: a folder a year) and the same
// files in one flat folder; `folio --version` (start-up) with the
// initialisation trace of the Go runtime; and both indexers' builds.
//
// Every figure is a whole process, started from here: wall time from the
// start to the end of the wait for its exit, and CPU time (user + system,
// from the child's rusage), so that figures taken on a shared machine can
// be read by what they cost as well as how long they took. A run that fails
// is never timed: it is counted and said.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/folio-tui/folio/internal/numfmt"
)

// The words searched by every program: one in about a third of the
// generated pieces, and the index figures' rare word (in about one in a
// hundred).
var wholeWords = []string{"prosperity", "prohibitory"}

// proc is one finished process: wall and CPU time, peak RSS.
type proc struct {
	WallMs, CPUMs, RSSMB float64
}

// runProc runs argv with stdout to out (nil: /dev/null) and times it; an
// error (the program failed, or could not start) means no figure.
func runProc(argv []string, env []string, out io.Writer) (proc, error) {
	c := exec.Command(argv[0], argv[1:]...)
	c.Stdout = out
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if env != nil {
		c.Env = append(os.Environ(), env...)
	}
	t0 := time.Now()
	err := c.Run()
	wall := time.Since(t0) // the clock stops once the process has exited
	if err != nil {
		return proc{}, fmt.Errorf("%s: %v: %s", strings.Join(argv, " "), err, strings.TrimSpace(stderr.String()))
	}
	p := proc{WallMs: ms(wall)}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		p.CPUMs = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
		p.RSSMB = float64(ru.Maxrss) / 1024
	}
	return p, nil
}

// figs are one program's runs of one measure.
type figs struct {
	Name   string // as printed: folio, rg, grep, recollq, …
	Argv   []string
	Env    []string // added to the environment
	Wall   []float64
	CPU    []float64
	RSSMB  float64 // max over the runs
	Found  int     // results it reported (lines listed, or folio's total)
	Failed int     // runs that failed (not timed)
}

func (f *figs) add(p proc) {
	f.Wall = append(f.Wall, p.WallMs)
	f.CPU = append(f.CPU, p.CPUMs)
	f.RSSMB = max(f.RSSMB, p.RSSMB)
}

// alternate runs each program once (not timed: a warm-up), then runs
// times in turn, so that the load of a shared machine falls on all alike.
func alternate(fs []*figs, runs int) {
	for i := range runs + 1 {
		for _, f := range fs {
			p, err := runProc(f.Argv, f.Env, nil)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench:", err)
				if i > 0 {
					f.Failed++
				}
				continue
			}
			if i > 0 {
				f.add(p)
			}
		}
	}
}

// peers are the programs folio is compared with, found on PATH or installed
// (as root, with apt-get) when missing; a missing one is skipped and said.
type peers struct {
	rg, grep, recoll bool
	notes            []string
}

func findPeers(install bool) *peers {
	p := &peers{}
	have := func(bins ...string) bool {
		for _, b := range bins {
			if _, err := exec.LookPath(b); err != nil {
				return false
			}
		}
		return true
	}
	get := func(pkg string, bins ...string) bool {
		if have(bins...) {
			return true
		}
		switch {
		case !install:
			p.notes = append(p.notes, fmt.Sprintf("%s not found and -install=false: skipped", strings.Join(bins, ", ")))
			return false
		case os.Geteuid() != 0:
			p.notes = append(p.notes, fmt.Sprintf("%s not found, and not root to install %s: skipped", strings.Join(bins, ", "), pkg))
			return false
		}
		if _, err := exec.LookPath("apt-get"); err != nil {
			p.notes = append(p.notes, fmt.Sprintf("%s not found, and no apt-get to install %s: skipped", strings.Join(bins, ", "), pkg))
			return false
		}
		fmt.Fprintf(os.Stderr, "bench: installing %s…\n", pkg)
		c := exec.Command("apt-get", "install", "-y", pkg)
		c.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := c.CombinedOutput()
		if err != nil || !have(bins...) {
			p.notes = append(p.notes, fmt.Sprintf("apt-get install -y %s failed (%v): %s skipped; %s", pkg, err, strings.Join(bins, ", "), lastLine(out)))
			return false
		}
		p.notes = append(p.notes, "installed "+pkg+" with apt-get")
		return true
	}
	p.grep = get("grep", "grep")
	p.rg = get("ripgrep", "rg")
	p.recoll = get("recollcmd", "recollq", "recollindex")
	return p
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// ensureFlat links every piece of the nested archive into one folder.
func ensureFlat(nested, flat string) error {
	if _, err := os.Stat(filepath.Join(flat, ".complete")); err == nil {
		return nil
	}
	os.RemoveAll(flat)
	if err := os.MkdirAll(flat, 0o755); err != nil {
		return err
	}
	err := filepath.WalkDir(nested, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		return os.Link(path, filepath.Join(flat, d.Name())) // names are unique: piece-NNNNNN.md
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(flat, ".complete"), nil, 0o644)
}

// build is one indexer's build of one archive from nothing.
type build struct {
	Proc  proc
	Disk  float64 // MB
	Fresh bool    // built in this run (else read from an earlier run's record)
}

// buildOnce builds with argv unless record (an earlier run's figures)
// exists; clean removes what a failed build left.
func buildOnce(record string, argv []string, out string, clean func()) (build, error) {
	var b build
	if data, err := os.ReadFile(record); err == nil && json.Unmarshal(data, &b) == nil {
		b.Fresh = false
		return b, nil
	}
	clean()
	fmt.Fprintf(os.Stderr, "bench: %s…\n", strings.Join(argv, " "))
	p, err := runProc(argv, nil, io.Discard)
	if err != nil {
		clean()
		return b, err
	}
	b = build{Proc: p, Disk: float64(dirSize(out)) / 1e6, Fresh: true}
	data, _ := json.Marshal(b)
	return b, os.WriteFile(record, data, 0o644)
}

// recollConf writes a Recoll configuration that indexes arch (Markdown is
// text/plain in Recoll's default mimemap) without building the spelling
// dictionary, which folio has no counterpart of.
func recollConf(conf, arch string) error {
	if err := os.MkdirAll(conf, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(conf, "recoll.conf"), []byte("topdirs = "+arch+"\nnoaspell = 1\nloglevel = 1\n"), 0o644)
}

// layout is one archive's files as laid out on disk, with each program's
// index of it.
type layout struct {
	Name        string // nested or flat
	Arch, Index string
	Recoll      string // configuration folder; "" without Recoll
	Folio       build
	RecollBuild build
	Rows        []wholeRow
	Beside      *figs // folio search beside a reader (nested only)
	BesideNotes int
	BesideRSS   float64
}

// wholeRow is one word, every program.
type wholeRow struct {
	Word  string
	Tools []*figs
}

// wholeArchive takes the whole-process figures of one generated archive.
func wholeArchive(bin, against, base string, n, runs int, pr *peers) ([]*layout, error) {
	nested := filepath.Join(base, fmt.Sprintf("archive-%d", n))
	flat := filepath.Join(base, fmt.Sprintf("archive-%d-flat", n))
	if err := ensureArchive(nested, n); err != nil {
		return nil, err
	}
	if err := ensureFlat(nested, flat); err != nil {
		return nil, err
	}
	var out []*layout
	for _, l := range []*layout{
		{Name: "nested", Arch: nested, Index: filepath.Join(base, fmt.Sprintf("index-%d", n))},
		{Name: "flat", Arch: flat, Index: filepath.Join(base, fmt.Sprintf("index-%d-flat", n))},
	} {
		fmt.Fprintf(os.Stderr, "bench: whole processes, %s, %s…\n", numfmt.Thousands(n), l.Name)
		args := []string{"--archive", l.Arch, "--index-dir", l.Index}
		// folio's build from nothing is timed only for a layout whose index
		// the index figures did not build (the flat one): the nested one's
		// build is in the index table.
		if l.Name == "flat" {
			var err error
			l.Folio, err = buildOnce(l.Index+".build.json", append([]string{bin}, append(slices.Clone(args), "index")...), l.Index,
				func() { os.RemoveAll(l.Index) })
			if err != nil {
				return out, err
			}
		}
		// The index must be current: folio index refreshes it, and says so.
		if _, err := runProc(append([]string{bin}, append(slices.Clone(args), "index")...), nil, nil); err != nil {
			return out, err
		}
		if pr.recoll {
			l.Recoll = filepath.Join(base, fmt.Sprintf("recoll-%d-%s", n, l.Name))
			if err := recollConf(l.Recoll, l.Arch); err != nil {
				return out, err
			}
			var err error
			l.RecollBuild, err = buildOnce(l.Recoll+".build.json", []string{"recollindex", "-c", l.Recoll}, filepath.Join(l.Recoll, "xapiandb"),
				func() {
					os.RemoveAll(filepath.Join(l.Recoll, "xapiandb"))
					recollConf(l.Recoll, l.Arch)
				})
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench: recollindex:", err)
				l.Recoll = ""
			}
		}
		for _, w := range wholeWords {
			row := wholeRow{Word: w}
			row.Tools = append(row.Tools, &figs{Name: "folio search", Argv: append([]string{bin}, append(slices.Clone(args), "search", w)...)})
			if against != "" {
				row.Tools = append(row.Tools, &figs{Name: "folio (-against)", Argv: append([]string{against}, append(slices.Clone(args), "search", w)...)})
			}
			if pr.rg {
				row.Tools = append(row.Tools, &figs{Name: "rg -il", Argv: []string{"rg", "-il", w, l.Arch}})
			}
			if pr.grep {
				row.Tools = append(row.Tools, &figs{Name: "grep -ril", Argv: []string{"grep", "-ril", w, l.Arch}})
			}
			if l.Recoll != "" {
				// The first 20 by relevance and the count, as folio prints;
				// and every file, as rg and grep list.
				row.Tools = append(row.Tools, &figs{Name: "recollq -n 20", Argv: []string{"recollq", "-c", l.Recoll, "-n", "20", w}},
					&figs{Name: "recollq -b -n 0", Argv: []string{"recollq", "-c", l.Recoll, "-b", "-n", "0", w}})
			}
			for _, f := range row.Tools {
				f.Found = found(f, bin, args, w)
			}
			alternate(row.Tools, runs)
			l.Rows = append(l.Rows, row)
		}
		if l.Name == "nested" {
			if err := besideReader(bin, args, l, runs); err != nil {
				fmt.Fprintln(os.Stderr, "bench: beside a reader:", err)
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// recollCount is recollq's count line: "3078 results (printing  20 max):".
var recollCount = regexp.MustCompile(`(?m)^(\d+) results`)

// found is how many results a program reports: the lines a lister prints,
// folio's total (from --json).
func found(f *figs, bin string, args []string, word string) int {
	if strings.HasPrefix(f.Name, "folio") {
		var out bytes.Buffer
		if _, err := runProc(append([]string{f.Argv[0]}, append(slices.Clone(args), "search", word, "--json", "--limit", "1")...), nil, &out); err != nil {
			return -1
		}
		var r struct{ Total int }
		if json.Unmarshal(out.Bytes(), &r) != nil {
			return -1
		}
		return r.Total
	}
	var out bytes.Buffer
	if _, err := runProc(f.Argv, f.Env, &out); err != nil {
		return -1
	}
	if m := recollCount.FindStringSubmatch(out.String()); m != nil && f.Name == "recollq -n 20" {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	n := 0
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.Contains(l, ".md") {
			n++
		}
	}
	return n
}

// besideReader runs folio search while another process holds the index as
// folio's reader does (holdIndex): the median, peak RSS, and how many runs
// printed a notice (a fallback to memory, or another folio writing).
func besideReader(bin string, args []string, l *layout, runs int) error {
	stop, err := startHolder(l.Arch, l.Index)
	if err != nil {
		return err
	}
	defer stop()
	f := &figs{Name: "folio search, beside a reader", Argv: append([]string{bin}, append(slices.Clone(args), "search", wholeWords[0])...)}
	for i := range runs + 1 {
		c := exec.Command(f.Argv[0], f.Argv[1:]...)
		var stderr bytes.Buffer
		c.Stderr = &stderr
		t0 := time.Now()
		err := c.Run()
		wall := time.Since(t0)
		if err != nil {
			f.Failed++
			fmt.Fprintln(os.Stderr, "bench: folio search beside a reader:", err, stderr.String())
			continue
		}
		if i == 0 {
			continue
		}
		p := proc{WallMs: ms(wall)}
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			p.CPUMs = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
			p.RSSMB = float64(ru.Maxrss) / 1024
		}
		f.add(p)
		if notice(stderr.String()) {
			l.BesideNotes++
		}
	}
	l.Beside = f
	return nil
}

// notice reports whether folio search's stderr says more than how the
// query was read (printNotes: its notes, the forms searched, did you mean):
// a fallback to an index in memory, or another folio writing.
func notice(stderr string) bool {
	for _, l := range strings.Split(stderr, "\n") {
		if l != "" && !strings.HasPrefix(l, "folio: searched ") && !strings.HasPrefix(l, "folio: note:") && !strings.HasPrefix(l, "folio: did you mean") {
			return true
		}
	}
	return false
}

// startup is `folio --version` beside the peers' own start, and the Go
// runtime's initialisation trace of folio.
type startup struct {
	Tools     []*figs
	InitMs    []float64 // sum of the packages' init clocks, per traced run
	InitAlloc float64   // MB allocated by the inits
	Top       []string  // the costliest packages of the median run
	AgainstMs []float64 // the same sums for -against
}

var initRe = regexp.MustCompile(`^init (\S+) @\S+ ms, ([\d.]+) ms clock, (\d+) bytes`)

// initTrace runs bin --version with GODEBUG=inittrace=1 and sums the
// packages' init clocks; top lists the costliest five.
func initTrace(bin string) (sum, allocMB float64, top []string, err error) {
	c := exec.Command(bin, "--version")
	c.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		return 0, 0, nil, err
	}
	type pkg struct {
		name string
		ms   float64
	}
	var pkgs []pkg
	for _, line := range strings.Split(stderr.String(), "\n") {
		m := initRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		v, _ := strconv.ParseFloat(m[2], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		sum += v
		allocMB += b / 1e6
		pkgs = append(pkgs, pkg{m[1], v})
	}
	if len(pkgs) == 0 {
		return 0, 0, nil, errors.New("no init trace")
	}
	slices.SortFunc(pkgs, func(a, b pkg) int { return int((b.ms - a.ms) * 1e6) })
	for _, p := range pkgs[:min(5, len(pkgs))] {
		top = append(top, fmt.Sprintf("%s %.1f", p.name, p.ms))
	}
	return sum, allocMB, top, nil
}

func measureStartup(bin, against string, runs int, pr *peers) *startup {
	s := &startup{Tools: []*figs{{Name: "folio --version", Argv: []string{bin, "--version"}}}}
	if against != "" {
		s.Tools = append(s.Tools, &figs{Name: "folio --version (-against)", Argv: []string{against, "--version"}})
	}
	if pr.rg {
		s.Tools = append(s.Tools, &figs{Name: "rg --version", Argv: []string{"rg", "--version"}})
	}
	if pr.recoll {
		// recollq has no --version; -h prints its usage and exits 1, which
		// alternate would not time: no start-up figure of Recoll.
	}
	alternate(s.Tools, runs)
	type tr struct {
		sum, alloc float64
		top        []string
	}
	var trs []tr
	for range 7 {
		sum, alloc, top, err := initTrace(bin)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench: init trace:", err)
			break
		}
		trs = append(trs, tr{sum, alloc, top})
		if against != "" {
			if sum, _, _, err := initTrace(against); err == nil {
				s.AgainstMs = append(s.AgainstMs, sum)
			}
		}
	}
	if len(trs) > 0 {
		slices.SortFunc(trs, func(a, b tr) int { return int((a.sum - b.sum) * 1e6) })
		mid := trs[len(trs)/2]
		for _, t := range trs {
			s.InitMs = append(s.InitMs, t.sum)
		}
		s.InitAlloc, s.Top = mid.alloc, mid.top
	}
	return s
}

// cpuNs is a process's time on a CPU in nanoseconds: the sum over its
// threads of /proc/PID/task/TID/schedstat (the scheduler's own sums, not
// sampled in ticks); /proc/PID/stat's utime+stime where schedstat is
// missing.
func cpuNs(pid int) int64 {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var sum int64
	ok := false
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err != nil {
			continue // a thread that ended
		}
		if f := strings.Fields(string(data)); len(f) > 0 {
			if n, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				sum += n
				ok = true
			}
		}
	}
	if ok {
		return sum
	}
	return cpuTicks(pid) * int64(time.Second) / clockTicks()
}

func printStartup(s *startup) {
	if s == nil {
		return
	}
	fmt.Println("| start-up (whole process) | wall p50 / p95 ms | CPU p50 / p95 ms | peak RSS MB | runs |")
	fmt.Println("|---|---:|---:|---:|---:|")
	for _, f := range s.Tools {
		fmt.Printf("| `%s` | %.1f / %.1f | %.1f / %.1f | %.0f | %d%s |\n", f.Name, pct(f.Wall, .5), pct(f.Wall, .95), pct(f.CPU, .5), pct(f.CPU, .95), f.RSSMB, len(f.Wall), failed(f))
	}
	fmt.Println()
	if len(s.InitMs) > 0 {
		fmt.Printf("Package initialisation of `folio --version` (GODEBUG=inittrace=1, sum of every package's init clock, median of %d): %.1f ms (min %.1f), %.1f MB allocated; costliest: %s.",
			len(s.InitMs), median(s.InitMs), slices.Min(s.InitMs), s.InitAlloc, strings.Join(s.Top, " ms, ")+" ms")
		if len(s.AgainstMs) > 0 {
			fmt.Printf(" -against: %.1f ms (min %.1f).", median(s.AgainstMs), slices.Min(s.AgainstMs))
		}
		fmt.Println()
		fmt.Println()
	}
}

func failed(f *figs) string {
	if f.Failed == 0 {
		return ""
	}
	return fmt.Sprintf(", %d failed", f.Failed)
}

func printWhole(sizes []int, all map[int][]*layout, runs int, pr *peers) {
	if len(all) == 0 {
		return
	}
	fmt.Printf("| pieces | layout | word | program | wall p50 / p95 ms | CPU p50 / p95 ms | peak RSS MB | found | wall / folio's |\n")
	fmt.Println("|---:|---|---|---|---:|---:|---:|---:|---:|")
	for _, n := range sizes {
		for _, l := range all[n] {
			for _, row := range l.Rows {
				base := 0.0
				if len(row.Tools) > 0 && len(row.Tools[0].Wall) > 0 {
					base = median(row.Tools[0].Wall)
				}
				for _, f := range row.Tools {
					ratio := "–"
					if base > 0 && len(f.Wall) > 0 {
						ratio = fmt.Sprintf("%.2f×", median(f.Wall)/base)
					}
					fmt.Printf("| %s | %s | %s | `%s` | %.1f / %.1f | %.1f / %.1f | %.0f | %d | %s%s |\n", numfmt.Thousands(n), l.Name, row.Word, f.Name,
						pct(f.Wall, .5), pct(f.Wall, .95), pct(f.CPU, .5), pct(f.CPU, .95), f.RSSMB, f.Found, ratio, failed(f))
				}
			}
			if f := l.Beside; f != nil {
				fmt.Printf("| %s | %s | %s | `folio search`, beside a reader | %.1f / %.1f | %.1f / %.1f | %.0f | notices: %d of %d | |\n", numfmt.Thousands(n), l.Name, wholeWords[0],
					pct(f.Wall, .5), pct(f.Wall, .95), pct(f.CPU, .5), pct(f.CPU, .95), f.RSSMB, l.BesideNotes, len(f.Wall))
			}
		}
	}
	fmt.Println()
	fmt.Println("| pieces | layout | builder | wall s | CPU s | peak RSS MB | index MB |")
	fmt.Println("|---:|---|---|---:|---:|---:|---:|")
	for _, n := range sizes {
		for _, l := range all[n] {
			for _, b := range []struct {
				name string
				b    build
			}{{"folio index", l.Folio}, {"recollindex", l.RecollBuild}} {
				if b.b.Proc.WallMs == 0 {
					continue
				}
				when := ""
				if !b.b.Fresh {
					when = " (an earlier run's)"
				}
				fmt.Printf("| %s | %s | `%s`%s | %.1f | %.1f | %.0f | %.0f |\n", numfmt.Thousands(n), l.Name, b.name, when,
					b.b.Proc.WallMs/1000, b.b.Proc.CPUMs/1000, b.b.Proc.RSSMB, b.b.Disk)
			}
		}
	}
	fmt.Println()
	fmt.Printf("Whole processes, output to /dev/null, one warm-up run each, then %d runs in turn; wall time from the start to the exit, CPU time user + system from rusage (rg and recollindex use both cores: CPU above wall). "+
		"`folio search` prints 20 hits with snippets, the count and the facets; `recollq -n 20` the first 20 by relevance (type, URL, name, size) and the count; `rg -il`, `grep -ril` and `recollq -b -n 0` list every matching file (found: the lines listed, or the count printed; recoll and folio stem, rg and grep match the letters anywhere). "+
		"Nested: a folder a year, as generated; flat: the same files (hard links) in one folder. folio's nested build is in the index table; its flat one is `folio index` from nothing.\n", runs)
	for _, n := range pr.notes {
		fmt.Println("Peers:", n+".")
	}
	fmt.Println()
}
