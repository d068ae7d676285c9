package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/testcorpus"
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

// Related scores a piece the same in any build of an archive: bleve adds
// a piece's clauses in an order that follows the order of the documents
// in the index, which each build makes anew (its batches are maps), and
// the sums differed in their last bits (about 100 of the bundled
// archive's scores between two builds), putting pieces of equal scores
// in an order of the build's.
func TestRelatedScoresSameWhateverTheBuild(t *testing.T) {
	// each piece's list with its hits in ID order, for the scores alone
	scores := func(ix *Index) []string {
		lists := relatedLists(t, ix)
		for i, l := range lists {
			id, hits, _ := strings.Cut(l, ":")
			f := strings.Fields(hits)
			slices.Sort(f)
			lists[i] = id + ": " + strings.Join(f, " ")
		}
		return lists
	}
	first := scores(openBundled(t))
	for range 3 {
		again := scores(openBundled(t))
		if len(again) != len(first) {
			t.Fatalf("%d pieces, then %d", len(first), len(again))
		}
		for i := range first {
			if again[i] != first[i] {
				t.Fatalf("Related scored differently in two builds:\n%s\n%s", first[i], again[i])
			}
		}
	}
}

// Related orders pieces of equal scores by ID, so that every build of an
// archive lists them alike, and a shorter list is the first pieces of a
// longer one: the bundled archive's interviews related to a piece by a
// tag alone score the same, and came in the order of the documents in
// the index, which each build makes anew.
func TestRelatedTiesInIDOrder(t *testing.T) {
	first := openBundled(t)
	want := relatedLists(t, first)
	ties := 0
	ids, err := first.IDs(func(string) bool { return true }, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		all, err := first.Related(id, relatedLimit)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(all); i++ {
			if all[i].Score == all[i-1].Score {
				ties++
				if all[i].ID < all[i-1].ID {
					t.Errorf("related to %s, scoring the same: %s before %s", id, all[i-1].ID, all[i].ID)
				}
			}
		}
		for _, k := range []int{1, 2, 3, 5, 8, 13, 21} {
			if k >= len(all) {
				break
			}
			some, err := first.Related(id, k)
			if err != nil {
				t.Fatal(err)
			}
			for i := range some {
				if some[i].ID != all[i].ID {
					t.Fatalf("related to %s, %d of them: %d. is %s, of %d: %s", id, k, i+1, some[i].ID, len(all), all[i].ID)
				}
			}
		}
	}
	if ties < 10 {
		t.Fatalf("%d ties among the bundled archive's Related lists: the test needs some", ties)
	}
	for range 3 {
		again := relatedLists(t, openBundled(t))
		for i := range want {
			if again[i] != want[i] {
				t.Fatalf("Related differed in two builds:\n%s\n%s", want[i], again[i])
			}
		}
	}
}

// Related lists the same pieces in the same order in a generation
// refreshed after pieces changed as in a build of the changed archive
// from scratch: the words' counts were read from the dictionaries, whose
// counts hold the deleted pieces until their segment is merged, so the
// changed pieces' words counted twice and weighed less.
func TestRelatedSameAfterARefresh(t *testing.T) {
	// no read racy: a piece read within the file system's tick of its
	// write is read again by the next update
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	src := testcorpus.CopyFS(t, archive.Bundled())
	opts := Options{Dir: t.TempDir(), compact: compactTest{noMerges: true}} // the deleted pieces stay
	ix, err := Open(context.Background(), src, os.DirFS(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, name := range []string{
		"2017-10-19-raqqa-terror-is-here-to-stay.md",
		"2017-08-barcelona-vehicle-attacks-desperate-tactic.md",
		"2017-06-07-intelligence-is-fragmented-by-nature.md",
		"2017-05-26-britain-angry-america-casual-with-secrets.md",
	} {
		p := filepath.Join(src, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, "\nOne more line, of the attacks.\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if changed, err := ix.Refresh(context.Background(), opts); !changed || err != nil {
		t.Fatalf("refresh: %v %v", changed, err)
	}
	wantDeletedInSegments(t, ix)
	got := relatedLists(t, ix)
	want := relatedLists(t, openFolder(t, src, t.TempDir()))
	if len(got) != len(want) {
		t.Fatalf("%d pieces refreshed, %d built", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Related, refreshed and built:\n%s\n%s", got[i], want[i])
		}
	}
}
