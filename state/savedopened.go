package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
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
// unknown, and the searches count nothing as new until opened again.
//
// A rename writes two folders, each under its own lock: the saved searches
// (config) and then every archive's opened times (RenameOpened). Between
// the two, or after a folio killed there, an archive's times are under
// the old name, and a folio that read the search before the rename may
// mark it opened under the old name. Neither loses a time: the times of a
// search (OpenedOf) are those under its name and those under any name
// with its created time, the latest of each; Mark re-reads the saved
// searches under the state folder's lock and records the time under the
// name the search has then (nothing when it was removed), merging in what
// an earlier name of it held; RenameOpened merges the same way. Times
// recorded without created (by an earlier folio) are found by name only.

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

// ofEntry reports whether o, recorded under key, is an opening of s: by
// its created time when it has one (whatever name it is under), else by
// the name.
func (o Opened) ofEntry(key string, s Search) bool {
	if !o.Of(s) {
		return false
	}
	if !o.Created.IsZero() {
		return o.Created.Equal(s.Created)
	}
	return key == NameKey(s.Name)
}

// OpenedOf is when the search s was last opened, from an archive's times
// (SavedOpened.All): those recorded under its name and under an earlier
// name of it (see the rename above), the latest of each; false when it
// never was.
func OpenedOf(times map[string]Opened, s Search) (Opened, bool) {
	var out Opened
	ok := false
	for key, o := range times {
		if o.ofEntry(key, s) {
			out = out.merge(o)
			ok = true
		}
	}
	return out, ok
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

// take removes from m the openings of s (ofEntry) and returns them merged.
func take(m map[string]Opened, s Search) (Opened, bool) {
	var out Opened
	ok := false
	for key, o := range m {
		if o.ofEntry(key, s) {
			out = out.merge(o)
			ok = true
			delete(m, key)
		}
	}
	return out, ok
}

type openedFile struct {
	About    string            `json:"about"`
	Version  int               `json:"version"`
	Archive  string            `json:"archive"`
	Searches map[string]Opened `json:"searches"`
}

const openedAbout = "folio: when each saved search was last opened on this archive (opened_at) and the index time of what it showed (seen_through); pieces first indexed later count as new. Keyed by the search's name, case-folded; created is the search's creation time, which a rename keeps."

// SavedOpened is the opened-times file of one archive.
type SavedOpened struct {
	path    string
	archive string
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
// file is set aside (under the state folder's lock, as a change would),
// and the warning names where it went, as the reading state's does; it
// comes with what could be had (nothing).
func (o *SavedOpened) All() (map[string]Opened, error) {
	f, err := readOpened(o.path)
	if errors.As(err, new(*corruptError)) {
		return map[string]Opened{}, o.setAside()
	}
	if err != nil {
		return map[string]Opened{}, err
	}
	return f.Searches, nil
}

// Mark records that the search s was opened: at, showing the results of
// the index as of through. Times already recorded that are later are
// kept. current, when not nil, gives the search as the saved searches
// hold it now (Saved.Current): it is called under the state folder's
// lock, and the time is recorded under the search's name then, never
// under a name a rename meanwhile dropped; its error (the search was
// removed) writes nothing.
func (o *SavedOpened) Mark(s Search, at, through time.Time, current func(Search) (Search, error)) error {
	return o.change(func(m map[string]Opened) error {
		if current != nil {
			now, err := current(s)
			if err != nil {
				return err
			}
			s = now
		}
		key := NameKey(s.Name)
		had, _ := take(m, s)
		had = had.merge(Opened{At: at.UTC(), Through: through.UTC()})
		had.Created = s.Created.UTC()
		m[key] = had // a time of another search of this name is replaced
		return nil
	})
}

// Forget drops the opened times of the search s, under its name and any
// earlier one.
func (o *SavedOpened) Forget(s Search) error {
	return o.change(func(m map[string]Opened) error {
		take(m, s)
		delete(m, NameKey(s.Name))
		return nil
	})
}

// RenameOpened moves the opened times of the search s, named old before
// it was renamed, to its name now in every archive's opened-times file in
// the state folder dir ("" for DefaultDir), so that a renamed search's
// pieces seen in each archive stay seen (they would all be new again): the
// times under old and under any name with its created time, merged. A
// time under the new name of another search (one removed elsewhere) is
// dropped. A file that cannot be read or written is named in the error;
// the others are changed. Were this not done (a folio killed before it),
// OpenedOf would still find the times it has by their created time.
func RenameOpened(dir, old string, s Search) error {
	was := s
	was.Name = old
	to := NameKey(s.Name)
	dir, err := dirOr(dir)
	if err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.saved.json"))
	if err != nil {
		return err
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
		_, had := take(maps.Clone(f.Searches), was)
		_, stale := f.Searches[to]
		if !had && !stale {
			continue
		}
		o := &SavedOpened{path: p, archive: f.Archive}
		errs = append(errs, o.change(func(m map[string]Opened) error {
			t, ok := take(m, was)
			delete(m, to) // another search's, once its own were taken
			if ok {
				t.Created = s.Created.UTC()
				m[to] = t
			}
			return nil
		}))
	}
	return errors.Join(errs...)
}

// setAside sets the corrupt file aside, unless another folio mended or
// set it aside meanwhile, and says so (a helper's report: saved run set
// it aside unsaid, warning only of "unexpected end of JSON input").
func (o *SavedOpened) setAside() error {
	unlock, err := lockForWrite(o.path, "state")
	if err != nil {
		return fmt.Errorf("corrupt saved searches' opened times file %s could not be set aside: %w", o.path, err)
	}
	defer unlock()
	_, err = readOpened(o.path)
	if !errors.As(err, new(*corruptError)) {
		return nil // set aside or written meanwhile
	}
	aside, rerr := setAside(o.path)
	if rerr != nil {
		return fmt.Errorf("corrupt saved searches' opened times file %s could not be set aside: %w", o.path, rerr)
	}
	return fmt.Errorf("saved searches' opened times file %s was corrupt (%v); moved it to %s and started afresh", o.path, err, filepath.Base(aside))
}

func (o *SavedOpened) change(edit func(map[string]Opened) error) error {
	unlock, err := lockForWrite(o.path, "state")
	if err != nil {
		return err
	}
	defer unlock()
	f, err := readOpened(o.path)
	switch {
	case err == nil:
	case errors.As(err, new(*corruptError)):
		if _, rerr := setAside(o.path); rerr != nil {
			return fmt.Errorf("%s is corrupt and could not be set aside: %w", o.path, rerr)
		}
		f = &openedFile{Searches: map[string]Opened{}}
	default:
		return err
	}
	if err := edit(f.Searches); err != nil {
		return err
	}
	f.About, f.Version, f.Archive = openedAbout, Version, o.archive
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(o.path, append(data, '\n'), 0o600)
}

// readOpened reads an opened-times file; a missing one is empty.
func readOpened(path string) (*openedFile, error) {
	f, err := readJSON(path, maxFileSize, Version, func(f *openedFile) int { return f.Version })
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &openedFile{Searches: map[string]Opened{}}, nil
	case errors.As(err, new(*corruptError)):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%s cannot be read: %w", path, err)
	}
	if f.Searches == nil {
		f.Searches = map[string]Opened{}
	}
	return f, nil
}
