package ui

import (
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// TestReaderLinesHoldOnlyColoursAndWebLinks opens the pieces of
// hostile.WriteTerminal in the reader: Glamour decodes their character
// references into every control character and writes hyperlinks for links
// of any scheme; the reader's lines and the screen keep only colours and
// http(s) hyperlinks.
func TestReaderLinesHoldOnlyColoursAndWebLinks(t *testing.T) {
	tm, err := hostile.WriteTerminal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	arch, _, err := archive.Open(tm.Dir)
	if err != nil {
		t.Fatal(err)
	}
	var as []archive.Article
	for _, id := range []string{tm.Entities, tm.Links} {
		a, ok := arch.Get(id)
		if !ok {
			t.Fatalf("the hostile archive lacks %s", id)
		}
		as = append(as, a)
	}
	h := newHarness(t, newFake(as...), 100, 30)
	for i := range as {
		if i > 0 {
			h.key("j")
		}
		h.key("enter")
		if !h.m.reader.ready || len(h.m.reader.lines) < 5 {
			t.Fatalf("%s: the reader has %d lines (ready %v)", as[i].ID, len(h.m.reader.lines), h.m.reader.ready)
		}
		for n, l := range h.m.reader.lines {
			if v := termsafe.Violation(l, false); v != "" {
				t.Errorf("%s: line %d has %s: %q", as[i].ID, n, v, l)
			}
		}
		for range len(h.m.reader.lines) / 20 {
			if v := termsafe.Violation(h.m.View().Content, false); v != "" {
				t.Errorf("%s: the screen has %s", as[i].ID, v)
				break
			}
			h.key("pgdown")
		}
		h.key("esc")
	}
}
