package ui

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// TestCodeColoursAreTheSameEveryRender: a piece with highlighted code
// renders to the same bytes each time. chroma's 256-colour formatter took
// either of two palette colours as near as each other: the "dark" style's
// comments were 241 in some renders and 242 in others (three renders of
// 40 in one process).
func TestCodeColoursAreTheSameEveryRender(t *testing.T) {
	md := "# T\n\n```go\n// a comment here\npackage main\n\nfunc main() { x := \"s\"; _ = 1 + 2 }\n```\n\n" +
		"```python\n# comment\ndef f(x):\n    return x * 2  # more\n```\n"
	var first string
	for i := range 40 {
		lines, note, err := RenderMarkdown(md, 80, "dark")
		if err != nil || note != "" {
			t.Fatalf("%v, note %q", err, note)
		}
		got := strings.Join(lines, "\n")
		if i == 0 {
			first = got
			if !strings.Contains(got, "\x1b[38;5;241m# comment") {
				t.Fatalf("the comment is not in colour 241 (#626262, the first of the two as near as each other):\n%q", got)
			}
		} else if got != first {
			t.Fatalf("render %d differs from the first:\n%q\n%q", i, got, first)
		}
	}
}

// TestNearestPaletteColour: the nearest palette colour, the first of
// those as near.
func TestNearestPaletteColour(t *testing.T) {
	for in, want := range map[string]string{"#676767": "#626262", "#626262": "#626262", "#000001": "#000000", "#ff0001": "#ff0000", "#7f7f7f": "#808080"} {
		if got := nearestPaletteColour(chroma.MustParseColour(in)); got != chroma.MustParseColour(want) {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
	if got := nearestPaletteColour(0); got.IsSet() {
		t.Errorf("unset: %s", got)
	}
	if len(palette256) != 256 {
		t.Errorf("%d palette colours", len(palette256))
	}
}
