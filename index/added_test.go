package index

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestAddedTimes follows when pieces were first indexed (added.go) through
// a first build, updates, a changed file, a rebuild from scratch, a schema
// change and a cache deleted.
func TestAddedTimes(t *testing.T) {
	src := writeFixtures(t)
	dir := t.TempDir()
	open := func(opts Options) *Index {
		t.Helper()
		opts.Dir = dir
		ix, err := Open(context.Background(), src, os.DirFS(src), opts)
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write := func(name, title string) {
		t.Helper()
		p := filepath.Join(src, "new", name+".md")
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(p, later, later)
	}

	// The first build cannot tell when its pieces came: none is new.
	ix := open(Options{})
	if got := ix.NewSince(time.Time{}); got != nil || !ix.IndexTime().IsZero() {
		t.Fatalf("first build: new %v, index time %v", got, ix.IndexTime())
	}
	seen := ix.IndexTime()
	ix.Close()

	write("one", "One")
	before := time.Now()
	ix = open(Options{})
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"new/one"}) {
		t.Fatalf("after adding one: new %v", got)
	}
	if it := ix.IndexTime(); it.Before(before) || it.After(time.Now()) {
		t.Errorf("index time %v, not the time of the update", it)
	}
	seen = ix.IndexTime()
	if got := ix.NewSince(seen); got != nil {
		t.Errorf("new since the index time: %v", got)
	}
	ix.Close()

	// A changed file keeps its time; a second new one is new since seen.
	write("one", "One, edited")
	addZeitgeist(t, src)
	write("two", "Two")
	ix = open(Options{})
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"new/two"}) {
		t.Errorf("after editing two and adding one: new %v", got)
	}
	if got := ix.NewSince(time.Time{}); !slices.Equal(got, []string{"new/one", "new/two"}) {
		t.Errorf("all pieces added after the first build: %v", got)
	}
	times := addedTimes(t, ix)
	seenTwo := ix.IndexTime()
	ix.Close()

	// A rebuild from scratch, and a build after a schema change, keep
	// the times.
	ix = open(Options{Rebuild: true})
	if !ix.Stats().Rebuilt || !slices.Equal(addedTimes(t, ix), times) || !ix.IndexTime().Equal(seenTwo) {
		t.Errorf("rebuild: %+v, times %v, want %v", ix.Stats(), addedTimes(t, ix), times)
	}
	ix.Close()
	m, _ := readManifest(liveGen(t, dir))
	m.loadFiles()
	m.Schema = SchemaVersion - 1
	if err := writeManifest(liveGen(t, dir), m); err != nil {
		t.Fatal(err)
	}
	write("three", "Three")
	ix = open(Options{})
	if !ix.Stats().Rebuilt {
		t.Errorf("old schema not rebuilt: %+v", ix.Stats())
	}
	if got := ix.NewSince(seenTwo); !slices.Equal(got, []string{"new/three"}) {
		t.Errorf("after a schema change: new %v", got)
	}
	ix.Close()

	// A cache deleted: nothing can be told, nothing is new.
	os.RemoveAll(dir)
	ix = open(Options{})
	defer ix.Close()
	if got := ix.NewSince(time.Time{}); got != nil {
		t.Errorf("after deleting the cache: new %v", got)
	}
}

// addedTimes are the times the index records of when each piece was first
// indexed, in ID order.
func addedTimes(t *testing.T, ix *Index) []int64 {
	t.Helper()
	var times []int64
	if err := ix.lengths.each(func(_ []byte, added int64) { times = append(times, added) }); err != nil {
		t.Fatal(err)
	}
	return times
}

// An update's gone pieces (build.gone), from its deletes, a rebuild's
// carried pieces and files gone while it read them, are each Print's one
// piece, or none of two: the three record them through goneOne, and those
// deleted are departed (depart).
func TestGoneOnePieceOfAPrint(t *testing.T) {
	b := &build{}
	b.depart(departed{ID: "a", Print: 1, Added: 10, At: 5, Size: 3})
	b.goneOne(2, "b", 20)
	b.depart(departed{ID: "c", Print: 3, Added: 30, Size: -1})
	b.goneOne(3, "d", 40) // a second piece of Print 3
	if want := map[uint64]gonePiece{1: {"a", 10}, 2: {"b", 20}, 3: {}}; !maps.Equal(b.gone, want) {
		t.Errorf("gone %v, want %v", b.gone, want)
	}
	if want := []departed{{ID: "a", Print: 1, Added: 10, At: 5, Size: 3}, {ID: "c", Print: 3, Added: 30, Size: -1}}; !slices.Equal(b.departed, want) {
		t.Errorf("departed %v, want %v", b.departed, want)
	}
}
