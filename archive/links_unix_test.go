//go:build unix

package archive

import (
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
