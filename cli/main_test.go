package cli

import (
	"fmt"
	"os"
	"testing"
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
	for _, v := range []string{"XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"} {
		os.Setenv(v, dir+"/"+v)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
