package index

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// manifestFiles are entries of every kind, more than fill a chunk: indexed
// with a copy entry, unusable with problems, duplicates; an entry with a
// field left at zero follows one where it was set (gob leaves such a field
// alone when it decodes into a value used before).
func manifestFiles(n int) map[string]fileEntry {
	files := map[string]fileEntry{}
	for i := range n {
		p := fmt.Sprintf("%d/piece-%05d.md", i%7, i)
		e := fileEntry{Size: int64(1000 + i), MTime: int64(i) << 20, ID: fmt.Sprintf("p%05d", i)}
		switch i % 3 {
		case 0:
			e.Indexed, e.Words, e.Added = true, 900+i, int64(i)
			e.Copy = &copyEntry{Title: "T", Outlet: "O", Date: "2017-09", Words: 900 + i, Sketch: []byte{byte(i), 2, 3, 4}}
		case 1:
			e.Fatal = true
			e.Problems = []archive.Problem{{Path: p, Line: 2, Msg: "cannot parse", Fatal: true}}
		}
		files[p] = e
	}
	return files
}

func TestManifestEntriesInChunks(t *testing.T) {
	dir := t.TempDir()
	m := newManifest("archive")
	m.Files = manifestFiles(2*manifestChunk + 5)
	m.Complete = true
	if err := writeManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	got, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := got.loadFiles(); err != nil {
		t.Fatal(err)
	}
	if !got.Complete || !reflect.DeepEqual(got.Files, m.Files) {
		t.Errorf("read back %d entries, complete %v; want the %d written", len(got.Files), got.Complete, len(m.Files))
	}
}

// The pending manifest lists a path again for the entry that replaces it.
func TestManifestLastEntryOfAPathCounts(t *testing.T) {
	dir := t.TempDir()
	old := manifestFiles(manifestChunk + 3)
	pending := func(yield func(string, fileEntry) bool) {
		for p, e := range old {
			if !yield(p, e) {
				return
			}
		}
		for p := range old {
			if !yield(p, fileEntry{Size: -1, ID: "again", Indexed: true}) {
				return
			}
		}
	}
	if err := writeManifestOf(dir, newManifest("archive").manifestHead, pending, nil); err != nil {
		t.Fatal(err)
	}
	m, _ := readManifest(dir)
	if err := m.loadFiles(); err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(old) {
		t.Fatalf("%d entries, want %d", len(m.Files), len(old))
	}
	for p, e := range m.Files {
		if !reflect.DeepEqual(e, fileEntry{Size: -1, ID: "again", Indexed: true}) {
			t.Fatalf("%s: %+v, want the entry listed last", p, e)
		}
	}
}

// A manifest written before the entries came in chunks (one map after the
// head) still loads: its archive is updated, not rebuilt.
func TestManifestOfOneMapLoads(t *testing.T) {
	dir := t.TempDir()
	m := newManifest("archive")
	m.Files = manifestFiles(50)
	f, err := os.Create(filepath.Join(dir, manifestName))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := gob.NewEncoder(w)
	if err := enc.Encode(m.manifestHead); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(m.Files); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	f.Close()
	got, _ := readManifest(dir)
	if err := got.loadFiles(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Files, m.Files) {
		t.Errorf("read back %d entries, want the %d written", len(got.Files), len(m.Files))
	}
}

// A manifest cut short, even right after a chunk, is corrupt: its entries
// are not taken for all of them.
func TestManifestCutShortIsCorrupt(t *testing.T) {
	dir := t.TempDir()
	m := newManifest("archive")
	m.Files = manifestFiles(3 * manifestChunk)
	if err := writeManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, manifestName)
	data, _ := os.ReadFile(path)
	// the length of the empty chunk that ends the entries, once its type is sent
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	enc.Encode([]fileRecord{{Path: "x"}})
	before := b.Len()
	enc.Encode([]fileRecord{})
	end := b.Len() - before
	for _, n := range []int{len(data) - end, len(data) - end - 1, len(data) - 1} {
		os.WriteFile(path, data[:n], 0o644)
		got, err := readManifest(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := got.loadFiles(); err == nil {
			t.Errorf("cut at %d of %d bytes: loaded %d entries without an error", n, len(data), len(got.Files))
		}
	}
}

// Lengths answer as the slices they were made from, in memory and from
// their file (through the head's gob): each piece's length by its ID, 0
// for an ID not there, every piece's time in ID order; a damaged block
// answers 0 for its pieces alone, and each says the file is damaged.
func TestLengthsFile(t *testing.T) {
	var ids []string
	var words []int32
	var added []int64
	for i := range 1000 { // several blocks
		ids = append(ids, fmt.Sprintf("piece-%04d", i))
		words = append(words, int32(i*7%1300))
		added = append(added, int64(i%3)*1_700_000_000_000_000_000)
	}
	ids[0], ids[999] = "", "ünïcode" // the empty ID first, a multi-byte one last
	mem := newLengths(len(ids), func(i int) (string, int32, int64) { return ids[i], words[i], added[i] })
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(mem); err != nil {
		t.Fatal(err)
	}
	if err := mem.writeTo(dir); err != nil {
		t.Fatal(err)
	}
	var disk lengths
	if err := gob.NewDecoder(&buf).Decode(&disk); err != nil {
		t.Fatal(err)
	}
	disk.in(dir)
	check := func(name string, l lengths) {
		t.Helper()
		got := make([]int, len(ids))
		l.lengthsOf(ids, got)
		for i, id := range ids {
			if got[i] != int(words[i]) || l.of(id) != int(words[i]) {
				t.Fatalf("%s: %q has length %d (of: %d), want %d", name, id, got[i], l.of(id), words[i])
			}
		}
		for _, id := range []string{"0", "piece-", "piece-00000", "piece-1000", "zzz"} {
			if n := l.of(id); n != 0 {
				t.Errorf("%s: of(%q) = %d for an ID not there", name, id, n)
			}
		}
		var times []int64
		var seen []string
		if err := l.each(func(id []byte, a int64) { seen, times = append(seen, string(id)), append(times, a) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(seen, ids) || !slices.Equal(times, added) {
			t.Errorf("%s: each gave %d pieces, not the %d made", name, len(seen), len(ids))
		}
	}
	check("in memory", mem)
	check("from the file", disk)
	if (lengths{}).of("a") != 0 || (lengths{}).each(func([]byte, int64) {}) != nil {
		t.Error("no lengths answer")
	}

	// damage the second block
	path := filepath.Join(dir, lengthsName)
	data, _ := os.ReadFile(path)
	data[disk.Offs[1]+3] ^= 0x55
	os.WriteFile(path, data, 0o644)
	got := make([]int, len(ids))
	disk.lengthsOf(ids, got)
	for i := range ids {
		inDamaged := i >= lengthsBlock && i < 2*lengthsBlock
		if inDamaged && got[i] != 0 || !inDamaged && got[i] != int(words[i]) {
			t.Fatalf("damaged block 1: piece %d has length %d (want %d, or 0 in the block)", i, got[i], words[i])
		}
	}
	if err := disk.each(func([]byte, int64) {}); err == nil {
		t.Error("each read a damaged file without an error")
	}
}
