package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// A piece whose URL was refused (a note) and that is then skipped (a
// missing date) is one skipped file: the overlay lists its note under Skipped,
// not under "Loaded, with a note:".
func TestSkippedFileNotListedAsLoaded(t *testing.T) {
	ps := []archive.Problem{
		{Path: "b.md", Msg: "url refused: URL contains spaces"},
		{Path: "b.md", Line: 1, Msg: "missing date", Fatal: true},
	}
	archive.SortProblems(ps)
	skipped, noted := archive.CountFiles(ps)
	lines := strings.Join(problemLines(ps, nil, 100), "\n")
	t.Logf("skipped %d noted %d\n%s", skipped, noted, lines)
	if noted == 0 && strings.Contains(lines, "Loaded, with a note:") {
		t.Error("a skipped file is listed as loaded with a note")
	}
}

// With nothing skipped, the pane's title counts the files that are no
// pieces by design (a helper's report: "0 files skipped" above a site's
// non-pages).
func TestProblemsTitleCountsNonPieces(t *testing.T) {
	ps := []archive.Problem{
		{Path: "README.md", Msg: "not a page of the site", Quiet: true},
		{Path: "content/posts/_index.md", Msg: "a section page", Quiet: true},
	}
	view := problemsPane{}.view(ps, nil, 100, 20, NewStyles(true, true))
	if !strings.Contains(view, "2 files not pieces") || strings.Contains(view, "0 files skipped") {
		t.Errorf("the pane:\n%s", view)
	}
}

// A skipped file's message longer than the overlay is wrapped, not cut:
// every word of it is on the screen at 80 columns (an attack saw a YAML
// error's line number cut off).
func TestProblemsAreWrappedNotCut(t *testing.T) {
	ps := []archive.Problem{{
		Path:  "commentary/2017/a-rather-long-folder-name/the-piece-about-the-attack-in-manchester.md",
		Line:  3,
		Msg:   "front matter: yaml: line 3: mapping values are not allowed in this context (near the end: zanzibar)",
		Fatal: true,
	}}
	view := problemsPane{}.view(ps, nil, 80, 24, NewStyles(true, true))
	t.Logf("\n%s", view)
	flat := strings.Join(strings.Fields(view), " ")
	for _, want := range []string{"manchester.md:3", "zanzibar)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q is not on the overlay", want)
		}
	}
	for _, l := range strings.Split(view, "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("a line is %d cells wide: %q", w, l)
		}
	}
}

// The ! overlay's list is wrapped once while it is open: a key that
// scrolls it, and a redraw, change neither the width nor what it lists,
// and wrap nothing again (a review: every entry was wrapped at each key
// press to count the lines); a new width is wrapped anew.
func TestProblemsAreWrappedOnce(t *testing.T) {
	var ps []archive.Problem
	for i := range 300 {
		ps = append(ps, archive.Problem{Path: fmt.Sprintf("commentary/2017/piece-%03d.md", i), Line: 2,
			Msg: "front matter: yaml: mapping values are not allowed in this context", Fatal: true})
	}
	f := newFake(testArticles()...)
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return f, Info{Count: len(f.articles), Problems: ps}, nil
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 60, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	wraps := 0
	problemLinesHook = func() { wraps++ }
	t.Cleanup(func() { problemLinesHook = nil })
	h.key("!")
	h.requireScreen("piece-000.md:2")
	if wraps != 1 {
		t.Fatalf("opened and drawn: %d wrappings, want 1", wraps)
	}
	for range 5 {
		h.key("j")
		_ = h.screen()
	}
	h.requireScreen("piece-002.md:2")
	if wraps != 1 {
		t.Errorf("five keys that scroll, each drawn: %d wrappings in all, want 1", wraps)
	}
	h.send(tea.WindowSizeMsg{Width: 70, Height: 30})
	h.requireScreen("piece-002.md:2")
	if wraps != 2 {
		t.Errorf("after a resize: %d wrappings in all, want 2", wraps)
	}
}

// The `!` overlay names a file as check does: a name holding ":3: " is
// quoted, and a character that reads as a space or a slash is an escape
// (an attack's report: "good.md:3: unparseable date: cut.md:1: missing
// date" read as good.md's line; "plain\u2800report.md" as plain
// report.md).
func TestProblemsNameNoFileAsAnother(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"good.md:3: unparseable date: cut.md", "plain\u2800report.md", "dir\u2215sub.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: T\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, ps := archive.Load(os.DirFS(dir))
	view := ansi.Strip(problemsPane{}.view(ps, nil, 120, 20, NewStyles(true, true)))
	for _, want := range []string{`"good.md:3: unparseable date: cut.md":1: missing date`, `"plain\u2800report.md":1:`, `"dir\u2215sub.md":1:`} {
		if !strings.Contains(view, want) {
			t.Errorf("the pane lacks %s:\n%s", want, view)
		}
	}
	if strings.ContainsAny(view, "\u2800\u2215") {
		t.Errorf("the pane shows a look-alike raw:\n%s", view)
	}
}
