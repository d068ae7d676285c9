package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A URL with a user name before its host reads as one site and opens
// another: "https://www.nytimes.com@evil.example.net/…" opens
// evil.example.net (an attack's report: show, cite, the reader header
// and o's status named the Times). A front matter's url of that kind is
// refused, its line named with the host it opens; a body link to one is
// text, showing the whole URL; an image's URL (an HTML <img> resolved
// against a feed's xml:base) loses it, as every imported URL does.
func TestURLWithUserinfoIsNoURL(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ui.md": "---\ntitle: Userinfo url\ndate: 2017-03-02\nurl: \"https://www.nytimes.com@evil.example.net/2017/03/02/opinion/x.html\"\n---\nbody\n",
		"link.md": "---\ntitle: Link\ndate: 2017-03-03\n---\n" +
			"Read [NYT](https://www.nytimes.com@evil.example.net/x) and [ok](https://www.nytimes.com/y).\n\n" +
			"[def][d] and <a href=\"https://www.nytimes.com:443@evil.example.net/h\">html</a>.\n\n" +
			"[d]: https://user:pw@evil.example.net/d\n",
		"img.md": "---\ntitle: Image\ndate: 2017-03-04\n---\n<p>Read <img src=\"https://www.nytimes.com@evil.example.net/2017/img.png\" alt=\"pic\"> and</p>\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, probs := Load(os.DirFS(dir))
	ui, ok := arch.Resolve([]string{"ui.md"})
	if !ok {
		t.Fatal("no ui.md")
	}
	if ui.URL != "" || ui.Link() != "" {
		t.Errorf("ui.md's URL %q (link %q), want none", ui.URL, ui.Link())
	}
	var noted bool
	for _, p := range probs {
		if p.Path == "ui.md" && p.Line == 4 && strings.Contains(p.Msg, "it opens evil.example.net") {
			if _, ok := DroppedURL(p); ok {
				noted = true
			}
		}
	}
	if !noted {
		t.Errorf("no problem at ui.md:4 naming evil.example.net as a dropped url: %v", probs)
	}
	link, _ := arch.Resolve([]string{"link.md"})
	for _, s := range []string{`[NYT]\(https://www.nytimes.com@`, `[html]\(https://www.nytimes.com:443@`, `\[d]: https://user:pw@`, `[ok](https://www.nytimes.com/y)`} {
		if !strings.Contains(link.Body, s) {
			t.Errorf("body %q: want %s in it (a link with a user name as text, the other a link)", link.Body, s)
		}
	}
	for _, s := range []string{"https://www.nytimes.com@evil.example.net/x", "https://www.nytimes.com:443@evil.example.net/h", "https://user:pw@evil.example.net/d"} {
		if !strings.Contains(link.Body, s) {
			t.Errorf("body %q does not show %s", link.Body, s)
		}
	}
	img, _ := arch.Resolve([]string{"img.md"})
	if !strings.Contains(img.Body, "https://evil.example.net/2017/img.png") || strings.Contains(img.Body, "nytimes") {
		t.Errorf("image body %q, want https://evil.example.net/2017/img.png without the user name", img.Body)
	}
	for u, want := range map[string]bool{
		"https://www.nytimes.com@evil.example.net/": false,
		"https://a:b@evil.example.net/":             false,
		"https://www.nytimes.com/a@b":               true,
		"https://www.nytimes.com/?to=a@b.com":       true,
	} {
		if got := ValidURL(u) == nil; got != want {
			t.Errorf("ValidURL(%q) accepts: %v, want %v", u, got, want)
		}
	}
}
