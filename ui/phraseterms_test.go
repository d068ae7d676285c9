package ui

import (
	"slices"
	"testing"
)

// TestPhraseTermsMarkRuns: a quoted phrase of the query is marked in the
// reader where its words run (any space between), not word by word; the
// other words and their endings still are.
func TestPhraseTermsMarkRuns(t *testing.T) {
	re := termsRegexp([]string{"united states", "raqqa"})
	line := "A united tribe; the United  States; united states's envoy; Raqqa's fall"
	got := re.FindAllString(line, -1)
	want := []string{"United  States", "united states's", "Raqqa's"}
	if !slices.Equal(got, want) {
		t.Errorf("marked %q, want %q", got, want)
	}
}
