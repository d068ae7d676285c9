package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/childtest"
	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// run executes folio in-process with args and returns stdout, stderr and the
// exit code, as Execute would.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return runIndexed(t, t.TempDir(), args...)
}

// runIndexed is run with the index in indexDir.
func runIndexed(t *testing.T, indexDir string, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("FOLIO_ARCHIVE", "")
	var out, errb bytes.Buffer
	env := &Env{Out: &out, Err: &errb, In: strings.NewReader("")}
	root := NewRoot("test", env)
	root.SetArgs(append([]string{"--index-dir", indexDir}, args...))
	code := 0
	if err := root.Execute(); err != nil {
		var ec exitCode
		if asExitCode(err, &ec) {
			code = int(ec)
		} else {
			errb.WriteString(err.Error())
			code = 2
		}
	}
	return out.String(), errb.String(), code
}

func TestListBundled(t *testing.T) {
	out, _, code := run(t, "list", "--kind", "article")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d articles listed, want 7:\n%s", len(lines), out)
	}
	for i, want := range []string{"2017-10-19\tThe Telegraph\t", "2017-09\tLondon Evening Standard\t", "2017-08\tLondon Evening Standard\t",
		"2017-07\tThe Telegraph\t", "2017-06-07\tThe Telegraph\t", "2017-05-31\tRUSI\t", "2017-05-26\tThe New York Times\t"} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], want)
		}
	}
}

func TestListJSONAndOutletFilter(t *testing.T) {
	out, _, code := run(t, "list", "--json", "--outlet", "financial times")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var pieces []map[string]any
	if err := json.Unmarshal([]byte(out), &pieces); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	if len(pieces) != 2 {
		t.Fatalf("%d Financial Times pieces, want 2", len(pieces))
	}
	for _, k := range []string{"id", "title", "outlet", "authors", "date", "date_precision", "tags", "url", "kind"} {
		if _, ok := pieces[0][k]; !ok {
			t.Errorf("JSON piece lacks %q", k)
		}
	}
	if pieces[0]["kind"] != "interview" || pieces[0]["date"] != "2017-10-03" || pieces[1]["date_precision"] != "month" {
		t.Errorf("unexpected pieces: %v", pieces)
	}
}

func TestShowPlainWhenPiped(t *testing.T) {
	out, _, code := run(t, "show", "2017-06-07-intelligence-is-fragmented-by-nature")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Error("piped show output has escape sequences")
	}
	for _, want := range []string{"Intelligence is fragmented by nature", "The Telegraph", "7 June 2017",
		"https://www.telegraph.co.uk/news/2017/06/07/fact-terrorists-will-sometimes-slip-intelligence-net/"} {
		if !strings.Contains(out, want) {
			t.Errorf("show output lacks %q", want)
		}
	}
	raw, _, _ := run(t, "show", "--raw", "2017-06-07-intelligence-is-fragmented-by-nature")
	if !strings.HasPrefix(raw, "# Intelligence is fragmented by nature") {
		t.Errorf("--raw does not print Markdown: %.80q", raw)
	}
	if _, errOut, code := run(t, "show", "no-such-piece"); code == 0 || !strings.Contains(errOut, "no piece with id") {
		t.Errorf("unknown id: exit %d, %q", code, errOut)
	}
	// Every line is padded to the width: --width 200000000 ran out of memory.
	if out, errOut, code := run(t, "show", "--width", "20000", "2017-06-07-intelligence-is-fragmented-by-nature"); code == 0 ||
		!strings.Contains(errOut, "at most 10000 columns") || out != "" {
		t.Errorf("--width 20000: exit %d, %q, %d bytes out", code, errOut, len(out))
	}
	// 0 and less were taken silently, 3 broke the header a character a
	// line (a helper's report)
	for _, w := range []string{"0", "-5", "3", "19"} {
		if out, errOut, code := run(t, "show", "--width", w, "2017-06-07-intelligence-is-fragmented-by-nature"); code == 0 ||
			!strings.Contains(errOut, "--width "+w+": at least 20 columns") || out != "" {
			t.Errorf("--width %s: exit %d, %q, %d bytes out", w, code, errOut, len(out))
		}
	}
	if _, errOut, code := run(t, "show", "--width", "20", "2017-06-07-intelligence-is-fragmented-by-nature"); code != 0 {
		t.Errorf("--width 20: exit %d, %q", code, errOut)
	}
}

func TestCheckNamesEveryBadFile(t *testing.T) {
	out, _, code := run(t, "check", "../testdata/bad")
	if code != 1 {
		t.Errorf("check exit = %d, want 1", code)
	}
	for _, want := range []string{
		"../testdata/bad/bad-date.md:4: unparseable date",
		"../testdata/bad/binary.md:5: not a text file",
		"../testdata/bad/broken-yaml.md:4: invalid front matter",
		"../testdata/bad/javascript-url.md:4: url: not an http(s) URL",
		"../testdata/bad/latin1.md:5: invalid UTF-8",
		"../testdata/bad/missing-title.md:1: missing title",
		"../testdata/bad/no-front-matter.md:1: no front matter",
		"../testdata/bad/unclosed.md:1: front matter is not closed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	out, _, code = run(t, "check")
	if code != 0 || !strings.Contains(out, "bundled: 24 pieces, no problems") {
		t.Errorf("check of the bundled archive: exit %d, %q", code, out)
	}
}

// A file's name never reads as another file's line, nor as another
// file: one holding ":3: " is quoted, and one with a character that looks
// like a space or a slash has it escaped (an attack's report: a file named
// "good.md:3: unparseable date: cut.md" beside good.md made check print
// "arc15/good.md:3: unparseable date: cut.md:1: missing date"; a braille
// blank read as a space, a division slash as a folder).
func TestCheckNamesNoFileAsAnother(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"good.md:3: unparseable date: cut.md", "plain\u2800report.md", "dir\u2215sub.md", "plain report.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: T\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, code := run(t, "check", dir)
	if code != 1 {
		t.Errorf("check exit = %d, want 1", code)
	}
	for _, want := range []string{
		strconv.Quote(filepath.Join(dir, "good.md:3: unparseable date: cut.md")) + ":1: missing date",
		`"` + dir + `/plain\u2800report.md":1: missing date`,
		`"` + dir + `/dir\u2215sub.md":1: missing date`,
		dir + "/plain report.md:1: missing date",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\u2800\u2215") {
		t.Errorf("check printed a look-alike raw:\n%s", out)
	}
}

func TestMixedArchiveListsTheGoodOnes(t *testing.T) {
	out, errOut, code := run(t, "--archive", "../testdata/mixed", "list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Foreign fighters come home", "Why deradicalisation programmes need patience", "A piece with a hostile link"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "5 file(s) skipped") {
		t.Errorf("stderr = %q, want the skipped count", errOut)
	}
}

func TestHugoAndJekyllFoldersOpenAsTheyAre(t *testing.T) {
	out, _, _ := run(t, "--archive", "../testdata/hugo", "list", "--json")
	var pieces []articleJSON
	if err := json.Unmarshal([]byte(out), &pieces); err != nil || len(pieces) != 3 {
		t.Fatalf("hugo: %v, %d pieces", err, len(pieces))
	}
	p := pieces[2]
	if p.Title != "The threat has evolved" || p.Outlet != "The Telegraph" || p.Date != "2017-07-07" ||
		strings.Join(p.Authors, ",") != "Raffaello Pantucci" || p.URL != "https://example.com/threat-evolved" ||
		strings.Join(p.Tags, ",") != "counter-terrorism,7/7,prevent" {
		t.Errorf("hugo TOML post = %+v", p)
	}
	out, errOut, _ := run(t, "--archive", "../testdata/jekyll", "list")
	if strings.Count(strings.TrimSpace(out), "\n") != 2 || !strings.Contains(out, "Brussels and the network behind Paris") ||
		!strings.Contains(out, "New Year Resolutions") || strings.Contains(out, "Unfinished") || errOut != "" {
		t.Errorf("jekyll: want the three posts (not the draft, not the hidden file), got:\n%s%s", out, errOut)
	}
	// Section pages are not problems: check passes and counts them.
	for _, dir := range []string{"../testdata/hugo", "../testdata/zola"} {
		out, errOut, code := run(t, "check", dir)
		if code != 0 || !strings.Contains(out, "no problems (2 section page(s), draft(s) or other file(s) the site does not publish as pages are not pieces)") || strings.Contains(out, "_index") {
			t.Errorf("check %s: exit %d: %s%s", dir, code, out, errOut)
		}
		if _, errOut, _ := run(t, "--archive", dir, "list"); errOut != "" {
			t.Errorf("list %s: stderr %q", dir, errOut)
		}
	}
}

func TestStateOfTheUnionCorpusLoads(t *testing.T) {
	dir, ix := sotuIndexed(t)
	out, _, code := run(t, "check", dir)
	if code != 0 || !strings.Contains(out, "233 pieces, no problems") {
		t.Fatalf("check sotu: exit %d: %s", code, out)
	}
	out, _, _ = runIndexed(t, ix, "--archive", dir, "list", "--json")
	var pieces []articleJSON
	if err := json.Unmarshal([]byte(out), &pieces); err != nil {
		t.Fatal(err)
	}
	if last := pieces[len(pieces)-1]; last.Date != "1790" || last.DatePrecision != "year" {
		t.Errorf("oldest address = %s (%s), want 1790 (year)", last.Date, last.DatePrecision)
	}
}

// TestHostileArchiveThroughTheCLI: folio check names every hostile file, and
// list --json lists the rest with sanitised text.
func TestHostileArchiveThroughTheCLI(t *testing.T) {
	dir := t.TempDir()
	cases, err := hostile.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "check", dir)
	if code != 1 {
		t.Errorf("check exit %d, want 1", code)
	}
	for _, c := range cases {
		if c.Msg != "" && !strings.Contains(out, c.Msg) {
			t.Errorf("check does not report %s (%q)", c.Path, c.Msg)
		}
	}
	out, _, code = run(t, "--archive", dir, "list", "--json")
	if code != 0 {
		t.Fatalf("list exit %d", code)
	}
	var pieces []articleJSON
	if err := json.Unmarshal([]byte(out), &pieces); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range pieces {
		ids[p.ID] = true
	}
	for _, want := range []string{hostile.Good, "injection", "long-front-matter"} {
		if !ids[want] {
			t.Errorf("list --json lacks %q", want)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07\x08\u009b\u202e") || strings.Contains(out, `\u001b`) {
		t.Error("list --json carries control characters")
	}
	for _, args := range [][]string{
		{"list"}, {"show", "injection"}, {"show", "--raw", "injection"},
		{"search", "tabbed bell"}, {"search", "--json", "tabbed bell"},
	} {
		out, _, _ := run(t, append([]string{"--archive", dir}, args...)...)
		if args[0] == "search" && !strings.Contains(out, "injection") {
			t.Errorf("%v does not find the piece:\n%s", args, out)
		}
		if strings.ContainsAny(out, "\x1b\x07\x08\u009b\u202e") || strings.Contains(out, `\u001b`) {
			t.Errorf("%v output carries control characters", args)
		}
	}
}

// A piece longer than the index takes is named by check and index, and
// every search says that matches past the cut are not counted (the
// cached search as well as the one that builds the index).
func TestCutPiecesAreNamed(t *testing.T) {
	arch, idx := t.TempDir(), t.TempDir()
	long := "---\ntitle: Long\ndate: 2020-01-01\n---\n" + strings.Repeat("word ", 210_000) + "quokka\n"
	short := "---\ntitle: Short\ndate: 2020-01-02\n---\nA quokka.\n"
	for name, text := range map[string]string{"long.md": long, "short.md": short} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runIn := func(args ...string) (string, string, int) {
		t.Helper()
		var out, errb bytes.Buffer
		root := NewRoot("test", &Env{Out: &out, Err: &errb, In: strings.NewReader("")})
		root.SetArgs(append([]string{"--index-dir", idx, "--archive", arch}, args...))
		code := 0
		if err := root.Execute(); err != nil {
			code = 1
		}
		return out.String(), errb.String(), code
	}
	out, _, code := runIn("check")
	if code != 1 || !strings.Contains(out, "long.md: only the first 200000 words are searchable") || strings.Contains(out, "short.md") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	for _, run := range []string{"building the index", "cached"} {
		out, errs, code := runIn("search", "quokka")
		if code != 0 || !strings.Contains(errs, "1 piece(s) are searchable in their first 200000 words only") || !strings.Contains(out, "Short") {
			t.Errorf("search (%s): exit %d\n%s\n%s", run, code, out, errs)
		}
		if out, _, _ := runIn("index"); !strings.Contains(out, "1 piece(s) loaded with a note") || strings.Contains(out, "skipped") {
			t.Errorf("index:\n%s", out)
		}
	}
}

// A piece the index keeps whose file cannot be read (its permissions taken
// away) is found by search, and show says its file cannot be read, not
// that there is no such piece. Root reads every file, so as root (as CI
// runs) the test runs again as nobody (a helper's report: it was skipped,
// so never ran).
func TestShowUnreadablePieceSaysSo(t *testing.T) {
	if ranAsNobody(t) {
		return
	}
	dir, idx := t.TempDir(), t.TempDir()
	for name, word := range map[string]string{"a.md": "alphaword", "b.md": "betaword"} {
		body := "---\ntitle: " + name + "\ndate: 2017-01-01\n---\nText " + word + ".\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, code := runIndexed(t, idx, "--archive", dir, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	if err := os.Chmod(filepath.Join(dir, "b.md"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "b.md"), 0o644)
	if out, errOut, code := runIndexed(t, idx, "--archive", dir, "search", "betaword"); code != 0 || !strings.Contains(out, "1 of 1") {
		t.Errorf("search betaword: %d\n%s%s", code, out, errOut)
	}
	for _, arg := range []string{"b", "b.md", filepath.Join(dir, "b.md")} {
		_, errOut, code := runIndexed(t, idx, "--archive", dir, "show", arg)
		if code == 0 || !strings.Contains(errOut, "cannot be read") || !strings.Contains(errOut, "permission denied") {
			t.Errorf("show %s: %d %q, want its file named unreadable", arg, code, errOut)
		}
	}
}

// An unreadable file whose piece's id is its name suffixed (my_note.md
// beside my-note.md) is said to be unreadable as a bare one is, not "not
// a piece" (a helper's report).
func TestShowUnreadableSuffixedPieceSaysSo(t *testing.T) {
	if ranAsNobody(t) {
		return
	}
	dir, idx := t.TempDir(), t.TempDir()
	for _, name := range []string{"my-note.md", "my_note.md"} {
		body := "---\ntitle: " + name + "\ndate: 2017-01-01\n---\nText.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, code := runIndexed(t, idx, "--archive", dir, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	if err := os.Chmod(filepath.Join(dir, "my_note.md"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "my_note.md"), 0o644)
	for _, arg := range []string{"my_note.md", filepath.Join(dir, "my_note.md")} {
		_, errOut, code := runIndexed(t, idx, "--archive", dir, "show", arg)
		if code == 0 || !strings.Contains(errOut, "piece my-note-") || !strings.Contains(errOut, "is in the index, but its file cannot be read") {
			t.Errorf("show %s: %d %q, want its file named unreadable", arg, code, errOut)
		}
	}
}

// import --max-new N adds the newest N items and says how many it left
// and how to get them (a helper's report: 8,000 items wrote 8,000 files).
func TestImportSaysWhatItLeft(t *testing.T) {
	into := t.TempDir()
	out, errOut, code := run(t, "import", "../testdata/feeds/rss.xml", "--into", into, "--max-new", "1")
	if code != 0 || !strings.Contains(out, "1 added") || !strings.Contains(out, "older new items left (--max-new caps the files a run adds): run it again for the next, or give --max-new 0 for all") {
		t.Errorf("exit %d: %s%s", code, out, errOut)
	}
	out, _, _ = run(t, "import", "../testdata/feeds/rss.xml", "--into", into, "--max-new", "0")
	if strings.Contains(out, "left") || !strings.Contains(out, "1 unchanged") {
		t.Errorf("--max-new 0: %s", out)
	}
}

// folio index whose cache cannot be written (a full disk, a folder it may
// not write; here a path under a file) builds the index in memory, says
// so, and exits 1: its job, the cache, is not done (a helper's report: it
// exited 0, and a script could not tell).
func TestIndexExitsOneWhenTheCacheIsNotWritten(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: A\ndate: 2020-01-01\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runIndexed(t, filepath.Join(file, "cache"), "--archive", dir, "index")
	if code != 1 || !strings.Contains(errOut, "index cache not used") || !strings.Contains(out, "index in memory") {
		t.Errorf("cache not written: exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code := runIndexed(t, t.TempDir(), "--archive", dir, "index"); code != 0 {
		t.Errorf("cache written: exit %d %s", code, errOut)
	}
}

// signalWriter is a stderr that closes seen once what it waits for is
// written.
type signalWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	seen chan struct{}
}

func (w *signalWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(b)
	if w.seen != nil && strings.Contains(w.buf.String(), w.want) {
		close(w.seen)
		w.seen = nil
	}
	return len(b), nil
}

// folio index that waits for another folio's update says that folio
// updated the index, and what it did, not "unchanged … 0 removed" (a
// helper's report: the user's deletions, taken in by the other, were
// said nowhere).
func TestIndexAfterWaitingSaysWhatTheOtherDid(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	// links to files written long ago: settled (a file changed within
	// index.RacyWindow is read again at the next update)
	sotu := testcorpus.Dir(t, "sotu")
	for n, f := range map[string]string{"a": "1790_george_washington_n.md", "b": "1791_george_washington_n.md", "c": "1792_george_washington_n.md"} {
		if err := os.Symlink(filepath.Join(sotu, f), filepath.Join(dir, n+".md")); err != nil {
			t.Skip("no links:", err)
		}
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	os.Remove(filepath.Join(dir, "b.md"))
	os.Remove(filepath.Join(dir, "c.md"))
	name, _ := filepath.Abs(dir)
	t.Setenv("FOLIO_ARCHIVE", "")
	type result struct {
		out, errOut string
		err         error
	}
	finished := make(chan result, 1)
	waiting := make(chan struct{})
	var once sync.Once
	// the other folio: while it holds the writer's lock, this folio's
	// folio index starts, and waits for it
	other, err := index.Open(context.Background(), name, os.DirFS(name), index.Options{Dir: ixDir, Progress: func(int, int) {
		once.Do(func() {
			go func() {
				var out bytes.Buffer
				errw := &signalWriter{want: "waiting for it to finish", seen: waiting}
				root := NewRoot("test", &Env{Out: &out, Err: errw, In: strings.NewReader("")})
				root.SetArgs([]string{"--index-dir", ixDir, "--archive", dir, "index"})
				err := root.Execute()
				errw.mu.Lock()
				finished <- result{out.String(), errw.buf.String(), err}
				errw.mu.Unlock()
			}()
			<-waiting
		})
	}})
	if err != nil {
		t.Fatal(err)
	}
	if st := other.Stats(); st.Removed != 2 {
		t.Errorf("the other folio's update: %+v", st)
	}
	other.Close()
	r := <-finished
	if r.err != nil || !strings.Contains(r.out, ": updated by another folio while this one waited: 1 piece (0 indexed, 2 removed) in ") {
		t.Errorf("%v\n%s%s", r.err, r.out, r.errOut)
	}
}

// folio index and search on an archive changed while the cache's index
// cannot take the change (its folder made read-only, as a full disk
// refuses it) search the index as it was and say so; index says "not
// updated" and exits 1 (before, every command built the whole index in
// memory). As root (as CI runs) the test runs again as nobody.
func TestCacheNotWritableShowsTheIndexAsItWas(t *testing.T) {
	cacheNotWritable(t, false)
}

// So too when the writer's lock file cannot be opened to write.
func TestCacheLockNotWritableShowsTheIndexAsItWas(t *testing.T) {
	cacheNotWritable(t, true)
}

// ranAsNobody runs the test t again as nobody when it runs as root, who
// writes any file (a test of what cannot be written): true when it did,
// and the caller returns; it fails t when the child did not pass.
func ranAsNobody(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	out, err := childtest.RunAsNobody(t, "FOLIO_CLI_TEST_AS_NOBODY", "1")
	if err != nil || !strings.Contains(out, "--- PASS: "+t.Name()+" ") {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	return true
}

func cacheNotWritable(t *testing.T, lockToo bool) {
	if ranAsNobody(t) {
		return
	}
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, idx := t.TempDir(), t.TempDir()
	write := func(name, word string) {
		body := "---\ntitle: " + name + "\ndate: 2017-01-01\n---\nText " + word + ".\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "alphaword")
	if _, errOut, code := runIndexed(t, idx, "--archive", dir, "index"); code != 0 {
		t.Fatalf("index: %d %s", code, errOut)
	}
	write("b.md", "betaword")
	if err := os.Chmod(idx, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(idx, 0o755)
	if lockToo {
		// the writer's lock file too, as chmod -R a-w leaves it (a
		// helper's report: "index cache not used (open …/lock:
		// permission denied): index kept in memory" at every command)
		lock := filepath.Join(idx, "lock")
		if err := os.Chmod(lock, 0o444); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(lock, 0o644)
	}
	out, errOut, code := runIndexed(t, idx, "--archive", dir, "index")
	if code != 1 || !strings.Contains(out, "not updated: 1 piece") || !strings.Contains(errOut, "as it was") || strings.Contains(out, "memory") {
		t.Errorf("index: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runIndexed(t, idx, "--archive", dir, "search", "alphaword")
	if code != 0 || !strings.Contains(out, "1 of 1") || !strings.Contains(errOut, "as it was") {
		t.Errorf("search: exit %d\n%s%s", code, out, errOut)
	}
	os.Chmod(idx, 0o755)
	os.Chmod(filepath.Join(idx, "lock"), 0o644)
	if out, errOut, code := runIndexed(t, idx, "--archive", dir, "index"); code != 0 || !strings.Contains(out, "2 pieces") {
		t.Errorf("index with the cache writable: exit %d\n%s%s", code, out, errOut)
	}
}
