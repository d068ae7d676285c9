package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// TestReadingFiltersFollowAMoveAtOnce: the first command after a folder
// of pieces moved counts their marks under their new IDs (a helper's
// report: search ” --starred said "0 of 0 hits" and list --unread
// counted the read pieces unread, the state built before the index's
// update followed the renames; a second run was right). Every command
// that takes the reading filters is the first after its own move.
func TestReadingFiltersFollowAMoveAtOnce(t *testing.T) {
	for _, c := range []struct {
		name  string
		args  []string
		check func(out string) bool
	}{
		{"search starred", []string{"search", "", "--starred", "--limit", "0"}, func(out string) bool { return strings.Contains(out, "0 of 3 hits") }},
		{"search unread", []string{"search", "", "--unread", "--limit", "0"}, func(out string) bool { return strings.Contains(out, "0 of 2 hits") }},
		{"list starred", []string{"list", "--starred", "--wide"}, func(out string) bool { return strings.Count(out, "\n") == 3 }},
		{"list unread", []string{"list", "--unread", "--wide"}, func(out string) bool { return strings.Count(out, "\n") == 2 }},
		{"stats starred", []string{"stats", "--starred", "--json"}, func(out string) bool { return strings.Contains(out, `"pieces": 3,`) }},
		{"trends starred", []string{"trends", "security", "--starred", "--by", "year", "--csv"}, func(out string) bool { return strings.Contains(out, "2017,year,5,3") }},
		{"terms starred", []string{"terms", "security", "--starred"}, func(out string) bool { return strings.Contains(out, "3 results") }},
		{"saved run", []string{"saved", "run", "mine", "--limit", "0"}, func(out string) bool { return strings.Contains(out, "0 of 3 hits") }},
	} {
		for _, unfollowed := range []bool{false, true} {
			name := c.name
			if unfollowed {
				name += " after an update that did not follow"
			}
			t.Run(name, func(t *testing.T) {
				t.Setenv("XDG_STATE_HOME", t.TempDir())
				t.Setenv("XDG_CONFIG_HOME", t.TempDir())
				dir, ixDir := t.TempDir(), t.TempDir()
				for i := 1; i <= 5; i++ {
					rel := fmt.Sprintf("other%d.md", i)
					if i <= 3 {
						rel = fmt.Sprintf("ck/r%d.md", i)
					}
					os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
					body := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-05-0%d\nauthor: Ana Ruiz\n---\nWords on security, piece %d.\n", i, i, i)
					if err := os.WriteFile(filepath.Join(dir, rel), []byte(body), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
					t.Fatal(errOut)
				}
				if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "saved", "add", "mine", "", "--starred"); code != 0 {
					t.Fatal(errOut)
				}
				name, _ := filepath.Abs(dir)
				st, err := state.Open(name, "")
				if err != nil {
					t.Fatal(err)
				}
				for i := 1; i <= 3; i++ {
					st.SetStarred(fmt.Sprintf("ck/r%d", i), true)
					st.MarkRead(fmt.Sprintf("ck/r%d", i), true)
				}
				if err := st.Save(); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(filepath.Join(dir, "ck"), filepath.Join(dir, "ck2")); err != nil {
					t.Fatal(err)
				}
				if unfollowed {
					// an update whose folio was killed before it followed
					// the renames: the index is current, the marks are not
					ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: ixDir, Once: true})
					if err != nil {
						t.Fatal(err)
					}
					if len(ix.LastRenamed()) != 3 {
						t.Fatalf("renames: %+v", ix.LastRenamed())
					}
					ix.Close()
				}
				out, errOut, code := runIndexed(t, ixDir, append([]string{"--archive", dir}, c.args...)...)
				if code != 0 || !c.check(out) {
					t.Errorf("first run after the move (%d):\n%s%s", code, out, errOut)
				}
				var f struct {
					Pieces map[string]json.RawMessage `json:"pieces"`
				}
				data, _ := os.ReadFile(st.Path())
				json.Unmarshal(data, &f)
				if _, ok := f.Pieces["ck2/r1"]; !ok {
					t.Errorf("the marks did not follow: %s", data)
				}
			})
		}
	}
}

// TestHistoryFollowsAMoveAtOnce: the first folio history after a folder
// of pieces moved lists their openings under their new IDs, with their
// titles (it listed the old IDs, "no longer in the archive").
func TestHistoryFollowsAMoveAtOnce(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(dir, "ck"), 0o755)
	body := "---\ntitle: Piece one\ndate: 2017-05-01\nauthor: Ana Ruiz\n---\nWords on security.\n"
	if err := os.WriteFile(filepath.Join(dir, "ck", "r1.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	st, err := state.Open(name, "")
	if err != nil {
		t.Fatal(err)
	}
	st.RecordOpen("ck/r1", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "ck"), filepath.Join(dir, "ck2")); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "history", "--json")
	if code != 0 || !strings.Contains(out, `"id": "ck2/r1"`) || !strings.Contains(out, `"title": "Piece one"`) {
		t.Errorf("the first history after the move (%d):\n%s%s", code, out, errOut)
	}
}
