package index

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A scored search of a large index is collected on two cores: the
// snapshot's document numbers are cut in two, the query's searchers are
// built once for each half and walk that half alone (spanSearcher), each
// under its own top-N collector, and the two pages are merged in the
// collector's order. Every piece is scored by the same searchers as in one
// walk, so scores are the same but in their last bits (bleve's disjunction
// heap adds a piece's clauses in the order its heap holds them, which
// depends on the pieces walked before); bleve's collector breaks a tie of
// scores by the order the pieces were found, their document numbers, and
// so does the merge. The page and the total are those of one walk but
// that pieces scoring the same within 1e-12 may trade places
// (TestSplitCollectIsOneWalk). Only queries whose searchers decide each
// piece by itself are cut (splittable): a searcher with a budget (the
// word being typed's exact forms read 64 texts at most, in the order met)
// would check other pieces in two halves than in one walk.

// A scored search is cut in two when the index has minSplitDocs pieces
// and its searchers expect minSplitMatches matches or more (their Count,
// an estimate: a conjunction's is its clauses' sum). The searchers are
// built once to read that count and once more for each half (the word
// being typed's took 0.5 ms a search in a profile at 100k). Both
// thresholds were chosen, not tuned by measurement. Variables for the
// tests.
var (
	minSplitDocs    uint64 = 20000
	minSplitMatches uint64 = 5000
)

// docSpan is the range of document numbers a searcher built under a split
// walks (context value; accumSearcher reads only that range).
type docSpan struct{ lo, hi uint64 }

type docSpanKey struct{}

func withDocSpan(ctx context.Context, sp docSpan) context.Context {
	return context.WithValue(ctx, docSpanKey{}, sp)
}

// withoutSpan is ctx for searchers that walk every piece, within a split
// walk's search.
func withoutSpan(ctx context.Context) context.Context {
	if _, ok := docSpanOf(ctx); !ok {
		return ctx
	}
	return context.WithValue(ctx, docSpanKey{}, nil)
}

func docSpanOf(ctx context.Context) (docSpan, bool) {
	sp, ok := ctx.Value(docSpanKey{}).(docSpan)
	return sp, ok
}

// segmentOffsets lists snap's segments with the document number each
// starts at (scorch numbers a snapshot's documents segment after segment,
// deleted ones included), and the numbers in all.
func segmentOffsets(snap *scorch.IndexSnapshot) (segs []*scorch.SegmentSnapshot, offsets []uint64, total uint64) {
	segs = snap.Segments()
	offsets = make([]uint64, len(segs))
	for i, ss := range segs {
		offsets[i] = total
		total += ss.Segment().Count()
	}
	return segs, offsets, total
}

// caught runs fn, a panic made its error: a search on goroutines of its
// own fails as one on the caller's would, instead of the process.
func caught(what string, fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: %v", what, p)
		}
	}()
	return fn()
}

// spanWalk keeps a searcher that checks its candidates (a phrase's
// positions, a piece's exact forms) within the span of a split walk:
// its first call starts at the span, not at the index's first piece (an
// Advance before any Next makes bleve's conjunctions walk their clauses
// from the start), and a candidate past the span ends the walk before it
// is checked (the walk of the first half would otherwise check
// candidates up to the next match past it, the whole second half when
// none matches). Outside a split walk (on false) it changes nothing, and
// reads no document numbers (an index other than scorch has IDs of its
// own).
type spanWalk struct {
	span        docSpan
	on, started bool
}

func newSpanWalk(ctx context.Context) spanWalk {
	sp, ok := docSpanOf(ctx)
	return spanWalk{span: sp, on: ok}
}

// next is inner.Next, or, for the first call, inner's Advance to the
// span's first piece.
func (w *spanWalk) next(ctx *search.SearchContext, inner search.Searcher) (*search.DocumentMatch, error) {
	if !w.started {
		w.started = true
		if w.on && w.span.lo > 0 {
			return inner.Advance(ctx, bleveindex.NewIndexInternalID(nil, w.span.lo))
		}
	}
	return inner.Next(ctx)
}

// advance is inner's Advance to id, or to the span's first piece if that
// is further.
func (w *spanWalk) advance(ctx *search.SearchContext, inner search.Searcher, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	w.started = true
	if w.on && id.Value() < w.span.lo {
		id = bleveindex.NewIndexInternalID(nil, w.span.lo)
	}
	return inner.Advance(ctx, id)
}

// past reports whether dm is past the span, and then puts it back.
func (w *spanWalk) past(ctx *search.SearchContext, dm *search.DocumentMatch) bool {
	if w.on && dm != nil && dm.IndexInternalID.Value() >= w.span.hi {
		ctx.DocumentMatchPool.Put(dm)
		return true
	}
	return false
}

// splittable reports whether every searcher of q decides each piece by
// itself, whatever pieces it was asked about before.
func splittable(q query.Query) bool {
	switch q := q.(type) {
	case nil:
		return true
	case *query.BooleanQuery:
		return splittable(q.Must) && splittable(q.Should) && splittable(q.MustNot)
	case *query.ConjunctionQuery:
		return !slices.ContainsFunc(q.Conjuncts, func(c query.Query) bool { return !splittable(c) })
	case *query.DisjunctionQuery:
		return !slices.ContainsFunc(q.Disjuncts, func(c query.Query) bool { return !splittable(c) })
	case *query.TermQuery, *query.PrefixQuery, *query.MatchAllQuery, *query.MatchNoneQuery,
		*query.DocIDQuery, *query.DateRangeQuery, *query.FuzzyQuery:
		return true
	case *typedPrefixQuery, *phraseQuery:
		return true
	case *exactQuery:
		return q.budget == 0 && splittable(q.candidates)
	}
	return false // a kind not looked at
}

// splitAt returns where to cut r's document numbers, or false when r is
// not to be cut.
func splitAt(r bleveindex.IndexReader) (uint64, bool) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || runtime.GOMAXPROCS(0) < 2 {
		return 0, false
	}
	_, _, total := segmentOffsets(snap)
	if total < minSplitDocs {
		return 0, false
	}
	return splitMid(total), true
}

// splitMid is where a split walk cuts the document numbers (a variable
// for the tests).
var splitMid = func(total uint64) uint64 { return total / 2 }

// collectSplit collects the page size from from of q, sorted by sortBy,
// from the two halves of r's document numbers at once, keeping the
// matches' document numbers in sets under key as one walk's recorder
// does (when sets is not nil and key not ""). It returns false when q or
// r is not to be cut.
func (ix *Index) collectSplit(ctx context.Context, q query.Query, r bleveindex.IndexReader, size, from int,
	sortBy []string, sets *facetTerms, key string) (hits search.DocumentMatchCollection, total int, ok bool, err error) {
	mid, ok := splitAt(r)
	if !ok || !splittable(q) || fewIDs(q) {
		return nil, 0, false, nil
	}
	splitWalks.Add(1)
	q = keepingShould(q)
	record := sets != nil && key != ""
	spans := [2]docSpan{{0, mid}, {mid, ^uint64(0)}}
	type half struct {
		coll *collector.TopNCollector
		rec  *recorder
		err  error
	}
	var halves [2]half
	order := search.ParseSortOrderStrings(sortBy)
	var wg sync.WaitGroup
	for i := range halves {
		h, sp := &halves[i], spans[i]
		wg.Go(func() {
			h.err = caught(fmt.Sprintf("search of pieces %d-%d", sp.lo, sp.hi), func() error {
				s, err := q.Searcher(withDocSpan(ctx, sp), r, ix.bi.Mapping(), search.SearcherOptions{})
				if err != nil {
					return err
				}
				defer s.Close()
				var walk search.Searcher = &spanSearcher{Searcher: s, walk: spanWalk{span: sp, on: true}}
				if record {
					h.rec = &recorder{Searcher: walk}
					walk = h.rec
				}
				h.coll = collector.NewTopNCollector(size+from, 0, order.Copy())
				return h.coll.Collect(ctx, walk, r)
			})
		})
	}
	wg.Wait()
	for _, h := range halves {
		if h.err != nil {
			return nil, 0, true, h.err
		}
	}
	a, b := halves[0].coll.Results(), halves[1].coll.Results()
	// the collector numbers the pieces in the order found, and breaks ties
	// by those numbers: b's pieces, numbered from 1, come after a's
	for _, h := range b {
		h.HitNumber += halves[0].coll.Total()
	}
	scoring, desc := order.CacheIsScore(), order.CacheDescending()
	merged := make(search.DocumentMatchCollection, 0, min(len(a)+len(b), size+from))
	for len(merged) < size+from && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || len(a) > 0 && order.Compare(scoring, desc, a[0], b[0]) <= 0 {
			merged, a = append(merged, a[0]), a[1:]
		} else {
			merged, b = append(merged, b[0]), b[1:]
		}
	}
	hits = search.DocumentMatchCollection{}
	if from < len(merged) {
		hits = merged[from:]
	}
	if record {
		ra, rb := halves[0].rec, halves[1].rec
		if !ra.tooMany && !rb.tooMany {
			docs := ra.docs // not the recorder, which holds the closed searcher
			docs.or(&rb.docs)
			sets.keepHitSet(r, key, &docs)
		}
	}
	return hits, int(halves[0].coll.Total() + halves[1].coll.Total()), true, nil
}

// spanSearcher walks a searcher's matches in a range of document numbers.
type spanSearcher struct {
	search.Searcher
	walk spanWalk
	done bool // past the range, or run out
}

func (s *spanSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	dm, err := s.walk.next(ctx, s.Searcher)
	return s.cut(ctx, dm, err)
}

func (s *spanSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done {
		return nil, nil
	}
	dm, err := s.walk.advance(ctx, s.Searcher, id)
	return s.cut(ctx, dm, err)
}

// cut ends the walk at the first match past the range.
func (s *spanSearcher) cut(ctx *search.SearchContext, dm *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if err != nil {
		return nil, err
	}
	if dm == nil || s.walk.past(ctx, dm) {
		s.done = true
		return nil, nil
	}
	return dm, nil
}

// splitWalks counts the searches collectSplit cut, and checkedCandidates
// the candidates phrase and exact searchers checked, added as they close
// (tests).
var splitWalks, checkedCandidates atomic.Int64

// fewIDs reports whether q requires one of fewer than minSplitMatches
// pieces named by ID (a page checked again, a group of copies): its
// searchers' Count, a conjunction's the sum of its clauses', does not
// tell.
func fewIDs(q query.Query) bool {
	switch q := q.(type) {
	case *query.DocIDQuery:
		return uint64(len(q.IDs)) < minSplitMatches
	case *query.ConjunctionQuery:
		return slices.ContainsFunc(q.Conjuncts, fewIDs)
	case *query.BooleanQuery:
		return q.Must != nil && fewIDs(q.Must)
	}
	return false
}

// keepingShould is q with its optional clauses' searcher kept from losing
// a match when advanced (keptSearcher), when q is a boolean query.
func keepingShould(q query.Query) query.Query {
	bq, ok := q.(*query.BooleanQuery)
	if !ok || bq.Should == nil {
		return q
	}
	c := *bq
	c.Should = keptQuery{bq.Should}
	return &c
}

// keptQuery is a query whose searcher is a keptSearcher.
type keptQuery struct{ query.Query }

func (q keptQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping,
	opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	if _, none := s.(*searcher.MatchNoneSearcher); none {
		return s, nil // bleve's boolean searcher leaves it out
	}
	return &keptSearcher{Searcher: s}, nil
}

// keptSearcher hands out its last match again when advanced to it or
// before it. Bleve's boolean searcher (v2.6.3), advanced, advances its
// optional clauses' searcher to the piece asked for even when that
// searcher's match is already there or past it: a disjunction has then
// moved past its match, and the piece is scored without its optional
// clauses. A split walk's second half starts by advancing the query's
// searcher to its first piece, so a piece there that is the optional
// clauses' first match lost their score (TestSplitKeepsTheFirstOptional).
type keptSearcher struct {
	search.Searcher
	last search.DocumentMatch // a copy of the last match handed out
	has  bool
}

func (s *keptSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.keep(dm)
	return dm, err
}

func (s *keptSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.has && s.last.IndexInternalID.Compare(id) >= 0 {
		dm := ctx.DocumentMatchPool.Get()
		dm.IndexInternalID = append(dm.IndexInternalID[:0], s.last.IndexInternalID...)
		dm.Score = s.last.Score
		dm.FieldTermLocations = append(dm.FieldTermLocations[:0], s.last.FieldTermLocations...)
		return dm, nil
	}
	dm, err := s.Searcher.Advance(ctx, id)
	s.keep(dm)
	return dm, err
}

func (s *keptSearcher) keep(dm *search.DocumentMatch) {
	if dm == nil {
		return // run out: the last match stays the last
	}
	s.has = true
	s.last.IndexInternalID = append(s.last.IndexInternalID[:0], dm.IndexInternalID...)
	s.last.Score = dm.Score
	s.last.FieldTermLocations = append(s.last.FieldTermLocations[:0], dm.FieldTermLocations...)
}
