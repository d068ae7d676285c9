package state

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// found is what a write of the reading state or the quotes found of its
// file under the state folder's lock (startWrite).
type found uint8

const (
	// foundFile: the file was read.
	foundFile found = iota
	// foundDeleted: the file is gone and no set-aside copy appeared since
	// the writer last read or wrote it: deleted (the file, or the state
	// folder). The writer writes only its changes since then.
	foundDeleted
	// foundSetAside: the file was corrupt and is set aside now, or it is
	// gone with a set-aside copy the writer had not seen (or the folder
	// could not be listed): set aside as corrupt, here or by another
	// folio. What the writer holds is the only good copy, and is written
	// again whole.
	foundSetAside
)

// writing is a write of the reading state or the quotes under way: the
// state folder locked (until unlock) and the file read.
type writing[T any] struct {
	unlock func()
	file   T // when found is foundFile
	found  found
	// copies are the set-aside copies of the file now, one just made
	// here among them (nil when the folder could not be listed): what
	// the writer's seen becomes once its write is done, for the next
	// one that finds the file gone to compare with.
	copies map[string]bool
}

// startWrite begins a write of the file at path, one whose holder keeps
// it whole across set-asides (the reading state, the quotes; what names
// it in errors, "state file"): it takes the state folder's lock (as
// lockForWrite, listing the folder once for the temporary files and the
// set-aside copies), reads the file with read, sets a corrupt file aside
// (unless keepCorrupt: then the corrupt error is returned and the file
// left as it is), and tells what it found by the copies now and seen,
// those in the folder when the writer last read or wrote the file. Any
// other error reading the file is returned: it is not overwritten.
func startWrite[T any](path, what string, read func(string) (T, error), seen map[string]bool, keepCorrupt bool) (*writing[T], error) {
	unlock, entries, listErr, err := lockListing(path, "state")
	if err != nil {
		return nil, err
	}
	w := &writing[T]{unlock: unlock}
	if listErr == nil {
		w.copies = asideCopiesIn(path, entries)
	}
	w.file, err = read(path)
	corrupt := errors.As(err, new(*corruptError))
	switch {
	case err == nil:
		w.found = foundFile
	case corrupt && keepCorrupt:
		unlock()
		return nil, fmt.Errorf("%s %s cannot be read (%v); left as it is", what, path, err)
	case corrupt:
		aside, aerr := setAside(path)
		if aerr != nil {
			unlock()
			return nil, fmt.Errorf("%s %s is corrupt and could not be set aside: %w", what, path, aerr)
		}
		if w.copies != nil {
			w.copies[filepath.Base(aside)] = true
		}
		w.found = foundSetAside
	case errors.Is(err, fs.ErrNotExist):
		w.found = foundSetAside
		if w.copies != nil && !newAside(w.copies, seen) {
			w.found = foundDeleted
		}
	default:
		unlock()
		return nil, fmt.Errorf("%s %s cannot be read, not overwriting it: %w", what, path, err)
	}
	return w, nil
}

// asideCopies names the set-aside copies of path in its folder (none when
// the folder is gone).
func asideCopies(path string) (map[string]bool, error) {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return asideCopiesIn(path, entries), nil
}

// asideCopiesIn names the set-aside copies of path among entries, its
// folder's.
func asideCopiesIn(path string, entries []os.DirEntry) map[string]bool {
	prefix := filepath.Base(asidePrefix(path, len("20060102T150405Z")+4))
	names := map[string]bool{}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			names[e.Name()] = true
		}
	}
	return names
}

// newAside reports whether copies names a set-aside copy not in seen.
func newAside(copies, seen map[string]bool) bool {
	for name := range copies {
		if !seen[name] {
			return true
		}
	}
	return false
}

// newestCopy is the newest of copies, set-aside copies of path (by the
// time in their names, then the number setAside adds to a name taken);
// "" for none.
func newestCopy(path string, copies map[string]bool) string {
	prefix := filepath.Base(asidePrefix(path, len("20060102T150405Z")+4))
	type key struct {
		stamp string
		n     int
	}
	keyOf := func(name string) key {
		rest := strings.TrimPrefix(name, prefix)
		stamp, num, _ := strings.Cut(rest, "-")
		n, _ := strconv.Atoi(num)
		return key{stamp, n}
	}
	newest := ""
	for name := range copies {
		if newest == "" {
			newest = name
			continue
		}
		k, m := keyOf(name), keyOf(newest)
		if k.stamp > m.stamp || k.stamp == m.stamp && k.n > m.n {
			newest = name
		}
	}
	return newest
}

// afreshAfter is the set-aside copy a file begun now, found deleted
// after copies were set aside (see foundDeleted), is begun afresh after:
// the newest of copies set aside less than afreshFor before now (one
// named in the future, by hand, hides none); "" for none.
func afreshAfter(path string, copies map[string]bool, now time.Time) string {
	recent := map[string]bool{}
	for name := range copies {
		if recentCopy(path, name, now) {
			recent[name] = true
		}
	}
	return newestCopy(path, recent)
}

// afreshFor is how long after a set-aside a file begun then says it is
// begun afresh (see afresh.After): a folio that held the old marks adds
// them at its next Save or Reload (a running reader's watch: within a
// second), so a day is ample.
const afreshFor = 24 * time.Hour

// recentCopy reports whether the set-aside copy name of path was set
// aside less than afreshFor before now, by the time in its name. A time
// after now is not recent: no folio sets a copy aside in the future (its
// name is the time it was set aside, to the second, cut down), so it is
// a name made by hand, and a mark after it would never be dropped (an
// attack: a hand-edited "after" a year ahead kept the mark, and its
// record of what was set growing, for ever).
func recentCopy(path, name string, now time.Time) bool {
	prefix := filepath.Base(asidePrefix(path, len("20060102T150405Z")+4))
	stamp, _, _ := strings.Cut(strings.TrimPrefix(name, prefix), "-")
	at, err := time.Parse("20060102T150405Z", stamp)
	age := now.Sub(at)
	return err == nil && age >= 0 && age < afreshFor
}
