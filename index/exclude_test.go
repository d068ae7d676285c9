package index

import (
	"slices"
	"testing"
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
