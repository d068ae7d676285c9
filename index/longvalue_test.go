package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A tag, outlet or author of over 255 bytes is held cut (cutKeyword); a
// filter with the whole value finds its piece, as folio list and stats do
// from the files (before: search and trends counted 0, list 1; a helper's
// report).
func TestFilterByAValueTheIndexHoldsCut(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	long := strings.Repeat("t", 300)
	for name, front := range map[string]string{
		"x.md": "tags: [" + long + "x]\noutlet: " + long + "o\nauthor: " + long + "a",
		"y.md": "tags: [short]\noutlet: Short Outlet\nauthor: Ann Lee",
	} {
		text := "---\ntitle: " + name + "\ndate: 2020-01-01\n" + front + "\n---\nSome words.\n"
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []Query{
		{Tags: []string{long + "x"}},
		{Outlets: []string{long + "o"}},
		{Authors: []string{long + "a"}},
		{Text: "tag:" + long + "x"},
	} {
		res, err := ix.Search(context.Background(), q)
		if err != nil || res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "x" {
			t.Errorf("%.40s…: %v, %d hits", strings.TrimLeft(strings.Join(append(append(q.Tags, q.Outlets...), q.Authors...), "")+q.Text, "t"), err, res.Total)
		}
	}
}
