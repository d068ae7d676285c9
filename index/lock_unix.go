//go:build unix

package index

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// fileLock is an advisory lock (flock) on a file of the index folder: the
// writer's lock, held exclusively while one folio changes the index, or a
// reader's hold on a generation, shared (see doc.go). bbolt's own lock
// (shared for a read-only open, exclusive otherwise) backs it up.
type fileLock struct{ f *os.File }

var errLocked = errors.New("the index is being changed by another folio")

// lockDir takes the exclusive lock on path, creating it, retrying until
// timeout.
func lockDir(path string, timeout time.Duration) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	return flockWait(f, syscall.LOCK_EX, timeout)
}

// lockShared takes a shared lock on path, which must exist, retrying until
// timeout.
func lockShared(path string, timeout time.Duration) (*fileLock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return flockWait(f, syscall.LOCK_SH, timeout)
}

// tryLockExclusive takes the exclusive lock on path, which must exist,
// when no one holds it; nil otherwise.
func tryLockExclusive(path string) *fileLock {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		f.Close()
		return nil
	}
	return &fileLock{f}
}

func flockWait(f *os.File, how int, timeout time.Duration) (*fileLock, error) {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return &fileLock{f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, errLocked
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stillAt reports whether the locked file is still the one at path (a
// generation being removed is renamed away first).
func (l *fileLock) stillAt(path string) bool {
	held, err := l.f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(held, now)
}

func (l *fileLock) unlock() {
	if l == nil || l.f == nil {
		return
	}
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	_ = l.f.Close()
	l.f = nil
}
