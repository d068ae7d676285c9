//go:build unix

package index

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// fileLock is an advisory lock on the index folder, held while the Index is
// open, so that two folios never update one index. bbolt's own lock (with a
// timeout) backs it up.
type fileLock struct{ f *os.File }

var errLocked = errors.New("the index is in use by another folio")

// lockDir takes the lock on path, retrying until timeout.
func lockDir(path string, timeout time.Duration) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
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
		time.Sleep(25 * time.Millisecond)
	}
}

func (l *fileLock) unlock() {
	if l == nil || l.f == nil {
		return
	}
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	_ = l.f.Close()
	l.f = nil
}
