package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/state"
)

// starredLiveHarness is a reader on a real index of a folder of three
// pieces, its refresh real (liveIndexOptions), with the first piece of
// the list starred by * and Starred chosen in the sidebar's READING: a
// list of 1.
func starredLiveHarness(t *testing.T) (*harness, string) {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	writeTestPiece(t, arch, "three", "Aleppo rebuilt", "syria")
	opts, _ := liveIndexOptions(t, arch)
	st, warn := state.Open(testArchiveName, t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	opts.OpenState = func() (ReadingState, error) { return st, nil }
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 110, Height: 32})
	h.run(openStateCmd(opts.OpenState))
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`of 3`)
	h.key("*")
	h.key("tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupReading, readingStarred, false))
	h.key("space")
	h.requireMatch(`1 of 3`)
	return h, arch
}

// chartCount is what the chart counts of its current query, all periods.
func chartCount(t *testing.T, h *harness) int {
	t.Helper()
	if !h.m.trends.loaded || h.m.trends.err != nil || len(h.m.trends.series) == 0 {
		t.Fatalf("the chart has no counts: loaded %v, %v", h.m.trends.loaded, h.m.trends.err)
	}
	return sumPoints(h.m.trends.series[0].trend)
}

// The chart (t) and the distinctive words (w), open under a Reading
// filter while the archive changes on disk, count the filtered results
// after the refresh: they were asked again as the refresh's search
// started, before it had resolved Starred into its pieces, with the
// filter unresolved, and counted every piece (a helper's report: one
// starred piece listed, the chart's bars 4 after a piece was added).
func TestChartAndWordsFollowTheReadingFilterThroughARefresh(t *testing.T) {
	h, arch := starredLiveHarness(t)
	h.key("t")
	if n := chartCount(t, h); n != 1 {
		t.Fatalf("the chart counts %d before the change, want the 1 starred", n)
	}
	writeTestPiece(t, arch, "four", "Homs besieged", "syria")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`1 of 4`)
	if n := chartCount(t, h); n != h.m.list.total {
		t.Errorf("after the refresh the chart counts %d, the list holds %d", n, h.m.list.total)
	}
	h.key("esc", "w")
	if !h.m.words.loaded || h.m.words.res.Results != 1 {
		t.Fatalf("the words of %d results, want 1", h.m.words.res.Results)
	}
	writeTestPiece(t, arch, "five", "Idlib shelled", "syria")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`1 of 5`)
	if got := h.m.words.res.Results; got != h.m.list.total {
		t.Errorf("after the refresh the words are of %d results, the list holds %d", got, h.m.list.total)
	}
}

// t, p and P pressed while a search is on its way (its Reading filters
// not yet resolved into pieces) count, and pin, the query as the search
// resolves it, not every piece.
func TestChartAskedBeforeTheSearchAnswersWaitsForIt(t *testing.T) {
	h, _ := starredLiveHarness(t)
	// Starred chosen again: a search whose answer has not come (its Cmd
	// not run yet) when t is pressed
	search := h.m.startSearch()
	open := h.sendOnly(keyPress("t"))
	h.run(tea.Batch(open, search))
	if n := chartCount(t, h); n != 1 {
		t.Errorf("t before the answer: the chart counts %d, want the 1 starred", n)
	}
	search = h.m.startSearch()
	period := h.sendOnly(keyPress("p"))
	h.run(tea.Batch(period, search))
	if n := chartCount(t, h); n != 1 {
		t.Errorf("p before the answer: the chart counts %d, want the 1 starred", n)
	}
	search = h.m.startSearch()
	pin := h.sendOnly(keyPress("P"))
	h.run(tea.Batch(pin, search))
	if len(h.m.trends.pinned) != 1 {
		t.Fatalf("pinned %d queries", len(h.m.trends.pinned))
	}
	if ids := h.m.trends.pinned[0].query.IDs; len(ids) != 1 {
		t.Errorf("P before the answer pinned the query with IDs %v, want the starred piece's", ids)
	}
}
