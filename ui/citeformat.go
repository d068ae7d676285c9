package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/cite"
)

// This file is the one-key chooser of the citation format (F): F shows the
// formats with a key each in the status line, the next key picks one (any
// other leaves it as it was), and the choice is kept by
// Options.SaveCitationFormat for the next run.

// formatKeys are the chooser's keys, in the order it shows them.
var formatKeys = []struct {
	key    string
	format cite.Format
}{
	{"t", cite.Text}, {"m", cite.Markdown}, {"b", cite.BibTeX}, {"r", cite.RIS}, {"j", cite.CSLJSON},
}

// formatChooser is the chooser: its prompt, drawn in the footer over any
// status message until the next key or statusLong, and its id, which its
// timer names. A status message that comes meanwhile (an index refreshed)
// does not close it (a helper's report: it did, silently, and the key
// meant for it marked the piece under the cursor unread).
type formatChooser struct {
	id     int
	prompt string
	// statusAt is the status line's id when the chooser opened: a message
	// newer than it came while the chooser hid it, and is shown again when
	// the chooser closes (missedStatus)
	statusAt int
}

// open reports whether the chooser is on screen.
func (c formatChooser) open() bool { return c.prompt != "" }

// update takes the key pressed at the chooser: the chooser closes and
// returns the key, which the root turns into a format (chooseFormat).
func (c formatChooser) update(msg tea.KeyPressMsg) (formatChooser, intent) {
	return formatChooser{id: c.id, statusAt: c.statusAt}, formatChosenIntent{key: msg.String()}
}

// missedStatus is the status message that came while the chooser, now
// closed, was drawn over it (a review's report: an error was hidden for
// the chooser's 8 s and gone when it closed), or "".
func (m *Model) missedStatus() (string, bool) {
	if m.status.active() && m.status.id > m.format.statusAt {
		return m.status.text, m.status.isErr
	}
	return "", false
}

// closeFormatMsg closes the chooser of id when no key came (askFormat).
type closeFormatMsg struct{ id int }

// askFormat shows the chooser.
func (m *Model) askFormat() tea.Cmd {
	var parts []string
	for _, fk := range formatKeys {
		parts = append(parts, fk.key+" "+string(fk.format))
	}
	id := m.format.id + 1
	m.format = formatChooser{id: id, statusAt: m.status.id, prompt: fmt.Sprintf("Cite as: %s (now %s; any other key keeps it)", strings.Join(parts, " · "), m.opts.citationFormat())}
	return m.status.after(statusLong, closeFormatMsg{id: id})
}

// chooseFormat takes the key pressed at the chooser: its format, or any
// other key keeps the format as it is.
func (m *Model) chooseFormat(k string) tea.Cmd {
	missed, missedErr := m.missedStatus()
	say := func(text string) tea.Cmd {
		if missed != "" {
			return m.status.setFor(text+" · "+missed, missedErr, statusLong)
		}
		return m.status.set(text, false)
	}
	for _, fk := range formatKeys {
		if k != fk.key {
			continue
		}
		m.opts.CitationFormat = fk.format
		cmds := []tea.Cmd{say("c and C now copy " + string(fk.format))}
		if save := m.opts.SaveCitationFormat; save != nil {
			cmds = append(cmds, saveFormatCmd(save, fk.format))
		}
		return tea.Batch(cmds...)
	}
	return say("Citation format kept: " + string(m.opts.citationFormat()))
}
