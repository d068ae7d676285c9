package archive

import (
	"strings"
)

// headingAttributes drops the attribute list that ends an ATX heading,
// "## Custom heading {#custom-id}" or "### Classy {.red .big}": Hugo
// (Goldmark's heading attributes, on by default) and kramdown read it as
// the heading's id and classes, and show only "Custom heading" (a
// helper's report: folio showed the braces). Code is left as it is; a
// heading whose braces hold anything else ("## Sets {a, b}") keeps them.
// Linear in the length of s.
func headingAttributes(s string) string {
	if !strings.Contains(s, "{") || !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var f fence
	for i := 0; i < len(s); {
		line, next := lineAt(s, i)
		newline := next > i+len(line)
		i = next
		code := f.code(line)
		if !code && atxHeading().MatchString(line) {
			if loc := headingAttrs().FindStringIndex(line); loc != nil && loc[0] > 0 {
				line = line[:loc[0]]
			}
		}
		b.WriteString(line)
		if newline {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// atxHeading is an ATX heading's start.
var atxHeading = lazyRegexp(`^ {0,3}#{1,6}[ \t]`)

// headingAttrs is the attribute list at a heading's end: ids (#id),
// classes (.name) and key=value pairs, at least one id or class.
var headingAttrs = lazyRegexp(`[ \t]+\{:?[ \t]*(?:(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[\w-]+))[ \t]*)*[#.][\w-]+[ \t]*(?:(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[\w-]+))[ \t]*)*\}[ \t]*$`)
