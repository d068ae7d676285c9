package index

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/folio-tui/folio/internal/corpus"
)

// A build that indexed many pieces compacts its segments before it is
// published, and the published generation holds the segment files its
// index uses and no others; the answers are those of the index before it
// was compacted, and it opens unchanged and updates as any other.
func TestBuildCompactsAndPrunesSegments(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	open := func(dir string, compactMin int) *Index {
		t.Helper()
		// batches of 5 pieces: many segments, as a large build has, and
		// scorch's background merges kept out of both builds, so that
		// the machine's load does not decide how many the compaction
		// finds: they left one segment of the 80 in a run under load,
		// and the test nothing to compare; in another, more than ten,
		// which one merge task of scorch's took ten at a time
		ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir, BatchDocs: 5, compact: compactTest{min: compactMin, past: 1, noMerges: true}})
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	plainDir, compactDir := filepath.Join(t.TempDir(), "plain"), filepath.Join(t.TempDir(), "compact")
	plain := open(plainDir, 1<<30) // never compacts
	defer plain.Close()
	compact := open(compactDir, 1)
	if !compact.Stats().Rebuilt {
		t.Fatal("the compacted index was not built")
	}

	// the segments the index searches, which must be those of the newest
	// snapshot in its root file, and the only segment files on disk
	// (pruneSegments)
	liveSegs := func(ix *Index) []string {
		t.Helper()
		ix.mu.RLock()
		dir, bi := ix.cur.hold.dir, ix.cur.bi
		ix.mu.RUnlock()
		live := indexSegments(t, bi)
		bdir := filepath.Join(dir, bleveSubdir)
		files := zapFiles(t, bdir)
		newest, all, err := snapshotFiles(filepath.Join(bdir, "store", "root.bolt"))
		if err != nil {
			t.Fatal(err)
		}
		if want := slices.Sorted(maps.Keys(newest)); !slices.Equal(files, want) || !slices.Equal(live, want) {
			t.Errorf("segment files on disk %v, searched %v; the newest snapshot names %v", files, live, want)
		}
		if len(all) != len(newest) {
			t.Errorf("root.bolt keeps older snapshots: %d files named, %d by the newest", len(all), len(newest))
		}
		return live
	}
	if live := liveSegs(compact); len(live) != 1 {
		t.Errorf("the compacted index of 400 pieces has %d segments, want 1", len(live))
	}
	if pLive := liveSegs(plain); len(pLive) <= 1 {
		t.Errorf("the build not compacted has %d segments: the test compacts nothing", len(pLive))
	}

	sameAnswers(t, plain, compact, "compacted")
	compact.Close()

	// unchanged, then an edit: the next generation opens and updates
	again := open(compactDir, 1)
	if !again.Stats().Unchanged {
		t.Errorf("reopening the compacted index: %+v, want unchanged", again.Stats())
	}
	again.Close()
	names, _ := filepath.Glob(filepath.Join(arch, "*", "*.md"))
	if len(names) == 0 {
		t.Fatal("no pieces found in the corpus")
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(names[0], []byte(strings.Replace(string(data), "\n\n", "\n\nZyzzogeton quokka.\n\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	upd := open(compactDir, 1)
	defer upd.Close()
	if st := upd.Stats(); st.Indexed != 1 || st.Rebuilt {
		t.Errorf("after one edit: %+v, want one piece indexed", st)
	}
	if r := run(t, upd, Query{Text: "zyzzogeton"}); r.Total != 1 {
		t.Errorf("the edited piece: %d hits, want 1", r.Total)
	}
	liveSegs(upd)
}

// sameAnswers checks that index b answers as index a (built alike but
// for what how names): the same hits and scores for a few queries. Equal
// scores past the best hundred come in the index's order of documents,
// which compaction and the merges' timing set (rerankByLength).
func sameAnswers(t *testing.T, a, b *Index, how string) {
	t.Helper()
	for _, q := range []string{"government", `"united states"`, "con", "prosperity -war", "tax*"} {
		ra := run(t, a, Query{Text: q, Limit: 1000})
		rb := run(t, b, Query{Text: q, Limit: 1000})
		if ra.Total != rb.Total || len(ra.Hits) != len(rb.Hits) {
			t.Fatalf("%q: %d (%d hits) %s, %d (%d) not", q, rb.Total, len(rb.Hits), how, ra.Total, len(ra.Hits))
		}
		ha, hb := tiesByID(ra.Hits), tiesByID(rb.Hits)
		for i := range ha {
			if ha[i].ID != hb[i].ID || ha[i].Score != hb[i].Score {
				t.Fatalf("%q hit %d: %s %v %s, %s %v not", q, i, hb[i].ID, hb[i].Score, how, ha[i].ID, ha[i].Score)
			}
		}
	}
}

// indexSegments lists the files of the segments bi searches, sorted.
func indexSegments(t *testing.T, bi bleve.Index) []string {
	t.Helper()
	live, ok := segmentFiles(bi)
	if !ok {
		t.Fatal("not a scorch index, or a segment not in a file")
	}
	slices.Sort(live)
	return live
}

// zapFiles lists the segment files in the bleve index folder bdir.
func zapFiles(t *testing.T, bdir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(bdir, "store", "*.zap"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		files[i] = filepath.Base(files[i])
	}
	slices.Sort(files)
	return files
}

// compactSegments returns once the merged index is on disk: when it
// returns, scorch has persisted a snapshot at least as new as the one the
// merge made (scorch's ForceMerge returns before that, and a Close right
// after it loses the merge), and the index opened again has one segment.
func TestCompactedIndexIsPersisted(t *testing.T) {
	epoch := func(sc *scorch.Scorch, name string) uint64 {
		t.Helper()
		v, ok := sc.StatsMap()[name].(uint64)
		if !ok {
			t.Fatalf("scorch's stats have no %s", name)
		}
		return v
	}
	for i := range 20 {
		bdir := filepath.Join(t.TempDir(), "bleve")
		bi := manySegmentIndex(t, bdir, bleveConfig(1000))
		ii, err := bi.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		sc := ii.(*scorch.Scorch)
		var merged uint64
		compactSegments(context.Background(), bi, bdir, manyDocs, false, compactTest{past: 1,
			afterMerge: func(string) { merged = epoch(sc, "CurRootEpoch") }})
		if merged == 0 {
			t.Fatal("no merge")
		}
		// what is on disk when compacting returns: a copy of root.bolt
		// (the index holds the file's lock) names the merged segment alone
		// in its newest snapshot. Scorch's LastPersistedEpoch, read here
		// before, is stored after the persisted callbacks are called, so
		// it could still be the epoch before (seen once in ~40 runs).
		b, err := os.ReadFile(filepath.Join(bdir, "store", "root.bolt"))
		if err != nil {
			t.Fatal(err)
		}
		cp := filepath.Join(t.TempDir(), "root.bolt")
		if err := os.WriteFile(cp, b, 0o600); err != nil {
			t.Fatal(err)
		}
		newest, _, err := snapshotFiles(cp)
		if err != nil {
			t.Fatal(err)
		}
		if len(newest) != 1 {
			t.Fatalf("run %d: compacting returned with the newest snapshot on disk in %d segments (%v), the merge's 1", i, len(newest), newest)
		}
		if err := bi.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := openBleve(bdir, bleveConfig(0))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := again.DocCount()
		segs := indexSegments(t, again)
		if err := again.Close(); err != nil {
			t.Fatal(err)
		}
		if n != manyDocs || len(segs) != 1 {
			t.Fatalf("run %d: %d pieces in %d segments after compacting, want %d in 1", i, n, len(segs), manyDocs)
		}
	}
}

const manyDocs = 8 * 5

// manySegmentIndex makes a bleve index in bdir of manyDocs pieces in 8
// segments or so: each batch of 5 is persisted before the next is added,
// as a build's are (scorch merges batches waiting to be persisted).
func manySegmentIndex(t *testing.T, bdir string, cfg map[string]interface{}) bleve.Index {
	t.Helper()
	// scorch's own merges leave small segments alone (by default it merges these)
	cfg["scorchMergePlanOptions"] = map[string]interface{}{"MaxSegmentSize": 1000, "MaxSegmentsPerTier": 100,
		"FloorSegmentSize": 1, "FloorSegmentFileSize": 1}
	bi, err := bleve.NewUsing(bdir, newMapping(), scorch.Name, scorch.Name, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for j := range manyDocs / 5 {
		b := bi.NewBatch()
		persisted := make(chan struct{})
		b.SetPersistedCallback(func(error) { close(persisted) })
		for k := range 5 {
			id := fmt.Sprintf("%d-%d", j, k)
			if err := b.Index(id, map[string]interface{}{fText: "piece " + id}); err != nil {
				t.Fatal(err)
			}
		}
		if err := bi.Batch(b); err != nil {
			t.Fatal(err)
		}
		<-persisted
	}
	if n := len(indexSegments(t, bi)); n < 3 {
		t.Fatalf("%d segments: nothing to compact", n)
	}
	return bi
}

// pruneSegments drops the older snapshots and their files only when the
// newest loads: with the newest snapshot's merged file damaged, scorch
// falls back to the older snapshot, whose files must stay.
func TestPruneKeepsTheFallbackWhenTheNewestDoesNotLoad(t *testing.T) {
	for _, damaged := range []bool{false, true} {
		bdir := filepath.Join(t.TempDir(), "bleve")
		// scorch keeps the older snapshots in root.bolt, as a build that
		// closes at once leaves them
		cfg := bleveConfig(1000)
		cfg["eventCallbackName"] = noPurge
		bi := manySegmentIndex(t, bdir, cfg)
		compactSegments(context.Background(), bi, bdir, manyDocs, false, compactTest{past: 1})
		if err := bi.Close(); err != nil {
			t.Fatal(err)
		}
		root := filepath.Join(bdir, "store", "root.bolt")
		newest, all, err := snapshotFiles(root)
		if err != nil {
			t.Fatal(err)
		}
		if len(newest) != 1 || len(all) <= len(newest) {
			t.Fatalf("no older snapshot to fall back to (%d files named, %d by the newest)", len(all), len(newest))
		}
		if damaged {
			for f := range newest {
				if err := os.Truncate(filepath.Join(bdir, "store", f), 100); err != nil {
					t.Fatal(err)
				}
			}
		}
		pruneSegments(bdir, manyDocs)
		files := zapFiles(t, bdir)
		want := slices.Sorted(maps.Keys(newest))
		if damaged {
			want = slices.Sorted(maps.Keys(all))
		}
		if !slices.Equal(files, want) {
			t.Errorf("damaged %t: files left %v, want %v", damaged, files, want)
		}
	}
}

// noPurge names a scorch event callback that stops scorch's clean-up
// (removeOldData), which a build that closes at once does not wait for.
const noPurge = "folio-test-no-purge"

func init() {
	scorch.RegistryEventCallbacks[noPurge] = func(e scorch.Event) bool {
		return e.Kind != scorch.EventKindPurgerCheck
	}
}

// tiesByID is hits with each run of equal scores ordered by ID.
func tiesByID(hits []Hit) []Hit {
	out := slices.Clone(hits)
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j].Score == out[i].Score {
			j++
		}
		slices.SortFunc(out[i:j], func(a, b Hit) int { return strings.Compare(a.ID, b.ID) })
		i = j
	}
	return out
}

// Updates do not pile segments up: each adds one, and the update's merge
// by size keeps them at most manySegments (a helper's report: 30 updates
// of the SOTU addresses left 28 segments, twice the index's size, and a
// reader held a file open for each).
func TestUpdatesKeepSegmentsBounded(t *testing.T) {
	arch, dir := t.TempDir(), t.TempDir()
	if err := corpus.Generate(arch, 60, 3); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// scorch's own merges off: in a process that closes the index once
	// its update is persisted they rarely have the time (how fast they
	// are decides whether a test sees them)
	opts := Options{Dir: dir, compact: compactTest{noMerges: true, updateMerges: true}}
	ix, err := Open(ctx, arch, os.DirFS(arch), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	files, _ := filepath.Glob(filepath.Join(arch, "*", "*.md"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(arch, "*.md"))
	}
	most := 0
	for i := range 3 * manySegments(60) {
		p := files[i%len(files)]
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(i+1) * time.Minute)
		os.Chtimes(p, later, later)
		if _, err := ix.Refresh(ctx, opts); err != nil {
			t.Fatal(err)
		}
		if st := ix.Stats(); st.Indexed != 1 {
			t.Fatalf("update %d indexed %d", i, st.Indexed)
		}
		ix.mu.RLock()
		n := len(indexSegments(t, ix.cur.bi))
		ix.mu.RUnlock()
		most = max(most, n)
	}
	if most > manySegments(60) {
		t.Errorf("%d updates left up to %d segments, want at most %d", 3*manySegments(60), most, manySegments(60))
	}
}
