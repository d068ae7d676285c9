//go:build unix

package index

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// The locks of the cache folder: one writer excludes everyone, readers
// share, a remover gets in only when no one holds the file, a wait ends
// with errLocked, and a hold sees its file renamed away.
func TestFileLocks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lock")
	if _, err := lockShared(path, 50*time.Millisecond); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("shared lock of a missing file: %v, want not exist", err)
	}
	w, err := lockDir(path, time.Second) // creates it
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockShared(path, 50*time.Millisecond); !errors.Is(err, errLocked) {
		t.Errorf("shared lock beside the writer's: %v, want errLocked", err)
	}
	if _, err := lockDir(path, 50*time.Millisecond); !errors.Is(err, errLocked) {
		t.Errorf("second writer: %v, want errLocked", err)
	}
	if l := tryLockExclusive(path); l != nil {
		t.Error("tryLockExclusive took a held lock")
	}
	w.unlock()
	w.unlock() // twice is harmless

	r1, err := lockShared(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := lockShared(path, time.Second)
	if err != nil {
		t.Fatalf("readers do not share: %v", err)
	}
	if l := tryLockExclusive(path); l != nil {
		t.Error("tryLockExclusive took a lock readers hold")
	}
	if _, err := lockDir(path, 50*time.Millisecond); !errors.Is(err, errLocked) {
		t.Errorf("writer beside readers: %v, want errLocked", err)
	}
	r1.unlock()
	if !r2.stillAt(path) {
		t.Error("stillAt: false for the file in place")
	}
	if err := os.Rename(path, path+".old"); err != nil {
		t.Fatal(err)
	}
	if r2.stillAt(path) {
		t.Error("stillAt: true for a file renamed away")
	}
	if err := os.Rename(path+".old", path); err != nil {
		t.Fatal(err)
	}
	r2.unlock()
	l := tryLockExclusive(path)
	if l == nil {
		t.Fatal("tryLockExclusive failed on a free file")
	}
	l.unlock()
}

// processStopped tells a stopped process (Ctrl+Z, SIGSTOP) from a running
// one, as folio index says whom it waits for (a helper's report: it
// waited 10 minutes behind a stopped folio, unsaid).
func TestProcessStopped(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	defer cmd.Process.Kill()
	pid := cmd.Process.Pid
	if processStopped(pid) {
		t.Fatal("a running sleep is stopped")
	}
	cmd.Process.Signal(syscall.SIGSTOP)
	for !processStopped(pid) { // the state changes as the signal is taken
		runtime.Gosched()
	}
	cmd.Process.Signal(syscall.SIGCONT)
	for processStopped(pid) {
		runtime.Gosched()
	}
	dir := t.TempDir()
	lock := filepath.Join(dir, writerName)
	os.WriteFile(lock, []byte(strconv.Itoa(pid)+"\n"), 0o644)
	if w := writerOf(lock); w.PID != pid || w.Stopped {
		t.Errorf("writerOf: %+v", w)
	}
	os.WriteFile(lock, nil, 0o644) // an older folio's: no pid
	if w := writerOf(lock); w.PID != 0 {
		t.Errorf("writerOf an empty lock: %+v", w)
	}
	// a pid gone is no holder (a review: a wait named a folio long gone),
	// and a holder's pid goes with its lock
	cmd.Process.Kill()
	cmd.Wait()
	os.WriteFile(lock, []byte(strconv.Itoa(pid)+"\n"), 0o644)
	if w := writerOf(lock); w.PID != 0 {
		t.Errorf("writerOf a pid gone: %+v", w)
	}
	l, err := lockDir(lock, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if w := writerOf(lock); w.PID != os.Getpid() {
		t.Errorf("held: %+v, want this process", w)
	}
	l.unlock()
	if data, _ := os.ReadFile(lock); len(data) != 0 {
		t.Errorf("let go, the lock file still holds %q", data)
	}
}
