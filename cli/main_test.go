package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestMain keeps the tests out of the user's own folders: a test that sets
// no state, cache or config folder of its own gets these, made for the run
// (two tests wrote citation keys into ~/.local/state/folio at every run).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "folio-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sharedDir = dir
	for _, v := range []string{"XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"} {
		os.Setenv(v, dir+"/"+v)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedDir is TestMain's folder of the run.
var sharedDir string

// sotuIndexed is the State of the Union corpus and an index of it built
// once for the package, by folio index, for the tests that only read them:
// a test that changes the archive or needs the index's first build makes
// its own. Each build took 2–3 s of CPU (4–7 s wall with both cores busy),
// and nine were made.
func sotuIndexed(t *testing.T) (archiveDir, indexDir string) {
	t.Helper()
	archiveDir = testcorpus.Dir(t, "sotu")
	sotuOnce.Do(func() {
		sotuIndexDir = filepath.Join(sharedDir, "sotu-index")
		out, errOut, code := runIndexed(t, sotuIndexDir, "--archive", archiveDir, "index")
		if code != 0 || !strings.Contains(out+errOut, "built") {
			sotuErr = fmt.Errorf("folio index of sotu: exit %d: %s%s", code, out, errOut)
		}
	})
	if sotuErr != nil {
		t.Fatal(sotuErr)
	}
	return archiveDir, sotuIndexDir
}

// bundledIndexed is an index of the bundled archive built once for the
// package, by folio index, for the tests that only search it (runBundled):
// of the 127 builds of it the ui and cli tests made, ~100 were cli's, one
// a command, 0.1–0.3 s each; the tests that build it (run) still do.
func bundledIndexed(t *testing.T) string {
	t.Helper()
	bundledOnce.Do(func() {
		bundledIndexDir = filepath.Join(sharedDir, "bundled-index")
		out, errOut, code := runIndexed(t, bundledIndexDir, "index")
		if code != 0 || !strings.Contains(out+errOut, "built") {
			bundledErr = fmt.Errorf("folio index of the bundled archive: exit %d: %s%s", code, out, errOut)
		}
	})
	if bundledErr != nil {
		t.Fatal(bundledErr)
	}
	return bundledIndexDir
}

// runBundled is run on the bundled archive with the index bundledIndexed
// built: args may name no other archive or index folder, and the command
// must not change the archive (the bundled one cannot be changed).
func runBundled(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	for _, a := range args {
		if a == "--archive" || a == "--index-dir" || strings.HasPrefix(a, "--archive=") || strings.HasPrefix(a, "--index-dir=") {
			t.Fatalf("runBundled %v: the shared index is the bundled archive's", args)
		}
	}
	return runIndexed(t, bundledIndexed(t), args...)
}

var (
	bundledOnce     sync.Once
	bundledIndexDir string
	bundledErr      error
)

var (
	sotuOnce     sync.Once
	sotuIndexDir string
	sotuErr      error
)
