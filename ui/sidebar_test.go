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

// A saved search or the command line names a person or an outlet spelt
// otherwise than the merged row shows ("George W. Bush", the row George W
// Bush; "The Guardian.", the row The Guardian): the row is chosen (the
// filter picks both spellings, archive.PersonKey, archive.OutletKey), with
// no extra row of 0 beside it, and choosing the row again lets it go.
func TestChosenNameSpeltOtherwise(t *testing.T) {
	var s sidebar
	s.setSize(40, 30)
	s.setFacets(index.Facets{
		Outlets: []index.FacetValue{{Value: "The Guardian", Count: 5}, {Value: "Le Monde", Count: 7}},
		Authors: []index.FacetValue{{Value: "George W Bush", Count: 5}, {Value: "Jean Paul Sartre", Count: 2}},
	})
	s.setSearch(SavedSearch{Name: "t", Outlets: []string{"The Guardian."}, Authors: []string{"George W. Bush", "Jean-Paul Sartre"}})
	for g, v := range map[facetGroup]string{groupOutlets: "The Guardian", groupAuthors: "George W Bush"} {
		if !s.isChosen(g, v) {
			t.Errorf("the row %q is not shown as chosen", v)
		}
	}
	if !s.isChosen(groupAuthors, "Jean Paul Sartre") {
		t.Error("the row Jean Paul Sartre is not shown as chosen")
	}
	for _, e := range s.entries {
		if !e.header && (e.value == "The Guardian." || e.value == "George W. Bush" || e.value == "Jean-Paul Sartre") {
			t.Errorf("an extra row %q (%d) beside the merged row", e.value, e.count)
		}
	}
	for i, e := range s.entries {
		if e.group == groupAuthors && e.value == "George W Bush" {
			s.cursor = i
		}
	}
	s.toggle()
	if s.isChosen(groupAuthors, "George W Bush") || len(s.chosen[groupAuthors]) != 1 {
		t.Errorf("chosen again, the row stays chosen: %q", s.chosen[groupAuthors])
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
