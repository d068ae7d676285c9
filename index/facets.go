package index

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
)

// facetTerms are the values of the facets column of one index version, in
// the order of the all-documents facets, so that counting a value is an
// increment found by a map lookup that makes no string: bleve's terms
// facet builder made a string of every value of every hit, and at 10k
// pieces the facets were two thirds of a search's time.
type facetTerms struct {
	pos    map[string]int
	terms  []string // "t:mi5", "y:2017"...
	fields []fieldTerms
	// cases maps, by field, each value that has others the same by the
	// field's key, archive.FieldKey ("the telegraph", "The Telegraph";
	// "George W. Bush", "George W Bush"), to the one they are shown as;
	// empty in most archives (mergeCases)
	cases map[string]map[string]string
	cols  columns // the column of the current snapshot (facetcolumn.go)
	ords  orders  // every document newest first (order.go)

	// gen is the generation folder whose columns file holds the column
	// and order, read the first time either is asked for (colfile.go)
	gen     string
	genOnce sync.Once
	genRead bool // they were read from it
	once    bool // Options.Once: the collector counts facets, not the file

	warmOnce sync.Once     // Index.startWarm
	warmed   chan struct{} // closed when the warming is done (for the tests)
}

// fieldTerms are the terms of one facet field: terms[lo:hi].
type fieldTerms struct {
	field  string
	lo, hi int
}

func newFacetTerms(all Facets) *facetTerms {
	ft := &facetTerms{pos: map[string]int{}}
	for _, f := range facetFields {
		lo := len(ft.terms)
		for _, v := range all.of(f) {
			t := facetTerm(f, v.Value)
			ft.pos[t] = len(ft.terms)
			ft.terms = append(ft.terms, t)
		}
		ft.fields = append(ft.fields, fieldTerms{f, lo, len(ft.terms)})
		if grouped[f] {
			ft.addCases(f, all.of(f))
		}
	}
	return ft
}

// grouped are the facet fields whose values are one row by their key
// (archive.FieldKey), as their filters pick them (archive.PickValues): tags
// kinds and languages one but for case, outlets and people one but for case, the
// full stops of initials and Latin letters' accents, a person's given
// name's hyphens too. Years, months and weeks are not grouped.
var grouped = map[string]bool{fTags: true, fOutlet: true, fAuthor: true, fKind: true, fLanguage: true}

// addCases records the values of field f that are one by its key,
// archive.FieldKey ("The Telegraph", "the telegraph"; "George W. Bush",
// "George W Bush"),
// each shown as the one of its group most pieces of the archive have (vs
// are the all-documents counts), the first in byte order among those as
// many: whatever the query, a group is shown one way, and the same way in
// every process and every build of the index (the counts are the
// archive's, the order Go's string comparison).
func (ft *facetTerms) addCases(f string, vs []FacetValue) {
	key := archive.FieldKey(f)
	groups := map[string][]FacetValue{}
	for _, v := range vs {
		k := key(v.Value)
		groups[k] = append(groups[k], v)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		shown := slices.MinFunc(g, func(a, b FacetValue) int {
			return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value))
		}).Value
		if ft.cases == nil {
			ft.cases = map[string]map[string]string{}
		}
		if ft.cases[f] == nil {
			ft.cases[f] = map[string]string{}
		}
		for _, v := range g {
			ft.cases[f][v.Value] = shown
		}
	}
}

// mergeCases returns fs with the values that are one by their field's
// key (archive.FieldKey: one but for case; outlets and people spelt
// otherwise too) counted as one, under the name they are shown as: filters
// pick every spelling of a value (archive.PickValues), so the count beside
// a value is what picking it finds. A piece has one outlet, its tags
// distinct ignoring case and its people by archive.PersonKey
// (archive.Bylines), so the counts add up. fs is left as it is (it may be
// the index's own all-documents counts).
func (ft *facetTerms) mergeCases(fs Facets) Facets {
	if ft == nil || len(ft.cases) == 0 {
		return fs
	}
	merge := func(f string, vs []FacetValue) []FacetValue {
		cs := ft.cases[f]
		if len(cs) == 0 {
			return vs
		}
		out := make([]FacetValue, 0, len(vs))
		at := map[string]int{}
		for _, v := range vs {
			shown, ok := cs[v.Value]
			if !ok {
				out = append(out, v)
				continue
			}
			if i, ok := at[shown]; ok {
				out[i].Count += v.Count
				continue
			}
			at[shown] = len(out)
			out = append(out, FacetValue{Value: shown, Count: v.Count})
		}
		sortFacet(out, false)
		return out
	}
	fs.Tags, fs.Outlets = merge(fTags, fs.Tags), merge(fOutlet, fs.Outlets)
	fs.Authors, fs.Kinds = merge(fAuthor, fs.Authors), merge(fKind, fs.Kinds)
	fs.Languages = merge(fLanguage, fs.Languages)
	return fs
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

// byField sorts the counts out by facet field, unsorted within a field,
// each field's values in a slice of their size: appended one by one and
// copied again to be sorted, the counts of a typed search at 100k
// allocated ~0.2 MB (44 of the 400 MB a round of BenchmarkTyping
// allocated, 2026-12-02).
func (c *facetCounter) byField() map[string][]FacetValue {
	out := make(map[string][]FacetValue, len(c.fields))
	for _, ft := range c.fields {
		n := 0
		for _, k := range c.counts[ft.lo:ft.hi] {
			if k > 0 {
				n++
			}
		}
		if n == 0 {
			continue
		}
		vs, skip := make([]FacetValue, 0, n), len(facetCodes[ft.field])+1
		for i := ft.lo; i < ft.hi; i++ {
			if k := c.counts[i]; k > 0 {
				vs = append(vs, FacetValue{Value: c.terms[i][skip:], Count: k})
			}
		}
		out[ft.field] = vs
	}
	for t, n := range c.extra {
		addFacetCount(out, t, n)
	}
	return out
}

// collect runs q with bleve's top-N collector, counting facets into
// counter when it is not nil: SearchInContext without the facet builders
// it would choose, and without loading stored fields (see loadFields).
// With size 0 nothing is scored: bleve then merges the postings of a
// disjunction or conjunction of plain terms as bitmaps ("unadorned"
// searchers) instead of walking them side by side in a heap.
func (ix *Index) collect(ctx context.Context, q query.Query, size, from int, sortBy []string, counter *facetCounter) (search.DocumentMatchCollection, int, error) {
	return ix.collectKeyed(ctx, q, size, from, sortBy, counter, nil, "")
}

// collectKeyed is collect with the hit sets of sets (see hitSet): a search
// of hits without facets records its matches under key, and a count of
// facets without hits under the same key and snapshot counts those.
func (ix *Index) collectKeyed(ctx context.Context, q query.Query, size, from int, sortBy []string, counter *facetCounter,
	sets *facetTerms, key string) (search.DocumentMatchCollection, int, error) {
	return ix.collectTied(ctx, q, size, from, sortBy, counter, sets, key, nil)
}

// collectTied is collectKeyed; when ties is not nil and the search is
// summed, its page's ties are settled from the sums (see tieAsk).
func (ix *Index) collectTied(ctx context.Context, q query.Query, size, from int, sortBy []string, counter *facetCounter,
	sets *facetTerms, key string, ties *tieAsk) (search.DocumentMatchCollection, int, error) {
	bix, err := ix.bi.Advanced()
	if err != nil {
		return nil, 0, err
	}
	r, err := bix.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	if sets != nil && key != "" && counter != nil && size == 0 {
		if docs, ok := sets.hitSet(r, key); ok {
			if col := counter.column(ctx, r); col != nil {
				docs.each(func(d uint64) {
					for _, v := range col.of(d) {
						counter.counts[v]++
					}
				})
				return nil, docs.len(), nil
			}
		}
	}
	if size > 0 && counter == nil && slices.Equal(sortBy, scoreSort) {
		if hits, total, _, ok, err := ix.collectDenseSet(ctx, q, r, size, from, sets, key, ties); ok || err != nil {
			return hits, total, err
		}
	}
	if size > 0 && counter != nil && slices.Equal(sortBy, scoreSort) {
		// summed, the facets counted from the column over the matches
		if col := counter.column(ctx, r); col != nil {
			hits, total, set, ok, err := ix.collectDenseSet(ctx, q, r, size, from, sets, key, ties)
			if err != nil {
				return nil, 0, err
			}
			if ok {
				set.each(func(d uint64) {
					for _, v := range col.of(d) {
						counter.counts[v]++
					}
				})
				return hits, total, nil
			}
		}
	}
	var opts search.SearcherOptions
	if size == 0 {
		opts.Score = "none"
	}
	s, err := q.Searcher(ctx, r, ix.bi.Mapping(), opts)
	if err != nil {
		return nil, 0, err
	}
	defer s.Close()
	if size > 0 && counter == nil && s.Count() >= minSplitMatches {
		if hits, total, ok, err := ix.collectSplit(ctx, q, r, size, from, sortBy, sets, key); ok || err != nil {
			return hits, total, err
		}
	}
	var rec *recorder
	if sets != nil && key != "" && counter == nil && size > 0 {
		rec = &recorder{Searcher: s}
		s = rec
	}
	if counter != nil && size == 0 {
		if col := counter.column(ctx, r); col != nil {
			n, err := countColumn(ctx, s, r, col, counter)
			return nil, n, err
		}
	}
	coll := collector.NewTopNCollector(size, from, search.ParseSortOrderStrings(sortBy))
	if counter != nil {
		fb := search.NewFacetsBuilder(r)
		fb.Add(fFacets, counter)
		coll.SetFacetsBuilder(fb)
	}
	if err := coll.Collect(ctx, s, r); err != nil {
		return nil, 0, err
	}
	if rec != nil && !rec.tooMany {
		docs := rec.docs // not the recorder, which holds the closed searcher
		sets.keepHitSet(r, key, &docs)
	}
	return coll.Results(), int(coll.Total()), nil
}

// of returns the values of facet field f.
func (fs Facets) of(f string) []FacetValue {
	switch f {
	case fTags:
		return fs.Tags
	case fOutlet:
		return fs.Outlets
	case fAuthor:
		return fs.Authors
	case fKind:
		return fs.Kinds
	case fLanguage:
		return fs.Languages
	case fYear: // with the undated pieces' value, as the facets column has it
		return fs.YearValues()
	case fMonth:
		return fs.Months
	case fWeek:
		return fs.Weeks
	}
	return nil
}

// splitFacets sorts the counts of the "facets" field out by field.
func splitFacets(r *search.FacetResult) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	if r != nil && r.Terms != nil {
		for _, t := range r.Terms.Terms() {
			addFacetCount(out, t.Term, t.Count)
		}
	}
	return out
}

// addFacetCount adds the count n of term (of the "facets" field) to the
// counts by field.
func addFacetCount(byField map[string][]FacetValue, term string, n int) {
	code, v, ok := strings.Cut(term, ":")
	if f := fieldOfCode[code]; ok && f != "" {
		byField[f] = append(byField[f], FacetValue{Value: v, Count: n})
	}
}

// facetsOf sorts the counts of byField, in place, into Facets.
func facetsOf(byField map[string][]FacetValue) Facets {
	get := func(f string, byValue bool) []FacetValue {
		vs := byField[f]
		if vs == nil {
			return []FacetValue{}
		}
		sortFacet(vs, byValue)
		return vs
	}
	fs := Facets{
		Tags:      get(fTags, false),
		Outlets:   get(fOutlet, false),
		Authors:   get(fAuthor, false),
		Kinds:     get(fKind, false),
		Languages: get(fLanguage, false),
		Years:     get(fYear, true),
		Months:    get(fMonth, true),
		Weeks:     get(fWeek, true),
	}
	// the undated pieces' value apart: Years are years
	if i := slices.IndexFunc(fs.Years, func(v FacetValue) bool { return v.Value == Undated }); i >= 0 {
		fs.Undated = fs.Years[i].Count
		fs.Years = slices.Delete(fs.Years, i, i+1)
	}
	return fs
}

func sortFacet(vs []FacetValue, byValue bool) {
	slices.SortFunc(vs, func(a, b FacetValue) int {
		if !byValue && a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
}

// AllFacets are the facet counts over every document (for `folio stats`).
func (ix *Index) AllFacets() Facets {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	fs := ix.facetTerms.mergeCases(ix.allFacets)
	fs.Languages = withoutRepeatedLanguages(fs.Languages, nil)
	return fs
}

// withoutRepeatedLanguages is a language facet's rows less those that
// hold the same pieces as a longer tag's row (archive.RepeatedLanguageRows:
// en beside en-GB when every English piece is en-GB), but a value chosen
// (Query.Languages) stays, its count beside it.
func withoutRepeatedLanguages(vs []FacetValue, chosen []string) []FacetValue {
	if len(vs) < 2 {
		return vs
	}
	counts := make(map[string]int, len(vs))
	for _, v := range vs {
		counts[v.Value] = v.Count
	}
	repeated := archive.RepeatedLanguageRows(counts, chosen)
	if len(repeated) == 0 {
		return vs
	}
	return slices.DeleteFunc(slices.Clone(vs), func(v FacetValue) bool { return repeated[v.Value] })
}

// ManyAuthors reports whether the index names more than one author (in
// any case, one): the CLI's rows name their authors then, on every page
// of every search alike, as the reader's do.
func (ix *Index) ManyAuthors() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if len(ix.allFacets.Authors) < 2 {
		return false
	}
	return len(ix.facetTerms.mergeCases(Facets{Authors: ix.allFacets.Authors}).Authors) > 1
}

// AuthorsAsPeople are author filter values as the author facet's rows: a
// value that picks rows by one reading (archive.PickAuthors: a byline as
// written, "Ann Lee, Contributor", a saved search's from before the facet
// counted people, is Ann Lee's row; "Lee" every Lee's) is the values of
// those rows, one that names no one ("et al.") archive.NoAuthor; any other
// is kept (a byline of several people, a value no piece has). The pieces
// they pick are the values' (valueFilter).
func (ix *Index) AuthorsAsPeople(values []string) []string {
	ix.mu.RLock()
	known := valuesOf(ix.allFacets.Authors)
	ix.mu.RUnlock()
	var out []string
	for _, v := range values {
		if v == archive.NoAuthor {
			out = append(out, v)
			continue
		}
		switch people, none := archive.PickAuthors(archive.SanitizeLine(v), known, cutKeyword); {
		case none:
			out = append(out, archive.NoAuthor)
		case len(people) == 1:
			out = append(out, people[0]...)
		default:
			out = append(out, v)
		}
	}
	// one value of those one person, as the rows are one (a helper's
	// report: "Maya Okafor" and "maya okafor" both chosen, and saved so
	// again); a filter of either picks both
	seen := map[string]bool{}
	return slices.DeleteFunc(out, func(v string) bool {
		k := archive.FieldKey(fAuthor)(v)
		dup := seen[k]
		seen[k] = true
		return dup
	})
}

// facetSearches count the facets of a search. Those of fields without a
// filter are counted by the main search (a search of their own would
// evaluate the query twice: measured slower for phrases), into counter.
// Fields with a filter are counted without it, by one search each beside
// the main one.
type facetSearches struct {
	wg      sync.WaitGroup
	mu      sync.Mutex // guards counted and err until wg is done
	counted map[string][]FacetValue
	err     error
	plain   []string      // the fields counted by the main search
	counter *facetCounter // of the main search; nil when it counts none
}

// start starts the searches of the fields with a filter; restrict is
// without a collapse of copies, which each search makes for its own query
// (collapse), by archive.CollapseCopiesIn's rule: pf is filters and
// restrict without the query's period (periodFree). With copies collapsed every period value (years, undated, months,
// weeks) counts each group once, in the period of the piece standing for
// it, as the chart's bars and the list of a period hold it
// (addCollapsedValues); a period field with a filter is still counted
// without it, so that the other periods stay to be chosen (09be4dd
// counted the years and months with their filters and was taken back: the
// sidebar's YEARS then listed the chosen year alone). Counted by any piece
// of a group, the timeline's 2020-06 said 3 where the list of the chart's
// bar of 2020-06 held 2.
func (fc *facetSearches) start(ctx context.Context, ix *Index, terms *facetTerms, all Facets, c compiled,
	filters map[string]query.Query, restrict []query.Query, hasText, collapse bool, pf periodless) {
	for _, f := range facetFields {
		if filters[f] == nil {
			fc.plain = append(fc.plain, f)
			continue
		}
		if !hasText && len(restrict) == 0 && len(filters) == 1 && !(collapse && ix.hasCopies()) {
			// without its own filter, the field's counts are the all-documents ones
			fc.counted[f] = slices.Clone(all.of(f)) // facetsOf sorts it
			continue
		}
		fc.wg.Go(func() {
			qf := combine(c.must, c.mustNot, nil, filters, restrict, f)
			if !collapse {
				fc.search(ctx, ix, terms, qf, nil, nil, nil, f)
				return
			}
			// the pieces standing chosen without the period
			var np query.Query
			if pf.period {
				np = combine(c.must, c.mustNot, nil, pf.filters, pf.restrict, f)
			}
			r, mv, err := ix.collapse(ctx, cmpOr(np, qf), false)
			if err != nil {
				fc.fail(err)
				return
			}
			within := qf
			if r != nil {
				within = combine(c.must, c.mustNot, nil, filters, append(slices.Clone(restrict), r), f)
			}
			fc.search(ctx, ix, terms, within, qf, np, mv, f)
		})
	}
	if len(fc.plain) > 0 {
		fc.counter = terms.counter()
	}
}

// cmpOr is q when it is not nil, else or.
func cmpOr(q, or query.Query) query.Query {
	if q != nil {
		return q
	}
	return or
}

// search counts the facets of field f over the hits of q; uncollapsed,
// when not nil, is q without the collapse of copies it has, np that
// without its period (nil when it has none), and mv what the collapse
// read (see addCollapsedValues).
func (fc *facetSearches) search(ctx context.Context, ix *Index, terms *facetTerms, q, uncollapsed, np query.Query, mv memberValues, f string) {
	counter := terms.counter()
	_, _, err := ix.collect(ctx, q, 0, 0, []string{"-_score"}, counter)
	if err == nil && uncollapsed != nil {
		err = ix.addCollapsedValues(ctx, uncollapsed, np, mv, counter)
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if err != nil {
		fc.err = err
		return
	}
	fc.counted[f] = counter.byField()[f]
}

// fail records err as a search's.
func (fc *facetSearches) fail(err error) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	fc.err = err
}

// addMain adds the counts of the main search, once it is done.
func (fc *facetSearches) addMain() {
	if fc.counter == nil {
		return
	}
	byField := fc.counter.byField()
	fc.mu.Lock()
	for _, f := range fc.plain {
		fc.counted[f] = byField[f]
	}
	fc.mu.Unlock()
}

// wait waits for the searches and returns the error of one that failed.
func (fc *facetSearches) wait() error {
	fc.wg.Wait()
	return fc.err
}

// facets are the counts: none, all (the all-documents ones), or those
// counted.
func (fc *facetSearches) facets(none, allDocs bool, all Facets) Facets {
	switch {
	case none:
		return facetsOf(nil)
	case allDocs:
		return all
	}
	return facetsOf(fc.counted)
}
