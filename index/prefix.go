package index

import (
	"context"
	"math"
	"reflect"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// typedPrefixQuery is the word being typed as a prefix when it is the
// whole text of the query. Bleve's prefix query is a disjunction of one
// term searcher per word the prefix begins, walked side by side in a heap:
// the first three letters of a word ("con", "pro") begin hundreds of words
// found in nearly every piece, and at 100k pieces the heap was half of a
// keystroke's 150-190 ms. This one gives every piece the same score (the
// same term searchers, summed and weighed by the share of the words
// matched, as bleve's disjunction does) but reads each word's postings in
// turn into an array by document, then hands the pieces out in order.
// Reading whole postings is worse than the heap when another word of the
// query skips most of them, hence whole text only; and when nothing is
// scored (counts, facets) bleve's own is used, which merges the postings
// as bitmaps.
type typedPrefixQuery struct {
	prefix, field string
	boost         float64
}

func (q *typedPrefixQuery) bleve() query.Query {
	pq := query.NewPrefixQuery(q.prefix)
	pq.SetField(q.field)
	pq.SetBoost(q.boost)
	return pq
}

func (q *typedPrefixQuery) Searcher(ctx context.Context, r bleveindex.IndexReader, m mapping.IndexMapping,
	opts search.SearcherOptions) (search.Searcher, error) {
	if opts.Score == "none" || opts.Explain || opts.IncludeTermVectors || fewDocs(ctx) {
		return q.bleve().Searcher(ctx, r, m, opts)
	}
	terms, err := prefixTerms(r, q.field, q.prefix)
	if err != nil {
		return nil, err
	}
	if len(terms) <= searcher.DisjunctionHeapTakeover {
		return q.bleve().Searcher(ctx, r, m, opts) // no heap to spare
	}
	s := &accumSearcher{ctx: ctx, r: r, field: q.field, terms: terms, boost: q.boost}
	if cb, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok {
		s.bm25 = cb() == bleveindex.BM25Scoring
	}
	for _, t := range terms {
		ts, err := searcher.NewTermSearcher(ctx, r, t, q.field, q.boost, opts)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.subs = append(s.subs, ts)
	}
	// as bleve's disjunction does, until a parent sets its own
	s.SetQueryNorm(1 / math.Sqrt(s.Weight()))
	return s, nil
}

// prefixTerms are the terms of field that begin with prefix, in the
// dictionary's order.
func prefixTerms(r bleveindex.IndexReader, field, prefix string) ([]string, error) {
	d, err := r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil, err
	}
	var terms []string
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return nil, err
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	return terms, d.Close()
}

// termFreqWeight is bleve's TF-IDF tf of a term's frequency in a piece
// (scorer.TermQueryScorer.Score: a table of square roots, then math.Sqrt).
func termFreqWeight(freq uint64) float64 {
	if freq < scorer.MaxSqrtCache {
		return scorer.SqrtCache[int(freq)]
	}
	return math.Sqrt(float64(freq))
}

// accumSearcher is a disjunction of term searchers scored term at a time:
// each one's matches are summed into an array by document number, which
// is then handed out in order. The score is bleve's disjunction's: the
// sum of the terms' scores times the share of the terms matched.
type accumSearcher struct {
	ctx  context.Context
	subs []search.Searcher
	// for sumPostings: the words' term searchers read from the
	// segments' postings
	r         bleveindex.IndexReader
	field     string
	terms     []string // subs' words, in order
	boost     float64
	queryNorm float64
	bm25      bool
	summed    bool
	scores    []float64
	counts    []uint32
	next      uint64
}

func (s *accumSearcher) Weight() float64 {
	var w float64
	for _, sub := range s.subs {
		w += sub.Weight()
	}
	return w
}

func (s *accumSearcher) SetQueryNorm(n float64) {
	s.queryNorm = n
	for _, sub := range s.subs {
		sub.SetQueryNorm(n)
	}
}

// sum reads every term's matches.
func (s *accumSearcher) sum(ctx *search.SearchContext) error {
	s.summed = true
	if ok, err := s.sumPostings(); ok || err != nil {
		return err
	}
	for _, sub := range s.subs {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		for {
			dm, err := sub.Next(ctx)
			if err != nil {
				return err
			}
			if dm == nil {
				break
			}
			d := dm.IndexInternalID.Value()
			if d >= uint64(len(s.counts)) {
				n := max(2*len(s.counts), int(d)+1)
				s.counts = append(s.counts, make([]uint32, n-len(s.counts))...)
				s.scores = append(s.scores, make([]float64, n-len(s.scores))...)
			}
			s.scores[d] += dm.Score
			s.counts[d]++
			ctx.DocumentMatchPool.Put(dm)
		}
	}
	return nil
}

func (s *accumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.summed {
		if err := s.sum(ctx); err != nil {
			return nil, err
		}
	}
	n := float64(len(s.subs))
	for d := s.next; d < uint64(len(s.counts)); d++ {
		if c := s.counts[d]; c > 0 {
			dm := ctx.DocumentMatchPool.Get()
			dm.IndexInternalID = bleveindex.NewIndexInternalID(dm.IndexInternalID, d)
			dm.Score = s.scores[d] * (float64(c) / n)
			s.next = d + 1
			return dm, nil
		}
	}
	s.next = uint64(len(s.counts))
	return nil, nil
}

func (s *accumSearcher) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	s.next = id.Value()
	return s.Next(ctx)
}

func (s *accumSearcher) Count() uint64 {
	var n uint64
	for _, sub := range s.subs {
		n += sub.Count()
	}
	return n
}

func (s *accumSearcher) Min() int { return 0 }

func (s *accumSearcher) DocumentMatchPoolSize() int { return 2 }

func (s *accumSearcher) Size() int {
	n := int(reflect.TypeFor[accumSearcher]().Size()) + 12*len(s.counts)
	for _, sub := range s.subs {
		n += sub.Size()
	}
	return n
}

func (s *accumSearcher) Close() error {
	var first error
	for _, sub := range s.subs {
		if err := sub.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
