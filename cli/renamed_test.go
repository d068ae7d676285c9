package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/state"
)

// TestRenamedPieceKeepsItsMarksAndQuotes: a file moved into a folder (its
// ID changes; title, date and authors do not) keeps its read mark, star,
// history and quotes, as it keeps its citation key, whichever command
// updates the index first; a piece deleted and another added in its
// place with another title takes nothing.
func TestRenamedPieceKeepsItsMarksAndQuotes(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		body := "---\ntitle: " + title + "\ndate: 2017-05-01\nauthor: Ana Ruiz\n---\nThe passage kept as a quote is here, among other words.\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("kept.md", "Kept in place")
	write("moving.md", "Moving house")
	write("replaced.md", "Replaced")
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	st, err := state.Open(name, "")
	if err != nil {
		t.Fatal(err)
	}
	opened := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	st.RecordOpen("moving", opened)
	st.SetStarred("moving", true)
	st.SetStarred("replaced", true)
	st.SetStarred("kept", true)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	qs, _ := st.Quotes()
	if _, err := qs.Add(state.Quote{Piece: "moving", Selector: state.Selector{Exact: "passage kept as a quote"}}); err != nil {
		t.Fatal(err)
	}
	if err := qs.Save(); err != nil {
		t.Fatal(err)
	}

	if err := os.MkdirAll(filepath.Join(dir, "2017"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "moving.md"), filepath.Join(dir, "2017", "moving.md")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "replaced.md"))
	write("replacement.md", "A replacement")
	if out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "list"); code != 0 || !strings.Contains(out, "Moving house") {
		t.Fatal(code, out, errOut)
	}

	st, err = state.Open(name, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Get("2017/moving"); !got.Read || !got.Starred || !got.LastOpened.Equal(opened) {
		t.Errorf("the moved piece's state: %+v", got)
	}
	if got := st.Get("moving"); got != (state.Piece{}) {
		t.Errorf("its old ID keeps %+v", got)
	}
	if got := st.Starred(); !slices.Equal(got, []string{"2017/moving", "kept", "replaced"}) {
		t.Errorf("starred: %v (a piece deleted keeps its star; a new one takes none)", got)
	}
	if h := st.History(); len(h) != 1 || h[0].ID != "2017/moving" {
		t.Errorf("history: %+v", h)
	}
	qs, _ = st.Quotes()
	if all := qs.All(); len(all) != 1 || all[0].Piece != "2017/moving" {
		t.Errorf("quotes: %+v", all)
	}
	out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "quotes")
	if code != 0 || !strings.Contains(out, "passage kept as a quote") || strings.Contains(out, "orphan") {
		t.Errorf("folio quotes after the move (%d):\n%s%s", code, out, errOut)
	}
}
