//go:build unix

package importer

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestImportRefusesAPipe: a feed that is a named pipe with no writer used
// to block the open for ever; it is refused at once.
func TestImportRefusesAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "feed.xml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err = ImportFile(fifo, Options{Into: t.TempDir()})
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("importing from a pipe hung")
	}
	if !errors.Is(err, archive.ErrNotRegular) {
		t.Errorf("import from a pipe: %v, want %v", err, archive.ErrNotRegular)
	}
}
