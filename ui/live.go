package ui

import (
	tea "charm.land/bubbletea/v2"
)

// This file keeps the screen in step with what other processes change: the
// reading state that other folios on the same archive save.

// forceRefresh is R: the reading state is saved and reloaded, so that the
// marks other folio processes saved show here.
func (m *Model) forceRefresh() tea.Cmd {
	if m.reading == nil {
		return m.status.set("Nothing to refresh yet", false)
	}
	return tea.Batch(m.status.set("Refreshing…", false), saveStateCmd(m.reading))
}
