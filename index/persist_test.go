//go:build linux

package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/folio-tui/folio/internal/corpus"
)

// A cache that cannot be written (a full disk, a file-size limit) must end
// in the in-memory index with the notice, not in scorch retrying the write
// for ever, and must leave a cache the next start can use.
//
// The failing writes come from RLIMIT_FSIZE in a child process (writes past
// the limit fail with EFBIG; Go ignores SIGXFSZ), which needs no root, and,
// as root, from a 2 MB tmpfs (ENOSPC). The generation being made is then
// removed (removeStale), so a failed build or refresh leaves the cache as
// it was.

const (
	writeFailChild = "FOLIO_WRITEFAIL_CHILD"
	writeFailDocs  = 200
)

// TestWriteFailureChild is the child: it opens the index of
// FOLIO_ARCHIVE_DIR in FOLIO_INDEX_DIR, after lowering RLIMIT_FSIZE when
// FOLIO_FSIZE is set, and prints the count, the fallback and how it was
// opened.
func TestWriteFailureChild(t *testing.T) {
	if os.Getenv(writeFailChild) == "" {
		t.Skip("run by TestWriteFailureFallsBackToMemory")
	}
	if n, err := strconv.ParseUint(os.Getenv("FOLIO_FSIZE"), 10, 64); err == nil {
		if err := unix.Setrlimit(unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: n, Max: n}); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), os.Getenv("FOLIO_ARCHIVE_DIR"), Options{Dir: os.Getenv("FOLIO_INDEX_DIR")})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("RESULT %d %t %q\n", ix.Count(), ix.Stats().Dir == "", ix.Fallback())
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

type childOpen struct {
	count    int
	inMemory bool
	fallback string
}

// openInChild opens the index in a child process; env adds to its
// environment. The deadline is a hang guard only: on a failing write, a
// build used to wait five minutes for scorch to persist.
func openInChild(t *testing.T, arch, idx string, env ...string) childOpen {
	t.Helper()
	out := runChild(t, "TestWriteFailureChild", "1", arch, idx, env...)
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "RESULT "); ok {
			var r childOpen
			if _, err := fmt.Sscanf(rest, "%d %t %q", &r.count, &r.inMemory, &r.fallback); err != nil {
				t.Fatalf("child said %q: %v", line, err)
			}
			return r
		}
	}
	t.Fatalf("no result from the child:\n%s", out)
	return childOpen{}
}

// runChild runs the child test name, with writeFailChild set to mode and
// the archive and index folders in its environment (env adds to it), and
// returns its output. The deadline is a hang guard only.
func runChild(t *testing.T, name, mode, arch, idx string, env ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", "^"+name+"$", "-test.v")
	cmd.Env = append(os.Environ(), writeFailChild+"="+mode, "FOLIO_ARCHIVE_DIR="+arch, "FOLIO_INDEX_DIR="+idx)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s did not end in 90 s (hang); output:\n%s", name, out)
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// checkReopensUnchanged opens the index of arch in idx, as the next start
// does: it must find the published index unchanged, with pieces pieces.
func checkReopensUnchanged(t *testing.T, arch, idx string, pieces int) *Index {
	t.Helper()
	ix, err := OpenDir(context.Background(), arch, Options{Dir: idx})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if st := ix.Stats(); !st.Unchanged || ix.Count() != pieces {
		t.Fatalf("the next start: %+v, %d pieces; want the published index unchanged with %d", st, ix.Count(), pieces)
	}
	return ix
}

func TestWriteFailureFallsBackToMemory(t *testing.T) {
	parallel(t)
	if testing.Short() {
		t.Skip("builds indexes in child processes")
	}
	arch := t.TempDir()
	if err := corpus.Generate(arch, writeFailDocs, 11); err != nil {
		t.Fatal(err)
	}
	t.Run("file size limit", func(t *testing.T) {
		idx := filepath.Join(t.TempDir(), "idx")
		checkWriteFailure(t, arch, idx, "FOLIO_FSIZE=65536")
		// A refresh that cannot write falls back too, and the next
		// start repairs it.
		touch(t, arch, 1)
		checkWriteFailure(t, arch, idx, "FOLIO_FSIZE=65536")
	})
	t.Run("full disk", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("mounting a tmpfs needs root")
		}
		mnt := t.TempDir()
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=2m"); err != nil {
			t.Skipf("cannot mount a tmpfs: %v", err)
		}
		t.Cleanup(func() { _ = syscall.Unmount(mnt, 0) })
		idx := filepath.Join(mnt, "idx")
		r := openInChild(t, arch, idx)
		if !r.inMemory || !strings.Contains(r.fallback, "no space left on device") {
			t.Fatalf("on a full disk: in memory %t, fallback %q", r.inMemory, r.fallback)
		}
		if r.count != writeFailDocs {
			t.Errorf("in memory: %d pieces, want %d", r.count, writeFailDocs)
		}
		// What the failed build wrote is gone: the disk is not left full.
		if gens, _ := filepath.Glob(filepath.Join(idx, "gen-*")); len(gens) > 0 {
			t.Errorf("the half-built index is left behind: %v", gens)
		}
	})
}

// checkWriteFailure opens the index with writes failing (env), then with
// writes working.
func checkWriteFailure(t *testing.T, arch, idx string, env ...string) {
	t.Helper()
	r := openInChild(t, arch, idx, env...)
	if !r.inMemory || !strings.Contains(r.fallback, "cannot write the index") {
		t.Fatalf("with writes failing: in memory %t, fallback %q", r.inMemory, r.fallback)
	}
	if r.count != writeFailDocs {
		t.Errorf("in memory: %d pieces, want %d", r.count, writeFailDocs)
	}
	r = openInChild(t, arch, idx)
	if r.inMemory || r.fallback != "" || r.count != writeFailDocs {
		t.Fatalf("next start with writes working: in memory %t, fallback %q, %d pieces (want %d)",
			r.inMemory, r.fallback, r.count, writeFailDocs)
	}
}

// TestCompactFailureChild is the child of TestFailedCompactionPublishesTheBuild:
// it builds the index of FOLIO_ARCHIVE_DIR in FOLIO_INDEX_DIR in batches of
// 5 pieces and compacts it, with RLIMIT_FSIZE lowered just before the merge
// to the size of the largest segment file, so that the merged one cannot
// be written. Scorch's background merges are kept out: when they got
// ahead of the compaction (a loaded machine; a 3 s pause before it, in a
// trial, every time) they had merged the build into one segment, nothing
// was compacted, and the test had nothing to see.
func TestCompactFailureChild(t *testing.T) {
	if os.Getenv(writeFailChild) != "compact" {
		t.Skip("run by TestFailedCompactionPublishesTheBuild")
	}
	limit := func(bdir string) {
		files, _ := filepath.Glob(filepath.Join(bdir, "store", "*.zap"))
		var most int64
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil {
				most = max(most, fi.Size())
			}
		}
		n := uint64(most + 1)
		if err := unix.Setrlimit(unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: n, Max: n}); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("SEGMENTS %d\n", len(files))
	}
	arch := os.Getenv("FOLIO_ARCHIVE_DIR")
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: os.Getenv("FOLIO_INDEX_DIR"),
		BatchDocs: 5, compact: compactTest{min: 1, past: 1, before: limit, noMerges: true}})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("RESULT %d %t %q\n", ix.Count(), ix.Stats().Dir == "", ix.Fallback())
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// A compaction whose merge cannot be written (scorch retries a failed
// merge for ever) neither hangs the build nor loses it: the index as the
// build left it is published, whole, and the next start uses it unchanged.
func TestFailedCompactionPublishesTheBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index in a child process")
	}
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(t.TempDir(), "idx")
	out := runChild(t, "TestCompactFailureChild", "compact", arch, idx)
	if !strings.Contains(out, "SEGMENTS ") {
		t.Fatalf("the child did not compact:\n%s", out)
	}
	if !strings.Contains(out, `RESULT 400 false ""`) {
		t.Fatalf("want the built index on disk with 400 pieces and no notice; the child said:\n%s", out)
	}
	ix := checkReopensUnchanged(t, arch, idx, 400)
	ix.mu.RLock()
	dir, bi := ix.cur.hold.dir, ix.cur.bi
	ix.mu.RUnlock()
	segs := indexSegments(t, bi)
	if len(segs) < 2 {
		t.Errorf("%d segments: the merge that could not be written was kept?", len(segs))
	}
	bdir := filepath.Join(dir, bleveSubdir)
	newest, _, err := snapshotFiles(filepath.Join(bdir, "store", "root.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	if files := zapFiles(t, bdir); !slices.Equal(files, segs) || len(newest) != len(segs) {
		t.Errorf("segment files on disk %v, searched %v, named by the newest snapshot %v", files, segs, newest)
	}
	if r := run(t, ix, Query{Text: "government"}); r.Total == 0 {
		t.Error("no hits for government")
	}
}

// A compaction whose follow-up batch cannot be persisted (root.bolt's
// descriptor replaced by a read-only one just after the merge, so that
// every write of scorch's persister fails and is retried for ever) ends
// the wait at the first failure reported: the build is published as it
// was before the merge, and the next start finds it unchanged. Scorch's
// background merges are kept out, as in TestCompactFailureChild: one that
// merged the build into a segment left nothing to compact and the test
// nothing to break.
func TestFailedCompactionPersistPublishesTheBuild(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	swapped := 0
	breakBolt := func(bdir string) {
		target, err := filepath.EvalSymlinks(filepath.Join(bdir, "store", "root.bolt"))
		if err != nil {
			t.Error(err)
			return
		}
		fds, _ := os.ReadDir("/proc/self/fd")
		for _, e := range fds {
			if l, err := os.Readlink("/proc/self/fd/" + e.Name()); err != nil || l != target {
				continue
			}
			fd, _ := strconv.Atoi(e.Name())
			ro, err := unix.Open(target, unix.O_RDONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				t.Error(err)
				return
			}
			if err := unix.Dup3(ro, fd, unix.O_CLOEXEC); err != nil {
				t.Error(err)
			}
			unix.Close(ro)
			swapped++
		}
	}
	type opened struct {
		ix  *Index
		err error
	}
	done := make(chan opened, 1)
	go func() {
		ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: dir, BatchDocs: 5,
			compact: compactTest{min: 1, past: 1, afterMerge: breakBolt, noMerges: true}})
		done <- opened{ix, err}
	}()
	var o opened
	select {
	case o = <-done:
	case <-time.After(90 * time.Second): // a hang guard only
		t.Fatal("the build did not end in 90 s: the wait for the batch's persist hangs")
	}
	if swapped == 0 {
		t.Fatal("root.bolt was not found open: the test broke nothing")
	}
	if o.err != nil {
		t.Fatal(o.err)
	}
	if o.ix.Count() != 400 || o.ix.Fallback() != "" {
		t.Errorf("%d pieces, fallback %q; want 400 on disk", o.ix.Count(), o.ix.Fallback())
	}
	o.ix.Close()
	checkReopensUnchanged(t, arch, dir, 400)
}
