package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/index"
)

// A saved search's author written as a byline (saved before the facet
// counted people) is chosen as the row of the person it names, not shown
// as a row of its own counting 0 while the list shows its pieces (an
// attack); a byline of several people, which picks the pieces by all of
// them, is a chosen row without a count. On a real index.
func TestSavedBylineIsChosenAsItsPerson(t *testing.T) {
	arch := t.TempDir()
	for name, author := range map[string]string{"a": "Ann Lee", "b": `"Ann Lee, Contributor"`, "c": "Ann Lee and Bo Chan", "d": "Bo Chan"} {
		body := "---\ntitle: T " + name + "\ndate: 2019-03-04\nauthor: " + author + "\n---\nText.\n"
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), index.Query{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{})
	m.searcher = ix
	m.sidebar.facets = res.Facets
	m.saved = []SavedSearch{
		{Name: "one", Authors: []string{"Ann Lee, Contributor"}},
		{Name: "both", Authors: []string{"Ann Lee and Bo Chan"}},
	}
	m.openSaved("one")
	if got := m.sidebar.chosen[groupAuthors]; !slices.Equal(got, []string{"Ann Lee"}) {
		t.Errorf("chosen authors %q, want [Ann Lee]", got)
	}
	for _, e := range m.sidebar.entries {
		if e.group == groupAuthors && !e.header && e.value != "Ann Lee" && e.value != "Bo Chan" {
			t.Errorf("a row %q (%d) beside the people's", e.value, e.count)
		}
	}
	m.openSaved("both")
	found := false
	for i, e := range m.sidebar.entries {
		if e.group == groupAuthors && e.value == "Ann Lee and Bo Chan" {
			found = true
			if e.count != noCount {
				t.Errorf("the byline of two people's row counts %d", e.count)
			}
			if line := m.sidebar.entryView(i, 30, m.styles); !strings.Contains(line, "Ann Lee and Bo Chan") || strings.Contains(line, " 0") {
				t.Errorf("its line: %q", line)
			}
		}
	}
	if !found {
		t.Error("no chosen row for the byline of two people")
	}
}
