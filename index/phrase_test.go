package index

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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

// A phrase searcher that has run out stays out: bleve's disjunction
// advances a clause it has seen run out again at every piece it is asked
// for, and each such Advance used to read the positions of the remaining
// candidates again (21 s for "congress economy revenue" at 100k).
func TestPhraseSearcherRunOutStaysOut(t *testing.T) {
	bi, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	b := bi.NewBatch()
	if err := b.Index("000", map[string]interface{}{fText: "alpha beta"}); err != nil {
		t.Fatal(err)
	}
	const others = 50
	for i := 1; i <= others; i++ { // both words, not the phrase
		if err := b.Index(fmt.Sprintf("%03d", i), map[string]interface{}{fText: "beta gamma alpha"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	ii, err := bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ii.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	s, err := newPhraseQuery([]string{"alpha", "beta"}, fText, 1).Searcher(ctx, r, bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps := s.(*phraseSearcher)
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(10, 0)}
	dm, err := ps.Next(sctx)
	if err != nil || dm == nil {
		t.Fatalf("first match: %v %v", dm, err)
	}
	if dm, err = ps.Next(sctx); err != nil || dm != nil {
		t.Fatalf("after the only match: %v %v", dm, err)
	}
	checked := ps.checked
	for i := 1; i <= others; i++ {
		id, err := r.InternalID(fmt.Sprintf("%03d", i))
		if err != nil {
			t.Fatal(err)
		}
		if dm, err := ps.Advance(sctx, id); err != nil || dm != nil {
			t.Fatalf("advanced to %03d after running out: %v %v", i, dm, err)
		}
	}
	if ps.checked != checked {
		t.Errorf("after running out, %d more candidates were read", ps.checked-checked)
	}
}
