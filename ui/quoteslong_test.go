package ui

import (
	"runtime"
	"strings"
	"testing"

	"github.com/folio-tui/folio/state"
)

// A quote of a whole long piece is drawn in Q's list from no more of its
// text than the list shows: each key draws the list again (it took 67 ms
// a key with a 1 MB quote under the cursor).
func TestQuoteListDrawsALongQuoteCheaply(t *testing.T) {
	long := strings.Repeat("A sentence of a very long piece, quoted whole. ", 1<<20/47)
	l := quoteList{open: true, scope: scopeAll, quotes: []state.Quote{{ID: "0000000a", Piece: "p", Selector: state.Selector{Exact: long}, Citation: state.Citation{Title: "Long"}}}}
	st := NewStyles(true, true)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lines := l.entry(0, 80, st)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("drawing the entry allocated %d KB for a %d KB passage", n>>10, len(long)>>10)
	}
	if len(lines) != 9 || !strings.Contains(lines[8], "…") || !strings.Contains(lines[1], "A sentence of a very long piece") {
		t.Errorf("entry:\n%s", strings.Join(lines, "\n"))
	}
}
