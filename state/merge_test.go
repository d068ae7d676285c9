package state

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The stress test runs its workers as child processes: this test binary
// again, told by these variables to be one worker.
const (
	workerEnv = "FOLIO_STATE_TEST_WORKER" // the worker's name; its pieces are <name>-<n>
	dirEnv    = "FOLIO_STATE_TEST_DIR"
)

// stressOps is how many changes each worker makes, saving after each one.
const (
	stressOps    = 500
	stressPieces = 100 // each toggled stressOps/stressPieces = 5 times: starred at the end
)

// TestWorkerProcess is a worker of TestTwoProcessesToggleStars when run as
// a child; in the ordinary test run it does nothing.
func TestWorkerProcess(t *testing.T) {
	name := os.Getenv(workerEnv)
	if name == "" {
		t.Skip("runs only as a child of TestTwoProcessesToggleStars")
	}
	s, warn := Open("bundled", os.Getenv(dirEnv))
	if warn != nil {
		t.Fatal(warn)
	}
	// The two run interleaved, neither more than one save ahead of the
	// other: the parent passes on each "SAVED i" the other prints, and
	// save i waits for the other's i-1 (or its end). Run freely, one could
	// make most of its saves before the other started, and few would meet
	// a change of the other's to merge. Both still save at once, and each
	// Save waits for at most one of the other's.
	other := bufio.NewScanner(os.Stdin)
	otherSaved := -1
	waitOther := func(i int) {
		for otherSaved < i && other.Scan() {
			if n, ok := strings.CutPrefix(other.Text(), "SAVED "); ok {
				otherSaved, _ = strconv.Atoi(n)
			}
		}
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var seenOther int
	for i := range stressOps {
		waitOther(i - 1)
		id := fmt.Sprintf("%s-%03d", name, i%stressPieces)
		s.ToggleStar(id)
		switch i % 5 {
		case 1:
			s.SetPosition(id, i)
		case 2:
			s.RecordOpen(id, base.Add(time.Duration(i)*time.Second))
		}
		if err := s.Save(); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		fmt.Printf("SAVED %d\n", i)
		for _, id := range s.Starred() {
			if !strings.HasPrefix(id, name+"-") {
				seenOther++
				break
			}
		}
	}
	// What this process shows after its last save.
	fmt.Printf("RESULT starred=%d saves-that-showed-the-other=%d\n", len(s.Starred()), seenOther)
}

// TestTwoProcessesToggleStars is issue 14's stress test: two processes
// toggle stars (and set positions, and open pieces) on disjoint sets, 500
// changes each, each saved at once, interleaved. The file ends with the
// union of both, and the process that saved last shows it.
func TestTwoProcessesToggleStars(t *testing.T) {
	if os.Getenv(workerEnv) != "" {
		t.Skip("a worker")
	}
	if testing.Short() {
		t.Skip("starts two processes that save 500 times each")
	}
	dir := t.TempDir()
	names := []string{"a", "b"}
	workers := map[string]*exec.Cmd{}
	ins := map[string]io.WriteCloser{}
	stdouts := map[string]io.Reader{}
	outs := map[string]*strings.Builder{}
	for _, name := range names {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWorkerProcess$", "-test.v")
		cmd.Env = append(os.Environ(), workerEnv+"="+name, dirEnv+"="+dir)
		out := &strings.Builder{}
		cmd.Stderr = out // written by exec's copy only
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		workers[name], ins[name], stdouts[name], outs[name] = cmd, in, stdout, out
	}
	// Each worker's lines are kept, and its "SAVED i" passed on to the
	// other; at its end the other's input is closed, so that it waits no
	// more.
	lines := map[string]*strings.Builder{}
	var relay sync.WaitGroup
	for k, name := range names {
		to, kept := ins[names[1-k]], &strings.Builder{}
		lines[name] = kept
		relay.Go(func() {
			defer to.Close()
			sc := bufio.NewScanner(stdouts[name])
			for sc.Scan() {
				kept.WriteString(sc.Text() + "\n")
				if strings.HasPrefix(sc.Text(), "SAVED ") {
					fmt.Fprintln(to, sc.Text()) // an error: the other has ended
				}
			}
		})
	}
	relay.Wait()
	shown := 0
	for _, name := range names {
		cmd := workers[name]
		outs[name].WriteString(lines[name].String())
		if err := cmd.Wait(); err != nil {
			t.Fatalf("worker %s: %v\n%s", name, err, outs[name])
		}
		sc := bufio.NewScanner(strings.NewReader(outs[name].String()))
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "RESULT starred="); ok {
				n, _ := strconv.Atoi(strings.Fields(rest)[0])
				shown = max(shown, n)
				t.Logf("worker %s: %s", name, sc.Text())
			}
		}
	}

	got := mustOpen(t, "bundled", dir)
	var want []string
	for _, name := range []string{"a", "b"} {
		for n := range stressPieces {
			want = append(want, fmt.Sprintf("%s-%03d", name, n))
		}
	}
	if starred := got.Starred(); !slices.Equal(starred, want) {
		t.Errorf("%d starred on disk, want the union of %d: lost %v", len(starred), len(want), missing(want, starred))
	}
	if shown != len(want) {
		t.Errorf("the process that saved last shows %d stars, want %d", shown, len(want))
	}
	// Positions: each piece's last SetPosition (i%5 == 1) was at i = 400+n
	// for n%5 == 1, and so on: the last round's i.
	for _, name := range []string{"a", "b"} {
		for n := range stressPieces {
			id := fmt.Sprintf("%s-%03d", name, n)
			i := 4*stressPieces + n
			if n%5 == 1 && got.Position(id) != i {
				t.Errorf("%s: position %d, want %d", id, got.Position(id), i)
			}
			if n%5 == 2 && !got.IsRead(id) {
				t.Errorf("%s: opened but not read", id)
			}
		}
	}
	if h := got.History(); len(h) != 2*stressOps/5 {
		t.Errorf("history has %d visits, want %d from both", len(h), 2*stressOps/5)
	}
}

func missing(want, got []string) []string {
	var out []string
	for _, id := range want {
		if !slices.Contains(got, id) {
			out = append(out, id)
		}
	}
	return out
}

// Two stores on one file merge field by field: a position set in one and a
// read mark and a star set in the other on the same piece are all kept, and
// each store shows the merged state after its next Save or Reload.
func TestFieldsMergePerPiece(t *testing.T) {
	dir := t.TempDir()
	a := mustOpen(t, "bundled", dir)
	b := mustOpen(t, "bundled", dir)
	a.SetPosition("x", 12)
	a.RecordOpen("x", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	b.SetStarred("x", true)
	b.RecordOpen("x", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	b.SetStarred("y", true)
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	want := Piece{Read: true, Starred: true, Position: 12, LastOpened: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	if got := b.Get("x"); got != want {
		t.Errorf("b after its save: %+v, want %+v", got, want)
	}
	if a.IsStarred("x") {
		t.Fatal("a shows b's star before reloading")
	}
	changed, err := a.Reload()
	if err != nil || !changed {
		t.Fatalf("Reload: changed %v, %v", changed, err)
	}
	if got := a.Get("x"); got != want || !a.IsStarred("y") {
		t.Errorf("a after reload: %+v, starred %v", got, a.Starred())
	}
	if h := a.History(); len(h) != 2 {
		t.Errorf("history %v, want both visits", h)
	}
	if changed, err := a.Reload(); err != nil || changed {
		t.Errorf("a second Reload: changed %v, %v", changed, err)
	}
	// The same field set in both: the later Save wins.
	a.SetStarred("y", false)
	b.SetPosition("y", 3)
	for _, s := range []*Store{a, b} {
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustOpen(t, "bundled", dir).Get("y"); got != (Piece{Position: 3}) {
		t.Errorf("y: %+v, want unstarred at line 3", got)
	}
}

// A Save that fails says so and keeps its changes: the next Save, once the
// folder is usable again, writes them.
func TestFailedSaveKeepsChanges(t *testing.T) {
	for _, how := range []string{"read-only folder", "folder replaced by a file"} {
		t.Run(how, func(t *testing.T) {
			if how == "read-only folder" && os.Geteuid() == 0 {
				asNobody(t) // root writes into a read-only folder
				return
			}
			root := t.TempDir()
			dir := filepath.Join(root, "folio")
			s := mustOpen(t, "bundled", dir)
			s.SetStarred("a", true)
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			s.SetStarred("b", true)
			s.RecordOpen("b", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			var restore func()
			switch how {
			case "read-only folder":
				if err := os.Chmod(dir, 0o500); err != nil {
					t.Fatal(err)
				}
				restore = func() { os.Chmod(dir, 0o700) }
			default:
				if err := os.Rename(dir, dir+".away"); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(dir, nil, 0o600); err != nil {
					t.Fatal(err)
				}
				restore = func() {
					os.Remove(dir)
					os.Rename(dir+".away", dir)
				}
			}
			if err := s.Save(); err == nil {
				t.Fatal("Save reported success")
			}
			if !s.IsStarred("b") {
				t.Error("the failed save dropped the star from the screen")
			}
			s.SetStarred("c", true)
			restore()
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			again := mustOpen(t, "bundled", dir)
			if got := again.Starred(); !slices.Equal(got, []string{"a", "b", "c"}) {
				t.Errorf("starred %v after the failed save and a good one", got)
			}
			if len(again.History()) != 1 {
				t.Errorf("history %v", again.History())
			}
		})
	}
}

// A Save waiting for the disk (here: for another process's lock) does not
// hold up the getters or the changes; a change made during it is kept and
// shown after it.
func TestSaveDoesNotBlockTheScreen(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "bundled", dir)
	s.SetStarred("a", true)
	unlock, err := lockFolder(dir, time.Second) // another folio's Save
	if err != nil {
		t.Fatal(err)
	}
	writing := make(chan struct{})
	var once sync.Once
	saveWriting = func() { once.Do(func() { close(writing) }) }
	defer func() { saveWriting = nil }()
	done := make(chan error)
	go func() { done <- s.Save() }()
	<-writing // the Save has begun, and goes on to wait for the folder's lock
	// The Save now waits for the folder's lock. These return at once (a
	// wait here would hang the test):
	if !s.IsStarred("a") || s.IsRead("a") {
		t.Error("marks wrong during the save")
	}
	s.SetStarred("b", true)
	s.SetPosition("a", 7)
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !s.IsStarred("b") || s.Position("a") != 7 {
		t.Errorf("a change made during the save is gone from the screen: %v", s.Starred())
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if got := mustOpen(t, "bundled", dir); !got.IsStarred("b") || got.Position("a") != 7 {
		t.Errorf("a change made during the save was not written: %v", got.Starred())
	}
}

// BenchmarkSave is one change saved into a state of n pieces: the lock,
// the re-read, the merge and the atomic write (two fsyncs).
func BenchmarkSave(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			s, _ := Open("bundled", dir)
			for i := range n {
				s.RecordOpen(fmt.Sprintf("piece-%05d", i), time.Unix(int64(i), 0))
			}
			if err := s.Save(); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := range b.N {
				s.ToggleStar(fmt.Sprintf("piece-%05d", i%n))
				if err := s.Save(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSaveRemovesTempFilesOfKilledSaves: a folio killed with kill -9 between
// writing its temporary file and renaming it leaves the file behind (seen
// in a run of four savers killed at random: one per kill that landed
// mid-save). The next Save, under the folder lock no running Save is
// without, removes such files and no other.
func TestSaveRemovesTempFilesOfKilledSaves(t *testing.T) {
	dir := t.TempDir()
	s, warn := Open("bundled", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	base := filepath.Base(s.Path())
	stale := filepath.Join(dir, "."+base+".tmp-4088751854")
	other := filepath.Join(dir, ".other.json.tmp-1") // another archive's: left alone
	for _, p := range []string{stale, other} {
		if err := os.WriteFile(p, []byte(`{"pieces":`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s.SetStarred("a", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the temporary file of a killed save is still there (%v)", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another file's temporary file was removed: %v", err)
	}
	if !s.IsStarred("a") {
		t.Error("the save lost its star")
	}
}
