package index

import (
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
)

// TestPeriodFreeWhereverTheDatesAre: a query's filters without its period
// (periodFree, the collapse of copies' rule) leave out its Years, Months
// and its date restrictions wherever they stand in the restrictions, and
// keep every other: with the dates first, or a restriction added after
// them (the rule took the last restrictions for the dates, as many as the
// query's period has, and dropped that one instead).
func TestPeriodFreeWhereverTheDatesAre(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: A\ndate: 2020-01-01\ntags: [x]\n---\nText.\n",
		"---\ntitle: B\ndate: 2021-06-01\ntags: [y]\n---\nText.\n")
	q := Query{Tags: []string{"x"}, Years: []string{"2020"}, IDs: []string{"p0", "p1"}, ExcludeIDs: []string{"p1"},
		From: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}
	filters, restrict, none := ix.filterQueries(q)
	if none || len(restrict) != 4 {
		t.Fatalf("filterQueries: %d restrictions (none %v), want IDs, excluded, from, to", len(restrict), none)
	}
	var dates, others []query.Query
	for _, r := range restrict {
		if isPeriod(r) {
			dates = append(dates, r)
		} else {
			others = append(others, r)
		}
	}
	if len(dates) != 2 {
		t.Fatalf("%d date restrictions, want 2", len(dates))
	}
	added := query.NewDocIDQuery([]string{"p0"})
	for _, tc := range []struct {
		name           string
		restrict, want []query.Query
	}{
		{"as filterQueries orders them", restrict, others},
		{"dates first", slices.Concat(dates, others), others},
		{"a restriction after the dates", slices.Concat(restrict, []query.Query{added}), slices.Concat(others, []query.Query{added})},
		{"between the dates", slices.Concat(others, dates[:1], []query.Query{added}, dates[1:]), slices.Concat(others, []query.Query{added})},
	} {
		was := slices.Clone(tc.restrict)
		pf := periodFree(filters, tc.restrict)
		if !pf.period {
			t.Errorf("%s: no period", tc.name)
		}
		if !slices.Equal(pf.restrict, tc.want) {
			kept := len(slices.DeleteFunc(slices.Clone(pf.restrict), func(r query.Query) bool { return !isPeriod(r) }))
			lost := len(slices.DeleteFunc(slices.Clone(tc.want), func(r query.Query) bool { return slices.Contains(pf.restrict, r) }))
			t.Errorf("%s: without the period, %d date restrictions kept, %d others lost", tc.name, kept, lost)
		}
		if !slices.Equal(tc.restrict, was) {
			t.Errorf("%s: the query's restrictions changed", tc.name)
		}
		if pf.filters[fYear] != nil || pf.filters[fTags] == nil || filters[fYear] == nil {
			t.Errorf("%s: filters without the period: %v (of %v)", tc.name, pf.filters, filters)
		}
	}
	// no period: the query's own
	q.From, q.To, q.Years = time.Time{}, time.Time{}, nil
	filters, restrict, _ = ix.filterQueries(q)
	if pf := periodFree(filters, restrict); pf.period || !slices.Equal(pf.restrict, restrict) || len(pf.filters) != len(filters) {
		t.Errorf("no period: %+v", pf)
	}
}
