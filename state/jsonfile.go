package state

import (
	"bytes"
	"encoding/json"
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
		return nil, &corruptError{err}
	}
	if v := version(f); v > current {
		return nil, fmt.Errorf("written by a newer folio (format %d, this one reads %d)", v, current)
	}
	return f, nil
}
