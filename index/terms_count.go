package index

import (
	"bytes"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// sampleCounts counts, over the pieces read by Terms, the pieces that have
// each word and each pair of words in a row, and the forms each had in the
// text. Words are numbered as they are first met, and pieces, pairs and
// forms are counted by number: a map of strings per word and per pair (as
// it was) spent more time than the analyser on the same text.
type sampleCounts struct {
	ids   map[string]int32 // a term as the index holds it → its number
	terms []termCount      // by number

	pairIDs map[uint64]int32 // two numbers → the pair's number
	pairs   []termCount      // by pair number; a pair's text is its words'

	formIDs map[string]int32 // a form as written (lower case) → its number
	forms   []string

	piece int32 // the number of the piece being counted, from 1
	lower []byte

	// skip is the query's words (significant's skip), parts skip with the
	// words of the sample's compounds whose closed word skip has
	// (skipParts); parts is skip until one is found (cloned).
	skip, parts map[string]bool
	cloned      bool
}

// termCount is a word's or a pair's count of pieces and of forms.
type termCount struct {
	text  string // the word; "" for a pair
	a, b  int32  // a pair's words
	docs  int32  // pieces with it
	last  int32  // the last piece that had it
	like  bool   // wordLike(text)
	forms []formCount
}

// formCount is a form of a word (f, g = -1) or of a pair and the pieces in
// which it was first written so.
type formCount struct {
	f, g int32
	n    int32
}

func newSampleCounts() *sampleCounts {
	return &sampleCounts{ids: map[string]int32{}, pairIDs: map[uint64]int32{}, formIDs: map[string]int32{}}
}

// countSample counts the words and pairs of texts (one per piece, each a
// list of fields), and returns skip with the words of the sample's
// hyphenated compounds whose closed word skip has (compounds.go): a query
// of counterterrorism leaves out counter and terrorism where the pieces
// write counter-terrorism, as counter-terrorism searched leaves them out.
// skip is not changed. Both from one tokenising of each text: the parts
// were found by tokenising the hyphenated texts again (withCompoundParts:
// 16.7 MB allocated against 11.0 for a sample of the SOTU addresses,
// BenchmarkCountSample).
func countSample(texts [][][]byte, skip map[string]bool) (*sampleCounts, map[string]bool) {
	sc := newSampleCounts()
	sc.skip, sc.parts = skip, skip
	for _, fields := range texts {
		sc.piece++
		for _, text := range fields {
			sc.count(text)
		}
	}
	return sc, sc.parts
}

// skipParts adds to sc.parts the words of each compound of cs (analysed:
// compoundTerms) whose closed word sc.skip has, as normalizeTerm reads
// them alone from ts, the tokenizer's tokens of the text before the
// filter. sc.skip is cloned at the first.
func (sc *sampleCounts) skipParts(cs, ts analysis.TokenStream) {
	for _, c := range cs {
		if !sc.skip[string(c.Term)] {
			continue
		}
		if !sc.cloned {
			sc.parts, sc.cloned = maps.Clone(sc.skip), true
		}
		for _, w := range ts {
			if w.Start >= c.Start && w.End <= c.End {
				if n := normalizeTerm(string(w.Term)); n != "" {
					sc.parts[n] = true
				}
			}
		}
	}
}

// count adds the words of text, a field of the current piece, and its
// pairs of words in a row (with the analyser's positions: a stop word
// between two words parts them). The closed words of its hyphenated
// compounds are words too, as the index holds them (compounds.go), so
// that a word's count in the pieces read is counted as its count in the
// archive is: counterterrorism's from the pieces that write it either
// way; a compound's words are words and pairs as before.
func (sc *sampleCounts) count(text []byte) {
	ts := wordTokenizer{}.Tokenize(text)
	cs := compoundTerms(compoundsOf(text, ts)) // before the filter changes the words
	sc.skipParts(cs, ts)
	toks := withCompounds(normalizeFilter{}.filter(ts, nil, nil), cs)
	prev, prevForm := int32(-1), int32(-1)
	last := -1 // the last word's index in toks, not a compound's
	for i, t := range toks {
		if t.Type == compoundType {
			sc.countCompound(t, text)
			continue
		}
		id, ok := sc.ids[string(t.Term)]
		if !ok {
			w := string(t.Term)
			id = int32(len(sc.terms))
			sc.ids[w] = id
			sc.terms = append(sc.terms, termCount{text: w, like: wordLike(w)})
		}
		tc := &sc.terms[id]
		if !tc.like {
			prev = -1
			continue
		}
		form := sc.formID(text[t.Start:t.End])
		if tc.last != sc.piece {
			tc.last = sc.piece
			tc.docs++
			tc.forms = addForm(tc.forms, form, -1)
		}
		if prev >= 0 && prev != id && last >= 0 && toks[last].Position == t.Position-1 {
			key := uint64(prev)<<32 | uint64(id)
			p, ok := sc.pairIDs[key]
			if !ok {
				p = int32(len(sc.pairs))
				sc.pairIDs[key] = p
				sc.pairs = append(sc.pairs, termCount{a: prev, b: id})
			}
			pc := &sc.pairs[p]
			if pc.last != sc.piece {
				pc.last = sc.piece
				pc.docs++
				pc.forms = addForm(pc.forms, prevForm, form)
			}
		}
		prev, prevForm, last = id, form, i
	}
}

// countCompound adds the closed word of a compound c of text (its
// written form the compound's words joined by their hyphens, without the
// line break of one wrapped: counter-terrorism).
func (sc *sampleCounts) countCompound(c *analysis.Token, text []byte) {
	w := string(c.Term)
	id, ok := sc.ids[w]
	if !ok {
		id = int32(len(sc.terms))
		sc.ids[w] = id
		sc.terms = append(sc.terms, termCount{text: w, like: wordLike(w)})
	}
	tc := &sc.terms[id]
	if !tc.like || tc.last == sc.piece {
		return
	}
	written := text[c.Start:c.End]
	if bytes.ContainsAny(written, "\r\n") {
		written = bytes.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, written)
	}
	tc.last = sc.piece
	tc.docs++
	tc.forms = addForm(tc.forms, sc.formID(written), -1)
}

// formID numbers a form as written, in lower case, its character
// references decoded as the tokenizer reads them (charref.go: the form of
// caf&eacute; is café), the emphasis inside it dropped (emphasis.go).
func (sc *sampleCounts) formID(written []byte) int32 {
	written = shownWord(written)
	if bytes.IndexByte(written, '&') >= 0 {
		written = appendDecoded(nil, written)
	}
	sc.lower = sc.lower[:0]
	ascii := true
	for _, c := range written {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		sc.lower = append(sc.lower, c)
	}
	if !ascii {
		sc.lower = append(sc.lower[:0], strings.ToLower(string(written))...)
	}
	if f, ok := sc.formIDs[string(sc.lower)]; ok {
		return f
	}
	f := int32(len(sc.forms))
	s := string(sc.lower)
	sc.formIDs[s] = f
	sc.forms = append(sc.forms, s)
	return f
}

func addForm(fs []formCount, f, g int32) []formCount {
	for i := range fs {
		if fs[i].f == f && fs[i].g == g {
			fs[i].n++
			return fs
		}
	}
	return append(fs, formCount{f: f, g: g, n: 1})
}

// words are the words in at least min pieces and not in skip, with their
// counts of pieces.
func (sc *sampleCounts) words(min int, skip map[string]bool) map[string]int {
	out := map[string]int{}
	for _, tc := range sc.terms {
		if tc.like && int(tc.docs) >= min && !skip[tc.text] {
			out[tc.text] = int(tc.docs)
		}
	}
	return out
}

// pairText is a pair as the index holds its words: "a b".
func (sc *sampleCounts) pairText(pc termCount) string {
	return sc.terms[pc.a].text + " " + sc.terms[pc.b].text
}

// best is the commonest form of a word or pair (key as the index holds
// it, "a b" for a pair), the first in order on a tie; key when unknown.
func (sc *sampleCounts) best(key string) string {
	var fs []formCount
	if a, b, ok := strings.Cut(key, " "); ok {
		ia, oka := sc.ids[a]
		ib, okb := sc.ids[b]
		if p, ok := sc.pairIDs[uint64(ia)<<32|uint64(ib)]; oka && okb && ok {
			fs = sc.pairs[p].forms
		}
	} else if id, ok := sc.ids[key]; ok {
		fs = sc.terms[id].forms
	}
	best, n := key, int32(0)
	for _, fc := range fs {
		text := sc.forms[fc.f]
		if fc.g >= 0 {
			text += " " + sc.forms[fc.g]
		}
		if fc.n > n || fc.n == n && text < best {
			best, n = text, fc.n
		}
	}
	return best
}

// wordLike keeps words of three or more characters with a letter: no
// numbers, no stray letters.
func wordLike(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}
