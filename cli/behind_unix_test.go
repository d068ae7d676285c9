//go:build unix

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gofrs/flock"
)

// TestListBesideABusyWriterReadsTheFiles: while another folio holds the
// index's writer lock, an open uses the index as it was (Behind); list
// then reads the files, which have the piece added since.
func TestListBesideABusyWriterReadsTheFiles(t *testing.T) {
	dir, idx := busyWriterArchive(t)
	n0 := keptFromTheIndex.Load()
	out, errOut, code := run(t, "--archive", dir, "--index-dir", idx, "list", "--json")
	if code != 0 {
		t.Fatal(errOut)
	}
	var listed []articleJSON
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 49 || listed[0].ID != "new" || keptFromTheIndex.Load() != n0 {
		t.Errorf("beside a busy writer: %d pieces, the first %q, %d lists from the index", len(listed), listed[0].ID, keptFromTheIndex.Load()-n0)
	}
}

// TestCommandsFromAnIndexBehindSaySo: while another folio holds the
// index's writer lock, every command answering from the index as it was
// says so on stderr (folio dups said nothing: a helper's report).
func TestCommandsFromAnIndexBehindSaySo(t *testing.T) {
	dir, idx := busyWriterArchive(t)
	for _, args := range [][]string{{"dups"}, {"search", "words"}, {"terms", "words"}, {"trends", "words"}} {
		_, errOut, code := run(t, append([]string{"--archive", dir, "--index-dir", idx}, args...)...)
		if code != 0 || strings.Count(errOut, "another folio is updating the index") != 1 {
			t.Errorf("%v (%d): stderr %q", args, code, errOut)
		}
	}
}

// TestStaleAnswersSayWhichStateTheyCounted: beside another folio
// updating the index, a piece added since, each command says which state
// of the archive it counted (an attack: search counted 5 of a tag with
// "notes":[], list 6 from the files, cite --all 2,103 pieces and terms
// 2,102, nothing telling them apart): the commands answering from the
// index as it was say so with its count, in their --json's notes too;
// list and stats, which read the files, say nothing of it; cite --all
// says it cited the files, and how many.
func TestStaleAnswersSayWhichStateTheyCounted(t *testing.T) {
	dir, idx := busyWriterArchive(t)
	const stale = "another folio is updating the index: this answer is of the archive as last indexed (48 pieces), not of its files as they are now"
	cmd := func(args ...string) (string, string) {
		t.Helper()
		out, errOut, code := run(t, append([]string{"--archive", dir, "--index-dir", idx}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out, errOut
	}
	hasNote := func(what string, notes []string) {
		t.Helper()
		if !slices.Contains(notes, stale) {
			t.Errorf("%s: notes %q, want %q", what, notes, stale)
		}
	}

	out, errOut := cmd("search", "", "--json", "--limit", "0")
	var sr struct {
		Total int
		Notes []string
	}
	if err := json.Unmarshal([]byte(out), &sr); err != nil {
		t.Fatal(err)
	}
	if sr.Total != 48 || !strings.Contains(errOut, stale) {
		t.Errorf("search: total %d, stderr %q", sr.Total, errOut)
	}
	hasNote("search --json", sr.Notes)

	out, errOut = cmd("terms", "words", "--json")
	var tr struct {
		Archive int
		Notes   []string
	}
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Archive != 48 || !strings.Contains(errOut, stale) {
		t.Errorf("terms: against %d pieces, stderr %q", tr.Archive, errOut)
	}
	hasNote("terms --json", tr.Notes)

	out, _ = cmd("trends", "words", "--json")
	var ts struct{ Trends []struct{ Notes []string } }
	if err := json.Unmarshal([]byte(out), &ts); err != nil || len(ts.Trends) != 1 {
		t.Fatalf("trends: %v %s", err, out)
	}
	hasNote("trends --json", ts.Trends[0].Notes)

	out, errOut = cmd("list", "--json")
	var listed []articleJSON
	if err := json.Unmarshal([]byte(out), &listed); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 49 || strings.Contains(errOut, "another folio") {
		t.Errorf("list: %d pieces, stderr %q", len(listed), errOut)
	}
	if _, errOut = cmd("stats", "--json"); strings.Contains(errOut, "another folio") {
		t.Errorf("stats: stderr %q", errOut)
	}
	if _, errOut = cmd("cite", "--all"); !strings.Contains(errOut, "another folio is updating the index: cited from the files as they are now (49 pieces)") {
		t.Errorf("cite --all: stderr %q", errOut)
	}
}

// busyWriterArchive is an archive indexed in idx, a piece added since,
// and the index's writer lock held (as another folio building holds it)
// until the test ends.
func busyWriterArchive(t *testing.T) (dir, idx string) {
	t.Helper()
	dir, idx = outletArchive(t), t.TempDir()
	if _, errOut, code := run(t, "--archive", dir, "--index-dir", idx, "index"); code != 0 {
		t.Fatal(errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.md"), []byte("---\ntitle: Added\ndate: 2020-01-01\n---\n\nWords.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lock := flock.New(filepath.Join(idx, "lock"))
	if ok, err := lock.TryLock(); !ok || err != nil {
		t.Fatalf("the writer lock: %v %v", ok, err)
	}
	t.Cleanup(func() { lock.Unlock() })
	return dir, idx
}
