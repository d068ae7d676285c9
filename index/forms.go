package index

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The bundled aliases as written. ISIS searches its group's other
// variants as written (Isil, Daesh, Islamic State: synonymUnits), and
// each was checked on the text of every piece with its stems: at 100k
// generated pieces ISIS took 1.7–2.3 s, reading a third of the texts for
// each alias. fCaps holds what those checks look for, for the variants of
// the bundled synonyms alone (their words are known when the index is
// built; a user's own are checked on the texts as before):
//
//   - "=" and the word, for a piece with a word whose exactKey is a
//     one-word variant's form (isil, daesh);
//   - "=" and two forms and a space between, for a piece where two words
//     side by side, in one block, have two forms that follow each other
//     in a variant of more (islamic state, state of, of iraq).
//
// A one-word or two-word variant is then answered from fCaps with no text
// read; a longer one reads only the pieces that have all its pairs. The
// check (formMatcher.is) takes a word for a form f when exactKey(word) is
// f, or when the word is plain and f in lower case; the forms kept are
// those exactKey leaves as they are, for which the two are one. The keys
// are the filter's (normalizeFilter.filter's keyed), which are exactKey's
// (FuzzFilterKeysAreExactKeys), and the words side by side are those of
// the check's scan (FuzzScanWordsAsTokenized). The forms are listed
// (aliasFormList): an index built with other forms would answer wrongly,
// so TestFormFactsArePinned fails when synonyms.txt's forms change, until
// the lists and SchemaVersion move with them.

// capsFormMark begins an fCaps term that is a form of the bundled
// aliases, or two side by side.
const capsFormMark = "="

// formFacts are the forms of the bundled aliases fCaps records.
type formFacts struct {
	// words: formSingle for a one-word variant's form, formFirst for the
	// first form of a pair, or both (one look-up for each word of a text)
	words map[string]uint8
	pairs map[string]bool // "f g": forms side by side in a variant
}

const (
	formSingle uint8 = 1 << iota
	formFirst
)

var bundledForms = sync.OnceValue(func() *formFacts {
	ff := &formFacts{words: map[string]uint8{}, pairs: map[string]bool{}}
	for _, f := range strings.Fields(aliasFormList) {
		ff.words[f] |= formSingle
	}
	for _, p := range strings.Split(strings.TrimSpace(aliasFormPairList), "\n") {
		ff.pairs[p] = true
		first, _, _ := strings.Cut(p, " ")
		ff.words[first] |= formFirst
	}
	return ff
})

// aliasFormList and aliasFormPairList are the one-word variants' forms
// and the pairs of forms of the bundled synonyms (TestFormFactsArePinned
// derives them from synonyms.txt, formsOfSynonyms). Changing them
// changes the index (SchemaVersion).
const aliasFormList = `daesh daish isil shabaab`

const aliasFormPairList = `
11 2001
11 september
7 2005
7 7
7 bombings
7 july
9 11
al qaeda
al qaida
al shabaab
al shabab
and syria
and the
arabian peninsula
boko haram
communications headquarters
countering violent
foreign fighters
foreign terrorist
government communications
in the
intelligence service
iraq and
islamic maghreb
islamic state
july 2005
july 7
july bombings
london bombings
of iraq
prevent program
prevent strategy
qaeda in
secret intelligence
security service
september 11
september 2001
state of
terrorist fighters
the arabian
the islamic
the levant
violent extremism`

// formsOfSynonyms are the forms fCaps would record for the variants of
// s: the one-word variants' forms, and the pairs of forms side by side in
// the others. A variant in capitals is left out (fCaps has it as written:
// caps.go), and one with a form formsKept refuses.
func formsOfSynonyms(s *Synonyms) (single, pairs []string) {
	for _, g := range s.raw {
		for _, v := range g {
			if isCapsWord(v) {
				continue
			}
			forms := exactUnit(v, false).forms
			if !formsKept(forms) {
				continue
			}
			if len(forms) == 1 {
				single = append(single, forms[0])
				continue
			}
			for i := 1; i < len(forms); i++ {
				pairs = append(pairs, forms[i-1]+" "+forms[i])
			}
		}
	}
	slices.Sort(single)
	slices.Sort(pairs)
	return slices.Compact(single), slices.Compact(pairs)
}

// formsKept reports whether fCaps can answer for forms: each one its own
// exactKey, and short enough that no term cut to maxTermBytes is a pair
// of them.
func formsKept(forms []string) bool {
	if len(forms) == 0 {
		return false
	}
	for _, f := range forms {
		if f == "" || exactKey(f) != f || len(f) > 64 {
			return false
		}
	}
	return true
}

// formTerms are the fCaps terms a unit's forms (a word or phrase as
// written, any case) are answered from: the form, or the pairs of a
// phrase; exact says the pieces with all the terms are those the check
// passes (one or two forms), else they are the only ones it may pass. ok
// is false when fCaps does not hold them.
func formTerms(forms []string) (terms []string, exact, ok bool) {
	ff := bundledForms()
	if !formsKept(forms) {
		return nil, false, false
	}
	if len(forms) == 1 {
		if ff.words[forms[0]]&formSingle == 0 {
			return nil, false, false
		}
		return []string{capsFormMark + forms[0]}, true, true
	}
	for i := 1; i < len(forms); i++ {
		p := forms[i-1] + " " + forms[i]
		if !ff.pairs[p] {
			return nil, false, false
		}
		terms = append(terms, capsFormMark+p)
	}
	return terms, len(forms) == 2, true
}

// formsRecorder makes a text's fCaps form terms from the filter's keys
// (normalizeFilter.filter's keyed).
type formsRecorder struct {
	ff      *formFacts
	prev    []byte // the key of the word before, when it begins a pair
	prevPos int
	pair    []byte
	out     *capsTerms
}

func newFormsRecorder(out *capsTerms) *formsRecorder {
	return &formsRecorder{ff: bundledForms(), out: out, prevPos: -2}
}

// keyed takes the key of the word at pos.
func (r *formsRecorder) keyed(pos int, key []byte) {
	w := r.ff.words[string(key)]
	if w&formSingle != 0 {
		r.out.add(capsFormMark, key)
	}
	if r.prevPos == pos-1 && len(r.prev) > 0 {
		r.pair = append(append(append(r.pair[:0], r.prev...), ' '), key...)
		if r.ff.pairs[string(r.pair)] {
			r.out.add(capsFormMark, r.pair)
		}
	}
	r.prev, r.prevPos = r.prev[:0], pos
	if w&formFirst != 0 {
		r.prev = append(r.prev, key...)
	}
}

// formDocs are the pieces of snap whose fCaps has every one of terms.
func formDocs(ctx context.Context, snap *scorch.IndexSnapshot, terms []string) (docBits, error) {
	var all docBits
	for i, t := range terms {
		bits, err := termDocs(ctx, snap, fCaps, [][]byte{[]byte(t)})
		if err != nil {
			return nil, err
		}
		if i == 0 {
			all = bits
			continue
		}
		for k := range all {
			all[k] &= bits[k]
		}
	}
	return all, nil
}

// noFormFacts, in tests, reads the texts of the aliases' candidates as
// before: the answers with and without the form terms are compared.
var noFormFacts = false
