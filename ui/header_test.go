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
	for _, want := range []string{"ANYWHERE", "SEARCH BOX", "LIST", "SIDEBAR", "READER", "d u", "half page", "back", "skipped files", "cite all, format", "edit the file", "read the folder again", "links to other pieces"} {
		if strings.Count(screen, want) != 1 {
			t.Errorf("%q is on the help %d times", want, strings.Count(screen, want))
		}
	}
	if strings.Contains(screen, "…") || strings.Contains(screen, "MORE") {
		t.Errorf("the help is cut, or keys are not in their sections")
	}
	h.requireFits("help", 80, 24)
}
