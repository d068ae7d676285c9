package index

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bleveindex "github.com/blevesearch/bleve_index_api"
)

// TestTiesAtTheCutInIDOrder: when more pieces tie than the re-rank takes
// (rerankDepth), the same files rank the same way whatever the index's
// order of documents. A refresh puts the edited pieces after the others;
// a fresh build of the same files keeps them where their names are. Both
// must give the same pages: the ties in ID order. Before, which 100 of the
// tying pieces were re-ranked followed the document order, and `search
// 'title:union'` on SOTU gave three top fives in three rebuilds.
func TestTiesAtTheCutInIDOrder(t *testing.T) {
	src := t.TempDir()
	write := func(i int, date string) { t.Helper(); writeTyingPiece(t, src, i, date) }
	const n = 3 * rerankDepth
	for i := range n {
		write(i, "2017-01-01")
	}
	refreshed := t.TempDir()
	openFolder(t, src, refreshed).Close()
	// the first pieces edited (their dates only: their words and lengths
	// stay): a refresh indexes them again, after the others
	for i := range 20 {
		write(i, "2017-01-02")
	}
	a := openFolder(t, src, refreshed)
	b := openFolder(t, src, t.TempDir())
	ctx := context.Background()
	for _, pg := range []struct{ off, limit int }{{0, 10}, {0, rerankDepth}, {90, 20}, {rerankDepth, 50}, {250, 50}} {
		q := Query{Text: "tax", Offset: pg.off, Limit: pg.limit}
		ra, err := a.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if ra.Total != n || rb.Total != n {
			t.Fatalf("totals %d and %d, want %d", ra.Total, rb.Total, n)
		}
		var want []string
		for i := pg.off; i < min(pg.off+pg.limit, n); i++ {
			want = append(want, fmt.Sprintf("p%03d", i))
		}
		if got := ids(ra); !slices.Equal(got, want) {
			t.Errorf("refreshed, %d from %d: %v, want %v", pg.limit, pg.off, got, want)
		}
		if got := ids(rb); !slices.Equal(got, want) {
			t.Errorf("built anew, %d from %d: %v, want %v", pg.limit, pg.off, got, want)
		}
	}
}

// TestPagesJoinWhenScoresDifferInTheLastBits: a disjunction of more
// than DisjunctionHeapTakeover words sums a piece's scores in its heap's
// order, so a piece's score may differ in its last bit from one search to
// another. Compared exactly, a piece came on two pages and another on
// none (47s: 600 pieces of 12 words of 16, the query twelve words OR'd,
// pages of 7 against one of 1,000, in 3 of 4 runs): on gridScore's grid
// they tie, and go by ID. Three indexes of the same files, in other
// orders of documents, give the same pages.
func TestPagesJoinWhenScoresDifferInTheLastBits(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields("tax taxa taxb taxc taxd taxe taxf taxg taxh taxi taxj taxk taxl grain rain hill")
	src := t.TempDir()
	type doc struct{ name, text string }
	var docs []doc
	for i := range 600 {
		var w []string
		for range 12 {
			w = append(w, vocab[rng.Intn(len(vocab))])
		}
		slices.Sort(w)
		docs = append(docs, doc{fmt.Sprintf("r%04d", i), fmt.Sprintf("---\ntitle: T %s\ndate: %%s\n---\n%s.\n", w[0], strings.Join(w, " "))})
	}
	write := func(d doc, date string) {
		if err := os.WriteFile(filepath.Join(src, d.name+".md"), []byte(fmt.Sprintf(d.text, date)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs {
		write(d, "2017-01-01")
	}
	r1, r2 := t.TempDir(), t.TempDir()
	openFolder(t, src, r1).Close()
	openFolder(t, src, r2).Close()
	for _, d := range docs[:200] {
		write(d, "2017-01-02")
	}
	openFolder(t, src, r1).Close()
	for _, d := range docs {
		if rng.Intn(2) == 0 {
			write(d, "2017-01-03")
		}
	}
	ixs := []*Index{openFolder(t, src, t.TempDir()), openFolder(t, src, r1), openFolder(t, src, r2)}
	ctx := context.Background()
	pages := func(ix *Index, text string, step int) []string {
		var out []string
		for off := 0; ; off += step {
			r, err := ix.Search(ctx, Query{Text: text, Offset: off, Limit: step})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ids(r)...)
			if len(r.Hits) < step {
				return out
			}
		}
	}
	or := strings.Join(vocab[1:13], " OR ")
	for _, text := range []string{or, "grain " + or, "tax*", "taxa taxb"} {
		var first []string
		for k, ix := range ixs {
			whole := pages(ix, text, 1000)
			if k == 0 {
				first = whole
			} else if !slices.Equal(whole, first) {
				t.Errorf("%q: index %d's hits differ from index 0's", text, k)
			}
			for _, step := range []int{7, 33, 100} {
				if got := pages(ix, text, step); !slices.Equal(got, whole) {
					t.Errorf("%q: index %d, pages of %d joined differ from one page", text, k, step)
				}
			}
		}
	}
}

// TestTiesComparedByRank: with the snapshot's order read (the reader's
// warm, or its generation's columns file), the tie walk compares the
// ranks of the IDs (docOrder.ranks) and reads the IDs of the pieces it
// keeps alone, not one a tying piece (300 here; 50,000 pieces alike took
// 46 ms a search); the pages are those of IDs in order. The ranks are
// the IDs' order, whether read from the snapshot or from the file.
func TestTiesComparedByRank(t *testing.T) {
	src := t.TempDir()
	write := func(i int, date string) { t.Helper(); writeTyingPiece(t, src, i, date) }
	const n = 3 * rerankDepth
	for i := range n {
		write(i, "2017-01-01")
	}
	dir := t.TempDir()
	openFolder(t, src, dir).Close()
	for i := range 20 { // indexed again, after the others: numbers not in ID order
		write(i, "2017-01-02")
	}
	ctx := context.Background()
	ranksOfIndex := func(ix *Index) []uint32 {
		t.Helper()
		run(t, ix, Query{Limit: 5}) // the first list, after which the warm reads
		ft := warmedTerms(t, ix)
		r, done, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		ord := ft.order0(r)
		if ord == nil || ord.ranks == nil {
			t.Fatal("no ranks read with the order")
		}
		byID := slices.Clone(ord.docs)
		idOf := map[uint32]string{}
		for _, d := range byID {
			id, err := r.ExternalID(bleveindex.NewIndexInternalID(nil, uint64(d)))
			if err != nil {
				t.Fatal(err)
			}
			idOf[d] = id
		}
		slices.SortFunc(byID, func(a, b uint32) int { return strings.Compare(idOf[a], idOf[b]) })
		numbered := 0
		for rank, d := range byID {
			if got, ok := ord.rankOf(uint64(d)); !ok || got != uint32(rank) {
				t.Fatalf("%s: rank %d (%v), want %d", idOf[d], got, ok, rank)
			}
			if uint32(rank) != d {
				numbered++
			}
		}
		if numbered == 0 {
			t.Fatal("every piece numbered in ID order: the ranks are not tried")
		}
		return ord.ranks
	}
	pages := func(ix *Index, what string) {
		t.Helper()
		for _, pg := range []struct{ off, limit int }{{0, 10}, {90, 20}, {250, 50}} {
			read := tieIDsRead.Load()
			res, err := ix.Search(ctx, Query{Text: "tax", Offset: pg.off, Limit: pg.limit})
			if err != nil {
				t.Fatal(err)
			}
			read = tieIDsRead.Load() - read
			var want []string
			for i := pg.off; i < min(pg.off+pg.limit, n); i++ {
				want = append(want, fmt.Sprintf("p%03d", i))
			}
			if got := ids(res); !slices.Equal(got, want) {
				t.Errorf("%s, %d from %d: %v, want %v", what, pg.limit, pg.off, got, want)
			}
			if kept := max(pg.off+pg.limit, rerankDepth); read > int64(kept) {
				t.Errorf("%s, %d from %d: %d IDs read walking the ties, for %d kept", what, pg.limit, pg.off, read, kept)
			}
		}
	}
	warmed := openFolder(t, src, dir)
	ranks := ranksOfIndex(warmed)
	pages(warmed, "ranks read from the snapshot")
	warmed.Close() // its warm wrote the columns file
	fromFile := openCached(t, src, dir)
	if got := ranksOfIndex(fromFile); !slices.Equal(got, ranks) {
		t.Errorf("ranks from the columns file %v, from the snapshot %v", got, ranks)
	}
	if !genRead(fromFile) {
		t.Error("the columns file was not read")
	}
	pages(fromFile, "ranks read from the file")
}

// writeTyingPiece writes the piece p<i>.md of src dated date, its words
// those of every other so written: they tie in any search of them.
func writeTyingPiece(t *testing.T, src string, i int, date string) {
	t.Helper()
	text := fmt.Sprintf("---\ntitle: Piece %03d\ndate: %s\n---\nThe tax on grain and the rain on hills.\n", i, date)
	if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%03d.md", i)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
