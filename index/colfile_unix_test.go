//go:build unix

package index

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
)

// TestColumnsFileThatBlocks: a FIFO named as a generation's columns file
// is not opened for reading (an open would wait for a writer, and the
// search and Close with it); the reader answers from the snapshot.
func TestColumnsFileThatBlocks(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 60, 3); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	openFolder(t, arch, dir).Close()
	if err := syscall.Mkfifo(filepath.Join(liveGen(t, dir), columnsName), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	ix := openCached(t, arch, dir)
	if got, err := ix.Search(context.Background(), Query{Limit: 10}); err != nil || got.Total != 60 {
		t.Fatalf("beside a FIFO: %d pieces, %v", got.Total, err)
	}
	if genRead(ix) {
		t.Error("a FIFO was read as the columns file")
	}
	warmedTerms(t, ix)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(filepath.Join(liveGen(t, dir), columnsName)); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Logf("the warm wrote over the FIFO: %v", err) // either is right
	}
}
