package archive

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/internal/termsafe"
	"golang.org/x/text/unicode/norm"
)

// Sanitize makes untrusted text safe to print on a terminal, the way less shows
// control characters instead of obeying them. It removes ANSI escape sequences
// (CSI, OSC — clipboard writes, hyperlinks, title changes — DCS, ...), every
// other C0 and C1 control except tab and newline, DEL, the bidirectional
// override and isolate characters used to disguise text, and the private-use
// runes folio itself uses to mark search matches. Carriage returns are
// dropped (CRLF becomes LF). Invalid UTF-8 is replaced by U+FFFD. A
// sequence cut off (an ESC ] or ESC P that never ends) loses only its
// introducer: the text after it stays.
//
// It is applied once, where text enters folio (Parse), so every consumer (TUI,
// CLI, JSON) is safe.
func Sanitize(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsRune(s, 0x1b) {
		s = termsafe.Plain(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\n' || r == '\t' || !isUnsafe(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SanitizeLine is Sanitize for one-line fields (titles, tags, outlets): tabs
// and newlines become spaces and runs of spaces collapse.
//
// A line is also put in one Unicode form (NFC: "cafe" with a combining
// accent is "café") and rid of the invisible characters that would make
// two values look alike and differ (a zero-width space or word joiner, a
// byte-order mark, a soft hyphen, tag characters): a tag spelt both ways
// is one tag, not two identical-looking rows.
func SanitizeLine(s string) string {
	s = Sanitize(s)
	if strings.ContainsFunc(s, isInvisible) {
		// before the spaces collapse: "Middle \u200b East" is "Middle East",
		// not "Middle  East" (a helper's report: two tags in folio stats)
		s = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, s)
	}
	s = strings.Join(strings.Fields(s), " ")
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// isInvisible is a character that shows as nothing and joins nothing:
// zero-width space, word joiner, byte-order mark (zero-width no-break
// space), soft hyphen, and the tag characters. The zero-width joiner and
// non-joiner stay: scripts and emoji need them.
func isInvisible(r rune) bool {
	switch r {
	case 0x200b, 0x2060, 0xfeff, 0xad:
		return true
	}
	return r >= 0xe0000 && r <= 0xe007f
}

func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 {
			return !strings.ContainsFunc(s, func(r rune) bool {
				return r == utf8.RuneError || (r != '\n' && r != '\t' && isUnsafe(r))
			}) && utf8.ValidString(s)
		}
	}
	return true
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

func isUnsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, isC1(r):
		return true
	case r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069, // LRI, RLI, FSI, PDI
		r == 0x061c,                // Arabic letter mark
		r == 0xE000 || r == 0xE001: // folio's own match marks
		return true
	}
	return r != utf8.RuneError && unicode.Is(unicode.Cc, r)
}
