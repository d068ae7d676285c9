package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	if err := WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A folder where the file should go makes the rename fail after the
	// temporary file is written: the temporary file must be cleaned up.
	blocked := filepath.Join(dir, "sub")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(blocked, []byte("new"), 0o600); err == nil {
		t.Fatal("rename over a non-empty folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("old file: %q", got)
	}
}

// CreateFile never writes over a file: of many writers of one new name at
// once, one takes it and the others are told it exists, with nothing of
// theirs left behind. linkNoReplace (the way where renameat2 is missing)
// does the same.
func TestCreateFileTakesANameOnce(t *testing.T) {
	for _, how := range []struct {
		name  string
		place func(tmp, path string) error
	}{{"CreateFile", renameNoReplace}, {"linkNoReplace", linkNoReplace}} {
		t.Run(how.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "piece.md")
			const writers = 16
			errs := make(chan error, writers)
			for i := range writers {
				go func() {
					errs <- writeThen(path, 0o644, func(w io.Writer) error {
						_, err := fmt.Fprintf(w, "writer %d", i)
						return err
					}, how.place)
				}()
			}
			took := 0
			for range writers {
				switch err := <-errs; {
				case err == nil:
					took++
				case !errors.Is(err, fs.ErrExist):
					t.Errorf("not an fs.ErrExist: %v", err)
				}
			}
			if took != 1 {
				t.Errorf("%d writers took the name, want 1", took)
			}
			first, _ := os.ReadFile(path)
			if err := CreateFile(path, []byte("later"), 0o644); !errors.Is(err, fs.ErrExist) {
				t.Errorf("over an existing file: %v", err)
			}
			if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "writer ") || string(got) != string(first) {
				t.Errorf("the file holds %q, want the first writer's %q", got, first)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left in the folder: %v", entries)
			}
		})
	}
}

// A write that cannot make its temporary file (a folder it cannot write,
// one that is gone) names the file being written, not the temporary one.
func TestErrorsNameTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "piece.md")
	for _, err := range []error{WriteFile(path, []byte("x"), 0o644), CreateFile(path, []byte("x"), 0o644)} {
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != path || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("%v: want an error naming %s", err, path)
		}
	}
}

// A path that is a link is written where it leads and stays a link (a
// helper's report: feeds.toml, config.toml and the state files linked
// from a dotfiles repository became files of their own); one that leads
// nowhere is an error, and no file is put in its place.
func TestWriteThroughALink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "dotfiles-feeds.toml"), filepath.Join(dir, "feeds.toml")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if data, _ := os.ReadFile(real); string(data) != "new" {
		t.Errorf("the file linked holds %q, want %q", data, "new")
	}
	if err := os.Remove(real); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("newer"), 0o644); err == nil || !strings.Contains(err.Error(), link) {
		t.Errorf("through a dangling link: %v, want an error naming it", err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced: %v", err)
	}
}

// A file whose folder cannot take a new file is said to be so, naming the
// folder: the file itself may be writable (a helper's report: "open
// saved.json: permission denied" of a read-only config folder).
func TestUnwritableFolderIsNamed(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(notDir, "saved.json")
	err := WriteFile(path, []byte("{}"), 0o600)
	if err == nil || err.Error() != "make a file in "+notDir+" to write "+path+": not a directory" || !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("%v", err)
	}
}
