package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
)

// With Hide copies on, a decade of YEARS and a timeline bar of several
// years count what choosing them finds: a group whose copies ran in two of
// their years once (a review: the reader's 1900s summed its years, 19,
// where 1900–1909 finds 10), each in the year of the piece standing for it
// (archive.CollapseCopiesIn: the text of 1959 run again in 1960 is of the
// 1950s alone). On real files and a real index: forty years of pieces,
// five of the 1950s run again the next year elsewhere, and the piece of
// 1959 in 1960.
func TestDecadesCountGroupsWithHideCopies(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	body := func(seed uint32) string {
		var b strings.Builder
		for range 150 {
			seed = seed*1664525 + 1013904223
			b.WriteString(words[(seed>>16)%uint32(len(words))] + " ")
		}
		return b.String()
	}
	write := func(name, head, text string) {
		if err := os.WriteFile(filepath.Join(arch, name), []byte("---\n"+head+"\n---\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for y := 1950; y < 1990; y++ {
		b := body(uint32(y))
		write(fmt.Sprintf("%d.md", y), fmt.Sprintf("title: Address %d\ndate: %d-01-10\noutlet: Congress", y, y), b)
		if y < 1955 || y == 1959 {
			write(fmt.Sprintf("%d-again.md", y), fmt.Sprintf("title: Address %d again\ndate: %d-06-01\noutlet: Reprint", y, y+1), b)
		}
	}
	opts, ix := liveIndexOptions(t, arch)
	opts.OpenIndex = func(context.Context, func(int, int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count(), Copies: 6}, nil // as the CLI tells it
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`46 of 46`)
	h.key("tab")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupCopies, copiesCollapse, false))
	h.key("space")
	h.requireMatch(`40 of 46 · newest · dup:collapse`)

	// what a filter to the years from first to last finds, copies hidden
	finds := func(first, last int) int {
		t.Helper()
		r, err := ix.Search(context.Background(), index.Query{
			From:           time.Date(first, 1, 1, 0, 0, 0, 0, time.UTC),
			To:             time.Date(last, 12, 31, 0, 0, 0, 0, time.UTC),
			CollapseCopies: true, Mode: index.ModeCount,
		})
		if err != nil {
			t.Fatal(err)
		}
		return r.Total
	}
	s := h.m.sidebar
	for d, want := range map[string]int{"1950s": 10, "1960s": 10, "1970s": 10, "1980s": 10} {
		i := entryIndex(s, groupYears, d, true)
		if i < 0 {
			t.Fatalf("no decade %s: %+v", d, s.entries)
		}
		y := atoiOr(d[:4])
		if got, f := s.entries[i].count, finds(y, y+9); got != want || f != want {
			t.Errorf("%s: the row counts %d, its years find %d, want %d", d, got, f, want)
		}
	}
	// the timeline squeezes the forty years; each bar counts what it finds
	bars := s.timelineBars()
	squeezed := 0
	for _, b := range bars {
		if !strings.Contains(b.label, "–") {
			continue
		}
		squeezed++
		if f := finds(b.from.Year(), b.to.Year()); b.count != f {
			t.Errorf("bar %s counts %d, its period finds %d", b.label, b.count, f)
		}
	}
	if squeezed == 0 {
		t.Fatalf("no bar of several years: %+v", bars)
	}
	// and the timeline draws those counts (a read-through: the drawn bars
	// and the cursor's line still summed their years)
	for i, b := range bars {
		if !strings.Contains(b.label, "–") {
			continue
		}
		want := b.label + ": " + plural(b.count, "piece")
		if view := strings.Join(s.timelineView(s.timelineWidth()+2, i, h.m.styles), "\n"); !strings.Contains(view, want) {
			t.Errorf("the timeline under bar %s does not say %q:\n%s", b.label, want, view)
		}
		break
	}
	// a year chosen: YEARS is counted without it, and the decade the same
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupYears, "1950s", true))
	h.key("enter")
	h.m.sidebar.moveTo(entryIndex(h.m.sidebar, groupYears, "1953", false))
	h.key("enter")
	h.requireMatch(`1 of 46 · newest · dup:collapse year:1953`)
	if i := entryIndex(h.m.sidebar, groupYears, "1950s", true); i < 0 || h.m.sidebar.entries[i].count != 10 {
		t.Fatalf("1950s with 1953 chosen: not a row of 10")
	}
}
