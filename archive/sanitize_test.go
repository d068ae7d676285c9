package archive

import (
	"strings"
	"testing"
)

// A sequence cut off loses its introducer alone: the text after it stays,
// in a field, in the body, and from an entity in an HTML block (a helper's
// report: a stray ESC ], ESC _ or &#27;] emptied the rest of the piece or
// title, and search found none of it).
func TestCutOffSequenceKeepsTheText(t *testing.T) {
	for _, in := range []string{
		"A stray \x1b] then SECRET here",
		"A stray \x1b_ then SECRET here",
		"A stray \x1bP then SECRET here",
		"A C1 \u009d then SECRET here",
		"A whole \x1b]0;title\a one, then SECRET here",
	} {
		got := Sanitize(in)
		if !strings.Contains(got, "SECRET here") || strings.ContainsAny(got, "\x1b\a\u009d") || strings.Contains(got, "title") {
			t.Errorf("Sanitize(%q) = %q: want the text after the sequence, and no sequence", in, got)
		}
	}
	src := "---\ntitle: \"Title \\e] SECRETTITLE\"\ndate: 2019-01-01\n---\n\nA stray \x1b]\n\nSECRETONE paragraph.\n\n<p>An entity &#27;] inside HTML SECRETTWO</p>\n"
	a, probs := Parse("x.md", []byte(src))
	if IsFatal(probs) {
		t.Fatal(probs)
	}
	if !strings.Contains(a.Title, "SECRETTITLE") || !strings.Contains(a.Body, "SECRETONE") || !strings.Contains(a.Body, "SECRETTWO") ||
		strings.ContainsRune(a.Title+a.Body, 0x1b) {
		t.Errorf("title %q, body %q: want every word, no ESC", a.Title, a.Body)
	}
}
