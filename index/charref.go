package index

import (
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Character references. Markdown shows "caf&eacute;", "don&#8217;t" and
// "Isil&nbsp;fighters" as café, don’t and Isil fighters (the reader and
// the snippets decode them too), and WordPress's exports to Jekyll and
// Hugo are full of them; so the tokenizer and scanWords read a reference
// as the character it stands for: a letter begins or goes on with a word
// (the token's Term is the decoded word, its Start and End the raw bytes,
// so that a mark covers "caf&eacute;"), &#8217; inside a word is the ’
// the tokenizer keeps there, and a space or punctuation (&nbsp;, &amp;,
// &mdash;) parts words and is none; a soft hyphen or a zero-width
// character inside a word (terr&shy;orism, terr&#8203;orism) is dropped,
// as the archive drops one written as itself (refIgnorable), and the
// snippets drop it there too; one the archive keeps (a Mongolian
// selector after a Mongolian letter) is the character, as written as
// itself (ᠠ&#x180b;ᠡ one word). (A piece's body comes from the archive
// rid of such references already, where the character would go:
// archive's dropInvisibleReferences; this reading is for what is left,
// which is the same rule inside a word.) That is the body's text, Markdown; a
// front matter field is plain text once the archive has read it (its
// references decoded once: archive's fieldrefs.go), read without this
// step (plainTokenizer, scanText) or written through archive.PlainText
// (document, the snippets). A reference is one CommonMark
// decodes: "&" and a name html.UnescapeString knows (HTML5's) and ";",
// or "&#" and one to seven digits and ";", or "&#x" and one to six hex
// digits and ";"; a number is read as html.UnescapeString reads it (0, a
// surrogate or past U+10FFFF is U+FFFD, 128 to 159 Windows-1252's).
// Inside a fenced or an indented code block (blocks.fence, blocks.icode)
// a reference is text as written, as Markdown shows it there, and so it
// is inside a code span (`&amp;`: codespans.go). A reference that stands for two characters is read by
// its first: &fjlig; is the word fj, and the ones of a symbol with a
// combining mark (&nvlt;, &NotSubset;) are no word, where
// html.UnescapeString's text would make the lone mark one.

// charRef decodes the character reference text[i:] begins with (text[i]
// is '&'): its first character, its second (-1 when it has one), and its
// length in bytes; n is 0 when no reference begins there. The rules are
// archive.ReferenceAt's, which decodes the front matter's fields, read
// here on a view of text; after "&" alone at the end, no reference.
func charRef(text []byte, i int) (r, r2 rune, n int) {
	if i+1 >= len(text) {
		return 0, -1, 0
	}
	return archive.ReferenceAt(bytesView(text), i)
}

// refNear reports whether a character reference may begin at text[i] or
// just after the character there: where a word stopped at i, the
// reference may go on with it (caf&eacute;, don’&#116;).
func refNear(text []byte, i int) bool {
	return i < len(text) && text[i] == '&' || i+1 < len(text) && text[i+1] == '&' ||
		i+3 < len(text) && text[i+3] == '&'
}

// decodedAt is the character at text[i], a reference decoded (its first
// character), and its length in bytes; utf8.RuneError and 0 at the end.
func decodedAt(text []byte, i int) (rune, int) {
	if i >= len(text) {
		return utf8.RuneError, 0
	}
	c := text[i]
	if c == '&' {
		if r, _, n := charRef(text, i); n > 0 {
			return r, n
		}
	}
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(text[i:])
}

// refWord goes on with the word of text that begins at start, from i,
// where the fast scan (wordTokenizer.Tokenize, scanWords) stopped at or
// before a character reference (i == start: the word begins with one),
// reading references decoded: it returns where the word ends, the word
// decoded (a new slice, nil when it is text[start:end] as written), and
// whether it is digits alone (digits: so far). The rules are the fast
// scan's, of the decoded characters.
func refWord(text []byte, start, i int, digits bool) (end int, word []byte, allDigits bool) {
	var prev rune // the word's last character, decoded
	if i > start {
		prev, _ = utf8.DecodeLastRune(text[start:i])
	}
	flushed := start // text[start:flushed] is in word
	for i < len(text) {
		r, r2, size := rune(text[i]), rune(-1), 1
		ref := false
		switch c := text[i]; {
		case c == '&':
			if d, d2, n := charRef(text, i); n > 0 {
				r, r2, size, ref = d, d2, n, true
			}
		case c >= utf8.RuneSelf:
			r, size = utf8.DecodeRune(text[i:])
		}
		if ref && i > start && r2 < 0 && maybeIgnorable(r) {
			// a soft hyphen or a zero-width character inside the word
			// (terr&shy;orism): dropped, as the archive drops it written
			// as itself (archive's ignorableAt), when the word goes on;
			// one that stays is read as the character (a selector, a
			// mark, goes on with a Mongolian word: ᠠ&#x180b;ᠡ; a joiner
			// ends it)
			if next := nextPastIgnorable(text, i+size); continuesWord(next) && refIgnorable(prev, r, next) {
				if word == nil {
					word = make([]byte, 0, i-start+2*utf8.UTFMax+8)
				}
				word = append(word, text[flushed:i]...)
				flushed = i + size
				i += size
				continue
			}
		}
		switch {
		case r < utf8.RuneSelf && isASCIIAlnum(byte(r)):
			if r > '9' {
				digits = false
			}
		case r == '\'' || r == '.' || r == ',' || r == '’':
			if i == start {
				goto done
			}
			next, _ := decodedAt(text, i+size)
			switch {
			case r == '\'' && isASCIIAlphaRune(next) && isASCIIAlphaRune(prev):
			case r == '’' && isASCIIAlphaRune(next):
			case (r == '.' || r == ',') && isDigitRune(next) && isDigitRune(prev):
			default:
				goto done
			}
		case r >= utf8.RuneSelf && isWordRuneU(r) && !isIdeograph(r):
			digits = false
		default:
			goto done
		}
		if ref {
			if word == nil {
				word = make([]byte, 0, i-start+2*utf8.UTFMax+8)
			}
			word = append(word, text[flushed:i]...)
			word = utf8.AppendRune(word, r)
			if r2 >= 0 {
				word = utf8.AppendRune(word, r2)
				r = r2
			}
			flushed = i + size
		}
		prev = r
		i += size
	}
done:
	if word != nil {
		word = append(word, text[flushed:i]...)
	}
	return i, word, digits
}

// maybeIgnorable: r is a character that may show as nothing where it
// stands (refIgnorable says where): termsafe's Invisible and Contextual,
// the characters archive's Sanitize looks at.
func maybeIgnorable(r rune) bool { return termsafe.Invisible(r) || termsafe.Contextual(r) }

// refIgnorable reports whether r (maybeIgnorable), read from a reference
// between prev and next, two characters of a word, shows as nothing
// there: archive's ignorableAt (Sanitize, archive.IgnorableAt), which
// drops it from a text written as itself, asked of the same neighbours.
// Always for the soft hyphen, the word joiner and the other invisible
// ones; a direction mark beside no right-to-left letter; the zero-width
// space, joiners and grapheme joiner between two characters of a Latin,
// Greek or Cyrillic word
// (Persian and Indic scripts need the joiners); a variation selector
// after such a letter (not after a mark, nor before a keycap's);
// Mongolian's selectors and the ideographic ones outside their scripts;
// Hangul's fillers away from jamo; the tag characters but after a flag's
// base.
func refIgnorable(prev, r, next rune) bool { return archive.IgnorableAt(prev, r, next) }

// nextPastIgnorable is the character at text[i], a reference decoded,
// past the references there to characters that may show as nothing
// (terr&shy;&shy;orism: o).
func nextPastIgnorable(text []byte, i int) rune {
	for {
		r, n := decodedAt(text, i)
		if n == 0 || text[i] != '&' || !maybeIgnorable(r) {
			return r
		}
		i += n
	}
}

// continuesWord: r goes on with a word (a letter, digit or mark, not an
// ideograph, which is a word of its own).
func continuesWord(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return r != utf8.RuneError && isWordRuneU(r) && !isIdeograph(r)
}

func isASCIIAlphaRune(r rune) bool { return r < utf8.RuneSelf && isASCIIAlpha(byte(r)) }

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

// appendDecoded appends the word w as written (a token's raw bytes) to
// dst with its character references decoded: the written form of a word
// the tokenizer decoded (a word read in a code block has no "&").
func appendDecoded(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		if w[i] == '&' {
			if r, r2, n := charRef(w, i); n > 0 {
				dst = utf8.AppendRune(dst, r)
				if r2 >= 0 {
					dst = utf8.AppendRune(dst, r2)
				}
				i += n
				continue
			}
		}
		dst = append(dst, w[i])
		i++
	}
	return dst
}
