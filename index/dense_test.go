package index

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
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
	r, done, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	_, _, ok, err := ix.collectDense(ctx, combine(q.must, q.mustNot, q.should, nil, nil, ""), r, 20, 0, nil, "")
	if err == nil || ok {
		t.Fatalf("a cancelled search: ok %v, err %v", ok, err)
	}
}

// TestPostingsKeptWhileTyping: the terms a typed query summed are kept,
// so the next keystrokes of a word read next to nothing from the index
// (its prefix's words are among the shorter prefix's; the word as typed,
// a term of its own, is seldom in the index), and a search of another
// word reads its own.
func TestPostingsKeptWhileTyping(t *testing.T) {
	ix := splitFixture(t, 200)
	typed := func(text string) {
		t.Helper()
		ix.cache.clear()
		w := denseWalks.Load()
		run(t, ix, Query{Text: text, Typing: true, Limit: 100, Mode: ModeHits})
		if denseWalks.Load() == w {
			t.Fatalf("%q was not summed", text)
		}
	}
	docs := postingsReadDocs.Load()
	typed("pros")
	first := postingsReadDocs.Load() - docs
	docs = postingsReadDocs.Load()
	for _, text := range []string{"prosp", "prospe", "prosper"} {
		typed(text)
	}
	if n := postingsReadDocs.Load() - docs; n*10 > first {
		t.Fatalf("typing on read %d postings from the index, its first keystroke %d", n, first)
	}
	docs = postingsReadDocs.Load()
	typed("congress")
	if postingsReadDocs.Load() == docs {
		t.Fatal("another word read nothing")
	}
}

// TestPostingsOfTheirSnapshot: the kept postings are the snapshot's they
// were read from: after a refresh a changed piece is found by its new
// words, not by its old ones, and the count is the new one.
func TestPostingsOfTheirSnapshot(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	ix := openFolder(t, src, dir)
	defer ix.Close()
	before := run(t, ix, Query{Text: "radicalisation", Limit: 20, Mode: ModeHits})
	if none := run(t, ix, Query{Text: "zeitgeist", Limit: 20, Mode: ModeHits}); none.Total != 0 {
		t.Fatalf("zeitgeist before the edit: %d", none.Total)
	}
	addZeitgeist(t, src)
	p := filepath.Join(src, "2017", "raqqa.md")
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if changed, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil || !changed {
		t.Fatalf("refresh: %v %v", changed, err)
	}
	ix.cache.clear()
	after := run(t, ix, Query{Text: "radicalisation", Limit: 20, Mode: ModeHits})
	if after.Total != before.Total-1 {
		t.Fatalf("radicalisation: %d pieces before raqqa.md was removed, %d after", before.Total, after.Total)
	}
	if got := run(t, ix, Query{Text: "zeitgeist", Limit: 20, Mode: ModeHits}); got.Total != 1 {
		t.Fatalf("zeitgeist after the edit: %d", got.Total)
	}
}

// TestPostingsCacheBounded: the kept postings stay within their bound,
// the least recently read let go of first.
func TestPostingsCacheBounded(t *testing.T) {
	old := postingsCacheBytes
	postingsCacheBytes = 64 << 10
	defer func() { postingsCacheBytes = old }()
	ix := splitFixture(t, 200)
	for _, text := range []string{"congress", "economy", "revenue", "government", "prosperity", "tax", "con", "pro", "re"} {
		ix.cache.clear()
		run(t, ix, Query{Text: text, Typing: true, Limit: 100, Mode: ModeHits})
		ix.postings.mu.Lock()
		n, kept := ix.postings.bytes, 0
		for k, p := range ix.postings.terms {
			kept += p.size(k)
		}
		ix.postings.mu.Unlock()
		if n > postingsCacheBytes || n != kept {
			t.Fatalf("after %q: %d bytes kept, counted %d, bound %d", text, kept, n, postingsCacheBytes)
		}
	}
}

// TestCommonTermsKept: however small the bound set, the postings of a
// word most pieces have are kept for the next keystroke (postingsBound:
// room for four terms every piece has), not read again.
func TestCommonTermsKept(t *testing.T) {
	old := postingsCacheBytes
	postingsCacheBytes = 1 << 10 // a quarter of it holds no term of 20 pieces
	defer func() { postingsCacheBytes = old }()
	ix := splitFixture(t, 200)
	for i, text := range []string{"government", "government"} {
		ix.cache.clear()
		before := postingsRead.Load()
		if got := run(t, ix, Query{Text: text, Typing: true, Limit: 100, Mode: ModeHits}); got.Total < 100 {
			t.Fatalf("%q: %d pieces; the fixture's common word is in most", text, got.Total)
		}
		if read := postingsRead.Load() - before; (i == 0) != (read > 0) {
			t.Fatalf("search %d of %q read %d terms from the index", i+1, text, read)
		}
	}
}

// TestPostingsBound: the bound is postingsCacheBytes for a small index,
// room for four terms every piece has for a large one, and at most
// postingsCacheMax.
func TestPostingsBound(t *testing.T) {
	for _, c := range []struct {
		docs uint64
		want int
	}{{0, postingsCacheBytes}, {100_000, postingsCacheBytes}, {1_000_000, 4 * (12_000_000 + 1024)}, {100_000_000, postingsCacheMax}} {
		if got := postingsBound(c.docs); got != c.want {
			t.Errorf("postingsBound(%d) = %d, want %d", c.docs, got, c.want)
		}
	}
}

// TestDenseScoresAreBleves: summed in bleve's order (a conjunction's and
// a slice disjunction's clauses by count), the scores are the walk's to
// the bit, whatever order the query gives its clauses.
func TestDenseScoresAreBleves(t *testing.T) {
	ix := splitFixture(t, 400)
	term := func(f, w string) query.Query {
		q := query.NewTermQuery(w)
		q.SetField(f)
		return q
	}
	var many []query.Query
	for _, w := range []string{"will", "state", "govern", "year", "unit", "nation", "congress", "peopl", "countri", "can", "us", "american", "new", "mai"} {
		many = append(many, term(fText, w))
	}
	page := func(q query.Query, dense bool) search.DocumentMatchCollection {
		t.Helper()
		old := denseOn
		denseOn = dense
		defer func() { denseOn = old }()
		ix.inUse.RLock()
		defer ix.inUse.RUnlock()
		before := denseWalks.Load()
		hits, _, err := ix.collectKeyed(context.Background(), q, 400, 0, scoreSort, nil, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if dense && denseWalks.Load() == before {
			t.Fatal("not summed")
		}
		return hits
	}
	for name, q := range map[string]query.Query{
		"a disjunction not in count order": query.NewDisjunctionQuery([]query.Query{term(fText, "rewritten"), term(fText, "congress"), term(fText, "law"), term(fTitle, "state")}),
		"a disjunction in count order":     query.NewDisjunctionQuery([]query.Query{term(fTitle, "state"), term(fText, "rewritten"), term(fText, "law"), term(fText, "congress")}),
		"a conjunction of 14":              query.NewConjunctionQuery(many),
		"a boolean": query.NewBooleanQuery([]query.Query{term(fText, "congress"), query.NewDisjunctionQuery([]query.Query{term(fText, "law"), term(fText, "tax")})},
			[]query.Query{term(fTitle, "congress"), term(fTitle, "law")}, nil),
	} {
		got, want := page(q, true), page(q, false)
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%s: %d hits summed, %d walked", name, len(got), len(want))
		}
		for i := range got {
			if got[i].ID != want[i].ID || math.Float64bits(got[i].Score) != math.Float64bits(want[i].Score) {
				t.Fatalf("%s, hit %d: %s %v summed, %s %v walked", name, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
		}
	}
}

// TestBudgetReadsOnce: the word being typed checked against stems shorter
// than it reads the texts of the first typingCheckMax pieces with them,
// once a search, whichever searchers of the query ask (summed, its check,
// a walk), and lets in the same pieces summed as walked.
func TestBudgetReadsOnce(t *testing.T) {
	ix := splitFixture(t, 400)
	for _, text := range []string{"governme", "congress governme", "constitutio", "economy constitutio"} {
		q := Query{Text: text, Typing: true, Limit: 100}
		c0, w0 := checkedCandidates.Load(), denseWalks.Load()
		got := collectPageOf(t, ix, q, false)
		if denseWalks.Load() == w0 {
			t.Fatalf("%q was not summed", text)
		}
		// one clause reads here (the title's has no shorter stems in this
		// fixture); each searcher reading again read 128
		if n := checkedCandidates.Load() - c0; n == 0 || n > typingCheckMax {
			t.Fatalf("%q: %d texts read for one search", text, n)
		}
		want := collectWalk(t, ix, q, false)
		if got.total != want.total || fmt.Sprint(got.set) != fmt.Sprint(want.set) {
			t.Fatalf("%q: %d matches summed, %d walked", text, got.total, want.total)
		}
		if err := samePage(got.hits, want.hits); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
	}
}

// TestDenseCountsFacetsAsTheWalk: a search that counts facets with its
// hits (the reader's after a pause, `folio search`) gives, summed and its
// facets counted from the column over the matches, the hits, count and
// facets bleve's collector gives walking.
func TestDenseCountsFacetsAsTheWalk(t *testing.T) {
	ix := splitFixture(t, 400)
	run(t, ix, Query{Text: "economy", Limit: 20}) // starts the warming
	ix.inUse.RLock()
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	ix.inUse.RUnlock()
	if ft.warmed != nil {
		<-ft.warmed // the column read, as after the reader's first search
	}
	for _, q := range []Query{
		{Text: "congress", Limit: 20},
		{Text: "congress economy", Limit: 20, Tags: []string{"economy"}},
		{Text: "tax OR revenue", Limit: 10, Offset: 5},
		{Text: "governme", Typing: true, Limit: 100},
		{Text: "prosper*", Limit: 20, Outlets: []string{"The Guardian"}},
	} {
		search := func(dense bool) Results {
			t.Helper()
			old := denseOn
			denseOn = dense
			defer func() { denseOn = old }()
			ix.cache.clear()
			return run(t, ix, q)
		}
		w0 := denseWalks.Load()
		got := search(true)
		summed := denseWalks.Load() > w0
		want := search(false)
		if got.Total != want.Total || fmt.Sprint(ids(got)) != fmt.Sprint(ids(want)) {
			t.Fatalf("%+v (summed %v): %d %v; walked %d %v", q, summed, got.Total, ids(got), want.Total, ids(want))
		}
		if fmt.Sprintf("%+v", got.Facets) != fmt.Sprintf("%+v", want.Facets) {
			t.Fatalf("%+v (summed %v): facets\n%+v\nwalked\n%+v", q, summed, got.Facets, want.Facets)
		}
		if q.Text == "congress" && !summed {
			t.Fatal("congress was not summed")
		}
	}
}

// TestDensePhrases: a phrase (quoted, an alias of several words, the
// adjacency every query of two words ranks by) is summed as its words'
// conjunction kept to the pieces its searcher finds, with the walk's
// page. (A quoted phrase is checked as written on the text, walked, but
// while typing, when that check is left to the page.)
func TestDensePhrases(t *testing.T) {
	ix := splitFixture(t, 400)
	for _, text := range []string{`"united states"`, "congress economy", "constitutional congress", "isis", `"congress economy" revenue`} {
		qs := []Query{{Text: text + " rev", Typing: true, Limit: 100}}
		if !strings.HasPrefix(text, `"`) {
			qs = append(qs, Query{Text: text, Limit: 20})
		}
		for _, q := range qs {
			w0 := denseWalks.Load()
			got := collectPageOf(t, ix, q, false)
			if denseWalks.Load() == w0 && got.total > 0 {
				t.Fatalf("%+v was not summed", q)
			}
			want := collectWalk(t, ix, q, false)
			if got.total != want.total || fmt.Sprint(got.set) != fmt.Sprint(want.set) {
				t.Fatalf("%+v: %d matches summed, %d walked", q, got.total, want.total)
			}
			if err := samePage(got.hits, want.hits); err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
		}
	}
}

// TestBudgetAmongTheRest: the word being typed checked against stems
// shorter than it reads the first typingCheckMax pieces among those the
// rest of the search matches (its other words, exclusions, filters), not
// among every piece with the stems: where no more than the budget have the
// stem and match the rest, the typed search finds what the word as a
// prefix checked on every piece (`governme*`) finds, summed and walked
// alike.
func TestBudgetAmongTheRest(t *testing.T) {
	ix := splitFixture(t, 400)
	if n := collectWalk(t, ix, Query{Text: "govern", Limit: 400}, false).total; n <= typingCheckMax {
		t.Fatalf("govern matches %d pieces: the fixture needs more than the budget", n)
	}
	tags := run(t, ix, Query{Text: "govern", Limit: 1, Mode: ModeFacets}).Facets.Tags
	tag := tags[len(tags)-1]
	if tag.Count > typingCheckMax {
		t.Fatalf("no tag of at most %d pieces among %+v", typingCheckMax, tags)
	}
	for _, q := range []Query{
		{Text: "rewritten governme", Limit: 400},
		{Text: "rewritten -economy governme", Limit: 400},
		{Text: "governme", Tags: []string{tag.Value}, Limit: 400},
	} {
		stem := q
		stem.Text = strings.Replace(q.Text, "governme", "govern", 1)
		n := collectWalk(t, ix, stem, false).total
		if n > typingCheckMax {
			t.Fatalf("%+v: %d pieces: the case needs no more than the budget", stem, n)
		}
		written := q
		written.Text = strings.Replace(q.Text, "governme", "governme*", 1)
		want := collectWalk(t, ix, written, false)
		if want.total == 0 {
			t.Fatalf("%+v: none: the case needs some", written)
		}
		q.Typing = true
		for _, dense := range []bool{true, false} {
			old := denseOn
			denseOn = dense
			c0 := checkedCandidates.Load()
			got := collectPageOf(t, ix, q, false)
			read := checkedCandidates.Load() - c0
			denseOn = old
			if fmt.Sprint(got.set) != fmt.Sprint(want.set) {
				t.Fatalf("%+v (summed %v): %d typed, %d as a prefix checked on every piece", q, dense, got.total, want.total)
			}
			// the texts read are of pieces the rest matches
			if read == 0 || read > int64(n) {
				t.Fatalf("%+v (summed %v): %d texts read, of %d pieces with the stem the rest matches", q, dense, read, n)
			}
		}
	}
}
