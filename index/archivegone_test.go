package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// An archive whose folder is moved away while a reader has it open (and
// moved back, or a checkout or a mount that comes and goes) is not an
// archive of no pieces: the refresh fails, saying so, and the index keeps
// every piece and the time each was added (what a saved search counts as
// new). Found by a helper: the reader published a generation of 0 pieces,
// and every piece was new after the folder came back.
func TestArchiveFolderGoneIsNotEmpty(t *testing.T) {
	for _, how := range []string{"archive.Source", "os.DirFS"} {
		t.Run(how, func(t *testing.T) {
			src, dir := writeFixtures(t), t.TempDir()
			fsys := fs.FS(os.DirFS(src))
			if how == "archive.Source" {
				var err error
				if _, fsys, err = archive.Source(src); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{Dir: dir}
			ix := openWithOneNew(t, src, fsys, opts)
			n, before := ix.Count(), ix.NewSince(time.Time{})
			if n < 2 || len(before) != 1 {
				t.Fatalf("%d pieces, %d new; want 1 new", n, len(before))
			}

			away := src + "-away"
			if err := os.Rename(src, away); err != nil {
				t.Fatal(err)
			}
			changed, err := ix.Refresh(context.Background(), opts)
			if err == nil || changed || !strings.Contains(err.Error(), src) {
				t.Errorf("refresh of a folder moved away: changed %v, error %v (want one naming %s)", changed, err, src)
			}
			if got := ix.Count(); got != n {
				t.Errorf("%d pieces after the folder went, want %d", got, n)
			}
			if _, err := Open(context.Background(), src, fsys, Options{Dir: t.TempDir()}); err == nil {
				t.Error("no error opening an archive whose folder is gone")
			}

			if err := os.Rename(away, src); err != nil {
				t.Fatal(err)
			}
			if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
				t.Errorf("refresh with the folder back: changed %v, %v (want unchanged)", changed, err)
			}
			if after := ix.NewSince(time.Time{}); ix.Count() != n || !slices.Equal(after, before) {
				t.Errorf("with the folder back: %d pieces, added %v; want %d, %v", ix.Count(), after, n, before)
			}
		})
	}
}

// flapFS: the archive's folder cannot be listed once (moved away for a
// moment, a mount coming back), then can.
type flapFS struct {
	fs.FS
	fail atomic.Int32
}

func (f *flapFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." && f.fail.Add(-1) >= 0 {
		return nil, &fs.PathError{Op: "readdir", Path: ".", Err: errors.New("gone")}
	}
	return fs.ReadDir(f.FS, name)
}

// A refresh whose scan cannot read the archive's folder fails; it does
// not build an index in memory, which would scan again (the folder back by
// then) and take the cache's place with a false reason, the pieces' added
// times lost (a review's report).
func TestArchiveFolderGoneIsNoMemoryFallback(t *testing.T) {
	src, dir := writeFixtures(t), t.TempDir()
	fsys := &flapFS{FS: os.DirFS(src)}
	opts := Options{Dir: dir}
	ix := openWithOneNew(t, src, fsys, opts)
	before := ix.NewSince(time.Time{})
	if err := os.WriteFile(filepath.Join(src, "later2.md"), []byte(laterPiece), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys.fail.Store(1) // the disk view's scan fails; the next scan works
	changed, err := ix.Refresh(context.Background(), opts)
	if err == nil || changed || ix.Fallback() != "" {
		t.Errorf("changed %v, error %v, fallback %q: want the error, the cache kept", changed, err, ix.Fallback())
	}
	if after := ix.NewSince(time.Time{}); len(after) != len(before) {
		t.Errorf("new pieces %v, want %v", after, before)
	}
}

const laterPiece = "---\ntitle: Added later\ndate: 2017-05-01\n---\nA piece added after the first build.\n"

// openWithOneNew opens the archive at src, then adds a piece to it and
// refreshes: the first build's pieces are there from the start, the one
// added is the only one new (NewSince).
func openWithOneNew(t *testing.T, src string, fsys fs.FS, opts Options) *Index {
	t.Helper()
	ix, err := Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := os.WriteFile(filepath.Join(src, "later.md"), []byte(laterPiece), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	return ix
}

// lockFS: the folder "b" cannot be listed while locked (its permissions
// taken away, an I/O error): the scan cannot tell what is in it.
type lockFS struct {
	fs.FS
	locked atomic.Bool
}

func (f *lockFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "b" && f.locked.Load() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return fs.ReadDir(f.FS, name)
}

// Open fails under b while it is locked, as a folder without permissions.
func (f *lockFS) Open(name string) (fs.File, error) {
	if (name == "b" || strings.HasPrefix(name, "b/")) && f.locked.Load() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

// A subfolder that cannot be listed for a while keeps its pieces in the
// index, with the times they were added, and the problem is said; what
// changed where the scan could see is taken in. While it stays so, the
// index is current (no refresh does work again and again); once it can
// be listed, its pieces are as they were. Before, its pieces were deleted
// and came back as new.
func TestUnlistableFolderKeepsItsPieces(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	texts := map[string]string{}
	for _, p := range []string{"a/x.md", "a/w.md", "b/y.md", "b/z.md"} {
		texts[p] = "Text of " + p + "."
	}
	writePieces(t, src, texts)
	fsys, ix, opts := openLocked(t, src, dir)
	if err := os.WriteFile(filepath.Join(src, "b/later.md"), []byte(laterPiece), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := ix.NewSince(time.Time{})
	if ix.Count() != 5 || len(before) != 1 {
		t.Fatalf("%d pieces, new %v; want 5, 1 new", ix.Count(), before)
	}

	fsys.locked.Store(true)
	if err := os.Remove(filepath.Join(src, "a/x.md")); err != nil {
		t.Fatal(err)
	}
	changed, err := ix.Refresh(context.Background(), opts)
	if err != nil || !changed {
		t.Fatalf("refresh with b locked and a/x.md removed: changed %v, %v", changed, err)
	}
	if ix.Count() != 4 {
		t.Errorf("%d pieces with b locked, want 4 (a/x.md gone, b's kept)", ix.Count())
	}
	if after := ix.NewSince(time.Time{}); !slices.Equal(after, before) {
		t.Errorf("new pieces %v with b locked, want %v", after, before)
	}
	said := false
	for _, p := range ix.Problems() {
		// a note, not a file skipped: its pieces are kept
		said = said || p.Path == "b" && strings.Contains(p.Msg, "cannot read") && strings.Contains(p.Msg, "keeps") && !p.Fatal
	}
	if !said {
		t.Errorf("problems %v: want b's", ix.Problems())
	}
	if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
		t.Errorf("second refresh with b locked: changed %v, %v (want current)", changed, err)
	}
	other, err := Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	if n, st := other.Count(), other.Stats(); n != 4 || !st.Unchanged {
		t.Errorf("another open with b locked: %d pieces, unchanged %v; want 4, true", n, st.Unchanged)
	}
	other.Close()
	cached, err := OpenCached(src, fsys, Options{Dir: dir, Once: true})
	if err != nil {
		t.Fatal(err)
	}
	if !cached.Verify() || cached.Count() != 4 {
		t.Errorf("the cached index with b locked: verified %v, %d pieces; want current, 4", cached.Verify(), cached.Count())
	}
	// b is a folder not read, whose pieces are kept: no file skipped, no
	// piece noted (before, b counted as "a piece loaded with a note")
	if skipped, noted := archive.CountFiles(cached.Problems()); skipped != 0 || noted != 0 || archive.CountFolders(cached.Problems()) != 1 {
		t.Errorf("the cached index with b locked: %d files skipped, %d noted, %d folders in %v; want 0, 0, 1",
			skipped, noted, archive.CountFolders(cached.Problems()), cached.Problems())
	}
	cached.Close()

	fsys.locked.Store(false)
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
		t.Errorf("second refresh with b back: changed %v, %v (want current)", changed, err)
	}
	if after := ix.NewSince(time.Time{}); ix.Count() != 4 || !slices.Equal(after, before) {
		t.Errorf("with b back: %d pieces, new %v; want 4, %v", ix.Count(), after, before)
	}
	for _, p := range ix.Problems() {
		if p.Path == "b" {
			t.Errorf("problem %v with b back", p)
		}
	}
}

// writePieces writes a piece at each path under src, its text the words
// given.
func writePieces(t *testing.T, src string, texts map[string]string) {
	t.Helper()
	for p, text := range texts {
		if err := os.MkdirAll(filepath.Join(src, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		body := "---\ntitle: Piece " + p + "\ndate: 2017-01-01\n---\n" + text + "\n"
		if err := os.WriteFile(filepath.Join(src, p), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// openLocked opens the archive src (its folder b lockable) with the cache
// in dir; the index is closed when the test ends.
func openLocked(t *testing.T, src, dir string) (*lockFS, *Index, Options) {
	t.Helper()
	fsys := &lockFS{FS: os.DirFS(src)}
	opts := Options{Dir: dir}
	ix, err := Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return fsys, ix, opts
}

// What the index keeps of a folder it cannot list goes when the folder
// goes, or when a file in it went meanwhile (a review's report: the
// fingerprint left the kept files out, so the scan without the folder
// matched it and the pieces stayed for good); a file there whose name
// slugs as a piece's elsewhere keeps its own id, unread (the review, when
// the two shared one: it was put to be read, failed, and the other file's
// text stayed under its ID); a build's second round (a file unusable) keeps the marks (the
// review: it cleared them, and one more generation was written).
func TestUnlistableFolderGoneOrChanged(t *testing.T) {
	t.Run("folder gone", func(t *testing.T) {
		src, dir := t.TempDir(), t.TempDir()
		writePieces(t, src, map[string]string{"a/x.md": "alpha", "b/y.md": "beta", "b/z.md": "beta"})
		fsys, ix, opts := openLocked(t, src, dir)
		fsys.locked.Store(true)
		if _, err := ix.Refresh(context.Background(), opts); err != nil || ix.Count() != 3 {
			t.Fatalf("b locked: %d pieces, %v", ix.Count(), err)
		}
		if err := os.RemoveAll(filepath.Join(src, "b")); err != nil {
			t.Fatal(err)
		}
		fsys.locked.Store(false)
		if changed, err := ix.Refresh(context.Background(), opts); !changed || err != nil || ix.Count() != 1 {
			t.Errorf("b gone: changed %v, %v, %d pieces (want 1)", changed, err, ix.Count())
		}
		other, err := Open(context.Background(), src, fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		if other.Count() != 1 {
			t.Errorf("another open with b gone: %d pieces", other.Count())
		}
		other.Close()
	})
	t.Run("file gone, folder locked again", func(t *testing.T) {
		src, dir := t.TempDir(), t.TempDir()
		writePieces(t, src, map[string]string{"a/x.md": "alpha", "b/y.md": "beta", "b/z.md": "beta"})
		fsys, ix, opts := openLocked(t, src, dir)
		fsys.locked.Store(true)
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(src, "b/y.md")); err != nil {
			t.Fatal(err)
		}
		fsys.locked.Store(false)
		if _, err := ix.Refresh(context.Background(), opts); err != nil || ix.Count() != 2 {
			t.Errorf("b/y.md gone: %d pieces, %v (want 2)", ix.Count(), err)
		}
	})
	t.Run("duplicate unread", func(t *testing.T) {
		src, dir := t.TempDir(), t.TempDir()
		writePieces(t, src, map[string]string{"B/x.md": "upperword", "b/x.md": "lowerword", "a/w.md": "alpha"})
		fsys, ix, opts := openLocked(t, src, dir)
		hits := func(w string) int { return run(t, ix, Query{Text: w}).Total }
		if hits("upperword") != 1 || hits("lowerword") != 1 {
			t.Fatalf("B/x.md and b/x.md should be pieces: upper %d, lower %d", hits("upperword"), hits("lowerword"))
		}
		fsys.locked.Store(true)
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(src, "B")); err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if hits("upperword") != 0 {
			t.Errorf("B/x.md gone, b locked: its text still found")
		}
		fsys.locked.Store(false)
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if hits("upperword") != 0 || hits("lowerword") != 1 || ix.Count() != 2 {
			t.Errorf("b back: upper %d, lower %d, %d pieces; want 0, 1, 2", hits("upperword"), hits("lowerword"), ix.Count())
		}
	})
	t.Run("second round", func(t *testing.T) {
		src, dir := t.TempDir(), t.TempDir()
		writePieces(t, src, map[string]string{"a/x.md": "alpha", "b/y.md": "beta"})
		fsys, ix, opts := openLocked(t, src, dir)
		fsys.locked.Store(true)
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		// an unusable file: the build plans a second round
		if err := os.WriteFile(filepath.Join(src, "a/bad.md"), []byte("---\ndate: 2017-01-01\n---\nno title\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Refresh(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil || ix.Count() != 2 {
			t.Errorf("after the second round: changed %v, %v, %d pieces (want current, 2)", changed, err, ix.Count())
		}
	})
}

// The note says what the index keeps: a folder that cannot be read at the
// first build is a file skipped, not pieces kept (a second review's
// report: it said "keeps what it last read" of pieces it never had); a
// rebuild from scratch, which would drop what it keeps with the times the
// pieces were added, is refused; a kept file whose duplicate's owner went
// is not named a duplicate of a file that is gone.
func TestUnlistableFolderNotesAndRebuild(t *testing.T) {
	src, dir := t.TempDir(), t.TempDir()
	writePieces(t, src, map[string]string{"a/x.md": "alpha", "b/y.md": "beta", "b/z.md": "beta"})
	fsys := &lockFS{FS: os.DirFS(src)}
	opts := Options{Dir: dir}
	fsys.locked.Store(true)
	ix, err := Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	// a folder not read, not a file skipped
	if skipped, noted := archive.CountFiles(ix.Problems()); ix.Count() != 1 || skipped != 0 || noted != 0 || archive.CountFolders(ix.Problems()) != 1 {
		t.Errorf("first build with b locked: %d pieces, %d skipped, %d noted, %d folders (%v); want 1, 0, 0, 1",
			ix.Count(), skipped, noted, archive.CountFolders(ix.Problems()), ix.Problems())
	}
	ix.Close()

	fsys.locked.Store(false)
	ix, err = Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fsys.locked.Store(true)
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	var note string
	for _, p := range ix.Problems() {
		if p.Path == "b" && !p.Fatal {
			note = p.Msg
		}
	}
	if !strings.Contains(note, "keeps the 2 piece(s)") {
		t.Errorf("b locked after a build: note %q, problems %v", note, ix.Problems())
	}
	if _, err := Open(context.Background(), src, fsys, Options{Dir: dir, Rebuild: true}); err == nil || !strings.Contains(err.Error(), "not rebuilt") {
		t.Errorf("a rebuild with b locked: %v, want it refused", err)
	}
	if ix.Count() != 3 {
		t.Errorf("%d pieces after the refused rebuild", ix.Count())
	}

	// a duplicate whose owner goes while b is locked
	writePieces(t, src, map[string]string{"B/y.md": "upper"})
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(src, "B")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	for _, p := range ix.Problems() {
		if strings.Contains(p.Msg, "B/y.md") {
			t.Errorf("B/y.md gone, still named: %v", p)
		}
	}
	fsys.locked.Store(false)
	if _, err := ix.Refresh(context.Background(), opts); err != nil || ix.Count() != 3 || len(ix.Problems()) != 0 {
		t.Errorf("b back: %d pieces, %v, problems %v; want 3, none", ix.Count(), err, ix.Problems())
	}
}

// fileLockFS: the file a/y.md cannot be opened while locked (its
// permissions taken away); its folder lists it.
type fileLockFS struct {
	fs.FS
	locked atomic.Bool
	// readErr, when set, is what reading a/y.md fails with while locked
	// (it opens): an I/O error; else opening it is refused
	readErr error
}

func (f *fileLockFS) Open(name string) (fs.File, error) {
	if name == "a/y.md" && f.locked.Load() {
		if f.readErr != nil {
			file, err := f.FS.Open(name)
			return failingFile{file, &fs.PathError{Op: "read", Path: name, Err: f.readErr}}, err
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

// failingFile is a file whose reads fail with err.
type failingFile struct {
	fs.File
	err error
}

func (f failingFile) Read([]byte) (int, error) { return 0, f.err }

// Stat states it still, as a folder's listing does.
func (f *fileLockFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(f.FS, name) }

// A file whose permissions are taken away keeps its piece as last read,
// with the time it was added, and a note (a review's report: it was
// deleted, "0 removed", and came back as new); while it stays so the index
// is current; given back (its change time moves), it is read again. So
// does a file a disk fails to read (EIO): it was deleted, "1 removed".
func TestUnreadableFileKeepsItsPiece(t *testing.T) {
	for _, readErr := range []error{nil, syscall.EIO} {
		t.Run(fmt.Sprint(readErr), func(t *testing.T) { testUnreadableFileKeepsItsPiece(t, readErr) })
	}
}

func testUnreadableFileKeepsItsPiece(t *testing.T, readErr error) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no file is racy
	src, dir := t.TempDir(), t.TempDir()
	writePieces(t, src, map[string]string{"a/x.md": "alpha"})
	fsys := &fileLockFS{FS: os.DirFS(src), readErr: readErr}
	opts := Options{Dir: dir}
	ix, err := Open(context.Background(), src, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	writePieces(t, src, map[string]string{"a/y.md": "yakword"})
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := ix.NewSince(time.Time{})
	if ix.Count() != 2 || len(before) != 1 {
		t.Fatalf("%d pieces, new %v", ix.Count(), before)
	}
	touch := func(at time.Time) {
		if err := os.Chtimes(filepath.Join(src, "a/y.md"), at, at); err != nil {
			t.Fatal(err)
		}
	}
	fsys.locked.Store(true)
	touch(time.Now().Add(-time.Hour)) // as a chmod moves its ctime
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if after := ix.NewSince(time.Time{}); ix.Count() != 2 || !slices.Equal(after, before) || run(t, ix, Query{Text: "yakword"}).Total != 1 {
		t.Errorf("a/y.md unreadable: %d pieces, new %v; want 2, %v, its text found", ix.Count(), after, before)
	}
	noted := false
	for _, p := range ix.Problems() {
		noted = noted || p.Path == "a/y.md" && !p.Fatal && strings.Contains(p.Msg, "keeps the piece") &&
			(readErr == nil || strings.Contains(p.Msg, "input/output error") && strings.Contains(p.Msg, "--rebuild"))
	}
	if skipped, _ := archive.CountFiles(ix.Problems()); !noted || skipped != 0 {
		t.Errorf("problems %v: want a/y.md's note, nothing skipped", ix.Problems())
	}
	if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
		t.Errorf("again with a/y.md unreadable: changed %v, %v (want current)", changed, err)
	}
	fsys.locked.Store(false)
	touch(time.Now().Add(-30 * time.Minute))
	if _, err := ix.Refresh(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if ix.Count() != 2 || len(ix.Problems()) != 0 || !slices.Equal(ix.NewSince(time.Time{}), before) {
		t.Errorf("a/y.md readable again: %d pieces, problems %v, new %v", ix.Count(), ix.Problems(), ix.NewSince(time.Time{}))
	}
}
