//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/state"
	"github.com/gofrs/flock"
)

// The warning of marks that did not follow counts the pieces this run
// had to move, not the renames of the week it was given (a helper's
// report: "the marks of 5 pieces" for one file renamed, four followed
// earlier): with the state folder locked, and with a state file that
// cannot be read (the renames not followed yet).
func TestRenameWarningCountsWhatDidNotFollow(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	name, _ := filepath.Abs(dir)
	write := func(rel, title string) {
		t.Helper()
		body := "---\ntitle: " + title + "\ndate: 2017-05-01\nauthor: Ana Ruiz\n---\nText.\n"
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mv := func(from, to string) {
		t.Helper()
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		write(n+".md", "Piece "+n)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	st, _ := state.Open(name, "")
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		st.SetStarred(n, true)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a", "b", "c", "d"} {
		mv(n+".md", n+"2.md")
	}
	if out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 || !strings.Contains(out, "4 renamed or moved") || errOut != "" {
		t.Fatal(code, out, errOut)
	}

	// the state folder locked by another folio
	mv("e.md", "e2.md")
	lock := flock.New(filepath.Dir(st.Path()), flock.SetFlag(os.O_RDONLY))
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index")
	lock.Unlock()
	if code != 0 || !strings.Contains(errOut, "the marks of 1 piece renamed or moved did not follow them") {
		t.Fatalf("state folder locked (%d): %s", code, errOut)
	}

	// a state file that cannot be read: the renames not followed yet
	// (e's, and f's now)
	mv("f.md", "f2.md")
	good, _ := os.ReadFile(st.Path())
	if err := os.WriteFile(st.Path(), bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 99`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 || !strings.Contains(errOut, "the marks of 2 pieces renamed or moved did not follow them") {
		t.Fatalf("state file unreadable (%d): %s", code, errOut)
	}
	os.WriteFile(st.Path(), good, 0o600)
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "piece"); code != 0 || errOut != "" {
		t.Fatal(code, errOut)
	}
	if st, _ := state.Open(name, ""); !slices.Equal(st.Starred(), []string{"a2", "b2", "c2", "d2", "e2", "f2"}) {
		t.Errorf("starred in the end: %v", st.Starred())
	}
}
