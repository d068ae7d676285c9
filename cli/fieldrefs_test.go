package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/termsafe"
)

// A front matter's references are read once, by the archive, and every
// command shows, counts and filters the text they read as, from the files
// and from a real index (a helper's report: `title:cafe` found both pieces
// but list, search and show printed "Caf&eacute; &amp; Co"; the authors
// facet had "Jos&eacute; Garc&iacute;a (1)" and "José García (1)" and
// --author García picked one piece; the tags caf&eacute; and café were two;
// show printed the standfirst "na&iuml;ve" the snippet printed "naïve").
func TestFrontMatterReferencesReadOnce(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.md": "---\ntitle: \"Caf&eacute; &amp; Co: Don&#8217;t &#27;[31mred\"\ndate: 2020-01-01\n" +
			"authors: [\"Jos&eacute; Garc&iacute;a\"]\noutlet: \"AT&amp;T Review\"\ntags: [\"caf&eacute;\", \"r&amp;d\"]\n" +
			"standfirst: \"A standfirst with na&iuml;ve words.\"\n---\nBody text about zebra.\n",
		"b.md": "---\ntitle: \"Café & Co plain\"\ndate: 2020-01-02\nauthors: [\"José García\", Bo Chan]\noutlet: \"AT&T Review\"\n" +
			"tags: [\"café\", \"r&d\"]\nstandfirst: \"A standfirst with naïve words.\"\n---\nBody text about zebra.\n",
		"c.md": "---\ntitle: Other\ndate: 2020-01-03\nauthors: [Ann Lee]\n---\nBody text.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := t.TempDir()
	if _, errOut, code := runIndexed(t, ix, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	noRef := func(how, out string) {
		t.Helper()
		for _, bad := range []string{"&eacute;", "&amp;", "&iuml;", "&#"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s prints %q:\n%s", how, bad, out)
			}
		}
		if v := termsafe.Violation(out, false); v != "" {
			t.Errorf("%s: %s", how, v)
		}
	}
	out, errOut, code := runIndexed(t, ix, "--archive", dir, "search", "title:cafe")
	noRef("search", out)
	for _, w := range []string{"Café & Co: Don’t [31mred", "A standfirst with naïve words.", "authors  José García (2)", "tags     café (2), r&d (2)", "2 of 2 hits"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("search title:cafe (%d) lacks %q:\n%s%s", code, w, out, errOut)
		}
	}
	for _, args := range [][]string{{"list", "--author", "García"}, {"list", "--tag", "café"}, {"search", "--author", "García", "zebra"}} {
		out, errOut, code := runIndexed(t, ix, append([]string{"--archive", dir}, args...)...)
		noRef(strings.Join(args, " "), out)
		if code != 0 || !strings.Contains(out, "Café & Co: Don’t") || !strings.Contains(out, "Café & Co plain") {
			t.Errorf("%s (%d) does not list both pieces:\n%s%s", args, code, out, errOut)
		}
	}
	out, errOut, code = runIndexed(t, ix, "--archive", dir, "show", "a")
	noRef("show", out)
	for _, w := range []string{"Café & Co: Don’t [31mred", "José García", "café, r&d", "A standfirst with naïve words."} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("show a (%d) lacks %q:\n%s%s", code, w, out, errOut)
		}
	}
	out, errOut, code = runIndexed(t, ix, "--archive", dir, "stats")
	noRef("stats", out)
	if code != 0 || strings.Count(out, "José García") != 1 || strings.Count(out, "café") != 1 {
		t.Errorf("stats (%d) counts one author and one tag twice:\n%s%s", code, out, errOut)
	}
}
