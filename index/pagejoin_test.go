package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pagesJoin checks that the pages of q, of each size, joined are the whole
// list of its hits in one page: the order of a hit does not depend on the
// page asked for.
func pagesJoin(t *testing.T, ix *Index, text string) {
	t.Helper()
	ctx := context.Background()
	whole, err := ix.Search(ctx, Query{Text: text, Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Total <= rerankDepth {
		t.Fatalf("%s: %d hits: the test tells little", text, whole.Total)
	}
	want := ids(whole)
	for _, size := range []int{1, 7, 20, 100, 150} {
		var got []string
		for off := 0; off < len(want); off += size {
			r, err := ix.Search(ctx, Query{Text: text, Limit: size, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, ids(r)...)
			if size == 1 && off > 3*rerankDepth {
				want = want[:len(got)] // a page of one: the first few hundred
				break
			}
		}
		if !slices.Equal(got, want) {
			first := 0
			for first < min(len(got), len(want)) && got[first] == want[first] {
				first++
			}
			t.Errorf("%s: pages of %d joined differ from the whole list from hit %d on", text, size, first)
		}
	}
}

// TestPagesJoin: the hits ranked by relevance are in one order whatever
// the page (the best ones are re-ranked by length: a review found hits
// twice and missing when pages of 7 were joined).
func TestPagesJoin(t *testing.T) {
	src := t.TempDir()
	for i := range 240 {
		// lengths from a few words to a long piece, the word a few times
		words := strings.Repeat("harvest rain hills ", 5+(i*37)%400)
		body := strings.Repeat("tax ", 1+i%7) + words
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-01\n---\n%s\n", i, body)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%03d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := openFolder(t, src, t.TempDir())
	defer ix.Close()
	pagesJoin(t, ix, "tax")
}

// TestPagesJoinSOTU: the same on the State of the Union addresses.
func TestPagesJoinSOTU(t *testing.T) {
	parallel(t)
	_, ix := openSOTU(t, Options{}) // read only: the index built once
	for _, q := range []string{"tax", "war peace", "title:address"} {
		pagesJoin(t, ix, q)
	}
}
