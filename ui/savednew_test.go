package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/state"
)

// savedNewHarness is a reader on a real index of arch, with the saved
// searches of store, its list marks read from the screen.
func savedNewHarness(t *testing.T, arch string, store stateSaved) (*harness, func() []string) {
	t.Helper()
	opts, _ := liveIndexOptions(t, arch)
	opts.Saved = store
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	marked := func() []string {
		var rows []string
		lines := strings.Split(h.screen(), "\n")
		for i, l := range lines {
			if strings.Contains(l, newMark+" · 2019-03-04") {
				rows = append(rows, strings.TrimSpace(strings.Trim(strings.SplitN(lines[i-1], "│", 2)[1], " ▌")))
			}
		}
		slices.Sort(rows)
		return rows
	}
	return h, marked
}

// openSavedISIS opens the saved search ISIS from the sidebar.
// saveISIS chooses the tag isis in the sidebar, waits for the header to
// say shown ("1 of 1"), and saves the search as ISIS.
func saveISIS(h *harness, shown string) {
	h.t.Helper()
	h.key("tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupTags, "isis", false))
	h.key("space")
	h.requireMatch(shown + ` · .*tag:isis`)
	h.key("S")
	h.typeText("ISIS")
	h.key("enter")
	h.requireMatch(`Saved the search as ISIS`)
}

func openSavedISIS(h *harness) {
	h.t.Helper()
	if h.m.focus != paneSidebar {
		h.key("tab")
	}
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupSaved, "ISIS", false))
	h.key("enter")
	h.requireMatch(`Opened ISIS`)
}

// A saved search opened for the first time (saved by folio saved add,
// never opened in the reader) has nothing new to mark at its opening,
// but a piece that comes while it is open is new since then, and marked,
// as savedNew promises. On a real index and real files.
func TestFirstOpenedSavedSearchMarksWhatComes(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Aleppo", "syria")
	store := newStateSaved(t, arch)
	if _, err := store.saved.Add(state.Search{Name: "ISIS", Filters: state.Filters{Tags: []string{"isis"}}}); err != nil {
		t.Fatal(err)
	}
	h, marked := savedNewHarness(t, arch, store)
	h.requireMatch(`» ISIS\s+1 │`)
	openSavedISIS(h)
	h.requireMatch(`1 of 2 · .*tag:isis`)
	if got := marked(); len(got) != 0 {
		t.Fatalf("opened for the first time, rows marked new: %q\n%s", got, h.screen())
	}

	writeTestPiece(t, arch, "three", "Mosul falls", "isis")
	h.key("R")
	h.requireMatch(`» ISIS\s+2 · 1 new │`)
	h.requireMatch(`2 of 3 · .*tag:isis`)
	if got := marked(); !slices.Equal(got, []string{"Mosul falls"}) {
		t.Fatalf("a piece come while it is open, rows marked new: %q, want Mosul falls\n%s", got, h.screen())
	}
}

// An answer of what is new that a later one has overtaken (the search
// opened again while it was on its way) is dropped: the marks are those
// of the opening shown. On a real index and real files.
func TestOvertakenSavedNewAnswerIsDropped(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	store := newStateSaved(t, arch)
	h, marked := savedNewHarness(t, arch, store)
	saveISIS(h, `1 of 1`)
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	h.key("R")
	h.requireMatch(`» ISIS\s+2 · 1 new │`)
	openSavedISIS(h)
	h.requireMatch(`Opened ISIS: 1 new since last time`)
	if got := marked(); !slices.Equal(got, []string{"Mosul falls"}) {
		t.Fatalf("opened with 1 new, rows marked new: %q\n%s", got, h.screen())
	}
	// what is new is being found again (as a count of the saved searches
	// asks) when the search is opened again, with nothing new now
	late := h.runCmd(h.m.findSavedNew())
	if m, ok := late.(savedNewMsg); !ok || len(m.ids) != 1 {
		t.Fatalf("the answer held back is %#v, want Mosul falls", late)
	}
	openSavedISIS(h)
	h.requireMatch(`(?m)Opened ISIS(\s|$)`)
	if got := marked(); len(got) != 0 {
		t.Fatalf("opened again with nothing new, rows marked new: %q\n%s", got, h.screen())
	}
	h.send(late)
	if got := marked(); len(got) != 0 {
		t.Fatalf("after the overtaken answer, rows marked new: %q\n%s", got, h.screen())
	}
}

// Once the query is changed, the list is another search: the marks of the
// saved search go, and do not come back when the saved searches are
// counted again (R, a new piece). On a real index and real files.
func TestChangedQueryForgetsSavedNew(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	store := newStateSaved(t, arch)
	h, marked := savedNewHarness(t, arch, store)
	saveISIS(h, `1 of 1`)
	writeTestPiece(t, arch, "two", "Raqqa again", "isis")
	h.key("R")
	h.requireMatch(`» ISIS\s+2 · 1 new │`)
	openSavedISIS(h)
	h.requireMatch(`Opened ISIS: 1 new since last time`)
	if got := marked(); !slices.Equal(got, []string{"Raqqa again"}) {
		t.Fatalf("opened with 1 new, rows marked new: %q\n%s", got, h.screen())
	}

	h.key("/")
	h.typeText("raqqa")
	h.key("enter")
	h.requireMatch(`/ raqqa .*2 of 2 · relevance`)
	if got := marked(); len(got) != 0 {
		t.Fatalf("the query changed, rows marked new: %q\n%s", got, h.screen())
	}
	writeTestPiece(t, arch, "three", "Aleppo", "syria")
	h.key("R")
	h.requireMatch(`» ISIS\s+2 │`)
	h.requireMatch(`/ raqqa .*2 of 3 · relevance`)
	if got := marked(); len(got) != 0 {
		t.Fatalf("the query changed, then counted again: rows marked new: %q\n%s", got, h.screen())
	}
}
