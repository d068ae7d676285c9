package index

import (
	"context"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A word* query's candidates are the pieces with a stem starting with the
// prefix, and each one's text is read to find a word that does: a stem
// is not a word ("happi" is happy's, so happi* must not find happy). But
// most stems are begun by every word they come from: the stemmer and the
// spelling table (analysis.go) change only a word's end, and the last
// letter of a stem is the only one a word may not have there. Measured
// over every word of the SOTU speeches and the web pages of the shared
// corpora (TestStemsAreTheirWordsButTheLastLetter, and over the stemmer's
// suffixes stacked on those words): a stem and its word's key (exactKey,
// the form the check compares) differ at most in the stem's last letter,
// and only where it is an e (hoping → hope), an i (policy → polici) or
// the l of a closing bl (possibility → possibl). So when the prefix stops
// short of such a letter, every piece with the stem has a word starting
// with the prefix, and passes unread: govern* read the texts of 97k
// pieces at 100k for its stems govern, governor… and now reads none
// (`folio search` 2.66–2.75 → 0.31–0.40 s). A prefix that reaches such a
// letter (state*: stating is state's) reads only the pieces where the
// stemmer made it for one of their words: the filter reports those stems
// as it makes them, and fCaps keeps them (capsMadeMark); state* at 100k
// 2.74–2.76 → 0.32 s.

// sureStem reports whether every word whose term (the analyser's) is stem
// starts with prefix, by the rule above: the stem begins with the prefix,
// and the prefix does not reach a last letter the words may not have.
func sureStem(stem, prefix string) bool {
	if !strings.HasPrefix(stem, prefix) {
		return false
	}
	return len(prefix) <= len(stem)-madeLetters(stem)
}

// madeLetters is how many of a stem's last letters the stemmer may have
// made rather than kept from the word: 1 for a closing e, i or bl, else 0.
func madeLetters(stem string) int {
	switch {
	case strings.HasSuffix(stem, "e"), strings.HasSuffix(stem, "i"), strings.HasSuffix(stem, "bl"):
		return 1
	}
	return 0
}

// sureMemo keeps a query's sure pieces for the snapshot they were read
// from: a split walk and the facet searches build the query's searcher
// more than once on one snapshot.
type sureMemo struct {
	mu   sync.Mutex
	r    bleveindex.IndexReader
	bits docBits
	ok   bool
}

// sureDocs are the pieces of the snapshot r whose field has a term that
// sureStem says only words starting with prefix make: they pass a
// word*'s check without their text read. ok is false when r is not a
// scorch snapshot (every candidate is then read, as before).
func (m *sureMemo) sureDocs(ctx context.Context, r bleveindex.IndexReader, field, prefix string) (docBits, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.r == r && r != nil {
		return m.bits, m.ok, nil
	}
	snap, isSnap := r.(*scorch.IndexSnapshot)
	if !isSnap {
		return nil, false, nil
	}
	terms, err := prefixTerms(r, field, prefix)
	if err != nil {
		return nil, false, err
	}
	var sure, unsure [][]byte
	for _, t := range terms {
		if sureStem(t, prefix) {
			sure = append(sure, []byte(t))
		} else if strings.HasPrefix(t, prefix) {
			unsure = append(unsure, []byte(t))
		}
	}
	bits, err := termDocs(ctx, snap, field, sure)
	if err != nil {
		return nil, false, err
	}
	// a stem whose last letter the prefix reaches: its pieces without a
	// word whose stem's last letter was made (fCaps's capsMadeMark terms)
	segs, offsets, _ := segmentOffsets(snap)
	var made map[uint64]bool
	for k, ss := range segs {
		for _, t := range unsure {
			clear(made)
			err := segmentPostings(ctx, ss, fCaps, append([]byte(capsMadeMark), t...), func(d uint64) {
				if made == nil {
					made = map[uint64]bool{}
				}
				made[d] = true
			})
			if err == nil {
				err = segmentPostings(ctx, ss, field, t, func(d uint64) {
					if !made[d] {
						bits.set(offsets[k] + d)
					}
				})
			}
			if err != nil {
				return nil, false, err
			}
		}
	}
	m.r, m.bits, m.ok = r, bits, true
	return bits, true, nil
}

// noSureStems, in tests, reads every candidate's text as before: the
// answers with and without the rule are compared.
var noSureStems = false
