package ui

import (
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A piece whose URL was refused (a note) and that is then skipped as a
// duplicate is one skipped file: the overlay lists its note under Skipped,
// not under "Loaded, with a note:".
func TestSkippedFileNotListedAsLoaded(t *testing.T) {
	ps := []archive.Problem{
		{Path: "b.md", Msg: "url refused: URL contains spaces"},
		archive.DuplicateProblem("b.md", "a.md", "a"),
	}
	archive.SortProblems(ps)
	skipped, noted := archive.CountFiles(ps)
	lines := strings.Join(problemLines(ps), "\n")
	t.Logf("skipped %d noted %d\n%s", skipped, noted, lines)
	if noted == 0 && strings.Contains(lines, "Loaded, with a note:") {
		t.Error("a skipped file is listed as loaded with a note")
	}
}

// A URL whose host is not plain ASCII is opened with its host spelt as
// the browser asks for it, so that a look-alike (a Cyrillic а) shows.
func TestHostNoteShowsPunycode(t *testing.T) {
	for u, want := range map[string]string{
		"https://ex\u0430mple.com/a": " (host xn--exmple-4nf.com: not plain ASCII)",
		"https://example.com/\u00e9": "",
		"http://127.0.0.1:8080/x":    "",
	} {
		if got := hostNote(u); got != want {
			t.Errorf("hostNote(%q) = %q, want %q", u, got, want)
		}
	}
}
