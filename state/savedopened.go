package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/folio-tui/folio/internal/atomicfile"
)

// When each saved search was last opened on an archive, for "N new": a
// small JSON file per archive in the state folder, beside its reading
// state, named like it with ".saved" before ".json"
// ("commentary-1a2b3c4d.saved.json"):
//
//	{
//	  "about": "...",
//	  "version": 1,
//	  "archive": "/home/ana/commentary",
//	  "searches": {
//	    "raqqa": {"opened_at": "2026-12-01T18:30:00Z", "seen_through": "2026-12-01T18:29:58.123456789Z",
//	              "created": "2026-11-30T09:00:00.123456789Z"}
//	  }
//	}
//
// Searches are keyed by NameKey. opened_at is when the search was opened;
// seen_through is the index time (index.Index.IndexTime) of the results
// it showed: a piece first indexed after it is new. created is the
// search's Created time (kept by a rename): the search whatever it is
// named now.
//
// Each change re-reads the file and writes it atomically under the state
// folder's lock, as Store.Save does, keeping the later of two times: two
// folios opening searches at once both keep theirs. A corrupt file is set
// aside as the reading state's is, with a warning; what it held is then
// unknown, and the searches count nothing as new until opened again, but
// for a SavedOpened that read the file before (a running reader's), which
// writes again what it read then (see All), or adds it to a file another
// folio began afresh meanwhile (see afresh).
//
// Whose a time is. A time recorded under a name is of the saved search of
// that name now when its created is that search's or it has none (an
// earlier folio's); and, to follow a rename, a time whose created is not
// that of the search now of its name (or no search has its name) is of the
// one search now with its created, if exactly one has it: two searches of
// one created (a search copied by hand in saved.json) take neither's time
// by it, so neither is counted, moved or dropped as the other's. A time
// before the search was saved (Of) is an earlier search's; a time no
// search owns is left as it is.
//
// A rename writes two folders, each under its own lock: the saved searches
// (config) and then every archive's opened times (RenameOpened). Between
// the two, or after a folio killed there, an archive's times are under
// the old name, and a folio that read the search before the rename may
// mark it opened under the old name. Neither loses a time: the times of a
// search (OpenedOf) are those that are of it, the latest of each; Mark
// re-reads the saved searches under the state folder's lock and records
// the time under the name the search has then (nothing when it was
// removed), merging in what an earlier name of it held; RenameOpened
// merges the same way.

// Opened is when a saved search was last opened on an archive.
type Opened struct {
	At      time.Time `json:"opened_at"`
	Through time.Time `json:"seen_through,omitzero"`
	// Created is the Created time of the search opened (zero in a time
	// an earlier folio recorded)
	Created time.Time `json:"created,omitzero"`
}

// Of reports whether the opening o is of the search s: one opened
// before s was saved was of an earlier search of the same name.
func (o Opened) Of(s Search) bool {
	return !o.At.IsZero() && !o.At.Before(s.Created)
}

// owners tells whose each opened time is, among the saved searches now
// (see "Whose a time is" above).
type owners struct {
	byName    map[string]Search    // by NameKey
	byCreated map[instant][]Search // by Created
}

// instant is a time as a map key.
type instant struct {
	sec  int64
	nsec int
}

func instantOf(t time.Time) instant { return instant{t.Unix(), t.Nanosecond()} }

// ownersOf is the owners among the searches all, with s among them (in
// place of the one of its name): the search opened, marked or removed.
func ownersOf(all []Search, s Search) owners {
	w := owners{byName: make(map[string]Search, len(all)+1), byCreated: make(map[instant][]Search, len(all)+1)}
	key := NameKey(s.Name)
	add := func(k string, c Search) {
		w.byName[k] = c
		if !c.Created.IsZero() {
			w.byCreated[instantOf(c.Created)] = append(w.byCreated[instantOf(c.Created)], c)
		}
	}
	for _, c := range all {
		if k := NameKey(c.Name); k != key {
			add(k, c)
		}
	}
	add(key, s)
	return w
}

// of is the search whose opening o, recorded under key, is; false when
// it is no search's now.
func (w owners) of(key string, o Opened) (Search, bool) {
	if s, ok := w.byName[key]; ok && (o.Created.IsZero() || o.Created.Equal(s.Created)) {
		return s, o.Of(s)
	}
	if o.Created.IsZero() {
		return Search{}, false
	}
	if c := w.byCreated[instantOf(o.Created)]; len(c) == 1 {
		return c[0], o.Of(c[0])
	}
	return Search{}, false
}

// ofEntry reports whether o, recorded under key, is an opening of s.
func (w owners) ofEntry(key string, o Opened, s Search) bool {
	c, ok := w.of(key, o)
	return ok && NameKey(c.Name) == NameKey(s.Name) && c.Created.Equal(s.Created)
}

// OpenedOf is when the search s was last opened, from an archive's times
// (SavedOpened.All), all being the saved searches now (Saved.List; s is
// taken to be among them): the times that are of s (see "Whose a time
// is" above), the latest of each; false when it never was.
func OpenedOf(times map[string]Opened, all []Search, s Search) (Opened, bool) {
	return take(maps.Clone(times), ownersOf(all, s), s)
}

// OpenedEach is OpenedOf of each of the searches all, by NameKey; a
// search never opened has none.
func OpenedEach(times map[string]Opened, all []Search) map[string]Opened {
	out := map[string]Opened{}
	if len(all) == 0 {
		return out
	}
	w := ownersOf(all, all[0])
	for key, o := range times {
		if c, ok := w.of(key, o); ok {
			k := NameKey(c.Name)
			out[k] = out[k].merge(o)
		}
	}
	return out
}

// merge is o with the later of each time of o and p.
func (o Opened) merge(p Opened) Opened {
	if p.At.After(o.At) {
		o.At = p.At
	}
	if p.Through.After(o.Through) {
		o.Through = p.Through
	}
	return o
}

// take removes from m the openings of s and returns them merged.
func take(m map[string]Opened, w owners, s Search) (Opened, bool) {
	var out Opened
	ok := false
	for key, o := range m {
		if w.ofEntry(key, o, s) {
			out = out.merge(o)
			ok = true
			delete(m, key)
		}
	}
	return out, ok
}

// settle puts each time in m that is of a search (owners.of) under that
// search's name, merged with its others there, with its created time: a
// time left under a name another search now has (a rename cut short, then
// the old name saved again) goes to the search it is of, not replaced. A
// time of no search stays where it is, unless a search's takes its place.
func settle(m map[string]Opened, w owners) {
	out := make(map[string]Opened, len(m))
	owned := map[string]bool{}
	for key, o := range m {
		c, ok := w.of(key, o)
		if !ok {
			if !owned[key] {
				out[key] = o
			}
			continue
		}
		k := NameKey(c.Name)
		if !owned[k] {
			out[k], owned[k] = Opened{}, true // replaces a time of no search left here
		}
		merged := out[k].merge(o)
		merged.Created = c.Created.UTC()
		out[k] = merged
	}
	clear(m)
	maps.Copy(m, out)
}

// searchesNow is the saved searches now and s as they hold it (Current),
// read under the state folder's lock; with saved nil, s alone as given.
func searchesNow(saved *Saved, s Search) ([]Search, Search, error) {
	if saved == nil {
		return []Search{s}, s, nil
	}
	all, err := saved.List()
	if err != nil {
		return nil, s, err
	}
	now, err := currentIn(all, s)
	return all, now, err
}

type openedFile struct {
	About    string            `json:"about"`
	Version  int               `json:"version"`
	Archive  string            `json:"archive"`
	Searches map[string]Opened `json:"searches"`
	// Afresh is set in a file begun afresh after a set-aside, as the
	// reading state's (see afresh: Set names the searches whose times
	// were removed since, "removed"); nil in one that carries the times
	// from before.
	Afresh *afresh `json:"afresh,omitempty"`
}

const openedAbout = "folio: when each saved search was last opened on this archive (opened_at) and the index time of what it showed (seen_through); pieces first indexed later count as new. Keyed by the search's name, case-folded; created is the search's creation time, which a rename keeps. afresh, when there, marks a file begun after a corrupt one was set aside (the times removed since)."

// addOld adds to f, a file begun afresh, old, the times a folio held of
// the file set aside: under each name the file has no time under and
// removed none since it was begun (a time there is the file's: perhaps
// another search's of that name). The mark stays for its day, as the
// reading state's (see file.addOld): another folio may add its times
// too, and adding one folio's twice is the same as once.
func (f *openedFile) addOld(old map[string]Opened) {
	for key, o := range old {
		if _, has := f.Searches[key]; !has && !f.Afresh.wasSet(key, "removed") {
			f.Searches[key] = o
		}
	}
}

// SavedOpened is the opened-times file of one archive. It is safe for
// concurrent use.
type SavedOpened struct {
	path    string
	archive string

	mu sync.Mutex
	// held is the times at this value's last read or write of the file
	// (nil before the first), and seen the set-aside copies of the file
	// in the state folder then: a file found gone with a copy not in seen
	// was set aside as corrupt since, and held is written again whole
	// (as Store.write does); one gone with none was deleted, and stays so.
	// A file found begun afresh after a copy not in seen (see afresh)
	// takes the times of held it lacks.
	held map[string]Opened
	seen map[string]bool
	// mark is the file's afresh mark then (nil: none), carried into the
	// file written again whole after a set-aside (see carried).
	mark *afresh
}

// remember notes times as what the file held at a read or write, with
// copies, the set-aside copies then (nil: unknown, seen kept), and mark,
// its afresh mark.
func (o *SavedOpened) remember(times map[string]Opened, copies map[string]bool, mark *afresh) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.held = maps.Clone(times)
	o.mark = mark
	if copies != nil {
		o.seen = copies
	}
}

// OpenSavedOpened is the opened-times file of the archive named
// archiveName (archive.Archive.Name) in the state folder dir ("" for
// DefaultDir). It reads nothing, but for a moved archive's file, which
// it copies (adoptMoved).
func OpenSavedOpened(archiveName, dir string) (*SavedOpened, error) {
	dir, err := dirOr(dir)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, savedOpenedFileName(archiveName))
	adoptMovedArchive(dir, archiveName) // a moved folder's files
	return &SavedOpened{path: path, archive: archiveName}, nil
}

// savedOpenedFileName is the opened-times file of an archive: its state
// file's name (FileName) with ".saved.json" for ".json".
func savedOpenedFileName(archiveName string) string {
	return strings.TrimSuffix(FileName(archiveName), ".json") + ".saved.json"
}

// Path is the file's path.
func (o *SavedOpened) Path() string { return o.path }

// All returns when each search was last opened, by NameKey. A corrupt
// file is set aside (readOrSetAside: under the state folder's lock, as a
// change would, unless another folio set it aside or mended it
// meanwhile), and the warning names where it went, as the reading state's
// does. A file so set aside, here or by another folio, since this value
// last read or wrote it is written again with the times it held then (the
// only good copy: a running reader's, as its marks are), and they are
// returned (with the warning); a value that held none returns nothing. A
// file deleted (it, or the state folder) is not written again. A file
// another folio set aside and began afresh since (see afresh) takes the
// times this value held that it lacks, and they are returned with its
// own.
func (o *SavedOpened) All() (map[string]Opened, error) {
	copies, lerr := asideCopies(o.path) // before the read, as in Open
	if lerr != nil {
		copies = nil
	}
	f, err := readOrSetAside(o.path, readOpenedFile)
	var corrupt *corruptError
	switch {
	case err == nil:
		o.mu.Lock()
		takes := f.Afresh != nil && len(o.held) > 0 && !o.seen[f.Afresh.After]
		o.mu.Unlock()
		if takes { // change adds them, under the lock
			var again map[string]Opened
			if err := o.change(func(m map[string]Opened) error {
				again = maps.Clone(m)
				return nil
			}); err != nil {
				return f.Searches, err
			}
			return again, nil
		}
		o.remember(f.Searches, seenWith(copies, f.Afresh), f.Afresh)
		return f.Searches, nil
	case errors.As(err, &corrupt) && corrupt.asideErr != nil:
		return map[string]Opened{}, fmt.Errorf("corrupt saved searches' opened times file %s could not be set aside: %w", o.path, corrupt.asideErr)
	case errors.As(err, &corrupt), errors.Is(err, fs.ErrNotExist):
		// Set aside, here or by another folio, or deleted: change tells
		// which, and writes what this value held again in the first case.
		again := map[string]Opened{}
		var werr error
		o.mu.Lock()
		held := len(o.held) > 0
		o.mu.Unlock()
		if held {
			werr = o.change(func(m map[string]Opened) error {
				again = maps.Clone(m)
				return nil
			})
		}
		if corrupt != nil {
			what := "started afresh"
			if len(again) > 0 {
				what = "wrote again the times read before"
			}
			werr = errors.Join(fmt.Errorf("saved searches' opened times file %s was corrupt (%v); moved it to %s and %s", o.path, corrupt.err, filepath.Base(corrupt.aside), what), werr)
		}
		return again, werr
	default:
		return map[string]Opened{}, fmt.Errorf("%s cannot be read: %w", o.path, err)
	}
}

// Mark records that the search s was opened: at, showing the results of
// the index as of through. Times already recorded that are later are
// kept. saved, when not nil, is the saved searches: they are read under
// the state folder's lock, and the time is recorded under the search's
// name then (Saved.Current), never under a name a rename meanwhile
// dropped; a search removed meanwhile (ErrNoSearch) writes nothing.
func (o *SavedOpened) Mark(s Search, at, through time.Time, saved *Saved) error {
	return o.change(func(m map[string]Opened) error {
		all, now, err := searchesNow(saved, s)
		if err != nil {
			return err
		}
		s = now
		w := ownersOf(all, s)
		settle(m, w) // a time of another search under this name is moved to it
		had, _ := take(m, w, s)
		had = had.merge(Opened{At: at.UTC(), Through: through.UTC()})
		had.Created = s.Created.UTC()
		m[NameKey(s.Name)] = had // a time of no search there is replaced
		return nil
	})
}

// Forget drops the opened times of the search s, removed from saved (nil:
// s alone is known), under its name and any earlier one; in a file begun
// afresh (see afresh), it records the name as removed, a time under it
// in the file or not.
func (o *SavedOpened) Forget(s Search, saved *Saved) error {
	return o.change(func(m map[string]Opened) error {
		all := []Search{s}
		if saved != nil {
			if l, err := saved.List(); err == nil {
				all = l
			}
		}
		settle(m, ownersOf(all, s)) // another search's times there are moved to it
		delete(m, NameKey(s.Name))
		return nil
	}, NameKey(s.Name))
}

// RenameOpened moves the opened times of the search s, named old before
// it was renamed, to its name now in every archive's opened-times file in
// the state folder dir ("" for DefaultDir), so that a renamed search's
// pieces seen in each archive stay seen (they would all be new again): the
// times under old (its own: see "Whose a time is") and those found by its
// created time, merged. saved (nil: s alone is known) is the saved
// searches, read under each file's lock. A time under the new name of
// another search is moved to that search's name (settle); one of no
// search now (removed elsewhere) is not counted as the renamed search's,
// and is replaced by its times, if it has some. A file that cannot
// be read or written is named in the error (one not written a
// *NotMovedError, saying whether its times are found anyway); the others
// are changed. Were
// this not done (a folio killed before it), OpenedOf would still find the
// times it has by their created time.
func RenameOpened(dir, old string, s Search, saved *Saved) error {
	from, to := NameKey(old), NameKey(s.Name)
	dir, err := dirOr(dir)
	if err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.saved.json"))
	if err != nil {
		return err
	}
	// rename moves the times of s in m to its new name.
	rename := func(m map[string]Opened) {
		all := []Search{s}
		if saved != nil {
			if l, err := saved.List(); err == nil {
				all = l
			}
		}
		// under its old name, its own as that name was its (see
		// owners.of): the name is no search's now
		t, ok := m[from]
		if ok && (from == to || (!t.Created.IsZero() && !t.Created.Equal(s.Created)) || !t.Of(s)) {
			t, ok = Opened{}, false
		} else if ok {
			delete(m, from)
		}
		if u, found := m[to]; found && from != to && u.Created.IsZero() {
			delete(m, to) // an earlier search's of that name, recorded by an earlier folio
		}
		w := ownersOf(all, s)
		settle(m, w) // another search's time under the new name is moved to it
		if u, found := take(m, w, s); found {
			t, ok = t.merge(u), true
		}
		if ok {
			t.Created = s.Created.UTC()
			m[to] = t
		}
	}
	var errs []error
	for _, p := range paths {
		f, err := readOpened(p)
		if err != nil {
			if !strings.Contains(err.Error(), p) {
				err = fmt.Errorf("%s: %w", p, err)
			}
			errs = append(errs, err)
			continue
		}
		after := maps.Clone(f.Searches)
		rename(after)
		if maps.EqualFunc(f.Searches, after, Opened.equal) {
			continue
		}
		o := &SavedOpened{path: p, archive: f.Archive}
		if err := o.change(func(m map[string]Opened) error {
			rename(m)
			return nil
		}); err != nil {
			all := []Search{s}
			if saved != nil {
				if l, err := saved.List(); err == nil {
					all = l
				}
			}
			_, kept := OpenedOf(f.Searches, all, s)
			errs = append(errs, &NotMovedError{Path: p, Err: err, StillFound: kept})
		}
	}
	return errors.Join(errs...)
}

// NotMovedError is RenameOpened's error for a file whose times it could
// not write: StillFound when the renamed search's times there are found
// anyway, by its created time (see "Whose a time is"), so that nothing it
// showed becomes new (41j: a full state folder's "no space left on device"
// was reported as what was shown of it being new again).
type NotMovedError struct {
	Path       string
	Err        error
	StillFound bool
}

func (e *NotMovedError) Error() string {
	if strings.Contains(e.Err.Error(), e.Path) {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *NotMovedError) Unwrap() error { return e.Err }

// equal reports whether o and p hold the same times.
func (o Opened) equal(p Opened) bool {
	return o.At.Equal(p.At) && o.Through.Equal(p.Through) && o.Created.Equal(p.Created)
}

// change applies edit to the times in the file, under the state folder's
// lock (startWrite), and writes them. A file set aside as corrupt, now or
// since this value last read or wrote it, is written again with the times
// this value held then (the only good copy), edited, and begun afresh
// still when the file it held was (see carried); a file deleted, with
// the edit alone, and begun afresh after a set-aside (see afresh), as is
// one set aside while this value held no time. A file begun afresh after a
// set-aside this value had not seen takes the times it held (addOld),
// edited. The file is written only when edit changes something, or to
// write it again so.
//
// forget names the searches whose times the edit forgets (Forget): in a
// file begun afresh they are recorded as removed even when the file has
// no time of theirs, so that a folio holding the times of the file set
// aside does not bring them back (an attack: a search removed after the
// fresh file began, never opened in it, came back with its old time at
// the reader's next read).
func (o *SavedOpened) change(edit func(map[string]Opened) error, forget ...string) error {
	o.mu.Lock()
	seen, held, mark := o.seen, o.held, o.mark
	o.mu.Unlock()
	w, err := startWrite(o.path, "saved searches' opened times file", readOpenedFile, seen, false)
	if err != nil {
		return err
	}
	defer w.unlock()
	f := &openedFile{Searches: map[string]Opened{}}
	again := false // to be written whatever the edit
	now := time.Now()
	switch w.found {
	case foundFile:
		f = w.file
		// A value that holds no time holds none of a file set aside:
		// it neither adds nor takes the mark away.
		if len(held) > 0 && takeOld(o.path, &f.Afresh, seen, now) {
			f.addOld(held)
			again = true
		}
	case foundDeleted:
		f.Afresh = beginAfresh(o.path, w, len(held) == 0, now)
	case foundSetAside:
		maps.Copy(f.Searches, held)
		again = len(f.Searches) > 0
		f.Afresh = beginAfresh(o.path, w, len(held) == 0, now)
		if len(held) > 0 {
			// the times held are the file's read, begun afresh so
			// still (carried), as the reading state's is
			f.Afresh = carried(o.path, mark, now)
		}
	}
	before := maps.Clone(f.Searches)
	if err := edit(f.Searches); err != nil {
		return err
	}
	if f.Afresh != nil {
		for key := range before {
			if _, kept := f.Searches[key]; !kept {
				f.Afresh.set(key, "removed")
			}
		}
		for _, key := range forget {
			if !f.Afresh.wasSet(key, "removed") {
				f.Afresh.set(key, "removed")
				again = true
			}
		}
	}
	if maps.EqualFunc(before, f.Searches, Opened.equal) && !again {
		o.remember(f.Searches, seenWith(w.copies, f.Afresh), f.Afresh)
		return nil
	}
	f.About, f.Version, f.Archive = openedAbout, Version, o.archive
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.WriteFile(o.path, append(data, '\n'), 0o600); err != nil {
		return err
	}
	o.remember(f.Searches, seenWith(w.copies, f.Afresh), f.Afresh)
	return nil
}

// readOpened reads an opened-times file; a missing one is empty.
func readOpened(path string) (*openedFile, error) {
	f, err := readOpenedFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &openedFile{Searches: map[string]Opened{}}, nil
	case err != nil && !errors.As(err, new(*corruptError)):
		return nil, fmt.Errorf("%s cannot be read: %w", path, err)
	}
	return f, err
}

// readOpenedFile reads an opened-times file; a missing one is
// fs.ErrNotExist.
func readOpenedFile(path string) (*openedFile, error) {
	f, err := readJSON(path, maxFileSize, Version, func(f *openedFile) int { return f.Version })
	if err != nil {
		return nil, err
	}
	if f.Searches == nil {
		f.Searches = map[string]Opened{}
	}
	return f, nil
}
