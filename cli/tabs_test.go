package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/cells"
)

// Tabs in a piece are spaces to CommonMark's tab stops before it is
// rendered: Glamour counted a tab as one cell where it wrapped, and a
// terminal moves to its next tab stop, so show --width 40 printed lines of
// 130 columns (and the reader cut the words past its column). The blocks
// tabs make (indented code) stay, and every word is printed.
func TestShowWrapsTabbedTextAtTheWidth(t *testing.T) {
	dir := t.TempDir()
	letters := strings.Split("abcdefghijklmnopqrstuvwxyz", "")
	md := "---\ntitle: Tabs\ndate: 2021-01-01\n---\n\n" + strings.Join(letters, "\t") + "\n\n" +
		strings.Repeat("word\t", 12) + "end\n\n\tcode\twith\ttabs\there\tand\tmore\tcolumns\tright\n"
	if err := os.WriteFile(filepath.Join(dir, "t.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "t", "--width", "40")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "\t") {
		t.Errorf("a tab printed:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if w := cells.Width(l); w > 40 {
			t.Errorf("line of %d columns: %q", w, l)
		}
	}
	words := strings.Fields(out)
	for _, want := range append(letters, "end", "code", "right") {
		found := false
		for _, w := range words {
			found = found || w == want
		}
		if !found {
			t.Errorf("%q not printed:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "\n    code    with") {
		t.Errorf("the indented code block is not one:\n%s", out)
	}
}
