package ui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// quoteRun is folio's reader in teatest over the fake index, with a real
// reading state and real quotes in dir.
type quoteRun struct {
	t      *testing.T
	tm     *teatest.TestModel
	screen *screenBox
	dir    string
}

func startQuoteRun(t *testing.T, dir string, w, h int) *quoteRun {
	t.Helper()
	return startQuoteRunOf(t, dir, w, h, testArticles())
}

// startQuoteRunOf is startQuoteRun over arts (five of them).
func startQuoteRunOf(t *testing.T, dir string, w, h int, arts []archive.Article) *quoteRun {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	f := newFake(arts...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		OpenState:  func() (ReadingState, error) { return state.Open("quotes", dir) },
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
		After:      testClock,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(w, h))
	r := &quoteRun{t: t, tm: tm, screen: p.screen, dir: dir}
	waitIdle(t, r.screen, "of 5")
	return r
}

func (r *quoteRun) keys(keys ...string) {
	for _, k := range keys {
		r.tm.Send(keyPress(k))
	}
}

func (r *quoteRun) quit() {
	r.t.Helper()
	if err := r.tm.Quit(); err != nil {
		r.t.Fatal(err)
	}
	r.tm.WaitFinished(r.t, teatest.WithFinalTimeout(hangGuard))
}

// saved is the quotes file as another folio would read it.
func (r *quoteRun) saved() []state.Quote {
	r.t.Helper()
	qs, warn := state.OpenQuotes("quotes", r.dir)
	if warn != nil {
		r.t.Fatal(warn)
	}
	return qs.All()
}

// rowOf is the screen row of the first line matching re.
func rowOf(t *testing.T, screen, re string) int {
	t.Helper()
	for i, l := range strings.Split(screen, "\n") {
		if regexp.MustCompile(re).MatchString(l) {
			return i
		}
	}
	t.Fatalf("no line matches %q:\n%s", re, screen)
	return -1
}

func TestQuoteLinesInTheReader(t *testing.T) {
	dir := t.TempDir()
	r := startQuoteRun(t, dir, 100, 30)
	r.keys("enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	screen := r.screen.load().screen
	first := rowOf(t, screen, "─{20}") + 1 // where v starts: the body's first line with text
	for lines := strings.Split(screen, "\n"); strings.TrimSpace(lines[first]) == ""; first++ {
	}
	target := rowOf(t, screen, "Foreign fighters have not returned")

	// v, down to the paragraph, v to start there, keep with a note.
	r.keys("v")
	waitIdle(t, r.screen, `Quote: 1 line`)
	for range target - first {
		r.keys("j")
	}
	r.keys("v", "y")
	waitIdle(t, r.screen, "note \\(optional")
	r.tm.Type("for the returnees chapter")
	r.keys("enter")
	waitIdle(t, r.screen, "Quote kept")

	qs := r.saved()
	if len(qs) != 1 {
		t.Fatalf("%d quotes saved, want 1", len(qs))
	}
	q := qs[0]
	if q.Piece != "raqqa" || !strings.HasPrefix(q.Exact, "Foreign fighters have not returned in numbers.") || strings.Contains(q.Exact, "MI5") ||
		q.Note != "for the returnees chapter" || q.Citation.Title != "Raqqa has fallen, but terror is here to stay" ||
		q.Citation.Key != "pantucci2017raqqa" || q.Citation.Date != "2017-10-19" {
		t.Errorf("saved %+v", q)
	}
	// The quoted line carries the mark; the others do not.
	screen = r.screen.load().screen
	lines := strings.Split(screen, "\n")
	if row := rowOf(t, screen, "Foreign fighters have not returned"); !strings.HasPrefix(lines[row], quoteMark) {
		t.Errorf("the quoted line is not marked: %q", lines[row])
	}
	if row := rowOf(t, screen, "the head of MI5 gave"); strings.HasPrefix(lines[row], quoteMark) {
		t.Errorf("a line not quoted is marked: %q", lines[row])
	}

	// At another width the piece is rendered again: the mark follows.
	r.tm.Send(tea.WindowSizeMsg{Width: 44, Height: 30})
	waitIdle(t, r.screen, `(?m)^`+quoteMark+` Foreign fighters`)

	// Q lists it, with its note.
	r.keys("Q")
	waitIdle(t, r.screen, `quotes of this piece \(1\)`)
	if s := r.screen.load().screen; !strings.Contains(s, "note: for the returnees") {
		t.Errorf("Q:\n%s", s)
	}
	r.keys("esc")
	r.quit()
}

// v on a piece just opened starts in its body, not on the header's title,
// meta or related pieces: those are not in the text a quote is found in
// (folio quotes would call such a quote orphaned at once).
func TestQuoteStartsInTheBody(t *testing.T) {
	dir := t.TempDir()
	r := startQuoteRun(t, dir, 100, 30)
	r.keys("enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	r.keys("v", "k", "k", "y")
	waitIdle(t, r.screen, "note \\(optional")
	r.keys("enter")
	waitIdle(t, r.screen, "Quote kept")
	qs := r.saved()
	if len(qs) != 1 {
		t.Fatalf("%d quotes saved, want 1", len(qs))
	}
	if q := qs[0].Exact; strings.Contains(q, "Raqqa has fallen") || strings.Contains(q, "Telegraph") || !strings.Contains(q, "Raqqa") {
		t.Errorf("the quote is %q; want the body's first line (its heading)", q)
	}
	r.quit()
}

func TestQuoteCancelled(t *testing.T) {
	dir := t.TempDir()
	r := startQuoteRun(t, dir, 100, 30)
	r.keys("enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	r.keys("v", "j", "esc")
	waitIdle(t, r.screen, "Quote cancelled")
	r.keys("v", "j", "enter")
	waitIdle(t, r.screen, "note \\(optional")
	r.keys("esc")
	waitIdle(t, r.screen, "Quote not kept")
	r.quit()
	if len(r.saved()) != 0 {
		t.Errorf("a cancelled quote was saved: %+v", r.saved())
	}
}

// writeQuotes writes a quotes file as another folio would have saved it.
func writeQuotes(t *testing.T, dir string, qs ...state.Quote) {
	t.Helper()
	book, _ := state.OpenQuotes("quotes", dir)
	for _, q := range qs {
		if _, err := book.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := book.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestQuotesListJumpsToTheQuote(t *testing.T) {
	dir := t.TempDir()
	gone := state.Quote{Piece: "long", Selector: state.Selector{Exact: "A sentence the piece no longer has"},
		Citation: state.Citation{Title: "A long piece", Date: "2015-03-01"}}
	kept := state.Quote{Piece: "long", Selector: state.Selector{Exact: "Paragraph 60 of a long piece about intelligence."},
		Note: "the sixtieth", Citation: state.Citation{Title: "A long piece", Date: "2015-03-01"}}
	writeQuotes(t, dir, gone, kept)

	t.Setenv("NO_COLOR", "")
	f := newFake(append(testArticles(), longArticle())...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles)}, nil
		},
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
		After:      testClock,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30))
	waitIdle(t, p.screen, "of 6")

	// From the list, Q lists all quotes; / keeps those with the words
	// typed (here in the note), enter ends the filter and goes to one.
	tm.Send(keyPress("Q"))
	waitIdle(t, p.screen, `all quotes \(2\)`)
	tm.Send(keyPress("/"))
	tm.Type("SIXTIETH")
	waitIdle(t, p.screen, `all quotes \(1\)`)
	tm.Send(keyPress("enter"))
	tm.Send(keyPress("enter"))
	waitIdle(t, p.screen, `(?m)^`+quoteMark+` Paragraph 60 of a long piece`)
	if s := p.screen.load().screen; strings.Contains(s, "Paragraph 1 of") {
		t.Errorf("the reader did not move to the quote, far down the piece:\n%s", s)
	}

	// The other quote's passage is gone: the reader says so.
	tm.Send(keyPress("Q"))
	waitIdle(t, p.screen, `quotes of this piece \(2\)`)
	tm.Send(keyPress("j"))
	tm.Send(keyPress("enter"))
	waitIdle(t, p.screen, "no longer in this piece")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(hangGuard))
}

// A quote keeps the text of its lines without the margin they share, a
// block quote's bar, or blank lines around them; a list's bullet stays.
func TestQuotePassageOfLines(t *testing.T) {
	r := reader{plain: []string{"", "  │ The threat will outlive  ", "  │ the caliphate.", "", "  • a bullet, kept", ""}}
	r.quote = quoteSel{anchor: 5, cursor: 0}
	want := "The threat will outlive\nthe caliphate.\n\n• a bullet, kept"
	if got := r.passage(); got != want {
		t.Errorf("passage %q, want %q", got, want)
	}
	r.key.id = "p"
	q, _ := r.chosenQuote("  a   note ")
	if q.Exact != want || q.Note != "a note" || q.Piece != "p" {
		t.Errorf("quote %+v", q)
	}
	text, _ := joinLines(r.plain)
	if _, _, ok := q.Locate(text); !ok {
		t.Error("the quote is not found in the lines it was taken from")
	}
}

// Q shows the quotes another folio kept while this one runs.
func TestQuotesListTakesInOtherFolios(t *testing.T) {
	dir := t.TempDir()
	r := startQuoteRun(t, dir, 100, 30)
	r.keys("Q")
	waitIdle(t, r.screen, `all quotes \(0\)`)
	r.keys("esc")
	writeQuotes(t, dir, state.Quote{Piece: "parsons", Selector: state.Selector{Exact: "a low-level threat"},
		Citation: state.Citation{Title: "Parsons Green and low-level plots", Date: "2017-09-16"}})
	r.keys("Q")
	waitIdle(t, r.screen, `all quotes \(1\)`)
	if s := r.screen.load().screen; !strings.Contains(s, "“a low-level threat”") {
		t.Errorf("Q:\n%s", s)
	}
	r.quit()
}

// With a query on, Q lists the quotes of the pieces among the results; tab
// goes on to all of them. In the reader the piece's come first.
func TestQuotesOfTheResults(t *testing.T) {
	dir := t.TempDir()
	writeQuotes(t, dir,
		state.Quote{Piece: "raqqa", Selector: state.Selector{Exact: "Foreign fighters have not returned in numbers."},
			Citation: state.Citation{Title: "Raqqa has fallen, but terror is here to stay", Date: "2017-10-19"}},
		state.Quote{Piece: "parsons", Selector: state.Selector{Exact: "a low-level threat"},
			Citation: state.Citation{Title: "Parsons Green and low-level plots", Date: "2017-09-16"}})
	r := startQuoteRun(t, dir, 100, 30)
	r.keys("/")
	r.tm.Type("fighters")
	r.keys("enter")
	waitIdle(t, r.screen, "1 of 5 · relevance")

	r.keys("Q")
	waitIdle(t, r.screen, `Quotes · quotes of the results \(1\).*tab results→all\)`)
	if s := r.screen.load().screen; !strings.Contains(s, "“Foreign fighters have not returned") || strings.Contains(s, "low-level threat") {
		t.Errorf("Q with a query on:\n%s", s)
	}
	r.keys("tab")
	waitIdle(t, r.screen, `all quotes \(2\)`)
	if s := r.screen.load().screen; !strings.Contains(s, "“Foreign fighters") || !strings.Contains(s, "“a low-level threat”") {
		t.Errorf("tab to all:\n%s", s)
	}
	r.keys("tab")
	waitIdle(t, r.screen, `quotes of the results \(1\)`)
	r.keys("esc")

	// In the reader: the piece's, the results', all.
	r.keys("enter")
	waitIdle(t, r.screen, "the head of MI5 gave interviews")
	r.keys("Q")
	waitIdle(t, r.screen, `quotes of this piece \(1\).*tab piece→results→all\)`)
	r.keys("tab")
	waitIdle(t, r.screen, `quotes of the results \(1\)`)
	r.keys("tab")
	waitIdle(t, r.screen, `all quotes \(2\)`)
	r.keys("esc")

	// Neither query nor filter: all of them, and nothing for tab.
	r.keys("esc", "/", "ctrl+u", "enter")
	waitIdle(t, r.screen, "5 of 5")
	r.keys("Q")
	waitIdle(t, r.screen, `all quotes \(2\)  \(enter go to it · / filter · esc close\)`)
	r.keys("tab")
	r.keys("esc")
	waitIdle(t, r.screen, "5 of 5")

	// A filter narrows them too, Q from the sidebar: The Telegraph has
	// the piece on Raqqa, not the one on Parsons Green.
	r.keys("tab", "j", "j", "j", "space")
	waitIdle(t, r.screen, "3 of 5 · newest · outlet:The Telegraph")
	r.keys("Q")
	waitIdle(t, r.screen, `quotes of the results \(1\)[\s\S]*“Foreign fighters have not returned`)
	r.keys("tab")
	waitIdle(t, r.screen, `all quotes \(2\)[\s\S]*“a low-level threat”`)
	r.keys("esc")
	r.quit()
}

// A quote whose piece is gone from the archive: the reader says it cannot
// show the piece, and the status line does not say the passage is gone (a
// helper's report: it said both).
func TestQuoteOfAPieceGone(t *testing.T) {
	dir := t.TempDir()
	writeQuotes(t, dir, state.Quote{Piece: "gone", Selector: state.Selector{Exact: "A sentence of a piece deleted since"},
		Citation: state.Citation{Title: "A piece deleted since", Date: "2015-03-01"}})
	book, warn := state.OpenQuotes("quotes", dir)
	if warn != nil {
		t.Fatal(warn)
	}
	h := newHarness(t, newFake(testArticles()...), 120, 30)
	h.m.quotes = book
	h.run(h.m.jumpToQuote(book.All()[0]))
	h.requireScreen("Could not show this piece")
	if strings.Contains(h.screen(), "no longer in this piece") {
		t.Errorf("the passage is said gone:\n%s", h.screen())
	}
}
