package ui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The sidebar's keys: the values and the timeline (update), the filter
// typed with / (filterKey), and the mouse (clickBar, clickEntry). A change
// of the filters is returned as a filtersChangedIntent; esc asks for the
// list.

// update handles a key of the sidebar. ok is false for a key that is not
// the sidebar's (the root then tries its own).
func (s sidebar) update(msg tea.KeyPressMsg, k KeyMap) (sidebar, intent, bool) {
	if in, ok := s.filterKey(msg, k); ok {
		return s, in, true
	}
	switch {
	case key.Matches(msg, k.Toggle):
		if name, ok := s.savedAt(s.cursor); ok && !s.inTimeline {
			return s, openSavedIntent{name: name}, true
		}
		if s.toggle() {
			return s, filtersChangedIntent{}, true
		}
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.Top):
		s.moveTo(0)
	case key.Matches(msg, k.Bottom):
		s.moveTo(len(s.entries) - 1)
	case key.Matches(msg, k.PageUp):
		s.pageUp()
	case key.Matches(msg, k.PageDown):
		s.pageDown()
	case key.Matches(msg, k.BarLeft, k.BarRight):
		s.sideways(key.Matches(msg, k.BarRight))
	case key.Matches(msg, k.FindCancel):
		return s, toListIntent{}, true
	default:
		return s, nil, false
	}
	return s, nil, true
}

// filterKey handles the keys of the sidebar's filter: / to start it;
// while typing, text, backspace, enter (keep) and esc (clear); esc clears
// a kept filter. It changes s in place; ok is false for the keys it leaves
// to the rest of the sidebar.
func (s *sidebar) filterKey(msg tea.KeyPressMsg, k KeyMap) (intent, bool) {
	if !s.filtering {
		switch {
		case key.Matches(msg, k.FilterValues):
			s.filtering, s.inTimeline = true, false
			s.setFilter(s.filter)
			return nil, true
		case s.filter != "" && key.Matches(msg, k.FindCancel):
			s.clearFilter()
			return nil, true
		}
		return nil, false
	}
	switch msg.String() {
	case "esc":
		s.filtering = false
		s.clearFilter()
	case "enter", "down", "tab":
		s.filtering = false
		s.follow()
	case "backspace":
		if r := []rune(s.filter); len(r) > 0 {
			s.setFilter(string(r[:len(r)-1]))
		}
	default:
		if t := msg.Text; t != "" && !strings.ContainsFunc(t, unicode.IsControl) {
			s.setFilter(s.filter + t)
		}
	}
	return nil, true
}

// sideways is h/l: on the timeline, the bar to the left or right; on a
// decade (or one of its years), close or open it.
func (s *sidebar) sideways(right bool) {
	if d, ok := s.onDecade(); ok {
		s.openDecade(d, right)
		return
	}
	if right {
		s.moveBar(1)
	} else {
		s.moveBar(-1)
	}
}

// clickBar chooses (or unchooses) timeline bar i, the cursor on it; it
// reports whether the filters changed.
func (s *sidebar) clickBar(i int) bool {
	s.inTimeline = true
	return s.toggleBar(i)
}

// clickEntry toggles entry i, the cursor on it; it reports whether the
// filters changed.
func (s *sidebar) clickEntry(i int) bool {
	s.cursor = i
	s.inTimeline = false
	s.follow()
	return s.toggle()
}

// onTimeline reports whether the cursor is on the timeline's bars.
func (s sidebar) onTimeline() bool { return s.inTimeline }

// setFocused says whether the sidebar has the keyboard (the cursor shows
// only when it has).
func (s *sidebar) setFocused(f bool) { s.focused = f }
