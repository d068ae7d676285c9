package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// One long paragraph among short ones no longer has the whole piece
// rendered at the width asked for: show --width 10000 of 2,000 short
// paragraphs and one long one took 43 s and 520 MB (Glamour pads each
// line to the wrap), 1.4 s without the long one. The short paragraphs are
// rendered at a narrow wrap, the long one alone wider, and the lines are
// those of the whole rendered at the width.
func TestOneLongParagraphDoesNotWidenThePiece(t *testing.T) {
	var cells atomic.Int64
	renderedCells = func(n int) { cells.Add(int64(n)) }
	defer func() { renderedCells = nil }()
	cost := func(md string, width int) ([]string, int64) {
		t.Helper()
		cells.Store(0)
		lines, _, err := RenderMarkdown(md, width, "dark")
		if err != nil {
			t.Fatal(err)
		}
		return lines, cells.Load()
	}
	var long strings.Builder
	for i := range 600 {
		long.WriteString([]string{"alpha ", "beta ", "gamma ", "**delta** ", "[word](https://example.org/w) "}[i%5])
	}
	short := strings.Repeat("A short paragraph, *one* line.\n\n", 40)
	mixed := "# A heading\n\n" + short + "- a list\n- of two\n\n" + short + long.String() + "\n\n" + short + "> a quote\n\n" + short
	const width = 2000
	_, shortCost := cost("# A heading\n\n"+strings.Repeat(short, 4)+"- a list\n- of two\n\n> a quote\n", width)
	_, longCost := cost(long.String(), width)
	got, mixedCost := cost(mixed, width)
	if mixedCost > 3*(shortCost+longCost) {
		t.Errorf("the piece padded %d cells; its short paragraphs alone %d, its long one %d", mixedCost, shortCost, longCost)
	}
	wholeWraps = true
	defer func() { wholeWraps = false }()
	want, wholeCost := cost(mixed, width)
	if !slices.Equal(got, want) {
		t.Errorf("the lines differ from the piece's rendered whole at %d columns", width)
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("first at line %d:\n%q\n%q", i, got[i], want[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	t.Logf("cells padded: short %d, long %d, the piece %d, rendered whole %d", shortCost, longCost, mixedCost, wholeCost)
	if wholeCost < 5*mixedCost {
		t.Errorf("rendered whole, the piece padded %d cells, cut %d: the test shows nothing", wholeCost, mixedCost)
	}
}

// The lines of a piece whose blocks fitter cut are those of the piece
// rendered whole, whatever blocks surround the cuts: paragraphs that render
// as nothing (an HTML anchor, an empty span, a comment, a non-breaking
// space alone), headings, lists, tables, code, quotes, HTML blocks. An
// anchor alone in a paragraph before a long one lost its blank line: the
// cut was made beside it, and each half was trimmed of the newline Glamour
// writes before it.
func TestCutRenderingEqualsWholeRendering(t *testing.T) {
	var long strings.Builder
	for i := range 300 {
		long.WriteString([]string{"alpha ", "beta ", "gamma ", "**delta** ", "[word](https://example.org/w) "}[i%5])
	}
	blocks := []string{
		`<a name="sec2"></a>`, "<span></span>", "&nbsp;", "<!-- a comment -->", "<span></span> <a name=\"x\"></a>",
		"# A heading", "Setext heading\n---", "- a list\n- of two", "1. one\n2. two", "a | b\n--|--\n1 | 2",
		"```\ncode\n\nmore code\n```", "    indented code", "> a quote", "> a quote\n>\n> <span></span>",
		"<div>\nA block\n</div>", "---", "Term\n: definition", "line one  \nline two", "![an image](https://example.org/i.png)",
		"text with `code` and a [link](https://example.org/l)", "x<br>",
	}
	var cells atomic.Int64
	renderedCells = func(n int) { cells.Add(int64(n)) }
	defer func() { renderedCells = nil }()
	render := func(md string, width int, style string, whole bool) ([]string, int64) {
		t.Helper()
		wholeWraps = whole
		defer func() { wholeWraps = false }()
		cells.Store(0)
		lines, _, err := RenderMarkdown(md, width, style)
		if err != nil {
			t.Fatal(err)
		}
		return lines, cells.Load()
	}
	r := rand.New(rand.NewPCG(1, 2))
	const docs = 16
	cut := 0
	for n := range docs {
		var parts []string
		for range 40 + r.IntN(40) {
			if r.IntN(3) == 0 {
				parts = append(parts, blocks[r.IntN(len(blocks))])
			} else {
				parts = append(parts, "Short para.")
			}
		}
		for range 1 + r.IntN(2) {
			i := r.IntN(len(parts) + 1)
			parts = slices.Insert(parts, i, long.String())
		}
		md := strings.Join(parts, "\n\n")
		style := []string{"notty", "dark", "ascii"}[n%3]
		const width = 2000
		got, gotCells := render(md, width, style, false)
		want, wantCells := render(md, width, style, true)
		if gotCells*2 < wantCells {
			cut++
		}
		if !slices.Equal(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("line %d: %q, rendered whole %q", i, got[i], want[i])
					break
				}
			}
			t.Fatalf("%s at %d: %d lines, rendered whole %d, of:\n%s", style, width, len(got), len(want),
				strings.ReplaceAll(md, long.String(), "LONG"))
		}
	}
	if cut < docs/3 {
		t.Errorf("only %d pieces of %d were cut: the test shows little", cut, docs)
	}
}

// A paragraph that renders as nothing keeps its blank line beside a cut:
// show --width 2000 of short paragraphs, an anchor alone and a long
// paragraph had one blank line before the long one, two rendered whole.
func TestEmptyParagraphBesideCut(t *testing.T) {
	var long strings.Builder
	for i := range 300 {
		long.WriteString([]string{"alpha ", "beta ", "gamma ", "**delta** ", "[word](https://example.org/w) "}[i%5])
	}
	for _, md := range []string{
		strings.Repeat("Short para.\n\n", 40) + "<a name=\"sec2\"></a>\n\n" + long.String(),
		"a | b\n--|--\n1 | 2\n\n<span></span>\n\nShort para.",
	} {
		got, _, err := RenderMarkdown(md, 2000, "notty")
		if err != nil {
			t.Fatal(err)
		}
		wholeWraps = true
		want, _, err := RenderMarkdown(md, 2000, "notty")
		wholeWraps = false
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d lines, rendered whole %d:\n%q\n%q", len(got), len(want), got, want)
		}
	}
}
