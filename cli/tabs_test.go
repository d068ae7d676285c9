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

// Tabs in text, after a line's leading whitespace, go to stops of 8
// counted from where that whitespace ends, as a terminal and a browser's
// <pre> show them: tab-separated data in a code block keeps its columns
// (a review: at stops of 4, "id\tname" and "12345\tAnn" did not line up).
func TestTabSeparatedDataKeepsItsColumns(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: Data\ndate: 2021-01-01\n---\n\n```\nid\tname\tcountry\n1\tAnn\tUK\n12345\tBo\tFR\n名前\tCy\tJP\ne\u0301t\tDi\tFR\n```\n\n\tx\ty\n"
	if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "d", "--width", "80")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// the column of word in the line that holds it, from the line's text
	col := func(word string) int {
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, word) {
				return strings.Index(l, word) - (len(l) - len(strings.TrimLeft(l, " ")))
			}
		}
		t.Fatalf("no line with %q:\n%s", word, out)
		return -1
	}
	if a, b, c := col("name"), col("Ann"), col("Bo"); a != 8 || b != 8 || c != 8 {
		t.Errorf("second column at %d, %d, %d, want 8:\n%s", a, b, c, out)
	}
	// wide and combining characters take the cells they show in (a
	// review: 名前, four cells, was given six spaces)
	for _, w := range []string{"Cy", "Di"} {
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, w) {
				if c := cells.Width(l[:strings.Index(l, w)]) - (len(l) - len(strings.TrimLeft(l, " "))); c != 8 {
					t.Errorf("%s at cell %d, want 8:\n%s", w, c, out)
				}
			}
		}
	}
	if a, b := col("country"), col("UK"); a != 16 || b != 16 {
		t.Errorf("third column at %d, %d, want 16:\n%s", a, b, out)
	}
	// a tab that indents is CommonMark's, to a stop of 4: an indented code block
	if !strings.Contains(out, "\n    x       y") {
		t.Errorf("the indented code block:\n%s", out)
	}
}

// A tab after a list's or a quote's marker is CommonMark's (a stop of
// 4), so the blocks stay: "-\tfoo" is a list item of text, not one holding
// a code block (a review of the stops of 8).
func TestATabAfterABlockMarkerKeepsTheBlock(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: Marks\ndate: 2021-01-01\n---\n\n-\tfoo item\n\n1.\tbar item\n\n>\tbaz quote\n"
	if err := os.WriteFile(filepath.Join(dir, "m.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "m", "--width", "60")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"• foo item", "1. bar item", "baz quote"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not printed as text:\n%s", want, out)
		}
	}
}
