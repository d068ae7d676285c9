//go:build linux

package archive

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// memoScan is ScanEachMemo of the folder root, its files sorted.
func memoScan(t *testing.T, root string, memo []byte, now time.Time) ([]FileInfo, []byte) {
	t.Helper()
	files, _, next := memoScanProblems(t, root, memo, now)
	return files, next
}

// memoScanProblems is memoScan with the scan's problems.
func memoScanProblems(t *testing.T, root string, memo []byte, now time.Time) ([]FileInfo, []Problem, []byte) {
	t.Helper()
	var lists []*[]FileInfo
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	probs, next, _ := ScanEachMemo(fsys, func() FileFunc {
		l := new([]FileInfo)
		lists = append(lists, l)
		return func(p []byte, size int64, mt time.Time, ct int64) {
			*l = append(*l, FileInfo{Path: string(p), Size: size, ModTime: mt, CTime: ct})
		}
	}, memo, now)
	var files []FileInfo
	for _, l := range lists {
		files = append(files, *l...)
	}
	slices.SortFunc(files, byPath)
	return files, probs, next
}

// truth is the scan without a memo, sorted.
func truth(t *testing.T, root string) []FileInfo {
	t.Helper()
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := Scan(fsys)
	return files
}

// memoArchive writes n pieces under root: nested (a folder for every 100,
// one folder of 600 so that its stats are split in parts) or flat.
func memoArchive(t *testing.T, layout string, n int) string {
	t.Helper()
	root := t.TempDir()
	if _, ok := stampOfPath(root); !ok {
		t.Skip("the temp folder's file system is not one whose folder times are trusted")
	}
	for i := range n {
		p := fmt.Sprintf("piece-%04d.md", i)
		if layout == "nested" {
			p = filepath.Join(fmt.Sprint(2000+min(i/100, 6)), p)
		}
		p = filepath.Join(root, p)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(fmt.Sprint("piece ", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func stampOfPath(dir string) (folderStamp, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return folderStamp{}, false
	}
	defer f.Close()
	return stampOf(int(f.Fd()))
}

// A scan with a folder memo finds exactly what a scan without one finds,
// after every kind of change to the archive, nested and flat: the memo
// saves the listing of a folder only while the folder's stamp is the
// same, and every file is still stated.
func TestScanWithMemoSeesEveryChange(t *testing.T) {
	later := time.Now().Add(time.Hour) // every folder settled
	for _, layout := range []string{"nested", "flat"} {
		t.Run(layout, func(t *testing.T) {
			root := memoArchive(t, layout, 1200)
			dir := "."
			if layout == "nested" {
				dir = "2006" // 600 pieces: stated in parts
			}
			at := func(name string) string { return filepath.Join(root, dir, name) }
			files, memo := memoScan(t, root, nil, later)
			if memo == nil || !reflect.DeepEqual(files, truth(t, root)) {
				t.Fatalf("first scan: %d files, memo %d bytes", len(files), len(memo))
			}
			check := func(what string) {
				t.Helper()
				files, next := memoScan(t, root, memo, later)
				if want := truth(t, root); !reflect.DeepEqual(files, want) {
					t.Fatalf("%s: the scan with the memo found %d files, without %d", what, len(files), len(want))
				}
				if next != nil {
					memo = next
				}
			}
			check("unchanged")
			if _, next := memoScan(t, root, memo, later); next != nil {
				t.Error("unchanged: the memo was remade")
			}
			old := time.Unix(1_600_000_000, 5)
			changes := []struct {
				what     string
				do, undo func()
			}{
				{"added", func() { os.WriteFile(at("new.md"), []byte("new"), 0o644) }, func() { os.Remove(at("new.md")) }},
				{"removed", func() { os.Rename(at("piece-0650.md"), filepath.Join(root, "kept")) },
					func() { os.Rename(filepath.Join(root, "kept"), at("piece-0650.md")) }},
				{"renamed", func() { os.Rename(at("piece-0651.md"), at("renamed.md")) },
					func() { os.Rename(at("renamed.md"), at("piece-0651.md")) }},
				{"moved out of its folder", func() { os.Rename(at("piece-0652.md"), filepath.Join(root, "moved.md")) },
					func() { os.Rename(filepath.Join(root, "moved.md"), at("piece-0652.md")) }},
				{"a new folder", func() {
					os.MkdirAll(at("sub/deeper"), 0o755)
					os.WriteFile(at("sub/deeper/in.md"), []byte("in"), 0o644)
				}, func() { os.RemoveAll(at("sub")) }},
				{"a file in a remembered subfolder", func() {
					os.MkdirAll(at("sub2"), 0o755)
					os.WriteFile(at("sub2/a.md"), []byte("a"), 0o644)
					check("sub2 made")
					os.WriteFile(at("sub2/b.md"), []byte("b"), 0o644)
				}, func() { os.RemoveAll(at("sub2")) }},
				{"replaced by a folder", func() { os.Remove(at("piece-0653.md")); os.Mkdir(at("piece-0653.md"), 0o755) },
					func() { os.Remove(at("piece-0653.md")); os.WriteFile(at("piece-0653.md"), []byte("piece 653"), 0o644) }},
				{"a link to a file", func() { os.Symlink("piece-0654.md", at("link.md")) }, func() { os.Remove(at("link.md")) }},
				{"edited in place", func() { os.WriteFile(at("piece-0655.md"), []byte("edited, longer"), 0o644) },
					func() { os.WriteFile(at("piece-0655.md"), []byte("piece 655"), 0o644) }},
				{"its time set back", func() { os.Chtimes(at("piece-0656.md"), old, old) }, func() {}},
				{"a hidden file and a text file", func() {
					os.WriteFile(at(".hidden.md"), nil, 0o644)
					os.WriteFile(at("notes.txt"), nil, 0o644)
				}, func() { os.Remove(at(".hidden.md")); os.Remove(at("notes.txt")) }},
			}
			for _, c := range changes {
				c.do()
				check(c.what)
				c.undo()
				check(c.what + ", undone")
			}
		})
	}
}

// A remembered folder whose stamp is the same is not listed: a memo
// missing a name of a folder, with the folder's stamp, hides that file
// (which is why only stamps that must change are remembered).
func TestScanTrustsTheMemoOfAnUnchangedFolder(t *testing.T) {
	root := memoArchive(t, "nested", 300)
	later := time.Now().Add(time.Hour)
	_, memo := memoScan(t, root, nil, later)
	m := decodeMemo(root, memo)
	f := m.folders["2001"]
	if m == nil || f == nil || f.names.len() != 100 {
		t.Fatalf("memo: %+v", m)
	}
	var without nameList
	for i := range f.names.len() {
		if name := string(f.names.name(i)); name != "piece-0150.md" {
			without.add([]byte(name))
		}
	}
	f.names = without
	files, next := memoScan(t, root, encodeMemo(root, m.folders), later)
	if len(files) != 299 || slices.ContainsFunc(files, func(f FileInfo) bool { return strings.HasSuffix(f.Path, "piece-0150.md") }) {
		t.Errorf("%d files: the memo of an unchanged folder was not used", len(files))
	}
	if next != nil {
		t.Error("the memo was remade")
	}
}

// A folder changed within memoSettle of the scan is listed and not
// remembered: a later change in the same tick of the file system's clock
// could leave its times as they are.
func TestScanDoesNotRememberARecentFolder(t *testing.T) {
	root := memoArchive(t, "nested", 300)
	if _, memo := memoScan(t, root, nil, time.Now()); memo != nil {
		t.Errorf("folders changed just now were remembered: %+v", decodeMemo(root, memo).folders)
	}
	later := time.Now().Add(time.Hour)
	_, memo := memoScan(t, root, nil, later)
	os.WriteFile(filepath.Join(root, "2001", "new.md"), nil, 0o644)
	stamp, _ := stampOfPath(filepath.Join(root, "2001"))
	files, next := memoScan(t, root, memo, time.Unix(0, stamp.ctime).Add(memoSettle))
	if len(files) != 301 || next == nil {
		t.Fatalf("%d files, new memo %v", len(files), next != nil)
	}
	m := decodeMemo(root, next)
	if m.folders["2001"] != nil || m.folders["2000"] == nil {
		t.Errorf("the recent folder kept, or a settled one dropped: %v", slices.Collect(maps.Keys(m.folders)))
	}
}

// A memo that is damaged, cut short, of another folder or of anything
// else is no memo: every folder is listed.
func TestBadMemoIsNoMemo(t *testing.T) {
	root := memoArchive(t, "nested", 300)
	later := time.Now().Add(time.Hour)
	_, memo := memoScan(t, root, nil, later)
	if decodeMemo(root, memo) == nil {
		t.Fatal("a good memo does not decode")
	}
	flipped := slices.Clone(memo)
	flipped[len(flipped)/2] ^= 1
	for what, bad := range map[string][]byte{
		"damaged": flipped, "cut short": memo[:len(memo)-1], "empty": nil, "text": []byte("hello"),
		"appended to": append(slices.Clone(memo), 0),
	} {
		if decodeMemo(root, bad) != nil {
			t.Errorf("%s: decoded", what)
		}
		if files, next := memoScan(t, root, bad, later); len(files) != 300 || next == nil {
			t.Errorf("%s: %d files, new memo %v", what, len(files), next != nil)
		}
	}
	if decodeMemo(root+"/other", memo) != nil {
		t.Error("the memo of another folder decoded")
	}
}

// A folder's memo keeps its subfolders a site does not publish: made a
// site's by a config file in another folder (vendor/bundle when
// _config.yml is made beside vendor/), or no longer one, the folder
// unchanged, the scan agrees with one without a memo.
func TestMemoFollowsSiteRoots(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"vendor/bundle/x.md": "x", "vendor/y.md": "y", "themes/t/static/z.md": "z", "content/a.md": "a"})
	later := time.Now().Add(time.Hour)
	files, memo := memoScan(t, root, nil, later)
	if len(files) != 4 || memo == nil {
		t.Fatalf("first scan: %v", files)
	}
	scan := func() []FileInfo {
		files, next := memoScan(t, root, memo, later)
		if next != nil {
			memo = next
		}
		return files
	}
	for _, config := range []string{"_config.yml", "hugo.toml"} {
		writeFiles(t, root, map[string]string{config: "x: 1\n"})
		files := scan()
		if want := truth(t, root); !reflect.DeepEqual(files, want) || len(files) != 3 {
			t.Errorf("with %s: %v, want %v", config, files, want)
		}
		if err := os.Remove(filepath.Join(root, config)); err != nil {
			t.Fatal(err)
		}
		if files := scan(); len(files) != 4 {
			t.Errorf("without %s: %v", config, files)
		}
	}
}

// A Hugo section page in HTML (_index.html) is listed in a Hugo site's
// content folder alone (not other/), with a memo as without: the folders that hold one
// remembered, a hugo.toml made at the root and removed again lists it
// and then not (a helper's report: no _index.html was read).
func TestMemoListsHTMLSectionPagesInHugoSites(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"content/sec/_index.html": "---\ndraft: true\n---\n", "content/sec/a.md": "a", "content/_index.htm": "x", "_index.html": "x", "other/_index.html": "x", "other/sub/_index.htm": "x"})
	later := time.Now().Add(time.Hour)
	files, memo := memoScan(t, root, nil, later)
	if len(files) != 1 || memo == nil {
		t.Fatalf("first scan (no site): %v", files)
	}
	scan := func() []string {
		files, next := memoScan(t, root, memo, later)
		if next != nil {
			memo = next
		}
		if want := truth(t, root); !reflect.DeepEqual(files, want) {
			t.Errorf("with the memo %v, without %v", files, want)
		}
		return PathsOf(files)
	}
	writeFiles(t, root, map[string]string{"hugo.toml": "title = 'x'\n"})
	if got, want := scan(), []string{"content/_index.htm", "content/sec/_index.html", "content/sec/a.md"}; !slices.Equal(got, want) {
		t.Errorf("in a Hugo site: %v, want %v", got, want)
	}
	if got := scan(); len(got) != 3 {
		t.Errorf("again: %v", got)
	}
	if err := os.Remove(filepath.Join(root, "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	if got := scan(); !slices.Equal(got, []string{"content/sec/a.md"}) {
		t.Errorf("no Hugo site again: %v", got)
	}
}
