package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// view draws the sidebar: the filter line, the values of each group, and
// the timeline under them.
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
	end, up, down := s.shownFrom(s.offset, s.listHeight())
	if up {
		lines = append(lines, s.moreView("↑", 0, s.offset, w, st))
	}
	for i := s.offset; i < end && len(lines) < lh; i++ {
		lines = append(lines, s.entryView(i, w, st))
	}
	if down {
		lines = append(lines, s.moreView("↓", end, len(s.entries), w, st))
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

// moreView is the line saying what rows of the list are off screen, the
// entries from to to, above it or below (arrow): how many values, and the
// groups they are of ("↓ 2 more: YEARS"; "↑ AUTHORS" when only the header
// of the group on screen is hidden).
func (s sidebar) moreView(arrow string, from, to, w int, st Styles) string {
	values := 0
	var groups []string
	for _, e := range s.entries[from:to] {
		if !e.header {
			values++
		}
		if t := e.group.title(); len(groups) == 0 || groups[len(groups)-1] != t {
			groups = append(groups, t)
		}
	}
	line := " " + arrow
	if values > 0 {
		line += fmt.Sprintf(" %d more:", values)
	}
	line += " " + strings.Join(groups, ", ")
	return st.Hint.Render(truncateCells(line, w))
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
	case e.group == groupSaved:
		mark = "»"
	}
	count := fmt.Sprint(e.count)
	switch e.count {
	case unknownCount:
		count = "…"
	case noCount:
		count = ""
	default:
		if s.estimated(e) {
			count = estimatedMark + count // as the header marks its count
		}
	}
	if e.group == groupSaved {
		count = savedCountText(e)
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
