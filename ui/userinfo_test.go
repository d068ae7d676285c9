package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// A URL never reads as another host than the one it opens: a url with a
// user name before its host ("https://www.nytimes.com@evil.example.net/…")
// is none (the reader's header shows none, o opens nothing; check names
// the host it would open: archive's TestURLWithUserinfoIsNoURL), and a URL too long for its room is cut in its path, or
// its host kept by its end, never cut before its host (an attack's
// report: "Opened in browser: https://www.nytimes.com:443.2017…", 60
// characters, the host evil.example.net cut off). Opened from a real
// index.
func TestReaderNeverHidesAURLsHost(t *testing.T) {
	dir := t.TempDir()
	const long = "https://www.nytimes.com.2017.03.02.opinion.trump-russia-investigation-full-text-html.evil.example.net/2017/03/02/opinion/x.html"
	for name, text := range map[string]string{
		"long.md": "---\ntitle: Long host\ndate: 2017-03-05\nurl: " + long + "\n---\nbody\n",
		"ui.md":   "---\ntitle: Userinfo url\ndate: 2017-03-02\nurl: \"https://www.nytimes.com@evil.example.net/2017/03/02/opinion/x.html\"\n---\nRead [NYT](https://www.nytimes.com@evil.example.net/x).\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opened := filepath.Join(dir, "opened")
	script := filepath.Join(t.TempDir(), "browser.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > '"+opened+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", script)
	ix, _ := realIndex(t, dir)
	st, warn := state.Open("userinfo", t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	d := newCountDriver(t, ix, st)
	d.settled()

	d.key("enter")
	d.until("the reader on long", func(m Model) bool {
		return m.focus == paneReader && m.reader.key.id == "long" && m.reader.ready
	})
	var header string
	for _, l := range strings.Split(screenOf(d.m), "\n") {
		if strings.Contains(l, "nytimes") || strings.Contains(l, "example.net") {
			header = l
		}
	}
	if !strings.Contains(header, "evil.example.net") {
		t.Errorf("the reader's URL line %q does not show the host's end, evil.example.net:\n%s", header, screenOf(d.m))
	}
	d.key("o")
	d.until("o's status", func(m Model) bool { return strings.Contains(m.status.text, "Opened in browser") })
	if s := d.m.status.text; !strings.Contains(s, "evil.example.net") {
		t.Errorf("o's status %q does not show the host it opened", s)
	}
	waitFileContent(t, opened, long+"\n")

	d.key("esc", "j", "enter")
	d.until("the reader on ui", func(m Model) bool {
		return m.focus == paneReader && m.reader.key.id == "ui" && m.reader.ready
	})
	screen := screenOf(d.m)
	if strings.Contains(screen, "nytimes.com/2017") {
		t.Errorf("the reader shows the url with a user name:\n%s", screen)
	}
	if !strings.Contains(screen, "https://www.nytimes.com@evil.example.net/x") {
		t.Errorf("the body's link with a user name does not show its URL whole:\n%s", screen)
	}
	if strings.Contains(strings.Join(d.m.reader.lines, "\n"), "\x1b]8;;https://www.nytimes.com@") {
		t.Errorf("the body's link with a user name is a live link")
	}
	d.key("o")
	d.until("o's status", func(m Model) bool {
		return m.status.text != "" && !strings.Contains(m.status.text, "Opened in browser")
	})
	if s := d.m.status.text; strings.Contains(s, "Opened") || strings.Contains(s, "nytimes") {
		t.Errorf("o on the url with a user name: %q, want it not opened", s)
	}
}

// A dropped URL quoted in the status line keeps its host, as o's line does
// (a read of the change: it was cut at 49 runes from the right).
func TestQuoteForStatusKeepsTheHost(t *testing.T) {
	u := "https://" + strings.Repeat("a", 60) + ".evil.example.net/path"
	if got := quoteForStatus(u); !strings.Contains(got, "evil.example.net") {
		t.Errorf("quoteForStatus(%q) = %s, want the host's end in it", u, got)
	}
}

// A link whose text reads as a URL or a domain of another site than its
// target reads as one site and opens the other (an attack's report: in a
// table cell the reader showed https://good.example.com/t alone, a live
// link to evil.example.net): rendered, it is text showing both, however
// its text is written — with references, over two lines, with "](" or an
// escaped "]" in it, a user name, a bare domain, a look-alike colon, or
// as a reference link (40i, 40rc: each stayed a live link when the body's
// raw lines were read). Its text's site and its target's being one
// (www., a subdomain, case, punycode), its text being no URL (Node.js) or
// a file's name of the target, a relative target, or an image, it stays
// a link. A shortener is another site. Read from a real archive's body.
func TestLinkTextOfAnotherSiteIsText(t *testing.T) {
	targetOf := regexp.MustCompile(`\]\(([^)\s]+)\)|\]: (\S+)`)
	for body, live := range map[string]bool{
		"[https://good.example.com/t](https://evil.example.net/t)":                                   false,
		"[**www.good.example.com**](https://evil.example.net/)":                                      false,
		"| a |\n|---|\n| [https://good.example.com/t](http://evil.net/) |":                           false,
		"[<https://good.example.com>](https://good.example.com.evil.net/)":                           false,
		"[https://xn--exmple-4nf.com/](https://example.com/)":                                        false,
		"[https://www.theguardian.com/wor…](https://evil.example.net/)":                              false,
		"[www.good.example.com/a/b…](https://evil.example.net/x)":                                    false,
		"[~~https://good.example.com/login~~](https://evil.example.net/)":                            false,
		"[\"https://good.example.com/login\"](https://evil.example.net/)":                            false,
		"[https&#58;//good.example.com/x](https://evil.example.net/x)":                               false,
		"[&#119;ww.good.example.com](https://evil.example.net/x)":                                    false,
		"[https://good.example.com/\nx](https://evil.example.net/x)":                                 false,
		"[https://good.\nexample.com/x](https://evil.example.net/x)":                                 false,
		"[https://good.example.com/x `](`](https://evil.example.net/x)":                              false,
		"[https://good.example.com/x\\]](https://evil.example.net/x)":                                false,
		"[https://www.good.example.com@evil.example.net/x](https://evil.example.net/x)":              false,
		"[paypal.com](https://evil.example.net/)":                                                    false,
		"[PayPal.com/signin](https://evil.example.net/)":                                             false,
		"[https\uA789//good.example.com/x](https://evil.example.net/x)":                              false,
		"[https\uFF1A//good.example.com/x](https://evil.example.net/x)":                              false,
		"[https:\u2571\u2571good.example.com/x](https://evil.example.net/x)":                         false,
		"[https:\u27cb\u27cbgood.example.com/x](https://evil.example.net/x)":                         false,
		"[https://good.example.com/t ![i](i.png)](https://evil.example.net/)":                        false,
		"![https://good.example.com/t](https://evil.example.net/i.png)":                              true,
		"[https://good.example.com/x][r]\n\n[r]: https://evil.example.net/x":                         false,
		"[https://good.example.com/x][]\n\n[https://good.example.com/x]: https://evil.example.net/x": false,
		"[https://example.com/a](https://t.co/x)":                                                    false, // a shortener: by design
		"[https://example.com/a](https://www.example.com/b)":                                         true,
		"[https://example.com](https://blog.example.com/x)":                                          true,
		"[HTTPS://Example.COM/a](https://example.com/a)":                                             true,
		"[https://exаmple.com/](https://xn--exmple-4nf.com/x)":                                       true,
		"[Node.js](https://nodejs.org/)":                                                             true,
		"[the report](https://evil.example.net/)":                                                    true,
		"[https://en.wikipedia.org/wiki/X](https://en.m.wikipedia.org/wiki/X)":                       true, // a review's false alarms
		"[https://example.com,](https://example.com/)":                                               true,
		"[https://www.theguardian.co…](https://www.theguardian.com/world/x)":                         true,
		"[www.theguardian.co…](https://www.theguardian.com/world/x)":                                 true,
		"[https://good.example.com/t](/t)":                                                           true,
		"[paypal.com](https://www.paypal.com/signin)":                                                true,
		"[README.md](https://github.com/x/y/blob/main/README.md)":                                    true,
		"[e.g. this](https://evil.example.net/)":                                                     true,
		"[https://www.nytimes.\ncom/x](https://www.nytimes.com/x)":                                   true,
		"[https://good.example.com/ is the page](https://good.example.com/p)":                        true,
		"[https://good.example.com/x][r]\n\n[r]: https://good.example.com/y":                         true,
		// a first word of another site, as a narrow cell or a wrapped
		// line shows it alone (a review, 41ra)
		"| a |\n|---|\n| [https://paypal.com .evil.net](https://paypal.com.evil.net/) |": false,
		"[paypal.com\n.evil.net/login](https://paypal.com.evil.net/login)":               false,
		"[Amazon.com shares](https://www.reuters.com/companies/AMZN.O)":                  true,
	} {
		dir := t.TempDir()
		text := "---\ntitle: Links\ndate: 2017-03-03\n---\nRead " + body + "\n"
		if err := os.WriteFile(filepath.Join(dir, "l.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		arch, _ := archive.Load(os.DirFS(dir))
		a, ok := arch.Resolve([]string{"l.md"})
		if !ok {
			t.Fatal("no l.md")
		}
		lines, _, err := RenderMarkdown(a.Body, 200, "dark")
		if err != nil {
			t.Fatal(err)
		}
		out := strings.Join(lines, "\n")
		m := targetOf.FindAllStringSubmatch(body, -1)
		target := m[len(m)-1][1] + m[len(m)-1][2]
		// a hyperlink to the link's target (an autolink in its text
		// opens what it shows)
		hyper := strings.Contains(out, "\x1b]8;id=") && strings.Contains(out, ";"+target+"\a")
		plain := ansi.Strip(out)
		if live && (!hyper || strings.Contains(plain, "](")) {
			t.Errorf("%q: rendered %q, want a live link", body, plain)
		}
		if !live && (hyper || !strings.Contains(plain, "](http")) {
			t.Errorf("%q: rendered %q (a hyperlink: %v), want text showing the text and the target", body, plain, hyper)
		}
	}
}
