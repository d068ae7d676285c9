package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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

// helpPageKeys turn the pages of the ? overlay.
type helpPageKeys struct{ Next, Prev, Close key.Binding }

func newHelpPageKeys() helpPageKeys {
	return helpPageKeys{
		Next:  key.NewBinding(key.WithKeys("space", "pgdown", "right", "l", "j", "down"), key.WithHelp("space", "next page")),
		Prev:  key.NewBinding(key.WithKeys("b", "pgup", "left", "h", "k", "up"), key.WithHelp("b", "previous page")),
		Close: key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", "close")),
	}
}

// helpPane is the ? overlay: every key of the KeyMap by where it works
// (helpkeys.go), in as many columns as the width allows and, when they do
// not all fit, on pages turned with space and b.
type helpPane struct {
	open bool
	page int
}

// update handles a key while the overlay is open; pages is how many it
// has at the size of the screen.
func (h helpPane) update(msg tea.KeyPressMsg, k helpPageKeys, pages int) helpPane {
	switch {
	case key.Matches(msg, k.Close):
		h.open, h.page = false, 0
	case key.Matches(msg, k.Next):
		h.page = min(h.page+1, max(pages-1, 0))
	case key.Matches(msg, k.Prev):
		h.page = max(h.page-1, 0)
	}
	return h
}

// view draws the overlay in width×height.
func (h helpPane) view(width, height int, keys KeyMap, st Styles) string {
	pages := helpPagesAt(width, height, keys, st)
	page := min(h.page, len(pages)-1) // the screen may have grown
	title := st.Brand.Render("folio keys") + st.Hint.Render("  (? or esc to close)")
	if len(pages) > 1 {
		title += st.Hint.Render(fmt.Sprintf(" · page %d of %d: space, b", page+1, len(pages)))
	}
	return overlayBox(title+"\n\n"+pages[page], width, height, st)
}

// helpPagesAt is the pages of the overlay in width×height: the frame
// takes 4 cells and 2 lines, the title 2 lines.
func helpPagesAt(width, height int, keys KeyMap, st Styles) []string {
	return helpPages(keys.withOthers(keys.helpSections()), max(width-4, 1), max(height-4, 1), st)
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
