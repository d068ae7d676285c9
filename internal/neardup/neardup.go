// Package neardup finds texts that are the same piece with small edits: the
// same article republished by another outlet, or fetched twice. A text is
// reduced to the set of its 4-word shingles (runs of four consecutive \w+
// words, lower-cased, hashed to 64 bits); two texts are near-duplicates when
// the Jaccard similarity of those sets is high.
//
// Group compares every pair of a collection whose MinHash signatures share
// a band (locality-sensitive hashing), so an archive of thousands of pieces
// is grouped without comparing all pairs; every candidate pair is then
// confirmed on the exact Jaccard similarity.
package neardup

import (
	"hash/fnv"
	"math/bits"
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

// Signature sizes: bands*rows hash functions. With 20 bands of 5 rows a pair
// at Jaccard 0.5 becomes a candidate with probability 1-(1-0.5^5)^20 ≈ 0.47,
// at 0.7 ≈ 0.97, at 0.8 ≈ 0.9996: pairs above the usual thresholds are
// found, pairs of unrelated texts rarely compared.
const (
	bands = 20
	rows  = 5
)

// minhash is the signature of a shingle set.
func minhash(set []uint64) [bands * rows]uint64 {
	var sig [bands * rows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range set {
		for i := range sig {
			// A cheap family of hash functions: xor with a seed per
			// function, then mix.
			h := mix(x ^ seeds[i])
			if h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

var seeds = func() [bands * rows]uint64 {
	var s [bands * rows]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i) + 1)
		s[i] = x
	}
	return s
}()

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Pair is two items of a collection (by index, A < B) and their similarity.
type Pair struct {
	A, B       int
	Similarity float64
}

// Similar returns the pairs of sets whose Jaccard similarity is at least
// threshold, ordered by A then B. Sets with no shingles are never paired.
func Similar(sets [][]uint64, threshold float64) []Pair {
	buckets := map[[2]uint64][]int{}
	for i, s := range sets {
		if len(s) == 0 {
			continue
		}
		sig := minhash(s)
		for b := 0; b < bands; b++ {
			h := uint64(b)
			for _, v := range sig[b*rows : (b+1)*rows] {
				h = mix(h ^ v)
				h = bits.RotateLeft64(h, 17)
			}
			key := [2]uint64{uint64(b), h}
			buckets[key] = append(buckets[key], i)
		}
	}
	seen := map[[2]int]bool{}
	var out []Pair
	for _, idx := range buckets {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				k := [2]int{idx[x], idx[y]}
				if seen[k] {
					continue
				}
				seen[k] = true
				if j := Jaccard(sets[k[0]], sets[k[1]]); j >= threshold {
					out = append(out, Pair{A: k[0], B: k[1], Similarity: j})
				}
			}
		}
	}
	slices.SortFunc(out, func(p, q Pair) int {
		if p.A != q.A {
			return p.A - q.A
		}
		return p.B - q.B
	})
	return out
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
