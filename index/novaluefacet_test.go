package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A piece with no outlet or no author counts under archive.NoOutlet and
// archive.NoAuthor among the facets, as folio stats counts it, and choosing
// that value keeps exactly those pieces (a helper's report: the reader's
// sidebar could not reach the pieces without one).
func TestNoOutletAndNoAuthorAreFacetValues(t *testing.T) {
	src := t.TempDir()
	for name, fm := range map[string]string{
		"both.md":     "outlet: The Times\nauthors: [Ann Lee]\n",
		"nooutlet.md": "authors: [Ann Lee]\n",
		"noauthor.md": "outlet: The Times\n",
		"neither.md":  "",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte("---\ntitle: T "+name+"\ndate: 2017-01-01\n"+fm+"---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	count := func(vs []FacetValue, v string) int {
		for _, fv := range vs {
			if fv.Value == v {
				return fv.Count
			}
		}
		return 0
	}
	r := run(t, ix, Query{})
	if n := count(r.Facets.Outlets, archive.NoOutlet); n != 2 {
		t.Errorf("%s: %d, want 2 (%v)", archive.NoOutlet, n, r.Facets.Outlets)
	}
	if n := count(r.Facets.Authors, archive.NoAuthor); n != 2 {
		t.Errorf("%s: %d, want 2 (%v)", archive.NoAuthor, n, r.Facets.Authors)
	}
	if r := run(t, ix, Query{Outlets: []string{archive.NoOutlet}, Authors: []string{archive.NoAuthor}}); r.Total != 1 || r.Hits[0].ID != "neither" {
		t.Errorf("neither an outlet nor an author: %d hits %v", r.Total, r.Hits)
	}
	if r := run(t, ix, Query{Authors: []string{archive.NoAuthor}}); count(r.Facets.Outlets, archive.NoOutlet) != 1 || count(r.Facets.Outlets, "The Times") != 1 {
		t.Errorf("the outlets of the pieces with no author: %v", r.Facets.Outlets)
	}
}
