package ui

import (
	"context"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The warning that the marks of renamed pieces did not follow them goes
// once they have followed, at the reading state's next save that works or
// change of its file (41j: after a full state folder it stayed, "1
// warning !", until R, the CLI having made the marks follow); the
// synonyms' warning beside it stays.
func TestUnfollowedMarksWarningGoesOnceFollowed(t *testing.T) {
	const syn = "/c/folio/synonyms.txt: not a regular file"
	const unf = "the marks of 1 piece renamed or moved did not follow them (the next folio to open the index tries again): no space left on device"
	followed := false
	info := Info{Count: 0, Warning: syn, Unfollowed: unf, Followed: func() bool { return followed }}
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return newFake(), info, nil
	}, After: testClock}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	if all := h.m.allWarnings(); !slices.Equal(all, []string{syn + " · " + unf}) {
		t.Fatalf("warnings at the start: %q", all)
	}
	h.send(stateSavedMsg{}) // a save that works, the marks not followed yet
	if all := h.m.allWarnings(); len(all) != 1 {
		t.Fatalf("warnings before the marks followed: %q", all)
	}
	followed = true
	h.send(stateSavedMsg{changed: true})
	if all := h.m.allWarnings(); !slices.Equal(all, []string{syn}) {
		t.Errorf("warnings after the marks followed: %q, want the synonyms' alone", all)
	}
}

// Info.warning says Warning and Unfollowed as one warning, " · " between,
// and alters neither (a review: the join trimmed " ·" from its ends, so a
// warning that ended in "·" lost it).
func TestInfoWarningKeepsTheText(t *testing.T) {
	for _, c := range []struct{ warning, unfollowed, want string }{
		{"", "", ""},
		{"synonyms: bad line", "", "synonyms: bad line"},
		{"", "2 marks did not follow ·", "2 marks did not follow ·"},
		{"ends in a dot ·", "", "ends in a dot ·"},
		{"· starts with one", "and ends with one ·", "· starts with one · and ends with one ·"},
		{" spaced ", " warn ", " spaced  ·  warn "},
	} {
		if got := (Info{Warning: c.warning, Unfollowed: c.unfollowed}).warning(); got != c.want {
			t.Errorf("Info{Warning: %q, Unfollowed: %q}.warning() = %q, want %q", c.warning, c.unfollowed, got, c.want)
		}
	}
}
