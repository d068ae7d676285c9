package archive

import (
	"strings"
	"unicode/utf8"

	"github.com/folio-tui/folio/internal/termsafe"
)

// dropInvisibleReferences drops from md, a body's Markdown, each character
// reference to a character that shows as nothing where it stands, by
// Sanitize's rule for the character written as itself (ignorableAt, its
// neighbours read with their references decoded): "a&#x200b;b",
// "terr&shy;orism", "e&zwj;f", "g&rlm;h", "k&NoBreak;l", "m&InvisibleTimes;n",
// "o&#xE0041;p", "q&#xFEFF;r", "&#x3164;" are ab, terrorism, ef, gh, kl,
// mn, op, qr and nothing, as the characters themselves are; a joiner
// between two emoji, or in Persian, stays, as the character does. The
// reader and show decode the references that are left, and printed the
// characters (a helper's report: the same characters written raw were
// dropped where the piece was read). A soft hyphen (&shy;) goes too, as
// a raw one does: it only says where a word may be hyphenated, which the
// reader's wrapping does not use, and kept it split the word for search.
// Code (fenced, indented, a span) keeps its references as written, as
// Markdown shows them there, and so does a reference escaped ("\&shy;").
func dropInvisibleReferences(md string) string {
	if !strings.Contains(md, "&") {
		return md
	}
	var b strings.Builder
	done := 0 // md[:done] is in b
	var f fence
	span := 0                       // the backticks of a code span still open from the line before
	blockEnd, blockRTL := -1, false // the paragraph a direction mark was last asked about
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		code := f.code(line)
		if code || strings.TrimSpace(line) == "" {
			span = 0
		}
		if code || !strings.Contains(line, "&") {
			if !code {
				_, span = spanRanges(line, span)
			}
			i = next
			continue
		}
		spans, after := spanRanges(line, span)
		span = after
		end := '\n' // the character after the line
		if next == len(md) && !strings.HasSuffix(md[i:next], "\n") {
			end = 0
		}
		at := i
		rtl := func() bool { // its paragraph's, read once
			if at > blockEnd {
				var from int
				from, blockEnd = blockAround(md, at)
				blockRTL = referencesRTL(md[from:blockEnd])
			}
			return blockRTL
		}
		for _, cut := range invisibleReferences(line, spans, end, rtl) {
			if b.Len() == 0 {
				b.Grow(len(md))
			}
			b.WriteString(md[done : i+cut[0]])
			done = i + cut[1]
		}
		i = next
	}
	if done == 0 {
		return md
	}
	b.WriteString(md[done:])
	return b.String()
}

// invisibleReferences are the byte ranges of the references in line,
// outside its code spans, that dropInvisibleReferences drops; end is the
// character after the line (0 at the text's end); rtl says whether the
// line's paragraph holds right-to-left letters, which keep its direction
// marks (blockAround).
func invisibleReferences(line string, spans [][2]int, end rune, rtl func() bool) [][2]int {
	var cuts [][2]int
	in := spanCursor{spans: spans}
	prev := '\n' // the last character that is not ignorable
	// the run of ignorable characters after a reference is read once:
	// asked again inside it, nextVisible's answer is the same (a line of
	// 125k "&#x200b;" read it 125k times, k²/2 references: a review)
	nextAt, next := -1, rune(0)
	for i := 0; i < len(line); {
		if line[i] == '&' && !in.in(i) && !escapedAt(line, i) {
			r, r2, n := ReferenceAt(line, i)
			switch {
			case n == 0:
			case r2 < 0 && ignorable(r):
				if i+n > nextAt {
					next, nextAt = nextVisible(line, i+n, in, end)
				}
				// a tag character written as a reference goes, after a
				// flag too (no flagTag): the flag's tags are kept as
				// characters alone (termsafe.FlagTags reads them; as
				// references after 🏴 they hid a text: a review, 41za)
				if droppedAt(prev, r, next, false, false, rtl) {
					cuts = append(cuts, [2]int{i, i + n})
				}
				i += n
				continue
			default:
				prev = r
				if r2 >= 0 {
					prev = r2
				}
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if !ignorable(r) {
			prev = r
		}
		i += size
	}
	return cuts
}

// referencesRTL reports whether block, lines of Markdown, holds a
// right-to-left letter, written as itself or as a reference outside code
// spans (rtlIn).
func referencesRTL(block string) bool {
	span := 0
	for i := 0; i < len(block); {
		line, next := lineAt(block, i)
		spans, after := spanRanges(line, span)
		span = after
		sc := spanCursor{spans: spans}
		if rtlIn(line, func(s string, i int) (rune, int) {
			if s[i] == '&' && !sc.in(i) && !escapedAt(s, i) {
				if r, _, n := ReferenceAt(s, i); n > 0 {
					return r, n
				}
			}
			return decodeAt(s, i)
		}) {
			return true
		}
		i = next
	}
	return false
}

// ignorable is a character ignorableAt may find shows as nothing.
func ignorable(r rune) bool { return termsafe.Invisible(r) || termsafe.Contextual(r) }

// nextVisible is the character of line at i, or after the ignorable ones
// there (written as themselves or as references), a reference decoded;
// end after the line; and where it is. in is a copy: it is asked ahead of
// its owner.
func nextVisible(line string, i int, in spanCursor, end rune) (rune, int) {
	for i < len(line) {
		if line[i] == '&' && !in.in(i) && !escapedAt(line, i) {
			if r, _, n := ReferenceAt(line, i); n > 0 {
				if !ignorable(r) {
					return r, i
				}
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == '\r' || r == '\n' {
			return end, i
		}
		if !ignorable(r) {
			return r, i
		}
		i += size
	}
	return end, i
}
