//go:build unix

package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/gofrs/flock"

	"github.com/folio-tui/folio/archive"
)

// fileLock is an advisory lock (flock, by github.com/gofrs/flock) on a
// file of the index folder: the writer's lock, held exclusively while one
// folio changes the index, or a reader's hold on a generation, shared (see
// doc.go). bbolt's own lock (shared for a read-only open, exclusive
// otherwise) backs it up.
type fileLock struct {
	fl *flock.Flock
	// named: the file holds this holder's pid (namePID), emptied when
	// the lock is let go, so that no later wait names a folio gone
	named string
}

var errLocked = errors.New("the index is being changed by another folio")

// lockFlags open a lock file without waiting (a named pipe's open waits
// for a writer: an attack's readers or lock file made one hung every
// command) and without following a link (the lock is written, its pid).
const lockFlags = syscall.O_NONBLOCK | syscall.O_NOFOLLOW

// lockFileProblem is the damagedError of a lock file at path that is no
// regular file (a named pipe, a device, a symbolic link, a folder); nil
// for a regular file, or none.
func lockFileProblem(path string) error {
	st, err := os.Lstat(path)
	switch {
	case err != nil, st.Mode().IsRegular():
		return nil
	case st.Mode()&fs.ModeSymlink != 0:
		return damage(path, errors.New("a symbolic link, not the lock file folio makes"))
	case st.Mode().IsDir():
		return damage(path, errors.New("a folder, not the lock file folio makes"))
	case st.Mode()&fs.ModeNamedPipe != 0:
		return damage(path, fmt.Errorf("%w (a named pipe)", archive.ErrNotRegular))
	case st.Mode()&fs.ModeDevice != 0:
		return damage(path, fmt.Errorf("%w (a device)", archive.ErrNotRegular))
	}
	return damage(path, archive.ErrNotRegular)
}

// writerLockProblem is lockFileProblem of the writer's lock, which folio
// does not replace itself (two folios replacing it at once could each
// lock a file of its own): the user is told to remove it.
func writerLockProblem(path string) error {
	if err := lockFileProblem(path); err != nil {
		return fmt.Errorf("%w; remove it, and folio makes it again", err)
	}
	return nil
}

// newFlock is flock.New of the lock file at path, opened with flag, or
// the error of one that is not a regular file (lockFileProblem).
func newFlock(path string, flag int) (*flock.Flock, error) {
	if err := lockFileProblem(path); err != nil {
		return nil, err
	}
	return flock.New(path, flock.SetFlag(flag|lockFlags)), nil
}

// lockRetry is how long a wait for a lock sleeps between tries.
const lockRetry = 10 * time.Millisecond

// lockDir takes the exclusive lock on path, creating it, retrying until
// timeout; the holder writes its pid into the file (Writer).
func lockDir(path string, timeout time.Duration) (*fileLock, error) {
	if err := writerLockProblem(path); err != nil {
		return nil, err
	}
	fl, err := newFlock(path, os.O_CREATE|os.O_RDWR)
	if err != nil {
		return nil, err
	}
	l, err := flockWait(fl, fl.TryLockContext, timeout)
	if err == nil {
		l.namePID(path)
	}
	return l, err
}

// lockDirWait takes the exclusive lock on path, creating it, blocked in
// flock until it is let go, or until ctx ends: then the lock, if it comes,
// is let go at once.
func lockDirWait(ctx context.Context, path string) (*fileLock, error) {
	if err := writerLockProblem(path); err != nil {
		return nil, err
	}
	fl, err := newFlock(path, os.O_CREATE|os.O_RDWR)
	if err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- fl.Lock() }()
	select {
	case err := <-done:
		if err != nil {
			return nil, err
		}
		l := &fileLock{fl: fl}
		l.namePID(path)
		return l, nil
	case <-ctx.Done():
		go func() {
			if <-done == nil {
				_ = fl.Unlock()
			}
		}()
		return nil, ctx.Err()
	}
}

// namePID writes the holder's pid into the lock file at path, for a folio
// that waits to say whom it waits for. The file is the one locked (its
// content is not replaced, only written), and nothing else reads it.
func (l *fileLock) namePID(path string) {
	if l.stillAt(path) && os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644) == nil {
		l.named = path
	}
}

// lockShared takes a shared lock on path, which must exist, retrying until
// timeout.
func lockShared(path string, timeout time.Duration) (*fileLock, error) {
	fl, err := newFlock(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	return flockWait(fl, fl.TryRLockContext, timeout)
}

// awaitUnlocked blocks in flock, for a shared lock on path, until no
// folio holds it exclusively, then lets it go at once; or until ctx ends:
// then the lock, if it comes, is let go when it does. A file missing is
// no folio's lock.
func awaitUnlocked(ctx context.Context, path string) error {
	fl, err := newFlock(path, os.O_RDONLY)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- fl.RLock() }()
	select {
	case err := <-done:
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err == nil {
			err = fl.Unlock()
		}
		return err
	case <-ctx.Done():
		go func() {
			if <-done == nil {
				_ = fl.Unlock()
			}
		}()
		return ctx.Err()
	}
}

// writerFree reports whether no folio holds the writer's lock of the
// cache folder dir (none is there, or it can be taken), at this moment.
func writerFree(dir string) bool {
	path := filepath.Join(dir, writerName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return true
	}
	l := tryLockExclusive(path)
	l.unlock()
	return l != nil
}

// tryLockExclusive takes the exclusive lock on path, which must exist,
// when no one holds it; nil otherwise.
func tryLockExclusive(path string) *fileLock {
	fl, err := newFlock(path, os.O_RDONLY)
	if err != nil {
		return nil
	}
	if ok, err := fl.TryLock(); !ok || err != nil {
		return nil
	}
	return &fileLock{fl: fl}
}

// flockWait takes fl's lock with try (TryLockContext or TryRLockContext),
// errLocked when another folio holds it past timeout.
func flockWait(fl *flock.Flock, try func(context.Context, time.Duration) (bool, error), timeout time.Duration) (*fileLock, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ok, err := try(ctx, lockRetry)
	switch {
	case ok:
		return &fileLock{fl: fl}, nil
	case err == nil || errors.Is(err, context.DeadlineExceeded):
		return nil, errLocked
	}
	return nil, err
}

// stillAt reports whether the locked file is still the one at path (a
// generation being removed is renamed away first).
func (l *fileLock) stillAt(path string) bool {
	held, err := l.fl.Stat() // of the open file
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(held, now)
}

func (l *fileLock) unlock() {
	if l == nil || l.fl == nil {
		return
	}
	if l.named != "" && l.stillAt(l.named) {
		_ = os.Truncate(l.named, 0) // a review: a wait named a pid long gone
	}
	_ = l.fl.Unlock() // and closes the file
	l.fl = nil
}
