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

// TestMarkStaysForOtherOldReaders: two readers hold the file that is set
// aside; the first to add its marks, quotes or times to the fresh file
// leaves the mark, so the second adds its own (an attack: the first took
// the mark away, and the second, stopped meanwhile, took the file as it
// was: the star x it had saved before the set-aside lost), and what the
// first took away after adding stays away (b: un-starred, removed,
// forgotten), whoever adds it again.
func TestMarkStaysForOtherOldReaders(t *testing.T) {
	t.Run("reading state", func(t *testing.T) {
		dir := t.TempDir()
		first := mustOpen(t, "bundled", dir)
		first.SetStarred("a", true)
		first.SetStarred("b", true)
		save(t, first, true)
		r1, r3 := mustOpen(t, "bundled", dir), mustOpen(t, "bundled", dir)
		r1.SetStarred("x", true)
		save(t, r1, true) // r3 stopped before it, r1 after
		corrupt(t, r1.Path())
		freshFolio(t, dir, func(s *Store) { s.SetStarred("g", true) })
		save(t, r3, false) // adds a, b
		r3.SetStarred("b", false)
		save(t, r3, true)
		save(t, r3, false) // twice: the same
		save(t, r1, false)
		want := []string{"a", "g", "x"}
		for who, s := range map[string]*Store{"r1": r1, "the file": mustOpen(t, "bundled", dir)} {
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
		r1, r3 := mustOpenQuotes(t, "bundled", dir), mustOpenQuotes(t, "bundled", dir)
		addQuotes(t, r1, quoteAt("x", "x", 2))
		saveQuotes(t, r1, true)
		corrupt(t, r1.Path())
		freshQuotes(t, dir, func(s *Quotes) { addQuotes(t, s, quoteAt("g", "g", 3)) })
		saveQuotes(t, r3, false)
		for _, q := range r3.All() {
			if q.Exact == "b" && !r3.Remove(q.ID) {
				t.Fatal("b not removed")
			}
		}
		saveQuotes(t, r3, true)
		saveQuotes(t, r1, false)
		want := []string{"a", "x", "g"}
		for who, s := range map[string]*Quotes{"r1": r1, "the file": mustOpenQuotes(t, "bundled", dir)} {
			if got := quotePassages(s.All()); !slices.Equal(got, want) {
				t.Errorf("%s holds the quotes %v, want %v", who, got, want)
			}
		}
	})
	t.Run("opened times", func(t *testing.T) {
		dir := t.TempDir()
		first, _ := OpenSavedOpened("bundled", dir)
		markOpened(t, first, "a", "b")
		r1, _ := OpenSavedOpened("bundled", dir)
		r3, _ := OpenSavedOpened("bundled", dir)
		for _, o := range []*SavedOpened{r1, r3} {
			if all, err := o.All(); err != nil || len(all) != 2 {
				t.Fatalf("a reader's times: %v, %v", all, err)
			}
		}
		markOpened(t, r1, "x")
		corrupt(t, r1.Path())
		freshOpened(t, dir, func(o *SavedOpened) { markOpened(t, o, "c") })
		if all, err := r3.All(); err != nil || len(all) != 3 {
			t.Fatalf("r3's times: %v, %v", openedNames(all), err)
		}
		if err := r3.Forget(Search{Name: "b"}, nil); err != nil {
			t.Fatal(err)
		}
		all, err := r1.All()
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"a", "c", "x"}
		if got := openedNames(all); !slices.Equal(got, want) {
			t.Errorf("r1 holds the times of %v, want %v", got, want)
		}
		if got := openedNames(inOpenedFile(t, dir)); !slices.Equal(got, want) {
			t.Errorf("the file holds the times of %v, want %v", got, want)
		}
	})
}

// TestFreshQuotesFileRecordsMovesOfPiecesItHasNoQuoteOn: a piece renamed
// after the quotes file was begun afresh, holding no quote in it (the
// reader's quote on it only in the copy set aside), is recorded as moved
// all the same, and the reader's quote follows it when the reader adds
// its quotes (an attack: "folio index" said "1 renamed or moved", the
// fresh file recorded no move, and the reader's quote stayed on the old
// ID, orphaned).
func TestFreshQuotesFileRecordsMovesOfPiecesItHasNoQuoteOn(t *testing.T) {
	dir := t.TempDir()
	first := mustOpenQuotes(t, "bundled", dir)
	addQuotes(t, first, quoteAt("p", "q2", 0))
	saveQuotes(t, first, true)
	reader := mustOpenQuotes(t, "bundled", dir) // then stopped
	corrupt(t, reader.Path())
	freshQuotes(t, dir, func(s *Quotes) { addQuotes(t, s, quoteAt("z", "q3", 1)) })
	index := mustOpenQuotes(t, "bundled", dir) // folio index, following the rename
	if n := index.Rename(map[string]string{"piece-p": "piece-p2"}); n != 0 || !index.Unsaved() {
		t.Fatalf("the rename moved %d pieces' quotes and left unsaved %v, want 0 and a move kept", n, index.Unsaved())
	}
	saveQuotes(t, index, true)
	saveQuotes(t, reader, false) // the reader resumes
	for who, s := range map[string]*Quotes{"the reader": reader, "the file": mustOpenQuotes(t, "bundled", dir)} {
		for _, q := range s.All() {
			if q.Exact == "q2" && q.Piece != "piece-p2" {
				t.Errorf("%s holds q2 on %s, want piece-p2", who, q.Piece)
			}
		}
		if got, want := quotePassages(s.All()), []string{"q2", "q3"}; !slices.Equal(got, want) {
			t.Errorf("%s holds the quotes %v, want %v", who, got, want)
		}
	}
	// a file not begun afresh records nothing of a piece with no quote
	plain := mustOpenQuotes(t, "bundled", t.TempDir())
	if plain.Rename(map[string]string{"piece-p": "piece-p2"}) != 0 || plain.Unsaved() {
		t.Error("a rename of a piece with no quote was kept, the file not begun afresh")
	}
}

// TestForgetOfASearchTheFreshFileLacksIsRecorded: a saved search removed
// after the opened-times file was begun afresh, never opened in it, is
// recorded as removed all the same, and a reader holding its time from
// the file set aside does not bring it back (an attack: b, removed, came
// back with the reader's old time).
func TestForgetOfASearchTheFreshFileLacksIsRecorded(t *testing.T) {
	dir, reader, _ := openedAfreshSetUp(t) // a and b
	freshOpened(t, dir, func(o *SavedOpened) { markOpened(t, o, "c") })
	cli, _ := OpenSavedOpened("bundled", dir) // "folio saved rm b"
	if err := cli.Forget(Search{Name: "b"}, nil); err != nil {
		t.Fatal(err)
	}
	all, err := reader.All()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "c"}
	if got := openedNames(all); !slices.Equal(got, want) {
		t.Errorf("the reader holds the times of %v, want %v", got, want)
	}
	if got := openedNames(inOpenedFile(t, dir)); !slices.Equal(got, want) {
		t.Errorf("the file holds the times of %v, want %v", got, want)
	}
}
