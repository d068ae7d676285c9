package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
)

// problemsPane is the `!` overlay: the files the archive loader skipped,
// scrolled with j and k.
type problemsPane struct {
	open bool
	top  int // the first problem on screen
}

// update handles a key while the overlay is open; n is the number of
// problems.
func (p problemsPane) update(msg tea.KeyPressMsg, k KeyMap, n int) problemsPane {
	switch {
	case key.Matches(msg, k.Problems, k.FindCancel, k.QuitShort):
		p.open = false
	case key.Matches(msg, k.Down):
		p.top = min(p.top+1, max(n-1, 0))
	case key.Matches(msg, k.Up):
		p.top = max(p.top-1, 0)
	}
	return p
}

// view lists the problems in w×h.
func (p problemsPane) view(problems []archive.Problem, w, h int, st Styles) string {
	lines := []string{st.Brand.Render(plural(len(problems), "file")+" skipped") + st.Hint.Render("  (j/k scroll · esc close)"), ""}
	for _, pr := range problems[min(p.top, len(problems)):] {
		lines = append(lines, archive.SanitizeLine(pr.String()))
	}
	return overlayBox(strings.Join(lines, "\n"), w, h, st)
}
