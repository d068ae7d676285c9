package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
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
	write := func(i int, date string) {
		t.Helper()
		text := fmt.Sprintf("---\ntitle: Piece %03d\ndate: %s\n---\nThe tax on grain and the rain on hills.\n", i, date)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%03d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
