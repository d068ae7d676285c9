package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// Saved searches: a query and its filters kept under a name, for every
// archive, in one readable JSON file in the config folder
// ($XDG_CONFIG_HOME/folio/saved.json, by default ~/.config/folio/):
//
//	{
//	  "about": "folio saved searches ...",
//	  "version": 1,
//	  "searches": [
//	    {
//	      "name": "Raqqa",
//	      "query": "raqqa OR mosul",
//	      "filters": {"tags": ["isis"], "from": "2017"},
//	      "created": "2026-12-01T18:30:00Z"
//	    }
//	  ]
//	}
//
// The filters are written as the command line takes them (--tag isis
// --from 2017): see Filters. The file is a person's own list, so folio
// never sets it aside: one it cannot read is an error naming the file and
// line, every change is refused until it is mended, and nothing in it is
// lost. Each change re-reads the file and writes it atomically under an
// exclusive flock on the config folder, so two folios adding searches at
// once both keep theirs.
//
// When a search was last opened is kept per archive, in the state folder
// beside the reading state (SavedOpened).

// SavedVersion is the newest saved-searches file format this folio reads
// and writes: 2 holds a search's languages (--language), which a folio of
// format 1 refuses as an unknown field. A file is written in format 1
// while none of its searches has languages, so that an older folio
// still reads it, and in 2 once one has: an older folio then says the
// file was written by a newer one (savedVersionOf).
const SavedVersion = 2

// savedVersionOf is the format f is written in: the oldest that holds
// every field its searches use.
func savedVersionOf(f *savedFile) int {
	for _, s := range f.Searches {
		if len(s.Filters.Languages) > 0 {
			return 2
		}
	}
	return 1
}

// MaxNameLen is the longest name of a saved search, in characters.
const MaxNameLen = 64

const savedAbout = "folio saved searches: a name, a query in folio's query language and filters as the command line takes them (--tag, --outlet, --author, --kind, --language: lists; --from, --to: YYYY, YYYY-MM or YYYY-MM-DD; --within: the piece's date wholly in them; --starred, --unread, --quoted, --collapse-copies). Safe to edit while folio is not running."

// Search is one saved search.
type Search struct {
	Name    string    `json:"name"`
	Query   string    `json:"query"`
	Filters Filters   `json:"filters"`
	Created time.Time `json:"created"`
}

// Filters are a saved search's filters, as the command line's flags take
// them: From and To as written ("2017", "2017-09", "2017-09-14"), so that a
// month stays a month.
type Filters struct {
	Tags    []string `json:"tags,omitempty"`
	Outlets []string `json:"outlets,omitempty"`
	Authors []string `json:"authors,omitempty"`
	Kinds   []string `json:"kinds,omitempty"`
	// Languages are language ranges (--language: en, en-GB, German)
	Languages []string `json:"languages,omitempty"`
	From      string   `json:"from,omitempty"`
	To        string   `json:"to,omitempty"`
	// Within: From and To hold a piece's whole period (folio search
	// --within; the reader's month chosen on a chart)
	Within  bool `json:"within,omitempty"`
	Starred bool `json:"starred,omitempty"`
	Unread  bool `json:"unread,omitempty"`
	Quoted  bool `json:"quoted,omitempty"` // only pieces with quotes (folio search --quoted)
	// CollapseCopies counts a republished piece once (--collapse-copies)
	CollapseCopies bool `json:"collapse_copies,omitempty"`
}

// Filter is the archive.Filter of f (all but the reading filters,
// Starred, Unread and Quoted, which need the reading state and quotes).
func (f Filters) Filter() (archive.Filter, error) {
	af := archive.Filter{Tags: f.Tags, Outlets: f.Outlets, Authors: f.Authors, Kinds: f.Kinds, Languages: f.Languages, Within: f.Within}
	if err := archive.CheckLanguages(f.Languages); err != nil {
		return af, fmt.Errorf("languages: %v", err)
	}
	if f.Within && f.From == "" && f.To == "" {
		// checked as the file is read, with its line (a review: a
		// hand-edited one broke the whole saved list)
		return af, errors.New("within needs from or to: it says how they hold a piece's date")
	}
	if f.From != "" {
		d, err := archive.ParseDate(f.From)
		if err != nil {
			return af, fmt.Errorf("from: %v", err)
		}
		af.From = d.Time
	}
	if f.To != "" {
		d, err := archive.ParseDate(f.To)
		if err != nil {
			return af, fmt.Errorf("to: %v", err)
		}
		af.To = d.End() // to 2017-09 keeps the whole of September
	}
	return af, nil
}

// savedFile is the on-disk shape.
type savedFile struct {
	About    string   `json:"about"`
	Version  int      `json:"version"`
	Searches []Search `json:"searches"`
}

// SavedPath is the saved-searches file: saved.json in folio's config
// folder (os.UserConfigDir: $XDG_CONFIG_HOME, else ~/.config).
func SavedPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config folder for saved searches: %w", err)
	}
	return filepath.Join(dir, "folio", "saved.json"), nil
}

// Saved is the saved-searches file at one path.
type Saved struct{ path string }

// OpenSaved is the saved-searches file at path ("" for SavedPath). It reads
// nothing: every method reads the file as it is then.
func OpenSaved(path string) (*Saved, error) {
	if path == "" {
		p, err := SavedPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return &Saved{path: path}, nil
}

// Path is the file's path.
func (s *Saved) Path() string { return s.path }

// ErrNoSearch is the error of a name no saved search has.
var ErrNoSearch = errors.New("no saved search")

// ErrSearchExists is the error of adding a name a saved search has.
var ErrSearchExists = errors.New("a saved search has that name")

// List returns the saved searches in the order they were saved. A
// missing file is none.
func (s *Saved) List() ([]Search, error) {
	f, err := readSaved(s.path)
	if err != nil {
		return nil, err
	}
	return f.Searches, nil
}

// Get returns the saved search named name (NameKey: case and Unicode
// normalisation do not count).
func (s *Saved) Get(name string) (Search, error) {
	all, err := s.List()
	if err != nil {
		return Search{}, err
	}
	if i := find(all, name); i >= 0 {
		return all[i], nil
	}
	return Search{}, fmt.Errorf("%w named %q", ErrNoSearch, name)
}

func find(all []Search, name string) int {
	key := NameKey(name)
	return slices.IndexFunc(all, func(s Search) bool { return NameKey(s.Name) == key })
}

// Add saves a search under its name, which must be valid (CheckName) and
// not yet taken; its name is kept in Unicode NFC and its Created time, when
// zero, is set to now. The filters' dates must parse.
func (s *Saved) Add(sr Search) (Search, error) {
	sr.Name = norm.NFC.String(sr.Name)
	if err := CheckName(sr.Name); err != nil {
		return sr, err
	}
	if _, err := sr.Filters.Filter(); err != nil {
		return sr, err
	}
	if sr.Created.IsZero() {
		sr.Created = time.Now()
	}
	sr.Created = sr.Created.UTC()
	err := s.change(func(f *savedFile) error {
		if i := find(f.Searches, sr.Name); i >= 0 {
			return fmt.Errorf("%w: %q", ErrSearchExists, f.Searches[i].Name)
		}
		f.Searches = append(f.Searches, sr)
		return nil
	})
	return sr, err
}

// Remove deletes the saved search named name and returns it.
func (s *Saved) Remove(name string) (Search, error) {
	var gone Search
	err := s.change(func(f *savedFile) error {
		i := find(f.Searches, name)
		if i < 0 {
			return fmt.Errorf("%w named %q", ErrNoSearch, name)
		}
		gone = f.Searches[i]
		f.Searches = slices.Delete(f.Searches, i, i+1)
		return nil
	})
	return gone, err
}

// Current is the saved search sr as the file holds it now: the one with
// its Created time, by its name then (renamed meanwhile or not); by its
// name alone when it has no Created time (a hand-written one). An error
// (wrapping ErrNoSearch) when it was removed.
func (s *Saved) Current(sr Search) (Search, error) {
	all, err := s.List()
	if err != nil {
		return Search{}, err
	}
	return currentIn(all, sr)
}

// currentIn is the search sr as the searches all hold it (Current).
func currentIn(all []Search, sr Search) (Search, error) {
	if sr.Created.IsZero() {
		if i := find(all, sr.Name); i >= 0 && all[i].Created.IsZero() {
			return all[i], nil
		}
	} else {
		var found []Search
		for _, c := range all {
			if c.Created.Equal(sr.Created) {
				found = append(found, c)
			}
		}
		for _, c := range found {
			if NameKey(c.Name) == NameKey(sr.Name) {
				return c, nil
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
	}
	return Search{}, fmt.Errorf("%w named %q: removed meanwhile", ErrNoSearch, sr.Name)
}

// Rename gives the saved search named old the name new, which must be
// valid (CheckName) and no other search's (a change of case alone is
// allowed), keeping its query, filters, Created time and place in the
// list; it returns the search as renamed. The opened times recorded under
// the old name are moved by RenameOpened.
func (s *Saved) Rename(old, new string) (Search, error) {
	new = norm.NFC.String(new)
	if err := CheckName(new); err != nil {
		return Search{}, err
	}
	var renamed Search
	err := s.change(func(f *savedFile) error {
		i := find(f.Searches, old)
		if i < 0 {
			return fmt.Errorf("%w named %q", ErrNoSearch, old)
		}
		if j := find(f.Searches, new); j >= 0 && j != i {
			return fmt.Errorf("%w: %q", ErrSearchExists, f.Searches[j].Name)
		}
		f.Searches[i].Name = new
		renamed = f.Searches[i]
		return nil
	})
	return renamed, err
}

// change applies edit to the file as it is on disk, under the config
// folder's lock, and writes it atomically; nothing is written when edit
// or the reading fails.
func (s *Saved) change(edit func(*savedFile) error) error {
	unlock, err := lockForWrite(s.path, "config")
	if err != nil {
		return err
	}
	defer unlock()
	f, err := readSaved(s.path)
	if err != nil {
		return err
	}
	if err := edit(f); err != nil {
		return err
	}
	f.About, f.Version = savedAbout, savedVersionOf(f)
	data, err := json.MarshalIndent(f, "", "  ")
	if err == nil && len(data) >= maxSavedSize {
		// Indented, a file near the limit would pass it and lock every
		// search out: written compact, a removal always fits.
		data, err = json.Marshal(f)
	}
	if err != nil {
		return err
	}
	if len(data) >= maxSavedSize {
		return fmt.Errorf("%s: the saved searches would be over the %d MB folio reads; nothing was written (folio saved rm removes some)", s.path, maxSavedSize>>20)
	}
	return atomicfile.WriteFile(s.path, append(data, '\n'), 0o600) // through a link (atomicfile)
}

// maxSavedSize caps the saved-searches file read: a search takes a few
// hundred bytes.
const maxSavedSize = 16 << 20

// readSaved reads and checks the saved-searches file; a missing one is
// empty. An error names the file and, where it can, the line.
func readSaved(path string) (*savedFile, error) {
	data, err := archive.ReadRegular(path, maxSavedSize)
	if errors.Is(err, fs.ErrNotExist) {
		return &savedFile{}, nil
	}
	if err != nil {
		if !errors.As(err, new(*fs.PathError)) {
			err = fmt.Errorf("%s: %w", path, err) // "file is over the 16 MB limit"
		}
		return nil, fmt.Errorf("saved searches: %w", err)
	}
	// A byte-order mark (some editors write one) is no part of JSON.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	f, line, err := parseSaved(data)
	if err != nil {
		if line > 0 {
			return nil, fmt.Errorf("%s:%d: %v (the file is left as it is: mend it or move it away)", path, line, err)
		}
		return nil, fmt.Errorf("%s: %v (the file is left as it is: mend it or move it away)", path, err)
	}
	return f, nil
}

// parseSaved decodes a saved-searches file and checks each search; an
// error comes with the line it is on (0 when unknown).
func parseSaved(data []byte) (*savedFile, int, error) {
	var f savedFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	// fail is err with its line: where the decoder stopped for a syntax
	// error, where in the value decoded from off a type error is, else
	// the value at off.
	fail := func(err error, off int64) (*savedFile, int, error) {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off += te.Offset
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return nil, lineAt(data, int64(len(data))), errors.New("the file ends too soon")
		}
		return nil, lineAt(data, off), err
	}
	// delim reads the next token, which must be want.
	delim := func(want json.Delim) error {
		tok, err := dec.Token()
		if err == nil && tok != want {
			err = fmt.Errorf("%q expected, found %v", want, tok)
		}
		return err
	}
	if off := dec.InputOffset(); delim('{') != nil {
		return fail(errors.New("not a JSON object"), off)
	}
	seen := map[string]int64{} // name key → where its search starts
	for dec.More() {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return fail(err, off)
		}
		off = dec.InputOffset() // the value
		switch key, _ := tok.(string); key {
		case "about":
			err = dec.Decode(&f.About)
		case "version":
			if err = dec.Decode(&f.Version); err == nil && f.Version > SavedVersion {
				err = fmt.Errorf("written by a newer folio (format %d, this one reads %d)", f.Version, SavedVersion)
			}
		case "searches":
			if off := dec.InputOffset(); delim('[') != nil {
				return fail(errors.New(`"searches" is not a list`), off)
			}
			for dec.More() {
				start := dec.InputOffset()
				var s Search
				if err := dec.Decode(&s); err != nil {
					return fail(err, start)
				}
				// Lines are counted only for an error: counting them for
				// every search took 26 s for a file of 180,000.
				if err := checkSearch(s); err != nil {
					return nil, lineAt(data, start), err
				}
				k := NameKey(s.Name)
				if first, ok := seen[k]; ok {
					return nil, lineAt(data, start), fmt.Errorf("name %q is taken by the search on line %d", s.Name, lineAt(data, first))
				}
				seen[k] = start
				f.Searches = append(f.Searches, s)
			}
			off = dec.InputOffset()
			err = delim(']')
		default:
			err = fmt.Errorf("unknown key %q", key)
			off = dec.InputOffset() - int64(len(key)) - 2
		}
		if err != nil {
			return fail(err, off)
		}
	}
	if off := dec.InputOffset(); delim('}') != nil {
		return fail(errors.New("the object is not closed"), off)
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(data[off:])) > 0 {
		return fail(errors.New("more after the end of the JSON object"), off)
	}
	return &f, 0, nil
}

// checkSearch checks a search read from the file.
func checkSearch(s Search) error {
	if err := CheckName(s.Name); err != nil {
		return err
	}
	if _, err := s.Filters.Filter(); err != nil {
		return fmt.Errorf("search %q: %v", s.Name, err)
	}
	return nil
}

// lineAt is the line (from 1) of the first character at or after off that
// is not white space or a comma: where the value that starts there is.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
		off++
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// namePunct are the characters a name may have besides letters, digits,
// marks and spaces.
const namePunct = "-_.,'&()+#:!?"

// CheckName says what is wrong with a saved search's name, if anything. A
// name has 1 to MaxNameLen characters: letters, digits, spaces and
// -_.,'&()+#:!? ; it does not begin with a space or "-" (it would read as
// a flag) nor end with a space, and has no two spaces in a row. Names are
// told apart without regard to case: "Raqqa" and "raqqa" are one name.
// A letter or mark that shows as nothing (termsafe's Invisible and
// Contextual: the grapheme joiner, a variation selector, a Hangul filler)
// is refused as a control is: "cg\u034fj" beside cgj was a second name
// that listed as the first (an attack). Refused rather than folded away
// in NameKey: a name is read back from lists and typed again, and one
// with such a character would print unlike what it is.
func CheckName(name string) error {
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name):
		return fmt.Errorf("name %q is not valid UTF-8", name)
	case n == 0:
		return errors.New("a saved search needs a name")
	case n > MaxNameLen:
		return fmt.Errorf("name %q is longer than %d characters", name, MaxNameLen)
	case strings.HasPrefix(name, "-"):
		return fmt.Errorf("name %q begins with -", name)
	case strings.HasPrefix(name, " ") || strings.HasSuffix(name, " ") || strings.Contains(name, "  "):
		return fmt.Errorf("name %q has a space at an end or two in a row", name)
	}
	for _, r := range name {
		if termsafe.ShowsAsNothing(r) {
			return fmt.Errorf("name %s has U+%04X, a character that shows as nothing: a name has letters, digits, spaces and %s", termsafe.Quote(name), r, namePunct)
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != ' ' && !strings.ContainsRune(namePunct, r) {
			return fmt.Errorf("name %q has %q: a name has letters, digits, spaces and %s", name, r, namePunct)
		}
	}
	return nil
}

// NameKey is what tells names apart: the name in NFC, case-folded.
func NameKey(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}
