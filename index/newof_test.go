package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// NewOf keeps the pieces new since a time to those among the query's IDs
// (a saved search's reading filters: --starred, --unread, --quoted), so
// that a starred search counts no unstarred piece as new; IDs of none
// leave none new, and a query without IDs takes every new piece.
func TestNewOfKeepsToTheQuerysPieces(t *testing.T) {
	src := t.TempDir()
	writePieces(t, src, map[string]string{"a.md": "Old piece a.", "b.md": "Old piece b."})
	opts := Options{Dir: t.TempDir()}
	ix, err := Open(context.Background(), src, os.DirFS(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, p := range []string{"c.md", "d.md"} {
		if err := os.WriteFile(filepath.Join(src, p), []byte(laterPiece), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ids, want []string
	}{
		{nil, []string{"c", "d"}},
		{[]string{"d", "a"}, []string{"d"}},
		{[]string{"a", "b"}, nil},
		{[]string{}, nil},
	} {
		got, err := ix.NewOf(context.Background(), Query{IDs: c.ids}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(c.want) || (len(got) > 0 && !slices.Equal(got, c.want)) {
			t.Errorf("NewOf with IDs %q: %q, want %q", c.ids, got, c.want)
		}
	}
}
