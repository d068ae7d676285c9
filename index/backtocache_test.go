package index

import (
	"bufio"
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

// A reader in memory because another folio held the writer's role,
// building the cache from nothing, waits for that folio (WriterLock,
// AwaitUnlocked: blocked until it lets the lock go), and, the builder
// killed (kill -9) before it published anything, its next Refresh takes
// the writer's role, builds the cache and goes back to it. Before, the
// reader stayed in memory until the archive changed: CURRENT named no
// generation, and nothing would. The builder is a child process stopped
// at its first report.
func TestReaderInMemoryBuildsTheCacheAfterAKilledBuilder(t *testing.T) {
	parallel(t)
	arch, dir := t.TempDir(), t.TempDir()
	dupWrite(t, arch, map[string]string{"a.md": pieceA, "b.md": pieceB})
	dupSettle(t, arch)
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	builder := child(t, "stuck", arch, dir)
	out, err := builder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := builder.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	t.Cleanup(func() {
		if !killed {
			_ = builder.Process.Kill()
			_ = builder.Wait()
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "building\n" {
		t.Fatalf("the builder said %q, %v", line, err)
	}

	ctx := context.Background()
	opts := Options{Dir: dir, LockTimeout: 50 * time.Millisecond}
	rd, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	lock := filepath.Join(dir, writerName)
	if st := rd.Stats(); rd.Fallback() == "" || st.Dir != "" || rd.Count() != 2 || rd.WriterLock() != lock {
		t.Fatalf("the test would not test: the reader beside the build: fallback %q, dir %q, %d pieces, writer's lock %q",
			rd.Fallback(), st.Dir, rd.Count(), rd.WriterLock())
	}
	waited := make(chan error, 1)
	go func() { waited <- AwaitUnlocked(ctx, rd.WriterLock()) }()
	// the builder still at work: a refresh keeps the index in memory
	if changed, err := rd.Refresh(ctx, opts); err != nil || changed || rd.Stats().Dir != "" || rd.WriterLock() != lock {
		t.Errorf("a refresh beside the build: changed %v, %v, dir %q, writer's lock %q", changed, err, rd.Stats().Dir, rd.WriterLock())
	}
	select {
	case err := <-waited:
		t.Fatalf("the wait for the writer ended while the builder held its lock: %v", err)
	default:
	}

	if err := builder.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = builder.Wait()
	killed = true
	if err := <-waited; err != nil {
		t.Fatalf("the wait for the killed writer: %v", err)
	}
	if g := readCurrent(dir); g != "" {
		t.Fatalf("the test would not test: the killed builder published %q", g)
	}
	if changed, err := rd.Refresh(ctx, opts); err != nil || !changed {
		t.Errorf("the refresh after the builder's kill: changed %v, %v", changed, err)
	}
	currentNotBehind(t, "after the builder's kill", rd, dir, 2)
	if g := readCurrent(dir); g == "" {
		t.Error("the refresh after the builder's kill published no generation")
	}
	if got := rd.WriterLock(); got != "" {
		t.Errorf("on the cache: writer's lock %q, want none", got)
	}
	if got := run(t, rd, Query{Text: "text"}); got.Total != 2 {
		t.Errorf("on the cache: %d hits, want 2", got.Total)
	}
}
