package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
