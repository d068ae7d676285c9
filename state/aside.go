package state

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
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

// afresh marks a file kept whole across set-asides (the reading state,
// the quotes, the saved searches' opened times) begun afresh after its
// predecessor was set aside as corrupt, by folios that held none of what
// it held (one whose open set it aside, or one that found it gone and had
// seen it go, or one that held nothing of it: see beginAfresh). A folio
// still holding what the old file held (one that had not seen the copy
// After: see takeOld) adds it to such a file at its next write or read
// (the reading state's marks, the quotes and the opened times the file
// lacks, and did not take away since it was begun), once: it has seen
// the copy then. The mark stays for its day (a day after After, when a
// folio that has seen it drops it: see takeOld), as other folios may hold
// the old file still (an attack: taken away by the first to add, it left
// a second reader stopped meanwhile to take the file as it was, losing
// the star it had saved before the set-aside); so what is taken away
// while it lives (an un-mark, a quote removed, a search's times
// forgotten) is recorded in Set, and no folio's old copy brings it back:
// what the file holds is the union of the old copies added and its own,
// less what it took away, and adding one copy twice is the same as once.
// What was done in the file since it was begun (Set, Moved) stays as it
// was done there.
type afresh struct {
	// After is the set-aside copy the file was begun after: the newest
	// in the folder then of those set aside less than afreshFor before
	// (an older one is taken for a file deleted, not for one set aside
	// while other folios ran; one named in the future, by hand, is
	// neither: see recentCopy). A file begun afresh longer ago than
	// afreshFor, or after a time in the future (a hand-edited After),
	// loses the mark at the next write of a folio that has seen it, so
	// that a file deleted and begun again does not keep it for ever.
	After string `json:"after"`
	// Set names what was set since the file was begun, by the ID of
	// what was set (the reading state: per piece, its fields: see
	// record; the quotes: per quote, "removed"; the opened times: per
	// search, "removed").
	Set map[string][]string `json:"set,omitempty"`
	// Moved is the pieces given another ID since (Rename), in order;
	// the old marks and quotes follow them as moves says.
	Moved [][2]string `json:"moved,omitempty"`
}

// set notes in a that the fields of id were set.
func (a *afresh) set(id string, fields ...string) {
	if a.Set == nil {
		a.Set = map[string][]string{}
	}
	for _, f := range fields {
		if !slices.Contains(a.Set[id], f) {
			a.Set[id] = append(a.Set[id], f)
		}
	}
	slices.Sort(a.Set[id])
}

// wasSet reports whether the field of id was set since the file was
// begun.
func (a *afresh) wasSet(id, field string) bool { return slices.Contains(a.Set[id], field) }

// dropBadMoves drops from a, read from a file (nil: none), the moves from
// or to no ID (hand-edited: one to "" would give a piece's marks or
// quotes to an ID the next read drops).
func (a *afresh) dropBadMoves() {
	if a != nil {
		a.Moved = slices.DeleteFunc(a.Moved, func(m [2]string) bool { return !validID(m[0]) || !validID(m[1]) })
	}
}

// move notes in a that the piece with the ID from has the ID to now.
func (a *afresh) move(from, to string) { a.Moved = append(a.Moved, [2]string{from, to}) }

// moveAtOnce notes in a the moves of m, made at once (a piece moved to an
// ID another leaves takes its place, not its way: the quotes' Rename), in
// an order that moves, which takes them one by one, reads so: a move to
// an ID another move leaves goes after that one (x→c, c→z: c→z, then
// x→c; one by one as given, x's would go on to z). A cycle in one m (two
// files' names swapped) has no such order: its moves go in the order of
// their IDs, as a cycle of moves one by one (each piece stays).
func (a *afresh) moveAtOnce(m map[string]string) {
	left := maps.Clone(m)
	maps.DeleteFunc(left, func(from, to string) bool { return from == to })
	for len(left) > 0 {
		ids := slices.Sorted(maps.Keys(left))
		moved := false
		for _, from := range ids {
			if _, leaving := left[left[from]]; !leaving {
				a.move(from, left[from])
				delete(left, from)
				moved = true
			}
		}
		if !moved { // a cycle
			a.move(ids[0], left[ids[0]])
			delete(left, ids[0])
		}
	}
}

// moves is where the file's moves (Moved, in order) took each piece
// that held an ID before them, by that ID (a piece not named stays):
// each move takes the piece that came to its ID by the moves before it,
// else the one that was there, and leaves the ID empty, so that a cycle
// (a→b, b→a: a's file renamed and renamed back) leaves the old b where
// it was, and a chain (a→b, b→c) takes the old a to c and leaves the old
// b, two pieces never merged by the order of their moves (an attack:
// applied one by one, a→b, b→a folded the old b into a).
func (a *afresh) moves() map[string]string {
	dest := map[string]string{} // a piece, by its ID before the moves: its ID now
	at := map[string]string{}   // an ID: the piece there now ("" none), when a move touched it
	for _, m := range a.Moved {
		from, to := m[0], m[1]
		p, touched := at[from]
		if !touched {
			p = from
		}
		if p == "" || from == to {
			continue
		}
		dest[p] = to
		at[from], at[to] = "", p
	}
	for p, to := range dest {
		if p == to {
			delete(dest, p)
		}
	}
	return dest
}

// seenAtOpen is the set-aside copies a folio has seen once it opened the
// file at path (the reading state, the quotes), with before, the copies
// listed before its read: for a read that found the file gone or corrupt
// (err: set aside now), the copies listed now, as it holds nothing of a
// copy set aside, here or by another folio, and a file it begins is begun
// afresh (see beginAfresh); for a file read whose mark is a (nil: none),
// before and the copy the file was begun after, whose marks are the
// file's.
func seenAtOpen(path string, before map[string]bool, err error, a *afresh) map[string]bool {
	if errors.Is(err, fs.ErrNotExist) || errors.As(err, new(*corruptError)) {
		after, _ := asideCopies(path)
		return after
	}
	return seenWith(before, a)
}

// seenWith is copies, the set-aside copies at a read or write of a file,
// with the copy a's file was begun after (a nil: none): what the reader
// holds then is the fresh file's, even when the copy was removed since.
func seenWith(copies map[string]bool, a *afresh) map[string]bool {
	if a != nil && copies != nil {
		copies[a.After] = true
	}
	return copies
}

// beginAfresh is the mark of a file a writer that found w writes now
// (see afresh): begun afresh after the newest copy set aside less than
// afreshFor ago (afreshAfter) when it found the file deleted after that
// copy was set aside (foundDeleted: one it had seen), or set aside while
// it held nothing of the file (holdsNothing: an opened-times file never
// read, or read empty); nil otherwise.
func beginAfresh[T any](path string, w *writing[T], holdsNothing bool, now time.Time) *afresh {
	if w.found != foundDeleted && (w.found != foundSetAside || !holdsNothing) {
		return nil
	}
	if after := afreshAfter(path, w.copies, now); after != "" {
		return &afresh{After: after}
	}
	return nil
}

// carried is the mark a writer writes when it writes the file again
// whole after a set-aside (foundSetAside), a being the mark of the file
// it last read or wrote (nil: none): a, while its copy is recent. What
// the writer holds then is that file's (its marks, its quotes, its
// times) and its own changes since, so the mark says still what was set
// since the file was begun, and a folio that has not seen the copy
// After holds the file before it and is to add what it holds (an
// attack: a second set-aside by a folio that held the fresh file wrote
// it whole with no mark, and a reader stopped since the first lost its
// stars at its next Save). nil when a is nil or past its day.
func carried(path string, a *afresh, now time.Time) *afresh {
	if a == nil || !recentCopy(path, a.After, now) {
		return nil
	}
	c := &afresh{After: a.After, Moved: slices.Clone(a.Moved)}
	for id, fields := range a.Set {
		c.set(id, fields...)
	}
	return c
}

// takeOld reports whether a writer that saw the set-aside copies seen at
// its last read or write, finding a file whose mark is *a (nil: none), is
// to add what it holds to it: the file was begun afresh after a copy it
// had not seen (another folio set the file aside and wrote its own first),
// and what the writer holds is from the file set aside (the mark is
// kept: see afresh). A mark that is no
// longer recent (see afresh.After) is dropped then (*a nil), the file to
// be written so: a folio holding what was there before has had its day
// to add it.
func takeOld(path string, a **afresh, seen map[string]bool, now time.Time) bool {
	switch {
	case *a == nil:
		return false
	case !seen[(*a).After]:
		return true
	case !recentCopy(path, (*a).After, now):
		*a = nil
	}
	return false
}
