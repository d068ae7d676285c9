package cite

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-tui/folio/archive"
)

// A Markdown note, rendered, links only to the piece's URL, shown whole,
// and no entity in its text becomes a control character: a URL of a
// hostile page ("…/a[text](https://elsewhere)") or a title with "&#27;" in
// it cannot put a link of its own, or an escape, in the researcher's notes.
func TestMarkdownNoteLinksOnlyItsURL(t *testing.T) {
	for _, u := range []string{
		"https://x.example/a[click](http://evil.example)",
		"https://x.example/?a=1&#27;[2J&b=2",
		"https://x.example/<b>*x*`y`",
		"https://example.com/a_b",
	} {
		a := archive.Article{Title: "Q&A &#27;]0;t&#7; &#x202e; end", Authors: []string{"Ann Author"}, Outlet: "Times &amp; Post", URL: u}
		md := MarkdownCitation(a)
		var out bytes.Buffer
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &out); err != nil {
			t.Fatal(err)
		}
		links := regexp.MustCompile(`<a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(out.String(), -1)
		if len(links) != 1 || html.UnescapeString(links[0][1]) != strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) {
			t.Errorf("%s\nrenders links %q:\n%s", md, links, out.String())
		}
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(out.String(), ""))
		if strings.ContainsAny(text, "\x1b\x07\u202e") || !strings.Contains(text, "Q&A &#27;]0;t&#7; &#x202e; end") {
			t.Errorf("%s\nreads %q", md, text)
		}
	}
}
