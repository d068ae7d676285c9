package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/childtest"
)

// Two folios on one cache folder, as two processes: the owner's, which
// indexed the archive's files within RacyWindow of their writing (a copy
// into the archive and folio index at once), and a reader's, which may
// not take the writer's role (another folio holds it, or the cache is
// not the reader's to write). Before, the reader found the owner's racy
// entries to read again, could not, and said "index as it was" though
// the index held the files as they are, until R after the cache could
// be written; a refresh that found its generation current again kept the
// notice for good.

const (
	pieceA = "---\ntitle: A\ndate: 2020-01-01\n---\nText.\n"
	pieceB = "---\ntitle: B\ndate: 2020-01-02\n---\nText.\n"
	pieceC = "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n"
	pieceZ = "---\ntitle: Z\ndate: 2020-01-01\n---\nText.\n" // a.md's size
)

// ownerIndexes writes files into arch and has the owner's folio index
// them into the cache dir at once: within RacyWindow of their writing,
// however long the test took (readNow). It checks that the generation
// records them racy, with their texts' hashes.
func ownerIndexes(t *testing.T, arch, dir string, files map[string]string) {
	t.Helper()
	dupWrite(t, arch, files)
	var newest time.Time
	for p := range files {
		st, err := os.Stat(filepath.Join(arch, p))
		if err != nil {
			t.Fatal(err)
		}
		if st.ModTime().After(newest) {
			newest = st.ModTime()
		}
	}
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return newest.Add(RacyWindow / 2) }
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	hold, err := holdCurrent(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.release()
	m, err := readManifest(hold.dir)
	if err == nil {
		err = m.loadFiles()
	}
	if err != nil {
		t.Fatal(err)
	}
	for p := range files {
		if e := m.Files[p]; e.MTime != racyMTime || e.Hash == "" {
			t.Fatalf("%s recorded %+v: not racy, the test would not test", p, e)
		}
	}
}

// racyArchive is an archive of a.md and b.md (name and fsys its source)
// its owner indexed at once into dir.
func racyArchive(t *testing.T) (arch, name string, fsys fs.FS, dir string) {
	t.Helper()
	arch, dir = t.TempDir(), t.TempDir()
	ownerIndexes(t, arch, dir, map[string]string{"a.md": pieceA, "b.md": pieceB})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	return arch, name, fsys, dir
}

// currentNotBehind fails the test when ix, the reader's, says it is
// behind or in memory, or does not hold n pieces from the cache dir.
func currentNotBehind(t *testing.T, what string, ix *Index, dir string, n int) {
	t.Helper()
	if st := ix.Stats(); ix.Behind() != "" || ix.BehindOther() || ix.Fallback() != "" || st.NotWritten || st.Dir != dir || ix.Count() != n {
		t.Errorf("%s: behind %q (other %v), fallback %q, not written %v, dir %q, %d pieces (want %d)",
			what, ix.Behind(), ix.BehindOther(), ix.Fallback(), st.NotWritten, st.Dir, ix.Count(), n)
	}
}

// Beside another folio at work on the cache (holding the writer's role),
// a reader of a generation whose racy files hold what it read is current:
// the reader's start (the cache opened as recorded, checked, refreshed),
// a command's open, the reader's refresh after. A file rewritten at its
// size is behind indeed; and when it is as it was again, the refresh
// says so (before, the notice stayed, and the reader asked again every
// second for good).
func TestRacyGenerationBesideABusyWriterIsCurrent(t *testing.T) {
	arch, name, fsys, dir := racyArchive(t)
	ctx := context.Background()
	opts := Options{Dir: dir, LockTimeout: 50 * time.Millisecond}
	w, err := lockDir(filepath.Join(dir, writerName), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer w.unlock()

	rd, err := OpenCached(name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	if rd.Verify() {
		t.Fatal("the racy generation verified: the test would not test")
	}
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("the reader's first refresh: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "the reader's start", rd, dir, 2)

	cmd, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	currentNotBehind(t, "a command's open", cmd, dir, 2)
	if !cmd.Stats().Unchanged {
		t.Errorf("a command's open: %+v, want unchanged", cmd.Stats())
	}
	cmd.Close()

	dupWrite(t, arch, map[string]string{"a.md": pieceZ})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed || !rd.BehindOther() || !strings.Contains(rd.Behind(), "another folio") {
		t.Errorf("a.md rewritten: changed %v, %v, behind %q, other %v", changed, err, rd.Behind(), rd.BehindOther())
	}
	dupWrite(t, arch, map[string]string{"a.md": pieceA})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("a.md as it was again: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "a.md as it was again", rd, dir, 2)
}

// On a cache that cannot take a change (its disk full), a reader of a
// racy generation holding the files as they are is current; a piece
// added is behind indeed, and current again once gone; the owner's folio
// index, at once after adding one (racy again), gives the reader the
// piece, current (before, "index as it was" on the owner's up-to-date
// generation).
func TestRacyGenerationOnAFullCacheIsCurrent(t *testing.T) {
	arch, name, fsys, dir := racyArchive(t)
	ctx := context.Background()
	opts := Options{Dir: dir}
	full := &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}
	writeHook = func() error { return full }
	defer func() { writeHook = nil }()

	rd, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	currentNotBehind(t, "the reader's open", rd, dir, 2)
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("refreshed: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "refreshed", rd, dir, 2)

	dupWrite(t, arch, map[string]string{"c.md": pieceC})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed || rd.BehindOther() || !strings.Contains(rd.Behind(), "no space left") {
		t.Errorf("c.md added: changed %v, %v, behind %q, other %v", changed, err, rd.Behind(), rd.BehindOther())
	}
	if err := os.Remove(filepath.Join(arch, "c.md")); err != nil {
		t.Fatal(err)
	}
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("c.md gone: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "c.md gone", rd, dir, 2)

	dupWrite(t, arch, map[string]string{"c.md": pieceC})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed || rd.Behind() == "" {
		t.Errorf("c.md added again: changed %v, %v, behind %q", changed, err, rd.Behind())
	}
	writeHook = nil // the owner's disk, for its folio index
	ownerIndexes(t, arch, dir, map[string]string{"c.md": pieceC})
	writeHook = func() error { return full }
	if changed, err := rd.Refresh(ctx, opts); err != nil || !changed {
		t.Errorf("after the owner's folio index: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "after the owner's folio index", rd, dir, 3)
}

// TestRacyGenerationOnAFullCacheIsCurrent's open and refresh with the
// cache read-only (not this user's to write: the writer's lock file
// cannot be opened to write). Root writes any file, so as root the test
// runs again as nobody.
func TestRacyGenerationOnAReadOnlyCacheIsCurrent(t *testing.T) {
	if os.Geteuid() == 0 {
		out, err := childtest.RunAsNobody(t, "FOLIO_INDEX_TEST_AS_NOBODY", "1")
		if err != nil || !strings.Contains(out, "--- PASS: "+t.Name()+" ") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	arch, name, fsys, dir := racyArchive(t)
	ctx := context.Background()
	opts := Options{Dir: dir}
	chmodTree := func(mode func(fs.FileMode) fs.FileMode) {
		t.Helper()
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			return os.Chmod(p, mode(info.Mode().Perm()))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	chmodTree(func(m fs.FileMode) fs.FileMode { return m &^ 0o222 })
	defer chmodTree(func(m fs.FileMode) fs.FileMode { return m | 0o200 })
	if f, err := os.OpenFile(filepath.Join(dir, writerName), os.O_RDWR, 0); err == nil {
		f.Close()
		t.Fatal("the lock file opens to write: the test would not test")
	}

	rd, err := OpenCached(name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	if rd.Verify() {
		t.Fatal("the racy generation verified: the test would not test")
	}
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("the reader's first refresh: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "the reader's start", rd, dir, 2)
	cmd, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	currentNotBehind(t, "a command's open", cmd, dir, 2)
	cmd.Close()

	dupWrite(t, arch, map[string]string{"a.md": pieceZ})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed || !strings.Contains(rd.Behind(), "permission denied") {
		t.Errorf("a.md rewritten: changed %v, %v, behind %q", changed, err, rd.Behind())
	}
	dupWrite(t, arch, map[string]string{"a.md": pieceA})
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
		t.Errorf("a.md as it was again: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "a.md as it was again", rd, dir, 2)
}

// ownerIndexesSettled writes files into arch, dated an hour back, and has
// the owner's folio index them into the cache dir: long after their
// writing, so that the generation records their times (not racy).
func ownerIndexesSettled(t *testing.T, arch, dir string, files map[string]string) {
	t.Helper()
	dupWrite(t, arch, files)
	dupSettle(t, arch)
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st := ix.Stats(); st.Indexed != len(files) {
		t.Fatalf("the owner's folio index: %+v", st)
	}
	ix.Close()
}

// A file whose times changed but whose text is as indexed (an edit undone
// with cp -p orig f, or cat orig > f; a touch) is no change to a reader
// that may not take the writer's role: it reads the file and compares its
// text's hash with the one the generation recorded (at most settleLimit
// of them). Before, only entries recorded racy were compared, so that a
// reader beside a busy writer or on a cache it could not write kept
// "index as it was" for good once such an edit was undone, though the
// index held the text as it is. The owner's folio index after records
// their times, and indexes them again, as a touched file is.
func TestTouchedFileAsIndexedIsCurrent(t *testing.T) {
	for _, how := range []string{"busy writer", "full cache"} {
		t.Run(how, func(t *testing.T) {
			arch, dir := t.TempDir(), t.TempDir()
			ownerIndexesSettled(t, arch, dir, map[string]string{"a.md": pieceA, "b.md": pieceB})
			name, fsys, err := archive.Source(arch)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			opts := Options{Dir: dir, LockTimeout: 50 * time.Millisecond}
			var w *fileLock
			switch how {
			case "busy writer":
				if w, err = lockDir(filepath.Join(dir, writerName), time.Second); err != nil {
					t.Fatal(err)
				}
			case "full cache":
				full := &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}
				writeHook = func() error { return full }
				t.Cleanup(func() { writeHook = nil })
			}
			rd, err := Open(ctx, name, fsys, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer rd.Close()
			currentNotBehind(t, "the reader's open", rd, dir, 2)

			dupWrite(t, arch, map[string]string{"a.md": pieceA + "zebra\n"})
			if changed, err := rd.Refresh(ctx, opts); err != nil || changed || rd.Behind() == "" {
				t.Errorf("a.md edited: changed %v, %v, behind %q", changed, err, rd.Behind())
			}
			dupWrite(t, arch, map[string]string{"a.md": pieceA}) // the edit undone: a new mtime
			if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
				t.Errorf("a.md as indexed again: changed %v, %v", changed, err)
			}
			currentNotBehind(t, "a.md as indexed again", rd, dir, 2)

			now := time.Now()
			if err := os.Chtimes(filepath.Join(arch, "b.md"), now, now); err != nil {
				t.Fatal(err)
			}
			if changed, err := rd.Refresh(ctx, opts); err != nil || changed {
				t.Errorf("b.md touched: changed %v, %v", changed, err)
			}
			currentNotBehind(t, "b.md touched", rd, dir, 2)
			cmd, err := Open(ctx, name, fsys, opts)
			if err != nil {
				t.Fatal(err)
			}
			currentNotBehind(t, "a command's open", cmd, dir, 2)
			cmd.Close()

			// above the limit of what a refresh reads to compare, behind
			defer func(n int64) { settleLimit = n }(settleLimit)
			settleLimit = settleFile // a.md's alone, not b.md's beside it
			if changed, err := rd.Refresh(ctx, opts); err != nil || changed || rd.Behind() == "" {
				t.Errorf("above the limit: changed %v, %v, behind %q", changed, err, rd.Behind())
			}
			settleLimit = 1 << 30

			// the owner's folio index records the times, reading the two
			// files again (indexed again, as a touched file is)
			if w != nil {
				w.unlock()
			}
			writeHook = nil
			dupSettle(t, arch) // not racy
			ix, err := Open(ctx, name, fsys, Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if st := ix.Stats(); st.Unchanged || st.Indexed != 2 || st.Removed != 0 || ix.Count() != 2 {
				t.Errorf("the owner's folio index: %+v, %d pieces", st, ix.Count())
			}
			ix.Close()
		})
	}
}
