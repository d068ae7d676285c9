//go:build unix

package state

import (
	"context"
	"errors"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// lockFolder takes an exclusive advisory lock (flock, by
// github.com/gofrs/flock) on the state folder itself, so that no lock file
// is left beside the state files, retrying every 5 ms until timeout. Every
// Save of every archive in the folder takes it; each holds it for one read
// and one write of a small file.
func lockFolder(dir string, timeout time.Duration) (unlock func(), err error) {
	fl := flock.New(dir, flock.SetFlag(os.O_RDONLY)) // a folder opens read-only
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ok, err := fl.TryLockContext(ctx, 5*time.Millisecond)
	switch {
	case ok:
		return func() { _ = fl.Unlock() }, nil
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		return nil, errors.New("another folio has held the lock on the state for too long")
	}
	return nil, err
}
