package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/folio-tui/folio/ui"
)

// savedEnv is a folio for saved-search tests: its own config and state
// folders, and one index folder kept between commands, so that the
// index's times of addition carry from one command to the next.
type savedEnv struct {
	t                 *testing.T
	archive, indexDir string
	config            string
}

func newSavedEnv(t *testing.T, archive string) *savedEnv {
	t.Setenv("FOLIO_ARCHIVE", "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	return &savedEnv{t: t, archive: archive, indexDir: t.TempDir(), config: os.Getenv("XDG_CONFIG_HOME")}
}

// folio runs the command line in-process and returns stdout, stderr and
// the error.
func (e *savedEnv) folio(args ...string) (string, string, error) {
	e.t.Helper()
	var out, errb bytes.Buffer
	root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
	root.SetArgs(append([]string{"--archive", e.archive, "--index-dir", e.indexDir}, args...))
	err := root.Execute()
	return out.String(), errb.String(), err
}

func (e *savedEnv) must(args ...string) string {
	e.t.Helper()
	out, errOut, err := e.folio(args...)
	if err != nil {
		e.t.Fatalf("folio %q: %v\n%s", args, err, errOut)
	}
	return out
}

type listed struct {
	Name    string         `json:"name"`
	Query   string         `json:"query"`
	Filters map[string]any `json:"filters"`
	Count   int            `json:"count"`
	New     *int           `json:"new"`
}

func (e *savedEnv) list() map[string]listed {
	e.t.Helper()
	var all []listed
	out := e.must("saved", "list", "--json")
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		e.t.Fatalf("saved list --json: %v\n%s", err, out)
	}
	m := map[string]listed{}
	for _, l := range all {
		m[l.Name] = l
	}
	return m
}

// writePiece writes a piece into the archive folder, dated after every
// file the index has seen.
func writePiece(t *testing.T, dir, name, title string, tags ...string) {
	t.Helper()
	body := "---\ntitle: " + title + "\ndate: 2019-03-04\noutlet: The Test\ntags: [" + strings.Join(tags, ", ") + "]\n---\n" + title + ".\n"
	p := filepath.Join(dir, name+".md")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	os.Chtimes(p, later, later)
}

// newCount is the "new" of a listed search; -1 when it has none.
func newCount(l listed) int {
	if l.New == nil {
		return -1
	}
	return *l.New
}

// TestSavedNewAfterAddingFiles: what a saved search counts as new follows
// the files added to the archive, through runs, a peek and a rebuild.
func TestSavedNewAfterAddingFiles(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls", "isis")
	writePiece(t, arch, "two", "Mosul falls", "isis")
	writePiece(t, arch, "three", "Raqqa rebuilt", "syria")
	e := newSavedEnv(t, arch)

	if out := e.must("saved", "add", "Raqqa", "raqqa", "--tag", "isis"); out != "saved Raqqa: 1 piece\n" {
		t.Errorf("add: %q", out)
	}
	if l := e.list()["Raqqa"]; l.Count != 1 || newCount(l) != 0 || l.Query != "raqqa" {
		t.Errorf("after add: %+v", l)
	}

	writePiece(t, arch, "four", "Raqqa again", "isis")
	writePiece(t, arch, "five", "Raqqa elsewhere", "syria") // not in the search
	if l := e.list()["Raqqa"]; l.Count != 2 || newCount(l) != 1 {
		t.Errorf("after adding a piece: count %d, new %d", l.Count, newCount(l))
	}
	// listing opens nothing; a peek neither
	e.must("saved", "run", "raqqa", "--new", "--peek")
	if l := e.list()["Raqqa"]; newCount(l) != 1 {
		t.Errorf("listing or peeking opened the search: %d new", newCount(l))
	}
	var res resultsJSON
	json.Unmarshal([]byte(e.must("saved", "run", "RAQQA", "--new", "--json")), &res)
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "four" {
		t.Errorf("run --new: %+v", res)
	}
	if l := e.list()["Raqqa"]; l.Count != 2 || newCount(l) != 0 {
		t.Errorf("after run: count %d, new %d", l.Count, newCount(l))
	}
	json.Unmarshal([]byte(e.must("saved", "run", "raqqa", "--new", "--json")), &res)
	if res.Total != 0 {
		t.Errorf("run --new after run: %d", res.Total)
	}

	// An edited piece is not new; one added before a rebuild is, after it.
	writePiece(t, arch, "one", "Raqqa falls, edited", "isis")
	writePiece(t, arch, "six", "Raqqa, a year on", "isis")
	if out := e.must("index", "--rebuild"); !strings.Contains(out, "built: 6 pieces") {
		t.Errorf("rebuild: %s", out)
	}
	if l := e.list()["Raqqa"]; l.Count != 3 || newCount(l) != 1 {
		t.Errorf("after a rebuild: count %d, new %d", l.Count, newCount(l))
	}

	// A search added later is opened by adding it.
	e.must("saved", "add", "Everything", "")
	if l := e.list()["Everything"]; l.Count != 6 || newCount(l) != 0 {
		t.Errorf("a new search: %+v", l)
	}
	// Removed and added again: not opened before its time.
	e.must("saved", "rm", "raqqa")
	if _, ok := e.list()["Raqqa"]; ok {
		t.Error("removed search listed")
	}
	if _, _, err := e.folio("saved", "run", "raqqa"); err == nil || !strings.Contains(err.Error(), `no saved search named "raqqa"`) {
		t.Errorf("run a removed search: %v", err)
	}
}

var tookMS = regexp.MustCompile(`"took_ms": [0-9.e-]+`)

// TestSavedRunJSONIsSearchJSON: run --json prints what folio search --json
// prints for the search's query and filters.
func TestSavedRunJSONIsSearchJSON(t *testing.T) {
	e := newSavedEnv(t, "")
	e.archive = "" // the bundled archive
	for _, c := range [][]string{
		{"terror", "--tag", "isis"},
		{`"islamic state" OR raqqa`, "--from", "2017-06", "--to", "2017-10-19", "--outlet", "telegraph"},
		{"", "--kind", "interview", "--author", "pantucci"},
		{"intelligence", "--starred"},
	} {
		name := strings.Fields(c[0] + " x")[0]
		name = strings.Trim(name, `"`)
		e.must(append([]string{"saved", "add", name}, c...)...)
		for _, extra := range [][]string{nil, {"--sort", "newest", "--limit", "3"}, {"--offset", "2"}} {
			run := e.must(append([]string{"saved", "run", name, "--json"}, extra...)...)
			search := e.must(append(append([]string{"search", "--json"}, c...), extra...)...)
			run, search = tookMS.ReplaceAllString(run, ""), tookMS.ReplaceAllString(search, "")
			if run != search {
				t.Errorf("%q %q: run --json differs from search --json:\n%s\n---\n%s", c, extra, run, search)
			}
			if !strings.Contains(run, `"total"`) {
				t.Errorf("%q: %s", c, run)
			}
		}
	}
}

// A broken saved.json is named with its line; nothing is written to it.
func TestSavedCorruptFileCLI(t *testing.T) {
	e := newSavedEnv(t, "")
	e.must("saved", "add", "one", "raqqa")
	path := filepath.Join(e.config, "folio", "saved.json")
	data, _ := os.ReadFile(path)
	broken := bytes.Replace(data, []byte(`"query": "raqqa",`), []byte(`"query": "raqqa"`), 1)
	os.WriteFile(path, broken, 0o600)
	for _, args := range [][]string{{"saved", "list"}, {"saved", "add", "two", "x"}, {"saved", "rm", "one"}, {"saved", "run", "one"}} {
		_, _, err := e.folio(args...)
		if err == nil || !strings.Contains(err.Error(), path+":7: invalid character") {
			t.Errorf("%q: %v", args, err)
		}
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, broken) {
		t.Error("the broken file was changed")
	}
}

// Names are checked; names and queries reach the terminal escaped.
func TestSavedNamesAndSafeOutput(t *testing.T) {
	e := newSavedEnv(t, "")
	for _, bad := range []string{"", "-x", "a\x1b[2Jb", " x"} {
		if _, _, err := e.folio("saved", "add", "--", bad, "q"); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	e.must("saved", "add", "evil", "raqqa \x1b]0;owned\x07 \u202e")
	e.must("saved", "add", "Raqqa and Mosul", "raqqa OR mosul", "--tag", "it's")
	out := e.must("saved", "list")
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("list printed controls: %q", out)
	}
	for _, want := range []string{`'raqqa \x1b]0;owned\a \u202e'`, `Raqqa and Mosul  0 pieces  0 new  'raqqa OR mosul' --tag 'it'\''s'`} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := e.folio("saved", "add", "RAQQA AND MOSUL", "x"); err == nil || !strings.Contains(err.Error(), "has that name") {
		t.Errorf("a name differing in case: %v", err)
	}
	out = e.must("__complete", "saved", "run", "raq")
	if !strings.HasPrefix(out, "Raqqa and Mosul\t'raqqa OR mosul' --tag 'it'\\''s'\n") {
		t.Errorf("completion:\n%s", out)
	}
}

// A query a hand edit gave a character that shows as nothing is printed
// with it named, \u200b, not as it is (an attack's report: "raq\u200bqa"
// in saved.json was listed as raqqa, a query that finds other pieces).
func TestSavedListNamesInvisibleCharacters(t *testing.T) {
	e := newSavedEnv(t, "")
	e.must("saved", "add", "zw", "raqqa")
	path := filepath.Join(e.config, "folio", "saved.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte(`"query": "raqqa"`), []byte(`"query": "raq\u200bqa\u2060"`), 1)
	if bytes.Equal(edited, data) {
		t.Fatalf("no query to edit in %s", data)
	}
	if err := os.WriteFile(path, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	out := e.must("saved", "list")
	if strings.ContainsAny(out, "\u200b\u2060") || !strings.Contains(out, `raq\u200bqa\u2060`) {
		t.Errorf("list: %q, want the query as raq\\u200bqa\\u2060", out)
	}
}

// A run marks the search opened only when it printed every new piece: new
// pieces past --limit or --offset stay new, and stderr says so (a
// helper's report: `run --new --limit 1` made all three seen).
func TestSavedRunKeepsUnprintedNew(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls", "isis")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "Raqqa", "raqqa")
	for _, n := range []string{"two", "three", "four"} {
		writePiece(t, arch, n, "Raqqa "+n, "isis")
	}
	if l := e.list()["Raqqa"]; newCount(l) != 3 {
		t.Fatalf("new after adding three: %d", newCount(l))
	}
	for _, args := range [][]string{
		{"saved", "run", "Raqqa", "--new", "--limit", "1"},
		{"saved", "run", "Raqqa", "--new", "--offset", "1"},
		{"saved", "run", "Raqqa", "--limit", "2", "--sort", "oldest"}, // one, then a new one: two new unprinted
	} {
		_, errOut, err := e.folio(args...)
		if err != nil || !strings.Contains(errOut, "new not printed") {
			t.Errorf("%v: %v, stderr %q", args, err, errOut)
		}
		if l := e.list()["Raqqa"]; newCount(l) != 3 {
			t.Errorf("%v: %d new after it, want 3", args, newCount(l))
		}
	}
	if _, errOut, _ := e.folio("saved", "run", "Raqqa", "--new", "--limit", "3"); strings.Contains(errOut, "not printed") {
		t.Errorf("all three printed: %q", errOut)
	}
	if l := e.list()["Raqqa"]; newCount(l) != 0 {
		t.Errorf("after printing every new piece: %d new", newCount(l))
	}
}

// TestSavedRename: a renamed search keeps its query, filters and what was
// shown of it in each archive (its one new piece stays the only new one,
// in this archive and another); the new name must be free (its case alone
// may change) and valid, and the old one is gone.
func TestSavedRename(t *testing.T) {
	arch, other := t.TempDir(), t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls", "isis")
	writePiece(t, other, "one", "Raqqa in another archive", "isis")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "Raqqa", "raqqa", "--tag", "isis")
	e.must("saved", "add", "Mosul", "mosul")
	o := &savedEnv{t: t, archive: other, indexDir: t.TempDir(), config: e.config}
	o.must("saved", "run", "raqqa") // opened in the other archive too
	writePiece(t, arch, "two", "Raqqa again", "isis")
	writePiece(t, other, "two", "Raqqa again elsewhere", "isis")
	if l := e.list()["Raqqa"]; l.Count != 2 || newCount(l) != 1 {
		t.Fatalf("before the rename: %+v", l)
	}

	if out := e.must("saved", "rename", "raqqa", "Raqqa city"); out != "renamed Raqqa to Raqqa city (raqqa --tag isis)\n" {
		t.Errorf("rename: %q", out)
	}
	for _, env := range []*savedEnv{e, o} {
		all := env.list()
		if _, ok := all["Raqqa"]; ok {
			t.Errorf("the old name is still listed: %v", all)
		}
		if l := all["Raqqa city"]; l.Count != 2 || newCount(l) != 1 || l.Query != "raqqa" {
			t.Errorf("archive %s, renamed: %+v (want 2 pieces, 1 new)", env.archive, l)
		}
	}
	if _, _, err := e.folio("saved", "rename", "raqqa city", "mosul"); err == nil || !strings.Contains(err.Error(), `a saved search has that name: "Mosul"`) {
		t.Errorf("rename onto a taken name: %v", err)
	}
	if _, _, err := e.folio("saved", "rename", "raqqa city", "-x"); err == nil {
		t.Error("renamed to a name beginning with -")
	}
	if _, _, err := e.folio("saved", "rename", "nothing", "x"); err == nil || !strings.Contains(err.Error(), `no saved search named "nothing"`) {
		t.Errorf("rename of no search: %v", err)
	}
	e.must("saved", "rename", "raqqa city", "RAQQA CITY") // its case alone
	if l := e.list()["RAQQA CITY"]; newCount(l) != 1 {
		t.Errorf("after a change of case: %+v", l)
	}
	// a search removed here keeps its opened time in the other archive: a
	// search saved before it and renamed to its name does not take that
	// time (it was never opened there)
	e.must("saved", "rm", "mosul")
	e.must("saved", "add", "Tal Afar", "raqqa")
	o.must("saved", "add", "Mosul", "mosul") // opened in the other archive only
	e.must("saved", "rm", "mosul")           // forgotten here, not there
	writePiece(t, other, "three", "Raqqa once more", "isis")
	e.must("saved", "rename", "tal afar", "Mosul")
	if l := o.list()["Mosul"]; l.Count != 3 || l.New != nil {
		t.Errorf("renamed onto a name removed elsewhere: %+v (want never opened there)", l)
	}
}

// A corrupt opened-times file is warned of once a run, not once or twice
// for each saved search (a review: six warnings for three searches).
func TestSavedCorruptOpenedWarnedOnce(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls", "isis")
	e := newSavedEnv(t, arch)
	for _, name := range []string{"a", "b", "c"} {
		e.must("saved", "add", name, "raqqa")
	}
	files, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "folio", "*.saved.json"))
	if len(files) != 1 {
		t.Fatalf("opened-times files: %v", files)
	}
	if err := os.WriteFile(files[0], []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, err := e.folio("saved", "list")
	if err != nil || strings.Count(out, "raqqa") != 3 {
		t.Fatalf("saved list: %v\n%s", err, out)
	}
	if n := strings.Count(errs, "warning"); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, errs)
	}
}

// With copies collapsed, what a saved search counts as new is among its
// pieces: a new copy of an old text is not (an attack: "3 pieces 1 new",
// and run --new printed the copy that search --collapse-copies leaves
// out).
func TestSavedNewWithCopiesCollapsed(t *testing.T) {
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	var b strings.Builder
	x := uint32(7)
	for range 150 {
		x = x*1664525 + 1013904223
		b.WriteString(words[(x>>16)%uint32(len(words))] + " ")
	}
	write := func(name, head, body string) {
		t.Helper()
		p := filepath.Join(arch, name)
		if err := os.WriteFile(p, []byte("---\n"+head+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(p, later, later)
	}
	write("a1.md", "title: First\ndate: \"2019\"\noutlet: X", b.String())
	write("a2.md", "title: First again\ndate: 2021-03-05\noutlet: Y", b.String())
	write("c.md", "title: Other\ndate: 2021-01-02\noutlet: X", "nothing in common here")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "col", "", "--collapse-copies")
	e.must("saved", "add", "z", "", "--outlet", "Z", "--collapse-copies")

	write("a3.md", "title: First once more\ndate: 2022-01-01\noutlet: Z", b.String())
	write("d.md", "title: New\ndate: 2022-02-02\noutlet: X", "a piece of its own")
	var all resultsJSON
	json.Unmarshal([]byte(e.must("search", "", "--collapse-copies", "--json", "--limit", "100")), &all)
	among := map[string]bool{}
	for _, h := range all.Hits {
		among[h.ID] = true
	}
	if all.Total != 3 || among["a3"] {
		t.Fatalf("search --collapse-copies: %+v", all)
	}
	// the copy is the only piece of Z: it stands for its group there
	for name, want := range map[string][2]int{"col": {3, 1}, "z": {1, 1}} {
		if l := e.list()[name]; l.Count != want[0] || newCount(l) != want[1] {
			t.Errorf("%s: %d pieces %d new, want %v", name, l.Count, newCount(l), want)
		}
	}
	var res resultsJSON
	json.Unmarshal([]byte(e.must("saved", "run", "col", "--new", "--json", "--peek")), &res)
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "d" {
		t.Errorf("run --new: %+v", res)
	}
	// what it printed is all that was new: the run marks it opened
	e.must("saved", "run", "col", "--new")
	if l := e.list()["col"]; newCount(l) != 0 {
		t.Errorf("after run: %d new", newCount(l))
	}
}

// With copies collapsed, a new copy dated before the piece of its group a
// saved search had is not new: the group was seen, whichever copy stands
// for it now. The search's list shows the group by the new copy, and
// saved list and run --new leave it out of what is new (a review: "1 new"
// of a 1989 copy of a text of 1990 the search had, run --new printed it).
func TestSavedEarlierCopyIsNotNew(t *testing.T) {
	arch := t.TempDir()
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega")
	var b strings.Builder
	x := uint32(9)
	for range 150 {
		x = x*1664525 + 1013904223
		b.WriteString(words[(x>>16)%uint32(len(words))] + " ")
	}
	write := func(name, head, body string) {
		t.Helper()
		p := filepath.Join(arch, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\n"+head+"\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Second)
		os.Chtimes(p, later, later)
	}
	write("bush.md", "title: Address, 1990\ndate: \"1990\"\noutlet: State of the Union", b.String())
	write("c.md", "title: Other\ndate: 1991-01-02\noutlet: State of the Union", "nothing in common here")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "col", "", "--collapse-copies")

	write("earlier/bush.md", "title: Address, 1990\ndate: 1989-01-10\noutlet: Prior Post", b.String())
	write("d.md", "title: New\ndate: 1992-02-02\noutlet: State of the Union", "a piece of its own")
	if l := e.list()["col"]; l.Count != 3 || newCount(l) != 1 {
		t.Errorf("col: %d pieces %d new, want 3 and 1", l.Count, newCount(l))
	}
	var res resultsJSON
	json.Unmarshal([]byte(e.must("saved", "run", "col", "--new", "--json", "--peek")), &res)
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != "d" {
		t.Errorf("run --new: %+v", res)
	}
	// the list shows the group by its earliest copy, not as new
	var all resultsJSON
	json.Unmarshal([]byte(e.must("saved", "run", "col", "--json", "--peek")), &all)
	ids := map[string]bool{}
	for _, h := range all.Hits {
		ids[h.ID] = true
	}
	if all.Total != 3 || !ids["earlier/bush"] || ids["bush"] {
		t.Errorf("run: %+v", all)
	}
}

// folio saved --help names every flag saved add takes (it left out
// --collapse-copies, which add accepts and saves).
func TestSavedHelpNamesAddsFlags(t *testing.T) {
	e := newSavedEnv(t, "")
	help := e.must("saved", "--help")
	usage := help[strings.Index(help, "folio saved add"):strings.Index(help, "folio saved list")]
	root := NewRoot("test", &Env{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, In: strings.NewReader("")})
	add, _, err := root.Find([]string{"saved", "add"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	add.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		if f.Name == "help" {
			return
		}
		n++
		if !regexp.MustCompile(`--` + regexp.QuoteMeta(f.Name) + `[\s\]]`).MatchString(usage) {
			t.Errorf("saved --help does not name saved add's --%s:\n%s", f.Name, usage)
		}
	})
	if n < 10 {
		t.Errorf("saved add has %d flags of its own", n)
	}
}

// The reader's saved searches say a corrupt file of when each was opened,
// set aside, beside their list (ui.SavedWarning): the warning was
// dropped, and the reader said nothing of the file it moved.
func TestReaderSavedSaysTheOpenedFileSetAside(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	r := newReaderSaved("/some/archive")
	if r == nil {
		t.Fatal("no saved searches")
	}
	path := r.(readerSaved).OpenedPath()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"searches":[{"name":5}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	list, err := r.List()
	var w *ui.SavedWarning
	if !errors.As(err, &w) || !strings.Contains(w.Error(), "was corrupt") || list == nil {
		t.Fatalf("List = %v, %v; want the list and a SavedWarning that the file was corrupt", list, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the file was not set aside: %v", err)
	}
	if _, err := r.List(); err != nil {
		t.Fatalf("again: %v", err)
	}
}
