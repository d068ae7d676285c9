package termsafe

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// maxStack is the most combining marks s sets on one cell: marks after a
// character, characters of no width between them not ending the run.
func maxStack(s string) int {
	most, run := 0, 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me):
			run++
			most = max(most, run)
		case !zeroWidth(r):
			run = 0
		}
	}
	return most
}

// A name's or a message's marks past MaxMarks are escapes, so that they
// stack on no cell, and the name is whole (an attack's report: check
// printed a file name with 100 stacked accents, through Quote and
// Escape, which cut no marks); a name's marks up to MaxMarks are as
// written, and JSON keeps the value.
func TestNamesMarksCapped(t *testing.T) {
	zalgo := "bad" + strings.Repeat("\u0301", 100) + ".md"
	hidden := "x\u05d0" + strings.Repeat("\u05b0\u200b", 100) + ".md"
	for _, name := range []string{zalgo, hidden, "new\nline" + strings.Repeat("\u0301", 20)} {
		q := Quote(name)
		if n := maxStack(q); n > MaxMarks {
			t.Errorf("Quote(%+q) stacks %d marks", name, n)
		}
		if back, err := strconv.Unquote(q); err != nil || back != name {
			t.Errorf("Quote(%+q) = %s: unquoted %+q, %v", name, q, back, err)
		}
		msg := Escape("folio: " + name + ": 3: invalid front matter")
		if n := maxStack(msg); n > MaxMarks || Violation(msg, false) != "" {
			t.Errorf("Escape: %d marks on a cell, %s", n, Violation(msg, false))
		}
		j := JSON(`{"path":` + strconv.Quote(name) + `}`)
		if n := maxStack(j); n > MaxMarks {
			t.Errorf("JSON of %+q stacks %d marks", name, n)
		}
	}
	if got, want := Quote(zalgo), `"bad`+strings.Repeat("\u0301", 8)+strings.Repeat(`\u0301`, 92)+`.md"`; got != want {
		t.Errorf("Quote(zalgo) = %s, want %s", got, want)
	}
	if got, want := Escape("a "+zalgo), "a bad"+strings.Repeat("\u0301", 8)+strings.Repeat(`\u0301`, 92)+".md"; got != want {
		t.Errorf("Escape = %s, want %s", got, want)
	}
	for _, keep := range []string{"Vi\u1ec7\u0323t.md", "\u0915\u094d\u200d\u0937.md", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.md",
		"\U0001f468\u200d\U0001f469\u200d\U0001f467.md", "e" + strings.Repeat("\u0301", MaxMarks) + ".md"} {
		// (a name with a joiner is quoted, as it was, and JSON writes the
		// joiner \u200d; Escape keeps it, as it keeps a Persian title's
		// ZWNJ in list and search: a review)
		if q := Quote(keep); q != keep && q != strconv.Quote(keep) || Escape(keep) != keep || CapMarks(keep) != keep {
			t.Errorf("%+q changed: %+q %+q %+q", keep, Quote(keep), Escape(keep), CapMarks(keep))
		}
	}
}
