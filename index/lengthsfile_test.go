package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lengthsArchive writes n filler pieces, a short piece and a long one that
// both name "raqqa", and returns the folder.
func lengthsArchive(t *testing.T, n int) string {
	t.Helper()
	src := t.TempDir()
	old := time.Now().Add(-time.Hour)
	put := func(name, body string) {
		p := filepath.Join(src, name+".md")
		if err := os.WriteFile(p, []byte("---\ntitle: "+name+"\ndate: 2020-01-01\n---\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
	}
	for i := range n {
		put(fmt.Sprintf("filler-%04d", i), "Nothing here about that city at all, only filler words.")
	}
	put("short", "Raqqa raqqa, a note.")
	put("long", "Raqqa raqqa raqqa. "+strings.Repeat("The siege went on for months and months. ", 150))
	return src
}

func topRaqqa(t *testing.T, ix *Index) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: "raqqa", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, fmt.Sprintf("%s:%.3f", h.ID, h.Score))
	}
	return ids
}

// A live generation whose lengths file is gone is made again. It opened as
// current and unchanged, with no fallback, no problem and no rebuild: the
// ranking silently lost its length prior (the short record outranked the
// article), and the index forgot when its pieces came (IndexTime zero,
// NewSince empty) until the archive next changed. (From a helper's review.)
func TestMissingLengthsFileIsMadeAgain(t *testing.T) {
	src := lengthsArchive(t, 20)
	dir := t.TempDir()
	open := func() *Index {
		t.Helper()
		ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	ix := open()
	ix.Close()
	// a piece added later, so that the index has times
	p := filepath.Join(src, "added.md")
	os.WriteFile(p, []byte("---\ntitle: Added\ndate: 2021-01-01\n---\nA body.\n"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	ix = open()
	before, it, fresh := topRaqqa(t, ix), ix.IndexTime(), ix.NewSince(time.Time{})
	ix.Close()
	t.Logf("intact: top %v, index time %v, new %v", before, it, fresh)
	if !strings.HasPrefix(before[0], "long:") || it.IsZero() || len(fresh) != 1 {
		t.Fatalf("setup: %v %v %v", before, it, fresh)
	}

	if err := os.Remove(filepath.Join(liveGen(t, dir), lengthsName)); err != nil {
		t.Fatal(err)
	}
	ix = open()
	defer ix.Close()
	after := topRaqqa(t, ix)
	t.Logf("lengths file gone: stats %+v fallback %q problems %v top %v index time %v new %v",
		ix.Stats(), ix.Fallback(), ix.Problems(), after, ix.IndexTime(), ix.NewSince(time.Time{}))
	said := ix.Fallback() != "" || ix.Stats().Rebuilt || len(ix.Problems()) > 0
	if !said && (after[0] != before[0] || ix.IndexTime().IsZero()) {
		t.Errorf("a missing lengths file is not reported and not rebuilt: ranking %v (was %v), index time %v (was %v)",
			after, before, ix.IndexTime(), it)
	}
}

// A damaged block: NewSince and IndexTime answer that they cannot tell
// (nothing new, no time). They stopped at it with an error both dropped,
// having given the pieces of the blocks before it: NewSince listed some
// new pieces, IndexTime the latest time before the damage.
func TestDamagedLengthsTellNothingNew(t *testing.T) {
	const n = 3 * lengthsBlock
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("p%04d", i)
	}
	added := func(i int) int64 {
		return int64(1000 + i) // each later than the one before
	}
	mem := newLengths(n, func(i int) (string, int32, int64) { return ids[i], 100, added(i) })
	dir := t.TempDir()
	if err := mem.writeTo(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, lengthsName)
	data, _ := os.ReadFile(path)
	data[mem.Offs[2]+2] ^= 0x55 // the last block
	os.WriteFile(path, data, 0o644)
	ix := &Index{lengths: mem}
	got := ix.NewSince(time.Unix(0, 0))
	it := ix.IndexTime()
	t.Logf("NewSince: %d of %d pieces; IndexTime %d (true latest %d)", len(got), n, it.UnixNano(), added(n-1))
	if len(got) != 0 && len(got) != n {
		t.Errorf("damaged block: NewSince gives %d of %d pieces, a silent partial answer", len(got), n)
	}
	if !it.IsZero() && it.UnixNano() != added(n-1) {
		t.Errorf("damaged block: IndexTime %d, not the latest %d nor unknown", it.UnixNano(), added(n-1))
	}
}

// The same ranking from the index in memory, on disk and opened cached.
func TestLengthsRankAlikeEverywhere(t *testing.T) {
	src := lengthsArchive(t, 300)
	dir := t.TempDir()
	mem, err := Open(context.Background(), src, os.DirFS(src), Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	disk, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	cached, err := OpenCached(src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer cached.Close()
	a, b, c := topRaqqa(t, mem), topRaqqa(t, disk), topRaqqa(t, cached)
	if fmt.Sprint(a) != fmt.Sprint(b) || fmt.Sprint(b) != fmt.Sprint(c) || !strings.HasPrefix(a[0], "long:") {
		t.Errorf("memory %v disk %v cached %v", a, b, c)
	}
}

// lengthsOf against a plain map, random IDs and random lookups (some not there).
func TestLengthsOfAgainstMap(t *testing.T) {
	rnd := func(seed *uint64) uint64 { *seed = *seed*6364136223846793005 + 1442695040888963407; return *seed >> 33 }
	var s uint64 = 7
	for round := range 20 {
		set := map[string]int32{}
		n := int(rnd(&s)%2000) + 1
		for len(set) < n {
			b := make([]byte, rnd(&s)%6)
			for i := range b {
				b[i] = "ab\xff\x00é"[rnd(&s)%6]
			}
			set[string(b)] = int32(rnd(&s) % 5000)
		}
		ids := make([]string, 0, n)
		for id := range set {
			ids = append(ids, id)
		}
		slicesSort(ids)
		l := newLengths(n, func(i int) (string, int32, int64) { return ids[i], set[ids[i]], 0 })
		dir := t.TempDir()
		l.writeTo(dir)
		q := make([]string, 100)
		for i := range q {
			if rnd(&s)%4 == 0 {
				q[i] = fmt.Sprint("zz", rnd(&s))
			} else {
				q[i] = ids[rnd(&s)%uint64(n)]
			}
		}
		got := make([]int, len(q))
		l.lengthsOf(q, got)
		for i, id := range q {
			if got[i] != int(set[id]) {
				t.Fatalf("round %d: %q got %d want %d", round, id, got[i], set[id])
			}
		}
	}
}

func slicesSort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
