package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// footerView is the last line: the status message while there is one, else
// the short help of the focused pane, cut to the width.
func footerView(width int, status statusLine, query string, pane help.KeyMap, st Styles) string {
	if width <= 0 {
		return ""
	}
	if status.active() {
		return status.view(width, st)
	}
	if query != "" {
		return st.Status.Render(ansi.Truncate(query, width, "…"))
	}
	h := help.New()
	h.Styles = st.Help
	h.SetWidth(width)
	return h.ShortHelpView(pane.ShortHelp())
}

// fullHelpView is the `?` overlay: the keys grouped by where they work,
// each listed once (helpkeys.go), in as many columns as the width allows
// (three at 80 columns, where all of it fits in 24 lines).
func fullHelpView(width, height int, keys KeyMap, st Styles) string {
	// the frame takes 4 cells and 2 lines, the title 2 lines
	body := helpBody(keys.withOthers(keys.helpSections()), max(width-4, 1), max(height-4, 1), st)
	title := st.Brand.Render("folio keys") + st.Hint.Render("  (? or esc to close)")
	return overlayBox(title+"\n\n"+body, width, height, st)
}

// overlayBox frames content and centres it in width×height, clipping what
// does not fit so that a tiny terminal still gets a valid frame.
func overlayBox(content string, width, height int, st Styles) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	lines := strings.Split(content, "\n")
	maxLines := max(height-2, 1)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	for i, l := range lines {
		lines[i] = truncateCells(l, max(width-4, 1))
	}
	box := st.Overlay.Render(strings.Join(lines, "\n"))
	if lipgloss.Width(box) > width || lipgloss.Height(box) > height {
		// Too small for a frame: the bare lines.
		box = strings.Join(lines, "\n")
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box)
}
