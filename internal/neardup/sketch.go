package neardup

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// SketchSize is the number of values a Sketch keeps: the bottom-k of the
// text's shingle hashes. The similarity of two sketches estimates the
// Jaccard similarity of the texts with a standard error of about
// sqrt(J(1-J)/SketchSize): 0.04 at 0.7; texts of fewer shingles than this
// are kept whole, and compared exactly.
const SketchSize = 128

// A Sketch is the SketchSize smallest distinct 32-bit hashes of a text's
// 4-word shingles, ascending: a bottom-k MinHash signature, 512 bytes
// whatever the text's length, from which the similarity of two texts is
// estimated without the texts (Broder 1997; Cohen and Kaplan 2007).
type Sketch []uint32

// SketchOf reads s once, without allocating its words: it is the cost of
// finding copies, and is paid for every piece indexed. It also returns the
// number of words of s (the \w+ tokens Words gives).
func SketchOf(s string) (Sketch, int) {
	var (
		ring  [ShingleSize]uint64 // the last words' hashes
		words int
		all   = make([]uint32, 0, len(s)/6) // every shingle's hash (words average about six bytes)
	)
	shingle := func(n int) uint32 {
		// the last n words, oldest first
		var h uint64
		for j := n; j > 0; j-- {
			h = h*0x100000001b3 + ring[(words-j)%ShingleSize]
		}
		return uint32(mix(h) >> 32)
	}
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in := uint64(offset), false
	end := func() {
		if in {
			ring[words%ShingleSize] = h
			words++
			if words >= ShingleSize {
				all = append(all, shingle(ShingleSize))
			}
			h, in = offset, false
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '_':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				end()
				continue
			}
			h = (h ^ uint64(c)) * prime
			in = true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			end()
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range utf8.AppendRune(buf[:0], unicode.ToLower(r)) {
			h = (h ^ uint64(b)) * prime
		}
		in = true
	}
	end()
	if words > 0 && words < ShingleSize {
		all = append(all, shingle(words))
	}
	return bottom(all), words
}

// bottom is the SketchSize smallest distinct values of vs, ascending. It
// sorts only the values under a cut that about twice as many fall under,
// and all of them when too few do (many repeated shingles).
func bottom(vs []uint32) Sketch {
	if len(vs) > 2*SketchSize {
		cut := uint32(min(uint64(2*SketchSize)<<32/uint64(len(vs)), 1<<32-1))
		var low []uint32
		for _, v := range vs {
			if v < cut {
				low = append(low, v)
			}
		}
		slices.Sort(low)
		if low = slices.Compact(low); len(low) >= SketchSize {
			return Sketch(slices.Clip(low[:SketchSize]))
		}
	}
	slices.Sort(vs)
	vs = slices.Compact(vs)
	return Sketch(slices.Clone(vs[:min(SketchSize, len(vs))]))
}

// Estimate is the Jaccard similarity of the texts of two sketches,
// estimated from the smallest SketchSize values of their union: exact when
// the union has no more than SketchSize shingles (two texts of 97 shingles
// each, 80 of them alike, are 0.7018 alike, but half alike they are
// estimated 0.328 for 0.320); 0 when both are empty.
func Estimate(a, b Sketch) float64 {
	seen, both := 0, 0
	for i, j := 0, 0; seen < SketchSize && (i < len(a) || j < len(b)); seen++ {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			i++
		case i == len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i++
			j++
		}
	}
	if seen == 0 {
		return 0
	}
	return float64(both) / float64(seen)
}

// CandidatePrefix is how many of a sketch's smallest values Candidates
// reads.
const CandidatePrefix = 32

// Candidates are the pairs of sketches worth comparing: those sharing at
// least two of their 32 smallest values, a value shared by more than 64
// texts (a stock phrase) not counted. A pair of texts at least 40% alike
// shares about eight of them. Sketches with the same 8 smallest values are
// copies of one text (a wire story run in a hundred outlets): each is
// paired with the first of them, and only that first is counted with the
// others, so that a run counts texts, not copies (a helper's report: a
// piece run in more than 64 outlets made no group, each of its values a
// run over 64). Pairs are ordered by A then B, A < B; empty sketches are
// never paired.
//
// Its memory is the sorted values (8 bytes each, 256 MB for 1M sketches),
// a count per sketch and the pairs it returns: the pairs sharing one value
// are counted for one sketch at a time, not in a map of every pair that
// shares any (at 100k generated pieces, 1.1M of them, nearly all sharing
// only one).
func Candidates(sketches []Sketch) [][2]int {
	const (
		prefix    = CandidatePrefix
		minShared = 2
		maxRun    = 64
	)
	out, copies := copyClasses(sketches)
	n := 0
	for i, s := range sketches {
		if !copies[i] {
			n += min(prefix, len(s))
		}
	}
	vals := make([]uint64, 0, n) // value<<32 | sketch
	for i, s := range sketches {
		if copies[i] {
			continue
		}
		for _, v := range s[:min(prefix, len(s))] {
			vals = append(vals, uint64(v)<<32|uint64(uint32(i)))
		}
	}
	slices.Sort(vals)
	// where the values of each top 16 bits begin: a search is within them
	var starts [1<<16 + 1]int
	for x, v := range vals {
		starts[v>>48+1] = x + 1
	}
	for i := 1; i < len(starts); i++ {
		starts[i] = max(starts[i], starts[i-1])
	}
	shared := make([]int32, len(sketches)) // with sketch a, for the a being counted
	var touched []int
	for a, s := range sketches {
		if copies[a] {
			continue
		}
		for _, v := range s[:min(prefix, len(s))] {
			key := uint64(v) << 32
			from := starts[v>>16]
			lo, _ := slices.BinarySearch(vals[from:starts[v>>16+1]], key)
			lo += from
			if lo+maxRun < len(vals) && vals[lo+maxRun]>>32 == uint64(v) {
				continue // more than maxRun sketches have v
			}
			hi := lo
			for hi < len(vals) && vals[hi]>>32 == uint64(v) {
				hi++
			}
			for _, x := range vals[lo:hi] {
				if b := int(uint32(x)); b > a {
					if shared[b] == 0 {
						touched = append(touched, b)
					}
					shared[b]++
				}
			}
		}
		from := len(out)
		for _, b := range touched {
			if shared[b] >= minShared {
				out = append(out, [2]int{a, b})
			}
			shared[b] = 0
		}
		touched = touched[:0]
		slices.SortFunc(out[from:], func(p, q [2]int) int { return p[1] - q[1] })
	}
	slices.SortFunc(out, func(p, q [2]int) int { return cmp.Or(p[0]-q[0], p[1]-q[1]) })
	return out
}

// copyKey is how many of a sketch's smallest values copyClasses compares.
const copyKey = 8

// copyClasses pairs each sketch whose copyKey smallest values another of a
// lower index has (a copy) with the first that has them, and tells the
// copies. Its memory is an index per sketch, sorted.
func copyClasses(sketches []Sketch) (pairs [][2]int, copies []bool) {
	copies = make([]bool, len(sketches))
	order := make([]int32, 0, len(sketches))
	for i, s := range sketches {
		if len(s) > 0 {
			order = append(order, int32(i))
		}
	}
	key := func(i int32) Sketch { s := sketches[i]; return s[:min(copyKey, len(s))] }
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(slices.Compare(key(a), key(b)), int(a-b)) })
	var first int32 // the class's lowest index: the first of its key in order
	for k, i := range order {
		if k == 0 || !slices.Equal(key(i), key(first)) {
			first = i
			continue
		}
		copies[i] = true
		pairs = append(pairs, [2]int{int(first), int(i)})
	}
	return pairs, copies
}

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
