package cli

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// folio quotes prepares each quoted piece's text once for all its quotes:
// 10,000 quotes of one 1 MB piece took 110 s when each quote folded the
// whole text again, 9 s now. Measured here as bytes allocated: 200 more
// quotes of a 100 KB piece cost far less than folding it 200 times (each
// fold allocates about 5 bytes a byte of text).
func TestResolveQuotesPreparesEachPieceOnce(t *testing.T) {
	var body strings.Builder
	for i := 0; body.Len() < 100<<10; i++ {
		fmt.Fprintf(&body, "Paragraph %d of a long piece, with words enough to fill it.\n\n", i)
	}
	arch, probs := archive.Load(fstest.MapFS{"long.md": {Data: []byte("---\ntitle: Long\ndate: 2020-01-01\n---\n" + body.String())}})
	if len(arch.Articles) != 1 {
		t.Fatalf("%v", probs)
	}
	src := &pieceSource{arch: arch} // the archive, read
	a := arch.Articles[0]
	text, err := pieceText(src, a)
	if err != nil {
		t.Fatal(err)
	}
	quotes := func(n int) []state.Quote {
		qs := make([]state.Quote, n)
		for i := range qs {
			sel, _, ok := state.Find(text, fmt.Sprintf("Paragraph %d of", i))
			if !ok {
				t.Fatalf("paragraph %d not found", i)
			}
			qs[i] = state.Quote{ID: fmt.Sprintf("%08x", i), Piece: a.ID, Selector: sel}
		}
		return qs
	}
	allocated := func(qs []state.Quote) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for _, r := range resolveQuotes(src, qs) {
			if r.orphan != "" {
				t.Fatalf("quote %s orphaned: %s", r.ID, r.orphan)
			}
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	one, many := allocated(quotes(1)), allocated(quotes(201))
	if extra := int64(many) - int64(one); extra > 20<<20 {
		t.Errorf("200 more quotes allocated %d MB more (1 quote: %d MB): the text is folded for each", extra>>20, one>>20)
	}
}
