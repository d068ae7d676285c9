package ui

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
)

// escapedRefCases are Markdown whose "&" a backslash escapes, or whose
// backslash one escapes before a reference, and the text CommonMark shows
// of it (spec 0.31, 2.4: "\&ouml; not a character entity"; goldmark
// renders each so).
var escapedRefCases = []struct{ md, want string }{
	{`x \&#92; y`, `x &#92; y`},
	{`x \&amp; y`, `x &amp; y`},
	{`x \&ouml; y`, `x &ouml; y`},
	{`a \& b`, `a & b`},
	{`x \\&#92; y`, `x \\ y`},           // an escaped backslash, then a reference to one
	{`x \\\&#92; y`, `x \&#92; y`},      // a backslash, then an escaped "&"
	{`x \&#10; y`, `x &#10; y`},         // no new line
	{`x \&#10; y&#10;z`, `x &#10; y z`}, // lineBreaks' path: a Text with a new line's reference
	{`x \&#92;[2\&#92;] y`, `x &#92;[2&#92;] y`},
	{`[x \&#92; y](https://e.org/u) z`, `x &#92; y`},
}

// The reader shows an escaped "&" as CommonMark does, a literal "&" that
// begins no reference: `x \&#92; y` showed `x \\ y` (Glamour decodes
// "&#92;" and keeps the backslash, which backslashRefs wrote as an escaped
// one), goldmark's text "x &#92; y". Each case is checked against
// goldmark's own rendering of it too, and in an image's text and a table's
// link, where Glamour shows the text as written (decodeRawTexts).
func TestEscapedAmpersandIsLiteral(t *testing.T) {
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, c := range escapedRefCases {
		var b bytes.Buffer
		if err := goldmark.Convert([]byte(c.md), &b); err != nil {
			t.Fatal(err)
		}
		// (HTML's white space, a new line of "&#10;" too, shows as a space)
		if got := strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(b.String(), ""))), " "); !strings.Contains(got, c.want) {
			t.Fatalf("goldmark renders %q as %q, not %q: the case is wrong", c.md, got, c.want)
		}
		for _, md := range []string{c.md, "![" + c.md + "](x.png)", "| a |\n|---|\n| [" + c.md + "](https://e.org/v) |"} {
			if strings.HasPrefix(c.md, "[") && md != c.md {
				continue // a link in a link
			}
			lines, note, err := RenderMarkdown(md+"\n", 100, PlainStyle)
			if err != nil || note != "" {
				t.Fatalf("%q: %v %q", md, err, note)
			}
			if got := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, "\n"))), " "); !strings.Contains(got, c.want) {
				t.Errorf("%q shows\n%s\nwant %q in it", md, got, c.want)
			}
		}
	}
}
