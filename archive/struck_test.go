package archive

import (
	"strings"
	"testing"
)

// Struck-through HTML stays struck, written as GFM writes it, so it does
// not read as live text (a helper's report: "<del>old</del> <ins>new</ins>,
// <s>gone</s>" read "old new, gone"), in a Markdown body's inline HTML and
// in HTML converted (folio add --html).
func TestStruckHTMLStaysStruck(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"Price: ~~$50~~ $30, and <del>old</del> <ins>new</ins>, <s>gone</s>.\n", "Price: ~~$50~~ $30, and ~~old~~ new, ~~gone~~.\n"},
		{"<STRIKE>a <em>b</em></STRIKE> c <del datetime=\"2020\">d</del>\n", "~~a b~~ c ~~d~~\n"},
		{"| x | <del>1</del> 2 |\n", "| x | ~~1~~ 2 |\n"},
		// not closed on its line: dropped, as any other tag
		{"<del>open\nclosed</del>\n", "open\nclosed\n"},
	} {
		if got := readableHTML(c.md); got != c.want {
			t.Errorf("readableHTML(%q) = %q, want %q", c.md, got, c.want)
		}
	}
	md, err := HTMLConverter().ConvertString("<p>was <del>$50</del> now <s>$40</s> <strike>x</strike> $30</p>")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(md), "was ~~$50~~ now ~~$40~~ ~~x~~ $30"; got != want {
		t.Errorf("HTML converted to %q, want %q", got, want)
	}
}
