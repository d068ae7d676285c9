//go:build unix

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
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
