package index

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// A word in capitals (ISIS, MI5, NATO) is searched as written: the pieces
// with its stem (isi) are the candidates, and each one's text was read for
// the word in capitals, since the index holds stems in lower case. At 100k
// generated pieces ISIS took 1.9 s and ISIL 3.2 s, most of it reading
// texts. The fCaps field holds what that reading looked for, so that no
// text is read: each word of the text whose caseKey is a word in capitals
// (isCapsWord), as that key, and each word of a tag as "#" and its
// exactKey (a tag is a topic's name, lower case by custom: ISIS finds the
// pieces tagged isis). The words are the tokenizer's, which are the words
// the check scans (FuzzScanWordsAsTokenized), taken from the text's one
// tokenizing (sharedText) before the filter drops or changes any. ISIL at
// 100k 3.28–3.29 → 1.78–2.05 s (its aliases as written, Isil and Daesh,
// are still read); the field also keeps, for word*, the stems whose last
// letter the stemmer made (surestems.go).

// capsTagMark begins an fCaps term made from a word of a tag.
const capsTagMark = "#"

// capsTagLowerMark begins an fCaps term made from a plain word of a tag
// in lower case, where that is not its exactKey.
const capsTagLowerMark = "#="

// capsMadeMark begins an fCaps term that is a stem of the text's whose
// last letter the stemmer made for one of its words at least (hoping →
// hope): word* reads such pieces' texts (surestems.go).
const capsMadeMark = "~"

// capsJoinMark begins an fCaps term that is the term of a compound of
// the text's (compounds.go: counterterror for counter-terrorism): word*
// matches words as written, and reads such pieces' texts.
const capsJoinMark = "+"

// capsPartMark begins an fCaps term that is the term of a compound of the
// text's that is a part of a longer run not beginning at its first word
// (compounds.go: theabov of all-of-the-above, terrorismrel of
// counter-terrorism-related): a prefix begins a run's closed word from
// its first word only (formMatcher.inJoined), so the word being typed
// reads such pieces' texts when it begins the term (typingUnitQueries).
const capsPartMark = "^"

// capsTokens is fCaps's analyser: the caps terms of the shared analysis.
type capsTokens struct{ s *sharedText }

func (c capsTokens) Analyze([]byte) analysis.TokenStream { return c.s.takeCaps() }

// capsOf are the fCaps tokens of the tokenizer's tokens toks of a text
// whose tags begin at byte tagsAt.
func capsOf(toks analysis.TokenStream, tagsAt int) analysis.TokenStream {
	var out analysis.TokenStream
	for _, t := range toks {
		var term string
		if t.Start >= tagsAt {
			w := string(t.Term)
			term = capsTagMark + exactKey(w)
			if plainWord(t.Term) {
				// the check takes a plain tag word in any case as
				// written too (formMatcher.is), and exactKey is not
				// idempotent (vapourise → vaporise → vaporize)
				if low := strings.ToLower(w); capsTagMark+low != term {
					out = append(out, capsToken(capsTagLowerMark+low, t))
				}
			}
		} else if mayBeCaps(t.Term) {
			k := caseKey(string(t.Term))
			if !isCapsWord(k) {
				continue
			}
			term = k
		} else {
			continue
		}
		out = append(out, capsToken(term, t))
	}
	return out
}

// capsToken is the fCaps token of term for the text's token t, cut to
// maxTermBytes (a query of such a word reads the texts: capsUsable).
func capsToken(term string, t *analysis.Token) *analysis.Token {
	b := []byte(term)
	if len(b) > maxTermBytes {
		b = cutTerm(b)
	}
	return &analysis.Token{Term: b, Start: t.Start, End: t.End, Position: t.Position, Type: t.Type}
}

// plainWord reports whether w is ASCII without an apostrophe: a word the
// check compares in any case as written (formMatcher.is).
func plainWord(w []byte) bool {
	for _, c := range w {
		if c >= utf8.RuneSelf || c == '\'' {
			return false
		}
	}
	return true
}

// mayBeCaps is a quick test that a word's caseKey may be a word in
// capitals: an ASCII word with a small letter anywhere but in a closing 's
// is not one (most words; the rest are looked at whole).
func mayBeCaps(w []byte) bool {
	upper := 0
	for i, c := range w {
		switch {
		case c >= utf8.RuneSelf:
			return true
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z':
			if !(c == 's' && i == len(w)-1 && i > 0 && w[i-1] == '\'') {
				return false
			}
		}
	}
	return upper >= 2
}

// capsUsable reports whether fCaps answers for the word in capitals f (a
// caseKey): a term cut to maxTermBytes (cutTerm, at least maxTermBytes-3
// bytes) is not the word it was cut from, so f and its tag term must be
// shorter than any cut term.
func capsUsable(f string) bool {
	return isCapsWord(f) && len(capsTagLowerMark+exactKey(f)) <= maxTermBytes-utf8.UTFMax && len(f) <= maxTermBytes-utf8.UTFMax
}

// capsDocs are the pieces of snap whose texts have the word in capitals
// f (a caseKey) or whose tags have a word of f's exactKey: the pieces the
// check of f would pass.
func capsDocs(ctx context.Context, snap *scorch.IndexSnapshot, f string) (docBits, error) {
	g := exactKey(f) // what the check compares a tag's words with
	return termDocs(ctx, snap, fCaps, [][]byte{[]byte(f), []byte(capsTagMark + g), []byte(capsTagLowerMark + g)})
}

// termDocs are the pieces of snap whose field has any of terms.
func termDocs(ctx context.Context, snap *scorch.IndexSnapshot, field string, terms [][]byte) (docBits, error) {
	segs, offsets, total := segmentOffsets(snap)
	bits := make(docBits, (total+63)/64)
	for k, ss := range segs {
		for _, t := range terms {
			err := segmentPostings(ctx, ss, field, t, func(d uint64) { bits.set(offsets[k] + d) })
			if err != nil {
				return nil, err
			}
		}
	}
	return bits, nil
}

// segmentPostings calls fn with the segment's number of each piece whose
// field has term (the deleted ones left out).
func segmentPostings(ctx context.Context, ss *scorch.SegmentSnapshot, field string, term []byte, fn func(d uint64)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d, err := ss.Segment().Dictionary(field)
	if err != nil {
		return err
	}
	pl, err := d.PostingsList(term, ss.Deleted(), nil)
	if err != nil || pl == nil {
		return err
	}
	it := pl.Iterator(false, false, false, nil)
	for {
		p, err := it.Next()
		if err != nil || p == nil {
			return err
		}
		fn(p.Number())
	}
}

// noCapsField, in tests, reads the texts of a word in capitals' candidates
// as before: the answers with and without fCaps are compared.
var noCapsField = false

// halfWidth is w with its full-width forms of ASCII (U+FF01–U+FF5E:
// ＡＢＣ, ｓ, １) as ASCII, as the text's folding reads them: a word in
// capitals typed ABC finds ＡＢＣ, as abc does.
func halfWidth(w string) string {
	if !strings.Contains(w, "\xef\xbc") && !strings.Contains(w, "\xef\xbd") {
		return w
	}
	return strings.Map(func(r rune) rune {
		if r >= 0xff01 && r <= 0xff5e {
			return r - 0xfee0
		}
		return r
	}, w)
}
