package ui

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/internal/termsafe"
)

// This file is a: a one-line prompt in the footer to paste a URL; enter
// hands it to Options.AddURL in a tea.Cmd (it fetches the page, extracts
// the piece and writes it into the archive folder), so the screen never
// waits for the network; the answer, or the error naming the URL, shows in
// the status line, and the index is refreshed to list the new piece (when
// one was written).

// addPrompt is the prompt: open while it has the keyboard (it takes every
// key, as an overlay does). Where nothing can be added, a opens it all the
// same with refusal, why.
type addPrompt struct {
	input   textinput.Model
	open    bool
	refusal promptRefusal // why nothing can be added here
}

func newAddPrompt(st Styles) addPrompt {
	in := textinput.New()
	in.Prompt = "add URL: "
	in.Placeholder = "paste a web page's address · enter adds it · esc cancels"
	in.CharLimit = 2000
	in.SetVirtualCursor(true)
	p := addPrompt{input: in}
	p.setStyles(st)
	return p
}

func (p *addPrompt) setStyles(st Styles) {
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	s.Focused.Prompt = st.Prompt
	if st.NoColor {
		s = textinput.Styles{Cursor: textinput.CursorStyle{Blink: false}}
	}
	p.input.SetStyles(s)
}

// start opens the prompt, empty; refusal, when not "", is why nothing can
// be added, shown on the prompt and said again on enter or esc.
func (p *addPrompt) start(refusal string) tea.Cmd {
	p.open = true
	p.refusal = promptRefusal{text: refusal}
	p.input.SetValue("")
	return p.input.Focus()
}

// update handles a key while the prompt is open: enter asks for the URL to
// be added, esc closes it; the rest is typed (a paste arrives as its own
// message, see forward).
func (p addPrompt) update(msg tea.KeyPressMsg, k KeyMap) (addPrompt, tea.Cmd, intent) {
	if in, ok := p.refusal.closeOn(msg, k); ok {
		p.open = false
		p.input.Blur()
		return p, nil, in
	}
	switch {
	case key.Matches(msg, k.FindAccept):
		u := strings.TrimSpace(p.input.Value())
		p.open = false
		p.input.Blur()
		if u == "" {
			return p, nil, nil
		}
		return p, nil, addURLIntent{url: u}
	case key.Matches(msg, k.FindCancel):
		p.open = false
		p.input.Blur()
		return p, nil, nil
	}
	return p.forward(msg)
}

// forward gives the prompt a message that is not one of its keys: a
// typed key, a paste, the cursor's messages.
func (p addPrompt) forward(msg tea.Msg) (addPrompt, tea.Cmd, intent) {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd, nil
}

// view is the footer line while the prompt is open.
func (p addPrompt) view(width int, st Styles) string {
	return p.refusal.promptLine(p.input, " ", width, lowerFirst(p.refusal.text), "", st)
}

// AddedURL is what Options.AddURL did with a page.
type AddedURL struct {
	// Text says it in a line: "added x.md: Title", "already in the
	// archive as x.md (…); nothing written".
	Text string
	// Written reports whether a file was written into the archive's
	// folder: only then is the index read again for it.
	Written bool
}

// addedURLMsg is the answer of Options.AddURL for url.
type addedURLMsg struct {
	url   string
	added AddedURL
	err   error
}

// addURLCmd runs Options.AddURL.
func addURLCmd(ctx context.Context, add func(context.Context, string) (AddedURL, error), u string) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = addedURLMsg{url: u, err: fmt.Errorf("adding the page failed: %v", r)}
			}
		}()
		added, err := add(ctx, u)
		return addedURLMsg{url: u, added: added, err: err}
	}
}

// startAddURL is a: the prompt, where a piece can be added, or which
// says why none can be.
func (m *Model) startAddURL() tea.Cmd {
	pages := m.layout()
	return tea.Batch(pages, m.addPrompt.start(m.cannotAdd()))
}

// cannotAdd is why a cannot add a piece here, as the status line says it;
// "" when it can.
func (m *Model) cannotAdd() string {
	switch {
	case m.opts.AddURL == nil && m.opts.ArchiveDir == "":
		return "The bundled archive is read-only: a adds pieces to a folder (folio --archive DIR)"
	case m.opts.AddURL == nil:
		return "This folio cannot fetch pages"
	}
	return ""
}

// addURL starts adding the piece at u; the screen goes on meanwhile.
func (m *Model) addURL(u string) tea.Cmd {
	if why := m.cannotAdd(); why != "" {
		return m.status.set(why, false)
	}
	status := m.status.setFor("Fetching "+quoteForStatus(u)+" …", false, addTimeout)
	return tea.Batch(status, addURLCmd(m.ctx, m.opts.AddURL, u))
}

// addTimeout is how long "Fetching …" may stay: the fetcher gives up on
// a response after 30 s, and retries a few times.
const addTimeout = 2 * time.Minute

// addedURL shows what adding a page did and, when a file was written,
// has the index read the folder again, so that the new piece is listed
// (the watch would, later). A page the archive held already is said to
// be, and nothing more (a helper's report: "…; nothing written · now in
// the index", as though it had just been indexed).
func (m *Model) addedURL(msg addedURLMsg) tea.Cmd {
	if msg.err != nil {
		text := "Could not add " + quoteForStatus(msg.url) + ": " + termsafe.ErrText(msg.err)
		if strings.Contains(msg.err.Error(), msg.url) {
			text = "Could not add: " + termsafe.ErrText(msg.err) // it names the URL
		}
		return m.status.setFor(text, true, statusLong)
	}
	status := m.status.setFor(capitalise(msg.added.Text), false, statusLong)
	if !msg.added.Written {
		return status
	}
	m.justAdded = msg.added.Text
	return tea.Batch(status, m.reindex())
}

// capitalise upper-cases the first letter of a message.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
