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
	if strings.Contains(s, "{::comment}") {
		s = kdComment.ReplaceAllString(s, "")
	}
	var b strings.Builder
	b.Grow(len(s))
	var f fence
	prevBlank := true
	skipNext := false
	for i := 0; i < len(s); {
		line, next := lineAt(s, i)
		newline := next > i+len(line)
		i = next
		code := f.line(line) || (prevBlank || f.indented) && isIndentedCode(line)
		f.indented = code && isIndentedCode(line)
		prevBlank = strings.TrimSpace(line) == ""
		if skipNext {
			skipNext = false
			continue
		}
		if !code {
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
				line = kdIAL.ReplaceAllString(line, "")
				if strings.TrimSpace(line) == "" {
					continue // a block's attribute list alone on its line
				}
			}
		}
		b.WriteString(line)
		if newline {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

var (
	// kdIAL is an attribute list ({: .class #id key="v"}, {:toc}) or an
	// extension's tag ({::options x="y" /}, {::nomarkdown}, {:/nomarkdown})
	kdIAL = regexp.MustCompile(`\{::?/?[a-zA-Z]*(?:\s*(?:[.#][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+)|[\w-]+))*\s*/?\}`)
	// kdComment is kramdown's comment extension, which shows nothing
	kdComment = regexp.MustCompile(`(?s)\{::comment\}.*?\{:/comment\}`)
	kdTOC     = regexp.MustCompile(`^[ \t]*(?:[*+-]|1\.)[ \t]+TOC[ \t]*$`)
	kdTOCMark = regexp.MustCompile(`^[ \t]*\{:[ \t]*(?:\.no_toc[ \t]+)?toc[ \t]*\}[ \t]*$`)
	kdAbbr    = regexp.MustCompile(`^[ \t]{0,3}\*\[[^\]\n]+\]:`)
)
