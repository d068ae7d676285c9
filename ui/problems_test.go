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
	lines := strings.Join(problemLines(ps), "\n")
	t.Logf("skipped %d noted %d\n%s", skipped, noted, lines)
	if noted == 0 && strings.Contains(lines, "Loaded, with a note:") {
		t.Error("a skipped file is listed as loaded with a note")
	}
}
