package index

import (
	"context"
	"slices"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// The years facet counts the undated pieces (a Hugo site's pages without a
// date) as Undated, so that its counts add up to the hits, and Undated as
// a year keeps them (a helper's report: with 3 hits of which 2 undated the
// years showed 1, and nothing said 2 were left out).
func TestYearsFacetCountsUndated(t *testing.T) {
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"site/hugo.toml":             "title = 'S'\n",
		"site/content/posts/a.md":    "---\ntitle: A\ndate: 2019-03-01\n---\nGlacier text.\n",
		"site/content/posts/b.md":    "---\ntitle: B\ndate: 2019-05-01\n---\nOther text.\n",
		"site/content/blog/u.md":     "---\ntitle: U\n---\nGlacier text.\n",
		"site/content/trip/index.md": "Glacier text without front matter.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{t.TempDir(), ""} {
		ix, err := Open(context.Background(), name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		check := func(what string, q Query, total int, years []FacetValue, undated int) Results {
			t.Helper()
			r := run(t, ix, q)
			if r.Total != total || !slices.Equal(r.Facets.Years, years) || r.Facets.Undated != undated {
				t.Errorf("%s (dir %q): %d hits, years %v, undated %d; want %d, %v, %d", what, dir, r.Total, r.Facets.Years, r.Facets.Undated, total, years, undated)
			}
			if q.Years == nil && sumCounts(r.Facets.Years)+r.Facets.Undated != r.Total {
				t.Errorf("%s: the years' counts and the undated add up to %d of %d hits", what, sumCounts(r.Facets.Years)+r.Facets.Undated, r.Total)
			}
			return r
		}
		y2019 := func(n int) []FacetValue { return []FacetValue{{"2019", n}} }
		check("glacier", Query{Text: "glacier"}, 3, y2019(1), 2)
		check("every piece", Query{}, 4, y2019(2), 2)
		if f := ix.AllFacets(); f.Undated != 2 {
			t.Errorf("all facets: undated %d, want 2", f.Undated)
		}
		// the value chosen: the undated pieces alone; the years' counts
		// are those without the years' filter, as for any value chosen
		r := check("undated chosen", Query{Text: "glacier", Years: []string{Undated}}, 2, y2019(1), 2)
		if got := ids(r); !slices.Contains(got, "site/content/blog/u") || !slices.Contains(got, "site/content/trip") {
			t.Errorf("undated chosen: %v", got)
		}
		check("undated or 2019", Query{Text: "glacier", Years: []string{Undated, "2019"}}, 3, y2019(1), 2)
		check("2019 chosen", Query{Years: []string{"2019"}}, 2, y2019(2), 2)
		if n := run(t, ix, Query{}).Facets.YearsCount([]string{Undated, "2019"}); n != 4 {
			t.Errorf("YearsCount(undated, 2019) %d, want 4", n)
		}
		ix.Close()
	}
}
