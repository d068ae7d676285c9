package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// Republished copies: the pieces an archive holds more than once (the same
// piece run by another outlet; see index.Index.Copies). The reader's header
// says where else the open piece ran ("Also ran in: The Other Paper (26
// October 2017)") and A opens the next copy of its group, earliest first,
// round to the first again. The sidebar's COPIES group hides the copies
// (index.Query.CollapseCopies): each piece is then listed and counted once,
// as its earliest copy that matches the query and the filters.

// CopiesSearcher is implemented by a Searcher that knows the groups of
// republished copies (index.Index does).
type CopiesSearcher interface {
	Copies(id string) []index.Copy
}

// copiesOf is the group of copies id is one of, itself included; nil
// when it has none or the Searcher cannot tell.
func copiesOf(s Searcher, id string) (out []index.Copy) {
	cs, ok := s.(CopiesSearcher)
	if !ok {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil // a bonus, as related pieces are
		}
	}()
	return cs.Copies(id)
}

// copyName is how a copy is named: its outlet (else its title) and date.
func copyName(c index.Copy) string {
	name := oneLine(cmp.Or(c.Outlet, c.Title, c.ID))
	if d := c.Date.Human(); d != "" {
		name += " (" + d + ")"
	}
	return name
}

// copyLines are the reader's "Also ran in" lines for the piece id: the
// other pieces of its group.
func copyLines(id string, group []index.Copy, w int, st Styles) []string {
	var names []string
	for _, c := range group {
		if c.ID != id {
			names = append(names, copyName(c))
		}
	}
	if len(names) == 0 {
		return nil
	}
	text := "Also ran in: " + strings.Join(names, " · ")
	out := strings.Split(st.ReaderMeta.Width(max(w, 1)).Render(text), "\n")
	return append(out, st.Hint.Render(truncateCells("A reads the next copy", w)))
}

// nextCopy is A in the reader: the next piece of the open piece's group of
// copies, in the group's order, after the last the first.
func (m *Model) nextCopy() tea.Cmd {
	if !m.reader.loaded() {
		return m.status.set("Still loading this piece…", false)
	}
	group := m.reader.copyHits()
	at := slices.IndexFunc(group, func(c index.Copy) bool { return c.ID == m.reader.pieceID() })
	if len(group) < 2 || at < 0 {
		return m.status.set("This piece ran only here, as far as the archive knows", false)
	}
	next := group[(at+1)%len(group)]
	h := index.Hit{ID: next.ID, Title: next.Title, Outlet: next.Outlet, Date: next.Date}
	cmd := m.showPiece(m.reader.at(), h)
	which := fmt.Sprintf("Copy %d of %d: %s", (at+1)%len(group)+1, len(group), copyName(next))
	if (at+1)%len(group) == 0 {
		which += ", the first it ran in"
	}
	return tea.Batch(cmd, m.status.set(which+" · A: next copy", false))
}

// copiesCollapse is the COPIES group's one value: "dup:collapse" in the
// summary of the filters.
const copiesCollapse = "collapse"

// copiesEntries are the sidebar's COPIES group: shown when the archive has
// copies, or while hiding them is chosen.
func (s sidebar) copiesEntries() []sidebarEntry {
	if s.copiesN == 0 && !s.isChosen(groupCopies, copiesCollapse) {
		return nil
	}
	n := s.copiesN
	if s.hiddenKnown {
		n = s.copiesHidden
	}
	return []sidebarEntry{
		{group: groupCopies, header: true},
		{group: groupCopies, value: copiesCollapse, count: n},
	}
}

// setCopies tells the sidebar how many pieces are copies (Info.Copies),
// keeping the cursor on its entry.
func (s *sidebar) setCopies(n int) {
	if n == s.copiesN {
		return
	}
	s.rebuildKeeping(func() { s.copiesN = n })
}

// setCopiesHidden tells the sidebar how many of the query's matches
// hiding copies leaves out (copiesCountMsg), and whether that is
// estimated, keeping the cursor on its entry.
func (s *sidebar) setCopiesHidden(n int, estimated bool) {
	if s.hiddenKnown && n == s.copiesHidden && estimated == s.hiddenEstimated {
		return
	}
	s.rebuildKeeping(func() { s.copiesHidden, s.hiddenKnown, s.hiddenEstimated = n, true, estimated })
}

// rebuildKeeping applies change and rebuilds the entries, the cursor kept
// on its entry.
func (s *sidebar) rebuildKeeping(change func()) {
	var keep *sidebarEntry
	if s.cursor >= 0 && s.cursor < len(s.entries) {
		e := s.entries[s.cursor]
		keep = &e
	}
	change()
	s.rebuild()
	if keep != nil {
		if i := slices.IndexFunc(s.entries, func(e sidebarEntry) bool {
			return e.group == keep.group && e.value == keep.value && e.header == keep.header
		}); i >= 0 {
			s.cursor = i
		}
	}
	s.fixCursor(1)
	s.follow()
}

// copyCount is the list's note of a piece's other copies: "+1 copy".
func copyCount(n int) string {
	if n == 1 {
		return "+1 copy"
	}
	return fmt.Sprintf("+%d copies", n)
}
