package ui

import (
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
