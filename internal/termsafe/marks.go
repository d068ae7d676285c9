package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMarks is the most combining marks a character keeps, in a piece's
// one-line field and its body (archive's Sanitize) and in a name or
// message the command line prints (Quote, Escape, JSON) alike: Vietnamese
// stacks two, Indic scripts and Tibetan a few. (A body's word of 450
// stacked marks was written as it was by show, and drew over the lines
// around it; a file name of 100 by check.)
const MaxMarks = 8

// CapMarks cuts each run of combining marks (Mn, Me) to MaxMarks. The
// characters of no width that are no base for a mark (zeroWidth: the
// zero-width space, the joiners, the word joiner, a direction mark) do not
// end a run, as a terminal sets them in the cell of the character before
// them, where the marks after them stack as well (an attack's report: a
// body's א with 200 marks, each after a zero-width space, an author's
// 100 with joiners, were shown whole); those after a mark cut go with
// the marks. Text that needs them keeps them: a joiner between two
// letters (Persian's ZWNJ, a conjunct's ZWJ after a virama, an emoji
// sequence's ZWJ) stands in no run of more than MaxMarks.
func CapMarks(s string) string {
	if !overMarks(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	run := 0
	for _, r := range s {
		if !surplusMark(&run, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// overMarks says whether s holds a run of marks CapMarks cuts.
func overMarks(s string) bool {
	if !longNonASCII(s) {
		return false
	}
	run := 0
	for _, r := range s {
		if surplusMark(&run, r) {
			return true
		}
	}
	return false
}

// surplusMark counts r into run, the marks of the character so far, and
// says whether r is past MaxMarks: a mark, or a character of no width
// after a mark past it.
func surplusMark(run *int, r rune) bool {
	switch {
	case r < 0x300:
		*run = 0
		return false
	case unicode.In(r, unicode.Mn, unicode.Me):
		*run++
		return *run > MaxMarks
	case zeroWidth(r):
		return *run > MaxMarks
	}
	*run = 0
	return false
}

// zeroWidth is a character a terminal gives no cell of its own and that
// is no base for a mark: a format character (Cf: the zero-width space,
// ZWNJ, ZWJ, the word joiner, the direction marks, the byte-order mark,
// the tag characters) but the prepended ones that show (the Arabic
// number signs, U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2,
// U+110BD, U+110CD), and Hangul's conjoining vowels and finals
// (U+1160–U+11FF, U+D7B0–U+D7FF), set in the cell of the letter before
// them. The variation selectors and the grapheme joiner are marks (Mn).
func zeroWidth(r rune) bool {
	switch {
	case r < 0x300: // the soft hyphen too, which a terminal gives a cell
		return false
	case r >= 0x1160 && r <= 0x11ff, r >= 0xd7b0 && r <= 0xd7ff:
		return true
	case r >= 0x600 && r <= 0x605, r == 0x6dd, r == 0x70f, r == 0x890, r == 0x891, r == 0x8e2, r == 0x110bd, r == 0x110cd:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// longNonASCII reports whether s has a run of non-ASCII bytes long
// enough to hold more than MaxMarks combining marks (two bytes or more
// each): CapMarks decodes the runes of a text only then (a body in Latin
// script has none).
func longNonASCII(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		// eight ASCII bytes at a time (a run needs more than eight)
		for i+8 <= len(s) && (uint64(s[i])|uint64(s[i+1])<<8|uint64(s[i+2])<<16|uint64(s[i+3])<<24|
			uint64(s[i+4])<<32|uint64(s[i+5])<<40|uint64(s[i+6])<<48|uint64(s[i+7])<<56)&0x8080808080808080 == 0 {
			i, run = i+8, 0
		}
		if i == len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			run = 0
		} else if run++; run > 2*MaxMarks {
			return true
		}
	}
	return false
}
