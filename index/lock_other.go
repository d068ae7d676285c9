//go:build !unix

package index

import (
	"context"
	"errors"
	"os"
	"time"
)

// fileLock is a no-op where flock is not available: bbolt's own lock
// (with a timeout) still keeps a second writer out of a generation, and a
// generation another folio has open cannot be removed there (its files are
// in use), so the removal is tried again by the next writer.
type fileLock struct{}

var errLocked = errors.New("the index is being changed by another folio")

func lockDir(path string, timeout time.Duration) (*fileLock, error) { return &fileLock{}, nil }

func lockDirWait(ctx context.Context, path string) (*fileLock, error) { return &fileLock{}, nil }

func lockShared(path string, timeout time.Duration) (*fileLock, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return &fileLock{}, nil
}

func tryLockExclusive(path string) *fileLock {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	return &fileLock{}
}

func awaitUnlocked(ctx context.Context, path string) error {
	return errors.New("waiting for the index's writer is not available on this system")
}

func writerFree(dir string) bool { return true }

func (l *fileLock) stillAt(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func (l *fileLock) unlock() {}
