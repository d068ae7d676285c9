//go:build unix

package index

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestSynonymsFileThatIsAPipe: a synonyms file that is a named pipe used
// to block the first search for ever (opening it waits for a writer); it
// is refused and the bundled groups load.
func TestSynonymsFileThatIsAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var s *Synonyms
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		s, err = LoadSynonyms(fifo)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("loading synonyms from a pipe hung")
	}
	if !errors.Is(err, archive.ErrNotRegular) || s == nil {
		t.Errorf("synonyms %v, error %v; want the bundled groups and %v", s, err, archive.ErrNotRegular)
	}
}
