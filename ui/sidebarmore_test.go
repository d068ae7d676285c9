package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
	"github.com/folio-tui/folio/state"
)

// moreArchive writes eight pieces whose sidebar has more rows (25: six
// groups) than a small terminal's sidebar shows, and indexes them.
func moreArchive(t *testing.T) *index.Index {
	t.Helper()
	dir := t.TempDir()
	authors := []string{"Ann Able", "Bo Byrd", "Cy Cole", "Di Dunn"}
	tags := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	for i := range 8 {
		outlet := []string{"The Paper", "The Review"}[min(i/5, 1)]
		kind := []string{"article", "interview"}[i%2]
		md := fmt.Sprintf("---\ntitle: Piece %d\ndate: %d-0%d-01\nauthor: %s\noutlet: %s\nkind: %s\ntags: [%s]\n---\nThe text of piece %d.\n",
			i, 2019+i%3, 1+i%9, authors[i%4], outlet, kind, tags[i%5], i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%d.md", i)), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

var (
	sidebarMore  = regexp.MustCompile(`^ ([↑↓])(?: (\d+) more:)? ([A-Z, …]+)$`)
	sidebarValue = regexp.MustCompile(`^ [○◉»▸▾] `)
)

// sidebarLines are the sidebar's lines of a screen or a sidebar's view:
// what is left of its border, without the spaces after it.
func sidebarLines(screen string) []string {
	var out []string
	for _, l := range strings.Split(ansi.Strip(screen), "\n") {
		l, _, _ = strings.Cut(l, "│")
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}

// TestSidebarSaysWhatIsHidden: a sidebar too short for its rows says how
// many values are hidden above it ("↑ N more: GROUPS") and below it
// ("↓ N more: GROUPS"), so that no group looks finished when it is cut (a
// researcher's report: YEARS showed "2006", then the blank line over the
// timeline, 2005 hidden under it with no sign; TAGS and YEARS entirely off
// screen before any filter). At every height the values shown and those
// said hidden are all of them, the cursor's row is on screen, and walking
// down to the last value and back up shows every value of every group.
func TestSidebarSaysWhatIsHidden(t *testing.T) {
	ix := moreArchive(t)
	facets := ix.AllFacets()
	st := NewStyles(true, true)
	for h := 1; h <= 30; h++ {
		var s sidebar
		s.setSize(sidebarWidth, h)
		s.showReading()
		s.setFacets(facets)
		all := map[string]bool{}
		for _, e := range s.entries {
			if !e.header {
				all[e.label()] = true
			}
		}
		if len(all) != 3+2+4+5+3+2 || !all["Bo Byrd"] || !all["epsilon"] || !all["2021"] || !all["interview"] {
			t.Fatalf("the sidebar's values: %v", all)
		}
		seen := map[string]bool{}
		frame := func(when string) {
			t.Helper()
			view := s.view(st)
			lines := sidebarLines(view)
			shown, hidden := 0, 0
			for i, l := range lines {
				if sidebarValue.MatchString(l) {
					shown++
					seen[strings.TrimSpace(strings.TrimRight(l[len(" ○ "):], "0123456789…"))] = true
				}
				m := sidebarMore.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				if (m[1] == "↑") != (i == 0) {
					t.Errorf("height %d, %s: %q on line %d:\n%s", h, when, l, i, strings.Join(lines, "\n"))
				}
				n, _ := strconv.Atoi(m[2])
				hidden += n
			}
			if h >= 3 && shown+hidden != len(all) {
				t.Errorf("height %d, %s: %d values shown and %d said hidden, of %d:\n%s", h, when, shown, hidden, len(all), strings.Join(lines, "\n"))
			}
			if !s.inTimeline && !strings.Contains(view, s.entries[s.cursor].label()) {
				t.Errorf("height %d, %s: the cursor's row %q is not on screen:\n%s", h, when, s.entries[s.cursor].label(), strings.Join(lines, "\n"))
			}
		}
		frame("at the top")
		for range 2 * len(s.entries) {
			pageDown(t, s, st, h)
			if s.move(1); s.inTimeline {
				s.move(-1)
				break
			}
			frame(fmt.Sprintf("down on %d", s.cursor))
		}
		last := s.cursor
		for range 2 * len(s.entries) {
			s.move(-1)
			frame(fmt.Sprintf("up on %d", s.cursor))
		}
		if h >= 1 && len(seen) != len(all) {
			t.Errorf("height %d (the walk ended on %d): seen %d of the %d values: %v", h, last, len(seen), len(all), seen)
		}
		if h == 30 && strings.Contains(s.view(st), "more") {
			t.Errorf("height 30 holds every row, yet says more:\n%s", s.view(st))
		}
	}
}

// pageDown checks that PageDown from s passes no row unseen: every value
// from the first shown before to the last shown after is on one of the two
// screens, however many headers the page passed, unless the list is too
// short to say what it hides.
func pageDown(t *testing.T, s sidebar, st Styles, h int) {
	t.Helper()
	if h < sidebarMoreMin {
		return
	}
	before := s.view(st)
	from, c0 := s.offset, s.cursor
	s, _, _ = s.update(tea.KeyPressMsg{Code: tea.KeyPgDown}, DefaultKeyMap())
	if s.inTimeline {
		return
	}
	after := s.view(st)
	end, _, _ := s.shownFrom(s.offset, s.listHeight())
	for _, e := range s.entries[from:end] {
		if !e.header && !strings.Contains(before, e.label()) && !strings.Contains(after, e.label()) {
			t.Errorf("height %d: PageDown from %d to %d passed %q unseen:\n%s\n--\n%s", h, c0, s.cursor, e.label(),
				strings.Join(sidebarLines(before), "\n"), strings.Join(sidebarLines(after), "\n"))
		}
	}
}

// pagedValue is a value row of pagedSidebar's view: its number.
var pagedValue = regexp.MustCompile(`^ [○◉] v(\d\d)\b`)

// pagedShown are the numbers of the values a sidebar's view shows.
func pagedShown(s sidebar, st Styles) []int {
	var out []int
	for _, l := range sidebarLines(s.view(st)) {
		if m := pagedValue.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			out = append(out, n)
		}
	}
	return out
}

// pagedSidebar is a sidebar of height h whose groups are mostly of one
// value, so that a page crosses several group headers: v00…v19 in groups
// of 1, 1, 1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 1, 1.
func pagedSidebar(h int) sidebar {
	var s sidebar
	s.setSize(sidebarWidth, h)
	v := 0
	for i, n := range []int{1, 1, 1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 1, 1} {
		g := groupOutlets + facetGroup(i)%(groupCount-groupOutlets)
		s.entries = append(s.entries, sidebarEntry{group: g, header: true})
		for range n {
			s.entries = append(s.entries, sidebarEntry{group: g, value: fmt.Sprintf("v%02d", v), count: 1})
			v++
		}
	}
	s.fixCursor(1)
	s.follow()
	return s
}

// TestSidebarPagesCrossHeadersWholly: PageDown and PageUp over a sidebar
// whose groups are of one value or few (consecutive group headers, every
// other line) pass no value unseen: from any value, at any height that
// says what it hides, the values from the first shown before PageDown to
// the last shown after it (and from the first shown after PageUp to the
// last shown before it) are each on one of the two screens, the cursor on
// the new one; paging from the top reaches the last value, and back up the
// first. PageDown moved by the rows shown less one, counted in values: a
// page across two headers scrolled past a value.
func TestSidebarPagesCrossHeadersWholly(t *testing.T) {
	st := NewStyles(true, true)
	km := DefaultKeyMap()
	const values = 20
	check := func(h int, dir string, before, after []int, s sidebar) {
		t.Helper()
		lo, hi := before[0], after[len(after)-1]
		if dir == "up" {
			lo, hi = after[0], before[len(before)-1]
		}
		for v := lo; v <= hi; v++ {
			if !slices.Contains(before, v) && !slices.Contains(after, v) {
				t.Errorf("height %d: page %s passed v%02d unseen: %v, then %v", h, dir, v, before, after)
			}
		}
		if c := s.entries[s.cursor].value; !slices.Contains(after, mustAtoi(t, c[1:])) {
			t.Errorf("height %d: page %s left the cursor (%s) off screen: %v", h, dir, c, after)
		}
	}
	for h := sidebarMoreMin; h <= 24; h++ {
		for v := range values {
			for _, dir := range []string{"down", "up"} {
				s := pagedSidebar(h)
				s.moveTo(slices.IndexFunc(s.entries, func(e sidebarEntry) bool { return e.value == fmt.Sprintf("v%02d", v) }))
				before := pagedShown(s, st)
				k := tea.KeyPressMsg{Code: tea.KeyPgDown}
				if dir == "up" {
					k = tea.KeyPressMsg{Code: tea.KeyPgUp}
				}
				s, _, _ = s.update(k, km)
				check(h, dir, before, pagedShown(s, st), s)
			}
		}
		s := pagedSidebar(h)
		for range 2 * len(s.entries) {
			s, _, _ = s.update(tea.KeyPressMsg{Code: tea.KeyPgDown}, km)
		}
		if got := s.entries[s.cursor].value; got != fmt.Sprintf("v%02d", values-1) {
			t.Errorf("height %d: paging down ended on %s", h, got)
		}
		for range 2 * len(s.entries) {
			s, _, _ = s.update(tea.KeyPressMsg{Code: tea.KeyPgUp}, km)
		}
		if got := s.entries[s.cursor].value; got != "v00" {
			t.Errorf("height %d: paging up ended on %s", h, got)
		}
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSidebarMoreOnScreen: the program at 100×20 over a real index says
// under the sidebar's last row shown how many values are below and of
// which groups, above the blank line over the timeline; G shows the last
// group whole, saying what is above; g goes back.
func TestSidebarMoreOnScreen(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	ix := moreArchive(t)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		OpenState: func() (ReadingState, error) { return state.Open("more", t.TempDir()) },
		After:     testClock,
	}
	p := newProbe(New(opts))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 20))
	keys := func(ks ...string) {
		for _, k := range ks {
			tm.Send(keyPress(k))
		}
	}
	waitIdle(t, p.screen, `8 of 8[\s\S]*Unread\s+8 │`)
	waitIdle(t, p.screen, `(?m)^ ↓ \d+ more: [A-Z, …]+ +│.*\n +│.*\n TIMELINE`)
	top := sidebarLines(p.screen.load().screen)
	if !slices.Contains(top, " READING") || slices.ContainsFunc(top, func(l string) bool { return strings.HasPrefix(l, " ↑") }) {
		t.Errorf("the top of the sidebar:\n%s", strings.Join(top, "\n"))
	}
	keys("tab", "G")
	waitIdle(t, p.screen, `(?m)^ ↑ \d+ more: [A-Z, …]+ +│[\s\S]* KIND +│.*\n ○ article +\d+ │.*\n ○ interview +\d+ │.*\n +│.*\n TIMELINE`)
	if bottom := sidebarLines(p.screen.load().screen); slices.ContainsFunc(bottom, func(l string) bool { return strings.HasPrefix(l, " ↓") }) {
		t.Errorf("at the last value, the sidebar says more below:\n%s", strings.Join(bottom, "\n"))
	}
	keys("g")
	waitIdle(t, p.screen, `(?m)^ READING +│[\s\S]*^ ↓ \d+ more: [A-Z, …]+ +│`)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.FinalModel(t, teatest.WithFinalTimeout(hangGuard))
}

// BenchmarkSidebarMoreSOTU: a frame of the sidebar over the SOTU
// corpus's facets (every value of every group, a few hundred rows) at 40
// lines, the cursor in the middle so that both "↑ N more" and "↓ N more"
// are drawn: the whole view, and the two lines alone, which count the
// hidden rows and name their groups at each frame (go test ./ui -run '^$'
// -bench SidebarMoreSOTU -benchmem). Skipped without the corpus.
func BenchmarkSidebarMoreSOTU(b *testing.B) {
	dir, ok := testcorpus.Find("sotu")
	if !ok {
		b.Skip("no SOTU corpus")
	}
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var s sidebar
	s.setSize(sidebarWidth, 40)
	s.showReading()
	s.setFacets(ix.AllFacets())
	s.setFocused(true)
	s.moveTo(len(s.entries) / 2)
	st := NewStyles(true, true)
	end, up, down := s.shownFrom(s.offset, s.listHeight())
	if !up || !down {
		b.Fatalf("the middle of %d rows at 40 lines says no more above or below", len(s.entries))
	}
	b.Logf("%d rows, %d above and %d below the screen", len(s.entries), s.offset, len(s.entries)-end)
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			_ = s.view(st)
		}
	})
	b.Run("more lines", func(b *testing.B) {
		w := s.width - 2
		for b.Loop() {
			_ = s.moreView("↑", 0, s.offset, w, st)
			_ = s.moreView("↓", end, len(s.entries), w, st)
		}
	})
}
