package index

import (
	"context"
	"testing"
)

// TestCheckPageReadsThePageAlone: while typing, the forms as written are
// checked for the page alone (checkPage), and that check reads the texts
// of the page's hits and of no other candidate. (Around the query, its
// conjunction moved to the candidate after each hit, and read its text as
// well: about twice the page.)
func TestCheckPageReadsThePageAlone(t *testing.T) {
	ix := splitFixture(t, 400)
	ctx := context.Background()
	for _, text := range []string{`"States"`, `"united" states`, `"Congress"`} {
		q := Query{Text: text, Typing: true, Limit: 20, Mode: ModeHits}
		ix.cache.clear()
		c0 := checkedCandidates.Load()
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		read := checkedCandidates.Load() - c0
		if !res.Estimated {
			t.Fatalf("%s: the forms were checked in the walk: the test tells nothing", text)
		}
		if len(res.Hits) < 10 {
			t.Fatalf("%s: %d hits: the test tells little", text, len(res.Hits))
		}
		// each hit's text, in the main clause and the title's ranking
		// clause: two reads a hit, and a few more where a hit fails the
		// check (its clause then reads on to its next candidate that
		// passes); around the query, 79 for '"united" states'
		if limit := int64(3 * q.Limit); read > limit {
			t.Errorf("%s: checking a page of %d hits read %d candidates (at most %d)", text, len(res.Hits), read, limit)
		}
	}
}
