package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/index"
)

// facetGroup is one block of the sidebar.
type facetGroup int

const (
	groupReading facetGroup = iota // the reader's own marks: starred, unread
	groupOutlets
	groupAuthors
	groupTags
	groupYears
	groupKinds
	groupCount
)

func (g facetGroup) title() string {
	switch g {
	case groupReading:
		return "READING"
	case groupOutlets:
		return "OUTLETS"
	case groupAuthors:
		return "AUTHORS"
	case groupTags:
		return "TAGS"
	case groupYears:
		return "YEARS"
	case groupKinds:
		return "KIND"
	}
	return ""
}

// prefix is the query-language field of the group, used in the summary of
// active filters ("tag:mi5").
func (g facetGroup) prefix() string {
	switch g {
	case groupReading:
		return "is"
	case groupOutlets:
		return "outlet"
	case groupAuthors:
		return "author"
	case groupTags:
		return "tag"
	case groupYears:
		return "year"
	case groupKinds:
		return "kind"
	}
	return ""
}

// The values of the Reading group.
const (
	readingStarred = "starred"
	readingUnread  = "unread"
)

// unknownCount is a count not known yet (the Reading counts arrive after
// the results).
const unknownCount = -1

// sidebarEntry is one line of the facet list: a group header or a value.
type sidebarEntry struct {
	group  facetGroup
	value  string
	count  int
	header bool
	// decade is a YEARS entry that stands for a decade's years ("1990s"):
	// enter shows or hides them (see decades.go).
	decade bool
	inner  bool // a year shown under its decade
}

// label is what the entry shows: the value, or for the Reading group the
// mark the result list uses for it, so that the sidebar explains the marks.
func (e sidebarEntry) label() string {
	if e.group == groupReading {
		switch e.value {
		case readingStarred:
			return starMark + " Starred"
		case readingUnread:
			return unreadMark + " Unread"
		}
	}
	if e.inner {
		return "  " + oneLine(e.value)
	}
	return oneLine(e.value)
}

// readingFilter is what the Reading group asks of the results. Both may be
// on: then the results are the starred pieces not read yet.
type readingFilter struct{ starred, unread bool }

func (f readingFilter) active() bool { return f.starred || f.unread }

// period is a span of time chosen on the timeline. Choosing one narrows the
// results with Query.From/To (a restriction, not a facet filter), so the
// facets and the timeline then show that period only: choosing a year shows
// its months, which can be chosen in turn.
type period struct {
	label    string    // "2017", "2017-09", or "2016–2018" for a squeezed bar
	from, to time.Time // whole days, inclusive
}

func (p period) isZero() bool { return p.label == "" }

// sidebar shows the reader's own marks (starred, unread) and the facets of
// the current results, lets the user select values (several per group: they
// are ORed; groups are ANDed) and draws a small timeline of the results
// whose bars can be chosen to narrow the results to a period.
type sidebar struct {
	facets  index.Facets
	chosen  [groupCount][]string // selected values per group, in selection order
	entries []sidebarEntry
	cursor  int // index into entries; never a header when there are values
	offset  int // first entry on screen

	// The Reading group, shown once the reading state is open.
	hasReading        bool
	starredN, unreadN int // unknownCount until the counts arrive

	// The timeline.
	period     period // chosen on it; zero for none
	inTimeline bool   // the cursor is on the timeline's bars
	bar        int    // the bar under the cursor

	// YEARS by decade (when there are many years): the decades open.
	openDecades map[string]bool

	// queryText is the query text of the facets shown; facets of another
	// text put the sidebar back at its top (toTop).
	queryText string
	toTop     bool

	// The filter typed with / (see sidebarfilter.go): only values that
	// contain it are shown.
	filter    string
	filtering bool // the filter is being typed

	width, height int
	focused       bool
}

// sidebarWidth is the sidebar's width including its right border.
const sidebarWidth = 28

func (s *sidebar) setSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	s.follow()
}

func (s sidebar) isChosen(g facetGroup, v string) bool { return slices.Contains(s.chosen[g], v) }

// showReading adds the Reading group (once the reading state is open).
// The state opens a moment after start-up, before or after the first
// results: either way the cursor starts on the group's first value, as it
// would had the group been there from the start.
func (s *sidebar) showReading() {
	s.hasReading = true
	s.starredN, s.unreadN = unknownCount, unknownCount
	s.rebuild()
	s.cursor, s.offset = 0, 0
	s.fixCursor(1)
	s.follow()
}

// setReadingCounts shows how many of the current results are starred and
// unread.
func (s *sidebar) setReadingCounts(starred, unread int) {
	s.starredN, s.unreadN = starred, unread
	for i, e := range s.entries {
		switch {
		case e.group != groupReading || e.header:
		case e.value == readingStarred:
			s.entries[i].count = starred
		case e.value == readingUnread:
			s.entries[i].count = unread
		}
	}
}

// readingFilter is the Reading group's selection.
func (s sidebar) readingFilter() readingFilter {
	return readingFilter{
		starred: s.isChosen(groupReading, readingStarred),
		unread:  s.isChosen(groupReading, readingUnread),
	}
}

// setFacets shows new counts, keeping the cursor on the same value.
func (s *sidebar) setFacets(f index.Facets) {
	var keep *sidebarEntry
	if s.cursor >= 0 && s.cursor < len(s.entries) {
		e := s.entries[s.cursor]
		keep = &e
	}
	keepBar := ""
	if bars := s.timelineBars(); s.bar >= 0 && s.bar < len(bars) {
		keepBar = bars[s.bar].label
	}
	s.facets = f
	s.rebuild()
	if keep != nil {
		for i, e := range s.entries {
			if e.group == keep.group && e.value == keep.value && e.header == keep.header {
				s.cursor = i
				break
			}
		}
	}
	if s.toTop {
		// another query: its groups from the top, not where the last one was
		s.toTop, s.cursor, s.offset, s.inTimeline = false, 0, 0, false
	}
	s.fixCursor(1)
	if s.inTimeline && s.timelineHeight() == 0 {
		s.inTimeline = false // the timeline went away with these results
	}
	// The timeline cursor stays on its period; when that is gone (the
	// timeline changed from years to months), it goes to the latest.
	bars := s.timelineBars()
	s.bar = max(len(bars)-1, 0)
	for i, b := range bars {
		if b.label == keepBar {
			s.bar = i
		}
	}
	s.follow()
}

// newQuery tells the sidebar the query text of the facets it is given next:
// when the text changed, they are shown from the top.
func (s *sidebar) newQuery(text string) {
	if text != s.queryText {
		s.queryText, s.toTop = text, true
	}
}

// rebuild lays out the entries: for each group its header, then the values
// with counts, plus chosen values that the current results no longer
// contain (count 0), so that they can still be unselected.
func (s *sidebar) rebuild() {
	s.entries = s.entries[:0]
	if s.hasReading {
		// Always both, even at 0: they are filters, not facets of the results.
		s.entries = append(s.entries,
			sidebarEntry{group: groupReading, header: true},
			sidebarEntry{group: groupReading, value: readingStarred, count: s.starredN},
			sidebarEntry{group: groupReading, value: readingUnread, count: s.unreadN})
	}
	groups := [groupCount][]index.FacetValue{
		groupOutlets: s.facets.Outlets,
		groupAuthors: s.facets.Authors,
		groupTags:    s.facets.Tags,
		groupYears:   reversed(s.facets.Years), // newest year first
		groupKinds:   s.facets.Kinds,
	}
	for g := groupOutlets; g < groupCount; g++ {
		values := groups[g]
		for _, c := range s.chosen[g] {
			if !slices.ContainsFunc(values, func(v index.FacetValue) bool { return v.Value == c }) {
				values = append(values, index.FacetValue{Value: c})
			}
		}
		// A kind or author facet with a single value says nothing.
		if (g == groupKinds || g == groupAuthors) && len(values) < 2 && len(s.chosen[g]) == 0 {
			continue
		}
		values = s.filtered(g, values)
		if len(values) == 0 {
			continue
		}
		s.entries = append(s.entries, sidebarEntry{group: g, header: true})
		if g == groupYears && len(groups[g]) > maxYears && s.filter == "" {
			s.entries = append(s.entries, s.decadeEntries(values)...)
			continue
		}
		for _, v := range values {
			s.entries = append(s.entries, sidebarEntry{group: g, value: v.Value, count: v.Count})
		}
	}
}

func reversed(v []index.FacetValue) []index.FacetValue {
	out := slices.Clone(v)
	slices.Reverse(out)
	return out
}

// fixCursor moves the cursor off headers, in direction dir.
func (s *sidebar) fixCursor(dir int) {
	if len(s.entries) == 0 {
		s.cursor = 0
		return
	}
	s.cursor = min(max(s.cursor, 0), len(s.entries)-1)
	for i := s.cursor; i >= 0 && i < len(s.entries); i += dir {
		if !s.entries[i].header {
			s.cursor = i
			return
		}
	}
	for i := s.cursor; i >= 0 && i < len(s.entries); i -= dir {
		if !s.entries[i].header {
			s.cursor = i
			return
		}
	}
}

// move moves the cursor by delta values. Moving down past the last value
// enters the timeline (when it is shown); moving up leaves it.
func (s *sidebar) move(delta int) {
	if s.inTimeline {
		if delta < 0 {
			s.inTimeline = false
			s.follow()
		}
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	moved := false
	for n := 0; n < abs(delta) && len(s.entries) > 0; n++ {
		next := s.cursor + dir
		for next >= 0 && next < len(s.entries) && s.entries[next].header {
			next += dir
		}
		if next < 0 || next >= len(s.entries) {
			break
		}
		s.cursor, moved = next, true
	}
	if !moved && dir > 0 && s.timelineHeight() > 0 {
		s.inTimeline = true
		s.bar = len(s.timelineBars()) - 1 // the latest period first
	}
	s.follow()
}

// moveBar moves the timeline cursor by delta bars.
func (s *sidebar) moveBar(delta int) {
	if !s.inTimeline {
		return
	}
	s.bar = min(max(s.bar+delta, 0), max(len(s.timelineBars())-1, 0))
}

func (s *sidebar) moveTo(i int) {
	s.inTimeline = false
	s.cursor = i
	dir := 1
	if i >= len(s.entries)-1 {
		dir = -1
	}
	s.fixCursor(dir)
	s.follow()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// toggle selects or unselects the value under the cursor. It reports
// whether the filters changed.
func (s *sidebar) toggle() bool {
	if s.inTimeline {
		return s.toggleBar(s.bar)
	}
	if s.cursor < 0 || s.cursor >= len(s.entries) || s.entries[s.cursor].header {
		return false
	}
	e := s.entries[s.cursor]
	if e.decade {
		s.openDecade(e.value, !s.decadeOpen(e.value))
		return false
	}
	if i := slices.Index(s.chosen[e.group], e.value); i >= 0 {
		s.chosen[e.group] = slices.Delete(s.chosen[e.group], i, i+1)
	} else {
		s.chosen[e.group] = append(s.chosen[e.group], e.value)
	}
	s.rebuild()
	s.follow()
	return true
}

// toggleBar chooses the period of timeline bar i, or unchooses it when it
// is the period chosen already. It reports whether the filters changed.
func (s *sidebar) toggleBar(i int) bool {
	bars := s.timelineBars()
	if i < 0 || i >= len(bars) {
		return false
	}
	s.bar = i
	if p := bars[i].period; p.label == s.period.label {
		s.period = period{}
	} else {
		s.period = p
	}
	return true
}

// clear unselects everything and reports whether anything was selected.
func (s *sidebar) clear() bool {
	had := s.anyChosen()
	s.chosen = [groupCount][]string{}
	s.period = period{}
	s.rebuild()
	s.fixCursor(1)
	s.follow()
	return had
}

func (s sidebar) anyChosen() bool {
	if !s.period.isZero() {
		return true
	}
	for _, c := range s.chosen {
		if len(c) > 0 {
			return true
		}
	}
	return false
}

// applyTo copies the selection into a query. The Reading group is not a
// field of the index: the root resolves it into IDs (see readingFilter).
func (s sidebar) applyTo(q *index.Query) {
	q.Outlets = slices.Clone(s.chosen[groupOutlets])
	q.Authors = slices.Clone(s.chosen[groupAuthors])
	q.Tags = slices.Clone(s.chosen[groupTags])
	q.Years = slices.Clone(s.chosen[groupYears])
	q.Kinds = slices.Clone(s.chosen[groupKinds])
	q.From, q.To = s.period.from, s.period.to
}

// summary lists the active filters: "is:starred tag:mi5 date:2017-09".
func (s sidebar) summary() string { return strings.Join(s.summaryParts(), " ") }

// summaryParts are the active filters, one by one.
func (s sidebar) summaryParts() []string {
	var parts []string
	for g := facetGroup(0); g < groupCount; g++ {
		for _, v := range s.chosen[g] {
			parts = append(parts, g.prefix()+":"+oneLine(v))
		}
	}
	if !s.period.isZero() {
		parts = append(parts, "date:"+s.period.label)
	}
	return parts
}

// timelineHeight is the lines the timeline takes under the facets, when the
// sidebar is tall enough to spare them. A single year says nothing, except
// when it is chosen (on the timeline or under YEARS): then it stays, to show
// and unchoose it; a single month stays too (the results of one month).
func (s sidebar) timelineHeight() int {
	buckets := timelineBuckets(s.facets)
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

// timelineBars are the bars on screen.
func (s sidebar) timelineBars() []timelineBar {
	return timelineBars(timelineBuckets(s.facets), s.timelineWidth())
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

// listHeight is the lines left for the facet entries.
func (s sidebar) listHeight() int { return max(s.height-s.timelineHeight()-s.filterHeight(), 0) }

// follow keeps the cursor on screen, with its group's header when possible.
func (s *sidebar) follow() {
	h := s.listHeight()
	s.cursor = min(max(s.cursor, 0), max(len(s.entries)-1, 0))
	if h <= 0 || len(s.entries) == 0 {
		s.offset = 0
		return
	}
	top := s.cursor
	if top > 0 && s.entries[top-1].header {
		top--
	}
	if top < s.offset {
		s.offset = top
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = min(max(s.offset, 0), max(len(s.entries)-h, 0))
}

// entryAt maps a line of the sidebar to an entry index.
func (s sidebar) entryAt(y int) (int, bool) {
	y -= s.filterHeight()
	i := s.offset + y
	if y < 0 || y >= s.listHeight() || i >= len(s.entries) {
		return 0, false
	}
	return i, !s.entries[i].header
}

func (s sidebar) view(st Styles) string {
	w := s.width - 2 // a space and the right border
	if w <= 0 || s.height <= 0 {
		return ""
	}
	lines := make([]string, 0, s.height)
	lh := s.listHeight() + s.filterHeight()
	if s.filterHeight() > 0 {
		lines = append(lines, s.filterView(w, st))
	}
	if len(s.entries) == 0 {
		lines = append(lines, st.Hint.Render(truncateCells("no facets", w)))
	}
	for i := s.offset; i < len(s.entries) && len(lines) < lh; i++ {
		lines = append(lines, s.entryView(i, w, st))
	}
	for len(lines) < lh {
		lines = append(lines, "")
	}
	if s.timelineHeight() > 0 {
		cursor := -1
		if s.focused && s.inTimeline {
			cursor = s.bar
		}
		lines = append(lines, "")
		lines = append(lines, s.timelineView(w, cursor, st)...)
	}
	border := st.PaneBorder.Render("│")
	for i, l := range lines {
		lines[i] = fitCells(l, w) + " " + border
	}
	return strings.Join(lines[:min(len(lines), s.height)], "\n")
}

func (s sidebar) entryView(i, w int, st Styles) string {
	e := s.entries[i]
	if e.header {
		return st.GroupHeader.Render(truncateCells(" "+e.group.title(), w))
	}
	chosen := s.isChosen(e.group, e.value)
	mark, valueStyle := "○", st.FacetValue
	switch {
	case e.decade && s.decadeOpen(e.value):
		mark = "▾"
		if s.decadeChosen(e.value) {
			valueStyle = st.FacetChosen
		}
	case e.decade:
		mark = "▸"
	case chosen:
		mark, valueStyle = "◉", st.FacetChosen
	}
	count := fmt.Sprint(e.count)
	if e.count == unknownCount {
		count = "…"
	}
	countW := ansi.StringWidth(count)
	nameWidth := max(w-4-countW, 1) // " ◉ " + name + " " + count
	name := truncateCells(e.label(), nameWidth)
	gap := max(w-3-ansi.StringWidth(name)-countW, 1)
	line := " " + mark + " " + valueStyle.Render(name) + strings.Repeat(" ", gap) + st.FacetCount.Render(count)
	if i == s.cursor && s.focused && !s.inTimeline {
		// Re-render plainly so that the reverse bar is one even block.
		plain := " " + mark + " " + name + strings.Repeat(" ", gap) + count
		return st.FacetCursor.Render(fitCells(plain, w))
	}
	return line
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
	buckets := timelineBuckets(s.facets)
	if len(buckets) == 0 || w < 6 {
		return nil
	}
	inner := w - 2
	bars := timelineBars(buckets, inner)
	busiest := slices.MaxFunc(buckets, func(a, b timelineBucket) int { return a.count - b.count })
	note := st.TimelineAxis.Render(fmt.Sprintf("  peak %s", busiest.label))
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
