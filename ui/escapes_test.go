package ui

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// escapable is the ASCII punctuation CommonMark lets a backslash escape
// (spec 0.31, 2.4).
const escapable = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// escapeContexts are Markdown holding "a \X b" ("%c" the X) in each place
// a reader shows text: a backslash escape there is the character alone,
// in code the backslash and the character.
var escapeContexts = []struct{ name, md string }{
	{"paragraph", "a \\%c b"},
	{"emphasis", "*a \\%c b*"},
	{"strong", "**a \\%c b**"},
	{"struck", "~~a \\%c b~~"},
	{"list item", "- a \\%c b"},
	{"ordered item", "1. x\n2. a \\%c b"},
	{"table cell", "| h |\n|---|\n| a \\%c b |"},
	{"link text", "[a \\%c b](https://e.org/u)"},
	{"table link", "| h |\n|---|\n| [a \\%c b](https://e.org/v) |"},
	{"heading", "# a \\%c b"},
	{"setext heading", "a \\%c b\n==="},
	{"blockquote", "> a \\%c b"},
	{"image text", "![a \\%c b](x.png)"},
	{"table image", "| h |\n|---|\n| ![a \\%c b](x.png) |"},
	{"definition", "t\n: a \\%c b"},
	{"with a new line's reference", "a \\%c b&#10;c"}, // lineBreaks' path
	{"code span", "`` a \\%c b ``"},
}

// commonMarkText is the text goldmark (CommonMark, with GFM and definition
// lists, as folio parses) shows of md, an image's alt text in its place,
// its white space one space.
func commonMarkText(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	h := regexp.MustCompile(`<img src="[^"]*" alt="([^"]*)"[^>]*>`).ReplaceAllString(b.String(), "$1")
	h = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(h, "")
	return strings.Join(strings.Fields(html.UnescapeString(h)), " ")
}

// The reader shows each backslash escape as CommonMark does, the character
// alone, in every place text is shown, and keeps the backslash in code:
// "costs \$5" showed "costs \$5" (Glamour reads the escapes of
// glamourEscapes alone; `\"`, `\$`, `\%`, `\'`, `\~` … kept their
// backslash). Each case is checked against goldmark's rendering, in the
// styles the reader and folio show use.
func TestBackslashEscapesAsCommonMark(t *testing.T) {
	for _, c := range escapeContexts {
		for _, x := range escapable {
			md := strings.ReplaceAll(c.md, "%c", string(x))
			cm := commonMarkText(t, md)
			i, j := strings.Index(cm, "a "), strings.LastIndex(cm, " b")
			if i < 0 || j < i {
				t.Fatalf("%s: goldmark shows %q of %q", c.name, cm, md)
			}
			want := cm[i : j+2]
			if inCode := strings.HasPrefix(c.md, "`"); want != map[bool]string{true: `a \` + string(x) + " b", false: "a " + string(x) + " b"}[inCode] {
				t.Fatalf("%s: goldmark shows %q of %q: the case is wrong", c.name, want, md)
			}
			for _, style := range []string{PlainStyle, "notty", "dark"} {
				lines, note, err := RenderMarkdown(md+"\n", 100, style)
				if err != nil || note != "" {
					t.Fatalf("%q: %v %q", md, err, note)
				}
				if got := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, "\n"))), " "); !strings.Contains(got, want) {
					t.Errorf("%s, %s: %q shows %q, want %q in it", c.name, style, md, got, want)
				}
			}
		}
	}
}
