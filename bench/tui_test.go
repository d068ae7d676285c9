package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// The facet toggles start on the first outlet: past however many Reading
// toggles, saved searches and copies the sidebar lists above OUTLETS.
func TestEntriesBeforeOutlets(t *testing.T) {
	screen := ` folio  / raqqa                                              2 of 24 · relevance
──────────────────────────────────────────────────────────────────────────────
 READING                   │ ▌ •  It’s not Isil’s returning terrorists
 ○ ★ Starred             0 │ ▌    2017-10-19 · The Telegraph
 ◉ • Unread              2 │
 ○ ❝ Quoted              1 │
 SAVED                     │
 » Raqqa watch           2 │   •  Interview with The Independent
 OUTLETS                   │      2017-10 · The Independent
 ○ The Independent       1 │
 ○ The Telegraph         1 │`
	if got := entriesBeforeOutlets(strings.Split(screen, "\n")); got != 4 {
		t.Fatalf("%d entries before OUTLETS; want 4", got)
	}
	if got := entriesBeforeOutlets([]string{"x", "y", " READING │"}); got != 0 {
		t.Fatalf("no OUTLETS on screen: %d; want 0", got)
	}
}

// A terminal session that failed prints as failed, never as a row of zero
// figures that would read as a measurement.
func TestFailedSessionPrintsNoFigures(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	printTUITable([]tuiResult{
		{Name: "100,000", Docs: 100000, Err: "no pid"},
		{Name: "bundled", FirstFrameMs: []float64{190}, ReadyMs: []float64{210}},
	}, 1, "")
	os.Stdout = stdout
	w.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	var failed, bundled string
	for _, line := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(line, "| 100,000 |"):
			failed = line
		case strings.HasPrefix(line, "| bundled |"):
			bundled = line
		}
	}
	if !strings.Contains(failed, "failed: no pid") || strings.Contains(failed, "0.0") {
		t.Errorf("the failed session's row: %q", failed)
	}
	if !strings.Contains(bundled, "190.0 ms") {
		t.Errorf("the measured session's row: %q", bundled)
	}
}
