package archive

import (
	"regexp"
	"strings"
)

// kramdown renders what kramdown, Jekyll's Markdown, reads that
// CommonMark shows as text, in a Jekyll post: attribute lists after a
// link or a block ({:target="_blank"}, {: .notice}) and extensions'
// options ({::options /}) show nothing; {::comment}…{:/comment} hides
// what it encloses; a "* TOC" list marked {:toc} (the table of contents
// kramdown makes) and abbreviation definitions (*[HTML]: …) are not shown
// (a helper's report: all shown as written). Code is left as it is.
// Linear in the length of s.
func kramdown(s string) string {
	if !strings.Contains(s, "{:") && !strings.Contains(s, "*[") {
		return s
	}
	lastClose := strings.LastIndex(s, "{:/comment}") // a comment opened before it is closed
	var b strings.Builder
	b.Grow(len(s))
	var f fence
	skipNext, inComment := false, false
	for i := 0; i < len(s); {
		at := i
		line, next := lineAt(s, i)
		newline := next > i+len(line)
		i = next
		if inComment {
			k := strings.Index(line, "{:/comment}")
			if k < 0 {
				continue // a comment's line
			}
			inComment = false
			line, at = line[k+len("{:/comment}"):], at+k+len("{:/comment}")
		}
		code := f.code(line)
		if skipNext {
			skipNext = false
			continue
		}
		if !code {
			if strings.Contains(line, "{::comment}") {
				line, inComment = kdComments(line, at, lastClose)
			}
			if kdTOC.MatchString(line) && i < len(s) {
				if following, _ := lineAt(s, i); kdTOCMark.MatchString(following) {
					skipNext = true // the list and its mark: no table of contents
					continue
				}
			}
			if kdAbbr.MatchString(line) {
				continue
			}
			if strings.Contains(line, "{:") {
				line = outsideCodeSpans(line, kdAttributes)
				if strings.TrimSpace(line) == "" && !inComment {
					continue // a block's attribute list alone on its line
				}
			}
		}
		b.WriteString(line)
		if newline && !inComment {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// kdComments removes the comments of line, which starts at position at of
// the text, {::comment}…{:/comment}, and says whether one goes on past
// its end (it is closed at or before lastClose, the text's last close); an
// unclosed one stays as written.
func kdComments(line string, at, lastClose int) (string, bool) {
	code := spanCursor{spans: codeSpans(line)} // once: the positions below only grow
	var b strings.Builder
	from := 0 // line[from:] is not written yet
	for p := 0; ; {
		k := strings.Index(line[p:], "{::comment}")
		if k < 0 {
			break
		}
		k += p
		if code.in(k) {
			p = k + 1 // in a code span it opens nothing (a review: two paragraphs lost)
			continue
		}
		if at+k > lastClose {
			break // no close after it
		}
		b.WriteString(line[from:k])
		j := strings.Index(line[k+len("{::comment}"):], "{:/comment}")
		if j < 0 {
			return b.String(), true // closed on a later line
		}
		from = k + len("{::comment}") + j + len("{:/comment}")
		p = from
	}
	b.WriteString(line[from:])
	return b.String(), false
}

// kdAttributes removes the attribute lists of a line ({: .class #id
// key="v"}, {:toc}) and extensions' tags ({::options x="y" /},
// {::nomarkdown}, {:/nomarkdown}): from "{:" to the "}" that ends it, at
// most maxIAL bytes on, when what is between is one. Linear: the next "}"
// is found once for all the openings before it.
func kdAttributes(line string) string {
	var b strings.Builder
	last, closeAt := 0, -1
	for i := 0; i+1 < len(line); i++ {
		if line[i] != '{' || line[i+1] != ':' {
			continue
		}
		if closeAt < i {
			if k := strings.IndexByte(line[i:], '}'); k >= 0 {
				closeAt = i + k
			} else {
				break // no "}" after it: no list ends on this line
			}
		}
		if closeAt-i > maxIAL || !kdIAL.MatchString(line[i:closeAt+1]) ||
			strings.HasPrefix(line[i:], "{::comment") || strings.HasPrefix(line[i:], "{:/comment") {
			continue // (an unclosed comment stays as written)
		}
		b.WriteString(line[last:i])
		last, i = closeAt+1, closeAt
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// maxIAL is the longest attribute list kdAttributes takes.
const maxIAL = 300

var (
	// kdIAL is an attribute list or an extension's tag, whole
	kdIAL     = regexp.MustCompile(`^\{::?/?[a-zA-Z]*(?:\s*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+)|[\w-]+))*\s*/?\}$`)
	kdTOC     = regexp.MustCompile(`^[ \t]*(?:[*+-]|1\.)[ \t]+TOC[ \t]*$`)
	kdTOCMark = regexp.MustCompile(`^[ \t]*\{:[ \t]*(?:\.no_toc[ \t]+)?toc[ \t]*\}[ \t]*$`)
	kdAbbr    = regexp.MustCompile(`^[ \t]{0,3}\*\[[^\]\n]+\]:`)
)
