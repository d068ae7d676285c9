//go:build unix

package state

import (
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The state folder's lock excludes a second Save until let go, and a wait
// past the timeout ends with a message, not a hang.
func TestLockFolder(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockFolder(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockFolder(dir, 50*time.Millisecond); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("second lock while held: %v, want the too-long error", err)
	}
	unlock()
	unlock2, err := lockFolder(dir, time.Second)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	unlock2()
	if _, err := lockFolder(dir+"/missing", time.Second); err == nil {
		t.Error("lock of a missing folder: no error")
	}
}

// A folio that takes the lock back to back (each hold 20 ms of work, let
// go and taken again at once) does not starve another: the other is given
// the lock at one of its releases, well within the timeout. A try every
// 5 ms found it held at nearly every try (the lock is free for a moment
// between two holds) and gave up after the timeout.
func TestLockFolderIsGivenBetweenAnothersHolds(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fd := int(f.Fd())
	stop, stopped := make(chan struct{}), make(chan struct{})
	held := make(chan struct{})
	go func() {
		defer close(stopped)
		for first := true; ; first = false {
			if err := syscall.Flock(fd, syscall.LOCK_EX); err != nil {
				t.Error(err)
				return
			}
			if first {
				close(held)
			}
			for start := time.Now(); time.Since(start) < 20*time.Millisecond; {
				// a Save's work, done while holding the lock
			}
			select {
			case <-stop:
				_ = syscall.Flock(fd, syscall.LOCK_UN)
				return
			default:
				_ = syscall.Flock(fd, syscall.LOCK_UN) // and at once again
			}
		}
	}()
	<-held
	unlock, err := lockFolder(dir, lockTimeout)
	close(stop)
	if err != nil {
		t.Fatalf("beside a folio saving back to back: %v", err)
	}
	unlock()
	<-stopped
}
