package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/index"
)

// TestEstimatedCountIsMarked: a count the index says is estimated (a
// phrase being typed, its forms checked for the page alone) reads "≈4 of
// 5", and the exact count that follows when typing pauses drops the mark.
func TestEstimatedCountIsMarked(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	h.requireScreen("5 of 5")
	hits := h.m.list.pages[0][:3]
	h.send(resultsMsg{gen: h.m.gen, query: h.m.query, results: index.Results{Total: 4, Estimated: true, Hits: hits}})
	h.requireScreen("≈4 of 5")
	h.send(resultsMsg{gen: h.m.gen, query: h.m.query, results: index.Results{Total: 3, Hits: hits}})
	h.requireScreen("3 of 5")
	if strings.Contains(h.screen(), "≈") {
		t.Fatalf("an exact count is marked estimated:\n%s", h.screen())
	}
}

// TestEstimatedSidebarCountsAreMarked: while a word is typed, the counts
// the index says are estimated are marked in the sidebar as in the header
// (an attack: "governm… · ≈129 of 233" above "Unread 129", "State of the
// Union 129", "Franklin D Roosevelt 2", where the word as written finds
// 232, 12 of them Roosevelt's): the Reading counts, the facets, the copies
// a hide leaves out and the timeline's bar under the cursor. The exact
// counts that come when the typing pauses drop every mark.
func TestEstimatedSidebarCountsAreMarked(t *testing.T) {
	f := newFake(testArticles()...)
	h, st := newReadingHarness(t, f, t.TempDir(), 120, 40)
	st.MarkRead("parsons", true)
	h.m.sidebar.setCopies(1) // the archive has copies: the COPIES row counts the query's
	f.mu.Lock()
	f.estimated = true
	f.mu.Unlock()
	h.key("/")
	h.typeText("threat")
	if !h.m.query.Typing || !h.m.list.estimated {
		t.Fatalf("the typed query is not estimated: %+v", h.m.query)
	}
	h.requireScreen("≈3 of 5")
	rows := func() map[string]string {
		out := map[string]string{}
		for i, e := range h.m.sidebar.entries {
			if e.header {
				continue
			}
			fs := strings.Fields(ansi.Strip(h.m.sidebar.entryView(i, sidebarWidth-2, h.m.styles)))
			out[e.label()] = fs[len(fs)-1]
		}
		return out
	}
	want := map[string]string{
		starMark + " Starred": "≈0", unreadMark + " Unread": "≈2", quotedMark + " Quoted": "0",
		"Hide copies": "≈0", "The Telegraph": "≈2", "Evening Standard": "≈1",
	}
	got := rows()
	for label, w := range want {
		if got[label] != w {
			t.Errorf("typing: %q counts %q, want %q (rows %q)", label, got[label], w, got)
		}
	}
	for label, c := range got {
		if _, ok := want[label]; !ok && !strings.HasPrefix(c, "≈") {
			t.Errorf("typing: %q counts %q, unmarked", label, c)
		}
	}
	h.m.sidebar.focused, h.m.sidebar.inTimeline = true, true
	if tl := h.m.sidebar.timelineView(sidebarWidth-2, h.m.sidebar.bar, h.m.styles); !strings.Contains(ansi.Strip(strings.Join(tl, "\n")), ": ≈") {
		t.Errorf("typing: the bar under the cursor is counted unmarked:\n%s", strings.Join(tl, "\n"))
	}
	h.m.sidebar.focused, h.m.sidebar.inTimeline = false, false

	h.advance(typingPause)
	if h.m.query.Typing || h.m.list.estimated {
		t.Fatalf("the pause did not search the query as written: %+v", h.m.query)
	}
	for label, c := range rows() {
		if strings.Contains(c, "≈") {
			t.Errorf("as written: %q still counts %q", label, c)
		}
	}
	if s := h.screen(); strings.Contains(s, "≈") {
		t.Errorf("an exact count is marked estimated:\n%s", s)
	}
}
