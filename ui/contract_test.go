package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/index"
)

// TestFakeSearcherKeepsTheIndexContract runs one suite of queries against
// the fake searcher the ui tests use and against a real index (Bleve, in
// memory) of the same pieces, as Gitea runs one suite against every
// indexer backend: the same hits in the same order, the same totals and
// the same facet counts. Where the fake is simpler than the index (it
// matches substrings, the index stems words; the fake has no relevance and
// lists a query with words newest first), the cases keep to what both must
// agree on: whole words, and a date order.
func TestFakeSearcherKeepsTheIndexContract(t *testing.T) {
	as := testArticles()
	dir := t.TempDir()
	for _, a := range as {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\noutlet: %q\nkind: %s\n", a.Title, a.Date.Time.Format("2006-01-02"), a.Outlet, a.Kind)
		if len(a.Tags) > 0 {
			fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(a.Tags, ", "))
		}
		if a.URL != "" {
			fmt.Fprintf(&b, "url: %q\n", a.URL)
		}
		b.WriteString("---\n" + a.Body)
		if err := os.WriteFile(filepath.Join(dir, a.ID+".md"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	real, err := index.OpenDir(context.Background(), dir, index.Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { real.Close() })
	fake := newFake(as...)

	day := func(s string) time.Time { return day(s).Time }
	cases := []struct {
		name string
		q    index.Query
	}{
		{"everything, newest first", index.Query{}},
		{"everything, oldest first", index.Query{Sort: index.SortOldest}},
		{"a word", index.Query{Text: "threat", Sort: index.SortNewest}},
		{"two words are ANDed", index.Query{Text: "foreign fighters"}},
		{"a word in a title only", index.Query{Text: "parsons"}},
		{"no hit", index.Query{Text: "quokka"}},
		{"an outlet", index.Query{Outlets: []string{"The Telegraph"}}},
		{"two outlets are ORed", index.Query{Outlets: []string{"The Telegraph", "RUSI"}}},
		{"outlet and tag are ANDed", index.Query{Outlets: []string{"The Telegraph"}, Tags: []string{"isis"}}},
		{"two tags are ORed", index.Query{Tags: []string{"mi5", "lone-actors"}}},
		{"a year", index.Query{Years: []string{"2016"}}},
		{"a kind", index.Query{Kinds: []string{"interview"}}},
		{"a word and a tag", index.Query{Text: "threat", Tags: []string{"isis"}, Sort: index.SortNewest}},
		{"a date range", index.Query{From: day("2017-08-01"), To: day("2017-09-30")}},
		{"only these IDs", index.Query{IDs: []string{"seven", "intel", "raqqa"}}},
		{"all but these IDs", index.Query{ExcludeIDs: []string{"seven", "intel"}}},
		{"a page", index.Query{Limit: 2, Offset: 1}},
		{"the last page", index.Query{Limit: 2, Offset: 4, Sort: index.SortOldest}},
		{"the total alone", index.Query{Text: "threat", Mode: index.ModeCount}},
		{"hits without facets", index.Query{Tags: []string{"isis"}, Mode: index.ModeHits}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := real.Search(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := fake.Search(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total {
				t.Errorf("total: fake %d, index %d", got.Total, want.Total)
			}
			if g, w := hitIDs(got.Hits), hitIDs(want.Hits); !slices.Equal(g, w) {
				t.Errorf("hits: fake %v, index %v", g, w)
			}
			for _, f := range []struct {
				name      string
				got, want []index.FacetValue
			}{
				{"outlets", got.Facets.Outlets, want.Facets.Outlets},
				{"tags", got.Facets.Tags, want.Facets.Tags},
				{"years", got.Facets.Years, want.Facets.Years},
				{"kinds", got.Facets.Kinds, want.Facets.Kinds},
			} {
				if g, w := facetCounts(f.got), facetCounts(f.want); !reflect.DeepEqual(g, w) {
					t.Errorf("%s facet: fake %v, index %v", f.name, g, w)
				}
			}
		})
	}
	if len(fake.articles) != real.Count() {
		t.Fatalf("the index holds %d pieces, the fake %d", real.Count(), len(fake.articles))
	}
}

func hitIDs(hs []index.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	return out
}

// facetCounts is a facet as value → count: the order of equal counts is
// not part of the contract.
func facetCounts(fs []index.FacetValue) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Value] = f.Count
	}
	return out
}
