package ui

import (
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// emptyArchiveLines say that the archive has no pieces at all (not that
// none match), and how many files were skipped.
func (m Model) emptyArchiveLines() []string {
	st := m.styles
	lines := []string{"", st.Empty.Render(" This archive has no pieces.")}
	if problemCount(m.info) > 0 || archive.CountFolders(m.info.Problems) > 0 {
		lines = append(lines, st.Hint.Render(" "+problemSummary(m.info.Problems)+": press ! to see why."))
	} else {
		lines = append(lines, st.Hint.Render(" Add Markdown files (.md) with a title and a date in their front matter."))
	}
	return lines
}

// nextSort is the sort s moves to: the next of relevance, newest, oldest
// that changes the order (with no words searched, relevance is newest
// first, so s goes on to oldest).
func (m Model) nextSort() index.Sort {
	noText := strings.TrimSpace(m.search.value()) == ""
	order := func(s index.Sort) index.Sort {
		if s == index.SortRelevance && noText {
			return index.SortNewest
		}
		return s
	}
	next := (m.sort + 1) % 3
	if order(next) == order(m.sort) {
		next = (next + 1) % 3
	}
	return next
}
