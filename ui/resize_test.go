package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// After a burst of resizes the whole screen is drawn again once, when the
// last one has settled; the settling of an earlier resize does nothing.
func TestResizeBurstRedrawsOnceSettled(t *testing.T) {
	m := New(Options{After: testClock})
	for _, size := range [][2]int{{70, 20}, {120, 40}} {
		m.update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	}
	if cmd := m.update(resizeSettledMsg{seq: m.resizeSeq - 1}); cmd != nil {
		t.Fatalf("an earlier resize's settling returned %T; want nothing", cmd())
	}
	cmd := m.update(resizeSettledMsg{seq: m.resizeSeq})
	if cmd == nil {
		t.Fatal("the last resize's settling returned no Cmd; want a clear screen")
	}
	if got, want := fmt.Sprintf("%T", cmd()), fmt.Sprintf("%T", tea.ClearScreen()); got != want {
		t.Fatalf("settling returned %s; want %s", got, want)
	}
}
