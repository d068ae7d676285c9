package ui

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// TestSidebarLanguageGroup: an archive of several languages has a
// LANGUAGE group, each row counting what choosing it keeps (en the
// English pieces, en-GB among them; "(no language)" those without one);
// the value chosen goes into the query, and a search saved from the
// reader keeps it and chooses it again. An archive of one language has
// no such group.
func TestSidebarLanguageGroup(t *testing.T) {
	dir := t.TempDir()
	for name, lang := range map[string]string{"en1": "en", "gb1": "en-GB", "gb2": "en-GB", "fr1": "fr", "none1": ""} {
		front := "---\ntitle: Piece " + name + "\ndate: 2020-01-02\n"
		if lang != "" {
			front += "language: " + lang + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(front+"---\nSome words.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, _ := realIndex(t, dir)
	st, warn := state.Open(testArchiveName, t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	d := newCountDriver(t, ix, st)
	d.settled()
	rows := func() map[string]int {
		out := map[string]int{}
		for _, e := range d.m.sidebar.entries {
			if e.group == groupLanguages && !e.header {
				out[e.value] = e.count
			}
		}
		return out
	}
	want := map[string]int{"en": 3, "en-GB": 2, "fr": 1, archive.NoLanguage: 1}
	if got := rows(); !maps.Equal(got, want) {
		t.Fatalf("LANGUAGE rows %v, want %v", got, want)
	}
	if view := ansi.Strip(d.m.View().Content); !strings.Contains(view, "LANGUAGE") {
		t.Errorf("the sidebar shows no LANGUAGE group:\n%s", view)
	}
	d.m.sidebar.chosen[groupLanguages] = []string{"en-GB"}
	d.run(d.m.startSearch())
	d.settled()
	if !slices.Equal(d.m.baseQuery.Languages, []string{"en-GB"}) || d.m.list.total != 2 {
		t.Errorf("en-GB chosen: the query's languages %q, %d pieces", d.m.baseQuery.Languages, d.m.list.total)
	}
	if s := d.m.sidebar.summary(); !strings.Contains(s, "language:en-GB") {
		t.Errorf("summary %q", s)
	}
	sv, err := d.m.savedOfCurrent("british")
	if err != nil || !slices.Equal(sv.Languages, []string{"en-GB"}) {
		t.Fatalf("saved from the reader: %+v, %v", sv, err)
	}
	if q := savedQuery(sv); !slices.Equal(q.Languages, []string{"en-GB"}) {
		t.Errorf("the saved search's query %+v", q)
	}
	d.m.sidebar.setSearch(SavedSearch{Languages: []string{"fr"}})
	if !slices.Equal(d.m.sidebar.chosen[groupLanguages], []string{"fr"}) {
		t.Errorf("a saved search's languages not chosen: %q", d.m.sidebar.chosen[groupLanguages])
	}

	// one language: nothing to tell
	one := t.TempDir()
	os.WriteFile(filepath.Join(one, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-02\nlanguage: fr\n---\nMots.\n"), 0o644)
	ix1, _ := realIndex(t, one)
	d1 := newCountDriver(t, ix1, st)
	d1.settled()
	for _, e := range d1.m.sidebar.entries {
		if e.group == groupLanguages {
			t.Errorf("one language shown: %+v", e)
		}
	}
}
