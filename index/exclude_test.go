package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestExcludingAWordLeavesOutWhatItFinds: for a word w and a query q, the
// pieces of "q -w" are those of q less those of "q w", none missing, none
// twice; names searched together (isis = Isil = Daesh = Islamic State)
// are left out together (before, -daesh left out only the pieces that
// spell it: none of the bundled archive's). A title: word finds its
// aliases in titles, and only where the word anywhere would.
func TestExcludingAWordLeavesOutWhatItFinds(t *testing.T) {
	ix := openBundled(t)
	set := func(text string) []string {
		r := run(t, ix, Query{Text: text})
		if len(r.Hits) != r.Total {
			t.Fatalf("%q: %d hits of %d", text, len(r.Hits), r.Total)
		}
		s := ids(r)
		slices.Sort(s)
		return s
	}
	words := []string{"isis", "ISIS", "isil", "Isil", "daesh", "DAESH", "raqqa", "terror", "MI5", "mi5",
		"london", "attacks", "title:isis", "title:daesh", "title:raqqa", "title:terror"}
	for _, q := range []string{"", "raqqa", "terror", "tag:counter-terrorism", "london OR syria"} {
		all := set(q)
		for _, w := range words {
			with, without := set(q+" "+w), set(q+" -"+w)
			union := append(slices.Clone(with), without...)
			slices.Sort(union)
			if !slices.Equal(union, all) {
				t.Errorf("%q (%d) is not %q (%d) and %q (%d), apart", q, len(all), q+" "+w, len(with), q+" -"+w, len(without))
			}
		}
	}
	daesh, isis := set("daesh"), set("isis")
	if len(daesh) == 0 || !slices.Equal(daesh, isis) {
		t.Fatalf("daesh finds %d pieces, isis %d: one name, the same pieces", len(daesh), len(isis))
	}
	if got := set("raqqa -daesh"); len(got) != 0 {
		t.Errorf("raqqa -daesh: %v, want none (every raqqa piece mentions Isil)", got)
	}
	tIsis, tDaesh, tIsil := set("title:isis"), set("title:daesh"), set("title:isil")
	if len(tIsil) == 0 || !slices.Equal(tIsis, tIsil) || !slices.Equal(tDaesh, tIsil) {
		t.Errorf("title:isis %v, title:daesh %v, title:isil %v: one name in titles", tIsis, tDaesh, tIsil)
	}
	for _, id := range tIsil {
		if !slices.Contains(isis, id) {
			t.Errorf("title:isil finds %s, isis does not", id)
		}
	}
}

// TestWordsThatSpellAnAliasAreStillWords: words typed apart that spell a
// variant of an alias group (foreign fighters, security service, London
// bombings) find the pieces with each word anywhere, as the README's own
// example says, and also those with another variant (FTF, MI5). They were searched as the phrase and its aliases only: on
// the SOTU addresses `foreign fighters` found 0 pieces where 12 have both
// words, `fighters foreign` 12. A stop word among them stays out.
func TestWordsThatSpellAnAliasAreStillWords(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, body := range map[string]string{
		"apart.md":   "Foreign governments worry about fighters returning.",
		"phrase.md":  "The foreign fighters came home.",
		"ftf.md":     "Returning FTFs are a worry.",
		"neither.md": "Governments worry about the post.",
		"postal.md":  "The security of the postal service.",
		"mi5.md":     "MI5 said so.",
		"bombs.md":   "The bombings shook the city. London was quiet after.",
		"union.md":   "The state of the union is strong.",
		"unite.md":   "A union of states.",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: " + strings.TrimSuffix(name, ".md") + "\ndate: 2017-01-01\n---\n" + body + "\n"), Mode: 0o644}
	}
	ix, err := Open(context.Background(), "aliases", fsys, Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, c := range []struct {
		queries []string
		want    []string
	}{
		{[]string{"foreign fighters"}, []string{"apart", "ftf", "phrase"}},
		{[]string{"fighters foreign"}, []string{"apart", "phrase"}}, // no variant: two words
		{[]string{`"foreign fighters"`}, []string{"phrase"}},
		{[]string{"security service"}, []string{"mi5", "postal"}},
		{[]string{"service security"}, []string{"postal"}},
		{[]string{"london bombings", "bombings london"}, []string{"bombs"}},
		{[]string{"state of the union"}, []string{"union", "unite"}},
	} {
		for _, q := range c.queries {
			r := run(t, ix, Query{Text: q})
			got := ids(r)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%q finds %v, want %v", q, got, c.want)
			}
		}
	}
}

// TestTagTypedInEitherUnicodeForm: tag:café finds the pieces tagged café
// whether the accent is typed as one letter or as e and a combining
// accent (tags are kept in NFC; the decomposed form found none).
func TestTagTypedInEitherUnicodeForm(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2017-01-01\ntags: [café]\n---\nText.\n"), Mode: 0o644},
		"b.md": &fstest.MapFile{Data: []byte("---\ntitle: B\ndate: 2017-01-02\ntags: [cafe-society]\n---\nText.\n"), Mode: 0o644},
	}
	ix, err := Open(context.Background(), "tags", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, q := range []string{"tag:caf\u00e9", "tag:cafe\u0301", "tag:CAFE\u0301"} {
		if got := ids(run(t, ix, Query{Text: q})); !slices.Equal(got, []string{"a"}) {
			t.Errorf("%q finds %v, want [a]", q, got)
		}
	}
}
