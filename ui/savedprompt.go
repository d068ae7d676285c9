package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
)

// promptRefusal is why a footer prompt can do nothing here (S where the
// search cannot be saved, a where no piece can be added), as the status
// line says it; "" when it can. A refused prompt opens all the same, with
// the reason after its input, and takes what is typed, so that the name
// or URL typed after S or a goes into it rather than running as keys (a
// helper's report: the q of a name typed after a refused S quit the
// reader); enter or esc closes it and says the reason again.
type promptRefusal struct {
	text  string
	isErr bool // said as an error
}

// closeOn is what a key does to a refused prompt: enter or esc closes it
// (ok) and the intent says the reason; any other key, or any key on a
// prompt not refused, is the prompt's own (not ok).
func (r promptRefusal) closeOn(msg tea.KeyPressMsg, k KeyMap) (intent, bool) {
	if r.text == "" || !key.Matches(msg, k.FindAccept, k.FindCancel) {
		return nil, false
	}
	return sayIntent{text: r.text, isErr: r.isErr}, true
}

// promptLine is a prompt's footer line, width cells wide: lead, in, and
// note (why what was typed was not taken, or the refusal) with suffix
// (the word on esc), the note made safe and cut before the text typed is
// hidden. A
// refused prompt shows no placeholder, and esc says the reason again.
func (r promptRefusal) promptLine(in textinput.Model, lead string, width int, note, suffix string, st Styles) string {
	note = archive.SanitizeLine(note) // as the status line says it
	if r.text != "" {
		in.Placeholder = ""
		suffix = " (esc)"
	}
	n, inputW := fitPromptNote(width, lipgloss.Width(lead+in.Prompt), inputRoom(in), note, suffix, st)
	setInputWidth(&in, inputW)
	return truncateCells(lead+in.View()+n, width)
}

// savedPrompt is the one-line prompt of S: the name to save the search
// under, typed in the footer. While it is open it has every key: enter
// saves, esc cancels; when the search cannot be saved at all, refusal
// says why.
type savedPrompt struct {
	open    bool
	input   textinput.Model
	err     string        // why the name last typed was not taken, or the search cannot be saved, shown after it
	refusal promptRefusal // why the search cannot be saved, said again on enter or esc
}

// refusedSavePrompt is the prompt of an S that cannot save: it shows
// refusal and takes the keys typed until esc or enter, which say it again
// in the status line.
func refusedSavePrompt(st Styles, refusal string) savedPrompt {
	p := newSavedPrompt(st, "", lowerFirst(strings.Replace(refusal, "Cannot save this search:", "Cannot save:", 1)))
	p.refusal = promptRefusal{text: refusal, isErr: true}
	return p
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
		if in, ok := p.refusal.closeOn(kp, k); ok {
			return savedPrompt{}, nil, in
		}
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
	return p.refusal.promptLine(p.input, "", width, p.err, " (esc: not saved)", st)
}

// setInputWidth gives in the width w, with its text scrolled to show the
// cursor within it: the input scrolls its text only as it takes a key, at
// the width it had then, and a view's copy is given its width afresh.
func setInputWidth(in *textinput.Model, w int) {
	in.SetWidth(w)
	pos := in.Position()
	in.SetCursor(len(in.Value()))
	in.SetCursor(pos)
}

// promptMinInput is the most cells a prompt's input keeps beside a note
// too long for the line: the note is cut rather than the text typed
// hidden.
const promptMinInput = 10

// inputRoom is the cells in's text needs (its placeholder when empty),
// and the cursor's, up to promptMinInput.
func inputRoom(in textinput.Model) int {
	w := lipgloss.Width(in.Value())
	if w == 0 {
		w = lipgloss.Width(in.Placeholder)
	}
	return min(w+1, promptMinInput)
}

// fitPromptNote is the note shown after a prompt's input (why a name was
// not taken, why nothing can be saved or added) with its suffix (the
// word on esc), the reason cut with "…" where the line is too short for
// it beside inputMin cells of input; and the width the input keeps, the
// rest of the line after labelW cells of the prompt's label.
func fitPromptNote(width, labelW, inputMin int, reason, suffix string, st Styles) (string, int) {
	if reason == "" {
		return "", max(width-labelW-1, 1)
	}
	room := width - labelW - 1 - inputMin - 2 - lipgloss.Width(suffix)
	if lipgloss.Width(reason) > room {
		reason = ansi.Truncate(reason, max(room, 1), "…")
	}
	note := "  " + st.StatusError.Render(reason+suffix)
	return note, max(width-labelW-1-lipgloss.Width(note), 1)
}

// lowerFirst lower-cases the first letter of a status line's sentence,
// to show it after a prompt.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
