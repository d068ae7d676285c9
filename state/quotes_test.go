package state

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func mustOpenQuotes(t *testing.T, name, dir string) *Quotes {
	t.Helper()
	s, warn := OpenQuotes(name, dir)
	if warn != nil {
		t.Fatal(warn)
	}
	return s
}

func testQuote(piece, passage string) Quote {
	return Quote{
		Piece:    piece,
		Selector: Selector{Exact: passage, Prefix: "before", Suffix: "after", Position: 12},
		Citation: Citation{Key: "pantucci2017raqqa", Title: "Raqqa: terror is here to stay", Authors: []string{"Raffaello Pantucci"}, Outlet: "The Telegraph", Date: "2017-10-19", URL: "https://example.com/raqqa"},
	}
}

func TestQuotesRoundTripAsReadableJSON(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenQuotes(t, "/home/ana/commentary", dir)
	q, err := s.Add(testQuote("2017-10-19-raqqa", "The threat will outlive the caliphate."))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.ID) != 8 || q.Created.IsZero() {
		t.Errorf("added quote has id %q, created %v", q.ID, q.Created)
	}
	if !s.SetNote(q.ID, "for chapter 3") {
		t.Error("SetNote did not find the quote")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if filepath.Base(s.Path()) != strings.TrimSuffix(FileName("/home/ana/commentary"), ".json")+".quotes.json" {
		t.Errorf("file %s", s.Path())
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{`"about": "folio quotes`, `"exact": "The threat will outlive the caliphate."`, `"note": "for chapter 3"`, `"key": "pantucci2017raqqa"`, `"piece": "2017-10-19-raqqa"`, `"position": 12`} {
		if !strings.Contains(text, want) {
			t.Errorf("file lacks %s:\n%s", want, text)
		}
	}
	again := mustOpenQuotes(t, "/home/ana/commentary", dir)
	got, ok := again.Get(q.ID)
	if !ok || got.Note != "for chapter 3" || got.Exact != q.Exact || got.Citation.Authors[0] != "Raffaello Pantucci" || !got.Created.Equal(q.Created) {
		t.Errorf("read back %+v", got)
	}
	if ids := again.Pieces(); !slices.Equal(ids, []string{"2017-10-19-raqqa"}) {
		t.Errorf("pieces %v", ids)
	}
	// The reading state is another file, untouched.
	if _, err := os.Stat(filepath.Join(dir, FileName("/home/ana/commentary"))); !os.IsNotExist(err) {
		t.Errorf("the state file was written: %v", err)
	}
}

func TestQuotesRefuseEmptyPassages(t *testing.T) {
	s := mustOpenQuotes(t, "bundled", t.TempDir())
	if _, err := s.Add(testQuote("a", " … — ")); err == nil {
		t.Error("a passage without letters was kept")
	}
	if _, err := s.Add(testQuote("", "words")); err == nil {
		t.Error("a quote without a piece was kept")
	}
}

func TestQuotesMergeBetweenStores(t *testing.T) {
	dir := t.TempDir()
	a, b := mustOpenQuotes(t, "bundled", dir), mustOpenQuotes(t, "bundled", dir)
	qa, _ := a.Add(testQuote("p1", "one passage"))
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	qb, _ := b.Add(testQuote("p2", "another passage"))
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if len(b.All()) != 2 {
		t.Fatalf("b holds %d quotes after its save, want both", len(b.All()))
	}
	// b notes a's quote, a removes its own: both changes arrive.
	if !b.SetNote(qa.ID, "noted by b") {
		t.Fatal("b does not see a's quote")
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if changed, err := a.Reload(); err != nil || !changed {
		t.Fatalf("reload: changed %v, %v", changed, err)
	}
	if q, _ := a.Get(qa.ID); q.Note != "noted by b" {
		t.Errorf("a sees note %q", q.Note)
	}
	a.Remove(qb.ID)
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	final := mustOpenQuotes(t, "bundled", dir).All()
	if len(final) != 1 || final[0].ID != qa.ID || final[0].Note != "noted by b" {
		t.Errorf("on disk: %+v", final)
	}
}

func TestCorruptQuotesFileSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, QuotesFileName("bundled"))
	if err := os.WriteFile(path, []byte(`{"quotes": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, warn := OpenQuotes("bundled", dir)
	if warn == nil || !strings.Contains(warn.Error(), "corrupt") {
		t.Fatalf("warning %v", warn)
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 {
		t.Fatalf("set aside: %v", aside)
	}
	if _, err := s.Add(testQuote("p", "words")); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if got := mustOpenQuotes(t, "bundled", dir).All(); len(got) != 1 {
		t.Errorf("%d quotes after the save", len(got))
	}
	if data, _ := os.ReadFile(aside[0]); string(data) != `{"quotes": [` {
		t.Errorf("the corrupt file was changed: %q", data)
	}
}

// The two-process tests run their workers as child processes: this test
// binary again, told by quoteWorkerEnv to be one worker.
const quoteWorkerEnv = "FOLIO_QUOTES_TEST_WORKER"

const quoteWorkerAdds = 60

// TestQuoteWorkerProcess is a worker of the tests below when run as a
// child: it adds quotes, saving after each, and prints "SAVED <id>" once
// each is saved. In the ordinary test run it does nothing.
func TestQuoteWorkerProcess(t *testing.T) {
	name := os.Getenv(quoteWorkerEnv)
	if name == "" {
		t.Skip("runs only as a child of the quotes' process tests")
	}
	s := mustOpenQuotes(t, "bundled", os.Getenv(dirEnv))
	if _, err := io.Copy(io.Discard, os.Stdin); err != nil { // the start signal
		t.Fatal(err)
	}
	n := quoteWorkerAdds
	if os.Getenv("FOLIO_QUOTES_TEST_FOREVER") != "" {
		n = 1 << 30
	}
	for i := range n {
		q, err := s.Add(testQuote(fmt.Sprintf("%s-%03d", name, i%10), fmt.Sprintf("passage %d of %s", i, name)))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Save(); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		fmt.Printf("SAVED %s\n", q.ID)
	}
}

func startQuoteWorker(t *testing.T, name, dir string, forever bool) (*exec.Cmd, io.Closer, io.ReadCloser) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestQuoteWorkerProcess$", "-test.v")
	cmd.Env = append(os.Environ(), quoteWorkerEnv+"="+name, dirEnv+"="+dir)
	if forever {
		cmd.Env = append(cmd.Env, "FOLIO_QUOTES_TEST_FOREVER=1")
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, start, out
}

// savedIDs reads a worker's output: the ids it saved.
func savedIDs(out io.Reader) []string {
	var ids []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "SAVED "); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

func quoteIDs(qs []Quote) []string {
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	slices.Sort(ids)
	return ids
}

func TestTwoProcessesAddQuotes(t *testing.T) {
	if os.Getenv(quoteWorkerEnv) != "" {
		t.Skip("a worker")
	}
	dir := t.TempDir()
	var saved []string
	var cmds []*exec.Cmd
	var outs []io.ReadCloser
	var starts []io.Closer
	for _, name := range []string{"a", "b"} {
		cmd, start, out := startQuoteWorker(t, name, dir, false)
		cmds, starts, outs = append(cmds, cmd), append(starts, start), append(outs, out)
	}
	for _, s := range starts {
		s.Close() // both start adding at once
	}
	for i, cmd := range cmds {
		saved = append(saved, savedIDs(outs[i])...)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("worker: %v", err)
		}
	}
	slices.Sort(saved)
	if len(saved) != 2*quoteWorkerAdds {
		t.Fatalf("workers saved %d quotes, want %d", len(saved), 2*quoteWorkerAdds)
	}
	got := quoteIDs(mustOpenQuotes(t, "bundled", dir).All())
	if !slices.Equal(got, saved) {
		t.Errorf("%d quotes on disk, want all %d saved by the two", len(got), len(saved))
	}
}

func TestKilledWhileSavingLosesNoSavedQuote(t *testing.T) {
	if os.Getenv(quoteWorkerEnv) != "" {
		t.Skip("a worker")
	}
	dir := t.TempDir()
	cmd, start, out := startQuoteWorker(t, "k", dir, true)
	start.Close()
	// Read what it saved until it has saved some; then kill it, most
	// likely in the middle of a Save (it does nothing else).
	sc := bufio.NewScanner(out)
	var saved []string
	for sc.Scan() && len(saved) < 40 {
		if id, ok := strings.CutPrefix(sc.Text(), "SAVED "); ok {
			saved = append(saved, id)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	saved = append(saved, savedIDs(out)...) // what it printed before it died
	_ = cmd.Wait()
	slices.Sort(saved)

	s, warn := OpenQuotes("bundled", dir)
	if warn != nil {
		t.Fatalf("the file after the kill: %v", warn)
	}
	onDisk := quoteIDs(s.All())
	for _, id := range saved {
		if _, found := slices.BinarySearch(onDisk, id); !found {
			t.Errorf("quote %s was saved, then lost", id)
		}
	}
	// The next save clears the killed one's temporary file, if it left one.
	if _, err := s.Add(testQuote("p", "after the kill")); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(temps) > 0 {
		t.Errorf("temporary files left: %v", temps)
	}
	t.Logf("killed after %d saves; %d quotes on disk", len(saved), len(onDisk))
}

func TestQuotesOddEntriesDropped(t *testing.T) {
	dir := t.TempDir()
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Format(time.RFC3339)
	body := `{"version": 1, "quotes": [
	{"id": "aa", "piece": "p", "exact": "kept", "created": "` + when + `"},
	{"id": "", "piece": "p", "exact": "no id"},
	{"id": "bb", "piece": "", "exact": "no piece"},
	{"id": "cc", "piece": "p", "exact": "—"},
	{"id": "aa", "piece": "p", "exact": "same id again"},
	{"id": "dd", "piece": "p\u001b[2J", "exact": "escape in the piece"}
	]}`
	if err := os.WriteFile(filepath.Join(dir, QuotesFileName("bundled")), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	got := mustOpenQuotes(t, "bundled", dir).All()
	if len(got) != 1 || got[0].Exact != "kept" {
		t.Errorf("kept %+v", got)
	}
}

// A quotes file an editor wrote with a byte-order mark is read, not set
// aside as corrupt with every quote in it.
func TestQuotesFileWithBOM(t *testing.T) {
	dir := t.TempDir()
	data := "\ufeff{\"version\": 1, \"quotes\": [{\"id\": \"0000abcd\", \"piece\": \"p\", \"exact\": \"A passage.\"}]}\n"
	if err := os.WriteFile(filepath.Join(dir, QuotesFileName("a")), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	qs, warn := OpenQuotes("a", dir)
	if warn != nil || len(qs.All()) != 1 {
		t.Errorf("%d quotes, %v; want 1", len(qs.All()), warn)
	}
}

// A reload that finds the file broken (a hand edit in progress, seen by
// the reader's watch) leaves it as it is and keeps the quotes as they were;
// only a change to save sets it aside.
func TestQuotesReloadLeavesABrokenFile(t *testing.T) {
	dir := t.TempDir()
	qs, _ := OpenQuotes("a", dir)
	if _, err := qs.Add(Quote{Piece: "p", Selector: Selector{Exact: "A passage."}}); err != nil {
		t.Fatal(err)
	}
	if err := qs.Save(); err != nil {
		t.Fatal(err)
	}
	broken := []byte(`{"version": 1, "quotes": [{"id": "0000abcd", "piece": "p", "exact": "Half an edit`)
	if err := os.WriteFile(qs.Path(), broken, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := qs.Reload(); err == nil || !strings.Contains(err.Error(), qs.Path()) {
		t.Errorf("reload of a broken file: %v", err)
	}
	if data, _ := os.ReadFile(qs.Path()); string(data) != string(broken) {
		t.Errorf("the file being edited was changed:\n%s", data)
	}
	if aside, _ := filepath.Glob(qs.Path() + ".corrupt-*"); len(aside) != 0 {
		t.Errorf("set aside on a reload: %v", aside)
	}
	if len(qs.All()) != 1 {
		t.Errorf("%d quotes after the reload, want the 1 there was", len(qs.All()))
	}
}

// A quotes file is never written larger than folio reads: near the cap it
// is written compact, past it the change is refused, naming the file, and
// the file on disk stays readable with every quote it had.
func TestQuotesFileNeverOutgrowsItsCap(t *testing.T) {
	defer func(n int64) { maxQuotesSize = n }(maxQuotesSize)
	maxQuotesSize = 8 << 10
	dir := t.TempDir()
	s := mustOpenQuotes(t, "capped", dir)
	kept := 0
	var refused error
	for i := range 200 {
		if _, err := s.Add(testQuote("piece", fmt.Sprintf("Passage number %d of the cap test.", i))); err != nil {
			refused = err
			break
		}
		if err := s.Save(); err != nil {
			refused = err
			break
		}
		kept++
	}
	if refused == nil {
		t.Fatal("200 quotes fitted in 8 KB: the cap was not applied")
	}
	if !strings.Contains(refused.Error(), s.Path()) || !strings.Contains(refused.Error(), "over the") {
		t.Errorf("refusal %q does not name the file and the cap", refused)
	}
	info, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() >= maxQuotesSize {
		t.Fatalf("the file is %d bytes, not under the %d it is read with", info.Size(), maxQuotesSize)
	}
	again := mustOpenQuotes(t, "capped", dir)
	if got := len(again.All()); got != kept {
		t.Fatalf("reopened with %d quotes; %d were saved", got, kept)
	}
	data, _ := os.ReadFile(s.Path())
	if kept > 10 && strings.Contains(string(data), "\n  ") {
		t.Error("a file near the cap was written indented, not compact")
	}
}
