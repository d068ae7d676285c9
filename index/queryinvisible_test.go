package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A word written with a soft hyphen or a zero-width space in it is found
// by the word, and a query pasted with such a character (or a right-to-
// left override) finds what the word finds (a helper's report: 0 hits,
// no note).
func TestInvisiblesSplitNoWord(t *testing.T) {
	src := t.TempDir()
	for name, body := range map[string]string{
		"a.md": "Counter-terr\u00adorism policy.",
		"b.md": "Plain terrorism here.",
		"c.md": "Bundes\u00adregierung and terr\u200borism.",
	} {
		text := "---\ntitle: " + name + "\ndate: 2020-01-01\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]int{
		"terrorism":             3,
		"terr\u00adorism":       3,
		"terr\u202eorism":       3,
		"\"terr\u200borism\"":   3,
		"bundesregierung":       1,
		"Bundes\u2060regierung": 1,
		"counter-terrorism":     1,
	} {
		if res := run(t, ix, Query{Text: q}); res.Total != want {
			t.Errorf("%+q: %d hits, want %d", q, res.Total, want)
		}
	}
}

// A tag copied with the marks the files' tags were cleaned of (a right-
// to-left mark, a zero-width space) finds its pieces, by tag: and by the
// tag filter (a review: 0 hits).
func TestTagWithInvisiblesFindsItsPieces(t *testing.T) {
	src := t.TempDir()
	text := "---\ntitle: T\ndate: 2020-01-01\ntags: [\"\u05e2\u05d1\u05e8\u05d9\u05ea\u200f\", \"\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22\"]\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(src, "a.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tag := range []string{"\u05e2\u05d1\u05e8\u05d9\u05ea\u200f", "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22"} {
		if res := run(t, ix, Query{Text: `tag:"` + tag + `"`}); res.Total != 1 {
			t.Errorf("tag:%+q: %d hits", tag, res.Total)
		}
		if res := run(t, ix, Query{Tags: []string{tag}}); res.Total != 1 {
			t.Errorf("--tag %+q: %d hits", tag, res.Total)
		}
	}
}
