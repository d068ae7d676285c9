package archive

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// listedGoneFS lists gone.md in its folder, which is gone when stated:
// renamed or deleted as the scan ran.
type listedGoneFS struct{ fstest.MapFS }

func (f listedGoneFS) Stat(name string) (fs.FileInfo, error) {
	if name == "gone.md" {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return f.MapFS.Stat(name)
}

func (f listedGoneFS) Lstat(name string) (fs.FileInfo, error) {
	if name == "gone.md" {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	return f.MapFS.Lstat(name)
}

// A file listed and gone when stated (renamed as the scan ran) is not
// there: no problem, which folio check, reading the folder again, could
// not list (a helper's report: "3 file(s) skipped; folio check lists
// why", and it listed none).
func TestScanFileGoneSinceListedIsNoProblem(t *testing.T) {
	fsys := listedGoneFS{fstest.MapFS{
		"kept.md": &fstest.MapFile{Data: []byte("---\ntitle: Kept\n---\nText.\n")},
		"gone.md": &fstest.MapFile{Data: []byte("---\ntitle: Gone\n---\nText.\n")},
	}}
	files, probs := Scan(fsys)
	if len(files) != 1 || files[0].Path != "kept.md" || len(probs) != 0 {
		t.Errorf("files %v, problems %v; want kept.md alone, none", files, probs)
	}
}
