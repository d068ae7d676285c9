package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/folio-tui/folio/archive"
)

const (
	defaultLimit = 50
)

// MaxLimit is the most hits a search returns (Query.Limit); more are
// read a page at a time (Query.Offset).
const MaxLimit = 10000

// facet fields, in the order of Facets.
var facetFields = []string{fTags, fOutlet, fAuthor, fKind, fLanguage, fYear, fMonth, fWeek}

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
	res, err := func() (Results, error) {
		ix.warm.busy.enter() // the warm gives way (warm.go)
		defer ix.warm.busy.leave()
		return ix.search(withPhraseMemo(withBodies(ctx, ix.cur.bodies), &ix.cur.phrases), q, start)
	}()
	if err == nil && res.Total == 0 && !q.Typing {
		if notes := ix.tagNotes(q); len(notes) > 0 {
			res.Notes = append(slices.Clone(res.Notes), notes...)
			res.Hint = strings.Join(res.Notes, "; ")
		}
	}
	ix.trimMapped()
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	ix.startWarm(ft)
	return res, err
}

// tagNotes are the notes of a search that found nothing on the tags it
// asks for (Query.Tags, tag: in its text) that no piece has as written but
// some have with other accents or case (a helper's report: tag:economie
// and --tag economie found 0 where économie had pieces, with no word;
// tags are matched as written, in NFC).
func (ix *Index) tagNotes(q Query) []string {
	asked := slices.Clone(q.Tags)
	pq := parseQuery(q.Text, false)
	for _, g := range pq.groups {
		for _, c := range g {
			if c.field == qfTag {
				asked = append(asked, c.text)
			}
		}
	}
	if len(asked) == 0 {
		return nil
	}
	tags := ix.AllFacets().Tags
	var notes []string
	for _, v := range asked {
		v = norm.NFC.String(strings.ToLower(archive.SanitizeLine(v)))
		if slices.ContainsFunc(tags, func(t FacetValue) bool { return t.Value == v || t.Value == strings.ReplaceAll(v, " ", "-") }) {
			continue
		}
		want := foldPrefix(v)
		for _, t := range tags {
			if want != "" && foldPrefix(t.Value) == want {
				notes = append(notes, fmt.Sprintf("no piece has the tag %q: %q has %d (tags are matched as written)", v, t.Value, t.Count))
				break
			}
		}
	}
	return notes
}

// search is Search under the index's read lock.
func (ix *Index) search(ctx context.Context, q Query, start time.Time) (Results, error) {
	key := queryKey(q)
	if r, ok := ix.cache.get(key); ok {
		return r, nil // with the Took of the search that computed it
	}

	p := buildPlan(parseQuery(q.Text, q.Typing), ix.synonyms)
	if len(p.groups) == 0 && len(p.exclude) == 0 && (q.Text != "" || q.Typing) {
		// No word to match or exclude (a first letter, words too common):
		// the answer is the query's without text, the list before a word
		// was typed, and its result is cached. Before the first search had
		// warmed the snapshot, a first letter typed at 1M pieces sorted
		// every piece again (320–575 ms).
		all := q
		all.Text, all.Typing, all.Snippets = "", false, 0
		r, err := ix.search(ctx, all, start)
		if err != nil {
			return Results{}, err
		}
		noText := resultsOf(p, false)
		r.Terms, r.Notes, r.Hint, r.Partial = noText.Terms, noText.Notes, noText.Hint, noText.Partial
		return r, nil
	}
	widens := p.typed != "" && ix.resolveTyping(ctx, &p)
	c := compile(p)
	hlTitle, hlTexts := p.highlight()
	res := resultsOf(p, widens)

	hasText := len(c.must) > 0 || len(c.mustNot) > 0
	filters, restrict, none := ix.filterQueries(q)
	if none {
		res.Took = time.Since(start)
		return res, nil
	}
	c.scopeBudgets(filters, restrict)
	res.Budgeted = c.budgeted()
	// while typing, forms as written are checked for the page alone (the
	// collapse then picks among the same candidates the count reads)
	sctx := ctx
	if q.Typing && p.formsLeftToPage() {
		sctx, res.Estimated = uncheckedForms(ctx), true
	}
	// a count: another search of the same matches may know it (then no
	// collapse of copies either)
	mk := matchKey(q)
	total, counted := 0, false
	if q.Mode == ModeCount {
		if total, counted = ix.cache.total(mk); counted {
			totalsReused.Add(1)
		}
	}
	base := restrict // without the collapse's: the facets collapse their own
	var mv memberValues
	var np query.Query // the query without its period, copies collapsed
	var pf periodless  // the filters without the period, once for the collapse of the hits and the facets'
	if q.CollapseCopies {
		pf = periodFree(filters, base)
	}
	if q.CollapseCopies && !counted {
		var err error
		if restrict, mv, np, err = ix.collapsedFor(sctx, c, filters, restrict, pf); err != nil {
			return Results{}, err
		}
	}
	pg := pageOf(q, len(c.must) > 0, hasText)
	// main query: text AND filters AND restrictions, NOT exclusions
	should := c.should
	if pg.noHits {
		should = nil // they rank, and match nothing of their own
	}
	mainQ := combine(c.must, c.mustNot, should, filters, restrict, "")

	allDocs := !hasText && len(filters) == 0 && len(restrict) == 0
	ix.mu.RLock()
	all, terms := ix.allFacets, ix.facetTerms
	ix.mu.RUnlock()
	fc := &facetSearches{counted: map[string][]FacetValue{}}
	if !allDocs && !pg.noFacets {
		fc.start(sctx, ix, terms, all, c, filters, base, hasText, q.CollapseCopies, pf)
	}
	var hits search.DocumentMatchCollection
	var err error
	if !counted {
		if hits, total, err = ix.collectPage(sctx, mainQ, pg, allDocs, fc.counter, terms, mk); err != nil {
			fc.wait()
			return Results{}, err
		}
	}
	res.Total = total
	if q.CollapseCopies && fc.counter != nil && !q.hitsFacets {
		if err := ix.addCollapsedValues(sctx, combine(c.must, c.mustNot, c.should, filters, base, ""), np, mv, fc.counter); err != nil {
			fc.wait()
			return Results{}, err
		}
	}
	fc.addMain()

	if pg.rerank {
		hits = ix.rerankByLength(hits, pg.offset, pg.limit)
	}
	if res.Estimated {
		within := func(ids query.Query) query.Query {
			return combine(c.must, c.mustNot, should, filters, append(slices.Clone(restrict), ids), "")
		}
		if hits, err = ix.checkPage(ctx, within, hits); err != nil {
			fc.wait()
			return Results{}, err
		}
	}
	// Stored fields for the page only: after re-ranking, one search by ID.
	if err := ix.loadFields(ctx, hits, pg.fields); err != nil {
		fc.wait()
		return Results{}, err
	}
	res.Hits = ix.hitsOf(hits, hitMarks{&hlTitle, &hlTexts}, hasText, q.SnippetHits())
	res.Forms = formsFound(p.widened(), res.Hits)
	res.Terms = append(res.Terms, fuzzyFormsFound(&p, res.Hits)...)
	if err := fc.wait(); err != nil {
		return Results{}, err
	}
	if err := ctx.Err(); err != nil {
		return Results{}, err
	}
	if res.Budgeted {
		// the word being typed was checked on the first of its
		// candidates alone: the count may be short of the word's (a
		// count of facets may be of the matches a search of hits kept,
		// hitSet, which says so for it)
		if c.budgetLeftUnread() {
			res.Estimated = true
			terms.markHitSetShort(mk)
		} else if terms.hitSetShort(mk) {
			res.Estimated = true
		}
	}
	res.Facets = terms.mergeCases(fc.facets(pg.noFacets, allDocs, all))
	if !q.CollapseCopies {
		// collapsed, a group counts under each language of its copies:
		// an equal count no longer says the same groups (withoutRepeatedLanguages)
		res.Facets.Languages = withoutRepeatedLanguages(res.Facets.Languages, q.Languages)
	}
	if hasText && res.Total <= suggestMaxCount && !q.Typing && (!pg.noHits || q.Suggest && q.Mode == ModeFacets) {
		res.Suggestion = ix.suggest(ctx, q, p)
	}
	res.Took = time.Since(start)
	ix.cache.put(key, res)
	ix.cache.putTotal(mk, res.Total)
	return res, nil
}

// totalsReused counts the counts (ModeCount) answered with the number of
// matches another search of the same query found (resultCache.total).
var totalsReused atomic.Int64

// collectPage collects the page of the main search: every document newest
// first from the snapshot's order when there is one (allDocs: no words, no
// filters), else through collectKeyed (collectRanked when re-ranked).
func (ix *Index) collectPage(ctx context.Context, mainQ query.Query, pg page, allDocs bool, counter *facetCounter,
	terms *facetTerms, key string) (search.DocumentMatchCollection, int, error) {
	if allDocs && !pg.noHits && slices.Equal(pg.sortBy, orderSort) {
		if hits, total, ok, err := ix.collectOrdered(terms, pg.size, pg.from); ok || err != nil {
			return hits, total, err
		}
	}
	if pg.rerank {
		return ix.collectRanked(ctx, mainQ, pg, counter, terms, key)
	}
	return ix.collectKeyed(ctx, mainQ, pg.size, pg.from, pg.sortBy, counter, terms, key)
}

// resultsOf starts the Results of a plan: its terms and notes, no hits.
func resultsOf(p queryPlan, widens bool) Results {
	res := Results{Terms: p.terms(), Hits: []Hit{}, Notes: p.notes, Partial: p.partial}
	if res.Notes == nil {
		res.Notes = []string{}
	}
	res.Hint = strings.Join(res.Notes, "; ")
	if widens {
		res.Typed = p.typed
	}
	return res
}

// page is what the main search of a Query collects and returns.
type page struct {
	limit, offset int // the hits returned
	size, from    int // the hits collected: the best rerankDepth when re-ranked
	sortBy        []string
	fields        []string // the stored fields loaded
	rerank        bool     // by length: see lengthPrior
	noHits        bool
	noFacets      bool
}

// pageOf reads the page of q; hasMust says the query has words to match,
// hasText that it has words at all (to match or exclude).
func pageOf(q Query, hasMust, hasText bool) page {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)
	pg := page{
		noHits:   q.Mode == ModeFacets || q.Mode == ModeCount,
		noFacets: q.Mode == ModeHits || q.Mode == ModeCount,
	}
	if pg.noHits {
		limit, offset = 0, 0
	}
	sortOrder := q.Sort
	switch {
	case pg.noHits:
		sortOrder = SortRelevance // by score alone: a date sort reads doc values of every match
	case sortOrder == SortRelevance && !hasMust:
		sortOrder = SortNewest
	}
	// Relevance re-ranks the best rerankDepth hits by length: see lengthPrior.
	pg.rerank = sortOrder == SortRelevance && !pg.noHits
	pg.limit, pg.offset = limit, offset
	pg.size, pg.from = limit, offset
	if pg.rerank {
		pg.size, pg.from = max(offset+limit, rerankDepth), 0
	}
	pg.fields = storedFields
	if hasText {
		pg.fields = append(slices.Clone(storedFields), fBodyAt)
	}
	pg.sortBy = scoreSort // score only: a tie-breaking field would load doc values for every match
	switch sortOrder {
	case SortNewest:
		pg.sortBy = []string{"-" + fDateStart, fID}
	case SortOldest:
		pg.sortBy = []string{fDateStart, fID}
	}
	return pg
}

// rerankDepth is how many of the best-scoring hits are re-ranked, whatever
// the page.
const rerankDepth = 100

// lengthPrior weighs a score by the length of the piece. Term statistics
// alone favour short pieces: in an archive that mixes full articles with
// few-line records of interviews, a record that names a place twice
// outranks the article about it. A piece of 70 words keeps a quarter of its
// score, one of 1,000 words four fifths.
func lengthPrior(words float64) float64 {
	return (words + 20) / (words + 300)
}

// rerankByLength applies lengthPrior to the best rerankDepth of hits and
// orders them again, and returns the page [offset, offset+limit). hits are
// in collectRanked's order: by score, equal scores by ID, an order in
// which the best n of a search are the best n of any larger one, whatever
// the index's order of documents. The hits after the best rerankDepth keep that order, and their
// scores (the term statistics' alone): the order of a hit is then the same
// whatever the page asked for, and pages join without a hit twice or
// missing (re-ranking the best offset+limit let a hit that one page moved
// past its end come after the next page's start). Lengths come from the
// lengths file, not stored fields.
func (ix *Index) rerankByLength(all search.DocumentMatchCollection, offset, limit int) search.DocumentMatchCollection {
	ix.mu.RLock()
	l := ix.lengths
	ix.mu.RUnlock()
	hits := all[:min(len(all), rerankDepth)]
	ids, words := make([]string, len(hits)), make([]int, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	l.lengthsOf(ids, words)
	for i, h := range hits {
		h.Score *= lengthPrior(float64(words[i]))
	}
	slices.SortStableFunc(hits, byScoreThenID)
	if offset >= len(all) {
		return nil
	}
	return all[offset:min(offset+limit, len(all))]
}
