package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// checkBolt reads the meta pages of scorch's root.bolt at path and
// reports whether the file holds every page the newer valid meta says the
// database has. bbolt maps the file and reads its freelist page without
// looking at the file's size: a root.bolt cut short (a full disk, a copy
// stopped half way) made it read past the end of the file, a fault no
// recover catches (the whole program died: TestCorruptIndexFilesAreRebuilt
// in CI run 34). A missing file is not an error here (bleve says what it
// says of it).
func checkBolt(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	size := st.Size()
	var best *boltMeta
	for i := range 2 {
		m, ok := readBoltMeta(f, i, best)
		if ok && (best == nil || m.txid > best.txid) {
			best = &m
		}
	}
	if best == nil {
		return fmt.Errorf("%s: no valid meta page", path)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return fmt.Errorf("%s: %d bytes, its meta says %d", path, size, need)
	}
	if best.freelist == noFreelist {
		return nil
	}
	if best.freelist >= best.pgid {
		return fmt.Errorf("%s: freelist page %d past the last page %d", path, best.freelist, best.pgid)
	}
	// the freelist page, which bbolt reads first: a freelist page, and
	// its ids within its pages and the file
	ps := int64(best.pageSize)
	var h [boltPageHeader + 8]byte
	if _, err := f.ReadAt(h[:], int64(best.freelist)*ps); err != nil {
		return fmt.Errorf("%s: freelist page: %v", path, err)
	}
	le := binary.LittleEndian
	flags, count, overflow := le.Uint16(h[8:]), uint64(le.Uint16(h[10:])), int64(le.Uint32(h[12:]))
	if flags&0x10 == 0 {
		return fmt.Errorf("%s: page %d is not the freelist", path, best.freelist)
	}
	ids := count
	if count == 0xFFFF { // the count is the first id's place
		ids = le.Uint64(h[boltPageHeader:]) + 1
	}
	span := (overflow + 1) * ps
	if int64(best.freelist)*ps+span > size || uint64(span-boltPageHeader)/8 < ids {
		return fmt.Errorf("%s: the freelist does not fit its pages", path)
	}
	return nil
}

// boltMeta is the part of bbolt's meta page (bbolt internal/common/meta.go)
// checkBolt needs.
type boltMeta struct {
	pageSize       uint32
	freelist, pgid uint64
	txid           uint64
}

const (
	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = 0xffffffffffffffff
	// a page's header before its meta: id (8), flags (2), count (2),
	// overflow (4)
	boltPageHeader = 16
)

// readBoltMeta reads meta page i (0 or 1: the second is one page size in,
// the size page 0 gives); ok when its magic, version and checksum hold.
func readBoltMeta(f io.ReaderAt, i int, first *boltMeta) (boltMeta, bool) {
	off := int64(0)
	if i == 1 {
		ps := int64(4096)
		if first != nil {
			ps = int64(first.pageSize)
		}
		off = ps
	}
	var b [boltPageHeader + 64]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return boltMeta{}, false
	}
	m := b[boltPageHeader:]
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(m[:56])
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion || le.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	meta := boltMeta{pageSize: le.Uint32(m[8:]), freelist: le.Uint64(m[32:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	if meta.pageSize < 512 || meta.pageSize > 1<<20 {
		return boltMeta{}, false
	}
	return meta, true
}
