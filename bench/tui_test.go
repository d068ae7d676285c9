package main

import (
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
