package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// The author facet counts people, as bylines name them (archive.People):
// "Ann Lee, Contributor" and "ANN LEE" are Ann Lee, "Ann Lee and Bo Chan"
// counts for each, "et al." alone for no author; choosing a facet row
// keeps exactly the pieces it counted, and a byline as written (a saved
// search's from before) picks the people it names.
func TestAuthorFacetCountsPeople(t *testing.T) {
	src := t.TempDir()
	for name, author := range map[string]string{
		"a": "Ann Lee", "b": `"ANN LEE, Contributor"`, "c": "Ann Lee and Bo Chan",
		"d": "Bo Chan", "e": "et al.", "f": "", "g": "bo chan",
	} {
		fm := ""
		if author != "" {
			fm = "author: " + author + "\n"
		}
		if err := os.WriteFile(filepath.Join(src, name+".md"), []byte("---\ntitle: T "+name+"\ndate: 2017-01-01\n"+fm+"---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r := run(t, ix, Query{})
	got := map[string]int{}
	for _, fv := range r.Facets.Authors {
		got[fv.Value] = fv.Count
	}
	want := map[string]int{"Ann Lee": 3, "Bo Chan": 3, archive.NoAuthor: 2}
	if len(got) != len(want) || got["Ann Lee"] != 3 || got["Bo Chan"] != 3 || got[archive.NoAuthor] != 2 {
		t.Fatalf("author facet %v, want %v", got, want)
	}
	for _, fv := range r.Facets.Authors {
		if n := run(t, ix, Query{Authors: []string{fv.Value}}).Total; n != fv.Count {
			t.Errorf("the facet counts %s %d, choosing it finds %d", fv.Value, fv.Count, n)
		}
	}
	for _, c := range []struct {
		author string
		want   []string
	}{
		{"Ann Lee, Contributor", []string{"a", "b", "c"}},
		{"ann lee", []string{"a", "b", "c"}},
		{"Ann Lee and Bo Chan", []string{"c"}},
		{"Bo Chan & Ann Lee", []string{"c"}},
		{"Ann Lee & Zed Roe", nil},
	} {
		res := run(t, ix, Query{Authors: []string{c.author}})
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("author %q: %v, want %v", c.author, got, c.want)
		}
	}
	// a byline of an old saved search, whose outlet made Guardian an
	// affiliation; et al., a row when bylines were counted as written
	for _, c := range []struct {
		author string
		want   []string
	}{{"Ann Lee, Guardian", []string{"a", "b", "c"}}, {"et al.", []string{"e", "f"}}} {
		got := ids(run(t, ix, Query{Authors: []string{c.author}}))
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("author %q: %v, want %v", c.author, got, c.want)
		}
	}
	// one value of those one but for case ("Bo Chan" and "bo chan")
	if got, want := ix.AuthorsAsPeople([]string{"Ann Lee, Contributor", "ann lee", "Ann Lee and Bo Chan", "et al.", "Zed Roe", "bo chan"}),
		[]string{"Ann Lee", "Ann Lee and Bo Chan", archive.NoAuthor, "Zed Roe", "Bo Chan"}; !slices.Equal(got, want) {
		t.Errorf("AuthorsAsPeople: %q, want %q", got, want)
	}
	if !ix.ManyAuthors() {
		t.Error("ManyAuthors: Ann Lee and Bo Chan")
	}
}

// A byline longer than a facet value (255 bytes) is read whole as the
// people it names, each cut as the index holds them (an attack: cut
// first, "Anna0 Leeson0, …, Ann" read as Anna0 Leeson0 alone, and picked
// the piece of that one person too).
func TestLongBylinePicksItsPeople(t *testing.T) {
	src := t.TempDir()
	var names []string
	for i := range 25 {
		names = append(names, "Anna"+string(rune('a'+i))+" Leeson"+string(rune('a'+i)))
	}
	names[0] = "Annaaaaaaa Leesona" // the cut falls in "Annaq Leesonq"
	byline := strings.Join(names, ", ")
	if len(byline) <= maxTermBytes {
		t.Fatalf("the byline is %d bytes", len(byline))
	}
	for name, author := range map[string]string{"a": byline, "b": names[0]} {
		if err := os.WriteFile(filepath.Join(src, name+".md"), []byte("---\ntitle: T "+name+"\ndate: 2017-01-01\nauthor: \""+author+"\"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ids(run(t, ix, Query{Authors: []string{byline}})); !slices.Equal(got, []string{"a"}) {
		t.Errorf("the byline of a: %v, want [a]", got)
	}
	if got := ids(run(t, ix, Query{Authors: []string{names[0]}})); len(got) != 2 {
		t.Errorf("%s: %v, want a and b", names[0], got)
	}
}
