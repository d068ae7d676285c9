// Package atomicfile writes files so that a crash at any moment leaves
// either the old file or the new one, never a mix. Every file folio
// rewrites in place goes through it (the index's manifest, the reading
// state, quotes, citation keys, saved searches, config and feeds files,
// imported articles); files made once under a new name (an index
// generation's segments, bodies and columns, which the manifest written
// last makes live), lock files, a build's temporary spill and the
// FOLIO_TRACE timeline do not need it. Files of the index cache are
// folio's own and replaced whatever they are (ReplaceFile); the others are
// the user's too, and written through a link (WriteFile).
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/folio-tui/folio/internal/termsafe"
)

// WriteFile replaces path with data so that a crash at any moment leaves
// either the old file or the new one, never a mix: it writes a temporary file
// in the same folder, syncs it, renames it over path and syncs the folder.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return WriteWith(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteWith is WriteFile of what write writes, as it writes it: a large
// file need not be held in memory first.
//
// A path that is a symbolic link is written where it leads, and the link
// stays: a config or state folder kept in a dotfiles repository links its
// files there (a helper's report: feeds.toml and config.toml became files
// of their own, and the linked copies went stale). A link that leads
// nowhere is an error naming it. The file written, at path or where its
// link leads, must be a regular file when it is there: a device, a named
// pipe or a folder is an error naming it, and nothing is made beside it
// (an attack: a cache file linked to a device had the device node replaced
// by a regular file, made in the device's folder). Files that are folio's
// own, whose links are not followed, are written with ReplaceFile.
func WriteWith(path string, perm fs.FileMode, write func(io.Writer) error) error {
	st, err := os.Lstat(path)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("%s is a link that leads nowhere: %w", termsafe.Quote(path), err)
		}
		if st, err = os.Stat(target); err != nil {
			return err
		}
		if !st.Mode().IsRegular() {
			// names quoted: an error is no PathError for ErrText to quote
			// (a review: a link "state\u202e.json" read as another file's)
			return fmt.Errorf("%s is a link to %s, %s: not written", termsafe.Quote(path), termsafe.Quote(target), notRegular(st.Mode()))
		}
		path = target
	} else if err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is %s: not written", termsafe.Quote(path), notRegular(st.Mode()))
	}
	return writeThen(path, perm, write, os.Rename)
}

// notRegular says what a file of mode m that is not a regular file is.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe, not a regular file"
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case m&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return "not a regular file"
}

// ReplaceFile is WriteFile of a file that is folio's own (the index
// cache's): whatever is at path, a symbolic link among them, is replaced
// by the file written, and nothing is written where a link leads; the
// temporary file is made in path's folder. A folder at path is an error.
func ReplaceFile(path string, data []byte, perm fs.FileMode) error {
	return ReplaceWith(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// ReplaceWith is ReplaceFile of what write writes, as it writes it.
func ReplaceWith(path string, perm fs.FileMode, write func(io.Writer) error) error {
	return writeThen(path, perm, write, os.Rename)
}

// CreateFile writes a new file at path as WriteFile does, but never over
// one that is there: when path exists (another process took the name since
// it was looked at) it writes nothing and returns an error that is
// fs.ErrExist. The name is taken in one step (a rename that does not
// replace, or a hard link), so two processes never both take it.
func CreateFile(path string, data []byte, perm fs.FileMode) error {
	return writeThen(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, renameNoReplace)
}

// writeThen writes a temporary file beside path, syncs it, and puts it at
// path with place (os.Rename, or renameNoReplace).
func writeThen(path string, perm fs.FileMode, write func(io.Writer) error, place func(tmp, path string) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		// the temporary file is no name the caller knows: the error names
		// the file being written and its folder, which is what cannot be
		// written (a helper's report: "open saved.json: permission
		// denied", of a file the user could write, in a read-only folder)
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return &fs.PathError{Op: "make a file in " + dir + " to write", Path: path, Err: pe.Err}
		}
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			// a full disk is said of the file being written, too
			var pe *fs.PathError
			if errors.As(err, &pe) && pe.Path == tmp.Name() {
				pe.Path = path
			}
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = place(tmp.Name(), path); err != nil {
		return err
	}
	// The rename is durable only once the folder entry is on disk. Some
	// systems cannot sync a folder; the file itself is already safe there.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// linkNoReplace puts tmp at path with a hard link, which fails when path
// exists, and then removes tmp. A file system without hard links (FAT,
// exFAT, some network mounts) gets a rename after a look: the name can then
// be taken by two processes at once, as it could before.
func linkNoReplace(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return err
	}
	if _, lerr := os.Lstat(path); lerr == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	return os.Rename(tmp, path)
}

// TempSuffix is what a temporary file of the writes has after the name of
// the file it is for ("." before the name): ".tmp-" and digits.
const TempSuffix = ".tmp-"

// RemoveStale removes from dir the temporary files of writes that never
// ended (a process killed mid-write) for the files whose names isFor
// accepts, last changed more than age ago (a write under way is not
// touched). Errors are ignored: what is left is hidden, and removed next
// time.
func RemoveStale(dir string, age time.Duration, isFor func(name string) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		base, digits, ok := strings.Cut(strings.TrimPrefix(name, "."), TempSuffix)
		if !ok || !strings.HasPrefix(name, ".") || digits == "" || strings.Trim(digits, "0123456789") != "" || !isFor(base) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > age {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}
