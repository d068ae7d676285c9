package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/cite"
)

func TestCitationFormatChooser(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	var saved []cite.Format
	saveErr := error(nil)
	s := newFake(testArticles()...)
	opts := Options{
		OpenIndex: func(context.Context, func(int, int)) (Searcher, Info, error) {
			return s, Info{Count: len(s.articles)}, nil
		},
		SaveCitationFormat: func(f cite.Format) error { saved = append(saved, f); return saveErr },
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 140, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))

	h.key("F")
	h.requireScreen("Cite as: t text · m markdown · b bibtex · r ris · j csl-json (now text")
	h.key("b")
	h.requireScreen("c and C now copy bibtex")
	if len(saved) != 1 || saved[0] != cite.BibTeX {
		t.Fatalf("saved %v", saved)
	}
	h.key("enter", "c")
	if got, _ := h.clipboard(); !strings.HasPrefix(got, "@article{pantucci2017raqqa,") {
		t.Fatalf("c after choosing bibtex copied:\n%s", got)
	}
	// In the reader too; a key that is not a format keeps the format, and
	// does nothing else.
	h.key("F")
	h.requireScreen("(now bibtex")
	h.key("q")
	h.requireScreen("Citation format kept: bibtex")
	if h.m.focus != paneReader || h.quitSeen() {
		t.Fatal("the key at the chooser acted as a command")
	}
	// A choice that cannot be kept says so.
	saveErr = errors.New("config.toml: bad")
	h.key("F", "m")
	h.requireScreen("Citation format not kept for next time: config.toml: bad")
	h.key("C")
	if got, _ := h.clipboard(); !strings.Contains(got, "*The Telegraph*") {
		t.Fatalf("C after choosing markdown copied:\n%s", got)
	}
}

// A status message that comes while the chooser waits (an index refreshed)
// leaves it open and on screen: the next key is its (a helper's report: the
// message closed it, and m marked the piece under the cursor unread).
func TestCitationFormatChooserOutlastsAStatusMessage(t *testing.T) {
	h := newHarness(t, newFake(testArticles()...), 140, 30)
	h.key("esc")
	h.key("F")
	h.send(statusMsg{text: "Indexed 1 piece"})
	h.requireScreen("Cite as: t text · m markdown")
	h.key("m")
	if h.m.opts.citationFormat() != cite.Markdown {
		t.Errorf("format %s after m, want markdown", h.m.opts.citationFormat())
	}
	h.requireScreen("c and C now copy markdown · Indexed 1 piece")
	// an error that came while the chooser hid it is shown when it closes
	// by itself (a review's report: it was hidden, then gone)
	h.key("F")
	h.send(statusMsg{text: "Could not bring the index up to date: disk", isErr: true})
	h.requireScreen("Cite as:")
	h.send(closeFormatMsg{id: h.m.format.id})
	h.requireScreen("Could not bring the index up to date: disk")
}
