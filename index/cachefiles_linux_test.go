package index

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/corpus"
)

// cacheSpecials makes, in a folder of their own, a named pipe, (as root) a
// character device like /dev/zero, never the real one, and a user's file:
// what a link in the cache must never lead a write or a read to.
func cacheSpecials(t *testing.T) (dir string, modes map[string]fs.FileMode) {
	t.Helper()
	dir = t.TempDir()
	modes = map[string]fs.FileMode{"notes.txt": 0}
	if err := unix.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	modes["fifo"] = fs.ModeNamedPipe
	if os.Geteuid() == 0 {
		if err := unix.Mknod(filepath.Join(dir, "zero"), unix.S_IFCHR|0o644, int(unix.Mkdev(1, 5))); err != nil {
			t.Fatal(err)
		}
		modes["zero"] = fs.ModeDevice | fs.ModeCharDevice
	} else {
		t.Log("not root: no device made")
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, modes
}

// specialsAsMade fails unless dir holds what cacheSpecials made, as made,
// and nothing else.
func specialsAsMade(t *testing.T, dir string, modes map[string]fs.FileMode) {
	t.Helper()
	if entries, _ := os.ReadDir(dir); len(entries) != len(modes) {
		for _, e := range entries {
			t.Errorf("the folder linked to holds %s", e.Name())
		}
	}
	for name, mode := range modes {
		if st, err := os.Lstat(filepath.Join(dir, name)); err != nil || st.Mode().Type() != mode {
			t.Errorf("%s: %v, %v: want %v", name, st.Mode(), err, mode)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "my notes" {
		t.Errorf("notes.txt holds %.40q", data)
	}
}

// The cache's files are folio's own: one that is a link is replaced by a
// file, and nothing is written where it leads (an attack: a generation's
// columns linked to a device, then folio index: the device node replaced
// by a 9 KB file made in its folder; folders.memo linked to a user's
// notes, which held the memo after a search).
func TestCacheFilesLinkedAreReplaced(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 60, 3); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	openFolder(t, arch, dir).Close()
	out, modes := cacheSpecials(t)
	for name := range modes {
		if name == "notes.txt" {
			continue
		}
		// the columns of one generation each: a change makes the next
		gen := liveGen(t, dir)
		link(t, filepath.Join(out, name), filepath.Join(gen, columnsName))
		ix := openFolder(t, arch, dir)
		if err := ix.KeepColumns(context.Background()); err != nil {
			t.Fatal(err)
		}
		ix.Close()
		if st, err := os.Lstat(filepath.Join(gen, columnsName)); err != nil || !st.Mode().IsRegular() {
			t.Errorf("columns linked to %s: %v, %v", name, st.Mode(), err)
		}
		if err := os.WriteFile(filepath.Join(arch, "new-"+name+".md"), []byte("# New\n\nA piece.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		openFolder(t, arch, dir).Close()
	}
	link(t, filepath.Join(out, "notes.txt"), filepath.Join(dir, folderMemoName))
	defer func(f func() time.Time) { scanNow = f }(scanNow)
	scanNow = func() time.Time { return time.Now().Add(time.Hour) } // folders remembered
	// a real folder: a memo
	name, src, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := OpenCached(name, src, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Verify() {
		t.Fatal("not current")
	}
	ix.Close()
	if st, err := os.Lstat(filepath.Join(dir, folderMemoName)); err != nil || !st.Mode().IsRegular() {
		t.Errorf("%s: %v, %v", folderMemoName, st.Mode(), err)
	}
	// CURRENT linked to a copy of itself: the next generation's publish
	cur, err := os.ReadFile(filepath.Join(dir, currentName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "current"), cur, 0o644); err != nil {
		t.Fatal(err)
	}
	modes["current"] = 0
	link(t, filepath.Join(out, "current"), filepath.Join(dir, currentName))
	if err := os.WriteFile(filepath.Join(arch, "last.md"), []byte("# Last\n\nA piece.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openFolder(t, arch, dir).Close()
	if st, err := os.Lstat(filepath.Join(dir, currentName)); err != nil || !st.Mode().IsRegular() {
		t.Errorf("%s: %v, %v", currentName, st.Mode(), err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "current")); string(data) != string(cur) {
		t.Errorf("the file CURRENT linked to holds %q", data)
	}
	specialsAsMade(t, out, modes)
}

// link replaces path by a symbolic link to target.
func link(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

// A file of the cache that is a named pipe, a link to a zero device or a 2
// GB sparse file is refused, unread, naming it, and the cache recovers as
// from any damage: the index is built anew, or the memo written anew (an
// attack: CURRENT a named pipe hung every command, with no message; a 2
// GB CURRENT was read whole, 2.1 GB; a link to a zero device, 6.5 GB until
// killed; folders.memo, the writer's lock, a generation's manifest and
// readers file as named pipes hung every search). The writer's lock,
// which folio does not replace, keeps the index in memory, saying so.
func TestCacheFilesThatBlockOrAreHuge(t *testing.T) {
	out := t.TempDir()
	zero := filepath.Join(out, "zero")
	if os.Geteuid() == 0 {
		if err := unix.Mknod(zero, unix.S_IFCHR|0o644, int(unix.Mkdev(1, 5))); err != nil {
			t.Fatal(err)
		}
	}
	arch := t.TempDir()
	if err := corpus.Generate(arch, 60, 3); err != nil {
		t.Fatal(err)
	}
	name, src, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	defer func(f func() time.Time) { scanNow = f }(scanNow)
	scanNow = func() time.Time { return time.Now().Add(time.Hour) } // folders remembered
	for _, row := range []struct{ file, kind, says string }{
		{currentName, "fifo", "named pipe"},
		{currentName, "big", "over the 64 bytes limit"},
		{currentName, "zero", "a device"},
		{folderMemoName, "fifo", ""},
		{folderMemoName, "big", ""},
		{folderMemoName, "zero", ""},
		{"GEN/" + manifestName, "fifo", "named pipe"},
		{"GEN/" + readersName, "fifo", "named pipe"},
		{"GEN/" + readersName, "zero", "symbolic link"},
		{writerName, "fifo", "named pipe"},
	} {
		t.Run(strings.ReplaceAll(row.file, "/", "_")+"_"+row.kind, func(t *testing.T) {
			if row.kind == "zero" && os.Geteuid() != 0 {
				t.Skip("not root: no device")
			}
			dir := filepath.Join(t.TempDir(), "idx")
			ix, err := Open(context.Background(), name, src, Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			gen := liveGen(t, dir)
			path := filepath.Join(dir, row.file)
			if g, ok := strings.CutPrefix(row.file, "GEN/"); ok {
				path = filepath.Join(gen, g)
			}
			_ = os.Remove(path)
			switch row.kind {
			case "fifo":
				err = unix.Mkfifo(path, 0o644)
			case "zero":
				err = os.Symlink(zero, path)
			case "big":
				var f *os.File
				if f, err = os.Create(path); err == nil {
					err = f.Truncate(2 << 30) // sparse
					f.Close()
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			done := make(chan *Index, 1)
			go func() {
				if row.file == folderMemoName {
					ix, err := OpenCached(name, src, Options{Dir: dir})
					if err == nil && !ix.Verify() {
						err = errors.New("not current")
					}
					if err != nil {
						t.Error(err)
						ix = nil
					}
					done <- ix
					return
				}
				if row.file == writerName {
					// a change: the writer's role
					if err := os.WriteFile(filepath.Join(arch, "new-"+row.kind+".md"), []byte("# New\n\nA piece.\n"), 0o644); err != nil {
						t.Error(err)
					}
				}
				ix, err := Open(context.Background(), name, src, Options{Dir: dir})
				if err != nil {
					t.Error(err)
				}
				done <- ix
			}()
			select {
			case ix = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("hung")
			}
			if ix == nil {
				return
			}
			defer ix.Close()
			runtime.ReadMemStats(&after)
			if n := after.TotalAlloc - before.TotalAlloc; n > 256<<20 {
				t.Errorf("%d MB allocated", n>>20)
			}
			st := ix.Stats()
			switch {
			case row.file == writerName:
				if !strings.Contains(ix.Fallback(), path) || !strings.Contains(ix.Fallback(), row.says) {
					t.Errorf("fallback %q", ix.Fallback())
				}
			case row.says != "":
				if !strings.Contains(st.Damaged, path) || !strings.Contains(st.Damaged, row.says) || !st.Rebuilt {
					t.Errorf("damaged %q, rebuilt %v", st.Damaged, st.Rebuilt)
				}
				if ix.Fallback() != "" || readCurrent(dir) == filepath.Base(gen) {
					t.Errorf("not in the cache: %q", ix.Fallback())
				}
				if _, err := os.Stat(gen); !os.IsNotExist(err) {
					t.Errorf("the damaged generation is left: %v", err)
				}
			case st.Damaged != "":
				t.Errorf("damaged %q", st.Damaged)
			}
			if n := ix.Count(); n < 60 {
				t.Errorf("%d pieces", n)
			}
			if row.file == folderMemoName || row.file == currentName {
				if st, err := os.Lstat(path); err != nil || !st.Mode().IsRegular() || st.Size() > maxMemoSize {
					t.Errorf("%s not written anew: %v, %v", row.file, st.Mode(), err)
				}
			}
		})
	}
}

// The temporary files of writes killed midway are removed when the cache
// is cleaned (an attack: a writer killed mid-publish left .CURRENT.tmp-*
// for good, and a search killed mid-write .folders.memo.tmp-*): CURRENT's,
// written under the writer's lock, at once; the memo's, which a process
// without it writes, once old (one under way is kept).
func TestCacheTempFilesLeftAreRemoved(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 30, 3); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	openFolder(t, arch, dir).Close()
	old := time.Now().Add(-time.Hour)
	left := map[string]bool{ // whether it is to be removed
		filepath.Join(dir, ".CURRENT.tmp-123"):      true,
		filepath.Join(dir, ".folders.memo.tmp-456"): true,
		filepath.Join(dir, ".folders.memo.tmp-789"): false, // under way
		filepath.Join(dir, ".notes.tmp-1"):          false, // no file of the cache's
	}
	for p, stale := range left {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
		if stale || strings.Contains(p, "notes") {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	// a generation a writer killed before it made its readers file (a
	// review: kept for good)
	half := filepath.Join(dir, "gen-000099")
	if err := os.MkdirAll(filepath.Join(half, "bleve"), 0o755); err != nil {
		t.Fatal(err)
	}
	left[half] = true
	// a change: a writer, which cleans the cache
	if err := os.WriteFile(filepath.Join(arch, "new.md"), []byte("# New\n\nA piece.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := openFolder(t, arch, dir)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	for p, stale := range left {
		if _, err := os.Stat(p); stale != os.IsNotExist(err) {
			t.Errorf("%s: %v (to be removed: %v)", filepath.Base(p), err, stale)
		}
	}
}
