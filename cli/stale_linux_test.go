//go:build linux

package cli

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/ui"
	"golang.org/x/sys/unix"
)

// A reader on a cache it cannot write (read-only, not its user's), the
// archive changed since the cache was written, says the index is as it
// was, and does not ask again until asked (R) or the archive changes
// again: before, it refreshed once a second for as long as it ran, each
// time scanning every folder and reopening the index (a helper's report:
// 5 % of a core, idle, as nobody on a read-only cache of 10k pieces). The
// reader's timers are delivered whenever the test chooses: any number of
// them, as any time passing, makes no refresh. Root writes any file, so as
// root the test runs again as nobody.
func TestReaderOnAnUnwritableCacheDoesNotRetry(t *testing.T) {
	if ranAsNobody(t) {
		return
	}
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")
	arch, idx := t.TempDir(), t.TempDir()
	write := func(name, word string) {
		body := "---\ntitle: " + name + "\ndate: 2017-01-01\n---\nText " + word + ".\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "alphaword")
	write("b.md", "betaword")
	if _, errOut, code := runIndexed(t, idx, "--archive", arch, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	lock := filepath.Join(idx, "lock")
	for _, c := range []struct {
		path string
		mode os.FileMode
	}{{idx, 0o555}, {lock, 0o444}} { // as chmod -R a-w leaves them
		if err := os.Chmod(c.path, c.mode); err != nil {
			t.Fatal(err)
		}
	}
	defer os.Chmod(idx, 0o755)
	defer os.Chmod(lock, 0o644)
	if f, err := os.OpenFile(lock, os.O_RDWR, 0); err == nil {
		f.Close()
		t.Fatal("the lock file opens to write: the test would not test")
	}
	write("b.md", "betaword, edited since") // the change the cache cannot take

	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	r := &readerIndex{env: &Env{ArchiveDir: arch, IndexDir: idx}, name: name, fsys: fsys}
	var refreshes atomic.Int32
	counted := func(refresh refreshFunc) refreshFunc {
		return func(ctx context.Context, progress func(int, int)) (ui.Info, bool, error) {
			refreshes.Add(1)
			return refresh(ctx, progress)
		}
	}
	d := &uiDriver{t: t}
	d.m = ui.New(ui.Options{
		OpenIndex: func(ctx context.Context, progress func(int, int)) (ui.Searcher, ui.Info, error) {
			s, info, err := r.open(ctx, progress)
			if info.Refresh != nil {
				info.Refresh = counted(info.Refresh)
			}
			return s, info, err
		},
		ArchiveDir: arch,
		Reindex:    counted(r.reindex),
		After:      d.after,
	})
	defer func() {
		if ix := r.current(); ix != nil {
			ix.Close()
		}
	}()
	d.run(func() tea.Msg { return tea.WindowSizeMsg{Width: 240, Height: 30} }, d.m.Init())
	const notice = "could not be updated"
	if n := refreshes.Load(); n != 1 || !strings.Contains(d.screen(), notice) {
		t.Fatalf("opened: %d refreshes, want the first; the notice %q not on screen:\n%s", n, notice, d.screen())
	}
	for round := range 3 { // any time passing, the archive as it is
		d.fireTimers()
		if n := refreshes.Load(); n != 1 {
			t.Fatalf("round %d of the reader's timers: %d refreshes with the archive unchanged and the cache not writable, want the first alone", round, n)
		}
	}
	// R asks again, and the notice is said again.
	d.run(func() tea.Msg { return tea.KeyPressMsg{Code: 'R', Text: "R"} })
	if n := refreshes.Load(); n != 2 || !strings.Contains(d.screen(), notice) {
		t.Fatalf("R: %d refreshes, want 2; the notice %q not on screen:\n%s", n, notice, d.screen())
	}
	d.fireTimers()
	if n := refreshes.Load(); n != 2 {
		t.Errorf("after R: %d refreshes with the archive unchanged, want 2", n)
	}
}

// Beside another folio holding the writer's role, the reader's refresh
// says the index is stale, to be asked again a second later (the other's
// change then made).
func TestReaderRetriesBesideABusyWriter(t *testing.T) {
	dir, idx := busyWriterArchive(t)
	name, fsys, err := archive.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := &readerIndex{env: &Env{ArchiveDir: dir, IndexDir: idx}, name: name, fsys: fsys}
	if _, _, err := r.open(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	defer r.current().Close()
	info, changed, err := r.reindex(context.Background(), nil)
	if err != nil || changed || !info.Stale || !strings.Contains(info.Fallback, "another folio") {
		t.Errorf("beside a busy writer: changed %v, %v, stale %v, notice %q; want stale", changed, err, info.Stale, info.Fallback)
	}
}

// uiDriver runs the reader's model as Bubble Tea would, without a
// terminal: every Cmd in a goroutine of its own, each message to Update in
// turn, until no Cmd is left; the timers (Options.After) are kept until
// fireTimers delivers them, as if their time had passed.
type uiDriver struct {
	t      *testing.T
	m      tea.Model
	timers []tea.Msg
}

// timerMsg is a timer of Options.After, kept by run.
type timerMsg struct{ msg tea.Msg }

func (d *uiDriver) after(_ time.Duration, msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return timerMsg{msg} }
}

// run runs cmds and all that follows from them (no Cmd of the reader
// without Options.Watch waits for anything but the work it does).
func (d *uiDriver) run(cmds ...tea.Cmd) {
	d.t.Helper()
	msgs := make(chan tea.Msg)
	running := 0
	start := func(c tea.Cmd) {
		if c != nil {
			running++
			go func() { msgs <- c() }()
		}
	}
	for _, c := range cmds {
		start(c)
	}
	for running > 0 {
		msg := <-msgs
		running--
		if msg == nil {
			continue
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				start(c)
			}
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() { // tea.Sequence, whose type is private
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		if tm, ok := msg.(timerMsg); ok {
			d.timers = append(d.timers, tm.msg)
			continue
		}
		next, cmd := d.m.Update(msg)
		d.m = next
		start(cmd)
	}
}

// fireTimers delivers the timers kept so far, and runs what follows.
func (d *uiDriver) fireTimers() {
	d.t.Helper()
	due := d.timers
	d.timers = nil
	for _, msg := range due {
		d.run(func() tea.Msg { return msg })
	}
}

func (d *uiDriver) screen() string {
	v, ok := d.m.(interface{ View() tea.View })
	if !ok {
		d.t.Fatalf("the model %T has no View", d.m)
	}
	return ansi.Strip(v.View().Content)
}

// cite --all on a cache it cannot write, the archive changed since, says
// why it read the files as they are now: the cache could not be updated,
// not "another folio is updating the index" (a review: no other folio
// was running). As root the test runs again as nobody.
func TestCiteAllOnAnUnwritableCacheSaysWhy(t *testing.T) {
	if ranAsNobody(t) {
		return
	}
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	arch, idx := t.TempDir(), t.TempDir()
	write := func(name string) {
		body := "---\ntitle: " + name + "\nauthors: [Ann Lee]\ndate: 2017-01-01\n---\nText.\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md")
	write("b.md")
	if _, errOut, code := runIndexed(t, idx, "--archive", arch, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	lock := filepath.Join(idx, "lock")
	if err := os.Chmod(idx, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(lock, 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(idx, 0o755)
	defer os.Chmod(lock, 0o644)
	write("c.md") // the change the cache cannot take
	out, errOut, code := runIndexed(t, idx, "--archive", arch, "cite", "--all")
	if code != 0 || strings.Count(out, "Ann Lee") != 3 {
		t.Fatalf("cite --all: exit %d\n%s%s", code, out, errOut)
	}
	if strings.Contains(errOut, "another folio") || !strings.Contains(errOut, "could not be updated") || !strings.Contains(errOut, "cited from the files as they are now (3 pieces)") {
		t.Errorf("cite --all says:\n%s", errOut)
	}
}

// A cache file that was damaged (CURRENT a named pipe), the index built
// anew on disk, is said to the reader as a warning, not as a fallback: as
// one, the reader took the index for one in memory and refreshed at each
// publication of another folio's (a review).
func TestDamagedCacheIsAWarningNotAFallback(t *testing.T) {
	arch, idx := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(arch, "a.md"), []byte("---\ntitle: A\ndate: 2017-01-01\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, idx, "--archive", arch, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	current := filepath.Join(idx, "CURRENT")
	if err := os.Remove(current); err != nil {
		t.Fatal(err)
	}
	if err := unix.Mkfifo(current, 0o644); err != nil {
		t.Fatal(err)
	}
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), name, fsys, index.Options{Dir: idx})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Stats().Damaged == "" {
		t.Fatal("the damaged CURRENT was not said: the test would not test")
	}
	info := readerInfo(ix)
	if info.Fallback != "" || !strings.Contains(info.Damaged, "CURRENT") {
		t.Errorf("fallback %q, damaged %q", info.Fallback, info.Damaged)
	}
}
