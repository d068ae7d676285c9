// Whole-process and real-terminal figures (-tui): folio's binary, built
// once, run in tmux on a private server for the bundled archive and each
// generated size:
//
//   - start to first frame and to the list on screen (median of -tui-runs);
//   - keystroke → results on screen while typing (searching at every key
//     unless the index is slow, see ui/cmds.go slowSearch),
//     with Enter after the query (no debounce) and for a facet toggle in the
//     sidebar (no debounce);
//   - peak RSS (VmHWM) after start and after the queries, idle CPU over 10 s;
//   - `folio search WORD` against `grep -ril WORD DIR`, whole processes.
//
// The terminal is read through tmux's control mode (tmux -C): every %output
// notification of folio's pane is timestamped as it arrives and answered at
// once with a capture-pane over the same connection; a frame counts from
// the arrival of the capture that first shows it, so a figure is at most
// one capture round trip (~0.2 ms) late and never early.

package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/buildgc"
	"github.com/folio-tui/folio/internal/corpus"
	"github.com/folio-tui/folio/internal/numfmt"
)

// tuiResult is one archive's terminal figures.
type tuiResult struct {
	Name         string
	Docs         int
	IndexState   string        // what `folio index` said before the runs
	FirstFrameMs []float64     // start → first frame, per run
	ReadyMs      []float64     // start → the list on screen, per run
	Typing       []float64     // ms per measured keystroke, debounced
	TypingSkip   int           // keystrokes whose result could not be told from the one before
	Enter        []float64     // query + Enter, no debounce
	Toggle       []float64     // facet toggled in the sidebar, no debounce
	Failed       int           // results that never showed within the timeout
	RSSStartMB   float64       // VmHWM after start, max over the runs
	RSSQueryMB   float64       // VmHWM after the keystroke session
	RSSAnonMB    float64       // RssAnon then: the process's own memory
	RSSFileMB    float64       // RssFile then: pages of files mapped (the index), page cache
	IdleCPU      float64       // % of one CPU over the idle time
	IdleOutputs  int           // %output notifications while idle
	Inside       insideFigures // the typing session's own timeline (inside.go)
	// Err: the session failed; its figures are not printed (a row of
	// zeros would read as a measurement)
	Err string
}

const tuiWidth, tuiHeight = 120, 40

// idleTime is how long the reader is watched doing nothing (-idle).
var idleTime = 30 * time.Second

// Query mixes. Typed queries go in one character at a time (each a search
// after the debounce); Enter queries go in at once with Enter (a search at
// once). Every text differs from the others, so that the index's result
// cache never answers a measured keystroke.
var (
	typedGenerated = []string{"government", "prohibitory", `"united states"`, "congress economy revenue", "radical", "isis",
		"surveillance", "commercial vessels", "inflation"}
	enterGenerated = []string{
		"among", "resources", "working", "providing", "enterprise", "hoped", "improvements", "attack",
		"determination", "approval", "consent", "courage", "formed", "scale", "affected", "decide",
		"drugs", "presence", "exhibit", "moderate", "threats", "neighboring", "learning", "gained",
		"papers", "sensible", "overwhelming", "anyone", "sustaining", "investigations", "orleans",
		"extinguished", "communicate", "acquiescence", "predecessors", "guaranteed", "deter",
		"exigencies", "doubts", "specifically", "finds", "unanimous", "adjustments", "studied",
		"thoughtful", "professions", "accidents", "round", "operates", "filling", "imagine",
		`"foreign fighters"`, "inflation deficit", "taliban kabul", "caliphate -raqqa",
	}
	typedBundled = []string{"terror", "intelligence", "foreign fighters", "isis"}
	enterBundled = []string{"police", "attack", "threat", "prison", "manchester", "syria", "london",
		"security", "government", "europe", "prevent", "mi5", "returnees", "propaganda", "online"}
)

// wholeOpts are the flags of the whole-process figures.
type wholeOpts struct {
	tui     bool   // folio in tmux
	peers   bool   // folio search beside rg, grep, recollq
	install bool   // install missing peers (as root, apt-get)
	runs    int    // starts per archive in tmux (-tui-runs)
	procs   int    // runs of each whole process (-runs)
	bin     string // folio binary to measure ("" builds one)
	against string // another folio binary run in turn with bin
}

// runWholeBench measures folio's start-up, folio search beside its peers on
// each size, and folio in a terminal on the bundled archive and each size.
// It returns the figures for the summary.
func runWholeBench(base string, sizes []int, o wholeOpts) *wholeFigs {
	fmt.Fprintln(os.Stderr, "bench: whole processes…")
	base, _ = filepath.Abs(base)
	work, err := os.MkdirTemp("", "folio-bench-tui")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return nil
	}
	defer os.RemoveAll(work)
	// folio must not touch the user's state, config or cache.
	for _, v := range []string{"XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		d := filepath.Join(work, strings.ToLower(v))
		os.MkdirAll(d, 0o700)
		os.Setenv(v, d)
	}
	os.Unsetenv("FOLIO_ARCHIVE")

	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return nil
	}
	bin := o.bin
	if bin == "" {
		bin = filepath.Join(work, "folio")
		build := exec.Command("go", "build", "-o", bin, ".")
		build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "bench: building folio:", err)
			return nil
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return nil
	}
	if o.against != "" {
		o.against, _ = filepath.Abs(o.against)
	}
	w := &wholeFigs{sizes: sizes, whole: map[int][]*layout{}, runs: o.procs}
	w.peers = findPeers(o.install && o.peers)
	if !o.peers {
		w.peers = &peers{grep: false}
	}
	w.startup = measureStartup(bin, o.against, o.procs, w.peers)
	if o.peers || o.against != "" {
		for _, n := range sizes {
			ls, err := wholeArchive(bin, o.against, base, n, o.procs, w.peers)
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench:", err)
			}
			w.whole[n] = ls
		}
	}

	haveTmux := o.tui
	if _, err := exec.LookPath("tmux"); err != nil && o.tui {
		fmt.Fprintln(os.Stderr, "bench: tmux not found: skipping the terminal figures (start, keystrokes, RSS, idle CPU)")
		w.notes = append(w.notes, "tmux not found: no terminal figures")
		haveTmux = false
	}
	if !haveTmux {
		w.print(root)
		return w
	}
	tm, err := startTmux(work)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench: tmux:", err)
		w.print(root)
		return w
	}
	defer tm.close()

	archives := []struct {
		name       string
		docs       int
		arch, idx  string
		typed, ent []string
	}{{"bundled", 0, "", filepath.Join(base, "index-bundled"), typedBundled, enterBundled}}
	for _, n := range sizes {
		archives = append(archives, struct {
			name       string
			docs       int
			arch, idx  string
			typed, ent []string
		}{numfmt.Thousands(n), n, filepath.Join(base, fmt.Sprintf("archive-%d", n)), filepath.Join(base, fmt.Sprintf("index-%d", n)), typedGenerated, enterGenerated})
	}
	for _, a := range archives {
		fmt.Fprintf(os.Stderr, "bench: terminal, %s…\n", a.name)
		r := tuiResult{Name: a.name, Docs: a.docs}
		if a.arch != "" {
			if err := ensureArchive(a.arch, a.docs); err != nil {
				fmt.Fprintln(os.Stderr, "bench:", err)
				break
			}
		}
		args := []string{"--index-dir", a.idx}
		if a.arch != "" {
			args = append(args, "--archive", a.arch)
		}
		// Build or refresh the index, then check that it is cached.
		ok := true
		for i := range 2 {
			out, err := exec.Command(bin, append(slices.Clone(args), "index")...).Output()
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench: folio index:", err)
				ok = false
				break
			}
			if i == 1 {
				r.IndexState = strings.TrimSpace(string(out))
			}
		}
		if !ok {
			continue
		}
		if err := tuiArchive(tm, bin, args, a.arch, a.idx, a.typed, a.ent, o.runs, &r); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", a.name+":", err)
			r.Err = err.Error()
		}
		w.tui = append(w.tui, r)
	}
	w.tuiRuns = o.runs
	w.print(root)
	return w
}

// repoRoot is the folder of folio's go.mod.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside folio's module: run from the repository")
	}
	return filepath.Dir(gomod), nil
}

// ensureArchive generates archive-N as runOne does, unless it is there.
func ensureArchive(arch string, n int) error {
	if _, err := os.Stat(filepath.Join(arch, ".complete")); err == nil {
		return nil
	}
	fmt.Fprintf(os.Stderr, "bench: generating %d pieces…\n", n)
	os.RemoveAll(arch)
	if err := corpus.Generate(arch, n, 1); err != nil {
		return err
	}
	// A file read within index.RacyWindow of its last change is read
	// again at the next open (its change may not show in its times):
	// the figures are of a settled archive, as a user's is.
	time.Sleep(index.RacyWindow + 100*time.Millisecond)
	return os.WriteFile(filepath.Join(arch, ".complete"), nil, 0o644)
}

// startHolder starts this program with -hold: a process that holds the
// index of arch in idx open as folio's reader does, until stop.
func startHolder(arch, idx string) (stop func(), err error) {
	c := exec.Command(os.Args[0], "-hold", arch, "-dir", idx)
	in, err := c.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := c.StdoutPipe()
	if err != nil {
		return nil, err
	}
	c.Stderr = os.Stderr
	if err := c.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "ready" {
		in.Close()
		c.Wait()
		return nil, fmt.Errorf("holder said %q: %v", line, err)
	}
	return func() { in.Close(); c.Wait() }, nil
}

// holdIndex opens the index of arch in idx as folio's reader does
// (cli/tui.go: OpenCached, then its check's answer, or Refresh when the
// archive changed: firstRefresh), says "ready" and holds it open until
// stdin closes.
func holdIndex(arch, idx string) error {
	opts := index.Options{Dir: idx}
	ix, err := index.OpenCached(arch, os.DirFS(arch), opts)
	if err != nil {
		return err
	}
	defer ix.Close()
	if !ix.Verify() {
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			return err
		}
	}
	fmt.Println("ready")
	_, err = io.Copy(io.Discard, os.Stdin)
	return err
}

// tuiArchive takes the terminal figures of one archive.
func tuiArchive(tm *tmux, bin string, args []string, arch, idx string, typed, entered []string, runs int, r *tuiResult) error {
	// What each query should show, from the same index, opened here before
	// folio holds its lock.
	texts := map[string]bool{"": true}
	for _, q := range typed {
		for i := range len(q) + 1 {
			texts[typedKey(q[:i])] = true
		}
	}
	for _, q := range entered {
		texts[q] = true
	}
	totals, err := expectedTotals(arch, idx, texts)
	if err != nil {
		return err
	}
	argv := append([]string{bin}, args...)

	// Start to first frame: one warm-up run, then runs.
	for i := range runs + 1 {
		s, err := tm.start(argv)
		if err != nil {
			return err
		}
		if i > 0 {
			r.FirstFrameMs = append(r.FirstFrameMs, ms(s.firstFrame.Sub(s.t0)))
			r.ReadyMs = append(r.ReadyMs, ms(s.ready.Sub(s.t0)))
		}
		r.RSSStartMB = max(r.RSSStartMB, vmHWM(s.pid))
		if err := tm.quit(); err != nil {
			return err
		}
	}

	// One session: typing, Enter, facet toggles, then idle; folio writes
	// its own timeline of it when it quits (inside.go).
	trace := filepath.Join(tm.work, fmt.Sprintf("trace-%d", r.Docs))
	s, err := tm.start(append([]string{"env", "FOLIO_TRACE=" + trace}, argv...))
	if err != nil {
		return err
	}
	defer func() {
		tm.quit()
		r.Inside = insideFolio(trace)
	}()
	all := totals[""]
	cur := s.count
	if cur != all {
		return fmt.Errorf("start shows %d pieces, the index has %d", cur, all)
	}
	const timeout, toggleTimeout = 20 * time.Second, 5 * time.Second
	settle := func() { tm.waitQuiet(40*time.Millisecond, 2*time.Second) }
	// measure sends keys and waits for the count want (or, want < 0, any
	// count other than the one on screen); an unknown or unchanged count
	// only waits for the screen to settle.
	measure := func(keys string, want int, into *[]float64, timeout time.Duration) {
		if want >= 0 && want == cur {
			tm.send(keys)
			tm.waitQuiet(400*time.Millisecond, 10*time.Second)
			cur = tm.count()
			r.TypingSkip++
			return
		}
		prev := cur
		t0 := time.Now()
		tm.send(keys)
		at, lines, err := tm.waitScreen(func(lines []string) bool {
			n, ok := screenCount(lines)
			if want >= 0 {
				return ok && n == want
			}
			return ok && n != prev
		}, timeout)
		if err != nil {
			r.Failed++
			fmt.Fprintf(os.Stderr, "bench: no result for %s (want %d, screen shows %d)\n", keys, want, tm.count())
			cur = tm.count()
			return
		}
		*into = append(*into, ms(at.Sub(t0)))
		cur, _ = screenCount(lines)
		settle()
	}
	clear := func() { // in the search box: ctrl+u, and wait for every piece
		tm.send("C-u")
		if cur != all {
			tm.waitScreen(func(l []string) bool { n, ok := screenCount(l); return ok && n == all }, timeout)
		}
		tm.waitQuiet(100*time.Millisecond, 5*time.Second)
		cur = tm.count()
	}

	// Typing, one character at a time; the slowest keystrokes are named.
	type keyTime struct {
		text string
		ms   float64
	}
	var slow []keyTime
	tm.send("/")
	settle()
	for _, q := range typed {
		clear()
		for i := 1; i <= len(q); i++ {
			want, ok := totals[typedKey(q[:i])]
			if !ok {
				want = -2 // the query fails: nothing to wait for
			}
			if want == -2 {
				tm.send(literal(q[i-1 : i]))
				tm.waitQuiet(400*time.Millisecond, 10*time.Second)
				cur = tm.count()
				r.TypingSkip++
				continue
			}
			n := len(r.Typing)
			measure(literal(q[i-1:i]), want, &r.Typing, timeout)
			if len(r.Typing) > n {
				slow = append(slow, keyTime{q[:i], r.Typing[n]})
			}
		}
	}
	label := filepath.Base(arch)
	if label == "." || arch == "" {
		label = "bundled"
	}
	slices.SortFunc(slow, func(a, b keyTime) int { return cmp.Compare(b.ms, a.ms) })
	for _, k := range slow[:min(5, len(slow))] {
		fmt.Fprintf(os.Stderr, "bench: %s: one of the slowest keystrokes: %q %.1f ms\n", label, k.text, k.ms)
	}
	clear()
	tm.send("Enter") // to the list
	settle()

	// Whole queries with Enter: the search starts at once.
	for _, q := range entered {
		want, ok := totals[q]
		if !ok || want == all {
			continue
		}
		tm.send("/")
		settle()
		clear()
		// One send-keys: the text (no tmux key is named like a query
		// word) and Enter, in one write to the terminal.
		measure("'"+q+"' Enter", want, &r.Enter, timeout)
		// The debounce of the typed characters fires after the search: let
		// its (cached) search pass.
		tm.waitQuiet(120*time.Millisecond, 5*time.Second)
		cur = tm.count()
	}
	tm.send("/")
	settle()
	clear()
	tm.send("Enter")
	settle()

	// Facet toggles: the outlets in turn, from the sidebar (tab; past the
	// Reading filters), each on (measured: its count in the sidebar is the
	// count to wait for) and off again (not measured: every piece again,
	// which the result cache answers).
	tm.send("Tab")
	settle()
	for range entriesBeforeOutlets(tm.capture()) {
		tm.send("j")
		settle()
	}
	for i, c := range outletCounts(tm.capture()) {
		if i >= 20 {
			break
		}
		if c != all && c != cur {
			measure("Space", c, &r.Toggle, toggleTimeout)
			measure("Space", all, new([]float64), toggleTimeout)
		}
		tm.send("j")
		settle()
	}

	// Idle.
	tm.waitQuiet(500*time.Millisecond, 5*time.Second)
	cpu0, t0 := cpuNs(s.pid), time.Now()
	outs0 := tm.outputs
	tm.pump(idleTime)
	cpu1, t1 := cpuNs(s.pid), time.Now()
	r.IdleOutputs = tm.outputs - outs0
	r.IdleCPU = float64(cpu1-cpu0) / float64(t1.Sub(t0).Nanoseconds()) * 100
	r.RSSQueryMB = vmHWM(s.pid)
	r.RSSAnonMB, r.RSSFileMB = procStatusMB(s.pid, "RssAnon"), procStatusMB(s.pid, "RssFile")
	return nil
}

// outletCounts reads the counts of the outlets shown in the sidebar.
func outletCounts(lines []string) []int {
	var counts []int
	in := false
	for _, l := range lines[min(2, len(lines)):] {
		r := []rune(l)
		side := strings.TrimSpace(string(r[:min(len(r), 26)]))
		switch {
		case side == "OUTLETS":
			in = true
			continue
		case !in:
			continue
		case side == "" || side == strings.ToUpper(side):
			return counts // the next group, or the end of the list
		}
		m := regexp.MustCompile(`(\d+)$`).FindStringSubmatch(side)
		if m == nil {
			return counts
		}
		n, _ := strconv.Atoi(m[1])
		counts = append(counts, n)
	}
	return counts
}

// typedKey is how the reader searches the box's text v while keys arrive
// (ui buildQuery): its last word is also a prefix unless v ends with a
// space; the key is the trimmed text, marked "typing:" for such a search.
func typedKey(v string) string {
	t := strings.TrimSpace(v)
	if t != "" && !strings.HasSuffix(v, " ") {
		return "typing:" + t
	}
	return t
}

// expectedTotals searches each text in the archive's index as the UI does
// (trimmed text, no filters; a "typing:" text as typed, see typedKey); a
// text whose search fails is left out.
func expectedTotals(arch, idx string, texts map[string]bool) (map[string]int, error) {
	ctx := context.Background()
	ix, err := index.OpenDir(ctx, arch, index.Options{Dir: idx, ResultCache: -1, LargeBuild: buildgc.Relax})
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	if ix.Fallback() != "" {
		return nil, errors.New(ix.Fallback())
	}
	out := map[string]int{}
	for t := range texts {
		q := index.Query{Text: strings.TrimSpace(t), Limit: 1}
		if rest, ok := strings.CutPrefix(t, "typing:"); ok {
			q.Text, q.Typing = rest, true
		}
		res, err := ix.Search(ctx, q)
		if err == nil {
			out[t] = res.Total
		}
	}
	return out, nil
}

// literal is send-keys' argument for text typed as is.
func literal(s string) string { return "-l '" + s + "'" }

var countRe = regexp.MustCompile(`(\d[\d,]*) of (\d[\d,]*)`)

// screenCount reads "1,234 of 10,000" at the top right of the screen.
func screenCount(lines []string) (int, bool) {
	if len(lines) == 0 {
		return 0, false
	}
	m := countRe.FindAllStringSubmatch(lines[0], -1)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m[len(m)-1][1], ",", ""))
	return n, err == nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// tmux is a private tmux server with one pane, read through a control-mode
// client.
type tmux struct {
	work   string // its panes' working folder
	sock   string
	path   string // of the socket, removed at the end
	client *exec.Cmd
	in     io.WriteCloser
	events chan tmuxEvent
	pane   string

	outputs int       // %output notifications of the pane so far
	lastOut time.Time // arrival of the last one
}

type tmuxEvent struct {
	at     time.Time
	output bool     // %output of a pane (else a command's reply)
	pane   string   // of the %output
	lines  []string // of the reply
	err    bool     // the reply is an %error
	exit   bool     // the client is leaving
}

func startTmux(work string) (*tmux, error) {
	t := &tmux{work: work, sock: filepath.Join(work, "tmux.sock")} // goes with work
	run := func(args ...string) error {
		out, err := exec.Command("tmux", append([]string{"-S", t.sock, "-f", os.DevNull}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := run("new-session", "-d", "-s", "bench", "-x", strconv.Itoa(tuiWidth), "-y", strconv.Itoa(tuiHeight),
		"-c", work, "sleep", "86400"); err != nil {
		return nil, err
	}
	for _, o := range [][]string{{"status", "off"}, {"remain-on-exit", "on"}, {"window-size", "manual"}} {
		if err := run("set-option", "-g", o[0], o[1]); err != nil {
			t.kill()
			return nil, err
		}
	}
	run("resize-window", "-t", "bench", "-x", strconv.Itoa(tuiWidth), "-y", strconv.Itoa(tuiHeight))
	t.client = exec.Command("tmux", "-S", t.sock, "-f", os.DevNull, "-C", "attach-session", "-t", "bench")
	in, err := t.client.StdinPipe()
	if err != nil {
		t.kill()
		return nil, err
	}
	out, err := t.client.StdoutPipe()
	if err != nil {
		t.kill()
		return nil, err
	}
	t.in = in
	if err := t.client.Start(); err != nil {
		t.kill()
		return nil, err
	}
	t.events = make(chan tmuxEvent, 4096)
	go t.read(out)
	// The attach has a reply of its own: skip replies up to a known one.
	fmt.Fprintln(t.in, "display-message -p SYNC")
	for {
		ev, ok := <-t.events
		if !ok {
			return nil, errors.New("the control client left")
		}
		if !ev.output && len(ev.lines) == 1 && ev.lines[0] == "SYNC" {
			break
		}
	}
	// A stray empty reply (the client's own) may come first: ask again.
	var lines []string
	for range 10 {
		lines, err = t.command("display-message -p '#{pane_id} #{window_width}x#{window_height}'")
		if err != nil || len(lines) != 0 {
			break
		}
	}
	if err != nil || len(lines) != 1 {
		t.close()
		return nil, fmt.Errorf("no pane: %v %q", err, lines)
	}
	pane, size, _ := strings.Cut(lines[0], " ")
	if size != fmt.Sprintf("%dx%d", tuiWidth, tuiHeight) {
		t.close()
		return nil, fmt.Errorf("window is %s, not %dx%d", size, tuiWidth, tuiHeight)
	}
	t.pane = pane
	if lines, err := t.command("display-message -p '#{socket_path}'"); err == nil && len(lines) == 1 {
		t.path = lines[0]
	}
	return t, nil
}

func (t *tmux) read(r io.Reader) {
	defer close(t.events)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var reply *tmuxEvent
	for sc.Scan() {
		now := time.Now()
		line := sc.Text()
		if reply != nil {
			if strings.HasPrefix(line, "%end ") || strings.HasPrefix(line, "%error ") {
				reply.err = strings.HasPrefix(line, "%error")
				t.events <- *reply
				reply = nil
			} else {
				reply.lines = append(reply.lines, line)
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "%begin "):
			reply = &tmuxEvent{at: now}
		case strings.HasPrefix(line, "%output "):
			pane, _, _ := strings.Cut(line[len("%output "):], " ")
			t.events <- tmuxEvent{at: now, output: true, pane: pane}
		case strings.HasPrefix(line, "%exit"):
			t.events <- tmuxEvent{at: now, exit: true}
		}
	}
}

// note counts an output of the pane.
func (t *tmux) note(ev tmuxEvent) {
	if ev.output && ev.pane == t.pane {
		t.outputs++
		t.lastOut = ev.at
	}
}

// command runs a tmux command through the control client and returns its
// reply (and when it arrived), counting the outputs that come before it.
func (t *tmux) commandAt(cmd string) ([]string, time.Time, error) {
	if _, err := fmt.Fprintln(t.in, cmd); err != nil {
		return nil, time.Time{}, err
	}
	for ev := range t.events {
		switch {
		case ev.output:
			t.note(ev)
		case ev.exit:
			return nil, ev.at, errors.New("the tmux control client left")
		default:
			if ev.err {
				return ev.lines, ev.at, fmt.Errorf("tmux %s: %s", cmd, strings.Join(ev.lines, " "))
			}
			return ev.lines, ev.at, nil
		}
	}
	return nil, time.Time{}, errors.New("the tmux control client left")
}

func (t *tmux) command(cmd string) ([]string, error) {
	lines, _, err := t.commandAt(cmd)
	return lines, err
}

// send sends keys to the pane: tmux key names, or literal("text").
func (t *tmux) send(keys string) {
	if _, err := t.command("send-keys -t " + t.pane + " " + keys); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
}

func (t *tmux) capture() []string {
	lines, _ := t.command("capture-pane -p -t " + t.pane)
	return lines
}

// count is the result count on screen now; -1 if none.
func (t *tmux) count() int {
	n, ok := screenCount(t.capture())
	if !ok {
		return -1
	}
	return n
}

// waitScreen captures the pane now and after every output until cond
// holds, and returns when that capture arrived.
func (t *tmux) waitScreen(cond func([]string) bool, timeout time.Duration) (time.Time, []string, error) {
	deadline := time.Now().Add(timeout)
	for {
		lines, at, err := t.commandAt("capture-pane -p -t " + t.pane)
		if err != nil {
			return at, nil, err
		}
		if cond(lines) {
			return at, lines, nil
		}
		if !t.waitOutput(time.Until(deadline)) {
			return at, lines, errors.New("timed out")
		}
	}
}

// waitOutput waits for the next output of the pane.
func (t *tmux) waitOutput(d time.Duration) bool {
	if d <= 0 {
		return false
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case ev, ok := <-t.events:
			if !ok || ev.exit {
				return false
			}
			if ev.output && ev.pane == t.pane {
				t.note(ev)
				return true
			}
		case <-timer.C:
			return false
		}
	}
}

// waitQuiet waits until the pane has shown nothing for quiet, at most max.
func (t *tmux) waitQuiet(quiet, max time.Duration) {
	end := time.Now().Add(max)
	for time.Now().Before(end) {
		if !t.waitOutput(min(quiet, time.Until(end))) {
			return
		}
	}
}

// pump counts outputs for d.
func (t *tmux) pump(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		t.waitOutput(time.Until(end))
	}
}

// tuiSession is one folio started in the pane.
type tuiSession struct {
	pid               int
	t0                time.Time // respawn-pane sent
	firstFrame, ready time.Time
	count             int // the result count on screen when ready
}

// start runs argv in the pane and waits for the first frame and for the
// list with its count.
func (t *tmux) start(argv []string) (*tuiSession, error) {
	q := make([]string, len(argv))
	for i, a := range argv {
		q[i] = "'" + a + "'"
	}
	s := &tuiSession{t0: time.Now()}
	if _, err := t.command("respawn-pane -k -t " + t.pane + " " + strings.Join(q, " ")); err != nil {
		return nil, err
	}
	// tmux at times answers the first ask with no line (seen as "no pid"
	// failing whole runs): asked again, up to 50 times
	var lines []string
	var err error
	for range 50 {
		lines, err = t.command("display-message -p -t " + t.pane + " '#{pane_pid}'")
		if err != nil || (len(lines) == 1 && lines[0] != "") {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil || len(lines) != 1 {
		return nil, fmt.Errorf("no pid: %v %q", err, lines)
	}
	s.pid, _ = strconv.Atoi(lines[0])
	s.firstFrame, _, err = t.waitScreen(func(l []string) bool {
		return len(l) > 0 && strings.Contains(l[0], "folio")
	}, 30*time.Second)
	if err != nil {
		return nil, fmt.Errorf("no first frame: %v", err)
	}
	s.ready, lines, err = t.waitScreen(func(l []string) bool {
		_, ok := screenCount(l)
		// The first row of the list, right of the sidebar, is drawn.
		return ok && len(l) > 2 && len([]rune(l[2])) > 30 && strings.TrimSpace(string([]rune(l[2])[30:])) != ""
	}, 10*time.Minute)
	if err != nil {
		return nil, fmt.Errorf("the list never showed: %v\n%s", err, strings.Join(lines, "\n"))
	}
	s.count, _ = screenCount(lines)
	return s, nil
}

// quit presses q (folio saves its state and leaves) and waits for the
// process to end, so that the next start finds the index unlocked.
func (t *tmux) quit() error {
	t.send("q")
	for range 1000 {
		lines, err := t.command("display-message -p -t " + t.pane + " '#{pane_dead}'")
		if err != nil {
			return err
		}
		if len(lines) == 1 && lines[0] == "1" {
			return nil
		}
		t.waitOutput(10 * time.Millisecond)
	}
	return errors.New("folio did not quit")
}

func (t *tmux) kill() {
	exec.Command("tmux", "-S", t.sock, "kill-server").Run()
}

func (t *tmux) close() {
	if t.in != nil {
		t.in.Close()
	}
	t.kill()
	if t.client != nil {
		t.client.Wait()
	}
	if t.path != "" {
		os.Remove(t.path)
	}
}

// vmHWM is a process's peak RSS in MB (Linux); 0 elsewhere.
// pid is a number or "self".
func vmHWM(pid any) float64 { return procStatusMB(pid, "VmHWM") }

// procStatusMB is a field of /proc/PID/status given in kB, in MB.
func procStatusMB(pid any, field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%v/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			if f := strings.Fields(rest); len(f) > 0 {
				kb, _ := strconv.ParseFloat(f[0], 64)
				return kb / 1024
			}
		}
	}
	return 0
}

// cpuTicks is a process's user + system time in clock ticks.
func cpuTicks(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64) // field 14, utime
	k, _ := strconv.ParseInt(f[12], 10, 64) // field 15, stime
	return u + k
}

func clockTicks() int64 {
	out, err := exec.Command("getconf", "CLK_TCK").Output()
	if err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil && n > 0 {
			return n
		}
	}
	return 100
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// pct is the nearest-rank percentile p (0–1).
func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

func dist(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f / %.1f / %.1f (%d)", pct(xs, 0.5), pct(xs, 0.95), pct(xs, 0.99), len(xs))
}

// debounce reads the UI's typing pause from its source, for the notes.
func debounce(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "ui", "cmds.go"))
	if err != nil {
		return "?"
	}
	m := regexp.MustCompile(`searchDebounce\s*=\s*(\d+)\s*\*\s*time\.(\w+)`).FindSubmatch(data)
	if m == nil {
		return "?"
	}
	unit := map[string]string{"Millisecond": "ms", "Second": "s", "Microsecond": "µs"}[string(m[2])]
	return string(m[1]) + " " + unit
}

func printTUITable(rs []tuiResult, runs int, root string) {
	if len(rs) == 0 {
		return
	}
	tmuxVersion := ""
	if out, err := exec.Command("tmux", "-V").Output(); err == nil {
		tmuxVersion = strings.TrimSpace(string(out))
	}
	fmt.Printf("In a terminal: %s\n\n", tmuxVersion)
	fmt.Printf("| archive | start → first frame (median) | start → list (median / max) | typing → results p50 / p95 / p99 ms (n) | query + Enter → results p50 / p95 / p99 ms (n) | facet toggle → results p50 / p95 / p99 ms (n) | peak RSS start / after queries MB | then: own (anon) / index pages (file) MB | idle CPU (%s) | outputs while idle |\n", idleTime)
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		if r.Err != "" {
			fmt.Printf("| %s | failed: %s | | | | | | | | |\n", r.Name, strings.ReplaceAll(r.Err, "\n", " "))
			continue
		}
		fmt.Printf("| %s | %.1f ms | %.1f / %.1f ms | %s | %s | %s | %.0f / %.0f | %.0f / %.0f | %.3f %% | %d |\n",
			r.Name, median(r.FirstFrameMs), median(r.ReadyMs), slices.Max(append([]float64{0}, r.ReadyMs...)),
			dist(r.Typing), dist(r.Enter), dist(r.Toggle), r.RSSStartMB, r.RSSQueryMB, r.RSSAnonMB, r.RSSFileMB, r.IdleCPU, r.IdleOutputs)
	}
	fmt.Println()
	fmt.Printf("Method: folio's binary in tmux (private server, %d×%d, TERM=screen), read through control mode: every %%output of the pane is answered by a capture-pane on the same connection, and a screen counts from the arrival of the first capture that shows it. Start: from respawn-pane to a frame showing \"folio\" (first frame) and to the result count with the list's first row (list), index cached, %d runs after one warm-up. Keystrokes: from send-keys to the screen showing the result count the same query gives in-process; a keystroke whose count equals the one on screen cannot be told apart and is not counted (%s). Typing: each character searches at once unless the last search took 100 ms or more, then after the UI's pause of %s (ui/cmds.go searchDebounce, slowSearch); every figure includes the wait for Bubble Tea's next frame. Query + Enter: the whole query typed at once, then Enter. Peak RSS: VmHWM of the folio process; idle CPU: its time on a CPU (/proc/PID/schedstat) over %s with no input, as a share of one CPU.\n",
		tuiWidth, tuiHeight, runs, skipped(rs), debounce(root), idleTime)
	for _, r := range rs {
		if r.IndexState != "" {
			fmt.Fprintf(os.Stderr, "bench: %s\n", r.IndexState)
		}
		if r.Failed > 0 {
			fmt.Printf("%s: %d keystroke(s) whose result never showed.\n", r.Name, r.Failed)
		}
	}
	fmt.Println()
	printInside(rs)
}

func skipped(rs []tuiResult) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s: %d", r.Name, r.TypingSkip))
	}
	return "skipped: " + strings.Join(parts, ", ")
}

// entriesBeforeOutlets counts the sidebar's entries (not headers) above
// the OUTLETS group: the Reading toggles, saved searches, copies; the
// cursor starts on the first of them.
func entriesBeforeOutlets(lines []string) int {
	n := 0
	for _, l := range lines[min(2, len(lines)):] {
		side := strings.TrimSpace(string([]rune(l)[:min(len([]rune(l)), 26)]))
		if strings.HasPrefix(side, "OUTLETS") {
			return n
		}
		if strings.HasPrefix(side, "○") || strings.HasPrefix(side, "◉") || strings.HasPrefix(side, "»") {
			n++
		}
	}
	return 0 // no OUTLETS group on screen: stay
}
