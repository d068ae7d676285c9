package ui

import (
	tea "charm.land/bubbletea/v2"
	"testing"

	"github.com/folio-tui/folio/index"
)

// A saved search (or a value chosen before the archive's majority spelling
// changed) names an outlet in another case than the merged row shows: the
// row is shown chosen (the filter picks every case), with no extra row.
func TestChosenValueInAnotherCase(t *testing.T) {
	var s sidebar
	s.setSize(40, 30)
	s.setFacets(index.Facets{Outlets: []index.FacetValue{{Value: "The Telegraph", Count: 5}, {Value: "RUSI", Count: 1}}})
	s.setSearch(SavedSearch{Name: "t", Outlets: []string{"the telegraph"}})
	for _, e := range s.entries {
		if e.group == groupOutlets && !e.header {
			t.Logf("row %q count %d chosen %v", e.value, e.count, s.isChosen(e.group, e.value))
		}
	}
	if !s.isChosen(groupOutlets, "The Telegraph") {
		t.Error("the row of the value the filter picks is not shown as chosen")
	}
	for _, e := range s.entries {
		if e.group == groupOutlets && e.value == "the telegraph" {
			t.Errorf("an extra row %q at %d beside the merged row", e.value, e.count)
		}
	}
}

// Esc (while typing or on a kept filter) clears the sidebar's filter and
// leaves the cursor on the value it was on, as enter leaves it: before, it
// went back to the top of the sidebar, a long walk back in 150 tags.
func TestClearedFilterKeepsTheCursor(t *testing.T) {
	var tags []index.FacetValue
	for _, name := range []string{"africa", "asia", "europe", "iran", "iraq", "isis", "syria", "terrorism", "yemen"} {
		tags = append(tags, index.FacetValue{Value: name, Count: 1})
	}
	k := DefaultKeyMap()
	for _, kept := range []bool{false, true} {
		var s sidebar
		s.setSize(40, 40)
		s.setFacets(index.Facets{Tags: tags})
		s.filterKey(tea.KeyPressMsg{Code: '/', Text: "/"}, k)
		for _, r := range "yem" {
			s.filterKey(tea.KeyPressMsg{Code: r, Text: string(r)}, k)
		}
		if e := s.entries[s.cursor]; e.value != "yemen" {
			t.Fatalf("typed filter: cursor on %+v, want yemen", e)
		}
		if kept {
			s.filterKey(tea.KeyPressMsg{Code: tea.KeyEnter}, k)
		}
		if _, ok := s.filterKey(tea.KeyPressMsg{Code: tea.KeyEscape}, k); !ok {
			t.Fatal("esc not taken by the filter")
		}
		if s.filter != "" || s.filtering {
			t.Fatalf("esc left the filter %q (typing %v)", s.filter, s.filtering)
		}
		if e := s.entries[s.cursor]; e.group != groupTags || e.value != "yemen" {
			t.Errorf("kept %v: after esc the cursor is on %+v, want the tag yemen", kept, e)
		}
	}
}
