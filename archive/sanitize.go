package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/internal/termsafe"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// Sanitize makes untrusted text safe to print on a terminal, the way less shows
// control characters instead of obeying them. It removes ANSI escape sequences
// (CSI, OSC — clipboard writes, hyperlinks, title changes — DCS, ...), every
// other C0 and C1 control except tab and newline, DEL, the bidirectional
// override and isolate characters used to disguise text, the private-use
// runes folio itself uses to mark search matches, and the characters that
// show as nothing where they stand (ignorableAt: a soft hyphen, a
// zero-width space inside a Latin word), which split a word for search
// ("terr\u00adorism" was not found by terrorism). A carriage return is a
// line's end, as in CommonMark: CRLF becomes LF, and a CR alone LF too (it
// was dropped: "line one\rOVERWRITE" was "line oneOVERWRITE", the author
// "Ann\rLee" AnnLee; a helper's report). Invalid UTF-8 is replaced by U+FFFD. A
// sequence cut off (an ESC ] or ESC P that never ends) loses only its
// introducer: the text after it stays. A line separator (U+2028) and a
// next line (NEL, U+0085) are a newline and a paragraph separator (U+2029)
// a blank line, as they mean, in any text (with an escape sequence in it
// too), rather than characters a terminal shows one way or another (a
// helper's report; termsafe drops any that come from elsewhere); in a
// one-line field (SanitizeLine) each is a space. Each character's run of
// combining marks is cut to maxMarks (capMarks).
//
// It is applied once, where text enters folio (Parse, a body through
// sanitizeMarkdown, which keeps a link's target the file it names), so
// every consumer (TUI, CLI, JSON) is safe.
func Sanitize(s string) string { return capMarks(sanitize(s)) }

func sanitize(s string) string {
	if isClean(s) {
		if hasIgnorable(s) {
			return dropIgnorable(s, false)
		}
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.Contains(s, "\r") {
		s = loneCR.Replace(s) // then a CR is a CRLF's, dropped as a control: of a CRLF the LF
	}
	if strings.ContainsRune(s, 0x1b) {
		// the separators first, which termsafe drops ("alpha\u0085beta"
		// was alphabeta in a text with an ESC anywhere: a helper's report)
		s = termsafe.Plain(separators.Replace(s))
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 0x2028 || r == 0x85:
			b.WriteByte('\n')
		case r == 0x2029:
			b.WriteString("\n\n")
		case r == '\n' || r == '\t' || !isUnsafe(r):
			b.WriteRune(r)
		}
	}
	if s = b.String(); hasIgnorable(s) {
		return dropIgnorable(s, false)
	}
	return s
}

// separators are the line endings (CRLF; a CR alone is LF already:
// loneCR) and the line and paragraph separators as Sanitize writes them.
var separators = strings.NewReplacer("\r\n", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n\n")

// SanitizeLine is Sanitize for one-line fields (titles, tags, outlets): tabs
// and newlines become spaces and runs of spaces collapse.
//
// A line is also put in one Unicode form (NFC: "cafe" with a combining
// accent is "café"), rid of the characters that show as nothing
// (ignorable, below; in a line also every zero-width space and
// left-to-right or right-to-left mark, and a second grapheme joiner or
// variation selector on one character: selectorKind), so that two values that look
// alike are one (a tag spelt both ways is one tag, not two
// identical-looking rows), and each character's combining marks are cut
// to maxMarks (a name of 500 stacked accents drew over other rows), after
// that form is made, as Sanitize cut them before.
//
// It is idempotent: the steps are run again on what they gave until it
// stays (at most four times), since NFC's reordering of marks can leave a
// joiner acting on nothing that the next pass drops ("\u0301\u094d\ufe0f\u200d"
// gave "\u094d\u0301\u200d", then "\u094d\u0301": 1,467 of 300k random
// strings of such characters changed on a second pass), and a tag typed
// back must match the one stored.
func SanitizeLine(s string) string {
	for range 4 {
		t := sanitizeLineOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

// sanitizeLineOnce is one pass of SanitizeLine's steps.
func sanitizeLineOnce(s string) string {
	s = Sanitize(s)
	if hasIgnorable(s) {
		// before the spaces collapse: "Middle \u200b East" is "Middle East",
		// not "Middle  East" (a helper's report: two tags in folio stats)
		s = dropIgnorable(s, true)
	}
	s = strings.Join(strings.Fields(s), " ")
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return capMarks(s)
}

// maxMarks is the most combining marks a character keeps
// (termsafe.MaxMarks).
const maxMarks = termsafe.MaxMarks

// capMarks cuts each run of combining marks to maxMarks
// (termsafe.CapMarks, the rule the command line's names and messages
// share).
func capMarks(s string) string { return termsafe.CapMarks(s) }

// The characters that show as nothing are termsafe's: Invisible, dropped
// wherever they stand, and Contextual, dropped where ignorableAt says (the
// lists JSON escapes too).

// isJamo: a Hangul letter a filler may stand for or before (old syllables).
func isJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x11ff || r >= 0xa960 && r <= 0xa97f || r >= 0xd7b0 && r <= 0xd7ff
}

// hasIgnorable reports whether s holds a character termsafe.Invisible or
// termsafe.Contextual names, by their UTF-8 bytes (decoding every rune of a body
// with curly quotes in it made Sanitize 1.4–3.7 times slower, a review's
// measure).
func hasIgnorable(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xc2 || !ignorableLead[c] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); ignorable(r) {
			return true
		}
	}
	return false
}

// ignorableLead are the first bytes of the characters hasIgnorable looks
// for: U+00AD (C2), U+034F (CD), U+115F–U+180F (E1), U+200B–U+206F (E2),
// U+3164 (E3), U+FE00–U+FFFB (EF), U+1BCA0 and U+1D173 (F0), U+E0000 (F3).
var ignorableLead = [256]bool{0xc2: true, 0xcd: true, 0xe1: true, 0xe2: true, 0xe3: true, 0xef: true, 0xf0: true, 0xf3: true}

// ignorableAt reports whether r, between prev and next (0 at an end),
// shows as nothing there and changes nothing: always for termsafe.Invisible;
// in a word of an alphabet that needs none of them (Latin, Greek,
// Cyrillic, and digits), a contextual one ("terr\u00adorism",
// "Jane\u200c Doe" in a line); a variation selector after such a letter
// (not a keycap's digit); Hangul's leading filler not before a jamo. In a
// line (line), every zero-width space and direction mark too. Anywhere,
// a grapheme joiner or selector that acts on nothing (noEffect).
func ignorableAt(prev, r, next rune, line bool) bool {
	switch {
	case termsafe.Invisible(r):
		return true
	case !termsafe.Contextual(r):
		return false
	case termsafe.IsTag(r):
		// tag characters: a subdivision's flag (🏴 then its tags: the
		// Scotland flag) needs them, nothing else does (asked alone; a
		// text's dropIgnorable keeps a flag's tags alone: FlagTags)
		return prev != termsafe.BlackFlag
	case r == 0x115f || r == 0x1160:
		return !isJamo(next) && !isJamo(prev)
	case line && (r == 0x200b || r == 0x200e || r == 0x200f):
		return true
	case noEffect(prev, r, next):
		return true
	case r >= 0xfe00 && r <= 0xfe0f:
		// after a letter of a plain alphabet, or any ASCII but a keycap's
		// digit, # or * (g7\ufe0f was a second tag g7)
		return next != 0x20e3 && (prev < 0x80 && prev > ' ' || plainAlphabet(prev) && unicode.IsLetter(prev))
	case r >= 0x180b && r <= 0x180f:
		return !unicode.Is(unicode.Mongolian, prev)
	case r >= 0xe0100:
		return !unicode.Is(unicode.Han, prev)
	case r == 0x200e || r == 0x200f:
		// a direction mark asked alone (IgnorableAt, the index's
		// references): kept beside a right-to-left letter, as a text of
		// those three characters keeps it (dropIgnorable reads its paragraph)
		return !rtlLetter(prev) && !rtlLetter(next)
	case r == 0x34f:
		// the grapheme joiner (which keeps Hebrew points in their order)
		// goes only inside a word of a plain alphabet
		return wordRune(prev) && wordRune(next)
	}
	// the zero-width space and joiners
	return (plainAlphabet(prev) || prev == 0 || unicode.IsSpace(prev)) && (plainAlphabet(next) || next == 0 || unicode.IsSpace(next))
}

// noEffect reports whether r, a grapheme joiner or a variation selector
// (Contextual), does nothing visible between prev and next, in a line or
// a body, where the rules below would keep it: the joiner does something
// only between a letter or mark and the mark after it, which it keeps
// from being reordered (Hebrew points); a selector only after a base
// character it can select (not after a space, a line's start or a mark,
// nor a Mongolian one after anything but a Mongolian letter). At a word's
// edge either showed as nothing and made a second value that looks like
// the first (an attack: "Ann Lee\u034f\u034f", "\u034fAnn Lee", "Ann
// \ufe0fLee" were three more authors beside Ann Lee in folio stats, and
// filters missed them), or in a body a second word ("zzq\u034f" and
// "\ufe0fyyq" were not found by zzq and yyq).
func noEffect(prev, r, next rune) bool {
	switch {
	case r == 0x34f:
		return !unicode.IsMark(next) || !(unicode.IsLetter(prev) || unicode.IsMark(prev))
	case r >= 0x180b && r <= 0x180f:
		return !unicode.IsLetter(prev)
	case r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef:
		return prev == 0 || unicode.IsSpace(prev) || unicode.IsMark(prev)
	}
	return false
}

// selectorKind is which of the characters noEffect asks about r
// is: the grapheme joiner (0), a variation selector (1), a Mongolian free
// variation selector (2), the Mongolian vowel separator (3); -1 for any
// other. One of each acts on a character; in a line, a second beside it
// ("\u2764\ufe0f\ufe0f") is dropped.
func selectorKind(r rune) int {
	switch {
	case r == 0x34f:
		return 0
	case r >= 0xfe00 && r <= 0xfe0f || r >= 0xe0100 && r <= 0xe01ef:
		return 1
	case r == 0x180e:
		return 3
	case r >= 0x180b && r <= 0x180f:
		return 2
	}
	return -1
}

// IgnorableAt is ignorableAt in a body's text (not a line): whether r, a
// character termsafe.Invisible or termsafe.Contextual names, shows as
// nothing between prev and next and is dropped there. The index reads a
// character reference inside a word with it (index's charref.go), so
// that a reference and the character written as itself are read by one
// rule.
func IgnorableAt(prev, r, next rune) bool { return ignorableAt(prev, r, next, false) }

// wordRune: a letter, mark or digit of a plain alphabet.
func wordRune(r rune) bool {
	return plainAlphabet(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// plainAlphabet: r is a letter, mark or digit of a script that joins
// nothing and needs no mark to break or order its words, or ASCII.
func plainAlphabet(r rune) bool {
	if r < 0x80 {
		return r > ' '
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) || r <= 0x36f && r >= 0x300
}

// rtlLetter: r is a letter of a right-to-left script (bidi R or AL:
// Hebrew, Arabic, Syriac, Thaana…).
func rtlLetter(r rune) bool {
	if r < 0x590 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	return (p.Class() == bidi.R || p.Class() == bidi.AL) && r != 0x200f
}

// blockAround is the block of s, its lines between blank lines (a
// paragraph, a hard-wrapped one whole), that holds s[i]: where its first
// line starts and its last ends (before its new line). A direction mark is
// kept by its block's right-to-left letters (dropIgnorable,
// dropInvisibleReferences). Reads the block's lines alone.
func blockAround(s string, i int) (from, to int) {
	blank := func(l string) bool { return strings.Trim(l, " \t\r") == "" }
	from = strings.LastIndexByte(s[:i], '\n') + 1
	for from > 0 {
		start := strings.LastIndexByte(s[:from-1], '\n') + 1
		if blank(s[start : from-1]) {
			break
		}
		from = start
	}
	to = len(s)
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		to = i + k
	}
	for to < len(s) {
		line, _ := lineAt(s, to+1)
		if blank(line) {
			break
		}
		to += 1 + len(line)
	}
	return from, to
}

// rtlIn reports whether s, a block of lines, holds a right-to-left letter,
// each character read by at (which may decode a reference).
func rtlIn(s string, at func(s string, i int) (rune, int)) bool {
	for i := 0; i < len(s); {
		r, n := at(s, i)
		if rtlLetter(r) {
			return true
		}
		i += max(n, 1)
	}
	return false
}

func decodeAt(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }

// dropIgnorable: a left-to-right or right-to-left mark (U+200E, U+200F) in a body or
// another text of several lines is kept only in a paragraph (blockAround:
// its lines between blank lines) that holds right-to-left letters, where
// it places the punctuation and numbers among them ("\u05d1-C++\u200f.",
// on a line of a hard-wrapped Arabic paragraph that holds none too: 40rc
// dropped it there). Elsewhere it does nothing but turn what is
// around it: "The committee voted \u200f12 - 34\u200f against" showed
// "34 - 12" in a terminal that applies the bidi algorithm (VTE, Konsole:
// an attack's report; as &rlm; alike, and in a heading, a table cell, a
// standfirst or a note), so it is dropped there. In a line (a title, a
// tag) every one is dropped.
//
// dropIgnorable removes from s the characters ignorableAt says show as
// nothing where they stand, and the direction marks in a paragraph without
// right-to-left letters (in a line, every one).
func dropIgnorable(s string, line bool) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)                 // the last character kept
	blockEnd, blockRTL := -1, false // the paragraph a direction mark was last asked about
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !ignorable(r) {
			b.WriteString(s[i : i+size])
			prev, i = r, i+size
			continue
		}
		// a run of them, between prev and the character after the run
		end := len(s)
		if k := strings.IndexFunc(s[i:], func(r rune) bool { return !ignorable(r) }); k >= 0 {
			end = i + k
		}
		next := rune(0)
		if end < len(s) {
			next, _ = utf8.DecodeRuneInString(s[end:])
		}
		var kept [4]bool // in a line, the selectors of each kind kept in this run
		flag := i        // the end of a flag's tags (termsafe.FlagTags), kept: no others
		if prev == termsafe.BlackFlag {
			flag += termsafe.FlagTags(s[i:end])
		}
		at := i
		rtl := func() bool { // its paragraph's, read once
			if at > blockEnd {
				var from int
				from, blockEnd = blockAround(s, at)
				blockRTL = rtlIn(s[from:blockEnd], decodeAt)
			}
			return blockRTL
		}
		for k, r := range s[i:end] {
			if droppedAt(prev, r, next, line, i+k < flag, rtl) {
				continue
			}
			if k := selectorKind(r); line && k >= 0 {
				if kept[k] {
					continue // a second selects nothing more
				}
				kept[k] = true
			}
			b.WriteRune(r)
		}
		i = end
	}
	return b.String()
}

// droppedAt is the rule dropIgnorable and dropInvisibleReferences drop
// r by, a character ignorable names, between prev and next (0 at an end):
// a tag character unless it is one of a flag's tags (flagTag:
// termsafe.FlagTags after termsafe.BlackFlag); a direction mark in a line,
// or in a paragraph without right-to-left letters (rtl: blockAround); any
// other where ignorableAt says it shows as nothing.
func droppedAt(prev, r, next rune, line, flagTag bool, rtl func() bool) bool {
	switch {
	case termsafe.IsTag(r):
		return !flagTag
	case r == 0x200e || r == 0x200f:
		return line || !rtl()
	}
	return ignorableAt(prev, r, next, line)
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 {
			return !strings.ContainsFunc(s, func(r rune) bool {
				return r == utf8.RuneError || r == 0x2028 || r == 0x2029 || (r != '\n' && r != '\t' && isUnsafe(r))
			}) && utf8.ValidString(s)
		}
	}
	return true
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

func isUnsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, isC1(r):
		return true
	case r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069, // LRI, RLI, FSI, PDI
		r == 0x061c,                // Arabic letter mark
		r == 0xE000 || r == 0xE001: // folio's own match marks
		return true
	}
	return r != utf8.RuneError && unicode.Is(unicode.Cc, r)
}

// loneCR makes each CR alone (not before LF) LF: a line's end, as in
// CommonMark, for Sanitize and for the steps that read a body (Parse).
// It is the one place that says so.
var loneCR = strings.NewReplacer("\r\n", "\r\n", "\r", "\n")
