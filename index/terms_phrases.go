package index

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// phraseCounter counts the pieces of the archive that have two words in a
// row, for Terms, straight from the postings of one reader: the rarer
// word's pieces are walked and the other word's list advanced to each
// (without positions), which finds the candidates, the pieces with both
// words; then positions are read, for each candidate, to find the words
// side by side. Nothing is scored.
//
// Reading positions is most of the cost: about half a microsecond a
// candidate, and in the 100k generated pieces two common words share up
// to 95,000 pieces. When there are more than exact candidates, the
// positions of every k-th are read (checks of them, spread evenly over
// the whole list, which is in the order the pieces were indexed) and the
// count is estimated from them.
type phraseCounter struct {
	r      bleveindex.IndexReader
	field  string
	exact  int // candidates all checked at most (default phraseExact)
	checks int // candidates checked of more than exact (default phraseChecks)
	// skip are the internal IDs of pieces not counted (the copies a
	// collapse leaves out of the archive)
	skip  map[string]bool
	docs  [4]bleveindex.TermFieldDoc
	pos   [2][]uint64
	cands []byte // the candidates' IDs, end to end
}

// The defaults of phraseCounter.exact and checks.
const (
	phraseExact  = 4096
	phraseChecks = 2048
)

// count returns the pieces with a then b at the next position: exact when
// they have at most pc.exact candidates (limit+1 as soon as it finds more
// than limit), estimated otherwise.
func (pc *phraseCounter) count(ctx context.Context, a, b string, limit int) (n int, estimated bool, err error) {
	idLen, err := pc.candidates(ctx, a, b)
	if err != nil || idLen == 0 {
		return 0, false, err
	}
	va, vb, err := pc.readers(ctx, a, b, true)
	if err != nil {
		return 0, false, err
	}
	defer closeAll(va, vb)
	total := len(pc.cands) / idLen
	checks := cmp.Or(pc.checks, phraseChecks)
	step, first := 1, 0
	if total > cmp.Or(pc.exact, phraseExact) {
		step = (total + checks - 1) / checks
		first = step / 2
		estimated = true
	}
	checked := 0
	for i := first; i < total; i += step {
		if checked++; checked%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, false, err
			}
		}
		ok, err := pc.adjacent(va, vb, pc.cands[i*idLen:(i+1)*idLen])
		if err != nil {
			return 0, false, err
		}
		if ok {
			if n++; !estimated && n > limit {
				return n, false, nil
			}
		}
	}
	if estimated {
		n = int(math.Round(float64(n) * float64(total) / float64(checked)))
	}
	return n, estimated, nil
}

// candidates fills pc.cands with the IDs of the pieces that have both a and
// b, and returns the length of an ID (0 when there is none).
func (pc *phraseCounter) candidates(ctx context.Context, a, b string) (idLen int, err error) {
	pc.cands = pc.cands[:0]
	lead, follow, err := pc.readers(ctx, a, b, false)
	if err != nil {
		return 0, err
	}
	defer closeAll(lead, follow)
	if follow.Count() < lead.Count() {
		lead, follow = follow, lead // lead is the word in fewer pieces
	}
	// Leapfrog. Advance only ever moves a reader forward: scorch's
	// reopens the postings when asked for its own document again.
	d, err := lead.Next(pc.docs[0].Reset())
	if err != nil || d == nil {
		return 0, err
	}
	o, err := follow.Advance(d.ID, pc.docs[1].Reset())
	for steps := 1; d != nil && o != nil && err == nil; steps++ {
		if steps%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		switch c := bytes.Compare(d.ID, o.ID); {
		case c < 0:
			d, err = lead.Advance(o.ID, pc.docs[0].Reset())
		case c > 0:
			o, err = follow.Advance(d.ID, pc.docs[1].Reset())
		default:
			if idLen == 0 {
				idLen = len(d.ID)
			} else if len(d.ID) != idLen {
				return 0, fmt.Errorf("index: document IDs of %d and %d bytes", idLen, len(d.ID))
			}
			if !pc.skip[string(d.ID)] {
				pc.cands = append(pc.cands, d.ID...)
			}
			d, err = lead.Next(pc.docs[0].Reset())
		}
	}
	return idLen, err
}

// readers opens the term readers of a and b, with positions or without.
func (pc *phraseCounter) readers(ctx context.Context, a, b string, positions bool) (ra, rb bleveindex.TermFieldReader, err error) {
	ra, err = pc.r.TermFieldReader(ctx, []byte(a), pc.field, false, false, positions)
	if err != nil {
		return nil, nil, err
	}
	rb, err = pc.r.TermFieldReader(ctx, []byte(b), pc.field, false, false, positions)
	if err != nil {
		_ = ra.Close()
		return nil, nil, err
	}
	return ra, rb, nil
}

func closeAll(rs ...bleveindex.TermFieldReader) {
	for _, r := range rs {
		_ = r.Close()
	}
}

// adjacent reads the positions of a (va) and b (vb) in piece id and says
// whether b stands right after a somewhere (within one value of a list,
// as the phrase searcher counts places).
func (pc *phraseCounter) adjacent(va, vb bleveindex.TermFieldReader, id bleveindex.IndexInternalID) (bool, error) {
	for i, rd := range []bleveindex.TermFieldReader{va, vb} {
		d, err := rd.Advance(id, pc.docs[2+i].Reset())
		if err != nil || d == nil || !d.ID.Equals(id) {
			return false, err
		}
		p := pc.pos[i][:0]
		for _, v := range d.Vectors {
			k := v.Pos
			if len(v.ArrayPositions) > 0 {
				k |= v.ArrayPositions[0] << 40
			}
			p = append(p, k)
		}
		slices.Sort(p)
		pc.pos[i] = p
	}
	for _, p := range pc.pos[0] {
		if _, ok := slices.BinarySearch(pc.pos[1], p+1); ok {
			return true, nil
		}
	}
	return false, nil
}

// maxBackground is the most pieces of the archive a term in fg pieces of
// the sample can be in and still score above cut; -1 when none would do.
// JLH falls as the archive count bg grows: with f = fg/fgN and b = bg/bgN,
// (f − b)·f/b > cut when b < f²/(cut + f).
func (j jlh) maxBackground(fg int, cut float64) int {
	f := float64(fg) / j.fgN
	b := f * f / (cut + f) * j.bgN
	n := int(math.Ceil(b)) - 1 // strictly below
	for n >= fg && j.score(fg, n) <= cut {
		n-- // rounding
	}
	for j.score(fg, n+1) > cut {
		n++
	}
	if n < fg {
		return -1
	}
	return n
}
