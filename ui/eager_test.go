package ui

import (
	"context"
	"fmt"
	"runtime"
	"strings"
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

func earlyPanickingCommand() tea.Msg { panic("boom") }

// A batched command's panic is raised again in the command that waits for
// it, where Bubble Tea recovers it (and prints it, with the stack of the
// goroutine it recovered it in): its value and the stack of the command
// that panicked come with it.
func TestEarlyCommandPanicKeepsItsValueAndStack(t *testing.T) {
	b := startBatch(tea.BatchMsg{earlyPanickingCommand})
	defer func() {
		r := recover()
		p, ok := r.(*commandPanic)
		if !ok || p.value != "boom" {
			t.Fatalf("recovered %v, want the command's panic", r)
		}
		if s := fmt.Sprintf("%s", r); !strings.Contains(s, "boom") || !strings.Contains(s, "earlyPanickingCommand") {
			t.Fatalf("what Bubble Tea prints does not name the command that panicked:\n%s", s)
		}
	}()
	b[0]()
	t.Fatal("the waiting command did not panic")
}

// A command that ends its goroutine (runtime.Goexit, as t.FailNow does)
// ends the waiting one too, rather than leaving it waiting for good.
func TestEarlyCommandGoexitEndsItsWait(t *testing.T) {
	b := startBatch(tea.BatchMsg{func() tea.Msg { runtime.Goexit(); return nil }})
	ended := make(chan bool, 1)
	go func() {
		returned := false
		defer func() { ended <- returned }()
		b[0]()
		returned = true
	}()
	select {
	case returned := <-ended:
		if returned {
			t.Fatal("the waiting command returned a message")
		}
	case <-time.After(10 * time.Second): // a bound on failing
		t.Fatal("the waiting command still waits for a command that ended its goroutine")
	}
}
