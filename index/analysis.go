package index

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"golang.org/x/text/unicode/norm"
)

// The text analyser is one tokenizer plus one token filter that does, in a
// single pass over each token: Unicode folding (é→e, ’→'), lower-casing,
// possessive stripping, stop-word removal, British→American spelling and
// Porter stemming. One filter instead of a chain of five keeps allocations
// down: indexing speed is dominated by analysis.
//
// Short upper-case acronyms whose lower-case form is a stop word (IS, US, IT,
// WHO) are kept as upper-case terms, unstemmed, so that "IS" (the group) is
// searchable while "is" (the verb) is not indexed at all. A run of capitals
// (a shouted headline) is not taken for acronyms.
const (
	textAnalyzerName  = "folio_text"
	plainAnalyzerName = "folio_plain" // for plain text: plainTokenizer
	textFilterName    = "folio_normalize"
)

func init() {
	// Registered once for the process; the mapping refers to them by name.
	_ = registry.RegisterTokenFilter(textFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return normalizeFilter{}, nil
	})
}

var stopWords = func() analysis.TokenMap {
	tm := analysis.NewTokenMap()
	_ = tm.LoadBytes(en.EnglishStopWords)
	return tm
}()

// textAnalyzer is the same analyser the mapping builds, for use outside
// bleve (query parsing, snippets, related pieces).
var textAnalyzer = &analysis.DefaultAnalyzer{
	Tokenizer:    wordTokenizer{},
	TokenFilters: []analysis.TokenFilter{normalizeFilter{}},
}

// analyzeTerms returns the terms of s as the index holds them.
func analyzeTerms(s string) []string {
	toks := textAnalyzer.Analyze([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// normalizeTerm analyses one already-separated word; "" when it is a stop
// word or has no letters or digits.
func normalizeTerm(w string) string {
	ts := analyzeTerms(w)
	if len(ts) == 0 {
		return ""
	}
	return ts[0]
}

// stemLower is normalizeTerm of a word of small ASCII letters, without
// the tokenizer's and the filter's passes (prefixStems stems some 200 a
// keystroke: 0.25 ms through normalizeTerm); any other word goes through
// normalizeTerm. TestStemLowerIsNormalizeTerm checks the two agree.
func stemLower(w string) string {
	if len(w) > maxTermBytes || !hasLetterOnly([]byte(w)) {
		return normalizeTerm(w)
	}
	if _, stop := stopWords[w]; stop {
		return ""
	}
	term := w
	if r, ok := americanSpelling([]byte(w)); ok {
		term = r
	}
	if len(term) <= 2 || !hasLetterOnly([]byte(term)) || keptWhole([]byte(term)) {
		return term
	}
	return string(porterstemmer.StemWithoutLowerCasing([]rune(term)))
}

// maxTermBytes is the longest term indexed; a longer word is cut to it (on
// a character boundary), as Lucene's tokenizers cut at 255 characters. The
// index's term dictionary costs memory per byte of its longest term: one
// word of 9.9 MB (a piece of "xxx…") took 1.2 GB to index, three ran out of
// memory at 6 GB.
const maxTermBytes = 255

// cutTerm returns the first maxTermBytes bytes of term or fewer, ending on a
// character boundary.
func cutTerm(term []byte) []byte {
	n := maxTermBytes
	for n > 0 && !utf8.RuneStart(term[n]) {
		n--
	}
	return term[:n:n]
}

type normalizeFilter struct{}

func (f normalizeFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	return f.filter(input, nil, nil)
}

// filter is Filter, calling made, when not nil, with each stem that does
// not begin the word it was made from (its last letter made by the
// stemmer: hoping → hope, policy → polici; surestems.go), and keyed, when
// not nil, with the position and the exactKey of every word, stop words
// included, whose key is not empty (forms.go). The stem and the key are
// valid until the call returns.
func (normalizeFilter) filter(input analysis.TokenStream, made func(stem []byte), keyed func(pos int, key []byte)) analysis.TokenStream {
	memo := takeMemo()
	defer giveMemo(memo)
	return filterWith(input, made, keyed, memo)
}

// filterWith is filter with memo, which may be nil (no memo), for what it
// made of the words it has seen.
func filterWith(input analysis.TokenStream, made func(stem []byte), keyed func(pos int, key []byte), memo *stemMemo) analysis.TokenStream {
	// New terms are appended to one arena per stream. Terms from the
	// tokenizer alias the field's bytes, which must never be modified.
	total := 0
	for _, t := range input {
		total += len(t.Term)
	}
	arena := make([]byte, 0, total+16)
	var runes []rune

	out := input[:0]
	for i, tok := range input {
		term := tok.Term
		if len(term) == 0 {
			continue
		}
		if base, ok := acronymBase(input, i); ok {
			// kept verbatim (upper case), never stemmed; a possessive
			// dropped (IS’s)
			if keyed != nil {
				keyed(tok.Position, []byte(exactKey(string(term))))
			}
			tok.Term = base
			tok.KeyWord = true
			out = append(out, tok)
			continue
		}
		ascii := true
		upper := false
		for _, c := range term {
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				upper = true
			}
		}
		if !ascii {
			term = foldLower(term)
		} else if upper {
			start := len(arena)
			for _, c := range term {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				arena = append(arena, c)
			}
			term = arena[start:len(arena):len(arena)]
		}
		term = stripApostrophes(term, &arena)
		if len(term) == 0 {
			continue
		}
		if e, ok := memo.find(term); ok {
			if !e.stop {
				if e.spelt != nil {
					term = e.spelt
				}
			}
			if keyed != nil {
				keyed(tok.Position, term)
			}
			if e.stop {
				continue
			}
			if e.stem != nil {
				if e.made && made != nil {
					made(e.stem)
				}
				term = e.stem
			}
			tok.Term = term
			out = append(out, tok)
			continue
		}
		word := term
		if _, stop := stopWords[string(term)]; stop {
			if keyed != nil {
				keyed(tok.Position, term)
			}
			memo.remember(word, stemmed{stop: true})
			continue
		}
		var e stemmed
		if r, ok := americanSpelling(term); ok {
			term = []byte(r)
			e.spelt = term
		}
		if keyed != nil {
			keyed(tok.Position, term)
		}
		cut := len(term) > maxTermBytes
		if cut {
			// cut once folded: the term begins the word's key (exactKey),
			// where cutting first left a letter its accent would have
			// changed (surestems.go)
			term = cutTerm(term)
		}
		if hasLetterOnly(term) && len(term) > 2 && !keptWhole(term) {
			runes = runes[:0]
			for _, c := range string(term) {
				runes = append(runes, c)
			}
			stem := porterstemmer.StemWithoutLowerCasing(runes)
			if len(stem) != len(term) || !sameRunes(stem, term) {
				start := len(arena)
				for _, r := range stem {
					arena = utf8.AppendRune(arena, r)
				}
				stemmed := arena[start:len(arena):len(arena)]
				e.made = !bytes.HasPrefix(term, stemmed)
				if made != nil && e.made {
					made(stemmed)
				}
				term = stemmed
				e.stem = stemmed
			}
		}
		if !cut {
			memo.remember(word, e)
		}
		tok.Term = term
		out = append(out, tok)
	}
	return out
}

// stemmed is what filter made of a word once folded, lower-cased and
// rid of its apostrophes: a stop word, or its American spelling (nil when
// the same) and its stem (nil when the stem is the word itself), and
// whether the stem is one filter's made callback is given.
type stemmed struct {
	spelt, stem []byte
	stop, made  bool
}

// stemMemo remembers what filter made of the words it has seen. A word
// costs the filter a stop-word lookup, the spelling rules and the Porter
// stemmer (2.5 % and 6.7 % of a 10k build's CPU profile, 2026-12-07); a
// remembered one a map lookup. With the memo as bounded below, the 10k
// build's CPU 32.5–33.3 s → 29.9–30.4 (BenchmarkBuild, two runs each in
// turn, load 2.5–7), the 100k build's 343.6–346.5 → 323.4–340.8 (two
// pairs, quiet; bench/RUNS.md run (r)). Its entries' slices are its own
// and never written to.
type stemMemo struct {
	words map[string]stemmed
}

// A memo holds at most maxMemoWords words of at most maxMemoBytes bytes
// each (a longer word is rarely met twice), and is made anew when full:
// 3.6 MB at most (16k words of 24 bytes, each with a spelling and a stem,
// measured), and at most cap(stemMemos) memos are kept. English text's words are mostly the few thousand most common
// ones. Remembering every word, up to 32k of up to 255 bytes, the eight
// memos kept 46–174 MB after analyses of unique words (46r's review).
const (
	maxMemoWords = 1 << 14
	maxMemoBytes = 24
)

// find returns what filter made of word, if m remembers it.
func (m *stemMemo) find(word []byte) (stemmed, bool) {
	if m == nil {
		return stemmed{}, false
	}
	e, ok := m.words[string(word)]
	return e, ok
}

// remember records e for word, copying the bytes e holds.
func (m *stemMemo) remember(word []byte, e stemmed) {
	if m == nil || len(word) > maxMemoBytes {
		return
	}
	if len(m.words) >= maxMemoWords {
		m.words = make(map[string]stemmed, 1024) // clear would keep its room
	}
	e.spelt = own(e.spelt)
	e.stem = own(e.stem)
	m.words[string(word)] = e
}

// own is a copy of b with no room to append into (nil for nil).
func own(b []byte) []byte {
	if b == nil {
		return nil
	}
	c := bytes.Clone(b)
	return c[:len(c):len(c)]
}

// stemMemos holds the memos not in use. A channel rather than a
// sync.Pool: a pool is emptied by the collector, which runs often in a
// large build.
var stemMemos = make(chan *stemMemo, 4)

func takeMemo() *stemMemo {
	select {
	case m := <-stemMemos:
		return m
	default:
		return &stemMemo{words: make(map[string]stemmed, 1024)}
	}
}

func giveMemo(m *stemMemo) {
	select {
	case stemMemos <- m:
	default:
	}
}

// keptWhole reports whether a word is left unstemmed: the closed
// spelling of a compound (compounds.go) that the stemmer would make a
// common other word's stem. noone, of no-one, would be noon's: no-one and
// noone found the pieces with noon, and noon those with no-one. Text and
// query are analysed alike, so the closed word typed finds it written
// either way.
func keptWhole(term []byte) bool {
	switch string(term) {
	case "noone":
		return true
	}
	return false
}

var folder = asciifolding.New()

// FoldWord is w folded as the index folds a word before it stems it: in
// one Unicode form, accents and ligatures folded to ASCII where they can
// be, lower-cased (Café is cafe, Æsop aesop, ﬁne fine), a Greek word's
// marks dropped and ς read σ (Καλημέρα is καλημερα, ΛΌΓΟΣ λογοσ). The reader marks
// what folds to a query's word (ui's termsRegexp), as the snippets do.
func FoldWord(w string) string { return string(foldLower([]byte(w))) }

// foldLower folds a non-ASCII term to ASCII where it can and lower-cases it;
// a Greek word's letters are folded too (foldGreek).
func foldLower(term []byte) []byte {
	if !norm.NFC.IsNormal(term) {
		// a letter and its combining accent ("e" and U+0301) as the one
		// letter the folding knows ("é"): text in either form is one word
		term = norm.NFC.Bytes(term)
	}
	f := bytes.ToLower(folder.Filter(term))
	if hasGreek(f) {
		return foldGreek(f)
	}
	return f
}

// hasGreek reports whether b holds a character of the Greek blocks
// (U+0370–U+03FF, U+1F00–U+1FFF), read off the UTF-8 lead bytes: a
// Latin word costs one pass over its bytes.
func hasGreek(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		switch c := b[i]; {
		case c < 0xcd:
		case c == 0xcd && b[i+1] >= 0xb0, c == 0xce, c == 0xcf:
			return true
		case c == 0xe1 && b[i+1] >= 0xbc && b[i+1] <= 0xbf:
			return true
		}
	}
	return false
}

// foldGreek folds a word with Greek letters as the facets fold a value's
// case (archive.ValueKey) and drops its marks, as the Latin folding drops
// accents: ς is σ (ΟΔΥΣΣΕΑΣ lower-cases to οδυσσεασ, οδυσσεας is written),
// ϑ θ, and tonos, dialytika and the polytonic breathings go (Καλημέρα is
// καλημερα, ΐ ι).
func foldGreek(b []byte) []byte {
	d := norm.NFD.Bytes(b)
	out := make([]byte, 0, len(d))
	for i := 0; i < len(d); {
		r, n := utf8.DecodeRune(d[i:])
		i += n
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r >= 0x370 {
			// the small letter of its capital: ς and σ of Σ, θ of ϑ
			r = unicode.ToLower(unicode.ToUpper(r))
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// stripApostrophes removes a possessive 's and any remaining apostrophes
// ("Britain's" → "britain", "o'brien" → "obrien").
func stripApostrophes(term []byte, arena *[]byte) []byte {
	if bytes.IndexByte(term, '\'') < 0 {
		return term
	}
	term = bytes.TrimSuffix(term, []byte("'s"))
	if bytes.IndexByte(term, '\'') < 0 {
		return term
	}
	start := len(*arena)
	for _, c := range term {
		if c != '\'' {
			*arena = append(*arena, c)
		}
	}
	return (*arena)[start:len(*arena):len(*arena)]
}

func hasLetterOnly(term []byte) bool {
	for _, c := range term {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func sameRunes(rs []rune, b []byte) bool {
	for i, r := range rs {
		if rune(b[i]) != r {
			return false
		}
	}
	return true
}

// acronymBase reports whether input[i] is an upper-case acronym that would
// otherwise be lost as a stop word: "IS", "US", "IT", "WHO", possessive
// too ("IS’s"), and returns it without the possessive.
func acronymBase(input analysis.TokenStream, i int) ([]byte, bool) {
	t := input[i].Term
	if n := len(t); n > 2 && t[n-1] == 's' {
		switch {
		case t[n-2] == '\'':
			t = t[:n-2]
		case n > 4 && string(t[n-4:n-1]) == "’":
			t = t[:n-4]
		}
	}
	return t, isAcronym(input, i, t)
}

// isAcronym reports whether t, the term of input[i] (less a possessive),
// is an upper-case acronym that would otherwise be lost as a stop word.
func isAcronym(input analysis.TokenStream, i int, t []byte) bool {
	if len(t) < 2 || len(t) > 4 || !allUpper(t) {
		return false
	}
	if _, stop := stopWords[strings.ToLower(string(t))]; !stop {
		return false
	}
	// In a run of capitals ("WHAT IS TERRORISM") it is just shouting.
	if i > 0 && isShouted(input[i-1]) || i+1 < len(input) && isShouted(input[i+1]) {
		return false
	}
	return true
}

func isShouted(t *analysis.Token) bool {
	return len(t.Term) >= 2 && allUpper(t.Term) && !hasDigit(t.Term)
}

func allUpper(t []byte) bool {
	letters := 0
	for _, c := range t {
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
		case 'a' <= c && c <= 'z':
			return false
		case c >= utf8.RuneSelf:
			return false
		}
	}
	return letters > 0
}

func hasDigit(t []byte) bool {
	for _, c := range t {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}
