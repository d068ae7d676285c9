package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// facetCount is the count of value v among vs, 0 when it has no row.
func facetCount(vs []FacetValue, v string) int {
	for _, fv := range vs {
		if fv.Value == v {
			return fv.Count
		}
	}
	return 0
}

// TestMergedCaseRowsAreSortedByTheirSum: values one but for case are
// counted as one row, and the rows are ordered by that sum (most first):
// two rows of 2 merged into one of 4 come before a row of 3, in folio
// stats and in a search's counts alike.
func TestMergedCaseRowsAreSortedByTheirSum(t *testing.T) {
	var texts []string
	for i, outlet := range []string{"Alpha", "Alpha", "alpha", "alpha", "Beta", "Beta", "Beta"} {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\noutlet: %s\n---\nA badger.\n", i, i+1, outlet))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	want := []FacetValue{{Value: "Alpha", Count: 4}, {Value: "Beta", Count: 3}}
	if got := ix.AllFacets().Outlets; !slices.Equal(got, want) {
		t.Errorf("all documents' outlets %v, want %v", got, want)
	}
	r, err := ix.Search(context.Background(), Query{Text: "badger", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Facets.Outlets, want) {
		t.Errorf("a search's outlets %v, want %v", r.Facets.Outlets, want)
	}
}

// TestFilteredFieldCountsUnderTheOtherFilters: with filters of two fields
// and no words, each field's counts leave out its own filter but not the
// other's: the tags beside an outlet filter are the outlet's pieces' tags.
func TestFilteredFieldCountsUnderTheOtherFilters(t *testing.T) {
	ix := openFixtures(t)
	both := run(t, ix, Query{Tags: []string{"isis"}, Outlets: []string{"The Telegraph"}})
	outlet := run(t, ix, Query{Outlets: []string{"The Telegraph"}})
	if !slices.Equal(both.Facets.Tags, outlet.Facets.Tags) {
		t.Errorf("tags beside the tag and outlet filters %v, want the outlet's %v", both.Facets.Tags, outlet.Facets.Tags)
	}
	if n := facetCount(both.Facets.Tags, "china"); n != 0 {
		t.Errorf("tag china counts %d beside The Telegraph, which has none", n)
	}
	tag := run(t, ix, Query{Tags: []string{"isis"}})
	if !slices.Equal(both.Facets.Outlets, tag.Facets.Outlets) {
		t.Errorf("outlets beside the tag and outlet filters %v, want the tag's %v", both.Facets.Outlets, tag.Facets.Outlets)
	}
}

// TestCollapsedCountOfTheFilteredField: with copies hidden and a filter
// of tags alone, the tags' counts are those of the collapsed archive: a
// tag a piece and its copy share counts the group once, what picking
// the tag finds.
func TestCollapsedCountOfTheFilteredField(t *testing.T) {
	src, _, _ := copyBundled(t)
	ix := openFolder(t, src, t.TempDir())
	if len(ix.CopyGroups()) != 1 {
		t.Fatalf("groups: %+v", ix.CopyGroups())
	}
	r := run(t, ix, Query{Tags: []string{"isis"}, CollapseCopies: true})
	if got := facetCount(r.Facets.Tags, "isis"); got != r.Total {
		t.Errorf("tag isis counts %d with copies hidden, its filter finds %d", got, r.Total)
	}
	plain := run(t, ix, Query{CollapseCopies: true})
	if !slices.Equal(r.Facets.Tags, plain.Facets.Tags) {
		t.Errorf("tags under their own filter %v, want those without it %v", r.Facets.Tags, plain.Facets.Tags)
	}
}

// TestFacetRowsMostFirst: a field's rows are ordered by count, most
// first, ties by value; years, months and weeks by value.
func TestFacetRowsMostFirst(t *testing.T) {
	ix := openFixtures(t)
	all := ix.AllFacets()
	if len(all.Outlets) == 0 || all.Outlets[0] != (FacetValue{Value: "The Telegraph", Count: 3}) {
		t.Errorf("all documents' outlets %v, want The Telegraph's 3 first", all.Outlets)
	}
	r := run(t, ix, Query{Text: "pantucci "})
	if len(r.Facets.Outlets) == 0 || r.Facets.Outlets[0] != (FacetValue{Value: "The Telegraph", Count: 2}) {
		t.Errorf("pantucci's outlets %v, want The Telegraph's 2 first", r.Facets.Outlets)
	}
	for _, vs := range [][]FacetValue{all.Outlets, all.Tags, all.Authors, r.Facets.Outlets, r.Facets.Tags} {
		if !slices.IsSortedFunc(vs, func(a, b FacetValue) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		}) {
			t.Errorf("not most first: %v", vs)
		}
	}
	if want := []string{"1863", "2016", "2017"}; !slices.Equal(values(all.Years), want) {
		t.Errorf("years %v, want %v", all.Years, want)
	}
}

func values(vs []FacetValue) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Value
	}
	return out
}

// TestManyAuthorsIgnoresCase: an archive whose one author is spelt in two
// cases has one author; two authors are many.
func TestManyAuthorsIgnoresCase(t *testing.T) {
	piece := func(i int, author string) string {
		return fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\nauthors: [%s]\n---\nA badger.\n", i, i+1, author)
	}
	one := openPieces(t, t.TempDir(), piece(0, "Jane Smith"), piece(1, "JANE SMITH"))
	if one.ManyAuthors() {
		t.Errorf("Jane Smith and JANE SMITH: many authors (%v)", one.AllFacets().Authors)
	}
	two := openPieces(t, t.TempDir(), piece(0, "Jane Smith"), piece(1, "Bob Roe"))
	if !two.ManyAuthors() {
		t.Errorf("Jane Smith and Bob Roe: not many authors")
	}
}

// TestAutoPeriodDecadesPastMaxPoints: years are chosen while the years
// from the first to the last are at most maxPoints periods, decades past
// that: 2000 to 2010 is 11 years.
func TestAutoPeriodDecadesPastMaxPoints(t *testing.T) {
	var texts []string
	for i, y := range []int{2000, 2005, 2010} {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: \"%d\"\n---\nA badger.\n", i, y))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	if p := ix.AutoPeriod(11); p != ByYear {
		t.Errorf("AutoPeriod(11) of 2000–2010 = %s, want year", p)
	}
	if p := ix.AutoPeriod(10); p != ByDecade {
		t.Errorf("AutoPeriod(10) of 2000–2010 = %s, want decade", p)
	}
}

// TestTrendIgnoresPeriodFilters: the sidebar's years and months picked do
// not narrow a trend, which shows the query's whole history.
func TestTrendIgnoresPeriodFilters(t *testing.T) {
	ix := openFixtures(t)
	whole, err := ix.Trend(context.Background(), Query{Text: "pantucci "}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	picked, err := ix.Trend(context.Background(), Query{Text: "pantucci ", Years: []string{"2016"}, Months: []string{"2016-03"}}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	if whole.Matched() != 5 || fmt.Sprint(picked.Points) != fmt.Sprint(whole.Points) {
		t.Errorf("with 2016 picked %d matched, without %d; want 5 both, the same points", picked.Matched(), whole.Matched())
	}
}

// TestCollapsedValueOfTwoCopiesCountsOnce: a group whose two copies ran
// in an outlet its earliest piece did not counts once for that outlet,
// with copies hidden: what the outlet's filter finds.
func TestCollapsedValueOfTwoCopiesCountsOnce(t *testing.T) {
	src, _, cp := copyBundled(t)
	data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(cp)+".md"))
	if err != nil {
		t.Fatal(err)
	}
	second := strings.Replace(string(data), `date: "2017-10-26"`, `date: "2017-10-27"`, 1)
	if err := os.MkdirAll(filepath.Join(src, "copies2"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "copies2", filepath.Base(cp)+".md"), []byte(second), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, src, t.TempDir())
	if gs := ix.CopyGroups(); len(gs) != 1 || len(gs[0]) != 3 {
		t.Fatalf("groups: %+v", groupsOf(gs))
	}
	for _, text := range []string{"", "raqqa"} {
		r := run(t, ix, Query{Text: text, CollapseCopies: true})
		other := run(t, ix, Query{Text: text, Outlets: []string{"The Other Paper"}, CollapseCopies: true})
		if got := facetCount(r.Facets.Outlets, "The Other Paper"); got != 1 || other.Total != 1 {
			t.Errorf("%q: The Other Paper counts %d with copies hidden, its filter finds %d; want 1", text, got, other.Total)
		}
	}
}

// TestTrendPeakIsTheFirstHighest: the peak of a trend is its first point
// of the largest count (or share), and Ties counts the others as high.
func TestTrendPeakIsTheFirstHighest(t *testing.T) {
	var texts []string
	for i, y := range []int{2000, 2000, 2001, 2002, 2002} {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: \"%d\"\n---\nA badger.\n", i, y))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	tr, err := ix.Trend(context.Background(), Query{Text: "badger"}, ByYear)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Points) != 3 {
		t.Fatalf("points %v", tr.Points)
	}
	if p := tr.Peak(false); p != 0 || tr.Ties(p, false) != 1 {
		t.Errorf("peak by count %d with %d ties, want 0 (2000) with 1", p, tr.Ties(max(p, 0), false))
	}
	if p := tr.Peak(true); p != 0 || tr.Ties(p, true) != 2 {
		t.Errorf("peak by share %d with %d ties, want 0 (2000) with 2", p, tr.Ties(max(p, 0), true))
	}
}

// TestTrendWithinLeavesOutCoarserPeriodsPastTheRange: with Within, a
// trend by month over March 2017 has no "2017 (year only)" row: a piece
// dated only to 2017 does not lie within March, and search leaves it out.
func TestTrendWithinLeavesOutCoarserPeriodsPastTheRange(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: Year only\ndate: \"2017\"\n---\nA badger.\n",
		"---\ntitle: A day\ndate: 2017-03-05\n---\nA badger.\n")
	from, to := time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC)
	q := Query{Text: "badger", From: from, To: to, Within: true}
	tr, err := ix.Trend(context.Background(), q, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Coarser) != 0 {
		t.Errorf("coarser rows within March: %+v", tr.Coarser)
	}
	if n := run(t, ix, q).Total; tr.Matched() != n || n != 1 {
		t.Errorf("trend counts %d, search finds %d; want 1", tr.Matched(), n)
	}
}

// TestTrendCoarserRows: by month, the pieces dated only to a year are
// counted under their year, and a year all of whose pieces have months
// has no row; by week, pieces dated to the month under their month. The
// first week of 2016 starts on Monday 4 January.
func TestTrendCoarserRows(t *testing.T) {
	ix := openFixtures(t)
	labels := func(ps []TrendPoint) string {
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "%s:%d/%d ", p.Period, p.Count, p.Total)
		}
		return b.String()
	}
	byMonth, err := ix.Trend(context.Background(), Query{}, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := labels(byMonth.Coarser), "1863:1/1 "; got != want {
		t.Errorf("by month, coarser %q, want %q", got, want)
	}
	byWeek, err := ix.Trend(context.Background(), Query{Text: "pantucci "}, ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := labels(byWeek.Coarser), "1863:0/1 2017-07:1/1 2017-09:0/1 2017-10:1/1 "; got != want {
		t.Errorf("by week, coarser %q, want %q", got, want)
	}
	if len(byWeek.Points) == 0 || byWeek.Points[0].Period != "2016-W01" || !byWeek.Points[0].Start.Equal(time.Date(2016, 1, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first week %+v, want 2016-W01 from 2016-01-04", byWeek.Points[:min(1, len(byWeek.Points))])
	}
	if byWeek.Matched() != 5 || byMonth.Matched() != 8 {
		t.Errorf("matched %d by week (want 5), %d by month (want 8)", byWeek.Matched(), byMonth.Matched())
	}
}

// TestWithinToIsTheWholeDay: a To date means its whole day, Within too: a
// piece dated to that day lies within the range; one dated to From is in
// it from its first instant.
func TestWithinToIsTheWholeDay(t *testing.T) {
	ix := openFixtures(t)
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	for _, q := range []Query{
		{From: d(2017, 5, 1), To: d(2017, 5, 31), Within: true},
		{From: d(2017, 5, 31), To: d(2017, 6, 30), Within: true},
	} {
		r := run(t, ix, q)
		if got := sortedIDs(r); !slices.Equal(got, []string{"2017/manchester"}) || r.Total != 1 {
			t.Errorf("%s..%s within: %v (%d), want 2017/manchester", q.From.Format("2006-01-02"), q.To.Format("2006-01-02"), got, r.Total)
		}
	}
}

// TestTermsPhraseInMinDocsPieces: a phrase in exactly MinDocs pieces of
// the sample is a candidate, and so is a word.
func TestTermsPhraseInMinDocsPieces(t *testing.T) {
	var texts []string
	for i := range 6 {
		body := "Cats sat quietly on warm mats."
		if i < 2 {
			body = "Zebra near the golden harbour today."
		}
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\n---\n%s\n", i, i+1, body))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	r, err := ix.Terms(context.Background(), Query{Text: "zebra"}, TermsOptions{MinDocs: 2})
	if err != nil {
		t.Fatal(err)
	}
	found, word := false, false
	for _, st := range r.Terms {
		word = word || !st.Phrase && st.Term == "golden" && st.InResults == 2
		if st.Phrase && st.Term == "golden harbour" {
			found = true
			if st.InResults != 2 || st.InArchive != 2 {
				t.Errorf("golden harbour: in %d results, %d of the archive; want 2 and 2", st.InResults, st.InArchive)
			}
		}
	}
	if !found || !word || r.Results != 2 || r.Archive != 6 {
		t.Errorf("terms of zebra (%d results of %d): %+v, want the word golden and the phrase golden harbour", r.Results, r.Archive, r.Terms)
	}
}

// TestTrendDecadeSumsItsYears: by decade, a decade counts the pieces of
// all its years, not of its last year alone.
func TestTrendDecadeSumsItsYears(t *testing.T) {
	var texts []string
	for i, y := range []int{2001, 2001, 2005, 2012} {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: \"%d\"\n---\nA badger.\n", i, y))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	tr, err := ix.Trend(context.Background(), Query{Text: "badger"}, ByDecade)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range tr.Points {
		got = append(got, fmt.Sprintf("%s:%d/%d", p.Period, p.Count, p.Total))
	}
	if want := []string{"2000s:3/3", "2010s:1/1"}; !slices.Equal(got, want) || tr.Matched() != 4 {
		t.Errorf("by decade %v (%d matched), want %v (4)", got, tr.Matched(), want)
	}
}

// TestTrendToKeepsThePeriodStartingOnIt: a To date on the first day of
// a month keeps that month, whose pieces of that day search finds.
func TestTrendToKeepsThePeriodStartingOnIt(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: February\ndate: 2017-02-10\n---\nA badger.\n",
		"---\ntitle: First of March\ndate: 2017-03-01\n---\nA badger.\n")
	q := Query{Text: "badger", From: time.Date(2017, 2, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC)}
	tr, err := ix.Trend(context.Background(), q, ByMonth)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range tr.Points {
		got = append(got, fmt.Sprintf("%s:%d", p.Period, p.Count))
	}
	if n := run(t, ix, q).Total; !slices.Equal(got, []string{"2017-02:1", "2017-03:1"}) || tr.Matched() != n || n != 2 {
		t.Errorf("to 1 March: points %v, %d matched, search finds %d; want 2017-02 and 2017-03, 2", got, tr.Matched(), n)
	}
}

// TestAutoPeriodHalfPlaced: a period is chosen when half of the dated
// pieces can be placed in it: one of two pieces dated to the day is
// enough for weeks, one of three is not.
func TestAutoPeriodHalfPlaced(t *testing.T) {
	day := "---\ntitle: A day\ndate: 2020-01-08\n---\nA badger.\n"
	year := func(i int) string { return fmt.Sprintf("---\ntitle: Year %d\ndate: \"2020\"\n---\nA badger.\n", i) }
	if p := openPieces(t, t.TempDir(), day, year(0)).AutoPeriod(100); p != ByWeek {
		t.Errorf("one of two dated to the day: %s, want week", p)
	}
	if p := openPieces(t, t.TempDir(), day, year(0), year(1)).AutoPeriod(100); p != ByYear {
		t.Errorf("one of three dated to the day: %s, want year", p)
	}
}

// TestKindsOneButForCaseCountOnce: kinds written alike but for case (a
// kind is read in lower case, but ΛΌΓΟΣ lowers to λόγοσ, not λόγος) or
// Unicode form are one row of the stats, counting the pieces of both.
func TestKindsOneButForCaseCountOnce(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: One\ndate: 2020-01-01\nkind: café\n---\nA badger.\n",
		"---\ntitle: Two\ndate: 2020-01-02\nkind: cafe\u0301\n---\nA badger.\n",
		"---\ntitle: Three\ndate: 2020-01-03\nkind: λόγος\n---\nA badger.\n",
		"---\ntitle: Four\ndate: 2020-01-04\nkind: ΛΌΓΟΣ\n---\nA badger.\n")
	want := []FacetValue{{Value: "café", Count: 2}, {Value: "λόγος", Count: 2}}
	if got := ix.AllFacets().Kinds; !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v", got, want)
	}
	if got := run(t, ix, Query{Text: "badger"}).Facets.Kinds; !slices.Equal(got, want) {
		t.Errorf("kinds of a search %v, want %v", got, want)
	}
}

// TestPinnedKeepsThePiecesThatPinAKey: Pinned finds the pieces whose
// front matter pins a citation key, and only those.
func TestPinnedKeepsThePiecesThatPinAKey(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: Pinned\ndate: 2020-01-01\ncitekey: lee2020badger\n---\nA badger.\n",
		"---\ntitle: Not pinned\ndate: 2020-01-02\n---\nA badger.\n")
	for _, q := range []Query{{Pinned: true}, {Text: "badger", Pinned: true}} {
		r := run(t, ix, q)
		if got := sortedIDs(r); !slices.Equal(got, []string{"p0"}) || r.Total != 1 {
			t.Errorf("%q pinned: %v (%d), want p0", q.Text, got, r.Total)
		}
	}
}

// TestWithinIsAnotherQuery: the same dates with Within and without are
// two queries, each with its own total, whichever was asked first.
func TestWithinIsAnotherQuery(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: Year only\ndate: \"2017\"\n---\nA badger.\n",
		"---\ntitle: A day\ndate: 2017-03-05\n---\nA badger.\n")
	q := Query{Text: "badger", From: time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2017, 3, 31, 0, 0, 0, 0, time.UTC)}
	for _, within := range []bool{false, true, false} {
		q.Within = within
		want := map[bool]int{false: 2, true: 1}[within]
		if r := run(t, ix, q); r.Total != want {
			t.Errorf("March 2017, within %v: %d found, want %d", within, r.Total, want)
		}
		q.Mode = ModeCount
		if r := run(t, ix, q); r.Total != want {
			t.Errorf("March 2017, within %v, counted: %d, want %d", within, r.Total, want)
		}
		q.Mode = ModeAll
	}
}

// TestCollapsedGroupsWithTheirPeriodFiltered: with copies hidden, a group
// of copies counts once, in the period of the piece standing for it
// (Query.CollapseCopies: archive.CollapseCopiesIn), so that YearsCount
// and NoMonth say what a filter to the years, or to a month overlapping
// it, finds, the years and months being counted by the main search or,
// chosen, by their own.
func TestCollapsedGroupsWithTheirPeriodFiltered(t *testing.T) {
	src := t.TempDir()
	var copied strings.Builder
	for i := range 200 {
		fmt.Fprintf(&copied, "w%03d ", (i*37)%997)
	}
	for name, p := range map[string]struct{ date, text string }{
		// a group over 2020-03, 2020-06, the year 2020 alone and 2021-05
		"g1": {"2020-03-01", copied.String()}, "g2": {"2020-06-01", copied.String()},
		"g3": {"2020", copied.String()}, "g4": {"2021-05-01", copied.String()},
		"s": {"2020", "solo"}, "t": {"2020-03-02", "tee"}, "u": {"2021", "you"},
	} {
		if err := os.WriteFile(filepath.Join(src, name+".md"), []byte("---\ntitle: "+name+"\ndate: \""+p.date+"\"\n---\n"+p.text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, src, t.TempDir())
	if gs := ix.CopyGroups(); len(gs) != 1 || len(gs[0]) != 4 {
		t.Fatalf("groups: %+v", groupsOf(gs))
	}
	months := []string{"2020-03", "2020-06", "2021-05"}
	for _, c := range []struct {
		q               Query
		years, mar, apr int
	}{
		// the group, s, t and u: 4 pieces in 2020 and 2021, the group
		// once, a text of the year 2020 alone by g3, its earliest
		// (2020 before 2020-03); of 2020, s and the group in no month
		{Query{}, 4, 2, 2},
		{Query{Years: []string{"2020", "2021"}}, 4, 2, 2},
		// of the months' pieces, t alone: the group stands in none
		{Query{Months: months}, 1, 0, 0},
		{Query{Years: []string{"2020", "2021"}, Months: months}, 1, 0, 0},
	} {
		c.q.CollapseCopies = true
		fs := run(t, ix, c.q).Facets
		years := c.q
		years.Years = []string{"2020", "2021"}
		if n, found := fs.YearsCount(years.Years), run(t, ix, years).Total; n != c.years || found != n {
			t.Errorf("years %v months %v: YearsCount(2020, 2021) %d, its filter finds %d, want %d", c.q.Years, c.q.Months, n, found, c.years)
		}
		for _, m := range []struct {
			month string
			want  int
		}{{"2020-03", c.mar}, {"2020-04", c.apr}} {
			q := c.q
			q.From, _ = time.Parse("2006-01", m.month)
			q.To = q.From.AddDate(0, 1, -1)
			inMonth := 0
			for _, v := range fs.Months {
				if v.Value == m.month {
					inMonth = v.Count
				}
			}
			if n, found := fs.NoMonth(m.month), run(t, ix, q).Total; n != m.want || inMonth+n != found {
				t.Errorf("years %v months %v: NoMonth(%s) %d beside %d, the month finds %d; want %d", c.q.Years, c.q.Months, m.month, n, inMonth, found, m.want)
			}
		}
	}
}
