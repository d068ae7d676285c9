package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestTrendsChart: t draws the current query's pieces per period on the
// bundled archive (dated to the month and the day: months are chosen),
// with the peak, a pinned query beside it with its own glyph, and enter
// filters the results to the period under the cursor, exactly the bar's
// pieces.
func TestTrendsChart(t *testing.T) {
	ix, _ := realIndex(t, "")
	h := newHarness(t, ix, 100, 30)
	h.key("/")
	h.typeText("barcelona")
	h.key("enter", "t")
	h.requireScreen("Attention over time · pieces per month")
	h.requireScreen("██ barcelona 7")
	h.requireScreen("peak 2017-08")
	if strings.Contains(h.screen(), "as high") { // no other month as high
		t.Errorf("ties said:\n%s", h.screen())
	}
	h.requireFits("chart", 100, 30)
	h.key("P", "esc")
	if h.m.trends.open {
		t.Fatal("esc did not close the chart")
	}
	h.key("/")
	for range len("barcelona") {
		h.key("backspace")
	}
	h.typeText("raqqa")
	h.key("enter", "t")
	h.requireScreen("▒▒ barcelona 7")
	h.requireScreen("██ raqqa")
	if q := h.m.query.Text; q != "raqqa" {
		t.Fatalf("query %q", q)
	}
	if got := len(h.m.trends.series); got != 2 {
		t.Fatalf("%d series, want raqqa and the pinned barcelona", got)
	}
	h.key("s")
	h.requireScreen("share of the period's pieces per month")
	h.key("s")

	// the cursor to 2017-08 (the start of barcelona's peak), then enter
	h.key("g")
	pts := h.m.trends.series[0].trend.Points
	for pts[h.m.trends.cursor].Period != "2017-08" {
		h.key("l")
	}
	h.requireScreen("2017-08: 10 pieces in the archive")
	bar := pts[h.m.trends.cursor].Count
	h.key("enter")
	if h.m.trends.open {
		t.Fatal("enter did not close the chart")
	}
	if h.m.query.Months == nil || h.m.query.Months[0] != "2017-08" || h.m.list.total != bar {
		t.Fatalf("filtered to %v: %d results, the bar has %d", h.m.query.Months, h.m.list.total, bar)
	}
	h.requireScreen("2017-08")
	h.key("x")
	if h.m.period != nil || h.m.query.Months != nil {
		t.Fatalf("x left the period filter: %v", h.m.query.Months)
	}
	// p cycles month → week: the month-dated pieces are not in any week
	h.key("t", "p")
	if h.m.trends.by != index.ByWeek {
		t.Fatalf("p: %s", h.m.trends.by)
	}
	h.requireScreen("pieces per week")
	h.requireMatch(`dated less precisely`)
	h.requireFits("weeks", 100, 30)
}

// TestTrendsNarrowAndColourless: the chart fits small terminals and tells
// the series apart by glyph without colour.
func TestTrendsNarrowAndColourless(t *testing.T) {
	ix, _ := realIndex(t, "")
	h := newHarness(t, ix, 40, 14)
	h.key("t")
	if v := h.m.trends.view(40, 12, NewStyles(true, true), true); strings.Contains(v, "\x1b[38") {
		t.Errorf("a foreground colour under NO_COLOR: %q", v)
	}
	if v := h.m.trends.view(40, 12, NewStyles(true, false), false); !strings.Contains(v, "\x1b[38") {
		t.Errorf("no colour without NO_COLOR: %q", v)
	}
	h.requireFits("narrow chart", 40, 14)
	if !regexp.MustCompile(`█`).MatchString(h.screen()) {
		t.Fatalf("no bars:\n%s", h.screen())
	}
}

// noTrends is a Searcher without Trend.
type noTrends struct{ *fakeSearcher }

func TestTrendsWithoutTheCapability(t *testing.T) {
	h := newHarness(t, noTrends{newFake(testArticles()...)}, 80, 24)
	h.key("t")
	if h.m.trends.open || !strings.Contains(h.screen(), "cannot count pieces over time") {
		t.Fatalf("screen:\n%s", h.screen())
	}
}

// The chart's period labels keep a space between them: week labels ran
// together ("2020-W012020-W05", a helper's report).
func TestChartAxisLabelsStandApart(t *testing.T) {
	var pts []index.TrendPoint
	for w := 1; w <= 20; w++ {
		pts = append(pts, index.TrendPoint{Period: fmt.Sprintf("2020-W%02d", w), Count: w % 3})
	}
	p := trendsPane{series: []trendSeries{{label: "x", trend: index.Trend{By: index.ByWeek, Points: pts}}}}
	f := chartFrame{p: p, first: 0, last: len(pts), group: 2}
	labels := f.axis(80)[2]
	if strings.Contains(labels, "W012020") || strings.Contains(labels, "2020-W") && strings.Count(labels, "2020-W") != len(strings.Fields(labels)) {
		t.Errorf("labels run together: %q", labels)
	}
	if strings.Count(labels, "2020-W") < 2 {
		t.Errorf("too few labels: %q", labels)
	}
}

// The chart and the words, open while the archive changes, count the index
// as it now is (a helper's report: the top bar said 89 while the chart
// went on saying 84).
func TestChartFollowsTheArchive(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Raqqa rebuilt", "syria")
	for i := range 8 { // words for w to find: the caliphate's beside raqqa, the budget's elsewhere
		body := "Raqqa and the caliphate, the coalition offensive and the siege.\n"
		if i%2 == 1 {
			body = "The budget, the tax and the economy.\n"
		}
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("more%d.md", i)), []byte(fmt.Sprintf("---\ntitle: More %d\ndate: 2018-0%d-01\n---\n%s", i, i+1, body)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts, _ := liveIndexOptions(t, arch)
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.key("/")
	h.typeText("raqqa")
	h.key("enter", "t")
	h.requireMatch(`raqqa 6\b`)
	writeTestPiece(t, arch, "three", "Raqqa again", "isis")
	writeTestPiece(t, arch, "four", "Raqqa elsewhere", "syria")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`8 of 12`)
	h.requireMatch(`raqqa 8\b`)
	// the words, asked again
	h.key("esc", "w")
	asked := h.m.words.asked()
	if len(h.m.words.res.Terms) < 2 {
		t.Fatalf("too few words to move among: %+v", h.m.words.res.Terms)
	}
	h.key("j")
	word := h.m.words.res.Terms[1]
	writeTestPiece(t, arch, "five", "Raqqa once more", "isis")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`9 of 13`)
	if !h.m.words.open || h.m.words.asked() == asked || !h.m.words.loaded {
		t.Errorf("the words after a change: open %v, asked %d (was %d), loaded %v", h.m.words.open, h.m.words.asked(), asked, h.m.words.loaded)
	}
	// the cursor stays on its word (a review's report: it went back to the
	// first row, and enter added another word)
	if at := h.m.words.res.Terms[h.m.words.cursor]; at.Term != word.Term && slices.ContainsFunc(h.m.words.res.Terms, func(t index.SignificantTerm) bool { return t.Term == word.Term }) {
		t.Errorf("the cursor is on %q, was on %q", at.Term, word.Term)
	}
	if h.m.words.cursor == 0 && h.m.words.res.Terms[0].Term != word.Term {
		t.Errorf("the cursor went back to the first row")
	}
}

// TestChartAndWordsFillTheScreen: whatever the chart and the words say
// instead of themselves (too small, counting, nothing to count), they take
// the whole body, the footer on the last line as in every other view (a
// helper's report: on an empty archive it was on line 6 of 20).
func TestChartAndWordsFillTheScreen(t *testing.T) {
	empty, _ := realIndex(t, t.TempDir())
	bundled, _ := realIndex(t, "")
	for _, c := range []struct {
		name  string
		s     Searcher
		w, h  int
		open  string
		says  string
		keyOf string // the footer's first key
	}{
		{"empty archive", empty, 100, 20, "t", "no pieces to count", "←/h"},
		{"30×8", bundled, 30, 8, "t", "Too small for the chart", "←/h"},
		{"20×5", bundled, 20, 5, "t", "Too small for the", "←/h"},
		{"words, empty archive", empty, 100, 20, "w", "No piece matches", "↑/k"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, c.s, c.w, c.h)
			h.key(c.open)
			h.requireScreen(c.says)
			lines := strings.Split(h.screen(), "\n")
			if len(lines) != c.h || !strings.HasPrefix(strings.TrimSpace(lines[len(lines)-1]), c.keyOf) {
				t.Errorf("%d lines of %d, the footer not last:\n%s", len(lines), c.h, h.screen())
			}
		})
	}
}

// TestChartOfUndatedPiecesSaysThem: an archive of undated pieces alone
// has no period to chart; t says how many pieces it has and that none is
// dated, and the query's count, as folio trends' undated row does (a
// review: "The archive has no pieces to count" of 3), by every period.
func TestChartOfUndatedPiecesSaysThem(t *testing.T) {
	dir := t.TempDir()
	testcorpus.WriteTree(t, dir, map[string]string{
		"hugo.toml":          "baseURL = \"https://example.org/\"\n",
		"content/posts/a.md": "---\ntitle: A\n---\nGlacier.\n",
		"content/posts/b.md": "---\ntitle: B\n---\nGlacier.\n",
		"content/blog/c.md":  "---\ntitle: C\n---\nFjord.\n",
	})
	ix, _ := realIndex(t, dir)
	h := newHarness(t, ix, 120, 30)
	h.run(h.m.startSearch())
	h.key("t")
	h.requireScreen("The archive has 3 pieces, none dated: no period to count them in.")
	h.requireScreen("all pieces: 3 pieces, undated")
	for range 3 {
		h.key("p")
		h.requireScreen("The archive has 3 pieces, none dated")
	}
	h.key("esc", "/")
	h.typeText("glacier")
	h.key("enter", "t")
	h.requireScreen("glacier: 2 pieces, undated")
}

// The legend says undated pieces are undated: a chart of 3 dated and 2
// undated pieces said "5, 2 dated less precisely" (a review, 41ra).
func TestChartLegendSaysUndated(t *testing.T) {
	dir := t.TempDir()
	testcorpus.WriteTree(t, dir, map[string]string{
		"hugo.toml":          "baseURL = \"https://example.org/\"\n",
		"content/posts/a.md": "---\ntitle: A\ndate: 2020-01-05\n---\nGlacier.\n",
		"content/posts/b.md": "---\ntitle: B\ndate: 2020-02-05\n---\nGlacier.\n",
		"content/posts/y.md": "---\ntitle: Y\ndate: 2021\n---\nGlacier.\n",
		"content/blog/c.md":  "---\ntitle: C\n---\nFjord.\n",
		"content/blog/d.md":  "---\ntitle: D\n---\nFjord.\n",
	})
	ix, _ := realIndex(t, dir)
	h := newHarness(t, ix, 120, 30)
	h.run(h.m.startSearch())
	h.key("t")
	h.requireScreen("all pieces 5, 2 undated")
	for range 4 { // by month: the year-only piece is on no bar either
		if h.m.trends.by == index.ByMonth {
			break
		}
		h.key("p")
	}
	h.requireScreen("all pieces 5, 2 undated, 1 dated less precisely")
}

// The value axis labels only values that are whole and true: none beside
// a chart without hits (it said 0 at the top, the middle and the
// bottom), no midline at a peak of 1 (it said 0 under a full bar) or of 7
// (it said 3, for 3.5), 4 at a peak of 8, on the row where a bar of 4
// ends.
func TestChartValueAxisSaysOnlyTrueValues(t *testing.T) {
	for _, c := range []struct {
		peak     int
		top, mid string
	}{{0, "", ""}, {1, "1", ""}, {7, "7", ""}, {8, "8", "4"}} {
		for _, chartH := range []int{7, 8} {
			pts := []index.TrendPoint{{Period: "2020", Count: c.peak}, {Period: "2021", Count: c.peak / 2}}
			p := trendsPane{series: []trendSeries{{label: "x", trend: index.Trend{By: index.ByYear, Points: pts}}}}
			f := chartFrame{p: p, first: 0, last: len(pts), group: 2, top: float64(c.peak)}
			rows := f.bars(chartH)[1:] // under the peak's marker, the top first
			labels := map[string]int{}
			for i, row := range rows {
				if l := strings.TrimSpace(strings.SplitN(row, "│", 2)[0]); l != "" {
					labels[l] = chartH - i // the row, 1 at the bottom
				}
			}
			want := map[string]int{}
			if c.top != "" {
				want[c.top] = chartH
			}
			if c.mid != "" {
				want[c.mid] = (chartH + 1) / 2
			}
			if fmt.Sprint(labels) != fmt.Sprint(want) {
				t.Errorf("peak %d, %d rows: labels (value: row) %v, want %v\n%s", c.peak, chartH, labels, want, strings.Join(rows, "\n"))
			}
			if c.mid != "" {
				// the bar of half the peak ends on the midline's row
				half := rows[chartH-(chartH+1)/2]
				above := rows[chartH-(chartH+1)/2-1]
				if strings.Count(half, f.glyph(0)) != 2 || strings.Count(above, f.glyph(0)) != 1 {
					t.Errorf("peak %d, %d rows: the bar of %s does not end on its label's row:\n%s", c.peak, chartH, c.mid, strings.Join(rows, "\n"))
				}
			}
		}
	}
	// a share, to a tenth of a point
	pts := []index.TrendPoint{{Period: "2020", Count: 1, Total: 3}}
	p := trendsPane{share: true, series: []trendSeries{{label: "x", trend: index.Trend{By: index.ByYear, Points: pts}}}}
	f := chartFrame{p: p, first: 0, last: 1, group: 2, top: 1.0 / 3}
	if rows := f.bars(8); !strings.HasPrefix(strings.TrimSpace(rows[1]), "33.3%│") || !strings.HasPrefix(strings.TrimSpace(rows[1+8-4]), "16.7%│") {
		t.Errorf("a share of a third:\n%s", strings.Join(rows, "\n"))
	}
}
