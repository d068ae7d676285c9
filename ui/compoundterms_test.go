package ui

import (
	"slices"
	"testing"
)

// TestCompoundTermsMarkedInEitherSpelling: the reader marks a compound
// searched closed where the piece hyphenates it, and searched hyphenated
// where the piece closes it, as the index finds them; a dash is no
// hyphen, and a number joins nothing.
func TestCompoundTermsMarkedInEitherSpelling(t *testing.T) {
	text := "Its counter-terrorism work, counter\u2010terrorism, Counterterrorism; counter – terrorism; 9-11"
	for _, c := range []struct {
		terms []string
		want  []string
	}{
		{[]string{"counterterrorism"}, []string{"counter-terrorism", "counter\u2010terrorism", "Counterterrorism"}},
		{[]string{"counter-terrorism"}, []string{"counter-terrorism", "counter\u2010terrorism", "Counterterrorism"}},
		{[]string{"911"}, nil},
	} {
		if got := termStrings(termsRegexp(c.terms), text); !slices.Equal(got, c.want) {
			t.Errorf("%q: marked %q, want %q", c.terms, got, c.want)
		}
	}
}
