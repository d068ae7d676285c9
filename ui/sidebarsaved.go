package ui

import (
	"slices"
	"strconv"
	"strings"
)

// The sidebar's SAVED group (saved.go): the saved searches with their
// counts, above the facets; enter on one opens it (sidebarkeys.go).

// setSaved shows the saved searches and their counts in the SAVED group.
func (s *sidebar) setSaved(counts []savedCount) {
	var keep *sidebarEntry
	if s.cursor >= 0 && s.cursor < len(s.entries) {
		e := s.entries[s.cursor]
		keep = &e
	}
	s.saved = counts
	s.rebuild()
	if keep != nil {
		for i, e := range s.entries {
			if e.group == keep.group && e.value == keep.value && e.header == keep.header {
				s.cursor = i
				break
			}
		}
	}
	s.fixCursor(1)
	s.follow()
}

// savedCount is what the SAVED group shows of the search named name.
func (s sidebar) savedCount(name string) (savedCount, bool) {
	i := slices.IndexFunc(s.saved, func(c savedCount) bool { return c.name == name })
	if i < 0 {
		return savedCount{}, false
	}
	return s.saved[i], true
}

// savedAt is the name of the saved search of entry i, if it is one.
func (s sidebar) savedAt(i int) (string, bool) {
	if i < 0 || i >= len(s.entries) || s.entries[i].header || s.entries[i].group != groupSaved {
		return "", false
	}
	return s.entries[i].value, true
}

// setSearch sets the filters of a saved search: its tags, outlets,
// authors, kinds, languages and reading filters chosen, its dates as the period.
func (s *sidebar) setSearch(sv SavedSearch) {
	s.chosen = [groupCount][]string{}
	s.chosen[groupTags] = slices.Clone(sv.Tags)
	s.chosen[groupOutlets] = slices.Clone(sv.Outlets)
	s.chosen[groupAuthors] = slices.Clone(sv.Authors)
	s.chosen[groupKinds] = slices.Clone(sv.Kinds)
	s.chosen[groupLanguages] = slices.Clone(sv.Languages)
	if sv.Starred {
		s.chosen[groupReading] = append(s.chosen[groupReading], readingStarred)
	}
	if sv.Unread {
		s.chosen[groupReading] = append(s.chosen[groupReading], readingUnread)
	}
	if sv.Quoted {
		s.chosen[groupReading] = append(s.chosen[groupReading], readingQuoted)
	}
	if sv.CollapseCopies {
		s.chosen[groupCopies] = []string{copiesCollapse}
	}
	s.period = periodOf(sv.From, sv.To)
	s.period.within = sv.Within && !s.period.isZero()
	s.rebuild()
	s.fixCursor(1)
	s.follow()
}

// savedEntries are the SAVED group's entries: each search with its count.
func (s sidebar) savedEntries() []sidebarEntry {
	if len(s.saved) == 0 {
		return nil
	}
	var values []sidebarEntry
	want := strings.ToLower(s.filter)
	for _, c := range s.saved {
		if want == "" || strings.Contains(strings.ToLower(c.name), want) {
			values = append(values, sidebarEntry{group: groupSaved, value: c.name, count: c.count, fresh: c.fresh})
		}
	}
	if len(values) == 0 {
		return nil
	}
	return append([]sidebarEntry{{group: groupSaved, header: true}}, values...)
}

// savedCountText is the right of a SAVED entry: its count and, when some
// are, how many are new ("12 · 3 new").
func savedCountText(e sidebarEntry) string {
	count := strconv.Itoa(e.count)
	if e.count == unknownCount {
		count = "…"
	}
	if e.fresh > 0 {
		count += " · " + strconv.Itoa(e.fresh) + " new"
	}
	return count
}
