package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/folio-tui/folio/state"
)

// TestQuotedFilter keeps a quote with v in the reader of a real reading
// state and quote book, and follows the sidebar's Quoted toggle: its count
// follows the quotes kept here and those another folio keeps and removes
// (read in with R), choosing it leaves exactly the quoted piece and names
// the filter in the top bar, S keeps it in a saved search, x clears it.
func TestQuotedFilter(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	dir := t.TempDir()
	f := newFake(testArticles()...)
	store := newStateSaved(t, "quotes")
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		OpenState:  func() (ReadingState, error) { return state.Open("quotes", dir) },
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
		Saved:      store,
		After:      testClock,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30))
	keys := func(ks ...string) {
		for _, k := range ks {
			tm.Send(keyPress(k))
		}
	}
	waitIdle(t, p.screen, `5 of 5[\s\S]*❝ Quoted\s+0 │`)

	// v in the first piece keeps its heading: the count is 1.
	keys("enter")
	waitIdle(t, p.screen, "the head of MI5 gave interviews")
	keys("v", "y")
	waitIdle(t, p.screen, `note \(optional`)
	// the footer says the note's keys, not the find box's (a helper's report)
	waitIdle(t, p.screen, `enter keep the quote • esc drop it`)
	keys("enter")
	waitIdle(t, p.screen, "Quote kept")
	keys("esc")
	waitIdle(t, p.screen, `5 of 5[\s\S]*❝ Quoted\s+1 │`)

	// Another folio keeps a quote of another piece, then removes it: R
	// reads each in.
	writeQuotes(t, dir, state.Quote{Piece: "intel", Selector: state.Selector{Exact: "Intelligence is fragmented"}})
	keys("R")
	waitIdle(t, p.screen, `❝ Quoted\s+2 │`)
	other, warn := state.OpenQuotes("quotes", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	for _, q := range other.Of("intel") {
		other.Remove(q.ID)
	}
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	keys("R")
	waitIdle(t, p.screen, `❝ Quoted\s+1 │`)

	// Quoted chosen (past Starred and Unread): only the quoted piece.
	keys("tab", "j", "j", "space")
	waitIdle(t, p.screen, `1 of 5 · newest · is:quoted[\s\S]*◉ ❝ Quoted\s+1 │`)
	screen := p.screen.load().screen
	if !strings.Contains(screen, "Raqqa has fallen") {
		t.Errorf("the quoted piece is not listed:\n%s", screen)
	}
	for _, title := range []string{"Parsons Green", "Barcelona vehicle", "Twelve years on", "Intelligence is fragmented"} {
		if strings.Contains(screen, title) {
			t.Errorf("%q is listed under Quoted:\n%s", title, screen)
		}
	}

	// S keeps the filter: the saved search counts the quoted piece alone.
	keys("S")
	waitIdle(t, p.screen, `Save the search as: `)
	tm.Type("mine")
	keys("enter")
	waitIdle(t, p.screen, `» mine\s+1 │[\s\S]*Saved the search as mine`)
	all, err := store.saved.List()
	if err != nil || len(all) != 1 || !all[0].Filters.Quoted || all[0].Filters.Starred || all[0].Filters.Unread {
		t.Fatalf("saved %+v (%v)", all, err)
	}

	// x clears it with the other filters.
	keys("x")
	waitIdle(t, p.screen, `5 of 5[\s\S]*○ ❝ Quoted\s+1 │`)
	if screen := p.screen.load().screen; strings.Contains(screen, "is:quoted") {
		t.Errorf("x left the filter on:\n%s", screen)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(hangGuard))
}
