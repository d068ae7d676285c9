package index

import (
	"context"
	"testing"
	"testing/fstest"
)

// TestNumberPrefixWithItsSeparators: a number is one word with its point
// or comma (103.9, 1,804), so its prefix typed with them finds it
// (103.9* found nothing: the prefix was folded to 1039).
func TestNumberPrefixWithItsSeparators(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Figures\ndate: 2017-01-01\n---\nSpending rose to 103.95 billion and 1,804 jobs went.\n"), Mode: 0o644},
		"b.md": {Data: []byte("---\ntitle: Other\ndate: 2017-01-01\n---\nThe count was 1039 and 1804 later.\n"), Mode: 0o644},
	}
	ix, err := Open(context.Background(), "numbers", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, c := range []struct {
		q    string
		want int
	}{
		{"103.9*", 1}, {"103.95*", 1}, {"1,80*", 1}, {"1,804*", 1}, {"103*", 2}, {"1039*", 1}, {"180*", 1},
	} {
		for _, typing := range []bool{false, true} {
			q := c.q
			if typing {
				q = q[:len(q)-1] // typed: the last word is its prefix
			}
			r := run(t, ix, Query{Text: q, Typing: typing})
			if r.Total != c.want {
				t.Errorf("%s (typing %v) finds %d, want %d", q, typing, r.Total, c.want)
			}
		}
	}
}
