package ui

import (
	"slices"
	"strings"

	"github.com/folio-tui/folio/index"
)

// The sidebar's filter: / in the sidebar starts typing a filter, and the
// groups then show only the values that contain it (ignoring case), plus
// the chosen ones, so that one of the Go blog's 150 tags is a few letters
// away; of YEARS listed by decade, a decade whose label contains it, with
// all its years, and the other years that do (decadeEntries). enter keeps
// the filter and returns to the values; esc clears it, the cursor left on
// its value.

// clearFilter shows every value again, the cursor kept on the value it
// was on.
func (s *sidebar) clearFilter() {
	s.rebuildKeeping(func() { s.filter = "" })
}

// filtered is values of group g that the typed filter keeps.
func (s sidebar) filtered(g facetGroup, values []index.FacetValue) []index.FacetValue {
	if s.filter == "" || g == groupReading || g == groupCopies {
		return values
	}
	var out []index.FacetValue
	for _, v := range values {
		if s.filterHolds(v.Value) || s.isChosen(g, v.Value) {
			out = append(out, v)
		}
	}
	return out
}

// filterHolds reports whether text, a value or a decade's label as the
// sidebar shows it, contains the typed filter (ignoring case).
func (s sidebar) filterHolds(text string) bool {
	return s.filter != "" && strings.Contains(strings.ToLower(text), strings.ToLower(s.filter))
}

// filterHeight is the line the filter takes at the top, while it is typed
// or set.
func (s sidebar) filterHeight() int {
	if (s.filtering || s.filter != "") && s.height > 2 {
		return 1
	}
	return 0
}

func (s sidebar) filterView(w int, st Styles) string {
	line := " /" + oneLine(s.filter)
	if s.filtering {
		return st.FacetChosen.Render(truncateCells(line+"▏", w))
	}
	return st.Hint.Render(truncateCells(line+"  (esc clears)", w))
}

// setFilter shows the values that contain f, the cursor on the first.
func (s *sidebar) setFilter(f string) {
	s.filter = f
	s.rebuild()
	s.cursor, s.offset = 0, 0
	if f != "" {
		// on the first value found, past the Reading group it does not filter
		s.cursor = max(slices.IndexFunc(s.entries, func(e sidebarEntry) bool { return e.group != groupReading && e.group != groupCopies }), 0)
	}
	s.fixCursor(1)
	s.follow()
}
