package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestCheckURL(t *testing.T) {
	good := []string{
		"https://www.telegraph.co.uk/news/2017/10/19/raqqa/",
		"http://example.com",
		"https://example.com:8443/a?b=c&d=e#f",
		"https://[::1]/x",
		"https://xn--bcher-kva.example/",
	}
	evil := map[string]string{
		"":                                     "no URL",
		"javascript:alert(1)":                  "http(s)",
		"JavaScript:alert(document.cookie)":    "http(s)",
		"file:///etc/passwd":                   "http(s)",
		"data:text/html,<script>x</script>":    "http(s)",
		"-https://example.com":                 "'-'",
		"--new-window=https://evil":            "'-'",
		"https://example.com/a b":              "spaces",
		"https://example.com/\nfile:///etc":    "spaces",
		"https://example.com/\x1b]52;c;aGk=\a": "control",
		"https:///nohost":                      "host",
		"https:":                               "host",
		"ftp://example.com/x":                  "http(s)",
		"//example.com/x":                      "http(s)",
		"example.com":                          "http(s)",
		"https://exa\u202emple.com":            "control",
	}
	for _, u := range good {
		if err := checkURL(u); err != nil {
			t.Errorf("checkURL(%q) = %v, want ok", u, err)
		}
	}
	for u, why := range evil {
		err := checkURL(u)
		if err == nil {
			t.Errorf("checkURL(%q) passed", u)
			continue
		}
		if !strings.Contains(err.Error(), why) {
			t.Errorf("checkURL(%q) = %q, want it to say %q", u, err, why)
		}
		if strings.ContainsAny(err.Error(), "\x1b\a\n\u202e") {
			t.Errorf("the message for %q carries control characters: %q", u, err)
		}
	}
}

func TestBrowserCommand(t *testing.T) {
	const u = "https://example.com/?q=a;b"
	cases := []struct {
		env  string
		want []string
	}{
		{"firefox", []string{"firefox", u}},
		{"firefox --new-tab", []string{"firefox", "--new-tab", u}},
		{"  open   -a Safari ", []string{"open", "-a", "Safari", u}},
		{`"/Applications/My Browser.app/run" --x`, []string{"/Applications/My Browser.app/run", "--x", u}},
		{`'/opt/my browser/bin' %s --flag`, []string{"/opt/my browser/bin", u, "--flag"}},
		{`/opt/my\ browser`, []string{"/opt/my browser", u}},
		{`echo $(rm -rf ~); ls | cat`, []string{"echo", "$(rm", "-rf", "~);", "ls", "|", "cat", u}},
		{`w3m --url=%s`, []string{"w3m", "--url=" + u}},
	}
	for _, c := range cases {
		got, err := browserCommand(c.env, u)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("browserCommand(%q) = %q, %v; want %q", c.env, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "   ", `"unterminated`, `trailing\`} {
		if _, err := browserCommand(bad, u); err == nil {
			t.Errorf("browserCommand(%q) accepted", bad)
		}
	}
}

// TestOpenURLScriptCapture runs a real $BROWSER script without a shell and
// checks it got exactly the URL, as one argument, with stdout/stderr of the
// script kept off the terminal.
func TestOpenURLScriptCapture(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browse")
	body := "#!/bin/sh\necho scribble\necho scribble >&2\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '" + out + "'\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	const u = "https://example.com/a?x=1&y=$(id)"
	if err := openURL(u, script+" --new-tab"); err != nil {
		t.Fatal(err)
	}
	waitFileContent(t, out, "[--new-tab]\n["+u+"]\n")
}

func TestOpenURLReportsBrowserFailure(t *testing.T) {
	if err := openURL("https://example.com", "false"); err == nil || !strings.Contains(err.Error(), "failed") {
		t.Errorf("a failing $BROWSER gave %v", err)
	}
	if err := openURL("https://example.com", "/nonexistent/browser"); err == nil {
		t.Error("a missing $BROWSER gave no error")
	}
	if err := openURL("file:///etc/passwd", "true"); err == nil {
		t.Error("file: URL opened")
	}
}

func TestOpenURLDoesNotWaitForALongRunningBrowser(t *testing.T) {
	// A browser that stays open until the test lets it go: openURL must
	// come back while it runs. A hang, not a time, is what fails.
	dir := t.TempDir()
	release := filepath.Join(dir, "release")
	script := filepath.Join(dir, "browse")
	// It ends when released, or when the test's folder is gone: the
	// folder's removal (a cleanup too) could come before the script saw
	// the release, and it looped on forever (seven left running after a
	// day's test runs, 2026-12-04).
	body := "#!/bin/sh\nwhile [ -d '" + dir + "' ] && [ ! -e '" + release + "' ]; do sleep 0.1; done\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.WriteFile(release, nil, 0o644) })
	done := make(chan error, 1)
	go func() { done <- openURL("https://example.com", script) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(cmdHangGuard):
		t.Fatal("openURL waits for a browser that stays open")
	}
}

// o and y on a piece without a URL say so alike, and on one whose url
// was dropped as invalid, that it was and why (a helper's report: "This
// piece has no URL" and "this piece has no URL", of a piece whose url:
// javascript:… was refused when its file was read). On a real index.
func TestNoURLSaysWhetherItWasDropped(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	for name, fm := range map[string]string{
		"dropped": "title: Dropped\ndate: 2019-01-02\nurl: javascript:alert(1)",
		"none":    "title: None\ndate: 2019-01-01",
		// a source dropped: o never opens a source, so it says nothing
		// of it (an attack's report: "This piece's URL was dropped as
		// invalid (source: …)")
		"sourced": "title: Sourced\ndate: 2019-01-03\nsource: javascript:alert(2)",
		// a url dropped, a source kept: o and y use the source and say
		// why (49u: the source was opened with nothing said)
		"both": "title: Both\ndate: 2019-01-04\nurl: javascript:alert(3)\nsource: https://example.com/s",
	} {
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte("---\n"+fm+"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts, ix := liveIndexOptions(t, arch)
	opts.OpenIndex = func(context.Context, func(int, int)) (Searcher, Info, error) {
		return ix, Info{Count: ix.Count(), Problems: ix.Problems()}, nil
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireMatch(`4 of 4`)
	h.key("enter")
	h.key("y")
	if foot := strings.TrimSpace(footerLine(h.screen())); foot != `Copied URL: https://example.com/s · the source: its URL was dropped as invalid (! says why)` {
		t.Errorf("Both, y: %q", foot)
	}
	h.key("esc")
	for _, c := range []struct{ title, want string }{
		{"Sourced", "This piece has no URL"},
		{"Dropped", `This piece's URL was dropped as invalid (url: not an http(s) URL: "javascript:alert(1)")`},
		{"None", "This piece has no URL"},
	} {
		for n := 0; ; n++ {
			if hit, _ := h.m.list.selected(); hit.Title == c.title || n > 2 {
				break
			}
			h.key("j")
		}
		h.key("enter")
		for _, k := range []string{"o", "y"} {
			h.key(k)
			if foot := footerLine(h.screen()); strings.TrimSpace(foot) != c.want {
				t.Errorf("%s, %s: %q, want %q", c.title, k, strings.TrimSpace(foot), c.want)
			}
		}
		h.key("esc")
	}
}
