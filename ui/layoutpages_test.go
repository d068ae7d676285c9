package ui

import "testing"

// A layout marks the pages that came into view as asked for; the command
// that asks for them must not be dropped, or those rows stay empty until
// the next search. The facets' answer, a focus change (tab) and hiding
// the sidebar all lay the screen out again.
func TestLayoutsAskForThePagesTheyMark(t *testing.T) {
	as := datedArticles(3*pageSize, "text")
	for _, c := range []struct {
		name string
		do   func(h *harness)
	}{
		{"facets", func(h *harness) {
			h.run(facetsCmd(h.m.searchCtx, h.m.searcher, h.m.query, h.m.gen))
		}},
		{"tab", func(h *harness) { h.key("tab") }},
		{"hide the sidebar", func(h *harness) { h.key("f") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, newFake(as...), 100, 20)
			if _, ok := h.m.list.pages[1]; ok {
				t.Fatal("page 1 is loaded before the cursor goes there")
			}
			// the cursor put on page 1 without a page asked for, as a
			// kept place restored when a page's answer comes
			h.m.list.moveTo(pageSize + 5)
			c.do(h)
			if _, ok := h.m.list.pages[1]; !ok {
				t.Fatalf("page 1 was not loaded (pending %v)", h.m.list.pending)
			}
		})
	}
}
