// Package nextindex finds the next occurrence of a token in a string from
// positions that only move forward, reading the string once however many
// times it is asked.
package nextindex

import "strings"

// Finder finds the next Tok in S at or after a position. It remembers its
// last answer, so that a scan asking from positions that only move forward
// reads S once, however many openings fail to close.
type Finder struct {
	s, tok   string
	from, at int // no tok in s[from:at]; tok at at, or at == len(s) for none
	ok       bool
}

// New returns a Finder for tok in s.
func New(s, tok string) *Finder { return &Finder{s: s, tok: tok} }

// Index is the position of the first tok in s at or after p, or -1.
func (f *Finder) Index(p int) int {
	if !f.ok || p < f.from || p > f.at {
		f.from, f.ok = p, true
		if i := strings.Index(f.s[p:], f.tok); i >= 0 {
			f.at = p + i
		} else {
			f.at = len(f.s)
		}
	}
	if f.at >= len(f.s) {
		return -1
	}
	return f.at
}
