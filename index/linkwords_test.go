package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link inside a word is read as the reader shows it, the word whole
// (archive.LinkWordsJoined): "[cat](u)alog" shows "catalog u" and is the
// word catalog, found by it and by a phrase across it as shown, its
// snippet showing the word whole; inline and reference links, to a URL
// or a relative target, alike. The index read cat, the target's words,
// then alog: catalog found nothing, expanded found [expand](u)ed only
// through its stem, and a relative link's [re](rel/w.pdf)wired nothing.
func TestALinkInAWordIsOneWord(t *testing.T) {
	src := t.TempDir()
	body := "The big [cat](https://e.com/x)alog of things was ex[pand](https://e.com/y)ed twice.\n\n" +
		"We [re](rel/w.pdf)wired it, then [post][p]ed it, and [zorb]ix too, and [quib](https://e.com/q)*ble* it.\n\n" +
		"[p]: files/r.pdf\n[zorb]: ../z.md\n"
	if err := os.WriteFile(filepath.Join(src, "l.md"), []byte("---\ntitle: L\ndate: 2021-08-01\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, src, t.TempDir())
	for q, want := range map[string]string{
		"catalog":       "catalog",
		`"big catalog"`: "big catalog",
		"expanded":      "expanded",
		"rewired":       "rewired",
		"posted":        "posted",
		"zorbix":        "zorbix",
		"quibble":       "quibble",
		"alog":          "",
		`"cat alog"`:    "",
		"wired":         "",
		"ix":            "",
		"ble":           "",
	} {
		res := run(t, ix, Query{Text: q})
		if want == "" {
			if res.Total != 0 {
				t.Errorf("%s: %d hits, want none: %q", q, res.Total, res.Hits[0].Snippets)
			}
			continue
		}
		if res.Total != 1 {
			t.Errorf("%s: %d hits, want 1", q, res.Total)
			continue
		}
		if s := strings.Join(res.Hits[0].Snippets, " "); !strings.Contains(s, MarkStart+want+MarkEnd) {
			t.Errorf("%s: snippets %q, want %q marked", q, s, want)
		}
	}
}
