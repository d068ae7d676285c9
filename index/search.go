package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
)

const (
	defaultLimit = 50
	maxLimit     = 10000
)

// facet fields, in the order of Facets.
var facetFields = []string{fTags, fOutlet, fAuthor, fKind, fYear, fMonth, fWeek}

// Search runs a query. Facet counts are for the query and the filters of
// the other fields: the Tags counts ignore the Tags filter (so that picking
// a second tag shows what it would add), and so on; a field without a
// filter counts exactly the hits. With no text and no filters, the
// all-documents facets precomputed for this index version are served.
func (ix *Index) Search(ctx context.Context, q Query) (Results, error) {
	start := time.Now()
	if ix == nil {
		return Results{}, ErrNoIndex
	}
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return Results{}, ErrNoIndex
	}
	return ix.search(ctx, q, start)
}

// search is Search under the index's read lock.
func (ix *Index) search(ctx context.Context, q Query, start time.Time) (Results, error) {
	key := queryKey(q)
	if r, ok := ix.cache.get(key); ok {
		return r, nil // with the Took of the search that computed it
	}

	p := buildPlan(parseQuery(q.Text, q.Typing), ix.synonyms)
	widens := p.typed != "" && ix.resolveTyping(ctx, &p)
	c := compile(p)
	hl := p.highlight()
	res := Results{Terms: p.terms(), Hits: []Hit{}, Notes: p.notes, Partial: p.partial}
	if res.Notes == nil {
		res.Notes = []string{}
	}
	res.Hint = strings.Join(res.Notes, "; ")
	if widens {
		res.Typed = p.typed
	}

	hasText := len(c.must) > 0 || len(c.mustNot) > 0
	filters, restrict, none := ix.filterQueries(q)
	if none {
		res.Took = time.Since(start)
		return res, nil
	}

	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset := max(q.Offset, 0)

	// main query: text AND filters AND restrictions, NOT exclusions
	mainQ := combine(c.must, c.mustNot, c.should, filters, restrict, "")
	noHits := q.Mode == ModeFacets || q.Mode == ModeCount
	noFacets := q.Mode == ModeHits || q.Mode == ModeCount
	if noHits {
		limit, offset = 0, 0
	}
	sortOrder := q.Sort
	switch {
	case noHits:
		sortOrder = SortRelevance // by score alone: a date sort reads doc values of every match
	case sortOrder == SortRelevance && len(c.must) == 0:
		sortOrder = SortNewest
	}
	// Relevance re-ranks the best rerankDepth hits by length: see lengthPrior.
	rerank := sortOrder == SortRelevance && !noHits
	size, from := limit, offset
	if rerank {
		size, from = max(offset+limit, rerankDepth), 0
	}
	fields := storedFields
	if hasText {
		fields = append(slices.Clone(storedFields), fStandfirst, fNote, fBody)
	}
	sortBy := []string{"-_score"} // score only: a tie-breaking field would load doc values for every match
	switch sortOrder {
	case SortNewest:
		sortBy = []string{"-" + fDateStart, fID}
	case SortOldest:
		sortBy = []string{fDateStart, fID}
	}

	allDocs := !hasText && len(filters) == 0 && len(restrict) == 0
	ix.mu.RLock()
	all, terms := ix.allFacets, ix.facetTerms
	ix.mu.RUnlock()
	// Facets of fields without a filter are counted by the main search (a
	// search of their own would evaluate the query twice: measured slower
	// for phrases). Fields with a filter are counted without it, by one
	// search each beside the main one.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var facetErr error
	counted := map[string][]FacetValue{}
	facetSearch := func(q query.Query, f string) {
		counter := terms.counter()
		_, _, err := ix.collect(ctx, q, 0, 0, []string{"-_score"}, counter)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			facetErr = err
			return
		}
		counted[f] = counter.byField()[f]
	}
	var plain []string
	var counter *facetCounter // of the main search
	if !allDocs && !noFacets {
		for _, f := range facetFields {
			if filters[f] == nil {
				plain = append(plain, f)
				continue
			}
			if !hasText && len(restrict) == 0 && len(filters) == 1 {
				// without its own filter, the field's counts are the all-documents ones
				counted[f] = all.of(f)
				continue
			}
			wg.Go(func() { facetSearch(combine(c.must, c.mustNot, nil, filters, restrict, f), f) })
		}
		if len(plain) > 0 {
			counter = terms.counter()
		}
	}
	hits, total, err := ix.collect(ctx, mainQ, size, from, sortBy, counter)
	if err != nil {
		wg.Wait()
		return Results{}, err
	}
	res.Total = total
	if counter != nil {
		byField := counter.byField()
		mu.Lock()
		for _, f := range plain {
			counted[f] = byField[f]
		}
		mu.Unlock()
	}

	if rerank {
		hits = ix.rerankByLength(hits, offset, limit)
	}
	// Stored fields for the page only: after re-ranking, one search by ID.
	if err := ix.loadFields(ctx, hits, fields); err != nil {
		wg.Wait()
		return Results{}, err
	}
	res.Hits = make([]Hit, 0, len(hits))
	for _, dm := range hits {
		res.Hits = append(res.Hits, ix.hitOf(dm, &hl, hasText))
	}
	res.Forms = formsFound(p.widened(), res.Hits)
	wg.Wait()
	if facetErr != nil {
		return Results{}, facetErr
	}
	if err := ctx.Err(); err != nil {
		return Results{}, err
	}
	switch {
	case noFacets:
		res.Facets = facetsOf(nil)
	case allDocs:
		res.Facets = all
	default:
		res.Facets = facetsOf(counted)
	}
	if hasText && res.Total <= suggestMaxCount && !q.Typing && !noHits {
		res.Suggestion = ix.suggest(ctx, q, p)
	}
	res.Took = time.Since(start)
	ix.cache.put(key, res)
	return res, nil
}

// combine builds must ∧ filters ∧ restrict ∧ ¬mustNot, leaving out the
// filter of field skip (for that field's facet counts).
func combine(must, mustNot, should []query.Query, filters map[string]query.Query, restrict []query.Query, skip string) query.Query {
	var all []query.Query
	all = append(all, must...)
	for _, f := range facetFields {
		if q := filters[f]; q != nil && f != skip {
			all = append(all, q)
		}
	}
	all = append(all, restrict...)
	if len(all) == 0 {
		all = append(all, query.NewMatchAllQuery())
	}
	if len(mustNot) == 0 && len(should) == 0 {
		if len(all) == 1 {
			return all[0]
		}
		return query.NewConjunctionQuery(all)
	}
	bq := query.NewBooleanQuery(all, should, mustNot)
	return bq
}

// filterQueries turns the Query's filters into queries: facet-field filters
// by field, the rest (IDs, dates) as restrictions. none is true when the
// filters can match nothing (IDs given but empty).
func (ix *Index) filterQueries(q Query) (map[string]query.Query, []query.Query, bool) {
	ix.mu.RLock()
	all := ix.allFacets
	ix.mu.RUnlock()
	filters := map[string]query.Query{}
	terms := func(field string, values []string, known []FacetValue, loose bool) {
		var vs []string
		for _, v := range values {
			vs = append(vs, resolveValue(v, known, loose)...)
		}
		if len(values) == 0 {
			return
		}
		if len(vs) == 0 {
			vs = values // match nothing, honestly
		}
		var alts []query.Query
		for _, v := range uniq(vs...) {
			tq := query.NewTermQuery(v)
			tq.SetField(field)
			alts = append(alts, tq)
		}
		if len(alts) == 1 {
			filters[field] = alts[0]
		} else {
			filters[field] = query.NewDisjunctionQuery(alts)
		}
	}
	terms(fTags, q.Tags, all.Tags, false)
	terms(fOutlet, q.Outlets, all.Outlets, true)
	terms(fAuthor, q.Authors, all.Authors, true)
	terms(fKind, q.Kinds, all.Kinds, false)
	terms(fYear, q.Years, all.Years, false)
	terms(fMonth, q.Months, all.Months, false)

	var restrict []query.Query
	if q.IDs != nil {
		if len(q.IDs) == 0 {
			return nil, nil, true
		}
		restrict = append(restrict, query.NewDocIDQuery(q.IDs))
	}
	if len(q.ExcludeIDs) > 0 {
		restrict = append(restrict, query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery(q.ExcludeIDs)}))
	}
	// A piece matches a date range when its period overlaps it: a piece of
	// "2017-09" is kept by From 2017-09-15.
	t := true
	if !q.From.IsZero() {
		dq := query.NewDateRangeInclusiveQuery(q.From.UTC(), time.Time{}, &t, nil)
		dq.SetField(fDateEnd)
		restrict = append(restrict, dq)
	}
	if !q.To.IsZero() {
		to := q.To.UTC()
		if to.Hour() == 0 && to.Minute() == 0 && to.Second() == 0 && to.Nanosecond() == 0 {
			to = to.AddDate(0, 0, 1).Add(-time.Nanosecond) // a date means the whole day
		}
		dq := query.NewDateRangeInclusiveQuery(time.Time{}, to, nil, &t)
		dq.SetField(fDateStart)
		restrict = append(restrict, dq)
	}
	return filters, restrict, false
}

// resolveValue maps a filter value to the index's values by the rule every
// command shares (see archive.Filter; loose is for outlets, by words).
func resolveValue(v string, known []FacetValue, loose bool) []string {
	values := make([]string, len(known))
	for i, k := range known {
		values[i] = k.Value
	}
	return archive.PickValues(v, values, loose)
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
	case fYear:
		return fs.Years
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

func facetsOf(byField map[string][]FacetValue) Facets {
	get := func(f string, byValue bool) []FacetValue {
		vs := slices.Clone(byField[f])
		if vs == nil {
			return []FacetValue{}
		}
		sortFacet(vs, byValue)
		return vs
	}
	return Facets{
		Tags:    get(fTags, false),
		Outlets: get(fOutlet, false),
		Authors: get(fAuthor, false),
		Kinds:   get(fKind, false),
		Years:   get(fYear, true),
		Months:  get(fMonth, true),
		Weeks:   get(fWeek, true),
	}
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
	return ix.allFacets
}

// hitOf converts a bleve hit.
func (ix *Index) hitOf(dm *search.DocumentMatch, hl *highlightSet, hasText bool) Hit {
	f := dm.Fields
	h := Hit{
		ID:      dm.ID,
		Score:   dm.Score,
		Title:   str(f[fTitle]),
		Outlet:  str(f[fOutlet]),
		Tags:    strs(f[fTags]),
		Authors: strs(f[fAuthors]),
		Kind:    str(f[fKind]),
		URL:     str(f[fURL]),
		Date:    parseStoredDate(str(f[fDate])),
	}
	if !hasText {
		return h
	}
	if !hl.empty() {
		h.TitleMarked = hl.markTitle(h.Title)
	}
	standfirst, note, body := str(f[fStandfirst]), str(f[fNote]), str(f[fBody])
	if !hl.empty() {
		h.Snippets = hl.snippets(standfirst, body, note)
	}
	if len(h.Snippets) == 0 {
		for _, t := range []string{standfirst, body, note} {
			if t != "" {
				h.Snippets = []string{lead(t)}
				break
			}
		}
	}
	return h
}

func str(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case []interface{}:
		if len(x) > 0 {
			s, _ := x[0].(string)
			return s
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// parseStoredDate reads the date as document() stored it: 2017-10-19,
// 2017-09 or 1863.
func parseStoredDate(s string) archive.Date {
	parts := strings.Split(s, "-")
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return archive.Date{}
		}
		n[i] = v
	}
	switch len(n) {
	case 1:
		return archive.Date{Time: time.Date(n[0], 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}
	case 2:
		return archive.Date{Time: time.Date(n[0], time.Month(n[1]), 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionMonth}
	case 3:
		return archive.Date{Time: time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	}
	return archive.Date{}
}

// queryKey identifies a query for the result cache.
func queryKey(q Query) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%q|%q|%q|%q|%q|%q|", q.Text, q.Tags, q.Outlets, q.Authors, q.Kinds, q.Years, q.Months)
	if q.IDs != nil {
		fmt.Fprintf(&b, "ids%q", q.IDs)
	}
	if len(q.ExcludeIDs) > 0 {
		fmt.Fprintf(&b, "|not%q", q.ExcludeIDs)
	}
	fmt.Fprintf(&b, "|%d|%d|%d|%d|%d|%d|%t", q.From.UnixNano(), q.To.UnixNano(), q.Sort, q.Offset, q.Limit, q.Mode, q.Typing)
	return b.String()
}

// resultCache keeps recent results of this index version: typing and
// deleting a letter, paging back, reopening a list cost nothing.
type resultCache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]Results
}

func newResultCache(n int) *resultCache { return &resultCache{max: n, m: map[string]Results{}} }

func (c *resultCache) get(k string) (Results, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[k]
	if ok {
		r.Hits = slices.Clone(r.Hits)
	}
	return r, ok
}

func (c *resultCache) put(k string, r Results) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; !ok {
		c.order = append(c.order, k)
		if len(c.order) > c.max {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	r.Hits = slices.Clone(r.Hits)
	c.m[k] = r
}

func (c *resultCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order = nil
	c.m = map[string]Results{}
}

// rerankDepth is how many of the best-scoring hits are re-ranked.
const rerankDepth = 100

// lengthPrior weighs a score by the length of the piece. Term statistics
// alone favour short pieces: in an archive that mixes full articles with
// few-line records of interviews, a record that names a place twice
// outranks the article about it. A piece of 70 words keeps a quarter of its
// score, one of 1,000 words four fifths.
func lengthPrior(words float64) float64 {
	return (words + 20) / (words + 300)
}

// rerankByLength applies lengthPrior to hits sorted by score and returns the
// page [offset, offset+limit). Lengths come from memory, not stored fields.
func (ix *Index) rerankByLength(hits search.DocumentMatchCollection, offset, limit int) search.DocumentMatchCollection {
	ix.mu.RLock()
	for _, h := range hits {
		h.Score *= lengthPrior(float64(ix.lengths.of(h.ID)))
	}
	ix.mu.RUnlock()
	slices.SortStableFunc(hits, func(a, b *search.DocumentMatch) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	if offset >= len(hits) {
		return nil
	}
	return hits[offset:min(offset+limit, len(hits))]
}

// loadFields fills the stored fields of hits with one search by ID.
func (ix *Index) loadFields(ctx context.Context, hits search.DocumentMatchCollection, fields []string) error {
	if len(hits) == 0 {
		return nil
	}
	idList := make([]string, len(hits))
	for i, h := range hits {
		idList[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(idList), len(idList), 0, false)
	req.Fields = fields
	sr, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]map[string]interface{}, len(sr.Hits))
	for _, h := range sr.Hits {
		byID[h.ID] = h.Fields
	}
	for _, h := range hits {
		h.Fields = byID[h.ID]
	}
	return nil
}
