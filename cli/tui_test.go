package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCloseWithinLeavesABlockedClose: quitting does not wait for an index
// Close that never returns (one stuck behind a read the kernel does not
// finish); a Close that returns is waited for.
func TestCloseWithinLeavesABlockedClose(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	returned := make(chan struct{})
	go func() {
		defer close(returned)
		closeWithin(func() error { <-block; return nil }, time.Millisecond)
	}()
	select {
	case <-returned:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("closeWithin waited for a Close that never returns")
	}
	closed := false
	closeWithin(func() error { closed = true; return nil }, time.Minute)
	if !closed {
		t.Error("closeWithin returned before a Close that returns")
	}
}

// TestConfigNestingBombIsRefused: 10,000 nested inline tables (40 KB)
// took 3.5 GB to decode; the config file is refused with its line before
// it is decoded, and saving does not overwrite it.
func TestConfigNestingBombIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	bomb := "citation_format = \"bibtex\"\nx = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n"
	if err := os.WriteFile(path, []byte(bomb), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readConfig(path); err == nil || !strings.Contains(err.Error(), "line 2: nested deeper than 100 levels") {
		t.Errorf("read: %v", err)
	}
	if err := saveCitationFormat(path, "apa"); err == nil {
		t.Error("a config folio cannot read was overwritten")
	}
}
