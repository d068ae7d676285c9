//go:build linux

package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", "^TestWriteFailureChild$", "-test.v")
	cmd.Env = append(os.Environ(), writeFailChild+"=1", "FOLIO_ARCHIVE_DIR="+arch, "FOLIO_INDEX_DIR="+idx)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the open did not end in 90 s (hang); output:\n%s", out)
	}
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
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

func TestWriteFailureFallsBackToMemory(t *testing.T) {
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
