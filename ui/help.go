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

// fullHelpView is the `?` overlay: every binding, its groups side by side
// in as many columns as the width allows, in rows of columns when not all
// fit, stacked when the terminal is narrow.
func fullHelpView(width, height int, keys KeyMap, st Styles) string {
	h := help.New()
	h.Styles = st.Help
	groups := keys.FullHelp()
	inner := max(width-4, 1)
	var body string
	for cols := len(groups); cols >= 1; cols-- {
		rows := make([]string, 0, (len(groups)+cols-1)/cols)
		for i := 0; i < len(groups); i += cols {
			rows = append(rows, h.FullHelpView(groups[i:min(i+cols, len(groups))]))
		}
		body = strings.Join(rows, "\n\n")
		if lipgloss.Width(body) <= inner {
			break
		}
	}
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
