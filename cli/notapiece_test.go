package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowAFileThatIsNoPiece: a file of the archive that was skipped (a
// draft, a bad date, no title) is named as such, with what folio check
// says of it, by its path in the archive, on disk or its bare name, and
// folio exits non-zero; a name of no file still gets suggestions (a
// helper's report: `show content/posts/draft.md` said "no piece with id"
// and suggested content/posts/draftstr).
func TestShowAFileThatIsNoPiece(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/posts/draft.md", "---\ntitle: Draft\ndate: 2020-01-01\ndraft: true\n---\nNot yet.\n")
	write("content/posts/draftstr.md", "---\ntitle: Draftstr\ndate: 2020-01-01\n---\nA piece.\n")
	write("baddate.md", "---\ntitle: Bad\ndate: 2020-02-30\n---\nx\n")
	write("sub/notitle.md", "---\ndate: 2020-01-01\n---\nx\n")
	write("cafe\u0301.md", "---\ntitle: Café\n---\nx\n")
	write("cafe\u0301s.md", "---\ntitle: Cafés\ndate: 2020-01-01\n---\nx\n")
	write("Draft.md", "---\ntitle: Draft\n---\nx\n")
	write("draft-final.md", "---\ntitle: Final\ndate: 2020-01-01\n---\nx\n")
	write("My Notes.md", "---\ntitle: Notes\n---\nx\n")
	for _, c := range []struct{ arg, want string }{
		{"content/posts/draft.md", "content/posts/draft.md: draft"},
		{filepath.Join(dir, "content/posts/draft.md"), "content/posts/draft.md: draft"},
		{"baddate.md", "baddate.md:3: unparseable date"},
		{"notitle.md", "sub/notitle.md:1: missing title"},
		// by the id its path would give it (49u: `show baddate`
		// suggested another piece)
		{"baddate", "baddate.md:3: unparseable date"},
		{"sub/notitle", "sub/notitle.md:1: missing title"},
		{"notitle", "sub/notitle.md:1: missing title"},
		{"content/posts/draft", "content/posts/draft.md: draft"},
		// typed as a name gives its id: in NFD, in capitals, with spaces
		// (49s: an NFD id showed the piece whose id it starts)
		{"cafe\u0301", "cafe\u0301.md:1: missing date"},
		{"Draft", "Draft.md:1: missing date"},
		{"My Notes", "My Notes.md:1: missing date"},
	} {
		for _, cmd := range []string{"show", "cite"} {
			out, errOut, code := run(t, "--archive", dir, cmd, c.arg)
			if code == 0 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "is not a piece") || strings.Contains(errOut, "did you mean") {
				t.Errorf("%s %s (%d): %s%s; want %q", cmd, c.arg, code, out, errOut, c.want)
			}
		}
	}
	_, errOut, code := run(t, "--archive", dir, "show", "content/posts/draftst.md")
	if code == 0 || !strings.Contains(errOut, "no piece with id") || !strings.Contains(errOut, "did you mean") {
		t.Errorf("a name of no file (%d): %s", code, errOut)
	}
}

// TestTheStartOfSeveralIDsIsSaidSo: the start of one id names its piece
// (as folio list cuts a long id); the start of several is said so, with
// them, not "no piece with id" (a researcher's report: `cite 2017` on the
// bundled archive read as no such piece).
func TestTheStartOfSeveralIDsIsSaidSo(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2017-05-26-britain", "2017-05-31-policy", "2017-10-19-raqqa"} {
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte("---\ntitle: "+name+"\ndate: 2017-05-01\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range []string{"show", "cite"} {
		out, errOut, code := run(t, "--archive", dir, cmd, "2017-05")
		if code == 0 || !strings.Contains(errOut, `2 ids in`) || !strings.Contains(errOut, `begin with "2017-05": 2017-05-26-britain, 2017-05-31-policy;`) {
			t.Errorf("%s 2017-05 (%d): %s%s", cmd, code, out, errOut)
		}
		if out, errOut, code := run(t, "--archive", dir, cmd, "2017-10"); code != 0 || !strings.Contains(out, "2017-10-19-raqqa") {
			t.Errorf("%s 2017-10 (%d): %s%s", cmd, code, out, errOut)
		}
	}
}
