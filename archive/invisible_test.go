package archive

import (
	"strings"
	"testing"
	"unicode"

	"github.com/folio-tui/folio/internal/termsafe"
)

// The characters archive drops where they show as nothing are those
// termsafe.JSON escapes, beside the controls and format characters it
// escapes anyway: one list (a review: JSON wrote Khmer's inherent vowels
// U+17B4/5, which Sanitize drops, and the grapheme joiner U+034F as they
// are, so a path "x\u17b4y.md" showed as "xy.md"). Every rune is asked.
func TestInvisibleIsEscapedInJSON(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < 0x20 || r >= 0xd800 && r <= 0xdfff {
			continue // escaped by encoding/json before; no UTF-8
		}
		s := "\"x" + string(r) + "y\""
		escaped := !strings.ContainsRune(termsafe.JSON(s), r)
		other := r >= 0x7f && r <= 0x9f || unicode.Is(unicode.Cf, r) // escaped as controls or format characters
		if escaped != (ignorable(r) || other) {
			if bad++; bad <= 10 {
				t.Errorf("U+%04X: escaped by JSON %v, dropped by archive (where it shows as nothing) %v", r, escaped, ignorable(r))
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d runes in all", bad)
	}
}
