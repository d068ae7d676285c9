package ui

// The sidebar's cursor: moving over the entries and into and out of the
// timeline's bars.

// fixCursor moves the cursor off headers, in direction dir.
func (s *sidebar) fixCursor(dir int) {
	if len(s.entries) == 0 {
		s.cursor = 0
		return
	}
	s.cursor = min(max(s.cursor, 0), len(s.entries)-1)
	for i := s.cursor; i >= 0 && i < len(s.entries); i += dir {
		if !s.entries[i].header {
			s.cursor = i
			return
		}
	}
	for i := s.cursor; i >= 0 && i < len(s.entries); i -= dir {
		if !s.entries[i].header {
			s.cursor = i
			return
		}
	}
}

// move moves the cursor by delta values. Moving down past the last value
// enters the timeline (when it is shown); moving up leaves it.
func (s *sidebar) move(delta int) {
	if s.inTimeline {
		if delta < 0 {
			s.inTimeline = false
			s.follow()
		}
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	moved := false
	for n := 0; n < abs(delta) && len(s.entries) > 0; n++ {
		next := s.cursor + dir
		for next >= 0 && next < len(s.entries) && s.entries[next].header {
			next += dir
		}
		if next < 0 || next >= len(s.entries) {
			break
		}
		s.cursor, moved = next, true
	}
	if !moved && dir > 0 && s.timelineHeight() > 0 {
		s.inTimeline = true
		s.bar = len(s.timelineBars()) - 1 // the latest period first
	}
	s.follow()
}

// moveBar moves the timeline cursor by delta bars.
func (s *sidebar) moveBar(delta int) {
	if !s.inTimeline {
		return
	}
	s.bar = min(max(s.bar+delta, 0), max(len(s.timelineBars())-1, 0))
}

func (s *sidebar) moveTo(i int) {
	s.inTimeline = false
	s.cursor = i
	dir := 1
	if i >= len(s.entries)-1 {
		dir = -1
	}
	s.fixCursor(dir)
	s.follow()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
