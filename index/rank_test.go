package index

import (
	"context"
	"testing"
)

// TestRankIsSearchsRow: the row Rank gives a piece is the row Search's
// pages show it at, by relevance, by date, with a filter and with no
// words, and a piece beyond most, or not among the results, has none.
func TestRankIsSearchsRow(t *testing.T) {
	ix := splitFixture(t, 400)
	ctx := context.Background()
	for _, q := range []Query{
		{Sort: SortNewest},
		{Text: "congress", Sort: SortRelevance},
		{Text: "economy", Sort: SortNewest},
		{Text: "tax OR revenue", Outlets: []string{"The Guardian"}},
		{Text: "govern", Sort: SortOldest},
	} {
		var rows []string
		for off := 0; ; off += 50 {
			page := q
			page.Offset, page.Limit, page.Mode = off, 50, ModeHits
			r, err := ix.Search(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range r.Hits {
				rows = append(rows, h.ID)
			}
			if len(r.Hits) < 50 {
				break
			}
		}
		if len(rows) < 60 && q.Outlets == nil {
			t.Fatalf("%+v: %d results: the case needs more than a page", q, len(rows))
		}
		for _, want := range []int{0, 1, 49, 50, 59, len(rows) - 1} {
			if want >= len(rows) {
				continue
			}
			row, ok, err := ix.Rank(ctx, q, rows[want], len(rows))
			if err != nil || !ok || row != want {
				t.Fatalf("%+v: %s at row %d (%v, %v), Search shows it at %d", q, rows[want], row, ok, err, want)
			}
		}
		if _, ok, _ := ix.Rank(ctx, q, rows[len(rows)-1], len(rows)-1); ok {
			t.Fatalf("%+v: the last row found among those before it", q)
		}
		if _, ok, _ := ix.Rank(ctx, q, "no-such-piece", len(rows)); ok {
			t.Fatalf("%+v: a piece not there has a row", q)
		}
	}
}
