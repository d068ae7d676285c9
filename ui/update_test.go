package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
)

// After a burst of resizes the whole screen is drawn again once, when the
// last one has settled; the settling of an earlier resize does nothing.
func TestResizeBurstRedrawsOnceSettled(t *testing.T) {
	m := New(Options{After: testClock})
	for _, size := range [][2]int{{70, 20}, {120, 40}} {
		m.update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	}
	if cmd := m.update(resizeSettledMsg{seq: m.resizeSeq - 1}); cmd != nil {
		t.Fatalf("an earlier resize's settling returned %T; want nothing", cmd())
	}
	cmd := m.update(resizeSettledMsg{seq: m.resizeSeq})
	if cmd == nil {
		t.Fatal("the last resize's settling returned no Cmd; want a clear screen")
	}
	if got, want := fmt.Sprintf("%T", cmd()), fmt.Sprintf("%T", tea.ClearScreen()); got != want {
		t.Fatalf("settling returned %s; want %s", got, want)
	}
}

// A render started before a refresh replaced the render cache comes back
// with the file as it was: it is neither kept in the new cache nor shown.
func TestRenderFromBeforeARefreshIsDropped(t *testing.T) {
	m := New(Options{After: testClock})
	k := renderKey{id: "a", width: 80, style: "dark"}
	old := m.cache
	stale := old.tag(func() tea.Msg { return renderedMsg{key: k, lines: []string{"as it was"}} })()
	m.cache = newRenderCache() // what a refresh does (live.go)
	if !m.cache.start(k) {
		t.Fatal("the new cache has a render of k running already")
	}
	m.update(stale)
	if _, ok := m.cache.get(k); ok {
		t.Fatal("the stale render was kept in the new cache")
	}
	if m.cache.start(k) {
		t.Fatal("the stale render ended the new cache's own render of k")
	}
	fresh := m.cache.tag(func() tea.Msg { return renderedMsg{key: k, lines: []string{"as it is"}} })()
	m.update(fresh)
	if r, ok := m.cache.get(k); !ok || r.lines[0] != "as it is" {
		t.Fatalf("the fresh render was not kept: %v %v", r.lines, ok)
	}
}

// The status line after an index build counts in words that agree.
func TestIndexedStatusAgreesInNumber(t *testing.T) {
	for n, want := range map[int]string{1: "Indexed 1 piece", 2: "Indexed 2 pieces", 1500: "Indexed 1,500 pieces"} {
		m := New(Options{After: testClock})
		m.indexStatus(Info{Rebuilt: n})
		if got := m.status.text; got != want {
			t.Errorf("Rebuilt %d: status %q; want %q", n, got, want)
		}
	}
}

// A damaged cache file beside a synonyms file's problem is two warnings,
// counted and listed apart (a review: joined into one string, the bar
// said "1 warning" and ! listed one entry).
func TestDamagedCacheAndSynonymsAreTwoWarnings(t *testing.T) {
	const warn = "/c/folio/synonyms.txt: not a regular file (a named pipe)"
	const damaged = "the index cache's /c/ix/CURRENT: not a regular file (a named pipe): the index was built anew"
	m := New(Options{After: testClock})
	m.info = Info{Warning: warn, Damaged: damaged}
	m.indexStatus(m.info, true)
	if all := m.allWarnings(); len(all) != 2 || all[0] != warn || all[1] != damaged {
		t.Errorf("warnings %q; want the two apart", all)
	}
	if got := m.status.text; !strings.Contains(got, warn) || !strings.Contains(got, damaged) {
		t.Errorf("status %q; want both", got)
	}
	m = New(Options{After: testClock})
	m.info = Info{Damaged: damaged}
	m.indexStatus(m.info, true)
	if got := m.status.text; got != damaged {
		t.Errorf("status %q; want %q", got, damaged)
	}
	// after a refresh that rebuilt the damaged index, said beside the
	// count (it said "Indexed 3 pieces" alone)
	m.indexStatus(Info{Rebuilt: 3, Damaged: damaged})
	if got := m.status.text; !strings.Contains(got, "Indexed 3 pieces") || !strings.Contains(got, damaged) {
		t.Errorf("after a refresh: status %q", got)
	}
}

// What is wrong with the user's synonyms file is said in the status line
// at the start, beside what the index found (a helper's report: it was
// said nowhere).
func TestIndexStatusSaysTheSynonymsWarning(t *testing.T) {
	const warn = "/c/folio/synonyms.txt:2: line of 1100000 bytes, over the 1 MB limit; skipped"
	for _, c := range []struct {
		info Info
		want string
	}{
		{Info{Warning: warn}, warn},
		{Info{Warning: warn, Rebuilt: 2}, "Indexed 2 pieces · " + warn},
		{Info{Warning: warn, Problems: []archive.Problem{{Path: "a.md", Msg: "bad", Fatal: true}}}, "1 file skipped: press ! to see why · " + warn},
	} {
		m := New(Options{After: testClock})
		m.indexStatus(c.info, true)
		if got := m.status.text; got != c.want {
			t.Errorf("%+v: status %q; want %q", c.info, got, c.want)
		}
	}
}
