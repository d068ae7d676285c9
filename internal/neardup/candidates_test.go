package neardup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// candidatesByMap is Candidates as it was first written: every pair
// sharing a value counted in one map; copies (the same 8 smallest values)
// found in a map of their keys, paired with the first, and not counted.
// The two must agree.
func candidatesByMap(sketches []Sketch) [][2]int {
	const (
		prefix    = 32
		minShared = 2
		maxRun    = 64
	)
	var out [][2]int
	firsts := map[string]int{}
	copies := map[int]bool{}
	for i, s := range sketches {
		if len(s) == 0 {
			continue
		}
		k := fmt.Sprint(s[:min(8, len(s))])
		if f, ok := firsts[k]; ok {
			out = append(out, [2]int{f, i})
			copies[i] = true
		} else {
			firsts[k] = i
		}
	}
	var vals []uint64
	for i, s := range sketches {
		if copies[i] {
			continue
		}
		for _, v := range s[:min(prefix, len(s))] {
			vals = append(vals, uint64(v)<<32|uint64(uint32(i)))
		}
	}
	slices.Sort(vals)
	shared := map[uint64]int{}
	for lo := 0; lo < len(vals); {
		hi := lo + 1
		for hi < len(vals) && vals[hi]>>32 == vals[lo]>>32 {
			hi++
		}
		if hi-lo <= maxRun {
			for x := lo; x < hi; x++ {
				for y := x + 1; y < hi; y++ {
					a, b := uint32(vals[x]), uint32(vals[y])
					shared[uint64(a)<<32|uint64(b)]++
				}
			}
		}
		lo = hi
	}
	for k, n := range shared {
		if n >= minShared {
			out = append(out, [2]int{int(k >> 32), int(uint32(k))})
		}
	}
	slices.SortFunc(out, func(p, q [2]int) int {
		if p[0] != q[0] {
			return p[0] - q[0]
		}
		return p[1] - q[1]
	})
	return out
}

// Sketches drawn from small ranges share many values: runs of every
// length, some past 64, pairs sharing one value, two, or many; some
// sketches short or empty.
func TestCandidatesAgreeWithEveryPairCounted(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, spread := range []uint32{40, 300, 5000} {
		sketches := make([]Sketch, 400)
		for i := range sketches {
			n := SketchSize
			switch i % 17 {
			case 0:
				n = 0
			case 1:
				n = 5
			}
			seen := map[uint32]bool{}
			var s Sketch
			for try := 0; len(s) < n && try < 4*SketchSize; try++ {
				v := r.Uint32N(spread + uint32(i%7)*spread)
				if i%5 == 0 {
					v = r.Uint32N(20) // a value shared by very many
				}
				if !seen[v] {
					seen[v] = true
					s = append(s, v)
				}
			}
			slices.Sort(s)
			sketches[i] = s
		}
		want := candidatesByMap(sketches)
		got := Candidates(sketches)
		t.Logf("spread %d: %d pairs", spread, len(want))
		if len(want) == 0 {
			t.Fatalf("spread %d: no pairs: the test tests nothing", spread)
		}
		if !slices.Equal(got, want) {
			t.Errorf("spread %d: %d pairs, want %d", spread, len(got), len(want))
		}
	}
}

// A text run in more than 64 outlets is paired: each copy with the first
// (a helper's report: 70 copies made no group, each of their values a run
// over 64 not counted). A value that 100 unrelated texts share is still
// not counted, and two texts alike past it still are.
func TestCandidatesPairCopiesPastARun(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	random := func(stock ...uint32) Sketch {
		s := Sketch(slices.Clone(stock))
		for len(s) < SketchSize {
			s = append(s, 1000+r.Uint32())
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	story := random()
	var sketches []Sketch
	for range 3 {
		sketches = append(sketches, random(1, 2)) // a stock phrase or two
	}
	for range 200 {
		sketches = append(sketches, slices.Clone(story))
	}
	for range 100 {
		sketches = append(sketches, random(1, 2))
	}
	got := Candidates(sketches)
	paired := map[int]bool{}
	for _, p := range got {
		if p[0] < 3 || p[0] >= 203 || p[1] < 3 || p[1] >= 203 {
			t.Fatalf("pair %v: texts that share only a stock phrase paired", p)
		}
		paired[p[0]], paired[p[1]] = true, true
	}
	if len(paired) != 200 || len(got) > 2*200 {
		t.Errorf("%d of 200 copies paired, %d pairs", len(paired), len(got))
	}
}
