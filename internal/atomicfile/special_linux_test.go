package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/termsafe"
	"golang.org/x/sys/unix"
)

// specials makes, in a folder of their own, a named pipe and (as root) a
// character device like /dev/zero, never the real one: the files a link
// must not lead a write to.
func specials(t *testing.T) (dir string, files map[string]fs.FileMode) {
	t.Helper()
	dir = t.TempDir()
	files = map[string]fs.FileMode{}
	if err := unix.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	files["fifo"] = fs.ModeNamedPipe
	if os.Geteuid() == 0 {
		if err := unix.Mknod(filepath.Join(dir, "zero"), unix.S_IFCHR|0o644, int(unix.Mkdev(1, 5))); err != nil {
			t.Fatal(err)
		}
		files["zero"] = fs.ModeDevice | fs.ModeCharDevice
	} else {
		t.Log("not root: no device made")
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, files
}

// unchanged fails unless the folder dir of specials holds what it made,
// as it made it, and nothing else (no temporary file).
func unchanged(t *testing.T, dir string, files map[string]fs.FileMode) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(files)+1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder linked to holds %v", names)
	}
	for name, mode := range files {
		if st, err := os.Lstat(filepath.Join(dir, name)); err != nil || st.Mode().Type() != mode {
			t.Errorf("%s: %v, %v: want %v", name, st.Mode(), err, mode)
		}
	}
	if data, err := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "my notes" {
		t.Errorf("notes.txt holds %q, %v", data, err)
	}
}

// A write through a link that leads to a device or a named pipe is refused,
// naming both, and nothing is made beside it (an attack: a cache file
// linked to a device had the node replaced by a regular file, made in the
// device's folder); so is a path that is one itself.
func TestWriteRefusesWhatIsNoRegularFile(t *testing.T) {
	out, files := specials(t)
	dir := t.TempDir()
	for name := range files {
		link := filepath.Join(dir, name+".toml")
		if err := os.Symlink(filepath.Join(out, name), link); err != nil {
			t.Fatal(err)
		}
		err := WriteFile(link, []byte("x"), 0o644)
		if err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), filepath.Join(out, name)) || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("through a link to %s: %v", name, err)
		}
		err = WriteFile(filepath.Join(out, name), []byte("x"), 0o644)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(out, name)) {
			t.Errorf("%s itself: %v", name, err)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link to %s was replaced: %v", name, err)
		}
	}
	unchanged(t, out, files)
	// names holding what the status line drops are quoted (a review: a
	// link "state\u202e.json" to "g\u202eood" read as other files)
	odd := filepath.Join(dir, "g\u202eood")
	if err := os.Mkdir(odd, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "state\u202e.json")
	if err := os.Symlink(odd, link); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(link, []byte("x"), 0o644)
	if err == nil || strings.ContainsRune(err.Error(), '\u202e') || !strings.Contains(err.Error(), termsafe.Quote(link)) || !strings.Contains(err.Error(), termsafe.Quote(odd)) {
		t.Errorf("through a link with a bidi control: %v", err)
	}
}

// A file of folio's own (ReplaceFile) that is a link is replaced by the
// file written; what it leads to, a device, a named pipe or a user's
// file, is left as it was, and the temporary file is made beside the link.
func TestReplaceFileReplacesALink(t *testing.T) {
	out, files := specials(t)
	dir := t.TempDir()
	for _, name := range append([]string{"notes.txt"}, keys(files)...) {
		link := filepath.Join(dir, name+".memo")
		if err := os.Symlink(filepath.Join(out, name), link); err != nil {
			t.Fatal(err)
		}
		if err := ReplaceFile(link, []byte("memo"), 0o644); err != nil {
			t.Fatalf("over a link to %s: %v", name, err)
		}
		if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() {
			t.Errorf("over a link to %s: %v, %v", name, st.Mode(), err)
		}
		if data, _ := os.ReadFile(link); string(data) != "memo" {
			t.Errorf("over a link to %s: %q", name, data)
		}
	}
	unchanged(t, out, files)
}

func keys(m map[string]fs.FileMode) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
