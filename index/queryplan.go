package index

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A query takes one road: parse (query.go) → plan (here) → the bleve query
// (compile.go), the highlight set, the notes and the forms searched, all
// read from the plan. The plan holds, for each clause, every form it will
// match, decided once (alias groups and, for the word being typed, the
// index's dictionary included):
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
	// joins, for uPrefix, lets a prefix match a compound's closed word as
	// the index holds it for a hyphenated run (compounds.go): the word
	// being typed, counterterrori, begins counter-terrorism
	joins bool
	// parts, for uTyping in the text, are fCaps's terms (capsPartMark)
	// of compounds that are parts not beginning their run and that the
	// prefix begins (theabov for thea: all-of-the-above): their pieces
	// are read (resolveTyping)
	parts []string
	fuzzy int // uFuzzy: edits
	// without, for a stemmed phrase or one as written, is a term whose pieces it does not
	// match: those of a hyphenated word's closed word, which the clause
	// matches as another unit (compounds.go)
	without string
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
	var phrases []string // of them, those asked for in quotes
	for _, g := range applySynonyms(pq.groups, syn) {
		var pg []planClause
		for _, cl := range g {
			pc := p.clause(cl, syn)
			if len(pc.units) == 0 && cl.text != "" && !cl.open && isWordy(cl.text) && !keywordField(cl.field) {
				dropped = append(dropped, cl.text)
				if cl.phrase {
					phrases = append(phrases, cl.text)
				}
				continue
			}
			pg = append(pg, pc)
		}
		if len(pg) > 0 {
			p.groups = append(p.groups, pg)
		}
	}
	switch {
	case len(p.groups) == 0 && len(dropped) > 0:
		p.note(tooCommon(strings.Join(dropped, " ")))
	default:
		// the rest is searched without them: a common word among others
		// goes without saying ("the raqqa"), a quoted phrase of them
		// ("it is") would narrow nothing unseen
		for _, d := range phrases {
			p.note(tooCommon(d) + ": searched without it")
		}
	}
	exclude := pq.exclude
	if syn != nil && syn.Groups() > 0 {
		// -daesh leaves out what daesh finds: every variant
		exclude = markVariants(exclude, syn)
	}
	for _, cl := range exclude {
		pc := p.clause(cl, syn)
		if len(pc.units) == 0 && cl.text != "" && !cl.typing && isWordy(cl.text) && !keywordField(cl.field) {
			p.note(tooCommon(cl.text) + ": nothing left out for it")
		}
		p.exclude = append(p.exclude, pc)
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

// keywordField reports whether a clause of field f matches a keyword
// field (tag:, kind:, language:), with no units.
func keywordField(f string) bool { return f == qfTag || f == qfKind || f == qfLanguage }

// clause decides the units of one clause. tag:, kind: and language: have
// none: they match keyword fields (compile.go).
func (p *queryPlan) clause(cl clause, syn *Synonyms) planClause {
	pc := planClause{clause: cl}
	if keywordField(cl.field) {
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
		for _, u := range synonymUnits(cl.text, syn, g) {
			add(u)
		}
		if !cl.negate && cl.field == qfText { // marked in a rendered piece: terms
			for _, v := range syn.raw[g] {
				if !slices.Contains(p.synonyms, v) {
					p.synonyms = append(p.synonyms, v)
				}
			}
		}
	case cl.phrase:
		add(exactUnit(cl.text, false))
	case cl.prefix:
		pre := foldPrefix(cl.text)
		if utf8.RuneCountInString(pre) < minExplicitPrefix {
			add(unit{kind: uStem, terms: analyzePhrase(cl.text)})
			break
		}
		pc.units = append(pc.units, prefixUnit(pre))
	case cl.fuzzy > 0:
		terms := analyzePhrase(cl.text)
		if len(terms) == 1 && !hasDigitString(terms[0]) && utf8.RuneCountInString(terms[0]) >= 3 && !isUpperTerm(terms[0]) {
			edits := cl.fuzzy
			if cl.fuzzyAuto && utf8.RuneCountInString(terms[0]) > 5 {
				// by the stem's length, which is what is compared: by
				// the word's, terorism (stem teror) took 2 and found
				// terms (a helper's report)
				edits = 2
			}
			add(unit{kind: uFuzzy, terms: terms, fuzzy: edits, variants: fuzzyVariants(terms[0], cl.text)})
		} else {
			add(unit{kind: uStem, terms: terms})
		}
	case isCapsWord(cl.text) && cl.field != qfAuthor && cl.field != qfOutlet:
		add(exactUnit(cl.text, true))
	default:
		u := unit{kind: uStem, terms: analyzePhrase(cl.text)}
		c := ""
		if cl.field == qfText {
			c = queryCompound(cl.text)
		}
		if c == "" {
			add(u)
			break
		}
		// counter-terrorism: the closed word, which the index holds for
		// either spelling (compounds.go), or its words one after the
		// other where the closed word is not (counter terrorism): a
		// piece scores for one of the two, not both
		u.without = c
		add(unit{kind: uStem, terms: []string{c}})
		if slices.ContainsFunc(textWords(cl.text), func(w string) bool { return stopPart([]byte(w)) }) {
			// well-being, to-day: the phrase of the words the index
			// holds would be well, day alone; year-to-year, year, any
			// word, year (year after year); the words as written, in a
			// row, checked on the text (well being, year to year)
			e := exactUnit(cl.text, false)
			e.without = c
			add(e)
			break
		}
		add(u)
	}
	if cl.open && !cl.phrase && isWordy(cl.text) && cl.syn == 0 {
		if pre := foldPrefix(lastWord(cl.text)); utf8.RuneCountInString(pre) >= minOpenPrefix {
			pc.units = append(pc.units, unit{kind: uTyping, prefix: pre})
			p.typed = lastWord(cl.text)
		}
	}
	return pc
}

// synonymUnits are the units of a clause that spells a variant of synonym
// group g: for an acronym, this spelling and the aliases as written; else
// every variant, stemmed.
func synonymUnits(text string, syn *Synonyms, g int) []unit {
	var us []unit
	if isCapsWord(text) {
		us = append(us, exactUnit(text, true))
		for _, v := range syn.raw[g] {
			if v != text {
				us = append(us, exactUnit(v, isCapsWord(v)))
			}
		}
		return us
	}
	for _, v := range syn.searched(g) {
		us = append(us, unit{kind: uStem, terms: v})
	}
	return us
}

// prefixUnit is the unit of word* for the folded prefix pre. Its
// candidates are the stems starting with the prefix or its stem ("radical"
// → "radic"), and the prefix's truncations to half its length
// ("radicalis" → "radic"): the text settles which have a word starting
// with the prefix, or a run of words joined by hyphens whose closed word,
// from its first word, does (joins: counterterr* finds counter-terrorism,
// as counterterrorism does and as the word being typed does, so that word
// OR word* counts what the reader's typed word counts; thea* does not
// find all-of-the-above).
func prefixUnit(pre string) unit {
	cands := []string{pre}
	if stem := normalizeTerm(pre); stem != "" && !isUpperTerm(stem) && stem != pre {
		cands = append(cands, stem)
	}
	cands = append(cands, americanStems(pre)...)
	variants := truncations(pre)
	for _, t := range prefixStems(pre) {
		if !slices.Contains(variants, t) && !hasAnyPrefix(t, cands) {
			variants = append(variants, t)
		}
	}
	return unit{kind: uPrefix, terms: cands, prefix: pre, variants: variants, joins: true}
}

// americanStems are the American spellings of the British words pre
// begins whose American spelling it does not (labou*: labour is labor):
// the stems of those words begin with them.
func americanStems(pre string) []string {
	var out []string
	for _, o := range ourStems {
		if len(pre) < len(o) && strings.HasPrefix(o, pre) {
			if am, ok := americanSpelling([]byte(o)); ok {
				out = append(out, am)
			}
		}
	}
	return out
}

// prefixStems are the stems of words that begin with pre but whose stems do
// not: stemming and spelling change a word's end, and the end may begin
// inside pre (tryin* finds trying, whose stem is tri; organizatio*
// organization, organ; defenc* defence, defens; cheq* chequered,
// checker). They are found by ending pre with each of the English endings
// the stemmer and the spelling rules take off or change, from every letter
// of pre where the ending may begin; the words' texts are then checked as
// for any prefix. TestPrefixCandidatesHoldEveryWord checks them against
// every word of the State of the Union addresses and the bundled archive.
func prefixStems(pre string) []string {
	var out []string
	add := func(w string) {
		if t := stemLower(w); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	for _, e := range wordEndings {
		for k := 0; k <= len(e); k++ {
			if strings.HasSuffix(pre, e[:k]) {
				add(pre + e[k:])
			}
		}
	}
	for brit := range americanWords {
		if strings.HasPrefix(brit, pre) {
			add(brit)
		}
	}
	return out
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// wordEndings are the endings (and chains of them) English words take that
// the Porter stemmer removes or rewrites, and those of the spelling rules
// (spelling.go).
var wordEndings = []string{
	"", "e", "s", "es", "ed", "ing", "ings", "er", "ers", "est", "y", "ies", "ied", "ier", "iest",
	"ly", "ily", "ally", "ment", "ments", "ness", "nesses", "ful", "fully", "fulness", "less", "lessness",
	"al", "als", "ial", "ality", "alities", "alism", "alist", "alize", "alized", "alise", "alised",
	"ation", "ations", "ational", "ationally", "ator", "ators", "ate", "ates", "ated", "ating", "ative", "atives",
	"ize", "izes", "ized", "izing", "izer", "izers", "ization", "izations", "izational",
	"ise", "ises", "ised", "ising", "iser", "isers", "isation", "isations", "isational",
	"yse", "ysed", "ysing", "yser", "yze", "yzed", "yzing",
	"able", "ably", "ability", "abilities", "ible", "ibly", "ibility", "abli", "bli", "biliti",
	"ance", "ances", "ancy", "ancies", "ence", "ences", "ency", "encies", "enci", "anci",
	"ant", "ants", "ent", "ents", "ently", "entli", "ement", "ements",
	"ic", "ics", "ical", "ically", "icate", "icated", "icity", "iciti", "icism",
	"ism", "isms", "ist", "ists", "istic", "ity", "ities", "iti", "ive", "ives", "ively", "iveness", "ivity", "iviti",
	"ous", "ously", "ousness", "ousli", "ion", "ions", "ional", "or", "ors", "ou",
	"li", "eli", "alli", "eed", "eedly", "edly", "ingly",
	"ify", "ified", "ifies", "ifying", "ification", "ifications", "logy", "logies", "logi", "logical",
	"ure", "ures", "ured", "uring",
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

// highlight is what a hit's title and its snippets mark: each positive
// unit's forms, where the unit's clause searched. A word of the default
// field is found in the title and the texts alike and is marked in both; a
// title: word only in the title, and is not marked in the snippets (which
// would say the texts matched); author: and outlet: words are marked in
// neither (tag: and kind: have no units).
func (p *queryPlan) highlight() (title, texts highlightSet) {
	title, texts = newHighlightSet(), newHighlightSet()
	for _, g := range p.groups {
		for _, pc := range g {
			switch pc.field {
			case qfText:
				addMarks(&title, pc.units)
				addMarks(&texts, pc.units)
			case qfTitle:
				addMarks(&title, pc.units)
			}
		}
	}
	return title, texts
}

// addMarks adds the forms of units to hl.
func addMarks(hl *highlightSet, units []unit) {
	for _, u := range units {
		switch u.kind {
		case uStem:
			hl.addUnit(u.terms)
		case uExact, uCase:
			if len(u.forms) == 1 {
				hl.addExact(u.forms[0], u.kind == uCase)
			} else {
				hl.addPhrase(u)
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

// terms are the words of the query for highlighting in a rendered piece:
// each positive word and quoted phrase of the default field, as typed, then
// the aliases searched for them. A title: word matched the title alone and
// is not marked in the piece's text.
func (p *queryPlan) terms() []string {
	out := []string{} // none is not nil: the reader then guesses nothing (ui)
	seen := map[string]bool{}
	addWord := func(w string) {
		if w != "" && !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			out = append(out, w)
		}
	}
	for _, g := range p.groups {
		for _, c := range g {
			if c.field != qfText {
				continue // a title: word matched the title, not the text the reader marks
			}
			var ws []string
			for _, w := range strings.Fields(c.text) {
				if w = strings.Trim(w, `"'()[]{}.,;:!?`); w != "" {
					ws = append(ws, w)
				}
			}
			if c.phrase {
				// a quoted phrase is marked where it runs, not word by word
				addWord(strings.Join(ws, " "))
				continue
			}
			for _, w := range ws {
				addWord(w)
			}
		}
	}
	for _, v := range p.synonyms {
		addWord(v)
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

// applySynonyms replaces runs of plain words (and phrases) that spell a
// variant of a synonym group by the group. Groups keep their OR members.
// A quoted phrase is not a variant: it matches as written.
func applySynonyms(groups [][]clause, syn *Synonyms) [][]clause {
	if syn == nil || syn.Groups() == 0 {
		return groups
	}
	out := make([][]clause, 0, len(groups))
	i := 0
	for i < len(groups) {
		g := groups[i]
		// OR members: a whole variant each
		if len(g) > 1 || !isPlainWord(g[0]) {
			out = append(out, markVariants(g, syn))
			i++
			continue
		}
		// a run of plain single-word groups
		j := i
		for j < len(groups) && len(groups[j]) == 1 && isPlainWord(groups[j][0]) {
			j++
		}
		out = append(out, synonymRun(groups[i:j], syn)...)
		i = j
	}
	return out
}

// markVariants marks the clauses of g (an OR group's members, or the
// exclusions) that are each a whole variant of a synonym group: a word of
// the text or of the title (title:isil finds Isis in a title, as isil
// does anywhere).
func markVariants(g []clause, syn *Synonyms) []clause {
	ng := make([]clause, len(g))
	for k, cl := range g {
		ng[k] = cl
		if (cl.field == qfText || cl.field == qfTitle) && !cl.prefix && cl.fuzzy == 0 && !cl.phrase {
			terms := nonEmpty(analyzePhrase(cl.text))
			if gr, n := syn.match(terms); gr >= 0 && n == len(terms) {
				ng[k].syn = gr + 1
			}
		}
	}
	return ng
}

// synonymRun finds the words of a run of plain single-word groups that
// spell a variant of a synonym group. One word (isis) becomes a clause of
// its group. Words typed apart (foreign fighters) still find the pieces
// with each word anywhere, as any words do, and also those with a variant
// of their group (FTF): (foreign OR the group) AND (fighters OR the
// group), which is the same pieces as (foreign AND fighters) OR the group.
// Stop words among them (state of the union) are left out, as they are
// from any words.
func synonymRun(run [][]clause, syn *Synonyms) [][]clause {
	var out [][]clause
	var terms []string
	var wordAt []int // term index → run index
	starts := make([]int, len(run)+1)
	for k, rg := range run {
		starts[k] = len(terms)
		for _, t := range nonEmpty(analyzePhrase(rg[0].text)) {
			terms = append(terms, t)
			wordAt = append(wordAt, k)
		}
	}
	starts[len(run)] = len(terms)
	k := 0
	for k < len(run) {
		s := starts[k]
		if s < len(terms) && wordAt[s] == k {
			if gr, n := syn.match(terms[s:]); gr >= 0 {
				end := s + n
				// the variant must end at a word boundary
				last := -1
				for w := k; w <= len(run); w++ {
					if starts[w] == end {
						last = w
						break
					}
				}
				if last > k {
					cl := run[k][0]
					cl.text = joinClauseText(run[k:last])
					cl.open = run[last-1][0].open && last-1 == k
					cl.syn = gr + 1
					if last-k == 1 {
						out = append(out, []clause{cl})
						k = last
						continue
					}
					cl.open = false
					for w := k; w < last; w++ {
						if starts[w] == starts[w+1] {
							continue // a stop word
						}
						out = append(out, []clause{run[w][0], cl})
					}
					k = last
					continue
				}
			}
		}
		out = append(out, run[k])
		k++
	}
	return out
}

func joinClauseText(gs [][]clause) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g[0].text
	}
	return strings.Join(parts, " ")
}

func isPlainWord(c clause) bool {
	return c.field == qfText && !c.phrase && !c.prefix && c.fuzzy == 0 && !c.negate
}

// typingCheckMax bounds the pieces whose text is read, per field and
// keystroke, to check the word being typed against the stems of its
// words that do not begin with it ("radic" for "radica"): past it, such
// pieces are left out until typing pauses (about 60 µs a piece of 1,000
// words), and the count says it is estimated (Results.Estimated).
const typingCheckMax = 64

// typingStems are the stems of the words the prefix being typed may
// begin that do not begin with it: those of word* (prefixStems,
// americanStems), not the prefix's truncations, most of which no word it
// begins has (wellbei's well: its 227 SOTU pieces took the budget of
// texts read, and wellbei found 9 of the 61 pieces with wellbeing).
func typingStems(pre string) []string {
	lastTyping.mu.Lock()
	defer lastTyping.mu.Unlock()
	if lastTyping.pre == pre && lastTyping.stems != nil {
		return lastTyping.stems
	}
	out := []string{}
	for _, t := range slices.Concat(prefixStems(pre), americanStems(pre)) {
		if !strings.HasPrefix(t, pre) && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	lastTyping.pre, lastTyping.stems = pre, out
	return out
}

// lastTyping is the last prefix typingStems answered, and its answer: a
// keystroke's search of hits and its count of facets ask for the same
// (some 60 µs each).
var lastTyping struct {
	mu    sync.Mutex
	pre   string
	stems []string
}

// resolveTyping completes the plan's typing units from the dictionary: the
// stems of the words the prefix begins that do not begin with it
// (typingStems: "radic" for "radica", checked on the text), and reports
// whether the word being typed matches, as a prefix, anything other than
// its own stem: then the results may include words it begins.
func (ix *Index) resolveTyping(ctx context.Context, p *queryPlan) bool {
	r, done, err := ix.reader()
	if err != nil {
		return false
	}
	defer done()
	widens := false
	for _, g := range p.groups {
		for _, pc := range g {
			for k, u := range pc.units {
				if u.kind != uTyping {
					continue
				}
				field := fText
				switch pc.field {
				case qfTitle:
					field = fTitle
				case qfAuthor:
					field = fAuthors
				case qfOutlet:
					field = fOutletText
				}
				own := normalizeTerm(lastWord(pc.text))
				if prefixHasOther(r, field, u.prefix, own) {
					widens = true
				}
				if _, ok := storedOf[field]; !ok {
					continue
				}
				if field == fText {
					// the text's compounds that do not begin their run
					parts, err := prefixTerms(r, fCaps, capsPartMark+u.prefix)
					if err == nil {
						pc.units[k].parts = parts
					}
				}
				df, err := segmentDocFreq(r, field, nil)
				if err != nil {
					continue
				}
				var found []string
				for _, t := range typingStems(u.prefix) {
					if c, err := df([]byte(t)); err == nil && c > 0 && t != own {
						found = append(found, t)
					}
				}
				if len(found) > 0 {
					pc.units[k].terms = found
					widens = true
				}
			}
		}
	}
	return widens
}

// prefixHasOther reports whether field has a term starting with pre other
// than own.
func prefixHasOther(r bleveindex.IndexReader, field, pre, own string) bool {
	d, err := r.FieldDictPrefix(field, []byte(pre))
	if err != nil {
		return false
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return false
		}
		if e.Term != own {
			return true
		}
	}
}
