package cli

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// findInIndex answers as findPiece does over the whole archive, for ids,
// files (by name, by path, by a path on disk), bundles and prefixes, in a
// folder with namesakes, names that slug alike and a page bundle; where it cannot
// tell (a bundle's index.md) it says so, and the archive answers.
func TestFindInIndexFindsWhatFindPieceFinds(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"2020/a.md", "2021/a.md", // one name in two folders
		"b.md", "x/b.md", // a path that ends with another's
		"post/index.md", "other/_index.md", "deep/er/index.md", // bundles
		"Foo Bar.md", "foo_bar.md", "dup/Foo Bar.md", "dup/foo_bar.md", // one slug: the second's id is suffixed
		"Ünïcode Name.md", "notes/long-unique-name.md", "notes/long-unique-other.md",
		"c.markdown",
	}
	for i, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		body := "---\ntitle: Piece " + strings.Repeat("i", i+1) + "\ndate: 2020-01-02\n---\nText of " + f + ".\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: t.TempDir(), Once: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	args := []string{"", ".", "/", "…", "a.md", "b.md", "x/b.md", "index.md", "_index.md", "post", "post/index.md",
		"post/", "pos", "pos…", "oth", "deep", "deep/er", "er/index.md", "foo-bar", "Foo Bar.md", "foo_bar.md",
		"foo-bar.md", "notes/long-unique", "notes/long-unique-n…", "notes/long", "long-unique-name.md", "c.md",
		"c.markdown", "c", "2020", "2020/", "2020/a", "2020/a.md", "./2020/a.md", "../elsewhere/2021/a.md",
		dir + "/2021/a.md", dir + "/b.md", dir + "/x/b.md", "ünïcode-name", "Ünïcode Name.md", "zzz", "a",
		"/c.md", "dup/foo_bar.md", "dup/foo-bar.md", dir + "/dup/foo_bar.md"}
	for _, a := range arch.Articles {
		args = append(args, a.ID, a.Path, path.Base(a.Path), filepath.Join(dir, a.Path), a.ID[:len(a.ID)-1], a.ID+"x")
	}
	found := 0
	for _, arg := range args {
		want, wantOK := findPiece(arch, arg)
		got, ok := findInIndex(ix, arg)
		if ok && (!wantOK || got.ID != want.ID || got.Path != want.Path) {
			t.Errorf("findInIndex(%q) = %q (%s), findPiece: %q %v", arg, got.ID, got.Path, want.ID, wantOK)
		}
		bundle := path.Base(arg) == "index.md" || path.Base(arg) == "_index.md"
		if wantOK && !ok && !bundle {
			t.Errorf("findInIndex(%q) found nothing; findPiece: %q", arg, want.ID)
		}
		if ok {
			found++
		}
	}
	if found < len(arch.Articles)*4 {
		t.Errorf("only %d of %d args found in the index", found, len(args))
	}
}

// An id typed in NFD names the piece whose id is that name in NFC (a
// review: `show cafe\u0301` said "no piece with id café; did you mean
// café?").
func TestIDInNFDNamesThePiece(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cafe\u0301.md"), []byte("---\ntitle: Coffee\ndate: 2020-01-01\n---\nA body.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"show", "--raw"}, {"cite"}} {
		out, errOut, code := run(t, append(append([]string{"--archive", dir}, cmd...), "cafe\u0301")...)
		if code != 0 || !strings.Contains(out, "Coffee") {
			t.Errorf("%v cafe\\u0301: exit %d, %q %q", cmd, code, out, errOut)
		}
	}
}

// TestABareNameOfASuffixedPieceIsInTheIndex: a file named bare whose id is
// its stem suffixed (note_5.md beside note-5.md) is found in the index, by
// the paths it stores, without reading the archive (a helper's report:
// show note_5.md took 2.9 s in 10,000 pieces, note-5.md 0.57 s).
func TestABareNameOfASuffixedPieceIsInTheIndex(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"note_5.md", "note-5.md", "notes/other.md", "note-5-2020.md"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ntitle: "+f+"\ndate: 2020-01-02\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: t.TempDir(), Once: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, name := range []string{"note_5.md", "note-5.md", "note-5-2020.md"} {
		if a, ok := findInIndex(ix, name); !ok || a.Path != name {
			t.Errorf("findInIndex(%s) = %s %v, want the piece at %s", name, a.Path, ok, name)
		}
	}
}

// TestAnExactPathWins: a path names the piece at that path, in the
// archive's reading and the index's alike, though another piece's path is
// its tail (x.md beside notes/x.md: a helper's report, "no piece with id
// notes/x.md … did you mean notes/x or x?"), and though more than
// maxNamesakes ids start as its suffixed id does (a helper's report: show
// c+/intro.md gave intro.md's piece).
func TestAnExactPathWins(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	top := t.TempDir()
	dir := filepath.Join(top, "f1")
	files := map[string]string{"x.md": "Root x", "notes/x.md": "Notes x", "intro.md": "Root intro",
		"c/intro.md": "C intro", "c+/intro.md": "C plus intro"}
	for i := range maxNamesakes + 4 {
		files[fmt.Sprintf("c/intro-0-%d.md", i)] = fmt.Sprintf("Filler %d", i)
	}
	for f, title := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-02\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(top)
	for _, indexed := range []bool{false, true} {
		ixDir := t.TempDir()
		if indexed {
			if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
				t.Fatal(errOut)
			}
		}
		for arg, want := range map[string]string{"notes/x.md": "Notes x", "f1/notes/x.md": "Notes x",
			filepath.Join(dir, "notes/x.md"): "Notes x", "x.md": "Root x", "f1/x.md": "Root x",
			"c+/intro.md": "C plus intro", "c/intro.md": "C intro", "intro.md": "Root intro"} {
			out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "show", arg)
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("indexed %v: show %s (%d), want %q:\n%s%s", indexed, arg, code, want, out, errOut)
			}
		}
		out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "cite", "notes/x.md")
		if code != 0 || !strings.Contains(out, "Notes x") {
			t.Errorf("indexed %v: cite notes/x.md (%d):\n%s%s", indexed, code, out, errOut)
		}
	}
}
