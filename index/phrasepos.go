package index

import (
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segmentPositions reads the positions of a phrase's words in a piece
// straight from the segments' postings: scorch's term reader, which the
// phrase searcher used before, turns every location into a term vector
// (start, end, field, array positions) and looks up the piece's segment
// anew at each advance, a quarter of the phrase check's CPU in a profile
// of the closing quote of "united states" at 100k pieces (89k candidates);
// that keystroke's p50 went from 58 and 57 to 52 and 54 ms (alternating
// runs).
type segmentPositions struct {
	field   string
	words   [][]byte
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // each segment's first document number

	seg int // the segment the iterators are in; -1: none yet
	w   []wordWalk
}

// wordWalk is where one word's postings iterator is in the segment.
type wordWalk struct {
	pl     segment.PostingsList
	it     segment.PostingsIterator // nil: the segment lacks the word
	walked bool                     // Advance was called
	target uint64                   // the piece last asked for
	ended  bool                     // the postings ran out
	at     uint64                   // the piece of the posting last returned
	pos    []uint64                 // its places
}

func newSegmentPositions(snap *scorch.IndexSnapshot, field string, words []string) *segmentPositions {
	sp := &segmentPositions{field: field, seg: -1, w: make([]wordWalk, len(words))}
	sp.segs, sp.offsets, _ = segmentOffsets(snap)
	for _, w := range words {
		sp.words = append(sp.words, []byte(w))
	}
	return sp
}

// enter sets the words' iterators at the start of segment k.
func (sp *segmentPositions) enter(k int) error {
	sp.seg = -1
	d, err := sp.segs[k].Segment().Dictionary(sp.field)
	if err != nil {
		return err
	}
	for i := range sp.w {
		w := &sp.w[i]
		pl, err := d.PostingsList(sp.words[i], sp.segs[k].Deleted(), w.pl)
		if err != nil {
			return err
		}
		w.pl, w.it = pl, nil
		if pl != nil {
			w.it = pl.Iterator(true, false, true, nil)
		}
		w.walked, w.ended = false, false
	}
	sp.seg = k
	return nil
}

// positions returns the sorted places of word i in piece id (within one
// value of a list; the value's index above bit 40), and false when the
// piece does not have it. The slice is reused by the next call for i.
// Pieces are asked for in increasing order but for a searcher asked to go
// back, which starts the word's walk again.
func (sp *segmentPositions) positions(i int, id bleveindex.IndexInternalID) ([]uint64, bool, error) {
	d := id.Value()
	// the last segment starting at or before d (an empty one starts where
	// the next does)
	k := sort.Search(len(sp.offsets), func(j int) bool { return sp.offsets[j] > d }) - 1
	if k < 0 {
		return nil, false, nil
	}
	if k != sp.seg {
		if err := sp.enter(k); err != nil {
			return nil, false, err
		}
	}
	local := d - sp.offsets[k]
	w := &sp.w[i]
	if w.it == nil {
		return nil, false, nil
	}
	if w.walked && local >= w.target {
		switch {
		case !w.ended && w.at == local:
			return w.pos, true, nil
		case w.ended || w.at > local:
			return nil, false, nil // no posting from target to at
		}
	} else if w.walked {
		w.it = w.pl.Iterator(true, false, true, nil) // back: again from the start
	}
	w.walked, w.target = true, local
	p, err := w.it.Advance(local)
	if err != nil {
		return nil, false, err
	}
	if p == nil {
		w.ended = true
		return nil, false, nil
	}
	// the places of the piece it landed on, kept for when that piece is
	// asked for next (the posting is the iterator's, reused by its next
	// call)
	w.ended, w.at = false, p.Number()
	ps := w.pos[:0]
	for _, l := range p.Locations() {
		v := l.Pos()
		if ap := l.ArrayPositions(); len(ap) > 0 {
			v |= ap[0] << 40 // places count within one value of a list
		}
		ps = append(ps, v)
	}
	slices.Sort(ps)
	w.pos = ps
	if w.at != local {
		return nil, false, nil
	}
	return ps, true, nil
}
