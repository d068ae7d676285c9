package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Greek outlet names in capitals and in lower case ("ΚΑΙΡΟΣ", "καιρος":
// lower case makes Σ σ, not ς) are one row, whose count is what picking it
// finds; keyed by lower case alone they were two rows that each found both.
func TestFinalSigmaRowCountsWhatItPicks(t *testing.T) {
	arch := t.TempDir()
	outlets := []string{"ΚΑΙΡΟΣ", "ΚΑΙΡΟΣ", "καιρος"}
	for i, o := range outlets {
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\noutlet: %s\n---\nA badger.\n", i, i+1, o)
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res := run(t, ix, Query{Text: "badger", Limit: 10})
	t.Logf("outlet rows: %v", res.Facets.Outlets)
	for _, fv := range res.Facets.Outlets {
		got := run(t, ix, Query{Text: "badger", Outlets: []string{fv.Value}, Limit: 10})
		if got.Total != fv.Count {
			t.Errorf("row %q counts %d, picking it finds %d", fv.Value, fv.Count, got.Total)
		}
	}
}
