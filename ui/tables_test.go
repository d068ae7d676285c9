package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A table shows every word of its headers and cells whole at any width (a
// helper's report: six columns at width 80 showed "Populati… | GDP per
// capit…", at width 40 "1,234." over "56"): one Glamour would cut is
// shown as a list, a row an item and a cell a "Header: value" line; one
// that fits stays a table.
func TestTableShowsEveryWordWhole(t *testing.T) {
	b, err := os.ReadFile("testdata/tables/table2.md")
	if err != nil {
		t.Fatal(err)
	}
	_, wide, _ := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
	wide += "\n| Item | Amount |\n|---|---:|\n| Widget costs | 1,234.56 |\n| Gadget | -12.5 |\n"
	words := []string{"Population", "(millions)", "GDP", "capita", "(USD)", "Unemployment", "rate", "(%)", "Inflation", "y/y)",
		"Kingdom", "42,300.50", "46,259.25", "40,493.90", "−0.4", "2019", "1,234.56", "-12.5", "Widget"}
	for _, style := range []string{PlainStyle, "dark"} {
		for w := 24; w <= 160; w += 4 {
			lines, _, err := RenderMarkdown(wide, w, style)
			if err != nil {
				t.Fatal(err)
			}
			shown := ansi.Strip(strings.Join(lines, "\n"))
			var got []string
			for _, l := range strings.Split(shown, "\n") {
				got = append(got, strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '|' || r == '│' })...)
			}
			for _, want := range words {
				found := false
				for _, g := range got {
					found = found || strings.Contains(g, want)
				}
				if !found {
					t.Fatalf("%s at width %d: %q not shown whole:\n%s", style, w, want, shown)
				}
			}
			if strings.Contains(shown, "…") {
				t.Fatalf("%s at width %d: a cell cut:\n%s", style, w, shown)
			}
		}
	}
	// a table that fits stays one (a minus sign, an escaped "|" read as
	// shown)
	lines, _, err := RenderMarkdown("| Item | Amount |\n|---|---:|\n| Widget | 1,234.56 |\n| Gadget \\| part | -12.5 |\n", 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lines, "\n"); !strings.Contains(got, "1,234.56") || !strings.Contains(got, "Widget ") || !strings.Contains(got, "---|") || !strings.Contains(got, "-12.5") {
		t.Errorf("a narrow table not shown as a table:\n%s", got)
	}
	// a code span in a link, which Glamour shows as written in a table,
	// is shown as written out of it too, its reference no control
	md := "| a | b | c | d |\n|---|---|---|---|\n| [`x && y &#27;[5m`](http://x.org/) supercalifragilisticexpialidocious | antidisestablishmentarianism | pneumonoultramicroscopic | floccinaucinihilipilification |\n"
	for _, style := range []string{"dark", "notty", PlainStyle} {
		lines, _, err := RenderMarkdown(md, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		if page := ansi.Strip(raw); !strings.Contains(page, "x && y &#27;[5m") || !strings.Contains(page, "floccinaucinihilipilification") || strings.Contains(raw, "\x1b[5m") {
			t.Errorf("%s: a table shown by rows: %q", style, raw)
		}
	}
}

// A word cut in one cell and whole in another is not shown whole: the
// table was kept with "Superlongidentifierwor" over "d" in its first
// column (a review, 41zb).
func TestTableWordCutInOneCell(t *testing.T) {
	md := "| A | B | C |\n|---|---|---|\n| Superlongidentifierword | Superlongidentifierword and more words to fill this cell up | 1,234,567.89 1,234,567.89 and 1,234,567.89 |\n"
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	shown := strings.Join(lines, "\n")
	if n := strings.Count(shown, "Superlongidentifierword"); n != 2 {
		t.Errorf("the word shows whole %d times, want 2:\n%s", n, shown)
	}
}
