package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/state"
)

// runWith runs folio in-process on the archive dir with the state and
// index folders given, and the archives pieceSource read whole.
func runWith(t *testing.T, dir, stateHome, indexDir string, args ...string) (out string, reads int64) {
	t.Helper()
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_STATE_HOME", stateHome)
	var o, e bytes.Buffer
	root := NewRoot("test", &Env{Out: &o, Err: &e, In: strings.NewReader("")})
	root.SetArgs(append([]string{"--archive", dir, "--index-dir", indexDir}, args...))
	before := archiveReads.Load()
	if err := root.Execute(); err != nil {
		return "error: " + err.Error(), archiveReads.Load() - before
	}
	return o.String() + e.String(), archiveReads.Load() - before
}

// copyDir copies the files of the folder src into the new folder dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// folio quotes, show and cite read the pieces they name from the index:
// everything they print is what they print reading the whole archive (an
// unusable index folder makes them read it), citation keys are the whole
// archive's, and they read the archive only for what the index cannot
// tell (a name two files have).
func TestQuotesShowAndCiteFromTheIndexAreTheFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(p, fm, body string) {
		t.Helper()
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\n"+fm+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// three pieces of one author, year and first word: their keys are told
	// apart by the whole archive
	write("b.md", "title: Terror at home\nauthors: [Jane Doe]\ndate: 2020-03-01\noutlet: The Post\nurl: https://post.example/b", "The threat is here, at home.")
	write("x/a.md", "title: Terror abroad\nauthors: [Jane Doe]\ndate: 2020-05-01\noutlet: The Post", "As I wrote [before](../b.md), the plots go on and on.\n\nA second paragraph.")
	write("gone.md", "title: Terror gone\nauthors: [Jane Doe]\ndate: 2020-07-01", "A passage that goes away.")
	write("edited.md", "title: Edited piece\nauthors: [Sam Roe]\ndate: 2019-01-01", "The original sentence stays for now.")
	write("y/b.md", "title: Another b\ndate: 2018-01-01", "Named as the first b is.")
	// an organisation (cited by its name, whole) and a pinned key
	write("org.md", "title: A report\nauthors:\n  - name: Acme Widgets\n    organization: true\n  - Jane Doe\ndate: 2020-02\ncitekey: rusi2020report", "A report.")

	build := t.TempDir() // the index quotes are added with
	home := t.TempDir()
	for _, add := range [][]string{
		{"x/a.md", "before Terror at home the plots go on"}, // over a link's title
		{"x/a", "A second paragraph"},
		{"gone", "A passage that goes"},
		{dir + "/edited.md", "original sentence stays"},
	} {
		if out, _ := runWith(t, dir, home, build, "quotes", "add", add[0], "--text", add[1]); strings.HasPrefix(out, "error") {
			t.Fatalf("quotes add %s: %s", add[0], out)
		}
	}
	if err := os.Remove(filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	write("edited.md", "title: Edited piece\nauthors: [Sam Roe]\ndate: 2019-01-01", "The sentence has changed.")

	// what each route prints, each with the quotes and no ledger of keys
	runs := [][]string{
		{"quotes", "--json"},
		{"quotes"},
		{"quotes", "--format", "bibtex"},
		{"quotes", "--piece", "x/a.md"},
		{"quotes", "--piece", "a.md", "--json"},
		{"quotes", "--piece", "b.md"}, // two files: the archive tells
		{"quotes", "--orphaned"},
		{"show", "x/a.md"},
		{"show", "a.md"},
		{"show", "edited"},
		{"show", "b.md"},
		{"show", "x/nope.md"},
		{"cite", "--format", "bibtex", "--accessed", "2025-01-02", "x/a.md", "b", "edited.md"},
		{"cite", "--format", "csl-json", "--accessed", "2025-01-02", dir + "/x/a.md"},
		{"cite", "x/a", "nope"},
		{"cite", "--all", "--format", "bibtex", "--accessed", "2025-01-02"},
		{"cite", "--all", "--format", "csl-json", "--accessed", "2025-01-02"},
		{"cite", "--all", "--format", "ris", "--accessed", "2025-01-02"},
		{"cite", "--all"},
	}
	var outs [2][]string
	for route, indexDir := range []string{t.TempDir(), filepath.Join(dir, "b.md")} { // a file: no index
		st := t.TempDir()
		copyDir(t, home, st)
		os.Remove(filepath.Join(st, "folio", state.CiteKeysFileName(archiveName(t, dir))))
		for _, args := range runs {
			state := st
			if args[0] == "cite" && args[1] == "--all" {
				state = t.TempDir() // no ledger: the keys are made from the pieces
			}
			out, reads := runWith(t, dir, state, indexDir, args...)
			outs[route] = append(outs[route], out)
			indexTells := args[len(args)-1] != "b.md" && !strings.Contains(strings.Join(args, " "), "nope")
			if route == 0 && indexTells && reads != 0 {
				t.Errorf("folio %s read the archive %d times beside its index", strings.Join(args, " "), reads)
			}
			if route == 1 && reads != 1 {
				t.Errorf("folio %s without an index read the archive %d times", strings.Join(args, " "), reads)
			}
		}
	}
	for i, args := range runs {
		if outs[0][i] != outs[1][i] {
			t.Errorf("folio %s:\nfrom the index:\n%s\nfrom the files:\n%s", strings.Join(args, " "), outs[0][i], outs[1][i])
		}
	}

	// and what they print is right: the whole archive's keys, the orphans
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	keys := cite.NewKeyringWith(arch.Articles, nil)
	var qs []quoteOut
	if err := json.Unmarshal([]byte(outs[0][0]), &qs); err != nil {
		t.Fatalf("%v\n%s", err, outs[0][0])
	}
	want := map[string]string{"x/a": "", "gone": orphanPieceGone, "edited": orphanPassageGone}
	if len(qs) != 4 {
		t.Fatalf("%d quotes: %s", len(qs), outs[0][0])
	}
	for _, q := range qs {
		if q.Orphan != want[q.Piece] {
			t.Errorf("quote of %s: orphaned %q, want %q", q.Piece, q.Orphan, want[q.Piece])
		}
		if a, ok := arch.Get(q.Piece); ok && q.Citation.Key != keys.Key(a) {
			t.Errorf("quote of %s cites %s; the archive's key is %s", q.Piece, q.Citation.Key, keys.Key(a))
		}
	}
	if !strings.Contains(outs[0][7], "before (→ “Terror at home”)") {
		t.Errorf("show x/a.md without its link's title:\n%s", outs[0][7])
	}
	if !strings.Contains(outs[0][12], "{doe2020terrora,") && !strings.Contains(outs[0][12], "{doe2020terrorb,") {
		t.Errorf("cite: no key told apart:\n%s", outs[0][12])
	}
	// cite --all from the index cites the organisation as one, by name
	if all := outs[0][15]; !strings.Contains(all, "{{Acme Widgets} and Doe, Jane}") || !strings.Contains(all, "@report{rusi2020report,") && !strings.Contains(all, "{rusi2020report,") {
		t.Errorf("cite --all:\n%s", all)
	}
}

// archiveName is the name folio gives the archive in dir.
func archiveName(t *testing.T, dir string) string {
	t.Helper()
	name, _, err := archive.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// folio quotes with no quotes (or none matching) reads no piece: no index
// is built for nothing (11 s at 10k pieces with a new index folder, a
// review's finding), nor the archive read.
func TestQuotesWithoutQuotesReadNoPiece(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-01\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ixDir := filepath.Join(t.TempDir(), "index")
	for args, want := range map[string]string{"quotes": "folio: no quotes yet", "quotes --json": "[]\n", "quotes nothing": "folio: no quotes match"} {
		out, reads := runWith(t, dir, t.TempDir(), ixDir, strings.Fields(args)...)
		if !strings.HasPrefix(out, want) || reads != 0 {
			t.Errorf("folio %s: %q, the archive read %d times", args, out, reads)
		}
		if _, err := os.Stat(ixDir); err == nil {
			t.Fatalf("folio %s made an index", args)
		}
	}
}

// The example of folio quotes --help keeps its passage (it quoted one the
// bundled piece does not have, and failed as a new user copied it).
func TestQuotesHelpExampleWorks(t *testing.T) {
	cmd := newQuotesCmd(&Env{})
	for _, line := range strings.Split(cmd.Example, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "folio quotes add ") {
			continue
		}
		// the line's words, quoted ones whole
		var args []string
		for i, part := range strings.Split(strings.TrimPrefix(line, "folio "), `"`) {
			if i%2 == 1 {
				args = append(args, part)
			} else {
				args = append(args, strings.Fields(part)...)
			}
		}
		if out, errs, err := folio(t, t.TempDir(), args...); err != nil {
			t.Errorf("%s: %v\n%s%s", line, err, out, errs)
		}
		return
	}
	t.Fatal("no folio quotes add in the example")
}
