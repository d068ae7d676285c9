package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// startWithWarnings starts the reader on a real index of a real archive,
// its reading state and quotes opened from files in a state folder where
// the state file and the quotes file are corrupt (as an attack wrote
// them): both are set aside with a warning. It returns the harness and the
// warnings' texts, as the state package gave them.
func startWithWarnings(t *testing.T, w, h int, quotesToo bool) (*harness, []string) {
	t.Helper()
	t.Setenv("NO_COLOR", "")
	dir := t.TempDir()
	saved := newStateSaved(t, testArchiveName)
	if quotesToo {
		// and the file of when each saved search was opened (a review:
		// its warning was dropped, cli.readerSaved)
		if err := os.MkdirAll(filepath.Dir(saved.opened.Path()), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(saved.opened.Path(), []byte(`{"searches":[{"name":5}]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, state.FileName(testArchiveName)), []byte(`{"pieces":{"b1":{"read":7}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if quotesToo {
		if err := os.WriteFile(filepath.Join(dir, state.QuotesFileName(testArchiveName)), []byte(`{"quotes":[{"id":5}]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, _ := realIndex(t, speechArchive(t))
	var said []string
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		OpenState: func() (ReadingState, error) {
			st, err := state.Open(testArchiveName, dir)
			if err != nil {
				said = append(said, "Reading state: "+err.Error())
			}
			return st, err
		},
		OpenQuotes: func() (QuoteBook, error) {
			qs, err := state.OpenQuotes(testArchiveName, dir)
			if err != nil {
				said = append(said, "Quotes: "+err.Error())
			}
			return qs, err
		},
		Saved: saved,
	}
	hs := &harness{t: t, m: New(opts)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(openStateCmd(opts.OpenState))
	hs.run(openQuotesCmd(opts.OpenQuotes))
	hs.run(openIndexCmd(context.Background(), opts.OpenIndex, hs.m.relay))
	if want := 1 + map[bool]int{true: 1}[quotesToo]; len(said) != want {
		t.Fatalf("the state package gave %d warnings, want %d: %q", len(said), want, said)
	}
	if quotesToo {
		if _, err := os.Stat(saved.opened.Path()); !os.IsNotExist(err) {
			t.Fatalf("the opened times' file was not set aside: %v", err)
		}
		said = append(said, "Saved searches: saved searches' opened times file "+saved.opened.Path()+" was corrupt")
	}
	return hs, said
}

// words is s with its box drawing and its spaces and line ends gone: a
// text wrapped on screen (at a space or after a hyphen) is there whole
// when its words are, one after another.
func words(s string) string {
	s = strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ").Replace(s)
	return strings.Join(strings.Fields(s), "")
}

// The warnings of the start (a corrupt reading state, a corrupt quotes
// file, a corrupt file of when the saved searches were opened, each set
// aside) are each readable whole: the status line says there are three,
// the top bar counts them as it counts files skipped, and ! lists them,
// wrapped, never cut. An attack saw the quotes' warning overwritten
// before it was drawn, the state's cut at the width ("… cannot unma…"),
// and ! say "No files were skipped".
func TestStartWarningsAreKeptWhole(t *testing.T) {
	h, said := startWithWarnings(t, 100, 30, true)
	h.requireScreen("3 warnings: press ! to read them")
	top, _, _ := strings.Cut(h.screen(), "\n")
	if !strings.Contains(top, "3 warnings !") {
		t.Fatalf("the top bar does not count the warnings: %q", top)
	}
	// the status line's notice goes; the count in the top bar stays
	h.advance(statusLong)
	if h.m.status.active() {
		t.Fatalf("the status line still says %q", h.m.status.text)
	}
	h.requireScreen("3 warnings !")
	h.key("!")
	if !h.m.problems.open {
		t.Fatalf("! did not open the list of problems:\n%s", h.screen())
	}
	screen := words(h.screen())
	for _, w := range said[:2] {
		if !strings.Contains(w, "and started afresh") {
			t.Fatalf("the warning is not the one the attack saw: %q", w)
		}
		if !strings.Contains(screen, words(w)) {
			t.Errorf("! does not show %q whole:\n%s", w, h.screen())
		}
	}
}

// One warning alone is said in the status line; cut at a narrow width, it
// says ! reads it whole, and ! does.
func TestOneStartWarningSaysWhereToReadIt(t *testing.T) {
	h, said := startWithWarnings(t, 70, 30, false)
	lines := strings.Split(h.screen(), "\n")
	status := strings.TrimSpace(lines[len(lines)-1])
	if !strings.HasPrefix(status, "Reading state: state file") || !strings.HasSuffix(status, "… · ! reads it whole") {
		t.Fatalf("status line %q", status)
	}
	h.key("!")
	if !strings.Contains(words(h.screen()), words(said[0])) {
		t.Fatalf("! does not show %q whole:\n%s", said[0], h.screen())
	}
}

// A count of the saved searches that a later one replaces still says the
// warning it read: the file it set aside, the later count finds none, and
// has nothing to say (the reader, started on a corrupt file of when each
// search was opened, showed no warning: its first count was replaced).
func TestSavedWarningOfAReplacedCountIsKept(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	ix, _ := realIndex(t, speechArchive(t))
	saved := newStateSaved(t, testArchiveName)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		Saved: saved,
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	if top, _, _ := strings.Cut(h.screen(), "\n"); strings.Contains(top, "warning") {
		t.Fatalf("a warning before the file is corrupt: %q", top)
	}
	if err := os.MkdirAll(filepath.Dir(saved.opened.Path()), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(saved.opened.Path(), []byte(`{"searches":[{"name":5}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	first := h.m.countSaved()
	later := h.m.countSaved()
	h.run(first) // sets the file aside; its count is replaced by the later one
	h.run(later)
	if _, err := os.Stat(saved.opened.Path()); !os.IsNotExist(err) {
		t.Fatalf("the opened times' file was not set aside: %v", err)
	}
	h.requireScreen("1 warning !")
	h.key("!")
	if want := "Saved searches: saved searches' opened times file " + saved.opened.Path() + " was corrupt"; !strings.Contains(words(h.screen()), words(want)) {
		t.Fatalf("! does not show %q:\n%s", want, h.screen())
	}
}

// The index's notice that its cache is not used, said first, is kept
// whole under ! when the reading state's warning comes after it: the
// state's took the one status line and the notice was gone.
func TestFallbackNoticeIsKeptBesideAStateWarning(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	src, dir := speechArchive(t), t.TempDir()
	notDir := filepath.Join(t.TempDir(), "file") // the cache's folder is a file
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.OpenDir(context.Background(), src, index.Options{Dir: notDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if ix.Fallback() == "" {
		t.Fatal("the index uses its cache")
	}
	if err := os.WriteFile(filepath.Join(dir, state.FileName(testArchiveName)), []byte(`{"pieces":{"b1":{"read":7}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stateErr error
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count(), Fallback: ix.Fallback()}, nil
		},
		OpenState: func() (ReadingState, error) {
			st, err := state.Open(testArchiveName, dir)
			stateErr = err
			return st, err
		},
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireScreen("index cache not used")
	h.run(openStateCmd(opts.OpenState))
	if stateErr == nil {
		t.Fatal("the state file was read")
	}
	h.requireScreen("2 warnings: press ! to read them")
	h.key("!")
	screen := words(h.screen())
	for _, w := range []string{ix.Fallback(), "Reading state: " + stateErr.Error()} {
		if !strings.Contains(screen, words(w)) {
			t.Errorf("! does not show %q whole:\n%s", w, h.screen())
		}
	}
}

// The index's fallback notice is a warning while the index says it: once
// a refresh finds the index well again (another folio's update over),
// the top bar no longer counts it and ! no longer lists it (a review: it
// was kept, and "1 warning" stayed all day).
func TestFallbackNoticeGoesWithTheFallback(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	src := speechArchive(t)
	ix, err := index.OpenDir(context.Background(), src, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	const notice = "index cache not used (another folio is updating it): the index as it was"
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count(), Fallback: notice}, nil
		},
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.requireScreen("1 warning")
	h.send(indexRefreshedMsg{info: Info{Count: ix.Count()}})
	top, _, _ := strings.Cut(h.screen(), "\n")
	if strings.Contains(top, "warning") {
		t.Errorf("the top bar still counts the notice gone: %q", top)
	}
	h.key("!")
	if strings.Contains(words(h.screen()), "another folio is updating it") {
		t.Errorf("! still lists the notice gone:\n%s", h.screen())
	}
}

// A config file folio cannot use is said at the start, in the status
// line and under ! (an attack: a bad config.toml, or one of 2 GB, was said
// nowhere, and C copied the default format silently).
func TestConfigWarningIsSaidAtTheStart(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	ix, _ := realIndex(t, speechArchive(t))
	const warning = "/home/u/.config/folio/config.toml: toml: line 1: unexpected EOF"
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return ix, Info{Count: ix.Count()}, nil
		},
		ConfigWarning: warning,
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 160, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(h.m.configWarningCmd())
	h.requireScreen("Config: " + warning + "; the defaults are used")
	h.key("!")
	if !strings.Contains(words(h.screen()), words(warning)) {
		t.Fatalf("! does not show the config's warning:\n%s", h.screen())
	}
	if (&harness{t: t, m: New(Options{})}).m.configWarningCmd() != nil {
		t.Error("a warning without a config warning")
	}
}
