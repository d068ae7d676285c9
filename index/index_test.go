package index

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	bleveindex "github.com/blevesearch/bleve_index_api"
	"github.com/folio-tui/folio/archive"
)

func TestQueryLanguage(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		query string
		want  []string // sorted IDs
	}{
		{"raqqa ", []string{"2017/raqqa"}},
		{"radicalization ", []string{"2017/prisons", "2017/raqqa"}},
		{"radicalisation ", []string{"2017/prisons", "2017/raqqa"}},
		{"organize ", []string{"2017/prisons"}},
		{"defense center ", []string{"2017/manchester"}},
		{"traveling ", []string{"2017/prisons"}},
		{"isis ", []string{"2017/manchester", "2017/raqqa"}},            // Isil; Islamic State and IS
		{"daesh ", []string{"2017/manchester", "2017/raqqa"}},           // a variant finds every variant
		{"IS ", []string{"2017/manchester", "2017/raqqa"}},              // IS in capitals is the group
		{"mi5 ", []string{"2017/raqqa", "interviews/mi5"}},              // MI5 = Security Service
		{"security service ", []string{"2017/raqqa", "interviews/mi5"}}, // and back
		{`"security service" `, []string{"interviews/mi5"}},             // quoted: as written, no aliases
		{"al qaida ", []string{"2017/seven-seven"}},
		{"7/7 ", []string{"2017/seven-seven"}},
		{"july 7 2005 ", []string{"2017/seven-seven"}},
		{`"foreign fighters" `, []string{"2017/raqqa"}},
		{`"fighters foreign" `, nil},
		{`"state of the union" `, []string{"old/1863"}},             // stop words keep their places
		{`"state the of union" `, nil},                              // quoted: the words as written
		{`"state union" `, nil},                                     // but not none
		{`"health abundant harvests" `, nil},                        // words present, apart
		{`"sufficiently abundant harvests" `, []string{"old/1863"}}, // three words
		{`author:"pantucci alexandros" `, nil},                      // not across two authors
		{`author:"raffaello pantucci" `, []string{"2016/china", "2017/manchester", "2017/raqqa", "2017/seven-seven", "interviews/mi5"}},
		{"raqqa -isil ", nil},
		{`isis -"foreign fighters" `, []string{"2017/manchester"}},
		{"isis NOT raqqa ", []string{"2017/manchester"}},
		{"title:raqqa ", []string{"2017/raqqa"}},
		{"title:radicalization ", []string{"2017/prisons"}},
		{"outlet:telegraph ", []string{"2016/shouting", "2017/raqqa", "2017/seven-seven"}},
		{`outlet:"sky news" `, []string{"interviews/mi5"}},
		{"tag:mi5 ", []string{"interviews/mi5"}},
		{"tag:foreign-fighters ", []string{"2017/raqqa"}},
		{`tag:"foreign fighters" `, []string{"2017/raqqa"}},
		{"author:smith ", []string{"2017/prisons"}},
		{`author:"alexandros petersen" `, []string{"2016/china"}},
		{"kind:speech ", []string{"old/1863"}},
		{"xinj* ", []string{"2016/china"}},
		{"radical* ", []string{"2017/prisons", "2017/raqqa"}},
		{"raqa~ ", []string{"2017/raqqa"}},
		{"xinjang~ ", []string{"2016/china"}},
		{"manchster~ ", []string{"2017/manchester"}}, // stemming the typo goes astray
		{"1863 ", []string{"old/1863"}},
		{"1864~ ", nil}, // never fuzzy on numbers
		{"xinjiang OR manchester ", []string{"2016/china", "2017/manchester"}},
		{"prisons raqqa ", nil}, // AND
		{"harvests union ", []string{"old/1863"}},
		{"beijing uighur xinjiang ", []string{"2016/china"}},
		{"US policy ", []string{"2016/shouting"}},
		{"terrorism ", []string{"2016/shouting", "2017/raqqa"}}, // terror stems with terrorism
	}
	for _, tt := range tests {
		r := run(t, ix, Query{Text: tt.query})
		if got := sortedIDs(r); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%q: got %v, want %v (hint %q)", tt.query, got, tt.want, r.Hint)
		}
	}
}

func TestStopWordsAndAcronyms(t *testing.T) {
	if got := analyzeTerms("WHAT IS TERRORISM"); slices.Contains(got, "IS") {
		t.Errorf("a shouted headline's IS is not the group: %q", got)
	}
	if got := analyzeTerms("IS claimed it"); !slices.Contains(got, "IS") {
		t.Errorf("IS in prose is the group: %q", got)
	}
	if got := analyzeTerms("this is it"); len(got) != 0 {
		t.Errorf("stop words indexed: %q", got)
	}
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: "is "})
	if r.Hint == "" {
		t.Errorf("a stop word alone should explain itself")
	}
	// "is" lower-case is the verb: it does not expand to the group
	r = run(t, ix, Query{Text: "is raqqa "})
	if got := sortedIDs(r); !slices.Equal(got, []string{"2017/raqqa"}) {
		t.Errorf("is raqqa: %v", got)
	}
}

func TestSpelling(t *testing.T) {
	same := [][2]string{
		{"radicalisation", "radicalization"}, {"organise", "organize"}, {"organised", "organized"},
		{"defence", "defense"}, {"offences", "offenses"}, {"centre", "center"}, {"labour", "labor"},
		{"behaviour", "behavior"}, {"neighbourhood", "neighborhood"}, {"travelling", "traveling"},
		{"programme", "program"}, {"analysed", "analyzed"}, {"mobilisation", "mobilization"},
		{"recognise", "recognize"}, {"favourite", "favorite"}, {"sceptical", "skeptical"},
		{"Isil’s", "isil"}, {"café", "cafe"}, {"Britain's", "britain"},
	}
	for _, p := range same {
		a, b := analyzeTerms(p[0]), analyzeTerms(p[1])
		if !slices.Equal(a, b) {
			t.Errorf("%s → %q, %s → %q: want the same", p[0], a, p[1], b)
		}
	}
	different := [][2]string{{"promise", "promize"}, {"rise", "rize"}, {"exercise", "exercize"}, {"cancellation", "cancelation"}}
	for _, p := range different {
		if w, ok := americanSpelling([]byte(p[0])); ok {
			t.Errorf("%s rewritten to %s", p[0], w)
		}
	}
}

func TestBundledAcceptance(t *testing.T) {
	ix := openBundled(t)
	const telegraph = "2017-10-19-raqqa-terror-is-here-to-stay"
	for _, q := range []string{"raqqa", "raqqa ", "Raqqa "} {
		r := run(t, ix, Query{Text: q})
		if len(r.Hits) == 0 || r.Hits[0].ID != telegraph {
			t.Errorf("%q: want the Telegraph piece first, got %s", q, describe(r))
		}
	}
	r := run(t, ix, Query{Text: "radicalization "})
	found := false
	for _, h := range r.Hits {
		for _, s := range h.Snippets {
			if strings.Contains(s, MarkStart+"radicalisation"+MarkEnd) {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("radicalization: no snippet marks radicalisation: %s", describe(r))
	}
	r = run(t, ix, Query{Text: "isis "})
	if !slices.Contains(ids(r), telegraph) {
		t.Errorf("isis does not find the Isil piece: %s", describe(r))
	}
	all := run(t, ix, Query{Text: `"foreign fighters"`})
	narrowed := run(t, ix, Query{Text: `"foreign fighters"`, Outlets: []string{"The Telegraph"}})
	if narrowed.Total == 0 || narrowed.Total >= all.Total {
		t.Errorf("outlet filter: %d of %d", narrowed.Total, all.Total)
	}
	for _, h := range narrowed.Hits {
		if h.Outlet != "The Telegraph" {
			t.Errorf("outlet filter let through %s (%s)", h.ID, h.Outlet)
		}
	}
	from := time.Date(2017, 9, 1, 0, 0, 0, 0, time.UTC)
	r = run(t, ix, Query{From: from})
	sawMonth := false
	for _, h := range r.Hits {
		if h.Date.End().Before(from) {
			t.Errorf("From kept %s of %s", h.ID, h.Date)
		}
		if h.Date.String() == "2017-09" {
			sawMonth = true
		}
	}
	if !sawMonth {
		t.Errorf("From 2017-09-01 lost the month-precision September pieces: %v", ids(r))
	}
}

func TestDateRange(t *testing.T) {
	ix := openFixtures(t)
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		from, to time.Time
		want     []string
	}{
		{d(2017, 9, 1), time.Time{}, []string{"2017/prisons", "2017/raqqa", "interviews/mi5"}},
		{d(2017, 9, 15), d(2017, 9, 20), []string{"2017/prisons"}},                                            // month precision overlaps
		{time.Time{}, d(2017, 5, 31), []string{"2016/china", "2016/shouting", "2017/manchester", "old/1863"}}, // To is inclusive of the day
		{d(1863, 6, 1), d(1863, 6, 30), []string{"old/1863"}},                                                 // year precision
		{d(2017, 10, 20), d(2017, 10, 31), []string{"interviews/mi5"}},
	}
	for _, tt := range tests {
		r := run(t, ix, Query{From: tt.from, To: tt.to})
		if got := sortedIDs(r); !slices.Equal(got, tt.want) {
			t.Errorf("%s..%s: got %v, want %v", tt.from.Format("2006-01-02"), tt.to.Format("2006-01-02"), got, tt.want)
		}
	}
}

func TestFilters(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		q    Query
		want []string
	}{
		{Query{Tags: []string{"mi5", "china"}}, []string{"2016/china", "interviews/mi5"}},                    // OR within
		{Query{Tags: []string{"isis"}, Outlets: []string{"The Telegraph"}}, []string{"2017/raqqa"}},          // AND across
		{Query{Outlets: []string{"telegraph"}}, []string{"2016/shouting", "2017/raqqa", "2017/seven-seven"}}, // loose outlet
		{Query{Kinds: []string{"interview"}}, []string{"interviews/mi5"}},
		{Query{Years: []string{"2016"}}, []string{"2016/china", "2016/shouting"}},
		{Query{Months: []string{"2017-09", "2017-07"}}, []string{"2017/prisons", "2017/seven-seven"}},
		{Query{IDs: []string{"2017/raqqa", "old/1863"}, Text: "raqqa "}, []string{"2017/raqqa"}},
		{Query{IDs: []string{}}, nil},
		{Query{Text: "pantucci ", ExcludeIDs: []string{"2017/raqqa", "2016/china", "2017/manchester", "nonexistent"}},
			[]string{"2017/seven-seven", "interviews/mi5"}},
		{Query{Tags: []string{"mi5", "china"}, ExcludeIDs: []string{"2016/china"}}, []string{"interviews/mi5"}},
		{Query{Text: "pantucci ", Tags: []string{"nonexistent"}}, nil},
	}
	for _, tt := range tests {
		r := run(t, ix, tt.q)
		if got := sortedIDs(r); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%+v: got %v, want %v", tt.q, got, tt.want)
		}
		if r.Total != len(r.Hits) {
			t.Errorf("%+v: total %d, %d hits", tt.q, r.Total, len(r.Hits))
		}
		cq := tt.q
		cq.Mode = ModeCount
		ix.cache.clear() // counted, not the total the search above kept
		if c := run(t, ix, cq); c.Total != r.Total || len(c.Hits) != 0 {
			t.Errorf("%+v: ModeCount gives total %d and %d hits, want %d and none", tt.q, c.Total, len(c.Hits), r.Total)
		}
	}
}

// A search in two passes, hits without facets and then facets without
// hits, gives what one search gives.
func TestHitsAndFacetsInTwoPasses(t *testing.T) {
	ix := openFixtures(t)
	for _, q := range []Query{
		{Text: "raqqa "}, {Text: "pantucci "}, {Text: "isis ", Outlets: []string{"The Telegraph"}},
		{Tags: []string{"mi5", "china"}}, {}, {Text: `"foreign fighters" `, Sort: SortNewest},
	} {
		whole := run(t, ix, q)
		hq, fq := q, q
		hq.Mode, fq.Mode = ModeHits, ModeFacets
		hits, facets := run(t, ix, hq), run(t, ix, fq)
		if !slices.Equal(sortedIDs(hits), sortedIDs(whole)) || hits.Total != whole.Total {
			t.Errorf("%+v: ModeHits gives %v (%d), one search %v (%d)", q, sortedIDs(hits), hits.Total, sortedIDs(whole), whole.Total)
		}
		if n := len(hits.Facets.Tags) + len(hits.Facets.Outlets) + len(hits.Facets.Years); n != 0 {
			t.Errorf("%+v: ModeHits counted %d facet values", q, n)
		}
		if len(facets.Hits) != 0 || facets.Total != whole.Total {
			t.Errorf("%+v: ModeFacets gives %d hits, total %d (want none, %d)", q, len(facets.Hits), facets.Total, whole.Total)
		}
		if fmt.Sprint(facets.Facets) != fmt.Sprint(whole.Facets) {
			t.Errorf("%+v: ModeFacets facets %v, one search %v", q, facets.Facets, whole.Facets)
		}
	}
}

// Facet counts equal the number of hits carrying each value; a field with a
// filter counts as though its own filter were not set.
func TestFacetsEqualHitCounts(t *testing.T) {
	ix := openFixtures(t)
	// fields with a filter count as though it were not set: skipped here,
	// checked below
	check := func(q Query, skipTags bool) {
		t.Helper()
		r := run(t, ix, q)
		count := func(vals func(Hit) []string) map[string]int {
			m := map[string]int{}
			for _, h := range r.Hits {
				for _, v := range vals(h) {
					m[v]++
				}
			}
			return m
		}
		compare := func(name string, got []FacetValue, want map[string]int) {
			t.Helper()
			g := map[string]int{}
			for _, fv := range got {
				g[fv.Value] = fv.Count
			}
			if len(g) != len(want) {
				t.Errorf("%+v %s: facets %v, hits %v", q, name, g, want)
				return
			}
			for k, v := range want {
				if g[k] != v {
					t.Errorf("%+v %s: facets %v, hits %v", q, name, g, want)
					return
				}
			}
		}
		if !skipTags {
			compare("tags", r.Facets.Tags, count(func(h Hit) []string { return h.Tags }))
		}
		if len(q.Outlets) == 0 {
			compare("outlets", r.Facets.Outlets, count(func(h Hit) []string { return []string{h.Outlet} }))
		}
		compare("kinds", r.Facets.Kinds, count(func(h Hit) []string { return []string{h.Kind} }))
		if len(q.Years) == 0 {
			compare("years", r.Facets.Years, count(func(h Hit) []string { return []string{h.Date.Time.Format("2006")} }))
		}
		compare("months", r.Facets.Months, count(func(h Hit) []string {
			if h.Date.Precision == "year" {
				return nil
			}
			return []string{h.Date.Time.Format("2006-01")}
		}))
	}
	check(Query{}, false)
	check(Query{Text: "pantucci "}, false)
	check(Query{Text: "isis "}, false)
	check(Query{Text: "the"}, false)
	check(Query{Outlets: []string{"The Telegraph"}, Years: []string{"2017"}}, false)
	check(Query{Tags: []string{"isis"}}, true)

	// the tags facet under a tags filter counts as without it
	with := run(t, ix, Query{Text: "pantucci ", Tags: []string{"mi5"}})
	without := run(t, ix, Query{Text: "pantucci "})
	if !slices.Equal(with.Facets.Tags, without.Facets.Tags) {
		t.Errorf("tags facet under a tags filter: %v, want %v", with.Facets.Tags, without.Facets.Tags)
	}
	if !slices.Equal(ix.AllFacets().Tags, run(t, ix, Query{}).Facets.Tags) {
		t.Errorf("AllFacets differ from an empty search's")
	}
	// sorted by count, then value; years by value
	for i := 1; i < len(without.Facets.Tags); i++ {
		a, b := without.Facets.Tags[i-1], without.Facets.Tags[i]
		if a.Count < b.Count || a.Count == b.Count && a.Value > b.Value {
			t.Errorf("tags not sorted: %v", without.Facets.Tags)
		}
	}
	ys := ix.AllFacets().Years
	if !slices.IsSortedFunc(ys, func(a, b FacetValue) int { return strings.Compare(a.Value, b.Value) }) {
		t.Errorf("years not sorted by value: %v", ys)
	}
}

func TestSort(t *testing.T) {
	ix := openFixtures(t)
	dates := func(r Results) []time.Time {
		var out []time.Time
		for _, h := range r.Hits {
			out = append(out, h.Date.Time)
		}
		return out
	}
	newest := run(t, ix, Query{})
	if !slices.IsSortedFunc(dates(newest), func(a, b time.Time) int { return b.Compare(a) }) {
		t.Errorf("empty query not newest first: %v", ids(newest))
	}
	oldest := run(t, ix, Query{Text: "pantucci ", Sort: SortOldest})
	if !slices.IsSortedFunc(dates(oldest), func(a, b time.Time) int { return a.Compare(b) }) {
		t.Errorf("oldest: %v", ids(oldest))
	}
	nw := run(t, ix, Query{Text: "pantucci ", Sort: SortNewest})
	if !slices.IsSortedFunc(dates(nw), func(a, b time.Time) int { return b.Compare(a) }) {
		t.Errorf("newest: %v", ids(nw))
	}
	rel := run(t, ix, Query{Text: "raqqa isil OR radicalisation "})
	if len(rel.Hits) == 0 || rel.Hits[0].ID != "2017/raqqa" {
		t.Errorf("relevance: %s", describe(rel))
	}
	// paging
	p1 := run(t, ix, Query{Limit: 3})
	p2 := run(t, ix, Query{Limit: 3, Offset: 3})
	if len(p1.Hits) != 3 || len(p2.Hits) != 3 || p1.Total != len(fixtures) || slices.Contains(ids(p2), p1.Hits[0].ID) {
		t.Errorf("paging: %v then %v of %d", ids(p1), ids(p2), p1.Total)
	}
	rp1 := run(t, ix, Query{Text: "pantucci ", Limit: 2})
	rp2 := run(t, ix, Query{Text: "pantucci ", Limit: 2, Offset: 2})
	rall := run(t, ix, Query{Text: "pantucci "})
	if !slices.Equal(append(ids(rp1), ids(rp2)...), ids(rall)[:4]) {
		t.Errorf("relevance paging: %v + %v vs %v", ids(rp1), ids(rp2), ids(rall))
	}
}

func TestHighlights(t *testing.T) {
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: "raqqa "})
	h := r.Hits[0]
	if !strings.Contains(h.TitleMarked, MarkStart+"Raqqa"+MarkEnd) {
		t.Errorf("title: %q", h.TitleMarked)
	}
	if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], MarkStart+"Raqqa"+MarkEnd) {
		t.Errorf("snippets: %q", h.Snippets)
	}
	if !slices.Equal(r.Terms, []string{"raqqa"}) {
		t.Errorf("terms: %q", r.Terms)
	}
	r = run(t, ix, Query{Text: "isis "})
	for _, h := range r.Hits {
		joined := strings.Join(h.Snippets, " ")
		if h.ID == "2017/raqqa" && !strings.Contains(joined, MarkStart+"Isil's"+MarkEnd) {
			t.Errorf("isis should mark Isil's: %q", h.Snippets)
		}
		if h.ID == "2017/manchester" && (!strings.Contains(joined, MarkStart+"Islamic State"+MarkEnd) ||
			!strings.Contains(joined, MarkStart+"IS"+MarkEnd) || strings.Contains(joined, MarkStart+"is"+MarkEnd)) {
			t.Errorf("isis should mark Islamic State and IS, not is: %q", h.Snippets)
		}
	}
	// a phrase's words are marked only together
	r = run(t, ix, Query{Text: `"foreign fighters" raqqa`})
	for _, s := range r.Hits[0].Snippets {
		if strings.Count(s, MarkStart) == 0 {
			t.Errorf("unmarked snippet %q", s)
		}
	}
	// no text: no marks
	r = run(t, ix, Query{})
	if r.Hits[0].TitleMarked != "" || len(r.Hits[0].Snippets) != 0 {
		t.Errorf("marks without a query: %+v", r.Hits[0])
	}
	// snippets are plain text on one line
	r = run(t, ix, Query{Text: "harvests "})
	if s := strings.Join(r.Hits[0].Snippets, ""); strings.ContainsAny(s, "\n*#") {
		t.Errorf("snippet not cleaned: %q", s)
	}
}

func TestPrefixAsYouType(t *testing.T) {
	ix := openFixtures(t)
	for _, q := range []string{"radica", "radicalisa", "radicalization", "Radic", "xinji", "pris", "tag:pri", "outlet:tele"} {
		r := run(t, ix, Query{Text: q, Typing: true})
		if r.Total == 0 {
			t.Errorf("%q (being typed) found nothing", q)
		}
	}
	if r := run(t, ix, Query{Text: "radica "}); r.Total != 0 {
		t.Errorf("a finished word is not a prefix: %v", ids(r))
	}
	for _, q := range []string{"radica", "xinji", "pris"} {
		if r := run(t, ix, Query{Text: q}); r.Total != 0 || r.Typed != "" {
			t.Errorf("%q (not typing) is a prefix: %v", q, ids(r))
		}
	}
	r := run(t, ix, Query{Text: "raqqa radica", Typing: true})
	if got := ids(r); !slices.Equal(got, []string{"2017/raqqa"}) || r.Typed != "radica" {
		t.Errorf("raqqa radica: %v", got)
	}
	// marks follow the prefix
	r = run(t, ix, Query{Text: "radica", Typing: true})
	if !strings.Contains(strings.Join(r.Hits[0].Snippets, " ")+r.Hits[0].TitleMarked, MarkStart+"Radicalisation"+MarkEnd) &&
		!strings.Contains(strings.Join(r.Hits[0].Snippets, " "), MarkStart+"radicalisation"+MarkEnd) {
		t.Errorf("prefix not marked: %q %q", r.Hits[0].TitleMarked, r.Hits[0].Snippets)
	}
}

func TestMalformedQueries(t *testing.T) {
	ix := openFixtures(t)
	tests := []struct {
		query string
		hint  bool
		some  bool // finds something
	}{
		{`"foreign fighters`, true, true},
		{`raqqa "`, true, true},
		{`-`, true, true}, // typed in the reader, no note yet: TestNotes
		{`raqqa - `, true, true},
		{`- raqqa`, true, true},
		{`tag: raqqa`, true, true},
		{`title:`, true, true},
		{`OR raqqa`, true, true},
		{`raqqa OR`, true, true}, // a trailing OR, said (a helper's report)
		{`NOT`, true, true},
		{`***`, false, true},
		{`~~~`, false, true},
		{`raqqa~9`, true, true}, // searched with ~2, said
		{`"" raqqa`, false, true},
		{`((raqqa))`, false, true},
		{`title:"`, true, true},
		{"\x00\xff raqqa", false, true},
		{strings.Repeat("raqqa ", 500), true, true},
		{`-raqqa`, false, true},
		{`-"foreign fighters"`, false, true},
		{`a*`, true, true}, // a one-letter prefix is the word "a", a stop word
		{`http://example.org/x?y=1`, false, false},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), Query{Text: tt.query})
		if err != nil {
			t.Errorf("%q: %v", tt.query, err)
			continue
		}
		if (r.Hint != "") != tt.hint {
			t.Errorf("%q: hint %q", tt.query, r.Hint)
		}
		if (r.Total > 0) != tt.some {
			t.Errorf("%q: %d hits", tt.query, r.Total)
		}
	}
}

func TestCancelledSearch(t *testing.T) {
	ix := openFixtures(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Query{Text: "pantucci "}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled search: %v", err)
	}
}

func TestArticle(t *testing.T) {
	ix := openFixtures(t)
	a, err := ix.Article("2017/raqqa")
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "The Telegraph" || !strings.Contains(a.Body, "Isil's loss") {
		t.Errorf("article: %+v", a)
	}
	if _, err := ix.Article("nope"); err == nil {
		t.Errorf("missing article: no error")
	}
	if ix.Count() != len(fixtures) {
		t.Errorf("count %d", ix.Count())
	}
}

func TestUserSynonyms(t *testing.T) {
	p := filepath.Join(t.TempDir(), "synonyms.txt")
	if err := os.WriteFile(p, []byte("# mine\nUighur, Uyghur, Uygur\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	syn, err := LoadSynonyms(p, filepath.Join(t.TempDir(), "missing.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true, Synonyms: syn})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ids(run(t, ix, Query{Text: "uyghur "})); !slices.Equal(got, []string{"2016/china"}) {
		t.Errorf("user synonym: %v", got)
	}
	if got := ids(run(t, ix, Query{Text: "daesh "})); len(got) == 0 {
		t.Errorf("bundled synonyms lost with a user file")
	}
}

// An unchanged archive is not re-indexed: the manifest says so and no
// index file changes.
func TestReopenUnchanged(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	open := func() *Index { return openFolder(t, src, dir) }
	ix := open()
	if !ix.Stats().Rebuilt || ix.Stats().Indexed != len(fixtures) {
		t.Fatalf("first open: %+v", ix.Stats())
	}
	ix.Close()
	before := fileMtimes(t, dir)
	time.Sleep(20 * time.Millisecond)
	ix = open()
	if ix.Stats().Rebuilt || ix.Stats().Indexed != 0 || !ix.Stats().Unchanged || ix.Count() != len(fixtures) {
		t.Errorf("reopen: %+v", ix.Stats())
	}
	if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
		t.Errorf("reopened index: %d hits", got.Total)
	}
	ix.Close()
	after := fileMtimes(t, dir)
	for p, m := range before {
		if filepath.Base(p) == "lock" {
			continue
		}
		if !after[p].Equal(m) {
			t.Errorf("%s changed on an unchanged reopen", p)
		}
	}
	for p := range after {
		// the columns file is what a generation may gain (doc.go): the
		// warm after the search writes it when it ends before Close
		// (under load it did, in a CI run)
		if _, ok := before[p]; !ok && filepath.Base(p) != columnsName {
			t.Errorf("%s created on an unchanged reopen", p)
		}
	}
	m, err := readManifest(liveGen(t, dir))
	if err == nil {
		err = m.loadFiles()
	}
	if err != nil || !m.Complete || m.Docs != len(fixtures) || len(m.Files) != len(fixtures) {
		t.Errorf("manifest: %+v %v", m, err)
	}
}

// An unchanged reopen reads only the manifest's head, which must give the
// same problems and the same ranking (lengths) as the open that built it.
// With the file entries cut off, an unchanged archive still opens; a
// changed one is rebuilt.
func TestReopenFromManifestHead(t *testing.T) {
	src := writeFixtures(t)
	os.WriteFile(filepath.Join(src, "broken.md"), []byte("---\ntitle: [unclosed\n---\n"), 0o644)
	dir := t.TempDir()
	q := Query{Text: "islamic state", Limit: 10}
	ix := openFolder(t, src, dir)
	wantProbs, wantHits := ix.Problems(), ids(run(t, ix, q))
	ix.Close()
	if len(wantProbs) == 0 || len(wantHits) < 2 {
		t.Fatalf("fixtures: problems %v, hits %d", wantProbs, len(wantHits))
	}

	gen := liveGen(t, dir)
	data, err := os.ReadFile(filepath.Join(gen, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	head, err := readManifest(gen)
	if err != nil {
		t.Fatal(err)
	}
	var headOnly bytes.Buffer
	if err := gob.NewEncoder(&headOnly).Encode(head.manifestHead); err != nil {
		t.Fatal(err)
	}
	if headOnly.Len() >= len(data) {
		t.Fatalf("head %d bytes of %d", headOnly.Len(), len(data))
	}
	os.WriteFile(filepath.Join(gen, manifestName), headOnly.Bytes(), 0o644)

	ix = openFolder(t, src, dir)
	if !ix.Stats().Unchanged || ix.Stats().Rebuilt {
		t.Errorf("reopen from the head: %+v", ix.Stats())
	}
	if got := ix.Problems(); !reflect.DeepEqual(got, wantProbs) {
		t.Errorf("problems from the head:\n%v\nwant\n%v", got, wantProbs)
	}
	if got := ids(run(t, ix, q)); !slices.Equal(got, wantHits) {
		t.Errorf("ranking from the head: %v, want %v", got, wantHits)
	}
	ix.Close()

	later := time.Now().Add(time.Second)
	os.Chtimes(filepath.Join(src, "2017", "prisons.md"), later, later)
	ix = openFolder(t, src, dir)
	defer ix.Close()
	if !ix.Stats().Rebuilt || ix.Count() != len(fixtures) {
		t.Errorf("changed archive, no file entries: %+v", ix.Stats())
	}
}

// Changing one file re-indexes exactly one document; removing and adding
// files follow.
func TestIncrementalRefresh(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	open := func() *Index { return openFolder(t, src, dir) }
	open().Close()

	addZeitgeist(t, src)
	ix := open()
	if ix.Stats().Indexed != 1 || ix.Stats().Removed != 0 || ix.Stats().Rebuilt {
		t.Errorf("after changing one file: %+v", ix.Stats())
	}
	if got := ids(run(t, ix, Query{Text: "zeitgeist "})); !slices.Equal(got, []string{"2017/prisons"}) {
		t.Errorf("changed file not searchable: %v", got)
	}
	ix.Close()

	// touching alone (new mtime) re-indexes the file too
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(filepath.Join(src, "2016", "china.md"), later, later)
	ix = open()
	if ix.Stats().Indexed != 1 {
		t.Errorf("after touching one file: %+v", ix.Stats())
	}
	ix.Close()

	os.Remove(filepath.Join(src, "2016", "china.md"))
	os.WriteFile(filepath.Join(src, "2016", "new.md"), []byte("---\ntitle: New piece\ndate: 2016-02-02\n---\nAbout Kyrgyzstan.\n"), 0o644)
	os.WriteFile(filepath.Join(src, "2016", "broken.md"), []byte("---\ntitle: [unclosed\n---\nx\n"), 0o644)
	ix = open()
	defer ix.Close()
	if ix.Stats().Indexed != 1 || ix.Stats().Removed != 1 {
		t.Errorf("after removing one file and adding two: %+v", ix.Stats())
	}
	if got := run(t, ix, Query{Text: "xinjiang "}); got.Total != 0 {
		t.Errorf("removed file still found")
	}
	if got := run(t, ix, Query{Text: "kyrgyzstan "}); got.Total != 1 {
		t.Errorf("added file not found")
	}
	if ix.Count() != len(fixtures) || ix.Skipped() != 1 {
		t.Errorf("count %d skipped %d problems %v", ix.Count(), ix.Skipped(), ix.Problems())
	}
	ix.Close()
	// problems of unchanged files survive a reopen
	ix = open()
	if ix.Skipped() != 1 || !ix.Stats().Unchanged {
		t.Errorf("problems after reopen: %v %+v", ix.Problems(), ix.Stats())
	}
	ix.Close()
	// a file made unusable takes its piece away: one removed (before,
	// "0 removed" while the count fell by one)
	later = later.Add(2 * time.Second)
	os.WriteFile(filepath.Join(src, "2016", "new.md"), []byte("---\ntitle: New piece\n---\nno date\n"), 0o644)
	os.Chtimes(filepath.Join(src, "2016", "new.md"), later, later)
	ix = open()
	if st := ix.Stats(); st.Indexed != 0 || st.Removed != 1 || ix.Count() != len(fixtures)-1 || ix.Skipped() != 2 {
		t.Errorf("after a file made unusable: %+v, count %d, skipped %d", st, ix.Count(), ix.Skipped())
	}
	ix.Close()
}

// Two files whose names slug alike are two pieces: the one whose path is
// the id (2017/raqqa.md) has it, the other a suffix (archive.AssignIDs);
// before, the other was skipped as a duplicate.
func TestDuplicateIDs(t *testing.T) {
	src := writeFixtures(t)
	dup := filepath.Join(src, "2017", "Raqqa.markdown") // the slug of 2017/raqqa.md
	os.WriteFile(dup, []byte("---\ntitle: Copy\ndate: 2017-01-01\n---\nduplicate body zanzibar\n"), 0o644)
	dir := t.TempDir()
	ix := openFolder(t, src, dir)
	if ix.Count() != len(fixtures)+1 || ix.Skipped() != 0 {
		t.Errorf("count %d, problems %v", ix.Count(), ix.Problems())
	}
	if got := ids(run(t, ix, Query{Text: "zanzibar "})); len(got) != 1 || !strings.HasPrefix(got[0], "2017/raqqa-") {
		t.Errorf("the other file: %v", got)
	}
	if a, err := ix.Article("2017/raqqa"); err != nil || a.Path != "2017/raqqa.md" {
		t.Errorf("2017/raqqa is %q %v", a.Path, err)
	}
	ix.Close()
	os.Remove(dup)
	ix = openFolder(t, src, dir)
	defer ix.Close()
	if ix.Skipped() != 0 || ix.Count() != len(fixtures) {
		t.Errorf("after removing the other: count %d, problems %v", ix.Count(), ix.Problems())
	}
	if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
		t.Errorf("raqqa: %v", ids(got))
	}
}

func TestSchemaVersionRebuild(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	m, _ := readManifest(liveGen(t, dir))
	m.Schema = SchemaVersion - 1
	if err := writeManifest(liveGen(t, dir), m); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.Stats().Rebuilt || ix.Stats().Indexed != len(fixtures) || ix.Fallback() != "" {
		t.Errorf("old schema: %+v %q", ix.Stats(), ix.Fallback())
	}
	if m, _ := readManifest(liveGen(t, dir)); m.Schema != SchemaVersion {
		t.Errorf("manifest schema %d", m.Schema)
	}
}

func TestCorruptCache(t *testing.T) {
	for name, corrupt := range map[string]func(dir string){
		"manifest": func(dir string) {
			os.WriteFile(filepath.Join(dir, manifestName), []byte("{not json"), 0o600)
		},
		"no manifest": func(dir string) { os.Remove(filepath.Join(dir, manifestName)) },
		"index files": func(dir string) {
			filepath.WalkDir(filepath.Join(dir, bleveSubdir), func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					os.WriteFile(p, []byte("garbage"), 0o600)
				}
				return nil
			})
		},
		"index gone": func(dir string) { os.RemoveAll(filepath.Join(dir, bleveSubdir)) },
		"doc count": func(dir string) {
			m, _ := readManifest(dir)
			m.Docs++
			if err := writeManifest(dir, m); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			corrupt(liveGen(t, dir))
			ix, err = Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if ix.Fallback() == "" && !ix.Stats().Rebuilt {
				t.Errorf("corrupt cache neither rebuilt nor replaced: %+v", ix.Stats())
			}
			if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
				t.Errorf("after corruption: %d hits (%s)", got.Total, ix.Fallback())
			}
		})
	}
}

// Two folios open one cache at once: neither waits nor falls back to
// memory, and the cache keeps one live generation. A wait for the
// other's lock ends at LockTimeout (1 s) in a fallback, which openFolder
// fails on; the wall-clock bound (waitBound) is a guard against waits
// far past it, no timing claim.
func TestTwoOpensShareTheCache(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	first := openFolder(t, src, dir)
	defer first.Close()
	start := time.Now()
	second := openFolder(t, src, dir) // fails on a fallback
	defer second.Close()
	if took := time.Since(start); took > waitBound {
		t.Errorf("waited %v beside another folio", took)
	}
	if !second.Stats().Unchanged || second.Stats().Dir != dir {
		t.Errorf("second open: %+v", second.Stats())
	}
	for _, ix := range []*Index{first, second} {
		if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
			t.Errorf("%d hits", got.Total)
		}
	}
}

// A folio that changes the archive makes a new generation while another
// keeps searching the old one; the other picks the change up at its
// Refresh, and the old generation is removed once no folio holds it.
func TestWriterBesideAReader(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	reader := openCached(t, src, dir)
	defer reader.Close()
	old := readCurrent(dir)

	addZeitgeist(t, src)
	writer := openFolder(t, src, dir)
	if writer.Stats().Indexed != 1 || readCurrent(dir) == old {
		t.Errorf("writer: %+v, generation %s after %s", writer.Stats(), readCurrent(dir), old)
	}
	writer.Close()
	if got := run(t, reader, Query{Text: "zeitgeist "}); got.Total != 0 {
		t.Errorf("the reader's generation changed under it: %d hits", got.Total)
	}
	if _, err := os.Stat(filepath.Join(dir, old)); err != nil {
		t.Errorf("a generation a reader holds was removed: %v", err)
	}
	changed, err := reader.Refresh(context.Background(), Options{Dir: dir})
	if !changed || err != nil || reader.Stats().Indexed != 0 || reader.Fallback() != "" {
		t.Fatalf("refresh: %v %v %+v %q", changed, err, reader.Stats(), reader.Fallback())
	}
	if got := run(t, reader, Query{Text: "zeitgeist "}); got.Total != 1 {
		t.Errorf("after refresh: %d hits", got.Total)
	}
	if changed, err := reader.Refresh(context.Background(), Options{Dir: dir}); changed || err != nil {
		t.Errorf("second refresh: %v %v", changed, err)
	}
	// the next writer removes the generation no one holds
	os.WriteFile(filepath.Join(src, "2016", "new.md"), []byte("---\ntitle: New piece\ndate: 2016-02-02\n---\nAbout Kyrgyzstan.\n"), 0o644)
	openFolder(t, src, dir).Close()
	if _, err := os.Stat(filepath.Join(dir, old)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("old generation %s kept: %v", old, err)
	}
}

// A new generation starts as a copy of the live one whose segment files
// are hard links (scorch never changes one) and whose root.bolt is a copy
// (bbolt writes it in place).
func TestNewGenerationLinksSegments(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	from := filepath.Join(liveGen(t, dir), bleveSubdir)
	to := filepath.Join(t.TempDir(), bleveSubdir)
	if err := copyIndex(from, to); err != nil {
		t.Fatal(err)
	}
	zaps, _ := filepath.Glob(filepath.Join(from, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatalf("no segment files in %s", from)
	}
	for _, name := range append(zaps, filepath.Join(from, "store", "root.bolt"), filepath.Join(from, "index_meta.json")) {
		rel, _ := filepath.Rel(from, name)
		a, err1 := os.Stat(name)
		b, err2 := os.Stat(filepath.Join(to, rel))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", rel, err1, err2)
		}
		if linked := os.SameFile(a, b); linked != strings.HasSuffix(name, ".zap") || a.Size() != b.Size() {
			t.Errorf("%s: hard link %v, sizes %d and %d", rel, linked, a.Size(), b.Size())
		}
	}
}

// While another folio holds the writer's lock (a long build), an open of
// a changed archive does not wait for it: it uses the index as it was and
// says so, and a Refresh after the lock is let go brings the change. The
// lock is held until the open is back (a wait for it would not end);
// waitBound guards against waits far past LockTimeout.
func TestBusyWriterLeavesTheIndexAsItWas(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	addZeitgeist(t, src)
	w, err := lockDir(filepath.Join(dir, writerName), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Dir: dir, LockTimeout: 200 * time.Millisecond}
	start := time.Now()
	ix, err := Open(context.Background(), src, os.DirFS(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if took := time.Since(start); took > waitBound {
		t.Errorf("waited %v for a busy writer (LockTimeout %v)", took, opts.LockTimeout)
	}
	if ix.Fallback() != "" || ix.Behind() == "" {
		t.Errorf("busy writer: fallback %q, behind %q", ix.Fallback(), ix.Behind())
	}
	if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
		t.Errorf("the index as it was: %d hits", got.Total)
	}
	if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil || ix.Behind() == "" {
		t.Errorf("refresh while busy: %v %v %q", changed, err, ix.Behind())
	}
	w.unlock()
	if changed, err := ix.Refresh(context.Background(), opts); !changed || err != nil || ix.Behind() != "" {
		t.Errorf("refresh after: %v %v %q", changed, err, ix.Behind())
	}
	if got := run(t, ix, Query{Text: "zeitgeist "}); got.Total != 1 {
		t.Errorf("after refresh: %d hits", got.Total)
	}
}

// A cache laid out before generations (manifest.gob and bleve/ in the
// folder itself) is moved into a first generation, not rebuilt.
func TestOldLayoutMigrates(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	gen := liveGen(t, dir)
	for _, name := range []string{manifestName, bleveSubdir, lengthsName} {
		if err := os.Rename(filepath.Join(gen, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(gen)
	os.Remove(filepath.Join(dir, currentName))
	ix := openFolder(t, src, dir)
	defer ix.Close()
	if ix.Stats().Rebuilt || !ix.Stats().Unchanged || ix.Count() != len(fixtures) {
		t.Errorf("old layout: %+v", ix.Stats())
	}
	if _, err := os.Stat(filepath.Join(dir, manifestName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("old manifest left: %v", err)
	}
}

func TestUnwritableCacheFallsBack(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: filepath.Join(file, "sub")})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Fallback() == "" {
		t.Errorf("no fallback for an unwritable cache")
	}
	if got := run(t, ix, Query{Text: "raqqa "}); got.Total != 1 {
		t.Errorf("fallback: %d hits", got.Total)
	}
}

func TestProgressAndCancel(t *testing.T) {
	var calls, lastDone, lastTotal int
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true, Progress: func(done, total int) {
		calls++
		lastDone, lastTotal = done, total
	}})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if calls < 2 || lastDone != len(fixtures) || lastTotal != len(fixtures) {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, "fixtures", fixtureFS(), Options{Dir: t.TempDir()}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled open: %v", err)
	}
}

func TestCacheDir(t *testing.T) {
	a, _ := CacheDir("/home/x/My Archive")
	b, _ := CacheDir("/home/y/My Archive")
	c, _ := CacheDir("bundled")
	if a == b || !strings.Contains(a, "My Archive-") || filepath.Base(c) != "bundled" {
		t.Errorf("cache dirs: %s %s %s", a, b, c)
	}
}

func TestRelated(t *testing.T) {
	ix := openBundled(t)
	const telegraph = "2017-10-19-raqqa-terror-is-here-to-stay"
	hits, err := ix.Related(telegraph, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no related pieces")
	}
	for _, h := range hits {
		if h.ID == telegraph {
			t.Errorf("a piece is not related to itself")
		}
	}
	top := hits[0]
	if !slices.Contains(top.Tags, "isis") && !slices.Contains(top.Tags, "foreign-fighters") {
		t.Errorf("related to the Raqqa piece, first: %s %v", top.ID, top.Tags)
	}
	for _, h := range hits {
		t.Logf("%s %v", h.ID, h.Tags)
	}
	if _, err := ix.Related("no/such", 5); err == nil {
		t.Errorf("related of a missing piece: no error")
	}
}

func TestTermsIncludeAliases(t *testing.T) {
	ix := openFixtures(t)
	r := run(t, ix, Query{Text: "isis -raqqa"})
	if len(r.Terms) == 0 || r.Terms[0] != "isis" || !slices.Contains(r.Terms, "Isil") || !slices.Contains(r.Terms, "Islamic State") {
		t.Errorf("terms: %q", r.Terms)
	}
	if slices.Contains(r.Terms, "raqqa") {
		t.Errorf("an excluded word is not a term to highlight: %q", r.Terms)
	}
}

// A result served from the cache reports how long computing it took, not
// the lookup: the interface paces typing by Took.
func TestCachedResultKeepsItsTook(t *testing.T) {
	ix := openFixtures(t)
	first := run(t, ix, Query{Text: "raqqa "})
	again := run(t, ix, Query{Text: "raqqa "})
	if first.Took <= 0 || again.Took != first.Took {
		t.Errorf("Took %v, then from the cache %v", first.Took, again.Took)
	}
}

// OpenCached serves the recorded index at once and Verify tells whether
// the archive still matches it: true when untouched (with the scan's
// problems then known), false after a change, which Open then indexes.
func TestOpenCachedAndVerify(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	opts := Options{Dir: dir}
	if _, err := OpenCached(src, os.DirFS(src), opts); !errors.Is(err, ErrNotCached) {
		t.Fatalf("no cache yet: %v", err)
	}
	if _, err := OpenCached(archive.BundledName, archive.Bundled(), Options{Dir: t.TempDir()}); !errors.Is(err, ErrNotCached) {
		t.Fatalf("bundled: %v", err)
	}
	openFolder(t, src, dir).Close()
	// a problem only the scan finds, not recorded in the cache
	os.Symlink("nowhere.md", filepath.Join(src, "broken.md"))

	ix := openCached(t, src, dir)
	got := run(t, ix, Query{Text: "raqqa "})
	if got.Total != 1 || !ix.Verify() || !ix.Stats().Unchanged || ix.Count() != len(fixtures) {
		t.Errorf("unchanged: %d hits, stats %+v", got.Total, ix.Stats())
	}
	if !slices.ContainsFunc(ix.Problems(), func(p archive.Problem) bool { return p.Path == "broken.md" }) {
		t.Errorf("the scan's problems are not reported: %v", ix.Problems())
	}
	ix.Close()

	addZeitgeist(t, src)
	ix = openCached(t, src, dir)
	if ix.Verify() {
		t.Error("a changed file passed Verify")
	}
	ix.Close()
	ix = openFolder(t, src, dir)
	defer ix.Close()
	if got := run(t, ix, Query{Text: "zeitgeist "}); got.Total != 1 || ix.Stats().Indexed != 1 {
		t.Errorf("after the change: %d hits, stats %+v", got.Total, ix.Stats())
	}
}

// An open that finds a file unusable settles everything in the same open:
// its piece leaves the index, and a file that was its duplicate takes its
// ID. The next open is unchanged and must not need to finish the job (its
// fingerprint would skip it).
func TestUnusableFileSettlesInOneOpen(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	write := func(name, word string) {
		t.Helper()
		body := ""
		if word != "" {
			body = "---\ntitle: " + word + "\ndate: 2017-01-02\n---\nThe word is " + word + ".\n"
		}
		p := filepath.Join(src, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(len(body)) * time.Second)
		os.Chtimes(p, later, later)
	}
	hits := func(ix *Index, word string) int { return run(t, ix, Query{Text: word + " "}).Total }
	write("foo bar.md", "aardvark") // id foo-bar
	write("foo-bar.md", "zebra")    // slugs alike: a piece of its own, suffixed
	write("alone.md", "yak")
	ix := openFolder(t, src, dir)
	if hits(ix, "aardvark") != 1 || hits(ix, "zebra") != 1 {
		t.Fatalf("first open: aardvark %d, zebra %d", hits(ix, "aardvark"), hits(ix, "zebra"))
	}
	ix.Close()

	write("foo bar.md", "") // unusable now
	write("alone.md", "")
	for i := range 2 {
		ix = openFolder(t, src, dir)
		if a, z, y := hits(ix, "aardvark"), hits(ix, "zebra"), hits(ix, "yak"); a != 0 || z != 1 || y != 0 {
			t.Errorf("open %d after the files became unusable: aardvark %d, zebra %d, yak %d (want 0, 1, 0)", i+2, a, z, y)
		}
		ix.Close()
	}
}

// A closed index answers ErrNoIndex; Verify answers the same twice.
func TestClosedIndexAndVerifyTwice(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	openFolder(t, src, dir).Close()
	ix := openCached(t, src, dir)
	done := make(chan bool)
	go func() { done <- ix.Verify() && ix.Verify() }()
	select {
	case ok := <-done:
		if !ok {
			t.Error("Verify: false on an unchanged archive")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a second Verify hangs")
	}
	ix.Close()
	if _, err := ix.Search(context.Background(), Query{Text: "raqqa"}); !errors.Is(err, ErrNoIndex) {
		t.Errorf("search on a closed index: %v", err)
	}
	if _, err := ix.Related("2017/raqqa", 3); !errors.Is(err, ErrNoIndex) {
		t.Errorf("related on a closed index: %v", err)
	}
}

// A file dated at the Unix epoch has a modification time like any other:
// it must not turn the fingerprint off.
func TestEpochMtimeKeepsTheFingerprint(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	os.Chtimes(filepath.Join(src, "2017", "raqqa.md"), time.Unix(0, 0), time.Unix(0, 0))
	openFolder(t, src, dir).Close()
	ix := openCached(t, src, dir)
	defer ix.Close()
	if !ix.Verify() {
		t.Error("Verify: false on an unchanged archive")
	}
}

// Refresh after OpenCached: nothing when the archive is unchanged; after an
// edit, the file is indexed while a search waits for it, and later
// searches see the edit.
func TestRefreshAfterOpenCached(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	opts := Options{Dir: dir}
	openFolder(t, src, dir).Close()
	ix := openCached(t, src, dir)
	if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
		t.Errorf("unchanged archive: changed %v, %v", changed, err)
	}
	ix.Close()

	addZeitgeist(t, src)
	ix = openCached(t, src, dir)
	defer ix.Close()
	during := make(chan error, 8)
	for range 8 {
		go func() {
			_, err := ix.Search(context.Background(), Query{Text: "prisons"})
			during <- err
		}()
	}
	changed, err := ix.Refresh(context.Background(), opts)
	if !changed || err != nil || ix.Stats().Indexed != 1 || ix.Fallback() != "" {
		t.Fatalf("after an edit: changed %v, %v, stats %+v, fallback %q", changed, err, ix.Stats(), ix.Fallback())
	}
	for range 8 {
		if err := <-during; err != nil {
			t.Errorf("a search beside Refresh: %v", err)
		}
	}
	if got := run(t, ix, Query{Text: "zeitgeist "}); got.Total != 1 {
		t.Errorf("after Refresh: zeitgeist %d hits", got.Total)
	}
}

// OpenCached's check gives way to searches in a reader: while a Search
// runs, its scan waits, and it goes on when none runs. With Once (a
// command's search, which runs beside the check on purpose) it does not
// wait.
func TestCachedCheckGivesWayToSearches(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	openFolder(t, src, dir).Close()
	defer func(n int) { scanPauseEvery, openCachedHook = n, nil }(scanPauseEvery)
	scanPauseEvery = 1
	for _, once := range []bool{false, true} {
		waited := make(chan struct{}, 1)
		var busy *searchesRunning
		openCachedHook = func(ix *Index) {
			busy = &ix.warm.busy
			busy.waiting = func() {
				select {
				case waited <- struct{}{}:
				default:
				}
			}
			busy.enter() // a search under way when the check starts
		}
		ix, err := OpenCached(src, os.DirFS(src), Options{Dir: dir, Once: once})
		if err != nil {
			t.Fatal(err)
		}
		verified := make(chan bool, 1)
		go func() { verified <- ix.Verify() }()
		if once {
			if !<-verified { // with the search still running
				t.Error("Once: Verify false on an unchanged archive")
			}
			if len(waited) > 0 {
				t.Error("Once: the check waited for a search")
			}
			busy.leave()
		} else {
			select {
			case <-waited:
			case <-verified:
				t.Fatal("the check ended while a search ran")
			}
			busy.leave()
			if !<-verified {
				t.Error("Verify false on an unchanged archive")
			}
		}
		ix.Close()
	}
}

// Verify on an unchanged archive keeps the open view's caches (a reader
// types while its check runs) and adds the scan's problems.
func TestVerifyKeepsTheCaches(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // the files are settled
	openFolder(t, src, dir).Close()
	if err := os.WriteFile(filepath.Join(src, "2017", "bad.md"), []byte("---\ntitle: [unclosed\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openFolder(t, src, dir).Close() // the bad file recorded
	ix := openCached(t, src, dir)
	defer ix.Close()
	run(t, ix, Query{Text: "raqqa"})
	ix.cache.mu.Lock()
	cached := len(ix.cache.results.m)
	ix.cache.mu.Unlock()
	if !ix.Verify() {
		t.Fatal("Verify false on an unchanged archive")
	}
	ix.cache.mu.Lock()
	after := len(ix.cache.results.m)
	ix.cache.mu.Unlock()
	if cached == 0 || after != cached {
		t.Errorf("results cached: %d before Verify, %d after", cached, after)
	}
	if len(ix.Problems()) == 0 || !ix.Stats().Unchanged || ix.Stats().Files == 0 {
		t.Errorf("after Verify: problems %v, stats %+v", ix.Problems(), ix.Stats())
	}
}

// With AwaitWriter (folio index), an open that finds the writer's lock
// taken waits for it to be let go, saying so once, and then brings the
// index in line on disk: not the index as it was (Behind), and not, before
// any generation exists (another folio's first build), a whole build in
// memory. A context that ends stops the wait.
func TestAwaitWriterWaitsForTheLock(t *testing.T) {
	for _, first := range []bool{false, true} {
		t.Run(fmt.Sprintf("first build %v", first), func(t *testing.T) {
			src := writeFixtures(t)
			dir := t.TempDir()
			if !first {
				openFolder(t, src, dir).Close()
			}
			addZeitgeist(t, src)
			w, err := lockDir(filepath.Join(dir, writerName), time.Second)
			if err != nil {
				t.Fatal(err)
			}
			waiting := make(chan struct{})
			calls := 0
			var holder Writer
			opts := Options{Dir: dir, AwaitWriter: func(h Writer) { calls++; holder = h; close(waiting) }}

			ctx, cancel := context.WithCancel(context.Background())
			failed := make(chan error, 1)
			go func() {
				ix, err := Open(ctx, src, os.DirFS(src), Options{Dir: dir, AwaitWriter: func(Writer) { cancel() }})
				if err == nil {
					ix.Close()
				}
				failed <- err
			}()
			if err := <-failed; !errors.Is(err, context.Canceled) {
				t.Errorf("a wait whose context ended: %v, want context.Canceled", err)
			}

			opened := make(chan *Index, 1)
			go func() {
				ix, err := Open(context.Background(), src, os.DirFS(src), opts)
				if err != nil {
					t.Error(err)
				}
				opened <- ix
			}()
			select {
			case <-waiting:
			case ix := <-opened:
				if ix != nil {
					ix.Close()
				}
				t.Fatal("opened without waiting for the writer's lock")
			}
			// a piece added during the wait (while the other folio built)
			if err := os.WriteFile(filepath.Join(src, "during.md"), []byte("---\ntitle: During\ndate: 2017-06-01\n---\nWritten while waiting: quetzal.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			w.unlock()
			ix := <-opened
			if ix == nil {
				return
			}
			defer ix.Close()
			if calls != 1 || ix.Fallback() != "" || ix.Behind() != "" || ix.Stats().Dir != dir {
				t.Errorf("after the wait: %d calls, fallback %q, behind %q, dir %q", calls, ix.Fallback(), ix.Behind(), ix.Stats().Dir)
			}
			if holder.PID != os.Getpid() || holder.Stopped {
				t.Errorf("the holder waited for: %+v, want this process (%d), running", holder, os.Getpid())
			}
			if got := run(t, ix, Query{Text: "zeitgeist "}); got.Total != 1 {
				t.Errorf("after the wait: %d hits for the piece added", got.Total)
			}
			if got := run(t, ix, Query{Text: "quetzal "}); got.Total != 1 {
				t.Errorf("after the wait: %d hits for the piece added during it (planned from the scan before the wait?)", got.Total)
			}
		})
	}
}

// A skipped file that is deleted takes its problem with it: the next
// refresh writes the manifest without it (a helper's report: "1 file
// skipped" stayed for good, the reader's ! list empty, until --rebuild).
func TestDeletedSkippedFileLeavesNoProblem(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	bad := filepath.Join(src, "2016", "undated.md")
	os.WriteFile(bad, []byte("---\ntitle: No date\n---\nx\n"), 0o644)
	ix := openFolder(t, src, dir)
	if ix.Skipped() != 1 {
		t.Fatalf("skipped %d, problems %v", ix.Skipped(), ix.Problems())
	}
	ix.Close()
	os.Remove(bad)
	ix = openFolder(t, src, dir)
	if ix.Skipped() != 0 || len(ix.Problems()) != 0 || ix.Count() != len(fixtures) {
		t.Errorf("after deleting the skipped file: skipped %d, problems %v, count %d", ix.Skipped(), ix.Problems(), ix.Count())
	}
	ix.Close()
	ix = openFolder(t, src, dir)
	defer ix.Close()
	if !ix.Stats().Unchanged || ix.Skipped() != 0 {
		t.Errorf("reopened: %+v, skipped %d", ix.Stats(), ix.Skipped())
	}
}

// When the index's words cannot be read, Related still finds pieces by
// the piece's tags, and says so: it used to return them as if they were
// its whole list, and the reader showed them as related.
func TestRelatedByTagsOnlySaysSo(t *testing.T) {
	ix := openBundled(t)
	const telegraph = "2017-10-19-raqqa-terror-is-here-to-stay"
	a, err := ix.Article(telegraph)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Related(telegraph, 5); err != nil {
		t.Fatalf("related with a working index: %v", err)
	}
	cause := errors.New("reader gone")
	defer func(was func(*Index) (bleveindex.IndexReader, func(), error)) { relatedReader = was }(relatedReader)
	relatedReader = func(*Index) (bleveindex.IndexReader, func(), error) { return nil, nil, cause }
	hits, err := ix.Related(telegraph, 5)
	var tagsOnly *TagsOnlyError
	if !errors.As(err, &tagsOnly) || !errors.Is(err, cause) {
		t.Fatalf("related with the words unreadable: error %v, want a TagsOnlyError of %v", err, cause)
	}
	if len(hits) == 0 {
		t.Fatal("no pieces by tags")
	}
	for _, h := range hits {
		if !slices.ContainsFunc(h.Tags, func(tag string) bool { return slices.Contains(a.Tags, tag) }) {
			t.Errorf("%s %v shares no tag with %v", h.ID, h.Tags, a.Tags)
		}
	}
}
