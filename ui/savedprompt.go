package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/folio-tui/folio/archive"
)

// savedPrompt is the one-line prompt of S: the name to save the search
// under, typed in the footer. While it is open it has every key: enter
// saves, esc cancels.
type savedPrompt struct {
	open  bool
	input textinput.Model
	err   string // why the name last typed was not taken, shown after it
}

func newSavedPrompt(st Styles, value, err string) savedPrompt {
	in := textinput.New()
	in.Prompt = "Save the search as: "
	in.Placeholder = "a name"
	in.CharLimit = 64
	in.SetVirtualCursor(true)
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	s.Focused.Prompt = st.Prompt
	if st.NoColor {
		s = textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	}
	in.SetStyles(s)
	in.SetValue(value)
	in.Focus()
	return savedPrompt{open: true, input: in, err: archive.SanitizeLine(err)}
}

// update takes a key (or a paste) while the prompt is open.
func (p savedPrompt) update(msg tea.Msg, k KeyMap) (savedPrompt, tea.Cmd, intent) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.FindCancel):
			return savedPrompt{}, nil, sayIntent{text: "Not saved"}
		case key.Matches(kp, k.FindAccept):
			return savedPrompt{}, nil, saveSearchIntent{name: strings.TrimSpace(p.input.Value())}
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd, nil
}

func (p savedPrompt) view(width int, st Styles) string {
	note := ""
	if p.err != "" {
		note = "  " + st.StatusError.Render(p.err+" (esc: not saved)")
	}
	p.input.SetWidth(max(width-lipgloss.Width(p.input.Prompt)-lipgloss.Width(note)-1, 1))
	return truncateCells(p.input.View()+note, width)
}
