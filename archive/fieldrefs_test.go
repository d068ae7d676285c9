package archive_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// A front matter's title, plain standfirst, authors, tags and note are
// read with their character references decoded, once, as the body's are
// shown and as the index reads them (a helper's report: the title
// "Caf&eacute; &amp; Co" was shown as written while title:cafe found it;
// "Jos&eacute; Garc&iacute;a" and "José García" were two authors, and
// --author García picked one of the two pieces `author:garcia` found;
// the tags caf&eacute; and café two tags). A reference to a control is
// dropped alone; a reference CommonMark does not decode ("&copy" without
// its ";", "&foo;") is text as written.
func TestFrontMatterReferencesAreDecoded(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.md": `---
title: "Caf&eacute; &amp; Co: Don&#8217;t &#x202e;evil&#x202c; and Au&#27;thor &#27;[31mred"
date: 2020-01-01
authors: ["Jos&eacute; Garc&iacute;a", {name: "R&amp;D Unit", organization: true}]
outlet: "AT&amp;T Review"
tags: ["caf&eacute;", "r&amp;d", "Middle&nbsp;East"]
description: "A na&iuml;ve &ldquo;standfirst&rdquo; &amp;eacute; kept once"
note: "Kept &copy; 2020, &copy and &foo; as written"
---
Body text.
`,
		"b.md": `---
title: "Café & Co plain"
date: 2020-01-02
authors: ["José García"]
tags: "café, r&d, caf&#233;s&#44; bars"
summary: "A na&iuml;ve *summary*"
---
Body text.
`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, probs, err := archive.Open(dir)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	a, _ := arch.Get("a")
	b, _ := arch.Get("b")
	for _, c := range []struct{ what, got, want string }{
		{"title", a.Title, "Café & Co: Don’t evil and Author [31mred"},
		{"authors", strings.Join(a.Authors, "|"), "José García|R&D Unit"},
		{"organizations", strings.Join(a.Organizations, "|"), "R&D Unit"},
		{"outlet", a.Outlet, "AT&T Review"},
		{"tags", strings.Join(a.Tags, "|"), "café|r&d|middle east"},
		{"standfirst", a.Standfirst, "A naïve “standfirst” &eacute; kept once"},
		{"note", a.Note, "Kept © 2020, &copy and &foo; as written"},
		{"b's tags", strings.Join(b.Tags, "|"), "café|r&d|cafés, bars"},
		{"b's standfirst", b.Standfirst, "A naïve summary"},
	} {
		if c.got != c.want {
			t.Errorf("%s %q, want %q", c.what, c.got, c.want)
		}
		if v := termsafe.Violation(c.got, false); v != "" {
			t.Errorf("%s %q: %s", c.what, c.got, v)
		}
	}
	// one author and one tag, whichever way each piece wrote it
	if got := (archive.Filter{Authors: []string{"García"}}).Keep(arch.Articles); len(got) != 2 {
		t.Errorf("--author García keeps %d pieces, want 2", len(got))
	}
	if got := (archive.Filter{Tags: []string{"café"}}).Keep(arch.Articles); len(got) != 2 {
		t.Errorf("--tag café keeps %d pieces, want 2", len(got))
	}
}

// hostileTexts are texts of a title, a name or a tag that hold what reads
// as a character reference, or nearly.
var hostileTexts = []string{
	"AT&amp;T", "&copy; 2020", "&copy 2020", "Don&#8217;t", "&#27;[31mred", "a &amp;amp; b",
	"&#&#27;27;", "&#x&#27;1b;", "R&D & co", "&", "&;", "&#;", "&#x;", "&#12345678;", "&#x1234567;",
	"&#0;", "&#xD800;", "&#128;", "&fjlig;", "&copyx;", "&CounterClockwiseContourIntegral;",
	"&amp", "&&amp;;", "&#27", "&#x1b", "&#65&#66;", "plain", "",
}

// PlainText is written so that DecodeReferences reads it back as it was.
func TestPlainTextReadsBack(t *testing.T) {
	for _, s := range hostileTexts {
		p := archive.PlainText(s)
		if got := archive.DecodeReferences(p); got != s {
			t.Errorf("PlainText(%q) = %q, read %q", s, p, got)
		}
		if !strings.Contains(s, "&") && p != s {
			t.Errorf("PlainText(%q) = %q, want it as it is", s, p)
		}
	}
	if got := archive.PlainText("AT&T &amp; R&D"); got != "AT&T &amp;amp; R&D" {
		t.Errorf("an & that begins no reference is written as it is: %q", got)
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := archive.PlainText(s)
		if got := archive.DecodeReferences(p); got != s {
			t.Fatalf("PlainText(%q) = %q, read %q", s, p, got)
		}
		// decoded, then sanitised: no control is left
		if v := termsafe.Violation(archive.SanitizeLine(archive.DecodeReferences(s)), false); v != "" {
			t.Fatalf("%q: %s", s, v)
		}
	})
}

// A reference is read as CommonMark reads one: with its ";", a name HTML5
// knows, at most seven digits or six hex digits.
func TestDecodeReferences(t *testing.T) {
	for in, want := range map[string]string{
		"caf&eacute;":              "café",
		"&#233;&#xe9;&#XE9;":       "ééé",
		"&#12345678;":              "&#12345678;",
		"&#x1234567;":              "&#x1234567;",
		"&#0; &#xD800; &#x110000;": "\uFFFD \uFFFD \uFFFD",
		"&#128;":                   "€",
		"&copy &copyx; &foo;":      "&copy &copyx; &foo;",
		"&fjlig;":                  "fj",
		"&amp;amp;":                "&amp;",
		"Au&#27;thor":              "Author",
		"x&#x202e;y":               "xy",
		"&#&#27;27;":               "&#27;",
		"AT&T":                     "AT&T",
		"&#65&#66;":                "&#65B",
		// a line's end is a new line (a helper's report: "war&#x2028;peace"
		// was warpeace)
		"war&#x2028;peace": "war\npeace",
		"a&#13;b &#x0D;":   "a\nb \n",
		"one&#8233;two":    "one\n\ntwo",
		"&#&#13;13;":       "&#\n13;",
		// as the HTML parser reads it too (termsafe.DefuseKeepingLines,
		// the importer's rule)
		"a&#13b": "a\nb",
	} {
		if got := archive.DecodeReferences(in); got != want {
			t.Errorf("DecodeReferences(%q) = %q, want %q", in, got, want)
		}
	}
}
