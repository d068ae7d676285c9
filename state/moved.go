package state

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// An archive folder moved to another path (same base name) has no files
// of its own in the state folder yet: they are named after the path
// (FileName). The first time any of them is opened at the new path,
// adoptMovedArchive copies every file the archive had at its old path
// (reading state, quotes, ledger of citation keys, saved searches'
// opened times), and only then: an archive that has files of its own
// adopts nothing (a helper's report: one whose quotes file was missing
// took a deleted archive's quotes). The old files are left as they are.
// Before, only the reading state followed: a moved folder's ledger was not
// read, and its pieces could be given other keys.

// movedKinds are the names of an archive's files in the state folder.
var movedKinds = []func(string) string{FileName, QuotesFileName, CiteKeysFileName, savedOpenedFileName}

// movedArchive is the name of the archive folder archiveName was before
// it moved: the only archive whose files in dir (of any kind: state,
// quotes, citation keys, saved searches' opened times) are for a folder
// of the same base name, and whose recorded path is gone. "" for none, or
// more than one (better nothing than someone else's).
func movedArchive(dir, archiveName string) string {
	if !filepath.IsAbs(archiveName) {
		return ""
	}
	base := fileSlug(filepath.Base(archiveName))
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(base)+"-????????*.json"))
	found := map[string]bool{}
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), base+"-")
		if kind := rest[8:]; kind != ".json" && kind != ".quotes.json" && kind != ".citekeys.json" && kind != ".saved.json" {
			continue
		}
		var f struct {
			Archive string `json:"archive"`
		}
		data, err := archive.ReadRegular(m, maxFileSize)
		if err != nil || json.Unmarshal(data, &f) != nil || f.Archive == "" || f.Archive == archiveName || found[f.Archive] {
			continue
		}
		if FileName(f.Archive) != base+"-"+rest[:8]+".json" {
			continue // a file copied under another name
		}
		if _, err := os.Stat(f.Archive); errors.Is(err, fs.ErrNotExist) {
			found[f.Archive] = true
		}
	}
	if len(found) != 1 {
		return ""
	}
	for old := range found {
		return old
	}
	return ""
}

// adoptMovedArchive copies into dir the files of the archive that
// archiveName was before it moved (movedArchive), with their "archive" set
// to archiveName, when dir holds no file of archiveName's yet: under the
// state folder's lock, so two folios opening it at once copy once. It
// returns the state file adopted from ("" when none was). A file that
// cannot be read or copied is left out (the archive starts without it).
func adoptMovedArchive(dir, archiveName string) string {
	mine := func() bool {
		for _, name := range movedKinds {
			if _, err := os.Lstat(filepath.Join(dir, name(archiveName))); !errors.Is(err, fs.ErrNotExist) {
				return true
			}
		}
		return false
	}
	if !filepath.IsAbs(archiveName) || mine() {
		return ""
	}
	old := movedArchive(dir, archiveName)
	if old == "" {
		return ""
	}
	unlock, err := lockForWrite(filepath.Join(dir, FileName(archiveName)), "state")
	if err != nil {
		return ""
	}
	defer unlock()
	if mine() {
		return "" // another folio adopted meanwhile
	}
	adopted := ""
	for _, name := range movedKinds {
		from := filepath.Join(dir, name(old))
		data, err := archive.ReadRegular(from, maxFileSize)
		if err != nil {
			continue // the moved archive had none of this kind
		}
		var f map[string]json.RawMessage
		if json.Unmarshal(data, &f) != nil {
			continue // a corrupt file stays where it is
		}
		f["archive"], _ = json.Marshal(archiveName)
		out, err := json.MarshalIndent(f, "", "  ")
		if err != nil || atomicfile.WriteFile(filepath.Join(dir, name(archiveName)), append(out, '\n'), 0o600) != nil {
			continue
		}
		if name(old) == FileName(old) {
			adopted = from
		}
	}
	return adopted
}

// renamedFileName is the file that says up to when the renames of an
// archive's index were followed (FollowedThrough).
func renamedFileName(archiveName string) string {
	return strings.TrimSuffix(FileName(archiveName), ".json") + ".renamed"
}

// FollowedThrough is the time (UnixNano) of the newest rename of the
// archive's index whose marks and quotes were followed
// (SetFollowedThrough); 0 when none is known. Reading it alone spares a
// folio the state and the quotes files at every open while an index keeps
// its renames (a week): 2,000 quotes and 3,000 renames cost every command
// ~50 ms (143 against 95 ms).
func FollowedThrough(archiveName string) int64 {
	dir, err := DefaultDir()
	if err != nil {
		return 0
	}
	data, err := archive.ReadRegular(filepath.Join(dir, renamedFileName(archiveName)), 64)
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	return n
}

// SetFollowedThrough records that the renames up to at were followed.
func SetFollowedThrough(archiveName string, at int64) error {
	dir, err := DefaultDir()
	if err != nil {
		return err
	}
	// under the folder's lock, as every other write there: it removes the
	// temporary file a folio killed in the middle left (a helper's report
	// found one left for good)
	path := filepath.Join(dir, renamedFileName(archiveName))
	unlock, err := lockForWrite(path, "state")
	if err != nil {
		return err
	}
	defer unlock()
	return atomicfile.WriteFile(path, []byte(strconv.FormatInt(at, 10)+"\n"), 0o600)
}
