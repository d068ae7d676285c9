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

// A link whose text is a URL of another site than its target reads as one
// site and opens the other (an attack's report: in a table cell the reader
// showed https://good.example.com/t alone, a live link to
// evil.example.net): it is text, showing both. Its text's site and its
// target's being one (www., a subdomain, case, punycode), its text being
// no URL (Node.js), a relative target, or an image, it stays a link.
func TestLinkTextOfAnotherSiteIsText(t *testing.T) {
	for body, live := range map[string]bool{
		"[https://good.example.com/t](https://evil.example.net/t)":             false,
		"[**www.good.example.com**](https://evil.example.net/)":                false,
		"| a |\n|---|\n| [https://good.example.com/t](http://evil.net/) |":     false,
		"[<https://good.example.com>](https://good.example.com.evil.net/)":     false,
		"[https://xn--exmple-4nf.com/](https://example.com/)":                  false,
		"[https://example.com/a](https://www.example.com/b)":                   true,
		"[https://example.com](https://blog.example.com/x)":                    true,
		"[HTTPS://Example.COM/a](https://example.com/a)":                       true,
		"[https://exаmple.com/](https://xn--exmple-4nf.com/x)":                 true,
		"[Node.js](https://nodejs.org/)":                                       true,
		"[the report](https://evil.example.net/)":                              true,
		"[https://en.wikipedia.org/wiki/X](https://en.m.wikipedia.org/wiki/X)": true, // a review's false alarms
		"[https://example.com,](https://example.com/)":                         true,
		"[https://www.theguardian.co…](https://www.theguardian.com/world/x)":   true,
		"[https://www.theguardian.com/wor…](https://evil.example.net/)":        false,
		"[www.good.example.com/a/b…](https://evil.example.net/x)":              false, // a read of the change
		"[www.theguardian.co…](https://www.theguardian.com/world/x)":           true,
		"[~~https://good.example.com/login~~](https://evil.example.net/)":      false,
		"[\"https://good.example.com/login\"](https://evil.example.net/)":      false,
		"[https://good.example.com/t](/t)":                                     true,
		"![https://good.example.com/t](https://evil.example.net/i.png)":        true,
	} {
		dir := t.TempDir()
		text := "---\ntitle: Links\ndate: 2017-03-03\n---\nRead " + body + " now.\n"
		if err := os.WriteFile(filepath.Join(dir, "l.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		arch, _ := Load(os.DirFS(dir))
		a, ok := arch.Resolve([]string{"l.md"})
		if !ok {
			t.Fatal("no l.md")
		}
		if got := !strings.Contains(a.Body, `]\(`); got != live {
			t.Errorf("%s: body %q, a live link: %v, want %v", body, a.Body, got, live)
		}
	}
}
