package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// A reader whose refresh fell back to memory, because its cache was
// removed (rm -rf) and the owner's folio index was building it again,
// holding the writer's role with no generation yet, goes back to the
// cache once that build is published: Published names the cache's file
// meanwhile, for the reader's watch, and the next Refresh opens the new
// generation. Before, the reader stayed in memory for as long as it ran
// (Published "", and Refresh found the index in memory current). Two
// opens of one cache folder stand for the two folios.
func TestReaderInMemoryGoesBackToTheRebuiltCache(t *testing.T) {
	arch, dir := t.TempDir(), t.TempDir()
	dupWrite(t, arch, map[string]string{"a.md": pieceA, "b.md": pieceB})
	dupSettle(t, arch) // not racy: the owner's build is current
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opts := Options{Dir: dir, LockTimeout: 50 * time.Millisecond}
	rd, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	currentNotBehind(t, "the reader's open", rd, dir, 2)
	published := rd.Published()

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	// the owner's folio index, stopped in its build (its first report)
	building, resume, built := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		first := true
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Progress: func(done, total int) {
			if first {
				first = false
				close(building)
				<-resume
			}
		}})
		if err == nil {
			ix.Close()
		}
		built <- err
	}()
	select {
	case <-building:
	case err := <-built:
		t.Fatalf("the owner's build ended before its first report: %v", err)
	}
	if _, err := rd.Refresh(ctx, opts); err != nil {
		t.Fatal(err)
	}
	if st := rd.Stats(); rd.Fallback() == "" || st.Dir != "" || rd.Count() != 2 {
		close(resume)
		<-built
		t.Fatalf("the test would not test: the reader's refresh during the owner's build: fallback %q, dir %q, %d pieces", rd.Fallback(), st.Dir, rd.Count())
	}
	if got := rd.Published(); got != published {
		t.Errorf("in memory for want of the cache: Published %q, want the cache's %q", got, published)
	}
	close(resume)
	if err := <-built; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(published); err != nil {
		t.Fatal(err)
	}
	if changed, err := rd.Refresh(ctx, opts); err != nil || !changed {
		t.Errorf("after the owner's build: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "after the owner's build", rd, dir, 2)
	if got := rd.Published(); got != published {
		t.Errorf("back on the cache: Published %q, want %q", got, published)
	}
	if got := run(t, rd, Query{Text: "text"}); got.Total != 2 {
		t.Errorf("back on the cache: %d hits, want 2", got.Total)
	}

	// in memory by choice: never the cache, which Published does not name
	mem, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if changed, err := mem.Refresh(ctx, Options{Dir: dir, Memory: true}); err != nil || changed || mem.Stats().Dir != "" || mem.Published() != "" {
		t.Errorf("in memory by choice: changed %v, %v, dir %q, published %q", changed, err, mem.Stats().Dir, mem.Published())
	}
	if _, err := os.Stat(filepath.Join(dir, currentName)); err != nil {
		t.Fatal(err)
	}
}
