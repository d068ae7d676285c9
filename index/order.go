package index

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// docOrder is every document of one index snapshot sorted newest first, as
// the collector sorts a search without words (pageOf: the date, then the
// ID). A query without words or filters (the list at start, a word of one
// or two letters being typed) lists every piece: through the collector
// that is a read of the date and ID columns of all of them and a heap of
// the page, 55-63 ms at 100k pieces; from the order, a slice of it. The
// order is read once per snapshot, off the keystroke path (warm.go):
// 83-90 ms of CPU and 14 MB allocated meanwhile at 100k pieces, then 4
// bytes a document, and 4 a document number for the IDs' ranks.
type docOrder struct {
	snap  bleveindex.IndexReader // the snapshot it was read from
	docs  []uint32               // document numbers, in order
	score float64                // every document's score (match-all's constant)
	// ranks are, by document number, the rank of each document's ID among
	// the snapshot's IDs in byte order (noRank: no document of that
	// number): settleTies compares them instead of reading each tying
	// piece's ID. 4 bytes a document number; nil when not read.
	ranks []uint32
}

// noRank is the rank of a document number without a document.
const noRank = math.MaxUint32

// orderSort is the sort the order is read for: a search without words,
// newest first (pageOf).
var orderSort = []string{"-" + fDateStart, fID}

// orders keeps the order of one snapshot.
type orders struct {
	mu  sync.Mutex
	ord *docOrder
}

// order returns the order of snapshot r, or nil when it has not been read.
func (ft *facetTerms) order(r bleveindex.IndexReader) *docOrder {
	ft.fromFile(r)
	return ft.order0(r)
}

// order0 is the order of snapshot r ft holds, or nil; it reads nothing.
func (ft *facetTerms) order0(r bleveindex.IndexReader) *docOrder {
	if ft == nil {
		return nil
	}
	os := &ft.ords
	os.mu.Lock()
	defer os.mu.Unlock()
	if os.ord != nil && os.ord.snap == r {
		return os.ord
	}
	return nil
}

// warmOrder reads the order of snapshot r unless it has it.
func (ft *facetTerms) warmOrder(ctx context.Context, r bleveindex.IndexReader) error {
	if ft.order(r) != nil {
		return nil
	}
	ord, err := readOrder(ctx, r, orderSort)
	if err != nil || ord == nil {
		return err
	}
	os := &ft.ords
	os.mu.Lock()
	os.ord = ord
	os.mu.Unlock()
	return nil
}

// readOrder sorts every document of r by sortBy, comparing the values
// bleve's collector compares (search.SortOrder's Value and Compare; the
// IDs are unique, so no two documents tie). When sortBy has fID, it ranks
// the IDs too (docOrder.ranks): fID is single-valued, so its sort value is
// the piece's ID as indexed, bleve's _id.
func readOrder(ctx context.Context, r bleveindex.IndexReader, sortBy []string) (*docOrder, error) {
	so := search.ParseSortOrderStrings(sortBy)
	desc := so.CacheDescending()
	for _, s := range so {
		if _, ok := s.(*search.SortField); !ok {
			return nil, nil // score or _id: not a column
		}
	}
	dvr, err := r.DocValueReader(so.RequiredFields())
	if err != nil {
		return nil, err
	}
	s, err := query.NewMatchAllQuery().Searcher(ctx, r, nil, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), len(so)), IndexReader: r}
	n, _ := r.DocCount()
	k := len(so)
	docs := make([]uint32, 0, n)        // document numbers, as read
	keys := make([]string, 0, k*int(n)) // their sort values, k a document
	ord := &docOrder{snap: r}
	for i := 0; ; i++ {
		if i%4096 == 0 {
			if err := giveWay(ctx); err != nil {
				return nil, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		if err := dvr.VisitDocValues(dm.IndexInternalID, so.UpdateVisitor); err != nil {
			return nil, err
		}
		for _, f := range so {
			keys = append(keys, f.Value(dm))
		}
		ord.score = dm.Score
		docs = append(docs, uint32(dm.IndexInternalID.Value()))
		sctx.DocumentMatchPool.Put(dm)
	}
	at := make([]uint32, len(docs)) // positions in docs, sorted
	for i := range at {
		at[i] = uint32(i)
	}
	slices.SortFunc(at, func(a, b uint32) int {
		for f := range k {
			if c := strings.Compare(keys[int(a)*k+f], keys[int(b)*k+f]); c != 0 {
				if desc[f] {
					return -c
				}
				return c
			}
		}
		return 0
	})
	ord.docs = make([]uint32, len(at))
	for i, a := range at {
		ord.docs[i] = docs[a]
	}
	if f := slices.Index(sortBy, fID); f >= 0 {
		slices.SortFunc(at, func(a, b uint32) int { return strings.Compare(keys[int(a)*k+f], keys[int(b)*k+f]) })
		ord.ranks = ranksOf(docs, at)
	}
	return ord, nil
}

// ranksOf is, by document number, the rank of each of docs whose
// positions in docs are in order in at (docOrder.ranks).
func ranksOf(docs, at []uint32) []uint32 {
	top := -1
	for _, d := range docs {
		top = max(top, int(d))
	}
	ranks := make([]uint32, top+1)
	for i := range ranks {
		ranks[i] = noRank
	}
	for rank, a := range at {
		ranks[docs[a]] = uint32(rank)
	}
	return ranks
}

// rankOf is the rank of document d's ID (docOrder.ranks), false when o
// has none for it.
func (o *docOrder) rankOf(d uint64) (uint32, bool) {
	if d >= uint64(len(o.ranks)) || o.ranks[d] == noRank {
		return 0, false
	}
	return o.ranks[d], true
}

// page returns the hits [from, from+size) of the order, with their IDs.
func (o *docOrder) page(r bleveindex.IndexReader, size, from int) (search.DocumentMatchCollection, error) {
	if from >= len(o.docs) {
		return search.DocumentMatchCollection{}, nil
	}
	docs := o.docs[from:min(from+size, len(o.docs))]
	out := make(search.DocumentMatchCollection, 0, len(docs))
	for _, d := range docs {
		iid := bleveindex.NewIndexInternalID(nil, uint64(d))
		id, err := r.ExternalID(iid)
		if err != nil {
			return nil, err
		}
		out = append(out, &search.DocumentMatch{IndexInternalID: iid, ID: id, Score: o.score})
	}
	return out, nil
}

// collectOrdered returns the page [from, from+size) of every document,
// newest first, and their number, from the order of the current snapshot;
// ok is false when that order has not been read.
func (ix *Index) collectOrdered(terms *facetTerms, size, from int) (hits search.DocumentMatchCollection, total int, ok bool, err error) {
	if terms == nil {
		return nil, 0, false, nil
	}
	r, done, err := ix.reader()
	if err != nil {
		return nil, 0, false, err
	}
	defer done()
	ord := terms.order(r)
	if ord == nil {
		return nil, 0, false, nil
	}
	hits, err = ord.page(r, size, from)
	return hits, len(ord.docs), err == nil, err
}

// ReadOrder reads the order of the open index's snapshot now, unless it is
// read: for a command that pages through every piece (folio list, stats),
// whose pages are then slices of it instead of a walk of every piece's
// date and ID a page (the reader reads it after its first search,
// warm.go). It holds 8 bytes a piece (the order and the IDs' ranks).
func (ix *Index) ReadOrder(ctx context.Context) error {
	return ix.onSnapshot(func(_ *view, ft *facetTerms, r bleveindex.IndexReader) error {
		return ft.warmOrder(ctx, r)
	})
}

// onSnapshot calls f with the open index's view, facet terms and
// snapshot, the index held for reading; nothing without facet terms.
func (ix *Index) onSnapshot(f func(v *view, ft *facetTerms, r bleveindex.IndexReader) error) error {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return ErrNoIndex
	}
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	if ft == nil {
		return nil
	}
	r, done, err := ix.reader()
	if err != nil {
		return err
	}
	defer done()
	return f(ix.cur, ft, r)
}
