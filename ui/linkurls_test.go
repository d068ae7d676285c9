package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// ShownOf gives each URL the rendering shows after a link's text with
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
	if got := ShownOf(md).Links; !slices.Equal(got, want) {
		t.Fatalf("ShownOf(md).Links:\n got %q\nwant %q", got, want)
	}
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	prepared := state.NewTextAsRead(text, func() state.Shown { return ShownOf(md) })
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

// ShownOf gives the footnotes' markers a rendering shows, those the piece's
// source makes (archive writes a footnote's reference and a superscript's
// link to a note as a label in escaped brackets, "2019\[1\]"), each with
// the word before it, and the numbers Glamour shows after a table's links:
// a passage read without them is found. A label the piece writes in
// brackets as text ("Let f[x] and g[y] be maps") is none: "Let f and g be
// maps", words the piece does not show, is not found (a helper's report,
// 45e: folio quotes add kept it).
func TestShownOfGivesFootnoteMarkers(t *testing.T) {
	md := archive.Readable("Let f[x] and g[y] be maps, as in 2019[^1] and 2020<sup>[a](#fn-a)</sup>, **said**[^2][^3]. " +
		"Also `c\\[4\\]` and a[1] here.\n\n" +
		"| a | b |\n|---|---|\n| [cell link](https://example.com/t) said | x |\n\n" +
		"[^1]: One.\n[^2]: Two.\n[^3]: Three.\n")
	want := []state.Marker{
		{Before: "2019", Label: "1"}, {Before: "2020", Label: "a"}, {Before: "said", Label: "2"}, {Before: "said", Label: "3"},
		{Before: "link", Label: "1"},
	}
	if got := ShownOf(md).Markers; !slices.Equal(got, want) {
		t.Fatalf("markers of\n%s\n got %q\nwant %q", md, got, want)
	}
	lines, _, err := RenderMarkdown(md, 80, PlainStyle)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	prepared := state.NewTextAsRead(text, func() state.Shown { return ShownOf(md) })
	for _, p := range []string{
		"Let f[x] and g[y] be maps, as in 2019 and 2020, said.",
		"be maps, as in 2019[1] and 2020, said[3].",
		"cell link said",
	} {
		if _, _, ok := prepared.Find(p); !ok {
			t.Errorf("%q not found:\n%s", p, text)
		}
	}
	for _, p := range []string{"Let f and g be maps", "Let f[x] and g be maps", "Let f and g[y] be maps", "and a here"} {
		if _, _, ok := prepared.Find(p); ok {
			t.Errorf("%q found:\n%s", p, text)
		}
	}
}
