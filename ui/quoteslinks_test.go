package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/state"
)

// A quote taken as a reader reads the piece, its links' URLs left out
// (folio quotes add "As the report said": state.NewTextAsRead with
// ShownOf), is marked in the reader, which shows the URLs, at any width;
// so is one of a word a link is inside ("was expanded last year" of
// "[expand](u)ed").
func TestQuoteReadWithoutLinksIsMarked(t *testing.T) {
	arts := testArticles()
	arts[0].Body = "Before it all, a paragraph that no quote holds.\n\n" +
		"The programme was [expand](https://example.com/x)ed last year.\n\n" +
		"As [the report](https://example.com/projects/a-very-long-path-with-hyphens/r) said, it worked well enough.\n\n" +
		"A closing paragraph that no quote holds.\n"
	// as folio quotes add takes them: from the piece rendered plain at 80
	lines, _, err := RenderMarkdown(arts[0].Body, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	var qs []state.Quote
	for _, p := range []string{"was expanded last year", "As the report said, it worked well enough."} {
		if _, _, ok := state.Find(text, p); ok {
			t.Fatalf("%q is in the text as shown:\n%s", p, text)
		}
		sel, _, ok := state.NewTextAsRead(text, func() state.Shown { return ShownOf(arts[0].Body) }).Find(p)
		if !ok {
			t.Fatalf("%q not found:\n%s", p, text)
		}
		qs = append(qs, state.Quote{Piece: arts[0].ID, Selector: sel, Citation: state.Citation{Title: arts[0].Title}})
	}
	dir := t.TempDir()
	writeQuotes(t, dir, qs...)

	r := startQuoteRunOf(t, dir, 100, 40, arts)
	r.keys("enter")
	for _, w := range []int{100, 44} {
		if w != 100 {
			r.tm.Send(tea.WindowSizeMsg{Width: w, Height: 40})
			// laid out again: the first paragraph wraps
			waitIdle(t, r.screen, `(?m)^ +(\S+ )?holds\. *$`)
		}
		waitIdle(t, r.screen, `(?m)^`+quoteMark+` The programme was expanded`)
		waitIdle(t, r.screen, `(?m)^`+quoteMark+` As the report`)
		screen := r.screen.load().screen
		rows := strings.Split(screen, "\n")
		for _, want := range []string{"enough"} {
			if row := rowOf(t, screen, want); !strings.HasPrefix(rows[row], quoteMark) {
				t.Errorf("width %d: %q not marked:\n%s", w, want, screen)
			}
		}
		for _, not := range []string{"Before it all", "A closing paragraph"} {
			if row := rowOf(t, screen, not); strings.HasPrefix(rows[row], quoteMark) {
				t.Errorf("width %d: %q marked:\n%s", w, not, screen)
			}
		}
	}
	r.quit()
}

// A paragraph too costly to parse is shown as plain text, its links as
// written, and gives no URL to leave out (ShownOf parses as the
// renderer does, the paragraph guard too: a read of the change, 42zc):
// a passage over a link elsewhere and that paragraph, the URL it shows
// after "the report" held, is found, the link's URL left out, the
// paragraph's kept.
func TestQuoteOfAParagraphShownRawKeepsItsURL(t *testing.T) {
	md := "As [the review](https://example.com/v) said, it held.\n\n" +
		"Raw: [the report](https://example.com/r) opens it; the report https://example.com/r is shown as written, " +
		strings.Repeat("word ", maxParagraphBytes/5+100) + "end.\n"
	lines, note, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(text, "[the report](https://example.com/r)") || note == "" {
		t.Fatalf("the long paragraph not shown as written (%q):\n%.300s", note, text)
	}
	p := "As the review said, it held. Raw: [the report](https://example.com/r) opens it; the report https://example.com/r is shown"
	if _, _, ok := state.Find(text, p); ok {
		t.Fatalf("%q is in the text as shown:\n%.300s", p, text)
	}
	prepared := state.NewTextAsRead(text, func() state.Shown { return ShownOf(md) })
	sel, _, ok := prepared.Find(p)
	if !ok {
		t.Fatalf("%q not found (URLs given: %q):\n%.300s", p, ShownOf(md).Links, text)
	}
	start, end, ok := prepared.Locate(sel)
	if got := strings.Join(strings.Fields(text[start:end]), " "); !ok || !strings.HasPrefix(got, "As the review https://example.com/v said") ||
		!strings.HasSuffix(got, "the report https://example.com/r is shown") {
		t.Errorf("located %v: %q", ok, got)
	}
}
