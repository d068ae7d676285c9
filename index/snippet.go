package index

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/folio-tui/folio/archive"
)

// Snippets: windows of a hit's text around the words highlight.go found,
// cut at word boundaries, cleaned of Markdown and marked.

// sameLower tells whether strings.ToLower(a) == strings.ToLower(b),
// without making either.
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func nextRune(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

const (
	snippetLen     = 200 // bytes of text around the matches
	snippetsPerHit = 2
	maxMatchesScan = 24 // the best windows among the first matches: scanning a whole long piece costs more than it gains
)

// snippets picks up to snippetsPerHit windows of the texts with the most
// distinct matched words and marks them.
func (h *highlightSet) snippets(texts ...string) []string {
	type window struct {
		text     string
		from, to int
		spans    []span
		score    int
	}
	var best []window
	for _, text := range texts {
		if text == "" {
			continue
		}
		ms := h.findMatches(text, maxMatchesScan)
		if len(ms) == 0 {
			continue
		}
		// candidate windows start at each match; a window's matches are
		// a run of ms, and it scores the distinct words among them (in
		// any case) four times each
		for i := 0; i < len(ms); i++ {
			from := ms[i].start
			to := from + snippetLen
			j, distinct := i, 0
			// a window holds the match it starts at, however long (a
			// phrase's run): excerpt cuts it
			for ; j < len(ms) && (j == i || ms[j].end <= to); j++ {
				w, seen := text[ms[j].start:ms[j].end], false
				for k := i; k < j && !seen; k++ {
					seen = sameLower(text[ms[k].start:ms[k].end], w)
				}
				if !seen {
					distinct++
				}
			}
			c := window{text: text, from: from, to: to, spans: ms[i:j], score: 4*distinct + j - i}
			overlaps := false
			for _, b := range best {
				if b.text == c.text && c.from < b.to && b.from < c.to {
					overlaps = true
				}
			}
			if !overlaps {
				best = append(best, c)
			}
			// keep the best few
			sortWindows(best, func(a, b window) bool { return a.score > b.score })
			if len(best) > snippetsPerHit {
				best = best[:snippetsPerHit]
			}
		}
	}
	out := make([]string, 0, len(best))
	for _, w := range best {
		out = append(out, excerpt(w.text, w.spans))
	}
	return out
}

func sortWindows[T any](ws []T, less func(a, b T) bool) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && less(ws[j], ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// excerpt cuts text around spans (a little context before the first),
// at word boundaries, and marks the spans.
func excerpt(text string, spans []span) string {
	if len(spans) == 0 {
		return lead(text)
	}
	from := spans[0].start - 60
	if from < 0 {
		from = 0
	} else {
		from = wordStart(text, from)
	}
	// to the end of the last match, but not past twice the snippet's
	// length: a mark past it is cut at a word's end
	to := max(from+snippetLen+40, min(spans[len(spans)-1].end, from+2*snippetLen))
	if to >= len(text) {
		to = len(text)
	} else {
		to = wordEnd(text, to)
	}
	var rel []span
	for _, s := range spans {
		if s.start >= from && s.start < to {
			rel = append(rel, span{s.start - from, min(s.end, to) - from})
		}
	}
	out := markIn(text, from, to, rel)
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}

// lead is the start of a text as a snippet, without marks.
func lead(text string) string {
	to := len(text)
	if to > snippetLen {
		to = wordEnd(text, snippetLen)
	}
	out := markIn(text, 0, to, nil)
	if to < len(text) {
		out += "…"
	}
	return out
}

// wordStart moves i forward to the start of the next word (unless at one).
// A character reference is one character, the one it stands for
// (charref.go): a window begins neither inside one nor inside a word it
// is of (caf&eacute;), nor with a combining mark.
func wordStart(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	if k, n := refAround(s, i); n > 0 {
		i = k + n // past a reference i is inside
	}
	if i > 0 && i < len(s) && isWordRune(charBefore(s, i)) {
		for i < len(s) {
			r, size := decodedAt(unsafe.Slice(unsafe.StringData(s), len(s)), i)
			if !isWordRune(r) {
				break
			}
			i += size
		}
	}
	// nor with combining marks whose letter is before it, or that have
	// none (after a space, or an enclosing mark's run after a "!"): they
	// were drawn on the "…" (a helper's report)
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x300 || !unicode.Is(unicode.M, r) {
			break
		}
		i += size
	}
	return i
}

// wordEnd moves i back to the end of the previous word.
func wordEnd(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	if k, n := refAround(s, i); n > 0 {
		i = k // before a reference i is inside
	}
	j := i
	for j > 0 && j < len(s) && isWordRune(charAfter(s, j)) && isWordRune(charBefore(s, j)) {
		j -= charBeforeLen(s, j)
	}
	if j == 0 {
		return i
	}
	return j
}

// refAround is the character reference of s that i is inside (after its
// first byte, before its end): its start and length; n is 0 when there is
// none.
func refAround(s string, i int) (k, n int) {
	b := unsafe.Slice(unsafe.StringData(s), len(s)) // read only
	for k = i - 1; k >= 0 && k >= i-archive.MaxRefName-3; k-- {
		switch c := s[k]; {
		case c == '&':
			if _, _, n = charRef(b, k); k+n > i {
				return k, n
			}
			return 0, 0
		case c == ';' || c != '#' && !isASCIIAlnum(c):
			return 0, 0
		}
	}
	return 0, 0
}

// charAfter is the character at s[i], a reference decoded.
func charAfter(s string, i int) rune {
	r, _ := decodedAt(unsafe.Slice(unsafe.StringData(s), len(s)), i)
	return r
}

// charBefore is the character that ends at s[i], a reference decoded.
func charBefore(s string, i int) rune {
	if i > 0 && s[i-1] == ';' {
		if k, n := refAround(s, i-1); n > 0 && k+n == i {
			r, _ := decodedAt(unsafe.Slice(unsafe.StringData(s), len(s)), k)
			return r
		}
	}
	return prevRune(s, i)
}

// charBeforeLen is the length in bytes of the character that ends at
// s[i], a reference's.
func charBeforeLen(s string, i int) int {
	if i > 0 && s[i-1] == ';' {
		if k, n := refAround(s, i-1); n > 0 && k+n == i {
			return n
		}
	}
	_, size := utf8.DecodeLastRuneInString(s[:i])
	return size
}
