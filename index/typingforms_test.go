package index

import (
	"context"
	"slices"
	"testing"
)

// TestFormsCheckedForThePageWhileTyping: while a phrase is typed, its
// forms as written are checked for the page of hits alone: every hit has
// them (the hits are those of the exact search, in its order), the total
// and the facet counts are the candidates' (more than the exact ones, and
// said to be estimated), and without Typing the search is exact again.
func TestFormsCheckedForThePageWhileTyping(t *testing.T) {
	ix := openGenerated(t, 400, 7) // read only: the index built once
	defer ix.Close()
	const phraseText = `"united states"`
	phrase := run(t, ix, Query{Text: phraseText, Limit: 1000}) // every piece with the phrase as written
	for _, text := range []string{phraseText, phraseText + " congress"} {
		exact := run(t, ix, Query{Text: text, Limit: 1000})
		if exact.Estimated {
			t.Fatalf("%s: not typing, yet estimated", text)
		}
		if exact.Total == 0 {
			t.Fatalf("%s: no match: the test tells nothing", text)
		}
		ix.cache.clear()
		typed := run(t, ix, Query{Text: text, Limit: 50, Typing: true, Mode: ModeHits})
		if !typed.Estimated || typed.Total <= exact.Total {
			t.Fatalf("%s: typing: estimated %v, total %d; exact %d", text, typed.Estimated, typed.Total, exact.Total)
		}
		if len(typed.Hits) == 0 {
			t.Fatalf("%s: typing: no hits", text)
		}
		// each hit has the forms: it is among the pieces with the phrase
		// as written, and, when the phrase is the whole query, in the
		// exact search's order (with a word being typed the ranking is
		// another)
		at := -1
		for _, h := range typed.Hits {
			k := slices.IndexFunc(phrase.Hits, func(e Hit) bool { return e.ID == h.ID })
			if k < 0 || text == phraseText && k < at {
				t.Fatalf("%s: typing: hit %s is not an exact hit or out of order (%d after %d)", text, h.ID, k, at)
			}
			at = k
		}
		facets, err := ix.Search(context.Background(), Query{Text: text, Typing: true, Mode: ModeFacets})
		if err != nil {
			t.Fatal(err)
		}
		if facets.Total != typed.Total || !facets.Estimated {
			t.Fatalf("%s: typing: the facets' total %d (estimated %v), the hits' %d", text, facets.Total, facets.Estimated, typed.Total)
		}
		ix.cache.clear()
		again := run(t, ix, Query{Text: text, Limit: 1000})
		if again.Estimated || again.Total != exact.Total {
			t.Fatalf("%s: typing paused: total %d estimated %v, want %d exact", text, again.Total, again.Estimated, exact.Total)
		}
	}
}
