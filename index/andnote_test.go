package index

import (
	"slices"
	"testing"
)

// An AND with no word on one side is said, as OR's is: `AND` found every
// piece and `slavery AND` slavery's, with no note (a helper's report).
func TestLoneANDIsSaid(t *testing.T) {
	ix := openPieces(t, t.TempDir(),
		"---\ntitle: One\ndate: 2020-01-01\n---\nSlavery and tax.\n",
		"---\ntitle: Two\ndate: 2020-01-02\n---\nA badger.\n")
	const note = "AND needs a word on each side"
	for q, want := range map[string]struct {
		hits int
		note bool
	}{
		"AND": {2, true}, "slavery AND": {1, true}, "slavery &&": {1, true}, "AND slavery": {1, true},
		"slavery AND tax": {1, false}, "slavery && tax": {1, false}, "slavery AND \"tax\"": {1, false},
		"slavery NOT": {1, false}, // NOT's own note
	} {
		res := run(t, ix, Query{Text: q})
		if res.Total != want.hits || slices.Contains(res.Notes, note) != want.note {
			t.Errorf("%s: %d hits, notes %q; want %d hits, the note %v", q, res.Total, res.Notes, want.hits, want.note)
		}
	}
	if res := run(t, ix, Query{Text: "slavery NOT"}); !slices.Contains(res.Notes, "NOT needs a word after it") {
		t.Errorf("slavery NOT: notes %q", res.Notes)
	}
}
