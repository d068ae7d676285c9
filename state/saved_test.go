package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/termsafe"
)

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"raqqa", "Raqqa and Mosul", "MI5 (2017)", "élan", "Ελλάδα", "q&a: 1", "x", strings.Repeat("é", MaxNameLen)} {
		if err := CheckName(ok); err != nil {
			t.Errorf("CheckName(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", " raqqa", "raqqa ", "a  b", "-raqqa", "a\x1bb", "a\nb", "a/b", "a\"b", "a\u202eb",
		strings.Repeat("a", MaxNameLen+1), "\xff"} {
		if err := CheckName(bad); err == nil {
			t.Errorf("CheckName(%q) accepted", bad)
		}
	}
}

// A name with a character that shows as nothing is refused, as one with a
// control is, and the message shows it (an attack: `saved add "cg\u034fj"`
// and `saved add cgj` were two searches that listed alike).
func TestNameShowingAsNothingIsRefused(t *testing.T) {
	s, _ := OpenSaved(filepath.Join(t.TempDir(), "folio", "saved.json"))
	mustAdd(t, s, Search{Name: "cgj", Query: "x"})
	for _, name := range []string{"cg\u034fj", "cgj\ufe0f", "\ufe0fcgj", "cgj\U000e0100", "cgj\u180b", "cgj\u3164", "\u115fcgj"} {
		_, err := s.Add(Search{Name: name, Query: "x"})
		if err == nil || !strings.Contains(err.Error(), "shows as nothing") || strings.ContainsFunc(err.Error(), shownAsNothing) {
			t.Errorf("Add(%+q): %v, want it refused, the character named, not written raw", name, err)
		}
	}
	if err := CheckName("e\u0301lan \u05d1\u05bc"); err != nil {
		t.Errorf("marks that show: %v", err)
	}
	if all, err := s.List(); err != nil || len(all) != 1 {
		t.Errorf("searches %v, %v: want cgj alone", all, err)
	}
}

func shownAsNothing(r rune) bool { return termsafe.Invisible(r) || termsafe.Contextual(r) }

func mustAdd(t *testing.T, s *Saved, sr Search) Search {
	t.Helper()
	got, err := s.Add(sr)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSavedAddListRemove(t *testing.T) {
	path := filepath.Join(t.TempDir(), "folio", "saved.json")
	s, _ := OpenSaved(path)
	if all, err := s.List(); err != nil || len(all) != 0 {
		t.Fatalf("no file: %v %v", all, err)
	}
	mustAdd(t, s, Search{Name: "Raqqa", Query: "raqqa", Filters: Filters{Tags: []string{"isis"}, From: "2017-09"}})
	// NFC: e + combining acute is é
	mustAdd(t, s, Search{Name: "Cafe\u0301", Query: `"islamic state"`})
	if _, err := s.Add(Search{Name: "RAQQA", Query: "x"}); !errors.Is(err, ErrSearchExists) {
		t.Errorf("a name differing only in case: %v", err)
	}
	if _, err := s.Add(Search{Name: "CAF\u00c9", Query: "x"}); !errors.Is(err, ErrSearchExists) {
		t.Errorf("a name differing only in normalisation: %v", err)
	}
	if _, err := s.Add(Search{Name: "dates", Filters: Filters{From: "2017-13"}}); err == nil {
		t.Error("a bad date was saved")
	}
	got, err := s.Get("raqqa")
	if err != nil || got.Name != "Raqqa" || got.Filters.From != "2017-09" || got.Created.IsZero() {
		t.Errorf("Get: %+v %v", got, err)
	}
	if got, err := s.Get("CAFE\u0301"); err != nil || got.Name != "Caf\u00e9" {
		t.Errorf("Get by another case: %+v %v", got, err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"about": "folio saved searches`, `"name": "Raqqa"`, `"tags": [`, `"from": "2017-09"`, `"query": "\"islamic state\""`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("file lacks %s:\n%s", want, data)
		}
	}
	if _, err := s.Remove("RAQQA"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Remove("raqqa"); !errors.Is(err, ErrNoSearch) {
		t.Errorf("removed twice: %v", err)
	}
	if all, _ := s.List(); len(all) != 1 {
		t.Errorf("after remove: %+v", all)
	}
}

// A file a person broke is named with its line, left as it is, and every
// change is refused until it is mended.
func TestSavedCorruptFile(t *testing.T) {
	good := `{
  "about": "",
  "version": 1,
  "searches": [
    {"name": "one", "query": "a", "filters": {}, "created": "2026-01-01T00:00:00Z"},
    %s
  ]
}
`
	for name, c := range map[string]struct {
		entry string
		line  int
		msg   string
	}{
		"syntax":        {`{"name": "two", "query": "b" "filters": {}}`, 6, "invalid character"},
		"type":          {`{"name": "two", "query": 7}`, 6, "cannot unmarshal number"},
		"bad date":      {`{"name": "two", "query": "b", "filters": {"from": "2017-13"}}`, 6, "from"},
		"bad name":      {`{"name": "two\u001b[2J", "query": "b"}`, 6, "name"},
		"duplicate":     {`{"name": "ONE", "query": "b"}`, 6, "line 5"},
		"unknown field": {`{"name": "two", "query": "b", "colour": "red"}`, 6, "unknown field"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "saved.json")
			data := fmt.Sprintf(good, c.entry)
			os.WriteFile(path, []byte(data), 0o600)
			s, _ := OpenSaved(path)
			_, err := s.List()
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("%s:%d: ", path, c.line)) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %v, want %s:%d and %q", err, path, c.line, c.msg)
			}
			if _, err := s.Add(Search{Name: "three", Query: "c"}); err == nil {
				t.Error("added to a broken file")
			}
			if _, err := s.Remove("one"); err == nil {
				t.Error("removed from a broken file")
			}
			if now, _ := os.ReadFile(path); string(now) != data {
				t.Errorf("the broken file was changed:\n%s", now)
			}
		})
	}
	for _, bad := range []string{"", "[]", `{"searches": [`, `{"searches": {}}`, `{"version": 3, "searches": []}`, `{} {}`} {
		path := filepath.Join(t.TempDir(), "saved.json")
		os.WriteFile(path, []byte(bad), 0o600)
		s, _ := OpenSaved(path)
		if _, err := s.List(); err == nil || !strings.Contains(err.Error(), path+":1: ") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestSavedOpened(t *testing.T) {
	dir := t.TempDir()
	o, _ := OpenSavedOpened("/home/ana/commentary", dir)
	if !strings.HasSuffix(o.Path(), ".saved.json") || !strings.HasPrefix(filepath.Base(o.Path()), "commentary-") {
		t.Errorf("path %s", o.Path())
	}
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := o.Mark(Search{Name: "Raqqa"}, t1.Add(time.Hour), t1, nil); err != nil {
		t.Fatal(err)
	}
	// an earlier time never replaces a later one
	o.Mark(Search{Name: "raqqa"}, t1, t1.Add(-time.Hour), nil)
	o.Mark(Search{Name: "other"}, t1, time.Time{}, nil)
	all, err := o.All()
	if err != nil || all["raqqa"] != (Opened{At: t1.Add(time.Hour), Through: t1}) || len(all) != 2 {
		t.Errorf("opened %+v %v", all, err)
	}
	if s := (Search{Created: t1.Add(2 * time.Hour)}); all["raqqa"].Of(s) {
		t.Error("an opening before the search was saved counts")
	}
	o.Forget(Search{Name: "RAQQA"}, nil)
	if all, _ := o.All(); len(all) != 1 {
		t.Errorf("after forget: %+v", all)
	}
	// A corrupt file: a warning, and set aside; what this value read
	// before ("other") is written again, and a change goes on top.
	os.WriteFile(o.Path(), []byte("{garbage"), 0o600)
	if all, err := o.All(); err == nil || len(all) != 1 {
		t.Errorf("a corrupt file: %+v, %v", all, err)
	}
	if err := o.Mark(Search{Name: "x"}, t1, t1, nil); err != nil {
		t.Fatal(err)
	}
	if aside, _ := filepath.Glob(o.Path() + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("corrupt file not set aside: %v", aside)
	}
	if all, err := o.All(); err != nil || len(all) != 2 {
		t.Errorf("after the corrupt file: %+v %v", all, err)
	}
	// One that read none (a folio started now) has nothing to write.
	os.WriteFile(o.Path(), []byte("{garbage"), 0o600)
	fresh, _ := OpenSavedOpened("/home/ana/commentary", dir)
	if all, err := fresh.All(); err == nil || len(all) != 0 {
		t.Errorf("a corrupt file, read first: %+v, %v", all, err)
	}
	if _, err := os.Stat(o.Path()); !os.IsNotExist(err) {
		t.Errorf("a folio that read nothing wrote the file: %v", err)
	}
}

// savedWorkerEnv makes this test binary a worker of
// TestTwoProcessesSaveSearches.
const savedWorkerEnv = "FOLIO_SAVED_TEST_WORKER"

const savedOps = 40

func TestSavedWorkerProcess(t *testing.T) {
	name := os.Getenv(savedWorkerEnv)
	if name == "" {
		t.Skip("runs only as a child of TestTwoProcessesSaveSearches")
	}
	s, _ := OpenSaved(filepath.Join(os.Getenv(dirEnv), "config", "saved.json"))
	o, _ := OpenSavedOpened("bundled", filepath.Join(os.Getenv(dirEnv), "state"))
	io.Copy(io.Discard, os.Stdin) // both started
	for i := range savedOps {
		n := fmt.Sprintf("%s-%02d", name, i)
		sr, err := s.Add(Search{Name: n, Query: n})
		if err != nil {
			t.Fatal(err)
		}
		if err := o.Mark(sr, time.Now(), time.Now(), s); err != nil {
			t.Fatal(err)
		}
		if i%4 == 3 { // and remove every fourth
			if _, err := s.Remove(n); err != nil {
				t.Fatal(err)
			}
			if err := o.Forget(sr, s); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// Two folios add, open and remove saved searches at once: neither loses
// the other's changes, in the config file or in the opened times.
func TestTwoProcessesSaveSearches(t *testing.T) {
	if os.Getenv(savedWorkerEnv) != "" {
		t.Skip("a worker")
	}
	dir := t.TempDir()
	var cmds []*exec.Cmd
	var starts []io.Closer
	for _, name := range []string{"a", "b"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSavedWorkerProcess$")
		cmd.Env = append(os.Environ(), savedWorkerEnv+"="+name, dirEnv+"="+dir)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		start, _ := cmd.StdinPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, starts = append(cmds, cmd), append(starts, start)
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("worker %s:\n%s", name, out.String())
			}
		})
	}
	for _, s := range starts {
		s.Close()
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := OpenSaved(filepath.Join(dir, "config", "saved.json"))
	all, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	o, _ := OpenSavedOpened("bundled", filepath.Join(dir, "state"))
	opened, err := o.All()
	if err != nil {
		t.Fatal(err)
	}
	want := 2 * (savedOps - savedOps/4)
	if len(all) != want || len(opened) != want {
		t.Errorf("%d searches and %d opened times, want %d of each", len(all), len(opened), want)
	}
	for _, sr := range all {
		if _, ok := opened[NameKey(sr.Name)]; !ok {
			t.Errorf("%s has no opened time", sr.Name)
		}
	}
}

// A file near the size folio reads stays readable after a change: one that
// would pass it is refused, the file left as it was (written, it would
// lock every search out), and a removal always fits.
func TestSavedChangeStaysUnderTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "saved.json")
	f := savedFile{Version: SavedVersion}
	one, _ := json.Marshal(Search{Name: "s000000", Query: strings.Repeat("q", 900), Created: time.Unix(0, 0).UTC()})
	n := (maxSavedSize - 64<<10) / (len(one) + 1)
	for i := range n {
		f.Searches = append(f.Searches, Search{Name: fmt.Sprintf("s%06d", i), Query: strings.Repeat("q", 900), Created: time.Unix(0, 0).UTC()})
	}
	data, _ := json.Marshal(f) // compact: indented, it is over the limit
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSaved(path)
	if _, err := s.Add(Search{Name: "one more", Query: "q"}); err != nil {
		t.Errorf("add: %v", err)
	}
	if all, err := s.List(); err != nil || len(all) != n+1 {
		t.Fatalf("after an add: %d searches, %v", len(all), err)
	}
	before, _ := os.ReadFile(path)
	_, err := s.Add(Search{Name: "too big", Query: strings.Repeat("q", 128<<10)})
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("add past the limit: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the file was changed")
	}
	if _, err := s.Remove("s000001"); err != nil {
		t.Errorf("remove: %v", err)
	}
	if all, err := s.List(); err != nil || len(all) != n {
		t.Errorf("after a removal: %d searches, %v", len(all), err)
	}
}

// A file too large to read is named in the error, as every other is.
func TestSavedTooLargeNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "saved.json")
	if err := os.WriteFile(path, make([]byte, maxSavedSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSaved(path)
	if _, err := s.List(); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "16 MB") {
		t.Errorf("list: %v", err)
	}
}

// A file an editor saved with a byte-order mark is read, not refused
// (which would refuse every change until mended).
func TestSavedFileWithBOM(t *testing.T) {
	path := filepath.Join(t.TempDir(), "saved.json")
	if err := os.WriteFile(path, []byte("\ufeff{\"version\": 1, \"searches\": [{\"name\": \"Raqqa\", \"query\": \"raqqa\"}]}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSaved(path)
	if all, err := s.List(); err != nil || len(all) != 1 {
		t.Errorf("%d searches, %v; want 1", len(all), err)
	}
	if _, err := s.Add(Search{Name: "Mosul", Query: "mosul"}); err != nil {
		t.Errorf("add: %v", err)
	}
	if all, err := s.List(); err != nil || len(all) != 2 {
		t.Errorf("after the add: %d searches, %v; want 2", len(all), err)
	}
}

// A saved-searches file that is a link to one kept elsewhere (a dotfiles
// repository) stays a link: a change is written to the file it leads to.
func TestSavedFileLinkIsKept(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "saved.json")
	link := filepath.Join(dir, "config", "saved.json")
	for _, d := range []string{filepath.Dir(real), filepath.Dir(link)} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(real, []byte(`{"version": 1, "searches": [{"name": "Raqqa", "query": "raqqa"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	s, _ := OpenSaved(link)
	if _, err := s.Add(Search{Name: "Mosul", Query: "mosul"}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st.Mode(), err)
	}
	if data, _ := os.ReadFile(real); !strings.Contains(string(data), "Mosul") {
		t.Errorf("the linked file was not changed:\n%s", data)
	}
	// A link that leads nowhere is not replaced by a file.
	if err := os.Remove(real); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(Search{Name: "Aleppo", Query: "aleppo"}); err == nil {
		t.Error("added through a dangling link")
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the dangling link was replaced: %v", err)
	}
}

// TestOpenedFollowsARenameWhateverTheOrder: a search opened (saved run)
// while another folio renames it keeps the latest opened time under its
// new name, whichever order the two folios' writes take, and a rename
// cut short between its two files (a folio killed) loses nothing (a
// helper's report: the run's time was written under the name the rename
// had dropped, and the new name kept the older time, what the run showed
// counted new again).
func TestOpenedFollowsARenameWhateverTheOrder(t *testing.T) {
	for _, order := range []string{"mark after the rename", "mark between the rename's writes", "mark before the rename", "rename cut short"} {
		t.Run(order, func(t *testing.T) {
			dir := t.TempDir()
			saved, _ := OpenSaved(filepath.Join(dir, "config", "saved.json"))
			stateDir := filepath.Join(dir, "state")
			o, _ := OpenSavedOpened("/home/ana/commentary", stateDir)
			ra, err := saved.Add(Search{Name: "ra", Query: "raqqa"})
			if err != nil {
				t.Fatal(err)
			}
			t1 := ra.Created.Add(time.Hour) // openings after it was saved
			t2 := t1.Add(time.Hour)
			if err := o.Mark(ra, t1, t1, saved); err != nil {
				t.Fatal(err)
			}
			run := ra // what saved run ra read before the rename
			var rb Search
			rename := func() {
				if rb, err = saved.Rename("ra", "rb"); err != nil {
					t.Fatal(err)
				}
			}
			move := func() {
				if err := RenameOpened(stateDir, "ra", rb, saved); err != nil {
					t.Fatal(err)
				}
			}
			mark := func() {
				if err := o.Mark(run, t2, t2, saved); err != nil {
					t.Fatal(err)
				}
			}
			switch order {
			case "mark after the rename":
				rename()
				move()
				mark()
			case "mark between the rename's writes":
				rename()
				mark()
				move()
			case "mark before the rename":
				mark()
				rename()
				move()
			case "rename cut short":
				mark()
				rename()
			}
			all, err := o.All()
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := OpenedOf(all, []Search{rb}, rb); !ok || !got.At.Equal(t2) || !got.Through.Equal(t2) {
				t.Errorf("rb opened %+v %v, want at %v: %+v", got, ok, t2, all)
			}
			if order != "rename cut short" {
				if _, ok := all["ra"]; ok || len(all) != 1 {
					t.Errorf("times under a name no search has: %+v", all)
				}
			}
			// the next opening puts the times under the name alone
			if err := o.Mark(rb, t2.Add(time.Minute), t2, saved); err != nil {
				t.Fatal(err)
			}
			if all, _ := o.All(); len(all) != 1 || !all["rb"].At.Equal(t2.Add(time.Minute)) || !all["rb"].Created.Equal(rb.Created) {
				t.Errorf("after opening rb: %+v", all)
			}
		})
	}
}

// TestOpenedOfARemovedSearchIsNotWritten: a search removed while it was
// being run is not marked opened under its name: a search added later
// under that name is not taken for it.
func TestOpenedOfARemovedSearchIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	saved, _ := OpenSaved(filepath.Join(dir, "config", "saved.json"))
	o, _ := OpenSavedOpened("/home/ana/commentary", filepath.Join(dir, "state"))
	ra, err := saved.Add(Search{Name: "ra", Query: "raqqa"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := saved.Remove("ra"); err != nil {
		t.Fatal(err)
	}
	if err := o.Mark(ra, time.Now(), time.Now(), saved); !errors.Is(err, ErrNoSearch) {
		t.Errorf("Mark of a removed search: %v", err)
	}
	if all, _ := o.All(); len(all) != 0 {
		t.Errorf("written: %+v", all)
	}
}

// TestRenameOpenedMovesAnotherSearchsTime: a time left under the name a
// rename gives (a rename of z's to x cut short, z's time still under x) is
// moved to the search it is of, not dropped.
func TestRenameOpenedMovesAnotherSearchsTime(t *testing.T) {
	dir := t.TempDir()
	stateDir := filepath.Join(dir, "state")
	saved, _ := OpenSaved(filepath.Join(dir, "saved.json"))
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	z, err := saved.Add(Search{Name: "z", Query: "raqqa", Created: t1})
	if err != nil {
		t.Fatal(err)
	}
	w, err := saved.Add(Search{Name: "w", Query: "mosul", Created: t1.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := OpenSavedOpened("/home/ana/commentary", stateDir)
	at := t1.Add(time.Hour)
	os.MkdirAll(stateDir, 0o700)
	data := `{"version": 1, "archive": "/home/ana/commentary", "searches": {
	  "x": {"opened_at": "` + at.Format(time.RFC3339Nano) + `", "seen_through": "` + at.Format(time.RFC3339Nano) + `", "created": "` + z.Created.Format(time.RFC3339Nano) + `"},
	  "w": {"opened_at": "` + at.Add(time.Hour).Format(time.RFC3339Nano) + `", "created": "` + w.Created.Format(time.RFC3339Nano) + `"}}}`
	if err := os.WriteFile(o.Path(), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	x, err := saved.Rename("w", "x")
	if err != nil {
		t.Fatal(err)
	}
	if err := RenameOpened(stateDir, "w", x, saved); err != nil {
		t.Fatal(err)
	}
	all, err := o.All()
	if err != nil {
		t.Fatal(err)
	}
	list, _ := saved.List()
	if got, ok := OpenedOf(all, list, z); !ok || !got.At.Equal(at) || !all["z"].Created.Equal(z.Created) {
		t.Errorf("z's time: %+v %v (%+v)", got, ok, all)
	}
	if got, ok := OpenedOf(all, list, x); !ok || !got.At.Equal(at.Add(time.Hour)) || len(all) != 2 {
		t.Errorf("x's time: %+v %v (%+v)", got, ok, all)
	}
}

// TestOpenedTimesSetAsideOrDeletedWhileRunning: the opened times a
// running reader read before another folio set the corrupt file aside
// are written again at its next read or change, as its marks are (they
// were gone: the reader's next read found none, "saved run" and the
// SAVED group counting every piece new); a file deleted stays deleted,
// the reader's next change written alone.
func TestOpenedTimesSetAsideOrDeletedWhileRunning(t *testing.T) {
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, how := range []string{"set aside by another folio", "deleted"} {
		for _, change := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, a change %v", how, change), func(t *testing.T) {
				dir := t.TempDir()
				reader, _ := OpenSavedOpened("bundled", dir)
				for _, n := range []string{"a", "b"} {
					if err := reader.Mark(Search{Name: n}, t1, t1, nil); err != nil {
						t.Fatal(err)
					}
				}
				if all, err := reader.All(); err != nil || len(all) != 2 {
					t.Fatalf("the reader's times: %v, %v", all, err)
				}
				if how == "deleted" {
					os.Remove(reader.Path())
				} else {
					os.WriteFile(reader.Path(), []byte("{garbage"), 0o600)
					other, _ := OpenSavedOpened("bundled", dir)
					if all, err := other.All(); err == nil || len(all) != 0 {
						t.Fatalf("the other folio's read: %v, %v", all, err)
					}
					if _, err := os.Stat(reader.Path()); !os.IsNotExist(err) {
						t.Fatalf("the corrupt file was not set aside: %v", err)
					}
				}
				want := map[string]bool{"a": true, "b": true}
				if how == "deleted" {
					want = map[string]bool{}
				}
				if change {
					if err := reader.Mark(Search{Name: "c"}, t1, t1, nil); err != nil {
						t.Fatal(err)
					}
					want["c"] = true
				}
				got, err := reader.All()
				if err != nil {
					t.Fatal(err)
				}
				again, _ := OpenSavedOpened("bundled", dir)
				inFile, _ := again.All()
				for who, times := range map[string]map[string]Opened{"the reader": got, "the file": inFile} {
					if len(times) != len(want) {
						t.Errorf("%s holds %v, want %v", who, times, want)
					}
					for n := range want {
						if _, ok := times[n]; !ok {
							t.Errorf("%s lacks %s: %v", who, n, times)
						}
					}
				}
				if _, err := os.Stat(reader.Path()); how == "deleted" && !change && !os.IsNotExist(err) {
					t.Errorf("a file deleted was written again: %v", err)
				}
			})
		}
	}
}

// A rename whose times cannot be written says of each file whether its
// times are found anyway, by the search's created time (41j: a full state
// folder's "no space left on device" was reported as what was shown of
// it being new again, though the reader found the opened time as before);
// a time of an earlier folio, with no created time, is not.
func TestRenameOpenedSaysWhatIsKept(t *testing.T) {
	if os.Geteuid() == 0 {
		asNobody(t) // root writes into a read-only folder
		return
	}
	dir := t.TempDir()
	stateDir := filepath.Join(dir, "state")
	saved, _ := OpenSaved(filepath.Join(dir, "saved.json"))
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a, err := saved.Add(Search{Name: "a", Query: "raqqa", Created: t1})
	if err != nil {
		t.Fatal(err)
	}
	at := t1.Add(time.Hour).Format(time.RFC3339Nano)
	kept, _ := OpenSavedOpened("/home/ana/commentary", stateDir)
	lost, _ := OpenSavedOpened("/home/ana/older", stateDir)
	if err := os.MkdirAll(stateDir, 0o700); err != nil {
		t.Fatal(err)
	}
	for o, created := range map[*SavedOpened]string{kept: `, "created": "` + t1.Format(time.RFC3339Nano) + `"`, lost: ""} {
		data := `{"version": 1, "archive": "` + o.archive + `", "searches": {"a": {"opened_at": "` + at + `"` + created + `}}}`
		if err := os.WriteFile(o.Path(), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	b, err := saved.Rename("a", "b")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(stateDir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(stateDir, 0o700)
	err = RenameOpened(stateDir, a.Name, b, saved)
	still := map[string]bool{}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var nm *NotMovedError
		if !errors.As(e, &nm) || !strings.Contains(e.Error(), nm.Path) {
			t.Fatalf("%T %v", e, e)
		}
		still[nm.Path] = nm.StillFound
	}
	if want := map[string]bool{kept.Path(): true, lost.Path(): false}; !maps.Equal(still, want) {
		t.Errorf("still found: %v, want %v (%v)", still, want, err)
	}
	list, _ := saved.List()
	if all, _ := kept.All(); !func() bool { _, ok := OpenedOf(all, list, b); return ok }() {
		t.Errorf("b's time not found in %v", all)
	}
}
