package ui

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// realGo is a long labelled block of real code: render.go, folio's own
// (8,220 of chroma's tokens).
func realGo(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("render.go")
	if err != nil {
		t.Fatal(err)
	}
	return "Code:\n\n```go\n" + string(b) + "```\n"
}

// spin keeps 2 goroutines a core busy until the returned stop is called: a
// busy machine, as Go's scheduler shares it with the render.
func spin() (stop func()) {
	var done atomic.Bool
	var wg sync.WaitGroup
	for range 2 * runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for n := 0; !done.Load(); n++ {
				_ = n
			}
		})
	}
	return func() { done.Store(true); wg.Wait() }
}

// A long block of real Go renders the same bytes, highlighted, on a busy
// machine as on an idle one. Before, it was highlighted only if chroma
// tokenised it within 100 ms of wall time from the start of the render:
// with the cores shared with busy goroutines it was shown plain, "1 code
// block not highlighted (too costly)".
func TestCodeIsHighlightedTheSameOnABusyMachine(t *testing.T) {
	md := realGo(t)
	idle, note, err := RenderMarkdown(md, 80, "dark")
	if err != nil || note != "" {
		t.Fatalf("idle: %v, note %q", err, note)
	}
	if !strings.Contains(strings.Join(idle, "\n"), "\x1b[") {
		t.Fatal("not highlighted")
	}
	stop := spin()
	busy, note, err := RenderMarkdown(md, 80, "dark")
	stop()
	if err != nil || note != "" {
		t.Fatalf("busy: %v, note %q", err, note)
	}
	if strings.Join(busy, "\n") != strings.Join(idle, "\n") {
		t.Error("rendered otherwise on a busy machine")
	}
}

// stoppedClock is a CPU clock that never advances: what is decided with it
// is decided by the count of tokens alone.
func stoppedClock() time.Duration { return 0 }

// Whether a block is highlighted is decided by chroma's tokens: a block at
// the limit is, one token over is not, a later block is when the piece's
// budget has room, in the order of the blocks however the piece is cut
// into parts (rendered at once); and the 40 KB Perl string of the render
// bombs (26,665 tokens) is plain, real Go of 8,220 tokens is not.
func TestHighlightingIsDecidedByTokens(t *testing.T) {
	// "x := 1" is 5 tokens (x, space, :=, space, 1), a line 6 with its new line
	block := func(lines int) string {
		return "```go\n" + strings.TrimSuffix(strings.Repeat("x := 1\n", lines), "\n") + "\n```\n\n"
	}
	h := highlighting{tokens: 100, blockTokens: 60, cpu: time.Hour, clock: stoppedClock}
	// the tokens of 10 lines: the count is that of chroma
	lim := &limits{code: newCodeBudget(h, 1)}
	if _, _, n, _ := lim.count(strings.Repeat("x := 1\n", 10), "go"); n != 60 {
		t.Fatalf("10 lines are %d tokens", n)
	}
	prose := strings.Repeat("Some words in a paragraph, as a piece has them, to be cut between.\n\n", 100)
	md := prose + block(10) + prose + block(11) + prose + block(5) + prose + block(1) + prose + block(1) + prose
	// 10 lines: 60 tokens, highlighted; 11: over blockTokens, charged 61
	// (121 > 100) so that the next ones are plain too
	var want []string
	for _, n := range []int{1, 2, 3, 4, 8} {
		lines, note, err := renderWith(md, 80, "dark", h, n)
		if err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			want = lines
			if note != "4 code blocks not highlighted (too costly)" {
				t.Errorf("note %q", note)
			}
		} else if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("in at most %d parts: rendered otherwise", n)
		}
	}
	// a budget with room for the 5-line block after the 11 (60+61+30 ≤ 160)
	h.tokens = 160
	if _, note, _ := renderWith(md, 80, "dark", h, 4); note != "2 code blocks not highlighted (too costly)" {
		t.Errorf("budget 160: note %q", note)
	}
	// RenderMarkdown's budgets, the clock stopped
	h = renderHighlighting
	h.clock = stoppedClock
	if _, note, _ := renderWith("```perl\n"+strings.Repeat(`"\"`, 40000/3)+"\n```\n", 80, "dark", h, 1); note != "1 code block not highlighted (too costly)" {
		t.Errorf("the Perl string: note %q", note)
	}
	if _, note, _ := renderWith(realGo(t), 80, "dark", h, 1); note != "" {
		t.Errorf("real Go: note %q", note)
	}
}

// backtracking is a line of Go whose unclosed string makes chroma's
// string rule backtrack: one match of about 80 ms of CPU with 12 "\\\\"
// (2.6 times more a "\\\\" more; with 20, over matchTimeout), 6 tokens.
func backtracking(pairs int) string {
	return "x = \"" + strings.Repeat(`\\`, pairs) + "\n"
}

// A block whose tokens are few but whose match backtracks is stopped by
// the CPU guard: plain, after the match (which only matchTimeout ends),
// its part charged all the budget.
func TestBacktrackingCodeIsStoppedByTheGuard(t *testing.T) {
	h := highlighting{tokens: highlightTokens, blockTokens: blockTokens, cpu: 40 * time.Millisecond, clock: threadCPU}
	lim := &limits{code: newCodeBudget(h, 1)}
	code := backtracking(12)
	known, costly, n, _ := lim.count(code, "go")
	if !known || !costly || n > 6 || lim.charged <= h.tokens {
		t.Errorf("known %v, costly %v, %d tokens, charged %d", known, costly, n, lim.charged)
	}
	if lim.cpu < h.cpu {
		t.Errorf("stopped after %v of CPU", lim.cpu)
	}
	// and on a busy machine, in a render, with a block after it
	stop := spin()
	_, note, err := renderWith("```go\n"+code+"```\n\n```go\nx := 1\n```\n", 80, "dark", h, 1)
	stop()
	if err != nil || note != "2 code blocks not highlighted (too costly)" {
		t.Errorf("%v, note %q", err, note)
	}
}

// BenchmarkHighlightTokens measures the CPU time of chroma's tokens on
// real code and the shapes the budget was sized on (µs/token), and the
// tokens of each.
func BenchmarkHighlightTokens(b *testing.B) {
	goSrc := strings.TrimSuffix(strings.TrimPrefix(realGo(b), "Code:\n\n```go\n"), "```\n")
	for _, c := range []struct{ name, lang, code string }{
		{"go", "go", goSrc},
		{"perl string 40 KB", "perl", strings.Repeat(`"\"`, 40000/3)},
		{"json", "json", strings.Repeat(`{"id": 12, "name": "a \"quoted\" name", "tags": ["x", "y"], "score": 1.5e3, "ok": true},`+"\n", 2000)},
		{"backtracking go", "go", backtracking(12)},
	} {
		b.Run(c.name, func(b *testing.B) {
			var cpu time.Duration
			tokens := 0
			for b.Loop() {
				lim := &limits{code: newCodeBudget(highlighting{tokens: 1 << 30, blockTokens: 1 << 30, cpu: time.Hour, clock: threadCPU}, 1)}
				_, _, tokens, _ = lim.count(c.code, c.lang)
				cpu += lim.cpu
			}
			b.ReportMetric(float64(tokens), "tokens")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N)/float64(max(tokens, 1)), "cpu-µs/token")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
