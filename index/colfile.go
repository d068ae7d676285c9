package index

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// The facets column (facetcolumn.go) and the order (order.go) of a
// generation's snapshot are kept in a file of its own, columnsName, beside
// its index: a published generation is never written again and is opened
// read-only, so its document numbers never change. Read from the
// snapshot they cost, at 1M pieces, about a second of CPU each, which the
// reader spent after its first list while the first word was typed (the
// warm, warm.go) and, for the order, in the first list itself; from the
// file, a read of 43.5 MB at 1M generated pieces (~9 values a piece;
// 4 MB more since version 2 keeps the IDs' ranks, docOrder.ranks). The
// warm writes the file when it has read both (the next reader of the
// generation reads it), and `folio index` when it has built
// (KeepColumns). A command that searches once (Options.Once) reads the
// order from it (folio list) but counts facets through the collector:
// a narrow search's hits are fewer than the file's pieces.
//
// The file is little-endian 32-bit words: the magic and version; the
// snapshot's segments (id, count, deleted: two words each) that the
// document numbers belong to; the match-all score (two words); the facet
// terms the column's values are positions among (their bytes, padded to a
// word); the column's starts and values; the order; the rank of each
// piece of the order's ID (docOrder.ranks; version 2); the CRC-32C of all
// that. A file that does not match the snapshot in every segment, or whose
// terms are not all among the index's, is not used.

const (
	columnsName    = "columns"
	columnsMagic   = 0x6c6f6366 // "fcol"
	columnsVersion = 2          // 2: the IDs' ranks
	// maxValuesAPiece bounds, on average, the facet values a file may give
	// a piece (~9 in the generated archive): what is read is bounded by
	// the snapshot it is for (maxColumnsFile)
	maxValuesAPiece = 256
)

var errColumnsFile = errors.New("damaged columns file")

// snapshotPrint is what fixes the document numbers of snapshot r: each of
// its segments' id, count and deleted documents, in order; false when r is
// not a scorch snapshot.
func snapshotPrint(r bleveindex.IndexReader) ([]uint64, bool) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, false
	}
	var p []uint64
	for _, ss := range snap.Segments() {
		var del uint64
		if d := ss.Deleted(); d != nil {
			del = d.GetCardinality()
		}
		p = append(p, ss.Id(), ss.Count(), del)
	}
	return p, true
}

// snapshotNumbers is one past the highest document number of snapshot r
// (deleted pieces keep theirs), and false when r is not a scorch snapshot.
func snapshotNumbers(r bleveindex.IndexReader) (uint64, bool) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, false
	}
	var n uint64
	for _, ss := range snap.Segments() {
		n += ss.Count()
		if d := ss.Deleted(); d != nil {
			n += d.GetCardinality()
		}
	}
	return n, true
}

// maxColumnsFile bounds the size of a columns file of snapshot r whose
// facet terms are ft's, so that a damaged or foreign file is not read
// whole: a header, the segments, the terms, and per document number its
// start, its place in the order, its rank and maxValuesAPiece values.
func (ft *facetTerms) maxColumnsFile(r bleveindex.IndexReader) int64 {
	n, ok := snapshotNumbers(r)
	if !ok {
		return 0
	}
	snap := r.(*scorch.IndexSnapshot)
	size := int64(1<<12 + 24*len(snap.Segments()))
	for _, t := range ft.terms {
		size += int64(len(t)) + binary.MaxVarintLen64
	}
	return size + int64(n+2)*4*(3+maxValuesAPiece)
}

// encodeColumns is the file of column col and order ord of snapshot r,
// whose values are positions among terms.
func encodeColumns(r bleveindex.IndexReader, terms []string, col *facetColumn, ord *docOrder) ([]byte, bool) {
	print, ok := snapshotPrint(r)
	if !ok {
		return nil, false
	}
	var blob []byte
	for _, t := range terms {
		blob = binary.AppendUvarint(blob, uint64(len(t)))
		blob = append(blob, t...)
	}
	// one allocation of the file's size (~48 MB at 1M pieces), not doublings
	b := make([]byte, 0, len(blob)+4*(17+2*len(print)+len(col.start)+len(col.vals)+2*len(ord.docs)))
	word := func(w uint32) { b = binary.LittleEndian.AppendUint32(b, w) }
	long := func(w uint64) { word(uint32(w)); word(uint32(w >> 32)) }
	words := func(ws []uint32) {
		word(uint32(len(ws)))
		for _, w := range ws {
			word(w)
		}
	}
	word(columnsMagic)
	word(columnsVersion)
	word(uint32(len(print) / 3))
	for _, w := range print {
		long(w)
	}
	long(math.Float64bits(ord.score))
	word(uint32(len(terms)))
	word(uint32(len(blob)))
	b = append(b, blob...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	words(col.start)
	words(col.vals)
	words(ord.docs)
	word(uint32(len(ord.docs)))
	for _, d := range ord.docs {
		word(ord.ranks[d])
	}
	word(crc32.Checksum(b, castagnoli))
	return b, true
}

// keepColumns writes the column and order of snapshot r into the
// generation folder dir (over a file that was not used: damaged, or not
// of r).
func (ft *facetTerms) keepColumns(ctx context.Context, dir string, r bleveindex.IndexReader, col *facetColumn, ord *docOrder) error {
	data, ok := encodeColumns(r, ft.terms, col, ord)
	if !ok {
		return nil
	}
	// a megabyte at a time, so that a new view or Close (which cancel
	// the warm) need not wait for the whole file (~48 MB at 1M pieces)
	return atomicfile.ReplaceWith(filepath.Join(dir, columnsName), 0o644, func(w io.Writer) error {
		for len(data) > 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			n := min(len(data), 1<<20)
			if _, err := w.Write(data[:n]); err != nil {
				return err
			}
			data = data[n:]
		}
		return nil
	})
}

// words reads the file's little-endian words.
type wordReader struct {
	b   []byte
	bad bool
}

func (w *wordReader) word() uint32 {
	if len(w.b) < 4 {
		w.bad = true
		return 0
	}
	v := binary.LittleEndian.Uint32(w.b)
	w.b = w.b[4:]
	return v
}

func (w *wordReader) long() uint64 { return uint64(w.word()) | uint64(w.word())<<32 }

func (w *wordReader) bytes(n int) []byte {
	if n < 0 || n > len(w.b) {
		w.bad = true
		return nil
	}
	b := w.b[:n]
	w.b = w.b[n:]
	return b
}

func (w *wordReader) words() []uint32 {
	n64 := uint64(w.word())
	if w.bad || n64 > uint64(len(w.b)/4) {
		w.bad = true
		return nil
	}
	n := int(n64)
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(w.b[4*i:])
	}
	w.b = w.b[4*n:]
	return out
}

// decodeColumns reads the column and order of snapshot r from data, their
// values made positions among ft's terms; an error when data is not a
// whole file of r's.
func (ft *facetTerms) decodeColumns(data []byte, r bleveindex.IndexReader) (*facetColumn, *docOrder, error) {
	if len(data) < 8 || len(data)%4 != 0 || int64(len(data)) > ft.maxColumnsFile(r) {
		return nil, nil, errColumnsFile
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(body):]) {
		return nil, nil, errColumnsFile
	}
	w := &wordReader{b: body}
	if w.word() != columnsMagic || w.word() != columnsVersion {
		return nil, nil, errColumnsFile
	}
	print, ok := snapshotPrint(r)
	if !ok {
		return nil, nil, errColumnsFile
	}
	if n := int(w.word()); n != len(print)/3 {
		return nil, nil, errColumnsFile
	}
	for _, want := range print {
		if w.long() != want {
			return nil, nil, errColumnsFile
		}
	}
	ord := &docOrder{snap: r, score: math.Float64frombits(w.long())}
	nTerms, nBlob := uint64(w.word()), uint64(w.word())
	if nBlob > uint64(len(w.b)) || nTerms > nBlob {
		return nil, nil, errColumnsFile
	}
	blob := w.bytes(int(nBlob))
	w.bytes(int((4 - nBlob%4) % 4))
	if w.bad {
		return nil, nil, errColumnsFile
	}
	remap := make([]uint32, 0, nTerms)
	for range nTerms {
		n, k := binary.Uvarint(blob)
		if k <= 0 || n > uint64(len(blob)-k) {
			return nil, nil, errColumnsFile
		}
		i, found := ft.pos[string(blob[k:k+int(n)])]
		if !found {
			return nil, nil, errColumnsFile // a term the index no longer has
		}
		remap = append(remap, uint32(i))
		blob = blob[k+int(n):]
	}
	col := &facetColumn{snap: r, start: w.words(), vals: w.words()}
	ord.docs = w.words()
	ranks := w.words()
	if w.bad || len(w.b) != 0 || len(col.start) == 0 {
		return nil, nil, errColumnsFile
	}
	for i := 1; i < len(col.start); i++ {
		if col.start[i] < col.start[i-1] {
			return nil, nil, errColumnsFile
		}
	}
	if col.start[0] != 0 || int(col.start[len(col.start)-1]) != len(col.vals) {
		return nil, nil, errColumnsFile
	}
	if n, _ := snapshotNumbers(r); uint64(len(col.start)-1) > n {
		return nil, nil, errColumnsFile // documents the snapshot has no number for
	}
	for i, v := range col.vals {
		if int(v) >= len(remap) {
			return nil, nil, errColumnsFile
		}
		col.vals[i] = remap[v]
	}
	docs, err := r.DocCount()
	if err != nil || uint64(len(ord.docs)) != docs {
		return nil, nil, errColumnsFile
	}
	var seen docSet
	for _, d := range ord.docs {
		if uint64(d)+1 >= uint64(len(col.start)) || seen.has(uint64(d)) {
			return nil, nil, errColumnsFile
		}
		seen.add(uint64(d))
	}
	if len(ranks) != len(ord.docs) {
		return nil, nil, errColumnsFile
	}
	ord.ranks = make([]uint32, len(col.start)-1)
	for i := range ord.ranks {
		ord.ranks[i] = noRank
	}
	seen = docSet{}
	for i, rank := range ranks {
		if int(rank) >= len(ranks) || seen.has(uint64(rank)) {
			return nil, nil, errColumnsFile
		}
		seen.add(uint64(rank))
		ord.ranks[ord.docs[i]] = rank
	}
	return col, ord, nil
}

// fromGen says where ft's columns file is: in the generation folder dir;
// once, that the index is a command's that searches once (its facets are
// not counted from the file). The caller holds the index for writing
// (Index.use).
func (ft *facetTerms) fromGen(dir string, once bool) {
	if ft != nil {
		ft.gen, ft.once = dir, once
	}
}

// fromFile reads the column and order of snapshot r from the columns file
// of ft's generation the first time either is asked for.
func (ft *facetTerms) fromFile(r bleveindex.IndexReader) {
	if ft.gen == "" {
		return
	}
	ft.genOnce.Do(func() { ft.genRead = ft.loadColumns(ft.gen, r) })
}

// loadColumns reads the columns file of the generation folder dir, if it
// is there and of snapshot r, and keeps its column and order; false when
// it is not used.
func (ft *facetTerms) loadColumns(dir string, r bleveindex.IndexReader) bool {
	// not a FIFO or a device: no open that waits
	f, err := archive.OpenRegular(filepath.Join(dir, columnsName))
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() > ft.maxColumnsFile(r) {
		return false
	}
	data := make([]byte, st.Size())
	if _, err := f.ReadAt(data, 0); err != nil {
		return false
	}
	col, ord, err := ft.decodeColumns(data, r)
	if err != nil {
		return false
	}
	ft.cols.mu.Lock()
	ft.cols.col = col
	ft.cols.mu.Unlock()
	ft.ords.mu.Lock()
	ft.ords.ord = ord
	ft.ords.mu.Unlock()
	return true
}

// keep writes the column and order ft holds of snapshot r into the
// generation folder dir, unless they were read from it; nothing when ft
// lacks either (a value not among the terms: the collector counts those).
func (ft *facetTerms) keep(ctx context.Context, dir string, r bleveindex.IndexReader) error {
	ft.fromFile(r)
	if ft.genRead {
		return nil
	}
	col := ft.column0(r)
	ord := ft.order(r)
	if col == nil || ord == nil || ord.ranks == nil {
		return nil
	}
	return ft.keepColumns(ctx, dir, r, col, ord)
}

// column0 is the column of snapshot r ft holds, or nil; it reads nothing.
func (ft *facetTerms) column0(r bleveindex.IndexReader) *facetColumn {
	cs := &ft.cols
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.col != nil && cs.col.snap == r {
		return cs.col
	}
	return nil
}

// KeepColumns reads the facets column and the order of the open index's
// generation, unless it has them, and keeps them in a file beside it
// (colfile.go): `folio index` does, so that the reader that opens the
// index next need not read them after its first list. Nothing for an
// index in memory.
func (ix *Index) KeepColumns(ctx context.Context) error {
	return ix.onSnapshot(func(v *view, ft *facetTerms, r bleveindex.IndexReader) error {
		if v.hold == nil {
			return nil
		}
		if err := ft.warmColumn(ctx, r); err != nil {
			return err
		}
		if err := ft.warmOrder(ctx, r); err != nil {
			return err
		}
		return ft.keep(ctx, v.hold.dir, r)
	})
}
