package index

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
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
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
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
			changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""})
			if err != nil || !changed {
				t.Fatalf("%s, %s: refresh %v %v", where, what, changed, err)
			}
			if dir == "" {
				wantIndexed = wantDocs // in memory, a refresh builds the index again
			}
			if st := ix.Stats(); st.Docs != wantDocs || st.Indexed != wantIndexed {
				t.Errorf("%s, %s: %d pieces (%d indexed), want %d (%d)", where, what, st.Docs, st.Indexed, wantDocs, wantIndexed)
			}
			if changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""}); err != nil || changed {
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

// A Hugo site's config made or removed after the index was built changes
// how a tags string is read (one tag in a Hugo site, split elsewhere): the
// cached index is no longer current and Refresh reads the pieces with a
// tags string again, in memory too.
func TestHugoConfigChangesTagsStrings(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"site/content/a.md":   "---\ntitle: A\ndate: 2020-01-01\ntags: \"Middle East\"\n---\nText.\n",
		"site/content/b.md":   "---\ntitle: B\ndate: 2020-01-02\ntags: [\"Middle East\"]\n---\nText.\n",
		"site/content/c.md":   "---\ntitle: C\ndate: 2020-01-03\n---\nText.\n",
		"notes/n.md":          "---\ntitle: N\ndate: 2020-01-04\ntags: \"Middle East\"\n---\nText.\n",
		"site/content/x/y.md": "---\ntitle: Y\ndate: 2020-01-05\ntags: war peace\n---\nText.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tagCount := func(ix *Index) map[string]int {
		out := map[string]int{}
		for _, v := range ix.AllFacets().Tags {
			out[v.Value] = v.Count
		}
		return out
	}
	for _, dir := range []string{t.TempDir(), ""} {
		where := "cached"
		if dir == "" {
			where = "in memory"
		}
		os.Remove(filepath.Join(arch, "site", "hugo.toml"))
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		step := func(what string, want map[string]int) {
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
			changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""})
			if err != nil || !changed {
				t.Fatalf("%s, %s: refresh %v %v", where, what, changed, err)
			}
			got := tagCount(ix)
			for tag, n := range want {
				if got[tag] != n {
					t.Errorf("%s, %s: tag %q counts %d, want %d (%v)", where, what, tag, got[tag], n, got)
				}
			}
			if changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""}); err != nil || changed {
				t.Errorf("%s, %s: refreshed again: %v %v", where, what, changed, err)
			}
		}
		if got := tagCount(ix); got["middle east"] != 1 || got["middle"] != 2 || got["war"] != 1 {
			t.Fatalf("%s: tags %v before any site", where, got)
		}
		if err := os.WriteFile(filepath.Join(arch, "site", "hugo.toml"), []byte("title = 'S'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		step("the site's hugo.toml made", map[string]int{"middle east": 2, "middle": 1, "east": 1, "war peace": 1, "war": 0})
		if err := os.Remove(filepath.Join(arch, "site", "hugo.toml")); err != nil {
			t.Fatal(err)
		}
		step("removed", map[string]int{"middle east": 1, "middle": 2, "east": 2, "war": 1, "war peace": 0})
		ix.Close()
	}
}

// A Jekyll site's _config.yml made or removed after the index was built
// changes how a capitalised key is read (as Hugo reads it, in any case,
// outside a Jekyll site; not at all in one, as Jekyll reads its keys):
// Refresh reads the pieces with one again, cached and in memory.
func TestJekyllConfigChangesCapitalisedKeys(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"site/a.md":  "---\ntitle: A\ndate: 2020-01-01\nTags: [capital]\n---\nText.\n",
		"site/b.md":  "---\ntitle: B\ndate: 2020-01-02\ntags: [lower]\n---\nText.\n",
		"notes/n.md": "---\ntitle: N\ndate: 2020-01-04\nTags: [capital]\n---\nText.\n",
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	capital := func(ix *Index) int {
		for _, v := range ix.AllFacets().Tags {
			if v.Value == "capital" {
				return v.Count
			}
		}
		return 0
	}
	for _, dir := range []string{t.TempDir(), ""} {
		os.Remove(filepath.Join(arch, "site", "_config.yml"))
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		if n := capital(ix); n != 2 {
			t.Fatalf("%q: capital counts %d before any site, want 2", dir, n)
		}
		for _, step := range []struct {
			what string
			make bool
			want int
		}{{"the site's _config.yml made", true, 1}, {"removed", false, 2}} {
			if step.make {
				err = os.WriteFile(filepath.Join(arch, "site", "_config.yml"), []byte("title: S\n"), 0o644)
			} else {
				err = os.Remove(filepath.Join(arch, "site", "_config.yml"))
			}
			if err != nil {
				t.Fatal(err)
			}
			if changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""}); err != nil || !changed {
				t.Fatalf("%q, %s: refresh %v %v", dir, step.what, changed, err)
			}
			if n := capital(ix); n != step.want {
				t.Errorf("%q, %s: capital counts %d, want %d", dir, step.what, n, step.want)
			}
		}
		ix.Close()
	}
}

// statCounter is an archive's fsys that counts the stats asked of it.
type statCounter struct {
	fs.FS
	root  string
	stats atomic.Int64
}

func (c *statCounter) Root() string { return c.root }
func (c *statCounter) Stat(name string) (fs.FileInfo, error) {
	c.stats.Add(1)
	return fs.Stat(c.FS, name)
}

// A cached search's check answers the pieces' site questions from the
// site configs its scan met, asking the file system nothing more (a
// review: 10k page bundles with a tags string made 100k stats a search,
// each bundle's folder asked for hugo.toml and the other names); and it
// still sees a config made in a folder whose entries come from the memo's
// neighbours.
func TestCachedCheckAsksNoSiteOfTheFileSystem(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	defer func(f func() time.Time) { scanNow = f }(scanNow)
	scanNow = func() time.Time { return time.Now().Add(time.Hour) } // folders remembered
	arch := t.TempDir()
	files := map[string]string{"site/hugo.toml": "title = 'S'\n", "notes/n.md": "---\ntitle: N\ndate: 2020-01-01\ntags: \"Middle East\"\n---\nText.\n"}
	for i := range 20 {
		files[fmt.Sprintf("site/content/posts/p%02d/index.md", i)] = "---\ntitle: P\ndate: 2020-01-02\ntags: \"Middle East\"\n---\nText.\n"
	}
	dupWrite(t, arch, files)
	name, src, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	fsys := &statCounter{FS: src, root: arch}
	dir := t.TempDir()
	ix, err := Open(context.Background(), name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	check := func(what string, want bool) {
		t.Helper()
		cached, err := OpenCached(name, fsys, Options{Dir: dir, Once: true})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		defer cached.Close()
		fsys.stats.Store(0)
		if got := cached.Verify(); got != want {
			t.Errorf("%s: current %v, want %v", what, got, want)
		}
		if n := fsys.stats.Load(); n != 0 {
			t.Errorf("%s: the check asked %d stats of the file system", what, n)
		}
	}
	check("listed", true)
	check("from the memo", true)
	if err := os.Rename(filepath.Join(arch, "site", "hugo.toml"), filepath.Join(arch, "site", "content", "posts", "p03", "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	check("the config moved into a bundle", false)
}

// ArchiveSum (a reader's periodic check) takes its folders from the memo
// of the previous sum when their stamps are as remembered, and is the
// same sum; an edit in a remembered folder and a site config made change
// it.
func TestArchiveSumFromTheMemo(t *testing.T) {
	defer func(f func() time.Time) { scanNow = f }(scanNow)
	scanNow = func() time.Time { return time.Now().Add(time.Hour) } // folders remembered
	arch := t.TempDir()
	piece := "---\ntitle: P\ndate: 2020-01-02\n---\nText.\n"
	dupWrite(t, arch, map[string]string{"a/one.md": piece, "b/two.md": piece, "b/c/three.md": piece})
	_, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	sum, memo := ArchiveSum(fsys, nil)
	if memo == nil {
		t.Fatal("no memo made")
	}
	again, memo2 := ArchiveSum(fsys, memo)
	if again != sum || !bytes.Equal(memo2, memo) {
		t.Errorf("the sum from the memo is %x (memo changed: %v), listed %x", again, !bytes.Equal(memo2, memo), sum)
	}
	dupWrite(t, arch, map[string]string{"b/c/three.md": piece + "More.\n"})
	edited, memo3 := ArchiveSum(fsys, memo2)
	if edited == sum {
		t.Error("an edit in a remembered folder is not seen")
	}
	dupWrite(t, arch, map[string]string{"b/c/_config.yml": "title: S\n"})
	if site, _ := ArchiveSum(fsys, memo3); site == edited {
		t.Error("a site config made is not seen")
	}
}
