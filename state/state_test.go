package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/childtest"
)

// asNobody runs the calling test again as the user nobody, for what root
// is allowed and others are not (reading a file of mode 000, writing in a
// read-only folder), and fails when it does not pass there.
func asNobody(t *testing.T) {
	t.Helper()
	out, err := childtest.RunAsNobody(t, "FOLIO_STATE_TEST_AS_NOBODY", "1")
	if err != nil || !strings.Contains(out, "--- PASS: "+t.Name()+" ") {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
}

func mustOpen(t *testing.T, name, dir string) *Store {
	t.Helper()
	s, warn := Open(name, dir)
	if warn != nil {
		t.Fatalf("Open: unexpected warning: %v", warn)
	}
	return s
}

func TestFileName(t *testing.T) {
	if got := FileName("bundled"); got != "bundled.json" {
		t.Errorf("bundled: %q", got)
	}
	a := FileName("/home/ana/My Commentary")
	if !strings.HasPrefix(a, "my-commentary-") || !strings.HasSuffix(a, ".json") || len(a) != len("my-commentary-12345678.json") {
		t.Errorf("folder: %q", a)
	}
	if a == FileName("/srv/My Commentary") {
		t.Error("two folders with the same base name share a state file")
	}
	if a != FileName("/home/ana/My Commentary") {
		t.Error("FileName is not stable")
	}
	if got := FileName("/"); !strings.HasPrefix(got, "archive-") {
		t.Errorf("root folder: %q", got)
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if d, _ := DefaultDir(); d != "/x/state/folio" {
		t.Errorf("XDG_STATE_HOME: %q", d)
	}
	t.Setenv("XDG_STATE_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/ana")
	if d, _ := DefaultDir(); d != "/home/ana/.local/state/folio" {
		t.Errorf("default: %q", d)
	}
}

func TestMarksRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "bundled", dir)
	if s.IsRead("a") || s.IsStarred("a") || s.Position("a") != 0 {
		t.Fatal("fresh store is not empty")
	}
	s.MarkRead("a", true)
	if !s.ToggleStar("b") || !s.ToggleStar("c") || s.ToggleStar("c") {
		t.Fatal("ToggleStar does not return the new value")
	}
	if s.ToggleRead("d") != true || s.ToggleRead("d") != false {
		t.Fatal("ToggleRead does not return the new value")
	}
	s.SetPosition("a", 42)
	s.SetPosition("e", -3)
	opened := time.Date(2025, 11, 25, 21, 44, 5, 999, time.FixedZone("CET", 3600))
	s.RecordOpen("f", opened)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}

	r := mustOpen(t, "bundled", dir)
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"read a", r.IsRead("a"), true},
		{"position a", r.Position("a"), 42},
		{"starred b", r.IsStarred("b"), true},
		{"starred c (toggled twice)", r.IsStarred("c"), false},
		{"read d (toggled twice)", r.IsRead("d"), false},
		{"negative position", r.Position("e"), 0},
		{"opened is read", r.IsRead("f"), true},
		{"last opened in UTC to the second", r.Get("f").LastOpened, time.Date(2025, 11, 25, 20, 44, 5, 0, time.UTC)},
		{"starred", fmt.Sprint(r.Starred()), "[b]"},
		{"read", fmt.Sprint(r.Read()), "[a f]"},
		{"unread", fmt.Sprint(r.Unread([]string{"f", "a", "b", "c"})), "[b c]"},
		{"history", fmt.Sprint(r.History()), fmt.Sprint([]Visit{{"f", time.Date(2025, 11, 25, 20, 44, 5, 0, time.UTC)}})},
	}
	for _, c := range checks {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}

	// Pieces back to the zero state leave the file.
	raw, _ := os.ReadFile(r.Path())
	var f file
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Pieces["c"]; ok {
		t.Error("a piece with no state is kept in the file")
	}
	if f.Version != Version || f.Archive != "bundled" || f.About == "" {
		t.Errorf("header: %+v", f)
	}
}

func TestFileIsReadableJSON(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "/home/ana/commentary", dir)
	s.SetStarred("2017-10-19-raqqa", true)
	s.RecordOpen("2017-10-19-raqqa", time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))
	s.SetPosition("2017-10-19-raqqa", 12)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.Path())
	want := `{
  "about": "` + about + `",
  "version": 1,
  "archive": "/home/ana/commentary",
  "pieces": {
    "2017-10-19-raqqa": {
      "read": true,
      "starred": true,
      "position": 12,
      "last_opened": "2025-01-02T03:04:05Z"
    }
  },
  "history": [
    {
      "id": "2017-10-19-raqqa",
      "opened_at": "2025-01-02T03:04:05Z"
    }
  ]
}
`
	if string(raw) != want {
		t.Errorf("file:\n%s\nwant:\n%s", raw, want)
	}
	if st, _ := os.Stat(s.Path()); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 (reading habits are private)", st.Mode().Perm())
	}
}

func TestHistoryCapped(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "bundled", dir)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range MaxHistory + 5 {
		s.RecordOpen(fmt.Sprintf("p%d", i), start.Add(time.Duration(i)*time.Minute))
	}
	h := s.History()
	if len(h) != MaxHistory || h[0].ID != "p5" || h[len(h)-1].ID != fmt.Sprintf("p%d", MaxHistory+4) {
		t.Fatalf("in memory: %d visits, first %v", len(h), h[0])
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	h = mustOpen(t, "bundled", dir).History()
	if len(h) != MaxHistory || h[0].ID != "p5" {
		t.Fatalf("on disk: %d visits, first %v", len(h), h[0])
	}
}

func TestCorruptFileSetAside(t *testing.T) {
	for name, content := range map[string]string{
		"truncated":  `{"version": 1, "pieces": {"a": {"read": tr`,
		"empty":      ``,
		"wrong type": `{"pieces": ["a", "b"]}`,
		"binary":     "\x00\x01\x02garbage",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName("bundled"))
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			s, warn := Open("bundled", dir)
			if warn == nil || !strings.Contains(warn.Error(), "corrupt") {
				t.Fatalf("warning = %v, want one about a corrupt file", warn)
			}
			if len(s.Starred()) != 0 || len(s.History()) != 0 {
				t.Error("store does not start empty")
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("set-aside files: %v", aside)
			}
			if got, _ := os.ReadFile(aside[0]); string(got) != content {
				t.Error("the corrupt file's content was not kept as it was")
			}
			if !strings.Contains(warn.Error(), filepath.Base(aside[0])) {
				t.Errorf("warning does not name where the file went: %v", warn)
			}
			// The store works and saves a fresh file next to the set-aside one.
			s.SetStarred("x", true)
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			if !mustOpen(t, "bundled", dir).IsStarred("x") {
				t.Error("fresh state not saved")
			}
		})
	}
}

func TestCorruptedWhileRunningIsSetAsideOnSave(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "bundled", dir)
	s.SetStarred("a", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s.SetStarred("b", true)
	if err := os.WriteFile(s.Path(), []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if aside, _ := filepath.Glob(s.Path() + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("set-aside files: %v", aside)
	}
	if got := mustOpen(t, "bundled", dir).Starred(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("after re-save: starred %v, want everything this process knew", got)
	}
}

// A state file folio cannot read is never overwritten by a Save. Root
// reads any file, so as root (as CI runs) the test runs again as nobody.
func TestUnreadableFileIsNeverOverwritten(t *testing.T) {
	if os.Geteuid() == 0 {
		asNobody(t)
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("bundled"))
	if err := os.WriteFile(path, []byte(`{"pieces":{"a":{"starred":true}}}`), 0o000); err != nil {
		t.Fatal(err)
	}
	s, warn := Open("bundled", dir)
	if warn == nil {
		t.Fatal("no warning for an unreadable file")
	}
	s.SetStarred("b", true)
	if err := s.Save(); err == nil {
		t.Fatal("Save overwrote a state file it could not read")
	}
}

func TestNewerFormatIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("bundled"))
	content := `{"version": 99, "pieces": {"a": {"starred": true}}, "future": true}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warn := Open("bundled", dir)
	if warn == nil {
		t.Fatal("no warning for a newer format")
	}
	if err := s.Save(); err == nil {
		t.Error("Save overwrote a newer folio's file")
	}
	if got, _ := os.ReadFile(path); string(got) != content {
		t.Error("file changed")
	}
}

func TestOddEntriesDropped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("bundled"))
	content := `{"version":1,"pieces":{"":{"read":true},"bad\u001b[31m":{"read":true},"ok":{"read":true,"position":-5}},
	"history":[{"id":"ok","opened_at":"2025-01-02T00:00:00Z"},{"id":"","opened_at":"2025-01-01T00:00:00Z"}]}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, "bundled", dir)
	if got := s.Unread([]string{"", "bad\x1b[31m", "ok"}); !slices.Equal(got, []string{"", "bad\x1b[31m"}) {
		t.Errorf("unread %q", got)
	}
	if s.Position("ok") != 0 || len(s.History()) != 1 {
		t.Errorf("position %d, history %v", s.Position("ok"), s.History())
	}
}

func TestSaveLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, "bundled", dir)
	for i := range 20 {
		s.SetPosition("a", i)
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "bundled.json" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only bundled.json", names)
	}
}

func TestSaveCreatesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "folio")
	s := mustOpen(t, "bundled", dir)
	s.MarkRead("a", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("folder: %v %v", st, err)
	}
}

func TestTwoProcessesMerge(t *testing.T) {
	dir := t.TempDir()
	a := mustOpen(t, "bundled", dir)
	b := mustOpen(t, "bundled", dir)
	a.SetStarred("x", true)
	a.RecordOpen("x", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	b.SetStarred("y", true)
	b.RecordOpen("y", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	r := mustOpen(t, "bundled", dir)
	if got := r.Starred(); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("starred %v: one process undid the other's star", got)
	}
	if h := r.History(); len(h) != 2 || h[0].ID != "x" || h[1].ID != "y" {
		t.Errorf("history %v", h)
	}
	// An unstar in one process survives the other's later save.
	a.SetStarred("x", false)
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	b.SetPosition("y", 3)
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if got := mustOpen(t, "bundled", dir).Starred(); !slices.Equal(got, []string{"y"}) {
		t.Errorf("starred %v after unstar", got)
	}
}

func TestMovedArchiveAdoptsState(t *testing.T) {
	dir := t.TempDir()
	root := t.TempDir()
	oldPath := filepath.Join(root, "old", "commentary")
	newPath := filepath.Join(root, "new", "commentary")
	if err := os.MkdirAll(oldPath, 0o700); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, oldPath, dir)
	s.SetStarred("a", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}

	// While the old folder exists, a same-named folder elsewhere is another
	// archive: it must not take the state.
	other := mustOpen(t, filepath.Join(root, "elsewhere", "commentary"), dir)
	if other.IsStarred("a") || other.AdoptedFrom() != "" {
		t.Fatal("a different archive with the same base name took the state")
	}

	if err := os.MkdirAll(filepath.Dir(newPath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(oldPath, newPath); err != nil {
		t.Fatal(err)
	}
	moved := mustOpen(t, newPath, dir)
	if !moved.IsStarred("a") || moved.AdoptedFrom() != s.Path() {
		t.Fatalf("moved archive: starred %v, adopted from %q", moved.Starred(), moved.AdoptedFrom())
	}
	if err := moved.Save(); err != nil {
		t.Fatal(err)
	}
	if !mustOpen(t, newPath, dir).IsStarred("a") {
		t.Error("adopted state not saved under the new name")
	}
}

func TestConcurrentUse(t *testing.T) {
	s := mustOpen(t, "bundled", t.TempDir())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 200 {
				id := fmt.Sprintf("p%d", j%10)
				s.ToggleStar(id)
				s.SetPosition(id, j)
				s.RecordOpen(id, time.Unix(int64(i*1000+j), 0))
				_ = s.Starred()
				_ = s.Unread([]string{id})
				if j%50 == 0 {
					if err := s.Save(); err != nil {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if n := len(s.History()); n != 1600 && n != MaxHistory {
		t.Errorf("history has %d visits", n)
	}
}

func TestNoStateFolderIsMemoryOnly(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "")
	s, warn := Open("bundled", "")
	if warn == nil {
		t.Skip("this system finds a home folder without $HOME")
	}
	s.SetStarred("a", true)
	if !s.IsStarred("a") {
		t.Error("memory-only store does not keep marks")
	}
	if err := s.Save(); err == nil {
		t.Error("Save without a state folder reported success")
	}
}

func TestRepeatedCorruptionKeepsEveryCopy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName("bundled"))
	for i := range 3 {
		if err := os.WriteFile(path, []byte(fmt.Sprintf("{bad %d", i)), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, warn := Open("bundled", dir); warn == nil {
			t.Fatal("no warning")
		}
	}
	if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) != 3 {
		t.Errorf("set-aside copies: %v", aside)
	}
}

// TestFileGoneWhileRunningIsRewrittenWhole: a store whose file another
// folio set aside (found corrupt) since it last read or wrote it writes
// at its next Save or Reload all the marks it holds, as when it finds the
// file corrupt itself (a helper's report: a reader's five stars were
// gone, the file and the reader holding only the one starred after
// another folio set the corrupt file aside), even with nothing pending
// (the reader's watch reloads at once).
func TestFileGoneWhileRunningIsRewrittenWhole(t *testing.T) {
	for _, pending := range []bool{true, false} {
		t.Run(fmt.Sprintf("pending %v", pending), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "state")
			reader := mustOpen(t, "bundled", dir)
			for _, id := range []string{"a", "b", "c", "d", "e"} {
				reader.SetStarred(id, true)
			}
			reader.RecordOpen("a", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
			if err := reader.Save(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(reader.Path(), []byte(`{"version":1,"pieces":{ broken`), 0o600); err != nil {
				t.Fatal(err)
			}
			other, warn := Open("bundled", dir)
			if warn == nil || len(other.Starred()) != 0 {
				t.Fatalf("the other folio: %v, %v", warn, other.Starred())
			}
			if _, err := os.Stat(reader.Path()); !os.IsNotExist(err) {
				t.Fatalf("the corrupt file was not set aside: %v", err)
			}
			want := []string{"a", "b", "c", "d", "e"}
			if pending {
				reader.SetStarred("f", true)
				want = append(want, "f")
			}
			if _, err := reader.Reload(); err != nil {
				t.Fatal(err)
			}
			if got := reader.Starred(); !slices.Equal(got, want) {
				t.Errorf("the reader holds %v, want %v", got, want)
			}
			again := mustOpen(t, "bundled", dir)
			if got := again.Starred(); !slices.Equal(got, want) {
				t.Errorf("the file holds %v, want %v", got, want)
			}
			if h := again.History(); len(h) != 1 || h[0].ID != "a" {
				t.Errorf("the file's history: %+v", h)
			}
		})
	}
}

// TestFileDeletedWhileRunningEmptiesTheStore: a state file (or state
// folder) the user deleted under a running reader stays deleted, and the
// reader's marks go with it but for the changes it has not saved yet (an
// attack: the file was back within 0.3 s with every mark, the reader
// still showing "Starred 3", once a Save wrote all a store held whenever
// it found its file gone). A copy set aside before the store last read
// the file is no sign that it was set aside since.
func TestFileDeletedWhileRunningEmptiesTheStore(t *testing.T) {
	for _, how := range []string{"file", "folder", "file, an older copy set aside"} {
		for _, pending := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, pending %v", how, pending), func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "state")
				if how == "file, an older copy set aside" {
					if err := os.MkdirAll(dir, 0o700); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(dir, FileName("bundled")), []byte("{garbage"), 0o600); err != nil {
						t.Fatal(err)
					}
					if _, warn := Open("bundled", dir); warn == nil {
						t.Fatal("the corrupt file was not set aside")
					}
				}
				reader := mustOpen(t, "bundled", dir)
				for _, id := range []string{"a", "b", "c"} {
					reader.SetStarred(id, true)
				}
				reader.RecordOpen("a", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
				if err := reader.Save(); err != nil {
					t.Fatal(err)
				}
				gone := reader.Path()
				if how == "folder" {
					gone = dir
				}
				if err := os.RemoveAll(gone); err != nil {
					t.Fatal(err)
				}
				var want []string
				if pending {
					reader.SetStarred("d", true)
					want = []string{"d"}
				}
				changed, err := reader.Reload()
				if err != nil || !changed {
					t.Fatalf("Reload: changed %v, %v", changed, err)
				}
				if got := reader.Starred(); !slices.Equal(got, want) {
					t.Errorf("the reader holds %v, want %v", got, want)
				}
				if h := reader.History(); len(h) != 0 {
					t.Errorf("the reader's history: %+v", h)
				}
				_, err = os.Stat(reader.Path())
				if pending != (err == nil) {
					t.Fatalf("the file after the Reload: %v", err)
				}
				if again := mustOpen(t, "bundled", dir); !slices.Equal(again.Starred(), want) {
					t.Errorf("the file holds %v, want %v", again.Starred(), want)
				}
			})
		}
	}
}
