package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
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
//	    "raqqa": {"opened_at": "2026-12-01T18:30:00Z", "seen_through": "2026-12-01T18:29:58.123456789Z"}
//	  }
//	}
//
// Searches are keyed by NameKey. opened_at is when the search was opened;
// seen_through is the index time (index.Index.IndexTime) of the results
// it showed: a piece first indexed after it is new.
//
// Each change re-reads the file and writes it atomically under the state
// folder's lock, as Store.Save does, keeping the later of two times: two
// folios opening searches at once both keep theirs. A corrupt file is set
// aside as the reading state's is, with a warning; what it held is then
// unknown, and the searches count nothing as new until opened again.

// Opened is when a saved search was last opened on an archive.
type Opened struct {
	At      time.Time `json:"opened_at"`
	Through time.Time `json:"seen_through,omitzero"`
}

// Of reports whether the opening o is of the search s: one opened
// before s was saved was of an earlier search of the same name.
func (o Opened) Of(s Search) bool {
	return !o.At.IsZero() && !o.At.Before(s.Created)
}

type openedFile struct {
	About    string            `json:"about"`
	Version  int               `json:"version"`
	Archive  string            `json:"archive"`
	Searches map[string]Opened `json:"searches"`
}

const openedAbout = "folio: when each saved search was last opened on this archive (opened_at) and the index time of what it showed (seen_through); pieces first indexed later count as new. Keyed by the search's name, case-folded."

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

// All returns when each search was last opened, by NameKey. A warning (a
// corrupt file set aside) comes with what could be had.
func (o *SavedOpened) All() (map[string]Opened, error) {
	f, err := readOpened(o.path)
	if errors.As(err, new(*corruptError)) {
		return map[string]Opened{}, fmt.Errorf("saved searches' opened times %s: %v", o.path, err)
	}
	if err != nil {
		return map[string]Opened{}, err
	}
	return f.Searches, nil
}

// Mark records that the search named name was opened: at, showing the
// results of the index as of through. Times already recorded that are
// later are kept.
func (o *SavedOpened) Mark(name string, at, through time.Time) error {
	key := NameKey(name)
	return o.change(func(m map[string]Opened) {
		old := m[key]
		if at.After(old.At) {
			old.At = at.UTC()
		}
		if through.After(old.Through) {
			old.Through = through.UTC()
		}
		m[key] = old
	})
}

// Forget drops the opened time of the search named name.
func (o *SavedOpened) Forget(name string) error {
	key := NameKey(name)
	return o.change(func(m map[string]Opened) { delete(m, key) })
}

// RenameOpened moves the opened times of the search named old to the name
// new in every archive's opened-times file in the state folder dir (""
// for DefaultDir), so that a renamed search's pieces seen in each archive
// stay seen (they would all be new again). A file that cannot be read or
// written is named in the error; the others are changed.
func RenameOpened(dir, old, new string) error {
	from, to := NameKey(old), NameKey(new)
	if from == to {
		return nil
	}
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
		_, had := f.Searches[from]
		_, stale := f.Searches[to] // of a search of the new name removed elsewhere
		if !had && !stale {
			continue
		}
		o := &SavedOpened{path: p, archive: f.Archive}
		errs = append(errs, o.change(func(m map[string]Opened) {
			t, ok := m[from]
			delete(m, from)
			delete(m, to)
			if ok {
				m[to] = t
			}
		}))
	}
	return errors.Join(errs...)
}

func (o *SavedOpened) change(edit func(map[string]Opened)) error {
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
	edit(f.Searches)
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
