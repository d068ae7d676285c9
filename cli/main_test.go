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

var (
	sotuOnce     sync.Once
	sotuIndexDir string
	sotuErr      error
)
