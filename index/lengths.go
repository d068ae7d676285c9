package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/folio-tui/folio/internal/atomicfile"
)

// The lengths of the indexed pieces in words (for ranking: lengthPrior)
// and when each was first indexed (fileEntry.Added), sorted by ID, are kept
// in a file of their own in the generation (lengthsName), not in the
// manifest's head: every command decodes the head, and a search looks up
// only its best hundred hits. In the head, at 100k pieces, they made a
// command's first decoding of it take 87–124 ms against 7–18 ms without
// them (five fresh processes each, 2026-12-02, under load 5): allocating
// and faulting in 100k strings and two slices of numbers. The head keeps
// an index of the file instead: the first ID of each block of
// lengthsBlock pieces, where each block starts, and its CRC-32C. Looking
// up a search's hundred best hits opens the file and reads their blocks:
// 0.33 ms at 100k (the fastest of 50 rounds).
//
// A block is, for each piece: uvarint length of its ID, the ID, uvarint
// words, uvarint added. A lookup reads the blocks it needs (ReadAt, as the
// bodies store does: no mapping that stays in the process's memory).

const (
	lengthsName  = "lengths"
	lengthsBlock = 128
)

// lengths is the head's index of the lengths file, and where the file is.
type lengths struct {
	Firsts []string // the first ID of each block
	Offs   []uint32 // where each block starts, then the file's size
	Sums   []uint32 // the CRC-32C of each block

	path string // the file; "" when data holds it (in memory, or not yet written)
	data []byte
}

// newLengths makes the lengths of n pieces sorted by ID (piece gives the
// i-th), in memory until written (writeTo).
func newLengths(n int, piece func(i int) (id string, words int32, added int64)) lengths {
	var l lengths
	var start int
	for i := range n {
		id, words, added := piece(i)
		if i%lengthsBlock == 0 {
			if i > 0 {
				l.Sums = append(l.Sums, crc32.Checksum(l.data[start:], castagnoli))
			}
			start = len(l.data)
			l.Firsts = append(l.Firsts, id)
			l.Offs = append(l.Offs, uint32(start))
		}
		l.data = binary.AppendUvarint(l.data, uint64(len(id)))
		l.data = append(l.data, id...)
		l.data = binary.AppendUvarint(l.data, uint64(max(words, 0)))
		l.data = binary.AppendUvarint(l.data, uint64(max(added, 0)))
	}
	if n > 0 {
		l.Sums = append(l.Sums, crc32.Checksum(l.data[start:], castagnoli))
	}
	l.Offs = append(l.Offs, uint32(len(l.data)))
	return l
}

// writeTo writes the lengths file into the generation folder dir; l then
// reads it there.
func (l *lengths) writeTo(dir string) error {
	path := filepath.Join(dir, lengthsName)
	if l.path == path {
		return nil
	}
	if l.path != "" { // read from another generation
		data, err := os.ReadFile(l.path)
		if err != nil {
			return err
		}
		l.data = data
	}
	// a new file, never written over: the one there may be a link to a
	// live generation's
	if err := atomicfile.ReplaceFile(path, l.data, 0o644); err != nil {
		return err
	}
	l.path, l.data = path, nil
	return nil
}

// in sets where the lengths file of the generation folder dir is, for a
// head read from it.
func (l *lengths) in(dir string) { l.path, l.data = filepath.Join(dir, lengthsName), nil }

var errDamagedLengths = errors.New("damaged lengths file")

// check reports whether the lengths file is there and of the size the
// head records (a stat, no read): a generation whose file is missing or
// cut short is damaged, and made again, rather than ranked without lengths.
func (l lengths) check() error {
	if l.path == "" {
		return nil
	}
	if len(l.Offs) == 0 {
		return errDamagedLengths
	}
	st, err := os.Stat(l.path)
	if err != nil {
		return err
	}
	if st.Size() != int64(l.Offs[len(l.Offs)-1]) {
		return errDamagedLengths
	}
	return nil
}

// reader is a lookup's access to the file: the file opened, or the bytes.
func (l lengths) reader() (io.ReaderAt, func(), error) {
	if l.path == "" {
		return bytes.NewReader(l.data), func() {}, nil
	}
	f, err := os.Open(l.path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// block reads and checks block b into buf.
func (l lengths) block(r io.ReaderAt, b int, buf []byte) ([]byte, error) {
	if b+1 >= len(l.Offs) || b >= len(l.Sums) || l.Offs[b] > l.Offs[b+1] {
		return nil, errDamagedLengths
	}
	buf = slices.Grow(buf[:0], int(l.Offs[b+1]-l.Offs[b]))[:l.Offs[b+1]-l.Offs[b]]
	if _, err := r.ReadAt(buf, int64(l.Offs[b])); err != nil {
		return nil, err
	}
	if crc32.Checksum(buf, castagnoli) != l.Sums[b] {
		return nil, errDamagedLengths
	}
	return buf, nil
}

// eachIn calls f for each piece of a block, in order, until f returns
// false; false when the block does not decode.
func eachIn(blk []byte, f func(id []byte, words, added uint64) bool) bool {
	for len(blk) > 0 {
		n, k := binary.Uvarint(blk)
		if k <= 0 || uint64(len(blk)-k) < n {
			return false
		}
		id := blk[k : k+int(n)]
		blk = blk[k+int(n):]
		words, k := binary.Uvarint(blk)
		if k <= 0 {
			return false
		}
		blk = blk[k:]
		added, k := binary.Uvarint(blk)
		if k <= 0 {
			return false
		}
		blk = blk[k:]
		if !f(id, words, added) {
			return true
		}
	}
	return true
}

// lengthsOf sets words[i] to the length of the piece ids[i], 0 when it is
// unknown (not there, or its block cannot be read), reading each block
// needed once.
func (l lengths) lengthsOf(ids []string, words []int) {
	clear(words)
	if len(l.Firsts) == 0 || len(ids) == 0 {
		return
	}
	byBlock := make([]int, len(ids)) // the block of each ID
	order := make([]int, len(ids))
	for i, id := range ids {
		// the last block whose first ID is not after id
		b, found := slices.BinarySearch(l.Firsts, id)
		if !found {
			b--
		}
		byBlock[i], order[i] = b, i
	}
	slices.SortFunc(order, func(x, y int) int { return byBlock[x] - byBlock[y] })
	r, done, err := l.reader()
	if err != nil {
		return
	}
	defer done()
	var buf []byte
	for lo := 0; lo < len(order); {
		b := byBlock[order[lo]]
		hi := lo + 1
		for hi < len(order) && byBlock[order[hi]] == b {
			hi++
		}
		if b >= 0 {
			if blk, err := l.block(r, b, buf); err == nil {
				buf = blk
				eachIn(blk, func(id []byte, w, _ uint64) bool {
					for _, i := range order[lo:hi] {
						if string(id) == ids[i] {
							words[i] = int(min(w, 1<<31-1))
						}
					}
					return true
				})
			}
		}
		lo = hi
	}
}

// of is the length of the piece id, 0 when unknown.
func (l lengths) of(id string) int {
	w := []int{0}
	l.lengthsOf([]string{id}, w)
	return w[0]
}

// each calls f for every piece with when it was first indexed (0:
// unknown), in ID order; an error when the file cannot be read whole.
func (l lengths) each(f func(id []byte, added int64)) error {
	r, done, err := l.reader()
	if err != nil {
		return err
	}
	defer done()
	var buf []byte
	for b := range l.Firsts {
		blk, err := l.block(r, b, buf)
		if err != nil {
			return err
		}
		buf = blk
		if !eachIn(blk, func(id []byte, _, added uint64) bool { f(id, int64(added)); return true }) {
			return errDamagedLengths
		}
	}
	return nil
}
