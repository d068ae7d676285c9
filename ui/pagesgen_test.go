package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A page-0 reload asked for while a new keystroke's search is on its way
// (m.gen already new, m.query the unresolved baseQuery) lands on the new
// list after its first answer and replaces its top rows with hits of the
// query without its Reading filter: read pieces under Unread. No page is
// asked for a list that is not the current search's (loadPages).
func TestPagesAreNotAskedForAListOfAnOlderSearch(t *testing.T) {
	as := datedArticles(30, "alphabet soup and more alphabet")
	f := newFake(as...)
	h, st := newReadingHarness(t, f, t.TempDir(), 100, 20)
	for i := range 10 {
		st.MarkRead(fmt.Sprintf("a%03d", i), true) // the newest ten are read
	}
	h.key("tab", "j", "space") // Unread
	if h.m.list.total != 20 {
		t.Fatalf("Unread shows %d", h.m.list.total)
	}
	h.key("tab", "/")
	h.typeText("alp")
	h.advance(time.Second / 10) // the debounce: a typed search
	if !h.m.query.Typing || h.m.list.bare == 0 {
		t.Fatalf("typed: query %+v, bare %d, total %d", h.m.query, h.m.list.bare, h.m.list.total)
	}
	h.typeText("h")
	first := h.sendOnly(debounceMsg{seq: h.m.typingSeq}) // the new search, not yet answered
	var reloads []tea.Cmd
	for range h.m.list.visibleRows() {
		reloads = append(reloads, h.sendOnly(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 90, Y: 5}))
	}
	h.run(first)
	for _, c := range reloads {
		h.run(c)
	}
	for i := 0; i < h.m.list.total; i++ {
		if hit, ok := h.m.list.hit(i); ok && st.IsRead(hit.ID) {
			t.Fatalf("row %d is %s, read, under the Unread filter", i, hit.ID)
		}
	}
}
