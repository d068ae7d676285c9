//go:build unix

package state

import (
	"errors"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// lockFolder takes an exclusive advisory lock (flock, by
// github.com/gofrs/flock) on the state folder itself, so that no lock file
// is left beside the state files, waiting for it in the kernel up to
// timeout. Every Save of every archive in the folder takes it; each holds
// it for one read and one write of a small file. A wait in the kernel is
// woken when the holder lets go, so a folio saving back to back cannot
// starve another (a try every few milliseconds almost never found the
// lock free between two of its Saves).
func lockFolder(dir string, timeout time.Duration) (unlock func(), err error) {
	fl := flock.New(dir, flock.SetFlag(os.O_RDONLY)) // a folder opens read-only
	done := make(chan error, 1)
	go func() { done <- fl.Lock() }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return nil, err
		}
		return func() { _ = fl.Unlock() }, nil
	case <-timer.C:
		// The wait goes on in its goroutine: the lock it takes later is
		// let go at once.
		go func() {
			if <-done == nil {
				_ = fl.Unlock()
			}
		}()
		return nil, errors.New("another folio has held the lock on the state for too long")
	}
}
