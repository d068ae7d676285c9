package archive

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/folio-tui/folio/internal/termsafe"
)

// Character references in front matter. A title, a plain standfirst (a
// description, subtitle, dek or excerpt), each author, each tag and the
// note are read with their character references decoded, as the body's
// are shown (the reader and show decode them) and as the index reads
// every text: WordPress's exports to Jekyll and Hugo write titles such as
// "Don&#8217;t" and authors such as "Jos&eacute; Garc&iacute;a", which
// read "Don’t" and "José García" everywhere, one piece with a piece that
// wrote them plainly (a helper's report: the title was shown as written
// while `title:cafe` found it, and "Jos&eacute; Garc&iacute;a" and
// "José García" were two authors). A summary and an outlet are read as
// Markdown (standfirstText), which decodes them too.

// MaxRefName is the longest name of a named reference
// (CounterClockwiseContourIntegral).
const MaxRefName = 32

// DecodeReferences is s with its character references read as the
// characters they stand for, as CommonMark reads them: "&", a name HTML5
// knows and ";" (&eacute;, &amp;, &nbsp;), or "&#" and one to seven
// digits and ";", or "&#x" and one to six hex digits and ";", a number
// read as html.UnescapeString reads it (0, a surrogate or past U+10FFFF
// is U+FFFD, 128 to 159 Windows-1252's). Anything else is text as
// written ("AT&T", "&copy" without its ";", "&foo;"). A numeric
// reference to a control character (ESC, BEL, a C1 control, a bidi
// override) is dropped first, alone (termsafe.DefuseReferences), so that
// "Au&#27;thor" is "Author": decoded, its ESC and the letter after it
// would be taken for an escape sequence and dropped together. It is read
// once: "&amp;eacute;" is "&eacute;". A reference to a line's end that
// termsafe drops as a control (&#13;, a CR; &#x2028;, the line
// separator; &#x2029;, the paragraph separator) is a new line (two for
// the paragraph separator), as the character itself is to Sanitize: in a
// one-line field a space ("war&#x2028;peace" was warpeace, a helper's
// report); termsafe.DefuseKeepingLines, the rule the importer's pages and
// feeds share. The result is not sanitised: pass it through SanitizeLine or
// Sanitize, as Parse does.
func DecodeReferences(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	s = termsafe.DefuseKeepingLines(s, "", "&#10;")
	var b strings.Builder
	done := 0 // s[:done] is in b
	for i := strings.IndexByte(s, '&'); i >= 0; {
		n, d := reference(s, i)
		if n > 0 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			b.WriteString(d)
			done = i + n
		}
		k := strings.IndexByte(s[i+max(n, 1):], '&')
		if k < 0 {
			break
		}
		i += max(n, 1) + k
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// reference reads the character reference s[i:] begins with (s[i] is
// '&'): its length in bytes and what it stands for; n is 0 when no
// reference begins there (ReferenceAt).
func reference(s string, i int) (n int, decoded string) {
	r, r2, n := ReferenceAt(s, i)
	if n == 0 {
		return 0, ""
	}
	if r2 < 0 {
		return n, string(r)
	}
	return n, string(r) + string(r2)
}

// ReferenceAt reads the character reference s[i:] begins with (s[i] is
// '&'), as DecodeReferences reads one: its first character, its second
// (-1 when it has only one; &fjlig; is fj, two), and its length in bytes; n is 0
// when no reference begins there. The index reads the body's references
// with it (index's charref.go), so that the rules are one.
func ReferenceAt(s string, i int) (r, r2 rune, n int) {
	j := i + 1
	if j >= len(s) {
		return 0, -1, 0
	}
	if s[j] == '#' {
		j++
		base, most := rune(10), 7
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			base, most = 16, 6
			j++
		}
		d := j
		var x rune
		for j < len(s) && j-d <= most {
			c := s[j]
			var v rune
			switch {
			case '0' <= c && c <= '9':
				v = rune(c - '0')
			case base == 16 && 'a' <= c|0x20 && c|0x20 <= 'f':
				v = rune(c|0x20-'a') + 10
			default:
				goto digitsDone
			}
			x = x*base + v
			j++
		}
	digitsDone:
		if j == d || j-d > most || j >= len(s) || s[j] != ';' {
			return 0, -1, 0
		}
		switch {
		case 0x80 <= x && x <= 0x9f: // Windows-1252's, as html.UnescapeString has them
			x, _ = utf8.DecodeRuneInString(html.UnescapeString(s[i : j+1]))
		case x == 0 || 0xd800 <= x && x <= 0xdfff || x > utf8.MaxRune:
			x = utf8.RuneError
		}
		return x, -1, j + 1 - i
	}
	k := j
	for k < len(s) && k-j <= MaxRefName && isAlnum(s[k]) {
		k++
	}
	if k == j || k-j > MaxRefName || k >= len(s) || s[k] != ';' {
		return 0, -1, 0
	}
	n = k + 1 - i
	switch s[j:k] { // the common ones, without a look-up
	case "nbsp":
		return '\u00a0', -1, n
	case "amp":
		return '&', -1, n
	case "rsquo":
		return '’', -1, n
	case "lsquo":
		return '‘', -1, n
	case "ldquo":
		return '“', -1, n
	case "rdquo":
		return '”', -1, n
	case "quot":
		return '"', -1, n
	case "apos":
		return '\'', -1, n
	case "mdash":
		return '—', -1, n
	case "ndash":
		return '–', -1, n
	case "hellip":
		return '…', -1, n
	case "lt":
		return '<', -1, n
	case "gt":
		return '>', -1, n
	case "eacute":
		return 'é', -1, n
	}
	ref := s[i : k+1]
	d := html.UnescapeString(ref)
	// "&copyx;" is "©x;" to html.UnescapeString (a name of HTML 4 read
	// without its ";"): no reference to CommonMark
	if d == ref || strings.HasSuffix(d, ";") && d != ";" {
		return 0, -1, 0
	}
	r, size := utf8.DecodeRuneInString(d)
	r2 = -1
	if size < len(d) {
		r2, _ = utf8.DecodeRuneInString(d[size:])
	}
	return r, r2, n
}

// PlainText is the text s written so that a front matter field read as
// plain text with its references decoded (DecodeReferences: a title, a
// standfirst, an author, a tag) reads as s: s itself when it reads so,
// else with each "&" that begins a reference, and each "&#", written
// "&amp;". An importer writes a page's title and names with it (a title
// "AT&amp;T" as its text, or "&copy; 2020", stays as written once read).
// A field read as Markdown (an outlet, a summary) takes MarkdownText.
func PlainText(s string) string {
	if !strings.Contains(s, "&") || DecodeReferences(s) == s {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	done := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		if n, _ := reference(s, i); n > 0 || i+1 < len(s) && s[i+1] == '#' {
			b.WriteString(s[done:i])
			b.WriteString("&amp;")
			done = i + 1
		}
	}
	b.WriteString(s[done:])
	return b.String()
}

// fieldLine is a one-line front matter field's value v as read: its
// references decoded, then sanitised (SanitizeLine), so that a reference
// to a character SanitizeLine drops is dropped with it.
func fieldLine(v string) string { return SanitizeLine(DecodeReferences(v)) }
