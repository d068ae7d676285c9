package state

import (
	"os"
	"slices"
	"testing"
)

// corrupt writes over the file at path something no folio reads.
func corrupt(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(`{"version":1, broken`), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestMarkSurvivesASecondSetAside: a reader stopped while its file was
// set aside twice keeps its marks, quotes and times: the folio that began
// the file afresh after the first set-aside (holding the fresh file)
// writes it again whole at the second, and the file says still that it
// was begun afresh after the first copy (an attack: written with no
// mark, the reader's next Save or read took the file as it was, its
// stars a and b lost; its quotes and times so too).
func TestMarkSurvivesASecondSetAside(t *testing.T) {
	t.Run("reading state", func(t *testing.T) {
		dir := t.TempDir()
		first := mustOpen(t, "bundled", dir)
		first.SetStarred("a", true)
		first.SetStarred("b", true)
		save(t, first, true)
		reader := mustOpen(t, "bundled", dir) // then stopped
		corrupt(t, reader.Path())
		var fresh *Store
		freshFolio(t, dir, func(s *Store) { fresh = s; s.SetStarred("g", true) })
		corrupt(t, reader.Path())
		fresh.SetStarred("h", true)
		save(t, fresh, true) // sets it aside again, writes it whole
		if m := fileMark(t, reader.Path()); m == nil {
			t.Fatal("the file written again whole says nothing of being begun afresh")
		}
		reader.SetStarred("r", true) // the reader resumes
		save(t, reader, true)
		want := []string{"a", "b", "g", "h", "r"}
		for who, s := range map[string]*Store{"the reader": reader, "the file": mustOpen(t, "bundled", dir)} {
			if got := s.Starred(); !slices.Equal(got, want) {
				t.Errorf("%s holds the stars %v, want %v", who, got, want)
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		dir := t.TempDir()
		first := mustOpenQuotes(t, "bundled", dir)
		addQuotes(t, first, quoteAt("a", "a", 0), quoteAt("b", "b", 1))
		saveQuotes(t, first, true)
		reader := mustOpenQuotes(t, "bundled", dir)
		corrupt(t, reader.Path())
		var fresh *Quotes
		freshQuotes(t, dir, func(s *Quotes) { fresh = s; addQuotes(t, s, quoteAt("g", "g", 2)) })
		corrupt(t, reader.Path())
		addQuotes(t, fresh, quoteAt("h", "h", 3))
		saveQuotes(t, fresh, true)
		addQuotes(t, reader, quoteAt("r", "r", 4))
		saveQuotes(t, reader, true)
		want := []string{"a", "b", "g", "h", "r"}
		for who, s := range map[string]*Quotes{"the reader": reader, "the file": mustOpenQuotes(t, "bundled", dir)} {
			if got := quotePassages(s.All()); !slices.Equal(got, want) {
				t.Errorf("%s holds the quotes %v, want %v", who, got, want)
			}
		}
	})
	t.Run("opened times", func(t *testing.T) {
		dir := t.TempDir()
		first, _ := OpenSavedOpened("bundled", dir)
		markOpened(t, first, "a", "b")
		reader, _ := OpenSavedOpened("bundled", dir)
		if all, err := reader.All(); err != nil || len(all) != 2 {
			t.Fatalf("the reader's times: %v, %v", all, err)
		}
		corrupt(t, reader.Path())
		var fresh *SavedOpened
		freshOpened(t, dir, func(o *SavedOpened) { fresh = o; markOpened(t, o, "c") })
		corrupt(t, reader.Path())
		markOpened(t, fresh, "d") // sets it aside again, writes it whole
		want := []string{"a", "b", "c", "d", "r"}
		if got := openedNames(readOrMarkAs(t, reader, "r")); !slices.Equal(got, want) {
			t.Errorf("the reader holds the times of %v, want %v", got, want)
		}
		if got := openedNames(inOpenedFile(t, dir)); !slices.Equal(got, want) {
			t.Errorf("the file holds the times of %v, want %v", got, want)
		}
	})
}

// readOrMarkAs is a reader's mark of the search name, then its read.
func readOrMarkAs(t *testing.T, o *SavedOpened, name string) map[string]Opened {
	t.Helper()
	markOpened(t, o, name)
	all, err := o.All()
	if err != nil {
		t.Fatal(err)
	}
	return all
}
