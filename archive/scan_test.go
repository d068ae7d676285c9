package archive_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// The scan of a real folder (one descriptor per folder, getdents, fstatat,
// several workers) must list exactly what the portable walk over an fs.FS
// lists: the same files, sizes and times, and the same problems.
func TestScanOfFolderMatchesWalk(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links")
	}
	dir := t.TempDir()
	write := func(p, body string) {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("top.md", "a")
	write("UPPER.MD", "bb")
	write("long.markdown", "ccc")
	write("notes.txt", "not an article")
	write(".hidden.md", "hidden")
	write(".git/config.md", "hidden folder")
	write("2017/03/deep.md", "dddd")
	write("2017/03/also.md", "eeeee")
	write("folder.md/inside.md", "a folder named like an article")
	for i := range 1000 { // more than one getdents call's worth in one folder
		write(filepath.Join("many", "piece-"+fmt.Sprint(i)+".md"), "x")
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("top.md", filepath.Join(dir, "link-to-file.md")))
	must(os.Symlink("2017", filepath.Join(dir, "link-to-folder")))
	must(os.Symlink("2017", filepath.Join(dir, "link-to-folder.md")))
	must(os.Symlink("nowhere.md", filepath.Join(dir, "broken.md")))
	must(os.Symlink(".", filepath.Join(dir, "many", "loop")))

	_, fsys, err := archive.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	gotFiles, gotProbs := archive.Scan(fsys)
	wantFiles, wantProbs := archive.Scan(os.DirFS(dir))
	if len(gotFiles) != 1006 {
		t.Errorf("%d files, want 1006 (link-to-file.md is top.md's link: read once)", len(gotFiles))
	}
	if !reflect.DeepEqual(paths(gotFiles), paths(wantFiles)) {
		t.Fatalf("files:\n%v\nwant\n%v", paths(gotFiles), paths(wantFiles))
	}
	for i := range gotFiles {
		g, w := gotFiles[i], wantFiles[i]
		if g.Size != w.Size || !g.ModTime.Equal(w.ModTime) {
			t.Errorf("%s: %d %v, want %d %v", g.Path, g.Size, g.ModTime, w.Size, w.ModTime)
		}
	}
	var got []string
	for _, p := range gotProbs {
		got = append(got, p.Path)
	}
	if want := []string{"broken.md", "link-to-file.md", "link-to-folder", "link-to-folder.md", "many/loop"}; !reflect.DeepEqual(gotProbs, wantProbs) || !reflect.DeepEqual(got, want) {
		t.Errorf("problems: %v, want %v (of %q)", gotProbs, wantProbs, want)
	}
}

func paths(fs []archive.FileInfo) []string {
	var ps []string
	for _, f := range fs {
		ps = append(ps, f.Path)
	}
	return ps
}

// An archive's pieces of one date (its period's start: 2021-01-01 and
// 2021) are in their IDs' order, as the index's newest first has them,
// not in the order their files are read: "B.md" is read before "a.md", its
// ID b after a (a helper's report: the ID's tie-break of SortNewestFirst
// survived every test, whose files were read in their IDs' order; folio
// list reads the index's order, which ties by ID already).
func TestPiecesOfOneDateInIDOrder(t *testing.T) {
	dir := t.TempDir()
	for name, date := range map[string]string{"B.md": "2021-01-01", "a.md": "2021", "C.md": "2021-01-01", "d.md": "2020-12-31"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+name+"\ndate: "+date+"\n---\nalpha\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, probs, err := archive.Open(dir)
	if err != nil || len(probs) != 0 {
		t.Fatal(err, probs)
	}
	var ids []string
	for _, a := range arch.Articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"a", "b", "c", "d"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
}
