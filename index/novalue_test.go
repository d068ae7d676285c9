package index

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
)

// TestFilterForNoAuthorOrOutlet: folio stats counts the pieces without an
// author as "(no author)" and without an outlet as "(no outlet)"; those
// values as filters keep exactly those pieces (they matched nothing), alone
// or beside a named value, and the archive's own filter agrees.
func TestFilterForNoAuthorOrOutlet(t *testing.T) {
	piece := func(front string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "date: 2017-01-01\n---\nText about raqqa.\n"), Mode: 0o644}
	}
	fsys := fstest.MapFS{
		"a.md": piece("title: A\nauthors: [Ann Author]\noutlet: The Paper\n"),
		"b.md": piece("title: B\noutlet: The Paper\n"),
		"c.md": piece("title: C\nauthors: [Ann Author]\n"),
		"d.md": piece("title: D\n"),
		"e.md": piece("title: E\nauthors: [No Author]\noutlet: No Outlet Weekly\n"),
	}
	ix, err := Open(context.Background(), "novalue", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	arch, _ := archive.Load(fsys)
	for _, c := range []struct {
		authors, outlets []string
		want             []string
	}{
		{[]string{archive.NoAuthor}, nil, []string{"B", "D"}},
		{nil, []string{archive.NoOutlet}, []string{"C", "D"}},
		{[]string{archive.NoAuthor}, []string{archive.NoOutlet}, []string{"D"}},
		{[]string{archive.NoAuthor, "Ann Author"}, nil, []string{"A", "B", "C", "D"}},
		{nil, []string{archive.NoOutlet, "The Paper"}, []string{"A", "B", "C", "D"}},
	} {
		for _, text := range []string{"", "raqqa"} {
			r := run(t, ix, Query{Text: text, Authors: c.authors, Outlets: c.outlets})
			var got []string
			for _, h := range r.Hits {
				got = append(got, h.Title)
			}
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%q, authors %q, outlets %q: %q, want %q", text, c.authors, c.outlets, got, c.want)
			}
		}
		var kept []string
		for _, a := range (archive.Filter{Authors: c.authors, Outlets: c.outlets}).Keep(arch.Articles) {
			kept = append(kept, a.Title)
		}
		slices.Sort(kept)
		if !slices.Equal(kept, c.want) {
			t.Errorf("archive filter, authors %q, outlets %q: %q, want %q", c.authors, c.outlets, kept, c.want)
		}
	}
}
