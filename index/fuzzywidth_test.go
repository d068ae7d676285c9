package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// A fuzzy word reaches its stem's neighbours, not a shorter word's (a
// helper's report: slavery~1 found save, savings and saved through the
// truncation "slave", and terorism~, stem teror, took 2 edits by the
// word's length and found terms), and a ~ that is not 1 or 2 is said.
func TestFuzzyKeepsToTheStem(t *testing.T) {
	fsys := fstest.MapFS{}
	for id, body := range map[string]string{
		"slavery": "the abolition of slavery", "slavry": "a misspelt slavry", "save": "we must save money",
		"savings": "their savings grew", "terrorism": "against terrorism", "terms": "the terms of trade",
		"manchester": "an attack in manchester",
	} {
		fsys[id+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Piece " + id + "\ndate: 2020-01-01\n---\n" + body + ".\n")}
	}
	ix, err := Open(context.Background(), "fuzzy", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"slavery~1":  {"slavery", "slavry"},
		"slavery~":   {"slavery", "slavry"},
		"terorism~":  {"terrorism"},
		"manchster~": {"manchester"},
	} {
		got := ids(run(t, ix, Query{Text: q}))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: found %v, want %v", q, got, want)
		}
	}
	for q, note := range map[string]string{
		"slavery~x": "slavery~x: ~ takes 1 or 2 (edits): searched as written",
		"slavery~3": "slavery~3: ~ takes 1 or 2 (edits): searched with ~2",
		"slavery~0": "slavery~0: ~ takes 1 or 2 (edits): searched with ~1",
	} {
		if r := run(t, ix, Query{Text: q}); !strings.Contains(strings.Join(r.Notes, "; "), note) {
			t.Errorf("%s: notes %q, want %q", q, r.Notes, note)
		}
	}
}
