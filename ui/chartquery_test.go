package ui

import (
	"context"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// TestChartCountsTheResultsWithoutTheBar: the chart counts what the
// results are of, the sidebar's years and the Reading filter as the search
// resolved it, over every period (Trend sets the years aside): not the bar's period that filters the
// list (here a week, whose dates would cut the chart to it), nor the
// list's page and sort.
func TestChartCountsTheResultsWithoutTheBar(t *testing.T) {
	ix, arch := realIndex(t, rangesArchive(t))
	st, warn := state.Open(testArchiveName, t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	starred := 0
	for _, a := range arch.Articles {
		if a.Title == "Piece 2010 0" || a.Title == "Piece 2020-01-02 0" || a.Title == "Piece 2021-03-04 0" {
			st.ToggleStar(a.ID)
			starred++
		}
	}
	if starred != 3 {
		t.Fatalf("starred %d pieces", starred)
	}
	opts := Options{OpenIndex: func(context.Context, func(done, total int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count()}, nil
	}, OpenState: func() (ReadingState, error) { return st, nil }, After: testClock}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(openStateCmd(opts.OpenState))
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.m.sidebar.chosen[groupYears] = []string{"2010", "2020"}
	h.m.sidebar.chosen[groupReading] = []string{readingStarred}
	h.m.period = newPeriodFilter(index.ByWeek, "2020-W01")
	h.run(h.m.startSearch())
	if got := h.m.list.total; got != 1 {
		t.Fatalf("the week's starred pieces listed: %d, want 1", got)
	}
	q := h.m.currentTrendSeries().query
	if !slices.Equal(q.Years, []string{"2010", "2020"}) || q.Months != nil || !q.From.IsZero() || !q.To.IsZero() || q.Limit != 0 || q.Offset != 0 || q.Sort != index.SortRelevance || len(q.IDs) != 3 {
		t.Fatalf("the chart's query: %+v", q)
	}
	tr, err := ix.Trend(context.Background(), q, index.ByYear)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, p := range tr.Points {
		counts[p.Period] += p.Count
	}
	if counts["2010"] != 1 || counts["2020"] != 1 || counts["2021"] != 1 || counts["1999"]+counts["2000"]+counts["2005"] != 0 {
		t.Errorf("the chart counts %v, want the starred pieces, one in each of 2010, 2020 and 2021 (Trend sets the years chosen aside)", counts)
	}
}
