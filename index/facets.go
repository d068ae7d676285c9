package index

import (
	"context"
	"reflect"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
)

// facetTerms are the values of the facets column of one index version, in
// the order of the all-documents facets, so that counting a value is an
// increment found by a map lookup that makes no string: bleve's terms
// facet builder made a string of every value of every hit, and at 10k
// pieces the facets were two thirds of a search's time.
type facetTerms struct {
	pos   map[string]int
	terms []string // "t:mi5", "y:2017"...
}

func newFacetTerms(all Facets) *facetTerms {
	ft := &facetTerms{pos: map[string]int{}}
	for _, f := range facetFields {
		for _, v := range all.of(f) {
			t := facetTerm(f, v.Value)
			ft.pos[t] = len(ft.terms)
			ft.terms = append(ft.terms, t)
		}
	}
	return ft
}

// facetCounter is a search.FacetBuilder of the facets column.
type facetCounter struct {
	*facetTerms
	counts []int
	extra  map[string]int // values not among the terms (none, in a consistent index)
}

func (ft *facetTerms) counter() *facetCounter {
	return &facetCounter{facetTerms: ft, counts: make([]int, len(ft.terms))}
}

func (c *facetCounter) StartDoc() {}
func (c *facetCounter) EndDoc()   {}
func (c *facetCounter) Field() string {
	return fFacets
}

func (c *facetCounter) UpdateVisitor(term []byte) {
	if i, ok := c.pos[string(term)]; ok {
		c.counts[i]++
		return
	}
	if c.extra == nil {
		c.extra = map[string]int{}
	}
	c.extra[string(term)]++
}

// Size is for bleve's estimate of a search's memory.
func (c *facetCounter) Size() int {
	return int(reflect.TypeFor[facetCounter]().Size()) + 8*len(c.counts)
}

// Result is the counts as bleve gives them; byField is what Search uses.
func (c *facetCounter) Result() *search.FacetResult {
	r := &search.FacetResult{Field: fFacets, Terms: &search.TermFacets{}}
	c.each(func(term string, n int) {
		r.Terms.Add(&search.TermFacet{Term: term, Count: n})
		r.Total += n
	})
	return r
}

// each calls fn with every value counted at least once.
func (c *facetCounter) each(fn func(term string, n int)) {
	for i, n := range c.counts {
		if n > 0 {
			fn(c.terms[i], n)
		}
	}
	for t, n := range c.extra {
		fn(t, n)
	}
}

// byField sorts the counts out by facet field, unsorted within a field.
func (c *facetCounter) byField() map[string][]FacetValue {
	out := map[string][]FacetValue{}
	c.each(func(term string, n int) { addFacetCount(out, term, n) })
	return out
}

// collect runs q with bleve's top-N collector, counting facets into
// counter when it is not nil: SearchInContext without the facet builders
// it would choose, and without loading stored fields (see loadFields).
func (ix *Index) collect(ctx context.Context, q query.Query, size, from int, sortBy []string, counter *facetCounter) (search.DocumentMatchCollection, int, error) {
	bix, err := ix.bi.Advanced()
	if err != nil {
		return nil, 0, err
	}
	r, err := bix.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	s, err := q.Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	coll := collector.NewTopNCollector(size, from, search.ParseSortOrderStrings(sortBy))
	if counter != nil {
		fb := search.NewFacetsBuilder(r)
		fb.Add(fFacets, counter)
		coll.SetFacetsBuilder(fb)
	}
	if err := coll.Collect(ctx, s, r); err != nil {
		return nil, 0, err
	}
	return coll.Results(), int(coll.Total()), nil
}
