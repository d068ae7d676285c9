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
