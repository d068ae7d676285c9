package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/index"
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
	if out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 || !strings.Contains(out, ", 1 renamed or moved,") {
		t.Fatal(code, out, errOut)
	}
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

// TestMovedFolderKeepsKeysQuotesAndSavedTimes: an archive folder moved
// to another path keeps its citation keys, quotes and saved searches'
// opened times, as it keeps its read marks (a helper's report: after
// the move a piece's key changed, its quotes were gone and every saved
// search was "not opened").
func TestMovedFolderKeepsKeysQuotesAndSavedTimes(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	root := t.TempDir()
	dir := filepath.Join(root, "k1")
	piece := func(name, title, date string) {
		t.Helper()
		os.MkdirAll(dir, 0o755)
		body := "---\ntitle: " + title + "\ndate: " + date + "\nauthors: [Ann Lee]\n---\n\nText of " + name + " on security.\n"
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cite := func(dir string) string {
		t.Helper()
		out, errOut, code := run(t, "--archive", dir, "cite", "a", "b", "--format", "bibtex")
		if code != 0 {
			t.Fatal(errOut)
		}
		var keys []string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "@") {
				keys = append(keys, l)
			}
		}
		return strings.Join(keys, " ")
	}
	piece("a", "Security matters", "2017-10-01")
	if _, errOut, code := run(t, "--archive", dir, "cite", "a"); code != 0 {
		t.Fatal(errOut)
	}
	piece("b", "Security again", "2017-01-01")
	before := cite(dir)
	if !strings.Contains(before, "lee2017securitya") {
		t.Fatalf("keys before the move: %s", before)
	}
	for _, args := range [][]string{{"quotes", "add", "a", "--text", "Text of a"}, {"saved", "add", "Sec", "security"}} {
		if _, errOut, code := run(t, append([]string{"--archive", dir}, args...)...); code != 0 {
			t.Fatal(args, errOut)
		}
	}
	savedBefore, _, _ := run(t, "--archive", dir, "saved", "list")

	moved := filepath.Join(root, "elsewhere", "k1")
	os.MkdirAll(filepath.Dir(moved), 0o755)
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if after := cite(moved); after != before {
		t.Errorf("keys after the move: %s, before %s", after, before)
	}
	if out, errOut, _ := run(t, "--archive", moved, "quotes"); !strings.Contains(out, "Text of a") {
		t.Errorf("quotes after the move:\n%s%s", out, errOut)
	}
	if out, _, _ := run(t, "--archive", moved, "saved", "list"); out != savedBefore || strings.Contains(out, "not opened") {
		t.Errorf("saved searches after the move:\n%s\nbefore:\n%s", out, savedBefore)
	}
}

// A ledger edited by hand (or shared) with a key no pin could be: the key
// is not printed (a helper's report: "evil\x1b]0;pwned\a{x} y" reached
// the terminal raw and broke the BibTeX entry); the piece gets its own.
func TestLedgerKeyThatCannotBeAKeyIsDropped(t *testing.T) {
	stateDir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", stateDir)
	dir := t.TempDir()
	body := "---\ntitle: Security matters\ndate: 2017-10-01\nauthors: [Ann Lee]\n---\n\nText.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := run(t, "--archive", dir, "cite", "a"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	path := filepath.Join(stateDir, "folio", state.CiteKeysFileName(name))
	ledger, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(ledger, []byte(`"lee2017security"`)) {
		t.Fatal(err, string(ledger))
	}
	bad, _ := json.Marshal("evil\x1b]0;pwned\a{x} y")
	ledger = bytes.Replace(ledger, []byte(`"lee2017security"`), bad, 1)
	if err := os.WriteFile(path, ledger, 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "cite", "a", "--format", "bibtex")
	if code != 0 || strings.ContainsAny(out+errOut, "\x1b\a") || !strings.HasPrefix(out, "@misc{lee2017security,") {
		t.Errorf("cite with a bad ledger key (%d):\n%q\n%q", code, out, errOut)
	}
}

// Renames found by an update that did not follow them (another program,
// a folio killed after the index's update, a state folder locked) are
// followed by the next folio that opens the index, once (a review's
// report: the marks stayed on the old ID for good).
func TestRenamesFoundElsewhereAreFollowedAtTheNextOpen(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	body := "---\ntitle: Moving house\ndate: 2017-05-01\nauthor: Ana Ruiz\n---\nText.\n"
	if err := os.WriteFile(filepath.Join(dir, "moving.md"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	st, _ := state.Open(name, "")
	st.SetStarred("moving", true)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "2017"), 0o755)
	if err := os.Rename(filepath.Join(dir, "moving.md"), filepath.Join(dir, "2017", "moving.md")); err != nil {
		t.Fatal(err)
	}
	// folio index says so
	if out, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "index"); code != 0 || strings.Contains(out, "renamed") {
		t.Fatalf("a first build names no rename (%d): %s%s", code, out, errOut)
	}
	// the update, by a program that follows nothing
	ix, err := index.Open(context.Background(), name, os.DirFS(name), index.Options{Dir: ixDir})
	if err != nil || len(ix.Stats().Renamed) != 1 {
		t.Fatal(err, ix.Stats())
	}
	ix.Close()
	if st, _ := state.Open(name, ""); !st.IsStarred("moving") || st.IsStarred("2017/moving") {
		t.Fatal("followed by the update alone")
	}
	for range 2 { // the next open follows; the one after finds it done
		if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "house"); code != 0 {
			t.Fatal(errOut)
		}
		if st, _ := state.Open(name, ""); !st.IsStarred("2017/moving") || st.IsStarred("moving") {
			t.Errorf("starred after the next open: %v", st.Starred())
		}
	}
	// followed: the next opens read neither the state nor the quotes
	// file (one unreadable now is left as it is, not set aside)
	if state.FollowedThrough(name) == 0 {
		t.Fatal("no record of the renames followed")
	}
	st, _ = state.Open(name, "")
	if err := os.WriteFile(st.Path(), []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "house"); code != 0 || errOut != "" {
		t.Fatal(code, errOut)
	}
	if data, _ := os.ReadFile(st.Path()); string(data) != "{garbage" {
		t.Errorf("the state file was read again: %q", data)
	}
}

// A file renamed and renamed back takes its marks back; a rename not yet
// followed whose piece moves again is followed to where it is now (a
// review's reports: the marks stayed on b, and on a).
func TestRenamedBackAndRenamedTwice(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	name, _ := filepath.Abs(dir)
	write := func(rel, title string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		body := "---\ntitle: " + title + "\ndate: 2020-01-01\nauthor: Ann Lee\n---\nSome body.\n"
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-time.Hour)
		os.Chtimes(p, old, old)
	}
	mv := func(from, to string) {
		t.Helper()
		if err := os.Rename(filepath.Join(dir, from), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
	}
	search := func() {
		t.Helper()
		if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "body"); code != 0 {
			t.Fatal(errOut)
		}
	}
	starred := func() []string { st, _ := state.Open(name, ""); return st.Starred() }
	write("a.md", "Alpha piece")
	write("z.md", "Zeta piece")
	search()
	st, _ := state.Open(name, "")
	st.SetStarred("a", true)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	mv("a.md", "b.md")
	search()
	if got := starred(); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("after a→b: %v", got)
	}
	mv("b.md", "a.md")
	search()
	if got := starred(); !slices.Equal(got, []string{"a"}) {
		t.Errorf("after b→a: %v", got)
	}

	// a→c by an update that follows nothing, then c→d: followed to d
	mv("a.md", "c.md")
	ix, err := index.Open(context.Background(), name, os.DirFS(name), index.Options{Dir: ixDir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	mv("c.md", "d.md")
	search()
	if got := starred(); !slices.Equal(got, []string{"d"}) {
		t.Errorf("after a→c not followed, then c→d: %v", got)
	}
}

// A state file this folio cannot read (here one written by a newer
// folio; an unreadable one is the same) holds marks it never saw: a
// rename found then is said not followed, not recorded as followed, and
// followed by the next folio once the file can be read; the reader says
// it in its status line (a helper's report: the star stayed on the old
// id, said nowhere).
func TestRenameNotFollowedWhileTheStateFileCannotBeRead(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	write := func(rel string) {
		t.Helper()
		body := "---\ntitle: Moving house\ndate: 2017-05-01\nauthor: Ana Ruiz\n---\nText.\n"
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("moving.md")
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	st, _ := state.Open(name, "")
	st.SetStarred("moving", true)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Replace(good, []byte(`"version": 1`), []byte(`"version": 99`), 1)
	if bytes.Equal(newer, good) {
		t.Fatalf("no version in %s", good)
	}
	if err := os.WriteFile(st.Path(), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "moving.md"), filepath.Join(dir, "moved.md")); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index")
	if code != 0 || !strings.Contains(out, "1 renamed or moved") || !strings.Contains(errOut, "the marks of 1 piece renamed or moved did not follow them") || !strings.Contains(errOut, "newer folio") {
		t.Fatalf("(%d) %s%s", code, out, errOut)
	}
	if state.FollowedThrough(name) != 0 {
		t.Fatal("recorded as followed")
	}

	// the reader, opening the index as recorded, says so in its status line
	fsys := os.DirFS(name)
	r := &readerIndex{env: &Env{ArchiveDir: dir, IndexDir: ixDir}, name: name, fsys: fsys}
	_, info, err := r.open(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	r.current().Close()
	if !strings.Contains(info.Unfollowed, "the marks of 1 piece renamed or moved did not follow them") {
		t.Errorf("the reader's warning: %q", info.Unfollowed)
	}

	// moved again: one piece still (moving→moved-again and moved→moved-again
	// are both kept), where the warning said 2
	if err := os.Rename(filepath.Join(dir, "moved.md"), filepath.Join(dir, "moved-again.md")); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "house"); code != 0 || !strings.Contains(errOut, "the marks of 1 piece renamed or moved did not follow them") {
		t.Fatalf("moved again (%d): %s", code, errOut)
	}

	if err := os.WriteFile(st.Path(), good, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "house"); code != 0 || errOut != "" {
		t.Fatal(code, errOut)
	}
	if st, _ := state.Open(name, ""); !slices.Equal(st.Starred(), []string{"moved-again"}) {
		t.Errorf("starred once the file can be read: %v", st.Starred())
	}
	if state.FollowedThrough(name) == 0 {
		t.Error("not recorded as followed once followed")
	}
}
