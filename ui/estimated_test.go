package ui

import (
	"strings"
	"testing"

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
