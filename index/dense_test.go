package index

import (
	"context"
	"fmt"
	"testing"
)

// TestDenseIsTheWalk: a page collected from the postings (dense.go) is
// the page bleve's collector walks to, its total, its recorded pieces and
// its scores (but in their last bits, and ties within rounding), on an
// index with many segments, deleted pieces and copies; and the sums agree
// with bleve's searchers on every page checked.
func TestDenseIsTheWalk(t *testing.T) {
	ix := splitFixture(t, 400)
	texts := []string{"con", "pro", "congress", "congress economy rev", "governme", "constitutio", "zzqx",
		"title:con", "tax OR revenue", "prosper*", "government -tax", `"united states"`, "isis", "outlet:guardian tax",
		"economy", "re", "a", "revenue*", "title:congress", "author:quinn"}
	dense := 0
	misses := denseMisses.Load()
	for _, text := range texts {
		for _, q := range []Query{
			{Text: text, Typing: true, Limit: 100},
			{Text: text, Limit: 20},
			{Text: text, Limit: 10, Offset: 15},
			{Text: text, Limit: 100, Offset: 390},
			{Text: text, Tags: []string{"economy"}, Limit: 20},
			{Text: text, Typing: true, Outlets: []string{"The Guardian"}, Years: []string{"2001", "2002"}, Limit: 100},
		} {
			before := denseWalks.Load()
			got := collectPageOf(t, ix, q, false)
			if denseWalks.Load() > before {
				dense++
			}
			want := collectWalk(t, ix, q, false)
			what := fmt.Sprintf("%+v", q)
			if got.total != want.total || len(got.hits) != len(want.hits) {
				t.Fatalf("%s: from the postings %d matches, %d hits; walked %d, %d", what, got.total, len(got.hits), want.total, len(want.hits))
			}
			if err := samePage(got.hits, want.hits); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if got.kept != want.kept || fmt.Sprint(got.set) != fmt.Sprint(want.set) {
				t.Fatalf("%s: recorded %d pieces from the postings, %d walked", what, len(got.set), len(want.set))
			}
		}
	}
	if n := denseMisses.Load() - misses; n != 0 {
		t.Fatalf("%d pages' sums were not bleve's scores", n)
	}
	if dense < len(texts)*2 {
		t.Fatalf("only %d of %d searches were read from the postings: the comparison tells little", dense, len(texts)*6)
	}
	t.Logf("%d of %d searches read from the postings", dense, len(texts)*6)
}

// TestDenseStopsWhenCancelled: a search given up while its postings are
// summed ends with the context's error.
func TestDenseStopsWhenCancelled(t *testing.T) {
	ix := splitFixture(t, 100)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	q := compile(buildPlan(parseQuery("congress", false), ix.synonyms))
	bix, err := ix.bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := bix.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, _, ok, err := ix.collectDense(ctx, combine(q.must, q.mustNot, q.should, nil, nil, ""), r, 20, 0, nil, "")
	if err == nil || ok {
		t.Fatalf("a cancelled search: ok %v, err %v", ok, err)
	}
}
