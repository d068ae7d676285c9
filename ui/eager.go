package ui

import (
	"fmt"
	"runtime"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
)

// Bubble Tea v2.1.1 starts the commands of a tea.Batch late: Update's
// command runs at once in a goroutine, but a batch's command only returns a
// tea.BatchMsg, which goes back through the event loop, and the event loop
// first computes the view of the Update that returned it (tea.go: Update,
// then render). So a keystroke's search, batched with its typing pause,
// started only once the key's own view was drawn.
//
// Measured with a build that logged the steps FOLIO_TRACE now logs
// (trace.go), in the tmux bench at 100k pieces, 2026-12-03, one run each,
// ~105 typed keys: key → search start p50 2.6 → 0.3 ms; key → the frame
// with its results written p50 23.3 → 18.5 ms (the search itself 13.1 →
// 11.3, beside the view now). The bench's typing p50 in tmux moved 29.4 →
// 22.9 ms in those two runs, but two more alternating runs of each binary
// (README, run (j)) gave 27.9 and 22.5 (before) against 30.7 and 22.3
// (after): within the spread of the terminal's side.
//
// startEarly runs a batch's commands as soon as Bubble Tea hands over the
// command, beside the view: each is started in a goroutine of its own, and
// the batch that goes back through the event loop holds only commands that
// wait for those goroutines' messages (nested batches alike). What each
// command does, and the messages the program gets, are the same; only when
// they start changes. A command that panics panics again in the waiting
// command, where Bubble Tea recovers it, with the value and the stack of the
// command's own goroutine (commandPanic); one that calls runtime.Goexit
// ends its waiting command the same way. Sequences are left as they are
// (their order is their point).
func startEarly(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			return startBatch(b)
		}
		return msg
	}
}

// startBatch starts every command of b now and returns the batch of their
// waits.
func startBatch(b tea.BatchMsg) tea.BatchMsg {
	out := make(tea.BatchMsg, 0, len(b))
	for _, c := range b {
		if c != nil {
			out = append(out, startNow(c))
		}
	}
	return out
}

// startNow runs c in a goroutine at once and returns the command that waits
// for its message.
func startNow(c tea.Cmd) tea.Cmd {
	type result struct {
		msg    tea.Msg
		failed *commandPanic // c panicked
		exited bool          // c called runtime.Goexit
	}
	done := make(chan result, 1)
	go func() {
		finished := false
		defer func() {
			if finished {
				return
			}
			if r := recover(); r != nil {
				done <- result{failed: &commandPanic{value: r, stack: debug.Stack()}}
				return
			}
			done <- result{exited: true}
		}()
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			msg = startBatch(b)
		}
		finished = true
		done <- result{msg: msg}
	}()
	return func() tea.Msg {
		r := <-done
		switch {
		case r.failed != nil:
			panic(r.failed)
		case r.exited:
			runtime.Goexit()
		}
		return r.msg
	}
}

// commandPanic is a command's panic, passed on to the command that waits
// for it, with the stack where it happened: Bubble Tea prints the stack of
// the goroutine it recovers the panic in, which is the waiting one.
type commandPanic struct {
	value any
	stack []byte
}

func (p *commandPanic) String() string {
	return fmt.Sprintf("%v\n\ngoroutine of the command that panicked:\n%s", p.value, p.stack)
}
