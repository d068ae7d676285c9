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
// kept, the pieces of that score are found again, in a summed search's
// sums (settleSums) or by a walk (settleTies), and those of the lowest
// IDs kept; then the page is sorted by score and ID.
func (ix *Index) collectRanked(ctx context.Context, q query.Query, pg page, counter *facetCounter,
	terms *facetTerms, key string) (search.DocumentMatchCollection, int, error) {
	ask := &tieAsk{size: pg.size}
	hits, total, err := ix.collectTied(ctx, q, pg.size+1, pg.from, pg.sortBy, counter, terms, key, ask)
	if err != nil {
		return nil, 0, err
	}
	if ask.settled {
		return hits, total, nil
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
// them a run), tiesSummed the ties settled from a summed search's sums
// instead (settleSums), and tieIDsRead the IDs they read (tests).
var tiesWalked, tiesSummed, tieIDsRead atomic.Int64

// tiesFromSums: a summed search settles its ties from its sums
// (settleSums; false: settleTies walks; the tests compare the two).
var tiesFromSums = true

// tieAsk asks a summed search (collectDenseSet) of size+1 hits to return
// the best size settled as settleTies does, from its sums, which it
// keeps until then (settleSums); settled says it did.
type tieAsk struct {
	size    int
	settled bool
}

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
// A summed search settles its ties from its sums instead (settleSums),
// with no walk: this walk is for the others (a collector's search: a
// command's that counts facets, a phrase or form checked on the text, a
// disjunction of more than DisjunctionHeapTakeover clauses).
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
	kept, found, err := ix.lowestTies(r, ix.walkTies(ctx, q, r), terms, cut, size-above)
	if err != nil {
		return nil, err
	}
	if found < tied {
		return hits[:size], nil
	}
	return appendTies(hits[:above:above], kept), nil
}

// settleSums is settleTies for a summed search's page (size+1 pieces in
// the collector's order, page), its ties found in root's sums (tiesAt)
// instead of a walk of the query: the same hits, in the same order, when
// the sums are bleve's scores to the bit (dnode.heapless). The IDs read
// are those of the pieces above the cut's score and of the ties kept
// (with the ranks; without, every tying piece's). At 50,000 pieces
// alike, all tying (BenchmarkTieWalk, CPU ms a search, two runs each in
// turn against b539b39's walk with the ranks, load 10.6-11.1 on two
// cores): `tax` 15.5-16.0 -> 4.0-4.4, `title:piece` 10.1 -> 3.5-3.8,
// `tax` 30 from 40,000 95-97 -> 49-50; what is left is the search itself
// (the sums, the facets over the matches), a pass over the sums, and,
// deep in the ties, the heap and sort of the page and its pieces' IDs
// (40,030 read). Nothing more is kept: the sums are let go of once the
// ties are taken.
func (ix *Index) settleSums(ctx context.Context, r bleveindex.IndexReader, root *dnode, docs uint64, page []scoredDoc,
	size int, terms *facetTerms) (search.DocumentMatchCollection, error) {
	// in the collector's order: by score, and so on the grid
	cut := gridScore(page[size-1].score)
	above := size
	if gridScore(page[size].score) == cut {
		above = 0
		for above < size && gridScore(page[above].score) != cut {
			above++
		}
	}
	hits := make(search.DocumentMatchCollection, 0, size)
	for _, h := range page[:above] {
		dm, err := pageHit(r, h)
		if err != nil {
			return nil, err
		}
		hits = append(hits, dm)
	}
	sortByScoreThenID(hits)
	if above == size {
		return hits, nil
	}
	tiesSummed.Add(1)
	kept, _, err := ix.lowestTies(r, root.tiesAt(ctx, docs), terms, cut, size-above)
	if err != nil {
		return nil, err
	}
	return appendTies(hits, kept), nil
}

// appendTies appends the ties kept to hits.
func appendTies(hits search.DocumentMatchCollection, kept []tie) search.DocumentMatchCollection {
	for _, k := range kept {
		hits = append(hits, &search.DocumentMatch{ID: k.id, IndexInternalID: k.doc, Score: k.score, Sort: []string{"_score"}})
	}
	return hits
}

// lowestTies returns the need pieces of ties scored cut of the lowest IDs,
// in ID order, and how many there were: by the ranks of snapshot r's
// order when terms has them (tiesByRank), else by their IDs (tiesByID).
func (ix *Index) lowestTies(r bleveindex.IndexReader, ties tieSource, terms *facetTerms, cut float64, need int) ([]tie, int, error) {
	if ord := terms.order0(r); ord != nil && ord.ranks != nil {
		kept, found, ranked, err := ix.tiesByRank(r, ties, ord, cut, need)
		if err != nil || ranked {
			return kept, found, err
		}
	}
	return ix.tiesByID(r, ties, cut, need)
}

// tie is a piece of the tying score.
type tie struct {
	id    string
	doc   bleveindex.IndexInternalID
	score float64
}

// tieSource calls f with each piece scored cut on gridScore's grid (its
// document number and score), and returns their number.
type tieSource func(cut float64, f func(doc uint64, score float64) error) (int, error)

// walkTies is the ties of q in snapshot r, found by a walk of its
// searchers.
func (ix *Index) walkTies(ctx context.Context, q query.Query, r bleveindex.IndexReader) tieSource {
	return func(cut float64, f func(doc uint64, score float64) error) (int, error) {
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
				if err := f(d.IndexInternalID.Value(), d.Score); err != nil {
					return 0, err
				}
			}
			sctx.DocumentMatchPool.Put(d)
		}
	}
}

// tiesByID takes the ties scored cut, and returns the need of them of the
// lowest IDs, in ID order, and how many there were: each one's ID is read
// from r.
func (ix *Index) tiesByID(r bleveindex.IndexReader, ties tieSource, cut float64, need int) ([]tie, int, error) {
	byID := func(a, b tie) int { return cmp.Compare(a.id, b.id) }
	var kept []tie // the lowest IDs seen, cut to need past 2*need+64
	found, err := ties(cut, func(d uint64, score float64) error {
		tieIDsRead.Add(1)
		doc := bleveindex.NewIndexInternalID(nil, d)
		id, err := r.ExternalID(doc)
		if err != nil {
			return err
		}
		kept = append(kept, tie{id, doc, score})
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
// false when a piece has no rank in ord (tiesByID then takes them).
func (ix *Index) tiesByRank(r bleveindex.IndexReader, ties tieSource, ord *docOrder, cut float64, need int) (kept []tie, found int, ok bool, err error) {
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
	found, err = ties(cut, func(doc uint64, score float64) error {
		rank, has := ord.rankOf(doc)
		if !has {
			return errUnranked
		}
		if rank > worst {
			return nil // need pieces of lower IDs are kept
		}
		low = append(low, ranked{rank, doc, score})
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
