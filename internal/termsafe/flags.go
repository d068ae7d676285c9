package termsafe

import "unicode/utf8"

// BlackFlag is U+1F3F4, the base of a subdivision's flag: the tag
// characters after it (U+E0000–E007F) spell the subdivision
// (🏴 g b s c t, then the cancel tag: Scotland's flag).
const BlackFlag = 0x1f3f4

// FlagTags is the length in bytes of the tag characters that begin s and
// spell a subdivision's flag after a BlackFlag: two to six tag letters or
// digits (a region and its subdivision, as Unicode's emoji tag sequences
// are), then the cancel tag (U+E007F); 0 for none. Any other run of tag
// characters shows as nothing, a flag's or not, and can hide a text (each
// tag character mirrors an ASCII one: "🏴" and a hidden sentence read as a
// flag alone); archive drops such tags, and Escape writes them escaped.
func FlagTags(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0xe007f:
			if n >= 2 {
				return i + size
			}
			return 0
		case n < 6 && (r >= 0xe0030 && r <= 0xe0039 || r >= 0xe0061 && r <= 0xe007a):
			n++
			i += size
		default:
			return 0
		}
	}
	return 0
}

// IsTag: r is a tag character (U+E0000–E007F): kept only as a flag's
// tags (FlagTags).
func IsTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }
