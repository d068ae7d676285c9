package ui

import (
	"slices"
	"testing"
)

// TestPhraseTermsMarkRuns: a quoted phrase of the query is marked in the
// reader where its words run (spaces, punctuation, an ending on any
// word between them), not word by word; the other words and their
// endings still are.
func TestPhraseTermsMarkRuns(t *testing.T) {
	re := termsRegexp([]string{"united states", "isil fighters", "raqqa"})
	line := "A united tribe; the United  States; united, states's envoy; Isil’s fighters; Raqqa's fall"
	got := re.FindAllString(line, -1)
	want := []string{"United  States", "united, states's", "Isil’s fighters", "Raqqa's"}
	if !slices.Equal(got, want) {
		t.Errorf("marked %q, want %q", got, want)
	}
}

// TestPhraseTermsOverALineEnd: a phrase wrapped from one rendered line to
// the next is marked on both, without the margin or the line's end; its
// words apart are not.
func TestPhraseTermsOverALineEnd(t *testing.T) {
	re := termsRegexp([]string{"united states", "envoys"})
	lines := []string{"  The envoys went to the United ", "  States about it; a united", "  tribe of states."}
	type cells struct{ start, end int }
	want := [][]cells{
		{{6, 12}, {25, 31}}, // envoys, United
		{{2, 8}},            // States
		nil,
	}
	got := lineMatches(lines, re)
	if len(got) != len(want) {
		t.Fatalf("%d lines of matches", len(got))
	}
	for i := range want {
		var g []cells
		for _, c := range got[i] {
			g = append(g, cells{c.start, c.end})
		}
		if !slices.Equal(g, want[i]) {
			t.Errorf("line %d %q: %v, want %v", i, lines[i], g, want[i])
		}
	}
}
