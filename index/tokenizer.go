package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// wordTokenizer splits text into words: runs of letters and digits, with
// an apostrophe inside a word kept (Isil’s, don't) and a point or comma
// inside a number kept (3.5, 10,000). Han, Hiragana and Katakana characters
// are one token each. Superscript digits right after a number are a number
// of their own, in ASCII (10⁶ is 10 and 6, as 10^6 is: superscriptExponent);
// elsewhere they are no word (m², a footnote's ¹). A character reference outside a code block or span is
// read as the character it stands for (charref.go, codespans.go), and
// emphasis inside a word is dropped (coun*ter*act is counteract:
// emphasis.go). It does what bleve's Unicode (UAX #29) tokenizer does
// for the prose folio indexes, at several times its speed, which matters
// because tokenizing is a large part of indexing.
//
// Between two blocks of Markdown (blocks.next) it leaves a place empty, so
// that the last word of a list item and the first of the next, or a
// paragraph's last word and the heading after it, are never a phrase.
type wordTokenizer struct{}

const tokenizerName = "folio_words"

func init() {
	_ = registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
}

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return tokenize(input, true)
}

// plainTokenizer is wordTokenizer for plain text, a front matter field
// as the archive read it (a title, the authors, the outlet): its
// character references were decoded once, and what reads as one now is
// text (archive's fieldrefs.go: "Why &amp;nbsp; matters" is the title
// "Why &nbsp; matters", whose words are why, nbsp and matters).
type plainTokenizer struct{}

const plainTokenizerName = "folio_plain_words"

func init() {
	_ = registry.RegisterTokenizer(plainTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return plainTokenizer{}, nil
	})
}

func (plainTokenizer) Tokenize(input []byte) analysis.TokenStream {
	return tokenize(input, false)
}

// tokenize is Tokenize; refs says whether character references are read
// decoded (charref.go): without, they are text as written (a plain text's,
// plainTokenizer; the tests tokenize html.UnescapeString's text so).
func tokenize(input []byte, refs bool) analysis.TokenStream {
	// Room for a word every 5 bytes: prose has one every 5-7 bytes
	// (measured 2026-12-02: the State of the Union's 233 speeches 5.98,
	// the 30 web pages of the shared corpora 5.07, the bench's archive
	// 6.08, the bundled archive 6.74). At one every 7 nearly every piece
	// outgrew it and the slice was allocated twice (the second 1.44 times
	// the first): the largest allocation of a build in a heap profile.
	store := make([]analysis.Token, 0, len(input)/5+1)
	pos := 1
	i := 0
	prevEnd := -1 // where the last word ended
	var bl blocks
	var cs codeSpans // a reference in a code span is text as written
	// lines: a line's end or a bar since the last word; without one no
	// block can end there (blocks.next, asked only then)
	lines := true
	for i < len(input) {
		c := input[i]
		var term []byte // the word decoded, when it has a reference
		// fast skip of ASCII separators
		if c < utf8.RuneSelf && !isASCIIAlnum(c) {
			if c == '`' && refs && !cs.in(i) {
				if j, ok := cs.open(input, i, &bl, lines, prevEnd); ok {
					i = j
					continue
				}
			}
			if c == '&' && refs && !cs.in(i) {
				if r, _, n := charRef(input, i); n > 0 {
					// the state of this line's blocks, asked of a copy:
					// the word, if any, begins later when the reference
					// is text as written (code) or no word
					nb, refBrk := bl, false // refBrk: a block ends before the word
					if lines {
						refBrk = nb.next(input, prevEnd, i)
					}
					if nb.fence == 0 && !nb.icode {
						if !isWordRuneU(r) {
							i += n // a space or punctuation
							continue
						}
						bl = nb
						if isIdeograph(r) {
							if refBrk {
								pos += blockGap
							}
							store = append(store, analysis.Token{Start: i, End: i + n, Term: utf8.AppendRune(nil, r),
								Position: pos, Type: analysis.Ideographic})
							prevEnd = i + n
							lines = false
							pos++
							i += n
							continue
						}
						start := i
						if refBrk {
							pos += blockGap
						}
						var digits bool
						i, term, digits = refWord(input, start, i, true)
						store = append(store, wordToken(start, i, term, pos, digits))
						pos++
						prevEnd = i
						lines = false
						continue
					}
				}
			}
			if c == '\n' || c == '|' {
				lines = true
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(input[i:])
			if !isWordRuneU(r) {
				if prevEnd == i && i > 0 && isDigit(input[i-1]) {
					// an exponent in superscript digits: 10⁶ is 10 and
					// 6, as 10^6 is, not 106 nor 10 alone
					if end, term := superscriptExponent(input, i); end > i {
						store = append(store, analysis.Token{Start: i, End: end, Term: term, Position: pos, Type: analysis.Numeric})
						pos++
						prevEnd = end
						i = end
						continue
					}
				}
				i += size
				continue
			}
			if isIdeograph(r) {
				if lines && bl.next(input, prevEnd, i) {
					pos += blockGap
				}
				store = append(store, analysis.Token{Start: i, End: i + size, Term: input[i : i+size],
					Position: pos, Type: analysis.Ideographic})
				prevEnd = i + size
				lines = false
				pos++
				i += size
				continue
			}
		}
		start := i
		if lines && bl.next(input, prevEnd, start) {
			pos += blockGap
		}
		digits := true
		for i < len(input) {
			c := input[i]
			if c < utf8.RuneSelf {
				if isASCIIAlnum(c) {
					if c > '9' {
						digits = false
					}
					i++
					continue
				}
				// inner apostrophe, or a point/comma inside a number
				if i+1 < len(input) && i > start {
					next := input[i+1]
					if c == '\'' && isASCIIAlpha(next) && isASCIIAlpha(input[i-1]) {
						i++
						continue
					}
					if (c == '.' || c == ',') && isDigit(next) && isDigit(input[i-1]) {
						i++
						continue
					}
				}
				break
			}
			r, size := utf8.DecodeRune(input[i:])
			if r == '’' && i+size < len(input) && isASCIIAlpha(input[i+size]) && i > start {
				i += size
				continue
			}
			if !isWordRuneU(r) || isIdeograph(r) {
				break
			}
			digits = false
			i += size
		}
		if refs && (refNear(input, i) || i < len(input) && delimiterRun(input[i])) && bl.fence == 0 && !bl.icode && !cs.in(i) {
			// the word may go on with a reference (caf&eacute;) or past
			// emphasis (coun*ter*act: emphasis.go)
			i, term, digits = bl.wordOn(input, start, i, digits)
		}
		if term == nil {
			term = input[start:i]
		}
		store = append(store, wordToken(start, i, term, pos, digits))
		pos++
		prevEnd = i
		lines = false
	}
	out := make(analysis.TokenStream, len(store))
	for k := range store {
		out[k] = &store[k]
	}
	return out
}

// wordToken is the token of a word at input[start:end], its term as
// read (decoded where it has a reference), numeric when all digits.
func wordToken(start, end int, term []byte, pos int, digits bool) analysis.Token {
	typ := analysis.AlphaNumeric
	if digits {
		typ = analysis.Numeric
	}
	return analysis.Token{Start: start, End: end, Term: term, Position: pos, Type: typ}
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isASCIIAlpha(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordRuneU(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isIdeograph(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// superDigits are the superscript digits, ⁰ to ⁹.
const superDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

// superscriptExponent reads the superscript digits at input[i:], a
// superscript sign before them ("⁻³": a sign is no part of a term, as
// "-3" is 3): where they end, and their digits in ASCII; end is i when
// there are none. archive.ScriptText writes 10<sup>6</sup> 10⁶.
func superscriptExponent(input []byte, i int) (end int, term []byte) {
	j := i
	if r, n := utf8.DecodeRune(input[j:]); r == '⁻' || r == '⁺' {
		j += n
	}
	for j < len(input) {
		r, n := utf8.DecodeRune(input[j:])
		d := strings.IndexRune(superDigits, r)
		if d < 0 || r == utf8.RuneError {
			break
		}
		term = append(term, byte('0'+utf8.RuneCountInString(superDigits[:d])))
		j += n
	}
	if term == nil {
		return i, nil
	}
	return j, term
}
