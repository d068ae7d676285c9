package termsafe

import (
	"fmt"
	"strings"
)

// JSON makes JSON text safe on a terminal without changing its value:
// encoding/json escapes the C0 controls itself but writes DEL, the C1
// controls (U+009B is a CSI), the bidi controls and the direction marks
// (U+200E, U+200F, U+061C) as they are; JSON writes these as \u escapes.
// Outside strings, JSON text has none of them.
func JSON(s string) string {
	unsafe := func(r rune) bool {
		return r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
			r == 0x061c || r == 0x200e || r == 0x200f
	}
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafe(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
