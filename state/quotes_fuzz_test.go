package state

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind finds a passage in a text, as shown and as read (every label in
// brackets a marker, a link to "https://e.com/r" after "the report"),
// and finds it again: no panic; a span found lies in the text, from a
// character's start, its letters and digits the passage's when found as
// shown; a passage Find takes is found again by Locate. Its seeds are in
// testdata/fuzz/FuzzFind.
func FuzzFind(f *testing.F) {
	for _, s := range [][2]string{
		{"It rose in 2019[1] and fell, as she said.[12] Then", "in 2019 and fell"},
		{"The cafe\u0301. Was open", "café."},
		{"a[1][2]b", "[2]"},
		{"", "x"},
		{"x", ""},
		{"The limit was 5.5 mph again. Later 55 mph[1] again.", "55 mph again"},
		{"as the report https://e.com/r said[6]. End", "report said[6]."},
		{"10^(6.5) and 2019^(see note) x⁻¹ 3.2e-12", "2019 x^-1"},
		{"\r\n中文[1]字\r\n", "文字"},
		{"यह किताब है, कि किं", "क"},
		{"ไก่กุ่ม ที่", "ก\u0e48\u0e38ม"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, passage string) {
		if len(text) > 1<<12 || len(passage) > 1<<10 || !utf8.ValidString(text) || !utf8.ValidString(passage) {
			return // pieces and passages are valid UTF-8 (archive.Sanitize)
		}
		shown := func() Shown {
			return Shown{Links: []Link{{"the report", "https://e.com/r"}}, Markers: markersIn(text)}
		}
		for _, tx := range []*Text{NewText(text), NewTextAsRead(text, shown)} {
			sel, n, ok := tx.Find(passage)
			if !ok {
				continue
			}
			if n < 1 {
				t.Fatalf("found %d times", n)
			}
			start, end, ok := tx.Locate(sel)
			if !ok {
				t.Fatalf("Find(%q) took %+v, not found again", passage, sel)
			}
			if start < 0 || end > len(text) || start > end || start < len(text) && !utf8.RuneStart(text[start]) {
				t.Fatalf("span %d-%d of %d bytes", start, end, len(text))
			}
			if !tx.asRead && !strings.Contains(foldString(text[start:end]), foldString(passage)) {
				t.Fatalf("as shown, %q found at %q", passage, text[start:end])
			}
		}
		// a selection anywhere is found again
		if i := strings.Index(text, passage); i >= 0 && Selectable(passage) {
			sel := Select(text, i, i+len(passage))
			if _, _, ok := NewText(text).Locate(sel); !ok {
				t.Fatalf("selected %q at %d, not found again", passage, i)
			}
		}
	})
}
