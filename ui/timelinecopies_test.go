package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/folio-tui/folio/index"
)

// TestTimelineMonthNoteWithCopiesHidden: a month bar of the timeline
// (with its "+ N no month") says what enter finds, with copies shown and
// hidden (an attack on c2: Hide copies on, 2020-06 said 2 pieces and
// enter listed 3: a group that ran in 2020-01 and 2020-06 counts once in
// the year and once in each month, and the year less its months hid the
// piece dated "2020").
func TestTimelineMonthNoteWithCopiesHidden(t *testing.T) {
	dir := t.TempDir()
	text := func(seed int) string {
		var b strings.Builder
		for i := range 200 {
			fmt.Fprintf(&b, "w%03d ", (i*37+seed*101)%997)
		}
		return b.String()
	}
	for _, p := range []struct {
		name, date, outlet string
		text               int
	}{
		{"A1", "2020-01-10", "X", 1}, {"A2", "2020-06-10", "Y", 1}, // copies in two months
		{"M", "2020-06-20", "U", 2}, {"Y", "2020", "U", 3},
		{"B1", "2020", "X", 4}, {"B2", "2020-03-05", "Y", 4}, // copies: the year only and a month
		{"C1", "2020", "X", 5}, {"C2", "2020", "Y", 5}, // copies, both the year only
		{"D1", "2020-06-01", "X", 6}, {"D2", "2020-06-30", "Y", 6}, // copies in one month
	} {
		body := fmt.Sprintf("---\ntitle: Piece %s\ndate: %q\noutlet: Outlet %s\n---\n\n%s\n", p.name, p.date, p.outlet, text(p.text))
		if err := os.WriteFile(filepath.Join(dir, p.name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, _ := realIndex(t, dir)
	ctx := context.Background()
	says := regexp.MustCompile(`(\d{4}-\d{2}): (\d+)(?: \+ (\d+) no month| pieces?)`)
	for _, c := range []struct {
		collapse bool
		years    []string
	}{{false, nil}, {true, nil}, {false, []string{"2020"}}, {true, []string{"2020"}}} {
		collapse := c.collapse
		res, err := ix.Search(ctx, index.Query{CollapseCopies: collapse, Years: c.years, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		s := timelineSidebar(res.Facets, 40)
		bars := s.timelineBars()
		months := 0
		for i, b := range bars {
			if !isMonthLabel(b.label) {
				continue
			}
			months++
			lines := s.timelineView(sidebarWidth, i, NewStyles(true, true))
			m := says.FindStringSubmatch(lines[len(lines)-1])
			if m == nil || m[1] != b.label {
				t.Fatalf("collapse %v: %q", collapse, lines[len(lines)-1])
			}
			n, _ := strconv.Atoi(m[2])
			extra, _ := strconv.Atoi(m[3])
			from, to, _ := bucketPeriod(b.label)
			found, err := ix.Search(ctx, index.Query{CollapseCopies: collapse, Years: c.years, From: from, To: to})
			if err != nil {
				t.Fatal(err)
			}
			if n+extra != found.Total {
				t.Errorf("collapse %v: %q, enter finds %d", collapse, lines[len(lines)-1], found.Total)
			}
		}
		if months < 3 {
			t.Fatalf("collapse %v: %d month bars: %+v", collapse, months, bars)
		}
	}
}
