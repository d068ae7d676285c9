//go:build unix

package archive_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// hangGuard is how long a call that must not block may take before the
// test calls it hung: only a guard, far above what any of them takes.
const hangGuard = time.Minute

// noHang runs fn and fails the test if it has not returned within
// hangGuard (the goroutine is left blocked then: the test is failing).
func noHang(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(hangGuard):
		t.Fatalf("%s hung", what)
	}
}

// blockingArchive is a folder with a good piece and files whose open or
// read blocks for ever: a named pipe, a link to one outside the archive,
// and (as root, where it can be read) a link to /proc/kmsg, whose read
// waits for the next kernel message. Also a link to /proc/self/status, a
// /proc file that does not block, refused all the same. It returns the
// folder and the names that must be reported as problems.
func blockingArchive(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	arch := filepath.Join(dir, "archive")
	if err := os.Mkdir(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arch, "good.md"), []byte("---\ntitle: Good\ndate: 2017-01-01\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, filepath.Join(arch, "fifo.md"))
	mkfifo(t, filepath.Join(dir, "outside-fifo"))
	if err := os.Symlink(filepath.Join(dir, "outside-fifo"), filepath.Join(arch, "link-to-fifo.md")); err != nil {
		t.Fatal(err)
	}
	reported := []string{"fifo.md", "link-to-fifo.md"}
	if _, err := os.Stat("/proc/self/status"); err == nil {
		if err := os.Symlink("/proc/self/status", filepath.Join(arch, "status.md")); err != nil {
			t.Fatal(err)
		}
		reported = append(reported, "status.md")
	}
	if f, err := os.Open("/proc/kmsg"); err == nil { // as root: reading it would block
		f.Close()
		if err := os.Symlink("/proc/kmsg", filepath.Join(arch, "kmsg.md")); err != nil {
			t.Fatal(err)
		}
		reported = append(reported, "kmsg.md")
	} else {
		t.Log("/proc/kmsg cannot be opened here (not root): that case is left out")
	}
	slices.Sort(reported) // as problems are, by path
	return arch, reported
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestBlockingFilesDoNotHangLoading: the archive opens with its good piece;
// the pipes are never opened, named by the scan (they are not regular
// files), and the /proc files, which stat as regular, are refused when
// opened.
func TestBlockingFilesDoNotHangLoading(t *testing.T) {
	dir, reported := blockingArchive(t)
	var arch *archive.Archive
	var probs []archive.Problem
	noHang(t, "loading the archive", func() { arch, probs, _ = archive.Open(dir) })
	if len(arch.Articles) != 1 || arch.Articles[0].ID != "good" {
		t.Errorf("articles %v", arch.Articles)
	}
	var got []string
	for _, p := range probs {
		if !strings.Contains(p.Msg, "not a regular file (a /proc file)") && !strings.Contains(p.Msg, "not a regular file (a named pipe)") {
			t.Errorf("problem %v", p)
		}
		got = append(got, p.Path)
	}
	if strings.Join(got, " ") != strings.Join(reported, " ") {
		t.Errorf("problems for %v, want %v", got, reported)
	}
}

// TestFileSwappedForAPipeIsRefused: a piece listed as a regular file and
// replaced by a named pipe (or a link to one, or to /proc/kmsg) before it
// is read fails at once with ErrNotRegular, where opening it used to wait
// for a writer for ever.
func TestFileSwappedForAPipeIsRefused(t *testing.T) {
	dir, _ := blockingArchive(t)
	_, fsys, err := archive.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := archive.Scan(fsys)
	if len(files) == 0 || files[0].Path != "good.md" {
		t.Fatalf("scan: %v", files)
	}
	swap := func(make func(string)) {
		p := filepath.Join(dir, "good.md")
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		make(p)
		var err error
		noHang(t, "reading the swapped file", func() { _, err = archive.ReadFile(fsys, "good.md") })
		if !errors.Is(err, archive.ErrNotRegular) {
			t.Errorf("read: %v, want %v", err, archive.ErrNotRegular)
		}
		var probs []archive.Problem
		noHang(t, "parsing the swapped file", func() { _, probs = archive.ParseFile(fsys, "good.md") })
		if len(probs) != 1 || !probs[0].Fatal || !strings.HasPrefix(probs[0].String(), "good.md: not a regular file") {
			t.Errorf("parse: %v", probs)
		}
	}
	swap(func(p string) { mkfifo(t, p) })
	swap(func(p string) {
		if err := os.Symlink(filepath.Join(filepath.Dir(dir), "outside-fifo"), p); err != nil {
			t.Fatal(err)
		}
	})
	if _, err := os.Lstat(filepath.Join(dir, "kmsg.md")); err == nil {
		swap(func(p string) {
			if err := os.Symlink("/proc/kmsg", p); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestReadRegular: files given by the user (feeds, synonyms, state) are
// read only when regular; a missing one is still fs.ErrNotExist.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	mkfifo(t, fifo)
	for _, p := range []string{fifo, "/dev/zero", "/proc/self/status"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		var err error
		noHang(t, "reading "+p, func() { _, err = archive.ReadRegular(p, 1<<20) })
		if !errors.Is(err, archive.ErrNotRegular) {
			t.Errorf("%s: %v, want %v", p, err, archive.ErrNotRegular)
		}
	}
	if _, err := archive.ReadRegular(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 11), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := archive.ReadRegular(big, 10); err == nil || !strings.Contains(err.Error(), "over the 10 bytes limit") {
		t.Errorf("big file: %v", err)
	}
	if data, err := archive.ReadRegular(big, 11); err != nil || len(data) != 11 {
		t.Errorf("file at the limit: %d bytes, %v", len(data), err)
	}
}

// TestNameNotUTF8IsNamed: a file whose name is not valid UTF-8 (which Go's
// file systems do not open) is listed with why, and the rest loads.
func TestNameNotUTF8IsNamed(t *testing.T) {
	arch := t.TempDir()
	if err := os.WriteFile(filepath.Join(arch, "good.md"), []byte("---\ntitle: Good\ndate: 2017-01-01\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arch, "2021-03-15-\xff\xfe-bad.md"), []byte("---\ntitle: T\ndate: 2021-03-15\n---\nb\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	a, probs, err := archive.Open(arch)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Articles) != 1 || len(probs) != 1 || !strings.Contains(probs[0].Msg, "not valid UTF-8: rename it") || !strings.Contains(probs[0].String(), `\xff\xfe`) {
		t.Errorf("articles %v, problems %v", a.Articles, probs)
	}
}
