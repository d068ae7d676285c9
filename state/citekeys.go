package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// CiteKeys is the ledger of the citation keys folio has handed out for the
// pieces of one archive (cite.Keyring's Given), in a JSON file beside the
// reading state ("<state file name>.citekeys.json"):
//
//	{"about": "...", "version": 1, "archive": "/home/ana/commentary",
//	 "keys": [{"key": "pantucci2017isil", "id": "2017-10-19-raqqa…", "print": "9f…"}, …]}
//
// Every keyring that folio cite, folio quotes and the reader's c and C build
// comes from Assign, which records the keys it hands out for the first
// time, so that adding a piece later never takes a key from a piece that
// had it. A key stays in the ledger after its piece is gone, so it is
// never given to another piece. New keys are recorded under the state
// folder's lock, and only if the ledger is still the one their keyring
// was built from (Assign), so that two folios at once never hand one key
// to two pieces.
type CiteKeys struct {
	archive string
	path    string // "" when the keys cannot be kept
	records []cite.KeyRecord
	adopted string // the archive whose ledger this one was made from (adoptLedger)
	// asideSeen names the set-aside copies of the file in the state
	// folder when these keys last read or wrote it (as Store.asideSeen):
	// a file found gone with a copy not named here was set aside as
	// corrupt since, and the keys read are written again whole (Assign).
	asideSeen map[string]bool
}

// CiteKeysVersion is the format of the ledger file.
const CiteKeysVersion = 1

const citeKeysAbout = "folio's citation keys: the key each piece was first given, kept so that it never moves to another piece (see folio's README, Citations)"

type citeKeysFile struct {
	About   string           `json:"about"`
	Version int              `json:"version"`
	Archive string           `json:"archive"`
	Keys    []cite.KeyRecord `json:"keys"`
}

// CiteKeysFileName is the ledger of an archive: its state file's name
// (FileName) with ".citekeys.json" for ".json".
func CiteKeysFileName(archiveName string) string {
	return strings.TrimSuffix(FileName(archiveName), ".json") + ".citekeys.json"
}

// maxCiteKeysSize caps the ledger: some 100 bytes a key, 64 MB is over
// half a million keys.
var maxCiteKeysSize int64 = 64 << 20

// OpenCiteKeys reads the ledger of the archive named archiveName from dir
// ("" for DefaultDir). It always returns usable CiteKeys; a non-nil error
// is a warning for the user (no state folder: keys are then not kept; a
// corrupt file is set aside).
func OpenCiteKeys(archiveName, dir string) (*CiteKeys, error) {
	c := &CiteKeys{archive: archiveName}
	dir, err := dirOr(dir)
	if err != nil {
		return c, fmt.Errorf("citation keys are not kept: %w", err)
	}
	path := filepath.Join(dir, CiteKeysFileName(archiveName))
	adoptMovedArchive(dir, archiveName) // a moved folder's files
	// Before the read, as in Open; after it, holding no keys, every copy.
	c.asideSeen, _ = asideCopies(path)
	recs, err := readOrSetAside(path, readCiteKeys)
	var corrupt *corruptError
	if errors.Is(err, fs.ErrNotExist) || errors.As(err, &corrupt) {
		c.asideSeen, _ = asideCopies(path)
	}
	switch {
	case err == nil:
		c.path, c.records = path, recs
		return c, nil
	case errors.Is(err, fs.ErrNotExist):
		c.path = path
		return c, nil
	case errors.As(err, &corrupt):
		if corrupt.asideErr != nil {
			return c, fmt.Errorf("corrupt citation keys file %s could not be set aside (%v); keys are not kept", path, corrupt.asideErr)
		}
		c.path = path
		return c, fmt.Errorf("citation keys file %s was corrupt (%v); moved it to %s and started afresh", path, corrupt.err, filepath.Base(corrupt.aside))
	default:
		return c, fmt.Errorf("citation keys file %s cannot be read (%w); keys are not kept this time (the new keys given are not recorded: another piece may be given one later)", path, err)
	}
}

// ReadCiteKeys reads the ledger of the archive named archiveName from dir
// ("" for DefaultDir) and changes nothing (folio check): none is no
// records, and a corrupt file is an error, left where it is.
func ReadCiteKeys(archiveName, dir string) ([]cite.KeyRecord, error) {
	dir, err := dirOr(dir)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, CiteKeysFileName(archiveName))
	recs, err := readCiteKeys(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("citation keys file %s: %w", path, err)
	}
	return recs, nil
}

func readCiteKeys(path string) ([]cite.KeyRecord, error) {
	f, err := readJSON(path, maxCiteKeysSize, CiteKeysVersion, func(f *citeKeysFile) int { return f.Version })
	if err != nil {
		return nil, err
	}
	// A key no pin could be (archive.ValidCiteKey: a hand-edited or
	// shared ledger's) is dropped: printed, it wrote escapes to the
	// terminal and broke BibTeX (a helper's report). Folio's own keys
	// are letters and digits.
	return slices.DeleteFunc(f.Keys, func(r cite.KeyRecord) bool { return !archive.ValidCiteKey(r.Key) }), nil
}

// Path is the ledger's file ("" when keys are not kept).
func (c *CiteKeys) Path() string { return c.path }

// Records are the keys handed out, as read.
func (c *CiteKeys) Records() []cite.KeyRecord { return c.records }

// AdoptedFrom is the archive whose ledger Assign took as this archive's,
// the archive having none (a folder renamed or copied: adoptLedger); ""
// when it took none.
func (c *CiteKeys) AdoptedFrom() string { return c.adopted }

// Assign hands out keys by the ledger: build makes a keyring from the keys
// the ledger records, and the keys it hands out for the first time
// (cite.Keyring.Fresh) are written to the file before Assign returns it.
// When the keys read at open already give every key, nothing is written.
// Otherwise the fresh keys are written under the state folder's lock, and
// only if the file still holds the keys the keyring was built from: when
// another folio wrote keys meanwhile, the keyring is built again from the
// file as it is (outside the lock: a keyring of a large archive takes
// seconds, and every state write waits for the lock) and tried again; the
// last try builds under the lock. So two folios handing out keys at once
// (each having read the ledger before the other wrote it) never give one
// key to two pieces. A key the file records for the same piece (its ID or
// its print) is updated.
//
// A ledger set aside as corrupt since it was read (by another folio; or,
// with fresh keys to write, found corrupt here and set aside) is written
// again whole, the keys read with the fresh ones (none: when the file is
// gone): they are the only good copy, as a running reader's marks are. A
// ledger deleted since (it, or the state folder) is not written again:
// only the fresh keys are recorded, from a keyring built anew.
//
// An archive with no ledger yet whose pieces are mostly another archive's
// (a folder renamed or copied) first takes that archive's ledger
// (adoptLedger; AdoptedFrom says which).
//
// An error is a warning: the ledger could not be used (no state folder,
// a file that cannot be read or written), and the keyring returned, built
// from the keys read at open, gives keys that are not kept.
func (c *CiteKeys) Assign(build func(given []cite.KeyRecord) *cite.Keyring) (*cite.Keyring, error) {
	given := c.records
	keys := build(given)
	if c.path == "" {
		return keys, nil
	}
	if len(keys.Fresh()) == 0 {
		if _, err := os.Lstat(c.path); len(given) == 0 || !errors.Is(err, fs.ErrNotExist) {
			return keys, nil
		}
		// Gone: set aside as corrupt by another folio since the read
		// (written again whole below), or deleted (left so).
	}
	if len(given) == 0 {
		from, err := c.adoptLedger(keys.Fresh(), keys.Partial())
		if err != nil {
			return keys, err
		}
		if from != "" {
			c.adopted, given = from, c.records
			if keys = build(given); len(keys.Fresh()) == 0 {
				return keys, nil
			}
		}
	}
	for try := 1; ; try++ {
		w, err := startWrite(c.path, "citation keys file", readCiteKeys, c.asideSeen, false)
		if err != nil {
			return keys, err
		}
		unlock, disk := w.unlock, w.file
		switch w.found {
		case foundSetAside:
			// Set aside as corrupt, here or by another folio, since the
			// keys were read: they are the only good copy, written again
			// whole with the fresh ones (as the reading state's marks).
			disk = given
		case foundDeleted:
			disk = nil // deleted: not written again
			if len(keys.Fresh()) == 0 {
				unlock()
				return keys, nil
			}
		}
		if !slices.Equal(disk, given) {
			if try < assignTries {
				unlock()
				given, keys = disk, build(disk)
				if len(keys.Fresh()) == 0 {
					c.records = disk
					return keys, nil
				}
				continue
			}
			given, keys = disk, build(disk)
		}
		err = c.write(disk, keys.Fresh())
		unlock()
		if err == nil && w.copies != nil {
			c.asideSeen = w.copies
		}
		return keys, err
	}
}

// assignTries is how many times Assign builds a keyring outside the lock
// before it builds one under it.
const assignTries = 3

// write records fresh keys onto disk, the file as read under the lock.
func (c *CiteKeys) write(disk, fresh []cite.KeyRecord) error {
	disk = slices.Clone(disk)
	at := make(map[string]int, len(disk))
	for i, r := range disk {
		at[r.Key] = i
	}
	for _, r := range fresh {
		i, ok := at[r.Key]
		switch {
		case !ok:
			at[r.Key] = len(disk)
			disk = append(disk, r)
		case disk[i].ID == r.ID || disk[i].Print == r.Print:
			disk[i] = r
		}
	}
	slices.SortFunc(disk, func(x, y cite.KeyRecord) int { return strings.Compare(x.Key, y.Key) })
	data, err := json.MarshalIndent(citeKeysFile{About: citeKeysAbout, Version: CiteKeysVersion, Archive: c.archive, Keys: disk}, "", " ")
	if err != nil {
		return err
	}
	if int64(len(data)) >= maxCiteKeysSize {
		return fmt.Errorf("%s: the citation keys would be over the %d MB folio reads; not written", c.path, maxCiteKeysSize>>20)
	}
	if err := atomicfile.WriteFile(c.path, append(data, '\n'), 0o600); err != nil {
		return err
	}
	c.records = disk
	return nil
}
