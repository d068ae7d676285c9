package index

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Period is the bin of a trend: a calendar year, a month, an ISO week or
// a decade (1950–1959, "1950s": an archive of centuries has about one piece
// a year, and a line of ones and zeros says nothing).
type Period int

const (
	ByYear Period = iota
	ByMonth
	ByWeek
	ByDecade
)

func (p Period) String() string {
	switch p {
	case ByMonth:
		return "month"
	case ByWeek:
		return "week"
	case ByDecade:
		return "decade"
	}
	return "year"
}

// ParsePeriod reads "year", "month", "week" or "decade".
func ParsePeriod(s string) (Period, bool) {
	switch s {
	case "year":
		return ByYear, true
	case "month":
		return ByMonth, true
	case "week":
		return ByWeek, true
	case "decade":
		return ByDecade, true
	}
	return ByYear, false
}

// WeekOf names the ISO 8601 week of t: "2017-W35" (the year is the ISO
// year: 2017-01-01 is in 2016-W52).
func WeekOf(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// TrendPoint is one period of a trend: the pieces of the query dated in it
// (Count) and all the pieces of the archive dated in it (Total).
type TrendPoint struct {
	Period string    // "2017", "2017-09" or "2017-W35"
	Start  time.Time // the first day of the period (UTC)
	Count  int
	Total  int
}

// Share is Count/Total, 0 for a period without pieces.
func (p TrendPoint) Share() float64 {
	if p.Total == 0 {
		return 0
	}
	return float64(p.Count) / float64(p.Total)
}

// Trend is a query's pieces per period.
//
// A piece is counted in a period only as precisely as it is dated: by
// month, a piece dated only to the year is not put in any month but in
// Coarser, under its year; by week, pieces dated to the month or the year
// go to Coarser under "2017-09" or "2017". Undated pieces are counted in
// Undated. Count of the Points, Coarser and Undated adds up to the query's
// total (over the periods kept, see Trend).
type Trend struct {
	By      Period
	Notes   []string     // how the query was read, as Results.Notes
	Points  []TrendPoint // every period from the archive's first to its last, empty ones too
	Coarser []TrendPoint // pieces dated less precisely than By, by their own period
	Undated TrendPoint   // Period "undated"
	Took    time.Duration
}

// Matched is the number of pieces counted: in the points, the coarser
// periods and undated.
func (t Trend) Matched() int {
	n := t.Undated.Count
	for _, p := range t.Points {
		n += p.Count
	}
	for _, p := range t.Coarser {
		n += p.Count
	}
	return n
}

// Peak is the index of the point with the largest Count (or Share when
// share is true), -1 when every point is 0.
func (t Trend) Peak(share bool) int {
	best, at := 0.0, -1
	for i, p := range t.Points {
		v := float64(p.Count)
		if share {
			v = p.Share()
		}
		if v > best {
			best, at = v, i
		}
	}
	return at
}

// Ties counts the other points as high as point i.
func (t Trend) Ties(i int, share bool) int {
	n := 0
	for j, p := range t.Points {
		if j != i && (!share && p.Count == t.Points[i].Count || share && p.Share() == t.Points[i].Share()) {
			n++
		}
	}
	return n
}

// PeakNote says the peak (Peak) and how many more periods are as high:
// "peak 2009 (and 1 more year as high)", "peak 1990s (and 2 more decades
// as high)", "peak 2017-08" alone; "" when every point is 0. folio trends
// and the chart say it.
func (t Trend) PeakNote(share bool) string {
	p := t.Peak(share)
	if p < 0 {
		return ""
	}
	note := "peak " + t.Points[p].Period
	if n := t.Ties(p, share); n > 0 {
		unit := t.By.String()
		if n > 1 {
			unit += "s" // "1 more decade", not "decades"
		}
		note += fmt.Sprintf(" (and %d more %s as high)", n, unit)
	}
	return note
}

// AutoPeriod is the finest period that suits the archive: one at which at
// least half of the dated pieces are dated precisely enough to be placed,
// and that gives at most maxPoints periods from the first to the last;
// decades when years would give more than maxPoints.
func (ix *Index) AutoPeriod(maxPoints int) Period {
	all := ix.AllFacets()
	dated := sumCounts(all.Years)
	for _, p := range []Period{ByWeek, ByMonth} {
		vs, _ := split(p, all)
		if len(vs) == 0 || 2*sumCounts(vs) < dated {
			continue
		}
		first, _ := periodStart(p, vs[0].Value)
		last, _ := periodStart(p, vs[len(vs)-1].Value)
		if n := len(periodsBetween(p, first, last)); n <= maxPoints {
			return p
		}
	}
	if ys := all.Years; len(ys) > 0 {
		first, _ := periodStart(ByYear, ys[0].Value)
		last, _ := periodStart(ByYear, ys[len(ys)-1].Value)
		if last.Year()-first.Year() >= maxPoints {
			return ByDecade
		}
	}
	return ByYear
}

// split returns the counts of the periods of by in fs, and the counts of
// the pieces dated less precisely, by their own period (months, then years).
func split(by Period, fs Facets) (points, coarser []FacetValue) {
	switch by {
	case ByYear:
		return fs.Years, nil
	case ByDecade:
		for _, y := range fs.Years {
			d := y.Value[:3] + "0s"
			if n := len(points); n > 0 && points[n-1].Value == d {
				points[n-1].Count += y.Count
			} else {
				points = append(points, FacetValue{Value: d, Count: y.Count})
			}
		}
		return points, nil
	case ByMonth:
		return fs.Months, yearOnly(fs)
	}
	for _, v := range fs.Weeks {
		if strings.Contains(v.Value, "-W") {
			points = append(points, v)
		} else {
			coarser = append(coarser, v) // a month: pieces dated only to it
		}
	}
	return points, append(coarser, yearOnly(fs)...)
}

// yearOnly counts, per year, the pieces dated only to the year: the year's
// pieces less those of its months.
func yearOnly(fs Facets) []FacetValue {
	inMonths := map[string]int{}
	for _, m := range fs.Months {
		inMonths[m.Value[:4]] += m.Count
	}
	var out []FacetValue
	for _, y := range fs.Years {
		if n := y.Count - inMonths[y.Value]; n > 0 {
			out = append(out, FacetValue{Value: y.Value, Count: n})
		}
	}
	return out
}

// Trend counts the pieces of q per period, from the facet counts of one
// search (Mode ModeFacets), with the archive's own counts per period for
// the share. The sidebar's period filters of q (Years, Months) do not
// narrow the counts: a chart over time shows the query's whole history.
// From and To do, as they narrow folio search (a piece counts when its
// date overlaps [From, To]), the archive's counts too, and the periods
// are trimmed to those overlapping [From, To]: a period at an edge counts
// only its pieces in the range, so the points add up to what folio search
// finds with the same dates. With CollapseCopies a group of copies counts
// once, in the period of the piece standing for it (the earliest that
// matches q but its period: archive.CollapseCopiesIn), which is what a
// filter to the period finds with copies collapsed, and a period's total
// is the groups of which a piece is dated in it. A group whose copies ran
// in two years is one piece of each year's total, so the totals can add up
// to more than the collapsed archive, and a count is never more than its
// total. The total cannot follow the standing piece as the count does: the
// archive's piece standing for a group is its earliest of all, q's its
// earliest that q keeps, which a filter (an outlet, words only a copy has)
// can make a later copy in a later period, whose count would then be over
// its total (an attack: a share of 2.0).
func (ix *Index) Trend(ctx context.Context, q Query, by Period) (Trend, error) {
	start := time.Now()
	from, to := q.From, q.To
	q.Years, q.Months = nil, nil
	q.Mode, q.Offset, q.Limit = ModeFacets, 0, 0
	// a group of copies counts once, in the period of its piece that
	// search shows (the earliest)
	q.hitsFacets = q.CollapseCopies
	res, err := ix.Search(ctx, q)
	if err != nil {
		return Trend{}, err
	}
	// the periods span the whole archive's, every piece's (then trimmed to
	// From and To): a filter can make a later copy stand for its group,
	// and its period is to be among them (an attack: the collapsed
	// archive's span lost it); their totals are the archive's pieces in
	// the range
	whole, allCount := ix.AllFacets(), ix.Count()
	all := whole
	if !from.IsZero() || !to.IsZero() {
		r, err := ix.Search(ctx, Query{From: from, To: to, Within: q.Within, Mode: ModeFacets})
		if err != nil {
			return Trend{}, err
		}
		all, allCount = r.Facets, r.Total
	}
	// with copies collapsed, a period's total is the groups of which a
	// piece is dated in it (a piece without copies is a group of one):
	// never fewer than the query's count there, whichever copy stands for
	// a group (an attack: the earliest pieces alone gave 1 of a period
	// whose query counted 2, a share of 200%)
	var extra map[string]int
	if q.CollapseCopies {
		var err error
		if extra, err = ix.copiesPerPeriod(ctx, by, dateRestrictions(Query{From: from, To: to, Within: q.Within})); err != nil {
			return Trend{}, err
		}
	}
	t := Trend{By: by, Notes: res.Notes}

	qPoints, qCoarser := split(by, res.Facets)
	aPoints, aCoarser := split(by, all)
	span, spanCoarser := split(by, whole)
	if len(span) > 0 {
		first, _ := periodStart(by, span[0].Value)
		last, _ := periodStart(by, span[len(span)-1].Value)
		counts, totals := facetMap(qPoints), facetMap(aPoints)
		for _, s := range periodsBetween(by, first, last) {
			label := periodLabel(by, s)
			t.Points = append(t.Points, TrendPoint{Period: label, Start: s, Count: counts[label], Total: totals[label] - extra[label]})
		}
	}
	counts, totals := facetMap(qCoarser), facetMap(aCoarser)
	for _, v := range spanCoarser {
		per := coarserPeriod(v.Value)
		s, _ := periodStart(per, v.Value)
		t.Coarser = append(t.Coarser, TrendPoint{Period: v.Value, Start: s, Count: counts[v.Value], Total: totals[v.Value] - extra[v.Value]})
	}
	slices.SortStableFunc(t.Coarser, func(a, b TrendPoint) int { return strings.Compare(a.Period, b.Period) })
	t.Undated = TrendPoint{Period: "undated", Count: max(res.Total-sumCounts(res.Facets.Years), 0), Total: max(allCount-sumCounts(all.Years)-extra[""], 0)}

	if !from.IsZero() || !to.IsZero() {
		drop := func(per Period) func(TrendPoint) bool {
			return func(p TrendPoint) bool {
				per := per
				if per < 0 {
					per = coarserPeriod(p.Period)
				}
				if q.Within && per != by {
					// a coarser period holds a piece within the range
					// only when it lies in the range itself (a review: a
					// "2017 (year only)" row said 0 of the piece left out)
					return !from.IsZero() && p.Start.Before(from) || !to.IsZero() && periodEnd(per, p.Start).After(to)
				}
				return !from.IsZero() && periodEnd(per, p.Start).Before(from) || !to.IsZero() && p.Start.After(to)
			}
		}
		t.Points = slices.DeleteFunc(t.Points, drop(by))
		t.Coarser = slices.DeleteFunc(t.Coarser, drop(-1))
		t.Undated = TrendPoint{Period: "undated"}
	}
	t.Took = time.Since(start)
	return t, nil
}

// copiesPerPeriod is, for each period label of a trend by by (its points'
// labels, its coarser rows' and "" for undated), how many pieces of the
// groups of copies within restrict are more than one per group: a group
// with three pieces in 2019 and one in 2020 has 2 for "2019".
func (ix *Index) copiesPerPeriod(ctx context.Context, by Period, restrict []query.Query) (map[string]int, error) {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil || len(c.groups) == 0 {
		return nil, nil
	}
	mv, err := ix.matchingMembers(ctx, combine(nil, nil, nil, nil, restrict, ""))
	if err != nil {
		return nil, err
	}
	extra := map[string]int{}
	seen := map[string]bool{}
	for _, g := range c.groups {
		clear(seen)
		for _, m := range g {
			vs, ok := mv[m.ID]
			if !ok {
				continue
			}
			label := periodOfValues(by, vs)
			if seen[label] {
				extra[label]++
			}
			seen[label] = true
		}
	}
	return extra, nil
}

// periodOfValues is the label a piece with the facet values vs is counted
// under in a trend by by, as split places it: its period of by, else the
// coarser period it is dated to, "" when undated.
func periodOfValues(by Period, vs []string) string {
	var y, m, w string
	for _, v := range vs {
		code, val, _ := strings.Cut(v, ":")
		switch code {
		case facetCodes[fYear]:
			if val != Undated {
				y = val
			}
		case facetCodes[fMonth]:
			m = val
		case facetCodes[fWeek]:
			w = val
		}
	}
	switch {
	case y == "":
		return ""
	case by == ByYear:
		return y
	case by == ByDecade:
		return y[:3] + "0s"
	case by == ByMonth && m != "":
		return m
	case by == ByWeek && w != "":
		return w // a week, or the month of a piece dated only to it
	}
	return y
}

// coarserPeriod is the period of a label of Trend.Coarser.
func coarserPeriod(label string) Period {
	if len(label) == 4 {
		return ByYear
	}
	return ByMonth
}

func sumCounts(vs []FacetValue) int {
	n := 0
	for _, v := range vs {
		n += v.Count
	}
	return n
}

func facetMap(vs []FacetValue) map[string]int {
	m := make(map[string]int, len(vs))
	for _, v := range vs {
		m[v.Value] = v.Count
	}
	return m
}

// periodStart reads a label of period p: "2017", "2017-09", "2017-W35".
func periodStart(p Period, label string) (time.Time, bool) {
	switch p {
	case ByYear:
		y, err := strconv.Atoi(label)
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), err == nil
	case ByMonth:
		t, err := time.Parse("2006-01", label)
		return t, err == nil
	case ByDecade:
		y, err := strconv.Atoi(strings.TrimSuffix(label, "s"))
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), err == nil && strings.HasSuffix(label, "0s")
	}
	ys, ws, ok := strings.Cut(label, "-W")
	y, err1 := strconv.Atoi(ys)
	w, err2 := strconv.Atoi(ws)
	if !ok || err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	// the Monday of ISO week 1 is the Monday on or before 4 January
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1)), true
}

// periodEnd is the last instant of the period of p starting at s.
func periodEnd(p Period, s time.Time) time.Time {
	switch p {
	case ByYear:
		return s.AddDate(1, 0, 0).Add(-time.Nanosecond)
	case ByMonth:
		return s.AddDate(0, 1, 0).Add(-time.Nanosecond)
	case ByDecade:
		return s.AddDate(10, 0, 0).Add(-time.Nanosecond)
	}
	return s.AddDate(0, 0, 7).Add(-time.Nanosecond)
}

func periodLabel(p Period, s time.Time) string {
	switch p {
	case ByYear:
		return s.Format("2006")
	case ByMonth:
		return s.Format("2006-01")
	case ByDecade:
		return s.Format("2006") + "s"
	}
	return WeekOf(s)
}

// periodsBetween lists the starts of the periods from first to last.
func periodsBetween(p Period, first, last time.Time) []time.Time {
	var out []time.Time
	for s := first; !s.After(last); s = periodEnd(p, s).Add(time.Nanosecond) {
		out = append(out, s)
	}
	return out
}

// PeriodRange is the date range of a period label of a trend ("2017",
// "2017-09", "2017-W35", "1950s"), for filtering the results to it: From is
// its first day, To its last.
func PeriodRange(label string) (from, to time.Time, ok bool) {
	var p Period
	switch {
	case strings.HasSuffix(label, "s"):
		p = ByDecade
	case strings.Contains(label, "-W"):
		p = ByWeek
	case len(label) == 4:
		p = ByYear
	default:
		p = ByMonth
	}
	s, ok := periodStart(p, label)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	e := periodEnd(p, s)
	return s, time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC), true
}
