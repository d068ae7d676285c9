package ui

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// earlyProbe batches two commands on earlyGo and, until the first of them
// has started, holds its view: Bubble Tea computes that view before it
// starts a batch's commands, so the view waits in vain unless the program
// starts them early (eager.go).
type earlyProbe struct {
	waiting   bool
	started   chan struct{}
	viewFirst *atomic.Bool // the view gave up waiting: the batch had not started
}

type earlyGo struct{}
type earlyDone struct{}

func (m earlyProbe) Init() tea.Cmd { return nil }
func (m earlyProbe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(earlyGo); ok {
		m.waiting = true
		started := m.started
		return m, tea.Batch(
			func() tea.Msg { close(started); return earlyDone{} },
			func() tea.Msg { return earlyDone{} },
		)
	}
	return m, nil
}

func (m earlyProbe) View() tea.View {
	text := "text: first"
	if m.waiting {
		select {
		case <-m.started:
			text = "text: started"
		case <-time.After(5 * time.Second): // a bound on failing, not a wait for time
			m.viewFirst.Store(true)
			text = "text: view first"
		}
	}
	v := tea.NewView(text)
	v.AltScreen = true
	return v
}

// The commands of a batch start while the view of the Update that returned
// them is computed, not after it (a keystroke's search beside the key's
// view).
func TestBatchedCommandsStartBesideTheView(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	model := earlyProbe{started: make(chan struct{}), viewFirst: new(atomic.Bool)}
	p, _, out, _ := startGatedModel(ctx, t, model)
	defer p.Quit()
	p.Send(earlyGo{})
	out.waitFor(t, "started") // the renderer writes only the cells that change
	if model.viewFirst.Load() {
		t.Fatal("the batch's first command started only after the view that waited for it")
	}
}

// A batched command's panic reaches Bubble Tea as a panic in a command,
// which it recovers: the program ends with an error, the terminal restored.
func TestEarlyCommandPanicStopsTheProgram(t *testing.T) {
	b := startBatch(tea.BatchMsg{func() tea.Msg { panic("boom") }})
	defer func() {
		if r := recover(); r != "boom" {
			t.Fatalf("recovered %v, want the command's panic", r)
		}
	}()
	b[0]()
	t.Fatal("the waiting command did not panic")
}
