package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
	"github.com/folio-tui/folio/state"
)

// copyBundled writes the bundled archive's files into a new folder.
func copyBundled(t *testing.T) string {
	t.Helper()
	return testcorpus.CopyFS(t, archive.Bundled())
}

var (
	citedKey   = regexp.MustCompile(`(?m)^@\w+\{([^,]+),$`)
	citedTitle = regexp.MustCompile(`(?m)^  title *= \{(.*)\},$`)
)

// keysByTitle cites the whole archive in dir and returns each piece's key
// by its title.
func keysByTitle(t *testing.T, home, dir string) map[string]string {
	t.Helper()
	out, errs, err := folio(t, home, "--archive", dir, "cite", "--all", "--format", "bibtex", "--accessed", "2026-01-01")
	if err != nil {
		t.Fatalf("%v: %s", err, errs)
	}
	keys := map[string]string{}
	for _, entry := range strings.Split(out, "\n\n") {
		m, title := citedKey.FindStringSubmatch(entry), citedTitle.FindStringSubmatch(entry)
		if m == nil || title == nil {
			t.Fatalf("no key or title in %q", entry)
		}
		// the title as written: bibtex braces words for their case ("{Isil’s}")
		keys[strings.NewReplacer("{", "", "}", "").Replace(title[1])] = m[1]
	}
	return keys
}

func sameKeys(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for title, k := range before {
		if after[title] != k {
			t.Errorf("%s: %s was %s, now %s", what, title, k, after[title])
		}
	}
}

// TestCiteKeysDoNotMove: through the real CLI on a copy of the bundled
// archive, adding an earlier piece that shares a key, renaming files (the
// two October 2017 Independent interviews, swapped in name order) and
// moving one into a subfolder change no key already given; a fresh state
// (a second researcher) gets the same keys from the renamed files as from
// the originals; a pinned key is used, and one pinned twice is reported.
func TestCiteKeysDoNotMove(t *testing.T) {
	dir := copyBundled(t)
	home := t.TempDir()
	before := keysByTitle(t, home, dir)
	raqqa := "It’s not Isil’s returning terrorists we should worry about. It’s those who are already here"
	if before[raqqa] != "pantucci2017isil" {
		t.Fatalf("raqqa keyed %q; keys %v", before[raqqa], before)
	}

	// Rename the two Independent interviews so that their names sort the
	// other way, and move the Raqqa piece into a subfolder.
	var independent []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if strings.Contains(filepath.Base(p), "-independent-") {
			independent = append(independent, p)
		}
		return nil
	})
	if len(independent) != 2 {
		t.Fatalf("independent interviews: %v", independent)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Rename(independent[0], filepath.Join(filepath.Dir(independent[0]), "zz-first.md")))
	must(os.Rename(independent[1], filepath.Join(filepath.Dir(independent[1]), "aa-second.md")))
	must(os.MkdirAll(filepath.Join(dir, "moved", "deeper"), 0o755))
	must(os.Rename(filepath.Join(dir, raqqaID+".md"), filepath.Join(dir, "moved", "deeper", "raqqa.md")))
	sameKeys(t, "renamed and moved", before, keysByTitle(t, home, dir))
	sameKeys(t, "renamed and moved, first run", before, keysByTitle(t, t.TempDir(), dir))

	// An earlier piece with the same author, year and first title word.
	must(os.WriteFile(filepath.Join(dir, "2017-03-01-isil-decline.md"), []byte("---\ntitle: \"Isil and the caliphate in decline\"\ndate: 2017-03-01\noutlet: RUSI\nauthors: [Raffaello Pantucci]\n---\nx\n"), 0o644))
	after := keysByTitle(t, home, dir)
	sameKeys(t, "added an earlier piece", before, after)
	if k := after["Isil and the caliphate in decline"]; k != "pantucci2017isila" {
		t.Errorf("the added piece is keyed %s", k)
	}
	// The reader's keys and folio quotes' are the same (ui and quotes
	// tests); folio cite of one piece agrees with --all.
	out, _, err := folio(t, home, "--archive", dir, "cite", "moved/deeper/raqqa", "--format", "bibtex")
	if err != nil || !strings.HasPrefix(out, "@article{pantucci2017isil,\n") {
		t.Errorf("cite one: %v %s", err, out)
	}

	// Pinned keys: used as written; one pinned by two files is the
	// earlier one's, and reported naming both (a helper's report: neither
	// had it, and a piece pinning nothing could be given it).
	must(os.WriteFile(filepath.Join(dir, "pinned.md"), []byte("---\ntitle: Pinned piece\ndate: 2019-01-01\nauthors: [Ann Smith]\ncitekey: smith:pinned\n---\nx\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "twice-a.md"), []byte("---\ntitle: Twice A\ndate: 2019-01-01\nauthors: [Bo Jones]\ncitation-key: twice\n---\nx\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "twice-b.md"), []byte("---\ntitle: Twice B\ndate: 2019-02-01\nauthors: [Cy Jones]\ncitekey: twice\n---\nx\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\ntitle: Bad Pin\ndate: 2019-01-01\nauthors: [Di Poe]\ncitekey: \"has space}\"\n---\nx\n"), 0o644))
	out, errs, err := folio(t, home, "--archive", dir, "cite", "pinned", "twice-a", "twice-b", "bad", "--format", "bibtex")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range citedKey.FindAllStringSubmatch(out, -1) {
		keys = append(keys, m[1])
	}
	if strings.Join(keys, " ") != "smith:pinned twice jones2019twice poe2019bad" {
		t.Errorf("keys %v", keys)
	}
	if !strings.Contains(errs, "twice-a.md") || !strings.Contains(errs, "twice-b.md") || !strings.Contains(errs, "pinned by 2 pieces (twice-a.md, twice-b.md); twice-a.md is cited by it") {
		t.Errorf("the twice-pinned key is not reported by file:\n%s", errs)
	}
	// a pinned key that is no key is said too, with the index and
	// without it (by file name), and by --all (a helper's report: it was
	// replaced silently)
	for _, args := range [][]string{{"cite", "bad"}, {"cite", "bad.md"}, {"cite", "--all"}} {
		_, errs, err := folio(t, home, append([]string{"--archive", dir}, args...)...)
		if err != nil || !strings.Contains(errs, `warning: bad.md:5: citekey "has space}" is not a citation key`) {
			t.Errorf("%v: %v, warnings:\n%s", args, err, errs)
		}
	}
	// folio check notes the piece refused the key, by the ledger, and
	// the index (whose problems are the reader's !) both pieces, and stop
	// once the pin is mended
	pinNotes := func(out string) int {
		return strings.Count(out, "citekey twice is pinned by 2 pieces (twice-a.md, twice-b.md)")
	}
	out, _, err = folio(t, home, "check", dir)
	if n := strings.Count(out, "twice-b.md:5: citekey twice was given to twice-a before"); n != 1 || err == nil || strings.Contains(out, "twice-a.md:") {
		t.Errorf("folio check noted the twice-pinned key on %d pieces (err %v), want twice-b.md and a failure:\n%s", n, err, out)
	}
	indexDir := t.TempDir()
	noted := func() (int, string) {
		t.Helper()
		probs, out := indexProblems(t, home, dir, indexDir)
		return pinNotes(probs), out
	}
	if n, out := noted(); n != 2 {
		t.Errorf("the index notes the twice-pinned key on %d pieces, want 2:\n%s", n, out)
	}
	must(os.WriteFile(filepath.Join(dir, "twice-b.md"), []byte("---\ntitle: Twice B\ndate: 2019-02-01\nauthors: [Cy Jones]\ncitekey: once\n---\nx\n"), 0o644))
	if n, out := noted(); n != 0 {
		t.Errorf("mended, the index still notes the pin on %d pieces:\n%s", n, out)
	}

	// A piece added later that pins a key the ledger holds for another
	// (smith:pinned, cited above) does not take it; cite warns and check
	// lists it.
	must(os.WriteFile(filepath.Join(dir, "late-pin.md"), []byte("---\ntitle: Late pin\ndate: 2020-01-01\nauthors: [Ed Late]\ncitekey: smith:pinned\n---\nx\n"), 0o644))
	out, errs, err = folio(t, home, "--archive", dir, "cite", "pinned", "late-pin", "--format", "bibtex")
	if keys := citedKey.FindAllStringSubmatch(out, -1); err != nil || len(keys) != 2 || keys[0][1] != "smith:pinned" || keys[1][1] != "late2020late" {
		t.Errorf("a late pin of a recorded key: %v %v", err, keys)
	}
	late := "late-pin.md:5: citekey smith:pinned was given to pinned before" // the index keeps the key's line
	if !strings.Contains(errs, late) {
		t.Errorf("no warning %q:\n%s", late, errs)
	}
	// (folio check reads the files: it names the key's line too)
	if out, _, err := folio(t, home, "check", dir); err == nil || !strings.Contains(out, "late-pin.md:5: citekey smith:pinned was given to pinned before") {
		t.Errorf("folio check (err %v) does not list the late pin:\n%s", err, out)
	}
	// folio check reads the ledger and changes nothing: a corrupt one is
	// said and left where it is (before, it was set aside, quietly)
	ledgers, _ := filepath.Glob(filepath.Join(home, "folio", "*.citekeys.json"))
	if len(ledgers) != 1 {
		t.Fatalf("ledgers %v", ledgers)
	}
	must(os.WriteFile(ledgers[0], []byte(`{"keys": [`), 0o600))
	_, errs, _ = folio(t, home, "check", dir)
	if !strings.Contains(errs, "warning: citation keys file "+ledgers[0]) {
		t.Errorf("no warning for the corrupt ledger:\n%s", errs)
	}
	if data, err := os.ReadFile(ledgers[0]); err != nil || string(data) != `{"keys": [` {
		t.Errorf("the corrupt ledger was moved or changed: %v", err)
	}
}

// A key pinned by many pieces: folio cite names five notes and counts the
// rest, not a line for each piece at every citation.
func TestCiteWarnsAboutManyPinsBriefly(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	for i := range 40 {
		p := filepath.Join(dir, fmt.Sprintf("p%02d.md", i))
		if err := os.WriteFile(p, fmt.Appendf(nil, "---\ntitle: Piece %d\ndate: 2019-01-01\nauthors: [Ann Smith]\ncitekey: smith2019\n---\nx\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the first time, all 40 pieces are noted; then the ledger gives p00
	// the key, and the 39 others are
	for i, args := range [][]string{{"cite", "p07"}, {"cite", "p07.md"}} { // from the index, and by file name from the archive
		_, errs, err := folio(t, home, append([]string{"--archive", dir}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(errs, "\n"); n != maxKeyWarnings+1 || !strings.Contains(errs, fmt.Sprintf("and %d more notes on pinned citation keys", 35-i)) {
			t.Errorf("%v: %d lines of warnings:\n%s", args, n, errs)
		}
	}
}

// folio show and folio cite of a piece named by its id read it through the
// index (as the reader does); named by its file, they read the whole
// archive. Both ways give the same page and the same citation, key
// included, for every piece of the bundled archive. The commands share one
// index, which the archive's files, unchanged, leave current (an index
// built for each of the 96 commands took 12–14 s).
func TestShowAndCiteByIDAsByFile(t *testing.T) {
	home, dir, ix := t.TempDir(), copyBundled(t), t.TempDir()
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arch.Articles {
		for _, cmd := range [][]string{{"show"}, {"cite", "--format", "bibtex", "--accessed", "2026-01-01"}} {
			byID, errs, err := folio(t, home, append([]string{"--index-dir", ix, "--archive", dir, cmd[0], a.ID}, cmd[1:]...)...)
			if err != nil {
				t.Fatalf("%s %s: %v %s", cmd[0], a.ID, err, errs)
			}
			byFile, errs, err := folio(t, home, append([]string{"--index-dir", ix, "--archive", dir, cmd[0], a.Path}, cmd[1:]...)...)
			if err != nil {
				t.Fatalf("%s %s: %v %s", cmd[0], a.Path, err, errs)
			}
			if byID != byFile || byID == "" {
				t.Errorf("%s: by id\n%s\nby file\n%s", cmd[0], byID, byFile)
			}
		}
	}
}

// A key printed while the ledger cannot be written is said to be
// unrecorded, and that another piece may be given it (a helper's report: a
// key printed on a full disk went to another piece later, and the warning
// did not say it could).
func TestCiteSaysKeysNotRecorded(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "late.md"), []byte("---\ntitle: Terror late\ndate: 2019-06-01\nauthors: [Ann Smith]\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	arch, _, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_STATE_HOME", home)
	ledger, err := state.OpenCiteKeys(arch.Name, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(ledger.Path(), 0o755); err != nil { // no file can be written there
		t.Fatal(err)
	}
	out, errs, err := folio(t, home, "--archive", dir, "cite", "late", "--format", "bibtex")
	if err != nil || !strings.Contains(out, "smith2019terror") || !strings.Contains(errs, "not recorded") ||
		!strings.Contains(errs, "another piece may be given one later") {
		t.Errorf("cite with the ledger unwritable: %v\n%s\n%s", err, out, errs)
	}
}

// A piece named twice, or by its id and by its file, is cited once: two
// entries with one key are an error to BibTeX and CSL processors (a
// helper's report).
func TestCiteNamesEachPieceOnce(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p19.md"), []byte("---\ntitle: Once\ndate: 2019-01-01\nauthors: [Ann Smith]\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p20.md"), []byte("---\ntitle: Twice\ndate: 2019-01-01\nauthors: [Bo Jones]\n---\nx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"bibtex", "csl-json"} {
		out, errs, err := folio(t, home, "--archive", dir, "cite", "-f", format, "p19", "p20", "p19", "p19.md", filepath.Join(dir, "p19.md"))
		if err != nil {
			t.Fatal(err, errs)
		}
		if n, m := strings.Count(out, "smith2019once"), strings.Count(out, "jones2019twice"); n != 1 || m != 1 || strings.Index(out, "smith2019once") > strings.Index(out, "jones2019twice") {
			t.Errorf("%s: smith2019once %d times, jones2019twice %d times:\n%s", format, n, m, out)
		}
	}
}

// A pin changed to a key that is no key leaves the piece the key the
// ledger gave it, and the warning says so (a helper's report: it said "a
// generated key is used" and printed the old key).
func TestBadPinKeepsTheGivenKeyAndSaysSo(t *testing.T) {
	home, dir := t.TempDir(), t.TempDir()
	p := filepath.Join(dir, "p.md")
	pin := func(k string) (string, string) {
		t.Helper()
		if err := os.WriteFile(p, []byte("---\ntitle: Pinned\ndate: 2020-05-01\nauthors: [Ann Smith]\ncitekey: "+k+"\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errs, err := folio(t, home, "--archive", dir, "cite", "-f", "bibtex", "p")
		if err != nil {
			t.Fatal(err, errs)
		}
		return out, errs
	}
	if out, _ := pin("mykey"); !strings.HasPrefix(out, "@misc{mykey,") {
		t.Fatalf("pinned: %s", out)
	}
	out, errs := pin(`"a%b"`)
	if !strings.HasPrefix(out, "@misc{mykey,") || strings.Contains(errs, "a generated key is used") || !strings.Contains(errs, "by the key folio gave it before") {
		t.Errorf("pin changed to no key: %s%s", out, errs)
	}
}

// A piece whose byline folio now reads otherwise keeps the key its ledger
// records ("Ann, Bo and Cy Lee" was keyed by "Ann", and is now three Lees,
// keyed lee…); a second researcher, with no ledger, gets the new key.
func TestLedgerKeyOutlivesANewReadingOfTheByline(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "lists.md"), []byte("---\ntitle: Lists\nauthor: Ann, Bo and Cy Lee\ndate: 2020-01-02\noutlet: The Times\n---\n\nBody.\n"), 0o600))
	cite := func() string {
		t.Helper()
		out, errs, err := folio(t, home, "--archive", dir, "cite", "--all", "--format", "bibtex", "--accessed", "2026-01-01")
		if err != nil {
			t.Fatalf("%v: %s", err, errs)
		}
		return out
	}
	out := cite()
	if !strings.Contains(out, "{lee2020lists,") || !strings.Contains(out, "author       = {Lee, Ann and Lee, Bo and Lee, Cy},") {
		t.Fatalf("a first citation:\n%s", out)
	}
	// the ledger as the folio that read "Ann, Bo" as one name wrote it
	ledgers, _ := filepath.Glob(filepath.Join(home, "folio", "*.citekeys.json"))
	if len(ledgers) != 1 {
		t.Fatalf("ledgers %v", ledgers)
	}
	data, err := os.ReadFile(ledgers[0])
	must(err)
	if !strings.Contains(string(data), `"lee2020lists"`) {
		t.Fatalf("ledger:\n%s", data)
	}
	must(os.WriteFile(ledgers[0], []byte(strings.ReplaceAll(string(data), `"lee2020lists"`, `"ann2020lists"`)), 0o600))
	if out := cite(); !strings.Contains(out, "{ann2020lists,") || !strings.Contains(out, "{Lee, Ann and Lee, Bo and Lee, Cy}") {
		t.Errorf("with the ledger's key ann2020lists:\n%s", out)
	}
	if out, _, err := folio(t, t.TempDir(), "--archive", dir, "cite", "--all", "--format", "bibtex"); err != nil || !strings.Contains(out, "{lee2020lists,") {
		t.Errorf("without a ledger (%v):\n%s", err, out)
	}
}

// TestPinConflictSaysEachKeyAtItsLine: two files pinning one key in
// different case (one key to BibTeX) are each told of it at their file's
// line of the key, by the key as that file writes it, by folio check
// and by the index's problems (a researcher's report: both notes had no
// line and said lee2024, b4.md's too, which writes LEE2024).
func TestPinConflictSaysEachKeyAtItsLine(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	for name, text := range map[string]string{
		"b3.md": "---\ntitle: B three\ndate: 2024-01-01\ncitekey: lee2024\n---\nBody three.\n",
		"b4.md": "---\ntitle: B four\ndate: 2024-02-01\nauthors: [Ann Lee]\ncitekey: LEE2024\n---\nBody four.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := folio(t, home, "check", dir)
	for _, want := range []string{
		filepath.Join(dir, "b3.md") + ":4: citekey lee2024 is pinned by 2 pieces (b3.md, b4.md); b3.md is cited by it",
		filepath.Join(dir, "b4.md") + ":5: citekey LEE2024 is pinned by 2 pieces (b3.md, b4.md); b3.md is cited by it",
	} {
		if err == nil || !strings.Contains(out, want+" ") {
			t.Errorf("folio check (err %v) does not say\n%s\nin:\n%s", err, want, out)
		}
	}
	probs, _ := indexProblems(t, home, dir, t.TempDir())
	for _, want := range []string{
		"b3.md:4: citekey lee2024 is pinned by 2 pieces (b3.md, b4.md); one of them is cited by it",
		"b4.md:5: citekey LEE2024 is pinned by 2 pieces (b3.md, b4.md); one of them is cited by it",
	} {
		if !strings.Contains(probs, want+" ") {
			t.Errorf("the index's problems do not say\n%s\nin:\n%s", want, probs)
		}
	}
}

// folio cite from the index names each file and the line of its key in
// the notes on a key pinned twice, as folio check and the index's problems
// do (TestPinConflictSaysEachKeyAtItsLine): it said "b3.md: citekey …",
// the index storing no line (schema 341). With --all, then for one piece
// once the ledger has given the key.
func TestCiteFromTheIndexSaysEachKeyAtItsLine(t *testing.T) {
	dir, home, idx := t.TempDir(), t.TempDir(), t.TempDir()
	for name, text := range map[string]string{
		"b3.md": "---\ntitle: B three\ndate: 2024-01-01\ncitekey: lee2024\n---\nBody three.\n",
		"b4.md": "---\ntitle: B four\ndate: 2024-02-01\nauthors: [Ann Lee]\ncitekey: LEE2024\n---\nBody four.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	indexProblems(t, home, dir, idx) // the index cite reads
	_, errs, err := folio(t, home, "--archive", dir, "--index-dir", idx, "cite", "--all")
	if err != nil {
		t.Fatal(err, errs)
	}
	for _, want := range []string{
		"folio: warning: b3.md:4: citekey lee2024 is pinned by 2 pieces (b3.md, b4.md); b3.md is cited by it",
		"folio: warning: b4.md:5: citekey LEE2024 is pinned by 2 pieces (b3.md, b4.md); b3.md is cited by it",
	} {
		if !strings.Contains(errs, want+" ") {
			t.Errorf("cite --all does not say\n%s\nin:\n%s", want, errs)
		}
	}
	_, errs, err = folio(t, home, "--archive", dir, "--index-dir", idx, "cite", "b4")
	if want := "folio: warning: b4.md:5: citekey LEE2024 was given to b3 before"; err != nil || !strings.Contains(errs, want) {
		t.Errorf("cite b4 (err %v) does not say\n%s\nin:\n%s", err, want, errs)
	}
	if strings.Contains(errs, "building") || strings.Contains(errs, "built") {
		t.Errorf("cite built an index of its own:\n%s", errs)
	}
}

// indexProblems builds the index of the archive dir in indexDir with
// folio index and returns the problems the index keeps, a line each, and
// what folio index printed.
func indexProblems(t *testing.T, home, dir, indexDir string) (string, string) {
	t.Helper()
	out, errs, err := folio(t, home, "--archive", dir, "--index-dir", indexDir, "index")
	if err != nil {
		t.Fatal(err, errs)
	}
	ix, err := index.OpenCached(dir, os.DirFS(dir), index.Options{Dir: indexDir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var b strings.Builder
	for _, p := range ix.Problems() {
		fmt.Fprintln(&b, p)
	}
	return b.String(), out + errs
}

// TestCiteKeyStaysThroughEditsInPlace: through the CLI, with a ledger,
// a piece whose title, then date (to another year), then authors are
// edited in its file keeps the key the ledger records for that file,
// whether cited alone (the keyring of its year) or with --all (a
// helper's report: "Terrorism in Europe revisited" retitled "Revisiting
// terrorism in Europe" was cited as pantucci2017revisiting, no longer
// pantucci2017terrorisma, nothing said). Moved, with a new piece of
// another year put under its old name, the key follows the moved
// contents, whichever is cited first, and no key is given to two pieces.
func TestCiteKeyStaysThroughEditsInPlace(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	write := func(name, title, date, authors string) {
		t.Helper()
		text := fmt.Sprintf("---\ntitle: %s\nauthors: [%s]\ndate: %s\noutlet: RUSI\nurl: https://rusi.org/%s\n---\nText of %s.\n", title, authors, date, name, name)
		if err := os.WriteFile(filepath.Join(dir, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cite := func(args ...string) []string {
		t.Helper()
		out, errs, err := folio(t, home, append([]string{"--archive", dir, "cite", "-f", "bibtex", "--accessed", "2026-01-01"}, args...)...)
		if err != nil {
			t.Fatalf("cite %v: %v %s", args, err, errs)
		}
		var keys []string
		for _, m := range citedKey.FindAllStringSubmatch(out, -1) {
			keys = append(keys, m[1])
		}
		return keys
	}
	write("same1", "Terrorism in Europe", "2017-03-01", "Raffaello Pantucci")
	write("same2", "Terrorism in Europe revisited", "2017-04-01", "Raffaello Pantucci")
	if got := strings.Join(cite("--all"), " "); got != "pantucci2017terrorism pantucci2017terrorisma" {
		t.Fatalf("first run: %s", got)
	}
	const kept = "pantucci2017terrorisma"
	for _, edit := range []struct{ what, title, date, authors string }{
		{"title", "Revisiting terrorism in Europe", "2017-04-01", "Raffaello Pantucci"},
		{"date", "Revisiting terrorism in Europe", "2018-04-01", "Raffaello Pantucci"},
		{"authors", "Revisiting terrorism in Europe", "2018-04-01", "Ann Lee, Raffaello Pantucci"},
	} {
		write("same2", edit.title, edit.date, edit.authors)
		if got := cite("same2"); len(got) != 1 || got[0] != kept {
			t.Errorf("%s edited in place, cited alone: %v, want %s", edit.what, got, kept)
		}
		if got := cite("--all"); !slices.Contains(got, kept) || !slices.Contains(got, "pantucci2017terrorism") || len(got) != 2 {
			t.Errorf("%s edited in place, --all: %v", edit.what, got)
		}
	}
	ledger, _ := filepath.Glob(filepath.Join(home, "folio", "*.citekeys.json"))
	if len(ledger) != 1 {
		t.Fatalf("ledgers %v", ledger)
	}
	if data, err := os.ReadFile(ledger[0]); err != nil || strings.Count(string(data), `"key"`) != 2 {
		t.Errorf("the ledger holds other keys than the two given: %v\n%s", err, data)
	}

	// Moved away, and a new piece of another year under its old name:
	// cited alone first (the keyring of 2019 does not hold the moved
	// piece of 2018), the new piece gets a key of its own.
	if err := os.Rename(filepath.Join(dir, "same2.md"), filepath.Join(dir, "moved.md")); err != nil {
		t.Fatal(err)
	}
	write("same2", "Another piece on Europe", "2019-05-01", "Raffaello Pantucci")
	if got := cite("same2"); len(got) != 1 || got[0] != "pantucci2019another" {
		t.Errorf("a new piece under the moved one's name: %v, want pantucci2019another", got)
	}
	if got := cite("moved"); len(got) != 1 || got[0] != kept {
		t.Errorf("the moved piece: %v, want %s", got, kept)
	}
	all := cite("--all")
	slices.Sort(all)
	if strings.Join(all, " ") != "pantucci2017terrorism pantucci2017terrorisma pantucci2019another" {
		t.Errorf("--all after the move: %v", all)
	}
}
