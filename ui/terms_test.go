package ui

import (
	"strings"
	"testing"
)

// TestDistinctiveWords: w lists the words of the results rarer in the
// archive, and enter adds the one under the cursor to the query.
func TestDistinctiveWords(t *testing.T) {
	ix, _ := realIndex(t, "")
	h := newHarness(t, ix, 100, 30)
	h.key("/")
	h.typeText("barcelona")
	h.key("enter", "w")
	h.requireScreen("Distinctive words of the results")
	h.requireScreen("of 7 results against 24 pieces")
	h.requireFits("words", 100, 30)
	terms := h.m.words.res.Terms
	if len(terms) < 2 {
		t.Fatalf("terms %+v", terms)
	}
	h.key("j")
	want := terms[1].Term
	if terms[1].Phrase {
		want = `"` + want + `"`
	}
	h.key("enter")
	if h.m.words.open {
		t.Fatal("enter did not close the list")
	}
	if q := h.m.query.Text; q != "barcelona "+want {
		t.Fatalf("query %q, want %q", q, "barcelona "+want)
	}
	if h.m.list.total == 0 || h.m.list.total > 7 {
		t.Errorf("%d results after adding %s", h.m.list.total, want)
	}
	h.key("w", "esc")
	if h.m.words.open || !strings.Contains(h.screen(), "barcelona") {
		t.Fatal("esc did not close the list")
	}
}
