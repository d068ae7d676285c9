package index

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// While typing, Query.Snippets gives snippets and marked titles to the
// first hits alone; every hit is the same as the full page's but for them,
// and the full page (not typing, or no Snippets) is not kept for the
// typed one by the result cache, nor the other way round.
func TestTypedSnippetsForTheRowsShown(t *testing.T) {
	ix := openGenerated(t, 240, 4) // read only: the index built once
	defer ix.Close()
	ctx := context.Background()
	search := func(q Query) Results {
		t.Helper()
		r, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, shown := range []int{1, 5, minParallelHits + 3} {
		// each is searched after the other is in the cache
		ix.cache.clear()
		typed := Query{Text: "gover", Typing: true, Limit: 100, Mode: ModeHits, Snippets: shown}
		first := search(typed)
		full := search(Query{Text: "gover", Typing: true, Limit: 100, Mode: ModeHits})
		part := search(typed)
		if len(full.Hits) < shown+10 || len(part.Hits) != len(full.Hits) || part.Total != full.Total {
			t.Fatalf("shown %d: %d hits typed, %d (of %d, %d) with Snippets", shown, len(full.Hits), len(part.Hits), part.Total, full.Total)
		}
		for i, h := range part.Hits {
			f := full.Hits[i]
			if h.ID != f.ID || h.Title != f.Title || h.Score != f.Score {
				t.Fatalf("shown %d: hit %d is %s, %s without Snippets", shown, i, h.ID, f.ID)
			}
			if len(f.Snippets) == 0 || f.TitleMarked == "" && !slices.ContainsFunc(f.Snippets, hasMark) {
				t.Fatalf("hit %d of the full page has no marks: %+v", i, f)
			}
			if i < shown && (!slices.Equal(h.Snippets, f.Snippets) || h.TitleMarked != f.TitleMarked) {
				t.Errorf("shown %d: hit %d's snippets %q, %q; want %q, %q", shown, i, h.Snippets, h.TitleMarked, f.Snippets, f.TitleMarked)
			}
			if i >= shown && (len(h.Snippets) != 0 || h.TitleMarked != "") {
				t.Errorf("shown %d: hit %d past the rows has snippets %q, %q", shown, i, h.Snippets, h.TitleMarked)
			}
		}
		for i, h := range first.Hits {
			if (i < shown) != (len(h.Snippets) > 0) {
				t.Fatalf("shown %d: hit %d of the typed page searched first has snippets %q", shown, i, h.Snippets)
			}
		}
	}
	// not typing: Snippets is not read
	q := Query{Text: "government", Limit: 100, Mode: ModeHits, Snippets: 2}
	for i, h := range search(q).Hits {
		if len(h.Snippets) == 0 {
			t.Fatalf("searched as written, hit %d has no snippet", i)
		}
	}
}

func hasMark(s string) bool { return strings.Contains(s, MarkStart) }
