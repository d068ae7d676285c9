//go:build unix

package dirents

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
)

type entry struct {
	name string
	typ  Type
}

// list reads dir with read (a small buffer, so that one folder takes many
// calls) and resolves Unknown with a stat, as a caller does.
func list(t *testing.T, dir string, read func(f *os.File, yield func([]byte, Type)) error) []entry {
	t.Helper()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []entry
	err = read(f, func(name []byte, typ Type) {
		if typ == Unknown {
			typ = Other
			if st, err := os.Lstat(filepath.Join(dir, string(name))); err == nil && st.IsDir() {
				typ = Dir
			}
		}
		out = append(out, entry{string(name), typ}) // name is copied: it points into the buffer
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	return out
}

// Read lists what the portable reader (os.File.ReadDir) lists, with the
// same types, for odd names, every kind of entry and a folder bigger than
// many buffers.
func TestReadListsWhatReadDirLists(t *testing.T) {
	dir := t.TempDir()
	odd := []string{
		"plain.md", "with space.md", "new\nline.md", "tab\there", "-leading-dash",
		"back\\slash", "quote'\"", "ünïcödé—✓.md", "日本語.md", "emoji 🦘.md",
		"\x01control", "invalid-\xff\xfe-utf8", "\x1b[31mescape", ".hidden", "..double", "...",
		strings.Repeat("n", 255), // the longest name Linux allows
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		odd = slices.DeleteFunc(odd, func(s string) bool { return strings.ContainsAny(s, "\xff\\\"\x01\x1b") })
	}
	for _, name := range odd {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
	}
	for i := range 600 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("many-%03d.md", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("folder.md", filepath.Join(dir, "link-to-folder")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "broken-link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Logf("no named pipe: %v", err)
	}

	buf := make([]byte, 1024) // a few entries a call
	got := list(t, dir, func(f *os.File, yield func([]byte, Type)) error { return Read(f, buf, yield) })
	want := list(t, dir, readPortable)
	if !slices.Equal(got, want) {
		t.Fatalf("Read lists\n%q\nReadDir lists\n%q", got, want)
	}
	if len(want) < len(odd)+600+3 {
		t.Fatalf("only %d entries listed", len(want))
	}
	for _, e := range got {
		if e.name == "." || e.name == ".." {
			t.Fatalf("%q listed", e.name)
		}
		if (e.name == "folder.md") != (e.typ == Dir) {
			t.Errorf("%q has type %d", e.name, e.typ)
		}
	}
}
