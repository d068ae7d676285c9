package neardup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// candidatesByMap is Candidates as it was first written: every pair
// sharing a value counted in one map. The two must agree.
func candidatesByMap(sketches []Sketch) [][2]int {
	const (
		prefix    = 32
		minShared = 2
		maxRun    = 64
	)
	var vals []uint64
	for i, s := range sketches {
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
	var out [][2]int
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
