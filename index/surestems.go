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
// with the prefix, and passes unread: govern* matches 97k pieces at 100k
// (its stems govern, governor…), every one's text was read, and
// `folio search` took 2.66–2.75 s, now 0.31–0.40 (on the SOTU addresses,
// 232 texts read → 0). A prefix that reaches such a
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

// snapBits keeps a set of pieces a query reads from the index for the
// snapshot it was read from: a split walk and the facet searches build
// the query's searcher more than once on one snapshot.
type snapBits struct {
	mu   sync.Mutex
	r    bleveindex.IndexReader
	bits docBits
}

// of is the set read by read from the snapshot r, once per snapshot; nil
// when r is not a scorch snapshot (the texts are then read, as before).
func (m *snapBits) of(r bleveindex.IndexReader, read func(*scorch.IndexSnapshot) (docBits, error)) (docBits, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.r == r && r != nil {
		return m.bits, nil
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil
	}
	bits, err := read(snap)
	if err != nil {
		return nil, err
	}
	m.r, m.bits = r, bits
	return bits, nil
}

// sureDocs are the pieces of snap whose field has a term only words
// starting with prefix make: a term sureStem says so of, or the prefix
// itself (the one term that begins with it and whose last letter it
// reaches) in a piece without a word whose stem's last letter the
// stemmer made (fCaps's capsMadeMark term). They pass a word*'s check
// without their text read.
func sureDocs(ctx context.Context, snap *scorch.IndexSnapshot, field, prefix string) (docBits, error) {
	terms, err := prefixTerms(snap, field, prefix)
	if err != nil {
		return nil, err
	}
	var sure [][]byte
	reached := false
	for _, t := range terms {
		if sureStem(t, prefix) {
			sure = append(sure, []byte(t))
		} else if t == prefix {
			reached = true
		}
	}
	// a closed word the text has only hyphenated (counterterror of
	// counter-terrorism, compounds.go) is no word the prefix begins:
	// those pieces are read (the run's closed word may begin with the
	// prefix where the stem does: unit.joins)
	bits, err := unjoinedDocs(ctx, snap, field, sure)
	if err != nil {
		return nil, err
	}
	if !reached {
		return bits, nil
	}
	has, err := unjoinedDocs(ctx, snap, field, [][]byte{[]byte(prefix)})
	if err != nil {
		return nil, err
	}
	made, err := termDocs(ctx, snap, fCaps, [][]byte{[]byte(capsMadeMark + prefix)})
	if err != nil {
		return nil, err
	}
	for i := range bits {
		bits[i] |= has[i] &^ made[i]
	}
	return bits, nil
}

// unjoinedDocs are the pieces where field has a term of terms that is
// not only a compound's: each term's pieces less those where it is a
// compound's (fCaps's capsJoinMark; fText's alone has compounds). Term by
// term: a piece whose govern is plain and whose governmenttogovern is a
// compound's (government-to-government) has a word the prefix begins
// (taking out every piece with any term joined read 42 of SOTU's 232
// govern* texts, not 0).
func unjoinedDocs(ctx context.Context, snap *scorch.IndexSnapshot, field string, terms [][]byte) (docBits, error) {
	if field != fText {
		return termDocs(ctx, snap, field, terms)
	}
	segs, offsets, total := segmentOffsets(snap)
	bits := make(docBits, (total+63)/64)
	var one, joined docBits // a joined term's pieces, and its compounds'
	for _, t := range terms {
		mark := append([]byte(capsJoinMark), t...)
		anyJoined := false
		for k, ss := range segs {
			err := segmentPostings(ctx, ss, fCaps, mark, func(d uint64) {
				if joined == nil {
					joined, one = make(docBits, len(bits)), make(docBits, len(bits))
				}
				joined.set(offsets[k] + d)
				anyJoined = true
			})
			if err != nil {
				return nil, err
			}
		}
		into := bits
		if anyJoined {
			into = one
		}
		for k, ss := range segs {
			if err := segmentPostings(ctx, ss, field, t, func(d uint64) { into.set(offsets[k] + d) }); err != nil {
				return nil, err
			}
		}
		if anyJoined {
			for i := range bits {
				bits[i] |= one[i] &^ joined[i]
			}
			clear(one)
			clear(joined)
		}
	}
	return bits, nil
}

// noSureStems, in tests, reads every candidate's text as before: the
// answers with and without the rule are compared.
var noSureStems = false
