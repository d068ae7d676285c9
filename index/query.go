package index

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
)

// folio's query language, one parser for the TUI and the CLI:
//
//	radicalisation prisons     both words (AND), stemmed, ranked by relevance
//	"aids"  "foreign fighters" those word forms, in order, any case, unstemmed
//	AIDS  MI5                  that spelling (case-sensitive) and its aliases
//	-word  -"a phrase"         exclude (also NOT word)
//	title:raqqa  title:"..."   in the title only
//	outlet:telegraph           outlet by word ("The Telegraph")
//	tag:mi5  author:pantucci   a tag; an author by name
//	kind:interview             a kind of piece
//	radical*                   words starting with radical
//	terorism~                  fuzzy (never on numbers)
//	isis OR daesh              either
//	(isis OR daesh) -(iraq OR syria)   groups (querytree.go)
//
// Words match as written: stemmed, exact when quoted or in capitals (see
// queryplan.go). Only while the reader's user is typing (Query.Typing) does the
// last word, when not followed by a space, also match as a prefix. Every
// input is legal: what cannot be understood is searched literally and
// explained in a note.

// Field of a clause.
const (
	qfText   = ""
	qfTitle  = "title"
	qfOutlet = "outlet"
	qfTag    = "tag"
	qfAuthor = "author"
	qfKind   = "kind"
	// qfLanguage is a language range, as Query.Languages: language:en
	// finds en, en-GB and en-US, language:german de
	qfLanguage = "language"
)

var fieldNames = map[string]string{
	"title": qfTitle, "outlet": qfOutlet, "tag": qfTag, "tags": qfTag,
	"author": qfAuthor, "by": qfAuthor, "kind": qfKind, "language": qfLanguage, "lang": qfLanguage,
}

// clause is one term of a query.
type clause struct {
	field  string
	text   string // the word or the phrase's words, as typed
	phrase bool   // quoted
	negate bool
	prefix bool // word*
	fuzzy  int  // word~ (1 or 2); 0 for none
	// fuzzyAuto: a bare ~, its edits chosen by the stem's length
	// (queryplan.go), not as typed
	fuzzyAuto bool
	open      bool // last word still being typed: also matches as a prefix
	// typing is open as it was typed: a negated word keeps it after open
	// is cleared (it is excluded whole)
	typing bool
	syn    int // 1 + the synonym group the clause spells; 0 for none
	// partial: a word being typed too short (under minOpenPrefix letters)
	// to search for; it is left out ("keep typing")
	partial bool
}

// parsedQuery is an AND of OR-groups of positive clauses, minus the negated
// clauses.
type parsedQuery struct {
	groups  [][]clause
	exclude []clause
	hints   []string
	// partial is the half-typed last word left out of the query ("r")
	partial string
}

func (p *parsedQuery) hint(h string) {
	for _, x := range p.hints {
		if x == h {
			return
		}
	}
	p.hints = append(p.hints, h)
}

// MaxQueryLen bounds the work a pasted novel can cause: a query is
// searched to its last word within MaxQueryLen bytes, and a note says so.
const MaxQueryLen = 1000

// knownFields lists the field names for the note on an unknown one.
const knownFields = "title, outlet, tag, author, kind"

// parseQuery never fails: malformed syntax becomes literal words and a
// note. typing says the last word is still being typed (the reader, while
// keys arrive): then it also matches as a prefix (from minOpenPrefix
// letters; a shorter one is left out), and a - or field: at the very end is
// not yet a mistake.
func parseQuery(s string, typing bool) parsedQuery {
	var pq parsedQuery
	// as the texts were (a pasted query held a right-to-left override
	// or a soft hyphen the search box did not show: 0 hits, no note)
	s = pq.clip(archive.Sanitize(s))
	sc := queryScanner{
		pq:            &pq,
		rs:            []rune(s),
		trailingSpace: s == "" || unicode.IsSpace(lastRune(s)) || !typing,
	}
	if n := unbalancedParens(s); n != 0 {
		pq.hint("unbalanced parenthesis: parentheses are ignored")
	} else if sc.parens = groupingParens(sc.rs); sc.parens == nil && parenOpensWord(sc.rs) {
		// a review: (a OR b)-c and NOT(a) were searched without their
		// parentheses, unsaid
		pq.hint("parentheses are ignored: they group only with a space (or the query's end) outside them")
	}
	for sc.i < len(sc.rs) {
		sc.next()
	}
	if sc.pendingNot {
		pq.hint("NOT needs a word after it")
	}
	if sc.pendingOr && !typing {
		pq.hint("OR needs a word on each side") // `raqqa OR` was searched as raqqa, unsaid
	}
	if sc.pendingAnd && !typing {
		pq.hint("AND needs a word on each side")
	}
	if sc.parens != nil && pq.fromTree(sc.clauses, sc.items) {
		return pq
	}
	if sc.parens != nil {
		negateUnder(sc.clauses, sc.items)
	}
	if pq.group(sc.clauses, sc.ors) && sc.parens == nil {
		pq.hint("OR next to an excluded word is read as AND: searched as " + pq.String())
	}
	if sc.parens != nil {
		// a review: -("slavery") found the pieces it was to exclude,
		// with no note
		pq.hint("parentheses can group words joined by OR, and - or NOT exclude such a group; not this: searched as " + pq.String())
	}
	return pq
}

// clip makes s valid UTF-8 of at most MaxQueryLen bytes, cut between
// words.
func (pq *parsedQuery) clip(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	if len(s) > MaxQueryLen {
		s = s[:MaxQueryLen]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		if i := strings.LastIndexFunc(s, unicode.IsSpace); i > 0 {
			s = s[:i+1] // not half a word
		}
		pq.hint("query too long: only its start was searched")
	}
	return s
}

// group sorts the clauses out: the negated ones excluded, the others in
// OR-groups (ors[i]: clause i is joined to clause i-1 by OR), a word too
// short to search for yet set aside. It reports whether an OR joined an
// excluded clause (`a OR -b`: a review found it read as `a -b` unsaid).
func (pq *parsedQuery) group(clauses []clause, ors []bool) (orExcluded bool) {
	for k, c := range clauses {
		if c.partial && !c.phrase && c.field == qfText {
			pq.partial = c.text // too short to search for yet
			continue
		}
		if c.negate {
			c.typing, c.open = c.open, false // excluding a half-typed word would hide what the user is after
			pq.exclude = append(pq.exclude, c)
			orExcluded = orExcluded || ors[k] || k+1 < len(ors) && ors[k+1]
			continue
		}
		if ors[k] && k > 0 && clauses[k-1].negate {
			// `a -b OR c`: an OR next to an excluded word is AND, as
			// before it (a review: c was joined to a, which the user
			// had ANDed)
			orExcluded = true
		} else if ors[k] && len(pq.groups) > 0 {
			last := len(pq.groups) - 1
			pq.groups[last] = append(pq.groups[last], c)
			continue
		}
		pq.groups = append(pq.groups, []clause{c})
	}
	return orExcluded
}

// queryScanner reads a query's clauses, left to right.
type queryScanner struct {
	pq            *parsedQuery // for its hints
	rs            []rune
	i             int  // the next rune to read
	trailingSpace bool // the last word is complete
	clauses       []clause
	ors           []bool // ors[i]: clause i is joined to clause i-1 by OR
	pendingOr     bool
	pendingAnd    bool // a trailing AND waits for the next word
	pendingNot    bool
	// parens marks the parentheses that group (groupingParens; nil for
	// none), and items is the query read as a tree's tokens (querytree.go)
	parens []bool
	items  []item
}

// next reads what starts at sc.i: a clause, an operator, or something
// ignored with a note.
func (sc *queryScanner) next() {
	if unicode.IsSpace(sc.rs[sc.i]) {
		sc.i++
		return
	}
	if sc.parens != nil && sc.parens[sc.i] {
		if sc.rs[sc.i] == '(' {
			if sc.pendingNot {
				sc.items = append(sc.items, item{kind: notItem})
				sc.pendingNot = false
			}
			sc.items = append(sc.items, item{kind: openItem})
		} else {
			sc.items = append(sc.items, item{kind: closeItem})
		}
		sc.i++
		return
	}
	if sc.parens == nil && sc.rs[sc.i] == '(' {
		// a parenthesis that does not group is punctuation: the sign or
		// NOT after it is the next word's (a second review: `tax
		// (-slavery` found the pieces with slavery)
		sc.i++
		return
	}
	c := clause{}
	if sc.pendingNot {
		c.negate = true
		sc.pendingNot = false
	}
	if !sc.sign(&c) || !sc.field(&c) {
		return
	}
	if sc.rs[sc.i] == '"' {
		if !sc.phrase(&c) {
			return
		}
	} else if !sc.word(&c) {
		return
	}
	sc.add(c, sc.pendingOr)
	sc.pendingOr, sc.pendingAnd = false, false
}

func (sc *queryScanner) add(c clause, or bool) {
	sc.items = append(sc.items, item{kind: clauseItem, c: len(sc.clauses)})
	sc.clauses = append(sc.clauses, c)
	sc.ors = append(sc.ors, or)
}

// sign reads the - of -word and -"phrase" (and ignores a +). A lone - is
// ignored: false, nothing more to read here.
func (sc *queryScanner) sign(c *clause) bool {
	rs, i := sc.rs, sc.i
	if rs[i] != '-' && rs[i] != '+' {
		return true
	}
	neg := rs[i] == '-'
	j := i
	for j < len(rs) && (rs[j] == '-' || rs[j] == '+') {
		j++
	}
	for sc.parens == nil && j < len(rs) && rs[j] == '(' {
		j++ // a parenthesis that does not group: the sign is the next word's (a review: -("slavery" lost its -)
	}
	sc.i = j
	if j == len(rs) || unicode.IsSpace(rs[j]) {
		if j < len(rs) || sc.trailingSpace {
			sc.pq.hint("a lone " + string(rs[i:j]) + " was ignored")
		}
		return false
	}
	if sc.parens != nil && sc.parens[j] {
		// -( … ): the group is excluded
		if neg != c.negate { // NOT -( … ) excludes nothing
			sc.items = append(sc.items, item{kind: notItem})
		}
		return false
	}
	if neg {
		c.negate = true
	}
	return true
}

// field reads the field: of field:value. A field without a value is
// ignored: false, nothing more to read here.
func (sc *queryScanner) field(c *clause) bool {
	rs, i := sc.rs, sc.i
	if name, n := unknownField(rs[i:]); n > 0 && (i+n < len(rs) && !unicode.IsSpace(rs[i+n]) || sc.trailingSpace) {
		sc.pq.hint(name + ": is not a field, searched as words (fields: " + knownFields + ")")
	}
	name, n := fieldPrefix(rs[i:])
	if n == 0 {
		return true
	}
	j := i + n
	sc.i = j
	if j == len(rs) || unicode.IsSpace(rs[j]) {
		if j < len(rs) || sc.trailingSpace {
			sc.pq.hint(name + ": needs a value and was ignored")
		}
		return false
	}
	c.field = fieldNames[name]
	if rs[j] == '(' {
		sc.pq.hint(name + ":( … ) does not group: write " + name + ":a OR " + name + ":b")
	}
	return true
}

// phrase reads a quoted phrase into c. Without its closing quote, the rest
// of the query is added as plain words with c's field and sign: false.
func (sc *queryScanner) phrase(c *clause) bool {
	rs, i := sc.rs, sc.i
	end := indexRune(rs, i+1, '"')
	if end < 0 {
		sc.pq.hint("unbalanced quote: searched as words")
		words := strings.Fields(string(rs[i+1:]))
		for k, w := range words {
			cw := clause{field: c.field, text: w, negate: c.negate}
			if k == len(words)-1 && !sc.trailingSpace {
				// the word being typed, as word reads it: too short, left
				// out (`"united s` matched nothing while typed)
				cw.typed()
			}
			sc.add(cw, sc.pendingOr && k == 0)
		}
		sc.pendingOr, sc.pendingAnd = false, false
		sc.i = len(rs)
		return false
	}
	c.text = string(rs[i+1 : end])
	c.phrase = true
	sc.i = end + 1
	// a helper's report: "slave"~ and "united stat*" dropped what a
	// phrase does not take, unsaid
	if k := sc.i; k < len(rs) && (rs[k] == '*' || rs[k] == '~') {
		for sc.i < len(rs) && (rs[sc.i] == '*' || rs[sc.i] == '~' || rs[sc.i] >= '0' && rs[sc.i] <= '9') {
			sc.i++
		}
		sc.pq.hint(`a phrase takes no * or ~: "` + c.text + `" searched as written`)
	}
	for _, w := range strings.Fields(c.text) {
		if strings.HasSuffix(w, "*") {
			sc.pq.hint(`no prefix inside a phrase: "` + c.text + `" searched as written (` + w + ` as a word)`)
			break
		}
	}
	// a phrase glued to more text ("a"b) ends at the quote
	return true
}

// word reads a word into c; false when it was an operator or nothing.
func (sc *queryScanner) word(c *clause) bool {
	rs := sc.rs
	j := sc.i
	for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && (sc.parens == nil || !sc.parens[j]) {
		j++
	}
	word := string(rs[sc.i:j])
	if sc.parens == nil && c.field == "" && !c.negate && strings.HasPrefix(word, "NOT(") {
		// NOT(slavery): NOT, then a parenthesis that does not group
		sc.i += len("NOT")
		sc.pendingNot = true
		return false
	}
	sc.i = j
	if c.field == "" && !c.negate {
		if sc.i < len(rs) || sc.trailingSpace {
			sc.lowercaseOperator(word)
		}
		if sc.operator(word) {
			return false
		}
	}
	var note string
	word, c.prefix, c.fuzzy, c.fuzzyAuto, note = wordSuffix(word)
	if note != "" && (sc.i < len(rs) || sc.trailingSpace) {
		sc.pq.hint(note)
	}
	if word == "" {
		return false
	}
	c.text = word
	if sc.i == len(rs) && !sc.trailingSpace && !c.prefix && c.fuzzy == 0 {
		c.typed()
	}
	return true
}

// typed marks c as the word being typed: open, and partial (left out)
// when it is under minOpenPrefix letters.
func (c *clause) typed() {
	c.open = true
	c.partial = utf8.RuneCountInString(c.text) < minOpenPrefix
}

// lowercaseOperator notes that "or", "and" and "not" between words are
// searched as words.
func (sc *queryScanner) lowercaseOperator(word string) {
	switch strings.ToLower(word) {
	case "or", "and", "not":
	default:
		return
	}
	if word != strings.ToLower(word) || len(sc.clauses) == 0 || !nextWordAfter(sc.rs, sc.i) {
		return
	}
	switch word {
	case "or":
		sc.pq.hint(`lowercase "or" is ignored: write OR for either word`)
	case "and":
		sc.pq.hint(`lowercase "and" is ignored: every word must match already (OR for either)`)
	default:
		sc.pq.hint(`lowercase "not" is ignored: write -word or NOT word to exclude one`)
	}
}

// operator applies OR, AND (&&) and NOT, and reports whether word was one.
func (sc *queryScanner) operator(word string) bool {
	switch word {
	case "OR":
		sc.items = append(sc.items, item{kind: orItem})
		if len(sc.clauses) == 0 {
			sc.pq.hint("OR needs a word on each side")
		} else {
			sc.pendingOr = true // a trailing OR waits for the next word
		}
		return true
	case "AND", "&&":
		// `AND` and `slavery AND` were searched as nothing and slavery,
		// unsaid, where OR said so (a helper's report)
		if len(sc.clauses) == 0 {
			sc.pq.hint("AND needs a word on each side")
		} else {
			sc.pendingAnd = true
		}
		return true
	case "||": // as && is AND (a helper's report: a || b was a AND b)
		return sc.operator("OR")
	case "NOT":
		sc.pendingNot = true
		return true
	}
	return false
}

// unknownField recognises "foo:" where foo is a run of letters that is not a
// field name (and not a URL's scheme).
func unknownField(rs []rune) (string, int) {
	j := 0
	for j < len(rs) && j < 16 && unicode.IsLetter(rs[j]) {
		j++
	}
	if j == 0 || j >= len(rs) || rs[j] != ':' {
		return "", 0
	}
	if j+2 < len(rs) && rs[j+1] == '/' && rs[j+2] == '/' {
		return "", 0
	}
	name := strings.ToLower(string(rs[:j]))
	if _, ok := fieldNames[name]; ok {
		return "", 0
	}
	return string(rs[:j]), j + 1
}

// nextWordAfter reports whether a word follows position i.
func nextWordAfter(rs []rune, i int) bool {
	for ; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			return true
		}
	}
	return false
}

// unbalancedParens counts ( minus ) outside quotes; not 0 when they do not
// pair up (a ) before its ( counts too).
func unbalancedParens(s string) int {
	depth, bad := 0, false
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '(':
			depth++
		case r == ')':
			depth--
			if depth < 0 {
				bad = true
			}
		}
	}
	if bad && depth == 0 {
		return -1
	}
	return depth
}

// fieldPrefix recognises "title:" and friends at the start of rs.
func fieldPrefix(rs []rune) (string, int) {
	j := 0
	for j < len(rs) && j < 8 && unicode.IsLetter(rs[j]) {
		j++
	}
	if j == 0 || j >= len(rs) || rs[j] != ':' {
		return "", 0
	}
	name := strings.ToLower(string(rs[:j]))
	if _, ok := fieldNames[name]; !ok {
		return "", 0
	}
	return name, j + 1
}

// wordSuffix strips a trailing * (prefix) or ~ / ~N (fuzzy): the word,
// whether it is a prefix, its edits (0: not fuzzy), whether they were
// left to folio (a bare ~: by the stem's length, queryplan.go), and a
// note when the ~ was not as the language has it.
func wordSuffix(w string) (string, bool, int, bool, string) {
	if strings.HasSuffix(w, "*") {
		return strings.TrimRight(w, "*"), true, 0, false, ""
	}
	if i := strings.LastIndexByte(w, '~'); i >= 0 && i > 0 {
		d := w[i+1:]
		if d == "" {
			return w[:i], false, 1, true, ""
		}
		v, err := strconv.Atoi(d)
		switch {
		case err != nil:
			// a helper's report: slavery~x found nothing, unsaid
			return w, false, 0, false, w + ": ~ takes 1 or 2 (edits): searched as written"
		case v < 1 || v > 2:
			n := max(1, min(v, 2))
			return w[:i], false, n, false, w + ": ~ takes 1 or 2 (edits): searched with ~" + strconv.Itoa(n)
		}
		return w[:i], false, v, false, ""
	}
	return w, false, 0, false, ""
}

func indexRune(rs []rune, from int, r rune) int {
	for k := from; k < len(rs); k++ {
		if rs[k] == r {
			return k
		}
	}
	return -1
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
