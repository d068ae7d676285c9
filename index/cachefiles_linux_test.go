package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
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
