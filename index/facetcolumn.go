package index

import (
	"context"
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

// columns keeps the column of the latest snapshot counted twice: the
// first count on a snapshot goes through the collector, the second reads
// the column (one pass over every document, about what one count over all
// of them costs), so that an index being built, whose snapshot changes at
// every batch, is not read whole at every keystroke.
type columns struct {
	mu   sync.Mutex
	seen bleveindex.IndexReader // the snapshot of the last count
	col  *facetColumn
	bad  bleveindex.IndexReader // a snapshot with values not among the terms
}

// column returns the column of snapshot r, reading it if r was seen
// before; nil when the collector should count.
func (ft *facetTerms) column(ctx context.Context, r bleveindex.IndexReader) *facetColumn {
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
			if err := ctx.Err(); err != nil {
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
func countColumn(ctx context.Context, s search.Searcher, r bleveindex.IndexReader, col *facetColumn, counter *facetCounter) (int, error) {
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: r}
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
