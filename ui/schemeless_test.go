package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A URL written without its scheme shows as written (41f: "www.example.org"
// showed "http://www.example.org", the scheme GFM's linkify takes for it),
// a hyperlink over http still; a link to one too, where Glamour showed
// "/www.foo.com", and a URL written with its scheme as before.
func TestURLWithoutSchemeShowsAsWritten(t *testing.T) {
	md := "Visit www.example.org today, [the foo](www.foo.com), https://e.com/x and " +
		"www.Example.org/a_path?q=1 or a@b.org.\n"
	for _, style := range []string{"dark", PlainStyle} {
		lines, _, err := RenderMarkdown(md, 200, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		shown := strings.Join(strings.Fields(ansi.Strip(raw)), " ")
		want := "Visit www.example.org today, the foo www.foo.com, https://e.com/x and www.Example.org/a_path?q=1 or a@b.org."
		if shown != want {
			t.Errorf("%s: shown %q, want %q", style, shown, want)
		}
		for _, link := range []string{"http://www.example.org", "http://www.foo.com", "https://e.com/x", "http://www.Example.org/a_path?q=1"} {
			if !strings.Contains(raw, ";"+link+"\a") {
				t.Errorf("%s: no hyperlink to %s in %q", style, link, raw)
			}
		}
	}
}
