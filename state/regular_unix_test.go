//go:build unix

package state

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestStateFileThatIsAPipe: a state file that is a named pipe used to
// block the start for ever; it is refused with a warning (and not saved
// over), like a file that cannot be read.
func TestStateFileThatIsAPipe(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", home)
	dir := filepath.Join(home, "folio")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, FileName("bundled")), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err = Open("bundled", "")
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("opening a state file that is a pipe hung")
	}
	if !errors.Is(err, archive.ErrNotRegular) {
		t.Errorf("open: %v, want %v", err, archive.ErrNotRegular)
	}
}
