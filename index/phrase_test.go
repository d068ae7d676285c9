package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// TestPhraseAsBleves: folio's phrase searcher matches the pieces bleve's
// phrase query matches, with the same scores, alone (Next) and under a
// conjunction with another word, which moves it with Advance, and as an
// optional clause beside a word, as it is and as the ranking's adjacency
// clause (which answers with places that are no piece): among few
// optional clauses and among many (bleve's two disjunction searchers),
// with an excluded word: in an index of one segment, and of many with
// deleted pieces, reading the positions from the segments (phrasepos.go)
// and through bleve's term readers.
func TestPhraseAsBleves(t *testing.T) {
	one := openGenerated(t, 400, 7) // read only: the index built once
	defer one.Close()
	many := splitFixture(t, 400)
	for _, direct := range []bool{true, false} {
		for _, pairs := range []bool{true, false} {
			segmentReads, pairFilter = direct, pairs
			phraseAsBleves(t, one)
			phraseAsBleves(t, many)
		}
	}
	segmentReads, pairFilter = true, true
}

func phraseAsBleves(t *testing.T, ix *Index) {
	t.Helper()
	ctx := context.Background()
	phrases := [][]string{
		{"unit", "state"}, {"american", "peopl"}, {"feder", "govern"}, {"congress", "economi"},
		{"state", "", "union"}, {"the", "nation"}, {"nation", "secur", "council"},
	}
	other := query.NewTermQuery("govern")
	other.SetField(fText)
	not := query.NewTermQuery("revenu")
	not.SetField(fText)
	// ten optional words beside the phrase: more than bleve's
	// DisjunctionHeapTakeover, so a heap of clauses
	var words []query.Query
	for _, w := range []string{"state", "nation", "peopl", "american", "congress", "year", "countri", "world", "work", "time"} {
		tq := query.NewTermQuery(w)
		tq.SetField(fTitle)
		words = append(words, tq)
	}
	with := func(q query.Query) []query.Query { return append(slices.Clone(words), q) }
	type hit struct {
		id    string
		score float64
	}
	collect := func(q query.Query) []hit {
		t.Helper()
		hits, _, err := ix.collect(ctx, q, 10000, 0, []string{"-_score", "_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]hit, len(hits))
		for i, h := range hits {
			out[i] = hit{h.ID, h.Score}
		}
		return out
	}
	matched := 0
	for _, terms := range phrases {
		mine := newPhraseQuery(terms, fText, 1)
		ranking := askedOnly([]query.Query{newAdjacencyPhrase(terms, fText, 1)})[0]
		theirs := query.NewPhraseQuery(terms, fText)
		for _, c := range []struct {
			name         string
			mine, theirs query.Query
		}{
			{"alone", mine, theirs},
			{"and govern", query.NewConjunctionQuery([]query.Query{other, mine}), query.NewConjunctionQuery([]query.Query{other, theirs})},
			{"govern, phrase optional", query.NewBooleanQuery([]query.Query{other}, []query.Query{mine}, nil),
				query.NewBooleanQuery([]query.Query{other}, []query.Query{theirs}, nil)},
			{"govern, ranking phrase", query.NewBooleanQuery([]query.Query{other}, []query.Query{ranking}, nil),
				query.NewBooleanQuery([]query.Query{other}, []query.Query{theirs}, nil)},
			{"govern not revenu, ranking phrase", query.NewBooleanQuery([]query.Query{other}, []query.Query{ranking}, []query.Query{not}),
				query.NewBooleanQuery([]query.Query{other}, []query.Query{theirs}, []query.Query{not})},
			{"govern, ranking phrase among ten", query.NewBooleanQuery([]query.Query{other}, with(ranking), nil),
				query.NewBooleanQuery([]query.Query{other}, with(theirs), nil)},
			{"its words, ranking phrase among ten", query.NewBooleanQuery(wordsOf(terms), with(ranking), nil),
				query.NewBooleanQuery(wordsOf(terms), with(theirs), nil)},
		} {
			got, want := collect(c.mine), collect(c.theirs)
			if len(got) != len(want) {
				t.Fatalf("%q %s: %d matches, bleve's %d", terms, c.name, len(got), len(want))
			}
			for i := range want {
				if got[i].id != want[i].id || got[i].score != want[i].score {
					t.Fatalf("%q %s: match %d %v, bleve's %v", terms, c.name, i, got[i], want[i])
				}
			}
			if c.name == "alone" {
				matched += len(got)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no phrase matched: the test tells nothing")
	}
}

// wordsOf is a term query for each word of a phrase.
func wordsOf(terms []string) []query.Query {
	var out []query.Query
	for _, w := range terms {
		if w != "" {
			tq := query.NewTermQuery(w)
			tq.SetField(fText)
			out = append(out, tq)
		}
	}
	return out
}

// TestRankingPhraseChecksOnlyRequiredMatches: as the ranking's adjacency
// clause, a phrase reads the positions of the pieces the required clauses
// matched and of no other candidate; as a phrase of its own (what the
// ranking used before), it read every candidate up to its next match.
func TestRankingPhraseChecksOnlyRequiredMatches(t *testing.T) {
	ix := splitFixture(t, 400)
	ctx := context.Background()
	terms := []string{"congress", "economi"}
	must := append(wordsOf(terms), query.NewTermQuery("revenu"))
	must[2].(*query.TermQuery).SetField(fText)
	_, required, err := ix.collect(ctx, query.NewConjunctionQuery(must), 10, 0, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, candidates, err := ix.collect(ctx, query.NewConjunctionQuery(wordsOf(terms)), 10, 0, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if required < 10 || candidates < required+40 {
		t.Fatalf("%d pieces with the words, %d with revenu as well: the test tells little", candidates, required)
	}
	checked := func(phrase query.Query) int64 {
		c0 := checkedCandidates.Load()
		if _, _, err := ix.collect(ctx, query.NewBooleanQuery(must, []query.Query{phrase}, nil), 10, 0, nil, nil); err != nil {
			t.Fatal(err)
		}
		return checkedCandidates.Load() - c0
	}
	// one more at most: the first candidate, when it is the index's first
	// piece (no place sorts before it; phraseSearcher.askedNext)
	if n := checked(askedOnly([]query.Query{newAdjacencyPhrase(terms, fText, 1)})[0]); n > int64(required)+1 {
		t.Errorf("the ranking phrase checked %d candidates; the required clauses matched %d", n, required)
	}
	if n := checked(newPhraseQuery(terms, fText, 1)); n <= int64(required) {
		t.Errorf("a phrase of its own checked %d candidates, no more than the %d required matches: the test tells nothing", n, required)
	}
}

// memIndex is bleve's in-memory index (not scorch) of texts in fText,
// with IDs 000, 001, ...
func memIndex(t *testing.T, texts []string) bleve.Index {
	t.Helper()
	bi, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bi.Close() })
	b := bi.NewBatch()
	for i, text := range texts {
		if err := b.Index(fmt.Sprintf("%03d", i), map[string]interface{}{fText: text}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	return bi
}

// TestAskedOnlyPhraseNextAlone: bleve's searchers call an askedOnly
// phrase's Next at most twice in a row; called again and again, with no
// Advance between, it gives places that are no piece for a while, then
// every match a phrase of its own gives, in order.
func TestAskedOnlyPhraseNextAlone(t *testing.T) {
	ix := splitFixture(t, 200)
	terms := []string{"constitut", "congress"} // splitFixture adds "A constitutional congress" to a piece in ten
	ctx := context.Background()
	walk := func(q query.Query) (real []string, places int) {
		t.Helper()
		withSnapshot(ix.bi, func(snap *scorch.IndexSnapshot) {
			s, err := q.Searcher(ctx, snap, ix.bi.Mapping(), search.SearcherOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
			for {
				dm, err := s.Next(sctx)
				if err != nil {
					t.Fatal(err)
				}
				if dm == nil {
					return
				}
				if len(dm.IndexInternalID) != 8 {
					places++
				} else {
					real = append(real, fmt.Sprint(dm.IndexInternalID.Value()))
				}
			}
		})
		return real, places
	}
	want, _ := walk(newPhraseQuery(terms, fText, 1))
	got, places := walk(askedOnly([]query.Query{newAdjacencyPhrase(terms, fText, 1)})[0])
	if len(want) < 5 {
		t.Fatalf("%d matches: the test tells little", len(want))
	}
	if places == 0 || places > 10 {
		t.Errorf("%d places that are no piece before the matches", places)
	}
	if !slices.Equal(got, want) {
		t.Errorf("matches %v, a phrase of its own %v", got, want)
	}
}

// A phrase searcher that has run out stays out: bleve's disjunction
// advances a clause it has seen run out again at every piece it is asked
// for, and each such Advance used to read the positions of the remaining
// candidates again (21 s for "congress economy revenue" at 100k).
func TestPhraseSearcherRunOutStaysOut(t *testing.T) {
	const others = 50
	texts := []string{"alpha beta"}
	for range others { // both words, not the phrase
		texts = append(texts, "beta gamma alpha")
	}
	bi := memIndex(t, texts)
	ii, err := bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ii.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	s, err := newPhraseQuery([]string{"alpha", "beta"}, fText, 1).Searcher(ctx, r, bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps := s.(*phraseSearcher)
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(10, 0)}
	dm, err := ps.Next(sctx)
	if err != nil || dm == nil {
		t.Fatalf("first match: %v %v", dm, err)
	}
	if dm, err = ps.Next(sctx); err != nil || dm != nil {
		t.Fatalf("after the only match: %v %v", dm, err)
	}
	checked := ps.checked
	for i := 1; i <= others; i++ {
		id, err := r.InternalID(fmt.Sprintf("%03d", i))
		if err != nil {
			t.Fatal(err)
		}
		if dm, err := ps.Advance(sctx, id); err != nil || dm != nil {
			t.Fatalf("advanced to %03d after running out: %v %v", i, dm, err)
		}
	}
	if ps.checked != checked {
		t.Errorf("after running out, %d more candidates were read", ps.checked-checked)
	}
}

// TestSegmentPositionsAsTermReaders: the positions read from the segments
// are those bleve's term reader gives, for pieces asked in any order: the
// same piece again, back, forward past pieces without the word, across
// segments, and in pieces deleted or past the end.
func TestSegmentPositionsAsTermReaders(t *testing.T) {
	ix := splitFixture(t, 300)
	words := []string{"state", "unit", "zzqx"}
	withSnapshot(ix.bi, func(snap *scorch.IndexSnapshot) {
		var total uint64
		for _, ss := range snap.Segments() {
			total += ss.Segment().Count()
		}
		sp := newSegmentPositions(snap, fText, words)
		rng := rand.New(rand.NewPCG(1, 2))
		var d uint64
		checked := 0
		for range 3000 {
			switch r := rng.IntN(10); {
			case r == 0: // the same again
			case r == 1: // back
				d = rng.Uint64N(d + 1)
			case r == 2: // far ahead, into another segment
				d += rng.Uint64N(total/2 + 1)
			default:
				d += rng.Uint64N(4)
			}
			if d > total+2 {
				d = rng.Uint64N(total)
			}
			id := bleveindex.NewIndexInternalID(nil, d)
			for i, w := range words {
				got, ok, err := sp.positions(i, id)
				if err != nil {
					t.Fatal(err)
				}
				rd, err := snap.TermFieldReader(context.Background(), []byte(w), fText, false, false, true)
				if err != nil {
					t.Fatal(err)
				}
				var want []uint64
				doc, err := rd.Advance(id, nil)
				if err != nil {
					t.Fatal(err)
				}
				has := doc != nil && doc.ID.Equals(id)
				if has {
					for _, v := range doc.Vectors {
						want = append(want, v.Pos)
					}
					slices.Sort(want)
				}
				rd.Close()
				if ok != has || ok && !slices.Equal(got, want) {
					t.Fatalf("%q in piece %d: %v %v, the term reader's %v %v", w, d, ok, got, has, want)
				}
				if ok {
					checked++
				}
			}
		}
		if checked < 100 {
			t.Fatalf("only %d positions compared", checked)
		}
	})
}

// TestCombineAsksOnlyWhenNarrowed: the adjacency phrase checks only the
// pieces asked about when filters or restrictions narrow the required
// clauses, not for the words alone (where it costs more than it saves),
// and the ranking clauses given are not changed.
func TestCombineAsksOnlyWhenNarrowed(t *testing.T) {
	word := query.NewTermQuery("congress")
	word.SetField(fText)
	should := []query.Query{newAdjacencyPhrase([]string{"congress", "economi"}, fText, 1)}
	tag := query.NewTermQuery("isis")
	tag.SetField(fTags)
	asked := func(q query.Query) bool {
		t.Helper()
		for _, d := range q.(*query.BooleanQuery).Should.(*query.DisjunctionQuery).Disjuncts {
			if pq, ok := d.(*phraseQuery); ok {
				return pq.askedOnly
			}
		}
		t.Fatal("no adjacency phrase among the ranking clauses")
		return false
	}
	if asked(combine([]query.Query{word}, nil, should, nil, nil, "")) {
		t.Error("the words alone: the phrase checks only the pieces asked about")
	}
	if !asked(combine([]query.Query{word}, nil, should, map[string]query.Query{fTags: tag}, nil, "")) {
		t.Error("with a tag filter: the phrase checks its candidates")
	}
	if !asked(combine([]query.Query{word}, nil, should, nil, []query.Query{query.NewDocIDQuery([]string{"a"})}, "")) {
		t.Error("with IDs required: the phrase checks its candidates")
	}
	if asked(combine([]query.Query{word}, nil, should, map[string]query.Query{fTags: tag}, nil, fTags)) {
		t.Error("the tag filter left out (its facet's counts): the phrase checks only the pieces asked about")
	}
	if should[0].(*phraseQuery).askedOnly {
		t.Error("combine changed the ranking clauses it was given")
	}
}

// TestAskedOnlyPhraseOnOtherIndexes: outside scorch (bleve's in-memory
// index here), whose document numbers the places it answers with are made
// of, the adjacency phrase checks its candidates as a phrase of its own.
func TestAskedOnlyPhraseOnOtherIndexes(t *testing.T) {
	bi := memIndex(t, []string{"alpha beta gamma", "beta alpha", "alpha beta", "gamma alpha"})
	must := query.NewTermQuery("alpha")
	must.SetField(fText)
	phrase := askedOnly([]query.Query{newAdjacencyPhrase([]string{"alpha", "beta"}, fText, 1)})
	res, err := bi.Search(bleve.NewSearchRequest(query.NewBooleanQuery([]query.Query{must}, phrase, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 {
		t.Fatalf("%d matches, want 4", res.Total)
	}
	for _, h := range res.Hits[:2] { // the two with the phrase rank first
		if h.ID != "000" && h.ID != "002" {
			t.Errorf("ranked first: %s (%v)", h.ID, res.Hits)
		}
	}
}
