package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A query takes one road: parse (query.go) → plan (here) → the bleve query
// (compile.go), the highlight set, the notes and the forms searched, all
// read from the plan. The plan holds, for each clause, every form it will
// match, decided once:
//
//	radicalisation      stemmed: the analysed term ("radic"), so every
//	                    inflection and both spellings
//	"aids"  "a phrase"  exact: the words as written, any case, unstemmed;
//	                    candidates by their stems, checked on the stored text
//	AIDS  MI5           acronym (2+ capitals): that spelling, case-sensitive,
//	                    checked likewise, plus its aliases as exact forms
//	isis                an alias group: every variant, stemmed
//	radical*            prefix: words starting with "radical", checked likewise
//	inte (typing)       the word being typed: its stem, or a stem starting with it
//	terorism~           fuzzy: stems within 1 or 2 edits
//
// Exact forms need no second index field: an unstemmed field cost 37-42 %
// more build time when it was tried. The stems find the candidates and the
// candidates' stored text (which snippets need anyway) settles the form;
// see exact.go.

type unitKind int

const (
	uStem   unitKind = iota // analysed terms: stemmed, spellings and accents folded
	uExact                  // the words as written, case-insensitive, unstemmed
	uCase                   // the words as written, case-sensitive (acronyms)
	uPrefix                 // words starting with prefix, checked on the text
	uTyping                 // the word being typed: stems starting with prefix, unchecked
	uFuzzy                  // stems within fuzzy edits
)

// unit is one form a clause matches; a clause matches when any unit does.
type unit struct {
	kind unitKind
	// terms are the analysed terms by position ("" for a stop word): what
	// the index is asked for (the candidates of an exact unit)
	terms []string
	// forms are the words by position, stop words included: folded and
	// lower-cased for uExact, as written for uCase
	forms  []string
	prefix string // uPrefix, uTyping: folded
	fuzzy  int    // uFuzzy: edits
	// variants are the fuzzy unit's forms matched against the stems; the
	// prefix unit's truncations, candidates whose text is checked
	variants []string
}

// planClause is a clause with its units.
type planClause struct {
	clause
	units []unit
}

// queryPlan is a parsed query with every form decided.
type queryPlan struct {
	groups  [][]planClause // AND of ORs
	exclude []planClause
	notes   []string
	// partial is the word being typed left out as too short ("keep typing")
	partial string
	// typed is the word being typed that also matches as a prefix ("radica")
	typed string
	// synonyms are the alias variants searched, as written
	synonyms []string
}

// buildPlan decides the forms of every clause.
func buildPlan(pq parsedQuery, syn *Synonyms) queryPlan {
	p := queryPlan{notes: pq.hints, partial: pq.partial}
	var dropped []string // words too common to search for
	for _, g := range applySynonyms(pq.groups, syn) {
		var pg []planClause
		for _, cl := range g {
			pc := p.clause(cl, syn)
			if len(pc.units) == 0 && cl.text != "" && !cl.open && isWordy(cl.text) && cl.field != qfTag && cl.field != qfKind {
				dropped = append(dropped, cl.text)
				continue
			}
			pg = append(pg, pc)
		}
		if len(pg) > 0 {
			p.groups = append(p.groups, pg)
		}
	}
	if len(p.groups) == 0 && len(dropped) > 0 {
		p.note(tooCommon(strings.Join(dropped, " ")))
	}
	for _, cl := range pq.exclude {
		p.exclude = append(p.exclude, p.clause(cl, syn))
	}
	return p
}

func tooCommon(w string) string { return "\"" + w + "\" is too common to search for" }

func (p *queryPlan) note(n string) {
	for _, x := range p.notes {
		if x == n {
			return
		}
	}
	p.notes = append(p.notes, n)
}

// clause decides the units of one clause. tag: and kind: have none: they
// match keyword fields (compile.go).
func (p *queryPlan) clause(cl clause, syn *Synonyms) planClause {
	pc := planClause{clause: cl}
	if cl.field == qfTag || cl.field == qfKind {
		return pc
	}
	add := func(u unit) {
		if len(nonEmpty(u.terms)) > 0 || u.kind == uTyping || u.kind == uFuzzy && len(u.variants) > 0 {
			pc.units = append(pc.units, u)
		}
	}
	switch {
	case cl.syn > 0 && syn != nil && cl.syn-1 < len(syn.groups):
		g := cl.syn - 1
		if isCapsWord(cl.text) {
			// an acronym: this spelling, and the aliases as written
			add(exactUnit(cl.text, true))
			for _, v := range syn.raw[g] {
				if v != cl.text {
					add(exactUnit(v, isCapsWord(v)))
				}
			}
		} else {
			for _, v := range syn.searched(g) {
				add(unit{kind: uStem, terms: v})
			}
		}
		if !cl.negate {
			p.synonyms = append(p.synonyms, syn.raw[g]...)
		}
	case cl.phrase:
		add(exactUnit(cl.text, false))
	case cl.prefix:
		pre := foldPrefix(cl.text)
		if utf8.RuneCountInString(pre) < minExplicitPrefix {
			add(unit{kind: uStem, terms: analyzePhrase(cl.text)})
			break
		}
		// candidates: the stems starting with the prefix or its stem
		// ("radical" → "radic"), and the prefix's truncations to half its
		// length ("radicalis" → "radic"): the text settles which have a
		// word starting with the prefix
		cands := []string{pre}
		if stem := normalizeTerm(pre); stem != "" && !isUpperTerm(stem) && stem != pre {
			cands = append(cands, stem)
		}
		pc.units = append(pc.units, unit{kind: uPrefix, terms: cands, prefix: pre, variants: truncations(pre)})
	case cl.fuzzy > 0:
		terms := analyzePhrase(cl.text)
		if len(terms) == 1 && !hasDigitString(terms[0]) && utf8.RuneCountInString(terms[0]) >= 3 && !isUpperTerm(terms[0]) {
			add(unit{kind: uFuzzy, terms: terms, fuzzy: cl.fuzzy, variants: fuzzyVariants(terms[0], cl.text)})
		} else {
			add(unit{kind: uStem, terms: terms})
		}
	case isCapsWord(cl.text) && cl.field != qfAuthor && cl.field != qfOutlet:
		add(exactUnit(cl.text, true))
	default:
		add(unit{kind: uStem, terms: analyzePhrase(cl.text)})
	}
	if cl.open && !cl.phrase && isWordy(cl.text) && cl.syn == 0 {
		if pre := foldPrefix(lastWord(cl.text)); utf8.RuneCountInString(pre) >= minOpenPrefix {
			pc.units = append(pc.units, unit{kind: uTyping, prefix: pre})
			p.typed = lastWord(cl.text)
		}
	}
	return pc
}

// truncations are p less one letter, two, … down to half its length (at
// least four letters).
func truncations(p string) []string {
	var out []string
	rs := []rune(p)
	for n := len(rs) - 1; n >= max(4, (len(rs)+1)/2); n-- {
		out = append(out, string(rs[:n]))
	}
	return out
}

// exactUnit matches the words of s as written: any case (caseSensitive
// false) or this case.
func exactUnit(s string, caseSensitive bool) unit {
	u := unit{kind: uExact, terms: analyzePhrase(s)}
	if caseSensitive {
		u.kind = uCase
	}
	for _, w := range textWords(s) {
		if !caseSensitive {
			w = exactKey(w)
		} else {
			w = caseKey(w)
		}
		if w != "" {
			u.forms = append(u.forms, w)
		}
	}
	return u
}

// isCapsWord reports whether w is one word written in capitals: two or more
// capital letters and no small ones (AIDS, NATO, MI5, ISIS).
func isCapsWord(w string) bool {
	if strings.ContainsFunc(w, unicode.IsSpace) {
		return false
	}
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLower(r):
			return false
		}
	}
	return caps >= 2
}

// highlight is what the snippets mark: each positive unit's forms.
func (p *queryPlan) highlight() highlightSet {
	hl := newHighlightSet()
	for _, g := range p.groups {
		for _, pc := range g {
			if pc.field == qfAuthor || pc.field == qfOutlet {
				continue
			}
			for _, u := range pc.units {
				switch u.kind {
				case uStem:
					hl.addUnit(u.terms)
				case uExact, uCase:
					if len(u.forms) == 1 {
						hl.addExact(u.forms[0], u.kind == uCase)
					} else {
						hl.addUnit(u.terms)
					}
				case uPrefix, uTyping:
					hl.addPrefix(u.prefix)
				case uFuzzy:
					for _, v := range u.variants {
						hl.addFuzzy(v, u.fuzzy)
					}
				}
			}
		}
	}
	return hl
}

// terms are the words of the query for highlighting in a rendered piece:
// each positive word and phrase word, as typed, then the aliases searched.
func (p *queryPlan) terms() []string {
	var out []string
	seen := map[string]bool{}
	addWord := func(w string) {
		if w != "" && !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			out = append(out, w)
		}
	}
	for _, g := range p.groups {
		for _, c := range g {
			if c.field != qfText && c.field != qfTitle {
				continue
			}
			for _, w := range strings.Fields(c.text) {
				addWord(strings.Trim(w, `"'()[]{}.,;:!?`))
			}
		}
	}
	for _, v := range p.synonyms {
		addWord(v)
	}
	return out
}

// widened lists the plain words the stemmer widens, with their stems:
// the words whose forms Results.Forms reports.
func (p *queryPlan) widened() [][2]string {
	var out [][2]string
	for _, g := range p.groups {
		for _, pc := range g {
			if pc.syn > 0 || pc.phrase || pc.field != qfText && pc.field != qfTitle {
				continue
			}
			for _, u := range pc.units {
				if u.kind == uStem && len(u.terms) == 1 && u.terms[0] != "" && !strings.ContainsRune(pc.text, ' ') {
					out = append(out, [2]string{strings.ToLower(pc.text), u.terms[0]})
				}
			}
		}
	}
	return out
}

// maxForms is how many forms of a word Results.Forms names.
const maxForms = 6

// formsFound lists, for each word the stemmer widened, the forms of it
// marked in the hits' titles and snippets, most frequent first, when there
// are several: "aids → aid, aids, aided…" (… when there were more).
func formsFound(words [][2]string, hits []Hit) []string {
	if len(words) == 0 || len(hits) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, h := range hits {
		for _, t := range append([]string{h.TitleMarked}, h.Snippets...) {
			for {
				i := strings.Index(t, MarkStart)
				if i < 0 {
					break
				}
				t = t[i+len(MarkStart):]
				j := strings.Index(t, MarkEnd)
				if j < 0 {
					break
				}
				count[strings.ToLower(t[:j])]++
				t = t[j+len(MarkEnd):]
			}
		}
	}
	var out []string
	for _, w := range words {
		var fs []string
		for f := range count {
			if normalizeTerm(f) == w[1] {
				fs = append(fs, f)
			}
		}
		if len(fs) < 2 {
			continue
		}
		slices.SortFunc(fs, func(a, b string) int {
			if count[a] != count[b] {
				return count[b] - count[a]
			}
			return strings.Compare(a, b)
		})
		more := ""
		if len(fs) > maxForms {
			fs, more = fs[:maxForms], "…"
		}
		out = append(out, w[0]+" → "+strings.Join(fs, ", ")+more)
	}
	return out
}

func isLowerASCIIWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// textWords splits s into words the way the tokenizer does.
func textWords(s string) []string {
	toks := wordTokenizer{}.Tokenize([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// exactKey is a word as an exact form compares: accents folded, lower
// case, a possessive 's and other apostrophes dropped, British spelling
// made American (one spelling of one word, not another form).
func exactKey(w string) string {
	b := []byte(w)
	if isASCII(w) {
		b = []byte(strings.ToLower(w))
	} else {
		b = foldLower(b)
		b = []byte(strings.ReplaceAll(string(b), "’", "'"))
	}
	var arena []byte
	b = stripApostrophes(b, &arena)
	if r, ok := americanSpelling(b); ok {
		return r
	}
	return string(b)
}

// caseKey is a word as a case-sensitive form compares: possessive and
// apostrophes dropped, nothing else changed.
func caseKey(w string) string {
	w = strings.ReplaceAll(w, "’", "'")
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	return strings.ReplaceAll(w, "'", "")
}
