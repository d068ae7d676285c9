package index

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"golang.org/x/sync/errgroup"
)

// termPostings are a term's postings in a snapshot, as a summed search
// reads them: the pieces that have it, in increasing order, each with
// its score before the query's weight (tf·norm·idf, bleve's TF-IDF term
// score in the same order of products), and the term's idf.
type termPostings struct {
	docs []uint32
	base []float64
	idf  float64
	used uint64 // when last read (postingsCache.tick)
}

// size is what p holds, its key and its map entry counted (roughly).
func (p *termPostings) size(k termKey) int {
	return 4*cap(p.docs) + 8*cap(p.base) + len(k.field) + len(k.term) + 128
}

type termKey struct{ field, term string }

// postingsCache keeps the postings summed searches read, for the
// snapshot they were read from, up to postingsCacheBytes: while a query
// is typed, each keystroke reads the same words again and a prefix's
// terms are among those its shorter prefix read, so only the first
// keystroke of a word reads the index.
type postingsCache struct {
	mu    sync.Mutex
	snap  *scorch.IndexSnapshot
	terms map[termKey]*termPostings
	bytes int
	bound int // postingsBound of the snapshot
	tick  uint64
}

// postingsCacheBytes bounds the postings kept (12 bytes a piece a term);
// a term of more than a quarter of the bound is read for its search
// alone.
var postingsCacheBytes = 32 << 20

// postingsBound is the bound of the postings kept for a snapshot of docs
// pieces: postingsCacheBytes, or room for four terms every piece has
// where that is more, up to postingsCacheMax. At 1M pieces a word most
// pieces have (government, in 96 % of the generated ones: 11.5 MB) was
// over a quarter of 32 MB and read again at every keystroke of the word.
func postingsBound(docs uint64) int {
	return max(postingsCacheBytes, min(4*(12*int(docs)+1024), postingsCacheMax))
}

const postingsCacheMax = 256 << 20

// postingsRead counts the terms read from the index for summed searches,
// postingsReadDocs their postings, and postingsKept the terms found kept
// (tests).
var postingsRead, postingsReadDocs, postingsKept atomic.Int64

// read sets the postings of every term of n, reading those not kept, on
// every core, a term to a goroutine.
func (c *postingsCache) read(ctx context.Context, snap *scorch.IndexSnapshot, n *dnode) error {
	docTotal, err := snap.DocCount()
	if err != nil {
		return err
	}
	var missing []*dnode
	c.mu.Lock()
	if c.snap != snap {
		c.snap, c.terms, c.bytes, c.bound = snap, map[termKey]*termPostings{}, 0, postingsBound(docTotal)
	}
	c.tick++
	n.leaves(func(t *dnode) {
		if p := c.terms[termKey{t.field, string(t.term)}]; p != nil {
			p.used = c.tick
			t.post = p
			postingsKept.Add(1)
			return
		}
		missing = append(missing, t)
	})
	c.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	// each term once, however many clauses have it
	read := map[termKey]*termPostings{}
	var order []termKey
	for _, t := range missing {
		k := termKey{t.field, string(t.term)}
		if _, ok := read[k]; !ok {
			read[k] = nil
			order = append(order, k)
		}
	}
	got := make([]*termPostings, len(order))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(min(runtime.GOMAXPROCS(0), 4))
	for i, k := range order {
		g.Go(func() error {
			return caught("reading a term's postings", func() error {
				p, err := readPostings(gctx, snap, k, docTotal)
				got[i] = p
				return err
			})
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	postingsRead.Add(int64(len(order)))
	for i, k := range order {
		read[k] = got[i]
		postingsReadDocs.Add(int64(len(got[i].docs)))
	}
	for _, t := range missing {
		t.post = read[termKey{t.field, string(t.term)}]
	}
	c.keep(snap, read)
	return nil
}

// keep adds the postings read to the cache, the least recently read
// let go of to make room (one sort of the kept terms a search, however
// many it adds).
func (c *postingsCache) keep(snap *scorch.IndexSnapshot, read map[termKey]*termPostings) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != snap {
		return // the index changed meanwhile
	}
	add := 0
	for k, p := range read {
		if p.size(k) <= c.bound/4 && c.terms[k] == nil {
			add += p.size(k)
		}
	}
	if c.bytes+add > c.bound {
		type kept struct {
			k termKey
			p *termPostings
		}
		old := make([]kept, 0, len(c.terms))
		for k, p := range c.terms {
			old = append(old, kept{k, p})
		}
		slices.SortFunc(old, func(a, b kept) int { return cmp.Compare(a.p.used, b.p.used) })
		for _, o := range old {
			if c.bytes+add <= c.bound {
				break
			}
			c.bytes -= o.p.size(o.k)
			delete(c.terms, o.k)
		}
	}
	for k, p := range read {
		if p.size(k) > c.bound/4 || c.terms[k] != nil || c.bytes+p.size(k) > c.bound {
			continue
		}
		p.used = c.tick
		c.terms[k] = p
		c.bytes += p.size(k)
	}
}

// readPostings reads a term's postings from every segment of snap,
// deleted pieces left out, into arrays of their exact size.
func readPostings(ctx context.Context, snap *scorch.IndexSnapshot, k termKey, docTotal uint64) (*termPostings, error) {
	segs, offsets, _ := segmentOffsets(snap)
	term := []byte(k.term)
	pls := make([]segment.PostingsList, len(segs))
	total := uint64(0)
	for i, ss := range segs {
		d, err := ss.Segment().Dictionary(k.field)
		if err != nil {
			return nil, err
		}
		if pls[i], err = d.PostingsList(term, ss.Deleted(), nil); err != nil {
			return nil, err
		}
		if pls[i] != nil {
			total += pls[i].Count()
		}
	}
	p := &termPostings{docs: make([]uint32, 0, total), base: make([]float64, 0, total)}
	var it segment.PostingsIterator
	for i, pl := range pls {
		if pl == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		it = pl.Iterator(true, true, false, it)
		po, err := it.Next()
		for ; err == nil && po != nil; po, err = it.Next() {
			freq := po.Frequency()
			tf := termFreqWeight(freq)
			p.docs = append(p.docs, uint32(offsets[i]+po.Number()))
			p.base = append(p.base, tf*po.Norm())
		}
		if err != nil {
			return nil, err
		}
	}
	// scorer.TermQueryScorer: computeIDF, then tf·norm·idf
	p.idf = 1.0 + math.Log(float64(docTotal)/float64(uint64(len(p.docs))+1.0))
	for i := range p.base {
		p.base[i] *= p.idf
	}
	return p, nil
}

// clear lets go of every term kept (the benchmarks, which type each query
// afresh).
func (c *postingsCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.snap, c.terms, c.bytes = nil, nil, 0
}
