package archive_test

import (
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/childtest"
	"github.com/folio-tui/folio/internal/hostile"
)

// TestHostileArchive loads an archive of hostile files: every case is
// reported as path:line: message, the legal ones load, and memory stays
// bounded (the 50 MB file is refused before it is read).
func TestHostileArchive(t *testing.T) {
	dir := t.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	arch, probs, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 40<<20 {
		t.Errorf("loading allocated %d MB: the 50 MB file was read", grew>>20)
	}
	var all []string
	for _, p := range probs {
		all = append(all, p.String())
	}
	report := strings.Join(all, "\n")
	for _, c := range cases {
		if c.Msg == "" {
			continue
		}
		if !strings.Contains(report, c.Msg) {
			t.Errorf("no problem %q for %s", c.Msg, c.Path)
		}
	}
	ids := map[string]bool{}
	for _, a := range arch.Articles {
		ids[a.ID] = true
	}
	for _, want := range []string{hostile.Good, "long-front-matter", strings.Repeat("d/", 60) + "deep", "injection", "evil-url"} {
		if !ids[want] {
			t.Errorf("piece %q did not load", want)
		}
	}
	inj, _ := arch.Get("injection")
	for _, s := range append([]string{inj.Title, inj.Outlet, inj.URL, inj.Note, inj.Body}, append(inj.Tags, inj.Authors...)...) {
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r == 0x202e }) {
			t.Errorf("control characters survived: %q", s)
		}
	}
	if !strings.Contains(inj.Body, "\tTabbed line kept.") {
		t.Errorf("tabs and newlines must survive: %q", inj.Body)
	}
	if inj.URL != "" {
		t.Errorf("url with an escape kept: %q", inj.URL)
	}
}

func TestUnreadableFolderIsReported(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads every folder: the test runs again as nobody
		out, err := childtest.RunAsNobody(t, "FOLIO_TEST_AS_NOBODY", "1")
		if err != nil || !strings.Contains(out, "--- PASS") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	dir := t.TempDir()
	os.WriteFile(dir+"/ok.md", []byte("---\ntitle: T\ndate: 2017-01-01\n---\n"), 0o644)
	os.Mkdir(dir+"/locked", 0o000)
	defer os.Chmod(dir+"/locked", 0o755)
	arch, probs, _ := archive.Open(dir)
	if len(arch.Articles) != 1 || len(probs) != 1 || !strings.HasPrefix(probs[0].String(), "locked: cannot read") {
		t.Errorf("articles %d, problems %v", len(arch.Articles), probs)
	}
	if len(probs) == 1 && !probs[0].Unknown {
		t.Errorf("%v: not Unknown (an index would delete its pieces)", probs[0])
	}
	// a folder not read, not a file skipped (the scan of the OS's
	// folders marks it, as the walk of any file system does)
	if skipped, noted := archive.CountFiles(probs); skipped != 0 || noted != 0 || archive.CountFolders(probs) != 1 {
		t.Errorf("%d skipped, %d noted, %d folders (%v); want 0, 0, 1", skipped, noted, archive.CountFolders(probs), probs)
	}
}

// brokenRootFS cannot state or list its root (an I/O error).
type brokenRootFS struct{ fstest.MapFS }

func (f brokenRootFS) Open(name string) (fs.File, error) {
	if name == "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: syscall.EIO}
	}
	return f.MapFS.Open(name)
}

func (f brokenRootFS) Stat(name string) (fs.FileInfo, error) {
	if name == "." {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: syscall.EIO}
	}
	return f.MapFS.Stat(name)
}

func (f brokenRootFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.EIO}
	}
	return f.MapFS.ReadDir(name)
}

// A folder that cannot be listed is a folder not read, not a file
// skipped, on a file system of any kind: the root too, which the walk
// reports without an entry (a review: it was counted as a file).
func TestUnlistableFoldersAreFoldersOnAnyFS(t *testing.T) {
	_, probs := archive.Scan(brokenRootFS{fstest.MapFS{"a.md": {Data: []byte("x")}}})
	if skipped, noted := archive.CountFiles(probs); skipped != 0 || noted != 0 || archive.CountFolders(probs) != 1 {
		t.Errorf("root unreadable: %d skipped, %d noted, %d folders (%v); want 0, 0, 1", skipped, noted, archive.CountFolders(probs), probs)
	}
}
