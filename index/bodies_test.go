package index

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

func TestBodyRecords(t *testing.T) {
	rec := encodeTexts(nil, "A standfirst.", "", strings.Repeat("The body, long. ", 200))
	got, _, err := decodeTexts(rec, nil)
	if err != nil || string(got.standfirst) != "A standfirst." || len(got.note) != 0 ||
		string(got.body) != strings.Repeat("The body, long. ", 200) {
		t.Fatalf("round trip: %q %q %d bytes of body, %v", got.standfirst, got.note, len(got.body), err)
	}
	if len(rec) >= 200*16 {
		t.Errorf("record of %d bytes for 3,213 of text: not compressed", len(rec))
	}
	for i := range rec {
		bad := bytes.Clone(rec)
		bad[i] ^= 0x20
		if _, _, err := decodeTexts(bad, nil); !errors.Is(err, errDamagedBodies) {
			t.Fatalf("byte %d changed: %v", i, err)
		}
	}
	if _, _, err := decodeTexts(rec[:len(rec)/2], nil); !errors.Is(err, errDamagedBodies) {
		t.Errorf("record cut short: %v", err)
	}
	for _, ref := range []string{"", "1.2", "x.1.9", "1.-1.9", "1.0.2", "1.0.99999999999"} {
		if _, ok := parseBodyRef(ref); ok {
			t.Errorf("reference %q accepted", ref)
		}
	}
}

// setWord rewrites 2017/prisons.md of the fixtures in src ending with a
// sentence with word, its modification time later by secs seconds.
func setWord(t *testing.T, src, orig, word string, secs int) {
	t.Helper()
	p := filepath.Join(src, "2017", "prisons.md")
	if err := os.WriteFile(p, []byte(orig+"\nA new word: "+word+".\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Duration(secs) * time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
}

// bodyFiles are the numbers of the bodies store's files of the live
// generation of the cache dir.
func bodyFiles(t *testing.T, dir string) []uint32 {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(liveGen(t, dir), bodiesSubdir))
	if err != nil {
		t.Fatal(err)
	}
	var nums []uint32
	for _, e := range entries {
		n, _, ok := parseBodiesName(e.Name())
		if !ok {
			t.Errorf("stray file %s in the bodies store", e.Name())
		}
		nums = append(nums, n)
	}
	return nums
}

// hasWord reports whether the piece id is found by the word and by the
// word as written ("word"), with the word marked in its snippet.
func hasWord(t *testing.T, ix *Index, id, word string) bool {
	t.Helper()
	plain := run(t, ix, Query{Text: word + " "})
	exact := run(t, ix, Query{Text: `"` + word + `"`})
	if plain.Total != exact.Total {
		t.Errorf("%s: %d hits, %d as written", word, plain.Total, exact.Total)
	}
	for _, h := range exact.Hits {
		if h.ID != id {
			continue
		}
		if !strings.Contains(strings.Join(h.Snippets, " "), MarkStart+word+MarkEnd) {
			t.Errorf("%s: snippets of %s %q", word, id, h.Snippets)
		}
		return true
	}
	return false
}

// The pieces' texts live in the bodies store of each generation: an edit
// writes the piece's new text to the next generation's own file, the files
// of the generation before are hard-linked, a file no piece needs any more
// is left out, and a folio holding an older generation reads its texts as
// they were.
func TestBodiesFollowGenerations(t *testing.T) {
	src := writeFixtures(t)
	orig, err := os.ReadFile(filepath.Join(src, "2017", "prisons.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ix := openFolder(t, src, dir)
	first := bodyFiles(t, dir)
	if len(first) != 1 || !hasWord(t, ix, "2017/raqqa", "surge") {
		t.Fatalf("first build: store files %v", first)
	}
	// the texts are not among bleve's stored fields
	r, done, err := ix.reader()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := r.Document("2017/raqqa")
	if err != nil || doc == nil {
		t.Fatal(err)
	}
	var names []string
	doc.VisitFields(func(f bleveindex.Field) { names = append(names, f.Name()) })
	done()
	if !slices.Contains(names, fBodyAt) || slices.Contains(names, fBody) || slices.Contains(names, fStandfirst) {
		t.Errorf("stored fields %v", names)
	}
	ix.Close()
	firstGen := liveGen(t, dir)

	reader := openCached(t, src, dir)
	defer reader.Close()
	setWord(t, src, string(orig), "zeitgeist", 2)
	ix = openFolder(t, src, dir)
	second := bodyFiles(t, dir)
	if ix.Stats().Indexed != 1 || len(second) != 2 || second[0] != first[0] {
		t.Errorf("after an edit: %+v, store files %v", ix.Stats(), second)
	}
	if !hasWord(t, ix, "2017/prisons", "zeitgeist") || !hasWord(t, ix, "2017/raqqa", "surge") {
		t.Errorf("the edited piece or the others not found in the new generation")
	}
	ix.Close()
	if hasWord(t, reader, "2017/prisons", "zeitgeist") || !hasWord(t, reader, "2017/raqqa", "surge") {
		t.Errorf("the older generation's texts changed under its reader")
	}

	// editing the piece again leaves the second file with nothing in use
	setWord(t, src, string(orig), "weltschmerz", 4)
	ix = openFolder(t, src, dir)
	defer ix.Close()
	third := bodyFiles(t, dir)
	if len(third) != 2 || third[0] != first[0] || slices.Contains(third, second[1]) {
		t.Errorf("after a second edit: store files %v (before %v)", third, second)
	}
	if !hasWord(t, ix, "2017/prisons", "weltschmerz") || hasWord(t, ix, "2017/prisons", "zeitgeist") || !hasWord(t, ix, "2017/raqqa", "surge") {
		t.Errorf("after a second edit, the texts are not the archive's")
	}
	// the first file is one file in every generation: hard links
	old, err1 := os.Stat(filepath.Join(firstGen, bodiesSubdir, storeName(t, firstGen, first[0])))
	now, err2 := os.Stat(filepath.Join(liveGen(t, dir), bodiesSubdir, storeName(t, liveGen(t, dir), first[0])))
	if err1 != nil || err2 != nil || !os.SameFile(old, now) {
		t.Errorf("the first store file is not shared: %v %v", err1, err2)
	}
}

// storeName is the name of the store file num in the generation gdir.
func storeName(t *testing.T, gdir string, num uint32) string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(gdir, bodiesSubdir))
	for _, e := range entries {
		if n, _, ok := parseBodiesName(e.Name()); ok && n == num {
			return e.Name()
		}
	}
	t.Fatalf("no store file %d in %s", num, gdir)
	return ""
}

// A store file cut short makes its generation unusable: the next open
// builds the index again, and the texts are whole.
func TestShortBodiesFileIsRebuilt(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	gdir := liveGen(t, dir)
	p := filepath.Join(gdir, bodiesSubdir, storeName(t, gdir, bodyFiles(t, dir)[0]))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, src, dir)
	defer ix.Close()
	if !ix.Stats().Rebuilt || !hasWord(t, ix, "2017/raqqa", "surge") {
		t.Errorf("after the store was cut short: %+v", ix.Stats())
	}
}

// An index in memory keeps its texts in memory: snippets and exact forms
// work as in the cache.
func TestBodiesInMemory(t *testing.T) {
	src := writeFixtures(t)
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !hasWord(t, ix, "2017/raqqa", "surge") {
		t.Errorf("no exact form in memory")
	}
}

// A store of more files than it keeps open reads every one of them.
func TestBodiesStoreOfManyFiles(t *testing.T) {
	dir := t.TempDir()
	var refs []string
	for num := uint32(1); num <= maxOpenBodies+8; num++ {
		w := newBodyWriter(dir, num)
		ref, err := w.put("", "", "body number "+strings.Repeat("x", int(num)))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.finish(); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ref)
	}
	s, err := openBodies(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for round := range 2 {
		tr := textReader{s: s}
		for i, ref := range refs {
			got, err := tr.textsAt(ref)
			if want := "body number " + strings.Repeat("x", i+1); err != nil || string(got.body) != want {
				t.Fatalf("round %d, file %d: %q, %v", round, i+1, got.body, err)
			}
		}
	}
	if len(s.files) != maxOpenBodies {
		t.Errorf("%d files kept open", len(s.files))
	}
}
