package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/fsnotify/fsnotify"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// harness drives a Model the way Bubble Tea would, synchronously: every
// message goes through Update and every returned Cmd is run to its end and
// its message fed back, in order. Timers come from a test clock and are
// parked: advance fires the ones due, so no test waits for a timer (the
// status line's clearing, the save pause, the typing pause) and none fires
// while a test looks at the screen. Nothing is dropped for being slow: a
// Cmd that does not answer within cmdHangGuard fails the test as a hang.
type harness struct {
	t    *testing.T
	m    Model
	msgs []tea.Msg

	now    time.Duration // the test clock: how far advance has moved it
	timers []parkedTimer // timers not fired yet, in the order they were set
}

// cmdHangGuard bounds the wait for one Cmd. It only tells a hang from
// slow work on a loaded machine: no Cmd of a passing test comes near it.
const cmdHangGuard = time.Minute

// timerMsg is what the test clock's Cmds answer at once: the timer itself,
// which the harness parks until advance reaches it.
type timerMsg struct {
	d   time.Duration
	msg tea.Msg
}

type parkedTimer struct {
	due time.Duration
	msg tea.Msg
}

// testClock is the Options.After of harness-driven models.
func testClock(d time.Duration, msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return timerMsg{d: d, msg: msg} }
}

func newHarness(t *testing.T, s Searcher, w, h int) *harness {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	count := 0
	if f, ok := s.(*fakeSearcher); ok {
		count = len(f.articles)
	}
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return s, Info{Count: count}, nil
	}, After: testClock}
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(openIndexCmd(context.Background(), opts.OpenIndex, hs.m.relay))
	return hs
}

// useTestClock gives a model built without one (harness{m: New(opts)})
// the test clock, so that every harness parks its timers.
func (h *harness) useTestClock() {
	if h.m.opts.After == nil {
		h.m.opts.After = testClock
		h.m.status.after = testClock
	}
}

// send delivers msg and runs what follows from it.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	h.useTestClock()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	h.run(cmd)
}

// sendOnly delivers msg and returns its Cmd without running it.
func (h *harness) sendOnly(msg tea.Msg) tea.Cmd {
	h.t.Helper()
	h.useTestClock()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	return cmd
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	h.useTestClock()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := h.runCmd(c)
		if msg == nil {
			continue
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, batch...)
			continue
		}
		if seq, ok := sequence(msg); ok {
			// tea.Sequence: each Cmd and all that follows from it, in order.
			for _, c := range seq {
				h.run(c)
			}
			continue
		}
		if tm, ok := msg.(timerMsg); ok {
			h.timers = append(h.timers, parkedTimer{due: h.now + tm.d, msg: tm.msg})
			continue
		}
		h.msgs = append(h.msgs, msg)
		next, more := h.m.Update(msg)
		h.m = next.(Model)
		queue = append(queue, more)
	}
}

// advance moves the test clock on by d and fires the timers due by then,
// earliest first, each with all that follows from it (which may set and
// fire further timers within d).
func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	h.now += d
	for {
		next := -1
		for i, tm := range h.timers {
			if tm.due <= h.now && (next < 0 || tm.due < h.timers[next].due) {
				next = i
			}
		}
		if next < 0 {
			return
		}
		tm := h.timers[next]
		h.timers = slices.Delete(h.timers, next, next+1)
		h.run(func() tea.Msg { return tm.msg })
	}
}

// sequence unpacks the message of tea.Sequence, whose type is private.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// runCmd runs c to its end. Work is never cut short for being slow (a
// loaded machine); only a hang fails the test.
func (h *harness) runCmd(c tea.Cmd) tea.Msg {
	h.t.Helper()
	msg, ok := runCmd(c)
	if !ok {
		h.t.Fatalf("a Cmd did not answer in %v: a hang", cmdHangGuard)
	}
	return msg
}

// runCmd runs c and returns its message, or false when it has not answered
// within cmdHangGuard (a hang, never slowness).
func runCmd(c tea.Cmd) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(cmdHangGuard):
		return nil, false
	}
}

// key sends key presses: "enter", "esc", "tab", "shift+tab", "space",
// "ctrl+c" or single characters.
func (h *harness) key(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyPress(k))
	}
}

// typeText types s into whatever has the keyboard.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// requireFits fails the test when the screen has more lines or wider
// lines than a w×ht terminal holds.
func (h *harness) requireFits(name string, w, ht int) {
	h.t.Helper()
	screen := h.screen()
	lines := strings.Split(screen, "\n")
	if screen != "" && len(lines) > ht {
		h.t.Errorf("%s at %dx%d: %d lines", name, w, ht, len(lines))
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			h.t.Errorf("%s at %dx%d: line %d wide: %q", name, w, ht, lw, l)
			break
		}
	}
}

func (h *harness) screen() string { return ansi.Strip(h.m.View().Content) }

func (h *harness) requireScreen(want string) {
	h.t.Helper()
	if s := h.screen(); !strings.Contains(s, want) {
		h.t.Fatalf("screen does not show %q:\n%s", want, s)
	}
}

func (h *harness) quitSeen() bool {
	for _, m := range h.msgs {
		if _, ok := m.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func lastQuery(t *testing.T, f *fakeSearcher) index.Query {
	t.Helper()
	qs := f.Queries()
	// not the count of the other way with copies (facetsCmd): a side query
	for len(qs) > 1 && qs[len(qs)-1].Mode == index.ModeCount && qs[len(qs)-1].CollapseCopies != qs[len(qs)-2].CollapseCopies {
		qs = qs[:len(qs)-1]
	}
	if len(qs) == 0 {
		t.Fatal("no search ran")
	}
	return qs[len(qs)-1]
}

func TestStartupSearchesAndListsNewestFirst(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	if h.m.list.total != 5 {
		t.Fatalf("total = %d, want 5", h.m.list.total)
	}
	if hit, _ := h.m.list.selected(); hit.ID != "raqqa" {
		t.Errorf("first hit = %q, want the newest (raqqa)", hit.ID)
	}
	h.requireScreen("5 of 5")
	h.requireScreen("Raqqa has fallen")
	h.requireScreen("OUTLETS")
	if h.m.focus != paneList {
		t.Errorf("focus = %v, want the list", h.m.focus)
	}
}

func TestFirstFrameBeforeIndexAndProgress(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	m := New(Options{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = next.(Model)
	if s := ansi.Strip(m.View().Content); !strings.Contains(s, "Opening the index") {
		t.Fatalf("first frame:\n%s", s)
	}
	next, cmd := m.Update(indexProgressMsg{done: 30, total: 120})
	m = next.(Model)
	if cmd == nil {
		t.Error("progress must ask for the next report")
	}
	s := ansi.Strip(m.View().Content)
	if !strings.Contains(s, "Indexing 30 of 120 files") || !strings.Contains(s, "█") {
		t.Fatalf("progress frame:\n%s", s)
	}
	if pb := m.View().ProgressBar; pb == nil || pb.Value != 25 {
		t.Errorf("terminal progress bar = %+v, want 25%%", pb)
	}
}

// TestEnterBeforeTheListSaysSo: Enter on the start-up screen has no list
// to open from; it says so (not "Still loading that piece…", which the
// e2e suite once showed for 3 s over a list of 24), the saying goes when
// the list comes, and nothing opens by itself then.
func TestEnterBeforeTheListSaysSo(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	f := newFake(testArticles()...)
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return f, Info{Count: len(f.articles)}, nil
	}, After: testClock}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.sendOnly(indexProgressMsg{done: 0, total: 3}) // its Cmd waits for the next report
	h.key("enter")
	h.requireScreen("No list yet: the index is still opening")
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	if h.m.focus != paneList || h.m.reader.key.id != "" {
		t.Fatalf("after the list came: focus %v, reader %q", h.m.focus, h.m.reader.key.id)
	}
	h.requireScreen("5 of 5")
	if strings.Contains(h.screen(), "No list yet") {
		t.Errorf("the list came and the footer still says it has not:\n%s", h.screen())
	}
	h.key("enter")
	if h.m.focus != paneReader || h.m.reader.key.id == "" {
		t.Fatalf("Enter on the list: focus %v, reader %q", h.m.focus, h.m.reader.key.id)
	}
}

func TestProgressRelayCoalescesReports(t *testing.T) {
	r := newProgressRelay()
	go func() {
		for i := 1; i <= 1000; i++ {
			r.report(i, 1000)
		}
	}()
	deadline := time.After(cmdHangGuard) // a hang guard only
	for {
		msg := waitProgressCmd(r)().(indexProgressMsg)
		if msg.done == 1000 {
			break
		}
		select {
		case <-deadline:
			t.Fatal("never saw the last report")
		default:
		}
	}
	r.finish()
	if msg := waitProgressCmd(r)(); msg != nil {
		t.Errorf("after finish the waiter returns %v, want nil", msg)
	}
}

func TestIndexErrorIsShownNotFatal(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	opts := Options{OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
		return nil, Info{}, errors.New("index locked by PID 42")
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireScreen("Could not open the index")
	h.requireScreen("index locked by PID 42")
	h.key("q")
	if !h.quitSeen() {
		t.Error("q must still quit")
	}
}

func TestOpenIndexPanicBecomesError(t *testing.T) {
	msg := openIndexCmd(context.Background(), func(context.Context, func(int, int)) (Searcher, Info, error) {
		panic("boom")
	}, newProgressRelay())()
	if m, ok := msg.(indexOpenedMsg); !ok || m.err == nil || !strings.Contains(m.err.Error(), "boom") {
		t.Fatalf("got %#v", msg)
	}
}

func TestFocusMovesAsTheKeyTableSays(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	steps := []struct {
		key  string
		want pane
	}{
		{"/", paneSearch},
		{"esc", paneList},
		{"tab", paneSidebar},
		{"tab", paneList},
		{"shift+tab", paneSidebar},
		{"/", paneSidebar}, // in the sidebar, / filters its values
		{"enter", paneSidebar},
		{"tab", paneList},
		{"/", paneSearch},
		{"enter", paneList},
		{"/", paneSearch},
		{"down", paneList},
		{"enter", paneReader},
		{"esc", paneList},
		{"enter", paneReader},
		{"q", paneList},
		{"enter", paneReader},
		{"backspace", paneList},
	}
	for i, s := range steps {
		h.key(s.key)
		if h.m.focus != s.want {
			t.Fatalf("step %d (%s): focus = %v, want %v", i, s.key, h.m.focus, s.want)
		}
	}
	if h.quitSeen() {
		t.Fatal("q in the reader must go back, not quit")
	}
}

func TestTypingKeysGoToTheSearchBox(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("/")
	h.typeText("q?xs/") // keys that act elsewhere are text here
	if got := h.m.search.value(); got != "q?xs/" {
		t.Fatalf("search box = %q", got)
	}
	if h.quitSeen() || h.m.help.open || h.m.sort != index.SortRelevance {
		t.Fatal("a key typed into the search box acted as a command")
	}
	h.key("ctrl+c")
	if !h.quitSeen() {
		t.Fatal("ctrl+c must quit even while typing")
	}
}

func TestQuitKeys(t *testing.T) {
	for _, focus := range []string{"list", "sidebar"} {
		h := newHarness(t, newFake(testArticles()...), 100, 30)
		if focus == "sidebar" {
			h.key("tab")
		}
		h.key("q")
		if !h.quitSeen() {
			t.Errorf("q in the %s did not quit", focus)
		}
	}
}

// On an index fast enough, every keystroke searches at once. The typing
// pause follows how long the answers took to come, not the Took they
// report: a result the index had cached reports the search that made it
// (the list before a word was typed: 1.3 s at 1M pieces).
func TestTypingSearchesAtOnceOnAFastIndex(t *testing.T) {
	for _, reported := range []time.Duration{0, slowSearch + time.Second} {
		f := newFake(testArticles()...)
		f.took = reported
		h := newHarness(t, f, 100, 30)
		h.key("/", "r", "a", "q")
		for _, msg := range h.msgs {
			if _, ok := msg.(debounceMsg); ok {
				t.Fatalf("answers that came at once, reporting %v: typing waited for a pause", reported)
			}
		}
		if q := lastQuery(t, f); q.Text != "raq" {
			t.Fatalf("searched %q after typing, want raq", q.Text)
		}
		if h.m.list.total != 1 {
			t.Fatalf("total = %d, want 1", h.m.list.total)
		}
	}
}

func TestTypingIsDebouncedAndStaleResultsDropped(t *testing.T) {
	f := newFake(testArticles()...)
	f.delay = func(index.Query) time.Duration { return slowSearch + time.Millisecond }
	h := newHarness(t, f, 100, 30)
	before := len(f.Queries())
	h.key("/")

	// On a slow index, the first key, typed after the last answer came,
	// searches at once; each key typed while that search is on its way
	// returns a debounce tick, and only the last of them may search.
	var ticks []tea.Cmd
	for _, r := range "raqqa" {
		ticks = append(ticks, h.sendOnly(tea.KeyPressMsg{Code: r, Text: string(r)}))
	}
	if h.m.gen != 2 || h.m.answered != 1 {
		t.Fatalf("after the keys: generation %d, answered %d; want the first key's search (2) on its way", h.m.gen, h.m.answered)
	}
	for _, tick := range ticks[1 : len(ticks)-1] {
		h.run(tick)
	}
	h.advance(searchDebounce)
	if n := len(f.Queries()) - before; n != 0 {
		t.Fatalf("%d searches ran for superseded keystrokes", n)
	}
	h.run(ticks[len(ticks)-1])
	h.advance(searchDebounce)
	if q := lastQuery(t, f); q.Text != "raqqa" {
		t.Fatalf("searched %q, want raqqa", q.Text)
	}
	if h.m.list.total != 1 {
		t.Fatalf("total = %d, want 1", h.m.list.total)
	}
	if h.m.terms == nil || h.m.terms() == nil || !h.m.terms().MatchString("Raqqa") {
		t.Error("the query's words are not kept for highlighting")
	}

	// An answer from an older generation is dropped.
	stale := resultsMsg{gen: h.m.gen - 1, results: index.Results{Total: 99}}
	h.send(stale)
	if h.m.list.total != 1 {
		t.Fatalf("a stale result replaced the list (total %d)", h.m.list.total)
	}
	h.run(ticks[0]) // the first key's search, cancelled by the later one's: no answer
	if h.m.list.total != 1 || h.m.query.Text != "raqqa" {
		t.Fatalf("the first key's search replaced the list: %q, total %d", h.m.query.Text, h.m.list.total)
	}

	// With the answer in, the next key searches at once, slow index or not.
	gen := h.m.gen
	h.sendOnly(tea.KeyPressMsg{Code: 's', Text: "s"})
	if h.m.gen != gen+1 || h.m.query.Text != "raqqas" {
		t.Fatalf("a key typed after the answer came: generation %d (was %d), query %q; want a search at once", h.m.gen, gen, h.m.query.Text)
	}
}

func TestNewSearchCancelsTheRunningOne(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	f.delay = func(q index.Query) time.Duration {
		if q.Text == "slow" {
			return time.Hour
		}
		return 0
	}
	h.key("/")
	h.m.search.setValue("slow")
	slow := h.m.startSearch()
	h.m.search.setValue("raqqa")
	fast := h.m.startSearch()
	h.run(fast)
	done := make(chan tea.Msg, 1)
	go func() { done <- slow() }()
	select {
	case msg := <-done:
		if msg != nil {
			t.Fatalf("cancelled search answered %#v", msg)
		}
	case <-time.After(cmdHangGuard):
		t.Fatal("the first search was not cancelled")
	}
	if h.m.list.total != 1 {
		t.Errorf("total = %d, want the newer query's 1", h.m.list.total)
	}
}

func TestEscLeavesThenClearsTheQuery(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	h.key("/")
	h.typeText("threat")
	h.key("esc")
	if h.m.focus != paneList || h.m.search.value() != "threat" {
		t.Fatalf("first esc: focus %v, query %q", h.m.focus, h.m.search.value())
	}
	if q := lastQuery(t, f); q.Text != "threat" {
		t.Fatalf("query %q was not searched", q.Text)
	}
	h.key("esc")
	if h.m.search.value() != "" {
		t.Fatalf("second esc left the query %q", h.m.search.value())
	}
	if q := lastQuery(t, f); q.Text != "" || h.m.list.total != 5 {
		t.Fatalf("after clearing: query %q, total %d", q.Text, h.m.list.total)
	}
}

func TestFacetToggleSearchesAtOnce(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	h.key("tab")
	// The first value is the biggest outlet: The Telegraph (3).
	cmd := h.sendOnly(keyPress("space"))
	msg, ok := runCmd(cmd)
	if !ok {
		t.Fatal("toggle did not search at once")
	}
	if _, ok := msg.(resultsMsg); !ok {
		t.Fatalf("toggle returned %T, want results without a debounce", msg)
	}
	h.send(msg)
	q := lastQuery(t, f)
	if len(q.Outlets) != 1 || q.Outlets[0] != "The Telegraph" {
		t.Fatalf("outlets = %v", q.Outlets)
	}
	if h.m.list.total != 3 {
		t.Fatalf("total = %d, want 3", h.m.list.total)
	}
	h.requireScreen("3 of 5")
	h.requireScreen("outlet:The Telegraph")
	h.requireScreen("◉ The Telegraph")

	// Multi-select within the group: another outlet is ORed in.
	h.key("j", "space")
	if q := lastQuery(t, f); len(q.Outlets) != 2 {
		t.Fatalf("outlets after a second toggle = %v", q.Outlets)
	}
	// Toggling again removes it.
	h.key("space")
	if q := lastQuery(t, f); len(q.Outlets) != 1 {
		t.Fatalf("outlets after untoggle = %v", q.Outlets)
	}
	// x clears everything.
	h.key("x")
	if q := lastQuery(t, f); len(q.Outlets)+len(q.Tags)+len(q.Years)+len(q.Kinds) != 0 {
		t.Fatalf("x left filters %+v", q)
	}
	if h.m.list.total != 5 {
		t.Fatalf("total after x = %d", h.m.list.total)
	}
}

func TestEmptyResultsSuggestClearingFilters(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("tab", "space") // The Telegraph
	h.key("tab", "/")
	h.typeText("intelligence") // only in a RUSI piece
	h.key("enter")
	if h.m.list.total != 0 {
		t.Fatalf("total = %d, want 0", h.m.list.total)
	}
	h.requireScreen("No pieces match")
	h.requireScreen("press x to clear them")
}

func TestSearchErrorIsShown(t *testing.T) {
	f := newFake(testArticles()...)
	f.failText = "boom"
	h := newHarness(t, f, 100, 30)
	h.key("/")
	h.typeText("boom")
	h.key("enter")
	h.requireScreen("Search failed: index exploded")
}

func TestSortCycles(t *testing.T) {
	f := newFake(testArticles()...)
	h := newHarness(t, f, 100, 30)
	// With no words, relevance is newest first: the first s goes to oldest.
	h.key("s")
	if q := lastQuery(t, f); q.Sort != index.SortOldest {
		t.Fatalf("the first s with no words: sort = %v, want oldest", q.Sort)
	}
	if hit, _ := h.m.list.selected(); hit.ID != "intel" {
		t.Errorf("oldest first starts with %q", hit.ID)
	}
	h.requireScreen("oldest")
	h.key("s")
	if q := lastQuery(t, f); q.Sort != index.SortRelevance {
		t.Fatalf("sort = %v, want relevance (newest)", q.Sort)
	}
	// With words, s goes through all three.
	h.key("/")
	h.typeText("terror")
	h.key("enter")
	for _, want := range []index.Sort{index.SortNewest, index.SortOldest, index.SortRelevance} {
		h.key("s")
		if q := lastQuery(t, f); q.Sort != want {
			t.Fatalf("sort = %v, want %v", q.Sort, want)
		}
	}
}

// An archive with no pieces says so, and how many files were skipped.
func TestEmptyArchiveSaysSo(t *testing.T) {
	h := newHarness(t, newFake(), 100, 30)
	h.requireScreen("This archive has no pieces.")
	if strings.Contains(h.screen(), "No pieces match") {
		t.Fatal("an empty archive says no pieces match")
	}
	open := func(context.Context, func(done, total int)) (Searcher, Info, error) {
		return newFake(), Info{Problems: []archive.Problem{{Path: "a.md", Msg: "no title", Fatal: true}, {Path: "b.md", Msg: "no date", Fatal: true}}}, nil
	}
	h = &harness{t: t, m: New(Options{OpenIndex: open})}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), open, h.m.relay))
	h.requireScreen("This archive has no pieces.")
	h.requireScreen("2 files skipped: press ! to see why.")
}

func TestListMovement(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("j", "j")
	if h.m.list.cursor != 2 {
		t.Fatalf("cursor = %d", h.m.list.cursor)
	}
	h.key("k")
	if h.m.list.cursor != 1 {
		t.Fatalf("cursor = %d", h.m.list.cursor)
	}
	h.key("G")
	if h.m.list.cursor != 4 {
		t.Fatalf("G: cursor = %d", h.m.list.cursor)
	}
	h.key("g")
	if h.m.list.cursor != 0 {
		t.Fatalf("g: cursor = %d", h.m.list.cursor)
	}
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 60, Y: 5})
	if h.m.list.offset != 1 && h.m.list.total > h.m.list.visibleRows() {
		t.Errorf("wheel did not scroll: offset %d", h.m.list.offset)
	}
}

func TestReaderOpensNavigatesAndGoesBack(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("j") // parsons
	h.key("enter")
	if h.m.focus != paneReader || h.m.reader.key.id != "parsons" {
		t.Fatalf("reader shows %q (focus %v)", h.m.reader.key.id, h.m.focus)
	}
	h.requireScreen("Low-level plots") // the rendered heading
	h.requireScreen("Evening Standard · 16 September 2017")
	h.requireScreen("https://www.standard.co.uk/parsons")

	h.key("]")
	if h.m.reader.key.id != "barcelona" {
		t.Fatalf("] opened %q", h.m.reader.key.id)
	}
	h.key("[", "[")
	if h.m.reader.key.id != "raqqa" {
		t.Fatalf("[[ opened %q", h.m.reader.key.id)
	}
	h.key("[")
	h.requireScreen("first piece")

	h.key("esc")
	if h.m.focus != paneList || h.m.list.cursor != 0 {
		t.Fatalf("back: focus %v cursor %d", h.m.focus, h.m.list.cursor)
	}
}

func TestReaderShowsNoteAndHighlightsQueryWords(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("/")
	h.typeText("fighters")
	h.key("enter", "enter")
	h.requireScreen("┃ Further catching up on posting.")
	v := h.m.View().Content
	styled := h.m.styles.Match.Render("fighters")
	if !strings.Contains(v, styled) {
		t.Errorf("the query's word is not highlighted in the piece")
	}
}

func TestReaderFindNextPrevious(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("enter") // raqqa
	h.key("/")
	if !h.m.reader.finding {
		t.Fatal("/ did not open the find box")
	}
	h.typeText("foreign")
	h.key("enter")
	r := h.m.reader
	if r.finding || r.matchCount() < 2 {
		t.Fatalf("find: finding=%v, %d matches", r.finding, r.matchCount())
	}
	first := r.current
	h.key("n")
	if h.m.reader.current != (first+1)%r.matchCount() {
		t.Fatalf("n: current %d", h.m.reader.current)
	}
	h.key("N")
	if h.m.reader.current != first {
		t.Fatalf("N: current %d", h.m.reader.current)
	}
	h.requireScreen("“foreign” 1/")
	// / starts empty, as in less and vim; up recalls the last term
	h.key("/")
	if v := h.m.reader.findInput.Value(); v != "" {
		t.Fatalf("/ opened with %q in the box", v)
	}
	h.key("up")
	if v := h.m.reader.findInput.Value(); v != "foreign" {
		t.Fatalf("up recalled %q", v)
	}
	h.key("esc", "/", "enter") // an empty box finds the last term again
	if h.m.reader.findQuery != "foreign" || h.m.reader.matchCount() != r.matchCount() {
		t.Fatalf("enter on an empty box: query %q, %d matches", h.m.reader.findQuery, h.m.reader.matchCount())
	}
	h.key("/")
	h.typeText("zzzz")
	h.key("enter")
	h.requireScreen("not in this piece")
}

func TestReaderScrollingNeverRenders(t *testing.T) {
	long := testArticles()
	long[0].Body = strings.Repeat("A paragraph about threats.\n\n", 200)
	h := newHarness(t, newFake(long...), 80, 24)
	h.key("enter")
	for _, k := range []string{"j", "j", "space", "b", "G", "g", "d", "u"} {
		if cmd := h.sendOnly(keyPress(k)); cmd != nil {
			t.Fatalf("%s returned a Cmd: scrolling must not render", k)
		}
	}
	h.key("G")
	h.requireScreen("100%")
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if h.m.reader.offset != h.m.reader.maxOffset()-3 {
		t.Errorf("wheel up scrolled to %d of %d", h.m.reader.offset, h.m.reader.maxOffset())
	}
}

func TestRenderForAnOldWidthIsDropped(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	render := h.sendOnly(keyPress("enter"))
	old, _ := runCmd(render)
	// The terminal narrows before the render arrives.
	h.send(tea.WindowSizeMsg{Width: 50, Height: 24})
	if h.m.reader.key.width != 50 {
		t.Fatalf("reader wants width %d", h.m.reader.key.width)
	}
	if batch, ok := old.(tea.BatchMsg); ok {
		for _, c := range batch {
			if c == nil {
				continue
			}
			if msg, ok := runCmd(c); ok {
				if rm, ok := msg.(renderedMsg); ok {
					old = rm
				}
			}
		}
	}
	rm, ok := old.(renderedMsg)
	if !ok {
		t.Fatalf("no render for the first width: %T", old)
	}
	if used, _ := h.m.reader.setRendered(rm); used {
		t.Fatal("a rendering for the old width was used")
	}
	for _, l := range strings.Split(h.screen(), "\n") {
		if ansi.StringWidth(l) > 50 {
			t.Fatalf("line wider than the terminal: %q", l)
		}
	}
}

func TestRenderCache(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("enter", "esc")
	if cmd := h.sendOnly(keyPress("enter")); cmd != nil {
		if msg, ok := runCmd(cmd); ok {
			if batch, ok := msg.(tea.BatchMsg); ok {
				for _, c := range batch {
					if c == nil {
						continue
					}
					if m, _ := runCmd(c); m != nil {
						if _, isRender := m.(renderedMsg); isRender {
							t.Fatal("reopening a piece rendered it again")
						}
					}
				}
			}
		}
	}
	if !h.m.reader.ready {
		t.Fatal("cached rendering was not installed")
	}
}

func TestBackgroundColourSwitchesStyles(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("enter")
	if h.m.reader.key.style != "dark" {
		t.Fatalf("style before the reply = %q", h.m.reader.key.style)
	}
	h.send(tea.BackgroundColorMsg{Color: whiteColor{}})
	if h.m.styles.Dark || h.m.reader.key.style != "light" || !h.m.reader.ready {
		t.Fatalf("after a light background: dark=%v style=%q ready=%v", h.m.styles.Dark, h.m.reader.key.style, h.m.reader.ready)
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestCopyURLUsesOSC52(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("enter", "y")
	h.requireScreen("Copied URL: https://www.telegraph.co.uk/news/raqqa")
}

func TestOpenURLRunsBrowserWithTheURL(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > '"+out+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", script)
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("enter", "o")
	h.requireScreen("Opened in browser")
	// openURL stops waiting for a browser after browserGrace (it may stay
	// open), so on a busy machine the script may still be writing.
	waitFileContent(t, out, "https://www.telegraph.co.uk/news/raqqa\n")

	// A piece without url falls back to its source.
	h.key("]", "]") // barcelona
	h.key("o")
	waitFileContent(t, out, "https://example.org/barcelona\n")
}

// waitFileContent waits until the file at path holds want (the browser
// script, another process, writes it): it reads the file again each time
// its folder changes. The deadline is a hang guard only.
func waitFileContent(t *testing.T, path, want string) {
	t.Helper()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Add(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	guard := time.NewTimer(cmdHangGuard)
	defer guard.Stop()
	for {
		got, err := os.ReadFile(path)
		if err == nil && string(got) == want {
			return
		}
		select {
		case <-w.Events:
		case <-w.Errors:
		case <-guard.C:
			t.Fatalf("%s holds %q (%v), want %q", path, got, err, want)
		}
	}
}

func TestOpenURLRefusesEvilURL(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "opened")
	t.Setenv("BROWSER", "touch "+out)
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("G", "enter") // intel: javascript: URL
	h.key("o")
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a javascript: URL reached the browser")
	}
	h.requireScreen("Refusing to open")
	h.key("]")
	h.requireScreen("last piece")
}

func TestTinyAndOddSizesNeverPanic(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {40, 12}, {80, 24}, {300, 80}, {0, 30}, {30, 0}, {3, 2}}
	for _, state := range []string{"list", "sidebar", "reader", "help", "search", "find"} {
		h := newHarness(t, newFake(testArticles()...), 80, 24)
		switch state {
		case "sidebar":
			h.key("tab")
		case "reader":
			h.key("enter")
		case "help":
			h.key("?")
		case "search":
			h.key("/")
			h.typeText("raqqa")
		case "find":
			h.key("enter", "/")
		}
		for _, s := range sizes {
			h.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			h.requireFits(state, s[0], s[1])
			h.key("j", "k", "G", "g")
		}
	}
}

func TestNarrowHidesSidebarUnlessFocused(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 40, 12)
	if strings.Contains(h.screen(), "OUTLETS") {
		t.Fatal("sidebar shown at 40 columns")
	}
	h.key("tab")
	h.requireScreen("OUTLETS")
	h.key("tab")
	if strings.Contains(h.screen(), "OUTLETS") {
		t.Fatal("sidebar still shown after leaving it")
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.requireScreen("OUTLETS")
	h.key("f")
	if strings.Contains(h.screen(), "OUTLETS") {
		t.Fatal("f did not hide the sidebar")
	}
}

func TestHelpOverlay(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("?")
	h.requireScreen("folio keys")
	h.requireScreen("next/prev piece, copy")
	h.key("?")
	if h.m.help.open {
		t.Fatal("? did not close the help")
	}
}

func TestStatusClearsByItsOwnTimer(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.send(statusMsg{text: "one"})
	h.advance(statusShort - time.Second)
	h.requireScreen("one")
	h.send(statusMsg{text: "two"})
	h.advance(time.Second) // the first message's timer fires: a newer one replaced it
	h.requireScreen("two")
	h.advance(statusShort - time.Second) // the second message's own timer
	if h.m.status.active() {
		t.Fatalf("the message was not cleared: %q", h.m.status.text)
	}
	var zero statusLine // a status line made without New uses the real clock
	if zero.set("three", false) == nil {
		t.Fatal("no clearing timer")
	}
}

func TestManyHitsArePagedAndOnlyVisibleRowsRendered(t *testing.T) {
	base := testArticles()
	var many []archiveArticle
	for i := 0; i < 2500; i++ {
		a := base[i%len(base)]
		a.ID = a.ID + "-" + itoa(i)
		many = append(many, a)
	}
	f := newFake(many...)
	h := newHarness(t, f, 100, 30)
	if h.m.list.total != 2500 {
		t.Fatalf("total %d", h.m.list.total)
	}
	for _, q := range f.Queries() {
		if q.Limit != pageSize && q.Mode != index.ModeFacets && q.Mode != index.ModeCount {
			t.Fatalf("a search asked for %d hits, want pages of %d", q.Limit, pageSize)
		}
	}
	h.key("G")
	if _, ok := h.m.list.selected(); !ok {
		t.Fatal("the last page was not loaded after G")
	}
	loaded := len(h.m.list.pages)
	if loaded > 4 {
		t.Fatalf("%d pages loaded for a jump to the end", loaded)
	}
	// How long a frame of a long list takes is BenchmarkListFrameManyHits's.
}

// An index opened as last recorded shows its list at once; when Refresh
// reports a change, the query is searched again and the new piece shows.
func TestRefreshedIndexIsSearchedAgain(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	as := testArticles()
	f := newFake(as[:len(as)-1]...)
	opts := Options{OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
		return f, Info{Count: len(as) - 1, Refresh: func(context.Context, func(int, int)) (Info, bool, error) {
			f.mu.Lock()
			f.articles = as
			f.mu.Unlock()
			return Info{Count: len(as), Rebuilt: 1}, true, nil
		}}, nil
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireScreen(strconv.Itoa(len(as)) + " of " + strconv.Itoa(len(as)))
	h.requireScreen(as[len(as)-1].Title[:20])
	if n := len(f.Queries()); n < 2 {
		t.Errorf("%d searches, want the first and one after the refresh", n)
	}
}
