package state

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
)

// keyWorkerEnv names a worker of TestTwoProcessesHandOutKeys.
const keyWorkerEnv = "FOLIO_STATE_TEST_KEY_WORKER"

// keySteps is how many pieces each key worker adds, one at a time.
const keySteps = 40

// keyPieces is a worker's archive after step i: its first i+1 pieces, each
// by the same author in the same year (so all want the same key, smith2017,
// and are told apart by suffixes).
func keyPieces(name string, i int) []archive.Article {
	var arts []archive.Article
	for n := 0; n <= i; n++ {
		arts = append(arts, archive.Article{
			ID: fmt.Sprintf("%s-%03d", name, n), Title: fmt.Sprintf("Piece %d of %s", n, name),
			Authors: []string{"Jane Smith"}, Date: archive.Date{Time: time.Date(2017, 3, 1+n%28, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay},
		})
	}
	return arts
}

// TestKeyWorkerProcess is a worker of TestTwoProcessesHandOutKeys when run
// as a child; in the ordinary test run it does nothing.
func TestKeyWorkerProcess(t *testing.T) {
	name := os.Getenv(keyWorkerEnv)
	if name == "" {
		t.Skip("runs only as a child of TestTwoProcessesHandOutKeys")
	}
	ledger, warn := OpenCiteKeys("shared", os.Getenv(dirEnv))
	if warn != nil {
		t.Fatal(warn)
	}
	// Both workers have read the (empty) ledger before either writes: the
	// parent closes both stdins once both have started.
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil {
		t.Fatal(err)
	}
	for i := range keySteps {
		arts := keyPieces(name, i)
		keys, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(arts, given) })
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		for _, a := range arts { // what this process would print now
			fmt.Printf("KEY %s %s\n", a.ID, keys.Key(a))
		}
	}
}

// TestTwoProcessesHandOutKeys: two folios whose archives differ (each sees
// its own pieces, all wanting the key smith2017) hand out keys at the same
// time, each having read the ledger before the other wrote it. No key is
// ever given to two pieces: each key a process handed out is the one the
// ledger records for that piece, and the ledger gives every piece one key
// of its own. (Two read-then-write steps gave both processes' first
// pieces smith2017, and the second's was never kept.)
func TestTwoProcessesHandOutKeys(t *testing.T) {
	if os.Getenv(keyWorkerEnv) != "" {
		t.Skip("a worker")
	}
	dir := t.TempDir()
	type worker struct {
		cmd *exec.Cmd
		out *strings.Builder
	}
	var workers []worker
	var starts []io.Closer
	for _, name := range []string{"a", "b"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKeyWorkerProcess$")
		cmd.Env = append(os.Environ(), keyWorkerEnv+"="+name, dirEnv+"="+dir)
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		start, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		starts = append(starts, start)
		workers = append(workers, worker{cmd, out})
	}
	for _, s := range starts {
		s.Close()
	}
	handed := map[string]map[string]bool{} // piece → keys handed out for it
	for _, w := range workers {
		if err := w.cmd.Wait(); err != nil {
			t.Fatalf("worker: %v\n%s", err, w.out)
		}
		sc := bufio.NewScanner(strings.NewReader(w.out.String()))
		for sc.Scan() {
			if f := strings.Fields(sc.Text()); len(f) == 3 && f[0] == "KEY" {
				if handed[f[1]] == nil {
					handed[f[1]] = map[string]bool{}
				}
				handed[f[1]][f[2]] = true
			}
		}
	}
	if len(handed) != 2*keySteps {
		t.Fatalf("keys handed out for %d pieces, want %d", len(handed), 2*keySteps)
	}
	ledger, warn := OpenCiteKeys("shared", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	byID, owner := map[string]string{}, map[string]string{}
	for _, r := range ledger.Records() {
		if o, ok := owner[r.Key]; ok {
			t.Errorf("the ledger gives %s to %s and %s", r.Key, o, r.ID)
		}
		owner[r.Key] = r.ID
		byID[r.ID] = r.Key
	}
	for id, keys := range handed {
		for k := range keys {
			if k != byID[id] {
				t.Errorf("%s was handed %s; the ledger gives it %q and gives %s to %q", id, k, byID[id], k, owner[k])
			}
		}
	}
}

// Assign builds a keyring outside the state folder's lock (a keyring of a
// large archive takes seconds, and every state write waits for the lock),
// also when another folio recorded keys between its reading of the ledger
// and its writing: then it builds again, from the file as it is, and a
// state write made meanwhile does not wait. When the ledger has not
// changed, it builds once.
func TestAssignBuildsOutsideTheLock(t *testing.T) {
	dir := t.TempDir()
	arts := keyPieces("a", 0)
	ledger, warn := OpenCiteKeys("shared", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	other, _ := OpenCiteKeys("shared", dir) // another folio, which has b-000
	if _, err := other.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(keyPieces("b", 0), given) }); err != nil {
		t.Fatal(err)
	}
	builds := 0
	var lockErr error
	keys, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring {
		builds++
		if builds == 2 { // built again, the file having changed: is the lock free?
			var unlock func()
			if unlock, lockErr = lockForWrite(ledger.Path(), "state"); lockErr == nil {
				unlock()
			}
		}
		return cite.NewKeyringWith(arts, given)
	})
	if err != nil || builds != 2 || lockErr != nil {
		t.Fatalf("Assign after another folio wrote: err %v, %d builds, the lock during the second: %v", err, builds, lockErr)
	}
	b, _ := OpenCiteKeys("shared", dir)
	owner := map[string]string{}
	for _, r := range b.Records() {
		owner[r.Key] = r.ID
	}
	if k := keys.Key(arts[0]); owner[k] != "a-000" || len(owner) != 2 {
		t.Errorf("a-000 was handed %s, which the ledger gives %q (%v)", k, owner[k], owner)
	}
	// unchanged since it was read: one build
	more := keyPieces("a", 1)
	builds = 0
	if _, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring { builds++; return cite.NewKeyringWith(more, given) }); err != nil || builds != 1 {
		t.Errorf("an unchanged ledger: err %v, %d builds, want 1", err, builds)
	}
}

// A piece renamed (another ID, the same print) keeps its key, and the
// ledger's record of the key is updated to the new ID at once (write
// matches the record by its print), so a later run finds nothing to
// record and leaves the file as it is (a helper's report: without the
// print's match the old ID stayed, and every run wrote the key again).
func TestRenamedPieceRecordedOnce(t *testing.T) {
	dir := t.TempDir()
	a, b := quickPieces()
	assignKeys(t, dir, "/arch", a, b)
	a.ID, a.Path = "a-renamed", "a-renamed.md"
	if _, got := assignKeys(t, dir, "/arch", a, b); got["a-renamed"] != "smith2020quicka" {
		t.Fatalf("the renamed piece's key: %v", got)
	}
	recs, err := ReadCiteKeys("/arch", dir)
	if err != nil || len(recs) != 2 || recs[1] != (cite.KeyRecord{Key: "smith2020quicka", ID: "a-renamed", Print: archive.Print(a)}) {
		t.Fatalf("ledger %+v (%v)", recs, err)
	}
	path := filepath.Join(dir, CiteKeysFileName("/arch"))
	before, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	ck, warn := OpenCiteKeys("/arch", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	keys, err := ck.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith([]archive.Article{a, b}, given) })
	if err != nil || len(keys.Fresh()) != 0 {
		t.Errorf("a second run records %+v (%v)", keys.Fresh(), err)
	}
	if after, err := os.Stat(path); err != nil || !os.SameFile(before, after) {
		t.Errorf("a second run rewrote the ledger (%v)", err)
	}
}

// ledgerKeys is the ledger in dir as piece ID → key (nil: no file).
func ledgerKeys(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, CiteKeysFileName("bundled"))); os.IsNotExist(err) {
		return nil
	}
	recs, err := ReadCiteKeys("bundled", dir)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, r := range recs {
		keys[r.ID] = r.Key
	}
	return keys
}

// TestLedgerSetAsideOrDeletedWhileOpen: citation keys read before their
// ledger was set aside as corrupt (by another folio, or found corrupt at
// Assign with a fresh key to record) are written again whole, as the
// reading state's marks are, even with no fresh key; a ledger deleted is
// not (the keys read were dropped: a keyring built anew moved p-001's key
// from smith2017piecea to smith2017piece, p-000's, and with no fresh key
// the ledger stayed gone; found corrupt at Assign, the fresh key was not
// recorded).
func TestLedgerSetAsideOrDeletedWhileOpen(t *testing.T) {
	first := keyPieces("p", 2) // p-000, p-001, p-002
	// later: p-000 gone, p-003 new (a fresh key); or the same pieces
	later := map[bool][]archive.Article{true: keyPieces("p", 3)[1:], false: first}
	assign := func(t *testing.T, c *CiteKeys, arts []archive.Article) (map[string]string, error) {
		keys, err := c.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(arts, given) })
		got := map[string]string{}
		for _, a := range arts {
			got[a.ID] = keys.Key(a)
		}
		return got, err
	}
	for _, how := range []string{"set aside by another folio", "found corrupt", "deleted"} {
		for _, fresh := range []bool{true, false} {
			if how == "found corrupt" && !fresh {
				continue // with nothing to write, the file is not read
			}
			t.Run(fmt.Sprintf("%s, a fresh key %v", how, fresh), func(t *testing.T) {
				dir := t.TempDir()
				c0, _ := OpenCiteKeys("bundled", dir)
				if _, err := assign(t, c0, first); err != nil {
					t.Fatal(err)
				}
				recorded := ledgerKeys(t, dir)
				if len(recorded) != 3 {
					t.Fatalf("the ledger: %v", recorded)
				}
				c, warn := OpenCiteKeys("bundled", dir) // reads the ledger
				if warn != nil {
					t.Fatal(warn)
				}
				path := c.Path()
				switch how {
				case "deleted":
					if err := os.Remove(path); err != nil {
						t.Fatal(err)
					}
				default:
					if err := os.WriteFile(path, []byte(`{"keys": [`), 0o600); err != nil {
						t.Fatal(err)
					}
					if how == "set aside by another folio" {
						if _, warn := OpenCiteKeys("bundled", dir); warn == nil || !strings.Contains(warn.Error(), "corrupt") {
							t.Fatalf("the other folio's open: %v", warn)
						}
					}
				}
				got, err := assign(t, c, later[fresh])
				if err != nil {
					t.Fatal(err)
				}
				after := ledgerKeys(t, dir)
				if how == "deleted" {
					if fresh && (len(after) != 3 || after["p-000"] != "") {
						t.Errorf("a ledger deleted: the ledger is %v, want the 3 keys given now alone", after)
					}
					if !fresh && after != nil {
						t.Errorf("a ledger deleted was written again: %v", after)
					}
					return
				}
				for id, key := range recorded {
					if after[id] != key {
						t.Errorf("%s's key in the ledger: %q, want %q (the ledger %v)", id, after[id], key, after)
					}
					if k, ok := got[id]; ok && k != key {
						t.Errorf("%s was given %q, want %q", id, k, key)
					}
				}
				if want := len(recorded) + map[bool]int{true: 1}[fresh]; len(after) != want {
					t.Errorf("the ledger holds %d keys, want %d: %v", len(after), want, after)
				}
				if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 1 {
					t.Errorf("set-aside copies: %v", aside)
				}
			})
		}
	}
}
