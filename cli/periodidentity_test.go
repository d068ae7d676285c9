package cli

import (
	"context"
	"encoding/json"
	"maps"
	"testing"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestCollapsedPeriodCountsAgree: with copies collapsed, every count of a
// year, a month, the year only and the undated is the list's rows of it
// (folio list --collapse-copies: each text as the piece standing for it),
// in folio stats, folio trends (its count column; its "all" is the share's
// divisor, the texts with any piece in the period), the chart (index
// Trend) and, after enter on the chart's bar, the reader's list (index
// Query.PeriodAfterCollapse) and its sidebar's periods (the facets the
// timeline and YEARS show, every other period's too). The archive has
// copies across years, months and into no date
// (testcorpus.CopiesAcrossPeriods).
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
			q := index.Query{CollapseCopies: true, PeriodAfterCollapse: true}
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
}
