package index

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
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
	// phrases are marked only where all their words follow one another,
	// word after word as the tokenizer splits them (hlPhrase)
	phrases []hlPhrase
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
		memo:  map[string]string{},
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

// hlPhrase is a phrase to mark: a run of words, one a place. A quoted
// phrase has forms: each place's word has that form as written (exact.go's
// formMatcher, as the exact check of the index has it: "united states"
// marks "United States", not "united State"), and every word of the run is
// marked. Otherwise (an alias that is a phrase) each place's word has that
// analysed term, a place of "" (a stop word's) takes any word, as the
// index's phrase does. A run is marked as one, first word to last.
type hlPhrase struct {
	terms []string
	forms *formMatcher // nil: the terms
}

// places is the number of words in a run of the phrase.
func (ph *hlPhrase) places() int {
	if ph.forms != nil {
		return len(ph.forms.forms)
	}
	return len(ph.terms)
}

// addUnit adds the analysed terms of one word or phrase (by place, ""
// for a stop word).
func (h *highlightSet) addUnit(ts []string) {
	if h == nil {
		return
	}
	words := nonEmpty(ts)
	if len(words) < 2 {
		h.addTerms(words)
		return
	}
	// the places before the first term and after the last ask nothing
	lo, hi := 0, len(ts)
	for ts[lo] == "" {
		lo++
	}
	for ts[hi-1] == "" {
		hi--
	}
	for _, t := range words {
		h.addKey(t)
	}
	h.phrases = append(h.phrases, hlPhrase{terms: ts[lo:hi]})
}

// addPhrase adds a quoted phrase of two words or more: u's forms by
// place, as written, stop words included.
func (h *highlightSet) addPhrase(u unit) {
	if h == nil || len(u.forms) < 2 {
		return
	}
	m := newFormMatcher(u)
	h.phrases = append(h.phrases, hlPhrase{forms: &m})
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

// match says whether a word of a text matches on its own.
func (h *highlightSet) match(word string) bool {
	if len(word) <= 5 && h.acronyms[word] {
		return true
	}
	if !h.mayMatch(word) {
		return false
	}
	if len(h.prefixes) > 0 {
		ascii := isASCII(word)
		low := word
		if !ascii {
			low = wordPrefixKey(word)
		}
		for _, p := range h.prefixes {
			if ascii && hasPrefixFold(word, p) || !ascii && strings.HasPrefix(low, p) {
				return true
			}
		}
	}
	if len(h.exactCase) > 0 && h.exactCase[caseKey(word)] || len(h.exact) > 0 && h.exact[exactKey(word)] {
		return true
	}
	t := h.term(word)
	if t == "" {
		return false
	}
	if h.terms[t] {
		return true
	}
	for _, f := range h.fuzzy {
		if levenshteinWithin(t, f.term, f.dist) {
			return true
		}
	}
	return false
}

// mayMatch is the cheap check of a word's first two folded letters
// against the keys of everything that can match: most words fail it.
func (h *highlightSet) mayMatch(word string) bool {
	if isASCII(word) {
		// the common case, without allocating
		// the first two characters but apostrophes (O'Neill is "oneill")
		var k [2]byte
		n := 0
		for i := 0; i < len(word) && n < 2; i++ {
			if word[i] != '\'' {
				k[n] = lowerASCII(word[i])
				n++
			}
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
		return hit || len(h.fuzzy) > 0 && h.keys[string([]byte{'1', k[0]})]
	}
	low := foldPrefix(word)
	if low == "" {
		return false
	}
	_, size := utf8.DecodeRuneInString(low)
	return h.keys[key2(low)] || len(h.fuzzy) > 0 && h.keys["1"+low[:size]]
}

// term is word's analysed term, remembered for the search.
func (h *highlightSet) term(word string) string {
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
	return t
}

// span is a matched word's byte range in a text.
type span struct{ start, end int }

// findMatches lists the matching words of text, at most limit. The words
// are split as the tokenizer splits them (scanWords), so that a run of
// words is a run of places in the index, for the phrases.
func (h *highlightSet) findMatches(text string, limit int) []span {
	return h.findMatchesIn(text, true, limit)
}

// findMatchesIn is findMatches, with refs false for a plain text (a
// title: scanText), whose references are text as written.
func (h *highlightSet) findMatchesIn(text string, refs bool, limit int) []span {
	var out []span
	// each phrase's state: the last words' places in text (by their
	// number mod the phrase's length), and run[j]: the words just
	// scanned end with the phrase's first j+1
	type phraseRun struct {
		last []span
		run  []bool
	}
	runs := make([]phraseRun, len(h.phrases))
	for k := range h.phrases {
		n := h.phrases[k].places()
		runs[k] = phraseRun{make([]span, n), make([]bool, n)}
	}
	b := unsafe.Slice(unsafe.StringData(text), len(text)) // read only
	seen := 0
	// the words joined by hyphens that the last word ends, as many as a
	// compound may have and one (compounds.go): the closed word of a
	// query (counterterrorism) is marked over the run that spells it
	// (counter-terrorism), as the index found it
	var joinRun []span
	joinEnd := 0 // where the run's last word ends
	joinedMarks := false
	compounds := len(h.terms) > 0 || len(h.fuzzy) > 0 || len(h.prefixes) > 0
	endRun := func() {
		if n := len(joinRun); n >= 2 && n <= maxCompoundParts { // a longer run is joined nowhere
			for _, m := range h.compoundMatches(b, joinRun) {
				out = append(out, m)
				joinedMarks = true
			}
			if h.prefixRun(b, joinRun) {
				out = append(out, span{joinRun[0].start, joinRun[n-1].end})
				joinedMarks = true
			}
		}
		joinRun = joinRun[:0]
	}
	scanText(b, refs, func(w []byte, sp span, brk bool) bool {
		if brk { // no phrase runs across blocks
			for k := range runs {
				clear(runs[k].run)
			}
		}
		if compounds {
			if len(joinRun) > 0 && (brk || !hyphenJoint(b, joinEnd, sp.start)) {
				endRun()
			}
			if len(joinRun) <= maxCompoundParts {
				joinRun = append(joinRun, sp)
			}
			joinEnd = sp.end
		}
		// a view of text: match keeps copies only
		if h.match(unsafe.String(unsafe.SliceData(w), len(w))) {
			out = append(out, sp)
		}
		for k := range h.phrases {
			ph, pr := &h.phrases[k], &runs[k]
			n := ph.places()
			pr.last[seen%n] = sp
			for j := n - 1; j >= 0; j-- {
				pr.run[j] = (j == 0 || pr.run[j-1]) && h.placeIs(ph, j, w)
			}
			if pr.run[n-1] {
				// one mark from the run's first word to this one (a
				// phrase of terms has a term at both ends: addUnit)
				out = addRun(out, span{pr.last[(seen+1)%n].start, dottedEnd(b, pr.last[(seen+1)%n].start, sp.end)})
			}
		}
		seen++
		if len(out) < limit {
			return true
		}
		// at the limit, a run under way is finished: its first words
		// are not left marked alone
		for k := range h.phrases {
			n := h.phrases[k].places()
			if slices.Contains(runs[k].run[:n-1], true) {
				return true
			}
		}
		return false
	})
	endRun()
	if len(h.phrases) == 0 && !joinedMarks {
		return out
	}
	// in order, the marks that overlap (runs of two phrases, a run and a
	// word) made one
	slices.SortFunc(out, func(a, b span) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	merged := out[:0]
	for _, sp := range out {
		if k := len(merged) - 1; k >= 0 && sp.start < merged[k].end {
			merged[k].end = max(merged[k].end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// prefixRun reports whether a prefix of h begins the closed word of the
// run of words run of text (joined by hyphens), from its first word, and
// its first word alone does not (that word is marked): counterterr* marks
// counter-terrorism whole, as word* found it (formMatcher.runBegins).
func (h *highlightSet) prefixRun(text []byte, run []span) bool {
	if len(h.prefixes) == 0 {
		return false
	}
	var closed []byte
	digits := true
	for _, sp := range run {
		w := shownWord(text[sp.start:sp.end]) // as scanWords read it
		if bytes.IndexByte(w, '&') >= 0 {
			w = appendDecoded(nil, w)
		}
		closed = append(closed, w...)
		digits = digits && !notDigits(w)
	}
	first := string(shownWord(text[run[0].start:run[0].end]))
	if digits || !h.mayMatch(string(closed)) {
		return false
	}
	word := string(closed)
	ascii := isASCII(word)
	low := word
	if !ascii {
		low = wordPrefixKey(word)
	}
	for _, p := range h.prefixes {
		if (ascii && hasPrefixFold(word, p) || !ascii && strings.HasPrefix(low, p)) && !h.match(first) {
			return true
		}
	}
	return false
}

// compoundMatches are the spans of the compounds of the run of words run
// of text (joined by hyphens) that match a term or a fuzzy term of h.
func (h *highlightSet) compoundMatches(text []byte, run []span) []span {
	toks := make(analysis.TokenStream, len(run))
	for i, sp := range run {
		w := shownWord(text[sp.start:sp.end]) // as scanWords read it: emphasis dropped,
		if bytes.IndexByte(w, '&') >= 0 {     // references decoded
			w = appendDecoded(nil, w)
		}
		toks[i] = &analysis.Token{Term: w, Start: sp.start, End: sp.end, Position: i + 1, Type: wordType(w)}
	}
	var out []span
	for _, c := range compoundsOf(text, toks) {
		word := string(c.Term)
		if !h.mayMatch(word) {
			continue
		}
		t := h.term(word)
		if t == "" || isUpperTerm(t) {
			continue
		}
		ok := h.terms[t]
		for _, f := range h.fuzzy {
			ok = ok || levenshteinWithin(t, f.term, f.dist)
		}
		if ok {
			out = append(out, span{c.Start, c.End})
		}
	}
	return out
}

// wordType is the token type the tokenizer gives the word w.
func wordType(w []byte) analysis.TokenType {
	if r, _ := utf8.DecodeRune(w); isIdeograph(r) {
		return analysis.Ideographic
	}
	for _, c := range w {
		if !isDigit(c) && c != '.' && c != ',' {
			return analysis.AlphaNumeric
		}
	}
	return analysis.Numeric
}

// dottedEnd is the end of the mark of a phrase's run of text[start:end]:
// past the full stop after it when its last word ends an abbreviation
// written with full stops, letters, one to three, each followed by one
// ("U.S.", "e.g.", "Ph.D."), whose last stop is of it (41f: "U.S." was
// marked «U.S».), else end.
func dottedEnd(text []byte, start, end int) int {
	if end >= len(text) || text[end] != '.' {
		return end
	}
	letters, stops := 0, 0
	for i := end - 1; i >= start; i-- {
		switch c := text[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			if letters++; letters > 3 {
				return end
			}
		case c == '.' && letters > 0:
			letters = 0
			stops++
		default:
			if i == end-1 || letters == 0 {
				return end
			}
			i = -1 // the abbreviation's start
		}
	}
	if stops == 0 || letters == 0 {
		return end
	}
	return end + 1
}

// addRun appends the mark of a phrase's run to out, in place of the marks
// of its words on their own, which are out's last (the limit counts marks
// shown, not a word's twice); not when a mark among out's last holds it.
func addRun(out []span, run span) []span {
	for len(out) > 0 && out[len(out)-1].start >= run.start && out[len(out)-1].end <= run.end {
		out = out[:len(out)-1]
	}
	for k := len(out) - 1; k >= max(0, len(out)-64); k-- {
		if out[k].start <= run.start && run.end <= out[k].end {
			return out
		}
	}
	return append(out, run)
}

// placeIs reports whether word w can stand at place j of the phrase.
func (h *highlightSet) placeIs(ph *hlPhrase, j int, w []byte) bool {
	if ph.forms != nil {
		f := ph.forms.forms[j]
		return ph.forms.maybeAt(w, j) && ph.forms.is(w, f)
	}
	t := ph.terms[j]
	if t == "" {
		return true
	}
	word := unsafe.String(unsafe.SliceData(w), len(w)) // read only; term copies what it keeps
	return h.mayMatch(word) && h.term(word) == t
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) // a combining accent is of its word, as the tokenizer has it
}

// markTitle marks the matching words of a title, which is plain text, not
// Markdown: shown as written, as the list shows it unmarked (a review:
// "# of jobs lost" lost its "#" when a word of it was searched).
func (h *highlightSet) markTitle(title string) string {
	return markPlain(title, h.findMatchesIn(title, false, 50))
}

// levenshteinWithin reports whether a and b are within d edits, an edit
// being an insertion, a deletion, a substitution or the swap of two
// letters side by side (the optimal string alignment distance): what
// bleve's fuzzy query counts (its Levenshtein automata are built with
// transpositions, index/scorch/snapshot_index.go), so that the marks are
// the words the search found ("alpah~" finds and marks "alpha").
func levenshteinWithin(a, b string, d int) bool {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) > d {
		return false
	}
	prev2 := make([]int, len(rb)+1) // the row before prev, for a swap
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
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		// a swap reaches back two rows, but never below the row between
		// (prev[j-1] <= prev2[j-2]+1): past d there, past d for good
		if rowMin > d {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
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
// prefix p, ignoring case and skipping apostrophes as foldPrefix does,
// its possessive 's not read (wordPrefixKey: johns* does not mark John's).
func hasPrefixFold(word, p string) bool {
	j := 0
	for i := 0; i < len(word) && j < len(p); i++ {
		c := word[i]
		if c == '\'' {
			if i+2 == len(word) && i > 0 && lowerASCII(word[i+1]) == 's' {
				break
			}
			continue
		}
		if lowerASCII(c) != p[j] {
			return false
		}
		j++
	}
	return j == len(p)
}
