package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A direction mark (U+200E, U+200F) on a line of no right-to-left letter
// is dropped wherever a piece holds text, written as itself or as a
// reference: "The committee voted \u200f12 - 34\u200f against" showed
// "34 - 12" in a terminal that applies the bidi algorithm (an attack's
// report: kept beside digits and punctuation in a body, a standfirst, a
// note, a heading and a table cell, as &rlm; and &#x200F; too). On a line
// with Hebrew it stays, placing the punctuation there. Read by Load from
// real files.
func TestStrayDirectionMarksAreDropped(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"v.md": "---\ntitle: \"Final tally \u200f12 - 34\u200f votes\"\ndate: 2017-01-01\n---\n" +
			"The committee voted \u200f12 - 34\u200f against the motion. Also by reference: &rlm;12 - 34&rlm; and &#x200F;7 - 9&#x200F; and &lrm;&#8207;5 - 6&#8206;.\n",
		"w.md": "---\ntitle: T2\ndate: 2017-01-02\nstandfirst: \"Tally \u200f12 - 34\u200f votes\"\nnote: \"My note \u200f12 - 34\u200f\"\n---\n" +
			"# Head \u200f12 - 34\u200f\n\n| a |\n|---|\n| \u200f12 - 34\u200f |\n| &rlm;1 - 2&rlm; |\n",
		"he.md": "---\ntitle: Hebrew\ndate: 2017-01-03\n---\n" +
			"\u05d1-C++\u200f. and \u05e9\u05dc\u05d5\u05dd 12 - 34&rlm; and &#x5d0; 7&rlm;\n\nplain 1 - 2&rlm; here\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, probs := Load(os.DirFS(dir))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	marks := func(s string) bool {
		for _, m := range []string{"\u200e", "\u200f", "&rlm;", "&lrm;", "&#x200F;", "&#8207;", "&#8206;"} {
			if strings.Contains(s, m) {
				return true
			}
		}
		return false
	}
	for _, name := range []string{"v.md", "w.md"} {
		a, ok := arch.Resolve([]string{name})
		if !ok {
			t.Fatalf("no %s", name)
		}
		for field, s := range map[string]string{"title": a.Title, "body": a.Body, "standfirst": a.Standfirst, "note": a.Note} {
			if marks(s) {
				t.Errorf("%s's %s keeps a direction mark: %+q", name, field, s)
			}
		}
		if !strings.Contains(a.Body+a.Title, "12 - 34") {
			t.Errorf("%s: the tally is gone: %+q", name, a.Body)
		}
	}
	he, _ := arch.Resolve([]string{"he.md"})
	for _, want := range []string{"\u05d1-C++\u200f.", "\u05e9\u05dc\u05d5\u05dd 12 - 34&rlm;", "&#x5d0; 7&rlm;", "plain 1 - 2 here"} {
		if !strings.Contains(he.Body, want) {
			t.Errorf("he.md's body %+q: want %+q in it", he.Body, want)
		}
	}
}
