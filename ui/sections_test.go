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
