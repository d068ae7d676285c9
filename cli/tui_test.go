package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/ui"
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

// TestFirstRefreshTakesTheOpensCheck: the reader's refresh at start of an
// index OpenCached opened takes the answer of the check the open began when
// the files are as recorded (Refresh, which scans and plans every file
// again, is not called); when they changed, Refresh brings the index up to
// date.
func TestFirstRefreshTakesTheOpensCheck(t *testing.T) {
	arch, opts := t.TempDir(), index.Options{Dir: t.TempDir()}
	write := func(name, word string) {
		text := "---\ntitle: A note\ndate: 2020-01-01\n---\nA " + word + ".\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "badger")
	write("b.md", "marten")
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Settled: files read within index.RacyWindow of their writing are read
	// again at the next open, until an open finds nothing to read (as
	// TestCompletionReadsACurrentIndex waits for `folio index`).
	for opens := 1; ; opens++ {
		ix, err := index.Open(ctx, name, fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		settled := ix.Stats().Unchanged
		ix.Close()
		if settled {
			break
		}
		if opens == 10000 {
			t.Fatal("the index never found the archive unchanged")
		}
	}
	refreshed := 0
	refresh := func(context.Context, func(int, int)) (ui.Info, bool, error) {
		refreshed++
		return ui.Info{}, true, nil
	}
	first := func() (ui.Info, bool, error) {
		cached, err := index.OpenCached(name, fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer cached.Close()
		return firstRefresh(cached, refresh)(ctx, nil)
	}
	info, changed, err := first()
	if changed || err != nil || refreshed != 0 || info.Count != 2 {
		t.Errorf("unchanged archive: changed %v, %v, Refresh called %d times, %d pieces; want the check's answer, 2 pieces", changed, err, refreshed, info.Count)
	}
	write("a.md", "walrus and a longer text")
	if _, changed, err := first(); !changed || err != nil || refreshed != 1 {
		t.Errorf("changed archive: changed %v, %v, Refresh called %d times; want once", changed, err, refreshed)
	}
}

// A reader that builds its index (no index yet, or one it cannot use as
// recorded) reads the folder again once its watch has started: a piece
// added during the build, which the build's scan did not see and no watch
// was there to see, was missing until R (a helper's report: `0 of 3,052`
// for a word in two files, 25 s after the build).
func TestReaderReadsTheFolderAgainAfterItsBuild(t *testing.T) {
	arch := t.TempDir()
	write := func(name, word string) {
		text := "---\ntitle: A note\ndate: 2020-01-01\n---\nA " + word + ".\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "badger")
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	r := &readerIndex{env: &Env{ArchiveDir: arch, IndexDir: t.TempDir()}, name: name, fsys: fsys}
	_, info, err := r.open(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.current().Close()
	if info.Count != 1 || info.Refresh == nil {
		t.Fatalf("built: %d pieces, a first refresh %v; want 1 and one", info.Count, info.Refresh != nil)
	}
	write("b.md", "marten") // as if added while the index was built
	got, changed, err := info.Refresh(context.Background(), nil)
	if err != nil || !changed || got.Count != 2 {
		t.Errorf("the first refresh: changed %v, %v, %d pieces; want 2", changed, err, got.Count)
	}

	// The bundled archive never changes: nothing to read again.
	bname, bfs, err := archive.Source("")
	if err != nil {
		t.Fatal(err)
	}
	b := &readerIndex{env: &Env{IndexDir: t.TempDir()}, name: bname, fsys: bfs}
	if _, info, err := b.open(context.Background(), nil); err != nil || info.Refresh != nil {
		t.Errorf("bundled: %v, a first refresh %v", err, info.Refresh != nil)
	}
	b.current().Close()
}
