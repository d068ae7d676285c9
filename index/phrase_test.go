package index

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/internal/corpus"
)

// TestPhraseAsBleves: folio's phrase searcher matches the pieces bleve's
// phrase query matches, with the same scores, alone (Next) and under a
// conjunction with another word, which moves it with Advance, and as an
// optional clause beside a word (as the ranking's adjacency clause is).
func TestPhraseAsBleves(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 7); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, arch, filepath.Join(t.TempDir(), "idx"))
	defer ix.Close()
	ctx := context.Background()
	phrases := [][]string{
		{"unit", "state"}, {"american", "peopl"}, {"feder", "govern"}, {"congress", "economi"},
		{"state", "", "union"}, {"the", "nation"}, {"nation", "secur", "council"},
	}
	other := query.NewTermQuery("govern")
	other.SetField(fText)
	type hit struct {
		id    string
		score float64
	}
	collect := func(q query.Query) []hit {
		t.Helper()
		hits, _, err := ix.collect(ctx, q, 10000, 0, []string{"-_score", "_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]hit, len(hits))
		for i, h := range hits {
			out[i] = hit{h.ID, h.Score}
		}
		return out
	}
	matched := 0
	for _, terms := range phrases {
		mine := newPhraseQuery(terms, fText, 1)
		theirs := query.NewPhraseQuery(terms, fText)
		for _, c := range []struct {
			name         string
			mine, theirs query.Query
		}{
			{"alone", mine, theirs},
			{"and govern", query.NewConjunctionQuery([]query.Query{other, mine}), query.NewConjunctionQuery([]query.Query{other, theirs})},
			{"govern, phrase optional", query.NewBooleanQuery([]query.Query{other}, []query.Query{mine}, nil),
				query.NewBooleanQuery([]query.Query{other}, []query.Query{theirs}, nil)},
		} {
			got, want := collect(c.mine), collect(c.theirs)
			if len(got) != len(want) {
				t.Fatalf("%q %s: %d matches, bleve's %d", terms, c.name, len(got), len(want))
			}
			for i := range want {
				if got[i].id != want[i].id || got[i].score != want[i].score {
					t.Fatalf("%q %s: match %d %v, bleve's %v", terms, c.name, i, got[i], want[i])
				}
			}
			if c.name == "alone" {
				matched += len(got)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no phrase matched: the test tells nothing")
	}
}
