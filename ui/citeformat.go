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
}

// open reports whether the chooser is on screen.
func (c formatChooser) open() bool { return c.prompt != "" }

// update takes the key pressed at the chooser: the chooser closes and
// returns the key, which the root turns into a format (chooseFormat).
func (c formatChooser) update(msg tea.KeyPressMsg) (formatChooser, intent) {
	return formatChooser{id: c.id}, formatChosenIntent{key: msg.String()}
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
	m.format = formatChooser{id: id, prompt: fmt.Sprintf("Cite as: %s (now %s; any other key keeps it)", strings.Join(parts, " · "), m.opts.citationFormat())}
	return m.status.after(statusLong, closeFormatMsg{id: id})
}

// chooseFormat takes the key pressed at the chooser: its format, or any
// other key keeps the format as it is.
func (m *Model) chooseFormat(k string) tea.Cmd {
	for _, fk := range formatKeys {
		if k != fk.key {
			continue
		}
		m.opts.CitationFormat = fk.format
		cmds := []tea.Cmd{m.status.set("c and C now copy "+string(fk.format), false)}
		if save := m.opts.SaveCitationFormat; save != nil {
			cmds = append(cmds, saveFormatCmd(save, fk.format))
		}
		return tea.Batch(cmds...)
	}
	return m.status.set("Citation format kept: "+string(m.opts.citationFormat()), false)
}
