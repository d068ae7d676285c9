package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link that names no piece shows its target as written after its text
// wherever the renderer would print it otherwise: "[r](/)" printed "r" and
// nothing (Glamour drops a path's leading "/" before resolving it against
// no base), "/#top" "#top", "/a/../b" "/b", and a reference to other.md
// "/other.md". Site paths the renderer shows as written are left to it.
func TestShowPrintsSitePathsAsWritten(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: Links\ndate: 2020-01-01\n---\n\n" +
		"A [home](/) b [top](/#top) c [up](/a/../b) d [query](/?q=1) e [post](/posts/x/) f [ref home][1] g [ref other][2] end.\n\n" +
		"[1]: /\n[2]: other.md\n"
	if err := os.WriteFile(filepath.Join(dir, "links.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "links", "--width", "400")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"A home / b", "b top /#top c", "c up /a/../b d", "d query /?q=1 e", "e post /posts/x/ f", "f ref home / g", "g ref other other.md end."} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}

// A link to the site's own URL (its config's baseURL: Hugo's, Jekyll's
// url and baseurl) names the piece at that path, as the site's relative
// link does (an oracle's report against Hugo 0.111: it named nothing);
// a URL of another host, or of the site naming no piece, stays as written.
func TestLinksToTheSitesOwnURLNameThePiece(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo/hugo.toml", "baseURL = 'https://Example.org/'\ntitle = 'S'\n")
	write("hugo/content/posts/foo.md", "---\ntitle: The Foo Piece\ndate: 2020-01-01\n---\nfoo\n")
	write("hugo/content/posts/links.md", "---\ntitle: Links\ndate: 2020-01-02\n---\n\n"+
		"A [own](https://example.org/posts/foo/) b [http](http://example.org/posts/foo) c [other](https://other.org/posts/foo/) d [none](https://example.org/posts/nothing/) e [ref][1] end.\n\n[1]: https://example.org/posts/foo/#part\n")
	write("jekyll/_config.yml", "url: https://blog.example.net\nbaseurl: /notes\n")
	write("jekyll/_posts/2021-03-14-pi-day.md", "---\ntitle: Pi Day\n---\npi\n")
	write("jekyll/about.md", "---\ntitle: About\n---\nSee [pi](https://blog.example.net/notes/2021/03/14/pi-day.html) and [root](https://blog.example.net/2021/03/14/pi-day.html).\n")
	for _, c := range []struct {
		archive, piece string
		want, not      []string
	}{
		{filepath.Join(root, "hugo"), "content/posts/links",
			[]string{"A own (→ “The Foo Piece”) b", "b http (→ “The Foo Piece”) c", "e ref (→ “The Foo Piece”) end."},
			[]string{"other (→", "none (→"}},
		{filepath.Join(root, "jekyll"), "about",
			[]string{"See pi (→ “Pi Day”) and"}, []string{"root (→"}},
	} {
		{
			args := []string{"--archive", c.archive, "show", c.piece, "--width", "400"}
			out, errOut, code := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			out = strings.Join(strings.Fields(out), " ")
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s: show lacks %q:\n%s", c.piece, w, out)
				}
			}
			for _, w := range c.not {
				if strings.Contains(out, w) {
					t.Errorf("%s: show has %q:\n%s", c.piece, w, out)
				}
			}
		}
	}
}
