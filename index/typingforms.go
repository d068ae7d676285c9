package index

import (
	"context"
	"errors"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// While a query is being typed (Query.Typing), the forms as written of its
// phrases, quoted words, acronyms and word* (exact.go) are checked for the
// page of hits returned only, not for every candidate: the closing quote
// of "united states" found the ~1,100 pieces with the two stems in a row
// among the 89k with both, then read the text of each to keep the 996 with
// the words as written, 143-180 ms of CPU at 100k pieces, half of it
// reading texts. The total and the facet counts are then those of the
// candidates, which may be more than the pieces with the forms
// (Results.Estimated), and a hit among the page's candidates whose text
// lacks the forms is left out of the page; the search the reader makes
// when typing pauses counts exactly.

// formsKey is the context value that says exactQuery's searchers pass
// their candidates unchecked.
type formsKey struct{}

// uncheckedForms is ctx with the forms as written left unchecked.
func uncheckedForms(ctx context.Context) context.Context {
	return context.WithValue(ctx, formsKey{}, true)
}

// formsUnchecked reports whether ctx leaves the forms unchecked.
func formsUnchecked(ctx context.Context) bool {
	v, _ := ctx.Value(formsKey{}).(bool)
	return v
}

// formsLeftToPage reports whether the plan's forms as written can be
// checked for the page alone: some are checked on the text without a
// budget (exactQuery), and none in an exclusion (unchecked, an exclusion
// would leave out more than it should, and the page could not get them
// back).
func (p *queryPlan) formsLeftToPage() bool {
	checks := func(pcs []planClause) bool {
		for _, pc := range pcs {
			if _, ok := storedOf[fieldOfClause(pc.field)]; !ok {
				continue
			}
			for _, u := range pc.units {
				if u.kind == uExact || u.kind == uCase || u.kind == uPrefix {
					return true
				}
			}
		}
		return false
	}
	if checks(p.exclude) {
		return false
	}
	for _, g := range p.groups {
		if checks(g) {
			return true
		}
	}
	return false
}

// fieldOfClause is the index field a text clause of field searches.
func fieldOfClause(field string) string {
	if field == qfTitle {
		return fTitle
	}
	if field == qfText {
		return fText
	}
	return ""
}

// checkPage keeps the hits of a query, found with the forms unchecked,
// whose text has them: the query again, forms checked, over those hits
// alone. within is the query with one more required clause: the hits' IDs
// are required beside its words, in its one conjunction, so that the
// searchers that check forms and phrases are advanced to the hits alone.
// (Around the query, its conjunction moved to each next candidate after a
// hit, whose text was read too: twice the texts read.)
// checkPageSplit is the page from which checkPage checks its halves
// on both cores.
const checkPageSplit = 16

func (ix *Index) checkPage(ctx context.Context, within func(query.Query) query.Query, hits search.DocumentMatchCollection) (search.DocumentMatchCollection, error) {
	if len(hits) == 0 {
		return hits, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	// the page in two halves, one a core: checking is reading texts
	parts := [][]string{ids}
	if len(ids) >= checkPageSplit {
		parts = [][]string{ids[:len(ids)/2], ids[len(ids)/2:]}
	}
	found := make([]search.DocumentMatchCollection, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() {
			errs[i] = caught("checking a page's forms", func() error {
				var err error
				found[i], _, err = ix.collect(ctx, within(query.NewDocIDQuery(part)), len(part), 0, []string{"-_score"}, nil)
				return err
			})
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	ok := make(map[string]bool, len(hits))
	for _, part := range found {
		for _, h := range part {
			ok[h.ID] = true
		}
	}
	out := hits[:0]
	for _, h := range hits {
		if ok[h.ID] {
			out = append(out, h)
		}
	}
	return out, nil
}
