package index

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// addedFixture is an archive of the fixtures, indexed in a cache folder of
// its own, with helpers to open it, write a piece and remove one.
type addedFixture struct {
	t        *testing.T
	src, dir string
}

func newAddedFixture(t *testing.T) *addedFixture {
	f := &addedFixture{t: t, src: writeFixtures(t), dir: t.TempDir()}
	f.open(Options{}).Close() // the first build: every piece there from the start
	return f
}

func (f *addedFixture) open(opts Options) *Index {
	f.t.Helper()
	opts.Dir = f.dir
	ix, err := Open(context.Background(), f.src, os.DirFS(f.src), opts)
	if err != nil || ix.Fallback() != "" {
		f.t.Fatal(err, ix.Fallback())
	}
	return ix
}

// write writes new/name.md with the front matter given, its times a
// second on (not racy).
func (f *addedFixture) write(name, front string) {
	f.t.Helper()
	p := filepath.Join(f.src, "new", name+".md")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("---\n"+front+"\n---\nA body.\n"), 0o644); err != nil {
		f.t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	os.Chtimes(p, later, later)
}

func (f *addedFixture) remove(name string) {
	f.t.Helper()
	if err := os.Remove(filepath.Join(f.src, "new", name+".md")); err != nil {
		f.t.Fatal(err)
	}
}

// newSince opens the index and gives the pieces new since t, and the
// index time.
func (f *addedFixture) newSince(t time.Time) ([]string, time.Time) {
	f.t.Helper()
	ix := f.open(Options{})
	defer ix.Close()
	return ix.NewSince(t), ix.IndexTime()
}

// forgetDeparted drops the live manifest's departed pieces, as 30 days
// on (departedFor).
func (f *addedFixture) forgetDeparted() {
	f.t.Helper()
	m, err := readManifest(liveGen(f.t, f.dir))
	if err != nil || m.loadFiles() != nil {
		f.t.Fatal(err)
	}
	m.Departed = nil
	if err := writeManifest(liveGen(f.t, f.dir), m); err != nil {
		f.t.Fatal(err)
	}
}

// A piece added after the newest was deleted, the clock gone back (or
// another machine's, sharing the cache, behind), is new to a search seen
// through the deleted one: stamps never go back, across updates and a
// rebuild from scratch, once the deleted piece's departure is forgotten
// too (an attack: "K 4 pieces 0 new", and `--new` printed nothing).
func TestStampsNeverGoBack(t *testing.T) {
	f := newAddedFixture(t)
	f.write("x", "title: X\ndate: 2020-01-01")
	got, seen := f.newSince(time.Time{})
	if !slices.Equal(got, []string{"new/x"}) {
		t.Fatalf("after adding x: new %v", got)
	}
	f.remove("x")
	f.newSince(seen)

	defer func(f func() time.Time) { stampNow = f }(stampNow)
	stampNow = func() time.Time { return time.Now().Add(-time.Hour) }
	f.write("y", "title: Y\ndate: 2020-02-02")
	if got, _ := f.newSince(seen); !slices.Equal(got, []string{"new/y"}) {
		t.Errorf("the clock an hour behind, x deleted: new since x %v, want new/y", got)
	}

	// y deleted, its departure forgotten (30 days on), the index built
	// from scratch: z, added with the clock still behind, is new since y
	_, seen = f.newSince(seen)
	f.remove("y")
	f.newSince(seen)
	f.forgetDeparted()
	ix := f.open(Options{Rebuild: true})
	if !ix.Stats().Rebuilt {
		t.Fatalf("not rebuilt: %+v", ix.Stats())
	}
	ix.Close()
	f.write("z", "title: Z\ndate: 2020-03-03")
	if got, _ := f.newSince(seen); !slices.Equal(got, []string{"new/z"}) {
		t.Errorf("after y deleted and forgotten, and a rebuild: new since y %v, want new/z", got)
	}
}

// A piece whose file is made unusable for an update (its date broken:
// skipped, the piece taken out) and then mended keeps its time, whatever
// the mending changed, as an edit in place does: the file stayed (a
// helper's report: mended with its title edited, the piece was "1 new"
// and `--new` printed it). Through an update that reads the broken file
// again, and a build from scratch. A file added broken, mended, is new;
// so is a piece at the name of an unusable file deleted, made later.
func TestUnusableFileKeepsItsPiecesTime(t *testing.T) {
	f := newAddedFixture(t)
	f.write("k", "title: K\ndate: 2020-01-01")
	f.write("other", "title: Other\ndate: 2020-01-02")
	got, seen := f.newSince(time.Time{})
	if !slices.Equal(got, []string{"new/k", "new/other"}) {
		t.Fatalf("after adding k: new %v", got)
	}
	ix := f.open(Options{})
	times := addedTimes(t, ix)
	ix.Close()

	has := func(id string) bool {
		t.Helper()
		ix := f.open(Options{})
		defer ix.Close()
		ids, err := ix.IDs(func(got string) bool { return got == id }, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(ids) == 1
	}
	steps := []struct {
		name    string
		front   string
		rebuild bool
	}{
		{"broken", "title: K\ndate: 2020-01-", false},
		{"mended, its title edited", "title: K edited\ndate: 2020-01-01", false},
		{"broken again", "title: K\ndate: 2020-01-", false},
		{"still broken, edited", "title: K again\ndate: 2020-01-", false},
		{"still broken, rebuilt", "", true},
		{"mended as it was", "title: K\ndate: 2020-01-01", false},
	}
	for _, s := range steps {
		if s.rebuild {
			ix := f.open(Options{Rebuild: true})
			if !ix.Stats().Rebuilt {
				t.Fatalf("%s: not rebuilt", s.name)
			}
			ix.Close()
		} else {
			f.write("k", s.front)
		}
		got, _ := f.newSince(seen)
		if got != nil {
			t.Errorf("%s: new %v, want none", s.name, got)
		}
		if broken := strings.HasSuffix(s.front, "2020-01-") || s.front == ""; has("new/k") == broken {
			t.Errorf("%s: the index has new/k %v", s.name, !broken)
		}
	}
	ix = f.open(Options{})
	if got := addedTimes(t, ix); !slices.Equal(got, times) {
		t.Errorf("times after mending %v, want %v", got, times)
	}
	ix.Close()

	// a file added broken, then mended: new
	f.write("late", "title: Late\ndate: 2021-01-")
	f.newSince(seen)
	f.write("late", "title: Late\ndate: 2021-01-01")
	if got, _ := f.newSince(seen); !slices.Equal(got, []string{"new/late"}) {
		t.Errorf("a file added broken, mended: new %v, want new/late", got)
	}
	// k broken, deleted, then restored as it was (a branch switched
	// back, the trash): not new, as a piece deleted whole is not (40h)
	f.write("k", "title: K\ndate: 2020-01-")
	f.newSince(seen)
	f.remove("k")
	f.newSince(seen)
	f.write("k", "title: K\ndate: 2020-01-01")
	if got, _ := f.newSince(seen); !slices.Equal(got, []string{"new/late"}) {
		t.Errorf("k broken, deleted, restored: new %v, want new/late alone", got)
	}
	// k broken, deleted, and another k made later: new
	f.write("k", "title: K\ndate: 2020-01-")
	f.newSince(seen)
	f.remove("k")
	f.newSince(seen)
	f.write("k", "title: Another K\ndate: 2022-02-02")
	if got, _ := f.newSince(seen); !slices.Equal(got, []string{"new/k", "new/late"}) {
		t.Errorf("k broken, deleted, another made: new %v, want new/k new/late", got)
	}
}

// An update that adds no piece gives no stamp: with the clock an hour
// ahead, re-indexing an edited file raised the latest stamp to that
// clock, and every piece added after, the clock right again, was stamped
// an hour ahead (an attack, 40j: a machine whose clock runs ahead pushed
// later stamps into its future by editing).
func TestAnUpdateAddingNothingStampsNothing(t *testing.T) {
	f := newAddedFixture(t)
	f.write("x", "title: X\ndate: 2020-01-01")
	_, seen := f.newSince(time.Time{})
	defer func(f func() time.Time) { stampNow = f }(stampNow)
	stampNow = func() time.Time { return time.Now().Add(time.Hour) }
	f.write("x", "title: X edited\ndate: 2020-01-01")
	f.newSince(seen)
	stampNow = time.Now
	f.write("y", "title: Y\ndate: 2020-02-02")
	f.newSince(seen)
	ix := f.open(Options{})
	defer ix.Close()
	for _, at := range addedTimes(t, ix) {
		if time.Unix(0, at).After(time.Now().Add(30 * time.Minute)) {
			t.Errorf("a piece stamped %v, the clock ahead of an update that added nothing", time.Unix(0, at))
		}
	}
}
