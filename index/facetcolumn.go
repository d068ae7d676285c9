package index

import (
	"context"
	"math/bits"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// facetColumn is the facets column of one index snapshot in memory: for
// each document number, the positions of its values among the facet terms.
// Counting the facets of a search is then a walk over its hits' numbers
// with an increment per value; through bleve's collector each hit's values
// were read from the compressed doc values and each looked up twice in a
// map by name, ~45 ms per 100k hits. About 4 bytes per value and per
// document: ~4 MB at 100k pieces.
type facetColumn struct {
	snap  bleveindex.IndexReader // the snapshot it was read from
	start []uint32               // values of document d: vals[start[d]:start[d+1]]
	vals  []uint32
}

// of returns the value positions of document d.
func (c *facetColumn) of(d uint64) []uint32 {
	if d+1 >= uint64(len(c.start)) {
		return nil
	}
	return c.vals[c.start[d]:c.start[d+1]]
}

// columns keeps the column of the latest snapshot counted twice, or
// warmed (Index.startWarm: after the first search on a view, off the
// keystroke path): otherwise the first count on a snapshot goes through
// the collector and the second reads the column (one pass over every
// document, about what one count over all of them costs), so that an
// index being built, whose snapshot changes at every batch, is not read
// whole at every keystroke.
type columns struct {
	mu   sync.Mutex
	seen bleveindex.IndexReader // the snapshot of the last count
	col  *facetColumn
	bad  bleveindex.IndexReader // a snapshot with values not among the terms

	// the matches of the last search of hits: the interface asks for the
	// hits of a keystroke first and its facets next (ModeHits, then
	// ModeFacets), and the second would find them all again (a phrase of
	// two common words checks the positions of 90k candidates at 100k)
	setSnap bleveindex.IndexReader
	setKey  string
	set     *docSet
	setUsed int // times a count used it (for the tests)
	// setShort says a word of the search, checked within a budget, left
	// candidates unread: the set may lack matches (Results.Estimated)
	setShort bool
}

// hitSet returns the matches recorded under key on snapshot r.
func (ft *facetTerms) hitSet(r bleveindex.IndexReader, key string) (*docSet, bool) {
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.setSnap != r || cs.setKey != key {
		return nil, false
	}
	cs.setUsed++
	return cs.set, true
}

// keepHitSet records the matches of the search key on snapshot r.
func (ft *facetTerms) keepHitSet(r bleveindex.IndexReader, key string, docs *docSet) {
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.setSnap, cs.setKey, cs.set, cs.setShort = r, key, docs, false
}

// markHitSetShort records that the matches kept under key may lack some:
// a word of the search checked within a budget left candidates unread.
func (ft *facetTerms) markHitSetShort(key string) {
	if ft == nil {
		return
	}
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.setKey == key {
		cs.setShort = true
	}
}

// hitSetShort reports whether the matches kept under key may lack some
// (markHitSetShort): a count of them is then estimated.
func (ft *facetTerms) hitSetShort(key string) bool {
	if ft == nil {
		return false
	}
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.setKey == key && cs.setShort
}

// maxHitSet bounds the document numbers a hit set holds (a bit each).
const maxHitSet = 1 << 32

// docSet is a set of document numbers, a bit each up to the highest: at
// 100k pieces a few tens of kilobytes whatever the number of matches.
// A list of 4-byte numbers, grown by appending, allocated ~350 KB a
// typed search on average at 100k (70 of the 530 MB a round of
// BenchmarkTyping allocated, 2026-12-02), every one of them a step
// towards the next garbage collection in the middle of a keystroke.
// Counting a hit set's facets needs no order.
type docSet struct {
	words []uint64
	n     int
}

// add adds document d.
func (s *docSet) add(d uint64) {
	w := d >> 6
	for uint64(len(s.words)) <= w {
		s.words = append(s.words, 0)
	}
	if bit := uint64(1) << (d & 63); s.words[w]&bit == 0 {
		s.words[w] |= bit
		s.n++
	}
}

// has reports whether d is in the set.
func (s *docSet) has(d uint64) bool {
	w := d >> 6
	return w < uint64(len(s.words)) && s.words[w]&(1<<(d&63)) != 0
}

// or adds the documents of o.
func (s *docSet) or(o *docSet) {
	for len(s.words) < len(o.words) {
		s.words = append(s.words, 0)
	}
	n := 0
	for i, w := range o.words {
		s.words[i] |= w
	}
	for _, w := range s.words {
		n += bits.OnesCount64(w)
	}
	s.n = n
}

// len is the number of documents.
func (s *docSet) len() int { return s.n }

// each calls f with each document, in increasing order.
func (s *docSet) each(f func(d uint64)) {
	for i, w := range s.words {
		for w != 0 {
			f(uint64(i)<<6 | uint64(bits.TrailingZeros64(w)))
			w &= w - 1
		}
	}
}

// recorder is a searcher that records the document numbers of the
// matches it hands out (bleve's collector reads them with Next alone).
type recorder struct {
	search.Searcher
	docs    docSet
	tooMany bool
}

func (s *recorder) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.note(dm)
	return dm, err
}

func (s *recorder) Advance(ctx *search.SearchContext, id bleveindex.IndexInternalID) (*search.DocumentMatch, error) {
	s.tooMany = true // not a plain walk: the record would have holes
	return s.Searcher.Advance(ctx, id)
}

func (s *recorder) note(dm *search.DocumentMatch) {
	if dm == nil || s.tooMany {
		return
	}
	d := dm.IndexInternalID.Value()
	if d >= maxHitSet {
		s.tooMany, s.docs = true, docSet{}
		return
	}
	s.docs.add(d)
}

// column returns the column of snapshot r, reading it if r was seen
// before; nil when the collector should count.
func (ft *facetTerms) column(ctx context.Context, r bleveindex.IndexReader) *facetColumn {
	if !ft.once {
		ft.fromFile(r)
	}
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.col != nil && cs.col.snap == r {
		return cs.col
	}
	if cs.seen != r || cs.bad == r {
		cs.seen = r
		return nil
	}
	col, ok, err := ft.readColumn(ctx, r)
	if err != nil {
		return nil
	}
	if !ok {
		cs.bad = r
		return nil
	}
	cs.col = col
	return col
}

// readColumn reads the facets column of every document of r; ok is false
// when a value is not among the terms (the collector counts those).
func (ft *facetTerms) readColumn(ctx context.Context, r bleveindex.IndexReader) (*facetColumn, bool, error) {
	dvr, err := r.DocValueReader([]string{fFacets})
	if err != nil {
		return nil, false, err
	}
	s, err := searcher.NewMatchAllSearcher(ctx, r, 1, search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, false, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	col := &facetColumn{snap: r}
	ok := true
	visit := func(_ string, term []byte) {
		i, found := ft.pos[string(term)]
		if !found {
			ok = false
			return
		}
		col.vals = append(col.vals, uint32(i))
	}
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := giveWay(ctx); err != nil {
				return nil, false, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, false, err
		}
		if dm == nil {
			break
		}
		d := dm.IndexInternalID.Value()
		for uint64(len(col.start)) <= d {
			col.start = append(col.start, uint32(len(col.vals)))
		}
		if err := dvr.VisitDocValues(dm.IndexInternalID, visit); err != nil {
			return nil, false, err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	col.start = append(col.start, uint32(len(col.vals)))
	return col, ok, nil
}

// countColumn counts the facets of s's hits into counter from col and
// returns the number of hits.
// walkContext is a search context for walking s by hand (Next, Advance)
// over r: a pool of the matches s holds and one more.
func walkContext(s search.Searcher, r bleveindex.IndexReader) *search.SearchContext {
	return &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: r}
}

func countColumn(ctx context.Context, s search.Searcher, r bleveindex.IndexReader, col *facetColumn, counter *facetCounter) (int, error) {
	sctx := walkContext(s, r)
	total := 0
	for {
		if total%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return 0, err
		}
		if dm == nil {
			return total, nil
		}
		total++
		for _, v := range col.of(dm.IndexInternalID.Value()) {
			counter.counts[v]++
		}
		sctx.DocumentMatchPool.Put(dm)
	}
}

// warmColumn reads the column of snapshot r unless it has it (Index.warm:
// the first count on a snapshot then reads the column too).
func (ft *facetTerms) warmColumn(ctx context.Context, r bleveindex.IndexReader) error {
	ft.fromFile(r)
	cs := &ft.cols
	cs.mu.Lock()
	have := cs.col != nil && cs.col.snap == r || cs.bad == r
	cs.mu.Unlock()
	if have {
		return nil
	}
	col, ok, err := ft.readColumn(ctx, r)
	if err != nil {
		return err
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if !ok {
		cs.bad = r
		return nil
	}
	cs.col = col
	return nil
}
