package ui

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/archive"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// x/ansi's Wrap (v0.11.9), which Glamour's paragraphs and headings wrap
// with (lipgloss.Wrap) and plainLines too, may end a line after any
// hyphen-minus: a minus sign before a number was left at a line's end and
// the number, starting the next, read positive (a helper's report: the
// Taft 1910 message's "- -21,158,103.50" showed "- -" and "21,158,103.50"
// at width 80; "fell to -12.5 degrees" at width 30 "fell to -" and
// "12.5 degrees"). So before wrapping each minus that signs a number or
// an exponent ("3.2e-12") is written as a placeholder the wrapper does not break at, of the same width,
// and after it as '-' again: the characters shown are the ones written.
// A comma or a full stop between two digits is written so in a body too:
// Glamour wraps a list's and a quote's text again breaking after ',' and
// '.' ("42," over "300.50" in a list item; see numberMarks).

// signPlaceholder is the placeholder for s's signs: the first of U+2011
// (non-breaking hyphen) and the private use characters that s holds
// neither written nor as a reference, so that only the placeholders come
// out as '-'; not ok when s has no hyphen-minus (or holds them all).
func signPlaceholder(s []byte) (rune, bool) {
	if bytes.IndexByte(s, '-') < 0 {
		return 0, false
	}
	free := freePlaceholders(s, 1)
	if len(free) == 0 {
		return 0, false // a body holding them all: wrapped as before
	}
	return free[0], true
}

// freePlaceholders are the first n (or fewer) of U+2011 and the private
// use characters that s holds neither written nor as a reference.
func freePlaceholders(s []byte, n int) []rune {
	decoded := s
	if bytes.IndexByte(s, '&') >= 0 {
		// Glamour decodes references in text: "&#8209;" is U+2011
		decoded = []byte(html.UnescapeString(string(s)))
	}
	var free []rune
	for _, r := range append([]rune{'\u2011'}, privateUse...) {
		if len(free) < n && !bytes.ContainsRune(s, r) && !bytes.ContainsRune(decoded, r) {
			free = append(free, r)
		}
	}
	return free
}

// numberMarks are the placeholders protectDocSigns writes in a body for a
// minus signing a number and for a comma and a full stop between two
// digits ("42,300.50"), each 0 when there is none: Glamour wraps a list's
// and a quote's block again with the breakpoints " ,.;-+|" (BlockElement,
// v2.0.1), which ended a line of a list item or a quote inside a number,
// "42," over "300.50", "66." over "8" (41f, 41i).
type numberMarks struct{ minus, comma, dot rune }

// docPlaceholders are the placeholders for the marks of src's numbers,
// taken from free (the placeholders src holds neither written nor as a
// reference: freePlaceholders, asked once a render for these and the
// quote bars', each of which unescaped the whole text); not ok when src
// has none of '-', ',' and '.' between digits (or no placeholder is free).
// With too few free for all three, the signs alone have one, as before
// the separators had theirs.
func docPlaceholders(src []byte, free []rune) (numberMarks, bool) {
	var m numberMarks
	want := []*rune{}
	if bytes.IndexByte(src, '-') >= 0 {
		want = append(want, &m.minus)
	}
	if separatorBetweenDigits(src, ',') {
		want = append(want, &m.comma)
	}
	if separatorBetweenDigits(src, '.') {
		want = append(want, &m.dot)
	}
	if len(want) == 0 || len(free) < len(want) {
		if len(free) > 0 && bytes.IndexByte(src, '-') >= 0 {
			return numberMarks{minus: free[0]}, true // as before: signs alone
		}
		return numberMarks{}, false
	}
	for i, p := range want {
		*p = free[i]
	}
	return m, true
}

// maxPlaceholders is how many free placeholders a render asks for: one
// for each of numberMarks' and one for the quote bars.
const maxPlaceholders = 4

// separatorBetweenDigits says whether src holds c between two digits.
func separatorBetweenDigits(src []byte, c byte) bool {
	for i := bytes.IndexByte(src, c); i >= 0; {
		if i > 0 && i+1 < len(src) && isDigit(src[i-1]) && isDigit(src[i+1]) {
			return true
		}
		j := bytes.IndexByte(src[i+1:], c)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// restore is s with the placeholders written as what they stand for.
func (m numberMarks) restore(s []byte) []byte {
	for _, p := range [...]struct {
		ph rune
		c  string
	}{{m.minus, "-"}, {m.comma, ","}, {m.dot, "."}} {
		if p.ph != 0 {
			s = bytes.ReplaceAll(s, []byte(string(p.ph)), []byte(p.c))
		}
	}
	return s
}

// privateUse are the private use characters signPlaceholder may use.
var privateUse = func() []rune {
	var rs []rune
	for r := rune(0xE000); r < 0xE000+64; r++ {
		rs = append(rs, r)
	}
	return rs
}()

// signsNumber says whether the hyphen-minus at s[i] signs a number
// (archive.SignsNumber) or an exponent (archive.ExponentSign); prev are
// the two characters before it, the nearer last.
func signsNumber(prev [2]rune, s []byte, i int) bool {
	rest := string(s[i+1 : min(len(s), i+3)])
	return archive.SignsNumber(prev[1], rest) || archive.ExponentSign(prev, rest)
}

// lineStart is what protectSigns is given as the characters before a
// line's first.
var lineStart = [2]rune{'\n', '\n'}

// protectSigns writes each minus of s that signs a number or an exponent
// as ph; prev are the two characters before s (lineStart at a line's
// start), the nearer last. It returns the last two characters of s (with
// prev's when s is shorter) and whether it changed anything.
func protectSigns(s []byte, ph rune, prev [2]rune) (out []byte, last [2]rune, changed bool) {
	return protectNumbers(s, numberMarks{minus: ph}, prev)
}

// protectNumbers is protectSigns writing, besides, each comma and full
// stop between two digits as m's placeholders for them (where set).
func protectNumbers(s []byte, m numberMarks, prev [2]rune) (out []byte, last [2]rune, changed bool) {
	out = s
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		ph := rune(0)
		switch {
		case r == '-' && m.minus != 0 && signsNumber(prev, s, i):
			ph = m.minus
		case r == ',' && m.comma != 0 || r == '.' && m.dot != 0:
			if '0' <= prev[1] && prev[1] <= '9' && i+1 < len(s) && isDigit(s[i+1]) {
				ph = m.comma
				if r == '.' {
					ph = m.dot
				}
			}
		}
		if ph != 0 {
			if !changed {
				out = append([]byte(nil), s[:i]...)
				changed = true
			}
			out = utf8.AppendRune(out, ph)
		} else if changed {
			out = append(out, s[i:i+n]...)
		}
		prev = [2]rune{prev[1], r}
		i += n
	}
	return out, prev, changed
}

// wrapKeepingSigns is ansi.Wrap(s, w, "") that never ends a line with a
// minus signing a number or an exponent.
func wrapKeepingSigns(s string, w int) string {
	return KeepingSigns(s, func(s string) string { return ansi.Wrap(s, w, "") })
}

// KeepingSigns is render(s) where render wraps s (a Lip Gloss style with
// a width: a piece's title and standfirst, above its body) and never ends
// a line with a minus signing a number, the body's rule: each such minus
// is given to render as a placeholder of its width, and made '-' again in
// what render writes, its styles kept (a piece titled "Exports fell to
// -12.5 percent in 2017 as the war went on" ended a line of the reader's
// header and of folio show's at width 41 with "-", the next starting
// "12.5"). render must not hold the placeholder in what it adds: it styles
// and wraps s.
func KeepingSigns(s string, render func(string) string) string {
	ph, ok := signPlaceholder([]byte(s))
	if !ok {
		return render(s)
	}
	p, _, changed := protectSigns([]byte(s), ph, lineStart)
	if !changed {
		return render(s)
	}
	return strings.ReplaceAll(render(string(p)), string(ph), "-")
}

// protectDocSigns writes each minus in doc's text (code spans too, not code
// blocks or HTML) that signs a number, and each comma and full stop between
// two digits, as its placeholder of m, appending the changed texts to src
// (returned). The character before a Text is the last shown before it
// in its block; a block and a line break start a line.
func protectDocSigns(doc ast.Node, src []byte, m numberMarks) []byte {
	prev := lineStart
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML:
			prev = [2]rune{'x', 'x'} // as a word: what follows is not at a line's start
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock {
			prev = lineStart
			return ast.WalkContinue, nil
		}
		t, ok := n.(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		s := t.Segment
		if s.Start >= 0 && s.Stop <= len(src) && s.Start < s.Stop {
			v := src[s.Start:s.Stop]
			out, last, changed := protectNumbers(v, m, prev)
			if changed {
				start := len(src)
				src = append(src, out...)
				t.Segment = text.NewSegment(start, len(src))
			}
			prev = last
		}
		if t.SoftLineBreak() || t.HardLineBreak() {
			prev = lineStart
		}
		return ast.WalkContinue, nil
	})
	return src
}
