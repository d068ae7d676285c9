package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCtrlCQuitsWhileAFindRuns: a find in a long piece runs off the
// Update loop: the bar says it is finding while it runs, and ctrl+c quits
// then (a helper's report: 9.4 MB of "word ", / word: the screen stuck on
// "find: word" for 7.3 s before "“word” 1/1887436", and ctrl+c 0.2 s
// after enter took 11.5 s to quit).
func TestCtrlCQuitsWhileAFindRuns(t *testing.T) {
	s := newSession(t)
	arch := filepath.Join(s.dir, "archive")
	if err := os.MkdirAll(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("word ", 9*1024*1024/5) // under the 10 MB a piece may have
	text := "---\ntitle: A long piece\ndate: 2020-01-01\n---\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(arch, "long.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s.startFolio("FOLIO_ARCHIVE='" + arch + "'")
	s.waitFor("the list", countRe(1, 1))
	s.keys("Enter")
	s.waitFor("the reader at the top", readerAtTop)
	s.keys("/")
	s.typeText("word")
	s.waitFor("the find box", regexp.MustCompile(`find: word`))
	s.keys("Enter")
	screen := s.waitFor("the find", regexp.MustCompile(`finding “word”…|“word” \d+/\d+`))
	if !strings.Contains(screen, "finding “word”…") {
		t.Fatalf("the find answered without the screen saying it was finding (it ran in Update):\n%s", screen)
	}
	s.keys("C-c")
	s.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
	s.requireTerminalRestored("ctrl+c during a find")
}
