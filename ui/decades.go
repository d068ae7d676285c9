package ui

import (
	"slices"
	"strings"

	"github.com/folio-tui/folio/index"
)

// maxYears is the most years YEARS lists one by one; with more (SOTU spans
// 232) it lists decades, each opened with enter to show its years.
const maxYears = 25

// decadeOf is the decade of a year value: "1993" is "1990s"; "" for a value
// that is not a year.
func decadeOf(year string) string {
	if len(year) < 4 || atoiOr(year) == 0 {
		return ""
	}
	return year[:len(year)-1] + "0s"
}

// decadeEntries are the YEARS entries by decade, newest first as the years
// are: each decade with the count of its years together, followed by its
// years when it is open. A decade holding a chosen year is always open, so
// that the year can be unchosen. A decade's count is what choosing its
// years finds (index.Facets.YearsCount): with copies hidden a group whose
// copies ran in two of its years counts once, not once a year. The
// undated pieces' value (index.Undated) is last, in no decade.
//
// Under the sidebar's typed filter they are what the rows show that
// contains it: a decade whose label does ("1950s" for "/1950s" or "/195"),
// with its count and all its years (open while the filter holds,
// decadeFound); of another decade, each year that does, or is chosen, as
// a row of its own, as the other groups' values (a researcher's report:
// the filter matched the years alone, and "/1950s" found nothing where
// "▸ 1950s 11" was on screen).
func (s *sidebar) decadeEntries(years []index.FacetValue) []sidebarEntry {
	var out []sidebarEntry
	var undated []index.FacetValue
	years = slices.DeleteFunc(slices.Clone(years), func(y index.FacetValue) bool {
		if y.Value == index.Undated {
			undated = append(undated, y)
			return true
		}
		return false
	})
	for i := 0; i < len(years); {
		d := decadeOf(years[i].Value)
		j := i
		var in []string
		for j < len(years) && decadeOf(years[j].Value) == d {
			in = append(in, years[j].Value)
			j++
		}
		if s.filter != "" && (d == "" || !s.decadeFound(d)) {
			for _, y := range s.filtered(groupYears, years[i:j]) {
				out = append(out, sidebarEntry{group: groupYears, value: y.Value, count: y.Count})
			}
			i = j
			continue
		}
		n := s.yearsCount(in)
		out = append(out, sidebarEntry{group: groupYears, value: d, count: n, decade: d != ""})
		if d == "" || s.decadeOpen(d) {
			for _, y := range years[i:j] {
				out = append(out, sidebarEntry{group: groupYears, value: y.Value, count: y.Count, inner: d != ""})
			}
		}
		i = j
	}
	for _, y := range s.filtered(groupYears, undated) {
		out = append(out, sidebarEntry{group: groupYears, value: y.Value, count: y.Count})
	}
	return out
}

// decadeFound reports whether the sidebar's typed filter is in decade d's
// label, as filtered asks of a value (ignoring case).
func (s sidebar) decadeFound(d string) bool {
	return s.filterHolds(d)
}

// yearsCount is s.facets.YearsCount(years), counted once for the facets.
func (s *sidebar) yearsCount(years []string) int {
	key := strings.Join(years, " ")
	if n, ok := s.yearsCounts[key]; ok {
		return n
	}
	if s.yearsCounts == nil {
		s.yearsCounts = map[string]int{}
	}
	n := s.facets.YearsCount(years)
	s.yearsCounts[key] = n
	return n
}

// decadeOpen reports whether decade d shows its years: opened, holding a
// chosen year, or found by the sidebar's typed filter.
func (s sidebar) decadeOpen(d string) bool {
	return s.openDecades[d] || s.decadeChosen(d) || s.decadeFound(d)
}

// decadeChosen reports whether a year of decade d is chosen.
func (s sidebar) decadeChosen(d string) bool {
	return slices.ContainsFunc(s.chosen[groupYears], func(y string) bool { return decadeOf(y) == d })
}

// openDecade opens or closes decade d, keeping the cursor on it.
func (s *sidebar) openDecade(d string, open bool) {
	if s.openDecades == nil {
		s.openDecades = map[string]bool{}
	}
	if s.decadeOpen(d) == open {
		return // (a decade holding a chosen year, or found by the filter, stays open)
	}
	s.openDecades[d] = open
	s.rebuild()
	for i, e := range s.entries {
		if e.decade && e.value == d {
			s.cursor = i
		}
	}
	s.follow()
	if open {
		// its years in sight below it, as many as fit
		last := s.cursor
		for last+1 < len(s.entries) && s.entries[last+1].inner && decadeOf(s.entries[last+1].value) == d {
			last++
		}
		s.offset = min(s.cursor, s.offsetShowing(last))
	}
}

// onDecade is the decade under the cursor, if the cursor is on one or on
// one of its years.
func (s sidebar) onDecade() (string, bool) {
	if s.inTimeline || s.cursor < 0 || s.cursor >= len(s.entries) {
		return "", false
	}
	e := s.entries[s.cursor]
	switch {
	case e.decade:
		return e.value, true
	case e.inner:
		return decadeOf(e.value), true
	}
	return "", false
}

// chosenBars says which timeline bars hold the chosen period or a chosen
// year, to mark them.
func (s sidebar) chosenBars(bars []timelineBar) []bool {
	out := make([]bool, len(bars))
	for i, b := range bars {
		if !s.period.isZero() && b.label == s.period.label {
			out[i] = true
			continue
		}
		for _, y := range s.chosen[groupYears] {
			from, to, ok := bucketPeriod(y)
			if ok && !b.from.IsZero() && !from.After(b.to) && !to.Before(b.from) {
				out[i] = true
			}
		}
		if !out[i] && !s.period.isZero() && strings.Contains(b.label, "–") &&
			!s.period.from.After(b.to) && !s.period.to.Before(b.from) {
			out[i] = true // a squeezed bar holding the chosen period
		}
	}
	return out
}
