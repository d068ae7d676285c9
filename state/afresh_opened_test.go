package state

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// openedT0 is when the searches of these tests were opened.
var openedT0 = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

// markOpened marks the searches names opened in o.
func markOpened(t *testing.T, o *SavedOpened, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := o.Mark(Search{Name: n}, openedT0, openedT0, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// openedNames are the names times hold times of, sorted.
func openedNames(times map[string]Opened) []string {
	return slices.Sorted(maps.Keys(times))
}

// openedAfreshSetUp is a state folder whose opened-times file holds the
// times of a and b, read by the two values returned (two readers); then
// the file is corrupted.
func openedAfreshSetUp(t *testing.T) (dir string, reader, other *SavedOpened) {
	t.Helper()
	dir = t.TempDir()
	first, _ := OpenSavedOpened("bundled", dir)
	markOpened(t, first, "a", "b")
	reader, _ = OpenSavedOpened("bundled", dir)
	other, _ = OpenSavedOpened("bundled", dir)
	for _, o := range []*SavedOpened{reader, other} {
		if all, err := o.All(); err != nil || len(all) != 2 {
			t.Fatalf("a reader's times: %v, %v", all, err)
		}
	}
	if err := os.WriteFile(reader.Path(), []byte(`{"version":1,"searches":{ broken`), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, reader, other
}

// freshOpened is a folio started on the corrupt file: its read sets the
// file aside and finds no time; change then marks or forgets searches.
func freshOpened(t *testing.T, dir string, change func(o *SavedOpened)) {
	t.Helper()
	cli, _ := OpenSavedOpened("bundled", dir)
	if all, err := cli.All(); err == nil || !strings.Contains(err.Error(), "corrupt") || len(all) != 0 {
		t.Fatalf("the fresh folio's read: %v, %v", all, err)
	}
	change(cli)
}

// readOrMark is a reader's next read (All) or, when mark, its mark of
// the search d and then its read.
func readOrMark(t *testing.T, o *SavedOpened, mark bool) map[string]Opened {
	t.Helper()
	if mark {
		markOpened(t, o, "d")
	}
	all, err := o.All()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// inOpenedFile is the times in the file of dir, read by a folio started
// now.
func inOpenedFile(t *testing.T, dir string) map[string]Opened {
	t.Helper()
	o, _ := OpenSavedOpened("bundled", dir)
	all, err := o.All()
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestOpenedTimesBegunAfreshTakeTheReadersTimes: a folio that set the
// corrupt opened-times file aside at its read and opened a search (c)
// before a running reader's next read or mark: the reader's times and
// the fresh file's are both kept, in the reader and in the file (the
// reader's next read held c alone, "saved run" and the SAVED group
// counting a's and b's pieces new), and the file carries them then. A
// folio that read no time (one started now, marking a search) changing
// the file first holds none of them: it leaves the mark for the reader.
func TestOpenedTimesBegunAfreshTakeTheReadersTimes(t *testing.T) {
	for _, c := range []struct {
		mark, another bool
	}{{false, false}, {true, false}, {false, true}} {
		t.Run(fmt.Sprintf("a mark %v, another folio first %v", c.mark, c.another), func(t *testing.T) {
			mark := c.mark
			dir, reader, _ := openedAfreshSetUp(t)
			freshOpened(t, dir, func(cli *SavedOpened) { markOpened(t, cli, "c") })
			want := []string{"a", "b", "c"}
			if c.another {
				o, _ := OpenSavedOpened("bundled", dir)
				markOpened(t, o, "e")
				want = append(want, "e")
			}
			if mark {
				want = append(want, "d")
			}
			got := readOrMark(t, reader, mark)
			for who, times := range map[string]map[string]Opened{"the reader": got, "the file": inOpenedFile(t, dir)} {
				if names := openedNames(times); !slices.Equal(names, want) {
					t.Errorf("%s holds the times of %v, want %v", who, names, want)
				}
			}
			if a := fileMark(t, reader.Path()); a == nil {
				t.Error("the mark was taken away: another reader holding the old times could add them no more")
			}
		})
	}
}

// TestOpenedTimesBegunAfreshReviveNoForgotten: a reader's times go only
// into a file begun afresh, never into one that carries the times from
// before, where a time missing was forgotten (its search removed), and
// not where the fresh file forgot it since it was begun.
func TestOpenedTimesBegunAfreshReviveNoForgotten(t *testing.T) {
	cases := []struct {
		name     string
		setAside func(t *testing.T, dir string, other *SavedOpened)
		want     []string
	}{
		{"the other reader set it aside", func(t *testing.T, dir string, other *SavedOpened) {
			other.All() // sets it aside, writes again the times it read
		}, []string{"a"}},
		{"the other reader found it gone", func(t *testing.T, dir string, other *SavedOpened) {
			o, _ := OpenSavedOpened("bundled", dir)
			if _, err := o.All(); err == nil {
				t.Fatal("the corrupt file was not found")
			}
			other.All()
		}, []string{"a"}},
		{"the other reader took a fresh file's first", func(t *testing.T, dir string, other *SavedOpened) {
			freshOpened(t, dir, func(cli *SavedOpened) { markOpened(t, cli, "c") })
			other.All() // adds its times: the file carries them now
		}, []string{"a", "c"}},
		{"the fresh file forgot it", func(t *testing.T, dir string, other *SavedOpened) {
			freshOpened(t, dir, func(cli *SavedOpened) {
				markOpened(t, cli, "b", "c")
				if err := cli.Forget(Search{Name: "b"}, nil); err != nil {
					t.Fatal(err)
				}
			})
		}, []string{"a", "c"}},
	}
	for _, c := range cases {
		for _, mark := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, a mark %v", c.name, mark), func(t *testing.T) {
				dir, reader, other := openedAfreshSetUp(t)
				c.setAside(t, dir, other)
				if c.name != "the fresh file forgot it" {
					if err := other.Forget(Search{Name: "b"}, nil); err != nil {
						t.Fatal(err)
					}
				}
				want := slices.Clone(c.want)
				if mark {
					want = append(want, "d")
				}
				got := readOrMark(t, reader, mark)
				for who, times := range map[string]map[string]Opened{"the reader": got, "the file": inOpenedFile(t, dir)} {
					if names := openedNames(times); !slices.Equal(names, want) {
						t.Errorf("%s holds the times of %v, want %v", who, names, want)
					}
				}
			})
		}
	}
}

// TestOpenedTimesBegunAfreshOnlyForADay: as the reading state's
// (TestFileBegunAfreshOnlyForADay): an opened-times file begun after a
// set-aside more than afreshFor old, or named in the future (by hand),
// is not marked, and a mark older than that, or after a time in the
// future, is dropped at the next change of a folio that has seen it.
func TestOpenedTimesBegunAfreshOnlyForADay(t *testing.T) {
	for _, age := range []time.Duration{time.Hour, 2 * afreshFor, -365 * afreshFor} {
		t.Run(fmt.Sprintf("a copy %v old", age), func(t *testing.T) {
			dir := t.TempDir()
			o, _ := OpenSavedOpened("bundled", dir)
			copyName := filepath.Base(o.Path()) + ".corrupt-" + time.Now().Add(-age).UTC().Format("20060102T150405Z")
			if err := os.WriteFile(filepath.Join(dir, copyName), []byte("{"), 0o600); err != nil {
				t.Fatal(err)
			}
			recent := age > 0 && age < afreshFor
			// a folio holding no time begins the file
			markOpened(t, o, "a")
			if got := fileMark(t, o.Path()) != nil; got != recent {
				t.Errorf("the file begun says it is begun afresh: %v, want %v", got, recent)
			}
			// a file marked so by hand
			body := fmt.Sprintf(`{"version": 1, "searches": {"a": {"opened_at": "2026-12-01T10:00:00Z"}}, "afresh": {"after": %q}}`, copyName)
			if err := os.WriteFile(o.Path(), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			o, _ = OpenSavedOpened("bundled", dir)
			if _, err := o.All(); err != nil {
				t.Fatal(err)
			}
			markOpened(t, o, "b")
			if got := fileMark(t, o.Path()) != nil; got != recent {
				t.Errorf("after a change, the file says it is begun afresh: %v, want %v", got, recent)
			}
			if got := openedNames(inOpenedFile(t, dir)); !slices.Equal(got, []string{"a", "b"}) {
				t.Errorf("the file holds the times of %v", got)
			}
		})
	}
}
