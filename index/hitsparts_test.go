package index

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// TestHitsInPartsAsInOne: a page converted on every core (hitsOf's parts,
// each with its own highlighter memo) is the page converted on one: the
// same hits in the same order, with the same marked titles and snippets.
func TestHitsInPartsAsInOne(t *testing.T) {
	ix := splitFixture(t, 400)
	ctx := context.Background()
	defer func(n int) { minParallelHits = n }(minParallelHits)
	snippets := 0
	for _, text := range []string{"congress economy", "united states", "revenu*", "state of the union", "Congress -economy", "tarif~"} {
		q := Query{Text: text, Limit: 100}
		minParallelHits = 1 << 30
		one, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ix.cache.clear()
		minParallelHits = 2
		parts, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ix.cache.clear()
		if len(one.Hits) < 20 {
			t.Fatalf("%s: %d hits: the test tells little", text, len(one.Hits))
		}
		for i := range one.Hits {
			if !reflect.DeepEqual(parts.Hits[i], one.Hits[i]) {
				t.Fatalf("%s: hit %d in parts\n%+v\nin one\n%+v", text, i, parts.Hits[i], one.Hits[i])
			}
			snippets += len(one.Hits[i].Snippets)
		}
	}
	if snippets == 0 {
		t.Fatal("no snippets: the test tells nothing")
	}
}

// TestHitsOutliveTheirTexts: a hit's snippets stay as they were made
// after later searches read other pieces' texts into the same buffers
// (hitOf reads a hit's texts without copying them: withLongTexts).
func TestHitsOutliveTheirTexts(t *testing.T) {
	ix := splitFixture(t, 300)
	ctx := context.Background()
	defer func(n int) { minParallelHits = n }(minParallelHits)
	type kept struct {
		text string
		hits []Hit
		copy string // the hits as they were, printed
	}
	var all []kept
	for _, parts := range []int{1 << 30, 2} {
		minParallelHits = parts
		for _, text := range []string{"congress", "united states", "revenu*", "", "tarif~", `"economy"`} {
			res, err := ix.Search(ctx, Query{Text: text, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) < 20 {
				t.Fatalf("%q: %d hits: the test tells little", text, len(res.Hits))
			}
			all = append(all, kept{text, res.Hits, fmt.Sprintf("%+v", res.Hits)})
			ix.cache.clear()
		}
	}
	for _, text := range []string{"economy", "the", "state", "congress"} { // other pieces' texts
		if _, err := ix.Search(ctx, Query{Text: text, Limit: 100, Sort: SortNewest}); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range all {
		if now := fmt.Sprintf("%+v", k.hits); now != k.copy {
			t.Fatalf("%q: the hits changed after later searches", k.text)
		}
	}
}
