package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"

	"github.com/folio-tui/folio/archive"
)

// Compiling a parsed query into bleve queries. Plain words search the
// "text" field (everything) and the title, which weighs more.

type weightedField struct {
	name  string
	boost float64
}

var (
	// The text field holds the title twice, which weighs title words more
	// without a second clause per word.
	plainFields  = []weightedField{{fText, 1}}
	titleFields  = []weightedField{{fTitle, 1}}
	authorFields = []weightedField{{fAuthors, 1}}
	outletFields = []weightedField{{fOutletText, 1}}
)

const (
	minOpenPrefix     = 3 // a word being typed matches as a prefix from 3 letters
	minExplicitPrefix = 2 // word* from 2 letters
	maxPrefixTerms    = 64
)

// compiled is a text query ready to combine with filters.
type compiled struct {
	must    []query.Query
	mustNot []query.Query
	// should only ranks: the query's words in the title or a tag, and
	// side by side in the text
	should []query.Query
}

// Boosts of the ranking clauses (compiled.should), set by the tests in
// relevance_test.go (each clause is needed there) and cli's acceptance
// test: a title boost over ~0.3 put a short interview titled "Raqqa" above
// the article about Raqqa (the text field holds the title twice already).
const (
	titleBoost    = 0.25
	tagBoost      = 1.0
	adjacentBoost = 3.0
)

// compile turns a plan into bleve queries.
func compile(p queryPlan) compiled {
	var c compiled
	// the word being typed alone is read term at a time (typedPrefixQuery)
	alone := len(p.groups) == 1 && len(p.groups[0]) == 1 && len(p.exclude) == 0
	for _, g := range p.groups {
		var alts []query.Query
		for _, pc := range g {
			if q := clauseQuery(pc, alone); q != nil {
				alts = append(alts, q)
			}
		}
		switch len(alts) {
		case 0:
		case 1:
			c.must = append(c.must, alts[0])
		default:
			c.must = append(c.must, query.NewDisjunctionQuery(alts))
		}
	}
	for _, pc := range p.exclude {
		if q := clauseQuery(pc, false); q != nil {
			c.mustNot = append(c.mustNot, q)
		}
	}
	if len(c.must) > 0 {
		c.should = rankingQueries(p)
	}
	return c
}

// rankingQueries are the optional clauses that rank: a piece whose title
// has a word of the query, or whose tag is a word or the query's words
// ("foreign fighters" → foreign-fighters), ranks above one that mentions
// it in passing; the words side by side rank above the words apart.
func rankingQueries(p queryPlan) []query.Query {
	var out []query.Query
	var words []string       // the plain words' stems, in order
	var typed []string       // the plain words as typed, lower-cased
	titled := map[int]bool{} // synonym groups whose variants rank in titles
	title := func(pc planClause) {
		if pc.syn > 0 {
			if titled[pc.syn] {
				return
			}
			titled[pc.syn] = true
		}
		for _, u := range pc.units {
			if u.kind != uStem && u.kind != uExact && u.kind != uCase || len(nonEmpty(u.terms)) == 0 {
				continue
			}
			q := unitQuery(u.terms, []weightedField{{fTitle, titleBoost}})
			if q != nil {
				out = append(out, q)
			}
		}
	}
	for _, g := range p.groups {
		if len(g) == 2 && g[0].syn == 0 && g[1].syn > 0 {
			// a word of words that spell a variant (synonymRun): it
			// ranks as the word, and the group's variants in titles
			title(g[1])
			g = g[:1]
		}
		if len(g) != 1 {
			continue
		}
		pc := g[0]
		if pc.field != qfText || pc.phrase {
			continue
		}
		title(pc)
		if pc.syn == 0 && len(pc.units) == 1 && pc.units[0].kind == uStem && len(pc.units[0].terms) == 1 {
			words = append(words, pc.units[0].terms[0])
			typed = append(typed, strings.ToLower(pc.text))
		}
	}
	tags := map[string]bool{}
	for i := range typed {
		tags[typed[i]] = true
		if i+1 < len(typed) {
			tags[typed[i]+"-"+typed[i+1]] = true
		}
	}
	if len(typed) > 2 {
		tags[strings.Join(typed, "-")] = true
	}
	for tg := range tags {
		tq := query.NewTermQuery(tagKey(tg))
		tq.SetField(fTags)
		tq.SetBoost(tagBoost)
		out = append(out, tq)
	}
	if len(words) >= 2 && len(words) <= 8 {
		out = append(out, newAdjacencyPhrase(words, fText, adjacentBoost))
	}
	return out
}

// clauseQuery builds the query for one clause from its units; nil when
// nothing in it can be searched (a stop word).
func clauseQuery(pc planClause, alone bool) query.Query {
	switch pc.field {
	case qfTag:
		return keywordQuery(fTags, pc.clause, func(v string) []string {
			// tags are kept in NFC: tag:café typed with a combining
			// accent is the same tag
			v = norm.NFC.String(strings.ToLower(archive.SanitizeLine(v))) // as the files' tags were kept
			return uniq(v, strings.ReplaceAll(v, " ", "-"))
		})
	case qfKind:
		return keywordQuery(fKind, pc.clause, func(v string) []string {
			return []string{norm.NFC.String(strings.ToLower(archive.SanitizeLine(v)))}
		})
	case qfLanguage:
		// the range it names (german: de), else as written: it then
		// finds nothing, as kind: of no kind
		return keywordQuery(fLanguage, pc.clause, func(v string) []string {
			v = archive.SanitizeLine(v)
			if r, ok := archive.LanguageRange(v); ok {
				return []string{r}
			}
			return []string{strings.ToLower(v)}
		})
	}
	fields := fieldsOf(pc.field)
	var alts []query.Query
	for _, u := range pc.units {
		// a phrase's queries, less the pieces of its without
		phrase := func(qs ...query.Query) {
			var without query.Query
			if u.without != "" {
				without = unitQuery([]string{u.without}, fields)
			}
			for _, q := range qs {
				if without != nil {
					q = query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{without})
				}
				alts = append(alts, q)
			}
		}
		switch u.kind {
		case uStem:
			if q := unitQuery(u.terms, fields); q != nil {
				phrase(q)
			}
		case uExact, uCase:
			phrase(exactUnitQueries(u, fields)...)
		case uPrefix:
			alts = append(alts, prefixUnitQueries(u, fields)...)
		case uTyping:
			alts = append(alts, typingUnitQueries(u, fields, alone)...)
		case uFuzzy:
			alts = append(alts, fuzzyUnitQueries(u, fields)...)
		}
	}
	switch len(alts) {
	case 0:
		return nil
	case 1:
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

// fieldsOf are the fields a text clause of field searches.
func fieldsOf(field string) []weightedField {
	switch field {
	case qfTitle:
		return titleFields
	case qfAuthor:
		return authorFields
	case qfOutlet:
		return outletFields
	}
	return plainFields
}

// anyOf is the disjunction of qs, or its one query.
func anyOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewDisjunctionQuery(qs)
}

// exactUnitQueries match a word form as written (uExact, uCase): the
// analysed terms find candidates, checked against the stored text.
func exactUnitQueries(u unit, fields []weightedField) []query.Query {
	var alts []query.Query
	for _, f := range fields {
		if _, ok := storedOf[f.name]; !ok {
			// author:, outlet: have no stored text of their own
			if q := unitQuery(u.terms, []weightedField{f}); q != nil {
				alts = append(alts, q)
			}
			continue
		}
		if q := unitQuery(u.terms, []weightedField{f}); q != nil {
			alts = append(alts, &exactQuery{candidates: q, field: f.name, u: u})
		}
	}
	return alts
}

// prefixUnitQueries match word*: the prefixes and the variants, checked
// against the stored text where there is one.
func prefixUnitQueries(u unit, fields []weightedField) []query.Query {
	var alts []query.Query
	for _, f := range fields {
		var cands []query.Query
		for _, t := range u.terms {
			pq := query.NewPrefixQuery(t)
			pq.SetField(f.name)
			pq.SetBoost(f.boost)
			cands = append(cands, pq)
		}
		for _, t := range u.variants {
			tq := query.NewTermQuery(t)
			tq.SetField(f.name)
			tq.SetBoost(f.boost)
			cands = append(cands, tq)
		}
		cand := anyOf(cands)
		if _, ok := storedOf[f.name]; !ok {
			alts = append(alts, cand)
			continue
		}
		alts = append(alts, &exactQuery{candidates: cand, field: f.name, u: u})
	}
	return alts
}

// typingUnitQueries match the word being typed as a prefix, weighing a
// little less; alone says it is the whole text of the query.
func typingUnitQueries(u unit, fields []weightedField, alone bool) []query.Query {
	var alts []query.Query
	for _, f := range fields {
		tq := &typedPrefixQuery{prefix: u.prefix, field: f.name, boost: f.boost * 0.8}
		var q query.Query
		switch {
		case f.name == fText && heavyPrefix(u.prefix):
			// one term: the pieces with a word it begins (prefix3.go)
			pq := query.NewTermQuery(u.prefix)
			pq.SetField(fPrefix3)
			pq.SetBoost(tq.boost)
			q = pq
		case alone:
			q = tq
		default:
			q = tq.bleve()
		}
		if f.name == fText && len(u.parts) > 0 {
			// a term it begins is, in some pieces, a part of a run that
			// does not begin the run (theabov of all-of-the-above for
			// thea), no word the prefix begins (formMatcher.inJoined):
			// those pieces are read, the others taken from the index
			var marks []query.Query
			for _, t := range u.parts {
				mq := query.NewTermQuery(t)
				mq.SetField(fCaps)
				mq.SetBoost(0)
				marks = append(marks, mq)
			}
			part := anyOf(marks)
			alts = append(alts, query.NewBooleanQuery([]query.Query{q}, nil, []query.Query{part}),
				&exactQuery{candidates: query.NewConjunctionQuery([]query.Query{q, part}), field: f.name,
					u: unit{kind: uPrefix, prefix: u.prefix, joins: true}, budget: typingCheckMax})
		} else {
			alts = append(alts, q)
		}
		if _, ok := storedOf[f.name]; !ok || len(u.terms) == 0 {
			continue
		}
		// stems of its words that it does not begin ("radic" for
		// "radica": typingStems), kept only where a word of the text
		// starts with the prefix, or the
		// closed word of a hyphenated run does (counterterror for
		// counterterrori: counter-terrorism), as the index holds it
		var ts []query.Query
		for _, t := range u.terms {
			tq := query.NewTermQuery(t)
			tq.SetField(f.name)
			tq.SetBoost(f.boost * 0.8)
			ts = append(ts, tq)
		}
		alts = append(alts, &exactQuery{candidates: anyOf(ts), field: f.name, u: unit{kind: uPrefix, prefix: u.prefix, joins: true}, budget: typingCheckMax})
	}
	return alts
}

// fuzzyUnitQueries match word~: each variant within u.fuzzy edits.
func fuzzyUnitQueries(u unit, fields []weightedField) []query.Query {
	var alts []query.Query
	for _, v := range u.variants {
		for _, f := range fields {
			fq := query.NewFuzzyQuery(v)
			fq.SetField(f.name)
			fq.SetFuzziness(u.fuzzy)
			fq.Prefix = 1 // the first letter is rarely wrong, and it bounds the work
			fq.SetBoost(f.boost)
			alts = append(alts, fq)
		}
	}
	return alts
}

// fuzzyVariants are the forms of a fuzzy word matched against the index's
// stems: its stem, and, for a long word the stemmer left whole, the word
// as typed less its last one or two letters. Stemming a misspelt word can
// go wrong in a way that stemming the right word does not ("manchster"
// stays whole, three edits from the stem "manchest" of "manchester"); a
// stem is usually the word less a short ending, so the typed word's
// truncations come within reach ("manchste" is two edits from
// "manchest"). A word the stemmer did shorten has its stem (a helper's
// report: slavery~1 tried "slave" too, and found save, savings, saved:
// its truncations widened every fuzzy word). A second, unstemmed field
// would answer this exactly but cost 37-42 % more indexing time
// (measured).
func fuzzyVariants(stem, typed string) []string {
	out := []string{stem}
	w := []rune(foldPrefix(typed))
	if len(w) >= 7 && string(w) == stem {
		for _, n := range []int{len(w) - 1, len(w) - 2} {
			if v := string(w[:n]); !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// keywordQuery matches a keyword field exactly (and as a prefix while the
// value is being typed).
func keywordQuery(field string, cl clause, values func(string) []string) query.Query {
	var alts []query.Query
	for _, v := range values(cl.text) {
		if v == "" {
			continue
		}
		v = cutKeyword(v) // as the index holds a value of over 255 bytes
		if field == fTags {
			v = tagKey(v) // as the tags field keys it (tagkey.go)
		}
		tq := query.NewTermQuery(v)
		tq.SetField(field)
		alts = append(alts, tq)
		if cl.open || cl.prefix {
			pq := query.NewPrefixQuery(v)
			pq.SetField(field)
			alts = append(alts, pq)
		}
	}
	switch len(alts) {
	case 0:
		return nil
	case 1:
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

// unitQuery matches analysed terms (one term, or a phrase with "" for any
// word) in any of fields.
func unitQuery(terms []string, fields []weightedField) query.Query {
	n := len(nonEmpty(terms))
	if n == 0 {
		return nil
	}
	one := func(f weightedField) query.Query {
		if n == 1 && len(terms) == 1 {
			tq := query.NewTermQuery(terms[0])
			tq.SetField(f.name)
			tq.SetBoost(f.boost)
			return tq
		}
		return newPhraseQuery(terms, f.name, f.boost)
	}
	var alts []query.Query
	for _, f := range fields {
		alts = append(alts, one(f))
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return query.NewDisjunctionQuery(alts)
}

// foldPrefix lower-cases and folds a prefix the way the analyser folds words,
// without stemming or dropping it.
func foldPrefix(p string) string {
	p = strings.TrimRight(p, "*~")
	var b []byte
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			b = foldLower([]byte(p))
			break
		}
	}
	if b == nil {
		b = []byte(strings.ToLower(p))
	}
	// keep letters and digits only (the index drops apostrophes: o'brien
	// is obrien), and a point or comma between two digits, which a
	// number's word keeps (103.9, 1,804: wordTokenizer)
	out := make([]rune, 0, len(b))
	rs := []rune(string(b))
	for i, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || numberJoint(rs, i) {
			out = append(out, r)
		}
	}
	return string(out)
}

// wordPrefixKey is a word of a text as a prefix is matched against it:
// folded as foldPrefix folds the prefix, its possessive 's (or ’s)
// dropped first, as the index drops it (John's is john): a prefix
// matches a word as written, and johns* does not match John's, nor
// gulfs* Gulf's; the apostrophe inside a word is dropped (o'bri*
// matches O'Brien).
func wordPrefixKey(w string) string {
	return foldPrefix(trimPossessive(w))
}

// trimPossessive is w without its possessive 's or ’s, any case.
func trimPossessive(w string) string {
	n := len(w)
	if n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return w
	}
	if w[n-2] == '\'' {
		return w[:n-2]
	}
	if n >= 5 && w[n-4:n-1] == "’" {
		return w[:n-4]
	}
	return w
}

// numberJoint reports whether rs[i] is a point or comma between two
// digits, which wordTokenizer keeps inside a number's word (103.9, 1,804).
func numberJoint(rs []rune, i int) bool {
	digit := func(k int) bool { return k >= 0 && k < len(rs) && '0' <= rs[k] && rs[k] <= '9' }
	return (rs[i] == '.' || rs[i] == ',') && digit(i-1) && digit(i+1)
}

// lastWord is the last word of s: letters, digits and apostrophes, and a
// point or comma between two digits (a number's word: 103.9).
func lastWord(s string) string {
	rs := []rune(s)
	inWord := func(i int) bool {
		r := rs[i]
		return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || numberJoint(rs, i)
	}
	end := len(rs)
	for end > 0 && !inWord(end-1) {
		end--
	}
	start := end
	for start > 0 && inWord(start-1) {
		start--
	}
	return string(rs[start:end])
}

func isWordy(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasDigitString(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isUpperTerm(s string) bool { return allUpper([]byte(s)) }

func uniq(ss ...string) []string {
	var out []string
	seen := make(map[string]bool, len(ss)) // a facet's every value, for "(no author)": 40k values compared pairwise took 1.35 s
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
