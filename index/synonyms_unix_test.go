//go:build unix

package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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

// A line over the limit in the user's synonyms file is skipped with a
// message naming the file and line, and the groups after it are kept; a
// file that is a device is refused naming it (a helper's report: both
// were silent, and the long line lost the rest of the file).
func TestSynonymsFileProblemsAreSaid(t *testing.T) {
	p := filepath.Join(t.TempDir(), "synonyms.txt")
	long := strings.Repeat("x", maxSynonymLine+1)
	if err := os.WriteFile(p, []byte("aa, bb\n"+long+"\nzzfoo, quux\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadSynonyms(p)
	if err == nil || !strings.Contains(err.Error(), p+":2: line of ") {
		t.Errorf("error %v; want one naming %s:2", err, p)
	}
	if g, _ := s.match([]string{"zzfoo"}); g < 0 {
		t.Errorf("the group after the long line was lost")
	}
	if g, _ := s.match([]string{"aa"}); g < 0 {
		t.Errorf("the group before the long line was lost")
	}
	link := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Skip(err)
	}
	if _, err := LoadSynonyms(link); !errors.Is(err, archive.ErrNotRegular) || !strings.HasPrefix(err.Error(), link+": ") {
		t.Errorf("a link to /dev/zero: error %v; want one naming %s", err, link)
	}
}
