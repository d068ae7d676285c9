package index

import (
	"encoding/binary"
	"fmt"
	"hash/crc64"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// The fingerprint summed during the scan (scanSum: no list of files, each
// worker its own sum) is the fingerprint of the scan's list, and both are
// the sum of FNV-1a and CRC-64 of each file's path, size and times as the
// manifests already written hold it: nested and flat, with a folder large
// enough to be stated in parts by several workers.
func TestScanSumIsTheFingerprintOfTheScan(t *testing.T) {
	parallel(t)
	for _, layout := range []string{"nested", "flat"} {
		t.Run(layout, func(t *testing.T) {
			src := t.TempDir()
			for i := range 1200 {
				p := fmt.Sprintf("piece-%04d.md", i)
				if layout == "nested" {
					p = filepath.Join(fmt.Sprint(2000+i%7), p)
				}
				p = filepath.Join(src, p)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(fmt.Sprint("x", i)), 0o644); err != nil {
					t.Fatal(err)
				}
				when := time.Unix(1_500_000_000+int64(i), int64(i)*1001)
				os.Chtimes(p, when, when)
			}
			os.WriteFile(filepath.Join(src, "notes.txt"), nil, 0o644) // not an article
			_, fsys, err := archive.Source(src)
			if err != nil {
				t.Fatal(err)
			}
			files, _ := archive.ScanUnsorted(fsys)
			sum, n, probs := scanSum(fsys)
			if n != 1200 || len(files) != 1200 || len(probs) != 0 {
				t.Fatalf("%d files summed, %d listed, problems %v", n, len(files), probs)
			}
			// the definition, by hash/fnv and hash/crc64 over each record
			var fnvSum, crcSum uint64
			for _, f := range files {
				rec := binary.LittleEndian.AppendUint64([]byte(f.Path), uint64(f.Size))
				rec = binary.LittleEndian.AppendUint64(rec, uint64(f.ModTime.UnixNano()))
				rec = binary.LittleEndian.AppendUint64(rec, uint64(f.CTime))
				if f.CTime == 0 && runtime.GOOS == "linux" {
					t.Fatalf("%s: no change time", f.Path)
				}
				h := fnv.New64a()
				h.Write(rec)
				fnvSum += h.Sum64()
				crcSum += crc64.Checksum(rec, crc64.MakeTable(crc64.ECMA))
			}
			want := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, fnvSum), crcSum)
			if got := scanFingerprint(files, nil); string(got) != string(want) {
				t.Errorf("scanFingerprint %x, want %x", got, want)
			}
			if string(sum) != string(want) {
				t.Errorf("scanSum %x, want %x", sum, want)
			}
		})
	}
}

// OpenCached's check of a real folder (archive.Source: the folder scan,
// each worker summing its files' fingerprint) sees every kind of change,
// nested and flat, in a folder large enough to be stated in parts: each
// change makes Verify false (a rewrite at the same size with its time set
// back too: its change time moves), and once it is undone and the index
// opened again (reading what the undoing changed), Verify is true again. The same with the folder memo in use (the
// scan's clock an hour late, as if the folders had not changed for an
// hour: they are remembered), where the file system keeps one.
func TestVerifySeesEveryChange(t *testing.T) {
	for _, layout := range []string{"nested", "flat", "nested, memo", "flat, memo"} {
		t.Run(layout, func(t *testing.T) {
			memo := strings.HasSuffix(layout, "memo")
			if memo {
				scanNow = func() time.Time { return time.Now().Add(time.Hour) }
				defer func() { scanNow = time.Now }()
			}
			src, dir := t.TempDir(), t.TempDir()
			sub := "."
			if strings.HasPrefix(layout, "nested") {
				sub = "2017"
			}
			path := func(i int) string { return filepath.Join(src, sub, fmt.Sprintf("piece-%03d.md", i)) }
			begun := time.Now() // before any folder is made or changed
			os.MkdirAll(filepath.Join(src, "2016"), 0o755)
			os.MkdirAll(filepath.Join(src, sub), 0o755)
			old := time.Unix(1_600_000_000, 123456789)
			for i := range 600 {
				body := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-02\n---\nWord%d.\n", i, i)
				if err := os.WriteFile(path(i), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(path(i), old, old)
			}
			os.WriteFile(filepath.Join(src, "2016", "other.md"), []byte("---\ntitle: Other\n---\nother\n"), 0o644)
			if !memo {
				// every scan starts as the folders begin to be written,
				// however long the writing and the build take: they are
				// never settled, so no memo is kept (with the real clock,
				// a build over memoSettle on a loaded machine settled
				// them; with the time the writing ended, writing the 600
				// files over memoSettle settled the root, made first)
				scanNow = func() time.Time { return begun }
				defer func() { scanNow = time.Now }()
			}
			name, fsys, err := archive.Source(src)
			if err != nil {
				t.Fatal(err)
			}
			ix, err := Open(t.Context(), name, fsys, Options{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			ix.Close()
			verify := func() bool {
				t.Helper()
				ix, err := OpenCached(name, fsys, Options{Dir: dir})
				if err != nil {
					t.Fatalf("OpenCached: %v", err)
				}
				defer ix.Close()
				return ix.Verify()
			}
			if !verify() {
				t.Fatal("unchanged: Verify false")
			}
			if _, err := os.Stat(filepath.Join(dir, folderMemoName)); memo && err != nil && archiveKeepsMemos(t, src) {
				t.Fatalf("no folder memo written: %v", err)
			} else if !memo && err == nil {
				t.Fatal("a folder memo of folders changed just now")
			}
			last := path(599)
			data, _ := os.ReadFile(last)
			same := func() { // the last piece as it was
				os.WriteFile(last, data, 0o644)
				os.Chtimes(last, old, old)
			}
			changes := []struct {
				what     string
				do, undo func()
			}{
				{"edited in place, same size, new time", func() {
					os.WriteFile(last, []byte(string(data[:len(data)-3])+"X.\n"), 0o644)
				}, same},
				{"edited, its time set back", func() {
					os.WriteFile(last, append(data, " more"...), 0o644)
					os.Chtimes(last, old, old)
				}, same},
				{"edited at the same size, its time set back", func() {
					os.WriteFile(last, []byte(string(data[:len(data)-3])+"Y.\n"), 0o644)
					os.Chtimes(last, old, old)
				}, same},
				{"time changed alone", func() { os.Chtimes(last, old, old.Add(time.Nanosecond)) }, same},
				{"added", func() { os.WriteFile(path(600), data, 0o644); os.Chtimes(path(600), old, old) },
					func() { os.Remove(path(600)) }},
				{"removed", func() { os.Remove(last) }, same},
				{"renamed in its folder", func() { os.Rename(last, path(700)) }, func() { os.Rename(path(700), last) }},
				{"moved to another folder", func() { os.Rename(last, filepath.Join(src, "2016", "piece-599.md")) },
					func() { os.Rename(filepath.Join(src, "2016", "piece-599.md"), last) }},
				{"added in a new folder", func() {
					os.MkdirAll(filepath.Join(src, "2018"), 0o755)
					os.WriteFile(filepath.Join(src, "2018", "new.md"), data, 0o644)
				}, func() { os.RemoveAll(filepath.Join(src, "2018")) }},
				{"replaced by a folder", func() { os.Remove(last); os.Mkdir(last, 0o755) },
					func() { os.Remove(last); same() }},
			}
			for _, c := range changes {
				c.do()
				if verify() {
					t.Errorf("%s: Verify true", c.what)
				}
				c.undo()
				// undone, the file is as it was but for its change time
				// (which cannot be set back): an open reads it again, and
				// then a cached search is current
				ix, err := Open(t.Context(), name, fsys, Options{Dir: dir})
				if err != nil {
					t.Fatal(err)
				}
				ix.Close()
				if !verify() {
					t.Fatalf("%s, undone and opened: Verify false", c.what)
				}
			}
		})
	}
}

// archiveKeepsMemos reports whether a scan of src keeps a folder memo (its
// file system keeps folder times: archive.ScanEachMemo).
func archiveKeepsMemos(t *testing.T, src string) bool {
	_, fsys, err := archive.Source(src)
	if err != nil {
		t.Fatal(err)
	}
	_, memo, _ := archive.ScanEachMemo(fsys, func() archive.FileFunc { return func([]byte, int64, time.Time, int64) {} }, nil, time.Now().Add(time.Hour))
	return memo != nil
}
