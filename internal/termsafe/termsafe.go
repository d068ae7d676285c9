// Package termsafe makes text safe to write to a terminal, at the last step
// before it is written: after Markdown rendering and entity decoding, which
// can turn harmless-looking text ("&#27;]0;title&#7;") into escape sequences.
//
// Rendered cleans styled output (Glamour, Lip Gloss): it keeps colours and
// http(s) hyperlinks and drops every other control. Quote and Escape are for
// the command line's names and messages: a file name, a front-matter key or
// an error printed with them cannot move the cursor, set the title, write
// the clipboard or break a "path:line: message" line in two, nor stack
// more than MaxMarks combining marks on a letter. JSON escapes what
// encoding/json leaves raw in JSON text (--json output). CapMarks is the
// cap a piece's text has (archive's Sanitize).
// DefuseReferences and Unescape are for text about to be decoded.
package termsafe

import (
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	xhtml "golang.org/x/net/html"
)

// maxSGR is the longest colour sequence kept; Glamour's longest (a 24-bit
// foreground and background) is under 40 bytes.
const maxSGR = 128

// Rendered returns s with only what a rendered page may hold: printable text,
// newlines and tabs, SGR sequences (CSI ... m: colours and text attributes)
// and OSC 8 hyperlinks to an http or https URL with a host. Everything else is
// dropped: other CSI sequences (cursor moves, erasing, modes), other OSC
// sequences (titles, clipboard writes, colours), DCS, APC, PM and SOS strings,
// other ESC sequences, BEL, backspace, carriage return and the other C0
// controls, DEL, the C1 controls U+0080–U+009F, and the bidirectional
// embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069,
// U+061C) and the line and paragraph separators (U+2028, U+2029). A
// hyperlink to another scheme loses its OSC 8 wrapper and keeps its text. Invalid UTF-8 becomes U+FFFD. An escape sequence that is cut off (no
// terminator) loses only its introducer: the text after it stays visible.
func Rendered(s string) string { return clean(s, keep) }

// Plain is Rendered keeping no escape sequence at all, colours and links
// included: text for a file's fields and body, where a sequence is none of
// folio's. A sequence cut off (an ESC ] that never ends) loses only its
// introducer, as in Rendered; ansi.Strip, used before, took everything
// after it (a helper's report: a stray ESC ] emptied the rest of a piece).
func Plain(s string) string { return clean(s, func(string) string { return "" }) }

// clean is Rendered and Plain: keepSeq says what is kept of a complete
// sequence.
func clean(s string, keepSeq func(seq string) string) string {
	if plainASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	kept := 0 // s[kept:i] is text to keep, not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c == ansi.ESC {
			b.WriteString(s[kept:i])
			seq, _, n, state := ansi.DecodeSequence(s[i:], ansi.NormalState, nil)
			switch {
			case n <= 0:
				n = 1
			case state != ansi.NormalState || !terminated(seq):
				// Cut off: drop the introducer, show the rest as text.
				n = min(n, 2)
			default:
				b.WriteString(keepSeq(seq))
			}
			i += n
			kept = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) {
			b.WriteString(s[kept:i])
			kept = i + size
		}
		i += size
	}
	b.WriteString(s[kept:])
	return b.String()
}

// plainASCII reports whether s is printable ASCII, newlines and tabs only.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// terminated reports whether a sequence DecodeSequence returned ends the
// way its kind must end: a string (OSC, DCS, ...) with BEL or ST, a CSI with
// its final byte, a plain ESC sequence with its final byte.
func terminated(seq string) bool {
	if len(seq) < 2 {
		return false
	}
	switch seq[1] {
	case ']', 'P', 'X', '^', '_':
		return strings.HasSuffix(seq, "\a") || strings.HasSuffix(seq, "\x1b\\")
	case '[':
		c := seq[len(seq)-1]
		return len(seq) > 2 && c >= '@' && c <= '~'
	}
	c := seq[len(seq)-1]
	return c >= '0' && c <= '~'
}

// keep returns what is kept of one complete escape sequence: an SGR as it
// is, an OSC 8 hyperlink to an http(s) URL rewritten without parameters, the
// end of a hyperlink, or nothing.
func keep(seq string) string {
	if isSGR(seq) {
		return seq
	}
	if !strings.HasPrefix(seq, "\x1b]8;") {
		return ""
	}
	body := strings.TrimPrefix(seq, "\x1b]8;")
	body = strings.TrimSuffix(strings.TrimSuffix(body, "\a"), "\x1b\\")
	_, uri, ok := strings.Cut(body, ";")
	if !ok {
		return ""
	}
	if uri == "" {
		return ansi.ResetHyperlink()
	}
	if !LinkTarget(uri) {
		return ""
	}
	return ansi.SetHyperlink(uri)
}

// isSGR reports whether seq is ESC [ params m with only digits, ';' and ':'
// as parameters (no private prefix, no intermediate byte).
func isSGR(seq string) bool {
	if len(seq) < 3 || len(seq) > maxSGR || !strings.HasPrefix(seq, "\x1b[") || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// LinkTarget reports whether uri may be the target of a terminal hyperlink:
// an absolute http or https URL with a host, printable ASCII only (no
// spaces, no controls, nothing a terminal could read as the end of the
// sequence) and no user name or password before the host
// ("https://www.nytimes.com@evil.example.net/" opens evil.example.net: its
// text is shown, the whole URL, not a link).
func LinkTarget(uri string) bool {
	if uri == "" || len(uri) > 4096 {
		return false
	}
	for i := 0; i < len(uri); i++ {
		if uri[i] <= ' ' || uri[i] >= 0x7f {
			return false
		}
	}
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return (scheme == "http" || scheme == "https") && u.Hostname() != "" && u.User == nil
}

// unsafeRune reports the runes Rendered and Escape never let through as
// they are: C0 and C1 controls (NEL, U+0085, among them), DEL, the
// bidirectional controls that can make text read in another order than it
// is stored (Trojan Source), and the line and paragraph separators
// (U+2028, U+2029), which one terminal takes for a line break and another
// shows as nothing (a helper's report: folio show passed them, the reader
// and snippets dropped them). The other characters that show as nothing
// (U+200B–U+200F, U+2060–U+206F, U+FEFF, U+FFF9–U+FFFB, the tag
// characters) are no danger to a terminal, and some are needed where they
// stand (a joiner in an emoji or in Persian): text is rid of them where
// it enters folio, by archive.Sanitize, the same for every surface.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069, // LRI, RLI, FSI, PDI
		r == 0x061c,                // Arabic letter mark
		r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// Unsafe says whether r is a character Rendered drops, for names made
// of text (a cache folder's): the C0 and C1 controls, DEL, the bidi
// controls and the line and paragraph separators.
func Unsafe(r rune) bool { return unsafeRune(r) }

// Quote returns a name (a path, a front-matter key, a feed field) for a
// line of output: as it is when every character is printable and it holds no
// quote or backslash, else quoted like Go's %q, where a control character
// shows as \x1b, a newline as \n, invalid UTF-8 as \xff and a bidi override
// as \u202e. Ordinary names stay readable; an odd one cannot act on the
// terminal nor break the line. A character's combining marks past
// MaxMarks (CapMarks) are escapes too, \u0301, so that they stack on no
// cell and the name stays whole (an attack's report: check printed a
// name's 100 stacked accents). So are the characters that show as
// nothing, Invisible's and Contextual's, which strconv takes for
// printable when they are marks or letters (the grapheme joiner, the
// variation selectors, Hangul's fillers): "plain\ufe0f.md" printed as it
// is read as plain.md, another file (an attack: check's
// "plain\ufe0f.md:3:" beside plain.md's lines).
// A name holding a ':' (or a character that reads as one, LooksLikeColon)
// before a space or a line's number is quoted, and one
// holding a character that reads as a space or a slash
// (LooksLikeSpaceOrSlash) has it escaped, \u2800: printed as they are
// they read as another file's line or another file.
func Quote(s string) string {
	over, hidden := overMarks(s), strings.ContainsFunc(s, escapedInName)
	if s != "" && utf8.ValidString(s) && !strings.ContainsAny(s, `"\`) &&
		!strings.ContainsFunc(s, func(r rune) bool { return !strconv.IsPrint(r) }) && !over && !hidden && !colonBeforeLine(s) {
		return s
	}
	if !over && !hidden {
		return strconv.Quote(s)
	}
	var b strings.Builder
	b.WriteByte('"')
	run := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if surplus := over && surplusMark(&run, r); surplus || escapedInName(r) {
			b.WriteString(escapedMark(r))
		} else {
			q := strconv.Quote(s[i : i+size])
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// colonBeforeLine reports whether s holds a ':' followed by a space, or by
// digits that end s or come before another ':', or ends in one: printed as
// it is before ":3: message", such a name reads as another file's line (an
// attack's report: a file named "good.md:3: unparseable date: cut.md"
// beside good.md made check print "arc15/good.md:3: unparseable date:
// cut.md:1: missing date"). A URL's port is none, nor its digits after a
// colon ("http://host:8080", "https://x/rss?from=10:30": a review, feeds
// list quoted them).
//
// A character that reads as a colon (LooksLikeColon) is one here:
// "good.md\uff1a3\uff1a unparseable date" read as good.md's line 3 too.
func colonBeforeLine(s string) bool {
	url := strings.Contains(s, "://")
	for i, n := nextColon(s); i >= 0; i, n = nextColon(s) {
		s = s[i+n:]
		if s == "" || s[0] == ' ' {
			return true
		}
		d := 0
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d > 0 && !url {
			if j, _ := nextColon(s[d:]); d == len(s) || j == 0 {
				return true
			}
		}
	}
	return false
}

// nextColon is where the first ':' or character that looks like one is in
// s, and its length; -1 when there is none.
func nextColon(s string) (int, int) {
	for i, r := range s {
		if r == ':' || LooksLikeColon(r) {
			return i, utf8.RuneLen(r)
		}
	}
	return -1, 0
}

// LooksLikeColon: r is printable and reads as a colon without being one:
// the fullwidth, small and vertical-form colons, the modifier letter and
// triangular colons, the ratio sign, two-dot punctuation, and the script
// punctuation and signs drawn as two dots one over the other (Armenian
// full stop, sof pasuq, the Syriac, Ethiopic, Mongolian and runic ones,
// Lisu's tone letter, the Devanagari and Gujarati visarga). Quote reads it
// as a colon; a link's text as one (archive.LinkTextElsewhere:
// "https\ua789//good.example.com").
func LooksLikeColon(r rune) bool {
	switch r {
	case 0xff1a, 0xfe55, 0xfe13, 0xa789, 0x02d0, 0x02f8, 0x2236, 0x205a,
		0x0589, 0x05c3, 0x0703, 0x0704, 0x1361, 0x1804, 0x16ec, 0xa4fd, 0x0903, 0x0a83:
		return true
	}
	return false
}

// LooksLikeSpaceOrSlash: r is printable and reads as a space or as a
// folder's separator (a slash or backslash) without being one: the
// braille blank U+2800 and the Hangul fillers' cousins that show as a
// space, the division and fraction slashes, the big and fullwidth
// solidus and reverse solidus, a solidus overlaid on a letter. In a name
// on a line (Quote) it is written as an escape, \u2800: "plain\u2800report.md"
// printed as it is read as plain report.md, another file, and
// "dir\u2215sub.md" as a file in dir (an attack's report). (The other
// Unicode spaces are not printable to strconv, and escaped already.)
func LooksLikeSpaceOrSlash(r rune) bool {
	switch r {
	case 0x2800, // braille pattern blank
		0x2216, 0x29f5, 0x29f9, 0xfe68, 0xff3c, 0x2572, 0x27cd, 0x2f02, 0x31d4, // backslashes
		0x0337, 0x0338, 0x20eb: // a solidus overlaid
		return true
	}
	return LooksLikeSlash(r) || r > 0x7f && unicode.Is(unicode.Zs, r)
}

// LooksLikeSlash: r is printable and reads as a slash without being one
// (the division and fraction slashes, the big and fullwidth solidus, box
// drawing's diagonal, …): archive reads a link text's as "/" (one list: a
// link text of "https:╱╱" stayed live where "https:⁄⁄" was judged; a
// review, 41za).
func LooksLikeSlash(r rune) bool {
	switch r {
	case 0x2215, 0x2044, 0x29f8, 0xff0f, 0x2571, 0x27cb, 0x2f03, 0x31d3, 0x1735:
		return true
	}
	return false
}

// escapedInName: r is written as an escape in a name on a line (Quote).
func escapedInName(r rune) bool { return ShowsAsNothing(r) || LooksLikeSpaceOrSlash(r) }

// ShowsAsNothing: r is a character Invisible or Contextual names.
func ShowsAsNothing(r rune) bool { return Invisible(r) || Contextual(r) }

// escapedMark is r written \u0301 (\U000e0100 past U+FFFF), as Go quotes a
// character.
func escapedMark(r rune) string {
	q := strconv.QuoteRuneToASCII(r)
	return q[1 : len(q)-1]
}

// Escape returns a message for one line of output with every unsafe
// character written as an escape, in place: control characters (\n, \t, \r,
// \x1b, \u009b), DEL, bidi controls (\u202e), the characters that show as
// nothing where no script needs them (Invisible: \u2060, \ufeff…, and the
// zero-width space and direction marks, \u200b, \u200e; not the joiners
// and variation selectors, which archive keeps only where they matter: a
// Persian title's ZWNJ, an emoji's ZWJ or VS16 printed as \u200c, \u200d,
// \ufe0f in list, search and stats, a review), the line and
// paragraph separators, and invalid bytes
// (\xff), and a character's combining marks past MaxMarks (as Quote
// writes them). Everything else, quotes and backslashes included, is left
// as it is.
func Escape(s string) string { return escape(s, false) }

// EscapeLines is Escape for a message of several lines: newlines and tabs
// are kept.
func EscapeLines(s string) string { return escape(s, true) }

func escape(s string, lines bool) string {
	escaped := func(r rune) bool {
		return escapedRune(r) && !(lines && (r == '\n' || r == '\t'))
	}
	over := overMarks(s)
	if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return escaped(r) || IsTag(r) }) && !over {
		return s
	}
	var b strings.Builder
	run := 0
	flag := 0 // the end of a flag's tags (FlagTags), kept
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		surplus := over && surplusMark(&run, r)
		if r == BlackFlag {
			flag = i + size + FlagTags(s[i+size:])
		}
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case escaped(r) || surplus || IsTag(r) && i >= flag:
			b.WriteString(escapedMark(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// escapedRune: r is a character Escape writes as an escape: an unsafe
// one, or one that shows as nothing where no script needs it (Invisible:
// the word joiner and invisible operators…; the zero-width space and the
// direction marks; not Contextual's joiners, variation selectors and a
// flag's tag characters, which Persian, Indic scripts, emoji and flags
// need: escape writes any other tag character escaped, FlagTags), which
// printed as it is hides in a message (an attack's report: a U+200B in a hand-edited saved.json
// query, and an orphaned quote's passage, printed raw).
func escapedRune(r rune) bool {
	return unsafeRune(r) || Invisible(r) || r == 0x200b || r == 0x200e || r == 0x200f
}

// numericReference is a numeric character reference as html.UnescapeString
// and the HTML tokenizer read it: "&#" and decimal digits or "&#x" and hex
// digits, the ";" optional, the value wrapping at 32 bits ("&#4294967323;"
// is ESC).
var numericReference = regexp.MustCompile(`&#(?:[xX][0-9a-fA-F]+|[0-9]+);?`)

// DefuseReferences replaces with repl each numeric character reference in
// s (HTML, or Markdown) that decodes to a character Rendered drops: ESC,
// BEL, the other C0 controls but tab and newline, the C1 controls, DEL, the bidi controls, the line and
// paragraph separators. It is for text about to be decoded: a reference is
// one character, and cleaned as one. Decoded first, "Au&#27;thor" became
// ESC t, which the cleaning took for a two-byte escape sequence and dropped
// whole ("Auhor"), and "&#27;[31m" a colour; defused, they are "Author"
// (repl "") and "[31m" as written. Raw escape sequences are not references
// and are left for the cleaning, which removes them whole.
//
// What is left holds no reference to such a character, though removing
// one can join what was around it into another: "&#&#27;27;" without its
// "&#27;" is "&#27;", whose "&" is then written "&amp;", so that decoded it
// reads "&#27;" as written (removed and decoded again, it was ESC, and
// "&#&#27;27;[8mhidden" hid the text after it). Two passes over s, however
// deeply the references nest.
func DefuseReferences(s, repl string) string { return defuse(s, repl, "") }

// DefuseKeepingLines is DefuseReferences keeping the lines: a reference
// to a line's end, a CR (&#13;), the line separator (&#x2028;) or the
// paragraph separator (&#x2029;), is nl instead (nl twice for the
// paragraph separator), a new line as the character itself is to
// archive's Sanitize; removed, it joined the words around it
// ("war&#x2028;peace" was warpeace, "Ann&#13;Lee" AnnLee). nl is a new
// line as the text about to be decoded writes one that survives its
// reading: "&#10;" in a front matter field (archive's DecodeReferences),
// U+2028 itself in HTML, whose parser and Markdown converter make a new
// line a space (the importer's pages and feeds). It is the one rule for
// both.
func DefuseKeepingLines(s, repl, nl string) string { return defuse(s, repl, nl) }

// defuse is DefuseReferences, and DefuseKeepingLines when nl is not "".
func defuse(s, repl, nl string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	removed := false
	s = numericReference.ReplaceAllStringFunc(s, func(ref string) string {
		if !controlReference(ref) {
			return ref
		}
		removed = true
		if nl != "" {
			switch lineEnd(ref) {
			case '\r', 0x2028:
				return nl
			case 0x2029:
				return nl + nl
			}
		}
		return repl
	})
	if !removed {
		return s
	}
	// a reference the removals made: "&amp;" starts no reference, and the
	// "#" after it none either
	return numericReference.ReplaceAllStringFunc(s, func(ref string) string {
		if controlReference(ref) {
			return "&amp;" + ref[1:]
		}
		return ref
	})
}

// Unescape decodes the character references of s, text or an attribute's
// value of HTML, as the HTML parser (golang.org/x/net/html) decodes them,
// those to a character Rendered drops removed first (DefuseReferences):
// "Au&#27;thor &amp; co" is "Author & co".
func Unescape(s string) string {
	return xhtml.UnescapeString(DefuseReferences(s, ""))
}

// controlReference says whether ref, a numeric character reference,
// decodes to a character DefuseReferences removes, as html.UnescapeString
// decodes it or as the HTML parser (golang.org/x/net/html) does: they
// differ ("&#7" without its ";" is BEL to the parser, written as it is to
// html.UnescapeString; "&#4294967323;" is ESC to html.UnescapeString).
func controlReference(ref string) bool {
	return decodesToControl(ref, html.UnescapeString) || decodesToControl(ref, xhtml.UnescapeString)
}

// lineEnd is the line's end ref, a reference to a control, stands for (a
// CR, U+2028, U+2029), or 0: as html.UnescapeString reads it, else as the
// HTML parser does ("&#13" without its ";" is a CR to the parser alone).
func lineEnd(ref string) rune {
	for _, unescape := range []func(string) string{html.UnescapeString, xhtml.UnescapeString} {
		if r, _ := utf8.DecodeRuneInString(unescape(ref)); r == '\r' || r == 0x2028 || r == 0x2029 {
			return r
		}
	}
	return 0
}

// textControlReference says whether ref decodes to such a character as
// html.UnescapeString decodes it (TextControlReferences).
func textControlReference(ref string) bool {
	return decodesToControl(ref, html.UnescapeString)
}

// decodesToControl says whether ref, decoded by unescape, starts with a
// character DefuseReferences removes.
func decodesToControl(ref string, unescape func(string) string) bool {
	r, _ := utf8.DecodeRuneInString(unescape(ref))
	return unsafeRune(r) && r != '\n' && r != '\t'
}

// ControlReferences returns the start and end in s of each numeric
// character reference DefuseReferences removes from s (its first pass),
// leftmost first: for a caller that keeps what was written where it is
// shown undecoded.
func ControlReferences(s string) [][]int { return controlReferences(s, controlReference) }

// TextControlReferences is ControlReferences for Markdown's text as it is
// rendered (ui): the references html.UnescapeString decodes to a control,
// as Glamour decodes text and code spans with it (goldmark decodes only a
// link's destination and title, each reference with its ";", which
// html.UnescapeString reads alike). "&#7" without its ";" is not one: it
// is shown as written, where the HTML parser reads it as BEL; an HTML
// block, which Glamour's sanitizer reads with that parser, takes
// ControlReferences.
func TextControlReferences(s string) [][]int { return controlReferences(s, textControlReference) }

func controlReferences(s string, control func(ref string) bool) [][]int {
	if !strings.Contains(s, "&#") {
		return nil
	}
	var refs [][]int
	for _, m := range numericReference.FindAllStringIndex(s, -1) {
		if control(s[m[0]:m[1]]) {
			refs = append(refs, m)
		}
	}
	return refs
}

// ErrText is err's message for a line of output, each file name an
// fs.PathError or os.LinkError in its tree gives (through Unwrap, and
// errors.Join's or fmt.Errorf's several %w too) quoted as Quote quotes
// it: the reader's status line drops the characters that would act on
// the terminal, so "open g\u202eood.md: permission denied" read "open
// good.md", another file's name (an attack: the status line, the piece
// pane and cite named good.md for g\u202eood.md; check and the !
// overlay quoted it).
func ErrText(err error) string {
	msg := err.Error()
	seen := map[string]bool{}
	var walk func(e error, depth int)
	walk = func(e error, depth int) {
		if e == nil || depth > 64 { // a chain longer than any folio makes
			return
		}
		switch pe := e.(type) {
		case *fs.PathError:
			seen[pe.Path] = true
		case *os.LinkError:
			seen[pe.Old], seen[pe.New] = true, true
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap(), depth+1)
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner, depth+1)
			}
		}
	}
	walk(err, 0)
	// the longest name first, so that a folder's name inside a file's is
	// not quoted apart from the rest of it (a review: map order quoted
	// `"d\u202eir"/x.md` in 31 of 200 runs, `"d\u202eir/x.md"` in the
	// others); Quote leaves no raw character a shorter name could match
	names := slices.Collect(maps.Keys(seen))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	for _, name := range names {
		if q := Quote(name); q != name && name != "" {
			msg = strings.ReplaceAll(msg, name, q)
		}
	}
	return msg
}
