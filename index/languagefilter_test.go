package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// writeLanguages writes, in a new folder, pieces in en, en-GB (one
// written en_gb), en-US, fr (one by its name, French), de-CH and none,
// and returns the folder.
func writeLanguages(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, lang := range map[string]string{
		"en1": "en", "en2": "en", "gb1": "en-GB", "gb2": "en_gb", "us": "en-US",
		"fr1": "fr", "fr2": "French", "ch": "de-CH", "none1": "", "none2": "",
	} {
		front := "---\ntitle: Piece " + name + "\ndate: 2020-01-02\n"
		if lang != "" {
			front += "language: " + lang + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(front+"---\nSome words about policy.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLanguageFilterAgreesWithFiles: Query.Languages and language: keep
// the pieces archive.Filter's Languages keeps, read from the files, by
// RFC 4647's basic filtering (en: en, en-GB, en-US; en-GB: en-GB alone;
// a name as its tag; NoLanguage the pieces without one; no language
// nothing), and each language facet's count is what its filter keeps:
// en counts the English pieces, en-GB among them.
func TestLanguageFilterAgreesWithFiles(t *testing.T) {
	dir := writeLanguages(t)
	arch, _ := archive.Load(os.DirFS(dir))
	ix := openFolder(t, dir, t.TempDir())
	search := func(q Query) []string {
		t.Helper()
		q.Limit = 100
		r, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		return sortedIDs(r)
	}
	keep := func(vs ...string) []string {
		var out []string
		for _, a := range (archive.Filter{Languages: vs}).Keep(arch.Articles) {
			out = append(out, a.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		values []string
		want   []string
	}{
		{[]string{"en"}, []string{"en1", "en2", "gb1", "gb2", "us"}},
		{[]string{"EN"}, []string{"en1", "en2", "gb1", "gb2", "us"}},
		{[]string{"English"}, []string{"en1", "en2", "gb1", "gb2", "us"}},
		{[]string{"en-GB"}, []string{"gb1", "gb2"}},
		{[]string{"en-gb", "fr"}, []string{"fr1", "fr2", "gb1", "gb2"}},
		{[]string{"german"}, []string{"ch"}},
		{[]string{"de-CH"}, []string{"ch"}},
		{[]string{"de-AT"}, nil},
		{[]string{"e"}, nil},
		{[]string{"klingon"}, nil},
		{[]string{archive.NoLanguage}, []string{"none1", "none2"}},
		{[]string{archive.NoLanguage, "fr"}, []string{"fr1", "fr2", "none1", "none2"}},
	} {
		files := keep(c.values...)
		if !slices.Equal(files, c.want) {
			t.Errorf("%q from the files: %v, want %v", c.values, files, c.want)
		}
		if got := search(Query{Languages: c.values}); !slices.Equal(got, files) {
			t.Errorf("%q from the index: %v, the files %v", c.values, got, files)
		}
		if len(c.values) == 1 && c.values[0] != archive.NoLanguage {
			if got := search(Query{Text: "language:" + c.values[0]}); !slices.Equal(got, files) {
				t.Errorf("language:%s: %v, the files %v", c.values[0], got, files)
			}
		}
	}
	if got, want := search(Query{Text: "lang:fr policy"}), keep("fr"); !slices.Equal(got, want) {
		t.Errorf("lang:fr policy: %v, want %v", got, want)
	}
	// each row's count is what its filter keeps
	r, err := ix.Search(context.Background(), Query{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, v := range r.Facets.Languages {
		counts[v.Value] = v.Count
		if n := len(keep(v.Value)); n != v.Count {
			t.Errorf("language %s counted %d, its filter keeps %d", v.Value, v.Count, n)
		}
	}
	// de holds de-CH's one piece: a row saying it twice is left out
	// (archive.RepeatedLanguageRows); en holds en-GB's, en-US's and its own
	want := map[string]int{"en": 5, "en-GB": 2, "en-US": 1, "fr": 2, "de-CH": 1, archive.NoLanguage: 2}
	if len(counts) != len(want) {
		t.Errorf("language rows %v, want %v", counts, want)
	}
	for v, n := range want {
		if counts[v] != n {
			t.Errorf("language %s counted %d, want %d (%v)", v, counts[v], n, counts)
		}
	}
	// a filter's own field is counted without it, the others with it
	r, err = ix.Search(context.Background(), Query{Languages: []string{"fr"}, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || len(r.Facets.Languages) != len(want) {
		t.Errorf("fr: %d pieces, language rows %v", r.Total, r.Facets.Languages)
	}
	// a value chosen keeps its row, repeated or not
	r, err = ix.Search(context.Background(), Query{Languages: []string{"DE"}, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 1 || !slices.Contains(r.Facets.Languages, FacetValue{Value: "de", Count: 1}) {
		t.Errorf("de chosen: %d pieces, language rows %v", r.Total, r.Facets.Languages)
	}
}
