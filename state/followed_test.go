package state

import (
	"os"
	"path/filepath"
	"testing"
)

// The mark that renames were followed is written under the folder's lock,
// which removes the temporary file a folio killed in its write left (a
// helper's report: one stayed for good).
func TestFollowedThroughRemovesAKilledWritesTemp(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", home)
	dir, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "."+renamedFileName("/some/archive")+".tmp-12345")
	if err := os.WriteFile(stale, []byte("1"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SetFollowedThrough("/some/archive", 42); err != nil {
		t.Fatal(err)
	}
	if FollowedThrough("/some/archive") != 42 {
		t.Errorf("followed through %d", FollowedThrough("/some/archive"))
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the killed write's temporary file is still there")
	}
}
