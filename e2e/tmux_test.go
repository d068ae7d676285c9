// Package e2e drives the real folio binary in a real terminal (tmux), the
// way fzf tests itself: a private tmux server, keys sent with send-keys, the
// screen read back with capture-pane each time a pane draws (a control-mode
// client reports every output) until a pattern appears.
//
// Every test runs folio from a shell in its own tmux server, with its own
// index folder and its own XDG_STATE_HOME, so that it neither reads nor
// writes the user's reading state, and so that the shell prompt shows
// whether folio gave the terminal back.
package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// screenTimeout bounds every wait for the screen. It is a guard against a
// hang only, never a measure: with both cores busy (the suite must pass so)
// a first start that builds the index and renders a piece took over 20 s.
const screenTimeout = 90 * time.Second

// prompt is the shell prompt of the test panes; promptRe finds it on a
// captured screen, which has no trailing blanks.
const (
	prompt   = "e2e-prompt$ "
	promptRe = `e2e-prompt\$`
)

// countRe finds the list's result count "n of total" on a screen, and not
// the index's progress "indexing n of total" beside it: while a refresh
// indexes, the progress can read "2 of 2" over a list of 3 of 3.
func countRe(n, total int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`(?:^|[^g]) %d of %d\b`, n, total))
}

type tmux struct {
	t      *testing.T
	socket string
	// changed is signalled when a followed session's pane draws or a
	// watched folder changes: the states the tests wait for are another
	// process's, and these are their signals. One pending signal is kept,
	// so that a change between a try and the wait is not lost.
	changed chan struct{}
	watcher *fsnotify.Watcher
}

func newTmux(t *testing.T, socket string) *tmux {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	tm := &tmux{t: t, socket: socket, changed: make(chan struct{}, 1), watcher: w}
	go func() {
		for {
			select {
			case _, ok := <-w.Events:
				if !ok {
					return
				}
				tm.wake()
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
				tm.wake() // an overflow: try again
			}
		}
	}()
	t.Cleanup(func() { w.Close() })
	return tm
}

func (tm *tmux) wake() {
	select {
	case tm.changed <- struct{}{}:
	default:
	}
}

// follow attaches a control-mode client to session: tmux writes it a line
// (%output) whenever a pane of the session draws, and each wakes the
// waits. A control client leaves the windows' sizes alone.
func (tm *tmux) follow(session string) {
	tm.t.Helper()
	cmd := exec.Command("tmux", "-S", tm.socket, "-C", "attach", "-t", session)
	in, err := cmd.StdinPipe() // held open: control mode ends at its EOF
	if err != nil {
		tm.t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		tm.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tm.t.Fatalf("tmux -C attach -t %s: %v", session, err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			tm.wake()
		}
	}()
	tm.t.Cleanup(func() {
		in.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
}

// watchDir wakes the waits when a file in dir is created, written, renamed
// or removed (a file folio or a script writes); dir is made if missing.
func (tm *tmux) watchDir(dir string) {
	tm.t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tm.t.Fatal(err)
	}
	if err := tm.watcher.Add(dir); err != nil {
		tm.t.Fatalf("watching %s: %v", dir, err)
	}
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (Enter, Tab, Escape, Space) or single keys.
func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// escape sends Escape on its own and waits until folio took it: an Escape
// followed at once by another key reaches the program as alt+key, and no
// pause is long enough on a busy machine. Leaving the reader or the search
// box, it waits until that pane's footer ("esc/q back", "esc leave
// search") is gone; elsewhere, until the screen changes. A test that sends
// a key next should wait for the state it expects (the list, say) first:
// the screen may change for other reasons (a render for a new width).
func (tm *tmux) escape() {
	tm.t.Helper()
	// A status message takes the footer's place for a while (footerView:
	// "Indexed 233 pieces" when a first build ends), and then no footer
	// tells the pane: wait for the pane's help, whose keys are joined by
	// "•" or name esc, first (run under load, a status hid "esc leave
	// search", the screen changed for another reason, q was sent with
	// the Escape unread, and ESC q was alt+q: the reader never quit).
	before := tm.poll("the pane's help in the footer", func(s string) bool {
		last := lastLine(s)
		return strings.Contains(last, "•") || strings.Contains(last, "esc")
	})
	tm.keys("Escape")
	// Wait for Escape's own effect where it is known: any change of the
	// screen could be a frame still coming from an earlier key, and a key
	// sent before Escape is read could be read with it (ESC x is alt+x).
	// A status may come after Escape too: leaving the reader or the
	// search box waits for the list's own help, not the footer's absence.
	for _, c := range []struct{ footer, then string }{{"esc/q back", "enter read"}, {"esc leave search", "enter read"}, {"(esc clears)", ""}} {
		if strings.Contains(before, c.footer) {
			tm.poll("Escape to leave the pane ("+c.footer+")", func(s string) bool {
				return !strings.Contains(s, c.footer) && strings.Contains(s, c.then)
			})
			return
		}
	}
	tm.poll("the screen after Escape", func(s string) bool { return s != before })
}

// lastLine is the screen's last line with anything on it.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, " \n"), "\n")
	return lines[len(lines)-1]
}

// listShown is the list's header: "N of M · sort".
var listShown = regexp.MustCompile(`\d+ of \d+ · `)

// typeText sends literal text.
func (tm *tmux) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "e2e", "-l", s)
}

func (tm *tmux) screen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", "e2e")
}

// display reads a tmux format of the pane, e.g. #{alternate_on}.
func (tm *tmux) display(format string) string {
	tm.t.Helper()
	return strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", format))
}

// waitFor polls the screen until re and every one of more match the same
// capture, and returns that capture: a test asserts on the screen it waited
// for, never on a second capture taken later. It fails with the screen.
func (tm *tmux) waitFor(what string, re *regexp.Regexp, more ...*regexp.Regexp) string {
	tm.t.Helper()
	all := append([]*regexp.Regexp{re}, more...)
	return tm.poll(fmt.Sprintf("%s (%v)", what, all), func(s string) bool {
		for _, re := range all {
			if !re.MatchString(s) {
				return false
			}
		}
		return true
	})
}

// poll captures the screen until ok holds for a capture and returns it.
func (tm *tmux) poll(what string, ok func(screen string) bool) string {
	tm.t.Helper()
	var s string
	if !tm.eventually(func() bool { s = tm.screen(); return ok(s) }) {
		tm.t.Fatalf("waiting for %s: the screen is\n%s", what, s)
	}
	return s
}

// eventually tries cond until it holds and says whether it did. What the
// tests wait for is a state of another process (folio's screen in tmux, a
// file folio or a script writes in a watched folder, a process that then
// draws): cond is tried again each time tm.changed says one of them
// changed, and screenTimeout only guards against a hang.
func (tm *tmux) eventually(cond func() bool) bool {
	guard := time.NewTimer(screenTimeout)
	defer guard.Stop()
	for !cond() {
		select {
		case <-tm.changed:
		case <-guard.C:
			return false
		}
	}
	return true
}

// buildFolio puts folio's binary in dir: built once for the package (in
// builtDir, which TestMain removes) and linked, or copied, into each test's
// folder, so that every test still runs a binary of its own path (pgrep
// finds it by its path; folio-extract is looked for beside it). A build
// took 2–3 s of CPU, 4–6 s wall with both cores busy, for each of 18 tests.
func buildFolio(t *testing.T, dir string) string {
	t.Helper()
	readSourcesOnce(t)
	builtOnce.Do(func() {
		builtBin = filepath.Join(builtDir, "folio")
		cmd := exec.Command("go", "build", "-o", builtBin, ".")
		cmd.Dir = ".." // the module root
		if out, err := cmd.CombinedOutput(); err != nil {
			builtErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if builtErr != nil {
		t.Fatal(builtErr)
	}
	bin := filepath.Join(dir, "folio")
	if err := os.Link(builtBin, bin); err != nil {
		if err := copyFile(builtBin, bin); err != nil {
			t.Fatal(err)
		}
	}
	return bin
}

var (
	builtDir  string // made by TestMain
	builtOnce sync.Once
	builtBin  string
	builtErr  error
)

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}

// indexSOTU gives the session a copy of an index of the State of the Union
// corpus (archive), built once for the package by folio index, for a test
// whose subject is not the first build (each took 2–3 s of CPU, 4–7 s
// wall with the machine loaded). The copy is the test's own: folio writes
// into its index folder.
func (s *session) indexSOTU(archive string) {
	s.t.Helper()
	sotuOnce.Do(func() {
		dir := filepath.Join(builtDir, "sotu-index")
		cmd := exec.Command(builtBin, "--index-dir", dir, "--archive", archive, "index")
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(builtDir, "state"),
			"XDG_CACHE_HOME="+filepath.Join(builtDir, "cache"), "XDG_CONFIG_HOME="+filepath.Join(builtDir, "config"))
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "built") {
			sotuErr = fmt.Errorf("folio index of %s: %v\n%s", archive, err, out)
			return
		}
		sotuIndex = dir
	})
	if sotuErr != nil {
		s.t.Fatal(sotuErr)
	}
	err := filepath.WalkDir(sotuIndex, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(sotuIndex, p)
		to := filepath.Join(s.indexDir, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(to, info.Mode().Perm())
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, info.Mode().Perm())
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

var (
	sotuOnce  sync.Once
	sotuIndex string
	sotuErr   error
)

// session is folio's binary and the folders of one test, and a tmux server
// with one 120×40 pane running a shell.
type session struct {
	*tmux
	bin      string
	dir      string
	env      string // assignments put before the folio command
	indexDir string
}

// newSession skips without tmux (or with -short), builds folio and starts a
// shell in a private tmux server that the test's cleanup kills.
func newSession(t *testing.T) *session {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("drives a real terminal; skipped with -short")
	}
	dir := t.TempDir()
	s := &session{
		bin:      buildFolio(t, dir),
		dir:      dir,
		indexDir: filepath.Join(dir, "index"),
		// folders of its own: a command run without --index-dir built
		// its index in the user's cache
		env: "XDG_STATE_HOME='" + filepath.Join(dir, "state") + "' XDG_CACHE_HOME='" + filepath.Join(dir, "cache") +
			"' XDG_CONFIG_HOME='" + filepath.Join(dir, "config") + "'",
	}
	// the server's socket in the test's folder, which goes with it (tmux
	// leaves its socket behind when killed)
	s.tmux = newTmux(t, filepath.Join(dir, "tmux.sock"))
	s.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "env", "PS1="+prompt, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	s.follow("e2e")
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", s.screen())
		}
	})
	s.waitFor("the shell", regexp.MustCompile(promptRe))
	return s
}

// startFolio types the folio command at the shell prompt, with an echo
// after it that proves the shell got the terminal back, and waits for the
// results.
func (s *session) startFolio(extraEnv string) {
	s.t.Helper()
	s.run("send-keys", "-t", "e2e", "clear", "Enter")
	s.typeText(fmt.Sprintf("%s %s '%s' --index-dir '%s'; echo folio-exited-$?", s.env, extraEnv, s.bin, s.indexDir))
	s.keys("Enter")
	// The list's header, not the first-run progress ("Indexing 0 of 24
	// files"): a key sent while the index opens finds no list to act on
	// (an Enter then says "Still loading that piece…", and the test's
	// next wait timed out under load: 2 of 12 runs with both cores busy).
	s.waitFor("the list", listShown)
}

// waitExited waits for folio's exit line and the prompt after it.
func (s *session) waitExited() string {
	s.t.Helper()
	return s.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-\d+\s+`+promptRe))
}

// folioPID is the process id of folio: the child of the pane's shell.
func (s *session) folioPID() int {
	s.t.Helper()
	shell := s.display("#{pane_pid}")
	pid := 0
	if s.eventually(func() bool { // folio draws once it runs
		out, _ := exec.Command("pgrep", "-P", shell, "-f", s.bin).Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			pid, _ = strconv.Atoi(f[0])
		}
		return pid > 0
	}) {
		return pid
	}
	s.t.Fatalf("no folio process under the shell %s", shell)
	return 0
}

// requireTerminalRestored checks what folio must undo on any exit: the
// alternate screen left, the cursor shown, mouse reporting off.
func (s *session) requireTerminalRestored(how string) {
	s.t.Helper()
	for format, want := range map[string]string{
		"#{alternate_on}":        "0",
		"#{cursor_flag}":         "1",
		"#{mouse_any_flag}":      "0",
		"#{mouse_button_flag}":   "0",
		"#{mouse_standard_flag}": "0",
	} {
		if got := s.display(format); got != want {
			s.t.Errorf("after %s: %s is %q, want %q", how, format, got, want)
		}
	}
	if screen := s.screen(); strings.Contains(screen, "TIMELINE") || strings.Contains(screen, "READING") {
		s.t.Errorf("after %s folio's screen is still there:\n%s", how, screen)
	}
}

func TestTUIInTmux(t *testing.T) {
	s := newSession(t)
	opened := filepath.Join(s.dir, "opened-url")
	browser := filepath.Join(s.dir, "browser.sh")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" > '" + opened + "'\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s.startFolio(fmt.Sprintf("BROWSER='%s'", browser))

	// Type a query and see the hit.
	s.keys("/")
	s.typeText("foreign fighters")
	s.waitFor("the Raqqa piece", regexp.MustCompile(`Isil’s returning terrorists`))
	s.keys("Enter")

	// Toggle the first outlet in the sidebar (under the Reading group's
	// Starred, Unread and Quoted), once the sidebar's counts have followed
	// the hits: before, the outlets are not there to move to.
	s.waitFor("the outlet counts", regexp.MustCompile(`The Telegraph +1 │`))
	s.keys("Tab")
	s.keys("j", "j", "j", "Space")
	s.waitFor("the outlet filter", regexp.MustCompile(`of \d+ · \w+ · outlet:`))
	s.keys("Tab")

	// Open the first piece and see its rendered header.
	s.keys("Enter")
	// The header and the bar's scroll percentage, on one capture: the
	// bar can be drawn a frame after the header.
	s.waitFor("the reader with its scroll percentage",
		regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}`),
		regexp.MustCompile(`\d+%\s*\n`))

	// Open its URL: the BROWSER script writes it to a file.
	s.watchDir(filepath.Dir(opened))
	s.keys("o")
	var url []byte
	s.eventually(func() bool { url, _ = os.ReadFile(opened); return len(url) > 0 })
	if !strings.HasPrefix(string(url), "http") {
		t.Fatalf("the browser script got %q", url)
	}
	s.waitFor("the status line", regexp.MustCompile(`Opened in browser`))

	// r reads the related pieces in turn; the reader says which.
	s.keys("r")
	s.waitFor("the first related piece", regexp.MustCompile(`related 1/\d`))

	// Back to the list, with the query kept.
	s.escape()
	s.waitFor("the list", regexp.MustCompile(`/ foreign fighters`))

	// Quit: the shell prompt is back.
	s.keys("q")
	s.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
	s.requireTerminalRestored("q")
}

// TestReadingStateSurvivesARestart is issue 6's acceptance in a terminal:
// star two pieces, mark one unread, quit, start again with the same state
// folder: the stars are back, the Starred filter shows two, and a piece
// reopens where reading stopped.
func TestReadingStateSurvivesARestart(t *testing.T) {
	s := newSession(t)
	s.startFolio("")
	s.waitFor("the Reading counts", regexp.MustCompile(`Unread\s+24 │`))

	// Star the first two pieces.
	s.keys("*")
	s.waitFor("one star", regexp.MustCompile(`Starred\s+1 │`))
	s.keys("j", "*")
	s.waitFor("two stars", regexp.MustCompile(`Starred\s+2 │`))

	// Read the first piece some way down, go back: it is read.
	s.keys("g", "Enter")
	s.waitFor("the reader at the top", readerAtTop)
	// One key: after two, the screen between them could be read as the
	// place reached (under load it was: 30 % read, 59 % kept).
	s.keys("d")
	screen := s.waitFor("the reader scrolled", readerScrolled)
	percent := readerScrolled.FindStringSubmatch(screen)[1]
	s.escape()
	s.waitFor("one piece read", regexp.MustCompile(`Unread\s+23 │`))

	// Mark it unread again from the list.
	s.keys("m")
	s.waitFor("the mark", regexp.MustCompile(`Marked unread`))
	s.waitFor("all unread", regexp.MustCompile(`Unread\s+24 │`))

	s.keys("q")
	s.waitExited()

	// Start again, with the same XDG_STATE_HOME.
	s.startFolio("")
	screen = s.waitFor("the stars", regexp.MustCompile(`Starred\s+2 │`))
	// A row of the list: cursor bar or blank, then the marks column (unread
	// dot or blank, star).
	if n := len(regexp.MustCompile(`[▌ ] [• ]★ \S`).FindAllString(screen, -1)); n != 2 {
		t.Errorf("%d starred rows after the restart, want 2:\n%s", n, screen)
	}
	if !regexp.MustCompile(`Unread\s+24 │`).MatchString(screen) {
		t.Errorf("the piece marked unread came back read:\n%s", screen)
	}

	// The Starred filter shows the two.
	s.keys("Tab", "Space")
	s.waitFor("the Starred filter", regexp.MustCompile(`2 of 24 · newest · is:starred`))

	// The first piece opens where reading stopped.
	s.keys("Tab", "g", "Enter")
	s.waitFor("the reader at the same place", regexp.MustCompile(` `+percent+`%\s*\n`))

	s.escape()
	s.waitFor("the list", listShown)
	s.keys("q")
	s.waitExited()
}

// TestTerminalIsRestoredOnSignals is issue 5's terminal life-cycle: SIGTERM
// and ctrl+c end folio with the terminal given back to the shell.
func TestTerminalIsRestoredOnSignals(t *testing.T) {
	s := newSession(t)

	s.startFolio("")
	pid := s.folioPID()
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatalf("kill -TERM %d: %v", pid, err)
	}
	s.waitExited()
	s.requireTerminalRestored("SIGTERM")

	s.startFolio("")
	s.keys("/")
	s.typeText("terror") // ctrl+c works even while typing
	s.keys("C-c")
	s.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
	s.requireTerminalRestored("ctrl+c")

	// SIGTERM from the reader, with a piece open and scrolled: the place
	// is written on the way out (it is otherwise kept only when the reader
	// is left), so a signal loses no reading state.
	s.startFolio("")
	s.keys("Enter")
	s.waitFor("the reader at the top", readerAtTop)
	s.keys("d")
	s.waitFor("the reader scrolled", readerScrolled)
	if err := syscall.Kill(s.folioPID(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s.waitExited()
	s.requireTerminalRestored("SIGTERM in the reader")
	if pos := savedPositions(t, filepath.Join(s.dir, "state", "folio", "bundled.json")); len(pos) != 1 {
		t.Errorf("after SIGTERM the state file has positions %v, want the open piece's", pos)
	}
}

// The reader's bar ends in how far the piece is read: "0%" at the top of
// a piece longer than the screen (the bundled archive's first piece is),
// between 1% and 99% further down. While a piece loads it says "loading".
var (
	readerAtTop    = regexp.MustCompile(` 0%\s*\n`)
	readerScrolled = regexp.MustCompile(` ([1-9]\d?)%\s*\n`)
)

// savedPositions reads the reading positions from a state file (see the
// state package for its format).
func savedPositions(t *testing.T, path string) map[string]int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the state file: %v", err)
	}
	var f struct {
		Pieces map[string]struct {
			Position int `json:"position"`
		} `json:"pieces"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("the state file %s: %v", path, err)
	}
	out := map[string]int{}
	for id, p := range f.Pieces {
		if p.Position > 0 {
			out[id] = p.Position
		}
	}
	return out
}

// TestResizesWhileSearching resizes the window again and again while a
// query is typed: folio keeps answering and shows the results at the size
// it ends at.
func TestResizesWhileSearching(t *testing.T) {
	s := newSession(t)
	s.startFolio("")
	sizes := [][2]int{{80, 24}, {40, 12}, {20, 6}, {150, 50}, {60, 20}, {100, 30}}
	s.keys("/")
	for i, word := range []string{"fo", "re", "ig", "n ", "fig", "hters"} {
		s.typeText(word)
		size := sizes[i%len(sizes)]
		s.run("resize-window", "-t", "e2e", "-x", strconv.Itoa(size[0]), "-y", strconv.Itoa(size[1]))
	}
	for _, size := range sizes {
		s.run("resize-window", "-t", "e2e", "-x", strconv.Itoa(size[0]), "-y", strconv.Itoa(size[1]))
	}
	s.run("resize-window", "-t", "e2e", "-x", "120", "-y", "40")
	s.waitFor("the query's results", regexp.MustCompile(`(?s)/ foreign fighters.*Isil’s returning terrorists`))

	// Still answering keys: into the list, open the piece, back.
	s.keys("Enter", "Enter")
	s.waitFor("the reader", regexp.MustCompile(`\d+%\s*\n`))
	s.run("resize-window", "-t", "e2e", "-x", "70", "-y", "20")
	s.run("resize-window", "-t", "e2e", "-x", "120", "-y", "40")
	s.waitFor("the reader after resizing", regexp.MustCompile(`Isil’s returning terrorists.*\d+%\s*\n`))
	s.escape()
	s.waitFor("the list", listShown)
	s.keys("q")
	s.waitExited()
	s.requireTerminalRestored("resizes")
}

// A folder archive edited between two runs: the second run lists from the
// index as recorded, brings it up to date behind the list, and the edit,
// the added piece and the removed one are all as they are on disk.
func TestArchiveEditedBetweenRuns(t *testing.T) {
	s := newSession(t)
	arch := filepath.Join(s.dir, "archive")
	if err := os.MkdirAll(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, title, body string) {
		t.Helper()
		p := filepath.Join(arch, name)
		text := "---\ntitle: " + title + "\ndate: 2017-03-04\noutlet: RUSI\n---\n" + body + "\n"
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(len(text)) * time.Second)
		os.Chtimes(p, later, later)
	}
	write("one.md", "First piece", "About prisons.")
	write("two.md", "Second piece", "About borders.")
	write("three.md", "Third piece", "About ports.")
	env := "FOLIO_ARCHIVE='" + arch + "'"
	s.startFolio(env)
	s.waitFor("three pieces", countRe(3, 3))
	s.keys("q")
	s.waitExited()

	write("one.md", "First piece", "About prisons, and a quokka.")
	write("four.md", "Fourth piece", "About a quokka too.")
	os.Remove(filepath.Join(arch, "three.md"))
	s.startFolio(env)
	s.waitFor("the archive as it is now", countRe(3, 3))
	s.keys("/")
	s.typeText("quokka")
	screen := s.waitFor("the edited and the added piece", countRe(2, 3))
	if strings.Contains(screen, "Third piece") {
		t.Errorf("the removed piece is listed:\n%s", screen)
	}
	s.escape() // the search box: the list keeps the keys
	s.waitFor("the list's keys", regexp.MustCompile(`enter read`))
	s.keys("q")
	s.waitExited()
}

// TestPieceSwappedForAPipe is issue 12's blocking file: a piece replaced by
// a named pipe after the list is shown made the reader wait on "Loading…"
// for ever (opening a pipe waits for a writer), and after q the process
// never exited, ignored ctrl+c and SIGTERM and kept the index lock. As
// root, the archive also holds a link to /proc/kmsg, which used to keep
// the list on "indexing…". Now the reader says the piece cannot be shown,
// and q ends the process: it is gone, and the next start gets the lock.
func TestPieceSwappedForAPipe(t *testing.T) {
	s := newSession(t)
	arch := filepath.Join(s.dir, "archive")
	if err := os.MkdirAll(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, date := range map[string]string{"newest.md": "2019-01-01", "older.md": "2018-01-01", "oldest.md": "2017-01-01"} {
		text := "---\ntitle: Piece " + strings.TrimSuffix(name, ".md") + "\ndate: " + date + "\n---\nBody.\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// skipped: the pipe, once the watch has seen it
	skipped := 1
	if f, err := os.Open("/proc/kmsg"); err == nil { // root: reading it blocks
		f.Close()
		if err := os.Symlink("/proc/kmsg", filepath.Join(arch, "kmsg.md")); err != nil {
			t.Fatal(err)
		}
		skipped++
	}
	env := "FOLIO_ARCHIVE='" + arch + "'"
	s.startFolio(env)
	s.waitFor("the list", countRe(3, 3))
	pid := s.folioPID()

	newest := filepath.Join(arch, "newest.md")
	if err := os.Remove(newest); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(newest, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	s.keys("g", "Enter")
	// the file read and found a pipe, or (the watch's refresh first, on
	// a loaded machine: a clean clone's run found it so) the piece gone
	// from the index: either way said, never a hang on the pipe; or the
	// refresh done before the keys, the list's first piece then the older
	// one, opened (a loaded snapshot's run, 41st session)
	s.waitFor("the reader's error", regexp.MustCompile(`Could not show this piece: (.*not a regular file|no piece "newest")|Piece older\s*\n\s*1 January 2018`))
	s.keys("q") // back to the list: as it was, or once the watch has seen the
	// swap (whichever came first: the watch waits a quarter second, a
	// loaded machine may take longer to show the reader), the pipe skipped
	// and named (the header: "2 of 2 · newest · 2 skipped !" as root, the
	// link to /proc/kmsg the other)
	s.waitFor("the list", regexp.MustCompile(fmt.Sprintf(`3 of 3|2 of 2 · .*%d skipped`, skipped)))
	s.keys("q")
	s.waitExited()
	s.requireTerminalRestored("q")
	if err := syscall.Kill(pid, 0); err != syscall.ESRCH {
		t.Errorf("folio (pid %d) is still there after q: kill -0 gives %v", pid, err)
	}

	// The lock went with the process: a second start uses the index cache
	// (a locked one would be set aside for an index kept in memory, which
	// the status line says).
	s.startFolio(env)
	if screen := s.waitFor("the list", countRe(2, 2)); strings.Contains(screen, "kept in memory") {
		t.Errorf("the second start did not get the index:\n%s", screen)
	}
	s.keys("q")
	s.waitExited()
}

// TestCountRe: the header CI once showed while a removal was indexed reads
// as 3 of 3, never as the 2 of 2 of its progress.
func TestCountRe(t *testing.T) {
	header := ` folio  / words  "a phrase"  … indexing 2 of 2 · 3 of 3 · newest`
	if countRe(2, 2).MatchString(header) {
		t.Errorf("countRe(2, 2) matches the progress in %q", header)
	}
	if !countRe(3, 3).MatchString(header) {
		t.Errorf("countRe(3, 3) misses the count in %q", header)
	}
	if countRe(2, 2).MatchString(" 2 of 20 · newest") || countRe(2, 2).MatchString(" 12 of 12") {
		t.Error("countRe(2, 2) matches another count")
	}
}

// TestRefusedAddTakesWhatIsTyped: a on the bundled archive cannot add; the
// real binary opens the prompt with the reason all the same, so that the
// URL typed after a goes into it and its q does not quit (a helper's
// report: it quit at the q of "quarterly"); esc says the reason again.
func TestRefusedAddTakesWhatIsTyped(t *testing.T) {
	s := newSession(t)
	s.startFolio("")
	s.keys("a")
	s.typeText("quarterly")
	s.waitFor("the prompt with the reason", regexp.MustCompile(`add URL: quarterly\s+the bundled archive is read-only`))
	if strings.Contains(s.screen(), "folio-exited") {
		t.Fatalf("folio quit:\n%s", s.screen())
	}
	s.escape()
	s.waitFor("the reason in the status line", regexp.MustCompile(`The bundled archive is read-only: a adds pieces to a folder`))
	s.keys("q")
	s.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
}
