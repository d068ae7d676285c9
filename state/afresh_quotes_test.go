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

// quoteAt is a quote of passage on piece "piece-"+pieceOf, taken at the
// minute n of a day (the quotes' order).
func quoteAt(pieceOf, passage string, n int) Quote {
	q := testQuote("piece-"+pieceOf, passage)
	q.Created = time.Date(2026, 12, 1, 10, n, 0, 0, time.UTC)
	return q
}

// addQuotes adds to s the quotes qs.
func addQuotes(t *testing.T, s *Quotes, qs ...Quote) {
	t.Helper()
	for _, q := range qs {
		if _, err := s.Add(q); err != nil {
			t.Fatal(err)
		}
	}
}

// quotesAfreshSetUp is a state folder whose quotes file holds a, b, c
// (each on its piece: "piece-a" …) and x (on "piece-x"), read by the two
// Quotes returned (two readers); then the file is corrupted.
func quotesAfreshSetUp(t *testing.T) (dir string, reader, other *Quotes) {
	t.Helper()
	dir = t.TempDir()
	first := mustOpenQuotes(t, "bundled", dir)
	for i, p := range []string{"a", "b", "c", "x"} {
		addQuotes(t, first, quoteAt(p, p, i))
	}
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	reader, other = mustOpenQuotes(t, "bundled", dir), mustOpenQuotes(t, "bundled", dir)
	if err := os.WriteFile(reader.Path(), []byte(`{"version":1,"quotes":[ broken`), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, reader, other
}

// freshQuotes is a folio opened on the corrupt quotes file ("folio
// quotes add"): its OpenQuotes sets the file aside and it starts empty;
// change then changes its quotes, and it saves.
func freshQuotes(t *testing.T, dir string, change func(s *Quotes)) {
	t.Helper()
	cli, warn := OpenQuotes("bundled", dir)
	if warn == nil || !strings.Contains(warn.Error(), "corrupt") || len(cli.All()) != 0 {
		t.Fatalf("the fresh folio's open: %v, %v", warn, quotePassages(cli.All()))
	}
	change(cli)
	if err := cli.Save(); err != nil {
		t.Fatal(err)
	}
}

func saveQuotes(t *testing.T, s *Quotes, pending bool) {
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

// fileMark is the afresh mark of the file at path (nil: none), read
// as JSON whatever the file.
func fileMark(t *testing.T, path string) *afresh {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Afresh *afresh `json:"afresh"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%v:\n%s", err, data)
	}
	return f.Afresh
}

// editMark changes by hand the afresh mark of the file at path with
// edit, the rest of the file as it is.
func editMark(t *testing.T, path string, edit func(a *afresh)) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]json.RawMessage
	var a *afresh
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%v:\n%s", err, data)
	}
	if err := json.Unmarshal(f["afresh"], &a); err != nil || a == nil {
		t.Fatalf("the file is not begun afresh (%v):\n%s", err, data)
	}
	edit(a)
	if f["afresh"], err = json.Marshal(a); err != nil {
		t.Fatal(err)
	}
	if data, err = json.Marshal(f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestQuotesFileBegunAfreshTakesTheReadersQuotes: a folio that set the
// corrupt quotes file aside at its open and wrote a fresh one (folio
// quotes add) before a running reader's next Save or Reload: the
// reader's quotes and the fresh file's are both kept, in the reader and
// in the file (the reader and the file held the fresh quote alone: a, b,
// c and x only in the set-aside copy), and the file carries them then
// (no afresh mark).
func TestQuotesFileBegunAfreshTakesTheReadersQuotes(t *testing.T) {
	for _, pending := range []bool{true, false} {
		t.Run(fmt.Sprintf("pending %v", pending), func(t *testing.T) {
			dir, reader, _ := quotesAfreshSetUp(t)
			freshQuotes(t, dir, func(cli *Quotes) { addQuotes(t, cli, quoteAt("g", "g", 10)) })
			want := []string{"a", "b", "c", "x", "g"}
			if pending {
				addQuotes(t, reader, quoteAt("h", "h", 11))
				want = append(want, "h")
			}
			saveQuotes(t, reader, pending)
			again := mustOpenQuotes(t, "bundled", dir)
			for who, s := range map[string]*Quotes{"the reader": reader, "the file": again} {
				if got := quotePassages(s.All()); !slices.Equal(got, want) {
					t.Errorf("%s holds %v, want %v", who, got, want)
				}
			}
			if a := fileMark(t, again.Path()); a == nil {
				t.Error("the mark was taken away: another reader holding the old quotes could add them no more")
			}
		})
	}
}

// TestQuotesFileBegunAfreshRevivesNoRemoval: a reader's quotes go only
// into a file begun afresh, never into one that carries the quotes from
// before, where a quote missing was removed: another reader's removal
// of c after the set-aside stays.
func TestQuotesFileBegunAfreshRevivesNoRemoval(t *testing.T) {
	cases := []struct {
		name     string
		setAside func(t *testing.T, dir string, other *Quotes)
		want     []string
	}{
		{"the other reader set it aside", func(t *testing.T, dir string, other *Quotes) {
			addQuotes(t, other, quoteAt("k", "k", 12)) // its Save finds it corrupt
			saveQuotes(t, other, true)
		}, []string{"a", "b", "x", "k"}},
		{"the other reader found it gone", func(t *testing.T, dir string, other *Quotes) {
			if _, err := OpenQuotes("bundled", dir); err == nil {
				t.Fatal("the corrupt file was not found")
			}
			saveQuotes(t, other, false)
		}, []string{"a", "b", "x"}},
		{"the other reader took a fresh file's first", func(t *testing.T, dir string, other *Quotes) {
			freshQuotes(t, dir, func(cli *Quotes) { addQuotes(t, cli, quoteAt("g", "g", 10)) })
			saveQuotes(t, other, false) // adds its quotes: the file carries them now
		}, []string{"a", "b", "x", "g"}},
	}
	for _, c := range cases {
		for _, pending := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, pending %v", c.name, pending), func(t *testing.T) {
				dir, reader, other := quotesAfreshSetUp(t)
				c.setAside(t, dir, other)
				i := slices.IndexFunc(other.All(), func(q Quote) bool { return q.Exact == "c" })
				if i < 0 || !other.Remove(other.All()[i].ID) {
					t.Fatalf("the other reader holds %v", quotePassages(other.All()))
				}
				saveQuotes(t, other, true)
				want := slices.Clone(c.want)
				if pending {
					addQuotes(t, reader, quoteAt("h", "h", 13))
					want = append(want, "h")
				}
				saveQuotes(t, reader, pending)
				again := mustOpenQuotes(t, "bundled", dir)
				for who, s := range map[string]*Quotes{"the reader": reader, "the file": again} {
					if got := quotePassages(s.All()); !slices.Equal(got, want) {
						t.Errorf("%s holds %v, want %v", who, got, want)
					}
				}
			})
		}
	}
}

// TestQuotesFileBegunAfreshMovesThemAsItMoved: the reader's quotes follow
// the pieces the fresh file moved (Rename) as pieces: a file renamed
// takes the reader's quote with it, and so do two renamed at once, one to
// the name the other left (x→c, c→z: x's to c, c's to z); a cycle (x→c,
// c→x: x's file renamed and renamed back, by hand here) leaves x's quote
// on x and c's on c, and a chain (x→c, c→z, one after the other) takes
// x's to z and leaves c's, never two pieces' quotes on one; a move to no
// ID (by hand) moves nothing (x's quote was given to "", and dropped by
// the next read).
func TestQuotesFileBegunAfreshMovesThemAsItMoved(t *testing.T) {
	for _, c := range []struct {
		name    string
		renames map[string]string // the fresh folio's Rename
		moved   [][2]string       // by hand
		x, c    string            // where x's quote and c's go
	}{
		{"renamed", map[string]string{"piece-x": "piece-y"}, nil, "piece-y", "piece-c"},
		{"renamed at once", map[string]string{"piece-x": "piece-c", "piece-c": "piece-z"}, nil, "piece-c", "piece-z"},
		{"a cycle", nil, [][2]string{{"piece-x", "piece-c"}, {"piece-c", "piece-x"}}, "piece-x", "piece-c"},
		{"a chain", nil, [][2]string{{"piece-x", "piece-c"}, {"piece-c", "piece-z"}}, "piece-z", "piece-c"},
		{"to no ID", nil, [][2]string{{"piece-x", ""}}, "piece-x", "piece-c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, reader, _ := quotesAfreshSetUp(t)
			freshQuotes(t, dir, func(cli *Quotes) {
				addQuotes(t, cli, quoteAt("x", "g", 10), quoteAt("c", "k", 11))
				if c.renames != nil && cli.Rename(c.renames) != len(c.renames) {
					t.Fatal("the fresh folio's quotes did not move")
				}
			})
			if c.moved != nil {
				editMark(t, reader.Path(), func(a *afresh) { a.Moved = c.moved })
			}
			saveQuotes(t, reader, false)
			again := mustOpenQuotes(t, "bundled", dir)
			for who, s := range map[string]*Quotes{"the reader": reader, "the file": again} {
				pieceOf := map[string]string{}
				for _, q := range s.All() {
					pieceOf[q.Exact] = q.Piece
				}
				if pieceOf["x"] != c.x || pieceOf["c"] != c.c || len(pieceOf) != 6 {
					t.Errorf("%s holds the quotes on %v, want x on %s, c on %s", who, pieceOf, c.x, c.c)
				}
			}
		})
	}
}

// TestQuotesFileBegunAfreshOnlyForADay: as the reading state's
// (TestFileBegunAfreshOnlyForADay): a quotes file begun after a set-aside
// more than afreshFor old, or named in the future (by hand), is not
// marked, and a mark older than that, or after a time in the future, is
// dropped at the next write of a folio that has seen it.
func TestQuotesFileBegunAfreshOnlyForADay(t *testing.T) {
	for _, age := range []time.Duration{time.Hour, 2 * afreshFor, -365 * afreshFor} {
		t.Run(fmt.Sprintf("a copy %v old", age), func(t *testing.T) {
			dir := t.TempDir()
			path := mustOpenQuotes(t, "bundled", dir).Path()
			copyName := filepath.Base(path) + ".corrupt-" + time.Now().Add(-age).UTC().Format("20060102T150405Z")
			if err := os.WriteFile(filepath.Join(dir, copyName), []byte("{"), 0o600); err != nil {
				t.Fatal(err)
			}
			recent := age > 0 && age < afreshFor
			// a folio that has seen the copy begins the file (deleted)
			s := mustOpenQuotes(t, "bundled", dir)
			addQuotes(t, s, quoteAt("a", "a", 0))
			saveQuotes(t, s, true)
			if got := fileMark(t, path) != nil; got != recent {
				t.Errorf("the file begun says it is begun afresh: %v, want %v", got, recent)
			}
			// a file marked so by hand
			body := fmt.Sprintf(`{"version": 1, "quotes": [], "afresh": {"after": %q}}`, copyName)
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			s = mustOpenQuotes(t, "bundled", dir)
			addQuotes(t, s, quoteAt("b", "b", 1))
			saveQuotes(t, s, true)
			if got := fileMark(t, path) != nil; got != recent {
				t.Errorf("after a write, the file says it is begun afresh: %v, want %v", got, recent)
			}
		})
	}
}
