package ui

import (
	"fmt"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// tracer keeps a timeline of what the reader does with each keystroke, for
// Options.Trace (folio's FOLIO_TRACE): when a key arrives, when a search
// starts and ends, when its answer is handled, how long each view takes
// and when the renderer writes a frame. The bench reads it to tell the
// terminal's share of a keystroke's time from folio's (bench/tui.go).
// Events are kept in memory, at most maxTraceEvents, and written when the
// program ends: nothing is written while it runs. A nil tracer does
// nothing.
type tracer struct {
	mu      sync.Mutex
	t0      time.Time
	lines   []string
	dropped int
}

const maxTraceEvents = 1 << 20

func newTracer() *tracer { return &tracer{t0: time.Now()} }

// event records what happened now: one line, microseconds since the start,
// then the event and its arguments.
func (t *tracer) event(format string, args ...any) {
	if t == nil {
		return
	}
	at := time.Since(t.t0).Microseconds()
	line := fmt.Sprintf("%d "+format, append([]any{at}, args...)...)
	t.mu.Lock()
	if len(t.lines) < maxTraceEvents {
		t.lines = append(t.lines, line)
	} else {
		t.dropped++
	}
	t.mu.Unlock()
}

// writeTo writes the timeline, one event a line.
func (t *tracer) writeTo(w io.Writer) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, l := range t.lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	if t.dropped > 0 {
		_, err := fmt.Fprintf(w, "# %d events not kept\n", t.dropped)
		return err
	}
	return nil
}

// traced wraps a search's command: the trace says when it starts and ends.
func (t *tracer) traced(gen int, cmd tea.Cmd) tea.Cmd {
	if t == nil {
		return cmd
	}
	return func() tea.Msg {
		t.event("search %d", gen)
		msg := cmd()
		t.event("found %d", gen)
		return msg
	}
}
