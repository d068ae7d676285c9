package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/index"
)

// yearsFacets are facets of pieces over years from..to, one a year, and
// a piece in the months of the last.
func yearsFacets(from, to int) index.Facets {
	var f index.Facets
	for y := from; y <= to; y++ {
		f.Years = append(f.Years, index.FacetValue{Value: fmt.Sprint(y), Count: 1 + y%7})
	}
	f.Months = []index.FacetValue{{Value: fmt.Sprintf("%d-03", to), Count: 1}}
	return f
}

// timelineSidebar is a focused sidebar of 28 by height showing f, its
// cursor on the timeline's last bar.
func timelineSidebar(f index.Facets, height int) sidebar {
	var s sidebar
	s.setSize(sidebarWidth, height)
	s.setFacets(f)
	s.setFocused(true)
	s.inTimeline, s.bar = true, len(s.timelineBars())-1
	return s
}

// BenchmarkSidebarFrame: the sidebar's view of the facets of 232 years
// (the SOTU addresses'), its cursor on the timeline: a frame (go test
// ./ui -run '^$' -bench SidebarFrame -benchmem).
func BenchmarkSidebarFrame(b *testing.B) {
	s := timelineSidebar(yearsFacets(1790, 2021), 40)
	st := NewStyles(true, true)
	for b.Loop() {
		_ = s.view(st)
	}
}

// A frame draws the timeline laid when the facets came: its allocations
// do not grow with the years of the facets, whose decades fill the list
// either way (the buckets and bars were made for each frame, four times:
// 800 years allocated 7,800 times a frame, 200 2,000).
func TestTimelineKeptBetweenFrames(t *testing.T) {
	st := NewStyles(true, true)
	allocs := func(f index.Facets) float64 {
		s := timelineSidebar(f, 16)
		return testing.AllocsPerRun(20, func() { _ = s.view(st) })
	}
	few, many := allocs(yearsFacets(1801, 2000)), allocs(yearsFacets(1201, 2000))
	if many > few+10 {
		t.Errorf("a frame of 800 years allocates %.0f times, of 200 %.0f", many, few)
	}
}

// The kept timeline is the one the facets and the width make: after new
// facets, after a resize, and as a sidebar laid from nothing draws it.
func TestTimelineKeptFollowsFacetsAndWidth(t *testing.T) {
	st := NewStyles(true, true)
	fresh := func(s sidebar) []timelineBar { return s.countedBars(timelineBuckets(s.facets), s.timelineWidth()) }
	check := func(what string, s sidebar) {
		t.Helper()
		if got, want := s.timelineBars(), fresh(s); !slices.Equal(got, want) {
			t.Errorf("%s: kept bars\n%v\nwant\n%v", what, got, want)
		}
		laid := s
		laid.tl = timelineLaid{}
		if got, want := s.view(st), laid.view(st); got != want {
			t.Errorf("%s: the kept timeline drew\n%s\nwant\n%s", what, got, want)
		}
	}
	s := timelineSidebar(yearsFacets(1790, 2021), 40)
	check("squeezed years", s)
	s.setFacets(yearsFacets(1990, 2000))
	check("new facets", s)
	s.setSize(60, 40)
	check("wider", s)
	s.setSize(20, 40)
	check("narrower", s)
	s.setSize(sidebarWidth, 40)
	check("as it was", s)
	s.setFacets(index.Facets{Years: []index.FacetValue{{Value: "2021", Count: 2}},
		Months: []index.FacetValue{{Value: "2021-01", Count: 1}, {Value: "2021-05", Count: 1}}})
	check("months", s)
	if bars := s.timelineBars(); len(bars) != 5 || bars[4].label != "2021-05" {
		t.Errorf("months' bars %v", bars)
	}
	// a period chosen is asked again: the facets of the period
	if !s.toggleBar(4) {
		t.Fatal("the bar was not chosen")
	}
	s.setFacets(index.Facets{Years: []index.FacetValue{{Value: "2021", Count: 1}},
		Months: []index.FacetValue{{Value: "2021-05", Count: 1}}})
	check("a period chosen", s)
	if v := s.view(st); !strings.Contains(v, "◉ 2021-05") {
		t.Errorf("the chosen period:\n%s", v)
	}
	s.setFacets(index.Facets{})
	check("no facets", s)
}

// The decades' counts are counted once for the facets, not at each
// rebuild of the entries (each key of the filter, each choice): facets
// changed behind setFacets' back leave them, and the next facets count
// anew.
func TestDecadesCountedOncePerFacets(t *testing.T) {
	s := timelineSidebar(yearsFacets(1790, 2021), 40)
	decade := func() (int, int) {
		for _, e := range s.entries {
			if e.decade && e.value == "1990s" {
				want := 0
				for _, y := range s.facets.Years {
					if decadeOf(y.Value) == "1990s" {
						want += y.Count
					}
				}
				return e.count, want
			}
		}
		t.Fatal("no 1990s")
		return 0, 0
	}
	if got, want := decade(); got != want || got == 0 {
		t.Fatalf("1990s counts %d, want %d", got, want)
	}
	was, _ := decade()
	for i := range s.facets.Years {
		s.facets.Years[i].Count += 100
	}
	s.rebuild()
	if got, _ := decade(); got != was {
		t.Errorf("a rebuild counted the decade again: %d, was %d", got, was)
	}
	s.setFacets(yearsFacets(1790, 2021))
	s.facets.Years[len(s.facets.Years)-25].Count += 1000 // 1997
	s.setFacets(s.facets)
	if got, want := decade(); got != want || got != was+1000 {
		t.Errorf("new facets: 1990s counts %d, want %d (%d before)", got, want, was)
	}
}

// BenchmarkSidebarRebuild: the entries of the facets of 232 years laid
// again, as a key of the sidebar's filter or a choice does (go test ./ui
// -run '^$' -bench SidebarRebuild -benchmem).
func BenchmarkSidebarRebuild(b *testing.B) {
	s := timelineSidebar(yearsFacets(1790, 2021), 40)
	for b.Loop() {
		s.rebuild()
	}
}
