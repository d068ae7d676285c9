package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The header names the chosen filters in full when the line has room, and
// by whole names with "+N" when it has not, never "outlet:The Ne…".
func TestHeaderNamesFiltersInFull(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 100, 30)
	h.key("tab")
	for _, o := range []string{"The Telegraph", "Evening Standard"} {
		h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupOutlets, o, false))
		h.key("space")
	}
	top := strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(top, "outlet:The Telegraph outlet:Evening Standard") {
		t.Fatalf("at 100 columns the filters are cut: %q", top)
	}
	h.send(tea.WindowSizeMsg{Width: 70, Height: 30})
	top = strings.SplitN(h.screen(), "\n", 2)[0]
	if !strings.Contains(top, "outlet:The Telegraph +1") || strings.Contains(top, "…") {
		t.Fatalf("at 70 columns: %q", top)
	}
}

// o with no browser to start shows the URL and says y copies it.
func TestOpenURLWithoutBrowserSuggestsCopying(t *testing.T) {
	t.Setenv("BROWSER", filepath.Join(t.TempDir(), "no-such-browser"))
	h := newHarness(t, newFake(testArticles()...), 120, 30)
	h.key("enter", "o")
	h.requireScreen("Could not open https://www.telegraph.co.uk/news/raqqa: press y to copy it")
}

// ? at 80×24 shows every key, grouped by where it works, each once, d/u
// among them, nothing cut.
func TestHelpFitsEightyByTwentyFour(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("?")
	screen := h.screen()
	t.Logf("\n%s", screen)
	for _, want := range []string{"ANYWHERE", "SEARCH BOX", "LIST", "SIDEBAR", "READER", "d u", "half page", "esc/q backspace  back", "help, problems, quotes", "cite all, format", "star, edit", "read the folder, add a URL", "links to pieces", "pgup pgdn"} {
		if strings.Count(screen, want) != 1 {
			t.Errorf("%q is on the help %d times", want, strings.Count(screen, want))
		}
	}
	if strings.Contains(screen, "…") || strings.Contains(screen, "MORE") {
		t.Errorf("the help is cut, or keys are not in their sections")
	}
	h.requireFits("help", 80, 24)
}

// The keys of the chart, the words, the citation format chooser, quoting
// and the list of links are on the help's second and third pages at 80×24:
// space turns to them, b back, and each page fits.
func TestHelpPagesListTheOverlaysKeys(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 80, 24)
	h.key("?")
	h.requireScreen("page 1 of 3")
	h.key("space")
	screen := h.screen()
	for _, want := range []string{"page 2 of 3", "CHART (t)", "WORDS (w)", "CITATION FORMAT (F)", "t m b r j", "pin the query", "add to the query"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not on the second page:\n%s", want, screen)
		}
	}
	h.requireFits("help page 2", 80, 24)
	h.key("space")
	screen = h.screen()
	for _, want := range []string{"page 3 of 3", "QUOTES (Q)", "v again: start here", "LINKS (L)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("%q is not on the third page:\n%s", want, screen)
		}
	}
	h.requireFits("help page 3", 80, 24)
	h.key("space") // no fourth page: it stays on the last
	h.requireScreen("page 3 of 3")
	h.key("b", "b")
	h.requireScreen("ANYWHERE")
	h.key("esc")
	if h.m.help.open || strings.Contains(h.screen(), "folio keys") {
		t.Fatalf("esc did not close the help:\n%s", h.screen())
	}
}
