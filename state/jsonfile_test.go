package state

import (
	"os"
	"path/filepath"
	"testing"
)

// Each of folio's own files that an editor saved with a byte-order mark is
// read as it is: not set aside as corrupt, with the reader's marks, keys
// or times in it (the quotes' and the saved searches' have tests of their
// own).
func TestOwnFilesWithBOM(t *testing.T) {
	const bom = "\ufeff"
	for _, c := range []struct {
		name string
		file func(dir string) string
		text string
		read func(t *testing.T, dir string) (n int, warn error)
	}{
		{"reading state", func(string) string { return FileName("a") },
			`{"version": 1, "pieces": {"p": {"read": true}}}`,
			func(t *testing.T, dir string) (int, error) {
				s, warn := Open("a", dir)
				return len(s.Read()), warn
			}},
		{"citation keys", func(string) string { return CiteKeysFileName("a") },
			`{"version": 1, "keys": [{"key": "pantucci2017raqqa", "id": "p", "print": "x"}]}`,
			func(t *testing.T, dir string) (int, error) {
				c, warn := OpenCiteKeys("a", dir)
				return len(c.Records()), warn
			}},
		{"saved searches opened", func(dir string) string {
			o, _ := OpenSavedOpened("a", dir)
			return filepath.Base(o.Path())
		}, `{"version": 1, "searches": {"raqqa": {"opened_at": "2026-01-01T00:00:00Z"}}}`,
			func(t *testing.T, dir string) (int, error) {
				o, _ := OpenSavedOpened("a", dir)
				all, err := o.All()
				return len(all), err
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file(dir))
			if err := os.WriteFile(path, []byte(bom+c.text+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if n, warn := c.read(t, dir); n != 1 || warn != nil {
				t.Errorf("read %d entries, warning %v; want 1 and none", n, warn)
			}
			if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 0 {
				t.Errorf("set aside as corrupt: %v", aside)
			}
		})
	}
}
