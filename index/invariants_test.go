package index

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestCountsAgreeAcrossQueries holds, on the State of the Union addresses,
// what two helpers' attacks checked by the thousand (2026-12-03): the
// pieces of a OR b are those of a and of b; of a b, those of both; of
// a -b, those of a less those of a b; a facet's count is the total of the
// query with that value filtered; a trend's counts add up to the total,
// and a year's is the total of that year. Words of every form: stemmed,
// quoted, a prefix, capitals, an alias, a field.
func TestCountsAgreeAcrossQueries(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	ix, err := Open(context.Background(), dir, os.DirFS(dir), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	count := func(q Query) int {
		t.Helper()
		q.Mode = ModeCount
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		return r.Total
	}
	set := func(q Query) []string {
		t.Helper()
		q.Limit = 1000
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		if len(r.Hits) != r.Total {
			t.Fatalf("%q: %d hits of %d", q.Text, len(r.Hits), r.Total)
		}
		s := ids(r)
		slices.Sort(s)
		return s
	}
	words := []string{"railroad", `"taxes"`, "tax*", "comi*", "NATO", "terrorism", "isis",
		"foreign fighters", "title:union", "slavery", "tryin*", `"united states"`}
	// two words unquoted are two clauses: "a OR foreign fighters" is
	// (a OR foreign) AND fighters, and "a -foreign fighters" keeps fighters
	two := func(w string) bool { return w == "foreign fighters" }
	for i, a := range words {
		A := set(Query{Text: a})
		for _, b := range words[i+1:] {
			B := set(Query{Text: b})
			both := len(intersectOf(A, B))
			if and := count(Query{Text: a + " " + b}); and != both {
				t.Errorf("%s %s: %d pieces, in both %s and %s %d", a, b, and, a, b, both)
			}
			if two(a) || two(b) {
				continue
			}
			if or, want := count(Query{Text: a + " OR " + b}), len(unionOf(A, B)); or != want {
				t.Errorf("%s OR %s: %d pieces, %s and %s together %d", a, b, or, a, b, want)
			}
			if not, want := count(Query{Text: a + " -" + b}), len(A)-both; not != want {
				t.Errorf("%s -%s: %d pieces, %s less those with %s: %d", a, b, not, a, b, want)
			}
		}
	}
	for _, text := range []string{"", "railroad", "tax*", "isis"} {
		r, err := ix.Search(context.Background(), Query{Text: text, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Facets.Tags {
			if n := count(Query{Text: text, Tags: []string{f.Value}}); n != f.Count {
				t.Errorf("%q: tag %s counted %d, filtered %d", text, f.Value, f.Count, n)
			}
		}
		for _, f := range r.Facets.Authors {
			if n := count(Query{Text: text, Authors: []string{f.Value}}); n != f.Count {
				t.Errorf("%q: author %s counted %d, filtered %d", text, f.Value, f.Count, n)
			}
		}
		tr, err := ix.Trend(context.Background(), Query{Text: text}, ByYear)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Matched() != r.Total {
			t.Errorf("%q: the trend counts %d pieces, the search %d", text, tr.Matched(), r.Total)
		}
		for _, p := range tr.Points {
			if p.Count == 0 || text == "" {
				continue // every year of the archive: one piece a year
			}
			if n := count(Query{Text: text, Years: []string{p.Period}}); n != p.Count {
				t.Errorf("%q: %s's trend point %d, the year filtered %d", text, p.Period, p.Count, n)
			}
		}
	}
}

func unionOf(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func intersectOf(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}

func minusOf(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			out = append(out, x)
		}
	}
	return out
}
