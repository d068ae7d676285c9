package index

import (
	"context"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
)

// TestTypedPrefixScoresAsBleve: the word being typed, read term at a time
// (typedPrefixQuery), finds the pieces bleve's prefix query finds, with
// the same scores and so in the same order: alone, inside a conjunction
// with a filter (which advances it), and in the full search.
func TestTypedPrefixScoresAsBleve(t *testing.T) {
	parallel(t)
	ix := openGenerated(t, 300, 9) // read only: the index built once
	defer ix.Close()
	ctx := context.Background()
	tag := ix.AllFacets().Tags[0].Value
	tested := 0
	for _, pre := range []string{"con", "pro", "com", "pre", "res", "sta", "gov", "int", "zzq"} {
		tq := &typedPrefixQuery{prefix: pre, field: fText, boost: 0.8}
		filter := query.NewTermQuery(tagKey(tag)) // as the tags field keys it
		filter.SetField(fTags)
		for _, pair := range [][2]query.Query{
			{tq, tq.bleve()},
			{query.NewConjunctionQuery([]query.Query{tq, filter}), query.NewConjunctionQuery([]query.Query{tq.bleve(), filter})},
		} {
			got, gotN, err := ix.collect(ctx, pair[0], 1000, 0, []string{"-_score", "_id"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, wantN, err := ix.collect(ctx, pair[1], 1000, 0, []string{"-_score", "_id"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if gotN != wantN || len(got) != len(want) {
				t.Fatalf("%q: %d matches (%d hits), bleve %d (%d)", pre, gotN, len(got), wantN, len(want))
			}
			for i := range got {
				if got[i].ID != want[i].ID || math.Abs(got[i].Score-want[i].Score) > 1e-9*math.Abs(want[i].Score) {
					t.Fatalf("%q hit %d: %s %.12g, bleve %s %.12g", pre, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
				}
			}
			if gotN > 0 {
				tested++
			}
		}
		// the full search of the word being typed: the same pieces as the
		// prefix compiled the old way inside a two-word query's clause
		r := run(t, ix, Query{Text: pre, Typing: true, Limit: 1000})
		if pre != "zzq" && r.Total == 0 {
			t.Fatalf("%q: no results", pre)
		}
	}
	if tested < 10 {
		t.Fatalf("only %d of the comparisons had matches: the corpus lost its prefixes", tested)
	}
}
