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

// CopiesAcrossPeriods writes into dir a Hugo site (undated pages are
// pieces there) whose republished copies (one URL each group) run across
// years, months and into no date, for the counts with copies collapsed.
// The piece standing for each group, its earliest, and where the list of
// `--collapse-copies` shows it:
//
//	a1 2019-05-01 (a2 2020-06-01, a3 2020-06-15)   2019-05
//	b1 2020 (b2 2020-06-02)                         2020, in no month
//	c1 2020-06-05 (c2 undated)                      2020-06
//	d1 undated (d2 undated)                         undated
//	e1 2021-02-03 (e2 2021-03-01)                   2021-02
//	s 2020-06-10, t 2021-02-01, u undated           each its own
//
// So, by the piece standing: 2019 1 (2019-05), 2020 3 (2020-06 2, 1 in no
// month), 2021 2 (2021-02), 2 undated: 8 pieces of 14. By any piece of a
// group: 2020 4, 2020-06 4, 2021 2, 3 undated.
func CopiesAcrossPeriods(t testing.TB, dir string) {
	t.Helper()
	files := map[string]string{"hugo.toml": "baseURL = \"https://example.org/\"\n"}
	for _, p := range []struct{ name, date, url string }{
		{"a1", "2019-05-01", "a"}, {"a2", "2020-06-01", "a"}, {"a3", "2020-06-15", "a"},
		{"b1", "2020", "b"}, {"b2", "2020-06-02", "b"},
		{"c1", "2020-06-05", "c"}, {"c2", "", "c"},
		{"d1", "", "d"}, {"d2", "", "d"},
		{"e1", "2021-02-03", "e"}, {"e2", "2021-03-01", "e"},
		{"s", "2020-06-10", "s"}, {"t", "2021-02-01", "t"}, {"u", "", "u"},
	} {
		date := ""
		if p.date != "" {
			date = "date: \"" + p.date + "\"\n"
		}
		files["content/"+p.name+".md"] = "---\ntitle: Piece " + p.name + "\n" + date + "outlet: Outlet " + p.name +
			"\nurl: https://news.example.com/" + p.url + "\n---\nThe text of piece " + p.name + ".\n"
	}
	WriteTree(t, dir, files)
}
