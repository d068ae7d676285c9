package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/folio-tui/folio/state"
)

// budgetArchive writes a piece whose sentence "The committee met again."
// occurs twice, and three pieces like it, which the reader lists as
// related to it above its body.
func budgetArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"twice.md": "---\ntitle: The committee and the budget\ndate: 2021-05-01\noutlet: The Paper\ntags: [budget]\n---\n\n" +
			"Opening words come first in this piece about the committee budget.\n\nThe committee met again.\n\n" +
			"It agreed nothing, and the budget was cut for the second year running.\n\nThe committee met again.\n\nThis time it resigned.\n",
	}
	for i, title := range []string{"Budget committee cuts", "The committee budget row", "A budget for the committee"} {
		files[filepath.Join("other", string(rune('a'+i))+".md")] = "---\ntitle: " + title + "\ndate: 201" + string(rune('1'+i)) + "-01-01\ntags: [budget]\n---\n\nThe committee and the budget were cut again in the committee budget.\n"
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestQuoteAnchoredInThePiecesText: a quote kept in the reader is anchored
// in the piece's text as folio quotes add anchors it (QuoteText), not in
// the reader's page, whose header lists related pieces (a researcher's
// quote had "the Union Address, 1883 · Chester A Arthur ──────…", another
// piece's title and the rule, as its prefix, and a position counted past
// them). The first line of the body and the first "The committee met
// again." give the selectors folio quotes add gives the same passages; the
// second occurrence is found again there and in the reader, not the first.
// On a real index, which finds the related pieces.
func TestQuoteAnchoredInThePiecesText(t *testing.T) {
	ix, _ := realIndex(t, budgetArchive(t))
	dir := t.TempDir()
	t.Setenv("NO_COLOR", "")
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: 4}, nil
		},
		OpenQuotes: func() (QuoteBook, error) { return state.OpenQuotes("quotes", dir) },
		After:      testClock,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 50))
	r := &quoteRun{t: t, tm: tm, screen: p.screen, dir: dir}
	waitIdle(t, r.screen, "of 4")
	r.keys("enter")
	waitIdle(t, r.screen, `(?s)Related.*Budget committee cuts.*This time it resigned`)
	screen := r.screen.load().screen
	lines := strings.Split(screen, "\n")
	first := rowOf(t, screen, "Opening words come first")
	var met []int
	for i, l := range lines {
		if strings.Contains(l, "The committee met again.") {
			met = append(met, i)
		}
	}
	if len(met) != 2 {
		t.Fatalf("the passage is on %d lines, want 2:\n%s", len(met), screen)
	}
	// keep keeps the line down lines under the body's first, and waits for
	// the marks the reader shows then (marked).
	keep := func(down int, kept int, marked string) {
		t.Helper()
		r.keys("v")
		waitIdle(t, r.screen, `Quote: 1 line`)
		for range down {
			r.keys("j")
		}
		r.keys("v", "y")
		waitIdle(t, r.screen, "note \\(optional")
		r.keys("enter")
		waitIdle(t, r.screen, marked)
		qs := r.saved()
		if len(qs) != kept {
			t.Fatalf("%d quotes saved, want %d", len(qs), kept)
		}
	}
	mark := `(?m)^ *` + quoteMark + ` +`
	keep(0, 1, mark+`Opening words`)
	keep(met[0]-first, 2, mark+`The committee met again\. *\n(.*\n)+ +The committee met again\.`)
	keep(met[1]-first, 3, mark+`The committee met again\. *\n(.*\n)+`+quoteMark+` +The committee met again\.`)
	r.quit()
	// the quotes file's order is not the order kept: by the passage
	byExact := map[string][]state.Quote{}
	for _, q := range r.saved() {
		byExact[q.Exact] = append(byExact[q.Exact], q)
	}
	opening := "Opening words come first in this piece about the committee budget."
	if len(byExact[opening]) != 1 || len(byExact["The committee met again."]) != 2 {
		t.Fatalf("the quotes kept: %+v", r.saved())
	}

	a, err := ix.Article("twice")
	if err != nil {
		t.Fatal(err)
	}
	text, err := QuoteText(a, func([]string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	// folio quotes add's selector of a passage: the first occurrence
	add := func(passage string) state.Selector {
		t.Helper()
		sel, _, ok := state.NewText(text).Find(passage)
		if !ok {
			t.Fatalf("%q is not in the piece's text", passage)
		}
		return sel
	}
	if got, want := byExact[opening][0].Selector, add(opening); got != want {
		t.Errorf("the body's first line kept in the reader: %+v\nfolio quotes add: %+v", got, want)
	}
	second := strings.LastIndex(text, "The committee met again.")
	var seconds int
	for _, q := range byExact["The committee met again."] {
		for _, chrome := range []string{"Related", "─", "Budget committee cuts", "The committee budget row", "A budget for the committee"} {
			if strings.Contains(q.Prefix+q.Suffix, chrome) {
				t.Errorf("the context of %+v holds %q, which is the reader's, not the piece's", q.Selector, chrome)
			}
		}
		start, _, ok := state.NewText(text).Locate(q.Selector)
		if !ok {
			t.Fatalf("%+v is not found in the piece's text", q.Selector)
		}
		if start != second {
			if got, want := q.Selector, add(q.Exact); got != want {
				t.Errorf("the first occurrence kept in the reader: %+v\nfolio quotes add: %+v", got, want)
			}
			continue
		}
		seconds++
		if !q.Repeated || !strings.HasSuffix(q.Prefix, "for the second year running.") || !strings.HasPrefix(q.Suffix, "This time it resigned.") {
			t.Errorf("the second occurrence's selector: %+v", q.Selector)
		}
		if want := state.Select(text, second, second+len(q.Exact)); q.Position != want.Position || q.Prefix != want.Prefix || q.Suffix != want.Suffix {
			t.Errorf("the second occurrence's selector %+v, want the piece's %+v", q.Selector, want)
		}
	}
	if seconds != 1 {
		t.Errorf("%d of the two quotes of the passage are of its second occurrence, want 1", seconds)
	}
}
