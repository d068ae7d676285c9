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
	parallel(t)
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

// TestHeavyPrefixRanksByItsWordsForTheLength: a typed heavy prefix ranks
// pieces by how many of their words it begins, for their length, as the
// prefix searched in fText does: of two texts of 34 words, the one with
// three "con" words comes before the one with one, though its thirty
// other words begin with a heavy prefix too (scored with fPrefix3's own
// length, the one with a single heavy word came first); of two with one
// "con" word, the shorter comes first.
func TestHeavyPrefixRanksByItsWordsForTheLength(t *testing.T) {
	arch := t.TempDir()
	write := func(name, title, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("many", "Alpha", "Congress considered contracts "+strings.Repeat("process ", 30))
	write("one", "Gamma", "Congress "+strings.Repeat("zebra ", 32))
	write("short", "Beta", "Congress zebra zebra")
	write("none", "Delta", "Nothing about it here at all.")
	ix := openFolder(t, arch, filepath.Join(t.TempDir(), "idx"))
	saved := heavyPrefixes
	defer func() { heavyPrefixes = saved }()
	for _, heavy := range []bool{true, false} {
		heavyPrefixes = saved
		if !heavy {
			heavyPrefixes = map[string]bool{} // searched in fText
		}
		ix.cache.clear()
		got := ids(run(t, ix, Query{Text: "con", Typing: true, Limit: 10}))
		at := func(id string) int {
			i := slices.Index(got, id)
			if i < 0 {
				t.Fatalf("heavy %v: %s not found: %v", heavy, id, got)
			}
			return i
		}
		if len(got) != 3 || at("many") > at("one") || at("short") > at("one") {
			t.Errorf("heavy %v: con typed ranks %v; want many and short before one, none not found", heavy, got)
		}
	}
}

// TestSharedAnalysisIsLetGo: the three fields of a piece's text take one
// analysis, which none of them keeps once the last took it; fPrefix3's
// length is fText's.
func TestSharedAnalysisIsLetGo(t *testing.T) {
	m := newMapping()
	doc, err := indexedDocument(m, "a", map[string]interface{}{fText: "Congress considered the United States contracts"})
	if err != nil {
		t.Fatal(err)
	}
	var s *sharedText
	lengths := map[string]int{}
	for _, f := range doc.Fields {
		if !f.Options().IsIndexed() {
			continue
		}
		f.Analyze()
		lengths[f.Name()] = f.AnalyzedLength()
		if p, ok := f.(prefixField); ok {
			s = p.s
		}
	}
	if s == nil {
		t.Fatal("no fPrefix3 field")
	}
	if s.tokens != nil {
		t.Error("the shared analysis is kept after its three fields took it")
	}
	if lengths[fText] != 5 || lengths[fPrefix3] != lengths[fText] {
		t.Errorf("lengths %v: want fText 5 (the stop word out) and fPrefix3 the same", lengths)
	}
}
