package neardup

import (
	"strings"
	"testing"
)

func TestSimilarGroupsEditedCopies(t *testing.T) {
	base := "The alliance must spend more on defence, and the ministers who met in Brussels this week know it. " +
		"Budgets have fallen for a decade while the threats on the eastern border have grown, and no treaty " +
		"can stand in for tanks, ammunition and the soldiers trained to use them. The next government will " +
		"have to choose between raising taxes, cutting elsewhere or borrowing, and each choice has its critics. " +
		"What it cannot do is pretend that the old promises will keep themselves. A closing line about the winter."
	edited := strings.Replace(base, "closing line", "final sentence", 1) + " Reprinted with permission."
	other := "The alliance should spend less on defence: the voters have other priorities this year, from " +
		"hospitals to housing, and the ministers in Brussels know that too. A treaty is cheaper than a tank, " +
		"and diplomacy has kept the peace on the eastern border for longer than any budget line."
	var sketches []Sketch
	for _, s := range []string{base, other, edited, ""} {
		sk, _ := SketchOf(s)
		sketches = append(sketches, sk)
	}
	var pairs []Pair
	for _, c := range Candidates(sketches) {
		if j := Estimate(sketches[c[0]], sketches[c[1]]); j >= 0.7 {
			pairs = append(pairs, Pair{A: c[0], B: c[1], Similarity: j})
		}
	}
	if len(pairs) != 1 || pairs[0].A != 0 || pairs[0].B != 2 {
		t.Fatalf("pairs %+v, want only 0 and 2", pairs)
	}
	if g := Groups(len(sketches), pairs); len(g) != 1 || len(g[0]) != 2 {
		t.Fatalf("groups %v", g)
	}
	if j := Jaccard(Shingles(base), Shingles(other)); j > 0.3 {
		t.Errorf("unrelated texts on one topic are %.2f alike", j)
	}
}
