package index

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
)

// colAnswers are an index's answers that the column and the order give:
// pages of every piece, facets of searches and filters.
func colAnswers(t *testing.T, ix *Index) []string {
	t.Helper()
	all := ix.AllFacets()
	qs := []Query{
		{Limit: 10}, {Limit: 10, Offset: 50}, {Limit: 30, Offset: 250},
		{Mode: ModeFacets}, {Text: "government", Mode: ModeFacets},
		{Text: "con", Typing: true, Mode: ModeFacets}, {Text: "people", Limit: 10},
		{Tags: []string{all.Tags[0].Value}, Mode: ModeFacets},
		{Text: "war", Years: []string{all.Years[len(all.Years)/2].Value}, Mode: ModeFacets},
	}
	for _, o := range all.Outlets {
		qs = append(qs, Query{Outlets: []string{o.Value}, Limit: 5})
	}
	var out []string
	for _, q := range qs {
		for range 2 { // the second count on a snapshot reads the column when no file gave it
			ix.cache.clear()
			r := run(t, ix, q)
			out = append(out, fmt.Sprintf("%+v: %d %v %v", q, r.Total, ids(r), r.Facets))
		}
	}
	return out
}

// genRead reports whether ix's column and order were read from its
// generation's columns file.
func genRead(ix *Index) bool {
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	return ft.genRead
}

// TestColumnsFileIsTheSnapshots: the column and order `folio index` keeps
// beside a generation (KeepColumns) give a reader the answers it gives
// without the file (the collector's, then the column read from the
// snapshot); a damaged file, or one of another snapshot, is not used,
// and the reader's warm writes the right one in its place.
func TestColumnsFileIsTheSnapshots(t *testing.T) {
	parallel(t)
	arch := t.TempDir()
	if err := corpus.Generate(arch, 300, 5); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ctx := context.Background()
	ix := openFolder(t, arch, dir)
	if err := ix.KeepColumns(ctx); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	file := filepath.Join(liveGen(t, dir), columnsName)
	kept, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("KeepColumns kept no file: %v", err)
	}

	// what the snapshot itself gives, without the file
	answersWithout := func() []string {
		t.Helper()
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		ix := openCachedOnce(t, arch, dir)
		defer ix.Close()
		a := colAnswers(t, ix)
		if genRead(ix) {
			t.Fatal("read a columns file that is not there")
		}
		return a
	}
	want := answersWithout()

	// the reader: its column and order from the file, before any warm
	if err := os.WriteFile(file, kept, 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	got, used := readerAnswers(t, arch, dir)
	if !used {
		t.Error("the reader did not read the kept columns file")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("from the file:\n%v\nfrom the snapshot:\n%v", got, want)
	}
	if after, err := os.Stat(file); err != nil || !os.SameFile(before, after) {
		t.Errorf("the warm wrote the file it had read (%v)", err)
	}

	// a command that searches once: the order from the file, its facets
	// counted by the collector over its hits
	once := openCachedOnce(t, arch, dir)
	run(t, once, Query{Text: "government", Mode: ModeFacets})
	if ord, col := fromTheFile(t, once); genRead(once) || col != nil {
		t.Errorf("once, a word's facets: the file read %v, a column %v, an order %v (want none)", genRead(once), col != nil, ord != nil)
	}
	if got := colAnswers(t, once); !reflect.DeepEqual(got, want) {
		t.Fatalf("once, beside the file:\n%v\nwant:\n%v", got, want)
	}
	if ord, _ := fromTheFile(t, once); ord == nil || !genRead(once) {
		t.Errorf("once, every piece listed: the order from the file %v", ord != nil)
	}
	once.Close()

	// damaged files: not used, the answers the same, and the warm writes
	// the file again
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { b[len(b)/2] ^= 1; return b },
		func(b []byte) []byte { return b[:len(b)-4] },
		func(b []byte) []byte { return nil },
		func(b []byte) []byte { return append(b, make([]byte, 4<<20)...) }, // past the bound for 300 pieces
	} {
		if err := os.WriteFile(file, damage(bytes.Clone(kept)), 0o644); err != nil {
			t.Fatal(err)
		}
		got, used := readerAnswers(t, arch, dir)
		if used {
			t.Error("a damaged columns file was used")
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("beside a damaged file:\n%v\nwant:\n%v", got, want)
		}
		if again, err := os.ReadFile(file); err != nil || !bytes.Equal(again, kept) {
			t.Fatalf("the warm did not write the file again (%v)", err)
		}
	}

	// a refresh's generation, with the old generation's file copied in:
	// as many pieces with the same values, but the one changed is another
	// number
	ix = openFolder(t, arch, dir)
	changeAndRefresh(ctx, t, ix, arch, dir)
	ix.Close()
	file = filepath.Join(liveGen(t, dir), columnsName)
	want = func() []string {
		if err := os.WriteFile(file, kept, 0o644); err != nil {
			t.Fatal(err)
		}
		return answersWithout()
	}()
	if err := os.WriteFile(file, kept, 0o644); err != nil {
		t.Fatal(err)
	}
	got, used = readerAnswers(t, arch, dir)
	if used {
		t.Error("another snapshot's columns file was used")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("beside another snapshot's file:\n%v\nwant:\n%v", got, want)
	}
	again, err := os.ReadFile(file)
	if err != nil || bytes.Equal(again, kept) {
		t.Fatalf("the warm did not write the new snapshot's file (%v)", err)
	}
}

// readerAnswers opens the index in dir as the reader does and gives its
// answers (colAnswers) and whether it read its generation's columns file,
// once its warm is done (the file written, if it writes one) and it is
// closed.
func readerAnswers(t *testing.T, arch, dir string) ([]string, bool) {
	t.Helper()
	reader := openCached(t, arch, dir)
	defer reader.Close()
	got := colAnswers(t, reader)
	used := genRead(reader)
	warmedTerms(t, reader)
	return got, used
}

// fromTheFile is what ix holds of its snapshot's order and column,
// reading neither the snapshot nor the file.
func fromTheFile(t *testing.T, ix *Index) (*docOrder, *facetColumn) {
	t.Helper()
	r, done, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	ix.mu.RLock()
	ft := ix.facetTerms
	ix.mu.RUnlock()
	ft.ords.mu.Lock() // not ft.order, which reads the file
	ord := ft.ords.ord
	ft.ords.mu.Unlock()
	if ord != nil && ord.snap != r {
		ord = nil
	}
	return ord, ft.column0(r)
}

// openCachedOnce is OpenCached on the folder src with its index in dir,
// for one command (no warm).
func openCachedOnce(t *testing.T, src, dir string) *Index {
	t.Helper()
	ix, err := OpenCached(src, os.DirFS(src), Options{Dir: dir, Once: true})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// FuzzColumnsFile: no bytes in a generation's columns file make the
// reader panic, or give it a column longer than its snapshot's document
// numbers, values not among its terms, or an order of another number of
// pieces, or with a piece twice or out of the column.
func FuzzColumnsFile(f *testing.F) {
	arch := f.TempDir()
	if err := corpus.Generate(arch, 60, 3); err != nil {
		f.Fatal(err)
	}
	dir := filepath.Join(f.TempDir(), "idx")
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	if err := ix.KeepColumns(context.Background()); err != nil {
		f.Fatal(err)
	}
	kept, err := os.ReadFile(filepath.Join(liveGen(f, dir), columnsName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(kept)
	f.Add(kept[:len(kept)/2])
	f.Add([]byte{})
	r, done, err := ix.reader()
	if err != nil {
		f.Fatal(err)
	}
	defer done()
	ft := ix.facetTerms
	n, _ := r.DocCount()
	f.Fuzz(func(t *testing.T, data []byte) {
		data = bytes.Clone(data)
		if len(data) >= 8 && len(data)%4 == 0 { // past the sum, to the words
			binary.LittleEndian.PutUint32(data[len(data)-4:], crc32.Checksum(data[:len(data)-4], castagnoli))
		}
		col, ord, err := ft.decodeColumns(data, r)
		if err != nil {
			return
		}
		if len(ord.docs) != int(n) {
			t.Fatalf("an order of %d pieces for %d", len(ord.docs), n)
		}
		for d := range uint64(len(col.start)) {
			for _, v := range col.of(d) {
				if int(v) >= len(ft.terms) {
					t.Fatalf("value %d of %d terms", v, len(ft.terms))
				}
			}
		}
		numbers, _ := snapshotNumbers(r)
		if uint64(len(col.start)) > numbers+1 {
			t.Fatalf("a column of %d documents for a snapshot of %d numbers", len(col.start)-1, numbers)
		}
		seen := map[uint32]bool{}
		for _, d := range ord.docs {
			if int(d)+1 >= len(col.start) || seen[d] {
				t.Fatalf("document %d (twice: %v) past the column's %d", d, seen[d], len(col.start))
			}
			seen[d] = true
		}
	})
}

// changeAndRefresh adds a word to the text of one piece of arch, and
// refreshes ix.
func changeAndRefresh(ctx context.Context, t *testing.T, ix *Index, arch, dir string) {
	t.Helper()
	var path string
	_ = filepath.WalkDir(arch, func(p string, d os.DirEntry, err error) error {
		if err == nil && path == "" && filepath.Ext(p) == ".md" {
			path = p
		}
		return err
	})
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString("\nzeitgeist\n")
	if err := cmp.Or(err, f.Close()); err != nil {
		t.Fatal(err)
	}
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); !changed || err != nil {
		t.Fatalf("refresh: changed %v, %v", changed, err)
	}
}
