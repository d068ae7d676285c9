package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// Files that share an id (two names that slug alike), some broken, some
// just written (read within RacyWindow): the index holds the pieces the
// archive loads and names the problems it names, whichever the order of
// writes, reads and refreshes (two reviews' cases, 2026-12-03).

// dupWrite writes the files (path: text) into arch.
func dupWrite(t *testing.T, arch string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(arch, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dupSettle dates every file of arch an hour back.
func dupSettle(t *testing.T, arch string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(arch, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
}

const (
	dupBroken = "---\ntitle: Broken\ndate: [oops\n---\nx\n"
	dupGood1  = "---\ntitle: Good one\ndate: 2020-01-01\n---\nReal text.\n"
	dupGood2  = "---\ntitle: Good two\ndate: 2020-01-02\n---\nOther text.\n"
)

// dupCompare: the index holds what archive.LoadKeeping reads with the
// ids the index recorded (KnownIDs: its cache folder dir; none for an
// index in memory), with the same fatal problems (skipped files).
func dupCompare(t *testing.T, what, arch string, ix *Index) {
	t.Helper()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	var had map[string]string
	if d := ix.Stats().Dir; d != "" {
		had = KnownIDs(name, Options{Dir: d})
	}
	want, probs := archive.LoadKeeping(fsys, had)
	if ix.Count() != len(want.Articles) {
		t.Errorf("%s: %d pieces indexed, archive has %d", what, ix.Count(), len(want.Articles))
	}
	for _, a := range want.Articles {
		if got, err := ix.Article(a.ID); err != nil || got.Title != a.Title || got.Path != a.Path {
			t.Errorf("%s: %s: index has %q (%s) %v, archive %q (%s)", what, a.ID, got.Title, got.Path, err, a.Title, a.Path)
		}
	}
	fatal := func(ps []archive.Problem) []string {
		var out []string
		for _, p := range ps {
			if p.Fatal {
				out = append(out, p.String())
			}
		}
		slices.Sort(out)
		return out
	}
	if g, w := fatal(ix.Problems()), fatal(probs); !slices.Equal(g, w) {
		t.Errorf("%s: problems\n index:   %q\n archive: %q", what, g, w)
	}
}

// dupOpen opens the index of arch in dir with opts.
func dupOpen(t *testing.T, arch, dir string, opts Options) *Index {
	t.Helper()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	opts.Dir = dir
	ix, err := Open(context.Background(), name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// A settled duplicate names the file that owns the id now, not the one
// that did when it was read: here a broken file (racy) and a good one
// before it are added.
func TestDuplicateNamesItsOwnerAfterARacyRead(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	dupWrite(t, arch, map[string]string{"dup/foo_bar.md": dupGood2})
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	dupOpen(t, arch, dir, Options{}).Close()
	readNow = time.Now
	dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken, "dup/foo-bar.md": dupGood1})
	ix := dupOpen(t, arch, dir, Options{}) // just written: racy
	dupCompare(t, "racy", arch, ix)
	ix.Close()
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // settled
	ix = dupOpen(t, arch, dir, Options{})
	dupCompare(t, "racy, then settled", arch, ix)
	ix.Close()
	ix = dupOpen(t, arch, dir, Options{})
	dupCompare(t, "racy, then settled, again", arch, ix)
	ix.Close()
}

// The same without a racy read or a broken file: a new first owner.
func TestDuplicateNamesItsNewOwner(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	dupWrite(t, arch, map[string]string{"dup/foo_bar.md": dupGood2, "dup/foo-bar.md": dupGood1})
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	dupOpen(t, arch, dir, Options{}).Close()
	dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupGood1})
	ix := dupOpen(t, arch, dir, Options{})
	defer ix.Close()
	dupCompare(t, "settled", arch, ix)
}

// In memory, three files of one id, a broken file fixed, deleted and
// broken again, and refreshes of an open index.
func TestDuplicateIDsAsTheArchiveHasThem(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = time.Now
	t.Run("memory", func(t *testing.T) {
		arch := t.TempDir()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken, "dup/foo_bar.md": dupGood1})
		ix := dupOpen(t, arch, "", Options{Memory: true})
		defer ix.Close()
		dupCompare(t, "memory", arch, ix)
	})
	t.Run("three", func(t *testing.T) {
		arch, dir := t.TempDir(), t.TempDir()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken, "dup/foo-bar.md": dupBroken, "dup/foo_bar.md": dupGood1})
		ix := dupOpen(t, arch, dir, Options{})
		defer ix.Close()
		dupCompare(t, "three", arch, ix)
	})
	t.Run("fixed-then", func(t *testing.T) {
		arch, dir := t.TempDir(), t.TempDir()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken, "dup/foo_bar.md": dupGood1})
		ix := dupOpen(t, arch, dir, Options{})
		dupCompare(t, "broken", arch, ix)
		ix.Close()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupGood2})
		ix = dupOpen(t, arch, dir, Options{})
		dupCompare(t, "fixed", arch, ix)
		ix.Close()
		os.Remove(filepath.Join(arch, "dup/Foo Bar.md"))
		ix = dupOpen(t, arch, dir, Options{})
		dupCompare(t, "deleted", arch, ix)
		ix.Close()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken})
		ix = dupOpen(t, arch, dir, Options{})
		dupCompare(t, "broken again", arch, ix)
		ix.Close()
		dupSettle(t, arch)
		ix = dupOpen(t, arch, dir, Options{})
		dupCompare(t, "settled", arch, ix)
		ix.Close()
	})
	t.Run("refresh", func(t *testing.T) {
		arch, dir := t.TempDir(), t.TempDir()
		dupWrite(t, arch, map[string]string{"dup/foo_bar.md": dupGood1})
		dupSettle(t, arch)
		ix := dupOpen(t, arch, dir, Options{})
		defer ix.Close()
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupBroken})
		if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
			t.Fatal(err)
		}
		dupCompare(t, "refresh", arch, ix)
		dupWrite(t, arch, map[string]string{"dup/Foo Bar.md": dupGood2})
		if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
			t.Fatal(err)
		}
		dupCompare(t, "refresh fixed", arch, ix)
	})
}

// A file added whose name slugs as a piece's is a piece of its own, and
// the piece keeps its id, in the index and in the files read with the
// index's ids (a helper's report: my-note.md took my_note.md's id, with
// its star and history, and my_note.md was skipped as a duplicate); and
// after a build from scratch (folio index --rebuild), which takes the ids
// from the manifest before it.
func TestANewcomerTakesNoPiecesID(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	arch, dir := t.TempDir(), t.TempDir()
	dupWrite(t, arch, map[string]string{"my_note.md": dupGood1})
	ix := dupOpen(t, arch, dir, Options{})
	if a, err := ix.Article("my-note"); err != nil || a.Path != "my_note.md" {
		t.Fatalf("alone: %v %v", a.Path, err)
	}
	ix.Close()
	dupWrite(t, arch, map[string]string{"my-note.md": dupGood2, "c/intro.md": dupGood1, "c++/intro.md": dupGood2, "🎉.md": dupGood1})
	for _, opts := range []Options{{}, {Rebuild: true}, {}} {
		ix = dupOpen(t, arch, dir, opts)
		dupCompare(t, "newcomer", arch, ix)
		if ix.Count() != 5 {
			t.Errorf("rebuild %v: %d pieces, want 5: %v", opts.Rebuild, ix.Count(), ix.Problems())
		}
		if a, err := ix.Article("my-note"); err != nil || a.Path != "my_note.md" {
			t.Errorf("rebuild %v: my-note is %q %v, want my_note.md's", opts.Rebuild, a.Path, err)
		}
		ix.Close()
	}
}
