//go:build !unix

package index

import (
	"errors"
	"time"
)

// fileLock is a no-op where flock is not available; bbolt's own lock (with
// a timeout) still keeps a second folio out of an open index.
type fileLock struct{}

var errLocked = errors.New("the index is in use by another folio")

func lockDir(path string, timeout time.Duration) (*fileLock, error) { return &fileLock{}, nil }

func (l *fileLock) unlock() {}
