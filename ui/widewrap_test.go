package ui

import (
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
