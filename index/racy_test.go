package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestRacyReadIsReadAgain: a file read within RacyWindow of its last
// change is read again at the next check, so that a rewrite at the same
// size within the same tick of the file system's clock (the same
// modification time) is not missed; once settled, it is left alone.
func TestRacyReadIsReadAgain(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	write := func(name, word string, at time.Time) { writeNote(t, arch, name, word, at) }
	count := func(ix *Index, word string) int { return countWord(t, ix, word) }
	write("a.md", "badger", t0)
	write("b.md", "marten", t0.Add(-time.Hour))               // settled
	readNow = func() time.Time { return t0.Add(time.Second) } // read a second after the change
	ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if count(ix, "badger") != 1 {
		t.Fatal("badger not found")
	}
	ix.Close()
	// the file's change time alone would tell the rewrite below: the
	// manifest must say that a.md was read too soon (a rewrite in the same
	// tick keeps the change time too)
	m, err := readManifest(liveGen(t, dir))
	if err == nil {
		err = m.loadFiles()
	}
	if err != nil || m.Files["a.md"].MTime != racyMTime || m.Files["b.md"].MTime == racyMTime {
		t.Fatalf("manifest (err %v): a.md recorded at %d, b.md at %d; want a.md racy (%d), b.md not", err, m.Files["a.md"].MTime, m.Files["b.md"].MTime, racyMTime)
	}
	write("a.md", "walrus", t0) // the same size, the same time
	readNow = func() time.Time { return t0.Add(time.Hour) }
	cached, err := OpenCached(arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if cached.Verify() {
		t.Error("a cached search took an index with a racy read for current")
	}
	cached.Close()
	ix, err = Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if w, b, m := count(ix, "walrus"), count(ix, "badger"), count(ix, "marten"); w != 1 || b != 0 || m != 1 {
		t.Errorf("after a rewrite in the same tick: walrus %d, badger %d, marten %d; want 1, 0, 1", w, b, m)
	}
	if st := ix.Stats(); st.Indexed != 1 {
		t.Errorf("%d files read again, want the racy one", st.Indexed)
	}
	ix.Close()
	// settled: the next open reads nothing, and a cached search is current
	ix, err = Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !ix.Stats().Unchanged {
		t.Errorf("settled files read again: %+v", ix.Stats())
	}
	ix.Close()
	cached, err = OpenCached(arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer cached.Close()
	if !cached.Verify() {
		t.Error("a settled index is not current for a cached search")
	}
}

// TestRewriteWithTimeSetBackIsSeen: a file rewritten at the same size with
// its modification time set back to what it was (touch -r, cp -p, tar
// of an older copy) is seen by its change time, which nothing sets back:
// a cached search does not take the index for current, and an open reads
// that file (and only it) again.
func TestRewriteWithTimeSetBackIsSeen(t *testing.T) {
	arch, dir := t.TempDir(), t.TempDir()
	ctx := context.Background()
	old := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	write := func(name, word string) { writeNote(t, arch, name, word, old) }
	count := func(ix *Index, word string) int { return countWord(t, ix, word) }
	write("a.md", "badger")
	write("b.md", "marten")
	ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if count(ix, "badger") != 1 {
		t.Fatal("badger not found")
	}
	ix.Close()
	before, err := os.Stat(filepath.Join(arch, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	write("a.md", "walrus") // the same size, the time set back
	after, err := os.Stat(filepath.Join(arch, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	if before.Size() != after.Size() || !before.ModTime().Equal(after.ModTime()) {
		t.Fatalf("the rewrite changed the size or time: %d %v, then %d %v", before.Size(), before.ModTime(), after.Size(), after.ModTime())
	}
	cached, err := OpenCached(arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if cached.Verify() {
		t.Error("a cached search took the index for current after a rewrite with its time set back")
	}
	cached.Close()
	ix, err = Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if w, b, m := count(ix, "walrus"), count(ix, "badger"), count(ix, "marten"); w != 1 || b != 0 || m != 1 {
		t.Errorf("after the rewrite: walrus %d, badger %d, marten %d; want 1, 0, 1", w, b, m)
	}
	if st := ix.Stats(); st.Indexed != 1 {
		t.Errorf("%d files read again, want the rewritten one", st.Indexed)
	}
}

// writeNote writes a one-word note of the same size for any word of the
// same length, its times set to at.
func writeNote(t *testing.T, arch, name, word string, at time.Time) {
	t.Helper()
	p := filepath.Join(arch, name)
	if err := os.WriteFile(p, []byte("---\ntitle: A note\ndate: 2020-01-01\n---\nA "+word+".\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, at, at); err != nil {
		t.Fatal(err)
	}
}

// countWord is how many pieces of ix hold word.
func countWord(t *testing.T, ix *Index, word string) int {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: word})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

// TestFreshBrokenFileOwnsNoID: a file that cannot be read (broken front
// matter) and a good one after it whose name slugs alike, both just
// written: the good one is a piece, under the id the archive gives it.
// (Before every file had an id of its own, the broken file, read within
// RacyWindow of its writing, kept the shared ID when the build planned
// again, and the good piece was skipped as its duplicate until the files
// settled: a review's finding.) The good piece keeps its id when the
// broken file goes, and when a broken draft comes back beside it.
func TestFreshBrokenFileOwnsNoID(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(arch, "dup"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"dup/Foo Bar.md":     "---\ntitle: Broken\ndate: [oops\n---\nx\n",
		"dup/foo_bar.md":     "---\ntitle: The real one\ndate: 2020-01-01\n---\nReal text.\n",
		"dup/foo-bar-baz.md": "---\ntitle: Another piece\ndate: 2020-02-01\n---\nOther.\n",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Now()
	readNow = func() time.Time { return t0 } // read as they are written
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	want, probs := archive.LoadKeeping(os.DirFS(arch), KnownIDs(arch, Options{Dir: dir}))
	real := ""
	for _, a := range want.Articles {
		if a.Title == "The real one" {
			real = a.ID
		}
	}
	if a, err := ix.Article(real); real == "" || err != nil || a.Title != "The real one" {
		t.Errorf("%q: %q, %v; want The real one (the archive has %d pieces, %v)", real, a.Title, err, len(want.Articles), probs)
	}
	if ix.Count() != len(want.Articles) || ix.Count() != 2 {
		t.Errorf("%d pieces indexed, the archive has %d, want 2", ix.Count(), len(want.Articles))
	}
	for _, p := range ix.Problems() {
		if strings.Contains(p.Msg, "duplicate id") {
			t.Errorf("a problem the archive does not have: %s", p)
		}
	}
	ix.Close()

	// the good file settled and indexed, a broken draft of the same slug
	// saved beside it just now
	os.Remove(filepath.Join(arch, "dup/Foo Bar.md"))
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	if ix, err = Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(arch, "dup/Foo Bar.md"), []byte("---\ntitle: Draft\ndate: [oops\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	readNow = time.Now
	if ix, err = Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	defer ix.Close() // before the folders go: its warm writes in them
	if a, err := ix.Article(real); err != nil || a.Title != "The real one" || ix.Count() != 2 {
		t.Errorf("beside a fresh broken draft: %s %q, %v, %d pieces; want The real one of 2", real, a.Title, err, ix.Count())
	}
	if n, err := ix.Search(context.Background(), Query{Text: "real"}); err != nil || n.Total != 1 {
		t.Errorf("search real: %d, %v", n.Total, err)
	}
}

// Files read within RacyWindow of their writing, beside an unusable one
// (which makes the build plan again): the second round does not read them
// again, and they count once, though the first round took longer than
// RacyWindow (a helper's report: "8 pieces (16 indexed, … 19.4 MB)").
func TestRacyFilesBesideABadOneCountOnce(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	var size int64
	for i := range 3 {
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2020-01-0%d\n---\nSome text.\n", i, i+1)
		size += int64(len(text))
		if err := os.WriteFile(filepath.Join(arch, fmt.Sprintf("p%d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(arch, "bad.md"), []byte("---\ntitle: bad\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	reads := 0
	t0 := time.Now()
	readNow = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		reads++
		if reads <= 4 {
			return t0 // the first round: every file racy
		}
		return t0.Add(time.Hour) // a round after it: settled
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if st := ix.Stats(); st.Indexed != 3 || st.Bytes != size || ix.Count() != 3 {
		t.Errorf("%d pieces, %d indexed, %d bytes; want 3, 3, %d", ix.Count(), st.Indexed, st.Bytes, size)
	}
	mu.Lock()
	defer mu.Unlock()
	if reads != 4 {
		t.Errorf("%d reads of 4 files", reads)
	}
}

// A file read racy and read again as it was is not counted as indexed
// (a helper's report: adding one file a second after another said
// "Indexed 2 pieces" in the reader), and its time settles: the open after
// reads nothing.
func TestRacyReadAsItWasIsNotCounted(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	arch, dir := t.TempDir(), t.TempDir()
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	writeNote(t, arch, "a.md", "badger", t0)
	readNow = func() time.Time { return t0.Add(time.Second) } // racy
	ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	writeNote(t, arch, "b.md", "marten", t0.Add(2*time.Minute))
	readNow = func() time.Time { return t0.Add(time.Hour) }
	ix, err = Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if st := ix.Stats(); st.Indexed != 1 {
		t.Errorf("one file added, one read again as it was: %d indexed, want 1", st.Indexed)
	}
	if countWord(t, ix, "badger") != 1 || countWord(t, ix, "marten") != 1 {
		t.Error("a piece lost")
	}
	ix.Close()
	ix, err = Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.Stats().Unchanged {
		t.Errorf("settled files read again: %+v", ix.Stats())
	}
}
