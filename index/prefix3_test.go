package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/corpus"
)

// TestHeavyPrefixFindsWhatTheTextHas: a typed word that is one of
// heavyPrefixes is searched in fPrefix3, and finds exactly the pieces
// whose text has a term it begins: those of fText's dictionary prefix
// (bleve's prefix query) and those of an oracle that analyses each
// piece's text apart. Alone and beside another word, and after a file is
// changed so that it no longer has such a word.
func TestHeavyPrefixFindsWhatTheTextHas(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 300, 9); err != nil {
		t.Fatal(err)
	}
	// a piece whose only "con" word is an inflected one, stemmed
	// ("containers" → "contain"), and a capitalised acronym, kept whole
	if err := os.WriteFile(filepath.Join(arch, "zz-contain.md"), []byte("---\ntitle: Boxes\ndate: 2020-01-01\n---\nShipping Containers and CONUS.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix := openFolder(t, arch, dir)
	ctx := context.Background()
	// the oracle: each piece's text terms, analysed apart from the index
	texts := map[string][]string{}
	loaded, _ := archive.Load(os.DirFS(arch))
	for _, a := range loaded.Articles {
		texts[a.ID] = analyzeTerms(document(a)[fText].(string))
	}
	oracle := func(pre string) []string {
		var out []string
		for id, ts := range texts {
			if slices.ContainsFunc(ts, func(s string) bool { return strings.HasPrefix(s, pre) }) {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	tested := 0
	for _, pre := range []string{"con", "pro", "com", "sta", "pre", "res", "int", "dis", "the", "wor"} {
		if !heavyPrefix(pre) {
			t.Fatalf("%q is not a heavy prefix", pre)
		}
		got := ids(run(t, ix, Query{Text: pre, Typing: true, Limit: 10000}))
		slices.Sort(got)
		pq := query.NewPrefixQuery(pre)
		pq.SetField(fText)
		hits, _, err := ix.collect(ctx, pq, 10000, 0, []string{"_id"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var dict []string
		for _, h := range hits {
			dict = append(dict, h.ID)
		}
		slices.Sort(dict)
		// the word as typed is also searched as itself: its stem ("dis" is
		// "di", the stem of "dies")
		want := oracle(pre)
		typed := slices.Clone(want)
		for id, ts := range texts {
			if slices.Contains(ts, normalizeTerm(pre)) && !slices.Contains(typed, id) {
				typed = append(typed, id)
			}
		}
		slices.Sort(typed)
		if !slices.Equal(got, typed) || !slices.Equal(dict, want) {
			t.Fatalf("%q: typed %d pieces (oracle %d), dictionary prefix %d (oracle %d)", pre, len(got), len(typed), len(dict), len(want))
		}
		if len(got) > 0 && len(got) < len(texts) {
			tested++
		}
		// beside another word: the pieces with both
		word := texts[got[0]][0]
		two := ids(run(t, ix, Query{Text: word + " " + pre, Typing: true, Limit: 10000}))
		slices.Sort(two)
		var both []string
		for _, id := range typed {
			if slices.Contains(texts[id], word) {
				both = append(both, id)
			}
		}
		if !slices.Equal(two, both) {
			t.Fatalf("%q %q: %d pieces, oracle %d", word, pre, len(two), len(both))
		}
	}
	if tested < 3 {
		t.Fatalf("only %d prefixes told pieces apart: the corpus lost its words", tested)
	}
	if got := ids(run(t, ix, Query{Text: "con", Typing: true, Limit: 10000})); !slices.Contains(got, "zz-contain") {
		t.Fatalf("con misses the piece with Containers: %d pieces", len(got))
	}
	ix.Close()

	// the piece no longer has a con word: a refresh drops it from con
	if err := os.WriteFile(filepath.Join(arch, "zz-contain.md"), []byte("---\ntitle: Boxes\ndate: 2020-01-01\n---\nShipping boxes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix = openFolder(t, arch, dir)
	defer ix.Close()
	if ix.Stats().Indexed == 0 {
		t.Fatalf("the changed file was not indexed again: %+v", ix.Stats())
	}
	if got := ids(run(t, ix, Query{Text: "con", Typing: true, Limit: 10000})); slices.Contains(got, "zz-contain") {
		t.Fatal("con still finds the piece changed to have no con word")
	}
}
