package index

import (
	"fmt"
	"testing"
)

// Greek outlet names in capitals and in lower case ("ΚΑΙΡΟΣ", "καιρος":
// lower case makes Σ σ, not ς) are one row, whose count is what picking it
// finds; keyed by lower case alone they were two rows that each found both.
func TestFinalSigmaRowCountsWhatItPicks(t *testing.T) {
	outlets := []string{"ΚΑΙΡΟΣ", "ΚΑΙΡΟΣ", "καιρος"}
	var texts []string
	for i, o := range outlets {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\noutlet: %s\n---\nA badger.\n", i, i+1, o))
	}
	ix := openPieces(t, t.TempDir(), texts...)
	res := run(t, ix, Query{Text: "badger", Limit: 10})
	t.Logf("outlet rows: %v", res.Facets.Outlets)
	for _, fv := range res.Facets.Outlets {
		got := run(t, ix, Query{Text: "badger", Outlets: []string{fv.Value}, Limit: 10})
		if got.Total != fv.Count {
			t.Errorf("row %q counts %d, picking it finds %d", fv.Value, fv.Count, got.Total)
		}
	}
}
