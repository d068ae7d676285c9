package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Hugo page's shortcodes, HTML and footnotes, and a Jekyll post's
// footnotes, come out of folio show as what the sites show.
func TestShowReadsSitesAsTheyShow(t *testing.T) {
	out, errOut, code := run(t, "--archive", "../testdata/hugo", "show", "content/posts/gopher-week")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"3 June 2024", "Ana Lima", "Rob Kerr",
		"[image: A gopher on a stage — The gopher, live] /images/gopher-stage.jpg", // plain text: no Markdown marks
		"[video: Keynote: Go at 15] https://www.youtube.com/watch?v=w7Ft2ymGmfc",
		"[tweet] https://x.com/golang/status/1453110110599868418",
		"[image] gophercon/stage.png",
		"[code: gophercon/handler.go]",
		"    $ go run handler.go\n    listening on :8080",
		"[image: The conference badge] /images/badge.png",
		"Slides are on the site https://example.com/slides.",
		"    fmt.Println(\"hello, gophers\")",
		"Someone summed it up[1] in a tweet:",
		"Thanks to everyone who came.[2]",
		"here (→ “The threat has evolved”)", "(→ “A page bundle post”)",
		"Notes:\n\n  1. The tweet is from the Go team's account.\n  2. And to the volunteers,",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	// by the paths the site gives them: a slug, an alias, a url (the
	// words as they run, whatever the wrapping)
	if want := "by a slug (→ “The threat has evolved”), an alias (→ “The threat has evolved”) and a url (→ “A page bundle post”)"; !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("show lacks %q:\n%s", want, out)
	}
	for _, gone := range []string{"{{image", "{{<  youtube", "{{raw", "[^", "<div", "<img"} {
		if strings.Contains(out, gone) {
			t.Errorf("show still holds %q", gone)
		}
	}
	out, _, _ = run(t, "--archive", "../testdata/jekyll", "show", "posts/2021-03-14-pi-day")
	if !strings.Contains(out, "14 March 2021") || !strings.Contains(out, "Ada Reader") || !strings.Contains(out, "bakes a pie.[1]") ||
		!strings.Contains(out, "2. In Synopsis Palmariorum Matheseos, page 263.") {
		t.Errorf("jekyll footnotes:\n%s", out)
	}
	out, _, _ = run(t, "--archive", "../testdata/zola", "show", "content/blog/sleeper-revival")
	for _, want := range []string{"Rail Review", "17 May 2023", "Mira Okafor", "night trains",
		"https://example.org/rail-review/sleeper-revival", "The Nightjet from Vienna now reaches Paris."} {
		if !strings.Contains(out, want) {
			t.Errorf("zola show lacks %q:\n%s", want, out)
		}
	}
}

// folio check of a Hugo site's content folder (or a folder in it) says
// to open the site's root, whose config the archive's scan does not see
// (a helper's report: a tags string split, unnoted); of the site's root,
// or of a content folder of no site, it says nothing of it.
func TestCheckNotesAHugoSitesContentFolder(t *testing.T) {
	site := t.TempDir()
	piece := "---\ntitle: P\ndate: 2020-01-01\ntags: \"Middle East\"\n---\nText.\n"
	for name, text := range map[string]string{"hugo.toml": "title = 'S'\n", "content/posts/p.md": piece, "other/content/q.md": piece,
		// a site whose config.toml names its content folder
		"named/config.toml": "contentDir = 'pages'\n", "named/pages/p.md": piece, "named/content/c.md": piece} {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		dir  string
		note bool
	}{{"content", true}, {"content/posts", true}, {"", false}, {"other/content", false}, {"named/pages", true}, {"named/content", false}} {
		_, errOut, code := run(t, "check", filepath.Join(site, c.dir))
		if code != 0 {
			t.Errorf("%s: exit %d: %s", c.dir, code, errOut)
		}
		if got := strings.Contains(errOut, "content folder of the Hugo site") && strings.Contains(errOut, "open the site's root"); got != c.note {
			t.Errorf("%q: noted %v, want %v:\n%s", c.dir, got, c.note, errOut)
		}
	}
}
