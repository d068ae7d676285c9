package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// A Jekyll site's _config.yml made, moved or removed after the index was
// built changes which pieces with an empty published: are drafts: the
// cached index is no longer current (OpenCached's Verify), Refresh, which
// the reader's watch calls, reads those pieces again, and no other, and an
// index in memory does as well (a helper's report: nothing changed until
// a file did, or --rebuild).
func TestJekyllConfigChangesDrafts(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"site/about.md":    "---\ntitle: About\ndate: 2020-01-01\npublished:\n---\nText.\n",
		"site/sub/deep.md": "---\ntitle: Deep\ndate: 2020-01-02\npublished:\n---\nText.\n",
		"site/plain.md":    "---\ntitle: Plain\ndate: 2020-01-03\n---\nText.\n",
		"notes/n.md":       "---\ntitle: Note\ndate: 2020-01-04\npublished:\n---\nText.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, dir := range []string{t.TempDir(), ""} {
		where := "cached"
		if dir == "" {
			where = "in memory"
		}
		os.Remove(filepath.Join(arch, "_config.yml"))
		ix, err := Open(ctx, name, fsys, Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		step := func(what string, wantDocs, wantIndexed int) {
			t.Helper()
			if dir != "" {
				cached, err := OpenCached(name, fsys, Options{Dir: dir, Once: true})
				if err != nil {
					t.Fatalf("%s, %s: %v", where, what, err)
				}
				if cached.Verify() {
					t.Errorf("%s, %s: the cached index is said current", where, what)
				}
				cached.Close()
			}
			changed, err := ix.Refresh(ctx, Options{Dir: dir})
			if err != nil || !changed {
				t.Fatalf("%s, %s: refresh %v %v", where, what, changed, err)
			}
			if st := ix.Stats(); st.Docs != wantDocs || st.Indexed != wantIndexed {
				t.Errorf("%s, %s: %d pieces (%d indexed), want %d (%d)", where, what, st.Docs, st.Indexed, wantDocs, wantIndexed)
			}
			if changed, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil || changed {
				t.Errorf("%s, %s: refreshed again: %v %v", where, what, changed, err)
			}
		}
		if st := ix.Stats(); st.Docs != 4 {
			t.Fatalf("%s: %d pieces, want 4", where, st.Docs)
		}
		if err := os.WriteFile(filepath.Join(arch, "site", "_config.yml"), []byte("title: S\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		step("the site's _config.yml made", 2, 0)
		if err := os.Rename(filepath.Join(arch, "site", "_config.yml"), filepath.Join(arch, "_config.yml")); err != nil {
			t.Fatal(err)
		}
		step("moved to the archive's root", 1, 0)
		if err := os.Remove(filepath.Join(arch, "_config.yml")); err != nil {
			t.Fatal(err)
		}
		step("removed", 4, 3)
		ix.Close()
	}
}
