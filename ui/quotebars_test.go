package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every line of a quote's text carries the quote's bar, at every width, and
// fits the width (a helper's report: "…percent of it" / "went" at width
// 80, the word alone under the quote as if body text; a web page's bold
// paragraph in a quote, "mereka", "dekat"). Glamour v2.0.1 counts a
// quote's indent token "│ " as one cell: a line of the quote one cell too
// wide was wrapped again by the block around it, after the bar was
// written.
func TestQuoteTextCarriesItsBar(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	cases := []struct {
		md      string
		outside []string // lines shown outside the quote, trimmed
	}{
		{md: "> The committee found that nearly half of the budget went to salaries, and that the rest was spent on travel, so that about ninety percent of it went"},
		{md: "> The committee found that **nearly half of the budget went to salaries**, and that the rest was spent on travel, so that about ninety percent of it went"},
		{md: "> Jangan **lebay dalam mencintai atau membenci sesuatu. Biasa biasa saja. Jangan sampai karena kita amat membenci satu kaum, akhirnya kita justru menganiaya mereka** secara keji, padahal mereka dekat"},
		{md: "> Words *with emphasis here and there* and a [link to a page](https://example.com/x) then `a code span` and more words to wrap around the end of it"},
		{md: "> Spending rose to 42,300.50 dollars, then fell to -12.5 percent of 1,234 in 2017 as the war went on for 3.2e-12 of a year"},
		{md: "> A first line of the quote that is long enough to wrap  \n> then a hard break and **bold words** that run on past the width"},
		{md: "> An outer quote whose words go on and on\n>\n> > an inner quote **with bold words** that run on for a while until the line wraps again and again"},
		{md: "> - a list in a quote with **bold words here** and more words to wrap around the end of the line"},
		{md: "- item\n\n  > quoted in a list with **bold words here** and more words to wrap around the end of the line", outside: []string{"• item", "* item"}},
	}
	for _, style := range []string{"dark", "notty", PlainStyle} {
		for i, c := range cases {
			for w := 30; w <= 120; w++ {
				lines, _, err := RenderMarkdown(c.md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				for k, l := range lines {
					s := strings.TrimSpace(ansi.Strip(l))
					if ansi.StringWidth(l) > w {
						t.Errorf("%s case %d at %d: line %d takes %d cells: %q", style, i, w, k, ansi.StringWidth(l), s)
					}
					if s == "" || strings.HasPrefix(s, "│") || strings.HasPrefix(s, "|") || slices.Contains(c.outside, s) {
						continue
					}
					t.Errorf("%s case %d at %d: line %d %q is outside the quote:\n%s", style, i, w, k, s, ansi.Strip(strings.Join(lines, "\n")))
					break
				}
			}
		}
	}
}

// A piece that holds the placeholders' own characters (U+2011 and the
// first private use ones, written and as references) shows them as
// written, and its quote's bars, signs and numbers as where it holds
// none: the placeholders of the signs, the separators and the bars are
// the next free ones, found once for all three (freePlaceholders).
func TestHeldPlaceholdersShowAsWritten(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	md := "> A non\u2011breaking hyphen, &#8209; and \ue000, &#xE001; \ue002 in a quote: it fell to -12.5 percent of 42,300.50 dollars, and then to -3 again as the year went on and on\n\nOutside it \ue003 and -4.5 and 1,234.\n"
	held := map[string]int{"\u2011": 2, "\ue000": 1, "\ue001": 1, "\ue002": 1, "\ue003": 1, "-": 3}
	for _, style := range []string{"dark", "notty", PlainStyle} {
		for w := 30; w <= 120; w++ {
			lines, _, err := RenderMarkdown(md, w, style)
			if err != nil {
				t.Fatal(err)
			}
			out := ansi.Strip(strings.Join(lines, "\n"))
			for s, n := range held {
				if got := strings.Count(out, s); got != n {
					t.Fatalf("%s at %d: %q shown %d times, written %d:\n%s", style, w, s, got, n, out)
				}
			}
			if strings.ContainsFunc(out, func(r rune) bool { return r >= 0xE004 && r < 0xE000+64 }) {
				t.Fatalf("%s at %d: a placeholder shown:\n%s", style, w, out)
			}
			flat := strings.Join(strings.Fields(out), " ")
			for _, n := range []string{"-12.5", "42,300.50", "-3", "-4.5", "1,234."} {
				if !strings.Contains(flat, n) {
					t.Fatalf("%s at %d: %s not shown whole:\n%s", style, w, n, out)
				}
			}
			for k, l := range lines {
				s := strings.TrimSpace(ansi.Strip(l))
				if strings.HasPrefix(s, "Outside") {
					break
				}
				if s != "" && !strings.HasPrefix(s, "│") && !strings.HasPrefix(s, "|") {
					t.Fatalf("%s at %d: line %d %q is outside the quote:\n%s", style, w, k, s, out)
				}
			}
		}
	}
}
