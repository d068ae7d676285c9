package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/folio-tui/folio/index"
)

// The sidebar's timeline: the results spread over years (or the months of
// one year) as a line of bars under the facets, whose bars choose a period.

// period is a span of time chosen on the timeline. Choosing one narrows the
// results with Query.From/To (a restriction, not a facet filter), so the
// facets and the timeline then show that period only: choosing a year shows
// its months, which can be chosen in turn.
type period struct {
	label    string    // "2017", "2017-09", or "2016–2018" for a squeezed bar
	from, to time.Time // whole days, inclusive
	// within keeps only the pieces whose dates lie wholly in it (a saved
	// search's --within); else those whose dates overlap it
	within bool
}

func (p period) isZero() bool { return p.label == "" }

// timelineHeight is the lines the timeline takes under the facets, when the
// sidebar is tall enough to spare them. A single year says nothing, except
// when it is chosen (on the timeline or under YEARS): then it stays, to show
// and unchoose it; a single month stays too (the results of one month).
func (s sidebar) timelineHeight() int {
	buckets := s.timelineBuckets()
	n := len(buckets)
	single := n == 1 && (!s.period.isZero() || len(s.chosen[groupYears]) > 0 || len(buckets[0].label) == 7)
	if s.height < 14 || n < 2 && !single {
		return 0
	}
	return 4
}

// timelineWidth is the cells the bars may take: the sidebar's text width
// (its width less a space and the border) less a margin either side.
func (s sidebar) timelineWidth() int { return s.width - 2 - 2 }

// timelineLaid is the timeline of the sidebar's facets at its width: its
// buckets and bars, laid when the facets or the width change
// (layTimeline, from setFacets and setSize) and drawn at every frame. A
// frame made them anew, the buckets four times (232 years of SOTU: 3,137
// allocations a frame of the sidebar, 530 µs; BenchmarkSidebarFrame).
// The bars are shared by copies of the sidebar and never changed.
type timelineLaid struct {
	laid    bool
	width   int // timelineWidth when laid
	buckets []timelineBucket
	bars    []timelineBar
}

// layTimeline lays the timeline of the facets at the sidebar's width.
func (s *sidebar) layTimeline() {
	s.tl = timelineLaid{laid: true, width: s.timelineWidth(), buckets: timelineBuckets(s.facets)}
	s.tl.bars = s.countedBars(s.tl.buckets, s.tl.width)
}

// timelineBuckets are the buckets of the facets: those laid, or made for
// a sidebar never given its facets by setFacets (a test's).
func (s sidebar) timelineBuckets() []timelineBucket {
	if s.tl.laid {
		return s.tl.buckets
	}
	return timelineBuckets(s.facets)
}

// timelineBars are the bars on screen. A bar of several years counts what
// choosing it finds (index.Facets.YearsCount): with copies hidden, a group
// whose copies ran in two of its years once, not the sum of its years.
func (s sidebar) timelineBars() []timelineBar { return s.barsAt(s.timelineWidth()) }

// barsAt are the bars of the timeline at width cells: those laid when it
// is their width.
func (s sidebar) barsAt(width int) []timelineBar {
	if s.tl.laid && s.tl.width == width {
		return s.tl.bars
	}
	return s.countedBars(s.timelineBuckets(), width)
}

// countedBars are the bars of buckets, the facets', at width cells, each
// bar of several years counted as timelineBars says: what the timeline
// draws and what its keys move over are these.
func (s sidebar) countedBars(buckets []timelineBucket, width int) []timelineBar {
	bars := timelineBars(buckets, width)
	for i, b := range bars {
		first, last, ok := strings.Cut(b.label, "–")
		if !ok || len(first) != 4 || len(last) != 4 || atoiOr(first) == 0 || atoiOr(last) < atoiOr(first) {
			continue
		}
		var years []string
		for y := atoiOr(first); y <= atoiOr(last); y++ {
			years = append(years, fmt.Sprint(y))
		}
		bars[i].count = s.facets.YearsCount(years)
	}
	return bars
}

// barAt maps a point of the sidebar (x, y from its top left) to a timeline
// bar.
func (s sidebar) barAt(x, y int) (int, bool) {
	if s.timelineHeight() == 0 || y != s.filterHeight()+s.listHeight()+2 {
		return 0, false
	}
	bars := s.timelineBars()
	if len(bars) == 0 || x < 1 {
		return 0, false
	}
	i := (x - 1) / bars[0].cells
	return i, i < len(bars)
}

// timelineBucket is one bar of the timeline.
type timelineBucket struct {
	label string
	count int
}

// timelineBuckets spreads the results over years, or over the months of the
// one year they fall in, with empty periods in between kept as zeros so the
// bars are a true time axis.
func timelineBuckets(f index.Facets) []timelineBucket {
	years := sortedFacet(f.Years)
	if len(years) >= 2 {
		first, last := atoiOr(years[0].Value), atoiOr(years[len(years)-1].Value)
		if first > 0 && last >= first && last-first < 1000 {
			counts := map[int]int{}
			for _, y := range years {
				counts[atoiOr(y.Value)] += y.Count
			}
			out := make([]timelineBucket, 0, last-first+1)
			for y := first; y <= last; y++ {
				out = append(out, timelineBucket{label: fmt.Sprint(y), count: counts[y]})
			}
			return out
		}
	}
	months := sortedFacet(f.Months)
	if len(months) == 0 {
		return nil
	}
	firstY, firstM, ok1 := parseMonth(months[0].Value)
	lastY, lastM, ok2 := parseMonth(months[len(months)-1].Value)
	if !ok1 || !ok2 {
		return nil
	}
	counts := map[string]int{}
	for _, m := range months {
		counts[m.Value] += m.Count
	}
	var out []timelineBucket
	for y, m := firstY, firstM; (y < lastY || y == lastY && m <= lastM) && len(out) < 1200; {
		label := fmt.Sprintf("%04d-%02d", y, m)
		out = append(out, timelineBucket{label: label, count: counts[label]})
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// isMonthLabel reports whether a bar is one month's (2021-02), not a
// year's or several periods' (1950–1953: a review found the year-only
// pieces added to squeezed year bars, which count them already).
func isMonthLabel(l string) bool {
	_, _, ok := parseMonth(l)
	return ok && len(l) == 7
}

func sortedFacet(v []index.FacetValue) []index.FacetValue {
	out := slices.Clone(v)
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

func atoiOr(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func parseMonth(s string) (year, month int, ok bool) {
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	year, month = atoiOr(s[:4]), atoiOr(s[5:])
	return year, month, year > 0 && month >= 1 && month <= 12
}

// bucketPeriod is the span of a bucket label: a year or a month.
func bucketPeriod(label string) (from, to time.Time, ok bool) {
	if len(label) == 4 {
		if y := atoiOr(label); y > 0 {
			from = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			return from, from.AddDate(1, 0, -1), true
		}
	}
	if y, m, ok := parseMonth(label); ok {
		from = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 1, -1), true
	}
	return time.Time{}, time.Time{}, false
}

// timelineBar is one bar on screen: one bucket, or several squeezed
// together when there are more buckets than cells.
type timelineBar struct {
	period
	count int
	cells int // width on screen
}

// timelineBars groups buckets into at most width bars (summing the counts
// of buckets squeezed together) and widens each bar (up to 3 cells) when
// there are few.
func timelineBars(buckets []timelineBucket, width int) []timelineBar {
	if width <= 0 || len(buckets) == 0 {
		return nil
	}
	n := min(len(buckets), width)
	cell := barWidth(len(buckets), width)
	bars := make([]timelineBar, n)
	first := make([]string, n)
	for i, b := range buckets {
		g := i * n / len(buckets)
		bars[g].count += b.count
		from, to, ok := bucketPeriod(b.label)
		if first[g] == "" {
			first[g] = b.label
			bars[g].label, bars[g].from = b.label, from
		} else {
			bars[g].label = first[g] + "–" + b.label
		}
		if ok {
			bars[g].to = to
		}
	}
	for i := range bars {
		bars[i].cells = cell
	}
	return bars
}

// sparkChars are the bar heights, lowest first.
const sparkChars = "▁▂▃▄▅▆▇█"

// sparkline draws the bars as one line; bar cursor (-1 for none) in the
// cursor style, the chosen ones (chosen[i]; nil for none) in chosenStyle,
// the rest in style.
func sparkline(bars []timelineBar, cursor int, chosen []bool, style, chosenStyle, cursorStyle lipgloss.Style) string {
	if len(bars) == 0 {
		return ""
	}
	peak := 0
	for _, b := range bars {
		peak = max(peak, b.count)
	}
	sparkLevels := []rune(sparkChars)
	var sb strings.Builder
	for i, b := range bars {
		bar := ' '
		if b.count > 0 && peak > 0 {
			level := (b.count*len(sparkLevels) - 1) / peak // 1..peak -> 0..7
			bar = sparkLevels[min(level, len(sparkLevels)-1)]
		}
		cells := strings.Repeat(string(bar), b.cells)
		switch {
		case i == cursor:
			sb.WriteString(cursorStyle.Render(cells))
		case i < len(chosen) && chosen[i]:
			sb.WriteString(chosenStyle.Render(cells))
		default:
			sb.WriteString(style.Render(cells))
		}
	}
	return sb.String()
}

// barWidth is the cells per timeline bar.
func barWidth(buckets, width int) int {
	if buckets <= 0 || buckets > width {
		return 1
	}
	return min(width/buckets, 3)
}

// timelineView is the timeline block: a header with the chosen period or
// the busiest one, the bars (bar cursor under the cursor; -1 for none), and
// under them the first and last period, or the period under the cursor.
func (s sidebar) timelineView(w, cursor int, st Styles) []string {
	buckets := s.timelineBuckets()
	if len(buckets) == 0 || w < 6 {
		return nil
	}
	inner := w - 2
	bars := s.barsAt(inner)
	// the peak of the bars drawn (a bar may hold several years), and how
	// many are as high: the first of equal bars alone named a peak that
	// folio trends did not (a helper's report)
	peak, ties := 0, 0
	for i, b := range bars {
		switch {
		case b.count > bars[peak].count:
			peak, ties = i, 0
		case i != peak && b.count == bars[peak].count:
			ties++
		}
	}
	peakNote := "  peak " + bars[peak].label
	if ties > 0 {
		peakNote += fmt.Sprintf(" +%d", ties)
	}
	note := st.TimelineAxis.Render(peakNote)
	switch {
	case !s.period.isZero():
		note = "  " + st.FacetChosen.Render("◉ "+s.period.label)
	case len(s.chosen[groupYears]) > 0:
		note = "  " + st.FacetChosen.Render("◉ "+strings.Join(s.chosen[groupYears], " "))
	}
	header := st.GroupHeader.Render(" TIMELINE") + truncateCells(note, max(w-9, 0))
	barLine := " " + sparkline(bars, cursor, s.chosenBars(bars), st.Timeline, st.FacetChosen, st.FacetCursor)
	if cursor >= 0 && cursor < len(bars) {
		// Under the cursor: what enter would choose.
		b := bars[cursor]
		what := fmt.Sprintf("%s: %s", b.label, plural(b.count, "piece"))
		if isMonthLabel(b.label) {
			// a month's bar: enter finds the pieces dated only to its
			// year as well (their period overlaps the month's); with
			// copies hidden, a group once (index.Facets.NoMonth)
			if n := s.facets.NoMonth(b.label); n > 0 {
				what = fmt.Sprintf("%s: %d + %d no month", b.label, b.count, n)
			}
		}
		if s.facetsEstimated {
			what = strings.Replace(what, ": ", ": "+estimatedMark, 1) // as the rows mark their counts
		}
		if b.label == s.period.label {
			what += " ◉"
		}
		return []string{header, barLine, " " + st.FacetChosen.Render(truncateCells(what, inner))}
	}
	first, last := buckets[0].label, buckets[len(buckets)-1].label
	axis := first
	barsWidth := min(len(buckets), inner) * barWidth(len(buckets), inner)
	axisWidth := max(barsWidth, min(inner, len(first)+len(last)+1))
	if gap := axisWidth - len(first) - len(last); gap >= 1 && first != last {
		axis = first + strings.Repeat(" ", gap) + last
	}
	return []string{header, barLine, " " + st.TimelineAxis.Render(truncateCells(axis, inner))}
}
