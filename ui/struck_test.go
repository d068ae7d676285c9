package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
)

// Struck-through text never reads as live text (a helper's report: plain
// output showed "Price: ~~$50~~ $30, and <del>old</del> <ins>new</ins>,
// <s>gone</s>." as "Price: $50 $30, and old new, gone.", and the styled
// reader struck ~~$50~~ but not <del> or <s>): plain text keeps "~~"
// around it, a style strikes <del> and <s> as it strikes ~~.
func TestStruckTextStaysStruck(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: T\ndate: 2020-01-01\n---\nPrice: ~~$50~~ $30, and <del>old</del> <ins>new</ins>, <s>gone</s>.\n"
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	a, probs := archive.ParseFile(os.DirFS(dir), "p.md")
	if archive.IsFatal(probs) {
		t.Fatal(probs)
	}
	lines, _, err := RenderMarkdown(a.Body, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(strings.Join(lines, "\n")), "Price: ~~$50~~ $30, and ~~old~~ new, ~~gone~~."; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	lines, _, err = RenderMarkdown(a.Body, 80, "dark")
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Join(lines, "\n")
	if got, want := strings.TrimSpace(ansi.Strip(out)), "Price: $50 $30, and old new, gone."; got != want {
		t.Errorf("dark: %q, want %q", got, want)
	}
	for _, w := range []string{"$50", "old", "gone"} {
		if !crossedOut(out, w) {
			t.Errorf("dark: %q not struck through in %q", w, out)
		}
	}
	if crossedOut(out, "new") || crossedOut(out, "$30") {
		t.Errorf("dark: live text struck through in %q", out)
	}
}

// crossedOut says whether word is shown with the crossed-out attribute
// (SGR 9) set in the styled line out.
func crossedOut(out, word string) bool {
	i := strings.Index(out, word)
	if i < 0 {
		return false
	}
	before := out[:i]
	on := max(strings.LastIndex(before, "\x1b[9m"), strings.LastIndex(before, ";9m"), strings.LastIndex(before, ";9;"), strings.LastIndex(before, "[9;"))
	off := max(strings.LastIndex(before, "\x1b[m"), strings.LastIndex(before, "\x1b[0m"), strings.LastIndex(before, "[29m"))
	return on >= 0 && on > off
}
