package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Inline HTML's tags are no text: their names and attributes find
// nothing and no snippet shows them, the words they enclose are found as
// the page shows them (a helper's report: abbr, title, crimson, kbd found
// the piece; spanvisibleword, shown, found nothing), and a <br> parts
// the words beside it.
func TestInlineHTMLTagsAreNoText(t *testing.T) {
	src := t.TempDir()
	body := `line one<br>line two and <em>emword</em> and <abbr title="Hidden Atlantic Treaty">NATO</abbr> and <font color="crimson">fontword</font>, <span class="zorblax">spanvisible</span>word.` +
		"\n\nText with <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n"
	if err := os.WriteFile(filepath.Join(src, "h.md"), []byte("---\ntitle: H\ndate: 2021-08-01\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]int{
		"br": 0, "em": 0, "abbr": 0, "title": 0, "hidden": 0, "atlantic": 0, "font": 0, "color": 0,
		"crimson": 0, "kbd": 0, "span": 0, "class": 0, "zorblax": 0, "oneline": 0, `"onelin"`: 0,
		"nato": 1, "NATO": 1, "emword": 1, "fontword": 1, "spanvisibleword": 1, "ctrl": 1, "one": 1, `"line two"`: 1,
	} {
		res := run(t, ix, Query{Text: q, Snippets: 1})
		if res.Total != want {
			t.Errorf("%s: %d hits, want %d", q, res.Total, want)
		}
		for _, h := range res.Hits {
			for _, s := range h.Snippets {
				if strings.ContainsAny(s, "<>") || strings.Contains(s, "oneline") {
					t.Errorf("%s: snippet %q", q, s)
				}
			}
		}
	}
}
