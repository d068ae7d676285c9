package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An error naming a file whose name holds U+202E says the name escaped on
// the status line: the line drops the override, so "open g\u202eood.md:
// permission denied" read "open good.md", another file of the archive (an
// attack: e, Enter and c all named good.md).
func TestStatusNamesAFileAsItIs(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...)}
	dir := t.TempDir()
	h := newLiveHarness(t, f, dir)
	_, err := os.Open(filepath.Join(dir, "g\u202eood.md"))
	h.send(editFileMsg{err: err})
	screen := h.screen()
	if !strings.Contains(screen, `good.md`) && !strings.Contains(screen, `g\u202eood.md"`) {
		t.Fatalf("no error on the status line:\n%s", screen)
	}
	if strings.Contains(screen, "/good.md") {
		t.Errorf("the status line names good.md, another file:\n%s", screen)
	}
	if !strings.Contains(screen, `g\u202eood.md"`) {
		t.Errorf("the status line does not name the file escaped:\n%s", screen)
	}
}
