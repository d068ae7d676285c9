package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestPhraseMemo: a phrase searched again in the same index reads no
// positions (the pause after typing, Enter, a facet picked search it
// again) and finds the same; after the archive changes, what is
// remembered of the old index is not used.
func TestPhraseMemo(t *testing.T) {
	src := t.TempDir()
	write := func(i int, body string) {
		t.Helper()
		text := fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-%02d\n---\n%s\n", i, i+1, body)
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("p%02d.md", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a phrase that is no pair (pairs.go): its positions are read
	apart, together := "Zeppelin fleets and the captains of the war.", "The zeppelin captains came back."
	for i := range 27 {
		if i%3 == 0 {
			write(i, together)
		} else {
			write(i, apart)
		}
	}
	dir := t.TempDir()
	ix := openFolder(t, src, dir)
	defer ix.Close()
	search := func(ix *Index, typing bool) (Results, int64) {
		t.Helper()
		ix.cache.clear()
		c0 := phrasePositionReads.Load()
		r := run(t, ix, Query{Text: `"zeppelin captains"`, Limit: 100, Typing: typing})
		return r, phrasePositionReads.Load() - c0
	}
	r1, n1 := search(ix, true)
	if r1.Total != 9 || n1 < 27 {
		t.Fatalf("first search: %d hits, %d pieces' positions read", r1.Total, n1)
	}
	for _, typing := range []bool{true, false} {
		r2, n2 := search(ix, typing)
		if n2 != 0 {
			t.Errorf("typing %t: searched again, %d pieces' positions read", typing, n2)
		}
		if r2.Total != r1.Total || !slices.Equal(ids(r2), ids(r1)) {
			t.Errorf("typing %t: searched again, %v against %v", typing, ids(r2), ids(r1))
		}
	}

	// the phrase moves from one piece to another
	write(0, apart)
	write(1, together)
	if _, err := ix.Refresh(context.Background(), Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	r3, _ := search(ix, false)
	fresh := openFolder(t, src, t.TempDir())
	defer fresh.Close()
	want, _ := search(fresh, false)
	if r3.Total != want.Total || !slices.Equal(ids(r3), ids(want)) || !slices.Contains(ids(r3), "p01") || slices.Contains(ids(r3), "p00") {
		t.Errorf("after the change: %v, a new index finds %v", ids(r3), ids(want))
	}
}

// TestPhraseMemoSnapshots: what is known of one snapshot is not answered
// for another (an index in memory merges its segments into a new
// snapshot, numbered anew), and a new snapshot's facts let go of the old.
func TestPhraseMemoSnapshots(t *testing.T) {
	var m phraseMemo
	s1, s2 := new(scorch.IndexSnapshot), new(scorch.IndexSnapshot)
	var checked, has docBits
	checked.set(3)
	has.set(3)
	m.learn(s1, "k", checked, has)
	if f := m.facts(s1, "k"); f == nil || !f.has.get(3) || f.has.get(2) || f.checked.get(4) {
		t.Fatalf("facts of s1: %+v", f)
	}
	if f := m.facts(s2, "k"); f != nil {
		t.Fatalf("s2 has s1's facts")
	}
	if f := m.facts(s1, "other"); f != nil {
		t.Fatalf("another phrase has k's facts")
	}
	// learning more of s1 keeps what was known
	var more docBits
	more.set(70)
	m.learn(s1, "k", more, nil)
	if f := m.facts(s1, "k"); f == nil || !f.checked.get(3) || !f.checked.get(70) || !f.has.get(3) || f.has.get(70) {
		t.Fatalf("after learning more: %+v", f)
	}
	m.learn(s2, "k", checked, nil)
	if f := m.facts(s1, "k"); f != nil {
		t.Errorf("s1's facts kept after s2's")
	}
	for i := range phraseMemoSize + 5 {
		m.learn(s2, fmt.Sprint(i), checked, nil)
	}
	if len(m.entries) != phraseMemoSize || m.facts(s2, "0") != nil || m.facts(s2, fmt.Sprint(phraseMemoSize+4)) == nil {
		t.Errorf("%d entries kept", len(m.entries))
	}
}
