package index

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// collectRanked collects the best pg.size hits of q by score, equal
// scores in ID order, for rerankByLength. The collectors (bleve's, and
// folio's dense and split walks) break ties by document number, and the
// order of documents is each build's and refresh's own: with more pieces
// of one score than the page holds, which of them were kept, and in which
// order they came, changed from one build to the next (`search
// 'title:union'` on SOTU gave three top fives in three rebuilds). So one
// hit more than the page is collected: when it ties with the last one
// kept, the pieces of that score are walked again and those of the lowest
// IDs kept (settleTies); then the page is sorted by score and ID.
func (ix *Index) collectRanked(ctx context.Context, q query.Query, pg page, counter *facetCounter,
	terms *facetTerms, key string) (search.DocumentMatchCollection, int, error) {
	hits, total, err := ix.collectKeyed(ctx, q, pg.size+1, pg.from, pg.sortBy, counter, terms, key)
	if err != nil {
		return nil, 0, err
	}
	if len(hits) > pg.size {
		// sorted by score and ID
		hits, err = ix.settleTies(ctx, q, hits, pg.size, terms)
		return hits, total, err
	}
	sortByScoreThenID(hits)
	return hits, total, nil
}

// byGridScore says hits are by score on gridScore's grid, best first.
func byGridScore(hits search.DocumentMatchCollection) bool {
	for i := 1; i < len(hits); i++ {
		if cmp.Compare(gridScore(hits[i-1].Score), gridScore(hits[i].Score)) < 0 {
			return false
		}
	}
	return true
}

// sortByScoreThenID sorts hits by byScoreThenID, each hit's gridScore
// computed once: pages of tens of thousands of hits (an --offset deep
// into ties) took tens of ms sorted stably with the grid computed at each
// comparison. No two hits have one ID, so the order is byScoreThenID's,
// stable or not.
func sortByScoreThenID(hits search.DocumentMatchCollection) {
	type keyed struct {
		grid float64
		h    *search.DocumentMatch
	}
	ks := make([]keyed, len(hits))
	for i, h := range hits {
		ks[i] = keyed{gridScore(h.Score), h}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(b.grid, a.grid); c != 0 {
			return c
		}
		return cmp.Compare(a.h.ID, b.h.ID)
	})
	for i, k := range ks {
		hits[i] = k.h
	}
}

// byScoreThenID orders hits by score on gridScore's grid, best first,
// then by ID.
func byScoreThenID(a, b *search.DocumentMatch) int {
	if c := cmp.Compare(gridScore(b.Score), gridScore(a.Score)); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// gridScore is a score rounded to 32 bits of mantissa, a relative step of
// 2^-32: the scores that order hits and find ties. A piece's score is not
// always the same to the last bit: a disjunction of more than
// DisjunctionHeapTakeover clauses adds its clauses in its heap's order,
// which depends on the walk (dense.go), so one piece scored 0.571941302334635
// 47 in a search of 1,000 hits and …558 in one of 147, and equal scores
// compared exactly put a piece on two pages and none on another (47s).
// Scores that close say nothing of relevance; on the grid they tie, and
// ties go by ID. (Two scores one bit apart can still fall either side of
// a step: about one pair in 2^20.)
func gridScore(s float64) float64 {
	if s == 0 || math.IsInf(s, 0) || math.IsNaN(s) {
		return s
	}
	frac, exp := math.Frexp(s)
	return math.Ldexp(math.Round(frac*(1<<32))/(1<<32), exp)
}

// tiesWalked counts the walks of settleTies (BenchmarkTyping reports
// them a run), and tieIDsRead the IDs they read (tests).
var tiesWalked, tieIDsRead atomic.Int64

// settleTies returns the best size of hits, the best size+1 of q in a
// collector's order, sorted by score and ID (byScoreThenID). When the last two tie (on gridScore's grid), the
// hits of that score are replaced by the pieces of that score of the
// lowest IDs, found by a walk of q's matches. With the ranks of the
// snapshot's IDs at hand (docOrder.ranks, read with the order: warm.go,
// colfile.go) the walk compares those, and reads the IDs of the pieces
// kept alone; else it reads the ID of every tying piece (bleve's sort by
// _id reads every match's), ~0.8 µs each. Should the walk not find every
// tying hit again, the hits are kept as collected. At 50,000 pieces
// alike, all tying (BenchmarkTieWalk, CPU ms a search, two runs each in
// turn at 5dacafa and with the ranks, load 7-9 on two cores): `tax`
// 45.8-46.1 -> 16.9-17.1, `title:piece` 38.2-38.5 -> 10.8-11.2, `tax` 30
// from 40,000 196-208 -> 101-105 (with the sorts of sortByScoreThenID and
// byGridScore); what is left is mostly the walk itself (bleve's
// searchers, ~0.3 µs a match) and, deep in the ties, the kept pieces' IDs.
func (ix *Index) settleTies(ctx context.Context, q query.Query, hits search.DocumentMatchCollection, size int, terms *facetTerms) (search.DocumentMatchCollection, error) {
	// a collector's hits come best first, and so on the grid: the hits
	// above the cut's score are then the first, and only the hits kept
	// need sorting by ID (the collector's order is checked, not assumed)
	if !byGridScore(hits) {
		sortByScoreThenID(hits)
	}
	cut := gridScore(hits[size-1].Score)
	if gridScore(hits[size].Score) != cut {
		sortByScoreThenID(hits[:size])
		return hits[:size], nil
	}
	above := 0
	for above < size && gridScore(hits[above].Score) != cut {
		above++
	}
	sortByScoreThenID(hits[:above])
	need := size - above
	tied := 0 // collected: the walk must find them all again
	for _, h := range hits {
		if gridScore(h.Score) == cut {
			tied++
		}
	}
	tiesWalked.Add(1)
	r, done, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer done()
	var kept []tie
	var found int
	ranked := false
	if ord := terms.order0(r); ord != nil && ord.ranks != nil {
		kept, found, ranked, err = ix.tiesByRank(ctx, q, r, ord, cut, need)
		if err != nil {
			return nil, err
		}
	}
	if !ranked {
		if kept, found, err = ix.tiesByID(ctx, q, r, cut, need); err != nil {
			return nil, err
		}
	}
	if found < tied {
		return hits[:size], nil
	}
	out := hits[:above:above]
	for _, k := range kept {
		out = append(out, &search.DocumentMatch{ID: k.id, IndexInternalID: k.doc, Score: k.score, Sort: []string{"_score"}})
	}
	return out, nil
}

// tie is a piece of the tying score.
type tie struct {
	id    string
	doc   bleveindex.IndexInternalID
	score float64
}

// walkTies calls f with each match of q scored cut on gridScore's grid,
// and returns their number.
func (ix *Index) walkTies(ctx context.Context, q query.Query, r bleveindex.IndexReader, cut float64, f func(*search.DocumentMatch) error) (int, error) {
	s, err := q.Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	found, n := 0, 0
	for {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		d, err := s.Next(sctx)
		if err != nil {
			return 0, err
		}
		if d == nil {
			return found, nil
		}
		if gridScore(d.Score) == cut {
			found++
			if err := f(d); err != nil {
				return 0, err
			}
		}
		sctx.DocumentMatchPool.Put(d)
	}
}

// tiesByID walks the matches of q scored cut, and returns the need of them
// of the lowest IDs, in ID order, and how many there were: each one's ID
// is read.
func (ix *Index) tiesByID(ctx context.Context, q query.Query, r bleveindex.IndexReader, cut float64, need int) ([]tie, int, error) {
	byID := func(a, b tie) int { return cmp.Compare(a.id, b.id) }
	var kept []tie // the lowest IDs seen, cut to need past 2*need+64
	found, err := ix.walkTies(ctx, q, r, cut, func(d *search.DocumentMatch) error {
		tieIDsRead.Add(1)
		id, err := r.ExternalID(d.IndexInternalID)
		if err != nil {
			return err
		}
		kept = append(kept, tie{id, slices.Clone(d.IndexInternalID), d.Score})
		if len(kept) >= 2*need+64 {
			slices.SortFunc(kept, byID)
			kept = kept[:need]
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(kept, byID)
	return kept[:min(need, len(kept))], found, nil
}

// errUnranked stops tiesByRank's walk at a piece ord has no rank for.
var errUnranked = errors.New("a piece without a rank")

// tiesByRank is tiesByID comparing the ranks of ord, the order of snapshot
// r, instead of IDs: it reads the IDs of the pieces kept alone. ok is
// false when a piece has no rank in ord (tiesByID then walks).
func (ix *Index) tiesByRank(ctx context.Context, q query.Query, r bleveindex.IndexReader, ord *docOrder, cut float64, need int) (kept []tie, found int, ok bool, err error) {
	type ranked struct {
		rank  uint32
		doc   uint64
		score float64
	}
	byRank := func(low []ranked) { // by rank; the ranks differ
		keys := make([]uint64, len(low)) // the rank, and the place in low
		for i, l := range low {
			keys[i] = uint64(l.rank)<<32 | uint64(i)
		}
		slices.Sort(keys)
		sorted := make([]ranked, len(low))
		for i, k := range keys {
			sorted[i] = low[uint32(k)]
		}
		copy(low, sorted)
	}
	var low []ranked        // the lowest ranks seen, cut to need past 2*need+64
	worst := uint32(noRank) // once low is cut to need: the highest rank in it
	found, err = ix.walkTies(ctx, q, r, cut, func(d *search.DocumentMatch) error {
		doc := d.IndexInternalID.Value()
		rank, has := ord.rankOf(doc)
		if !has {
			return errUnranked
		}
		if rank > worst {
			return nil // need pieces of lower IDs are kept
		}
		low = append(low, ranked{rank, doc, d.Score})
		if len(low) >= 2*need+64 {
			byRank(low)
			low = low[:need]
			worst = low[need-1].rank
		}
		return nil
	})
	if errors.Is(err, errUnranked) {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	byRank(low)
	low = low[:min(need, len(low))]
	kept = make([]tie, len(low))
	for i, l := range low {
		doc := bleveindex.NewIndexInternalID(nil, l.doc)
		tieIDsRead.Add(1)
		id, err := r.ExternalID(doc)
		if err != nil {
			return nil, 0, false, err
		}
		kept[i] = tie{id, doc, l.score}
	}
	return kept, found, true, nil
}
