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

// pageDown is PageDown: the entry just under the screen (behind the "↓ N
// more" line or past the last line) becomes the first on screen, headers
// counted as lines as they are drawn, and the cursor goes to the first
// value from there, so that no row is passed unseen however many groups
// the page crosses. With the list's end on screen the cursor goes to the
// last value; from there PageDown enters the timeline, as Down does.
func (s *sidebar) pageDown() {
	if s.inTimeline {
		return
	}
	end, _, _ := s.shownFrom(s.offset, s.listHeight())
	next := s.valueFrom(max(end, s.cursor+1), 1)
	if next < 0 {
		if last := s.valueFrom(len(s.entries)-1, -1); last > s.cursor {
			s.cursor = last
			s.follow()
		} else {
			s.move(1)
		}
		return
	}
	s.cursor = next
	s.offset = min(end, s.lastOffset())
	s.follow()
}

// pageUp is PageUp: the entry just above the screen becomes the last on
// screen (the list from the least offset that still shows it, above the
// "↓ N more" line), and the cursor goes to the last value up to it, so
// that no row is passed unseen. On the timeline it goes back to the
// values, as Up does.
func (s *sidebar) pageUp() {
	if s.inTimeline {
		s.move(-1)
		return
	}
	h := s.listHeight()
	prev := s.valueFrom(min(s.offset, s.cursor)-1, -1)
	if h <= 0 {
		s.move(-1)
		return
	}
	if prev < 0 {
		s.moveTo(0)
		return
	}
	off := max(s.offset-h, 0)
	for off < s.offset-1 {
		if end, _, _ := s.shownFrom(off, h); end >= s.offset {
			break
		}
		off++
	}
	s.cursor, s.offset = prev, off
	s.follow()
}

// valueFrom is the first value (no header) from entry i on in direction
// dir, -1 when there is none.
func (s sidebar) valueFrom(i, dir int) int {
	for ; i >= 0 && i < len(s.entries); i += dir {
		if !s.entries[i].header {
			return i
		}
	}
	return -1
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
