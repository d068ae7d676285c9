package archive

import (
	"html"
	"unicode"
	"unicode/utf8"
)

// A word a link is part of is kept whole where the link is shown as its
// text then its target: by ui's wordsAroundLinks for a link the renderer
// shows, by markLine for a relative one folio writes out itself. One rule
// for both (a read of the change: markLine had its own, which joined the
// first 64 letters of a longer run and ran the target into the rest).

// MaxWordJoin bounds the letters of a word moved into a link beside them:
// a longer run of letters is no word.
const MaxWordJoin = 64

// WordRun is the length in bytes of the word at the start of v (at its
// end when back is set): runes JoinsWord takes, an apostrophe between
// two of them; 0 when there is none, or it is longer than MaxWordJoin
// runes. Read forward, a character reference is what it shows
// (ShownAt: "&#97;log" is the word "alog", as "alog" is: the link's URL
// was run into it, "[cat](u)&#97;log" read "cat ualog"); read back, a
// reference ends the word (its end alone cannot tell it from text).
func WordRun(v []byte, back bool) int {
	n, runes := 0, 0
	for n < len(v) {
		var unit string
		var size int
		if back {
			r, sz := utf8.DecodeLastRune(v[:len(v)-n])
			unit, size = string(r), sz
		} else {
			unit, size = ShownAt(v, n)
		}
		for i, r := range unit {
			if r == '\'' || r == '’' {
				// an apostrophe inside the word: a word rune beyond it
				var after rune
				switch {
				case i+utf8.RuneLen(r) < len(unit):
					after, _ = utf8.DecodeRuneInString(unit[i+utf8.RuneLen(r):])
				case back:
					after, _ = utf8.DecodeLastRune(v[:len(v)-n-size])
				case n+size < len(v):
					next, _ := ShownAt(v, n+size)
					after, _ = utf8.DecodeRuneInString(next)
				}
				if !JoinsWord(after) {
					return n
				}
			} else if !JoinsWord(r) {
				return n
			}
			if runes++; runes > MaxWordJoin {
				return 0
			}
		}
		n += size
	}
	return n
}

// maxReference bounds the bytes of a character reference ShownAt reads
// (the longest name HTML has is 33 bytes with its "&" and ";"): a longer
// run is read as text, its "&" no letter.
const maxReference = 40

// ShownAt is what the text v shows at byte n, and the bytes of v it is:
// a character reference there as html.UnescapeString decodes it (as
// Glamour decodes a text, and CommonMark reads one: "&#97;" "a",
// "&eacute;" "é", "&rsquo;" "’"), else the rune there.
func ShownAt(v []byte, n int) (string, int) {
	if v[n] == '&' {
		m := n + 1
		for m < len(v) && m-n < maxReference && (v[m] == '#' || 'a' <= v[m]|0x20 && v[m]|0x20 <= 'z' || '0' <= v[m] && v[m] <= '9') {
			m++
		}
		if m < len(v) && v[m] == ';' {
			m++
		}
		if raw := string(v[n:m]); m > n+1 && m-n < maxReference {
			if s := html.UnescapeString(raw); s != raw {
				return s, m - n
			}
		}
	}
	r, size := utf8.DecodeRune(v[n:])
	return string(r), size
}

// JoinsWord says whether r is part of a word a link's text joins: a
// letter, a digit or a mark of a script that sets its words apart with
// spaces.
func JoinsWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo, unicode.Yi,
			unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}
