package termsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON makes JSON text safe on a terminal without changing its value:
// encoding/json escapes the C0 controls itself but writes DEL, the C1
// controls (U+009B is a CSI), the bidi controls, the direction marks
// (U+200E, U+200F, U+061C) and the other invisible characters (the
// format characters: U+200B, U+00AD, U+2060, U+FEFF, the tags
// U+E0000–E007F; the characters archive drops where they show as nothing,
// Invisible and Contextual: the Hangul fillers, Khmer's inherent vowels,
// the grapheme joiner, the variation selectors) as they are; JSON writes these as
// \u escapes (a pair of surrogates past U+FFFF), so that a path "x\u200by.md"
// does not show as "xy.md", another file's name; so are a character's
// combining marks past MaxMarks (CapMarks), which would stack on its cell
// (a name's 100 accents: the value is kept whole, a machine reads it).
// Outside strings, JSON text has none of them.
func JSON(s string) string {
	unsafe := func(r rune) bool {
		return r >= 0x7f && (r <= 0x9f || unicode.Is(unicode.Cf, r) || Invisible(r) || Contextual(r))
	}
	over := overMarks(s)
	if !strings.ContainsFunc(s, unsafe) && !over {
		return s
	}
	var b strings.Builder
	run := 0
	for _, r := range s {
		if surplus := over && surplusMark(&run, r); unsafe(r) || surplus {
			if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
				fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
