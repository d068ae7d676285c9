package index

import (
	"fmt"
	"strings"
	"testing"
)

// relatedLists is every piece's Related list of ix, its IDs with their
// scores, one line a piece.
func relatedLists(t *testing.T, ix *Index) []string {
	t.Helper()
	ids, err := ix.IDs(func(string) bool { return true }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, id := range ids {
		hits, err := ix.Related(id, relatedLimit)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s:", id)
		for _, h := range hits {
			fmt.Fprintf(&b, " %s=%v", h.ID, h.Score)
		}
		out = append(out, b.String())
	}
	return out
}

// Related asked again of one index gives the same list: the words it
// asks for were chosen in a map's order, equal weights unordered, and a
// piece's list changed from one call (or process) to the next.
func TestRelatedSameEveryCall(t *testing.T) {
	ix := openBundled(t)
	first := relatedLists(t, ix)
	if len(first) < 20 {
		t.Fatalf("%d pieces in the bundled archive", len(first))
	}
	for range 8 {
		again := relatedLists(t, ix)
		for i := range first {
			if again[i] != first[i] {
				t.Fatalf("Related changed between two calls:\n%s\n%s", first[i], again[i])
			}
		}
	}
}
