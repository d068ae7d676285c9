package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// The attention-over-time view (t): a full-screen bar chart of the current
// query's pieces per period, as counts or as a share of all the archive's
// pieces in the period, with up to maxPinned pinned queries beside it. The
// pane owns its keys (esc closes it); what it cannot do itself (filter
// the results to a period, count again) it returns to the root as a
// trendIntent.

// TrendSearcher is implemented by a Searcher that counts a query's pieces
// per period (index.Index does); without it t says so.
type TrendSearcher interface {
	Trend(ctx context.Context, q index.Query, by index.Period) (index.Trend, error)
	AutoPeriod(maxPoints int) index.Period
}

// maxPinned is how many queries can be pinned for comparison.
const maxPinned = 4

// trendSeries is one query of the chart.
type trendSeries struct {
	label string
	query index.Query
	trend index.Trend
}

// trendsMsg answers trendsCmd for request seq.
type trendsMsg struct {
	seq    int
	series []trendSeries
	// totals: the archive's pieces in each period, when a series is cut
	// to dates (Trend's totals are then those of its range); nil when
	// the series' own totals are the archive's
	totals map[string]int
	err    error
}

// trendsCmd counts every query of series per period.
func trendsCmd(ctx context.Context, s TrendSearcher, series []trendSeries, by index.Period, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = trendsMsg{seq: seq, err: fmt.Errorf("counting the pieces per period failed: %v", r)}
			}
		}()
		out := make([]trendSeries, len(series))
		for i, sr := range series {
			t, err := s.Trend(ctx, sr.query, by)
			if err != nil {
				return trendsMsg{seq: seq, err: err}
			}
			out[i] = trendSeries{label: sr.label, query: sr.query, trend: t}
		}
		cut := slices.ContainsFunc(series, func(s trendSeries) bool { return !s.query.From.IsZero() || !s.query.To.IsZero() })
		if !cut && samePeriods(out) {
			return trendsMsg{seq: seq, series: out}
		}
		// the archive's periods and pieces: a series cut to dates counts
		// its range's alone (a read of the change: "1 piece in the
		// archive" of a period of 4)
		axis, err := s.Trend(ctx, index.Query{CollapseCopies: series[0].query.CollapseCopies}, by)
		if err != nil {
			return trendsMsg{seq: seq, err: err}
		}
		if !samePeriods(out) {
			// the series of other date ranges have other periods (Trend
			// trims each to its From and To): the axis is the archive's
			// periods from the first series' first to the last one's
			// last, each series' counts put on it by period (an attack:
			// the chart took every series' point at the first series'
			// position, and a pinned 2020–2021 panicked, index out of
			// range, or showed its 2020 under 1999)
			alignSeries(out, axis.Points)
		}
		totals := make(map[string]int, len(axis.Points))
		for _, p := range axis.Points {
			totals[p.Period] = p.Total
		}
		return trendsMsg{seq: seq, series: out, totals: totals}
	}
}

// samePeriods reports whether every series has the same periods as the
// first.
func samePeriods(series []trendSeries) bool {
	for _, s := range series[1:] {
		if !slices.EqualFunc(s.trend.Points, series[0].trend.Points, func(a, b index.TrendPoint) bool { return a.Period == b.Period }) {
			return false
		}
	}
	return true
}

// alignSeries puts every series on the same periods: those of axis (the
// archive's, every period of its span) from the earliest period of any
// series to the latest. A series without a period counts 0 in it (it is
// outside the series' dates), of the archive's pieces there.
func alignSeries(series []trendSeries, axis []index.TrendPoint) {
	var first, last time.Time
	for _, s := range series {
		pts := s.trend.Points
		if len(pts) == 0 {
			continue
		}
		if first.IsZero() || pts[0].Start.Before(first) {
			first = pts[0].Start
		}
		if last.IsZero() || pts[len(pts)-1].Start.After(last) {
			last = pts[len(pts)-1].Start
		}
	}
	for i := range series {
		own := map[string]index.TrendPoint{}
		for _, p := range series[i].trend.Points {
			own[p.Period] = p
		}
		var pts []index.TrendPoint
		for _, a := range axis {
			if a.Start.Before(first) || a.Start.After(last) {
				continue
			}
			p, ok := own[a.Period]
			if !ok {
				p = index.TrendPoint{Period: a.Period, Start: a.Start, Total: a.Total}
			}
			pts = append(pts, p)
		}
		series[i].trend.Points = pts
	}
}

// trendKeys are the chart's keys.
type trendKeys struct {
	Close, Left, Right, Start, End, Share, Period, Pin, Unpin, Filter key.Binding
}

func newTrendKeys() trendKeys {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return trendKeys{
		Close:  b([]string{"esc", "t", "q"}, "esc", "back"),
		Left:   b([]string{"left", "h"}, "←/h", "earlier"),
		Right:  b([]string{"right", "l"}, "→/l", "later"),
		Start:  b([]string{"home", "g"}, "g", "first"),
		End:    b([]string{"end", "G"}, "G", "last"),
		Share:  b([]string{"s", "%"}, "s", "counts/share"),
		Period: b([]string{"p"}, "p", "year/month/week/decade"),
		Pin:    b([]string{"P"}, "P", "pin query"),
		Unpin:  b([]string{"u"}, "u", "unpin last"),
		Filter: b([]string{"enter"}, "enter", "filter to period"),
	}
}

func (k trendKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Left, k.Right, k.Filter, k.Share, k.Period, k.Pin, k.Unpin, k.Close}
}
func (k trendKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// periodFilter narrows the results to one period of the chart: by the year
// and month facets for a year, a decade or a month, by the days within it
// for a week (Query.Within: not the pieces dated only to its month or
// year, which overlap it), so that the list holds exactly the pieces of
// the bar.
type periodFilter struct {
	label         string
	years, months []string
}

// applyTo sets q's filters of the period; they replace the sidebar's
// year and month choices (a bar's enter unticks the years, and a year
// ticked replaces the period: Model.filtersChanged).
func (f *periodFilter) applyTo(q *index.Query) {
	if f == nil {
		return
	}
	// with copies hidden, a group is in the bar of the piece standing for
	// it, and the period keeps the groups whose piece is in it, as any
	// period does (index.Query.CollapseCopies; a list of a bar of 1 held
	// 3: the texts of 2019 run again in 2021 too)
	switch {
	case f.years != nil:
		q.Years, q.Months = f.years, nil
	case f.months != nil:
		// the year too: a bar counts the query's pieces whatever the
		// sidebar's years (an attack: YEARS 2019 chosen, 2020-01's bar
		// of 2 listed 0)
		q.Years, q.Months = nil, f.months
	default:
		// a week: its bar counts the pieces dated to its days, not
		// those dated only to its month or year, which overlap it. A
		// period the sidebar chose narrows it (a review: the week
		// replaced it, and the list held a day outside the period its
		// header named); a piece within the week is a day's, so the
		// days of both are exactly the pieces of both. The sidebar's
		// years and months do not (as they do not narrow the bar: YEARS
		// 2010 chosen, 2009-W53's bar of 4 listed 2).
		q.Years, q.Months = nil, nil
		from, to, ok := index.PeriodRange(f.label)
		if ok {
			if !q.From.IsZero() && q.From.After(from) {
				from = q.From
			}
			if !q.To.IsZero() && q.To.Before(to) {
				to = q.To
			}
			q.From, q.To, q.Within = from, to, true
		}
	}
}

func newPeriodFilter(by index.Period, label string) *periodFilter {
	f := &periodFilter{label: label}
	switch by {
	case index.ByYear:
		f.years = []string{label}
	case index.ByDecade:
		for d := range 10 {
			f.years = append(f.years, label[:3]+strconv.Itoa(d))
		}
	case index.ByMonth:
		f.months = []string{label}
	}
	return f
}

// trendsPane is the chart's state.
type trendsPane struct {
	open   bool
	by     index.Period
	share  bool
	pinned []trendSeries
	series []trendSeries  // as last counted: the current query, then the pinned ones
	totals map[string]int // the archive's pieces by period, when a series is cut to dates (trendsMsg)
	cursor int            // a period of the points
	seq    int
	loaded bool
	err    error
	// asked (due), or P pressed (pinDue), while the search had not
	// answered: done when it does (chartWhenResolved)
	due, pinDue bool
}

// update handles a key while the chart is open. What it cannot do itself
// it returns: count again (countTrendsIntent) after a change of the period
// or the pinned queries, pin the current query (pinTrendIntent), filter
// the results to a period (periodIntent, which closes the chart).
func (p trendsPane) update(msg tea.KeyPressMsg, k trendKeys) (trendsPane, intent) {
	n := p.points()
	switch {
	case key.Matches(msg, k.Close):
		p.open = false
	case key.Matches(msg, k.Left):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Right):
		p.cursor = min(p.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.Start):
		p.cursor = 0
	case key.Matches(msg, k.End):
		p.cursor = max(n-1, 0)
	case key.Matches(msg, k.Share):
		p.share = !p.share
	case key.Matches(msg, k.Period):
		p.by = []index.Period{index.ByMonth, index.ByWeek, index.ByDecade, index.ByYear}[p.by]
		p.cursor = 0
		return p, countTrendsIntent{}
	case key.Matches(msg, k.Pin):
		return p, pinTrendIntent{}
	case key.Matches(msg, k.Unpin):
		if len(p.pinned) > 0 {
			p.pinned = p.pinned[:len(p.pinned)-1]
			return p, countTrendsIntent{}
		}
	case key.Matches(msg, k.Filter):
		if p.cursor < n {
			p.open = false
			return p, periodIntent{filter: newPeriodFilter(p.by, p.series[0].trend.Points[p.cursor].Period)}
		}
	}
	return p, nil
}

// pin pins the current query, the oldest pinned one making room.
func (p trendsPane) pin(current trendSeries) (trendsPane, intent) {
	for _, s := range p.pinned {
		if s.label == current.label {
			return p, nil
		}
	}
	if len(p.pinned) == maxPinned {
		p.pinned = p.pinned[1:]
	}
	p.pinned = append(p.pinned, current)
	return p, countTrendsIntent{}
}

// opening opens the chart; the first time, on the period that suits the
// archive.
func (p trendsPane) opening(ts TrendSearcher) trendsPane {
	if !p.open && !p.loaded {
		p.by = ts.AutoPeriod(120)
	}
	p.open = true
	return p
}

// ask is a new request for the counts: the series to count, by which
// period, and its number (an older answer is dropped).
func (p *trendsPane) ask(current trendSeries) ([]trendSeries, index.Period, int) {
	p.seq++
	return p.request(current), p.by, p.seq
}

// request lists the queries to count: the current one unless pinned, then
// the pinned ones.
func (p trendsPane) request(current trendSeries) []trendSeries {
	out := []trendSeries{current}
	for _, s := range p.pinned {
		if s.label != current.label {
			out = append(out, s)
		}
	}
	return out
}

func (p trendsPane) points() int {
	if len(p.series) == 0 {
		return 0
	}
	return len(p.series[0].trend.Points)
}

// got takes an answer when it is the latest asked for.
func (p trendsPane) got(msg trendsMsg) trendsPane {
	if msg.seq != p.seq {
		return p
	}
	p.loaded, p.err = true, msg.err
	if msg.err == nil {
		p.series, p.totals = msg.series, msg.totals
		if n := p.points(); p.cursor >= n || p.cursor == 0 {
			// start on the peak of the current query
			p.cursor = max(p.series[0].trend.Peak(p.share), 0)
			if n > 0 && p.cursor >= n {
				p.cursor = n - 1
			}
		}
	}
	return p
}

func sumPoints(t index.Trend) int {
	n := 0
	for _, p := range t.Points {
		n += p.Count
	}
	return n
}

// Root glue: opening the chart, its keys and its answers.

// currentTrendSeries is the query of the results as a series.
func (m Model) currentTrendSeries() trendSeries {
	// the query without the chart's period (a bar's enter), which a week's
	// dates would cut the chart to, and a year's or month's not (a read of
	// the change: the chart's span hung on the kind of bar chosen); its
	// Reading filters as the search resolved them (query, once its first
	// page is back)
	q := m.chartQuery
	q.IDs, q.ExcludeIDs, q.Mode = m.query.IDs, m.query.ExcludeIDs, m.query.Mode
	q.Offset, q.Limit, q.Sort = 0, 0, index.SortRelevance
	label := q.Text
	if label == "" {
		label = "all pieces"
	}
	// the sidebar's filters the chart counts by: not its years, which
	// Trend sets aside for the periods (a review: the legend read "all
	// pieces · year:2019 4", the whole archive's 4)
	sb := m.sidebar
	sb.yearsAside = true
	if f := sb.summary(); f != "" {
		label += " · " + f
	}
	return trendSeries{label: label, query: q}
}

// openTrends opens the chart on the current query.
func (m *Model) openTrends() tea.Cmd {
	ts, ok := m.searcher.(TrendSearcher)
	if !ok {
		return m.status.set("This index cannot count pieces over time", true)
	}
	m.trends = m.trends.opening(ts)
	return m.fetchTrends()
}

// fetchTrends asks for the chart's counts of the current query as its
// search resolved it. While the search has not answered, its Reading
// filters are not resolved into pieces yet (baseQuery has them as chosen)
// and the chart would count every piece (a helper's report: Starred
// listed 1, the chart counted the archive's 4 after the archive changed,
// whose refresh asked it again as its search started): the chart is asked
// when the answer comes (chartWhenResolved), an answer on its way,
// counted by the period or the pins as they were, dropped.
func (m *Model) fetchTrends() tea.Cmd {
	ts, ok := m.searcher.(TrendSearcher)
	if !ok {
		return nil
	}
	if !m.resolved() {
		m.trends.seq++
		m.trends.due = true
		return nil
	}
	m.trends.due = false
	series, by, seq := m.trends.ask(m.currentTrendSeries())
	return trendsCmd(m.searchCtx, ts, series, by, seq)
}

// pinTrend pins the current query (P) as its search resolved it: P
// pressed before the answer pins it when the answer comes (a pin of the
// unresolved query counts every piece for good).
func (m *Model) pinTrend() tea.Cmd {
	if !m.resolved() {
		m.trends.pinDue = true
		return nil
	}
	var in intent
	m.trends, in = m.trends.pin(m.currentTrendSeries())
	return m.do(in)
}

// chartWhenResolved does what the chart and the words were asked while
// the search had not answered (fetchTrends, pinTrend, fetchTerms), now
// that it has: gotResults calls it.
func (m *Model) chartWhenResolved() tea.Cmd {
	var cmds []tea.Cmd
	if m.trends.pinDue {
		m.trends.pinDue = false
		cmds = append(cmds, m.pinTrend())
	}
	if m.trends.due && m.trends.open {
		cmds = append(cmds, m.fetchTrends())
	}
	if m.words.due && m.words.open {
		cmds = append(cmds, m.fetchTerms())
	}
	return tea.Batch(cmds...)
}
