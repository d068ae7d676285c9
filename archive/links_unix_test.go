//go:build unix

package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Links in an archive: one to a folder is named, not passed over in
// silence; one to a piece of the archive is not read a second time; one
// to a piece outside is read, and one to anything else is no article. So
// at every scan, the memo's too (a helper's report: a folder of links by
// topic counted every piece twice, "no problems", and a linked folder
// left out its pieces with no word).
func TestLinksInTheArchive(t *testing.T) {
	root, ext := t.TempDir(), t.TempDir()
	piece := "---\ntitle: %s\ndate: 2020-01-01\n---\ntext\n"
	write := func(p, title string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(piece, "%s", title, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "real.md"), "Real")
	write(filepath.Join(root, "2020", "deep.md"), "Deep")
	write(filepath.Join(ext, "outside.md"), "Outside")
	write(filepath.Join(root, ".hidden", "h.md"), "Hidden")
	for link, target := range map[string]string{
		"by-topic/real.md":    "../real.md",
		"by-topic/deep.md":    filepath.Join(root, "2020", "deep.md"),
		"by-topic/hidden.md":  "../.hidden/h.md",
		"outside.md":          filepath.Join(ext, "outside.md"),
		"notes":               ext,
		"folder.md":           ext,
		"plain":               filepath.Join(ext, "outside.md"),
		"dangling":            "/nonexistent/x",
		"by-topic/dangles.md": "/nonexistent/y.md",
	} {
		p := filepath.Join(root, link)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	wantFiles := []string{"2020/deep.md", "by-topic/hidden.md", "outside.md", "real.md"}
	wantProbs := []string{
		"by-topic/dangles.md: cannot read",
		"by-topic/deep.md: a link to 2020/deep.md, which is in the archive",
		"by-topic/real.md: a link to real.md, which is in the archive",
		"folder.md: a link to a folder: not followed",
		"notes: a link to a folder: not followed",
	}
	check := func(what string, files []FileInfo, probs []Problem) {
		t.Helper()
		var got []string
		for _, f := range files {
			got = append(got, f.Path)
		}
		slices.Sort(got)
		if !slices.Equal(got, wantFiles) {
			t.Errorf("%s: files %q, want %q", what, got, wantFiles)
		}
		SortProblems(probs)
		if len(probs) != len(wantProbs) {
			t.Errorf("%s: problems %v, want %q", what, probs, wantProbs)
			return
		}
		for i, p := range probs {
			if s := p.Path + ": " + p.Msg; !strings.HasPrefix(s, wantProbs[i]) {
				t.Errorf("%s: problem %q, want %q…", what, s, wantProbs[i])
			}
			// a link's note is no problem (check names it, exit 0)
			if isLink := strings.Contains(p.Msg, "a link to"); isLink != (p.Link && p.Quiet) {
				t.Errorf("%s: %s: Link %v Quiet %v", what, p.Path, p.Link, p.Quiet)
			}
		}
	}
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	files, probs := Scan(fsys)
	check("scan", files, probs)
	later := time.Now().Add(time.Hour)
	var memo []byte
	for round := range 2 {
		files, probs, next := memoScanProblems(t, root, memo, later)
		check([]string{"first memo scan", "scan with the memo"}[round], files, probs)
		if next != nil {
			memo = next
		}
	}
}

// A link to a piece of the archive the scan cannot read there (its folder
// cannot be listed, its name is not UTF-8) is read through the link (a
// review: the piece was lost both ways).
func TestLinkToAPieceTheScanCannotReadIsRead(t *testing.T) {
	root := t.TempDir()
	write := func(p string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: T\ndate: 2020-01-01\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "caf\xe9.md"))
	if err := os.Symlink("caf\xe9.md", filepath.Join(root, "cafe.md")); err != nil {
		t.Fatal(err)
	}
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	files, probs := Scan(fsys)
	if len(files) != 1 || files[0].Path != "cafe.md" {
		t.Errorf("files %v, problems %v: want cafe.md read through its link", files, probs)
	}
}

// Hard links: two names of one file are one piece, read by the first name
// by path, the others said (not problems); a file whose other name is
// outside the archive (a backup's snapshot made with hard links) is read
// as any file. At every scan, the memo's too (a helper's report: two
// names of one file were two pieces, every count over by one, and "no
// problems").
func TestHardLinksAreOneFile(t *testing.T) {
	root, ext := t.TempDir(), t.TempDir()
	write := func(p, title string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\ntext\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(old, new string) {
		if err := os.MkdirAll(filepath.Dir(new), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Link(old, new); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "m", "piece.md"), "Piece")
	link(filepath.Join(root, "m", "piece.md"), filepath.Join(root, "b", "again.md"))
	link(filepath.Join(root, "m", "piece.md"), filepath.Join(root, "z.md"))
	write(filepath.Join(root, "snap.md"), "Snapshot") // its other name is outside
	link(filepath.Join(root, "snap.md"), filepath.Join(ext, "snap.md"))
	write(filepath.Join(root, "plain.md"), "Plain")
	// a flat folder large enough to be stated in parts by several workers,
	// its names of one file in different parts
	for i := range 600 {
		write(filepath.Join(root, "flat", fmt.Sprintf("f%03d.md", i)), fmt.Sprint("F", i))
	}
	link(filepath.Join(root, "flat", "f000.md"), filepath.Join(root, "flat", "f599x.md"))
	// a name that dates its piece is read before one nearer the root
	writeFiles(t, root, map[string]string{"_posts/2020-03-04-post-one.md": "---\ntitle: Post one\n---\nBody.\n"})
	link(filepath.Join(root, "_posts", "2020-03-04-post-one.md"), filepath.Join(root, "Topics", "post-one.md"))
	link(filepath.Join(root, "_posts", "2020-03-04-post-one.md"), filepath.Join(root, "aaa.md"))

	wantProbs := []string{
		"Topics/post-one.md: another name (a hard link) of _posts/2020-03-04-post-one.md",
		"aaa.md: another name (a hard link) of _posts/2020-03-04-post-one.md",
		"b/again.md: another name (a hard link) of z.md",
		"flat/f599x.md: another name (a hard link) of flat/f000.md",
		"m/piece.md: another name (a hard link) of z.md",
	}
	check := func(what string, files []FileInfo, probs []Problem) {
		t.Helper()
		got := map[string]bool{}
		for _, f := range files {
			if got[f.Path] {
				t.Errorf("%s: %s twice", what, f.Path)
			}
			got[f.Path] = true
		}
		for _, p := range []string{"z.md", "snap.md", "plain.md", "flat/f000.md", "flat/f599.md", "_posts/2020-03-04-post-one.md"} {
			if !got[p] {
				t.Errorf("%s: %s not listed", what, p)
			}
		}
		for _, p := range []string{"m/piece.md", "b/again.md", "flat/f599x.md", "Topics/post-one.md", "aaa.md"} {
			if got[p] {
				t.Errorf("%s: %s listed, a second name of a file listed", what, p)
			}
		}
		if len(files) != 604 {
			t.Errorf("%s: %d files, want 604", what, len(files))
		}
		SortProblems(probs)
		if len(probs) != len(wantProbs) {
			t.Fatalf("%s: problems %v, want %q", what, probs, wantProbs)
		}
		for i, p := range probs {
			if s := p.Path + ": " + p.Msg; !strings.HasPrefix(s, wantProbs[i]) || !p.Link || !p.Quiet || p.Fatal {
				t.Errorf("%s: problem %q (Link %v Quiet %v), want %q…, a link's note", what, s, p.Link, p.Quiet, wantProbs[i])
			}
		}
	}
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	files, probs := Scan(fsys)
	check("scan", files, probs)
	later := time.Now().Add(time.Hour)
	var memo []byte
	for round := range 2 {
		files, probs, next := memoScanProblems(t, root, memo, later)
		check([]string{"first memo scan", "scan with the memo"}[round], files, probs)
		if next != nil {
			memo = next
		}
	}
	arch, _ := Load(fsys)
	if len(arch.Articles) != 604 {
		t.Errorf("loaded %d pieces, want 604", len(arch.Articles))
	}
	if a, ok := arch.Get("z"); !ok || a.Title != "Piece" {
		t.Errorf("z: %v %q, want the piece", ok, a.Title)
	}
	if a, ok := arch.Get("posts/2020-03-04-post-one"); !ok || a.Date.String() != "2020-03-04" {
		t.Errorf("the post: %v %s, want it dated by its name", ok, a.Date)
	}
}
