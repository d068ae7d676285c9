package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// YEARS ends with the undated pieces (a Hugo site's pages without a date)
// as "undated", so that its counts add up to the results, by years or by
// decades, and choosing it keeps those pieces (a helper's report: with 3
// hits of which 2 undated the years showed 1, and nothing said 2 were
// left out).
func TestSidebarYearsCountUndated(t *testing.T) {
	for _, years := range []int{1, maxYears, maxYears + 2} {
		arch := t.TempDir()
		files := map[string]string{
			"hugo.toml":                   "title = 'S'\n",
			"content/blog/u.md":           "---\ntitle: U\n---\nGlacier.\n",
			"content/posts/trip/index.md": "Glacier without front matter.\n",
		}
		for y := range years {
			files[fmt.Sprintf("content/posts/p%d.md", y)] = fmt.Sprintf("---\ntitle: P%d\ndate: %d-03-01\n---\nGlacier.\n", y, 1990+y)
		}
		testcorpus.WriteTree(t, arch, files)
		name, fsys, err := archive.Source(arch)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := index.Open(context.Background(), name, fsys, index.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		h := newHarness(t, ix, 100, 40)
		h.key("/")
		h.typeText("glacier")
		h.key("enter")
		h.requireScreen("Glacier")
		var yearEntries []sidebarEntry
		sum := 0
		for _, e := range h.m.sidebar.entries {
			if e.group == groupYears && !e.header && !e.inner {
				yearEntries = append(yearEntries, e)
				sum += e.count
			}
		}
		if len(yearEntries) == 0 {
			t.Fatalf("%d years: no YEARS", years)
		}
		last := yearEntries[len(yearEntries)-1]
		if last.value != index.Undated || last.count != 2 || sum != years+2 {
			t.Errorf("%d years: YEARS %+v (sum %d); want the last undated (2), the sum %d", years, yearEntries, sum, years+2)
		}
		// decades past maxYears years, the undated not among them
		decades := slices.ContainsFunc(h.m.sidebar.entries, func(e sidebarEntry) bool { return e.decade })
		if decades != (years > maxYears) {
			t.Errorf("%d years: by decades %v", years, decades)
		}
		if !strings.Contains(h.screen(), "undated") {
			t.Errorf("%d years: the screen shows no undated:\n%s", years, h.screen())
		}
		// chosen with a click, it keeps the undated pieces alone
		y := -1
		for yy := range 40 {
			if i, ok := h.m.sidebar.entryAt(yy - h.m.bodyTop()); ok && h.m.sidebar.entries[i].value == index.Undated {
				y = yy
				break
			}
		}
		if y < 0 {
			t.Fatalf("%d years: undated not on the screen:\n%s", years, h.screen())
		}
		h.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 2, Y: y})
		if !slices.Equal(h.m.query.Years, []string{index.Undated}) {
			t.Fatalf("%d years: the click chose %+v", years, h.m.query)
		}
		h.requireScreen("U")
		if n := h.m.list.count(); n != 2 {
			t.Errorf("%d years: undated chosen lists %d, want 2:\n%s", years, n, h.screen())
		}
		// no range of dates holds them: a saved search says so
		if _, err := h.m.savedOfCurrent("u"); err == nil || !strings.Contains(err.Error(), "unchoose undated") {
			t.Errorf("%d years: saving with undated chosen: %v", years, err)
		}
		ix.Close()
	}
}
