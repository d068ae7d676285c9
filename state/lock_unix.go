//go:build unix

package state

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockFolder takes an exclusive advisory lock (flock) on the state folder
// itself, so that no lock file is left beside the state files, retrying
// until timeout. Every Save of every archive in the folder takes it; each
// holds it for one read and one write of a small file.
func lockFolder(dir string, timeout time.Duration) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() {
				_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, errors.New("another folio has held the lock on the state for too long")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
