package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/state"
)

// LinkURLs gives each URL the rendering shows after a link's text with
// that text as shown: a word a link is in whole, a table's link as listed
// under it, a relative one as written and as Glamour writes it; a link
// holding an image without its text (at any place); none of an autolink,
// a link shown as its URL or an image. With them a passage is found
// without the links' URLs, and with the same URL written as text.
func TestLinkURLsGiveTheirLinksText(t *testing.T) {
	md := "The programme was [expand](https://example.com/x)ed, see <https://example.com/a> and [https://example.com/s](https://example.com/s).\n\n" +
		"| a | b |\n|---|---|\n| [cell link](https://example.com/t) | x |\n\n" +
		"A [relative one](rel/path) and [![logo](https://example.com/i.png) home](https://example.com/h), ![img](https://example.com/j.png).\n\n" +
		"The address https://example.com/x is written out.\n"
	want := []state.Link{
		{Text: "expanded", URL: "https://example.com/x"},
		{Text: "cell link", URL: "https://example.com/t"},
		{Text: "relative one", URL: "rel/path"}, {Text: "relative one", URL: "/rel/path"},
		{Text: "", URL: "https://example.com/h"},
	}
	if got := LinkURLs(md); !slices.Equal(got, want) {
		t.Fatalf("LinkURLs:\n got %q\nwant %q", got, want)
	}
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	prepared := state.NewTextWithLinks(text, func() []state.Link { return LinkURLs(md) })
	for _, p := range []string{
		"The programme was expanded, see https://example.com/a",
		"[1]: cell link A relative one and",
		"written out", "The address https://example.com/x is written out",
	} {
		if _, _, ok := prepared.Find(p); !ok {
			t.Errorf("%q not found:\n%s", p, text)
		}
	}
	if _, _, ok := prepared.Find("The address is written out"); ok {
		t.Errorf("the address written out left out:\n%s", text)
	}
}
