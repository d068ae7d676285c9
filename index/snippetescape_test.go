package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A snippet shows no Markdown escape: a Hugo figure, written for the
// index as "\[image: …\]", reads "image: …" (a helper's report: every
// snippet near one showed "\image: A map of Raqqa\").
func TestSnippetsShowNoEscapes(t *testing.T) {
	src := t.TempDir()
	body := "---\ntitle: Maps\ndate: 2020-01-01\n---\nBefore the map.\n\n{{< figure src=\"/img/x.png\" alt=\"A map of Raqqa\" >}}\n\nAfter the map, a price of 5\\$ and a \\\\ backslash.\n"
	if err := os.WriteFile(filepath.Join(src, "maps.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"raqqa", "price"} {
		res := run(t, ix, Query{Text: q})
		if len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 {
			t.Fatalf("%s: %s", q, describe(res))
		}
		s := strings.Join(res.Hits[0].Snippets, " … ")
		if strings.Contains(strings.ReplaceAll(s, "\\ backslash", ""), "\\") {
			t.Errorf("%s: snippet %q", q, s)
		}
	}
}
