package index

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// phraseMemo keeps, for one view of the index, which pieces the phrase
// searchers found to have a phrase and which not: a piece's answer
// depends only on the snapshot, the field, the words and their distances,
// so a search that asks again (the pause after typing, Enter, a facet
// picked, the next page, the facet counts) reads no positions for the
// pieces already checked. The positions are most of a phrase's cost: the
// closing quote of "united states" at 100k pieces read them in 89k
// candidates for 996 matches.
//
// What is kept is per snapshot: scorch numbers its documents per
// snapshot, and an index in memory merges its segments into a new one
// after its build. An entry names its snapshot by a weak pointer, which no
// other snapshot can have and which does not keep an old one's segments.
// The sets are never changed once kept: a searcher reads the ones it
// started with, learns into its own, and a new entry, the union, replaces
// the old when it closes.
type phraseMemo struct {
	mu      sync.Mutex
	entries []*phraseFacts // the most recently used last
}

// phraseMemoSize is how many phrases a view remembers: at 100k pieces an
// entry is 25 KB.
const phraseMemoSize = 16

// phraseFacts is what is known of one phrase in one snapshot.
type phraseFacts struct {
	snap    weak.Pointer[scorch.IndexSnapshot]
	key     string
	checked docBits // the pieces whose positions were read
	has     docBits // those of them with the phrase
}

// docBits is a set of document numbers, a bit each.
type docBits []uint64

func (b docBits) get(d uint64) bool {
	w := d >> 6
	return w < uint64(len(b)) && b[w]&(1<<(d&63)) != 0
}

func (b *docBits) set(d uint64) {
	w := d >> 6
	for uint64(len(*b)) <= w {
		*b = append(*b, 0)
	}
	(*b)[w] |= 1 << (d & 63)
}

// union is a new set with the members of a and b.
func union(a, b docBits) docBits {
	out := make(docBits, max(len(a), len(b)))
	copy(out, a)
	for i, w := range b {
		out[i] |= w
	}
	return out
}

// phraseKey names a phrase: its field, words and their distances.
func phraseKey(field string, words []string, offsets []uint64) string {
	var b strings.Builder
	b.WriteString(field)
	for i, w := range words {
		b.WriteByte(0)
		b.WriteString(strconv.FormatUint(offsets[i], 10))
		b.WriteByte(' ')
		b.WriteString(w)
	}
	return b.String()
}

// facts is what is known of the phrase key in snap, nil for nothing.
func (m *phraseMemo) facts(s *scorch.IndexSnapshot, key string) *phraseFacts {
	snap := weak.Make(s)
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, e := range m.entries {
		if e.snap == snap && e.key == key {
			copy(m.entries[i:], m.entries[i+1:])
			m.entries[len(m.entries)-1] = e
			return e
		}
	}
	return nil
}

// learn adds what a searcher found of the phrase key in snap.
func (m *phraseMemo) learn(s *scorch.IndexSnapshot, key string, checked, has docBits) {
	snap := weak.Make(s)
	m.mu.Lock()
	defer m.mu.Unlock()
	e := &phraseFacts{snap: snap, key: key, checked: checked, has: has}
	kept := m.entries[:0]
	for _, old := range m.entries {
		switch {
		case old.snap == snap && old.key == key:
			e.checked, e.has = union(old.checked, checked), union(old.has, has)
		case old.snap == snap:
			kept = append(kept, old)
		}
		// another snapshot's: the view has moved on
	}
	if len(kept) >= phraseMemoSize {
		kept = append(kept[:0], kept[len(kept)-phraseMemoSize+1:]...)
	}
	m.entries = append(kept, e)
}

// phrasePositionReads counts the pieces whose positions a phrase read
// (tests).
var phrasePositionReads atomic.Int64

type phraseMemoKey struct{}

// withPhraseMemo gives the phrase searchers of searches under ctx memo.
func withPhraseMemo(ctx context.Context, m *phraseMemo) context.Context {
	return context.WithValue(ctx, phraseMemoKey{}, m)
}

func phraseMemoOf(ctx context.Context) *phraseMemo {
	m, _ := ctx.Value(phraseMemoKey{}).(*phraseMemo)
	return m
}
