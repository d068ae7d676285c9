package index

import (
	"cmp"
	"context"
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
		if hits, err = ix.settleTies(ctx, q, hits, pg.size); err != nil {
			return nil, 0, err
		}
	}
	slices.SortStableFunc(hits, byScoreThenID)
	return hits, total, nil
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
// them a run).
var tiesWalked atomic.Int64

// settleTies returns the best size of hits, the best size+1 of q in a
// collector's order. When the last two tie (on gridScore's grid), the
// hits of that score are replaced by the pieces of that score of the
// lowest IDs, found by a walk of q's matches that reads the ID of those
// pieces alone (bleve's sort by _id reads every match's). Should the walk
// not find every tying hit again, the hits are kept as collected.
func (ix *Index) settleTies(ctx context.Context, q query.Query, hits search.DocumentMatchCollection, size int) (search.DocumentMatchCollection, error) {
	slices.SortStableFunc(hits, byScoreThenID) // the collector's order, on the grid
	cut := gridScore(hits[size-1].Score)
	if gridScore(hits[size].Score) != cut {
		return hits[:size], nil
	}
	above := 0
	for above < size && gridScore(hits[above].Score) != cut {
		above++
	}
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
	s, err := q.Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	type tie struct {
		id    string
		doc   bleveindex.IndexInternalID
		score float64
	}
	var kept []tie // the lowest IDs seen, cut to need past 2*need+64
	found, n := 0, 0
	for {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if d == nil {
			break
		}
		if gridScore(d.Score) == cut {
			found++
			id, err := r.ExternalID(d.IndexInternalID)
			if err != nil {
				return nil, err
			}
			kept = append(kept, tie{id, slices.Clone(d.IndexInternalID), d.Score})
			if len(kept) >= 2*need+64 {
				slices.SortFunc(kept, func(a, b tie) int { return cmp.Compare(a.id, b.id) })
				kept = kept[:need]
			}
		}
		sctx.DocumentMatchPool.Put(d)
	}
	if found < tied {
		return hits[:size], nil
	}
	slices.SortFunc(kept, func(a, b tie) int { return cmp.Compare(a.id, b.id) })
	kept = kept[:need]
	out := hits[:above:above]
	for _, k := range kept {
		out = append(out, &search.DocumentMatch{ID: k.id, IndexInternalID: k.doc, Score: k.score, Sort: []string{"_score"}})
	}
	return out, nil
}
