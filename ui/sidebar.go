package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/index"
)

// facetGroup is one block of the sidebar.
type facetGroup int

const (
	groupOutlets facetGroup = iota
	groupTags
	groupYears
	groupKinds
	groupCount
)

func (g facetGroup) title() string {
	switch g {
	case groupOutlets:
		return "OUTLETS"
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
	case groupOutlets:
		return "outlet"
	case groupTags:
		return "tag"
	case groupYears:
		return "year"
	case groupKinds:
		return "kind"
	}
	return ""
}

// sidebarEntry is one line of the facet list: a group header or a value.
type sidebarEntry struct {
	group  facetGroup
	value  string
	count  int
	header bool
}

// sidebar shows the facets of the current results, lets the user select
// values (several per group: they are ORed; groups are ANDed) and draws a
// small timeline of the results.
type sidebar struct {
	facets  index.Facets
	chosen  [groupCount][]string // selected values per group, in selection order
	entries []sidebarEntry
	cursor  int // index into entries; never a header when there are values
	offset  int // first entry on screen

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

// setFacets shows new counts, keeping the cursor on the same value.
func (s *sidebar) setFacets(f index.Facets) {
	var keep *sidebarEntry
	if s.cursor >= 0 && s.cursor < len(s.entries) {
		e := s.entries[s.cursor]
		keep = &e
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
	s.fixCursor(1)
	s.follow()
}

// rebuild lays out the entries: for each group its header, then the values
// with counts, plus chosen values that the current results no longer
// contain (count 0), so that they can still be unselected.
func (s *sidebar) rebuild() {
	s.entries = s.entries[:0]
	groups := [groupCount][]index.FacetValue{
		groupOutlets: s.facets.Outlets,
		groupTags:    s.facets.Tags,
		groupYears:   reversed(s.facets.Years), // newest year first
		groupKinds:   s.facets.Kinds,
	}
	for g := facetGroup(0); g < groupCount; g++ {
		values := groups[g]
		for _, c := range s.chosen[g] {
			if !slices.ContainsFunc(values, func(v index.FacetValue) bool { return v.Value == c }) {
				values = append(values, index.FacetValue{Value: c})
			}
		}
		// A kind facet with a single kind says nothing.
		if g == groupKinds && len(values) < 2 && len(s.chosen[g]) == 0 {
			continue
		}
		if len(values) == 0 {
			continue
		}
		s.entries = append(s.entries, sidebarEntry{group: g, header: true})
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

func (s *sidebar) move(delta int) {
	if len(s.entries) == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	for n := 0; n < abs(delta); n++ {
		next := s.cursor + dir
		for next >= 0 && next < len(s.entries) && s.entries[next].header {
			next += dir
		}
		if next < 0 || next >= len(s.entries) {
			break
		}
		s.cursor = next
	}
	s.follow()
}

func (s *sidebar) moveTo(i int) {
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
	if s.cursor < 0 || s.cursor >= len(s.entries) || s.entries[s.cursor].header {
		return false
	}
	e := s.entries[s.cursor]
	if i := slices.Index(s.chosen[e.group], e.value); i >= 0 {
		s.chosen[e.group] = slices.Delete(s.chosen[e.group], i, i+1)
	} else {
		s.chosen[e.group] = append(s.chosen[e.group], e.value)
	}
	s.rebuild()
	s.follow()
	return true
}

// clear unselects everything and reports whether anything was selected.
func (s *sidebar) clear() bool {
	had := s.anyChosen()
	s.chosen = [groupCount][]string{}
	s.rebuild()
	s.fixCursor(1)
	s.follow()
	return had
}

func (s sidebar) anyChosen() bool {
	for _, c := range s.chosen {
		if len(c) > 0 {
			return true
		}
	}
	return false
}

// applyTo copies the selection into a query.
func (s sidebar) applyTo(q *index.Query) {
	q.Outlets = slices.Clone(s.chosen[groupOutlets])
	q.Tags = slices.Clone(s.chosen[groupTags])
	q.Years = slices.Clone(s.chosen[groupYears])
	q.Kinds = slices.Clone(s.chosen[groupKinds])
}

// summary lists the active filters: "tag:mi5 outlet:The Telegraph".
func (s sidebar) summary() string {
	var parts []string
	for g := facetGroup(0); g < groupCount; g++ {
		for _, v := range s.chosen[g] {
			parts = append(parts, g.prefix()+":"+oneLine(v))
		}
	}
	return strings.Join(parts, " ")
}

// timelineHeight is the lines the timeline takes under the facets, when the
// sidebar is tall enough to spare them.
func (s sidebar) timelineHeight() int {
	if s.height < 14 || len(timelineBuckets(s.facets)) < 2 {
		return 0
	}
	return 4
}

// listHeight is the lines left for the facet entries.
func (s sidebar) listHeight() int { return max(s.height-s.timelineHeight(), 0) }

// follow keeps the cursor on screen, with its group's header when possible.
func (s *sidebar) follow() {
	h := s.listHeight()
	if h <= 0 {
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
	lh := s.listHeight()
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
		lines = append(lines, "")
		lines = append(lines, timelineView(s.facets, w, st)...)
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
	if chosen {
		mark, valueStyle = "◉", st.FacetChosen
	}
	count := fmt.Sprint(e.count)
	nameWidth := max(w-4-len(count), 1) // " ◉ " + name + " " + count
	name := truncateCells(oneLine(e.value), nameWidth)
	gap := max(w-3-ansi.StringWidth(name)-len(count), 1)
	line := " " + mark + " " + valueStyle.Render(name) + strings.Repeat(" ", gap) + st.FacetCount.Render(count)
	if i == s.cursor && s.focused {
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

// sparkChars are the bar heights, lowest first.
const sparkChars = "▁▂▃▄▅▆▇█"

// sparkline draws counts as one line of bars, squeezing buckets together
// (summing them) when there are more than width, and widening each bar (up
// to 3 cells) when there are few.
func sparkline(buckets []timelineBucket, width int) string {
	if width <= 0 || len(buckets) == 0 {
		return ""
	}
	n := min(len(buckets), width)
	cell := barWidth(len(buckets), width)
	sums := make([]int, n)
	for i, b := range buckets {
		sums[i*n/len(buckets)] += b.count
	}
	peak := slices.Max(sums)
	sparkLevels := []rune(sparkChars)
	var sb strings.Builder
	for _, c := range sums {
		bar := ' '
		if c > 0 && peak > 0 {
			level := (c*len(sparkLevels) - 1) / peak // 1..peak -> 0..7
			bar = sparkLevels[min(level, len(sparkLevels)-1)]
		}
		sb.WriteString(strings.Repeat(string(bar), cell))
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

// timelineView is the timeline block: a header with the busiest period, the
// bars, and the first and last period under them.
func timelineView(f index.Facets, w int, st Styles) []string {
	buckets := timelineBuckets(f)
	if len(buckets) == 0 || w < 6 {
		return nil
	}
	inner := w - 2
	busiest := slices.MaxFunc(buckets, func(a, b timelineBucket) int { return a.count - b.count })
	header := st.GroupHeader.Render(" TIMELINE") + st.TimelineAxis.Render(truncateCells(fmt.Sprintf("  peak %s", busiest.label), max(w-9, 0)))
	bars := " " + st.Timeline.Render(sparkline(buckets, inner))
	first, last := buckets[0].label, buckets[len(buckets)-1].label
	axis := first
	barsWidth := min(len(buckets), inner) * barWidth(len(buckets), inner)
	axisWidth := max(barsWidth, min(inner, len(first)+len(last)+1))
	if gap := axisWidth - len(first) - len(last); gap >= 1 {
		axis = first + strings.Repeat(" ", gap) + last
	}
	return []string{header, bars, " " + st.TimelineAxis.Render(truncateCells(axis, inner))}
}
