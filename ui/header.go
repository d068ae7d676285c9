package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// searchRoom is the cells the top bar keeps for the search box: a third
// of the line, or the query and a little more when it is longer, so that
// the filters' names at the right take the rest.
func (m Model) searchRoom() int {
	return max((m.width-len(" folio  "))/3, ansi.StringWidth(m.search.value())+4)
}

// summaryFit is the summary of the active filters in at most w cells:
// whole filters, as many as fit, then "+N"; the first is cut only when it
// alone is wider than w.
func (s sidebar) summaryFit(w int) string {
	full := s.summary()
	if ansi.StringWidth(full) <= w || w <= 0 {
		return full
	}
	parts := s.summaryParts()
	for n := len(parts) - 1; n >= 1; n-- {
		more := fmt.Sprintf(" +%d", len(parts)-n)
		if f := strings.Join(parts[:n], " ") + more; ansi.StringWidth(f) <= w {
			return f
		}
	}
	more := ""
	if len(parts) > 1 {
		more = fmt.Sprintf(" +%d", len(parts)-1)
	}
	return truncateCells(parts[0], max(w-len(more), 1)) + more
}
