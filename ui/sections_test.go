package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
)

// Section pages (_index.md) are listed under ! but are not problems: no
// "skipped" warning in the status line or the top bar.
func TestSectionPagesAreListedButNotWarnedAbout(t *testing.T) {
	for _, tc := range []struct {
		probs []archive.Problem
		warn  bool
	}{
		{[]archive.Problem{{Path: "content/_index.md", Msg: archive.SectionPageMsg, Fatal: true, Quiet: true}}, false},
		{[]archive.Problem{{Path: "content/_index.md", Msg: archive.SectionPageMsg, Fatal: true, Quiet: true},
			{Path: "bad.md", Line: 2, Msg: "missing date", Fatal: true}}, true},
	} {
		t.Setenv("NO_COLOR", "")
		f := newFake(testArticles()...)
		opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles), Problems: tc.probs}, nil
		}}
		h := &harness{t: t, m: New(opts)}
		h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
		h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
		if got := strings.Contains(h.screen(), "skipped !"); got != tc.warn {
			t.Errorf("%d problems: warning shown = %v, want %v:\n%s", len(tc.probs), got, tc.warn, h.screen())
		}
		h.key("!")
		h.requireScreen("content/_index.md: section page")
	}
}

// A piece loaded with a note (a URL refused, a body cut) is not counted
// as skipped: the top bar, the status line and the ! overlay count files,
// not problems, and each kind apart.
func TestNotedPiecesAreNotSkipped(t *testing.T) {
	for _, tc := range []struct {
		probs          []archive.Problem
		bar, status    string
		title          string
		notInBar       string
		overlayHeading string
	}{
		{[]archive.Problem{{Path: "a.md", Line: 4, Msg: "url refused", Fatal: false}},
			"1 noted !", "", "1 piece loaded with a note", "skipped", "Loaded, with a note:"},
		{[]archive.Problem{{Path: "a.md", Line: 4, Msg: "url refused"}, {Path: "a.md", Msg: "only the first 200000 words are searchable"},
			{Path: "b.md", Line: 2, Msg: "missing date", Fatal: true}, {Path: "b.md", Line: 3, Msg: "bad tags", Fatal: true}},
			"1 skipped, 1 noted !", "1 file skipped, 1 piece loaded with a note: press ! to see why", "1 file skipped, 1 piece loaded with a note", "2 skipped", "Skipped:"},
		// a folder that could not be listed, whose pieces the index keeps,
		// is a folder not read: not "a piece loaded with a note" (as it
		// was), nor a file skipped
		{[]archive.Problem{{Path: "b", Msg: "cannot read: permission denied; the index keeps the 2 piece(s) it last read there", Unknown: true, Folder: true},
			{Path: "a.md", Line: 4, Msg: "url refused"}},
			"1 folder not read, 1 noted !", "1 folder not read, 1 piece loaded with a note: press ! to see why",
			"1 folder not read, 1 piece loaded with a note", "2 noted", "Folders not read:"},
		{[]archive.Problem{{Path: "b", Msg: "cannot read: permission denied", Fatal: true, Unknown: true, Folder: true}},
			"1 folder not read !", "1 folder not read: press ! to see why", "1 folder not read", "skipped", "Folders not read:"},
	} {
		f := newFake(testArticles()...)
		opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
			return f, Info{Count: len(f.articles), Problems: tc.probs}, nil
		}}
		h := &harness{t: t, m: New(opts)}
		h.send(tea.WindowSizeMsg{Width: 140, Height: 30})
		h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
		h.requireScreen(tc.bar)
		if tc.status != "" {
			h.requireScreen(tc.status)
		}
		if strings.Contains(h.screen(), tc.notInBar) {
			t.Errorf("%v: the screen says %q:\n%s", tc.probs, tc.notInBar, h.screen())
		}
		h.key("!")
		h.requireScreen(tc.title)
		h.requireScreen(tc.overlayHeading)
	}
}

// ! shows the skipped files from the reader too, whose status line says
// "press ! to see why" (a helper's report: the reader ignored it).
func TestProblemsFromTheReader(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	f := newFake(testArticles()...)
	probs := []archive.Problem{{Path: "bad.md", Line: 2, Msg: "missing date", Fatal: true}}
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return f, Info{Count: len(f.articles), Problems: probs}, nil
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.key("esc", "enter")
	if h.m.focus != paneReader {
		t.Fatal("no piece open")
	}
	h.key("!")
	h.requireScreen("bad.md:2: missing date")
	h.key("esc")
	if h.m.focus != paneReader || h.m.problems.open {
		t.Error("esc did not go back to the reader")
	}
}
