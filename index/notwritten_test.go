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

// An archive changed whose cache cannot take the change (its disk full)
// is searched in the cache's live generation as it was, and Behind says
// so; it is not built again in memory at every open and refresh (a
// helper's report: 60 s a search of 20k pieces, 0.16 s before). Once the
// cache can be written, a refresh takes the change in.
func TestFullCacheShowsTheIndexAsItWas(t *testing.T) {
	arch, name, fsys, dir := indexedTwoPieces(t)
	ctx := context.Background()
	dupWrite(t, arch, map[string]string{"c.md": "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n"})
	full := &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}
	writeHook = func() error { return full }
	defer func() { writeHook = nil }()
	ix, err := Open(ctx, name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st := ix.Stats()
	if ix.Fallback() != "" || st.Rebuilt || st.Dir != dir {
		t.Errorf("built again (fallback %q, rebuilt %v, dir %q)", ix.Fallback(), st.Rebuilt, st.Dir)
	}
	if !st.NotWritten || !strings.Contains(ix.Behind(), "no space left on device") || !strings.Contains(ix.Behind(), "as it was") {
		t.Errorf("not written %v, behind %q", st.NotWritten, ix.Behind())
	}
	if n := ix.Count(); n != 2 {
		t.Errorf("%d pieces, want the 2 indexed", n)
	}
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil || changed || ix.Behind() == "" {
		t.Errorf("refreshed on a full disk: %v %v, behind %q", changed, err, ix.Behind())
	}
	writeHook = nil
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil || !changed {
		t.Fatalf("refresh with room: %v %v", changed, err)
	}
	if n := ix.Count(); n != 3 || ix.Behind() != "" {
		t.Errorf("%d pieces (want 3), behind %q", n, ix.Behind())
	}
	if err := os.Remove(filepath.Join(arch, "c.md")); err != nil {
		t.Fatal(err)
	}
}

// An archive changed whose cache is read-only throughout (chmod -R a-w,
// or not this user's to write: the writer's lock file cannot be opened
// to write) is searched in the cache's live generation as it was, as on
// a full disk, at open and at every refresh; it is not built again in
// memory (a helper's report: "index cache not used (open …/lock:
// permission denied): index kept in memory" at every command). A
// rebuild asked for is not answered with the index as it was. Root
// writes any file, so as root the test runs again as nobody.
func TestReadOnlyCacheShowsTheIndexAsItWas(t *testing.T) {
	if os.Geteuid() == 0 {
		out, err := childtest.RunAsNobody(t, "FOLIO_INDEX_TEST_AS_NOBODY", "1")
		if err != nil || !strings.Contains(out, "--- PASS: "+t.Name()+" ") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	arch, name, fsys, dir := indexedTwoPieces(t)
	ctx := context.Background()
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
	dupWrite(t, arch, map[string]string{"c.md": "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n"})
	ix, err := Open(ctx, name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st := ix.Stats()
	if ix.Fallback() != "" || st.Rebuilt || st.Dir != dir {
		t.Errorf("built again (fallback %q, rebuilt %v, dir %q)", ix.Fallback(), st.Rebuilt, st.Dir)
	}
	if !st.NotWritten || !strings.Contains(ix.Behind(), "permission denied") || !strings.Contains(ix.Behind(), "as it was") {
		t.Errorf("not written %v, behind %q", st.NotWritten, ix.Behind())
	}
	if n := ix.Count(); n != 2 {
		t.Errorf("%d pieces, want the 2 indexed", n)
	}
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil || changed || ix.Behind() == "" || ix.Fallback() != "" {
		t.Errorf("refreshed with the cache read-only: %v %v, behind %q, fallback %q", changed, err, ix.Behind(), ix.Fallback())
	}
	re, err := Open(ctx, name, fsys, Options{Dir: dir, Rebuild: true})
	if err != nil {
		t.Fatal(err)
	}
	if st := re.Stats(); st.NotWritten || !st.Rebuilt || re.Count() != 3 {
		t.Errorf("a rebuild asked for: not written %v, rebuilt %v, %d pieces", st.NotWritten, st.Rebuilt, re.Count())
	}
	re.Close()
	chmodTree(func(m fs.FileMode) fs.FileMode { return m | 0o200 })
	if changed, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil || !changed {
		t.Fatalf("refresh with the cache writable: %v %v", changed, err)
	}
	if n := ix.Count(); n != 3 || ix.Behind() != "" {
		t.Errorf("%d pieces (want 3), behind %q", n, ix.Behind())
	}
}

// indexedTwoPieces is an archive of two pieces (arch; name and fsys its
// source) whose index is built in dir and closed.
func indexedTwoPieces(t *testing.T) (arch, name string, fsys fs.FS, dir string) {
	t.Helper()
	arch = t.TempDir()
	dupWrite(t, arch, map[string]string{
		"a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText.\n",
		"b.md": "---\ntitle: B\ndate: 2020-01-02\n---\nText.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	ix, err := Open(context.Background(), name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	return arch, name, fsys, dir
}

// A refresh that finds the index behind on the generation it has open
// (another folio holding the writer's role, or a cache that cannot take
// the change) keeps it, and does not open it again (a review: each retry,
// a second apart beside a busy writer, opened the live generation anew
// to close it at once). A generation another folio publishes meanwhile is
// opened.
func TestBehindRefreshDoesNotReopenItsGeneration(t *testing.T) {
	arch, name, fsys, dir := indexedTwoPieces(t)
	ctx := context.Background()
	opts := Options{Dir: dir, LockTimeout: 100 * time.Millisecond}
	ix, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var opened []string
	openHeldHook = func(gen string) { opened = append(opened, gen) }
	defer func() { openHeldHook = nil }()
	dupWrite(t, arch, map[string]string{"c.md": "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n"})

	full := &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}
	writeHook = func() error { return full }
	for range 2 {
		if changed, err := ix.Refresh(ctx, opts); err != nil || changed || !strings.Contains(ix.Behind(), "no space left") || ix.BehindOther() {
			t.Fatalf("a full disk: changed %v, %v, behind %q, other %v", changed, err, ix.Behind(), ix.BehindOther())
		}
	}
	writeHook = nil
	if len(opened) != 0 {
		t.Errorf("a full disk: the generation open opened again %d times (%q)", len(opened), opened)
	}

	w, err := lockDir(filepath.Join(dir, writerName), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if changed, err := ix.Refresh(ctx, opts); err != nil || changed || !ix.BehindOther() {
			t.Fatalf("a busy writer: changed %v, %v, behind %q, other %v", changed, err, ix.Behind(), ix.BehindOther())
		}
	}
	w.unlock()
	if len(opened) != 0 {
		t.Errorf("a busy writer: the generation open opened again %d times (%q)", len(opened), opened)
	}
	if got := run(t, ix, Query{Text: "text"}); got.Total != 2 {
		t.Errorf("the index as it was: %d hits, want 2", got.Total)
	}

	// another folio takes the change in: the next refresh opens its generation
	other, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	if changed, err := ix.Refresh(ctx, opts); err != nil || !changed || ix.Behind() != "" || ix.Count() != 3 {
		t.Errorf("after another's update: changed %v, %v, behind %q, %d pieces", changed, err, ix.Behind(), ix.Count())
	}
	if len(opened) != 2 || opened[0] != opened[1] {
		t.Errorf("opened %q: want the other's new generation twice (its open, then the refresh's)", opened)
	}
	if err := os.Remove(filepath.Join(arch, "c.md")); err != nil {
		t.Fatal(err)
	}
}
