package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/childtest"
	"time"
)

const savedCPUChildEnv = "FOLIO_TEST_SAVED_CPU_CHILD"

// savedCPUSeconds is the CPU time a child may spend reading and writing a
// saved-searches file of 130,000 searches (15 MB, near the 16 MB the file
// may have): about 1 s measured; 26 s for 180,000 when a line was counted
// from the start for each search.
const savedCPUSeconds = 10

// TestSavedBigFileInBoundedCPU reads the largest saved-searches file folio
// takes in a child process limited to savedCPUSeconds of CPU time
// (RLIMIT_CPU: load on the machine does not count, only the child's own
// work); a read that takes longer kills the child and fails the test. The
// deadline is only a guard against a hang.
func TestSavedBigFileInBoundedCPU(t *testing.T) {
	if path := childtest.Value(savedCPUChildEnv); path != "" {
		readSavedUnderLimit(t, path)
		return
	}
	path := filepath.Join(t.TempDir(), "saved.json")
	f := savedFile{Version: SavedVersion}
	for i := range 130000 {
		f.Searches = append(f.Searches, Search{Name: fmt.Sprintf("s%d", i), Query: "q", Created: time.Unix(0, 0).UTC()})
	}
	data, _ := json.MarshalIndent(f, "", "  ") // as folio writes it
	if len(data) > maxSavedSize {
		t.Fatalf("%d bytes: over the limit", len(data))
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := childtest.Run(t, savedCPUChildEnv, path)
	if err != nil || !strings.Contains(out, "read 130000 searches") {
		t.Fatalf("reading %d MB of saved searches in %d s of CPU: %v\n%s", len(data)>>20, savedCPUSeconds, err, out)
	}
}

func readSavedUnderLimit(t *testing.T, path string) {
	childtest.LimitCPU(t, savedCPUSeconds)
	s, _ := OpenSaved(path)
	if _, err := s.Remove("s129999"); err != nil { // a read, and a write
		t.Fatal(err)
	}
	all, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("read %d searches\n", len(all)+1)
}
