package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/numfmt"
)

// searchHint is the placeholder of the empty search box: a reminder of the
// query language (see the index package).
const searchHint = `words  "a phrase"  -exclude  tag:x  outlet:x  author:x  prefix*`

// searchBox is the query input at the top of the screen.
type searchBox struct {
	input textinput.Model
}

func newSearchBox(st Styles) searchBox {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = searchHint
	// as long as a query the index searches (it cuts a longer one at a
	// word, with a note): at 500 the box cut a saved search of 511
	// characters mid-word, with no note, and counted other pieces than
	// the CLI (a helper's report)
	in.CharLimit = index.MaxQueryLen
	// A steady cursor: a blinking one would wake the program twice a second.
	in.SetVirtualCursor(true)
	b := searchBox{input: in}
	b.setStyles(st)
	return b
}

func (b *searchBox) setStyles(st Styles) {
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	s.Focused.Prompt = st.Prompt
	s.Blurred.Prompt = st.Hint
	s.Focused.Placeholder = st.Hint
	s.Blurred.Placeholder = st.Hint
	if st.NoColor {
		s = textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	}
	b.input.SetStyles(s)
}

func (b *searchBox) focus() tea.Cmd { return b.input.Focus() }
func (b *searchBox) blur()          { b.input.Blur() }
func (b searchBox) value() string   { return b.input.Value() }

func (b *searchBox) setValue(s string) {
	b.input.SetValue(s)
	b.input.CursorEnd()
}

// setWidth sizes the input; a box too narrow for the syntax reminder gets a
// short placeholder instead of a cut-off one.
func (b *searchBox) setWidth(w int) {
	b.input.SetWidth(max(w-lenPrompt, 1))
	if w-lenPrompt < len(searchHint) {
		b.input.Placeholder = shortSearchHint
	} else {
		b.input.Placeholder = searchHint
	}
}

// shortSearchHint is the placeholder on narrow terminals.
const shortSearchHint = "type to search"

const lenPrompt = 2 // "/ "

// update handles a message while the box has the keyboard: enter and esc
// leave it, ctrl+y takes the suggestion, and everything else goes to the
// input; a change of the text is a queryChangedIntent.
func (b searchBox) update(msg tea.Msg, k KeyMap) (searchBox, tea.Cmd, intent) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.SearchLeave, k.SearchAccept):
			return b, nil, leaveSearchIntent{}
		case key.Matches(kp, k.UseSuggestion):
			return b, nil, useSuggestionIntent{}
		}
	}
	before := b.input.Value()
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	if b.input.Value() != before {
		return b, cmd, queryChangedIntent{}
	}
	return b, cmd, nil
}

func (b searchBox) view() string { return b.input.View() }

// querySaid is what the index said about the current query: its notes,
// the forms stemming searched, a spelling suggestion, the word being typed
// that matched as a prefix, a word too short to search for yet.
type querySaid struct {
	notes      []string
	forms      []string
	suggestion *index.Suggestion
	typed      string
	partial    string
}

// queryLine is the footer's line about the query, while the list or the
// search box has the keyboard: the notes, else the suggestion, else (in the
// search box) the forms searched. "" when there is nothing to say.
func (m Model) queryLine() string {
	if m.focus != paneSearch && m.focus != paneList || !m.haveResult {
		return ""
	}
	switch {
	case len(m.said.notes) > 0:
		return archive.SanitizeLine("note: " + strings.Join(m.said.notes, "; "))
	case m.said.suggestion != nil:
		return m.suggestionText()
	case m.focus == paneSearch && len(m.said.forms) > 0:
		return archive.SanitizeLine("searched " + strings.Join(m.said.forms, "; ") + ` · "quotes" for the exact word`)
	}
	return ""
}

// suggestionText offers the suggestion and its key.
func (m Model) suggestionText() string {
	s := m.said.suggestion
	if s == nil {
		return ""
	}
	k := m.keys.UseSuggestion.Help().Key
	return archive.SanitizeLine(fmt.Sprintf("Did you mean %s (%s)? %s to search it", s.Fix, numfmt.Thousands(s.Count), k))
}

// useSuggestion puts the suggested query in the box and searches it.
func (m *Model) useSuggestion() tea.Cmd {
	s := m.said.suggestion
	if s == nil {
		return nil
	}
	m.search.setValue(s.Query)
	m.typingSeq++
	m.typing = false
	return m.startSearch()
}
