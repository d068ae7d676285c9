// Package atomicfile writes files so that a crash at any moment leaves
// either the old file or the new one, never a mix. Every file folio writes
// (index manifest, reading state, imported articles) goes through it.
package atomicfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
func WriteWith(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
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
	if err = os.Rename(tmp.Name(), path); err != nil {
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
