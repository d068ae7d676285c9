package ui

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Bubble Tea v2.1.1 draws on a fixed time.Ticker for the program's whole
// life (tea.go, startRenderer): at 60 frames a second an idle reader woke 60
// times a second and took 0.7 % of a CPU doing nothing, and a lower fixed
// rate adds its frame to every keystroke. No option or message changes the
// rate once the program runs or draws a frame at once. frameGate lets the
// reader sleep anyway, through the program's public output and filter
// options: the ticker's goroutine writes the terminal output through the
// gate, and when the screen shows the latest view the gate holds that
// goroutine inside a write until something happens. A Go ticker whose
// channel nobody waits on does not wake the process (Go 1.23's timers), so
// an idle reader does not run at all; when a message comes or the view
// changes the goroutine is let go and draws at once (at the next tick, as
// before, if it looked before Bubble Tea had stored the new view).
//
// Since the gate keeps an idle renderer asleep whatever its rate, the
// reader asks for the most frames Bubble Tea draws (frameRate, 120 a
// second): an answer then waits half as long for the frame that shows it.
// BenchmarkKeyToFrame, gated, 60 → 120 frames a second (2026-12-03, 150
// keys each): an answer of 1 ms reaches the terminal at p50 / p90 8.8 /
// 15.9 → 4.8 / 8.8 ms, one of 13 ms at 15.2 / 25.0 → 14.1 / 15.0.
//
// Being the renderer's writer, the gate also mends one thing in what it
// writes: it resets the terminal's scrolling region before every full
// redraw (resetMarginsOnErase), which the renderer does not.
//
// How the gate knows what is on the screen: every distinct view gets a
// sequence number, carried in the window title it sets (the renderer writes
// the title with the frame that changes it, in one write); the gate takes it
// out again before the bytes reach the terminal. How it gets the goroutine
// to write when nothing changes: it sends itself a RawMsg (a marker that
// Bubble Tea queues and the ticker writes before the frame of its next
// tick); the marker never reaches the terminal either.
//
// What the held goroutine holds: the program's output lock (not the
// renderer's). Every message of Bubble Tea's own that takes that lock or
// stops the renderer (queries, clipboard, exec, suspend, quit) lets the
// goroutine go in the filter, before the event loop handles it; keys, mouse,
// paste and folio's own messages need neither, and let it go only if the
// view they lead to changed (in View, just before Bubble Tea stores it).
// Bubble Tea's own messages also give the next view a new number, so that
// what they make the renderer redraw (tea.ClearScreen, a resize) is written
// before it sleeps. Should the program stop for a reason no message
// announces (an error of the terminal's input, a panic in a command), the
// held goroutine notices: it asks the event loop for an answer a second
// after it is held, then after 2, 4 and 8 s and every 8 s from then on (each
// answer doubles the wait), which a stopped program does not give; a probe
// not answered within a second means the program has stopped, so a stop
// is noticed within 2 s while the reader is in use (measured by
// TestFrameGateLetsAKilledProgramStop: 2.04 s) and, by the same count (not
// measured), 9 s at most after a long idle. Each probe wakes three goroutines; on the 2-core VM of
// 2026-12-01 a probe a second cost 0.09 % of a CPU while idle (27 ms of
// CPU in 30 s on the 10k archive), one every 10 s 0.013 %.
//
// All this leans on how Bubble Tea v2.1.1 is built (which goroutine writes
// what, holding which lock); TestFrameGateHoldsTheRendererWhileIdle fails
// if a new version no longer lets the renderer be held.
type frameGate struct {
	out   *os.File
	ctx   context.Context
	trace *tracer // nil but with Options.Trace

	mu       sync.Mutex
	prog     *tea.Program
	last     tea.View // the latest view the model gave, untagged
	haveLast bool
	latest   uint64 // sequence number of the latest distinct view
	drawn    uint64 // of the latest view the renderer wrote
	title    string // the title the terminal was last sent
	inFlight bool   // a marker is on its way to the terminal output
	woken    bool   // something happened since the marker was sent
	parked   bool   // the renderer's goroutine is held in Write
	closing  bool   // the program is stopping: never hold again
	renumber bool   // the next view gets a new number even if unchanged
	wake     chan struct{}
	held     chan struct{} // tests: told each time the renderer is held
}

// frameMarker is written (by Bubble Tea, as a RawMsg) to ask the gate
// whether the renderer may sleep; an APC string, ignored by terminals, in
// case it ever got through.
const frameMarker = "\x1b_folio-idle\x1b\\"

// titleTag separates a view's real title from its sequence number.
const titleTag = "\u2063folio-frame:"

// probeEvery is how soon a held renderer first checks that the program
// still runs, and how long an unanswered probe is given; probeMax is the
// longest wait between probes (the wait doubles at each answer).
const (
	probeEvery = time.Second
	probeMax   = 8 * time.Second
)

type frameProbe struct{ ack chan struct{} }

func newFrameGate(ctx context.Context, out *os.File) *frameGate {
	return &frameGate{out: out, ctx: ctx, wake: make(chan struct{}, 1)}
}

// attach gives the gate the program it sends its markers to; before it the
// gate never holds the renderer.
func (g *frameGate) attach(p *tea.Program) {
	g.mu.Lock()
	g.prog = p
	g.mu.Unlock()
}

// Fd, Read and Close make the gate a terminal file for Bubble Tea, which
// then sets the terminal up and asks its size as it does for stdout.
func (g *frameGate) Fd() uintptr                { return g.out.Fd() }
func (g *frameGate) Read(b []byte) (int, error) { return g.out.Read(b) }
func (g *frameGate) Close() error               { return nil }

// Write passes the output on to the terminal, without the gate's title tags
// and markers, and holds the writer when the marker finds the latest view
// on the screen.
func (g *frameGate) Write(b []byte) (int, error) {
	n := len(b)
	out, seq, framed := g.untag(b)
	out, marked := cutMarker(out)
	out = resetMarginsOnErase(out)
	if len(out) > 0 {
		if _, err := g.out.Write(out); err != nil {
			return 0, err
		}
		if g.trace != nil {
			g.trace.event("write %d", len(out))
		}
	}
	if !framed && !marked {
		return n, nil
	}
	g.mu.Lock()
	if framed {
		g.drawn = seq
	}
	if marked {
		g.inFlight = false
		if g.drawn == g.latest && !g.woken && !g.closing && g.ctx.Err() == nil {
			g.hold() // unlocks
			return n, nil
		}
	}
	if g.drawn == g.latest {
		g.sendMarker()
	}
	g.mu.Unlock()
	return n, nil
}

// frameRate is the frames a second the renderer may draw: Bubble Tea's
// most (see above).
const frameRate = 120

// hold keeps the calling goroutine (the renderer's ticker) until woken,
// until the context ends, or until the program no longer answers. Called
// with g.mu held; returns with it released.
func (g *frameGate) hold() {
	select { // no wake meant for an earlier hold
	case <-g.wake:
	default:
	}
	g.parked = true
	held := g.held
	g.mu.Unlock()
	if held != nil {
		select {
		case held <- struct{}{}:
		default:
		}
	}
	g.mu.Lock()
	p := g.prog
	g.mu.Unlock()
	// A probe to the event loop (probeEvery after the hold, then at waits
	// doubling up to probeMax): answered by the filter
	// while the program runs. It is sent from a goroutine of its own, so
	// that a wake is seen meanwhile (the event loop may be waiting for the
	// lock this goroutine holds).
	every := probeEvery
	t := time.NewTimer(every)
	defer t.Stop()
	var ack, sent chan struct{} // of the probe on its way
	for {
		select {
		case <-g.wake:
		case <-g.ctx.Done():
		case <-ack:
			ack, sent = nil, nil
			every = min(2*every, probeMax)
			t.Reset(every)
			continue
		case <-sent: // taken by the event loop, or the program has stopped
			sent = nil
			t.Reset(probeEvery)
			continue
		case <-t.C:
			if ack == nil {
				ack, sent = make(chan struct{}), make(chan struct{})
				go func(ack, sent chan struct{}) {
					p.Send(frameProbe{ack}) // returns at once once the program has stopped
					close(sent)
				}(ack, sent)
				continue
			}
			// The probe was taken or refused a probeEvery ago and never
			// answered: the program has stopped.
			g.mu.Lock()
			g.closing = true
			g.mu.Unlock()
		}
		break
	}
	g.mu.Lock()
	g.parked = false
	g.mu.Unlock()
}

// sendMarker asks, through the event loop, for a marker to be written.
// Called with g.mu held.
func (g *frameGate) sendMarker() {
	if g.inFlight || g.parked || g.closing || g.prog == nil {
		return
	}
	g.inFlight = true
	g.woken = false
	p := g.prog
	go p.Send(tea.RawMsg{Msg: frameMarker})
}

// wakeUp lets a held renderer go. Called with g.mu held.
func (g *frameGate) wakeUp() {
	g.woken = true
	if g.parked {
		select {
		case g.wake <- struct{}{}:
		default:
		}
	}
}

// filter sees every message before the event loop handles it: the probes
// are answered and dropped; a message of Bubble Tea's own, whose handling
// may need the output lock or the renderer's goroutine, lets the renderer
// go first.
func (g *frameGate) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case frameProbe:
		close(msg.ack)
		return nil
	case tea.RawMsg:
		if s, ok := msg.Msg.(string); ok && s == frameMarker {
			return msg
		}
	case tea.KeyPressMsg, tea.KeyReleaseMsg, tea.MouseClickMsg, tea.MouseReleaseMsg,
		tea.MouseWheelMsg, tea.MouseMotionMsg, tea.PasteMsg, tea.PasteStartMsg,
		tea.PasteEndMsg, tea.BatchMsg:
		return msg // handled without the output lock; View wakes if it must
	case tea.QuitMsg, tea.InterruptMsg:
		g.mu.Lock()
		g.closing = true
		g.wakeUp()
		g.mu.Unlock()
		return msg
	}
	if msg == nil || !fromTea(msg) {
		return msg // folio's own and other libraries' messages
	}
	g.mu.Lock()
	g.wakeUp()
	// Its handling may change what the renderer draws without changing the
	// view (tea.ClearScreen, a resize): the next view gets a new number, so
	// the renderer writes a frame and the gate knows when it has.
	g.renumber = true
	g.mu.Unlock()
	return msg
}

var teaPkg = reflect.TypeOf(tea.QuitMsg{}).PkgPath()

func fromTea(msg tea.Msg) bool {
	t := reflect.TypeOf(msg)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == teaPkg
}

// viewed numbers the view the model gave, tags its title with the number
// and lets the renderer go if the view changed; if it did not, and the
// screen shows it, the renderer is asked to sleep.
func (g *frameGate) viewed(v tea.View) tea.View {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.haveLast || g.renumber || !sameView(&g.last, &v) {
		g.latest++
		g.renumber = false
		g.last, g.haveLast = v, true
		g.wakeUp()
	} else if g.drawn == g.latest {
		g.sendMarker()
	}
	v.WindowTitle += titleTag + strconv.FormatUint(g.latest, 10)
	return v
}

// sameView reports whether two views draw the same (what Bubble Tea's
// renderer compares, for the fields folio sets).
func sameView(a, b *tea.View) bool {
	if a.Content != b.Content || a.AltScreen != b.AltScreen || a.MouseMode != b.MouseMode ||
		a.WindowTitle != b.WindowTitle || a.DisableBracketedPasteMode != b.DisableBracketedPasteMode ||
		a.ReportFocus != b.ReportFocus || a.KeyboardEnhancements != b.KeyboardEnhancements ||
		a.ForegroundColor != b.ForegroundColor || a.BackgroundColor != b.BackgroundColor {
		return false
	}
	if (a.Cursor == nil) != (b.Cursor == nil) || a.Cursor != nil && *a.Cursor != *b.Cursor {
		return false
	}
	if (a.ProgressBar == nil) != (b.ProgressBar == nil) || a.ProgressBar != nil && *a.ProgressBar != *b.ProgressBar {
		return false
	}
	return (a.ProgramStatus == nil) == (b.ProgramStatus == nil) && (a.ProgramStatus == nil || *a.ProgramStatus == *b.ProgramStatus)
}

// untag takes the gate's sequence number out of the titles the renderer
// writes (ESC ] 2 ; title BEL); the real title is written only when it
// differs from the terminal's. A title without the tag (the reset written
// when the terminal is given back to an editor or a browser, in the same
// write as the tagged title after it) goes through and is the terminal's
// title then (a helper's report: only the first title of a write was
// looked at, so the tag reached the window's title for good).
func (g *frameGate) untag(b []byte) ([]byte, uint64, bool) {
	const start = "\x1b]2;"
	if !bytes.Contains(b, []byte(start)) {
		return b, 0, false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]byte, 0, len(b))
	var seq uint64
	framed := false
	rest := b
	for {
		i := bytes.Index(rest, []byte(start))
		if i < 0 {
			break
		}
		end := bytes.IndexByte(rest[i:], '\a')
		if end < 0 {
			break
		}
		end += i
		title := string(rest[i+len(start) : end])
		out = append(out, rest[:i]...)
		real, n, tagged := splitTitleTag(title)
		switch {
		case !tagged:
			g.title = title
			out = append(out, rest[i:end+1]...)
		case real != g.title:
			g.title = real
			out = append(out, start...)
			out = append(out, real...)
			out = append(out, '\a')
		}
		if tagged {
			seq, framed = n, true
		}
		rest = rest[end+1:]
	}
	if !framed {
		return b, 0, false
	}
	return append(out, rest...), seq, true
}

// splitTitleTag splits a title written by the renderer into the view's
// real title and the gate's sequence number (frame's titleTag).
func splitTitleTag(title string) (string, uint64, bool) {
	t := strings.LastIndex(title, titleTag)
	if t < 0 {
		return title, 0, false
	}
	seq, err := strconv.ParseUint(title[t+len(titleTag):], 10, 64)
	if err != nil {
		return title, 0, false
	}
	return title[:t], seq, true
}

// eraseAll is how Bubble Tea's renderer (ultraviolet's clearScreen) begins
// drawing the whole screen again: cursor home, erase the screen. It does so
// after every resize and on tea.ClearScreen.
const eraseAll = "\x1b[H\x1b[2J"

// resetMarginsOnErase resets the terminal's scrolling region to the whole
// screen (DECSTBM with no parameters) before each full redraw. The renderer
// scrolls rows by setting a region and then "resets" it to rows 1 to the
// height it believes the terminal has (ultraviolet's scrolln); a frame
// drawn for the old height while tmux has already resized the pane leaves
// a region of 20 rows in a 40-row screen, which no erase resets, and the
// next frame's line feeds past row 20 scroll the top rows away (the list
// without its header row and a row split in two:
// TestResizesWhileSearching, 2 runs in 5 under load before this). The
// reset homes the cursor, where the erase puts it anyway.
func resetMarginsOnErase(b []byte) []byte {
	if !bytes.Contains(b, []byte(eraseAll)) {
		return b
	}
	return bytes.ReplaceAll(b, []byte(eraseAll), []byte("\x1b[r"+eraseAll))
}

func cutMarker(b []byte) ([]byte, bool) {
	if !bytes.Contains(b, []byte(frameMarker)) {
		return b, false
	}
	return bytes.ReplaceAll(b, []byte(frameMarker), nil), true
}

// gatedModel hands the program's messages to the model and its views to
// the gate; the gate's own marker does not reach the model, and its view is
// the one before.
type gatedModel struct {
	inner tea.Model
	gate  *frameGate
	cache *viewCache
	skip  bool // the last message was the gate's: the view is unchanged
}

// viewCache is shared by the copies of a gatedModel Bubble Tea holds.
type viewCache struct {
	v  tea.View
	ok bool
}

func newGatedModel(inner tea.Model, g *frameGate) gatedModel {
	return gatedModel{inner: inner, gate: g, cache: &viewCache{}}
}

func (m gatedModel) Init() tea.Cmd { return m.inner.Init() }

func (m gatedModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if raw, ok := msg.(tea.RawMsg); ok {
		if s, ok := raw.Msg.(string); ok && s == frameMarker {
			m.skip = true
			return m, nil
		}
	}
	m.skip = false
	if k, ok := msg.(tea.KeyPressMsg); ok && m.gate.trace != nil {
		m.gate.trace.event("key %q", k.String())
	}
	var cmd tea.Cmd
	m.inner, cmd = m.inner.Update(msg)
	return m, startEarly(cmd) // eager.go
}

func (m gatedModel) View() tea.View {
	if !m.skip || !m.cache.ok {
		var t0 time.Time
		if m.gate.trace != nil {
			t0 = time.Now()
		}
		m.cache.v, m.cache.ok = m.inner.View(), true
		if m.gate.trace != nil {
			m.gate.trace.event("view %d", time.Since(t0).Microseconds())
		}
	}
	return m.gate.viewed(m.cache.v)
}
