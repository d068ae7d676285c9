package ui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/state"
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

// A word of a cell is read in the cell, not in the list of links under
// the table: a link's text cut in its cell, "Supercalifragilisticexpia"
// over "lidocious[1]", showed whole in "[1]: Supercalifragilistic…" and
// the table was kept (46d); so was the table of "show --width 40" once
// its list showed a URL once, "https://example.org/repor" over "t[1]".
// Both are shown as rows.
func TestTableWordCutInItsLink(t *testing.T) {
	for _, md := range []string{
		"| Source | Link |\n|---|---|\n| Report | [Supercalifragilisticexpialidocious](https://x.org/s) |\n",
		"| Source | Link |\n|---|---|\n| Report | [https://example.org/report](https://example.org/report) |\n| Other | <https://example.org/other> |\n",
	} {
		for _, style := range []string{PlainStyle, "dark"} {
			lines, _, err := RenderMarkdown(md, 40, style)
			if err != nil {
				t.Fatal(err)
			}
			shown := ansi.Strip(strings.Join(lines, "\n"))
			if !strings.Contains(shown, "Source: Report") || strings.Contains(shown, "[1]") {
				t.Errorf("%s: not shown as rows:\n%s", style, shown)
			}
		}
	}
}

// manyTables is a piece of n tables, two in three narrow enough for 80
// columns and one in three the six columns of testdata's table2, each
// between two paragraphs.
func manyTables(tb testing.TB, n int) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/tables/table2.md")
	if err != nil {
		tb.Fatal(err)
	}
	_, wide, _ := strings.Cut(strings.TrimPrefix(string(b), "---\n"), "\n---\n")
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "Paragraph %d before the table, with words enough to wrap at a narrow width of the reader's column.\n\n", i)
		if i%3 == 2 {
			sb.WriteString(strings.TrimSpace(wide) + "\n\n")
		} else {
			fmt.Fprintf(&sb, "| Item %d | Amount | Note |\n|---|---:|---|\n| Widget | 1,234.56 | [a link](https://example.org/%d) |\n| Gadget | -12.5 | `code` and *emphasis* |\n\n", i, i)
		}
		sb.WriteString("A paragraph after it.\n\n")
	}
	return sb.String()
}

// BenchmarkRenderTables renders a piece of 60 tables at the reader's
// width and at 10,000 columns (show --width 10000).
//
//	go test ./ui -run '^$' -bench RenderTables -benchtime 3x
func BenchmarkRenderTables(b *testing.B) {
	md := manyTables(b, 60)
	for _, w := range []int{100, 10000} {
		b.Run(fmt.Sprint(w), func(b *testing.B) {
			for range b.N {
				if _, _, err := RenderMarkdown(md, w, "dark"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
		})
	}
}

// tableShapes are tables of each shape the renderer tells apart: narrow,
// too wide for 128 columns, with links (listed under the table), code, an
// empty row, a cell of two lines, one column, headers alone, a wide one
// that fits and one of long words that never does.
var tableShapes = []string{
	"| Item | Amount |\n|---|---:|\n| Widget | 1,234.56 |\n| Gadget | -12.5 |",
	"| Country | Population (millions) | GDP per capita (USD) | Unemployment rate (%) | Inflation (% y/y) | Year |\n|---|---:|---:|---:|---:|---|\n| United Kingdom | 66.8 | 42,300.50 | 3.8 | −0.4 | 2019 |\n| [France](https://en.wikipedia.org/wiki/France) | 67.0 | 40,493.90 | 8.5 | 1.1 | 2019 |",
	"| a | b |\n|---|---|\n| [one](https://example.org/1) | [two](https://example.org/2) ![img](https://example.org/i.png) |",
	"| a | b |\n|:-:|---|\n| `code` | *em* **strong** |\n|  |  |\n| x | y |",
	"| a | b |\n|---|---|\n| line one<br>line two | z |",
	"| one column |\n|---|\n| a cell |",
	"| only | headers |\n|---|---|",
	"| " + strings.Repeat("word ", 30) + "| b |\n|---|---|\n| 1 | 2 |",
	"| supercalifragilisticexpialidocious | antidisestablishmentarianism | pneumonoultramicroscopic | floccinaucinihilipilification | hippopotomonstrosesquippedaliophobia |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |",
}

// A table kept as one reads as before it was asked at a narrow width
// first and the blocks with it were rendered at width directly: the lines
// are those of the piece rendered whole, each table asked at width, for
// every shape of table among other blocks, at widths past the first wrap.
func TestTablesAmongBlocksAsRenderedWhole(t *testing.T) {
	neighbours := []string{"Short para.", "# A heading", "- a list\n- of two", "> a quote", "```\ncode\n```", "<a name=\"x\"></a>", "---", "Term\n: definition"}
	var md strings.Builder
	for i, tbl := range tableShapes {
		for j := range 3 {
			md.WriteString(neighbours[(i*3+j)%len(neighbours)] + "\n\n")
			md.WriteString(tbl + "\n\n")
		}
		md.WriteString("Short para.\n\nAnother paragraph.\n\n")
	}
	for _, style := range []string{"dark", "notty", PlainStyle} {
		for _, w := range []int{129, 150, 300, 1200} {
			got, _, err := RenderMarkdown(md.String(), w, style)
			if err != nil {
				t.Fatal(err)
			}
			wholeWraps = true
			want, _, err := RenderMarkdown(md.String(), w, style)
			wholeWraps = false
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%s at %d: line %d %q, rendered whole %q", style, w, i, got[i], want[i])
					}
				}
				t.Fatalf("%s at %d: %d lines, rendered whole %d", style, w, len(got), len(want))
			}
		}
	}
}

// A piece of tables at a wide width is not rendered at every wrap from
// the first up: each table was rendered alone at width to know whether
// it shows all, then with its neighbours at 128, 256, … and width (60
// tables at 10,000 columns: 32–36 s on a loaded machine, 25.6 million
// cells padded). Now a table that shows all at 128 unwrapped is not
// rendered at width alone, and the blocks with a table are rendered at
// width directly: 7.6 million cells.
func TestTablesRenderedOnceWide(t *testing.T) {
	var cells atomic.Int64
	renderedCells = func(n int) { cells.Add(int64(n)) }
	defer func() { renderedCells = nil }()
	md := manyTables(t, 6)
	const width = 4000
	// the cells a table padded rendered once at width: a line each and
	// the blank lines around it
	once := int64(0)
	for _, block := range strings.Split(md, "\n\n") {
		if !strings.HasPrefix(block, "|") {
			continue
		}
		lines, _, err := RenderMarkdown(block, width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		once += int64((len(lines) + 2) * width)
	}
	cells.Store(0)
	if _, _, err := RenderMarkdown(md, width, "dark"); err != nil {
		t.Fatal(err)
	}
	if got := cells.Load(); got > once*3/2 {
		t.Errorf("%d cells padded; the tables once at width %d", got, once)
	}
	t.Logf("%d cells padded; the tables once at width %d", cells.Load(), once)
}

// tableOfLinks is a table of each kind of link a cell holds, which is
// shown as a table at 80 columns and as rows at 40.
const tableOfLinks = "Before.\n\n| Source | Link |\n|---|---|\n" +
	"| Report | [https://example.org/report](https://example.org/report) |\n" +
	"| Other | <https://example.org/other> |\n" +
	"| Named | [the report](https://example.org/r2 \"A title\") |\n" +
	"| Rel | [rel](../x.md) |\n" +
	"| Img | ![alt text](https://example.org/i.png) |\n\n" +
	"After. See [https://example.org/report](https://example.org/report) and <https://example.org/x>.\n"

// A table shown as rows shows a link whose text is its URL once, as a
// paragraph does: "Link: https://example.org/report" then the URL again on
// a line of its own (a helper's report, 46d); a link of other text shows
// the text and the URL, once each, an image its text and URL.
func TestTableRowsShowLinkOnce(t *testing.T) {
	for _, style := range []string{PlainStyle, "dark"} {
		lines, _, err := RenderMarkdown(tableOfLinks, 40, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		shown := ansi.Strip(raw)
		rows, _, _ := strings.Cut(shown, "After.")
		if !strings.Contains(rows, "Link: https://example.org/report") {
			t.Fatalf("%s: not shown as rows:\n%s", style, shown)
		}
		for url, n := range map[string]int{"https://example.org/report": 1, "https://example.org/other": 1, "https://example.org/r2": 1, "https://example.org/i.png": 1, "/x.md": 1} {
			if got := strings.Count(rows, url); got != n {
				t.Errorf("%s: %s shown %d times in the rows, want %d:\n%s", style, url, got, n, rows)
			}
		}
		for _, want := range []string{"Link: the report\n  https://example.org/r2", "Link: rel /x.md", "alt text"} {
			if !strings.Contains(rows, want) {
				t.Errorf("%s: %q not in the rows:\n%s", style, want, rows)
			}
		}
		if !strings.Contains(raw, ";https://example.org/report\a") {
			t.Errorf("%s: the link is no hyperlink: %q", style, raw)
		}
	}
}

// An autolink in a table shows its URL, as a paragraph does: Glamour
// showed <https://example.org/other> as "example.org[2]" (a helper's
// report, 46d), a GitHub issue's URL as "owner/repo#12", and an e-mail
// address or a URL without a scheme as its number alone. Shown as rows,
// the table shows each as a paragraph does (the address without
// "mailto:"); a passage across the table is found as shown and without
// the numbers (ShownOf's markers).
func TestTableAutoLinksShowTheirURL(t *testing.T) {
	md := "Before.\n\n| Source | Link |\n|---|---|\n" +
		"| Other | <https://example.org/other> |\n" +
		"| Www | www.example.net/p |\n" +
		"| Mail | <me@example.org> |\n" +
		"| GH | https://github.com/owner/repo/issues/12 |\n\n" +
		"After.\n"
	cells := []string{"https://example.org/other[1]", "www.example.net/p[2]", "me@example.org[3]", "https://github.com/owner/repo/issues/12[4]"}
	for _, style := range []string{PlainStyle, "dark"} {
		lines, _, err := RenderMarkdown(md, 120, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		shown := ansi.Strip(raw)
		for _, want := range cells {
			if !strings.Contains(shown, want) {
				t.Errorf("%s: %q not shown:\n%s", style, want, shown)
			}
		}
		if strings.Contains(shown, " example.org[") || strings.Contains(shown, "owner/repo#") {
			t.Errorf("%s: a host for the URL:\n%s", style, shown)
		}
		for _, link := range []string{";https://example.org/other\a", ";http://www.example.net/p\a", ";mailto:me@example.org\a"} {
			if !strings.Contains(raw, link) {
				t.Errorf("%s: no hyperlink %q: %q", style, link, raw)
			}
		}
		if style != PlainStyle {
			continue
		}
		prepared := state.NewTextAsRead(shown, func() state.Shown { return ShownOf(md) })
		for _, p := range []string{"Other | https://example.org/other[1]", "Other | https://example.org/other\n Www", "Mail | me@example.org"} {
			if _, _, ok := prepared.Find(p); !ok {
				t.Errorf("%q not found:\n%s", p, shown)
			}
		}
	}
	lines, _, err := RenderMarkdown(md, 40, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	shown := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{"Link: https://example.org/other\n", "Link: www.example.net/p\n", "Link: me@example.org\n"} {
		if !strings.Contains(shown, want) {
			t.Errorf("rows: %q not shown:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "mailto:") || strings.Count(shown, "https://example.org/other") != 1 {
		t.Errorf("rows: an autolink not shown as in a paragraph:\n%s", shown)
	}
}

// The list under a table shows a link shown as its URL once, hyperlinked,
// as a paragraph does: "[1]: https://example.org/report" where Glamour
// showed "[1]: https://example.org/report https://example.org/report" (a
// helper's report, 46d), the second cut with "…" where the line had no
// room for both (and the table, read as cut there, shown as rows); an
// e-mail address without "mailto:". A link of other text, a relative one
// and an image are listed as before: text, then URL.
func TestTableListShowsURLOnce(t *testing.T) {
	long := "https://example.org/a/rather/long/path/to/other/page/here"
	md := tableOfLinks + "\n| S | L |\n|---|---|\n| M | <me@example.org> |\n| L | [" + long + "](" + long + ") |\n"
	want := []string{
		"[1]: https://example.org/report", "[2]: https://example.org/other", "[3]: the report https://example.org/r2",
		"[4]: rel ../x.md", "[1]: Image: alt text → https://example.org/i.png",
		"[1]: me@example.org", "[2]: " + long,
	}
	for _, style := range []string{PlainStyle, "dark"} {
		lines, _, err := RenderMarkdown(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		shown := ansi.Strip(strings.Join(lines, "\n"))
		if !strings.Contains(shown, "https://example.org/report[1]") {
			t.Fatalf("%s: not shown as a table:\n%s", style, shown)
		}
		var listed []string
		for i, l := range lines {
			s := strings.TrimSpace(ansi.Strip(l))
			if !strings.HasPrefix(s, "[") {
				continue
			}
			listed = append(listed, s)
			// the URL a hyperlink
			url := s[strings.LastIndexByte(s, ' ')+1:]
			if url == "me@example.org" {
				url = "mailto:" + url
			}
			if !strings.Contains(l, ";"+url+"\a") {
				t.Errorf("%s: line %d no hyperlink to %s: %q", style, i, url, l)
			}
		}
		if !slices.Equal(listed, want) {
			t.Errorf("%s: listed\n%q\nwant\n%q", style, listed, want)
		}
		// a passage across the table and its list is found as shown and
		// without the numbers
		prepared := state.NewTextAsRead(shown, func() state.Shown { return ShownOf(md) })
		for _, p := range []string{
			"Report | https://example.org/report Other | https://example.org/other Named | the report",
			"Report | https://example.org/report[1]", "[1]: https://example.org/report [2]: https://example.org/other [3]: the report",
		} {
			if style == PlainStyle {
				if _, _, ok := prepared.Find(p); !ok {
					t.Errorf("%q not found:\n%s", p, shown)
				}
			}
		}
	}
}

// A link's destination is the URL it opens, its references and backslash
// escapes decoded (CommonMark): "[https://a.example/?x=1&amp;y=2](…&amp;…)"
// and "[https://c.example/?x=1&y=2](…&amp;…)" are links whose text is their
// URL, shown once, "https://a.example/?x=1&y=2", in a paragraph, a table's
// cell and list and a table shown as rows, and hyperlinked to that URL
// (Glamour showed and opened the destination as written: "[1]:
// https://a.example/?x=1&amp;y=2 https://a.example/?x=1&amp;y=2"); a link
// of other text shows its text and that URL.
func TestLinkDestinationIsDecoded(t *testing.T) {
	a, c := "https://a.example/?x=1&y=2", "https://c.example/?x=1&y=2"
	table := "| S | L |\n|---|---|\n" +
		"| A | [https://a.example/?x=1&amp;y=2](https://a.example/?x=1&amp;y=2) |\n" +
		"| C | [https://c.example/?x=1&y=2](https://c.example/?x=1&#38;y=2) |\n" +
		"| R | [the report](https://r.example/?a=1&amp;b=2\\_c) |\n"
	para := "See [https://a.example/?x=1&amp;y=2](https://a.example/?x=1&amp;y=2), " +
		"[https://c.example/?x=1&y=2](https://c.example/?x=1&#38;y=2) and [the report](https://r.example/?a=1&amp;b=2\\_c).\n"
	// a header too long for a column at 40: rows
	rows := strings.Replace(table, "| S |", "| Supercalifragilisticexpialidocious |", 1)
	for _, style := range []string{PlainStyle, "dark"} {
		for _, w := range []int{40, 80, 120} {
			for _, md := range []string{table + "\n" + para, rows} {
				lines, _, err := RenderMarkdown(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				raw := strings.Join(lines, "\n")
				shown := ansi.Strip(raw)
				asRows := strings.Contains(shown, "L: ")
				if md == rows && w == 40 && !asRows || md != rows && w > 40 && asRows {
					t.Fatalf("%s %d: rows %v:\n%s", style, w, asRows, shown)
				}
				if strings.Contains(shown, "&amp;") || strings.Contains(shown, "&#38;") || strings.Contains(shown, `\_`) {
					t.Errorf("%s %d: a destination as written:\n%s", style, w, shown)
				}
				places := 1 // a table's cell, or a row's line
				if !asRows {
					places++ // and its list
				}
				if md != rows {
					places++ // the paragraph
				}
				for _, u := range []string{a, c} {
					if n := strings.Count(shown, u); n != places {
						t.Errorf("%s %d: %s shown %d times, want %d:\n%s", style, w, u, n, places, shown)
					}
					if !strings.Contains(raw, ";"+u+"\a") {
						t.Errorf("%s %d: no hyperlink to %s: %q", style, w, u, raw)
					}
				}
				if !strings.Contains(raw, ";https://r.example/?a=1&b=2_c\a") || !strings.Contains(shown, "https://r.example/?a=1&b=2_c") {
					t.Errorf("%s %d: the report's URL as written:\n%s", style, w, shown)
				}
				if !asRows {
					for _, e := range []string{"[1]: " + a, "[2]: " + c, "[3]: the report https://r.example/?a=1&b=2_c"} {
						if !slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == e }) {
							t.Errorf("%s %d: no entry %q:\n%s", style, w, e, shown)
						}
					}
				}
			}
		}
	}
	links := ShownOf(para).Links
	if !slices.Contains(links, state.Link{Text: "the report", URL: "https://r.example/?a=1&b=2_c"}) || len(links) != 1 {
		t.Errorf("ShownOf: %q", links)
	}
}

// A link, an autolink or an image right before letters in a cell keeps its
// table a table: Glamour shows its number between them
// ("https://e.org/r[1]ed"), each word whole, which tableShowsAll read as
// "https://e.org/red" cut (its cell's text read without the number) and
// showed as rows; a link whose word is joined shows it whole before its
// number ("catalog[3]"). Shown as rows, they are set apart as in a
// paragraph ("https://e.org/r ed").
func TestTableLinkBeforeLettersStaysATable(t *testing.T) {
	md := "| S | L |\n|---|---|\n" +
		"| A | [https://e.org/r](https://e.org/r)ed |\n" +
		"| B | <https://e.org/q>ed |\n" +
		"| C | the [cat](https://e.org/c)alog here |\n" +
		"| D | ![cat](https://e.org/i.png)alog |\n"
	for _, style := range []string{PlainStyle, "dark"} {
		for _, w := range []int{80, 120} {
			lines, _, err := RenderMarkdown(md, w, style)
			if err != nil {
				t.Fatal(err)
			}
			shown := ansi.Strip(strings.Join(lines, "\n"))
			for _, want := range []string{"https://e.org/r[1]ed", "https://e.org/q[2]ed", "the catalog[3] here", "cat[1]alog",
				"[1]: https://e.org/r\n", "[2]: https://e.org/q\n", "[3]: catalog https://e.org/c\n"} {
				if !strings.Contains(shown, want) {
					t.Errorf("%s %d: %q not shown:\n%s", style, w, want, shown)
				}
			}
		}
	}
	rows := strings.Replace(md, "| S |", "| Supercalifragilisticexpialidocious |", 1)
	lines, _, err := RenderMarkdown(rows, 40, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	shown := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{"L: https://e.org/r ed\n", "L: https://e.org/q ed\n", "L: the catalog https://e.org/c here\n"} {
		if !strings.Contains(shown, want) {
			t.Errorf("rows: %q not shown:\n%s", want, shown)
		}
	}
}

// An entry of the list under a table of a link whose text is its URL shows
// the URL once, whole and hyperlinked, where Glamour wrapped the entry
// (its text wider than the line: "[1]: https://e." over
// "example/ppppppppppppp", the URL broken where its word wrap found a
// break, with no hyperlink) or left no room for the URL after it (the text
// alone, no hyperlink): the URL goes on at the margin, a line filled
// before the next starts, as a paragraph's long URL.
func TestTableListEntryWrappedShowsURLOnce(t *testing.T) {
	for _, style := range []string{PlainStyle, "dark"} {
		for _, w := range []int{40, 80, 120} {
			wrapped := 0
			for n := w - 12; n <= w-7; n++ {
				u := "https://e.example/" + strings.Repeat("p", n-len("https://e.example/"))
				lines, _, err := RenderMarkdown("| L |\n|---|\n| ["+u+"]("+u+") |\n", w, style)
				if err != nil {
					t.Fatal(err)
				}
				shown := ansi.Strip(strings.Join(lines, "\n"))
				if strings.Contains(shown, "L: ") {
					t.Fatalf("%s %d: not a table:\n%s", style, w, shown)
				}
				k := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(strings.TrimSpace(ansi.Strip(l)), "[1]:") })
				if k < 0 {
					t.Fatalf("%s %d: no list:\n%s", style, w, shown)
				}
				var entry string
				list := lines[k:]
				for i, l := range list {
					entry += strings.TrimSpace(ansi.Strip(l))
					// the URL shown in its hyperlink
					_, in, _ := strings.Cut(l, ";"+u+"\a")
					if in, _, _ = strings.Cut(in, "\x1b]8;;"); ansi.Strip(in) == "" {
						t.Errorf("%s %d, %d: line %d of the entry no hyperlink: %q", style, w, n, i, l)
					}
					if c := ansi.StringWidth(l); c > w-2 || i == 0 && len(list) > 1 && c != w-2 {
						t.Errorf("%s %d, %d: line %d of the entry %d cells wide:\n%s", style, w, n, i, c, shown)
					}
				}
				if entry != "[1]: "+u {
					t.Errorf("%s %d, %d: entry %q:\n%s", style, w, n, entry, shown)
				}
				if len(list) > 1 {
					wrapped++
				}
			}
			if wrapped == 0 {
				t.Errorf("%s %d: no entry wrapped", style, w)
			}
		}
	}
}

// A link's text in a table shows its character references decoded, as a
// paragraph shows them and CommonMark says: Glamour (v2.0.1) shows a
// table's link text as written, "[AT&amp;T](u)" as "AT&amp;T[1]" in its
// cell and "[1]: AT&amp;T u" in the list (a helper's report, 47c), and a
// word joined after a link with it ("[cat](u)&#97;log": "cat&#97;log[2]").
// An autolink and a code span stay as written, as CommonMark has them. A
// reference to a new line or a tab shows as a space, in the cell, the
// list and a table shown as rows (where "&#10;" broke the row's line).
func TestTableLinkTextIsDecoded(t *testing.T) {
	table := "| S | L |\n|---|---|\n" +
		"| A | [AT&amp;T](https://e.org/u) |\n" +
		"| B | the [cat](https://e.org/c)&#97;log here |\n" +
		"| C | [caf&eacute; *cr&egrave;me*](https://e.org/f) |\n" +
		"| D | [a&#10;b&Tab;c](https://e.org/n) |\n" +
		"| E | <https://e.org/?a=1&amp;b=2> |\n" +
		"| F | `x&amp;y` [`k&amp;v`](https://e.org/k) |\n"
	// a header too long for a column at 40: rows
	rows := strings.Replace(table, "| S |", "| Supercalifragilisticexpialidocious |", 1)
	for _, style := range []string{PlainStyle, "dark"} {
		for _, w := range []int{40, 80, 120} {
			for _, md := range []string{table, rows} {
				if md == table && w == 40 {
					continue
				}
				lines, _, err := RenderMarkdown(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				shown := ansi.Strip(strings.Join(lines, "\n"))
				asRows := strings.Contains(shown, "L: ")
				if asRows != (md == rows && w == 40) {
					t.Fatalf("%s %d: rows %v:\n%s", style, w, asRows, shown)
				}
				for _, l := range lines {
					if strings.ContainsFunc(ansi.Strip(l), unicode.IsControl) {
						t.Errorf("%s %d: a control character shown: %q", style, w, l)
					}
				}
				if strings.Contains(shown, "AT&amp;T") || strings.Contains(shown, "&#97;") || strings.Contains(shown, "&eacute;") || strings.Contains(shown, "&#10;") {
					t.Errorf("%s %d: a link's text as written:\n%s", style, w, shown)
				}
				want := []string{"AT&T[1]", "the catalog[2] here", "café crème[3]", "a b c[4]",
					"https://e.org/?a=1&amp;b=2[5]", "x&amp;y", "k&amp;v[6]",
					"[1]: AT&T https://e.org/u", "[2]: catalog https://e.org/c", "[3]: café crème https://e.org/f",
					"[4]: a b c https://e.org/n", "[5]: https://e.org/?a=1&amp;b=2", "[6]: k&amp;v https://e.org/k"}
				if asRows {
					want = []string{"L: AT&T https://e.org/u", "L: the catalog https://e.org/c here",
						"L: café crème https://e.org/f", "L: a b c https://e.org/n",
						"L: https://e.org/?a=1&amp;b=2", "x&amp;y", "k&amp;v"}
				}
				for _, s := range want {
					if !strings.Contains(shown, s) {
						t.Errorf("%s %d: %q not shown:\n%s", style, w, s, shown)
					}
				}
			}
		}
	}
	if ms := ShownOf(table).Markers; !slices.Contains(ms, state.Marker{Before: "AT&T", Label: "1"}) || !slices.Contains(ms, state.Marker{Before: "catalog", Label: "2"}) {
		t.Errorf("ShownOf: %q", ms)
	}
}

// An image's text shows its character references decoded, as CommonMark
// makes its alt text: Glamour (v2.0.1) shows it as written, in a
// paragraph ("![AT&amp;T logo](u)": "Image: AT&amp;T logo → u"), in a
// table's cell and its list, and in a table shown as rows. A code span in
// it stays as written; a new line is a space.
func TestImageTextIsDecoded(t *testing.T) {
	table := "| S | L |\n|---|---|\n" +
		"| A | ![AT&amp;T logo](https://e.org/a.png) |\n" +
		"| B | ![caf&eacute;&#10;menu](https://e.org/b.png) |\n" +
		"| C | ![`x&amp;y`](https://e.org/c.png) |\n"
	para := "![AT&amp;T logo](https://e.org/a.png)\n\n![caf&eacute;&#10;menu](https://e.org/b.png)\n\n![`x&amp;y`](https://e.org/c.png)\n"
	// a header too long for a column at 40: rows
	rows := strings.Replace(table, "| S |", "| Supercalifragilisticexpialidocious |", 1)
	for _, style := range []string{PlainStyle, "dark"} {
		for _, w := range []int{40, 80, 120} {
			for _, md := range []string{table, rows, para} {
				if md == table && w == 40 {
					continue
				}
				lines, _, err := RenderMarkdown(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				shown := ansi.Strip(strings.Join(lines, "\n"))
				asRows := strings.Contains(shown, "L: ")
				if asRows != (md == rows && w == 40) {
					t.Fatalf("%s %d: rows %v:\n%s", style, w, asRows, shown)
				}
				for _, l := range lines {
					if strings.ContainsFunc(ansi.Strip(l), unicode.IsControl) {
						t.Errorf("%s %d: a control character shown: %q", style, w, l)
					}
				}
				if strings.Contains(shown, "AT&amp;T") || strings.Contains(shown, "&eacute;") || strings.Contains(shown, "&#10;") {
					t.Errorf("%s %d: an image's text as written:\n%s", style, w, shown)
				}
				want := []string{"AT&T logo[1]", "café menu[2]", "x&amp;y[3]",
					"[1]: Image: AT&T logo → https://e.org/a.png", "[2]: Image: café menu → https://e.org/b.png",
					"[3]: Image: x&amp;y → https://e.org/c.png"}
				if md != table {
					want = []string{"AT&T logo → https://e.org/a.png", "café menu → https://e.org/b.png", "x&amp;y → https://e.org/c.png"}
				}
				// a row's line wraps at 40: read in words
				words := strings.Join(strings.Fields(shown), " ")
				for _, s := range want {
					if !strings.Contains(words, s) {
						t.Errorf("%s %d: %q not shown:\n%s", style, w, s, shown)
					}
				}
				if !strings.Contains(shown, "café menu") {
					t.Errorf("%s %d: an image's text broken:\n%s", style, w, shown)
				}
			}
		}
	}
}

// A character reference to a backslash is a literal backslash (CommonMark):
// Glamour decoded "&#92;[2&#92;]" and then read "\[" as an escape, showing
// "[2]", so a table of it was shown as rows ("[2\]"), and a paragraph
// lost its backslashes. A table of it stays a table showing "\[2\]"; as
// rows (a table too wide) and in a paragraph it shows so too.
func TestTableBackslashReferenceStaysATable(t *testing.T) {
	md := "| Ref | Note |\n|---|---|\n| &#92;[2&#92;] | see &#x5C;* and &bsol;) |\n"
	for _, style := range []string{PlainStyle, "dark"} {
		lines, _, err := RenderMarkdown(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		shown := ansi.Strip(strings.Join(lines, "\n"))
		if !strings.Contains(shown, `\[2\]`) || !strings.Contains(shown, `see \* and \)`) || strings.Contains(shown, "Ref:") || !strings.Contains(shown, "-|-") && !strings.Contains(shown, "─┼─") {
			t.Errorf("%s: not a table showing the backslashes:\n%s", style, shown)
		}
	}
	wide := strings.Replace(md, "| Ref |", "| Supercalifragilisticexpialidocious |", 1)
	lines, _, err := RenderMarkdown(wide+"\n&#92;[3&#92;] and &#920; &amp;#92;\n", 30, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	shown := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{`idocious: \[2\]`, `Note: see \* and \)`, `\[3\] and Θ &#92;`} {
		if !strings.Contains(shown, want) {
			t.Errorf("%q not shown:\n%s", want, shown)
		}
	}
}

// A cell's own "…" does not hide a cut elsewhere: Glamour cut the header
// "Population figures" to "Population …" at width 33 (to "Population
// fig…" at 40), its words read whole in the cell "Population figures…",
// and the table was kept, as any "…" was taken for the cell's. It is shown
// as rows, every word whole.
func TestTableCutBehindACellsEllipsis(t *testing.T) {
	md := "| Population figures | Notes |\n|---|---|\n| 12 | Population figures… grew and grew over the years in the town |\n"
	for _, style := range []string{PlainStyle, "dark"} {
		for w := 30; w <= 44; w++ {
			lines, _, err := RenderMarkdown(md, w, style)
			if err != nil {
				t.Fatal(err)
			}
			shown := ansi.Strip(strings.Join(lines, "\n"))
			if n := strings.Count(shown, "…"); n != 1 || !strings.Contains(shown, "Population figures") {
				t.Fatalf("%s at width %d: %d \"…\", want the cell's alone:\n%s", style, w, n, shown)
			}
		}
	}
	// a table that shows all keeps its cell's "…"
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	if shown := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(shown, "-|-") || !strings.Contains(shown, "Population figures…") {
		t.Errorf("not kept a table at 80:\n%s", shown)
	}
}

// listedOnce rewrites no line of a code block: in a list item Glamour
// writes a paragraph right under a code block, and a code line "[1]:
// https://e.org/r" over a paragraph "https://e.org/r" (hyperlinked) read
// as the entry of a table's link whose text is its URL, and was made one
// line, the paragraph's URL gone.
func TestTableListLeavesCodeBlocks(t *testing.T) {
	tbl := "| S | L |\n|---|---|\n| A | <https://e.org/r> |\n"
	for _, item := range []string{
		"1. ```\n   [1]: https://e.org/r\n   ```\n   https://e.org/r\n",
		"- ```\n  [1]: https://e.org/r\n  ```\n  <https://e.org/r>\n",
	} {
		for _, style := range []string{PlainStyle, "dark"} {
			alone, _, err := RenderMarkdown(item, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			lines, _, err := RenderMarkdown(tbl+"\n"+item, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			want := ansi.Strip(strings.Join(alone, "\n"))
			shown := ansi.Strip(strings.Join(lines, "\n"))
			if strings.Count(want, "https://e.org/r") != 2 || !strings.HasSuffix(shown, want) {
				t.Errorf("%s: the list item changed under the table:\n%s\nwant it as alone:\n%s", style, shown, want)
			}
			if !strings.Contains(shown, "[1]: https://e.org/r\n") {
				t.Errorf("%s: the table's entry not shown once:\n%s", style, shown)
			}
		}
	}
}
