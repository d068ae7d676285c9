package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// speechArchive writes an archive like the State of the Union corpus: one
// address a year for 60 years (1950-2009), every title the same but for
// the year, six presidents, a tag of two words.
func speechArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	presidents := []string{"Harry S. Truman", "Dwight D. Eisenhower", "John F. Kennedy", "Richard Nixon", "Jimmy Carter", "Ronald Reagan"}
	for i := range 60 {
		y := 1950 + i
		tags := `["no party"]`
		if i%2 == 0 {
			tags = `["foreign policy", "economy"]`
		}
		fm := fmt.Sprintf("---\ntitle: \"State of the Union Address, %d\"\ndate: \"%d\"\nauthors: [%q]\noutlet: State of the Union\nkind: speech\ntags: %s\n---\nMr. Speaker, the state of the union in %d.\n",
			y, y, presidents[i/10], tags, y)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.md", y)), []byte(fm), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newSpeechDriver(t *testing.T) *countDriver {
	ix, _ := realIndex(t, speechArchive(t))
	st, warn := state.Open("speeches", t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	d := newCountDriver(t, ix, st)
	d.settled()
	return d
}

// entryIndex is the sidebar entry of group g with value v, -1 if none.
func entryIndex(s sidebar, g facetGroup, v string, decade bool) int {
	return slices.IndexFunc(s.entries, func(e sidebarEntry) bool {
		return !e.header && e.group == g && e.value == v && e.decade == decade
	})
}

// The list names each piece's president, the AUTHORS group filters by
// one, with counts that follow the query, and YEARS, with 60 years, lists
// decades that open to their years.
func TestAuthorsAndDecadesInTheSidebar(t *testing.T) {
	d := newSpeechDriver(t)
	screen := screenOf(d.m)
	if !strings.Contains(screen, "2009 · Ronald Reagan · State of the Union · foreign policy, economy") &&
		!strings.Contains(screen, "2008 · Ronald Reagan · State of the Union · foreign policy, economy") {
		t.Fatalf("rows do not name the author, or tags are not told apart:\n%s", screen)
	}
	s := d.m.sidebar
	for _, p := range []string{"Harry S. Truman", "Ronald Reagan"} {
		i := entryIndex(s, groupAuthors, p, false)
		if i < 0 || s.entries[i].count != 10 {
			t.Fatalf("AUTHORS has no %q with 10 pieces: %+v", p, s.entries)
		}
	}
	// YEARS: six decades, not 60 years.
	if entryIndex(s, groupYears, "1990", false) >= 0 {
		t.Fatalf("60 years are listed one by one")
	}
	dec := entryIndex(s, groupYears, "1990s", true)
	if dec < 0 || s.entries[dec].count != 10 {
		t.Fatalf("no 1990s decade of 10 pieces")
	}
	// enter on the decade opens it; it does not search.
	gen := d.m.gen
	d.key("tab")
	d.m.sidebar.moveTo(dec)
	d.key("enter")
	if d.m.gen != gen || entryIndex(d.m.sidebar, groupYears, "1993", false) < 0 {
		t.Fatalf("enter on a decade did not open it (gen %d → %d)", gen, d.m.gen)
	}
	if v := screenOf(d.m); !strings.Contains(v, "▾ 1990s") || !strings.Contains(v, "1993") {
		t.Fatalf("the open decade is not drawn:\n%s", v)
	}
	// choosing a year of it filters; the decade cannot close over it.
	d.m.sidebar.moveTo(entryIndex(d.m.sidebar, groupYears, "1993", false))
	d.key("enter")
	d.settled()
	if d.m.list.total != 1 || !slices.Equal(d.m.baseQuery.Years, []string{"1993"}) {
		t.Fatalf("choosing 1993: %d hits, query %+v", d.m.list.total, d.m.baseQuery)
	}
	if bars := d.m.sidebar.timelineBars(); d.m.sidebar.timelineHeight() == 0 || !slices.Contains(d.m.sidebar.chosenBars(bars), true) {
		t.Fatalf("the chosen year is not marked on the timeline")
	}
	if v := screenOf(d.m); !strings.Contains(v, "TIMELINE  ◉ 1993") {
		t.Fatalf("the timeline does not name the chosen year:\n%s", v)
	}
	d.key("h")
	if entryIndex(d.m.sidebar, groupYears, "1993", false) < 0 {
		t.Fatalf("a decade holding the chosen year closed")
	}
	// a decade opened at the bottom of a short sidebar shows its years
	d.send(tea.WindowSizeMsg{Width: 120, Height: 20})
	d.m.sidebar.moveTo(len(d.m.sidebar.entries) - 1) // the 1950s
	d.key("l")
	s = d.m.sidebar
	if last := entryIndex(s, groupYears, "1950", false); last < 0 || last >= s.offset+s.listHeight() {
		t.Fatalf("the 1950s opened at the bottom: 1950 at %d, screen %d..%d", last, s.offset, s.offset+s.listHeight())
	}
	d.key("x")
	d.settled()

	// AUTHORS filters, and its counts follow the query.
	d.m.sidebar.moveTo(entryIndex(d.m.sidebar, groupAuthors, "Jimmy Carter", false))
	d.key("enter")
	d.settled()
	if d.m.list.total != 10 || !slices.Equal(d.m.baseQuery.Authors, []string{"Jimmy Carter"}) {
		t.Fatalf("choosing Jimmy Carter: %d hits, query %+v", d.m.list.total, d.m.baseQuery)
	}
	if !strings.Contains(d.m.countView(), "author:Jimmy Carter") {
		t.Fatalf("the header does not name the author filter: %q", d.m.countView())
	}
	for _, e := range d.m.sidebar.entries {
		if e.group == groupTags && e.value == "economy" && e.count != 5 {
			t.Fatalf("tag counts do not follow the author filter: %+v", e)
		}
	}
}

// Typing / in the sidebar filters the values of every group; esc clears.
func TestSidebarFilterTyping(t *testing.T) {
	d := newSpeechDriver(t)
	d.key("tab", "/")
	for _, c := range "ron" {
		d.send(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	var values []string
	for _, e := range d.m.sidebar.entries {
		if !e.header && e.group != groupReading {
			values = append(values, e.value)
		}
	}
	want := []string{"Ronald Reagan"}
	if !slices.Equal(values, want) {
		t.Fatalf("filter %q shows %q, want %q", d.m.sidebar.filter, values, want)
	}
	if d.m.focus != paneSidebar || d.m.search.value() != "" {
		t.Fatalf("typing left the sidebar (focus %v, query %q)", d.m.focus, d.m.search.value())
	}
	d.key("enter", "space") // keep the filter, choose the value under the cursor
	d.settled()
	if !slices.Equal(d.m.baseQuery.Authors, want) {
		t.Fatalf("choosing under a filter: query %+v", d.m.baseQuery)
	}
	d.key("esc")
	if d.m.sidebar.filter != "" || entryIndex(d.m.sidebar, groupAuthors, "Harry S. Truman", false) < 0 {
		t.Fatalf("esc did not clear the filter")
	}
}

// The sidebar's filter finds what YEARS shows: typed in the sidebar, a
// decade's label finds the decade with its count and all its years, a
// year's digits the year (a researcher's report: "/1950s" showed no YEARS
// row where "▸ 1950s 10" was on screen, the filter asking the years
// alone); the counts follow the query.
func TestSidebarFilterFindsADecade(t *testing.T) {
	d := newSpeechDriver(t)
	typed := func(f string) []string {
		t.Helper()
		if d.m.sidebar.filtering || d.m.sidebar.filter != "" {
			d.key("esc") // (clears it)
		}
		d.key("/")
		for _, c := range f {
			d.send(tea.KeyPressMsg{Code: c, Text: string(c)})
		}
		var rows []string
		for _, e := range d.m.sidebar.entries {
			if !e.header && e.group == groupYears {
				rows = append(rows, fmt.Sprintf("%s %d", e.label(), e.count))
			}
		}
		return rows
	}
	d.key("tab")
	decade := []string{"1950s 10"}
	for y := 1959; y >= 1950; y-- {
		decade = append(decade, fmt.Sprintf("  %d 1", y))
	}
	for f, want := range map[string][]string{
		"1950s": decade,
		"1950S": decade,
		"195":   decade,
		"1959":  {"1959 1"},
		"200":   {"2000s 10", "  2009 1", "  2008 1", "  2007 1", "  2006 1", "  2005 1", "  2004 1", "  2003 1", "  2002 1", "  2001 1", "  2000 1"},
		"2005":  {"2005 1"},
		"0s":    {"2000s 10", "1990s 10", "1980s 10", "1970s 10", "1960s 10", "1950s 10"},
	} {
		got := typed(f)
		if f == "0s" {
			// every decade found, each with its ten years
			if len(got) != 66 {
				t.Errorf("/0s: %d YEARS rows, want 66", len(got))
			}
			got = slices.DeleteFunc(got, func(r string) bool { return strings.HasPrefix(r, "  ") })
		}
		if !slices.Equal(got, want) {
			t.Errorf("/%s: YEARS %q, want %q", f, got, want)
		}
	}
	// on screen, open, with the cursor on it; enter keeps the filter, and
	// space on a year under it chooses the year
	typed("1950s")
	if v := screenOf(d.m); !strings.Contains(v, "▾ 1950s") || !strings.Contains(v, "1957") {
		t.Fatalf("/1950s: the decade is not drawn open:\n%s", v)
	}
	if e := d.m.sidebar.entries[d.m.sidebar.cursor]; !e.decade || e.value != "1950s" {
		t.Fatalf("/1950s: the cursor is on %+v", e)
	}
	d.key("enter")
	d.m.sidebar.moveTo(entryIndex(d.m.sidebar, groupYears, "1957", false))
	d.key("space")
	d.settled()
	if !slices.Equal(d.m.baseQuery.Years, []string{"1957"}) || d.m.list.total != 1 {
		t.Fatalf("choosing 1957 under /1950s: %d hits, query %+v", d.m.list.total, d.m.baseQuery)
	}
	d.key("space") // unchosen
	d.settled()
	// the counts follow the query: the tag of the odd years
	d.key("esc")
	d.m.sidebar.moveTo(entryIndex(d.m.sidebar, groupTags, "no party", false))
	d.key("space")
	d.settled()
	if got, want := typed("1950s"), []string{"1950s 5", "  1959 1", "  1957 1", "  1955 1", "  1953 1", "  1951 1"}; !slices.Equal(got, want) {
		t.Errorf("/1950s with tag:no party: YEARS %q, want %q", got, want)
	}
	// esc clears it: the decade closed again, as it was
	d.key("esc")
	if entryIndex(d.m.sidebar, groupYears, "1950s", true) < 0 || entryIndex(d.m.sidebar, groupYears, "1957", false) >= 0 {
		t.Fatalf("after esc the 1950s are open or gone: %+v", d.m.sidebar.entries)
	}
}

// After a new query the sidebar shows its first group from the top.
func TestSidebarBackToTopAfterANewQuery(t *testing.T) {
	d := newSpeechDriver(t)
	d.send(tea.WindowSizeMsg{Width: 120, Height: 16})
	d.key("tab", "G")
	if d.m.sidebar.offset == 0 {
		t.Fatalf("the sidebar did not scroll (height %d, %d entries)", d.m.sidebar.listHeight(), len(d.m.sidebar.entries))
	}
	d.key("tab", "/") // to the list, then the search box
	for _, c := range "union" {
		d.send(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	d.key("enter")
	d.settled()
	if d.m.sidebar.offset != 0 || d.m.sidebar.cursor > 2 {
		t.Fatalf("after a new query the sidebar is at offset %d, cursor %d", d.m.sidebar.offset, d.m.sidebar.cursor)
	}
}

func screenOf(m Model) string { return ansi.Strip(m.View().Content) }

// Related pieces name their authors when they are not all the piece's
// (four SOTU pieces have the same title), and not when one writer wrote
// them all.
func TestRelatedNameTheirAuthors(t *testing.T) {
	st := NewStyles(true, true)
	a := archive.Article{Title: "State of the Union Address, 1818", Authors: []string{"James Monroe"}}
	related := []index.Hit{
		{Title: "State of the Union Address, 1819", Authors: []string{"James Monroe"}},
		{Title: "State of the Union Address, 1812", Authors: []string{"James Madison"}},
	}
	lines, _ := composePiece(a, related, relatedNote{}, nil, nil, 100, st)
	out := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(out, "1819 · James Monroe") || !strings.Contains(out, "1812 · James Madison") {
		t.Fatalf("related entries do not name their authors:\n%s", out)
	}
	related[1].Authors = []string{"James Monroe"}
	lines, _ = composePiece(a, related, relatedNote{}, nil, nil, 100, st)
	out = ansi.Strip(strings.Join(lines, "\n"))
	if strings.Contains(out, "1819 · James Monroe") {
		t.Fatalf("one writer's related pieces name him on every line:\n%s", out)
	}
}

// A piece's URL whose host is not plain ASCII shows the host as the
// browser asks for it, in the header, before anything is opened: beside
// the link when both fit, under it (wrapped) when not; every line within
// the width.
func TestHeaderSpellsALookAlikeHost(t *testing.T) {
	st := NewStyles(true, true)
	a := archive.Article{Title: "Look-alike", URL: "https://ex\u0430mple.com/2017/10/a-long-path-to-the-piece"}
	for _, width := range []int{100, 40, 24} {
		lines, _ := composePiece(a, nil, relatedNote{}, nil, nil, width, st)
		out := ansi.Strip(strings.Join(lines, "\n"))
		// (wrapped at a narrow width)
		if !strings.Contains(strings.Join(strings.Fields(out), ""), "(hostxn--exmple-4nf.com:notplainASCII)") {
			t.Errorf("width %d: no punycode host in the header:\n%s", width, out)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: a line of %d cells: %q", width, w, ansi.Strip(l))
			}
		}
	}
	a.URL = "https://example.com/caf\u00e9"
	lines, _ := composePiece(a, nil, relatedNote{}, nil, nil, 100, st)
	if out := ansi.Strip(strings.Join(lines, "\n")); strings.Contains(out, "not plain ASCII") {
		t.Errorf("an ASCII host with a note:\n%s", out)
	}
}

// A paste into the sidebar's filter is typed text, on one line (a
// helper's report: it was dropped).
func TestSidebarFilterTakesAPaste(t *testing.T) {
	d := newSpeechDriver(t)
	d.key("tab", "/")
	d.send(tea.PasteMsg{Content: "reag\x1b[31m\n"})
	if d.m.sidebar.filter != "reag" {
		t.Fatalf("filter %q after a paste", d.m.sidebar.filter)
	}
	var values []string
	for _, e := range d.m.sidebar.entries {
		if !e.header && e.group != groupReading {
			values = append(values, e.value)
		}
	}
	if !slices.Equal(values, []string{"Ronald Reagan"}) {
		t.Errorf("filter %q shows %q", d.m.sidebar.filter, values)
	}
}

// A paste into the search box is what the box shows: no right-to-left
// override or zero-width space kept unseen in the query (a helper's
// report: "Bo\u202edy" showed as Body and found nothing).
func TestSearchBoxPasteIsWhatItShows(t *testing.T) {
	d := newSpeechDriver(t)
	d.key("/")
	d.send(tea.PasteMsg{Content: "Bo\u202edy\u200b"})
	if got := d.m.search.value(); got != "Body" {
		t.Errorf("query %+q after a paste, want Body", got)
	}
}
