package neardup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// words makes a text of n words drawn from a vocabulary of 5,000.
func words(r *rand.Rand, n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", r.IntN(5000))
	}
	return w
}

// TestSketchEstimates: the sketch counts the words Words gives, is exact
// for short texts, and estimates the Jaccard similarity of long ones
// within a few standard errors; Candidates pairs the copies and not the
// unrelated texts.
func TestSketchEstimates(t *testing.T) {
	s := "Ça va? L'État, c'est moi — 3,000 naïve_words; ÉCOLE école."
	if _, n := SketchOf(s); n != len(Words(s)) {
		t.Errorf("SketchOf counts %d words, Words %d: %q", n, len(Words(s)), Words(s))
	}
	a := "the alliance must spend more on defence and the ministers know it"
	b := "the alliance must spend less on defence and the ministers know it"
	sa, _ := SketchOf(a)
	sb, _ := SketchOf(b)
	if got, want := Estimate(sa, sb), Jaccard(Shingles(a), Shingles(b)); got != want {
		t.Errorf("short texts: estimate %.3f, exact %.3f", got, want)
	}
	if Estimate(sa, sa) != 1 || Estimate(nil, nil) != 0 {
		t.Error("identical or empty sketches")
	}

	r := rand.New(rand.NewPCG(1, 2))
	var texts []string
	var sketches []Sketch
	for range 20 {
		texts = append(texts, strings.Join(words(r, 1500), " "))
	}
	// 5: a copy of 0 with 10% of its words replaced; 6: 0's first half
	w := strings.Fields(texts[0])
	for i := 0; i < len(w); i += 10 {
		w[i] = "changed"
	}
	texts = append(texts, strings.Join(w, " "), strings.Join(strings.Fields(texts[0])[:750], " "))
	for _, x := range texts {
		sk, _ := SketchOf(x)
		if len(sk) != SketchSize {
			t.Fatalf("sketch of %d values", len(sk))
		}
		sketches = append(sketches, sk)
	}
	n := len(texts)
	for _, p := range [][2]int{{0, n - 2}, {0, n - 1}, {1, 2}} {
		exact := Jaccard(Shingles(texts[p[0]]), Shingles(texts[p[1]]))
		est := Estimate(sketches[p[0]], sketches[p[1]])
		se := math.Sqrt(exact*(1-exact)/SketchSize) + 0.01
		if math.Abs(est-exact) > 4*se {
			t.Errorf("pair %v: estimate %.3f, exact %.3f", p, est, exact)
		}
		t.Logf("pair %v: estimate %.3f, exact %.3f", p, est, exact)
	}
	got := map[[2]int]bool{}
	for _, p := range Candidates(sketches) {
		got[p] = true
	}
	if !got[[2]int{0, n - 2}] || !got[[2]int{0, n - 1}] || len(got) > 3 {
		t.Errorf("candidates %v", got)
	}
}
