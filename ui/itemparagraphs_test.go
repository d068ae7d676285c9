package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
)

// The paragraphs of a list item read apart (41f: a footnote of two
// paragraphs, which the archive writes as a list item of two, read "Note B
// first paragraph.Note B second paragraph."); a tight item, a paragraph's
// lines and a nested list as before.
func TestItemParagraphsReadApart(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: T\ndate: 2020-01-01\n---\nText[^b].\n\n[^b]: Note B first paragraph.\n\n    Note B second paragraph.\n\n" +
		"- one\n- two para.\n\n  two more\n  on two lines.\n\n  - nested\n"
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	a, probs := archive.ParseFile(os.DirFS(dir), "p.md")
	if archive.IsFatal(probs) {
		t.Fatal(probs)
	}
	for _, style := range []string{PlainStyle, "dark"} {
		lines, _, err := RenderMarkdown(a.Body, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		got := ansi.Strip(strings.Join(lines, "\n"))
		for _, want := range []string{
			"1. Note B first paragraph.\n\n  Note B second paragraph.",
			"• one\n  • two para.\n\n  two more on two lines.\n",
			"nested",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: lacks %q:\n%s", style, want, got)
			}
		}
	}
}
