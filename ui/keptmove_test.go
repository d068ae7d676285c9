package ui

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
)

// A move made while a search's answer is on its way is not undone by the
// answer: PgDn right after Enter on a typed query leaves the cursor on the
// piece it moved to (when the answer has it), not back at the top. With no
// move, the answer's top row is selected.
func TestAMoveWhileTheAnswerComesIsKept(t *testing.T) {
	as := datedArticles(30, "alphabet soup and more alphabet")
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

// A click on a row while typing leaves the search box: the query is
// searched as written at once, as Enter does, and the clicked row stays
// chosen when that answer comes (found by a review helper).
func TestAClickWhileTypingIsKept(t *testing.T) {
	h := newHarness(t, newFake(datedArticles(30, "alphabet soup and more alphabet")...), 100, 30)
	h.key("/")
	h.typeText("alphabet")
	if !h.m.typing {
		t.Fatal("not typing")
	}
	y := -1
	for yy := range 30 {
		if i, ok := h.m.list.rowAt(yy - h.m.bodyTop()); ok && i == 3 {
			y = yy
			break
		}
	}
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: h.m.sidebarWidthNow() + 5, Y: y})
	clicked, ok := h.m.list.selected()
	if !ok || h.m.list.cursor != 3 || h.m.focus != paneList {
		t.Fatalf("click: cursor %d focus %v", h.m.list.cursor, h.m.focus)
	}
	h.advance(time.Second) // the typing pause, if any is still to come
	if h.m.query.Typing {
		t.Fatal("the search as written did not come")
	}
	if got, _ := h.m.list.selected(); got.ID != clicked.ID {
		t.Fatalf("the click on %s was undone by the search as written: cursor %d on %s", clicked.ID, h.m.list.cursor, got.ID)
	}
}

// A move made after the answer came is not undone by a page of that
// answer: the place kept for a move made while it was on its way (one its
// first page did not hold) gives way to the later move (found by a review
// helper).
func TestAMoveAfterTheAnswerIsNotUndoneByItsPages(t *testing.T) {
	h := newHarness(t, newFake(datedArticles(300, "text")...), 100, 20)
	for h.m.list.cursor < 150 {
		h.key("pgdown")
	}
	search := h.sendOnly(keyPress("s")) // another sort: its answer on its way
	h.key("down")                       // a move meanwhile
	var pages tea.Cmd
	queue := []tea.Cmd{search}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg, ok := runCmd(c)
		if !ok {
			t.Fatal("a command hung")
		}
		switch msg := msg.(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case resultsMsg:
			if !msg.page {
				pages = h.sendOnly(msg) // the answer; its pages still on their way
			} else {
				h.send(msg)
			}
		case nil:
		default:
			h.send(msg)
		}
	}
	if h.m.list.keep.id == "" {
		t.Fatalf("no place kept for the move (cursor %d): the test asks nothing", h.m.list.cursor)
	}
	h.key("g") // to the top
	if h.m.list.cursor != 0 {
		t.Fatalf("g: cursor %d", h.m.list.cursor)
	}
	h.run(pages)
	if h.m.list.cursor != 0 {
		t.Fatalf("g was undone by a page of the answer: cursor %d", h.m.list.cursor)
	}
}

func datedArticles(n int, body string) []archive.Article {
	var as []archive.Article
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		as = append(as, archive.Article{ID: fmt.Sprintf("a%03d", i), Title: fmt.Sprintf("Piece %d", i),
			Outlet: "X", Kind: "article", Date: archive.Date{Time: base.AddDate(0, 0, -i)}, Body: body})
	}
	return as
}

// A click in the sidebar while typing leaves the search box as Enter does:
// the filter it toggles is searched with the query as written, not as
// typed (its last word no longer a prefix).
func TestASidebarClickWhileTypingSearchesAsWritten(t *testing.T) {
	as := datedArticles(30, "alphabet soup and more alphabet")
	for i := range as {
		as[i].Outlet = []string{"The Times", "The Guardian"}[i%2]
	}
	h := newHarness(t, newFake(as...), 100, 30)
	h.key("/")
	h.typeText("alphab")
	if !h.m.query.Typing {
		t.Fatalf("not a typed search: %+v", h.m.query)
	}
	y := -1
	for yy := range 30 {
		if i, ok := h.m.sidebar.entryAt(yy - h.m.bodyTop()); ok && h.m.sidebar.entries[i].group == groupOutlets {
			y = yy
			break
		}
	}
	if y < 0 {
		t.Fatal("no outlet in the sidebar")
	}
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 2, Y: y})
	if len(h.m.query.Outlets) != 1 {
		t.Fatalf("the click chose no outlet: %+v", h.m.query)
	}
	if h.m.query.Typing || h.m.typing {
		t.Fatalf("the outlet's search is the typed one (%+v): the box was left by the click", h.m.query)
	}
}

// G right after Enter goes to a row whose page is not loaded: the answer
// keeps the row (found by a review helper: the move was undone).
func TestAMoveToAnUnloadedRowWhileTheAnswerComesIsKept(t *testing.T) {
	h := newHarness(t, newFake(datedArticles(350, "common words")...), 100, 20)
	h.key("/")
	h.typeText("common")
	enter := h.sendOnly(keyPress("enter"))
	h.key("G")
	last := h.m.list.count() - 1
	if h.m.list.cursor != last || last < 2*pageSize {
		t.Fatalf("G: cursor %d of %d", h.m.list.cursor, h.m.list.count())
	}
	h.run(enter)
	if h.m.query.Typing {
		t.Fatal("the answer of the search as written did not come")
	}
	if h.m.list.cursor != last {
		t.Fatalf("after the answer the cursor is at row %d, want %d, where G put it", h.m.list.cursor, last)
	}
	if _, ok := h.m.list.selected(); !ok {
		t.Fatal("the row's page was not asked for")
	}
}

// ] and [ in the reader step from where the open piece is in the list now,
// not from the row it was opened at: an answer that came after it was
// opened moved it (found by a review helper: ] skipped or repeated pieces).
func TestStepsFollowTheOpenPieceToItsRowNow(t *testing.T) {
	h := newHarness(t, newFake(datedArticles(30, "text")...), 100, 20)
	sorted := h.sendOnly(keyPress("s")) // another order, on its way
	h.key("j", "j", "j", "enter")       // open the fourth piece of the old order
	open := h.m.reader.pieceID()
	h.run(sorted)
	row, ok := h.m.list.rowOf(open)
	if !ok || row == 3 {
		t.Fatalf("the new order has %s at row %d (%v): the test asks nothing", open, row, ok)
	}
	next, _ := h.m.list.hit(row + 1)
	h.key("]")
	if got := h.m.reader.pieceID(); got != next.ID {
		t.Fatalf("] opened %s, want %s (after %s, at row %d now)", got, next.ID, open, row)
	}
}

// A click or a wheel turn over an overlay reaches no pane below it (a
// helper's report: a click through the chart chose a hidden sidebar
// value, and one through Q opened a piece and marked it read).
func TestMouseDoesNotReachPanesUnderAnOverlay(t *testing.T) {
	for _, open := range []string{"t", "w", "?"} {
		ix, _ := realIndex(t, "")
		h := newHarness(t, ix, 100, 30)
		before := h.m.query
		h.key(open)
		if !h.m.overlayOpen() {
			t.Fatalf("%s opened no overlay", open)
		}
		for y := range 30 {
			for _, x := range []int{2, 40} {
				h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y})
				h.send(tea.MouseReleaseMsg{Button: tea.MouseLeft, X: x, Y: y})
			}
			h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 40, Y: y})
		}
		if !reflect.DeepEqual(h.m.query, before) || h.m.reader.loaded() || h.m.list.at() != 0 {
			t.Errorf("%s: clicks under it changed the query %+v, opened a piece (%v) or moved the list (%d)", open, h.m.query, h.m.reader.loaded(), h.m.list.at())
		}
	}
}
