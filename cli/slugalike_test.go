package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/state"
)

// TestANewcomerTakesNoMarks: a file added whose name slugs as a starred,
// opened piece's is a piece of its own; the piece keeps its id, and so its
// star and history, in the index (search) and in the files' reading (list,
// check) alike; names of folders that slug alike (c/, c++/, c#/) and
// names with no letter (🎉.md) are pieces too (a helper's report:
// my-note.md took my_note.md's star and history, my_note.md was skipped
// as a duplicate, c++/intro.md was skipped and 🎉.md refused).
func TestANewcomerTakesNoMarks(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	write := func(rel, title, date string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("---\ntitle: "+title+"\ndate: "+date+"\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my_note.md", "Original low", "2020-01-01")
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	st, err := state.Open(name, "")
	if err != nil {
		t.Fatal(err)
	}
	st.SetStarred("my-note", true)
	st.RecordOpen("my-note", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	write("my-note.md", "Newcomer", "2021-01-01")
	for _, d := range []string{"c", "c++", "c#"} {
		write(d+"/intro.md", "Intro to "+d, "2019-01-01")
	}
	write("🎉.md", "Party", "2018-01-01")
	out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "", "--starred")
	if code != 0 || !strings.Contains(out, "Original low") || strings.Contains(out, "Newcomer") {
		t.Errorf("starred (%d):\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "history")
	if code != 0 || !strings.Contains(out, "Original low") || strings.Contains(out, "Newcomer") {
		t.Errorf("history (%d):\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "check")
	if code != 0 || !strings.Contains(out, "6 pieces") {
		t.Errorf("check (%d):\n%s%s", code, out, errOut)
	}
	// every file is listed
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "list")
	for _, title := range []string{"Original low", "Newcomer", "Intro to c", "Intro to c++", "Intro to c#", "Party"} {
		if code != 0 || !strings.Contains(out, title) {
			t.Errorf("list (%d) lacks %s:\n%s%s", code, title, out, errOut)
		}
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "show", "my-note")
	if code != 0 || !strings.Contains(out, "Original low") {
		t.Errorf("show my-note (%d):\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "show", "my-note.md")
	if code != 0 || !strings.Contains(out, "Newcomer") {
		t.Errorf("show my-note.md (%d):\n%s%s", code, out, errOut)
	}
}

// TestABrokenPieceKeepsItsID: a piece whose file is broken for a while
// (its YAML cut short) or a draft keeps its id, reserved in the index's
// manifest, while a file whose name slugs alike is added beside it; mended,
// it is the piece it was, with its star (a helper's report: the newcomer
// took my-note and the star, and the mended file came back as
// my-note-2c02).
func TestABrokenPieceKeepsItsID(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, broken := range []string{"---\ntitle: [broken\ndate: 2020-01-01\n---\nText.\n", "---\ntitle: Original\ndate: 2020-01-01\ndraft: true\n---\nText.\n"} {
		dir, ixDir := t.TempDir(), t.TempDir()
		write := func(rel, body string) {
			t.Helper()
			if err := os.WriteFile(filepath.Join(dir, rel), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		good := "---\ntitle: Original\ndate: 2020-01-01\n---\nText.\n"
		write("my_note.md", good)
		if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
			t.Fatal(errOut)
		}
		name, _ := filepath.Abs(dir)
		st, err := state.Open(name, "")
		if err != nil {
			t.Fatal(err)
		}
		st.SetStarred("my-note", true)
		if err := st.Save(); err != nil {
			t.Fatal(err)
		}
		write("my_note.md", broken)
		if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
			t.Fatal(errOut)
		}
		write("my-note.md", "---\ntitle: Newcomer\ndate: 2021-01-01\n---\nText.\n")
		// the files' reading (list) gives the newcomer a suffix, as the index does
		out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "list", "--json")
		if code != 0 || strings.Contains(out, `"id": "my-note"`) || !strings.Contains(out, `"id": "my-note-`) {
			t.Errorf("list while broken (%d):\n%s%s", code, out, errOut)
		}
		if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
			t.Fatal(errOut)
		}
		write("my_note.md", good)
		out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "search", "", "--starred")
		if code != 0 || !strings.Contains(out, "Original") || strings.Contains(out, "Newcomer") {
			t.Errorf("starred after mending (%d):\n%s%s", code, out, errOut)
		}
		out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "show", "my-note")
		if code != 0 || !strings.Contains(out, "Original") {
			t.Errorf("show my-note after mending (%d):\n%s%s", code, out, errOut)
		}
	}
}

// A section page (_index.md) is never a piece, and reserves no id: a
// posts.md added after posts/_index.md was indexed has the id posts.
func TestASectionPageReservesNoID(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(dir, "posts"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "posts/_index.md"), []byte("---\ntitle: Posts\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	if err := os.WriteFile(filepath.Join(dir, "posts.md"), []byte("---\ntitle: A post\ndate: 2020-01-01\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"list", "--json"}, {"index"}, {"search", "", "--json"}} {
		out, errOut, code := runIndexed(t, ixDir, append([]string{"--archive", dir}, cmd...)...)
		if cmd[0] != "index" && (code != 0 || !strings.Contains(out, `"id": "posts"`)) {
			t.Errorf("%s (%d):\n%s%s", cmd[0], code, out, errOut)
		}
	}
}

// TestALinkToAFileNamesThePieceAtIt: a link that names a file (my_note.md,
// <my note.md>, my%20note.md, 🎉/x.md) names the piece at that path, not
// the one with the bare id its name slugs to, in show from the files and
// from the index alike (a helper's report: all three links named
// "Underscore note").
func TestALinkToAFileNamesThePieceAtIt(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	write := func(rel, body string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	piece := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nText.\n" }
	write("my_note.md", piece("Underscore note"))
	write("my note.md", piece("Space note"))
	write("note_5.md", piece("Underscore five"))
	write("note-5.md", piece("Dash five"))
	write("🎉/x.md", piece("Party x"))
	write("x.md", piece("Plain x"))
	write("linker.md", "---\ntitle: Linker\ndate: 2021-01-01\n---\n"+
		"See [under](my_note.md) and [dash](<my note.md>) and [pct](my%20note.md).\n\n"+
		"Also [u5](note_5.md) and [d5](note-5.md) and [px](🎉/x.md) and [x](x.md).\n")
	want := []string{"under (→ “Underscore note”)", "dash (→ “Space note”)", "pct (→ “Space note”)",
		"u5 (→ “Underscore five”)", "d5 (→ “Dash five”)", "px (→ “Party x”)", "x (→ “Plain x”)"}
	check := func(how, out, errOut string, code int) {
		t.Helper()
		flat := strings.Join(strings.Fields(out), " ")
		for _, w := range want {
			if code != 0 || !strings.Contains(flat, w) {
				t.Errorf("%s: show linker (%d) lacks %q:\n%s%s", how, code, w, out, errOut)
			}
		}
	}
	// from the files (no index)
	out, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "show", "linker")
	check("files", out, errOut, code)
	// from the index
	ixDir := t.TempDir()
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "show", "linker")
	check("index", out, errOut, code)
}

// A linked piece's title reads as list and the reader's header show it,
// its references decoded once, as the archive reads a title (it was kept
// as written, "AT&amp;T &#169; Report", while the index read it decoded):
// "&amp;copy;" is "&copy;", not ©; an image's text is the text it shows,
// as CommonMark's alt ("R&amp;D" is "R&D", "&copy" with no ";" no
// reference), and an "&" in a target is as written.
func TestALinkedTitleKeepsItsReferences(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.md": "---\ntitle: \"AT&amp;T &#169; Report &not &amp;copy;\"\ndate: 2019-01-01\n---\nB.\n",
		"b.md": "---\ntitle: L\ndate: 2019-01-02\n---\nSee [this](a.md) and ![R&amp;D &copy](files/r.png) at [f](files/x.pdf?a=1&copy=2).\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "show", "b")
	flat := strings.Join(strings.Fields(out), " ")
	for _, w := range []string{"this (→ “AT&T © Report &not &copy;”)", "[image: R&D &copy] files/r.png", "f files/x.pdf?a=1&copy=2"} {
		if code != 0 || !strings.Contains(flat, w) {
			t.Errorf("show b (%d) lacks %q:\n%s%s", code, w, out, errOut)
		}
	}
}
