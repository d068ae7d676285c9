package ui

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
)

// signed is a minus before a number, after a space, "(", "=", a currency
// sign or the marks of emphasis and code, or an exponent's ("3.2e-12").
var signed = regexp.MustCompile("(^|[\\s\\pZ\\p{Sc}(=*`])-\\.?[0-9]|[0-9][eE]-[0-9]")

// splitSigns says where text, rendered from md, shows fewer minus signs
// before their numbers than md has: a sign left at a line's end, its
// number starting the next.
func splitSigns(md string, lines []string) []string {
	out := ansi.Strip(strings.Join(lines, "\n"))
	if len(signed.FindAllString(out, -1)) >= len(signed.FindAllString(md, -1)) {
		return nil
	}
	var bad []string
	for i := 0; i+1 < len(lines); i++ {
		l := strings.TrimRight(ansi.Strip(lines[i]), " ")
		if strings.HasSuffix(l, "-") {
			bad = append(bad, l+" / "+strings.TrimSpace(ansi.Strip(lines[i+1])))
		}
	}
	return bad
}

// A minus that signs a number never ends a line, at any width, in the
// styled rendering and the plain one, and every character is shown as
// written (a helper's report: the Taft 1910 message at width 80 showed
// "- -" then "21,158,103.50" where the file has "-21,158,103.50"; "fell to
// -" / "12.5 degrees" at width 30). A body already holding the
// placeholder (U+2011, written or as a reference) keeps it. An exponent's
// minus stays too ("3.2e-" / "12" at width 13), and one after a currency
// sign ("$-" / "5,000" at width 15 without the rule: the test's pattern
// did not count it, 41zb).
func TestMinusSignStaysWithItsNumber(t *testing.T) {
	taft, err := os.ReadFile("testdata/signs/1910_william_h_taft_r.md")
	if err != nil {
		t.Fatal(err)
	}
	_, taftBody, _ := strings.Cut(strings.TrimPrefix(string(taft), "---\n"), "\n---\n")
	var crafted strings.Builder
	for i := range 14 {
		crafted.WriteString(strings.Repeat("x", i) + " The temperature fell to -12.5 degrees and the ratio was (-4) and 3-4 and the rate -.5% and e-mail well-known, x=-7 and **-8** and `-9` and moved by $-5,000 in a day, by 3.2e-12 or 1E-5.\n\n")
	}
	crafted.WriteString("- a list item with -1,234.5 in it and more words to wrap about -6\n\n> a quote that ends with -77\n\n# A heading falling to -10 degrees below\n\n")
	held := "A non\u2011breaking hyphen, a &#8209; reference, a fall of -3.5 and again -4 degrees, and the private &#xE000; too.\n"
	docs := map[string]string{"taft": taftBody, "crafted": crafted.String(), "held": held}
	for name, md := range docs {
		wantMinus := strings.Count(md, "-")
		for _, style := range []string{"dark", "notty"} {
			for w := 12; w <= 130; w++ {
				if name == "taft" && w%7 != 0 && w != 80 && w != 120 {
					continue
				}
				lines, _, err := RenderMarkdown(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				if bad := splitSigns(md, lines); len(bad) > 0 {
					t.Fatalf("%s, %s at width %d: a sign left at a line's end: %q", name, style, w, bad)
				}
				out := ansi.Strip(strings.Join(lines, "\n"))
				if name == "held" {
					if strings.Count(out, "\u2011") != 2 || !strings.Contains(out, "\ue000") {
						t.Fatalf("held, %s at width %d: the body's own U+2011 and U+E000 not kept:\n%s", style, w, out)
					}
				} else if strings.ContainsRune(out, '\u2011') {
					t.Fatalf("%s, %s at width %d: the placeholder shown:\n%s", name, style, w, out)
				}
				if name == "taft" {
					if got := strings.Count(out, "-"); got != wantMinus {
						t.Fatalf("taft, %s at width %d: %d hyphen-minus shown, %d written", style, w, got, wantMinus)
					}
					if w >= 30 && !strings.Contains(strings.Join(strings.Fields(out), " "), "- -21,158,103.50 - -21,158,076.50") {
						t.Fatalf("taft, %s at width %d: the negative totals not shown whole", style, w)
					}
				}
			}
		}
		// (a word wider than the line is cut where it ends, as any: plain
		// text wraps at width-4, and "3.2e-12" fits from 11)
		lo := 8
		if name == "crafted" {
			lo = 11
		}
		for w := lo; w <= 90; w++ {
			if bad := splitSigns(md, plainLines(md, w)); len(bad) > 0 {
				t.Fatalf("%s, plain text at width %d: a sign left at a line's end: %q", name, w, bad)
			}
		}
	}
}

// A piece's title, standfirst and note, above its body and wrapped by Lip
// Gloss, keep a minus signing a number with it as the body does ("fell to
// -" / "12.5 percent" at width 41), styled as before: the title bold and
// coloured, the standfirst italic.
func TestHeaderKeepsSignsWithNumbers(t *testing.T) {
	a := archive.Article{
		Title:      "Exports fell to -12.5 percent in 2017 as the war went on",
		Standfirst: "Imports fell to -3.25 percent and the balance to -7 billion over the year",
		Note:       "Check the -12.5 figure against the -3.25 one in the tables of the annex",
	}
	md := a.Title + "\n" + a.Standfirst + "\n" + a.Note
	split := 0
	for _, st := range []Styles{NewStyles(true, false), NewStyles(true, true)} {
		for width := 16; width <= 90; width++ {
			lines, _ := composePiece(a, nil, relatedNote{}, nil, nil, width, st)
			if bad := splitSigns(md, lines); len(bad) > 0 {
				t.Fatalf("width %d: a sign left at a line's end: %q", width, bad)
			}
			out := ansi.Strip(strings.Join(lines, "\n"))
			if got := strings.Count(out, "-"); got != strings.Count(md, "-") {
				t.Fatalf("width %d: %d minus shown, %d written:\n%s", width, got, strings.Count(md, "-"), out)
			}
			if strings.ContainsRune(out, '\u2011') {
				t.Fatalf("width %d: the placeholder shown:\n%s", width, out)
			}
			if !st.NoColor {
				title := st.ReaderTitle.Render("Exports")
				if !strings.Contains(strings.Join(lines, "\n"), title[:strings.Index(title, "Exports")]+"Exports") {
					t.Fatalf("width %d: the title not styled: %q", width, lines[:3])
				}
			}
			// without the rule the words would split here: the test sees it
			plain := ansi.Wrap(a.Title, max(width-4, 1), "")
			if strings.Contains(plain, "-\n") {
				split++
			}
		}
	}
	if split == 0 {
		t.Fatal("no width tried ends a plain wrap of the title with its sign")
	}
}

// A number's comma or full stop never ends a line of a list item or a
// quote, which Glamour wraps again at " ,.;-+|" (41f, 41i: "42," over
// "300.50" at width 30, "66." over "8" at 33, with a hard break before
// them or not), and every character is shown as written; at widths where
// the number fits.
func TestNumbersStayWholeInListsAndQuotes(t *testing.T) {
	para := "the total came to 42,300.50 dollars in the year and 66.8 percent of it went west, 1,234,567.89 and 3.14159 again and again"
	docs := []string{
		"- First line of the item  \n  then " + para + "\n\n> Quote line  \n> " + para + "\n",
		"- First line of the item then " + para + "\n\n> Quote line " + para + "\n",
		"1. An item\\\n   " + para + "\n   - nested " + para + "\n\n> > nested quote " + para + "\n",
		"A paragraph, 1.5 and 2,5 and a fall to -3.5, in the text: " + para + "\n\n- " + para + "\n",
	}
	split := regexp.MustCompile(`[0-9][,.]$`)
	for i, md := range docs {
		for _, style := range []string{"dark", "notty"} {
			for w := 24; w <= 130; w++ { // the longest number fits in an item of a nested list
				lines, _, err := RenderMarkdown(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				for k := 0; k+1 < len(lines); k++ {
					l := strings.TrimRight(ansi.Strip(lines[k]), " ")
					next := strings.TrimLeft(ansi.Strip(lines[k+1]), " │|┃>")
					if split.MatchString(l) && next != "" && next[0] >= '0' && next[0] <= '9' {
						t.Fatalf("doc %d, %s at width %d: a number cut: %q / %q", i, style, w, l, next)
					}
				}
				out := ansi.Strip(strings.Join(lines, "\n"))
				if strings.ContainsAny(out, "\u2011\ue000\ue001\ue002") {
					t.Fatalf("doc %d, %s at width %d: a placeholder shown:\n%s", i, style, w, out)
				}
				flat := strings.Join(strings.Fields(out), " ")
				for _, n := range []string{"42,300.50", "66.8", "1,234,567.89", "3.14159"} {
					if strings.Count(flat, n) != strings.Count(md, n) {
						t.Fatalf("doc %d, %s at width %d: %s shown %d times, written %d:\n%s", i, style, w, n, strings.Count(flat, n), strings.Count(md, n), out)
					}
				}
			}
		}
	}
}
