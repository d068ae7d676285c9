package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// testArchiveName names the archive of the reading-state tests.
const testArchiveName = "ui-test"

// newReadingHarness is newHarness with a real reading state in dir (a
// t.TempDir() shared by the "runs" of a test that restarts folio). It
// returns the store the interface uses.
func newReadingHarness(t *testing.T, s Searcher, dir string, w, h int) (*harness, *state.Store) {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	st, warn := state.Open(testArchiveName, dir)
	if warn != nil {
		t.Fatalf("state.Open: %v", warn)
	}
	count := 0
	if f, ok := s.(*fakeSearcher); ok {
		count = len(f.articles)
	}
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return s, Info{Count: count}, nil
		},
		OpenState: func() (ReadingState, error) { return st, nil },
	}
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(openStateCmd(opts.OpenState))
	hs.run(openIndexCmd(context.Background(), opts.OpenIndex, hs.m.relay))
	return hs, st
}

// longArticle is a piece long enough to scroll in any test terminal.
func longArticle() archive.Article {
	var b strings.Builder
	for i := 1; i <= 80; i++ {
		fmt.Fprintf(&b, "Paragraph %d of a long piece about intelligence.\n\n", i)
	}
	return archive.Article{ID: "long", Title: "A long piece", Outlet: "RUSI", Date: day("2015-03-01"),
		Tags: []string{"intelligence"}, Kind: "article", URL: "https://rusi.org/long", Body: b.String()}
}

// clipboard is the text of the last clipboard write (OSC 52) the harness saw.
func (h *harness) clipboard() (string, bool) {
	for i := len(h.msgs) - 1; i >= 0; i-- {
		v := reflect.ValueOf(h.msgs[i])
		if v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
			return v.String(), true
		}
	}
	return "", false
}

// searchQueries are the searches of the list (not the Reading counts, which
// ask for one hit).
func searchQueries(f *fakeSearcher) []index.Query {
	var out []index.Query
	for _, q := range f.Queries() {
		if q.Limit == pageSize {
			out = append(out, q)
		}
	}
	return out
}

func selectedID(t *testing.T, h *harness) string {
	t.Helper()
	hit, ok := h.m.list.selected()
	if !ok {
		t.Fatal("no piece selected")
	}
	return hit.ID
}

func TestOpeningMarksReadAndTheListShowsMarks(t *testing.T) {
	h, st := newReadingHarness(t, newFake(testArticles()...), t.TempDir(), 100, 30)
	// All unread at first: every row has the dot.
	if n := unreadRows(h); n != 5 {
		t.Fatalf("%d unread marks, want 5:\n%s", n, h.screen())
	}
	h.key("enter")
	if !st.IsRead("raqqa") {
		t.Fatal("opening did not mark the piece read")
	}
	if len(st.History()) != 1 {
		t.Fatalf("history %v", st.History())
	}
	h.key("esc")
	if n := unreadRows(h); n != 4 {
		t.Fatalf("%d unread marks after reading one, want 4", n)
	}
}

// unreadRows counts the rows of the list that carry the unread mark.
func unreadRows(h *harness) int {
	return len(regexp.MustCompile(`(?m)[│▌ ] `+unreadMark+`[ `+starMark+`] \S`).FindAllString(h.screen(), -1))
}

// requireMatch fails unless the screen matches the regular expression.
func (h *harness) requireMatch(expr string) {
	h.t.Helper()
	if !regexp.MustCompile(expr).MatchString(h.screen()) {
		h.t.Fatalf("screen does not match %s:\n%s", expr, h.screen())
	}
}

func TestMarkAndStarInTheList(t *testing.T) {
	h, st := newReadingHarness(t, newFake(testArticles()...), t.TempDir(), 100, 30)
	h.key("j") // parsons
	h.key("*")
	if !st.IsStarred("parsons") {
		t.Fatal("* did not star the selected piece")
	}
	h.requireScreen("Starred")
	if !strings.Contains(h.screen(), unreadMark+starMark+" Parsons Green") {
		t.Fatalf("the row shows no star:\n%s", h.screen())
	}
	h.key("m")
	if !st.IsRead("parsons") {
		t.Fatal("m did not mark the selected piece read")
	}
	h.requireScreen("Marked read")
	h.key("m", "*")
	if st.IsRead("parsons") || st.IsStarred("parsons") {
		t.Fatal("m and * do not toggle back")
	}
}

func TestMarkAndStarInTheReader(t *testing.T) {
	h, st := newReadingHarness(t, newFake(testArticles()...), t.TempDir(), 100, 30)
	h.key("enter") // raqqa, now read
	h.key("*")
	if !st.IsStarred("raqqa") {
		t.Fatal("* did not star the open piece")
	}
	if bar := readerBar(h.screen()); !strings.Contains(bar, starMark+" Raqqa has fallen") {
		t.Fatalf("the reader's bar shows no star: %q", bar)
	}
	h.key("m")
	if st.IsRead("raqqa") {
		t.Fatal("m did not mark the open piece unread")
	}
	h.requireScreen("Marked unread")
	h.key("esc")
	if st.IsRead("raqqa") {
		t.Fatal("leaving the reader marked the piece read again")
	}
}

// readerBar is the reader's own last line, above the footer.
func readerBar(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-2]
}

func TestPositionIsKeptPerPiece(t *testing.T) {
	as := append(testArticles(), longArticle())
	dir := t.TempDir()
	h, st := newReadingHarness(t, newFake(as...), dir, 80, 20)
	h.key("G", "enter") // the long piece is the oldest
	if h.m.reader.key.id != "long" {
		t.Fatalf("opened %q", h.m.reader.key.id)
	}
	h.key("d", "d")
	at := h.m.reader.offset
	if at == 0 {
		t.Fatal("d did not scroll")
	}
	h.key("esc")
	if got := st.Position("long"); got != at {
		t.Fatalf("position %d saved, want %d", got, at)
	}
	// Another piece opens at its top; the long one where reading stopped.
	h.key("g", "enter")
	if h.m.reader.offset != 0 {
		t.Fatalf("another piece opened at line %d", h.m.reader.offset)
	}
	h.key("esc", "G", "enter")
	if h.m.reader.offset != at {
		t.Fatalf("reopened at line %d, want %d", h.m.reader.offset, at)
	}
	// ] to the next piece keeps the place too.
	h.key("j")
	h.key("[")
	if got := st.Position("long"); got != at+1 {
		t.Fatalf("] kept position %d, want %d", got, at+1)
	}
}

func TestQuitSavesTheStateAndTheOpenPiecesPlace(t *testing.T) {
	as := append(testArticles(), longArticle())
	dir := t.TempDir()
	h, _ := newReadingHarness(t, newFake(as...), dir, 80, 20)
	h.key("*", "j", "*")
	h.key("G", "enter", "d")
	at := h.m.reader.offset
	h.key("ctrl+c")
	if !h.quitSeen() {
		t.Fatal("ctrl+c did not quit")
	}
	// A restart: a new store from the same folder.
	again, warn := state.Open(testArchiveName, dir)
	if warn != nil {
		t.Fatal(warn)
	}
	if got := again.Starred(); !slices.Equal(got, []string{"parsons", "raqqa"}) {
		t.Fatalf("starred after restart: %v", got)
	}
	if got := again.Position("long"); got != at || at == 0 {
		t.Fatalf("position after restart %d, want %d", got, at)
	}
	h2, _ := newReadingHarness(t, newFake(as...), dir, 100, 30)
	if n := strings.Count(h2.screen(), starMark); n < 2 {
		t.Fatalf("the stars are not back:\n%s", h2.screen())
	}
	h2.key("G", "enter")
	if h2.m.reader.offset != at {
		t.Fatalf("after restart the piece opened at %d, want %d", h2.m.reader.offset, at)
	}
}

// TestSaveWaitsForAPauseAndReportsFailure: a star or a read mark given by
// a key is on disk once the key's Cmds have run (it waited for a pause,
// which a kill -9 could cut); a mark reading makes by itself (a piece
// opened) waits for a pause, and a later change has its own.
func TestSaveWaitsForAPauseAndReportsFailure(t *testing.T) {
	dir := t.TempDir()
	h, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	h.key("*", "j", "*")
	again, _ := state.Open(testArchiveName, dir)
	if len(again.Starred()) != 2 {
		t.Fatalf("after the keys the file has %v starred", again.Starred())
	}
	h.key("enter")
	id, _, _ := h.m.reader.place()
	again, _ = state.Open(testArchiveName, dir)
	if id == "" || again.IsRead(id) {
		t.Fatalf("opening %q saved its read mark at once", id)
	}
	seq := h.m.saveSeq
	if cmd := h.sendOnly(saveDueMsg{seq: seq - 1}); cmd != nil {
		t.Fatal("a save ran although a later change came")
	}
	h.send(saveDueMsg{seq: seq})
	again, _ = state.Open(testArchiveName, dir)
	if !again.IsRead(id) {
		t.Fatalf("after the pause %q is not read in the file", id)
	}
	h.send(stateSavedMsg{err: errors.New("disk full")})
	h.requireScreen("Reading state not saved: disk full")
	h.send(clearStatusMsg{id: h.m.status.id})
	h.send(stateSavedMsg{err: errors.New("disk full")})
	if h.m.status.active() {
		t.Fatal("the same failure was reported twice")
	}
	// a mark given while saves fail is said as its save answers: this
	// one's writes (the folder is fine), so the failure is not said of it
	// (TestAMarkSavedAfterFailuresSaysSo has a save that fails)
	h.send(keyPress("*"))
	if s := h.screen(); !strings.Contains(s, "Star removed") || strings.Contains(s, "not saved") {
		t.Errorf("a mark saved after failures:\n%s", s)
	}
}

func TestStateWarningIsShown(t *testing.T) {
	st, _ := state.Open(testArchiveName, t.TempDir())
	opts := Options{OpenState: func() (ReadingState, error) {
		return st, errors.New("state file was corrupt; moved it aside")
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openStateCmd(opts.OpenState))
	h.requireScreen("Reading state: state file was corrupt")
	if h.m.reading == nil {
		t.Fatal("the state that came with the warning is not used")
	}
}

func TestReadingFiltersAndCounts(t *testing.T) {
	f := newFake(testArticles()...)
	h, st := newReadingHarness(t, f, t.TempDir(), 100, 30)
	h.key("*", "j", "*") // raqqa, parsons
	h.key("j", "enter", "esc")
	if !st.IsRead("barcelona") {
		t.Fatal("barcelona not read")
	}
	h.key("tab")
	h.requireScreen("READING")
	h.requireMatch(starMark + ` Starred\s+2 │`)
	h.requireMatch(unreadMark + ` Unread\s+4 │`)

	h.key("space") // Starred
	q := searchQueries(f)[len(searchQueries(f))-1]
	if !slices.Equal(q.IDs, []string{"parsons", "raqqa"}) {
		t.Fatalf("the Starred filter searched IDs %v", q.IDs)
	}
	if h.m.list.total != 2 {
		t.Fatalf("Starred shows %d pieces", h.m.list.total)
	}
	h.requireScreen("is:starred")

	h.key("space", "j", "space") // Starred off, Unread on
	if h.m.list.total != 4 {
		t.Fatalf("Unread shows %d pieces", h.m.list.total)
	}
	// Unread leaves out the read pieces rather than listing every other one.
	q = searchQueries(f)[len(searchQueries(f))-1]
	if q.IDs != nil || !slices.Equal(q.ExcludeIDs, []string{"barcelona"}) {
		t.Fatalf("the Unread filter searched IDs %v, excluding %v", q.IDs, q.ExcludeIDs)
	}
	for i := 0; i < h.m.list.total; i++ {
		if hit, _ := h.m.list.hit(i); hit.ID == "barcelona" {
			t.Fatal("a read piece is in the Unread results")
		}
	}
	h.key("k", "space") // both: starred and unread
	if h.m.list.total != 2 {
		t.Fatalf("Starred+Unread shows %d pieces", h.m.list.total)
	}
	// No starred piece at all: the filter shows nothing, not everything.
	h.key("tab", "*", "j", "*")
	if len(st.Starred()) != 0 {
		t.Fatalf("still starred: %v", st.Starred())
	}
	h.key("tab", "x", "g", "space") // Starred only
	if h.m.list.total != 0 {
		t.Fatalf("Starred with no stars shows %d pieces", h.m.list.total)
	}
	h.requireScreen("No pieces match")
}

func TestCountsFollowTheQuery(t *testing.T) {
	h, _ := newReadingHarness(t, newFake(testArticles()...), t.TempDir(), 100, 30)
	h.key("*")
	h.key("/")
	h.typeText("parsons")
	h.key("enter", "tab")
	h.requireMatch(starMark + ` Starred\s+0 │`)
	h.requireMatch(unreadMark + ` Unread\s+1 │`)
}

func TestTimelineBarFiltersToAPeriod(t *testing.T) {
	f := newFake(testArticles()...) // 2016 and 2017
	h := newHarness(t, f, 100, 30)
	h.requireScreen("TIMELINE")
	h.key("tab", "G", "j")
	if !h.m.sidebar.inTimeline {
		t.Fatal("j past the last value did not enter the timeline")
	}
	h.requireScreen("2017: 4 pieces")
	h.key("h")
	h.requireScreen("2016: 1 piece")
	h.key("l", "enter")
	q := lastQuery(t, f)
	if want := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC); !q.From.Equal(want) {
		t.Fatalf("From %v, want %v", q.From, want)
	}
	if want := time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC); !q.To.Equal(want) {
		t.Fatalf("To %v, want %v", q.To, want)
	}
	if h.m.list.total != 4 {
		t.Fatalf("2017 shows %d pieces", h.m.list.total)
	}
	h.requireScreen("date:2017")
	// The timeline now shows the months of 2017; choose the last (October).
	h.requireScreen("◉ 2017")
	if !h.m.sidebar.inTimeline {
		t.Fatal("the cursor left the timeline")
	}
	h.key("l", "l", "l", "l", "l", "l", "enter")
	if h.m.list.total != 1 {
		t.Fatalf("2017-10 shows %d pieces", h.m.list.total)
	}
	h.requireScreen("date:2017-10")
	// x clears the period like any filter.
	h.key("x")
	if h.m.list.total != 5 || !lastQuery(t, f).From.IsZero() {
		t.Fatalf("x left %d pieces, From %v", h.m.list.total, lastQuery(t, f).From)
	}
	h.key("k")
	if h.m.sidebar.inTimeline {
		t.Fatal("k did not leave the timeline")
	}
}

func TestClickingATimelineBar(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	sb := h.m.sidebar
	barsY := h.m.bodyTop() + sb.listHeight() + 2
	// The first bar (2016) starts one cell in.
	h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 1, Y: barsY})
	if h.m.list.total != 1 || h.m.sidebar.period.label != "2016" {
		t.Fatalf("click chose %q: %d pieces", h.m.sidebar.period.label, h.m.list.total)
	}
	if h.m.focus != paneSidebar || !h.m.sidebar.inTimeline {
		t.Fatal("the click did not put the cursor on the timeline")
	}
}

func TestTimelineBarsSqueezeLongSpans(t *testing.T) {
	var buckets []timelineBucket
	for y := 1900; y < 2000; y++ {
		buckets = append(buckets, timelineBucket{label: fmt.Sprint(y), count: 1})
	}
	bars := timelineBars(buckets, 22)
	if len(bars) != 22 {
		t.Fatalf("%d bars", len(bars))
	}
	total := 0
	for _, b := range bars {
		total += b.count
	}
	if total != 100 {
		t.Fatalf("the bars hold %d pieces, want 100", total)
	}
	first, last := bars[0], bars[len(bars)-1]
	if first.label != "1900–1904" || !first.from.Equal(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)) ||
		!first.to.Equal(time.Date(1904, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("first bar %+v", first)
	}
	if !last.to.Equal(time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("last bar %+v", last)
	}
}

func TestCiteCopiesTheOpenPiece(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("enter", "c")
	got, ok := h.clipboard()
	if !ok {
		t.Fatal("c wrote nothing to the clipboard")
	}
	want := `Raffaello Pantucci, "Raqqa has fallen, but terror is here to stay," The Telegraph, 19 October 2017, https://www.telegraph.co.uk/news/raqqa.`
	if got != want {
		t.Fatalf("citation\n got %q\nwant %q", got, want)
	}
	h.requireScreen("Copied citation")
}

func TestCiteAllCopiesTheResults(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("/")
	h.typeText("threat")
	h.key("enter")
	h.key("C")
	got, _ := h.clipboard()
	if n := strings.Count(got, "\n"); n != 3 {
		t.Fatalf("C copied %d citations for 3 results:\n%s", n, got)
	}
	// As a bibliography: by author (the outlet for a piece without one,
	// "The" aside), not by the list's order (newest first).
	lines := strings.Split(got, "\n")
	if !strings.HasPrefix(lines[0], `"Parsons Green`) || !strings.HasPrefix(lines[1], "Raffaello Pantucci") || !strings.HasPrefix(lines[2], `"Twelve years`) {
		t.Fatalf("not sorted as a bibliography:\n%s", got)
	}
	h.requireScreen("Copied 3 citations")
	// The reader's C is the same bibliography.
	h.key("enter", "C")
	h.requireScreen("Copied 3 citations")
}

func TestCiteAllIsCapped(t *testing.T) {
	base := testArticles()
	var many []archive.Article
	for i := 0; i < maxCitations+100; i++ {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		many = append(many, a)
	}
	h := newHarness(t, newFake(many...), 100, 30)
	msg := citeResultsCmd(context.Background(), h.m.searcher, h.m.opts.OpenCiteKeys, h.m.query, h.m.opts.citationFormat())()
	cited := msg.(citedMsg)
	if cited.n != maxCitations || cited.total != maxCitations+100 {
		t.Fatalf("cited %d of %d", cited.n, cited.total)
	}
	h.send(cited)
	h.requireScreen(fmt.Sprintf("Copied %d citations: the first %d of 600 results", maxCitations, maxCitations))
}

func TestRelatedWalkAndBack(t *testing.T) {
	f := relatedFake{newFake(testArticles()...)}
	h, st := newReadingHarness(t, f, t.TempDir(), 100, 40)
	h.key("enter") // raqqa: isis, foreign-fighters, mi5
	h.requireScreen("Related · r reads them in turn")
	related := h.m.reader.related
	if len(related) != 3 {
		t.Fatalf("related %v", related)
	}
	for i, want := range related {
		h.key("r")
		if h.m.reader.key.id != want.ID {
			t.Fatalf("r #%d opened %q, want %q", i+1, h.m.reader.key.id, want.ID)
		}
		if !st.IsRead(want.ID) {
			t.Fatalf("the related piece %q was not marked read", want.ID)
		}
		h.requireScreen(fmt.Sprintf("related %d/3", i+1))
	}
	h.key("r")
	if h.m.reader.key.id != "raqqa" {
		t.Fatalf("the r after the last opened %q, not the piece the walk started from", h.m.reader.key.id)
	}
	h.requireScreen("Back to “Raqqa has fallen")
	// During a walk, ] carries on through the results from the first piece.
	h.key("r", "]")
	if h.m.reader.key.id != "parsons" {
		t.Fatalf("] during a walk opened %q", h.m.reader.key.id)
	}
	h.key("esc")
	if h.m.list.cursor != 1 {
		t.Fatalf("back at list row %d", h.m.list.cursor)
	}
}

// The walk's "r: next related" is the reader's: esc back to the list takes
// it away, where r walks nothing (a researcher's report: after r, r, esc
// the list's status line still read "Related piece 2 of … · r: next
// related" until its timer). On real files and a real index.
func TestRelatedWalkSaysNothingInTheList(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	opts, _ := liveIndexOptions(t, speechArchive(t))
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`60 of 60`)
	h.key("enter")
	h.requireScreen("Related · r reads them in turn")
	n := len(h.m.reader.relatedHits())
	if n < 3 {
		t.Fatalf("%d related pieces", n)
	}
	h.key("r", "r")
	h.requireScreen(fmt.Sprintf("Related piece 2 of %d · r: next related", n))
	h.key("esc")
	if h.m.focus != paneList {
		t.Fatalf("esc left focus %v", h.m.focus)
	}
	if v := h.screen(); strings.Contains(v, "Related piece") || strings.Contains(v, "r: ") {
		t.Fatalf("the walk's message stays in the list:\n%s", v)
	}
	// a message said after the walk's stays
	h.key("enter", "r", "r", "r")
	h.requireScreen(fmt.Sprintf("Related piece 3 of %d", n))
	h.key("c") // cite: its message is the reader's last
	h.requireScreen("Copied citation")
	h.key("esc")
	h.requireScreen("Copied citation")
}

// tagsOnlyFake finds related pieces as relatedFake does, as an index does
// whose words cannot be read: by tags alone, saying so (*index.TagsOnlyError).
type tagsOnlyFake struct{ relatedFake }

func (f tagsOnlyFake) Related(id string, n int) ([]index.Hit, error) {
	hits, err := f.relatedFake.Related(id, n)
	if err != nil {
		return nil, err
	}
	return hits, &index.TagsOnlyError{Err: errors.New("segment unreadable")}
}

// A Related list found by tags alone says so, and why, under its header:
// it was shown as if it were the whole list.
func TestRelatedByTagsOnlySaysSo(t *testing.T) {
	f := tagsOnlyFake{relatedFake{newFake(testArticles()...)}}
	h, _ := newReadingHarness(t, f, t.TempDir(), 120, 40)
	h.key("enter") // raqqa: isis, foreign-fighters, mi5
	h.requireScreen("Related · r reads them in turn")
	h.requireScreen("By tags only: the index's words could not be read (segment unreadable).")
	if n := strings.Count(h.screen(), "By tags only"); n != 1 {
		t.Fatalf("said %d times", n)
	}
	if len(h.m.reader.related) != 3 {
		t.Fatalf("related %v", h.m.reader.related)
	}
}

// closedRelated is a real index whose Related asks another real index of
// the same archive, closed: as when the index is closed between reading a
// piece and listing its relatives.
type closedRelated struct {
	*index.Index
	closed *index.Index
}

func (c closedRelated) Related(id string, n int) ([]index.Hit, error) { return c.closed.Related(id, n) }

// failingRelated fails Related outright with an error whose text holds a
// terminal's escape (a clipboard write) and a line break.
type failingRelated struct{ relatedFake }

func (failingRelated) Related(string, int) ([]index.Hit, error) {
	return nil, errors.New("bad \x1b]52;c;cGFzdGU=\x07segment\nnext line")
}

// When Related fails outright the reader says so in one line where the
// list would be, safe for the terminal: the list was left out silently,
// as if the piece had no relatives. On a real index whose Related asks a
// closed real index ("index is closed"), and a fake whose error holds an
// escape.
func TestRelatedFailureIsSaid(t *testing.T) {
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	_, ix := liveIndexOptions(t, arch)
	closed, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Fatal(err)
	}
	h, _ := newReadingHarness(t, closedRelated{ix, closed}, t.TempDir(), 100, 30)
	h.key("enter")
	h.requireScreen("Related: could not be listed (index is closed).")
	if n := strings.Count(h.screen(), "Related"); n != 1 {
		t.Fatalf("Related said %d times:\n%s", n, h.screen())
	}
	// r says the same, not "No related pieces found" (49r)
	h.key("r")
	if foot := strings.TrimSpace(footerLine(h.screen())); foot != "Related pieces could not be listed (index is closed)" {
		t.Errorf("r: %q", foot)
	}

	h, _ = newReadingHarness(t, failingRelated{relatedFake{newFake(testArticles()...)}}, t.TempDir(), 120, 40)
	h.key("enter")
	h.requireScreen("Related: could not be listed (bad segment next line).")
	if raw := h.m.View().Content; strings.Contains(raw, "]52") {
		t.Fatalf("the error's escape reached the terminal: %q", raw)
	}
}

func TestRelatedWithoutSupport(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("enter", "r")
	h.requireScreen("This index cannot find related pieces")
}

func TestHelpListsTheResearchKeys(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 120, 40)
	h.key("?")
	for _, want := range []string{"read, star", "cite, related", "cite all, format", "timeline bar", "half page"} {
		h.requireScreen(want)
	}
}

func TestSaveOnExitKeepsThePlace(t *testing.T) {
	as := append(testArticles(), longArticle())
	dir := t.TempDir()
	h, _ := newReadingHarness(t, newFake(as...), dir, 80, 20)
	h.key("G", "enter", "d")
	at := h.m.reader.offset
	// As if a signal stopped the program: no key, just the final model.
	if err := saveOnExit(h.m); err != nil {
		t.Fatal(err)
	}
	again, _ := state.Open(testArchiveName, dir)
	if got := again.Position("long"); got != at || at == 0 {
		t.Fatalf("position %d, want %d", got, at)
	}
}

func TestResearchStatesAtTinySizesNeverPanic(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {40, 12}, {80, 24}, {300, 80}, {0, 30}, {30, 0}, {3, 2}, {100, 14}}
	for _, where := range []string{"marks", "timeline", "period", "related"} {
		f := relatedFake{newFake(append(testArticles(), longArticle())...)}
		h, _ := newReadingHarness(t, f, t.TempDir(), 100, 30)
		switch where {
		case "marks":
			h.key("*", "j", "m")
		case "timeline":
			h.key("tab", "G", "j")
		case "period":
			h.key("tab", "G", "j", "enter")
		case "related":
			h.key("enter", "r")
		}
		for _, s := range sizes {
			h.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			h.requireFits(where, s[0], s[1])
			h.key("j", "l", "h", "k", "space")
			h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 2, Y: s[1] - 3})
		}
	}
}

// The reading state may open before or after the first results; the
// sidebar's cursor starts on Starred either way.
func TestSidebarCursorStartsOnStarredWhateverOpensFirst(t *testing.T) {
	st, _ := state.Open(testArchiveName, t.TempDir())
	h := newHarness(t, newFake(testArticles()...), 100, 30) // results first
	h.send(stateOpenedMsg{state: st})
	h.key("tab", "space")
	if !h.m.sidebar.readingFilter().starred {
		t.Fatalf("the first value under the cursor is not Starred: %+v", h.m.sidebar.entries[h.m.sidebar.cursor])
	}
}

// brokenLedger is a ledger of citation keys that cannot be written.
type brokenLedger struct{}

func (brokenLedger) Assign(build func([]cite.KeyRecord) *cite.Keyring) (*cite.Keyring, error) {
	return build(nil), errors.New("no space left on device")
}

// A citation copied while the ledger of keys cannot be written says so:
// its key may later be given to another piece. (The warning was dropped.)
func TestCiteSaysKeysWereNotKept(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 120, 30)
	ledger := func() (CiteKeyLedger, error) { return brokenLedger{}, nil }
	msg := citePiecesCmd(context.Background(), h.m.searcher, ledger, []string{"raqqa"}, cite.BibTeX)()
	cited := msg.(citedMsg)
	if cited.err != nil || cited.text == "" || !strings.Contains(cited.warn, "citation keys not kept: no space left on device") ||
		!strings.Contains(cited.warn, "may go to another piece later") {
		t.Fatalf("cited %q, warn %q, err %v", cited.text, cited.warn, cited.err)
	}
	h.send(cited)
	h.requireScreen("Copied citation · citation keys not kept: no space left on device")
	// a ledger that could not be opened
	noDir := func() (CiteKeyLedger, error) { return nil, errors.New("citation keys are not kept: no state folder") }
	cited = citePiecesCmd(context.Background(), h.m.searcher, noDir, []string{"raqqa"}, cite.BibTeX)().(citedMsg)
	if cited.err != nil || !strings.Contains(cited.warn, "no state folder") {
		t.Fatalf("no ledger: warn %q, err %v", cited.warn, cited.err)
	}
}

// The Unread count beside a list that is not the unread one is the list's
// count less its read pieces: no search excludes the read pieces (at 1M a
// search of every match at each keystroke), and the count is the same.
func TestUnreadCountIsTheMatchesLessTheRead(t *testing.T) {
	as := datedArticles(30, "alphabet soup")
	for i := 20; i < 30; i++ {
		as[i].Body = "something else"
	}
	f := newFake(as...)
	h, st := newReadingHarness(t, f, t.TempDir(), 100, 20)
	for i := 15; i < 25; i++ { // five that match alphabet, five that do not
		st.MarkRead(fmt.Sprintf("a%03d", i), true)
	}
	h.key("/")
	h.typeText("alphabet")
	h.key("enter")
	if h.m.list.total != 20 {
		t.Fatalf("alphabet shows %d, want 20", h.m.list.total)
	}
	if got := h.m.sidebar.unreadN; got != 15 {
		t.Errorf("Unread counts %d of alphabet's 20 with 5 of them read, want 15", got)
	}
	for _, q := range f.Queries() {
		if len(q.ExcludeIDs) > 0 {
			t.Errorf("a search excluded the read pieces: %+v", q)
		}
	}

	// A typed query whose matches depend on its restrictions
	// (Results.Budgeted) is counted with the read pieces excluded.
	f.mu.Lock()
	f.budgeted = true
	f.mu.Unlock()
	h.key("/", "backspace")
	h.typeText("t")
	if !h.m.query.Typing || h.m.list.total != 20 {
		t.Fatalf("typed: query %+v, total %d", h.m.query, h.m.list.total)
	}
	if got := h.m.sidebar.unreadN; got != 15 {
		t.Errorf("typed: Unread counts %d, want 15", got)
	}
	if q := lastQuery(t, f); len(q.ExcludeIDs) != 10 || !q.Typing {
		t.Errorf("typed and budgeted: the last count was %+v, want the read pieces excluded", q)
	}
}

// unreadableSearcher is a fakeSearcher whose piece bad cannot be read (its
// file's permissions taken away; the index keeps it).
type unreadableSearcher struct {
	*fakeSearcher
	bad string
}

func (u unreadableSearcher) Article(id string) (archive.Article, error) {
	if id == u.bad {
		return archive.Article{}, &fs.PathError{Op: "open", Path: id + ".md", Err: fs.ErrPermission}
	}
	return u.fakeSearcher.Article(id)
}

// Opening a piece whose file cannot be read shows why and leaves it
// unread (a review's report: it was marked read, Unread one fewer); one
// that opens is read.
func TestOpeningAnUnreadablePieceLeavesItUnread(t *testing.T) {
	h, st := newReadingHarness(t, unreadableSearcher{newFake(testArticles()...), "raqqa"}, t.TempDir(), 100, 30)
	h.key("enter")
	if !strings.Contains(h.screen(), "Could not show this piece") {
		t.Fatalf("no error shown:\n%s", h.screen())
	}
	if st.IsRead("raqqa") {
		t.Error("a piece whose file could not be read was marked read")
	}
	h.key("esc")
	h.key("j")
	h.key("enter")
	h.key("esc")
	if n := unreadRows(h); n != 4 {
		t.Errorf("%d unread rows after opening one readable piece, want 4:\n%s", n, h.screen())
	}
	// a piece shown, then edited so that it cannot be shown: it was read
	h.key("j", "enter")
	id, _, ok := h.m.reader.place()
	if !ok || !st.IsRead(id) || h.m.unreadOnOpen != "" {
		t.Fatalf("opened %q (%v): read %v", id, ok, st.IsRead(id))
	}
	h.send(renderedMsg{key: h.m.reader.key, err: errors.New("front matter broken by an edit")})
	if !st.IsRead(id) {
		t.Errorf("%s lost its read mark when an edit broke it after it was shown", id)
	}
}

// The timeline's peak is the highest bar drawn, and says how many more
// are as high (the first of equal years was named alone, where folio
// trends names a tie); a month's bar under the cursor counts the pieces
// dated only to its year too, which its filter finds (a helper's report:
// "2021-02: 1 piece", and enter gave 2).
func TestTimelinePeakTiesAndYearOnlyPieces(t *testing.T) {
	st := NewStyles(true, true)
	tie := sidebar{facets: index.Facets{Years: []index.FacetValue{{Value: "2019", Count: 2}, {Value: "2020", Count: 1}, {Value: "2021", Count: 2}}}}
	if v := strings.Join(tie.timelineView(28, -1, st), "\n"); !strings.Contains(v, "peak 2019 +1") {
		t.Errorf("tied years:\n%s", v)
	}
	months := sidebar{width: 28, height: 30, facets: index.Facets{
		Years:  []index.FacetValue{{Value: "2021", Count: 3}},
		Months: []index.FacetValue{{Value: "2021-01", Count: 1}, {Value: "2021-02", Count: 1}},
	}}
	bars := months.timelineBars()
	i := slices.IndexFunc(bars, func(b timelineBar) bool { return b.label == "2021-02" })
	if i < 0 {
		t.Fatalf("no bar for 2021-02 in %+v", bars)
	}
	if v := strings.Join(months.timelineView(28, i, st), "\n"); !strings.Contains(v, "2021-02: 1 + 1 no month") {
		t.Errorf("a month's bar:\n%s", v)
	}
	if v := strings.Join(months.timelineView(28, -1, st), "\n"); !strings.Contains(v, "peak 2021-01 +1") {
		t.Errorf("tied months:\n%s", v)
	}
	// years squeezed into bars count their year-only pieces already
	var years []index.FacetValue
	for y := 1950; y < 2025; y++ {
		years = append(years, index.FacetValue{Value: fmt.Sprint(y), Count: 1})
	}
	years[0].Count = 2
	squeezed := sidebar{width: 28, height: 30, facets: index.Facets{Years: years,
		Months: []index.FacetValue{{Value: "1950-03", Count: 1}}}}
	if v := strings.Join(squeezed.timelineView(28, 0, st), "\n"); strings.Contains(v, "no month") {
		t.Errorf("a squeezed year bar:\n%s", v)
	}
}

// A quote kept while its file could not be written (a full disk) is
// written when the program stops, as the reading state is (a helper's
// report: the list showed it, and after q it was gone); one that still
// cannot be is an error said at exit.
func TestQuotesNotSavedAreSavedOnExit(t *testing.T) {
	dir := t.TempDir()
	qs, warn := state.OpenQuotes("quotes", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	// the quotes file cannot be written while a folder is in its place
	if err := os.Mkdir(qs.Path(), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := qs.Add(state.Quote{Piece: "raqqa", Selector: state.Selector{Exact: "a precious passage"}}); err != nil {
		t.Fatal(err)
	}
	if err := qs.Save(); err == nil {
		t.Fatal("saved over a folder")
	}
	m := Model{quotes: qs}
	if err := saveQuotesOnExit(m); err == nil {
		t.Error("no error at exit while the quotes still cannot be written")
	}
	if err := os.Remove(qs.Path()); err != nil {
		t.Fatal(err)
	}
	if err := saveQuotesOnExit(m); err != nil {
		t.Fatal(err)
	}
	again, _ := state.OpenQuotes("quotes", dir)
	if got := again.All(); len(got) != 1 || got[0].Exact != "a precious passage" {
		t.Errorf("quotes on disk after exit: %+v", got)
	}
	// nothing waiting: no error, though the file cannot be read now (a
	// review's report: every quit failed for a file refused at the start)
	if err := os.Rename(qs.Path(), qs.Path()+".away"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(qs.Path(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := saveQuotesOnExit(m); err != nil {
		t.Errorf("a quit with nothing to save: %v", err)
	}
}

// Resizing the reader and back leaves it where it was: the top line's
// share of the lines is kept, not a share of the scroll range, which the
// new height changes before the new rendering comes (a helper's report:
// 100% → 68% → 53% over round trips of sizes); at the end it stays at the
// end.
func TestResizeRoundTripKeepsThePlace(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "Paragraph %d: %s\n\n", i, strings.Repeat("the words of a paragraph that wraps at any width we try ", 6))
	}
	a := archive.Article{ID: "wrapping", Title: "A piece that wraps", Outlet: "RUSI", Date: day("2015-03-01"), Body: b.String()}
	h := newHarness(t, newFake(a), 120, 40)
	h.key("esc", "enter")
	h.requireMatch(`Paragraph 1:`)
	h.key("d", "d", "d", "d", "d")
	at, top := h.m.reader.offset, h.m.reader.plain[h.m.reader.offset]
	for range 3 {
		h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	}
	if h.m.reader.offset < at-1 || h.m.reader.offset > at+1 {
		t.Errorf("after three round trips the top line is %d (%q), was %d (%q)", h.m.reader.offset, h.m.reader.plain[h.m.reader.offset], at, top)
	}
	h.key("G")
	for range 3 {
		h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	}
	if h.m.reader.scrollPercent() != 100 {
		t.Errorf("at the end, after round trips: %d%%", h.m.reader.scrollPercent())
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 20}) // a shorter screen alone
	if h.m.reader.scrollPercent() != 100 {
		t.Errorf("at the end, on a shorter screen: %d%%", h.m.reader.scrollPercent())
	}
}

// n and N go from the screen when the current match is off it, as less's
// do, and a resize keeps the count where the screen is (a helper's report:
// after G then g, n jumped back to the end; after a resize the count said
// 1/3091 at 99%).
func TestFindFollowsTheScreen(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "Paragraph %d mentions climate once.\n\n", i)
	}
	a := archive.Article{ID: "climate", Title: "A piece on climate", Outlet: "RUSI", Date: day("2015-03-01"), Body: b.String()}
	h := newHarness(t, newFake(a), 100, 20)
	h.key("esc", "enter")
	h.requireMatch(`Paragraph 1 mentions`)
	h.key("G", "/")
	h.typeText("climate")
	h.key("enter")
	last := h.m.reader.current
	if last < 50 {
		t.Fatalf("find at the end chose match %d", last)
	}
	h.key("g", "n")
	if h.m.reader.offset > 5 || h.m.reader.current > 3 {
		t.Errorf("n after g: match %d at line %d, want one near the top", h.m.reader.current, h.m.reader.offset)
	}
	h.key("G", "N")
	if h.m.reader.current < 50 {
		t.Errorf("N after G: match %d, want one near the end", h.m.reader.current)
	}
	h.key("g", "d", "d")
	h.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	h.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	if m := h.m.reader.matchAt(h.m.reader.current); m.line < h.m.reader.offset {
		t.Errorf("after a resize the count says match %d (line %d), above the screen at %d", h.m.reader.current, m.line, h.m.reader.offset)
	}
	// the same matches laid out again keep the current one: n goes on
	// from it (a review's report: the first on screen, above it, was taken)
	h.key("g")
	for range 12 {
		h.key("n")
	}
	c := h.m.reader.current
	h.send(tea.WindowSizeMsg{Width: 90, Height: 20})
	h.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	h.key("n")
	if h.m.reader.current != c+1 {
		t.Errorf("n after a re-render went to match %d, want %d", h.m.reader.current, c+1)
	}
}

// A quote kept just before q is saved though its Cmd had not run (a
// helper's report: Bubble Tea does not wait for running Cmds at quit, and
// the quote was lost); one whose save ran is not saved twice.
func TestQuoteKeptJustBeforeQuitIsSaved(t *testing.T) {
	dir := t.TempDir()
	f := newFake(testArticles()...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(openQuotesCmd(opts.OpenQuotes))
	q := state.Quote{Piece: "raqqa", Selector: state.Selector{Exact: "Foreign fighters have not returned in numbers."}}
	_ = h.m.doQuoteIntent(keepQuoteIntent{quote: q}) // its Cmd never runs: q at once
	if err := saveQuotesOnExit(h.m); err != nil {
		t.Fatal(err)
	}
	if err := saveQuotesOnExit(h.m); err != nil { // a second exit adds nothing
		t.Fatal(err)
	}
	again, _ := state.OpenQuotes("quotes", dir)
	if got := again.All(); len(got) != 1 || got[0].Exact != q.Exact || got[0].Citation.Title == "" {
		t.Errorf("quotes on disk after q: %+v", got)
	}
}

// Quitting while the state cannot be saved, changes unsaved: the error is
// said at exit even though the status line said it once (it is gone with
// the screen); with nothing unsaved, a failure said already is not said
// again.
func TestExitSaysLostMarks(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := state.Open(testArchiveName, filepath.Join(notDir, "state"))
	m := New(Options{})
	m.reading, m.saveFailing = st, true
	if err := stateExitError(m); err != nil {
		t.Fatalf("nothing unsaved, said already: %v", err)
	}
	st.ToggleStar("raqqa")
	if err := stateExitError(m); err == nil || !strings.Contains(err.Error(), "reading state not saved") {
		t.Errorf("a star lost at exit: %v", err)
	}
}

// v and L on a piece whose file is gone say it cannot be shown, as c and e
// do (a helper's report: they said "Still loading this piece…").
func TestQuoteAndLinksOfAPieceNotShown(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	f.articles = f.articles[1:] // raqqa's file deleted; the index keeps it
	h.key("enter")
	h.requireScreen("Could not show this piece")
	for _, k := range []string{"v", "L"} {
		h.key(k)
		if s := h.screen(); !strings.Contains(s, `This piece cannot be shown: no piece "raqqa"`) || strings.Contains(s, "Still loading") {
			t.Errorf("%s on a piece gone:\n%s", k, s)
		}
		if h.m.reader.quoting() {
			t.Errorf("%s started a quote of a piece not shown", k)
		}
	}
}

// * and m on a piece whose file was removed while it was open (the reader
// says it cannot be shown: no piece) say it is no longer in the archive
// and mark nothing (a helper's report: * said "★ Starred" and the state
// gained a star for an id no count ever showed).
func TestMarksOfAPieceRemovedWhileOpen(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	opts, _ := liveIndexOptions(t, arch)
	st, _ := state.Open(arch, t.TempDir())
	opts.OpenState = func() (ReadingState, error) { return st, nil }
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(openStateCmd(opts.OpenState))
	h.key("/")
	h.typeText("mosul")
	h.key("enter", "enter")
	h.requireMatch(`Mosul falls\.`)
	if !st.IsRead("two") {
		t.Fatal("opening did not mark the piece read")
	}
	if err := os.Remove(filepath.Join(arch, "two.md")); err != nil {
		t.Fatal(err)
	}
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireScreen(`Could not show this piece: no piece "two"`)
	for _, k := range []string{"*", "m"} {
		h.key(k)
		if s := h.screen(); !strings.Contains(s, "This piece is no longer in the archive") || strings.Contains(s, "★ Starred") || strings.Contains(s, "Marked ") {
			t.Errorf("%s on a piece removed:\n%s", k, s)
		}
	}
	if st.IsStarred("two") || !st.IsRead("two") {
		t.Errorf("marks written for a piece removed: starred %v, read %v", st.IsStarred("two"), st.IsRead("two"))
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	if s := st.Starred(); len(s) != 0 {
		t.Errorf("the state holds stars %v", s)
	}
}
