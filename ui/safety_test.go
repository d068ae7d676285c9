package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/internal/termsafe"
)

// TestHostileTextNeverReachesTheTerminal gives the interface a Searcher that
// returns raw hostile text (as if the archive's sanitiser had been bypassed)
// and checks that no screen carries the sequences: clipboard writes, title
// changes, BEL, C1 controls, bidi overrides.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	evil := "\x1b]52;c;cm0gLXJmIH4=\a\x1b]0;pwned\a\x1b[2J\x07\u009b31m\u202eevil"
	as := testArticles()
	as[0].Title += evil
	as[0].Outlet += evil
	as[0].Tags = append(as[0].Tags, "tag"+evil)
	as[0].Note += evil
	as[0].Body += "\n\n" + evil + "\n"
	as[0].Authors = []string{"Author" + evil}
	h := newHarness(t, newFake(as...), 100, 30)
	check := func(where string) {
		t.Helper()
		v := h.m.View().Content
		if bad := termsafe.Violation(v, false); bad != "" {
			t.Errorf("%s: the screen has %s", where, bad)
		}
		// BEL itself is allowed raw only as the terminator of folio's own
		// OSC 8 hyperlink; the stripped text below must not contain it.
		for _, bad := range []string{"]52;", "]0;pwned", "\x1b[2J", "\u009b", "\u202e"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s: the screen carries %q", where, bad)
			}
		}
		for _, r := range ansi.Strip(v) {
			if r < 0x20 && r != '\n' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Errorf("%s: visible text carries control %U", where, r)
				break
			}
		}
	}
	check("list")
	h.key("/")
	h.typeText("raqqa")
	h.key("enter")
	check("list with a query")
	h.key("enter")
	check("reader")
	h.key("tab") // no-op in the reader
	h.key("esc", "tab")
	check("sidebar")
}

// TestReferencesInCodeAndHTMLWriteNoSequence renders character references to
// ESC where Glamour decodes them itself (code spans, HTML blocks and spans,
// a note's code span): the page, cleaned as show and the reader clean it,
// must hold no colour or hyperlink the piece wrote. termsafe.Rendered keeps
// SGR and http(s) OSC 8, so these passed it: "`&#27;[8m`" hid text.
func TestReferencesInCodeAndHTMLWriteNoSequence(t *testing.T) {
	for _, md := range []string{
		"Code `&#27;[8mHIDDEN&#27;[0m` here.",
		"Code `&#x1B;[5mBLINK` and `&#0027;[5mBLINK` and `&#27[5mBLINK`.",
		"Overflow `&#4294967323;[5mBLINK`.",
		"Link `&#27;]8;;https://evil.example/&#7;click&#27;]8;;&#7;` here.",
		"<p>&#27;[8mHIDDEN</p>",
		"Span <b>&#x1b;[5mBLINK</b> here.",
		"- [ ] task `&#27;[8mHIDDEN`",
		"~~strike `&#27;[8mHIDDEN`~~",
		"Term\n: def `&#27;[8mHIDDEN`",
		"Bidi `&#8238;evil` and C1 `&#155;2J`.",
	} {
		for _, style := range []string{"dark", "notty"} {
			lines, _, err := RenderMarkdown(md, 80, style)
			if err != nil {
				t.Fatalf("%q: %v", md, err)
			}
			page := termsafe.Rendered(strings.Join(lines, "\n"))
			for _, bad := range []string{"\x1b[8m", "\x1b[5m", "\x1b[0m", "\x1b]8;;https://evil", "\u202e"} {
				if strings.Contains(page, bad) {
					t.Errorf("%s: %q renders to a page with %q:\n%q", style, md, bad, page)
				}
			}
		}
	}
	// As CommonMark has them, references outside code still decode.
	lines, _, err := RenderMarkdown("Caf&#233; `&#233;`", 80, "notty")
	if err != nil || !strings.Contains(strings.Join(lines, "\n"), "Café") {
		t.Errorf("a harmless reference is no longer decoded: %q, %v", lines, err)
	}
}

var inlineAsWritten = regexp.MustCompile(`inline[ \x{a0}]+&#8238;[ \x{a0}]+or[ \x{a0}]+&#169;[ \x{a0}]+or[ \x{a0}]+&amp;[ \x{a0}]*, text © and \x{FFFD}x\.`)

// Code shows references as written, controls' too: nothing decodes them in
// a code block, and CommonMark decodes none in a code span (Glamour did:
// "`&#169;`" showed ©). Defused, a block's "&#8238;" showed as U+FFFD.
// Outside code a reference to a control is still U+FFFD, and the page holds
// no control either way.
func TestCodeShowsReferencesAsWritten(t *testing.T) {
	md := "```html\n<p>&#8238;reversed &#169; &#x2066;isolated&#x2069; &amp;</p>\n```\n\n" +
		"    indented &#27;[8m &#169;\n\n" +
		"and inline `&#8238;` or `&#169;` or `&amp;`, text &#169; and &#8238;x.\n\n" +
		"| a |\n|---|\n| `&#27;[5m` |\n"
	for _, style := range []string{"dark", "notty"} {
		lines, _, err := RenderMarkdown(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		page := ansi.Strip(termsafe.Rendered(strings.Join(lines, "\n")))
		for _, want := range []string{
			"<p>&#8238;reversed &#169; &#x2066;isolated&#x2069; &amp;</p>",
			"indented &#27;[8m &#169;",
			"&#27;[5m",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q:\n%s", style, want, page)
			}
		}
		// Glamour pads a code span with a no-break space each side in some styles
		if !inlineAsWritten.MatchString(page) {
			t.Errorf("%s: code spans not as written:\n%s", style, page)
		}
		raw := strings.Join(lines, "\n")
		if strings.ContainsAny(raw, "\u202e\u2066\u2069") || strings.Contains(raw, "\x1b[8m") || strings.Contains(raw, "\x1b[5m") {
			t.Errorf("%s: a control was written: %q", style, raw)
		}
	}
}

// An unclosed fence at the piece's end (a body is stored without its last
// new line) showed its code with the first byte of its first line a new
// line, when a line held a reference to a control ("```\nABCDEF
// &#8;\nGHI" showed a blank line and "BCDEF &#8;"; an attack's piece
// "inks:" for "Links:"): goldmark's Segment.Value wrote the new line its
// last line lacked into what writeCode had appended to the source. It
// shows as the closed fence does.
func TestUnclosedFenceAtTheEndShowsItsCodeWhole(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"```\nABCDEF &#8;\nGHI", "ABCDEF &#8;\nGHI"},
		{"```\nABCDEF &#8;\nGHI\n", "ABCDEF &#8;\nGHI"},
		{"```\nABCDEF &#8;\nGHI\n```", "ABCDEF &#8;\nGHI"},
		{"Intro\n\n```\nswallowed\n\nLinks: [x](https://example.com/&#x202e;x) &#27;\ndone.", "swallowed\n\nLinks: [x](https://example.com/&#x202e;x) &#27;"},
		{"```go\nx := `&#7;`\n```\n\n    indented &#27;\n    last", "x := `&#7;`"},
		{"```go\nx := `&#7;`\n```\n\n    indented &#27;\n    last", "indented &#27;\nlast"},
	} {
		for _, style := range []string{"dark", "notty"} {
			lines, _, err := RenderMarkdown(c.md, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			var code []string
			for _, l := range lines {
				code = append(code, strings.TrimSpace(ansi.Strip(l)))
			}
			if page := strings.Join(code, "\n"); !strings.Contains(page, c.want) {
				t.Errorf("%s: %q renders as\n%s\nwithout %q", style, c.md, page, c.want)
			}
		}
	}
}

// defused.written gives back what any part of the defused text was.
func TestDefusedWrittenIsTheOriginal(t *testing.T) {
	for _, md := range []string{"", "plain", "a&#27;b", "&#8238;&#x2066;x&#169;&#x2069;", "&#169;x&#27;", "&#&#27;27;[8m", "\uFFFD&#7;\uFFFD"} {
		d := defuseReferences(md)
		if termsafe.ControlReferences(d.md) != nil {
			t.Errorf("%q defused is %q", md, d.md)
		}
		if got := d.written(0, len(d.md)); got != md {
			t.Errorf("%q: written %q", md, got)
		}
		if i := strings.Index(d.md, ";x"); i >= 0 {
			if got, want := d.written(i+1, len(d.md)), md[strings.Index(md, ";x")+1:]; got != want {
				t.Errorf("%q from x: written %q, want %q", md, got, want)
			}
		}
	}
}

// Glamour takes an image's alt text and a link's text in a table as
// written, decoding nothing: a code span there shows its "&" as "&", not
// the "&amp;" writeCode gives Glamour elsewhere, and its references as
// written, none of them a control.
func TestCodeInAltAndTableLinkAsWritten(t *testing.T) {
	md := "| a |\n|---|\n| [`x && y &#27;[5m`](http://x.org/) |\n\n" +
		"![`a & b &#27;[8m &#169;`](http://x.org/i.png)\n\n[`c & d`](http://y.org/)\n"
	for _, style := range []string{"dark", "notty"} {
		lines, _, err := RenderMarkdown(md, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		page := ansi.Strip(termsafe.Rendered(raw))
		if strings.Contains(page, "&amp;") {
			t.Errorf("%s: a code span shows &amp;:\n%s", style, page)
		}
		for _, want := range []string{"x && y &#27;[5m", "a & b &#27;[8m &#169;", "c & d"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q:\n%s", style, want, page)
			}
		}
		if strings.Contains(raw, "\x1b[8m") || strings.Contains(raw, "\x1b[5m") {
			t.Errorf("%s: a control was written: %q", style, raw)
		}
	}
}

// A one-digit reference without its ";" ("&#7") is shown as written in
// text, where nothing decodes it (CommonMark needs the ";", and
// html.UnescapeString leaves it); it was U+FFFD, defused as the HTML
// parser reads it (BEL). In an HTML block, which Glamour's sanitizer reads
// with that parser, it is still defused: no BEL is written.
func TestOneDigitReferenceAsWritten(t *testing.T) {
	for _, style := range []string{"dark", "notty"} {
		lines, _, err := RenderMarkdown("Room &#7 and item &#3 here, `&#8 x`.\n\n<p>Room &#7 x &#x7 y</p>\n\n    <div>&#7 z</div>\n", 80, style)
		if err != nil {
			t.Fatal(err)
		}
		raw := strings.Join(lines, "\n")
		page := ansi.Strip(termsafe.Rendered(raw))
		for _, want := range []string{"Room &#7 and item &#3 here,", "&#8 x", "Room \uFFFD x \uFFFD y", "<div>&#7 z</div>"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q:\n%s", style, want, page)
			}
		}
		// OSC 8 ends with BEL: none here, as nothing links
		if strings.ContainsAny(raw, "\a\x03\x07\x08") {
			t.Errorf("%s: a control was written: %q", style, raw)
		}
	}
}
