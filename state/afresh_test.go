package state

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// afreshSetUp is a state folder whose file holds the stars a..e, piece x
// read at line 42, and a visit of a, read by the two stores returned (two
// readers); then the file is corrupted.
func afreshSetUp(t *testing.T) (dir string, reader, other *Store) {
	t.Helper()
	dir = t.TempDir()
	first := mustOpen(t, "bundled", dir)
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		first.SetStarred(id, true)
	}
	first.SetPosition("x", 42)
	first.MarkRead("x", true)
	first.RecordOpen("a", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	reader, other = mustOpen(t, "bundled", dir), mustOpen(t, "bundled", dir)
	if err := os.WriteFile(reader.Path(), []byte(`{"version":1,"pieces":{ broken`), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, reader, other
}

// freshFolio is a folio opened on the corrupt file (a CLI, a reader
// started now): its Open sets the file aside and it starts empty; mark
// then changes its state, and it saves.
func freshFolio(t *testing.T, dir string, mark func(s *Store)) {
	t.Helper()
	cli, warn := Open("bundled", dir)
	if warn == nil || !strings.Contains(warn.Error(), "corrupt") || len(cli.Starred()) != 0 {
		t.Fatalf("the fresh folio's open: %v, %v", warn, cli.Starred())
	}
	mark(cli)
	if err := cli.Save(); err != nil {
		t.Fatal(err)
	}
}

func save(t *testing.T, s *Store, pending bool) {
	t.Helper()
	var err error
	if pending {
		err = s.Save()
	} else {
		_, err = s.Reload()
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestFileBegunAfreshTakesTheOldMarks: a folio that set the corrupt file
// aside at its Open and wrote a fresh one (a star) before a running
// reader's next Save or Reload: the reader's earlier marks and the fresh
// file's are both kept, in the reader and in the file (a review: the
// reader's five stars were lost, the file holding the one star; 186e45a
// mended it, and was reverted for reviving another reader's un-star: see
// TestFileBegunAfreshRevivesNoUnmark).
func TestFileBegunAfreshTakesTheOldMarks(t *testing.T) {
	for _, pending := range []bool{true, false} {
		t.Run(fmt.Sprintf("pending %v", pending), func(t *testing.T) {
			dir, reader, _ := afreshSetUp(t)
			freshFolio(t, dir, func(cli *Store) { cli.SetStarred("g", true) })
			want := []string{"a", "b", "c", "d", "e", "g"}
			if pending {
				reader.SetStarred("h", true)
				want = append(want, "h")
			}
			save(t, reader, pending)
			again := mustOpen(t, "bundled", dir)
			for who, s := range map[string]*Store{"the reader": reader, "the file": again} {
				if got := s.Starred(); !slices.Equal(got, want) {
					t.Errorf("%s holds the stars %v, want %v", who, got, want)
				}
				if p := s.Get("x"); !p.Read || p.Position != 42 {
					t.Errorf("%s holds x as %+v, want read at 42", who, p)
				}
				if h := s.History(); len(h) != 1 || h[0].ID != "a" {
					t.Errorf("%s holds the history %+v", who, h)
				}
			}
			if fileMark(t, again.Path()) == nil {
				t.Error("the mark was taken away: another reader holding the old marks could add them no more")
			}
		})
	}
}

// TestFileBegunAfreshKeepsWhatItSet: a field the fresh file set keeps
// its value there, un-marks too; one it never set takes the reader's; a
// piece it moved (Rename) takes the reader's marks with it.
func TestFileBegunAfreshKeepsWhatItSet(t *testing.T) {
	dir, reader, _ := afreshSetUp(t)
	freshFolio(t, dir, func(cli *Store) {
		cli.SetStarred("c", true)
		if err := cli.Save(); err != nil {
			t.Fatal(err)
		}
		cli.SetStarred("c", false) // un-starred here: the reader's star not brought back
		cli.SetStarred("x", true)
		cli.Rename("x", "y") // x's file renamed: the reader's read and place go with it
		cli.RecordOpen("d", time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	})
	save(t, reader, false)
	again := mustOpen(t, "bundled", dir)
	for who, s := range map[string]*Store{"the reader": reader, "the file": again} {
		if got, want := s.Starred(), []string{"a", "b", "d", "e", "y"}; !slices.Equal(got, want) {
			t.Errorf("%s holds the stars %v, want %v", who, got, want)
		}
		if p := s.Get("y"); !p.Read || !p.Starred || p.Position != 42 {
			t.Errorf("%s holds y as %+v, want read, starred, at 42", who, p)
		}
		if p := s.Get("x"); p != (Piece{}) {
			t.Errorf("%s holds x as %+v, want nothing (moved to y)", who, p)
		}
		if p := s.Get("d"); !p.Read || !p.Starred {
			t.Errorf("%s holds d as %+v, want read and starred", who, p)
		}
		if h := s.History(); len(h) != 2 {
			t.Errorf("%s holds the history %+v, want a's visit and d's", who, h)
		}
	}
}

// TestFileBegunAfreshRevivesNoUnmark: a reader's old marks go only into
// a file begun afresh, never into one that carries the marks from before,
// where a piece missing is an un-mark (an attack on 186e45a: another
// reader's un-star after a set-aside was undone at the reader's next
// Reload, within one watch's debounce, for ever in a reader without a
// watch).
func TestFileBegunAfreshRevivesNoUnmark(t *testing.T) {
	cases := []struct {
		name string
		// setAside sets the corrupt file aside and writes the file the
		// other reader un-stars c in
		setAside func(t *testing.T, dir string, other *Store)
		want     []string
	}{
		{"the other reader set it aside", func(t *testing.T, dir string, other *Store) {
			save(t, other, false) // finds it corrupt: sets it aside, writes all it holds
		}, []string{"a", "b", "d", "e"}},
		{"the other reader found it gone", func(t *testing.T, dir string, other *Store) {
			if _, err := Open("bundled", dir); err == nil {
				t.Fatal("the corrupt file was not found")
			}
			save(t, other, false)
		}, []string{"a", "b", "d", "e"}},
		{"the other reader took a fresh file's first", func(t *testing.T, dir string, other *Store) {
			freshFolio(t, dir, func(cli *Store) { cli.SetStarred("g", true) })
			save(t, other, false) // adds its marks: the file carries them now
		}, []string{"a", "b", "d", "e", "g"}},
	}
	for _, c := range cases {
		for _, pending := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, pending %v", c.name, pending), func(t *testing.T) {
				dir, reader, other := afreshSetUp(t)
				c.setAside(t, dir, other)
				other.SetStarred("c", false)
				save(t, other, true)
				want := slices.Clone(c.want)
				if pending {
					reader.SetStarred("h", true)
					want = append(want, "h")
				}
				save(t, reader, pending)
				again := mustOpen(t, "bundled", dir)
				for who, s := range map[string]*Store{"the reader": reader, "the file": again} {
					if got := s.Starred(); !slices.Equal(got, want) {
						t.Errorf("%s holds the stars %v, want %v", who, got, want)
					}
				}
			})
		}
	}
}

// TestFileBegunAfreshOnlyForADay: a file begun after a set-aside more
// than afreshFor old, or named in the future (by hand), is taken for one
// deleted (not marked), and a file's mark older than that, or after a
// time in the future (an attack: a year ahead, never dropped), is dropped at the next write of a folio that has
// seen it, so that a file deleted by hand, with a copy set aside long ago
// in the folder, does not keep the mark, and its record of what was set,
// for ever.
func TestFileBegunAfreshOnlyForADay(t *testing.T) {
	for _, age := range []time.Duration{time.Hour, 2 * afreshFor, -365 * afreshFor} {
		t.Run(fmt.Sprintf("a copy %v old", age), func(t *testing.T) {
			dir := t.TempDir()
			path := mustOpen(t, "bundled", dir).Path()
			copyName := filepath.Base(path) + ".corrupt-" + time.Now().Add(-age).UTC().Format("20060102T150405Z")
			if err := os.WriteFile(filepath.Join(dir, copyName), []byte("{"), 0o600); err != nil {
				t.Fatal(err)
			}
			marked := func() bool {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				return strings.Contains(string(data), `"afresh"`)
			}
			// a folio that has seen the copy begins the file (deleted)
			s := mustOpen(t, "bundled", dir)
			s.SetStarred("a", true)
			save(t, s, true)
			if got, want := marked(), age > 0 && age < afreshFor; got != want {
				t.Errorf("the file begun says it is begun afresh: %v, want %v", got, want)
			}
			// a file marked so by hand
			body := fmt.Sprintf(`{"version": 1, "pieces": {"a": {"starred": true}}, "afresh": {"after": %q, "set": {"a": ["starred"]}}}`, copyName)
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			s = mustOpen(t, "bundled", dir)
			s.SetStarred("b", true)
			save(t, s, true)
			if got, want := marked(), age > 0 && age < afreshFor; got != want {
				t.Errorf("after a write, the file says it is begun afresh: %v, want %v", got, want)
			}
			if got := s.Starred(); !slices.Equal(got, []string{"a", "b"}) {
				t.Errorf("the stars: %v", got)
			}
		})
	}
}

// TestFileBegunAfreshMovesToNoID: a move to no ID in a hand-edited file
// begun afresh moves nothing (x's marks were given to "", which the next
// read dropped).
func TestFileBegunAfreshMovesToNoID(t *testing.T) {
	dir, reader, _ := afreshSetUp(t)
	freshFolio(t, dir, func(cli *Store) { cli.SetStarred("g", true) })
	data, err := os.ReadFile(reader.Path())
	if err != nil {
		t.Fatal(err)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil || f.Afresh == nil {
		t.Fatalf("the fresh file: %v\n%s", err, data)
	}
	f.Afresh.Moved = [][2]string{{"x", ""}}
	if data, err = json.Marshal(f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(reader.Path(), data, 0o600); err != nil {
		t.Fatal(err)
	}
	save(t, reader, false)
	if p := mustOpen(t, "bundled", dir).Get("x"); !p.Read || p.Position != 42 {
		t.Errorf("the file holds x as %+v, want read at 42", p)
	}
}

// TestFileBegunAfreshAfterTheNewestRecentCopy: a copy named in the
// future, by hand, hides no copy set aside an hour ago: the file begun
// then is begun afresh after the real one.
func TestFileBegunAfreshAfterTheNewestRecentCopy(t *testing.T) {
	dir := t.TempDir()
	path := mustOpen(t, "bundled", dir).Path()
	name := func(at time.Time) string {
		return filepath.Base(path) + ".corrupt-" + at.UTC().Format("20060102T150405Z")
	}
	real := name(time.Now().Add(-time.Hour))
	for _, n := range []string{real, name(time.Now().Add(365 * afreshFor))} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s := mustOpen(t, "bundled", dir)
	s.SetStarred("a", true)
	save(t, s, true)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil || f.Afresh == nil || f.Afresh.After != real {
		t.Errorf("the file begun (%v), want begun afresh after %s:\n%s", err, real, data)
	}
}

// TestFileBegunAfreshMovesMergeNoTwo: the old marks follow the fresh
// file's moves as pieces, not one move after another: a cycle (x→c,
// c→x: x's file renamed and renamed back) leaves x's marks on x and c's
// on c, and a chain (x→c, c→z) takes x's to z and leaves c's (an attack:
// the cycle folded c's star into x, c gone; the chain, both into z).
func TestFileBegunAfreshMovesMergeNoTwo(t *testing.T) {
	for _, c := range []struct {
		name  string
		moved [][2]string
		x     string // where x's marks go
	}{
		{"a cycle", [][2]string{{"x", "c"}, {"c", "x"}}, "x"},
		{"a chain", [][2]string{{"x", "c"}, {"c", "z"}}, "z"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, reader, _ := afreshSetUp(t)
			freshFolio(t, dir, func(cli *Store) { cli.SetStarred("g", true) })
			data, err := os.ReadFile(reader.Path())
			if err != nil {
				t.Fatal(err)
			}
			var f file
			if err := json.Unmarshal(data, &f); err != nil || f.Afresh == nil {
				t.Fatalf("the fresh file: %v\n%s", err, data)
			}
			f.Afresh.Moved = c.moved
			if data, err = json.Marshal(f); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(reader.Path(), data, 0o600); err != nil {
				t.Fatal(err)
			}
			save(t, reader, false)
			again := mustOpen(t, "bundled", dir)
			for who, s := range map[string]*Store{"the reader": reader, "the file": again} {
				if p := s.Get(c.x); p != (Piece{Read: true, Position: 42}) {
					t.Errorf("%s holds %s as %+v, want x's marks: read at 42", who, c.x, p)
				}
				if p := s.Get("c"); p != (Piece{Starred: true}) {
					t.Errorf("%s holds c as %+v, want its star alone", who, p)
				}
				if got, want := s.Starred(), []string{"a", "b", "c", "d", "e", "g"}; !slices.Equal(got, want) {
					t.Errorf("%s holds the stars %v, want %v", who, got, want)
				}
			}
		})
	}
}
