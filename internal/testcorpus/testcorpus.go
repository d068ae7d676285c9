// Package testcorpus finds the shared real corpora (../shared/corpora
// beside the checkout: State of the Union addresses, web pages) for tests
// in any package, and writes small archives of their own (WriteTree).
// Worktrees are nested at different depths, so it walks up from the
// working directory.
package testcorpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Find is the absolute path of shared/corpora/name in the working directory
// or a folder above it; ok is false when there is none.
func Find(name string) (dir string, ok bool) {
	d, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(d, "shared", "corpora", name)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p, true
		}
		up := filepath.Dir(d)
		if up == d {
			return "", false
		}
		d = up
	}
}

// Dir is Find for a test that needs the corpus: it skips without it.
func Dir(t testing.TB, name string) string {
	t.Helper()
	dir, ok := Find(name)
	if !ok {
		t.Skipf("the corpus %s (../shared/corpora/%s) is not present", name, name)
	}
	return dir
}

// CopyFS writes the files of fsys into a new temporary folder of t and
// returns it (the bundled archive, for a test that changes its files).
func CopyFS(t testing.TB, fsys fs.FS) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// WriteTree writes files (slash paths under dir: their text), making
// their folders.
func WriteTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for path, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
