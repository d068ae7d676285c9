package index

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/util"
	bolt "go.etcd.io/bbolt"
)

// compactAfter is how many pieces a build must have indexed for it to
// compact the index's segments before it is published (compactSegments).
const compactAfter = 5000

// compactTest holds the tests' thresholds (compactAfter and manySegments
// when 0) and hooks, called with the bleve folder before the merge and
// after it.
type compactTest struct {
	min, past          int
	before, afterMerge func(bdir string)
	// noMerges keeps scorch's merger from merging segment files, and an
	// update from merging its segments by size, so that a fixture keeps
	// the segments and deleted pieces it was built with however the
	// machine's load times the merger; updateMerges lets the update's
	// merge run all the same (what a test of it needs).
	noMerges, updateMerges bool
}

// compactSegments merges the segments of the index a build has just
// written into as few as the merge bound allows, when the build left many
// more than that, and returns once the merged index is persisted.
//
// Scorch's merge policy leaves up to ten segments of each size class, so
// how many a build ends with depends on how its merges fell: of two builds
// of the same 100k archive on 2026-12-02, one ended with 8 segments and
// one with 20 (eight of ~1,000 pieces). Every search looks its words up in
// each segment's dictionary and reads each segment's postings, and the
// pages it touches stay mapped: the reader in tmux at 100k peaked at 542
// MB with the 20 segments and at 321 and 292 with the same index merged
// into 3. Typing (BenchmarkTyping, two alternating rounds): 20 segments
// p99 152 and 155 ms, merged into 3 121 and 90; an index of 8 was as fast
// as 3, so only past manySegments. After a build that indexed
// compactAfter pieces or more, every segment is merged into as few as the
// bound allows; after an update (tiered), the segments are merged by size
// as scorch's own policy would, at most smallPerTier of a size class
// left, so that only the small ones are read again. Scorch's merger never
// gets the time (the build closes once its batch is persisted), and each
// update left one more segment: 30 updates of the SOTU addresses left 28
// segments, 35 MB against 18, and a reader open for 450 updates held 161
// files (a helper's report). Not past largeArchive, where a merge's
// mapped pages count in the 1M build's peak.
//
// Scorch's ForceMerge returns once the merged segment is in the index in
// memory, not on disk, and a Close right after it loses the merge; so a
// batch (one internal key deleted, which changes nothing) follows it, and
// compactSegments waits until scorch has persisted that batch, whose
// snapshot holds the merged segment. A merge or write scorch fails is
// retried at once and for ever, and ForceMerge does not watch its context:
// the first failure reported (watchPersist), the build's cancellation or
// five minutes without the batch persisted end the wait, and the caller's
// Close, which always follows, stops scorch's retries. Compacting is best
// effort: the build is complete before it starts, and whatever happens to
// the merge, the index on disk is whole (the merged one or the one before
// it) and is published.
func compactSegments(ctx context.Context, bi bleve.Index, bdir string, pieces int, tiered bool, tc compactTest) {
	ii, err := bi.Advanced()
	if err != nil || ctx.Err() != nil {
		return
	}
	sc, ok := ii.(*scorch.Scorch)
	if !ok {
		return
	}
	if tiered && tc.noMerges && !tc.updateMerges {
		return
	}
	n := 0
	withSnapshot(bi, func(snap *scorch.IndexSnapshot) { n = len(snap.Segments()) })
	if n <= cmp.Or(tc.past, manySegments(pieces)) {
		return
	}
	if tc.before != nil {
		tc.before(bdir)
	}
	cctx, cancel := context.WithTimeoutCause(ctx, 5*time.Minute, errors.New("compaction not persisted after 5 minutes"))
	defer cancel()
	failed := make(chan struct{})
	defer watchPersist(bdir, func(error) { close(failed) })()

	// the build's heap is garbage by now (the plan is dropped before the
	// manifest is written): given back before the merge maps its segments
	debug.FreeOSMemory()
	mo := mergeplan.SingleSegmentMergePlanOptions // every segment in one tier
	// and all of them in one task: scorch's plan takes ten segments per
	// task and plans once, so a build that left more than ten (its
	// background merges fell behind under load) was compacted into as
	// many segments as tasks: 80 segments of 400 pieces into 7
	mo.SegmentsPerMergeTask = max(n, mo.SegmentsPerMergeTask)
	if tiered {
		mo = mergeplan.DefaultMergePlanOptions
		mo.MaxSegmentsPerTier = smallPerTier
	}
	mo.MaxSegmentSize = int64(maxMergedDocs(pieces))
	mctx, stopMerge := context.WithCancel(cctx)
	defer stopMerge()
	merged := make(chan error, 1)
	go func() { merged <- sc.ForceMerge(mctx, &mo) }()
	select {
	case err := <-merged:
		if err != nil {
			return
		}
	case <-failed:
		return
	case <-cctx.Done():
		return
	}
	if tc.afterMerge != nil {
		tc.afterMerge(bdir)
	}
	persisted := make(chan struct{})
	batch := bi.NewBatch()
	batch.DeleteInternal([]byte(compactedKey))
	var once sync.Once
	batch.SetPersistedCallback(func(error) { once.Do(func() { close(persisted) }) })
	if err := bi.Batch(batch); err != nil {
		return
	}
	select {
	case <-persisted:
	case <-failed:
	case <-cctx.Done():
	}
}

// smallPerTier is how many segments of a size class (scorch's tiers: under
// 2,000 pieces, under 20,000, …) an update's merge leaves.
const smallPerTier = 2

// compactedKey is the internal key compactSegments's batch deletes; the
// index never holds it.
const compactedKey = "folio.compacted"

// withSnapshot calls fn with the scorch snapshot bi searches now, held
// (its segments and their maps stay open) until fn returns; false when bi
// is not a scorch index or cannot be read.
func withSnapshot(bi bleve.Index, fn func(*scorch.IndexSnapshot)) bool {
	ii, err := bi.Advanced()
	if err != nil {
		return false
	}
	r, err := ii.Reader()
	if err != nil {
		return false
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if ok {
		fn(snap)
	}
	return ok
}

// segmentFiles lists the files of the segments bi searches; false when one
// of them is not in a file.
func segmentFiles(bi bleve.Index) ([]string, bool) {
	var names []string
	inFiles := true
	read := withSnapshot(bi, func(snap *scorch.IndexSnapshot) {
		for _, seg := range snap.Segments() {
			p, ok := seg.Segment().(interface{ Path() string })
			if !ok {
				inFiles = false
				return
			}
			names = append(names, filepath.Base(p.Path()))
		}
	})
	return names, read && inFiles
}

// manySegments is how many segments an index of pieces may have before a
// build compacts it: four more than twice the fewest the merge bound
// allows (8 at 100k, where 8 searched as fast as 3 and 20 did not).
func manySegments(pieces int) int {
	bound := maxMergedDocs(pieces)
	return 2*((pieces+bound-1)/bound) + 4
}

// pruneSegments removes from the closed, not yet published bleve index in
// bdir, which holds docs pieces, the segment files its newest snapshot
// does not use: the inputs of merges whose results were persisted, and
// the partial output of a merge that failed. Scorch removes such files
// itself while an index is open and idle, which a build that closes at
// once does not leave it time for; root.bolt then still records the
// snapshot before the merges (a 100k build compacted into 3 segments kept
// the 10 it had before, 604 MB beside 740), and the next generation would
// link them again.
//
// An open falls back to an older snapshot when the newest cannot be
// loaded, so the older snapshots and their files are dropped only after a
// read-only open has loaded the newest with all docs pieces; otherwise
// only the files no snapshot names are removed, as scorch's own clean-up
// does. No process but the build has the index open (it is not published
// yet), and a failure to read or change root.bolt leaves every file the
// snapshots still name in place.
func pruneSegments(bdir string, docs int) {
	store := filepath.Join(bdir, "store")
	root := filepath.Join(store, "root.bolt")
	newest, all, err := snapshotFiles(root)
	if err != nil || len(newest) == 0 {
		return
	}
	keep := all
	if len(all) > len(newest) && loadsNewest(bdir, newest, docs) && dropOlderSnapshots(root) == nil {
		keep = newest
	}
	entries, err := os.ReadDir(store)
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".zap") && !keep[n] {
			_ = os.Remove(filepath.Join(store, n))
		}
	}
}

// loadsNewest tells whether a read-only open of the bleve index in bdir
// searches the segment files newest names, and docs pieces.
func loadsNewest(bdir string, newest map[string]bool, docs int) bool {
	cfg := bleveConfig(0)
	cfg["read_only"] = true
	bi, err := openBleve(bdir, cfg)
	if err != nil {
		return false
	}
	defer bi.Close()
	if n, err := bi.DocCount(); err != nil || n != uint64(docs) {
		return false
	}
	names, ok := segmentFiles(bi)
	if !ok || len(names) != len(newest) {
		return false
	}
	for _, n := range names {
		if !newest[n] {
			return false
		}
	}
	return true
}

// snapshotKeys returns the keys of the snapshots in scorch's snapshots
// bucket, oldest first, as scorch orders them (it loads the last that
// loads), leaving out the trainer's key.
func snapshotKeys(snapshots *util.BoltBucketImpl) [][]byte {
	var keys [][]byte
	c := snapshots.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v != nil || bytes.Equal(k, util.BoltTrainerKey) {
			continue // a value, not a bucket; or the trainer's
		}
		keys = append(keys, bytes.Clone(k))
	}
	return keys
}

// snapshotFiles lists the segment files named by the newest snapshot in
// the scorch root file path, and by every snapshot, as scorch's own
// clean-up does (loadZapFileNames).
func snapshotFiles(path string) (newest, all map[string]bool, err error) {
	db, err := util.OpenBolt(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	newest, all = map[string]bool{}, map[string]bool{}
	err = db.View(func(tx *util.BoltTxImpl) error {
		snapshots := tx.Bucket(util.BoltSnapshotsBucket)
		if snapshots == nil {
			return errors.New("no snapshots")
		}
		keys := snapshotKeys(snapshots)
		for i, k := range keys {
			snap := snapshots.GetBucket(k)
			sc := snap.Cursor()
			for sk, _ := sc.First(); sk != nil; sk, _ = sc.Next() {
				if len(sk) == 0 || sk[0] == util.BoltInternalKey[0] {
					continue
				}
				seg := snap.GetBucket(sk)
				if seg == nil {
					continue
				}
				p, err := seg.Get(util.BoltPathKey, nil)
				if err != nil {
					return err // unreadable: keep every file
				}
				if len(p) > 0 {
					all[filepath.Base(string(p))] = true
					if i == len(keys)-1 {
						newest[filepath.Base(string(p))] = true
					}
				}
			}
		}
		return nil
	})
	return newest, all, err
}

// dropOlderSnapshots deletes from the scorch root file path every snapshot
// but the newest, in one transaction (bbolt syncs it before it returns).
func dropOlderSnapshots(path string) error {
	db, err := util.OpenBolt(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *util.BoltTxImpl) error {
		snapshots := tx.Bucket(util.BoltSnapshotsBucket)
		if snapshots == nil {
			return errors.New("no snapshots")
		}
		keys := snapshotKeys(snapshots)
		for _, k := range keys[:max(len(keys)-1, 0)] {
			if err := snapshots.DeleteBucket(k); err != nil {
				return err
			}
		}
		return nil
	})
	return cmp.Or(err, db.Close())
}
