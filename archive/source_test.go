package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// An archive opened through a symbolic link has the name of the folder the
// link leads to, so that the index made for one is the index of the other.
func TestSourceResolvesSymbolicLinks(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	want, err := filepath.EvalSymlinks(real)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{real, link, filepath.Join(link, "."), link + "/"} {
		name, fsys, err := Source(dir)
		if err != nil {
			t.Fatalf("Source(%s): %v", dir, err)
		}
		if name != want {
			t.Errorf("Source(%s) = %s, want %s", dir, name, want)
		}
		if _, err := fsys.Open("a.md"); err != nil {
			t.Errorf("Source(%s): a.md: %v", dir, err)
		}
	}
	// A link to a file is not an archive.
	file := filepath.Join(root, "file")
	if err := os.Symlink(filepath.Join(real, "a.md"), file); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Source(file); err == nil {
		t.Errorf("Source(%s): a link to a file was taken for a folder", file)
	}
}
