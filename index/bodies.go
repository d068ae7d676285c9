package index

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/golang/snappy"

	"github.com/folio-tui/folio/archive"
)

// The bodies store: the long texts of each piece (standfirst, note, body),
// which only snippets, exact forms, suggestions and Terms read, are kept
// out of bleve's stored fields, in files of folio's own that are read with
// pread (ReadAt) into buffers. Bleve's index files are mapped into memory
// (mmap): every stored text read there stays resident in the process
// (fault-around maps its neighbours too), so after some typing the whole
// stored region of a large index counted in the reader's RSS. Pages read
// with pread are the kernel's page cache, not the process's memory.
//
// A generation of the cache holds its store in bodiesSubdir: one file per
// build that indexed pieces, named by the generation that wrote it and its
// size ("000007-123456.fb"); the next generation hard-links the files it
// keeps, as it does scorch's segments, and a file no indexed piece refers
// to any more (the manifest's fileEntry.Body) is left out of it. Each
// document stores where its texts are (fBodyAt: file, offset, length).
// A record is a CRC-32C of the rest, then the texts snappy-compressed:
// uvarint length and bytes of the standfirst and of the note, then the body.
// An index in memory keeps the records in memory.

const (
	bodiesSubdir = "bodies"
	bodiesExt    = ".fb"
)

// texts are the long texts of a piece, as the bodies store keeps them.
type texts struct {
	standfirst, note, body []byte
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeTexts appends the record of a piece's texts to dst.
func encodeTexts(dst []byte, standfirst, note, body string) []byte {
	raw := make([]byte, 0, 2*binary.MaxVarintLen64+len(standfirst)+len(note)+len(body))
	raw = binary.AppendUvarint(raw, uint64(len(standfirst)))
	raw = append(raw, standfirst...)
	raw = binary.AppendUvarint(raw, uint64(len(note)))
	raw = append(raw, note...)
	raw = append(raw, body...)
	start := len(dst)
	dst = append(dst, 0, 0, 0, 0)
	dst = append(dst, snappy.Encode(nil, raw)...)
	binary.LittleEndian.PutUint32(dst[start:], crc32.Checksum(dst[start+4:], castagnoli))
	return dst
}

var errDamagedBodies = errors.New("damaged index: a piece's text cannot be read back; rebuild it with folio index --rebuild")

// decodeTexts reads a record into buf (reused when large enough).
func decodeTexts(rec, buf []byte) (texts, []byte, error) {
	if len(rec) < 4 || crc32.Checksum(rec[4:], castagnoli) != binary.LittleEndian.Uint32(rec) {
		return texts{}, buf, errDamagedBodies
	}
	n, err := snappy.DecodedLen(rec[4:])
	if err != nil {
		return texts{}, buf, errDamagedBodies
	}
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	raw, err := snappy.Decode(buf[:n], rec[4:])
	if err != nil {
		return texts{}, buf, errDamagedBodies
	}
	var t texts
	for _, into := range []*[]byte{&t.standfirst, &t.note} {
		l, k := binary.Uvarint(raw)
		if k <= 0 || l > uint64(len(raw)-k) {
			return texts{}, buf, errDamagedBodies
		}
		*into = raw[k : k+int(l)]
		raw = raw[k+int(l):]
	}
	t.body = raw
	return t, buf, nil
}

// bodyRef is where a record is: the number of its file, offset and length.
type bodyRef struct {
	file   uint32
	off, n int64
}

func (r bodyRef) String() string {
	return strconv.FormatUint(uint64(r.file), 10) + "." + strconv.FormatInt(r.off, 10) + "." + strconv.FormatInt(r.n, 10)
}

func parseBodyRef(s string) (bodyRef, bool) {
	a, rest, ok1 := strings.Cut(s, ".")
	b, c, ok2 := strings.Cut(rest, ".")
	f, err1 := strconv.ParseUint(a, 10, 32)
	off, err2 := strconv.ParseInt(b, 10, 64)
	n, err3 := strconv.ParseInt(c, 10, 64)
	if !ok1 || !ok2 || err1 != nil || err2 != nil || err3 != nil || off < 0 || n < 4 || n > maxRecord {
		return bodyRef{}, false
	}
	return bodyRef{uint32(f), off, n}, true
}

// maxRecord bounds the length of a record read back: a damaged reference
// must not make a huge buffer.
const maxRecord = 1 << 30

// memBodies are the records of an index in memory.
type memBodies struct {
	mu   sync.RWMutex
	recs [][]byte
}

// bodyWriter writes the records of the pieces one build indexes: to a new
// file of the generation's store, or to memory.
type bodyWriter struct {
	mu   sync.Mutex
	dir  string // the store's folder; "" in memory
	num  uint32 // the file's number: the generation's
	f    *os.File
	w    *bufio.Writer
	off  int64
	mem  *memBodies
	err  error // the first write error: the build fails with it
	recs int
}

func newMemBodyWriter(mem *memBodies) *bodyWriter { return &bodyWriter{mem: mem} }

func newBodyWriter(dir string, num uint32) *bodyWriter { return &bodyWriter{dir: dir, num: num} }

func (w *bodyWriter) tmpPath() string {
	return filepath.Join(w.dir, fmt.Sprintf("%06d.tmp", w.num))
}

// put writes a piece's texts and returns where they are.
func (w *bodyWriter) put(standfirst, note, body string) (string, error) {
	rec := encodeTexts(nil, standfirst, note, body)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return "", w.err
	}
	if w.mem != nil {
		w.mem.mu.Lock()
		w.mem.recs = append(w.mem.recs, rec)
		ref := bodyRef{0, int64(len(w.mem.recs) - 1), int64(len(rec))}
		w.mem.mu.Unlock()
		return ref.String(), nil
	}
	if w.f == nil {
		if err := os.MkdirAll(w.dir, 0o700); err != nil {
			w.err = err
			return "", err
		}
		f, err := os.OpenFile(w.tmpPath(), os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
		if err != nil {
			w.err = err
			return "", err
		}
		w.f, w.w = f, bufio.NewWriterSize(f, 1<<20)
	}
	ref := bodyRef{w.num, w.off, int64(len(rec))}
	if _, err := w.w.Write(rec); err != nil {
		w.err = err
		return "", err
	}
	w.off += int64(len(rec))
	w.recs++
	return ref.String(), nil
}

// file is the number of the file the records go to.
func (w *bodyWriter) file() uint32 { return w.num }

// finish writes the file out, syncs it and gives it its name, or reports
// the first error. A build that wrote nothing leaves no file.
func (w *bodyWriter) finish() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil || w.f == nil {
		if w.f != nil {
			w.f.Close()
			os.Remove(w.tmpPath())
		}
		return w.err
	}
	err := w.w.Flush()
	if err == nil {
		err = w.f.Sync()
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.tmpPath(), filepath.Join(w.dir, bodiesName(w.num, w.off)))
	}
	w.f = nil
	w.err = err
	return err
}

func bodiesName(num uint32, size int64) string { return fmt.Sprintf("%06d-%d%s", num, size, bodiesExt) }

// parseBodiesName reads a store file's name: its number and size.
func parseBodiesName(name string) (uint32, int64, bool) {
	s, ok := strings.CutSuffix(name, bodiesExt)
	a, b, ok2 := strings.Cut(s, "-")
	num, err1 := strconv.ParseUint(a, 10, 32)
	size, err2 := strconv.ParseInt(b, 10, 64)
	return uint32(num), size, ok && ok2 && err1 == nil && err2 == nil && size >= 0
}

// bodyStore reads the records of one opened version of the index.
type bodyStore struct {
	dir   string // "" in memory
	mem   *memBodies
	mu    sync.Mutex
	names map[uint32]string
	files map[uint32]*os.File
}

// openBodies opens the store in dir, checking that each file has the size
// its name gives (a file cut short makes the generation unusable: it is
// rebuilt).
func openBodies(dir string) (*bodyStore, error) {
	s := &bodyStore{dir: dir, names: map[uint32]string{}, files: map[uint32]*os.File{}}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil // an archive without texts, or nothing indexed
	}
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		num, size, ok := parseBodiesName(e.Name())
		if !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		if info.Size() != size {
			return nil, fmt.Errorf("%s: %d bytes, not %d", e.Name(), info.Size(), size)
		}
		s.names[num] = e.Name()
	}
	return s, nil
}

func memBodyStore(mem *memBodies) *bodyStore { return &bodyStore{mem: mem} }

// read reads the record at ref into buf (reused when large enough).
func (s *bodyStore) read(ref bodyRef, buf []byte) ([]byte, error) {
	if s.mem != nil {
		s.mem.mu.RLock()
		defer s.mem.mu.RUnlock()
		if ref.off >= int64(len(s.mem.recs)) || int64(len(s.mem.recs[ref.off])) != ref.n {
			return buf, errDamagedBodies
		}
		return append(buf[:0], s.mem.recs[ref.off]...), nil
	}
	f, temp, err := s.file(ref.file)
	if err != nil {
		return buf, err
	}
	if temp {
		defer f.Close()
	}
	if int64(cap(buf)) < ref.n {
		buf = make([]byte, ref.n)
	}
	buf = buf[:ref.n]
	if _, err := f.ReadAt(buf, ref.off); err != nil {
		if errors.Is(err, io.EOF) {
			err = errDamagedBodies
		}
		return buf, err
	}
	return buf, nil
}

// file is the store's file num, open; temp says the caller closes it: the
// store keeps at most maxOpenBodies files open (many small updates make
// many files, and a process has a limited number of descriptors).
func (s *bodyStore) file(num uint32) (f *os.File, temp bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.files[num]; f != nil {
		return f, false, nil
	}
	name, ok := s.names[num]
	if !ok || s.files == nil {
		return nil, false, errDamagedBodies
	}
	f, err = os.Open(filepath.Join(s.dir, name))
	if err != nil {
		return nil, false, err
	}
	if len(s.files) >= maxOpenBodies {
		return f, true, nil
	}
	s.files[num] = f
	return f, false, nil
}

const maxOpenBodies = 32

// close closes the store's files.
func (s *bodyStore) close() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.files {
		f.Close()
	}
	s.files = nil
}

// textReader reads pieces' texts from a store, reusing its buffers: one
// per goroutine.
type textReader struct {
	s        *bodyStore
	rec, raw []byte
}

// textsAt reads the texts whose reference (fBodyAt) is ref; none for "".
func (tr *textReader) textsAt(ref string) (texts, error) {
	if ref == "" {
		return texts{}, nil
	}
	if tr.s == nil {
		return texts{}, errors.New("index: no bodies store for this search")
	}
	r, ok := parseBodyRef(ref)
	if !ok {
		return texts{}, errDamagedBodies
	}
	var err error
	if tr.rec, err = tr.s.read(r, tr.rec); err != nil {
		return texts{}, err
	}
	var t texts
	t, tr.raw, err = decodeTexts(tr.rec, tr.raw)
	return t, err
}

// linkBodies gives the generation in to the store of the generation in
// from: its files hard-linked (copied where links fail), as copyIndex does
// scorch's segments. pruneBodies later leaves out those no piece needs.
func linkBodies(from, to string) error {
	src, dst := filepath.Join(from, bodiesSubdir), filepath.Join(to, bodiesSubdir)
	entries, err := os.ReadDir(src)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, e := range entries {
		if _, _, ok := parseBodiesName(e.Name()); !ok {
			continue
		}
		p, q := filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())
		if os.Link(p, q) != nil {
			if err := copyFile(p, q); err != nil {
				return err
			}
		}
	}
	return nil
}

// linkBodiesChecked links the store of from into to (linkBodies) and
// checks it opens.
func linkBodiesChecked(from, to string) error {
	if err := linkBodies(from, to); err != nil {
		return err
	}
	_, err := openBodies(filepath.Join(to, bodiesSubdir))
	return err
}

// pruneBodies removes from the store of the generation in dir, not yet
// published, the files no indexed piece of m refers to (their links: the
// generations that have them keep them).
func pruneBodies(dir string, m *manifest) {
	live := liveBodies(m)
	sdir := filepath.Join(dir, bodiesSubdir)
	entries, _ := os.ReadDir(sdir)
	for _, e := range entries {
		if num, _, ok := parseBodiesName(e.Name()); ok && !live[num] {
			_ = os.Remove(filepath.Join(sdir, e.Name()))
		}
	}
}

// liveBodies are the numbers of the store files that indexed pieces of m
// refer to.
func liveBodies(m *manifest) map[uint32]bool {
	live := map[uint32]bool{}
	for _, e := range m.Files {
		if e.Indexed {
			live[e.Body] = true
		}
	}
	return live
}

// withBodies gives ctx the store that exact forms (exactSearcher) read the
// pieces' texts from: the searched view's.
func withBodies(ctx context.Context, s *bodyStore) context.Context {
	return context.WithValue(ctx, bodiesKey{}, s)
}

type bodiesKey struct{}

func bodiesOf(ctx context.Context) *bodyStore {
	s, _ := ctx.Value(bodiesKey{}).(*bodyStore)
	return s
}

// document is the bleve document of an article, with its long texts
// written to the bodies store.
func (b *build) document(a archive.Article) map[string]interface{} {
	d := document(a)
	if a.Standfirst == "" && a.Note == "" && a.Body == "" {
		return d
	}
	ref, err := b.bodies.put(a.Standfirst, a.Note, a.Body)
	if err == nil {
		d[fBodyAt] = ref
	}
	return d // on error, the build fails at bodies.finish
}

// longTexts are the standfirst, note and body of a hit whose stored fields
// (with fBodyAt) are f, read from the bodies store; none when they cannot
// be read. The caller holds ix.inUse.
func (ix *Index) longTexts(f map[string]interface{}) (standfirst, note, body string) {
	ix.withLongTexts(f, func(sf, n, b string) {
		standfirst, note, body = strings.Clone(sf), strings.Clone(n), strings.Clone(b)
	})
	return
}

// withLongTexts calls use with the texts longTexts returns, without
// copying them: the strings share a reader's buffers, which the next hit
// reads into, so they are valid while use runs and nothing may keep them
// or a part of them (the highlighter's memo copies the words it keeps;
// snippets are built anew). Copying them cost ~0.3 MB of garbage a typed
// search at 100k (55 of the 530 MB a round of BenchmarkTyping allocated,
// 2026-12-02). The caller holds ix.inUse.
func (ix *Index) withLongTexts(f map[string]interface{}, use func(standfirst, note, body string)) {
	tr := textReaders.Get().(*textReader)
	defer textReaders.Put(tr)
	tr.s = ix.cur.bodies
	t, err := tr.textsAt(str(f[fBodyAt]))
	if err != nil {
		use("", "", "")
		return
	}
	use(bytesView(t.standfirst), bytesView(t.note), bytesView(t.body))
}

// bytesView is b as a string without a copy: b must not change while the
// string is used.
func bytesView(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// textReaders keep the buffers of longTexts from one hit to the next.
var textReaders = sync.Pool{New: func() any { return new(textReader) }}

// termsTexts are the title, standfirst, note and body of a piece whose
// stored fields (with fBodyAt) are f, each cut to maxTermsText bytes, as
// Terms reads them.
func termsTexts(tr *textReader, f map[string]interface{}) ([][]byte, error) {
	lt, err := tr.textsAt(str(f[fBodyAt]))
	if err != nil {
		return nil, err
	}
	// the title, standfirst and note are plain text, written so that
	// Terms' analyser, which reads Markdown, reads them as that text
	// (archive.PlainText, as document writes them)
	plain := func(b []byte) []byte {
		if bytes.IndexByte(b, '&') < 0 {
			return b
		}
		return []byte(archive.PlainText(string(b)))
	}
	t := [][]byte{plain([]byte(str(f[fTitle]))), plain(lt.standfirst), plain(lt.note), lt.body}
	for i, b := range t {
		if len(b) > maxTermsText {
			b = b[:maxTermsText]
		}
		t[i] = bytes.Clone(b) // tr's buffers are read into again
	}
	return t, nil
}
