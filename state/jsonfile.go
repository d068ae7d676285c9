package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/folio-tui/folio/archive"
)

// readJSON reads one of folio's own JSON files (reading state, quotes,
// citation keys, saved searches' opened times) into a T, at most limit
// bytes of a regular file. A byte-order mark (an editor's) is no part of
// JSON and is skipped; text that is not T's JSON is a *corruptError (the
// caller sets the file aside); a format newer than current (version(f))
// is an error that is not: a newer folio wrote it, and this one would drop
// what it does not know, so the file is left alone.
func readJSON[T any](path string, limit int64, current int, version func(*T) int) (*T, error) {
	data, err := archive.ReadRegular(path, limit)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	f := new(T)
	if err := json.Unmarshal(data, f); err != nil {
		return nil, &corruptError{err: err}
	}
	if v := version(f); v > current {
		return nil, fmt.Errorf("written by a newer folio (format %d, this one reads %d)", v, current)
	}
	return f, nil
}

// readOrSetAside reads one of folio's JSON files in the state folder with
// read, and sets a file found corrupt aside (setAside) only after taking
// the state folder's lock and reading it again: a Save, holding the lock,
// may have set the corrupt file aside and written a good one since the
// first read (an attack: Open set valid state files aside as "corrupt", 13
// of 1,995 copies, racing a Save). Every folio writes these files under
// that lock, so the file renamed is the one the second read found corrupt,
// never one a folio wrote. What is returned is what the second read found:
// the file as another folio mended it, none (fs.ErrNotExist: set aside
// meanwhile), or a *corruptError saying where the file went (aside) or
// why it could not be set aside (asideErr).
func readOrSetAside[T any](path string, read func(string) (T, error)) (T, error) {
	v, err := read(path)
	var ce *corruptError
	if !errors.As(err, &ce) {
		return v, err
	}
	if corruptFound != nil {
		corruptFound(path)
	}
	unlock, lerr := lockForWrite(path, "state")
	if lerr != nil {
		ce.asideErr = lerr
		return v, ce
	}
	defer unlock()
	if v, err = read(path); !errors.As(err, &ce) {
		return v, err // mended, or set aside, by another folio meanwhile
	}
	if ce.aside, ce.asideErr = setAside(path); ce.asideErr != nil {
		ce.aside = ""
	}
	return v, ce
}

// corruptFound, when set (by tests), is called by readOrSetAside when its
// first read found the file corrupt, before it takes the lock.
var corruptFound func(path string)
