package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// An archive changed whose cache cannot take the change (its disk full)
// is searched in the cache's live generation as it was, and Behind says
// so; it is not built again in memory at every open and refresh (a
// helper's report: 60 s a search of 20k pieces, 0.16 s before). Once the
// cache can be written, a refresh takes the change in.
func TestFullCacheShowsTheIndexAsItWas(t *testing.T) {
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText.\n",
		"b.md": "---\ntitle: B\ndate: 2020-01-02\n---\nText.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ctx := context.Background()
	ix, err := Open(ctx, name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	dupWrite(t, arch, map[string]string{"c.md": "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n"})
	full := &fs.PathError{Op: "write", Path: filepath.Join(dir, "x"), Err: syscall.ENOSPC}
	writeHook = func() error { return full }
	defer func() { writeHook = nil }()
	ix, err = Open(ctx, name, fsys, Options{Dir: dir})
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
