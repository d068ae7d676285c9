package state

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// An archive folder moved to another path (same base name) has no files
// of its own in the state folder yet: they are named after the path
// (FileName). Its reading state is adopted by Open; its quotes, its
// ledger of citation keys and its saved searches' opened times are
// copied from the moved archive's files by adoptMoved, the first time
// one of them is opened at the new path. The old files are left as they
// are. A citation key follows the folder as the marks do: before, a
// moved folder's ledger was not read, and its pieces could be given
// other keys (a helper's report).

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

// adoptMoved copies to path, the file of the archive named archiveName
// that name gives (QuotesFileName, CiteKeysFileName, ...), the same file
// of the archive it was before it moved (movedArchive), when path does
// not exist yet: under the state folder's lock, with its "archive" set to
// the new path. Nothing is done when there is no such file; an error
// leaves path as it was (the archive then starts without it).
func adoptMoved(path, archiveName string, name func(string) string) error {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dir := filepath.Dir(path)
	old := movedArchive(dir, archiveName)
	if old == "" {
		return nil
	}
	oldPath := filepath.Join(dir, name(old))
	data, err := archive.ReadRegular(oldPath, maxFileSize)
	if err != nil {
		return nil // the moved archive had none of this kind
	}
	var f map[string]json.RawMessage
	if err := json.Unmarshal(data, &f); err != nil {
		return nil // a corrupt file stays where it is
	}
	f["archive"], _ = json.Marshal(archiveName)
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	unlock, err := lockForWrite(path, "state")
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // another folio made it meanwhile
	}
	return atomicfile.WriteFile(path, append(out, '\n'), 0o600)
}
