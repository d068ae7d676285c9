package ui

import (
	"strings"
	"testing"

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
