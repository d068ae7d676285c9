package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// pausingHarness drives the interface over the bundled archive's real
// index, holding the typing pause's messages until the test delivers them.
type pausingHarness struct {
	*harness
	paused []tea.Msg
}

func newPausingHarness(t *testing.T) *pausingHarness {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	ix, err := index.OpenDir(context.Background(), "", index.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	ph := &pausingHarness{}
	opts := Options{
		OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		After: func(d time.Duration, msg tea.Msg) tea.Cmd {
			if d <= 0 {
				t.Errorf("typing pause %v", d)
			}
			if _, ok := msg.(typingPausedMsg); ok { // not the status line's or the save's timers
				ph.paused = append(ph.paused, msg)
			}
			return nil
		},
	}
	ph.harness = &harness{t: t, m: New(opts)}
	ph.send(tea.WindowSizeMsg{Width: 110, Height: 30})
	ph.run(openIndexCmd(context.Background(), opts.OpenIndex, ph.m.relay))
	return ph
}

// pause delivers the typing pause of the last keystroke.
func (h *pausingHarness) pause() {
	h.t.Helper()
	if len(h.paused) == 0 {
		h.t.Fatal("no typing pause was asked for")
	}
	h.send(h.paused[len(h.paused)-1])
}

func (h *pausingHarness) header() string {
	return strings.SplitN(h.screen(), "\n", 2)[0]
}

// While keys arrive the word being typed is also a prefix, and the header
// says so; after the pause the query runs as written.
func TestTypingPauseRunsTheQueryAsWritten(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText("radica")
	if !h.m.query.Typing || h.m.list.total == 0 || !strings.Contains(h.header(), "radica…") {
		t.Fatalf("while typing: query %+v, %d hits, header %q", h.m.query, h.m.list.total, h.header())
	}
	typingTotal := h.m.list.total
	// an older keystroke's pause changes nothing
	before := h.m.gen
	h.send(h.paused[0])
	if h.m.gen != before {
		t.Fatal("a superseded pause searched again")
	}
	h.pause()
	if h.m.query.Typing || strings.Contains(h.header(), "…") {
		t.Fatalf("after the pause: query %+v, header %q", h.m.query, h.header())
	}
	if h.m.list.total >= typingTotal {
		t.Errorf("radica as written finds %d, as a prefix %d", h.m.list.total, typingTotal)
	}
	// the pause after a finished search asks for nothing more
	gen := h.m.gen
	h.pause()
	if h.m.gen != gen {
		t.Error("a second pause searched again")
	}
}

// A typed query asks for snippets for the rows on screen alone
// (index.Query.Snippets), and each of those rows has its snippet; the
// query as written, after the pause, asks for every hit's.
func TestTypedQueryAsksSnippetsForTheRowsShown(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText("radica")
	rows := h.m.list.visibleRows()
	if h.m.query.Snippets != rows+1 || rows < 1 {
		t.Fatalf("typed query %+v on %d rows", h.m.query, rows)
	}
	if h.m.list.total == 0 {
		t.Fatal("radica typed found nothing")
	}
	for i := h.m.list.offset; i < min(h.m.list.offset+rows, h.m.list.total); i++ {
		if hit, ok := h.m.list.hit(i); !ok || len(hit.Snippets) == 0 {
			t.Errorf("row %d on screen has no snippet: %+v", i, hit)
		}
	}
	h.pause()
	if h.m.query.Typing || h.m.query.Snippets != 0 {
		t.Fatalf("after the pause: query %+v", h.m.query)
	}
}

// A row past the typed page's snippets scrolled to before the pause (the
// wheel while typing) asks for the page again, and every row on screen
// has its snippet.
func TestScrollingATypedPageLoadsItsSnippets(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText("terro")
	rows := h.m.list.visibleRows()
	if h.m.list.total <= rows+3 || h.m.list.bare != rows+1 {
		t.Fatalf("terro typed: %d hits on %d rows, bare from %d", h.m.list.total, rows, h.m.list.bare)
	}
	if hit, _ := h.m.list.hit(rows + 1); len(hit.Snippets) != 0 {
		t.Fatalf("row %d of the typed page has a snippet: the index ignored Snippets", rows+1)
	}
	for range rows {
		h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 60, Y: 5})
	}
	if !h.m.query.Typing || h.m.list.offset == 0 {
		t.Fatalf("still typing %v, offset %d", h.m.query.Typing, h.m.list.offset)
	}
	for i := h.m.list.offset; i < min(h.m.list.offset+rows, h.m.list.total); i++ {
		if hit, ok := h.m.list.hit(i); !ok || len(hit.Snippets) == 0 {
			t.Errorf("row %d scrolled to while typing has no snippet", i)
		}
	}
	if h.m.list.bare != 0 {
		t.Errorf("bare from %d after the page came again", h.m.list.bare)
	}
}

// enter runs the query as written at once.
func TestEnterRunsTheQueryAsWritten(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText("radica")
	h.key("enter")
	if h.m.query.Typing || strings.Contains(h.header(), "radica…") {
		t.Fatalf("after enter: query %+v, header %q", h.m.query, h.header())
	}
}

// One or two letters never read as a failed search.
func TestShortWordsSayKeepTyping(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	for _, s := range []string{"r", "a"} {
		h.typeText(s)
		scr := h.screen()
		if strings.Contains(scr, "No pieces match") || !strings.Contains(h.header(), "keep typing") {
			t.Fatalf("after %q:\n%s", h.m.search.value(), scr)
		}
	}
}

// A misspelt word offers the index's spelling, and ctrl+y searches it.
func TestDidYouMeanInTheReader(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText("radicalisaton")
	h.pause()
	s := h.m.said.suggestion
	if s == nil || s.Fix != "radicalisation" {
		t.Fatalf("suggestion %+v", s)
	}
	h.requireScreen("Did you mean radicalisation (")
	h.requireScreen("ctrl+y to search it")
	h.key("ctrl+y")
	if got := h.m.search.value(); got != "radicalisation" || h.m.list.total != s.Count || h.m.list.total == 0 {
		t.Fatalf("after ctrl+y: %q, %d hits, want %d", got, h.m.list.total, s.Count)
	}
}

// Notes stay while the query is malformed and go when it is mended.
func TestNotesInTheFooterClearWithTheQuery(t *testing.T) {
	h := newPausingHarness(t)
	h.key("/")
	h.typeText(`"civil rights`)
	h.pause()
	h.requireScreen("note: unbalanced quote: searched as words")
	h.typeText(`"`)
	h.pause()
	if strings.Contains(h.screen(), "unbalanced quote") {
		t.Fatalf("the note stayed after the quote was closed:\n%s", h.screen())
	}
	h.key("esc")
	h.key("/")
	h.typeText("mi5 or gchq")
	h.pause()
	h.requireScreen(`note: lowercase "or" is ignored`)
}

// The search box holds a query as long as the index searches (a saved
// search of 511 characters was cut at 500, mid-word, and the reader
// counted other pieces than the CLI, with no note).
func TestSearchBoxHoldsAWholeQuery(t *testing.T) {
	b := newSearchBox(NewStyles(true, false))
	q := strings.Repeat(`"president lincoln" OR `, 40) + "emancipation"
	if len(q) <= 900 {
		t.Fatalf("query of %d bytes: too short to test", len(q))
	}
	q = q[len(q)-900:]
	b.setValue(q)
	if got := b.value(); got != q {
		t.Errorf("the box holds %d of the query's %d bytes", len(got), len(q))
	}
}

// TestStepClearsTheEndOfResults: [ after ] at the last piece opens the
// piece before, and the status no longer says this is the last piece (a
// helper's report: it stayed).
func TestStepClearsTheEndOfResults(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("G", "enter")
	last := h.m.reader.key.id
	h.key("]")
	h.requireScreen("This is the last piece of the results")
	h.key("[")
	if id := h.m.reader.key.id; id == last || id == "" {
		t.Fatalf("[ from the last piece opened %q", id)
	}
	if s := h.screen(); strings.Contains(s, "last piece") {
		t.Errorf("[ opened the piece before and the status still says it is the last:\n%s", s)
	}
}
