package archive_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// A character reference to a control, decoded where the archive reads
// HTML (a block, an inline link or image, a summary), is one character,
// dropped alone: "Au&#x1b;thor" was "Auhor" (decoded to ESC t, then taken
// for a two-byte escape sequence), "&#x1b;[31m" vanished as a colour. A raw
// escape sequence in the file is still removed whole.
func TestReferencesToControlsKeepTheNextLetter(t *testing.T) {
	dir := t.TempDir()
	file := `---
title: References
author: Someone
date: 2020-01-03
summary: "Sum&#x1b;mary and &#x1b;[31mred &#x202e;rev"
---

<p>Ht&#x1b;ml block &#x9d;2J and Au&#x1b;thor &#x1b;]52;c;SGk=&#7;end</p>

Inline <a href="/x&#x1b;y">li&#x1b;nk</a> and <img src="/i.png" alt="Al&#x1b;t text"> here.

Raw ` + "\x1b[31mcolour\x1b[0m and \x1bcreset\x1b]0;title\x07 stay removed whole.\n"
	if err := os.WriteFile(filepath.Join(dir, "refs.md"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := arch.Get("refs")
	if !ok {
		t.Fatal("piece refs did not load")
	}
	if want := "Summary and [31mred rev"; a.Standfirst != want {
		t.Errorf("standfirst %q, want %q", a.Standfirst, want)
	}
	for _, want := range []string{"Html block 2J and Author ]52;c;SGk=end", "(/xy)", "image: Alt text", "Raw colour and reset stay removed whole."} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, s := range []string{a.Standfirst, a.Body} {
		if v := termsafe.Violation(s, false); v != "" {
			t.Errorf("%q: %s", s, v)
		}
	}
}

// A reference to a control removed leaves no other of what was around it:
// "&#&#27;27;" less its "&#27;" was "&#27;", then decoded to ESC, and the
// cleaning took it and the letters after it for an escape sequence (a
// helper's report: the summary "S &#&#27;27;[8mhidden&#&#27;27;[0m end"
// was "S hidden end", a link to "http://a.example/&#&#27;27;]0;H4&#&#7;7;"
// one to "http://a.example/D0;H4"). What is left reads as written.
func TestReferencesLeftByARemovalAreText(t *testing.T) {
	dir := t.TempDir()
	file := `---
title: Nested references
date: 2020-01-03
summary: "S &#&#27;27;[8mhidden&#&#27;27;[0m end &#x&#27;1b;[8mhex"
---

<div>Block &#&#27;27;[8mhidden1&#&#27;27;[0m and &#x&#27;1b;[8mhex1</div>

A <a href="http://a.example/&#&#27;27;]0;H4&#&#7;7;">link</a> here.
`
	if err := os.WriteFile(filepath.Join(dir, "nested.md"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := arch.Get("nested")
	if !ok {
		t.Fatal("piece nested did not load")
	}
	if want := "S &#27;[8mhidden&#27;[0m end &#x1b;[8mhex"; a.Standfirst != want {
		t.Errorf("standfirst %q, want %q", a.Standfirst, want)
	}
	// the block's text is Markdown that shows what is left as written:
	// its "&" as "&amp;" (archive.HTMLConverter), where "&#27;" would
	// show U+FFFD
	for _, want := range []string{"Block &amp;#27;[8mhidden1&amp;#27;[0m and &amp;#x1b;[8mhex1", "http://a.example/&#27;]0;H4&#7;"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	for _, s := range []string{a.Standfirst, a.Body} {
		if v := termsafe.Violation(s, false); v != "" {
			t.Errorf("%q: %s", s, v)
		}
	}
}
