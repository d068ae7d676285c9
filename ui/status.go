package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// How long a status message stays. Errors stay longer: they need reading.
const (
	statusShort = 3 * time.Second
	statusLong  = 8 * time.Second
)

// statusLine is the transient message in the footer. Each message gets an id
// and its own timer; a timer that fires after a newer message replaced its
// own does nothing.
type statusLine struct {
	after afterFunc // makes the clearing timers (Options.after)
	id    int
	text  string
	isErr bool
	// whole is said after the text when the text is cut at the width
	// (" · ! reads it whole": a warning the ! overlay keeps whole)
	whole string
}

// set shows text and returns the Cmd that clears it later.
func (s *statusLine) set(text string, isErr bool) tea.Cmd {
	s.id++
	s.text, s.isErr, s.whole = archive.SanitizeLine(text), isErr, ""
	d := statusShort
	if isErr {
		d = statusLong
	}
	return clearStatusCmd(s.after, s.id, d)
}

// setFor shows text for d.
func (s *statusLine) setFor(text string, isErr bool, d time.Duration) tea.Cmd {
	s.id++
	s.text, s.isErr, s.whole = archive.SanitizeLine(text), isErr, ""
	return clearStatusCmd(s.after, s.id, d)
}

// setWhole shows text for d as setFor does; when the text is cut at the
// width, whole is said after what fits of it.
func (s *statusLine) setWhole(text, whole string, isErr bool, d time.Duration) tea.Cmd {
	cmd := s.setFor(text, isErr, d)
	s.whole = whole
	return cmd
}

// drop clears the message shown now, whichever it is; its timer then
// does nothing.
func (s *statusLine) drop() {
	s.id++
	s.text, s.isErr, s.whole = "", false, ""
}

func (s *statusLine) clear(id int) {
	if id == s.id {
		s.text, s.isErr, s.whole = "", false, ""
	}
}

func (s statusLine) active() bool { return s.text != "" }

func (s statusLine) view(width int, st Styles) string {
	if s.text == "" || width <= 0 {
		return ""
	}
	style := st.Status
	if s.isErr {
		style = st.StatusError
	}
	if s.whole != "" && ansi.StringWidth(s.text) > width && ansi.StringWidth(s.whole) < width {
		return style.Render(ansi.Truncate(s.text, width-ansi.StringWidth(s.whole), "…") + s.whole)
	}
	return style.Render(ansi.Truncate(s.text, width, "…"))
}
