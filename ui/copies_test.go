package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// copiesFake is a fakeSearcher that knows groups of republished copies, as
// index.Index does.
type copiesFake struct {
	*fakeSearcher
	groups [][]index.Copy
}

func (f copiesFake) Copies(id string) []index.Copy {
	for _, g := range f.groups {
		if slices.ContainsFunc(g, func(c index.Copy) bool { return c.ID == id }) {
			return slices.Clone(g)
		}
	}
	return nil
}

// Search answers as the fake does, each hit naming its other copies.
func (f copiesFake) Search(ctx context.Context, q index.Query) (index.Results, error) {
	r, err := f.fakeSearcher.Search(ctx, q)
	for i, h := range r.Hits {
		r.Hits[i].Copies = slices.DeleteFunc(f.Copies(h.ID), func(c index.Copy) bool { return c.ID == h.ID })
	}
	return r, err
}

// withCopy is the test archive with the Raqqa piece run again a week later
// by another outlet, and the fake that groups the two.
func withCopy() copiesFake {
	as := testArticles()
	c := as[0]
	c.ID, c.Outlet, c.Date = "raqqa-copy", "The Other Paper", day("2017-10-26")
	as = append(as, c)
	f := newFake(as...)
	return copiesFake{fakeSearcher: f, groups: [][]index.Copy{{
		{ID: "raqqa", Title: as[0].Title, Outlet: "The Telegraph", Date: as[0].Date},
		{ID: "raqqa-copy", Title: c.Title, Outlet: "The Other Paper", Date: c.Date, Why: "text 97% alike"},
	}}}
}

// newCopiesHarness opens the model on f, whose Info says how many pieces
// are copies.
func newCopiesHarness(t *testing.T, f copiesFake, opts Options) *harness {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	copies := 0
	for _, g := range f.groups {
		copies += len(g) - 1
	}
	opts.OpenIndex = func(context.Context, func(int, int)) (Searcher, Info, error) {
		return f, Info{Count: len(f.articles), Copies: copies}, nil
	}
	opts.After = testClock
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	return h
}

// TestReaderSaysWhereElseAPieceRan: the reader's header names the other
// copies of the open piece, and A opens the next one, round to the first.
func TestReaderSaysWhereElseAPieceRan(t *testing.T) {
	h := newCopiesHarness(t, withCopy(), Options{})
	h.key("enter") // the newest: the copy
	if h.m.reader.pieceID() != "raqqa-copy" {
		t.Fatalf("opened %q", h.m.reader.pieceID())
	}
	h.requireScreen("Also ran in: The Telegraph (19 October 2017)")
	h.requireScreen("A reads the next copy")
	h.key("A")
	if h.m.reader.pieceID() != "raqqa" {
		t.Fatalf("A opened %q", h.m.reader.pieceID())
	}
	h.requireScreen("Also ran in: The Other Paper (26 October 2017)")
	h.requireScreen("Copy 1 of 2: The Telegraph (19 October 2017), the first it ran in")
	h.key("A")
	if h.m.reader.pieceID() != "raqqa-copy" {
		t.Fatalf("A again opened %q", h.m.reader.pieceID())
	}
	h.key("]") // the results go on from where the copy is listed
	if h.m.reader.pieceID() != "raqqa" {
		t.Fatalf("] opened %q", h.m.reader.pieceID())
	}
	h.key("]")
	h.key("A")
	h.requireScreen("ran only here")
	if strings.Contains(h.screen(), "Also ran in") {
		t.Error("a piece without copies says it ran elsewhere")
	}
}

// TestSidebarHidesCopies: an archive with copies shows the COPIES group;
// choosing it asks the index to collapse copies (dup:collapse in the top
// bar), and x clears it with the other filters.
func TestSidebarHidesCopies(t *testing.T) {
	f := withCopy()
	h := newCopiesHarness(t, f, Options{})
	h.requireScreen("2017-10-26 · The Other Paper · +1 copy · isis")
	h.requireScreen("COPIES")
	h.requireScreen("Hide copies")
	if lastQuery(t, f.fakeSearcher).CollapseCopies {
		t.Fatal("copies collapsed before anyone asked")
	}
	h.key("tab") // the sidebar, its first value: Hide copies
	h.key("space")
	if !lastQuery(t, f.fakeSearcher).CollapseCopies {
		t.Fatalf("space on Hide copies: query %+v", lastQuery(t, f.fakeSearcher))
	}
	h.requireScreen("dup:collapse")
	h.key("x")
	if lastQuery(t, f.fakeSearcher).CollapseCopies {
		t.Error("x left copies collapsed")
	}

	// an archive without copies has no such group
	plain := newHarness(t, newFake(testArticles()...), 100, 30)
	if strings.Contains(plain.screen(), "COPIES") {
		t.Error("COPIES shown for an archive without copies")
	}
}

// The COPIES entry counts the query's matches that hiding copies leaves
// out, as the sidebar's other counts follow the query (a helper's report:
// it counted the archive's copies whatever the query).
func TestHideCopiesCountFollowsTheQuery(t *testing.T) {
	dir, _ := bundledWithCopy(t)
	ix, _ := realIndex(t, dir)
	h := &harness{t: t, m: New(Options{OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count(), Copies: 1}, nil
	}})}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(openIndexCmd(context.Background(), h.m.opts.OpenIndex, h.m.relay))
	entry := func() int {
		for _, e := range h.m.sidebar.copiesEntries() {
			if !e.header {
				return e.count
			}
		}
		return -1
	}
	if n := entry(); !h.m.sidebar.hiddenKnown || n != 1 {
		t.Errorf("no query: Hide copies %d, want 1", n)
	}
	h.key("/")
	h.typeText("barcelona")
	h.key("enter")
	if n := entry(); !h.m.sidebar.hiddenKnown || h.m.query.Text != "barcelona" || n != 0 {
		t.Errorf("barcelona (no copy among its matches): Hide copies %d, want 0", n)
	}
}

// bundledWithCopy is a copy of the bundled archive with a republished copy
// of its Raqqa piece (a week later, one line more); name is the original's
// file.
func bundledWithCopy(t *testing.T) (dir, name string) {
	t.Helper()
	dir = testcorpus.CopyFS(t, archive.Bundled())
	name = "2017-10-19-raqqa-terror-is-here-to-stay.md"
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	cp := strings.Replace(string(data), `date: "2017-10-19"`, `date: "2017-10-26"`, 1) + "\nReprinted with permission.\n"
	if err := os.WriteFile(filepath.Join(dir, "copy-"+name), []byte(cp), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, name
}
