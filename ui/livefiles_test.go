package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/state"
)

// pathSaved is stateSaved with the file's path, which the reader watches
// (as cli.readerSaved has).
type pathSaved struct{ stateSaved }

func (s pathSaved) Path() string { return s.saved.Path() }

// startFileWatchOf runs a watch's start and takes the watch in.
func startFileWatchOf(t *testing.T, h *harness, start tea.Cmd) *archiveWatch {
	t.Helper()
	msg, ok := runCmd(start)
	started, isStarted := msg.(fileWatchStartedMsg)
	if !ok || !isStarted {
		t.Fatalf("the watch did not start: %#v", msg)
	}
	t.Cleanup(started.w.close)
	h.sendOnly(started) // its wait is not run: the test signals for it
	return started.w
}

// Saved searches added and removed by another folio (folio saved add, rm)
// show in the SAVED group, and quotes kept by another folio (folio quotes
// add) in the open list of Q, without a key: the reader watches both
// files, and reads them again when they are written.
func TestOtherFoliosSavedSearchesAndQuotesShowWithoutAKey(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	dir := t.TempDir()
	store := pathSaved{newStateSaved(t, "quotes")}
	f := newFake(testArticles()...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
		Saved:      store,
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(openQuotesCmd(opts.OpenQuotes))
	h.requireMatch(`of 5`)

	// The watches the reader starts with Options.Watch.
	h.m.opts.Watch = true
	saved := startFileWatchOf(t, h, h.m.watchSavedFile())
	quotes := startFileWatchOf(t, h, h.m.watchQuotesFile())

	// Another folio, on the same files.
	other, err := state.OpenSaved(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Add(state.Search{Name: "From outside", Query: "raqqa"}); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, saved, "folio saved add")
	h.run(h.sendOnly(savedFileChangedMsg{stoppedWatch()}))
	h.requireMatch(`SAVED[\s\S]*» From outside\s+1`)
	if _, err := other.Remove("From outside"); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, saved, "folio saved rm")
	h.run(h.sendOnly(savedFileChangedMsg{stoppedWatch()}))
	if strings.Contains(h.screen(), "From outside") {
		t.Errorf("a removed search still shows:\n%s", h.screen())
	}

	h.key("Q")
	h.requireMatch("None yet")
	qs, warn := state.OpenQuotes("quotes", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	if _, err := qs.Add(state.Quote{Piece: "raqqa", Selector: state.Selector{Exact: "Foreign fighters have not returned in numbers."},
		Citation: state.Citation{Title: "Raqqa has fallen, but terror is here to stay"}}); err != nil {
		t.Fatal(err)
	}
	if err := qs.Save(); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, quotes, "folio quotes add")
	h.run(h.sendOnly(quotesFileChangedMsg{stoppedWatch()}))
	h.requireMatch(`Quotes · all quotes \(1\)[\s\S]*Foreign fighters have not returned`)
}

type openedPathSaved struct{ pathSaved }

func (s openedPathSaved) OpenedPath() string { return s.opened.Path() }

// The reader also watches the saved searches' opened times on its
// archive: a search opened by folio saved run or another reader is seen
// (a helper's report: its "1 new" stayed until R).
func TestOtherFoliosOpeningASavedSearchIsSeen(t *testing.T) {
	store := openedPathSaved{pathSaved{newStateSaved(t, "opened")}}
	f := newFake(testArticles()...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		Saved: store,
		Watch: true,
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	batch, ok := runCmd(h.m.watchSavedFile())
	cmds, isBatch := batch.(tea.BatchMsg)
	if !ok || !isBatch || len(cmds) != 2 {
		t.Fatalf("the watches: %#v", batch)
	}
	var opened *archiveWatch
	for _, c := range cmds {
		if w := startFileWatchOf(t, h, c); w.how == "watching "+store.opened.Path() {
			opened = w
		}
	}
	if opened == nil || h.m.live.opened != opened || h.m.live.saved == nil {
		t.Fatalf("no watch of %s", store.opened.Path())
	}
	other, err := state.OpenSavedOpened("opened", filepath.Dir(store.opened.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Mark(state.Search{Name: "Raqqa"}, time.Now(), time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	waitSignal(t, opened, "folio saved run")
}
