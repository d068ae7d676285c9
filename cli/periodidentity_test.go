package cli

import (
	"context"
	"encoding/json"
	"maps"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestCollapsedPeriodCountsAgree: with copies collapsed, every count of a
// year, a month, the year only and the undated is the list's rows of it
// (folio list --collapse-copies: each text as the piece standing for it),
// in folio stats, folio trends (its count column; its "all" is the share's
// divisor, the texts with any piece in the period), the chart (index
// Trend), search's years and the sidebar's YEARS; and a period asked,
// after enter on the chart's bar or chosen in the sidebar (YEARS, the
// timeline) or on the command line (list, search and stats --from/--to,
// --within), holds those rows, the other periods and values counting
// what choosing them gives. The archive has copies across years, months
// and into no date (testcorpus.CopiesAcrossPeriods).
func TestCollapsedPeriodCountsAgree(t *testing.T) {
	dir, ixDir := t.TempDir(), t.TempDir()
	testcorpus.CopiesAcrossPeriods(t, dir)
	folio := func(v any, args ...string) {
		t.Helper()
		out, errOut, code := runIndexed(t, ixDir, append([]string{"--archive", dir}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errOut)
		}
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
	}
	var listed []articleJSON
	folio(&listed, "list", "--json", "--collapse-copies")
	years, months, yearOnly, undated := listedPeriods(listed)
	// the fixture's, by the piece standing for each text
	if !maps.Equal(years, map[string]int{"2019": 1, "2020": 3, "2021": 2}) || !maps.Equal(months, map[string]int{"2019-05": 1, "2020-06": 2, "2021-02": 2}) ||
		yearOnly != 1 || undated != 2 || len(listed) != 8 {
		t.Fatalf("the list: %d, years %v, months %v, %d year only, %d undated", len(listed), years, months, yearOnly, undated)
	}
	var st archiveStats
	folio(&st, "stats", "--json", "--collapse-copies")
	if st.Pieces != len(listed) || !maps.Equal(countsOf(st.Years), years) || !maps.Equal(countsOf(st.Months), months) ||
		st.YearOnly != yearOnly || st.Undated != undated {
		t.Errorf("stats: %d, years %v, months %v, %d year only, %d undated", st.Pieces, countsOf(st.Years), countsOf(st.Months), st.YearOnly, st.Undated)
	}
	for _, by := range []string{"year", "month"} {
		want := years
		if by == "month" {
			want = months
		}
		var tr trendsJSON
		folio(&tr, "trends", "", "--json", "--collapse-copies", "--by", by)
		got, gotYearOnly, gotUndated := map[string]int{}, 0, 0
		for _, p := range tr.Trends[0].Points {
			switch {
			case p.DatedTo == "undated":
				gotUndated = p.Count
			case p.DatedTo == "year only":
				gotYearOnly = p.Count
			case p.Count > 0:
				got[p.Period] = p.Count
			}
		}
		if !maps.Equal(got, want) || gotUndated != undated || by == "month" && gotYearOnly != yearOnly {
			t.Errorf("trends by %s: %v, %d year only, %d undated", by, got, gotYearOnly, gotUndated)
		}
	}

	// the reader: the chart's bars, and after enter on each the list and
	// the sidebar's periods
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	for _, by := range []index.Period{index.ByYear, index.ByMonth} {
		want := years
		if by == index.ByMonth {
			want = months
		}
		tr, err := ix.Trend(ctx, index.Query{CollapseCopies: true}, by)
		if err != nil {
			t.Fatal(err)
		}
		bars := map[string]int{}
		for _, p := range tr.Points {
			if p.Count > 0 {
				bars[p.Period] = p.Count
			}
		}
		if !maps.Equal(bars, want) || tr.Undated.Count != undated {
			t.Errorf("the chart by %v: %v, %d undated", by, bars, tr.Undated.Count)
		}
		for label, n := range want {
			q := index.Query{CollapseCopies: true}
			side := map[string]int{}
			if by == index.ByYear {
				q.Years = []string{label}
			} else {
				q.Months = []string{label}
			}
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			vs := res.Facets.Years
			if by == index.ByMonth {
				vs = res.Facets.Months
			}
			for _, v := range vs {
				side[v.Value] = v.Count
			}
			if res.Total != n || !maps.Equal(side, want) || by == index.ByYear && res.Facets.Undated != undated {
				t.Errorf("after enter on %s: the list %d, the sidebar's periods %v (%d undated); want %d, %v (%d)", label, res.Total, side, res.Facets.Undated, n, want, undated)
			}
		}
	}

	// search's years, with no period asked, are the list's: each text in
	// its standing piece's period, adding up to the hits
	var all resultsJSON
	folio(&all, "search", "", "--json", "--collapse-copies", "--limit", "0")
	wantYears := maps.Clone(years)
	wantYears[index.Undated] = undated
	if !maps.Equal(all.Facets["years"], wantYears) || all.Total != len(listed) {
		t.Errorf("search's years: %v of %d; want %v of %d", all.Facets["years"], all.Total, wantYears, len(listed))
	}
	res, err := ix.Search(ctx, index.Query{CollapseCopies: true})
	if err != nil {
		t.Fatal(err)
	}
	side := map[string]int{}
	for _, v := range res.Facets.YearValues() {
		side[v.Value] = v.Count
	}
	if !maps.Equal(side, wantYears) {
		t.Errorf("the sidebar's YEARS: %v; want %v", side, wantYears)
	}

	// a period asked of list, search, stats (--from/--to, a month
	// --within or overlapping) and of the sidebar (a year of YEARS,
	// Query.Years, the timeline's period, From and To, as sidebar.applyTo
	// sets them) keeps a text when the piece standing for it lies in it
	// (archive.CollapseCopiesIn), so that each holds what stats, the chart
	// and trends count there; and a facet value's count under such a
	// filter is what choosing it gives (a review: list --from 2020 --to
	// 2020 --collapse-copies listed 4 where stats and the chart said 3 for
	// 2020: the text of 2019 run again in 2020 was a piece of 2020 too).
	// The texts of a year dated only to it a month's range overlapping it
	// holds too.
	onlyYear := map[string]int{}
	for _, a := range listed {
		if a.DatePrecision == "year" {
			onlyYear[a.Date[:4]]++
		}
	}
	type period struct {
		label  string
		args   []string // the command line's filter
		within bool
		want   int
	}
	var periods []period
	for y, n := range years {
		periods = append(periods, period{y, []string{"--from", y, "--to", y}, false, n})
	}
	for m, n := range months {
		periods = append(periods, period{m, []string{"--from", m, "--to", m, "--within"}, true, n},
			period{m, []string{"--from", m, "--to", m}, false, n + onlyYear[m[:4]]})
	}
	for _, p := range periods {
		var l []articleJSON
		folio(&l, append([]string{"list", "--json", "--collapse-copies"}, p.args...)...)
		var res resultsJSON
		folio(&res, append([]string{"search", "", "--json", "--collapse-copies", "--limit", "0"}, p.args...)...)
		var st archiveStats
		folio(&st, append([]string{"stats", "--json", "--collapse-copies"}, p.args...)...)
		sum := 0
		for _, n := range res.Facets["years"] {
			sum += n
		}
		if len(l) != p.want || res.Total != p.want || st.Pieces != p.want || sum != p.want {
			t.Errorf("%q: list %d, search %d (its years %v), stats %d; want %d", p.args, len(l), res.Total, res.Facets["years"], st.Pieces, p.want)
		}
	}

	// the reader's sidebar: a year of YEARS (Query.Years) and the
	// timeline's period (From and To), as sidebar.applyTo sets them
	outlets := ix.AllFacets().Outlets
	for _, p := range periods {
		var qs []index.Query
		start, err := archive.ParseDate(p.label)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, index.Query{CollapseCopies: true, From: start.Time, To: start.End(), Within: p.within})
		if len(p.label) == 4 {
			qs = append(qs, index.Query{CollapseCopies: true, Years: []string{p.label}})
		} else if p.within {
			qs = append(qs, index.Query{CollapseCopies: true, Months: []string{p.label}})
		}
		for _, q := range qs {
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != p.want {
				t.Errorf("the sidebar's %s (%+v): %d pieces, want %d", p.label, q, res.Total, p.want)
			}
			if q.Years != nil {
				side := map[string]int{}
				for _, v := range res.Facets.Years {
					side[v.Value] = v.Count
				}
				if !maps.Equal(side, years) || res.Facets.Undated != undated {
					t.Errorf("the sidebar's %s: YEARS %v, %d undated; want %v, %d", p.label, side, res.Facets.Undated, years, undated)
				}
			}
			// each outlet counted what choosing it gives
			counted := map[string]int{}
			for _, v := range res.Facets.Outlets {
				counted[v.Value] = v.Count
			}
			for _, o := range outlets {
				qo := q
				qo.Outlets = []string{o.Value}
				r, err := ix.Search(ctx, qo)
				if err != nil {
					t.Fatal(err)
				}
				if r.Total != counted[o.Value] {
					t.Errorf("the sidebar's %s (%+v): %s counted %d, chosen %d", p.label, q, o.Value, counted[o.Value], r.Total)
				}
			}
		}
	}
}
