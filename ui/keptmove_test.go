package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// A move made while a search's answer is on its way is not undone by the
// answer: PgDn right after Enter on a typed query leaves the cursor on the
// piece it moved to (when the answer has it), not back at the top. With no
// move, the answer's top row is selected.
func TestAMoveWhileTheAnswerComesIsKept(t *testing.T) {
	var as []archive.Article
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 30 {
		as = append(as, archive.Article{ID: fmt.Sprintf("a%02d", i), Title: fmt.Sprintf("Piece %d", i),
			Outlet: "X", Kind: "article", Date: archive.Date{Time: base.AddDate(0, 0, -i)},
			Body: "alphabet soup and more alphabet"})
	}
	h := newHarness(t, newFake(as...), 100, 20)
	h.key("/")
	h.typeText("alphabet")
	if !h.m.query.Typing {
		t.Fatalf("not a typed search: %+v", h.m.query)
	}
	enter := h.sendOnly(keyPress("enter")) // the search as written, on its way
	if enter == nil || h.m.focus != paneList {
		t.Fatalf("enter: focus %v, cmd %v", h.m.focus, enter)
	}
	h.key("pgdown")
	moved, ok := h.m.list.selected()
	if !ok || h.m.list.cursor == 0 {
		t.Fatalf("pgdown did not move the cursor: %d", h.m.list.cursor)
	}
	h.run(enter)
	if h.m.query.Typing {
		t.Fatal("the answer of the search as written did not come")
	}
	if got, _ := h.m.list.selected(); got.ID != moved.ID {
		t.Fatalf("after the answer the cursor is on %s (row %d), want %s, where pgdown put it", got.ID, h.m.list.cursor, moved.ID)
	}

	// no move: the new answer's first row
	h.key("/")
	h.typeText(" soup")
	enter = h.sendOnly(keyPress("enter"))
	h.run(enter)
	if h.m.list.cursor != 0 {
		t.Fatalf("a search with no move in between left the cursor at %d", h.m.list.cursor)
	}
}
