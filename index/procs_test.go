package index

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/corpus"
)

// Several folio processes on one archive (issue 14): children of the test
// binary (see TestMain) act as the reader, the CLI and a writer.
//
//	reader: opens as the TUI does (OpenCached, then Refresh) and answers
//	        lines on stdin: "r" refreshes, "q WORD" searches; each answer
//	        is one line
//	cli:    opens and searches once as `folio search` does (OpenCached
//	        and Verify, else Open) and prints "total ms note"
//	writer: opens with Open (the writer's role when the archive changed)
//	        and prints "indexed docs note"
func procsChild(mode string) int {
	ctx := context.Background()
	arch, dir := os.Getenv("FOLIO_ARCHIVE_DIR"), os.Getenv("FOLIO_INDEX_DIR")
	opts := Options{Dir: dir}
	note := func(ix *Index) string { return fmt.Sprintf("%q", ix.Fallback()+ix.Behind()) }
	switch mode {
	case "cli":
		start := time.Now()
		word := os.Getenv("FOLIO_WORD")
		ix, err := OpenCached(arch, os.DirFS(arch), opts)
		if err == nil && !ix.Verify() {
			ix.Close()
			err = errors.New("stale")
		}
		if err != nil {
			if ix, err = Open(ctx, arch, os.DirFS(arch), opts); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 3
			}
		}
		defer ix.Close()
		res, err := ix.Search(ctx, Query{Text: word + " ", Limit: 1})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 4
		}
		fmt.Printf("%d %d %s %d\n", res.Total, time.Since(start).Microseconds(), note(ix), peakRSSKiB())
	case "writer":
		ix, err := Open(ctx, arch, os.DirFS(arch), opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		defer ix.Close()
		fmt.Printf("%d %d %s\n", ix.Stats().Indexed, ix.Count(), note(ix))
	case "reader":
		ix, err := OpenCached(arch, os.DirFS(arch), opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		defer ix.Close()
		if _, err := ix.Refresh(ctx, opts); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 4
		}
		fmt.Println("ready")
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			line := in.Text()
			switch {
			case line == "r":
				start := time.Now()
				changed, err := ix.Refresh(ctx, opts)
				fmt.Printf("%t %d %d %s %v\n", changed, time.Since(start).Milliseconds(), ix.Count(), note(ix), err)
			case strings.HasPrefix(line, "q "):
				res, err := ix.Search(ctx, Query{Text: line[2:] + " ", Limit: 1})
				fmt.Printf("%d %v\n", res.Total, err)
			}
		}
	}
	return 0
}

// reader is a reader child process.
type reader struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startReader(t *testing.T, arch, dir string) *reader {
	t.Helper()
	cmd := child(t, "reader", arch, dir)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &reader{cmd, in, bufio.NewReader(out)}
	t.Cleanup(r.stop)
	if line := r.ask(t, ""); line != "ready" {
		t.Fatalf("reader said %q", line)
	}
	return r
}

// ask sends a line (none when "") and returns the answer's line.
func (r *reader) ask(t *testing.T, line string) string {
	t.Helper()
	if line != "" {
		if _, err := fmt.Fprintln(r.in, line); err != nil {
			t.Fatal(err)
		}
	}
	got, err := r.out.ReadString('\n')
	if err != nil {
		t.Fatalf("reader: %v", err)
	}
	return strings.TrimSpace(got)
}

func (r *reader) stop() {
	if r.in != nil {
		r.in.Close()
		_ = r.cmd.Wait()
		r.in = nil
	}
}

// cliRun runs the cli child: the total for word, the time it took in the
// process, its peak RSS and its note.
func cliRun(t *testing.T, arch, dir, word string) (total int, took time.Duration, rssMB float64, note string) {
	t.Helper()
	cmd := child(t, "cli", arch, dir, "FOLIO_WORD="+word)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cli: %v", err)
	}
	var us, kib int64
	if _, err := fmt.Sscanf(string(out), "%d %d %q %d", &total, &us, &note, &kib); err != nil {
		t.Fatalf("cli said %q: %v", out, err)
	}
	return total, time.Duration(us) * time.Microsecond, float64(kib) / 1024, note
}

// peakRSSKiB is this process's peak resident memory: VmHWM on Linux. The
// rusage maxrss a parent reads after Wait is no use here: Linux counts in
// it the memory of the process before exec, and Go starts a child by
// vfork from the (large) test process.
func peakRSSKiB() int64 {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				var kib int64
				fmt.Sscanf(strings.TrimSpace(v), "%d", &kib)
				return kib
			}
		}
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		return ru.Maxrss
	}
	return 0
}

func median(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// With a reader process holding the index, a search in another process
// uses the cache as it does alone: no notice, no rebuild in memory, about
// the same time, bounded memory. (The bench's "search beside a reader"
// gives the figure at 10k pieces.)
func TestSearchBesideAReader(t *testing.T) {
	if testing.Short() {
		t.Skip("child processes")
	}
	const docs = 800
	arch := t.TempDir()
	if err := corpus.Generate(arch, docs, 11); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if err := child(t, "build", arch, dir).Run(); err != nil {
		t.Fatal(err)
	}
	const word, runs = "government", 5
	var alone, beside []time.Duration
	var peak float64
	want, _, _, _ := cliRun(t, arch, dir, word)
	// Alternately alone and beside a reader, so that the machine's load
	// weighs on both alike.
	for range runs {
		_, d, _, _ := cliRun(t, arch, dir, word)
		alone = append(alone, d)
		r := startReader(t, arch, dir)
		total, d, rss, note := cliRun(t, arch, dir, word)
		r.stop()
		if total != want || note != "" {
			t.Fatalf("beside a reader: total %d (alone %d), notice %q", total, want, note)
		}
		if rss > 100 || rss == 0 {
			t.Errorf("beside a reader: %.0f MB peak RSS", rss)
		}
		beside = append(beside, d)
		peak = max(peak, rss)
	}
	a, b := median(alone), median(beside)
	t.Logf("search in another process: alone %v, beside a reader %v (medians of %d), peak RSS %.0f MB", a, b, runs, peak)
	// A rebuild in memory takes seconds even here; 50 ms of slack keeps a
	// busy machine's noise out.
	if b > 2*a+50*time.Millisecond {
		t.Errorf("beside a reader %v, alone %v", b, a)
	}
}

// Two readers and a CLI on one archive while a writer process edits, adds
// and removes files: after their refresh all see the final archive, and no
// one waits out a lock (a wait past LockTimeout, 1 s, would leave a
// notice: Behind or Fallback). A writer killed mid-change leaves the
// index as it was, which the next open brings up to date.
func TestReadersAndAWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("child processes")
	}
	const docs = 300
	arch := t.TempDir()
	if err := corpus.Generate(arch, docs, 12); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(arch, "*", "*.md"))
	if len(files) < 3 {
		t.Fatalf("archive: %v", files)
	}
	slices.Sort(files)
	const removedWord = "removablish" // in the file the writer's change removes
	data, _ := os.ReadFile(files[1])
	os.WriteFile(files[1], append(data, "\nRemovablish words.\n"...), 0o644)
	dir := filepath.Join(t.TempDir(), "idx")
	if err := child(t, "build", arch, dir).Run(); err != nil {
		t.Fatal(err)
	}
	r1, r2 := startReader(t, arch, dir), startReader(t, arch, dir)
	// edit one, remove one, add one, each with its own word
	later := time.Now().Add(2 * time.Second)
	data, _ = os.ReadFile(files[0])
	os.WriteFile(files[0], append(data, "\nZanzibarine edit.\n"...), 0o644)
	os.Chtimes(files[0], later, later)
	os.Remove(files[1])
	os.WriteFile(filepath.Join(arch, "added.md"), []byte("---\ntitle: Added\ndate: 2020-01-02\n---\nQuokkaesque words.\n"), 0o644)
	if got := r1.ask(t, "q "+removedWord); got != "1 <nil>" {
		t.Errorf("before the writer: %q", got)
	}

	// The readers still answer from the index as it was.
	for _, r := range []*reader{r1, r2} {
		if got := r.ask(t, "q zanzibarine"); got != "0 <nil>" {
			t.Errorf("before the writer: %q", got)
		}
	}
	w := child(t, "writer", arch, dir)
	out, err := w.Output()
	if err != nil {
		t.Fatalf("writer: %v", err)
	}
	var indexed, count int
	var note string
	fmt.Sscanf(string(out), "%d %d %q", &indexed, &count, &note)
	if indexed != 2 || count != docs || note != "" {
		t.Errorf("writer: %q", out)
	}
	check := func(who string, ask func(word string) int) {
		for word, n := range map[string]int{"zanzibarine": 1, "quokkaesque": 1, removedWord: 0} {
			if got := ask(word); got != n {
				t.Errorf("%s: %d hits for %q, want %d", who, got, word, n)
			}
		}
	}
	for i, r := range []*reader{r1, r2} {
		got := r.ask(t, "r")
		var changed bool
		var ms, n int
		var rnote, rerr string
		fmt.Sscanf(got, "%t %d %d %q %s", &changed, &ms, &n, &rnote, &rerr)
		if !changed || n != docs || rnote != "" || rerr != "<nil>" {
			t.Errorf("reader %d refresh: %q", i+1, got)
		}
		check(fmt.Sprintf("reader %d", i+1), func(word string) int {
			var total int
			fmt.Sscanf(r.ask(t, "q "+word), "%d", &total)
			return total
		})
	}
	check("cli", func(word string) int {
		total, _, _, note := cliRun(t, arch, dir, word)
		if note != "" {
			t.Errorf("cli notice %q", note)
		}
		return total
	})

	// A writer killed mid-change: the readers go on, the next open repairs.
	touch(t, arch, 3)
	os.WriteFile(filepath.Join(arch, "added2.md"), []byte("---\ntitle: Added again\ndate: 2020-01-03\n---\nWombatlike words.\n"), 0o644)
	before := readCurrent(dir)
	killed := child(t, "writer", arch, dir)
	if err := killed.Start(); err != nil {
		t.Fatal(err)
	}
	waitForGen(t, dir) // a new generation is being made
	_ = killed.Process.Kill()
	_ = killed.Wait()
	if after := readCurrent(dir); after != before {
		t.Logf("the writer published %s before it was killed", after)
	}
	if got := r1.ask(t, "q quokkaesque"); got != "1 <nil>" {
		t.Errorf("reader after the killed writer: %q", got)
	}
	ix, err := OpenDir(context.Background(), arch, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Count() != docs+1 || ix.Fallback() != "" || ix.Behind() != "" {
		t.Errorf("after a killed writer: %d documents, want %d; %q %q", ix.Count(), docs+1, ix.Fallback(), ix.Behind())
	}
	if got := run(t, ix, Query{Text: "wombatlike "}); got.Total != 1 {
		t.Errorf("after a killed writer: %d hits for the added piece", got.Total)
	}
	for i, r := range []*reader{r1, r2} {
		if got := r.ask(t, "r"); !strings.HasPrefix(got, "true ") || !strings.Contains(got, fmt.Sprintf(" %d \"\" <nil>", docs+1)) {
			t.Errorf("reader %d after the repair: %q", i+1, got)
		}
	}
	// The generations no one holds are gone.
	var gens []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if _, ok := genNumber(e.Name()); ok {
			gens = append(gens, e.Name())
		}
	}
	if len(gens) != 1 || gens[0] != readCurrent(dir) {
		t.Errorf("generations left: %v (live %s)", gens, readCurrent(dir))
	}
}

// waitForGen waits until the cache dir has a generation besides the live
// one: a writer is at work.
func waitForGen(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		live := readCurrent(dir)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if _, ok := genNumber(e.Name()); ok && e.Name() > live {
				if _, err := os.Stat(filepath.Join(dir, e.Name(), bleveSubdir)); err == nil {
					return
				}
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("no writer at work after 30 s")
}
