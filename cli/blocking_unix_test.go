//go:build unix

package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestBlockingFilesDoNotHangCommands is issue 12's blocking files through
// the commands: an archive holding a named pipe, a link to one and (as
// root) a link to /proc/kmsg, which made every command hang. Each command
// returns, the good piece is there, and a piece swapped for a pipe after
// the index was built fails at once. The deadline only guards the hang.
func TestBlockingFilesDoNotHangCommands(t *testing.T) {
	dir := t.TempDir()
	arch := filepath.Join(dir, "archive")
	if err := os.Mkdir(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(arch, "good.md")
	if err := os.WriteFile(good, []byte("---\ntitle: Good piece\ndate: 2017-01-01\n---\nAbout quokkas.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(arch, "fifo.md"), filepath.Join(dir, "fifo")} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "fifo"), filepath.Join(arch, "link-to-fifo.md")); err != nil {
		t.Fatal(err)
	}
	kmsg := false
	if f, err := os.Open("/proc/kmsg"); err == nil { // as root: reading it blocks
		f.Close()
		kmsg = os.Symlink("/proc/kmsg", filepath.Join(arch, "kmsg.md")) == nil
	}
	indexDir := filepath.Join(dir, "index")
	folio := func(args ...string) (string, string) {
		t.Helper()
		var out, errs string
		done := make(chan struct{})
		go func() {
			defer close(done)
			out, errs, _ = run(t, append([]string{"--archive", arch, "--index-dir", indexDir}, args...)...)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("folio %v hung", args)
		}
		return out, errs
	}
	out, _ := folio("check")
	if kmsg != strings.Contains(out, "kmsg.md: not a regular file (a /proc file)") {
		t.Errorf("check (kmsg link made: %v):\n%s", kmsg, out)
	}
	for _, args := range [][]string{{"list"}, {"index"}, {"search", "quokkas"}, {"show", "good"}, {"cite", "good"}, {"stats"}} {
		out, errs := folio(args...)
		if args[0] != "index" && args[0] != "stats" && !strings.Contains(out, "Good piece") {
			t.Errorf("folio %v: no good piece:\n%s\n%s", args, out, errs)
		}
	}

	// Swapped for a pipe after the index was built.
	if err := os.Remove(good); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(good, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"search", "quokkas"}, {"show", "good"}, {"list"}, {"index"}} {
		folio(args...)
	}
}

// TestConfigFileThatIsAPipe: a config file that is a named pipe is
// refused at once (opening it used to wait for a writer).
func TestConfigFileThatIsAPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err = readConfig(fifo)
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("reading a config file that is a pipe hung")
	}
	if !errors.Is(err, archive.ErrNotRegular) {
		t.Errorf("config from a pipe: %v, want %v", err, archive.ErrNotRegular)
	}
}
