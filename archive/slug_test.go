package archive

import (
	"strings"
	"testing"
)

// IDs keep the marks of their words, in NFC: a name in NFD has the ID of
// the same name in NFC (it was cut at the accent, and took the ID of the
// name without it), and an Indic word keeps its vowel signs (it was cut
// into consonants). State files' names keep the rule they were made by.
func TestSlugKeepsMarks(t *testing.T) {
	for _, c := range []struct{ in, want, plain string }{
		{"cafe\u0301", "café", "cafe"},
		{"café", "café", "café"},
		{"Re\u0301sume\u0301 2017", "résumé-2017", "re-sume-2017"},
		{"हिंदी लेख", "हिंदी-लेख", "ह-द-ल-ख"},
		{"தமிழ்", "தமிழ்", "தம-ழ"},
		{"I\u0307stanbul", "istanbul", "i-stanbul"}, // İ in NFD
		{"می\u200cخواهم", "میخواهم", "می-خواهم"},
		{"\u0301lead", "lead", "lead"}, // a mark with no letter before it
		{"x" + strings.Repeat("\u0301", 20), "x" + strings.Repeat("\u0301", maxMarks), "x"},
		{"Plain name, 2017!", "plain-name-2017", "plain-name-2017"},
	} {
		if got := Slug(c.in, 0); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := PlainSlug(c.in, 0); got != c.plain {
			t.Errorf("PlainSlug(%q) = %q, want %q", c.in, got, c.plain)
		}
	}
	if got := Slug("one two three four", 7); got != "one-two" {
		t.Errorf("cut at 7: %q", got)
	}
	if a, b := IDFromPath("notes/cafe\u0301.md"), IDFromPath("notes/café.md"); a != b || a != "notes/café" {
		t.Errorf("IDs of one name in NFD and NFC: %q, %q", a, b)
	}
}
