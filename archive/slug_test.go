package archive

import (
	"os"
	"path/filepath"
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

// An id holds none of the marks that show as nothing (the grapheme joiner,
// the variation selectors): files whose names differ by one alone have the
// one slug, and AssignIDs keeps their ids apart as it does any two that
// claim one (an attack: ann.md, ann\u034f.md, ann\ufe0f.md and
// ann\U000e0100.md listed as four ids that read ann).
func TestSlugDropsInvisibleMarks(t *testing.T) {
	for in, want := range map[string]string{
		"ann\u034f": "ann", "an\u034fn": "ann", "ann\ufe0f": "ann", "ann\U000e0100": "ann",
		"\u1820\u180b": "\u1820", "\u845b\U000e0100": "\u845b", "Ann \ufe0fLee": "ann-lee", "\u034fann": "ann",
	} {
		if got := Slug(in, 0); got != want {
			t.Errorf("Slug(%+q) = %+q, want %+q", in, got, want)
		}
	}
	dir := t.TempDir()
	names := []string{"ann.md", "ann\u034f.md", "ann\ufe0f.md", "ann\U000e0100.md", "ann\u180b.md"}
	for i, n := range names {
		doc := sprintf("---\ntitle: T%d\ndate: 2020-01-0%d\n---\nx\n", i, i+1)
		if err := os.WriteFile(filepath.Join(dir, n), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arc, probs := Load(os.DirFS(dir))
	if IsFatal(probs) || len(arc.Articles) != len(names) {
		t.Fatalf("%v: %d pieces", probs, len(arc.Articles))
	}
	seen := map[string]bool{}
	for _, a := range arc.Articles {
		if seen[a.ID] || strings.ContainsFunc(a.ID, ignorable) || !strings.HasPrefix(a.ID, "ann") {
			t.Errorf("%+q: id %+q (ids so far %v): want one of its own, ann and a suffix, with no invisible character", a.Path, a.ID, seen)
		}
		seen[a.ID] = true
		if a.Path == "ann.md" && a.ID != "ann" {
			t.Errorf("ann.md has id %q, want ann", a.ID)
		}
	}
}
