package index

import (
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/archive"
)

// combine builds must ∧ filters ∧ restrict ∧ ¬mustNot, leaving out the
// filter of field skip (for that field's facet counts), with should
// ranking. Filters or restrictions make the required clauses narrower
// than the words the ranking's adjacency phrase has: it then checks only
// the pieces they match (askedOnly).
func combine(must, mustNot, should []query.Query, filters map[string]query.Query, restrict []query.Query, skip string) query.Query {
	var all []query.Query
	all = append(all, must...)
	for _, f := range facetFields {
		if q := filters[f]; q != nil && f != skip {
			all = append(all, q)
		}
	}
	all = append(all, restrict...)
	if len(all) > len(must) {
		should = askedOnly(should)
	}
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

// scopeBudgets gives each word checked within a budget (the word being
// typed against the stems of its words that it does not begin:
// exactQuery.budget) what the rest of the search requires: the query's
// other required words, its exclusions, filters and restrictions
// (restrict without a collapse of copies, which each search makes for its
// own query). Its budget's pieces are then the first among those that can
// match, the same for every search built from c (hits, facets, a page's
// check).
func (c compiled) scopeBudgets(filters map[string]query.Query, restrict []query.Query) {
	for i, q := range c.must {
		budgets := budgetsIn(q, nil)
		if len(budgets) == 0 {
			continue
		}
		others := slices.Concat(c.must[:i], c.must[i+1:])
		var within query.Query
		if len(others) > 0 || len(c.mustNot) > 0 || len(filters) > 0 || len(restrict) > 0 {
			within = combine(others, c.mustNot, nil, filters, restrict, "")
		}
		for _, b := range budgets {
			b.within = within
		}
	}
}

// budgeted reports whether a word of c is checked within a budget
// (Results.Budgeted).
func (c compiled) budgeted() bool {
	for _, q := range c.must {
		if len(budgetsIn(q, nil)) > 0 {
			return true
		}
	}
	return false
}

// budgetLeftUnread reports whether a word of c checked within a budget
// left candidates unread past it in the search just made: its pieces
// may be fewer than it matches (Results.Estimated).
func (c compiled) budgetLeftUnread() bool {
	for _, q := range c.must {
		for _, b := range budgetsIn(q, nil) {
			if b.kept.leftUnread() {
				return true
			}
		}
	}
	return false
}

// budgetsIn appends the exactQueries with a budget in q to out.
func budgetsIn(q query.Query, out []*exactQuery) []*exactQuery {
	switch q := q.(type) {
	case *exactQuery:
		if q.budget > 0 {
			out = append(out, q)
		}
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			out = budgetsIn(d, out)
		}
	case *query.ConjunctionQuery:
		for _, d := range q.Conjuncts {
			out = budgetsIn(d, out)
		}
	}
	return out
}

// filterQueries turns the Query's filters into queries: facet-field filters
// by field, the rest (IDs, dates) as restrictions. none is true when the
// filters can match nothing (IDs given but empty).
func (ix *Index) filterQueries(q Query) (map[string]query.Query, []query.Query, bool) {
	ix.mu.RLock()
	all := ix.allFacets
	ix.mu.RUnlock()
	filters := map[string]query.Query{}
	for _, f := range []struct {
		field  string
		values []string
		known  []FacetValue
		loose  bool
	}{
		{fTags, q.Tags, all.Tags, false},
		{fOutlet, q.Outlets, all.Outlets, true},
		{fAuthor, q.Authors, all.Authors, true},
		{fKind, q.Kinds, all.Kinds, false},
		{fLanguage, q.Languages, all.Languages, false},
		{fYear, q.Years, all.Years, false},
		{fMonth, q.Months, all.Months, false},
	} {
		if fq := valueFilter(f.field, f.values, f.known, f.loose); fq != nil {
			filters[f.field] = fq
		}
	}

	var restrict []query.Query
	if q.IDs != nil {
		if len(q.IDs) == 0 {
			return nil, nil, true
		}
		restrict = append(restrict, query.NewDocIDQuery(q.IDs))
	}
	if q.Pinned {
		tq := query.NewTermQuery("y")
		tq.SetField(fPinned)
		restrict = append(restrict, tq)
	}
	if len(q.ExcludeIDs) > 0 {
		restrict = append(restrict, query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery(q.ExcludeIDs)}))
	}
	return filters, append(restrict, dateRestrictions(q)...), false
}

// valueFilter matches any of the values of a facet field (resolved against
// the index's, see resolveValue; a language as the range it names,
// archive.LanguageRange); nil for no values. archive.NoAuthor (of
// the authors), archive.NoOutlet (of the outlets) and archive.NoLanguage
// (of the languages) match the pieces with
// none: every piece but those with one of the values the index knows, and
// Undated (of the years) the pieces without a date.
func valueFilter(field string, values []string, known []FacetValue, loose bool) query.Query {
	var vs []string
	var byAll []query.Query
	none := false
	for _, v := range values {
		// as the files' values were kept (a review: a tag copied with its
		// right-to-left mark or zero-width space matched nothing)
		v = archive.SanitizeLine(v)
		if field == fAuthor && v == archive.NoAuthor || field == fOutlet && v == archive.NoOutlet || field == fYear && v == Undated ||
			field == fLanguage && v == archive.NoLanguage {
			none = true
			continue
		}
		if field == fLanguage { // a range, the field holding each piece's (document)
			if r, ok := archive.LanguageRange(v); ok {
				vs = append(vs, r)
			}
			continue
		}
		if field != fAuthor {
			vs = append(vs, resolveValue(field, v, known, loose)...)
			continue
		}
		people, noOne := archive.PickAuthors(v, valuesOf(known), cutKeyword)
		none = none || noOne
		switch len(people) {
		case 0:
		case 1:
			vs = append(vs, people[0]...)
		default: // a byline of several: a piece by all of them
			every := make([]query.Query, len(people))
			for i, p := range people {
				every[i] = anyOf(termQueries(field, p))
			}
			byAll = append(byAll, query.NewConjunctionQuery(every))
		}
	}
	if len(values) == 0 {
		return nil
	}
	alts := byAll
	if none {
		some := termQueries(field, valuesOf(known)) // a piece with any value the index knows
		alts = append(alts, query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, some))
	} else if len(vs) == 0 && len(byAll) == 0 {
		vs = values // match nothing, honestly
	}
	return anyOf(append(alts, termQueries(field, vs)...))
}

// termQueries match the values vs of field, one query each.
func termQueries(field string, vs []string) []query.Query {
	var qs []query.Query
	for _, v := range uniq(vs...) {
		tq := query.NewTermQuery(filterTerm(field, v))
		tq.SetField(field)
		qs = append(qs, tq)
	}
	return qs
}

// filterTerm is the term of field that holds the value v: the tags
// field keys its values (tagkey.go), the languages' holds them in lower
// case, the others hold them as they are.
func filterTerm(field, v string) string {
	switch field {
	case fTags:
		return tagKey(v)
	case fLanguage:
		return strings.ToLower(v)
	}
	return v
}

// dateRestrictions keep the pieces whose period overlaps q's From–To: a
// piece of "2017-09" is kept by From 2017-09-15. With q.Within, those
// whose period lies inside it: the piece's first instant from From on,
// its last up to To.
func dateRestrictions(q Query) []query.Query {
	var restrict []query.Query
	t := true
	fromField, toField := fDateEnd, fDateStart
	if q.Within {
		fromField, toField = fDateStart, fDateEnd
	}
	if !q.From.IsZero() {
		dq := query.NewDateRangeInclusiveQuery(q.From.UTC(), time.Time{}, &t, nil)
		dq.SetField(fromField)
		restrict = append(restrict, dq)
	}
	if !q.To.IsZero() {
		to := q.To.UTC()
		if to.Hour() == 0 && to.Minute() == 0 && to.Second() == 0 && to.Nanosecond() == 0 {
			to = to.AddDate(0, 0, 1).Add(-time.Nanosecond) // a date means the whole day
		}
		dq := query.NewDateRangeInclusiveQuery(time.Time{}, to, nil, &t)
		dq.SetField(toField)
		restrict = append(restrict, dq)
	}
	return restrict
}

// resolveValue maps a filter value to the index's values by the rule every
// command shares (see archive.Filter; field's values one by its key,
// archive.FieldKey; loose for outlets, by words).
func resolveValue(field, v string, known []FacetValue, loose bool) []string {
	// the index holds a value of over 255 bytes cut (cutKeyword): so is
	// the value asked for, or no piece would have it
	v = cutKeyword(v)
	return archive.PickValues(v, valuesOf(known), archive.FieldKey(field), loose)
}

// valuesOf are the facet values' values.
func valuesOf(known []FacetValue) []string {
	values := make([]string, len(known))
	for i, k := range known {
		values[i] = k.Value
	}
	return values
}
