package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestRenamedKeepsItsTime: a file renamed or moved (its ID changes, its
// title, date and authors do not) is the same piece: it keeps the time it
// was first indexed, so a saved search does not count it as new, and
// Stats.Renamed names the pair. Two pieces alike moved at once, or a
// piece whose title changed with its name, are not followed.
func TestRenamedKeepsItsTime(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(src, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\nauthor: Ana Ruiz\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
	}
	move := func(from, to string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(filepath.Join(src, to)), 0o755)
		if err := os.Rename(filepath.Join(src, from), filepath.Join(src, to)); err != nil {
			t.Fatal(err)
		}
	}
	open := func() *Index {
		t.Helper()
		ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write("keep.md", "Kept")
	ix := open()
	ix.Close()
	write("moved.md", "Moved")
	write("twin-a.md", "Twin")
	write("twin-b.md", "Twin")
	write("retitled.md", "Retitled")
	ix = open()
	if got := ix.NewSince(time.Time{}); len(got) != 4 {
		t.Fatalf("new after adding four: %v", got)
	}
	seen := ix.IndexTime()
	times := addedByID(t, ix)
	ix.Close()

	move("moved.md", "2020/moved-here.md")
	move("twin-a.md", "x/twin-a.md")
	move("twin-b.md", "x/twin-b.md")
	os.Remove(filepath.Join(src, "retitled.md"))
	write("retitled-now.md", "Retitled, and renamed")
	ix = open()
	defer ix.Close()
	if got := ix.Stats().Renamed; len(got) != 1 || got[0].From != "moved" || got[0].To != "2020/moved-here" || got[0].At == 0 {
		t.Errorf("renamed %v, want moved → 2020/moved-here", got)
	}
	if got := ix.LastRenamed(); len(got) != 1 || got[0].From != "moved" {
		t.Errorf("last renamed %v", got)
	}
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"retitled-now", "x/twin-a", "x/twin-b"}) {
		t.Errorf("new since the last look: %v (the moved piece is not new)", got)
	}
	if got := addedByID(t, ix)["2020/moved-here"]; got != times["moved"] || got == 0 {
		t.Errorf("moved piece's time %v, want %v", got, times["moved"])
	}

	// Nothing renamed by the next update.
	write("another.md", "Another")
	if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if got := ix.Stats().Renamed; got != nil {
		t.Errorf("renamed after an update that renamed nothing: %v", got)
	}
	// kept for the folios that did not follow it, while it holds
	if got := ix.LastRenamed(); len(got) != 1 || got[0].From != "moved" {
		t.Errorf("last renamed after an update that renamed nothing: %v", got)
	}
	// a new piece at the old ID: the rename is no longer kept
	write("moved.md", "A new piece where the old one was")
	if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if got := ix.LastRenamed(); got != nil {
		t.Errorf("last renamed after a piece took the old ID: %v", got)
	}
}

// addedByID is the time each piece of ix was first indexed.
func addedByID(t *testing.T, ix *Index) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	if err := ix.lengths.each(func(id []byte, added int64) { out[string(id)] = added }); err != nil {
		t.Fatal(err)
	}
	return out
}

// A piece that leaves and comes back (a git branch switched back) keeps
// the time it was first indexed: it is not new again; another piece at
// its ID is (a helper's report: "2 new" for two pieces already seen).
func TestDepartedPieceComesBackNotNew(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(src, rel)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
	}
	update := func() *Index {
		t.Helper()
		ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write("base.md", "Base")
	update().Close()
	write("p1.md", "One")
	write("p2.md", "Two")
	ix := update()
	seen := ix.IndexTime()
	ix.Close()
	for _, n := range []string{"p1.md", "p2.md"} {
		os.Rename(filepath.Join(src, n), filepath.Join(t.TempDir(), n))
	}
	update().Close() // the other branch: both gone
	rebuilt, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir, Rebuild: true})
	if err != nil || !rebuilt.Stats().Rebuilt {
		t.Fatal(err, rebuilt.Stats())
	}
	rebuilt.Close() // folio index --rebuild keeps what left
	write("p1.md", "One")
	write("p2.md", "Another piece")
	ix = update()
	defer ix.Close()
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"p2"}) {
		t.Errorf("new since the last look: %v, want only p2 (p1 came back as it was)", got)
	}
}

// TestRebuildFollowsIDChanges: a build from scratch follows the pieces
// whose ID changed as renames, as an update does: one whose ID the old
// schema made otherwise (`cafe\u0301.md` was `cafe` before schema 41 kept
// its accent), and one whose file moved while no folio ran before
// `folio index --rebuild`. Each keeps its time (not new), and
// Stats.Renamed names it, so that its marks can follow.
func TestRebuildFollowsIDChanges(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(src, rel)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\nauthor: Ana Ruiz\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
	}
	open := func(opts Options) *Index {
		t.Helper()
		opts.Dir = dir
		ix, err := Open(context.Background(), src, os.DirFS(src), opts)
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write("keep.md", "Kept")
	ix := open(Options{})
	ix.Close()
	write("cafe\u0301.md", "Café")
	write("moved.md", "Moved")
	write("twin.md", "Twin")
	ix = open(Options{})
	seen := ix.IndexTime()
	times := addedByID(t, ix)
	ix.Close()
	if times["café"] == 0 || times["moved"] == 0 {
		t.Fatalf("times %v", times)
	}

	// The manifest as the old schema wrote it: the accent was a dash
	// (a word's end) and the ID was cut there.
	m, err := readManifest(liveGen(t, dir))
	if err != nil || m.loadFiles() != nil {
		t.Fatal(err)
	}
	e := m.Files["cafe\u0301.md"]
	if e.ID != "café" {
		t.Fatalf("the NFD name's ID: %q", e.ID)
	}
	e.ID = "cafe"
	m.Files["cafe\u0301.md"] = e
	m.Schema = SchemaVersion - 1
	if err := writeManifest(liveGen(t, dir), m); err != nil {
		t.Fatal(err)
	}
	ix = open(Options{})
	if !ix.Stats().Rebuilt {
		t.Fatalf("old schema not rebuilt: %+v", ix.Stats())
	}
	if got := ix.Stats().Renamed; len(got) != 1 || got[0].From != "cafe" || got[0].To != "café" {
		t.Errorf("renamed by the schema's IDs: %v, want cafe → café", got)
	}
	if got := ix.NewSince(seen); got != nil {
		t.Errorf("new after the schema's rebuild: %v", got)
	}
	ix.Close()

	// Moved while no folio ran, then rebuilt; a twin of another title
	// added meanwhile is new.
	if err := os.Rename(filepath.Join(src, "moved.md"), filepath.Join(src, "moved-here.md")); err != nil {
		t.Fatal(err)
	}
	write("other.md", "Other")
	ix = open(Options{Rebuild: true})
	defer ix.Close()
	if got := ix.Stats().Renamed; len(got) != 1 || got[0].From != "moved" || got[0].To != "moved-here" {
		t.Errorf("renamed by a rebuild: %v, want moved → moved-here", got)
	}
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"other"}) {
		t.Errorf("new after the rebuild: %v, want [other]", got)
	}
	if got := addedByID(t, ix); got["moved-here"] != times["moved"] || got["café"] != times["café"] {
		t.Errorf("times after the rebuild: %v, want those of %v", got, times)
	}
}

// An archive folder moved to another path (the same base name) is indexed
// from nothing in a cache named after its new path, and takes when each
// piece came from the cache of its old path, gone: a piece not yet seen
// by a saved search is still new there, and the others are not (a
// helper's report: after the move nothing was new).
func TestMovedArchiveKeepsWhenPiecesCame(t *testing.T) {
	root, caches := t.TempDir(), t.TempDir()
	old := filepath.Join(root, "a", "arch")
	write := func(dir, name, title string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-time.Hour)
		os.Chtimes(p, then, then)
	}
	open := func(arch string) *Index {
		t.Helper()
		ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: filepath.Join(caches, cacheKey(arch))})
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write(old, "one.md", "One")
	ix := open(old)
	ix.Close()
	write(old, "two.md", "Two")
	ix = open(old)
	seen := ix.IndexTime()
	ix.Close()
	write(old, "three.md", "Three") // not indexed before the move
	moved := filepath.Join(root, "b", "arch")
	if err := os.MkdirAll(filepath.Dir(moved), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(old, moved); err != nil {
		t.Fatal(err)
	}
	ix = open(moved)
	defer ix.Close()
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"three"}) {
		t.Errorf("new after the move: %v, want [three]", got)
	}
	if got := ix.NewSince(time.Time{}); !slices.Equal(got, []string{"three", "two"}) {
		t.Errorf("added after the first build: %v, want [three two]", got)
	}
}

// A folder of the same base name that is not the moved one (most of its
// pieces unknown to the gone folder's cache) takes nothing from it: its
// pieces are there from the start, as in any first build (a review: a
// folder deleted and another made counted its pieces new).
func TestAnotherFolderOfTheNameTakesNoTimes(t *testing.T) {
	root, caches := t.TempDir(), t.TempDir()
	old := filepath.Join(root, "a", "notes")
	write := func(dir, name string) {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("---\ntitle: "+name+"\ndate: 2020-01-01\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-time.Hour)
		os.Chtimes(p, then, then)
	}
	open := func(arch string) *Index {
		t.Helper()
		ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: filepath.Join(caches, cacheKey(arch))})
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	write(old, "one.md")
	open(old).Close()
	write(old, "two.md")
	open(old).Close()
	if err := os.RemoveAll(old); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "b", "notes")
	for _, n := range []string{"one.md", "alpha.md", "beta.md"} {
		write(other, n)
	}
	ix := open(other)
	defer ix.Close()
	if got := ix.NewSince(time.Time{}); got != nil {
		t.Errorf("another folder of the name: %v new, want none", got)
	}
}

// TestRebuildFollowsALetterlessName: notes/🎉.md was notes, suffixed
// (beside notes.md), before schema 44 named it by its characters under its
// folder; the rebuild follows notes-xxxx → notes/u1f389 as a rename, so
// its marks follow it (a helper's report).
func TestRebuildFollowsALetterlessName(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(src, "notes"), 0o755)
	for _, f := range []string{"notes.md", "notes/🎉.md"} {
		if err := os.WriteFile(filepath.Join(src, f), []byte("---\ntitle: "+f+"\ndate: 2020-01-01\n---\nA body of "+f+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open := func() *Index {
		t.Helper()
		ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
		if err != nil || ix.Fallback() != "" {
			t.Fatal(err, ix.Fallback())
		}
		return ix
	}
	ix := open()
	if a, err := ix.Article("notes/u1f389"); err != nil || a.Path != "notes/🎉.md" {
		t.Fatalf("notes/u1f389: %s, %v", a.Path, err)
	}
	ix.Close()
	// the manifest as the schema before wrote it
	m, err := readManifest(liveGen(t, dir))
	if err != nil || m.loadFiles() != nil {
		t.Fatal(err)
	}
	e := m.Files["notes/🎉.md"]
	old := "notes-2386" // the slug of its folder, suffixed
	e.ID = old
	m.Files["notes/🎉.md"] = e
	m.Schema = SchemaVersion - 1
	if err := writeManifest(liveGen(t, dir), m); err != nil {
		t.Fatal(err)
	}
	ix = open()
	defer ix.Close()
	if got := ix.Stats().Renamed; len(got) != 1 || got[0].From != old || got[0].To != "notes/u1f389" {
		t.Errorf("renamed by the schema's ids: %v, want %s → notes/u1f389", got, old)
	}
}

// TestMovedAcrossTwoUpdates: a file moved out of the archive (an update
// deletes it) and back under another name (the next adds it) is the
// piece renamed: it keeps its time, and Stats.Renamed names the pair, so
// its marks follow (a helper's report: the star stayed on the old ID, and
// a saved search counted it new). As an update's rename: not when two
// departed pieces have its Print, nor when a piece has taken the old ID,
// nor when another piece of the archive has the Print (the departed one
// renamed already, or a copy); a departed piece taken once is not taken
// again.
func TestMovedAcrossTwoUpdates(t *testing.T) {
	src, dir, away := t.TempDir(), t.TempDir(), t.TempDir()
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(src, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\nauthor: Ana Ruiz\n---\nA body.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
	}
	mv := func(from, to string) {
		t.Helper()
		f, tt := filepath.Join(src, from), filepath.Join(src, to)
		if filepath.IsAbs(from) {
			f = from
		}
		if filepath.IsAbs(to) {
			tt = to
		}
		os.MkdirAll(filepath.Dir(tt), 0o755)
		if err := os.Rename(f, tt); err != nil {
			t.Fatal(err)
		}
	}
	var ix *Index
	update := func() Stats {
		t.Helper()
		if ix == nil {
			var err error
			if ix, err = Open(context.Background(), src, os.DirFS(src), Options{Dir: dir}); err != nil || ix.Fallback() != "" {
				t.Fatal(err, ix.Fallback())
			}
			return ix.Stats()
		}
		if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
			t.Fatal(err)
		}
		return ix.Stats()
	}
	defer func() { ix.Close() }()
	write("base.md", "Base")
	update()
	write("alone.md", "Alone")
	write("twin1.md", "Twin")
	write("twin2.md", "Twin")
	write("taken.md", "Taken")
	write("copied.md", "Copied")
	write("copy/copied.md", "Copied")
	update()
	seen := ix.IndexTime()
	times := addedByID(t, ix)

	mv("alone.md", filepath.Join(away, "alone.md"))
	mv("twin1.md", filepath.Join(away, "twin1.md"))
	mv("twin2.md", filepath.Join(away, "twin2.md"))
	mv("taken.md", filepath.Join(away, "taken.md"))
	mv("copied.md", filepath.Join(away, "copied.md"))
	if st := update(); st.Removed != 5 || st.Renamed != nil {
		t.Fatalf("moved away: %+v", st)
	}
	mv(filepath.Join(away, "alone.md"), "2020/alone-now.md")
	mv(filepath.Join(away, "twin1.md"), "twin-now.md")
	write("taken.md", "Another piece at the old ID")
	mv(filepath.Join(away, "taken.md"), "taken-now.md")
	mv(filepath.Join(away, "copied.md"), "copied-now.md")
	st := update()
	if want := []Rename{{From: "alone", To: "2020/alone-now"}}; len(st.Renamed) != 1 || st.Renamed[0].From != want[0].From || st.Renamed[0].To != want[0].To {
		t.Errorf("renamed %v, want %v", st.Renamed, want)
	}
	if got := addedByID(t, ix)["2020/alone-now"]; got != times["alone"] || got == 0 {
		t.Errorf("the moved piece's time %v, want %v", got, times["alone"])
	}
	if got := ix.NewSince(seen); !slices.Equal(got, []string{"copied-now", "taken", "taken-now", "twin-now"}) {
		t.Errorf("new since the last look: %v (the moved piece is not new)", got)
	}

	// moved so again: its ID before is no longer departed, which would
	// make two departed pieces of its Print
	mv("2020/alone-now.md", filepath.Join(away, "alone-now.md"))
	if st := update(); st.Removed != 1 || st.Renamed != nil {
		t.Fatalf("moved away again: %+v", st)
	}
	mv(filepath.Join(away, "alone-now.md"), "alone-again.md")
	if st := update(); len(st.Renamed) != 1 || st.Renamed[0].From != "2020/alone-now" || st.Renamed[0].To != "alone-again" {
		t.Errorf("moved back again: renamed %v", st.Renamed)
	}
	if got := addedByID(t, ix)["alone-again"]; got != times["alone"] {
		t.Errorf("the piece moved twice: time %v, want %v", got, times["alone"])
	}

	// another text of the same title, date and author, added after the
	// first was deleted, is a new piece, not its rename (a review: a
	// second "Introduction" took the first's star and time)
	write("intro.md", "Introduction")
	update()
	if err := os.Remove(filepath.Join(src, "intro.md")); err != nil {
		t.Fatal(err)
	}
	if st := update(); st.Removed != 1 {
		t.Fatalf("deleted: %+v", st)
	}
	p := filepath.Join(src, "intro-b.md")
	if err := os.WriteFile(p, []byte("---\ntitle: Introduction\ndate: 2020-01-01\nauthor: Ana Ruiz\n---\nAnother book's body.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st := update(); st.Renamed != nil {
		t.Errorf("another text taken for the deleted piece: renamed %v", st.Renamed)
	}
}

// goneFS: the files named in gone are listed by their folder but gone
// when opened, as files renamed while an update runs (after its scan).
type goneFS struct {
	fs.FS
	gone map[string]bool
}

// Stat states them still, as the scan found them.
func (f goneFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

func (f goneFS) Open(name string) (fs.File, error) {
	if f.gone[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.FS.Open(name)
}

// TestFilesGoneWhileAnUpdateRuns: files renamed after an update's scan,
// before it reads them, are not files skipped (a helper's report: "3
// file(s) skipped; folio check lists why", and check had none to list):
// the update takes out the piece such a file had, and the next, seeing
// the file under its new name, follows it as a rename.
func TestFilesGoneWhileAnUpdateRuns(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	write := func(rel, title, body string, age time.Duration) {
		t.Helper()
		p := filepath.Join(src, rel)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		os.Chtimes(p, old, old)
	}
	write("base.md", "Base", "A body.", time.Hour)
	write("edited.md", "Edited", "A body.", time.Hour)
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ix.Close() }()
	before := addedByID(t, ix)["edited"]
	ix.Close()

	write("edited.md", "Edited", "A longer body now.", 30*time.Minute)
	write("new.md", "New", "A body.", 30*time.Minute)
	fsys := goneFS{os.DirFS(src), map[string]bool{"edited.md": true, "new.md": true}}
	if ix, err = Open(context.Background(), src, fsys, Options{Dir: dir}); err != nil || ix.Fallback() != "" {
		t.Fatal(err, ix.Fallback())
	}
	if st := ix.Stats(); st.Removed != 1 || st.Indexed != 0 || len(ix.Problems()) != 0 || ix.Count() != 1 {
		t.Fatalf("files gone when read: %+v, problems %v, %d pieces", st, ix.Problems(), ix.Count())
	}
	ix.Close()

	if err := os.Rename(filepath.Join(src, "edited.md"), filepath.Join(src, "edited-now.md")); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(context.Background(), src, os.DirFS(src), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if st := ix.Stats(); len(st.Renamed) != 1 || st.Renamed[0].From != "edited" || st.Renamed[0].To != "edited-now" || st.Indexed != 2 {
		t.Errorf("the next update: %+v", st)
	}
	if got := addedByID(t, ix)["edited-now"]; got != before {
		t.Errorf("the renamed piece's time %v, want %v", got, before)
	}
}
