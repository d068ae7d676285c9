package index

import (
	"context"
	"testing"
)

// A count (ModeCount) of the matches another search found is that search's
// total, not a search of its own; a count of other matches is counted.
func TestCountOfTheSameMatches(t *testing.T) {
	ix := openFixtures(t)
	count := func(q Query) (int, bool) {
		t.Helper()
		q.Mode, q.Offset, q.Limit, q.Snippets = ModeCount, 0, 1, 0
		before := totalsReused.Load()
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 0 {
			t.Errorf("%+v: a count has %d hits", q, len(r.Hits))
		}
		return r.Total, totalsReused.Load() > before
	}
	fresh := func(q Query) int {
		t.Helper()
		ix.cache.clear()
		n, reused := count(q)
		if reused {
			t.Fatalf("%+v: counted from a kept total after the cache was cleared", q)
		}
		return n
	}
	queries := []Query{
		{Text: "raqqa"},
		{Text: "pantucci"},
		{Text: "pantucci", ExcludeIDs: []string{"2017/raqqa"}},
		{Text: "pantucci", IDs: []string{"2017/raqqa", "2016/china"}},
		{Text: "pantucci", Tags: []string{"isis", "china"}},
		{Text: "pantucci", Outlets: []string{"The Telegraph"}, CollapseCopies: true},
		{Text: "rad", Typing: true, Snippets: 2},
		{Text: "radicalisation pri", Typing: true},
		{Text: `"islamic sta`, Typing: true},
		{Text: `"foreign fighters"`},
		{Tags: []string{"mi5", "china"}},
		{},
	}
	for _, q := range queries {
		want := fresh(q)
		for _, mode := range []Mode{ModeAll, ModeHits, ModeFacets} {
			ix.cache.clear()
			sq := q
			sq.Mode, sq.Limit, sq.Sort = mode, 3, SortNewest // a page and a sort of their own
			r, err := ix.Search(context.Background(), sq)
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != want {
				t.Fatalf("%+v mode %d: total %d, counted %d", q, mode, r.Total, want)
			}
			if n, reused := count(q); !reused || n != want {
				t.Errorf("%+v after mode %d: count %d (from the kept total: %v), want %d from it", q, mode, n, reused, want)
			}
		}
		// the same text with other matches is counted on its own
		others := []Query{
			with(q, func(o *Query) { o.ExcludeIDs = append(o.ExcludeIDs, "2017/manchester") }),
			with(q, func(o *Query) { o.CollapseCopies = !o.CollapseCopies }),
			with(q, func(o *Query) { o.Years = []string{"2016"} }),
			with(q, func(o *Query) { o.Text += " xinjiang" }),
		}
		if q.Text != "" { // typing no text is the query without it: the same matches
			others = append(others, with(q, func(o *Query) { o.Typing = !o.Typing }))
		}
		for _, other := range others {
			want := fresh(other)
			ix.cache.clear()
			if _, err := ix.Search(context.Background(), q); err != nil {
				t.Fatal(err)
			}
			if n, reused := count(other); reused || n != want {
				t.Errorf("%+v after %+v: count %d (from the kept total: %v), want %d counted", other, q, n, reused, want)
			}
		}
	}
}

func with(q Query, f func(*Query)) Query {
	f(&q)
	return q
}
