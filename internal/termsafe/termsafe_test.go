package termsafe

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

func TestRenderedKeepsColoursAndWebLinks(t *testing.T) {
	for _, s := range []string{
		"plain text\n\twith a tab",
		"\x1b[1;38;5;212mTitle\x1b[0m \x1b[m\x1b[38:2::255:0:0mred\x1b[39m",
		"\x1b]8;;https://example.org/a?b=c#d\x07link\x1b]8;;\x07",
		"\x1b]8;;http://example.org\x07x\x1b]8;;\x07 café — “quoted” 日本語 \u200f",
	} {
		if got := Rendered(s); got != s {
			t.Errorf("Rendered(%q) = %q, want it unchanged", s, got)
		}
		if v := Violation(s, false); v != "" {
			t.Errorf("Violation(%q) = %s", s, v)
		}
	}
}

func TestRenderedDropsEverythingElse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\x1b]0;PWNED\x07b", "ab"},
		{"a\x1b]2;T\x1b\\b", "ab"},
		{"a\x1b]52;c;UFdORUQ=\x07b", "ab"},
		{"a\x1b[2Jb\x1b[Hc\x1b[?1049hd\x1b[>4;1me", "abcde"},
		{"a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"a\x1b_Gf=100;AAAA\x1b\\b\x1b^pm\x1b\\c\x1bXsos\x1b\\d", "abcd"},
		{"a\x1bcb\x1b7c\x1b(Bd", "abcd"},
		{"bell\x07 bs\b cr\r del\x7f nul\x00", "bell bs cr del nul"},
		{"c1 \u009b2J \u009d0;x\u009c \u0085 end", "c1 2J 0;x  end"},
		{"bidi \u202eevil\u202c \u2066iso\u2069 \u061c", "bidi evil iso "},
		{"bad \xff\xfe utf8", "bad \uFFFD utf8"},
		// An OSC 8 link to another scheme keeps its text only.
		{"\x1b]8;;javascript:alert(1)\x07js\x1b]8;;\x07", "js\x1b]8;;\x07"},
		{"\x1b]8;;file:///etc/passwd\x1b\\f\x1b]8;;\x1b\\", "f\x1b]8;;\x07"},
		{"\x1b]8;;smb://host/share\x07s", "s"},
		{"\x1b]8;;https://\x07nohost", "nohost"},
		{"\x1b]8;id=1;https://example.org/\x07p", "\x1b]8;;https://example.org/\x07p"},
		// A user name before the host: it reads as the first host and
		// opens the second, so it is no link (its text shows the URL).
		{"\x1b]8;;https://www.nytimes.com@evil.example.net/x\x07https://www.nytimes.com@evil.example.net/x\x1b]8;;\x07", "https://www.nytimes.com@evil.example.net/x\x1b]8;;\x07"},
		{"\x1b]8;;http://a:b@evil.example.net/\x07u", "u"},
		// Cut off: the introducer goes, the text stays visible.
		{"a\x1b]0;no end", "a0;no end"},
		{"a\x1b[31", "a31"},
		{"a\x1b", "a"},
		{"a\x1b\x1b[31mb", "a\x1b[31mb"},
		{"a\x1b]0;x\x18b", "a0;xb"},
		// A colour too long to be Glamour's is not one.
		{"\x1b[" + strings.Repeat("1;", 100) + "mx", "x"},
	}
	for _, c := range cases {
		got := Rendered(c.in)
		if got != c.want {
			t.Errorf("Rendered(%q) = %q, want %q", c.in, got, c.want)
		}
		if v := Violation(got, false); v != "" {
			t.Errorf("Rendered(%q) = %q: %s", c.in, got, v)
		}
	}
}

func TestViolationFindsControls(t *testing.T) {
	for _, s := range []string{
		"\x1b]0;t\x07", "\x1b[2J", "\x07", "\u009b", "\u202e", "\xff", "\r",
		"\x1b]8;;javascript:x\x07", "\x1b]8;;file:///x\x07", "\x1bP\x1b\\", "\x1b]8;;https://\x07",
	} {
		if Violation("ok "+s, false) == "" {
			t.Errorf("Violation(%q) found nothing", s)
		}
	}
	if v := Violation("a\r\n", true); v != "" {
		t.Errorf("crlf: %s", v)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"2017/piece.md":       "2017/piece.md",
		"dir with space/é.md": "dir with space/é.md",
		"k\x1b]2;T\a":         `"k\x1b]2;T\a"`,
		"new\nline.md":        `"new\nline.md"`,
		"bad\xffname.md":      `"bad\xffname.md"`,
		"rlo\u202eevil.md":    `"rlo\u202eevil.md"`,
		"c1\u009b.md":         `"c1\u009b.md"`,
		`back\slash`:          `"back\\slash"`,
		"plain\ufe0f.md":      `"plain\ufe0f.md"`, // an attack: it read as plain.md in check's lines
		"ann\u034f.md":        `"ann\u034f.md"`,
		"ann\U000e0100.md":    `"ann\U000e0100.md"`,
		"\u1820\u180b.md":     `"ᠠ\u180b.md"`,
		"\u3164x.md":          `"\u3164x.md"`,
		"x\u200dy \\.md":      `"x\u200dy \\.md"`,
		// a name that reads as another file's line, or as another file
		"good.md:3: unparseable date: cut.md":   `"good.md:3: unparseable date: cut.md"`,
		"a:b.md":                                "a:b.md",
		"a:.md":                                 "a:.md",
		"end:":                                  `"end:"`,
		"x.md:12":                               `"x.md:12"`,
		"http://localhost:8080":                 "http://localhost:8080", // a review: feeds list quoted it
		"https://example.com/rss?from=10:30":    "https://example.com/rss?from=10:30",
		"good.md\uff1a3\uff1a unparseable date": "\"good.md\uff1a3\uff1a unparseable date\"", // 40i: not quoted
		"good.md\ua7893\ua789 x":                "\"good.md\ua7893\ua789 x\"",
		"x.md\u223612":                          "\"x.md\u223612\"",
		"\u4f1a\u8b70\uff1a\u8b70\u4e8b.md":     "\u4f1a\u8b70\uff1a\u8b70\u4e8b.md",
		"plain\u2800report.md":                  `"plain\u2800report.md"`,
		"dir\u2215sub.md":                       `"dir\u2215sub.md"`,
		"a\u2044b\u29f8c\uff0fd\uff3ce.md":      `"a\u2044b\u29f8c\uff0fd\uff3ce.md"`,
		"repor\u0338t.md":                       `"repor\u0338t.md"`,
		"nb\u00a0sp\u3000.md":                   `"nb\u00a0sp\u3000.md"`,
		"":                                      `""`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		`duplicate id "x": y.md has the same id`: `duplicate id "x": y.md has the same id`,
		"line 3: k\x1b]2;T\a: bad":               `line 3: k\x1b]2;T\a: bad`,
		"two\nlines\r\tand tab":                  `two\nlines\r\tand tab`,
		"WordPress \u0085\u202e post":            `WordPress \u0085\u202e post`,
		"bad \xff byte":                          `bad \xff byte`,
		"café — fine":                            "café — fine",
		// what shows as nothing where no script needs it is named (an
		// attack: a query's U+200B); joiners and variation selectors,
		// which Persian, Indic and emoji need, are kept (a review: a
		// Persian title in list read می\u200cخواهم)
		"raq\u200bqa \u2060\ufeff\u200e\U000e0081":                                `raq\u200bqa \u2060\ufeff\u200e\U000e0081`,
		"\u0645\u06cc\u200c\u062e family \U0001f468\u200d\U0001f469 \u2764\ufe0f": "\u0645\u06cc\u200c\u062e family \U0001f468\u200d\U0001f469 \u2764\ufe0f",
		// a flag's tags are kept; tag characters that spell no flag, a
		// hidden text after a flag too, are named
		"Scotland \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f": "Scotland \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
		"Ann \U0001f3f4\U000e0068\U000e0069\U000e0020\U000e0079\U000e007fLee":             "Ann \U0001f3f4" + `\U000e0068\U000e0069\U000e0020\U000e0079\U000e007fLee`,
		"a\U000e0068\U000e0069\U000e007f":                                                 `a\U000e0068\U000e0069\U000e007f`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %s, want %s", in, got, want)
		}
		if got := Escape(Escape(in)); got != Escape(in) {
			t.Errorf("Escape(Escape(%q)) = %s, want %s", in, got, Escape(in))
		}
		if v := Violation(Escape(in), false); v != "" || strings.Contains(Escape(in), "\n") {
			t.Errorf("Escape(%q): %s", in, v)
		}
	}
}

func TestEscapeLinesKeepsLines(t *testing.T) {
	in := "unknown command\n\nDid you mean this?\n\tsearch \x1b]2;x\a\n> a pas\u200bsage"
	want := "unknown command\n\nDid you mean this?\n\tsearch \\x1b]2;x\\a\n> a pas\\u200bsage"
	if got := EscapeLines(in); got != want {
		t.Errorf("EscapeLines(%q) = %q, want %q", in, got, want)
	}
}

// FuzzRendered: whatever the input, Rendered's output passes Violation
// (written independently of it), and cleaning twice changes nothing.
func FuzzRendered(f *testing.F) {
	for _, s := range []string{
		"\x1b[31mred\x1b[0m", "\x1b]8;;https://example.org/\x07x\x1b]8;;\x07", "\x1b]0;t\x07", "\x1bP1$qm\x1b\\",
		"\u009b2J\u202e\xff", "\x1b]8;;javascript:x\x1b\\y", "a\x1b", "\x1b[" + strings.Repeat("1;", 70) + "m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Rendered(s)
		if v := Violation(out, false); v != "" {
			t.Fatalf("Rendered(%q) = %q: %s", s, out, v)
		}
		if again := Rendered(out); again != out {
			t.Fatalf("Rendered is not idempotent on %q: %q then %q", s, out, again)
		}
		if q := Quote(s); Violation(q, false) != "" || strings.ContainsAny(q, "\n\t") {
			t.Fatalf("Quote(%q) = %q", s, q)
		}
		if e := Escape(s); Violation(e, false) != "" || strings.ContainsAny(e, "\n\t") || strings.ContainsFunc(e, Invisible) || strings.ContainsRune(e, 0x200b) {
			t.Fatalf("Escape(%q) = %q", s, e)
		} else if again := Escape(e); again != e {
			t.Fatalf("Escape is not idempotent on %q: %q then %q", s, e, again)
		}
	})
}

// A reference to a control is one character: defused, the letter after it
// stays (decoded first, "Au&#27;thor" lost its t as the sequence ESC t).
func TestDefuseReferencesKeepsTheNextLetter(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Au&#x1b;thor", "Author"},
		{"Au&#27thor", "Author"},
		{"Au&#X1B;thor &#0027;x", "Author x"},
		{"&#x1b;[31mred&#x1b;[0m", "[31mred[0m"},
		{"&#x1b;]52;c;SGk=&#7;end", "]52;c;SGk=end"},
		{"c1 &#x81;x &#x9d;y bidi &#x202e;z &#8232;w", "c1 x y bidi z w"},
		{"&#4294967323;wrapped", "wrapped"},
		// one digit and no ";": the HTML parser reads "&#7t" as BEL t
		{"Au&#7thor &#1", "Author "},
		// what is safe stays written, to be decoded as it was (&#x9b; and
		// &#133; are windows-1252's › and …, as HTML reads them)
		{"&#x9b; &#133; &#233; &#x200d; &#9; &#10; &amp;#27; &#x41;", "&#x9b; &#133; &#233; &#x200d; &#9; &#10; &amp;#27; &#x41;"},
		{"no references", "no references"},
		// removing a reference does not make one of what was around it
		{"S &#&#27;27;[8mhidden&#&#27;27;[0m end", "S &amp;#27;[8mhidden&amp;#27;[0m end"},
		{"&#x&#27;1b;[8m &#&#x1b;x1b; &#&#27;&#27;27;", "&amp;#x1b;[8m &amp;#x1b; &amp;#27;"},
		{"&#&#&#27;27;27;x &#&#27;65;", "&#&amp;#27;27;x &#65;"},
	}
	for _, c := range cases {
		if got := DefuseReferences(c.in, ""); got != c.want {
			t.Errorf("DefuseReferences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := DefuseReferences("a&#27;b", "\uFFFD"); got != "a\uFFFDb" {
		t.Errorf("with U+FFFD: %q", got)
	}
}

// A reference to a line's end is a new line, as the character is to
// archive's Sanitize (an attack's report: an import dropped it as a
// control, "Ann&#13;Lee" was AnnLee): nl once, twice for the paragraph
// separator, in either reading of the reference; other controls are still
// repl.
func TestDefuseKeepingLines(t *testing.T) {
	for in, want := range map[string]string{
		"war&#x2028;peace":           "war|peace",
		"Ann&#13;Lee &#x0D;x":        "Ann|Lee |x",
		"one&#8233;two":              "one||two",
		"a&#13b &#4294967309;c":      "a|b |c",
		"Au&#27;thor &#x202e;x&#10;": "Author x&#10;",
		"&#&#13;13;":                 "&#|13;",
	} {
		if got := DefuseKeepingLines(in, "", "|"); got != want {
			t.Errorf("DefuseKeepingLines(%q) = %q, want %q", in, got, want)
		}
	}
	if got := DefuseReferences("war&#x2028;peace", ""); got != "warpeace" {
		t.Errorf("DefuseReferences dropped no line's end: %q", got)
	}
}

// What DefuseReferences leaves decodes to no character it removes, whatever
// the references around the ones it removed ("&#&#27;27;" less its
// "&#27;" was "&#27;", ESC once decoded); text without such a reference is
// left as it is. Seeds in testdata/fuzz/FuzzDefuseReferences.
func FuzzDefuseReferences(f *testing.F) {
	for _, s := range []string{"Au&#27;thor", "&#&#27;27;[8mhidden", "&#x&#27;1b;", "&#&#&#27;27;27;", "&#65;&#233;&amp;#27;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// raw controls are the cleaning's, not DefuseReferences'
		s = strings.Map(func(r rune) rune {
			if unsafeRune(r) || r == utf8.RuneError {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		controls := false
		for _, ref := range numericReference.FindAllString(s, -1) {
			controls = controls || controlReference(ref)
		}
		for _, repl := range []string{"", "\uFFFD", "\uE000"} {
			out := DefuseReferences(s, repl)
			for _, decoded := range []string{html.UnescapeString(out), xhtml.UnescapeString(out)} {
				for _, r := range decoded {
					if unsafeRune(r) && r != '\n' && r != '\t' {
						t.Fatalf("DefuseReferences(%q, %q) = %q, decoded %q", s, repl, out, decoded)
					}
				}
			}
			if !controls && out != s {
				t.Fatalf("DefuseReferences(%q, %q) = %q: no reference to a control, yet changed", s, repl, out)
			}
			out = DefuseKeepingLines(s, repl, "&#10;")
			for _, decoded := range []string{html.UnescapeString(out), xhtml.UnescapeString(out)} {
				for _, r := range decoded {
					if unsafeRune(r) && r != '\n' && r != '\t' {
						t.Fatalf("DefuseKeepingLines(%q, %q) = %q, decoded %q", s, repl, out, decoded)
					}
				}
			}
		}
	})
}

// TextControlReferences finds what html.UnescapeString decodes to a
// control, ControlReferences what either it or the HTML parser does: "&#7"
// without its ";" is BEL to the parser alone.
func TestTextControlReferences(t *testing.T) {
	s := "Room &#7 and &#27; and &#x7 and &#3 here &#169;"
	if got, want := TextControlReferences(s), [][]int{{13, 18}, {23, 27}}; !reflect.DeepEqual(got, want) {
		t.Errorf("TextControlReferences: %v, want %v", got, want)
	}
	if got, want := ControlReferences(s), [][]int{{5, 8}, {13, 18}, {23, 27}, {32, 35}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ControlReferences: %v, want %v", got, want)
	}
}

// An error naming a file names it quoted when its name holds what the
// status line would drop or what shows as nothing: "open g\u202eood.md"
// read "open good.md", another file, once the status line dropped U+202E.
func TestErrText(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "g\u202eood.md")
	_, openErr := os.Open(name)
	linkErr := os.Rename(name, filepath.Join(dir, "b\ufe0f.md"))
	for _, c := range []struct {
		err  error
		want string
	}{
		{openErr, "open " + Quote(name) + ": no such file or directory"},
		{fmt.Errorf("could not cite: %w", openErr), "could not cite: open " + Quote(name) + ": no such file or directory"},
		{linkErr, "rename " + Quote(name) + " " + Quote(filepath.Join(dir, "b\ufe0f.md")) + ": no such file or directory"},
		{&fs.PathError{Op: "open", Path: "plain.md", Err: fs.ErrPermission}, "open plain.md: permission denied"},
		{errors.New("no path here"), "no path here"},
		// several errors joined: each one's names (an attack: errors.Join's
		// were passed over)
		{errors.Join(errors.New("first"), openErr), "first\nopen " + Quote(name) + ": no such file or directory"},
		// a folder's name inside a file's: the file's quoted whole, every
		// time (map order quoted the folder apart in some runs)
		{errors.Join(&fs.PathError{Op: "open", Path: "d\u202eir/x.md", Err: fs.ErrNotExist}, &fs.PathError{Op: "read", Path: "d\u202eir", Err: fs.ErrPermission}),
			"open " + Quote("d\u202eir/x.md") + ": file does not exist\nread " + Quote("d\u202eir") + ": permission denied"},
		{fmt.Errorf("%w; %w", errors.New("a"), linkErr), "a; rename " + Quote(name) + " " + Quote(filepath.Join(dir, "b\ufe0f.md")) + ": no such file or directory"},
	} {
		got := ErrText(c.err)
		for range 50 { // the same text every time
			if again := ErrText(c.err); again != got {
				t.Errorf("ErrText(%q) = %q, then %q", c.err.Error(), got, again)
				break
			}
		}
		if got != c.want {
			t.Errorf("ErrText(%q) = %q, want %q", c.err.Error(), got, c.want)
		}
		if strings.ContainsRune(got, '\u202e') || strings.ContainsRune(got, '\ufe0f') {
			t.Errorf("ErrText(%q) = %q keeps the character", c.err.Error(), got)
		}
	}
}
