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

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// escapable is the ASCII punctuation CommonMark lets a backslash escape
// (spec 0.31, 2.4).
const escapable = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// escapeContexts are Markdown holding "a \X b" ("%c" the X) in each place
// a reader shows text: a backslash escape there is the character alone,
// in code the backslash and the character.
var escapeContexts = []struct {
	name, md string
	code     bool
}{
	{"paragraph", "a \\%c b", false},
	{"emphasis", "*a \\%c b*", false},
	{"strong", "**a \\%c b**", false},
	{"struck", "~~a \\%c b~~", false},
	{"list item", "- a \\%c b", false},
	{"ordered item", "1. x\n2. a \\%c b", false},
	{"table cell", "| h |\n|---|\n| a \\%c b |", false},
	{"link text", "[a \\%c b](https://e.org/u)", false},
	{"table link", "| h |\n|---|\n| [a \\%c b](https://e.org/v) |", false},
	{"heading", "# a \\%c b", false},
	{"setext heading", "a \\%c b\n===", false},
	{"blockquote", "> a \\%c b", false},
	{"image text", "![a \\%c b](x.png)", false},
	{"table image", "| h |\n|---|\n| ![a \\%c b](x.png) |", false},
	{"definition", "t\n: a \\%c b", false},
	{"with a new line's reference", "a \\%c b&#10;c", false}, // lineBreaks' path
	{"code span", "`` a \\%c b ``", true},
	{"code block", "```\na \\%c b\n```", true},
	{"code block of a language", "```go\na \\%c b\n```", true},
	{"indented code", "    a \\%c b", true},
	{"code in a list item", "- x\n\n  ```\n  a \\%c b\n  ```", true},
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
// backslash), and a code block's `a \! b` showed `a ! b` in the plain and
// notty styles (codeBackslashesTwice). Each case is checked against
// goldmark's rendering, in the styles the reader and folio show use.
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
			if want != map[bool]string{true: `a \` + string(x) + " b", false: "a " + string(x) + " b"}[c.code] {
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

// A quote kept where the text showed an escape's backslash ("costs \$5",
// before TestBackslashEscapesAsCommonMark's fix) is found in the text
// shown now ("costs $5"): matching reads letters and digits alone
// (state's fold). The selector is one folio quotes add kept on that text
// (a build before the fix, of the same piece; its JSON's fields), and
// QuoteText is the text folio show prints and the reader anchors in.
func TestQuoteKeptOverEscapesIsFound(t *testing.T) {
	a, probs := archive.Parse("costs.md", []byte("---\ntitle: What it costs\ndate: 2020-03-01\noutlet: The Paper\n---\n\n"+
		`The ticket costs \$5, or 50\% of the old fare: \"cheap\", it\'s said, \~ a bargain at 5\,000 a year.`+
		"\n\nA second paragraph follows here.\n"))
	if archive.IsFatal(probs) {
		t.Fatal(probs)
	}
	text, err := QuoteText(a, func([]string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	kept := state.Selector{
		Exact:    `costs \$5, or 50\% of the old fare: \"cheap\", it\'s said`,
		Prefix:   "costs The Paper · 1 March 2020 The ticket",
		Suffix:   `, \~ a bargain at 5\,000 a year. A second paragraph`,
		Position: 38,
	}
	start, end, ok := state.NewText(text).Locate(kept)
	if !ok {
		t.Fatalf("the quote kept is not found in\n%s", text)
	}
	if got, want := strings.Join(strings.Fields(text[start:end]), " "), `costs $5, or 50% of the old fare: "cheap", it's said`; got != want {
		t.Errorf("the quote kept is found at %q, want %q", got, want)
	}
}
