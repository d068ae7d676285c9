package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/folio-tui/folio/archive"
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
		return trendsMsg{seq: seq, series: out}
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
// and month facets for a year, a decade or a month (so that the list
// holds exactly the pieces of the bar), by date range for a week (which
// also keeps pieces dated only to the week's month or year: the index has
// no week filter).
type periodFilter struct {
	label         string
	years, months []string
}

// applyTo sets q's filters of the period; they replace the sidebar's
// year and month choices for the time of the filter.
func (f *periodFilter) applyTo(q *index.Query) {
	if f == nil {
		return
	}
	switch {
	case f.years != nil:
		q.Years, q.Months = f.years, nil
	case f.months != nil:
		q.Months = f.months
	default:
		from, to, ok := index.PeriodRange(f.label)
		if ok {
			q.From, q.To = from, to
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
	series []trendSeries // as last counted: the current query, then the pinned ones
	cursor int           // a period of the points
	seq    int
	loaded bool
	err    error
}

// update handles a key while the chart is open. What it cannot do itself
// it returns: count again (countTrendsIntent) after a change of the period
// or the pinned queries, filter the results to a period (periodIntent,
// which closes the chart).
func (p trendsPane) update(msg tea.KeyPressMsg, k trendKeys, current trendSeries) (trendsPane, intent) {
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
		return p.pin(current)
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
		p.series = msg.series
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

// seriesGlyphs tell the series apart without colour (NO_COLOR), and
// seriesColours with it: the Okabe–Ito palette, safe for the common
// colour-vision deficiencies.
var (
	seriesGlyphs  = []string{"█", "▒", "░", "▚", "▓"}
	seriesColours = []string{"#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442"}
)

// view draws the chart in w×h cells.
func (p trendsPane) view(w, h int, st Styles, noColor bool) string {
	if w < 20 || h < 8 {
		return fitCells("Too small for the chart", w)
	}
	var head []string
	what := "pieces"
	if p.share {
		what = "share of the period's pieces"
	}
	head = append(head, st.ReaderTitle.Render(fmt.Sprintf("Attention over time · %s per %s", what, p.by)))
	switch {
	case p.err != nil:
		return strings.Join(append(head, "", st.Error.Render(archive.SanitizeLine(p.err.Error()))), "\n")
	case !p.loaded:
		return strings.Join(append(head, "", st.Count.Render("counting…")), "\n")
	case p.points() == 0:
		return strings.Join(append(head, "", "No piece of the archive is dated to the "+p.by.String()+": p changes the period."), "\n")
	}
	style := func(i int) lipgloss.Style {
		s := lipgloss.NewStyle()
		if !noColor {
			s = s.Foreground(lipgloss.Color(seriesColours[i%len(seriesColours)]))
		}
		return s
	}
	glyph := func(i int) string { return seriesGlyphs[i%len(seriesGlyphs)] }
	// legend: glyph, query, total; the not-placed pieces said plainly
	var legend []string
	for i, s := range p.series {
		t := s.trend
		extra := ""
		if n := t.Matched() - sumPoints(t); n > 0 {
			extra = fmt.Sprintf(", %d dated less precisely", n)
		}
		legend = append(legend, style(i).Render(strings.Repeat(glyph(i), 2))+" "+truncateCells(archive.SanitizeLine(s.label), 30)+
			st.Count.Render(fmt.Sprintf(" %d%s", t.Matched(), extra)))
	}
	head = append(head, truncateCells(strings.Join(legend, "   "), w))

	value := func(tp index.TrendPoint) float64 {
		if p.share {
			return tp.Share()
		}
		return float64(tp.Count)
	}
	top := 0.0
	for _, s := range p.series {
		for _, tp := range s.trend.Points {
			top = max(top, value(tp))
		}
	}
	format := func(v float64) string {
		if p.share {
			return strconv.FormatFloat(100*v, 'f', 0, 64) + "%"
		}
		return strconv.Itoa(int(v))
	}
	const axisW = 6
	ns := len(p.series)
	group := ns + 1 // a column per series and a gap
	plotW := w - axisW - 1
	visible := max(plotW/group, 1)
	n := p.points()
	first := min(max(p.cursor-visible/2, 0), max(n-visible, 0))
	last := min(first+visible, n)
	chartH := max(h-len(head)-5, 3)

	var rows []string
	peak := p.series[0].trend.Peak(p.share)
	// the peak marker row
	var mark strings.Builder
	mark.WriteString(strings.Repeat(" ", axisW+1))
	for i := first; i < last; i++ {
		c := " "
		if i == peak {
			c = "▼"
		}
		mark.WriteString(c + strings.Repeat(" ", group-1))
	}
	rows = append(rows, mark.String())
	for r := chartH; r >= 1; r-- {
		var b strings.Builder
		label := ""
		switch r {
		case chartH:
			label = format(top)
		case (chartH + 1) / 2:
			label = format(top / 2)
		}
		b.WriteString(fmt.Sprintf("%*s│", axisW, label))
		for i := first; i < last; i++ {
			for j, s := range p.series {
				cells := 0
				if top > 0 {
					v := value(s.trend.Points[i])
					cells = int(v/top*float64(chartH) + 0.5)
					if v > 0 && cells == 0 {
						cells = 1
					}
				}
				if cells >= r {
					b.WriteString(style(j).Render(glyph(j)))
				} else {
					b.WriteString(" ")
				}
			}
			b.WriteString(" ")
		}
		rows = append(rows, b.String())
	}
	// the axis, the cursor and the period labels
	var axis, cur strings.Builder
	axis.WriteString(fmt.Sprintf("%*s└", axisW, "0"))
	cur.WriteString(strings.Repeat(" ", axisW+1))
	for i := first; i < last; i++ {
		axis.WriteString(strings.Repeat("─", group))
		c := " "
		if i == p.cursor {
			c = "▲"
		}
		cur.WriteString(c + strings.Repeat(" ", group-1))
	}
	rows = append(rows, axis.String(), cur.String())
	labels := []rune(strings.Repeat(" ", w))
	put := func(at int, s string) bool {
		if at+len(s) > len(labels) {
			return false
		}
		for k := at; k < at+len(s)+1 && k < len(labels); k++ {
			if labels[k] != ' ' {
				return false
			}
		}
		copy(labels[at:], []rune(s))
		return true
	}
	pts := p.series[0].trend.Points
	put(axisW+1+(p.cursor-first)*group, pts[p.cursor].Period)
	for i := first; i < last; i++ {
		put(axisW+1+(i-first)*group, pts[i].Period)
	}
	rows = append(rows, strings.TrimRight(string(labels), " "))

	// the period under the cursor
	tp := pts[p.cursor]
	info := []string{fmt.Sprintf("%s: %d pieces in the archive", tp.Period, tp.Total)}
	for i, s := range p.series {
		c := s.trend.Points[p.cursor]
		info = append(info, fmt.Sprintf("%s %s %d (%.1f%%)", glyph(i), truncateCells(archive.SanitizeLine(s.label), 20), c.Count, 100*c.Share()))
	}
	if peak >= 0 {
		info = append(info, "peak "+pts[peak].Period)
	}
	out := append(head, rows...)
	out = append(out, truncateCells(strings.Join(info, " · "), w))
	for i := range out {
		out[i] = truncateCells(out[i], w)
	}
	return strings.Join(out, "\n")
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
	q := m.query
	q.Offset, q.Limit, q.Sort = 0, 0, index.SortRelevance
	label := q.Text
	if label == "" {
		label = "all pieces"
	}
	if f := m.sidebar.summary(); f != "" {
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
	if !m.trends.open && !m.trends.loaded {
		m.trends.by = ts.AutoPeriod(120)
	}
	m.trends.open = true
	return m.fetchTrends()
}

func (m *Model) fetchTrends() tea.Cmd {
	ts, ok := m.searcher.(TrendSearcher)
	if !ok {
		return nil
	}
	m.trends.seq++
	return trendsCmd(m.searchCtx, ts, m.trends.request(m.currentTrendSeries()), m.trends.by, m.trends.seq)
}
