package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// A piece rendered in parts on several cores reads exactly as one
// rendered whole: long pieces made of the bundled archive's bodies, and one
// with the Markdown that must never be cut (fences, lists, quotes, tables,
// reference links).
func TestSplitRenderingEqualsWholeRendering(t *testing.T) {
	a, _ := archive.Load(archive.Bundled())
	var all strings.Builder
	for _, p := range a.Articles {
		all.WriteString(p.Body)
		all.WriteString("\n\n")
	}
	tricky := strings.Repeat(`A paragraph of plain text that goes on for a while, long enough to wrap at
the reader's width and then some more words.

`+"```"+`
code block

with a blank line inside
`+"```"+`

- a list item

- a loose list item

  continued under it

1. first
2. second

> a quote

> another quote

| a | b |
|---|---|
| 1 | 2 |

Heading
=======

Text after a heading, and a [link](https://example.org) in it.

`, 60)
	withRefs := tricky + "Text with a [reference link][r].\n\n[r]: https://example.org/ref\n"
	// Blank lines between plain lines inside blocks a naive fence toggle
	// gets wrong, and HTML that can hold blank lines.
	fences := strings.Repeat("Plain text before the blocks, long enough to be a paragraph of its own.\n\n"+
		"```\ncode\n~~~\nStill code\n\nStill code after a blank\n```\n\n"+
		"````\nouter\n```\nStill outer\n\nStill outer after a blank\n````\n\n"+
		"Text\n\n    indented code\n    ```\n\nText after indented code\n\n```\nreal fence\n\nStill fenced\n```\n\n"+
		"One paragraph.\n\nAnother paragraph.\n\n", 80)
	html := strings.Repeat("Before a comment, plain text.\n\n<!--\nHidden\n\nMore hidden -->\n\nAfter the comment.\n\n"+
		"<pre>\nPre text\n\nMore pre text\n</pre>\n\nAfter the pre.\n\n", 60)
	for name, md := range map[string]string{"bundled": all.String(), "tricky": tricky, "references": withRefs, "fences": fences, "html": html} {
		for _, width := range []int{40, 76, 120} {
			parts := splitMarkdown(md, 2)
			if (name == "bundled" || name == "tricky" || name == "fences") && len(parts) < 2 {
				t.Errorf("%s: not split (%d bytes)", name, len(md))
			}
			whole, err := renderPart(md, width, "dark", &limits{share: 1})
			if err != nil {
				t.Fatal(err)
			}
			split, _, err := renderMarkdown(md, width, "dark")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(whole, split) {
				for i := range min(len(whole), len(split)) {
					if whole[i] != split[i] {
						t.Errorf("%s at width %d: line %d differs:\nwhole %q\nsplit %q", name, width, i, whole[i], split[i])
						break
					}
				}
				t.Errorf("%s at width %d: %d lines whole, %d split", name, width, len(whole), len(split))
			}
		}
	}
}

// No cut inside a fenced block, however its fences look: a tilde line in a
// backtick block, a longer fence around a shorter one, a fence-like line in
// indented code. And a piece with HTML (a comment or <pre> can hold blank
// lines) is never cut.
func TestSplitNeverCutsInsideBlocks(t *testing.T) {
	traps := strings.Repeat("```\ncode\n~~~\nStill code\n\nStill code after a blank\n```\n\n"+
		"````\nouter\n```\nStill outer\n\nStill outer after a blank\n````\n\n"+
		"    indented code\n    ```\n\nText after indented code\n\n```\nreal fence\n\nStill fenced\n```\n\n", 10)
	if cuts := safeCuts(traps); len(cuts) != 0 {
		t.Errorf("cuts inside fenced blocks at %v: %q", cuts, traps[max(0, cuts[0]-40):cuts[0]+20])
	}
	html := strings.Repeat("Plain text.\n\n<!--\nHidden\n\nMore hidden -->\n\nAfter.\n\n", 400)
	if parts := splitMarkdown(html, 2); len(parts) != 1 {
		t.Errorf("a piece with HTML was cut in %d parts", len(parts))
	}
}

// The render path (goldmark parsed once, looked at, then Glamour's ANSI
// renderer) renders ordinary Markdown exactly as Glamour's own TermRenderer
// does given folio's quote bars: the bundled archive and the tricky shapes,
// at both styles, its code highlighted however long that takes.
func TestRenderPathEqualsGlamour(t *testing.T) {
	a, _ := archive.Load(archive.Bundled())
	docs := []string{strings.Repeat("Text with `code`, *emphasis*, **strong**, ~~struck~~ and a [link](https://example.org).\n\n"+
		"```go\nfunc main() { fmt.Println(\"hi\") }\n```\n\n    indented code\n\n> a quote\n> > nested\n\n- a\n  - b\n    1. c\n\n"+
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n# Heading\n\nTerm\n: definition\n\n- [x] done\n\nText[^1].\n\n[^1]: A note.\n\n---\n\n", 3)}
	for _, p := range a.Articles {
		docs = append(docs, p.Body)
	}
	for _, style := range []string{"dark", "ascii"} {
		for i, md := range docs {
			want := glamourRender(t, md, style, 76)
			got, note, err := RenderMarkdown(md, 76, style)
			if err != nil || note != "" {
				t.Fatalf("doc %d: %v, note %q", i, err, note)
			}
			wantLines := strings.Split(strings.Trim(want, "\n"), "\n")
			for k, l := range wantLines {
				wantLines[k] = trimRightCells(l)
			}
			for len(wantLines) > 1 && wantLines[len(wantLines)-1] == "" {
				wantLines = wantLines[:len(wantLines)-1] // no trailing blanks
			}
			if !slices.Equal(got, wantLines) {
				for k := range min(len(got), len(wantLines)) {
					if got[k] != wantLines[k] {
						t.Errorf("%s doc %d: line %d differs:\ngot  %q\nwant %q", style, i, k, got[k], wantLines[k])
						break
					}
				}
				t.Errorf("%s doc %d: %d lines, Glamour %d", style, i, len(got), len(wantLines))
			}
		}
	}
}

// glamourRender is md rendered by Glamour's own TermRenderer at width in
// style, with the quote bars folio gives Glamour (quotebars.go).
func glamourRender(t *testing.T, md, style string, width int) string {
	t.Helper()
	cfg, ok := styleConfig(style)
	if !ok {
		t.Fatalf("%s: no style", style)
	}
	cfg, bars := quoteBars(cfg, freePlaceholders([]byte(md), maxPlaceholders), numberMarks{})
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(*cfg), glamour.WithWordWrap(width))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tr.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return string(bars.restore([]byte(out)))
}

// A piece in a script whose clusters a terminal may count by character
// (Devanagari, in tmux or xterm) is laid out so that no line is wider
// than the column under either count, every word kept (a helper's report:
// a third of the words ran past the screen's edge, never drawn).
func TestReaderLinesFitUnderEitherCount(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	ws := []string{"प्रधानमंत्री", "अर्थव्यवस्था", "क्षेत्र", "स्वास्थ्य", "राष्ट्रीय", "नीति", "सरकार", "विकास"}
	var body strings.Builder
	for i := range 160 {
		fmt.Fprintf(&body, "%s%d ", ws[i%len(ws)], i)
	}
	h := newHarness(t, newFake(archive.Article{ID: "hin", Title: "real", Date: day("2020-01-03"), Body: body.String()}), 100, 40)
	h.key("enter")
	h.requireMatch(`विकास7`)
	col := h.m.reader.key.width
	text := strings.Join(h.m.reader.plain, " ")
	for i, l := range h.m.reader.lines {
		if ansi.StringWidthWc(l) > col || ansi.StringWidth(l) > col {
			t.Errorf("line %d takes %d/%d cells of %d", i, ansi.StringWidth(l), ansi.StringWidthWc(l), col)
		}
	}
	for i := range 160 {
		if w := fmt.Sprintf("%s%d", ws[i%len(ws)], i); !strings.Contains(text, w) {
			t.Errorf("%s is not in the reader's lines", w)
		}
	}
}

// A wide page costs what its text does: Glamour pads every line to the
// width a styled cell at a time, and folio show --width 10000 wrote 280 MB
// for a 30 KB piece of short paragraphs, in 3 minutes (a helper's report).
// Its lines are those of a narrow page, no colour code after the last
// character but one reset.
func TestWideRenderingCostsWhatTheTextDoes(t *testing.T) {
	var md strings.Builder
	for i := range 200 {
		fmt.Fprintf(&md, "Para %d short.\n\n", i)
	}
	for _, style := range []string{"dark", PlainStyle} {
		wide, _, err := RenderMarkdown(md.String(), 2000, style)
		if err != nil {
			t.Fatal(err)
		}
		narrow, _, err := RenderMarkdown(md.String(), 80, style)
		if err != nil {
			t.Fatal(err)
		}
		size := 0
		for _, l := range wide {
			size += len(l)
		}
		if size > 20*md.Len() {
			t.Errorf("%s: %d bytes rendered of %d of Markdown at 2000 columns", style, size, md.Len())
		}
		if !slices.Equal(wide, narrow) {
			t.Errorf("%s: 2000 columns differ from 80:\n%q\n%q", style, wide[:4], narrow[:4])
		}
	}
}

// Rendered at a wide width, a piece reads as Glamour renders it at that
// width less the padding: paragraphs wider than the first try, a table
// that fills the width, a quote, a list, code, a run of spaces.
func TestWideRenderingEqualsGlamour(t *testing.T) {
	long := strings.Repeat("A paragraph that goes on well past the first width tried. ", 12)
	md := long + "\n\n" + "Short one.\n\n" +
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n> a quote " + long + "\n\n- a\n  - b " + long + "\n\n" +
		"```go\nfunc main() { fmt.Println(\"hi\") }\n```\n\n" + "x" + strings.Repeat(" ", 300) + "y\n\n# Heading\n\n---\n\nEnd.\n"
	for _, style := range []string{"dark", "ascii"} {
		for _, width := range []int{100, 300, 1500} {
			want := glamourRender(t, md, style, width)
			got, note, err := RenderMarkdown(md, width, style)
			if err != nil || note != "" {
				t.Fatalf("%v, note %q", err, note)
			}
			wantLines := strings.Split(strings.Trim(want, "\n"), "\n")
			for k, l := range wantLines {
				wantLines[k] = trimRightCells(l)
			}
			for len(wantLines) > 1 && wantLines[len(wantLines)-1] == "" {
				wantLines = wantLines[:len(wantLines)-1]
			}
			if !slices.Equal(got, wantLines) {
				for k := range min(len(got), len(wantLines)) {
					if got[k] != wantLines[k] {
						t.Errorf("%s at %d: line %d differs:\ngot  %q\nwant %q", style, width, k, got[k], wantLines[k])
						break
					}
				}
				t.Errorf("%s at %d: %d lines, Glamour %d", style, width, len(got), len(wantLines))
			}
		}
	}
}

// A line padded with styled spaces keeps its text and one reset.
func TestTrimRightCellsDropsTheStylesOfThePadding(t *testing.T) {
	line := "\x1b[97mtext\x1b[m" + strings.Repeat("\x1b[97m \x1b[m", 50)
	if got := trimRightCells(line); got != "\x1b[97mtext\x1b[m" {
		t.Errorf("got %q", got)
	}
	link := "\x1b[97m" + ansi.SetHyperlink("https://x.org") + "x" + strings.Repeat("\x1b[97m \x1b[m", 5) + ansi.ResetHyperlink()
	if got, want := trimRightCells(link), "\x1b[97m"+ansi.SetHyperlink("https://x.org")+"x\x1b[m"+ansi.ResetHyperlink(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A piece shown as plain text (too large, or too many link reference
// definitions) shows its tabs as a rendered one does: at stops of 8 after
// the leading whitespace, 4 in it (expandTabs, before plainLines), so
// tab-separated columns line up and a tab is never printed.
func TestPlainTextShowsTabsAsRendered(t *testing.T) {
	data := "id\tname\n12345\tAnn\n\tx\ty\n"
	for name, md := range map[string]string{
		"references": strings.Repeat("[a]:b\n", 4500) + "\n" + data,
		"size":       strings.Repeat("word ", maxRenderBytes/5+1) + "\n\n" + data,
	} {
		lines, note, err := RenderMarkdown(md, 80, "dark")
		if err != nil || !strings.Contains(note, "plain text") {
			t.Fatalf("%s: note %q, err %v", name, note, err)
		}
		text := strings.Join(lines, "\n")
		for _, want := range []string{"\n  id      name\n", "\n  12345   Ann\n", "\n      x       y"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in the last lines %q", name, want, lines[max(len(lines)-4, 0):])
			}
		}
		if strings.Contains(text, "\t") {
			t.Errorf("%s: a tab printed", name)
		}
	}
}

// A tab in a line's trailing blanks is no hard line break: goldmark reads
// "a\t\nb" as one line of text, as CommonMark does; spaces for the tab made
// it two (a helper's report). A tab inside the text is still spaces.
func TestTrailingTabIsNoLineBreak(t *testing.T) {
	lines, _, err := RenderMarkdown("A tab at end\t\nnext one\n\nTwo \t\t\nnext two\n\ncol\tumn\n\nThree \t \nnext three\n", 80, "notty")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"A tab at end next one", "Two next two", "col     umn", "Three next three"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in %q", want, text)
		}
	}
}
