package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestValuesOneButForCase: an outlet or an author spelt in two cases is
// one value: its facet row counts both, shown one way whatever the query,
// and a filter in any case finds what the row counts; the all-documents
// counts (folio stats) the same.
func TestValuesOneButForCase(t *testing.T) {
	arch := t.TempDir()
	pieces := []struct{ outlet, author, body string }{
		{"The Telegraph", "Jane Smith", "badger"}, {"The Telegraph", "Jane Smith", "badger"},
		{"The Telegraph", "JANE SMITH", "badger walrus"}, {"The Telegraph", "Jane Smith", "walrus"},
		{"the telegraph", "jane smith", "badger"}, {"RUSI", "Bob Roe", "badger"},
	}
	var texts []string
	for i, p := range pieces {
		texts = append(texts, fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-%02d\noutlet: %s\nauthors: [%s]\n---\nA %s.\n", i, i+1, p.outlet, p.author, p.body))
	}
	ix := openPieces(t, arch, texts...)
	row := func(vs []FacetValue, v string) int {
		n := 0
		for _, fv := range vs {
			if fv.Value == v {
				n += fv.Count
			} else if fv.Value == "the telegraph" || fv.Value == "JANE SMITH" || fv.Value == "jane smith" {
				t.Fatalf("a case variant has a row of its own: %v", vs)
			}
		}
		return n
	}
	all := ix.AllFacets()
	if row(all.Outlets, "The Telegraph") != 5 || row(all.Authors, "Jane Smith") != 5 {
		t.Fatalf("all documents: outlets %v authors %v", all.Outlets, all.Authors)
	}
	for _, text := range []string{"", "badger", "walrus"} {
		res, err := ix.Search(context.Background(), Query{Text: text, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		outlets, authors := row(res.Facets.Outlets, "The Telegraph"), row(res.Facets.Authors, "Jane Smith")
		for _, v := range []string{"The Telegraph", "the telegraph", "THE TELEGRAPH", "telegraph"} {
			got, err := ix.Search(context.Background(), Query{Text: text, Outlets: []string{v}, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != outlets {
				t.Errorf("%q --outlet %q: %d pieces, the row counts %d", text, v, got.Total, outlets)
			}
		}
		for _, v := range []string{"Jane Smith", "jane smith", "JANE SMITH"} {
			got, err := ix.Search(context.Background(), Query{Text: text, Authors: []string{v}, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != authors {
				t.Errorf("%q --author %q: %d pieces, the row counts %d", text, v, got.Total, authors)
			}
		}
	}
}

// openPieces writes each text as the piece pN.md of the folder arch and
// opens its index (in a cache folder of the test's).
func openPieces(t *testing.T, arch string, texts ...string) *Index {
	t.Helper()
	for i, text := range texts {
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}
