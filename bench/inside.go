package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Inside folio: the reader's own timeline of the typing session
// (FOLIO_TRACE, ui/trace.go), so that a keystroke's time in the terminal is
// told apart from folio's. For each typed character that started a search
// and was the last key before its results' frame was written: key → search
// start, the search, its end → the answer handled by the program, handled
// → the view computed, view → the frame written, and key → frame written.

// insideSteps names the steps, in the order insideFolio measures them.
var insideSteps = []string{"key → search start", "search", "search end → handled", "handled → view done", "view → frame written", "key → frame written"}

// insideFigures holds each step's times in ms, one per keystroke.
type insideFigures struct {
	steps [][]float64 // as insideSteps
	err   string
}

type traceEvent struct {
	us   int64
	kind string
	arg  string
}

func readTrace(path string) ([]traceEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var evs []traceEvent
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		at, rest, ok := strings.Cut(line, " ")
		us, err := strconv.ParseInt(at, 10, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		kind, arg, _ := strings.Cut(rest, " ")
		evs = append(evs, traceEvent{us, kind, arg})
	}
	return evs, sc.Err()
}

// insideFolio reads the trace at path.
func insideFolio(path string) insideFigures {
	evs, err := readTrace(path)
	if err != nil {
		return insideFigures{err: err.Error()}
	}
	return insideOf(evs)
}

func insideOf(evs []traceEvent) insideFigures {
	fig := insideFigures{steps: make([][]float64, len(insideSteps))}
	next := func(from int, kind string) int {
		for j := from; j < len(evs); j++ {
			if evs[j].kind == kind {
				return j
			}
			if evs[j].kind == "key" && kind != "key" {
				return -1 // another key came first
			}
		}
		return -1
	}
	ms := func(a, b int) float64 { return float64(evs[b].us-evs[a].us) / 1000 }
	for i, e := range evs {
		if e.kind != "key" {
			continue
		}
		k, err := strconv.Unquote(e.arg)
		if err != nil || len([]rune(k)) != 1 && k != "space" {
			continue // a named key (enter, ctrl+u, backspace), not a typed character
		}
		s := next(i+1, "search")
		if s < 0 {
			continue
		}
		gen := evs[s].arg
		f := -1
		for j := s + 1; j < len(evs); j++ {
			if evs[j].kind == "key" {
				break
			}
			if evs[j].kind == "found" && evs[j].arg == gen {
				f = j
				break
			}
		}
		if f < 0 {
			continue
		}
		h := next(f+1, "results")
		if h < 0 || evs[h].arg != gen {
			continue
		}
		v := next(h+1, "view")
		if v < 0 {
			continue
		}
		w := next(v+1, "write")
		if w < 0 {
			continue
		}
		for j, d := range []float64{ms(i, s), ms(s, f), ms(f, h), ms(h, v), ms(v, w), ms(i, w)} {
			fig.steps[j] = append(fig.steps[j], d)
		}
	}
	return fig
}

// printInside prints the steps of each archive's typing session.
func printInside(rs []tuiResult) {
	any := false
	for _, r := range rs {
		if r.Err == "" && (r.Inside.err != "" || len(r.Inside.steps) > 0) {
			any = true
		}
	}
	if !any {
		return
	}
	fmt.Println("Inside folio while typing (the reader's own timeline, FOLIO_TRACE): p50 / p90 ms of each step of a typed character's search, (n) keystrokes")
	fmt.Println()
	fmt.Print("| archive |")
	for _, s := range insideSteps {
		fmt.Printf(" %s |", s)
	}
	fmt.Println()
	fmt.Println("|---|" + strings.Repeat("---:|", len(insideSteps)))
	for _, r := range rs {
		if r.Err != "" {
			continue
		}
		if r.Inside.err != "" {
			fmt.Printf("| %s | no trace: %s |%s\n", r.Name, r.Inside.err, strings.Repeat(" |", len(insideSteps)-1))
			continue
		}
		fmt.Printf("| %s |", r.Name)
		for _, xs := range r.Inside.steps {
			if len(xs) == 0 {
				fmt.Print(" – |")
				continue
			}
			fmt.Printf(" %.1f / %.1f (%d) |", median(xs), pct(xs, 0.9), len(xs))
		}
		fmt.Println()
	}
	fmt.Println()
	fmt.Println("The rest of a keystroke's time in the table above is the terminal's: the key through tmux to folio, the frame from folio through tmux to the bench's capture.")
	fmt.Println()
}
