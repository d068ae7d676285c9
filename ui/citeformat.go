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

// askFormat shows the chooser.
func (m *Model) askFormat() tea.Cmd {
	var parts []string
	for _, fk := range formatKeys {
		parts = append(parts, fk.key+" "+string(fk.format))
	}
	cmd := m.status.setFor(fmt.Sprintf("Cite as: %s (now %s; any other key keeps it)", strings.Join(parts, " · "), m.opts.citationFormat()), false, statusLong)
	m.formatPrompt = m.status.id
	return cmd
}

// choosingFormat reports whether the chooser is on screen.
func (m Model) choosingFormat() bool {
	return m.formatPrompt != 0 && m.formatPrompt == m.status.id && m.status.active()
}

// chooseFormat takes the key pressed at the chooser.
func (m *Model) chooseFormat(msg tea.KeyPressMsg) tea.Cmd {
	m.formatPrompt = 0
	for _, fk := range formatKeys {
		if msg.String() != fk.key {
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
