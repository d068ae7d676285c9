package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippets are computed by folio rather than by bleve's highlighter: the words
// of a hit's text are matched against the query's analysed terms, so that a
// snippet marks "radicalisation" for the query "radicalization", "Isil" for
// "isis", and words being typed for their prefix. A cheap two-letter key
// check means only a few words per text are analysed. snippet.go cuts the
// snippets around the matches and marks them.

type highlightSet struct {
	terms     map[string]bool // analysed terms
	prefixes  []string        // folded prefixes
	fuzzy     []fuzzyTerm
	keys      map[string]bool // first two folded letters of anything that can match
	acronyms  map[string]bool // upper-case terms (IS), matched verbatim
	exact     map[string]bool // exact forms (exactKey)
	exactCase map[string]bool // case-sensitive forms (caseKey)
	// phrases are marked only where all their words follow one another
	phrases     [][]string
	phraseTerms map[string]bool
	// memo keeps the analysed form of the words seen, per search: the
	// same words recur across the hits' texts
	memo map[string]string
	// key2s is keys for two lower-case ASCII letters, as a table: the
	// check runs for every word of every snippet text
	key2s [36 * 36]bool
}

// forWorker is h for another goroutine: the same sets, its own memo.
func (h *highlightSet) forWorker() *highlightSet {
	c := *h
	c.memo = make(map[string]string)
	return &c
}

// keyIndex maps a lower-case ASCII letter or digit to 0..35, else -1.
func keyIndex(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	case '0' <= c && c <= '9':
		return 26 + int(c-'0')
	}
	return -1
}

type fuzzyTerm struct {
	term string
	dist int
}

func newHighlightSet() highlightSet {
	return highlightSet{terms: map[string]bool{}, keys: map[string]bool{}, acronyms: map[string]bool{},
		phraseTerms: map[string]bool{}, memo: map[string]string{},
		exact: map[string]bool{}, exactCase: map[string]bool{}}
}

func (h *highlightSet) empty() bool {
	return h == nil || len(h.terms) == 0 && len(h.prefixes) == 0 && len(h.fuzzy) == 0 &&
		len(h.acronyms) == 0 && len(h.phrases) == 0 && len(h.exact) == 0 && len(h.exactCase) == 0
}

// addExact adds a word form matched as written: any case, or this case.
func (h *highlightSet) addExact(f string, caseSensitive bool) {
	if h == nil || f == "" {
		return
	}
	if caseSensitive {
		h.exactCase[f] = true
		h.setKey(key2(strings.ToLower(f)))
		return
	}
	h.exact[f] = true
	h.addKey(f)
}

// addUnit adds the analysed terms of one word or phrase.
func (h *highlightSet) addUnit(ts []string) {
	if h == nil {
		return
	}
	words := nonEmpty(ts)
	if len(words) < 2 {
		h.addTerms(words)
		return
	}
	h.phrases = append(h.phrases, words)
	for _, t := range words {
		h.phraseTerms[t] = true
		h.addKey(t)
	}
}

// addTerms adds terms that match on their own.
func (h *highlightSet) addTerms(ts []string) {
	if h == nil {
		return
	}
	for _, t := range ts {
		if t == "" {
			continue
		}
		if isUpperTerm(t) {
			h.acronyms[t] = true
			continue
		}
		h.terms[t] = true
		h.addKey(t)
	}
}

func (h *highlightSet) addPrefix(p string) {
	if h == nil || p == "" {
		return
	}
	h.prefixes = append(h.prefixes, p)
	h.addKey(p)
}

func (h *highlightSet) addFuzzy(t string, d int) {
	if h == nil {
		return
	}
	h.fuzzy = append(h.fuzzy, fuzzyTerm{t, d})
	h.addKey(t) // fuzzy queries keep the first letter; keys are two: see matchKey
	if r, size := utf8.DecodeRuneInString(t); r != utf8.RuneError {
		h.keys["1"+t[:size]] = true
	}
}

func (h *highlightSet) setKey(k string) {
	h.keys[k] = true
	if len(k) == 2 {
		a, b := keyIndex(k[0]), keyIndex(k[1])
		if a >= 0 && b >= 0 {
			h.key2s[a*36+b] = true
		}
	}
}

func (h *highlightSet) addKey(t string) {
	h.setKey(key2(t))
	// British spellings whose first letters differ from the American
	// (sceptic/skeptic, pyjamas/pajamas)
	for brit, am := range americanWords {
		if key2(am) == key2(t) && key2(brit) != key2(t) {
			h.setKey(key2(brit))
		}
	}
}

func key2(s string) string {
	n := 0
	for i := range s {
		if n == 2 {
			return s[:i]
		}
		n++
	}
	return s
}

// match says whether a word of a text matches on its own (strong), or
// is a word of a phrase (the phrase's analysed term, to check in context).
func (h *highlightSet) match(word string) (strong bool, phraseTerm string) {
	if len(word) <= 5 && h.acronyms[word] {
		return true, ""
	}
	if isASCII(word) {
		// the common case, without allocating: most words fail the key check
		var k [2]byte
		n := copy(k[:], word)
		for i := range n {
			k[i] = lowerASCII(k[i])
		}
		hit := false
		if n == 2 {
			if a, b := keyIndex(k[0]), keyIndex(k[1]); a >= 0 && b >= 0 {
				hit = h.key2s[a*36+b]
			} else {
				hit = h.keys[string(k[:n])]
			}
		} else {
			hit = h.keys[string(k[:n])]
		}
		if !hit && !(len(h.fuzzy) > 0 && h.keys[string([]byte{'1', k[0]})]) {
			return false, ""
		}
		for _, p := range h.prefixes {
			if hasPrefixFold(word, p) {
				return true, ""
			}
		}
	} else {
		low := foldPrefix(word)
		if low == "" {
			return false, ""
		}
		_, size := utf8.DecodeRuneInString(low)
		if !h.keys[key2(low)] && !(len(h.fuzzy) > 0 && h.keys["1"+low[:size]]) {
			return false, ""
		}
		for _, p := range h.prefixes {
			if strings.HasPrefix(low, p) {
				return true, ""
			}
		}
	}
	if len(h.exactCase) > 0 && h.exactCase[caseKey(word)] || len(h.exact) > 0 && h.exact[exactKey(word)] {
		return true, ""
	}
	t, ok := h.memo[word]
	if !ok {
		t = normalizeTerm(word)
		if len(h.memo) < 20000 {
			// word may be a view of a reader's buffer (withLongTexts),
			// and so may t, which can be word itself
			k := strings.Clone(word)
			if t == word {
				t = k
			} else {
				t = strings.Clone(t)
			}
			h.memo[k] = t
		}
	}
	if t == "" {
		return false, ""
	}
	if h.terms[t] {
		return true, ""
	}
	for _, f := range h.fuzzy {
		if levenshteinWithin(t, f.term, f.dist) {
			return true, ""
		}
	}
	if h.phraseTerms[t] {
		return false, t
	}
	return false, ""
}

// span is a matched word's byte range in a text.
type span struct{ start, end int }

// findMatches lists the matching words of text, at most limit.
func (h *highlightSet) findMatches(text string, limit int) []span {
	var out []span
	type weak struct {
		span
		term string
	}
	var weaks []weak
	i := 0
	for i < len(text) && len(out) < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			// an apostrophe inside a word (Isil’s)
			if (r == '\'' || r == '’') && i+size < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(r2) {
					i += size
					continue
				}
			}
			break
		}
		strong, pt := h.match(text[start:i])
		switch {
		case strong:
			out = append(out, span{start, i})
		case pt != "":
			weaks = append(weaks, weak{span{start, i}, pt})
		}
	}
	if len(weaks) == 0 {
		return out
	}
	// phrase words count where the whole phrase runs, a few bytes (stop
	// words, punctuation) apart at most
	const maxGap = 24
	for _, ph := range h.phrases {
		for k := 0; k+len(ph) <= len(weaks); k++ {
			ok := true
			for j := range ph {
				w := weaks[k+j]
				if w.term != ph[j] || j > 0 && w.start-weaks[k+j-1].end > maxGap {
					ok = false
					break
				}
			}
			if ok {
				for j := range ph {
					out = append(out, weaks[k+j].span)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return slices.CompactFunc(out, func(a, b span) bool { return a == b })
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) // a combining accent is of its word, as the tokenizer has it
}

// markTitle marks the matching words of a title.
func (h *highlightSet) markTitle(title string) string {
	return mark(title, h.findMatches(title, 50))
}

// levenshteinWithin reports whether a and b are within d edits.
func levenshteinWithin(a, b string, d int) bool {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > d {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > d {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether the ASCII word starts with the lower-case
// prefix p, ignoring case and skipping apostrophes as foldPrefix does.
func hasPrefixFold(word, p string) bool {
	j := 0
	for i := 0; i < len(word) && j < len(p); i++ {
		c := word[i]
		if c == '\'' {
			continue
		}
		if lowerASCII(c) != p[j] {
			return false
		}
		j++
	}
	return j == len(p)
}
