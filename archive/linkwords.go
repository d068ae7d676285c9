package archive

import (
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
// runes.
func WordRun(v []byte, back bool) int {
	n, runes := 0, 0
	for n < len(v) {
		var r rune
		var size int
		if back {
			r, size = utf8.DecodeLastRune(v[:len(v)-n])
		} else {
			r, size = utf8.DecodeRune(v[n:])
		}
		if r == '\'' || r == '’' {
			// an apostrophe inside the word: a word rune beyond it
			var next rune
			if back {
				next, _ = utf8.DecodeLastRune(v[:len(v)-n-size])
			} else {
				next, _ = utf8.DecodeRune(v[n+size:])
			}
			if !JoinsWord(next) {
				break
			}
		} else if !JoinsWord(r) {
			break
		}
		n += size
		if runes++; runes > MaxWordJoin {
			return 0
		}
	}
	return n
}

// JoinsWord says whether r is part of a word a link's text joins: a
// letter, a digit or a mark of a script that sets its words apart with
// spaces.
func JoinsWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) &&
		!unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo, unicode.Yi,
			unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}
