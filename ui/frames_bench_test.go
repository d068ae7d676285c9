package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Key to frame with Bubble Tea's ticker alone and with the frame gate: a
// message changes the view at once (as a typed character does) and starts
// a command whose answer (a search's, say) changes it again after a delay;
// each op is the time from the message to the write of the frame that
// shows the answer. Each message comes at a random point of a frame (its
// phase against the 60 Hz tick matters); with the gate, only once the gate
// holds the renderer again (the idle reader a key finds).
// The answer's delay stands for a search's time: it is the workload, not a
// wait for a state.
//
//	go test ./ui -run '^$' -bench KeyToFrame -benchtime 150x
func BenchmarkKeyToFrame(b *testing.B) {
	for _, answer := range []time.Duration{time.Millisecond, 13 * time.Millisecond, 40 * time.Millisecond} {
		for _, gated := range []bool{false, true} {
			for _, fps := range []int{60, 120} {
				name := fmt.Sprintf("answer=%v/ticker/fps=%d", answer, fps)
				if gated {
					name = fmt.Sprintf("answer=%v/gate/fps=%d", answer, fps)
				}
				b.Run(name, func(b *testing.B) { benchKeyToFrame(b, answer, gated, fps) })
			}
		}
	}
}

type ktfModel struct {
	answer time.Duration
	key, n int
}
type ktfKey int
type ktfAnswer int

func (m ktfModel) Init() tea.Cmd { return nil }
func (m ktfModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ktfKey:
		m.key = int(msg) // shown at once, as a typed character is
		d := m.answer
		return m, func() tea.Msg { time.Sleep(d); return ktfAnswer(msg) }
	case ktfAnswer:
		m.n = int(msg)
	}
	return m, nil
}

// View shows the answer as a run of cells that all change from one answer
// to the next, so that the frame that shows it writes them together.
func (m ktfModel) View() tea.View {
	v := tea.NewView(fmt.Sprintf("key %d answer %s", m.key, ktfMark(m.n)))
	v.AltScreen = true
	v.WindowTitle = "bench"
	return v
}

func ktfMark(n int) string {
	if n%2 == 1 {
		return "@@@@@@@@"
	}
	return "########"
}

// ktfOut is a terminal that says when a write carries what it waits for.
type ktfOut struct {
	mu   sync.Mutex
	want []byte
	hit  chan time.Time
}

func (o *ktfOut) Write(b []byte) (int, error) {
	now := time.Now()
	o.mu.Lock()
	want := o.want
	o.mu.Unlock()
	if want != nil && bytes.Contains(b, want) {
		select {
		case o.hit <- now:
		default:
		}
	}
	return len(b), nil
}

// stampedPipe is a file whose reads are handed to out as they come.
func stampedPipe(b *testing.B, out io.Writer) *os.File {
	r, w, err := os.Pipe()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	go func() {
		buf := make([]byte, 1<<16)
		for {
			n, err := r.Read(buf)
			out.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	return w
}

func benchKeyToFrame(b *testing.B, answer time.Duration, gated bool, fps int) {
	out := &ktfOut{hit: make(chan time.Time, 1)}
	f := stampedPipe(b, out)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(nil), tea.WithWindowSize(40, 5), tea.WithFPS(fps)}
	var model tea.Model = ktfModel{answer: answer}
	if gated {
		g := newFrameGate(ctx, f)
		model = newGatedModel(model, g)
		opts = append(opts, tea.WithOutput(g), tea.WithFilter(g.filter))
		g.held = make(chan struct{}, 1)
		p := tea.NewProgram(model, opts...)
		g.attach(p)
		runKeyToFrame(b, p, out, func() { waitHeld(b, g.held, "before a key"); randomPhase() })
		return
	}
	opts = append(opts, tea.WithOutput(f))
	runKeyToFrame(b, tea.NewProgram(model, opts...), out, randomPhase)
}

// randomPhase puts a key at a random point of Bubble Tea's 60 Hz tick, as
// a typist's keys fall: the input the benchmark models, not a wait for a
// state.
func randomPhase() { time.Sleep(time.Duration(rand.Int63n(int64(time.Second / 60)))) }

// runKeyToFrame sends b.N keys, each once idle() returns, and times each
// from the key to the frame that shows its answer.
func runKeyToFrame(b *testing.B, p *tea.Program, out *ktfOut, idle func()) {
	go func() { _, _ = p.Run() }()
	defer p.Quit()
	// The first frame, then the answers.
	out.mu.Lock()
	out.want = []byte(ktfMark(0))
	out.mu.Unlock()
	select {
	case <-out.hit:
	case <-time.After(10 * time.Second):
		b.Fatal("no first frame")
	}
	lat := make([]float64, 0, b.N)
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		b.StopTimer()
		idle()
		out.mu.Lock()
		out.want = []byte(ktfMark(i))
		out.mu.Unlock()
		b.StartTimer()
		t0 := time.Now()
		p.Send(ktfKey(i))
		select {
		case at := <-out.hit:
			lat = append(lat, float64(at.Sub(t0).Microseconds())/1000)
		case <-time.After(10 * time.Second):
			b.Fatalf("no frame showed answer %d", i)
		}
	}
	b.StopTimer()
	sort.Float64s(lat)
	b.ReportMetric(lat[len(lat)/2], "p50-ms")
	b.ReportMetric(lat[len(lat)*9/10], "p90-ms")
	b.ReportMetric(lat[len(lat)*99/100], "p99-ms")
}
