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

// A direction mark is kept by its paragraph's right-to-left letters, not
// its line's: a hard-wrapped Arabic paragraph's mark on a line of Latin
// text and digits places them among the Arabic of the lines around it
// (40rc: dropped, as a raw character and as a reference). In a paragraph
// of no right-to-left letter it goes, a blank line away from Arabic too.
func TestDirectionMarkKeptByItsParagraph(t *testing.T) {
	dir := t.TempDir()
	body := "\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633\n" +
		"(C++ 12 - 34)\u200f and 5 - 6&rlm; here\n" +
		"\u0641\u064a \u0627\u0644\u0645\u0624\u062a\u0645\u0631.\n\n" +
		"Plain 7 - 8\u200f and 9 - 10&rlm; there\n"
	text := "---\ntitle: Arabic\ndate: 2017-01-03\n---\n" + body
	if err := os.WriteFile(filepath.Join(dir, "ar.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	arch, probs := Load(os.DirFS(dir))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	a, ok := arch.Resolve([]string{"ar.md"})
	if !ok {
		t.Fatal("no ar.md")
	}
	for _, want := range []string{"(C++ 12 - 34)\u200f and 5 - 6&rlm; here", "Plain 7 - 8 and 9 - 10 there"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body %+q: want %+q in it", a.Body, want)
		}
	}
	if got := Sanitize("\u05e9\u05dc\u05d5\u05dd\n12 - 34\u200f\n\n56\u200f"); got != "\u05e9\u05dc\u05d5\u05dd\n12 - 34\u200f\n\n56" {
		t.Errorf("Sanitize: %+q, want the mark of the Hebrew paragraph alone kept", got)
	}
}
