// Package state keeps a reader's own state for one archive: which pieces are
// read, which are starred, where the reader stopped in each, and a history of
// what was opened when. It also keeps the reader's saved searches, for every
// archive, in the config folder (saved.go), and when each was last opened
// on each archive, in the state folder (savedopened.go). The passages the
// reader keeps as quotes live in a file of their own beside the state,
// merged between processes the same way (see Quotes), and so does the
// ledger of the citation keys given to the archive's pieces (see
// CiteKeys), on which a key's staying with its piece rests.
//
// The state of an archive lives in one small JSON file in the XDG state
// directory ($XDG_STATE_HOME/folio/, by default ~/.local/state/folio/), meant
// to be read and, if need be, edited by a person:
//
//	{
//	  "about": "folio reading state ...",
//	  "version": 1,
//	  "archive": "/home/ana/commentary",
//	  "pieces": {
//	    "2017-10-19-raqqa-terror-is-here-to-stay": {
//	      "read": true,
//	      "starred": true,
//	      "position": 42,
//	      "last_opened": "2025-11-25T21:44:00Z"
//	    }
//	  },
//	  "history": [
//	    {"id": "2017-10-19-raqqa-terror-is-here-to-stay", "opened_at": "2025-11-25T21:44:00Z"}
//	  ]
//	}
//
// Pieces are keyed by their archive ID (the slug of the file's path), so the
// state survives re-indexing. The file name is the archive folder's base name
// plus a short hash of its absolute path ("commentary-1a2b3c4d.json"; the
// bundled archive uses "bundled.json"), so two folders that happen to share a
// base name never share state. When an archive folder is moved, its new path
// has no state file yet: Open then adopts the state of a folder with the same
// base name whose recorded path no longer exists (see Open).
//
// The file is written atomically (temporary file in the same folder, fsync,
// rename, fsync of the folder), so a crash leaves either the old or the new
// state. A file that cannot be parsed is never overwritten: it is renamed to
// "<file>.corrupt-<UTC time>" and the reader starts afresh, with a warning.
// A file begun by such a reader says so ("afresh": see afresh), so that a
// folio still holding the marks of the file set aside adds them to it;
// the quotes file and the saved searches' opened times are kept so too
// (see Quotes, SavedOpened).
//
// Several folio processes may use one archive's state at once (two readers,
// a reader and the CLI). Each Store records its changes as operations on one
// field of one piece (read, starred, position, opened), keeps them in memory
// and applies them at Save to the file as it is on disk then: under an
// exclusive flock on the state folder, Save re-reads the file, applies the
// operations, adds the visits and writes it atomically. So no change is lost
// (the last Save wins only where two processes set the same field of the
// same piece), and after a Save or a Reload the Store holds the merged
// state. The lock is held for one read and one write; the in-memory state
// has a lock of its own that is never held across I/O, so the screen never
// waits for a Save. Where flock does not exist (not Unix) there is no lock,
// and two Saves at the very same moment can still lose one's changes.
package state

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/folio-tui/folio/internal/atomicfile"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
)

// Version is the state file format written by this folio.
const Version = 1

// MaxHistory caps the reading history; the oldest visits are dropped first.
const MaxHistory = 1000

// about is written into every state file so that a person who finds it knows
// what it is.
const about = "folio reading state for one archive: per piece id, read/starred/position (line offset in the reader)/last_opened; history lists opens, oldest first; afresh, when there, marks a file begun after a corrupt one was set aside (what was set since). Safe to edit while folio is not running."

// Piece is the reading state of one piece. The zero value is an unread,
// unstarred piece never opened.
type Piece struct {
	Read       bool      `json:"read,omitempty"`
	Starred    bool      `json:"starred,omitempty"`
	Position   int       `json:"position,omitempty"` // first visible line in the reader
	LastOpened time.Time `json:"last_opened,omitzero"`
}

// Visit is one opening of a piece.
type Visit struct {
	ID       string    `json:"id"`
	OpenedAt time.Time `json:"opened_at"`
}

// file is the on-disk shape.
type file struct {
	About   string           `json:"about"`
	Version int              `json:"version"`
	Archive string           `json:"archive"`
	Pieces  map[string]Piece `json:"pieces"`
	History []Visit          `json:"history"`
	// Afresh is set in a file begun afresh after a set-aside (see
	// afresh: Set names the fields set per piece since, Moved the
	// pieces moved); nil in one that carries the marks from before.
	Afresh *afresh `json:"afresh,omitempty"`
}

// record notes in a, the mark of a state file begun afresh, what o
// does: the fields it sets ("read": an open sets it too; "starred",
// "position"), a piece it moves (the fields set go with it).
func (a *afresh) record(o op) {
	switch o.field {
	case fieldRead, fieldOpened:
		a.set(o.id, "read")
	case fieldStarred:
		a.set(o.id, "starred")
	case fieldPosition:
		a.set(o.id, "position")
	case fieldAll:
		a.set(o.id, "position", "read", "starred")
	case fieldMoved:
		a.move(o.id, o.to)
		if from, ok := a.Set[o.id]; ok {
			a.set(o.to, from...)
			delete(a.Set, o.id)
		}
	}
}

// addOld adds to f, a file begun afresh, old and oldHistory, the marks
// and visits of a folio that held the file set aside: old's pieces are
// moved as the file moved its own (see moves; one moved where another
// is is merged into it, as Rename merges), and a field the file set
// since it was begun keeps the file's value, every other takes old's
// (read and starred when either has them, old's position where the file
// has none, the later last opened). The mark stays, for its day: another
// folio holding the file set aside may add its marks too, and what is
// set since (an un-star of a mark added so) is recorded, so that no old
// copy brings it back; adding one folio's marks twice is the same as
// once (an attack: taken away at the first, a second reader stopped
// meanwhile found no mark and lost the star it had saved before the
// set-aside).
func (f *file) addOld(old map[string]Piece, oldHistory []Visit) {
	a := f.Afresh
	dest := a.moves()
	movedOld := make(map[string]Piece, len(old))
	for id, p := range old { // those that stay first
		if _, moves := dest[id]; !moves {
			movedOld[id] = p
		}
	}
	for _, id := range slices.Sorted(maps.Keys(dest)) {
		p, had := old[id]
		if !had {
			continue
		}
		if q, taken := movedOld[dest[id]]; taken {
			p = mergePieces(q, p)
		}
		movedOld[dest[id]] = p
	}
	for i, v := range oldHistory {
		if to, ok := dest[v.ID]; ok {
			oldHistory[i].ID = to
		}
	}
	for id, p := range movedOld {
		q, set := f.Pieces[id], a.Set[id]
		if !slices.Contains(set, "read") {
			q.Read = q.Read || p.Read
		}
		if !slices.Contains(set, "starred") {
			q.Starred = q.Starred || p.Starred
		}
		if !slices.Contains(set, "position") && q.Position == 0 {
			q.Position = p.Position
		}
		if p.LastOpened.After(q.LastOpened) {
			q.LastOpened = p.LastOpened
		}
		if q != (Piece{}) {
			f.Pieces[id] = q
		}
	}
	f.History = mergeVisits(f.History, oldHistory)
}

// Store is the reading state of one archive. It is safe for concurrent use.
// Changes stay in memory until Save.
//
// Two locks keep the screen from ever waiting on the disk: mu guards the
// in-memory state and is held only to read or change it (never across I/O),
// so IsRead, IsStarred and the other getters return at once; saveMu makes
// one Save at a time in this process and is held across the file's I/O.
type Store struct {
	saveMu sync.Mutex // one Save at a time; held across I/O, never taken by the getters

	mu      sync.Mutex
	path    string // "" when no state folder could be found: the store is memory-only
	archive string
	pieces  map[string]Piece
	history []Visit

	// What this process changed since the last Save, as operations in the
	// order they were made. Save applies them to the file as it is on disk
	// then, under a lock, so that several folio processes on one archive
	// merge their changes piece by piece and field by field.
	pending   []op
	newVisits []Visit

	// refuse is why Save must not write: the file exists but could not be
	// read (permissions, I/O), so writing would destroy state we never saw.
	refuse error
	// adoptedFrom is the state file of a moved archive this store started
	// from, if any.
	adoptedFrom string

	// asideSeen names the set-aside copies of the file (setAside) that
	// were in the state folder when this store last read or wrote the
	// file (taken before Open's read, and under the folder's lock at
	// each Save). A file found gone with a copy not named here was set
	// aside as corrupt since; one gone with none was deleted (see
	// write). Guarded by saveMu once Open has returned.
	asideSeen map[string]bool
	// mark is the afresh mark of the file when this store last read or
	// wrote it (nil: none), carried into the file written again whole
	// after a set-aside (see carried). Guarded by saveMu once Open has
	// returned.
	mark *afresh
}

// op is one change of one field of one piece: it sets the field to the
// value the change gave it here. Applying an op twice is the same as once,
// so a Save that failed can apply its ops again at the next one.
type op struct {
	id    string
	field field
	on    bool      // fieldRead, fieldStarred
	line  int       // fieldPosition
	at    time.Time // fieldOpened: the piece is read and was opened at this time
	piece Piece     // fieldAll
	to    string    // fieldMoved: the piece's ID now
}

type field uint8

const (
	fieldRead field = iota
	fieldStarred
	fieldPosition
	fieldOpened
	fieldAll   // the whole piece (state adopted from a moved archive)
	fieldMoved // the whole piece, to another ID (its file renamed: Rename)
)

// apply sets the op's field in pieces; a piece left with no state is
// removed, so that the file keeps only the pieces that have one.
func (o op) apply(pieces map[string]Piece) Piece {
	p := pieces[o.id]
	switch o.field {
	case fieldMoved:
		if p != (Piece{}) {
			if q, taken := pieces[o.to]; taken {
				p = mergePieces(q, p)
			}
			pieces[o.to] = p
			delete(pieces, o.id)
		}
		return p
	case fieldRead:
		p.Read = o.on
	case fieldStarred:
		p.Starred = o.on
	case fieldPosition:
		p.Position = o.line
	case fieldOpened:
		p.Read = true
		if o.at.After(p.LastOpened) {
			p.LastOpened = o.at
		}
	case fieldAll:
		p = o.piece
	}
	if p == (Piece{}) {
		delete(pieces, o.id)
	} else {
		pieces[o.id] = p
	}
	return p
}

// dirOr is dir, or DefaultDir when dir is "".
func dirOr(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return DefaultDir()
}

// DefaultDir is where state files live: $XDG_STATE_HOME/folio, or
// ~/.local/state/folio when XDG_STATE_HOME is unset or not absolute (as the
// XDG Base Directory specification requires).
func DefaultDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "folio"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no state folder: %w", err)
	}
	return filepath.Join(home, ".local", "state", "folio"), nil
}

// FileName is the state file name for an archive name (archive.Archive.Name:
// "bundled" or an absolute folder path): a readable slug of the folder's base
// name and, for folders, 8 hex digits of a hash of the full path.
func FileName(archiveName string) string {
	if !filepath.IsAbs(archiveName) {
		if s := fileSlug(archiveName); s != "" {
			return s + ".json"
		}
	}
	sum := sha256.Sum256([]byte(archiveName))
	base := fileSlug(filepath.Base(archiveName))
	if base == "" {
		base = "archive"
	}
	return base + "-" + hex.EncodeToString(sum[:4]) + ".json"
}

// fileSlug is the slug of a name in the state files' names: archive.PlainSlug
// cut at 40 bytes at a word's end, and a word longer than that (a folder
// named with one long word, or in a script without spaces) cut at
// maxSlugBytes, so that every name of an archive's files stays under the
// 255 bytes a file name may have (a helper's report: 78 Han characters
// made every file of the state "file name too long"). A name all of whose
// files could be written before is the same (a review: cut at 160, a
// folder of 60 Han characters lost its state on the upgrade).
func fileSlug(name string) string {
	s := archive.PlainSlug(name, 40)
	if len(s) > maxSlugBytes {
		n := maxSlugBytes
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = strings.TrimRight(s[:n], "-")
	}
	return s
}

// maxSlugBytes bounds fileSlug: the longest name made of a slug, the
// ledger's temporary file ("." + slug + "-" + 8 hex digits +
// ".citekeys.json" + ".tmp-" + up to 10 digits: the slug and 39 bytes),
// is then 255 bytes at most.
const maxSlugBytes = 216

// Open loads the state of the archive named archiveName from dir ("" for
// DefaultDir). It always returns a usable Store; a non-nil error is a warning
// for the user (a corrupt file set aside, an unreadable file, no state
// folder), after which the store starts empty.
//
// When the archive has no state file yet, Open looks for the state of the same
// archive at an earlier path (movedArchive): a folder with the same base name
// whose recorded "archive" path no longer exists. If there is exactly one, its
// files are copied to the new names (adoptMovedArchive: the reading state,
// quotes, citation keys and saved searches' opened times), when the
// archive has none of its own yet; the old files are left as they are.
// A folder that is renamed, not just moved, starts empty: its old state file
// can be copied to the new FileName by hand.
func Open(archiveName, dir string) (*Store, error) {
	s := &Store{archive: archiveName, pieces: map[string]Piece{}}
	dir, err := dirOr(dir)
	if err != nil {
		s.refuse = err
		return s, fmt.Errorf("reading state is not saved: %w", err)
	}
	s.path = filepath.Join(dir, FileName(archiveName))
	s.adoptedFrom = adoptMovedArchive(dir, archiveName) // a moved folder's files

	// Before the read: a copy set aside after it is one this store never
	// saw, which a Save that finds the file gone must tell.
	before, _ := asideCopies(s.path)
	f, err := readOrSetAside(s.path, readFile)
	var corrupt *corruptError
	var mark *afresh
	if err == nil {
		mark = f.Afresh
	}
	// Holding none of the marks of a file set aside, here or by another
	// folio, the store has seen every copy: a file it begins is begun
	// afresh (see write); reading one begun afresh, it holds its marks.
	s.asideSeen = seenAtOpen(s.path, before, err, mark)
	s.mark = mark
	switch {
	case err == nil:
		s.pieces, s.history = f.Pieces, f.History
		return s, nil
	case errors.Is(err, fs.ErrNotExist):
		return s, nil
	case errors.As(err, &corrupt):
		if corrupt.asideErr != nil {
			s.refuse = fmt.Errorf("corrupt state file %s could not be set aside: %w", s.path, corrupt.asideErr)
			return s, s.refuse
		}
		return s, fmt.Errorf("state file %s was corrupt (%v); moved it to %s and started afresh", s.path, corrupt.err, filepath.Base(corrupt.aside))
	default:
		s.refuse = fmt.Errorf("state file %s cannot be read: %w", s.path, err)
		return s, fmt.Errorf("%w; reading state will not be saved this session", s.refuse)
	}
}

// setAside renames a corrupt state file to <file>.corrupt-<UTC time>, never
// over an earlier set-aside file.
func setAside(path string) (string, error) {
	stamp := time.Now().UTC().Format("20060102T150405Z")
	base := asidePrefix(path, len(stamp)+4) + stamp
	aside := base
	for n := 2; ; n++ {
		_, err := os.Lstat(aside)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil || n > 1000 {
			return "", fmt.Errorf("no name to set %s aside under: %v", path, err)
		}
		aside = fmt.Sprintf("%s-%d", base, n)
	}
	return aside, os.Rename(path, aside)
}

// asidePrefix is the path of path's set-aside copies (setAside) up to
// the time: "<file>.corrupt-", or for a long name, whose copies' names
// would not fit with rest more bytes, the name's hash for the name (a
// review: Lstat failed with "file name too long" at every try, and
// setAside looped for ever).
func asidePrefix(path string, rest int) string {
	prefix := path + ".corrupt-"
	if len(filepath.Base(prefix))+rest > 255 {
		sum := sha256.Sum256([]byte(filepath.Base(path)))
		prefix = filepath.Join(filepath.Dir(path), hex.EncodeToString(sum[:8])+".corrupt-")
	}
	return prefix
}

// maxFileSize caps the state file read: far above the state of any
// archive (a piece takes about 100 bytes), and only regular files are
// read (see archive.ReadRegular: a named pipe would block).
const maxFileSize = 256 << 20

// corruptError is a state file that exists and was read but is not a state
// file: it is set aside, never overwritten. readOrSetAside says where it
// went (aside) or why it could not be set aside (asideErr).
type corruptError struct {
	err      error
	aside    string
	asideErr error
}

func (e *corruptError) Error() string { return e.err.Error() }

// readFile reads and validates a state file. Entries that make no sense (an
// empty or unprintable ID, a negative position) are dropped quietly: one odd
// entry in a hand-edited file is not worth losing the rest.
func readFile(path string) (*file, error) {
	// A newer folio's file is not corrupt, so not set aside; Open warns and
	// Save refuses.
	f, err := readJSON(path, maxFileSize, Version, func(f *file) int { return f.Version })
	if err != nil {
		return nil, err
	}
	pieces := make(map[string]Piece, len(f.Pieces))
	for id, p := range f.Pieces {
		if !validID(id) {
			continue
		}
		p.Position = max(p.Position, 0)
		pieces[id] = p
	}
	f.Pieces = pieces
	f.Afresh.dropBadMoves()
	f.History = slices.DeleteFunc(f.History, func(v Visit) bool { return !validID(v.ID) })
	sortVisits(f.History)
	if len(f.History) > MaxHistory {
		f.History = f.History[len(f.History)-MaxHistory:]
	}
	return f, nil
}

func validID(id string) bool {
	return id != "" && archive.SanitizeLine(id) == id
}

func globEscape(s string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`).Replace(s)
}

// Path is the state file (empty when the store is memory-only).
func (s *Store) Path() string { return s.path }

// Refused is why Save will not write the state file (Open found it but
// could not read it: its permissions, an I/O error, a newer folio's
// format), or nil: the store then holds none of the file's marks.
func (s *Store) Refused() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refuse
}

// AdoptedFrom is the state file of the archive's earlier location that this
// store started from, or "" (see Open).
func (s *Store) AdoptedFrom() string { return s.adoptedFrom }

// Get returns the state of one piece.
func (s *Store) Get(id string) Piece {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pieces[id]
}

// change applies one op under the lock and keeps it for Save.
func (s *Store) change(o op) Piece {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, o)
	return o.apply(s.pieces)
}

// MarkRead sets whether a piece is read.
func (s *Store) MarkRead(id string, read bool) {
	s.change(op{id: id, field: fieldRead, on: read})
}

// ToggleRead flips a piece between read and unread and returns the new value.
// What is kept for Save is the new value, not the flip: another process that
// marked the same piece meanwhile is overruled, not undone.
func (s *Store) ToggleRead(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := op{id: id, field: fieldRead, on: !s.pieces[id].Read}
	s.pending = append(s.pending, o)
	return o.apply(s.pieces).Read
}

// ToggleStar stars or unstars a piece and returns the new value (kept for
// Save as the value, like ToggleRead).
func (s *Store) ToggleStar(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := op{id: id, field: fieldStarred, on: !s.pieces[id].Starred}
	s.pending = append(s.pending, o)
	return o.apply(s.pieces).Starred
}

// SetStarred sets whether a piece is starred.
func (s *Store) SetStarred(id string, starred bool) {
	s.change(op{id: id, field: fieldStarred, on: starred})
}

// IsRead reports whether a piece is read.
func (s *Store) IsRead(id string) bool { return s.Get(id).Read }

// IsStarred reports whether a piece is starred.
func (s *Store) IsStarred(id string) bool { return s.Get(id).Starred }

// SetPosition records where the reader stopped in a piece (the first visible
// line). Negative values count as 0.
func (s *Store) SetPosition(id string, line int) {
	s.change(op{id: id, field: fieldPosition, line: max(line, 0)})
}

// Position is where the reader stopped in a piece; 0 for the top.
func (s *Store) Position(id string) int { return s.Get(id).Position }

// RecordOpen notes that a piece was opened at t: it becomes read, its
// last_opened is t (or stays a later time already recorded, perhaps by
// another folio), and the visit joins the history. Times are kept in UTC to
// the second.
func (s *Store) RecordOpen(id string, t time.Time) {
	t = t.UTC().Truncate(time.Second)
	s.mu.Lock()
	defer s.mu.Unlock()
	o := op{id: id, field: fieldOpened, at: t}
	s.pending = append(s.pending, o)
	o.apply(s.pieces)
	v := Visit{ID: id, OpenedAt: t}
	s.history = append(s.history, v)
	if len(s.history) > MaxHistory {
		s.history = slices.Delete(s.history, 0, len(s.history)-MaxHistory)
	}
	s.newVisits = append(s.newVisits, v)
}

// Rename gives the state of the piece whose ID was from (read, starred,
// position, last opened) and its visits in the history to the piece to:
// the same piece, its file renamed or moved (index.Stats.Renamed). When
// to has a state already, the two are one (mergePieces): another folio
// may have moved the piece's state while this one held a change of it
// not yet saved, or saved it under the old ID just after (a helper's
// report: a star made just before its file moved was lost). Like every
// change, it is applied again at Save to the file as it is then. It
// reports whether there was anything to give: a rename followed already
// is nothing.
func (s *Store) Rename(from, to string) bool {
	if from == to || from == "" || to == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o := op{id: from, field: fieldMoved, to: to}
	visited := func(v Visit) bool { return v.ID == from }
	if _, has := s.pieces[from]; !has && !slices.ContainsFunc(s.history, visited) && !slices.ContainsFunc(s.newVisits, visited) {
		return false
	}
	s.pending = append(s.pending, o)
	o.apply(s.pieces)
	o.moveVisits(s.history)
	o.moveVisits(s.newVisits)
	return true
}

// mergePieces is the state of a piece that had two IDs (Rename): read or
// starred under either, its place under the new one unless it has none,
// and the later opening.
func mergePieces(to, from Piece) Piece {
	p := to
	p.Read = to.Read || from.Read
	p.Starred = to.Starred || from.Starred
	if p.Position == 0 {
		p.Position = from.Position
	}
	if from.LastOpened.After(p.LastOpened) {
		p.LastOpened = from.LastOpened
	}
	return p
}

// moveVisits gives the visits of the piece a fieldMoved op moves to its
// new ID.
func (o op) moveVisits(vs []Visit) {
	for i := range vs {
		if vs[i].ID == o.id {
			vs[i].ID = o.to
		}
	}
}

// History returns the visits, oldest first.
func (s *Store) History() []Visit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.history)
}

// Starred returns the IDs of all starred pieces, sorted. It may name pieces
// no longer in the archive.
func (s *Store) Starred() []string {
	return s.all(func(p Piece) bool { return p.Starred })
}

// Read returns the IDs of all pieces marked read, sorted. It may name
// pieces no longer in the archive.
func (s *Store) Read() []string {
	return s.all(func(p Piece) bool { return p.Read })
}

// all returns the IDs of the pieces in the state that keep holds for, sorted.
func (s *Store) all(keep func(Piece) bool) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for id, p := range s.pieces {
		if keep(p) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// Unread returns the IDs of ids that are not read, in the order given.
func (s *Store) Unread(ids []string) []string {
	return s.filter(ids, func(p Piece) bool { return !p.Read })
}

func (s *Store) filter(ids []string, keep func(Piece) bool) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []string{}
	for _, id := range ids {
		if keep(s.pieces[id]) {
			out = append(out, id)
		}
	}
	return out
}

// Save writes this process's changes into the state file and takes in
// what other folio processes on the same archive wrote meanwhile.
//
// Under an exclusive lock on the state folder (flock, where the system has
// it), Save re-reads the file, applies the changes made here since the last
// Save in the order they were made, each to one field of one piece (read,
// starred, position; an open sets read and keeps the later last_opened),
// adds the visits made here to the history, and writes the result
// atomically; then it releases the lock. Changes to different pieces, or to
// different fields of one piece, are all kept; when two processes set the
// same field of the same piece, the later Save wins. The store then holds
// the merged state, with any change made during the Save on top.
//
// The screen never waits for it: the getters and the changes take only the
// in-memory lock, which Save holds only to copy what it writes and to
// install what it read, never across I/O. A Save that fails keeps its
// changes for the next one. A file found corrupt is set aside as in Open
// and replaced by all this store knows (begun afresh still when the file
// it last read or wrote was, while that mark is within its day: see
// carried); so is a file found gone that was
// set aside as corrupt since this store last read or wrote it (a copy
// "<file>.corrupt-<time>" that was not in the folder then, by another
// folio), even with nothing else to write. A file found gone otherwise
// was deleted (it, or the state folder): the store then holds only its
// changes since the last Save, and writes them (none: the file stays
// gone, and the store empty); a file so begun after a set-aside is begun
// afresh (see afresh). A file found begun afresh after a set-aside this
// store has not seen (another folio set the file aside and wrote its own
// marks first) takes the marks this store holds where it set none, even
// with nothing else to write; a file that carries the marks from before
// takes only the changes. Otherwise, with nothing to write, Save only
// re-reads the file (see Reload).
func (s *Store) Save() error {
	_, err := s.sync()
	return err
}

// Reload takes in what other folio processes wrote to the state file since
// this store last read it, and writes this process's pending changes with
// it (it is Save, reporting whether the marks shown should be redrawn:
// changed is true when the state differs from what the store held).
func (s *Store) Reload() (changed bool, err error) {
	return s.sync()
}

// Unsaved reports whether the store holds changes no Save has written
// yet (a Save that failed keeps them for the next).
func (s *Store) Unsaved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) > 0 || len(s.newVisits) > 0
}

// saveWriting, when set (by tests), is called by a Save once it has copied
// what it writes and let go of the marks' lock, before it takes the state
// folder's lock and touches the disk.
var saveWriting func()

// lockTimeout bounds the wait for another folio's Save (which holds the lock
// for one read and one write of a small file).
const lockTimeout = 5 * time.Second

func (s *Store) sync() (changed bool, err error) {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()

	// Copy under the lock what is to be written.
	s.mu.Lock()
	if s.refuse != nil || s.path == "" {
		err := s.refuse
		if err == nil {
			err = errors.New("no state folder")
		}
		s.mu.Unlock()
		return false, err
	}
	ops, visits := s.pending, s.newVisits
	s.pending, s.newVisits = nil, nil
	s.mu.Unlock()

	if saveWriting != nil {
		saveWriting()
	}
	merged, err := s.write(ops, visits)
	if err != nil {
		// Keep the changes for the next Save, before any made meanwhile.
		s.mu.Lock()
		s.pending = append(ops, s.pending...)
		s.newVisits = append(visits, s.newVisits...)
		s.mu.Unlock()
		return false, err
	}

	// Install the merged state, with the changes made meanwhile on top.
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.pending {
		o.apply(merged.Pieces)
	}
	history := mergeVisits(merged.History, s.newVisits)
	changed = !maps.Equal(s.pieces, merged.Pieces) || !slices.Equal(s.history, history)
	s.pieces, s.history = merged.Pieces, history
	return changed, nil
}

// allOps turns the whole in-memory state into ops (s.mu held).
func (s *Store) allOps() []op {
	ops := make([]op, 0, len(s.pieces))
	for id, p := range s.pieces {
		ops = append(ops, op{id: id, field: fieldAll, piece: p})
	}
	return ops
}

// lockForWrite makes the folder of path (a state or config file, what
// names its folder in errors), takes its lock and removes the temporary
// files a folio killed while writing path left: the start of every
// read-change-write of a state file. unlock lets go of the lock.
func lockForWrite(path, what string) (unlock func(), err error) {
	unlock, _, _, err = lockListing(path, what)
	return unlock, err
}

// lockListing is lockForWrite, which lists the folder, giving that
// listing (entries, or listErr when it failed) for the caller's use.
func lockListing(path, what string) (unlock func(), entries []os.DirEntry, listErr, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, nil, fmt.Errorf("%s folder: %w", what, err)
	}
	unlock, err = lockFolder(dir, lockTimeout)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s folder %s: %w", what, dir, err)
	}
	entries, listErr = os.ReadDir(dir)
	removeStaleTemps(path, entries)
	return unlock, entries, listErr, nil
}

// LockFile takes the lock every read-change-write of a file in path's
// folder holds (a config file's: feeds.toml, config.toml), as the state's
// and saved searches' writes do, making the folder if need be: two folios
// changing the file at once both keep their change when each re-reads it
// under the lock. what names the folder in errors.
func LockFile(path, what string) (unlock func(), err error) { return lockForWrite(path, what) }

// removeStaleTemps removes the temporary files atomicfile.WriteFile left
// beside path (among entries, its folder's) when a folio was killed in
// the middle of a Save. Every Save writes its temporary file under the
// folder lock, which the caller holds: one found now belongs to no
// running Save.
func removeStaleTemps(path string, entries []os.DirEntry) {
	prefix := "." + filepath.Base(path) + ".tmp-"
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			_ = os.Remove(filepath.Join(filepath.Dir(path), e.Name()))
		}
	}
}

// write is the I/O of a Save: lock, re-read, apply, write, unlock. With no
// ops and no visits it only reads. It returns the file as written (or read).
func (s *Store) write(ops []op, visits []Visit) (_ *file, err error) {
	w, err := startWrite(s.path, "state file", readFile, s.asideSeen, false)
	if err != nil {
		return nil, err
	}
	defer w.unlock()
	disk := w.file
	defer func() {
		if err == nil && w.copies != nil {
			s.asideSeen = seenWith(w.copies, disk.Afresh) // even if removed since
		}
		if err == nil {
			s.mark = disk.Afresh
		}
	}()
	rewrite := false
	whole := 0 // the ops restating what the store holds, first (foundSetAside)
	switch w.found {
	case foundFile:
		if takeOld(s.path, &disk.Afresh, s.asideSeen, time.Now()) {
			// Begun afresh by another folio after a set-aside this store
			// has not seen: its marks, from the file set aside, are
			// added (a review: a reader's five stars were lost to a
			// folio that set the file aside at its Open and starred
			// one). Never to a file that carries the marks from before
			// (Afresh nil: a piece it lacks is an un-mark: 186e45a
			// revived another reader's un-star).
			s.mu.Lock()
			disk.addOld(maps.Clone(s.pieces), slices.Clone(s.history))
			s.mu.Unlock()
			rewrite = true
		} // else a mark past its day is dropped (takeOld)
	case foundDeleted:
		// Deleted (the file, or the state folder), not set aside: the
		// store holds only its changes since the last Save, as a store
		// that never had a file does. Written after a set-aside (one
		// this store has seen), the file is begun afresh.
		disk = &file{Pieces: map[string]Piece{}, Afresh: beginAfresh(s.path, w, false, time.Now())}
	case foundSetAside:
		// Set aside as corrupt since this store last read or wrote it,
		// here or by another folio: the marks this store holds are the
		// only good copy and are written again whole, not only its
		// changes since the last Save (a helper's report: a reader's
		// five stars were lost to the one starred after another folio
		// set a corrupt file aside). A file this store read begun
		// afresh is so still (carried): the marks it holds are that
		// file's, and a folio holding the marks from before the first
		// set-aside is to add them still; what it held, restated, was
		// set or not set there as the mark says.
		disk = &file{Pieces: map[string]Piece{}, Afresh: carried(s.path, s.mark, time.Now())}
		s.mu.Lock()
		whole = len(s.pieces)
		ops = append(s.allOps(), ops...)
		visits = mergeVisits(slices.Clone(s.history), visits)
		s.mu.Unlock()
	}
	if len(ops) == 0 && len(visits) == 0 && !rewrite {
		return disk, nil
	}
	for i, o := range ops {
		if o.field == fieldMoved {
			o.moveVisits(disk.History)
		}
		o.apply(disk.Pieces)
		if disk.Afresh != nil && i >= whole {
			disk.Afresh.record(o)
		}
	}
	disk.History = mergeVisits(disk.History, visits)
	disk.About, disk.Version, disk.Archive = about, Version, s.archive

	data, err := json.MarshalIndent(disk, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := atomicfile.WriteFile(s.path, append(data, '\n'), 0o600); err != nil {
		return nil, err
	}
	return disk, nil
}

// mergeVisits adds visits not already in history, keeps time order and the cap.
func mergeVisits(history, visits []Visit) []Visit {
	seen := make(map[Visit]bool, len(history))
	for _, v := range history {
		seen[v] = true
	}
	for _, v := range visits {
		if !seen[v] {
			history = append(history, v)
			seen[v] = true
		}
	}
	sortVisits(history)
	if len(history) > MaxHistory {
		history = history[len(history)-MaxHistory:]
	}
	return history
}

func sortVisits(vs []Visit) {
	slices.SortStableFunc(vs, func(a, b Visit) int { return a.OpenedAt.Compare(b.OpenedAt) })
}
