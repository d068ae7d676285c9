package archive

import (
	"strings"
	"testing"
)

// BenchmarkInvisibleReferenceRun: a line of 20,000 "&#x200b;" read its
// run of ignorable references once a reference (3.1 s, 860 ms for 10,000:
// quadratic, a review); now once (2.5 ms, 0.9 ms).
func BenchmarkInvisibleReferenceRun(b *testing.B) {
	s := "a" + strings.Repeat("&#x200b;", 20000) + "b"
	for b.Loop() {
		if got := dropInvisibleReferences(s); got != "ab" {
			b.Fatalf("%q", got)
		}
	}
}

// Tag characters written as references after a flag go: kept, they hid
// a text after 🏴 ("&#xE0068;&#xE0069;…" read "hi you" to a program, a
// flag alone on screen; a review, 41za), as raw ones that spell no
// subdivision do (termsafe.FlagTags).
func TestFlagTagReferencesGo(t *testing.T) {
	in := "A flag \U0001f3f4&#xE0068;&#xE0069;&#xE0020;&#xE0079;&#xE006f;&#xE0075;&#xE007F; then text."
	if got, want := dropInvisibleReferences(in), "A flag \U0001f3f4 then text."; got != want {
		t.Errorf("dropInvisibleReferences(%q) = %q, want %q", in, got, want)
	}
}
