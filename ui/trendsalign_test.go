package ui

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// rangesArchive writes pieces dated 1999 to 2021: n pieces of each date.
func rangesArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for date, n := range map[string]int{"1999-12-31": 1, "2000-01-01": 1, "2005-06-02": 1, "2010": 2, "2020-01-02": 3, "2020-06": 1, "2021-03-04": 2} {
		for i := range n {
			body := fmt.Sprintf("---\ntitle: Piece %s %d\ndate: %s\noutlet: The Test\n---\nAlpha text %d.\n", date, i, date, i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%s-%d.md", date, i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func utcDay(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestChartPinnedOfAnotherRange: a pinned query of other dates than the
// current one's is drawn by period, not by position (an attack: with
// 2020–2021 pinned and the period cleared, t panicked, index out of range
// [2] with length 2; with 1999–2000 current, the info line said the
// pinned query's 2020 count under 1999).
func TestChartPinnedOfAnotherRange(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.trends.pinned = []trendSeries{{label: "pinned", query: index.Query{From: utcDay("2020-01-01"), To: utcDay("2021-12-31")}}}
	h.m.trends.by, h.m.trends.loaded = index.ByYear, true
	h.key("t")
	h.requireScreen("pinned 6")
	want := map[string][2]int{"1999": {1, 0}, "2000": {1, 0}, "2005": {1, 0}, "2010": {2, 0}, "2015": {0, 0}, "2020": {4, 4}, "2021": {2, 2}}
	h.key("g")
	seen := map[string]bool{}
	for {
		period := h.m.trends.series[0].trend.Points[h.m.trends.cursor].Period
		if w, ok := want[period]; ok {
			seen[period] = true
			h.requireMatch(fmt.Sprintf(`%s: \d+ pieces? in the archive · █ all pieces %d \(.*▒ pinned %d \(`, period, w[0], w[1]))
		}
		if h.m.trends.cursor == len(h.m.trends.series[0].trend.Points)-1 {
			break
		}
		h.key("l")
	}
	if len(seen) != len(want) {
		t.Errorf("periods seen: %v", seen)
	}
}

// TestChartSeriesAlignedOverRanges: whatever the dates of the current
// query and the pinned ones, every series is on the same periods, a
// contiguous run of the archive's, and counts in each what Trend counts
// for it there (0 outside its dates); every period draws.
func TestChartSeriesAlignedOverRanges(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	ranges := []struct{ from, to string }{
		{"", ""}, {"1999-01-01", "2000-12-31"}, {"2020-01-01", "2021-12-31"}, {"2005-01-01", "2005-12-31"},
		{"2000-01-01", "2020-06-30"}, {"", "2000-01-01"}, {"2030-01-01", "2031-12-31"},
	}
	q := func(i int, within bool) index.Query {
		var q index.Query
		if r := ranges[i]; r.from != "" {
			q.From = utcDay(r.from)
		}
		if r := ranges[i]; r.to != "" {
			q.To = utcDay(r.to)
		}
		q.Within = within
		return q
	}
	ctx := context.Background()
	for _, by := range []index.Period{index.ByYear, index.ByMonth, index.ByDecade, index.ByWeek} {
		axis, err := ix.Trend(ctx, index.Query{}, by)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ranges {
			for j := range ranges {
				for _, within := range []bool{false, true}[:1+j%2] {
					series := []trendSeries{{label: "current", query: q(i, false)}, {label: "pinned", query: q(j, within)}, {label: "all", query: index.Query{}}}[:2+(i+j)%2]
					msg := trendsCmd(ctx, ix, series, by, 1)().(trendsMsg)
					if msg.err != nil {
						t.Fatal(msg.err)
					}
					p := trendsPane{open: true, by: by, seq: 1}.got(msg)
					name := fmt.Sprintf("%s %v–%v %v", by, ranges[i], ranges[j], within)
					var labels []string
					for k, s := range p.series {
						own, err := ix.Trend(ctx, s.query, by)
						if err != nil {
							t.Fatal(err)
						}
						counts := map[string]int{}
						for _, tp := range own.Points {
							counts[tp.Period] = tp.Count
						}
						if k == 0 {
							for _, tp := range s.trend.Points {
								labels = append(labels, tp.Period)
							}
						}
						if len(s.trend.Points) != len(labels) {
							t.Fatalf("%s: series %d has %d periods, the first %d", name, k, len(s.trend.Points), len(labels))
						}
						for n, tp := range s.trend.Points {
							if tp.Period != labels[n] || tp.Count != counts[tp.Period] {
								t.Fatalf("%s: series %d at %d: %s %d, want %s %d", name, k, n, tp.Period, tp.Count, labels[n], counts[labels[n]])
							}
						}
					}
					// contiguous: a run of the archive's periods
					if len(labels) > 0 {
						start := -1
						for n, a := range axis.Points {
							if a.Period == labels[0] {
								start = n
							}
						}
						for n, l := range labels {
							if start < 0 || start+n >= len(axis.Points) || axis.Points[start+n].Period != l {
								t.Fatalf("%s: the periods are no run of the archive's: %v", name, labels)
							}
						}
					}
					for _, c := range []int{0, p.points() / 3, p.points() / 2, p.points() - 1} {
						if p.points() == 0 {
							continue
						}
						p.cursor = c
						if out := p.view(120, 30, NewStyles(true, true), true); !regexp.MustCompile(`in the archive`).MatchString(out) {
							t.Fatalf("%s: at %d:\n%s", name, c, out)
						}
					}
				}
			}
		}
	}
}

// TestChartBarFilterIgnoresSidebarYears: enter on a bar lists exactly the
// bar's pieces whatever the sidebar's years and months chosen (an attack:
// YEARS 2019 chosen, enter on 2020-01's bar of 2 listed 0; YEARS 2010,
// 2009-W53's bar of 4 listed 2), by every period.
func TestChartBarFilterIgnoresSidebarYears(t *testing.T) {
	dir := rangesArchive(t)
	for date, n := range map[string]int{"2009-12-29": 2, "2010-01-02": 2, "2019-05-05": 1, "2020-01-20": 1} {
		for i := range n {
			body := fmt.Sprintf("---\ntitle: More %s %d\ndate: %s\n---\nBeta %d.\n", date, i, date, i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%s-%d.md", date, i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	ix, _ := realIndex(t, dir)
	ctx := context.Background()
	for _, chosen := range []index.Query{{Years: []string{"2019"}}, {Years: []string{"2010"}}, {Years: []string{"2010", "2020"}, Months: []string{"2020-06"}}, {}} {
		for _, by := range []index.Period{index.ByYear, index.ByMonth, index.ByWeek, index.ByDecade} {
			tr, err := ix.Trend(ctx, chosen, by)
			if err != nil {
				t.Fatal(err)
			}
			for _, tp := range tr.Points {
				q := chosen
				newPeriodFilter(by, tp.Period).applyTo(&q)
				res, err := ix.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != tp.Count {
					t.Errorf("years %v months %v, by %s: the bar of %s says %d, enter lists %d", chosen.Years, chosen.Months, by, tp.Period, tp.Count, res.Total)
				}
			}
		}
	}
}

// TestChartPeakTies: the chart names the other periods as high as its
// peak, as folio trends does, and marks each (an attack: "peak 2009-W53"
// alone, 2020-W01 as high).
func TestChartPeakTies(t *testing.T) {
	dir := t.TempDir()
	for date, n := range map[string]int{"2009-12-29": 2, "2015-05-05": 1, "2020-01-02": 2} {
		for i := range n {
			body := fmt.Sprintf("---\ntitle: Piece %s %d\ndate: %s\n---\nAlpha %d.\n", date, i, date, i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%s-%d.md", date, i)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	ix, _ := realIndex(t, dir)
	h := newHarness(t, ix, 120, 30)
	h.m.trends.by, h.m.trends.loaded = index.ByYear, true
	h.key("t")
	h.requireScreen("peak 2009 (and 1 more year as high)")
	if n := strings.Count(h.screen(), "▼"); n != 2 {
		t.Errorf("%d peaks marked, want 2:\n%s", n, h.screen())
	}
	h.key("s") // shares: each of the three years all its pieces
	h.requireScreen("peak 2009 (and 2 more years as high)")
	h.key("s")
	h.key("p", "p") // month, week
	h.requireScreen("peak 2009-W53 (and 1 more week as high)")
}

// TestChartBarHeaderNamesWhatFilters: after enter on a month bar, the
// header names the bar's month and not the sidebar's years, which the bar
// replaces (40g left it: "year:2019 · 2020-01" over 2020-01's pieces);
// x clears the bar, and the years chosen are named again.
func TestChartBarHeaderNamesWhatFilters(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.sidebar.chosen[groupYears] = []string{"2019"}
	h.run(h.m.startSearch())
	h.requireScreen("year:2019")
	h.m.trends.by, h.m.trends.loaded = index.ByMonth, true
	h.key("t")
	h.requireScreen("in the archive")
	at := -1
	for i, p := range h.m.trends.series[0].trend.Points {
		if p.Period == "2020-01" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no 2020-01 bar: %+v", h.m.trends.series[0].trend.Points)
	}
	h.m.trends.cursor = at
	h.key("enter")
	h.requireScreen("3 found · newest · 2020-01")
	top := strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(top, "2020-01") || strings.Contains(top, "year:2019") {
		t.Errorf("header %q: want the bar's month, not the years it replaces", top)
	}
	if y := h.m.sidebar.chosen[groupYears]; len(y) > 0 {
		t.Errorf("the sidebar's years %v stay ticked under the bar, which replaces them (TestChartBarUnticksTheYearsItReplaces)", y)
	}
}

// TestFiltersSaidWithTheChartsPeriod: the chart's legend names no years
// the sidebar chose (Trend counts every year: "all pieces · year:2019 4"
// was the archive's 4), and with a bar's period on, the hint of an empty
// list names it ("Filters are on ()" with only years chosen, a review).
func TestFiltersSaidWithTheChartsPeriod(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.info.Count = 11 // as the reader's open says (the harness knows a fake's alone)
	h.m.sidebar.chosen[groupYears] = []string{"2021"}
	h.run(h.m.startSearch())
	h.m.trends.by, h.m.trends.loaded = index.ByYear, true
	h.key("t")
	h.requireScreen("in the archive")
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "██ all pieces") && strings.Contains(line, "year:2021") {
			t.Errorf("the chart's legend names the sidebar's year, which it does not count by: %q", line)
		}
	}
	for i, p := range h.m.trends.series[0].trend.Points {
		if p.Period == "2020" {
			h.m.trends.cursor = i
		}
	}
	h.key("enter")
	h.requireScreen("4 of 11 · newest · 2020")
	h.key("/")
	h.typeText("zzzzq")
	h.key("enter")
	h.requireScreen("Filters are on (2020): press x to clear them.")
}

// TestChartArchiveCountOfACutPeriod: the info line's pieces "in the
// archive" of a period are the archive's, when the current query is cut
// to part of it and a pinned one is not (a review: "1 piece in the
// archive" above a pinned series of 2).
func TestChartArchiveCountOfACutPeriod(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.trends.pinned = []trendSeries{{label: "pinned", query: index.Query{}}}
	h.m.sidebar.period = period{label: "2020-01", from: utcDay("2020-01-01"), to: utcDay("2020-01-31"), within: true}
	h.run(h.m.startSearch())
	h.m.trends.by, h.m.trends.loaded = index.ByYear, true
	h.key("t")
	h.requireScreen("in the archive")
	for i, p := range h.m.trends.series[0].trend.Points {
		if p.Period == "2020" {
			h.m.trends.cursor = i
		}
	}
	h.key("l", "h") // redraw at the cursor
	h.requireMatch(`2020: 4 pieces in the archive · █ .* 3 \(.*▒ pinned 4 \(`)
}

// TestChartSpansTheArchiveWhateverTheBar: the chart of the results counts
// them over every period whatever bar's period filters the list: a week's
// dates cut it to that week's year (a read of the change), a year's did
// not.
func TestChartSpansTheArchiveWhateverTheBar(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	for _, f := range []*periodFilter{newPeriodFilter(index.ByWeek, "2020-W01"), newPeriodFilter(index.ByYear, "2020")} {
		h := newHarness(t, ix, 120, 40)
		h.m.period = f
		h.run(h.m.startSearch())
		h.m.trends.by, h.m.trends.loaded = index.ByYear, true
		h.key("t")
		h.requireScreen("in the archive")
		if pts := h.m.trends.series[0].trend.Points; len(pts) == 0 || pts[0].Period != "1999" {
			t.Errorf("with %s filtering the list, the chart's periods start at %v, want 1999", f.label, pts)
		}
	}
}

// TestChartArchiveCountAlone: with no other series beside it, a query cut
// to part of a period still says the archive's pieces of it (a read of
// the change: "2020: 3 pieces in the archive", taken as the most any
// series counted, held only with an undated series pinned).
func TestChartArchiveCountAlone(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.sidebar.period = period{label: "2020-01", from: utcDay("2020-01-01"), to: utcDay("2020-01-31"), within: true}
	h.run(h.m.startSearch())
	h.m.trends.by, h.m.trends.loaded = index.ByYear, true
	h.key("t")
	h.requireScreen("in the archive")
	h.requireMatch(`2020: 4 pieces in the archive · █ .* 3 \(`)
}

// TestTimelineOfABarWithCopiesHidden: after enter on a chart's bar with
// Hide copies on, the sidebar's timeline (and YEARS) count each text once,
// in the period of the piece the list shows for it, as the chart's bars
// do: the chosen bar's is what the list holds, and the other periods stay
// there to be chosen, each with its bar's count (a review: the
// timeline's 2020-06 said 4, the texts with any piece of it, where the
// list held 2; 09be4dd counted the periods with their filters, and the
// sidebar then listed the chosen one alone).
func TestTimelineOfABarWithCopiesHidden(t *testing.T) {
	dir := t.TempDir()
	testcorpus.CopiesAcrossPeriods(t, dir)
	ix, _ := realIndex(t, dir)
	ctx := context.Background()
	for _, by := range []index.Period{index.ByMonth, index.ByYear} {
		tr, err := ix.Trend(ctx, index.Query{CollapseCopies: true}, by)
		if err != nil {
			t.Fatal(err)
		}
		bars := map[string]int{}
		for _, p := range tr.Points {
			bars[p.Period] = p.Count
		}
		for _, p := range tr.Points {
			if p.Count == 0 {
				continue
			}
			q := index.Query{CollapseCopies: true}
			newPeriodFilter(by, p.Period).applyTo(&q)
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != p.Count {
				t.Fatalf("%s: the list holds %d, the chart's bar %d", p.Period, res.Total, p.Count)
			}
			buckets := timelineBuckets(res.Facets)
			found := false
			for _, b := range buckets {
				if b.label == p.Period {
					found = true
				}
				if n, ok := bars[b.label]; ok && b.count != n {
					t.Errorf("after %s: the timeline's %s says %d, the chart's bar %d (buckets %v)", p.Period, b.label, b.count, n, buckets)
				}
			}
			if !found {
				t.Errorf("after %s: no bar of it on the timeline (buckets %v)", p.Period, buckets)
			}
			if by != index.ByYear {
				continue
			}
			years := map[string]int{}
			for _, v := range res.Facets.YearValues() {
				years[v.Value] = v.Count
			}
			want := map[string]int{index.Undated: tr.Undated.Count}
			for label, n := range bars {
				if n > 0 {
					want[label] = n
				}
			}
			if !maps.Equal(years, want) {
				t.Errorf("after %s: YEARS %v, the chart's %v", p.Period, years, want)
			}
		}
	}
}

// TestChartBarUnticksTheYearsItReplaces: a bar's period and the years
// ticked in YEARS are one choice of the period, the last made standing,
// and the sidebar shows what filters (a review: YEARS 2021 ticked, enter
// on a month bar: the header named the month, the sidebar still showed
// "◉ 2021 0" ticked, not applied, and the other years gone). The bar's
// enter unticks the years; a year ticked while a bar's period is on
// replaces the period.
func TestChartBarUnticksTheYearsItReplaces(t *testing.T) {
	ix, _ := realIndex(t, rangesArchive(t))
	h := newHarness(t, ix, 120, 40)
	h.m.info.Count = 11
	tick := func(year string) {
		t.Helper()
		if h.m.focus != paneSidebar {
			h.key("tab")
		}
		i := entryIndex(h.m.sidebar, groupYears, year, false)
		if i < 0 {
			t.Fatalf("no YEARS row %s: %+v", year, h.m.sidebar.entries)
		}
		h.m.sidebar.moveTo(i)
		h.key("space")
	}
	bar := func(by index.Period, label string) {
		t.Helper()
		h.m.trends.by, h.m.trends.loaded = by, true
		h.key("t")
		h.requireScreen("in the archive")
		at := -1
		for i, p := range h.m.trends.series[0].trend.Points {
			if p.Period == label {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("no %s bar: %+v", label, h.m.trends.series[0].trend.Points)
		}
		h.m.trends.cursor = at
		h.key("enter")
	}
	// years are the YEARS rows, each "year count", and the years ticked
	years := func() (rows []string, chosen []string) {
		for _, e := range h.m.sidebar.entries {
			if e.group == groupYears && !e.header {
				rows = append(rows, fmt.Sprintf("%s %d", e.value, e.count))
				if h.m.sidebar.isChosen(groupYears, e.value) {
					chosen = append(chosen, e.value)
				}
			}
		}
		return rows, chosen
	}
	top := func() string { return strings.SplitN(h.screen(), "\n", 2)[0] }

	tick("2021")
	h.requireScreen("2 of 11 · newest · year:2021")

	bar(index.ByMonth, "2020-01")
	h.requireScreen("3 of 11 · newest · 2020-01")
	rows, chosen := years()
	if len(h.m.sidebar.chosen[groupYears]) > 0 || len(chosen) > 0 {
		t.Errorf("after the bar's enter the years %v are still ticked, which the bar replaces (rows %v)", h.m.sidebar.chosen[groupYears], rows)
	}
	if fmt.Sprint(rows) != "[2020 3]" {
		t.Errorf("YEARS under 2020-01's bar: %v, want [2020 3] (its pieces' year)", rows)
	}
	if strings.Contains(h.screen(), "◉") {
		t.Errorf("a value shows ticked under the bar:\n%s", h.screen())
	}

	// the reverse: a year ticked replaces the bar's period
	tick("2020")
	h.requireScreen("4 of 11 · newest · year:2020")
	if h.m.period != nil {
		t.Errorf("the year ticked left the bar's period %q on", h.m.period.label)
	}
	if tp := top(); strings.Contains(tp, "2020-01") {
		t.Errorf("header %q: the bar's month is gone", tp)
	}

	// a year's bar: YEARS lists every year with its count, none ticked
	bar(index.ByYear, "2021")
	h.requireScreen("2 of 11 · newest · 2021")
	rows, chosen = years()
	if len(h.m.sidebar.chosen[groupYears]) > 0 || len(chosen) > 0 {
		t.Errorf("after 2021's enter the years %v are still ticked", h.m.sidebar.chosen[groupYears])
	}
	if want := "[2021 2 2020 4 2010 2 2005 1 2000 1 1999 1]"; fmt.Sprint(rows) != want {
		t.Errorf("YEARS under 2021's bar: %v, want %s", rows, want)
	}
	tick("2010")
	h.requireScreen("2 of 11 · newest · year:2010")
	if h.m.period != nil {
		t.Errorf("the year ticked left the bar's period %q on", h.m.period.label)
	}
	if _, chosen = years(); fmt.Sprint(chosen) != "[2010]" {
		t.Errorf("ticked %v, want [2010]", chosen)
	}
}
