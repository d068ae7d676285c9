package ui

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// gateProbe is a model that shows a text it is sent.
type gateProbe struct {
	text string
	alt  bool // draw on the alternate screen, as folio does
}

type gateText string

func (m gateProbe) Init() tea.Cmd { return nil }
func (m gateProbe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if t, ok := msg.(gateText); ok {
		m.text = string(t)
	}
	return m, nil
}
func (m gateProbe) View() tea.View {
	v := tea.NewView("text: " + m.text)
	v.WindowTitle = "probe"
	v.AltScreen = m.alt
	return v
}

// terminalOut collects what reaches the terminal and says when it contains
// a string.
type terminalOut struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	more chan struct{}
}

func (o *terminalOut) read(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		o.mu.Lock()
		o.buf.Write(b[:n])
		o.mu.Unlock()
		select {
		case o.more <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

func (o *terminalOut) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

func (o *terminalOut) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(o.String(), s) {
		select {
		case <-o.more:
		case <-deadline:
			t.Fatalf("the terminal never showed %q; it got %q", s, o.String())
		}
	}
}

func waitHeld(t testing.TB, held chan struct{}, what string) {
	t.Helper()
	select {
	case <-held:
	case <-time.After(10 * time.Second):
		t.Fatalf("the renderer was not held %s: Bubble Tea would draw at its fixed rate while idle", what)
	}
}

// The renderer's goroutine is held while nothing changes (no wakeups at
// frameRate a second), a change is drawn and the goroutine held again, and what
// reaches the terminal carries neither the gate's marker nor its title tags.
func TestFrameGateHoldsTheRendererWhileIdle(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p, gate, out, done := startGated(ctx, t)

	p.Send(gateText("second"))
	out.waitFor(t, "second")
	waitHeld(t, gate.held, "after a change")

	// A message of Bubble Tea's own that takes the output lock: the
	// goroutine is let go first, so the program does not stop.
	p.Send(tea.RequestWindowSize())
	p.Send(gateText("third"))
	out.waitFor(t, "third")
	waitHeld(t, gate.held, "after Bubble Tea's own message")

	// tea.ClearScreen changes no view, but the renderer has a frame to
	// write: it is written before the renderer is held again.
	before := len(out.String())
	p.Send(tea.ClearScreen())
	waitHeld(t, gate.held, "after a clear screen")
	if after := out.String()[before:]; !strings.Contains(after, "text: third") {
		t.Errorf("after tea.ClearScreen the terminal got %q, want the screen drawn again", after)
	}

	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop on Quit")
	}
	got := out.String()
	if strings.Contains(got, "folio-idle") || strings.Contains(got, titleTag) {
		t.Errorf("the gate's marker or title tag reached the terminal: %q", got)
	}
	if n := strings.Count(got, "\x1b]2;probe\a"); n != 1 {
		t.Errorf("the title was sent %d times, want once: %q", n, got)
	}
}

// A resize makes the renderer draw the whole screen again; before it does,
// the terminal's scrolling region is reset to the whole screen, so that a
// region the renderer set for the old size cannot scroll the new frame.
func TestFrameGateResetsTheScrollRegionOnResize(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p, gate, out, done := startGatedModel(ctx, t, gateProbe{text: "first", alt: true})
	before := len(out.String())
	p.Send(tea.WindowSizeMsg{Width: 30, Height: 4})
	p.Send(gateText("after the resize"))
	out.waitFor(t, "after the resize")
	waitHeld(t, gate.held, "after the resize")
	after := out.String()[before:]
	if !strings.Contains(after, "\x1b[r"+eraseAll) {
		t.Errorf("the redraw after a resize did not reset the scrolling region first: %q", after)
	}
	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop on Quit")
	}
}

// A program stopped with no message the gate sees (Kill, as an error of the
// terminal's input or a panic in a command would) stops although its
// renderer is held: the held goroutine notices the program no longer
// answers.
func TestFrameGateLetsAKilledProgramStop(t *testing.T) {
	p, _, _, done := startGated(context.Background(), t)
	p.Kill()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a killed program with its renderer held did not stop")
	}
}

// startGated runs a program showing "text: first" through a frame gate
// writing to a pipe, and returns once the first frame is on the terminal
// and the gate holds the renderer; done receives Run's error.
func startGated(ctx context.Context, t *testing.T) (*tea.Program, *frameGate, *terminalOut, chan error) {
	t.Helper()
	return startGatedModel(ctx, t, gateProbe{text: "first"})
}

func startGatedModel(ctx context.Context, t *testing.T, model tea.Model) (*tea.Program, *frameGate, *terminalOut, chan error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	out := &terminalOut{more: make(chan struct{}, 1)}
	go out.read(r)
	gate := newFrameGate(ctx, w)
	gate.held = make(chan struct{}, 1)
	p := tea.NewProgram(newGatedModel(model, gate), tea.WithContext(ctx),
		tea.WithOutput(gate), tea.WithFilter(gate.filter), tea.WithInput(nil), tea.WithWindowSize(40, 5), tea.WithFPS(frameRate))
	gate.attach(p)
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	out.waitFor(t, "text: first")
	waitHeld(t, gate.held, "after the first frame")
	return p, gate, out, done
}

// Every title of a write is looked at: the reset written when the terminal
// is given back (e, o) and the tagged title after it, in one write, reach
// the terminal as the reset and the real title, without the tag (a
// helper's report: the tag stayed in the window's title for good).
func TestFrameGateUntagsEveryTitleOfAWrite(t *testing.T) {
	g := &frameGate{title: "folio — a"}
	in := "\x1b]2;\a\x1b[?1049h\x1b]2;folio — a" + titleTag + "70\arest"
	out, seq, framed := g.untag([]byte(in))
	if want := "\x1b]2;\a\x1b[?1049h\x1b]2;folio — a\arest"; string(out) != want || seq != 70 || !framed {
		t.Errorf("untag(%q) = %q, %d, %v; want %q, 70, true", in, out, seq, framed, want)
	}
	// the same title again is not written again
	out, _, _ = g.untag([]byte("x\x1b]2;folio — a" + titleTag + "71\ay"))
	if string(out) != "xy" {
		t.Errorf("the same title again: %q, want %q", out, "xy")
	}
}
