package ui

import (
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
