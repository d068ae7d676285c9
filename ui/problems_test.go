package ui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

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
