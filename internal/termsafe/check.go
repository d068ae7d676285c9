package termsafe

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// allowedSequence is every escape sequence Violation accepts: SGR, and OSC 8
// opening an http(s) hyperlink or closing one. It is written independently
// of Rendered (a regular expression, not the ansi parser), so that tests
// checking Rendered's output with it do not share its mistakes.
var allowedSequence = regexp.MustCompile(`^\x1b(?:\[[0-9;:]*m|\]8;[^;\x07\x1b]*;(?:(?i:https?)://[!-\x22$-.0->@-~][!-~]*)?(?:\x07|\x1b\\))`)

// Violation returns "" when s holds only what Rendered lets through —
// printable text (no line or paragraph separator), newlines, tabs, SGR sequences and OSC 8 hyperlinks to
// http(s) URLs — and otherwise describes the first thing that is not (with
// its byte offset). Tests and fuzz targets use it on the bytes folio writes;
// crlf also allows carriage returns, which a terminal's line discipline adds
// before each newline.
func Violation(s string, crlf bool) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			m := allowedSequence.FindString(s[i:])
			if m == "" {
				return fmt.Sprintf("escape sequence %q at byte %d", clip(s[i:], 24), i)
			}
			i += len(m)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("invalid UTF-8 %q at byte %d", s[i:i+1], i)
		case r == '\n', r == '\t', r == '\r' && crlf:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x061c, r == 0x2028, r == 0x2029:
			return fmt.Sprintf("control character %U at byte %d", r, i)
		}
		i += size
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
