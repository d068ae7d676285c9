package index

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/folio-tui/folio/archive"
)

// The index in the cache: a folio opens the live generation read-only and
// takes the writer's role only to make the next one (doc.go).

// diskView opens the index in the cache folder dir: the live generation,
// read-only, when it is current; else, in the writer's role, a new
// generation made from it with the archive's changes. have, when not nil,
// is the generation the caller has open: when it is current, diskView
// returns no view.
func (ix *Index) diskView(ctx context.Context, dir string, opts Options, have *genHold) (*view, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	asked := time.Now() // a rebuild asked for: another's begun since is as good (below)
	b := &build{fsys: ix.fsys, name: ix.name, opts: opts, stats: Stats{Dir: dir}, began: asked}
	files, scanProbs, err := b.scan()
	if err != nil {
		return nil, err
	}

	// The live generation, when it is current: no writer's lock at all.
	hold, m, p := ix.planOn(dir, b, files, scanProbs, opts)
	if usable(m, p) && p.empty() && !opts.Rebuild {
		if have != nil && have.name == hold.name {
			hold.release()
			return nil, nil
		}
		b.stats.Unchanged = true
		v, err := openHeld(hold, m, b.stats, scanProbs, opts)
		if v != nil || err != nil {
			return v, releaseOn(err, hold)
		}
	}

	// A change: the writer's role.
	w, waited, err := lockWriter(ctx, filepath.Join(dir, writerName), opts)
	if err != nil {
		if errors.Is(err, errLocked) && usable(m, p) {
			// Another folio is changing the index: use it as it was.
			if hashedOnly(m, p) {
				// ... unless what it would take in is only files (read
				// racy, or their times changed) that still hold what was
				// read (settled)
				if sv, ok := ix.settled(dir, hold, have, b, m, p, files, scanProbs, opts); ok {
					return sv, nil
				}
			}
			const note = "another folio is updating the index: it shows the archive as it was until the next refresh"
			if have.same(hold) {
				return unopened(hold, note, true), nil
			}
			st := Stats{Dir: dir, Files: b.stats.Files}
			if v, _ := openHeld(hold, m, st, scanProbs, opts); v != nil {
				v.behind, v.behindOther = note, true
				return v, nil
			}
		}
		if ctx.Err() == nil && usable(m, p) && !opts.Rebuild && cacheNotWritable(err) {
			// The lock file cannot be opened to write (a cache made
			// read-only, or not this user's): as a write refused, the
			// live generation as it was (a helper's report: every command
			// built the whole index in memory). No writer's lock is
			// needed to read it: hold, taken before, keeps it from
			// removal, and a generation is whole before CURRENT names it.
			if hashedOnly(m, p) {
				if sv, ok := ix.settled(dir, hold, have, b, m, p, files, scanProbs, opts); ok {
					return sv, nil
				}
			}
			if lv := ix.asItWas(dir, hold, have, b.stats.Files, scanProbs, err, opts); lv != nil {
				return lv, nil
			}
		}
		hold.release()
		return nil, err
	}
	defer w.unlock()
	defer removeStale(dir)
	migrate(dir)
	if waited {
		// The archive may have changed while the lock was awaited (with
		// AwaitWriter, for as long as another folio built): planned from
		// the scan before it, this folio's generation would undo what the
		// other took in since.
		b.began = time.Now()
		if files, scanProbs, err = b.scan(); err != nil {
			hold.release()
			return nil, err
		}
	}
	rebuild := opts.Rebuild
	if g := readCurrent(dir); waited || hold == nil || g != hold.name {
		// Changed while the lock was awaited (or laid out before
		// generations): plan again on the live generation.
		was := ""
		if hold != nil {
			was = hold.name
		}
		hold.release()
		hold, m, p = ix.planOn(dir, b, files, scanProbs, opts)
		if waited && hold != nil && hold.name != was && m != nil {
			// another folio's update, made while this one waited
			b.stats.ByOther, b.stats.Other = true, m.Update
			if u := m.Update; rebuild && u != nil && u.Rebuilt {
				// A rebuild that began after this one was asked for read
				// every file as it was by then: it is the rebuild asked
				// for, not to be made again (a helper's report: a second
				// folio index --rebuild waited for the first, then built
				// it all again, and said both). One begun before may have
				// read a file before the change that made the user ask:
				// made again, and Stats.RebuiltAgain says why.
				if !u.Began.IsZero() && !u.Began.Before(asked) {
					rebuild = false
				} else {
					b.stats.RebuiltAgain = true
				}
			}
		}
		if usable(m, p) && p.empty() && !rebuild {
			b.stats.Unchanged = true
			v, err := openHeld(hold, m, b.stats, scanProbs, opts)
			if v != nil || err != nil {
				return v, releaseOn(err, hold)
			}
		}
	}
	if rebuild {
		if n := keptCount(m, p); n > 0 {
			// a rebuild reads every file: these cannot be, and would go
			// from the index with the times they were added
			hold.release()
			return nil, fmt.Errorf("%w: the index keeps %d piece(s) from where the archive cannot be read now (folio check names it): make it readable, or move it out of the archive, first", errNotRebuilt, n)
		}
		m, p = nil, nil // from scratch
	}
	hashedWork := hashedOnly(m, p) // before the write, which changes m
	v, err := ix.write(ctx, dir, hold, m, p, b, files, scanProbs)
	// (a rebuild's m and p are nil: no generation as it was to show)
	if err != nil && ctx.Err() == nil && usable(m, p) && cacheNotWritable(err) {
		if hashedWork {
			// the write changed m: settled reads it again
			if sv, ok := ix.settled(dir, hold, have, b, nil, nil, files, scanProbs, opts); ok {
				return sv, nil
			}
		}
		if lv := ix.asItWas(dir, hold, have, b.stats.Files, scanProbs, err, opts); lv != nil {
			return lv, nil
		}
	}
	hold.release()
	return v, err
}

// openHeldHook, in tests, is called with the generation openHeld opens.
var openHeldHook func(gen string)

// writeHook, in tests, fails a write of a generation as a full disk does.
var writeHook func() error

// asItWas is the live generation hold of the cache dir, as it was, for an archive changed
// since whose change the cache could not take (err: a full disk, a cache
// made read-only, a writer's lock file this user may not open to write):
// Behind says so, and Stats.NotWritten. Before, such an
// open built the whole index in memory, at every command and every
// refresh of the reader (a helper's report: a search of 20k pieces took
// 60 s with one file edited and the cache's disk full, 0.16 s before).
// nil when it cannot be opened; the caller keeps the hold then. When hold
// is the generation the caller has open (have), it is not opened again
// (unopened). A change that was only files read racy, holding what was
// read, is none: the caller asks settled first.
func (ix *Index) asItWas(dir string, hold, have *genHold, files int, scanProbs []archive.Problem, err error, opts Options) *view {
	note := "the index could not be updated (" + err.Error() + "): it shows the archive as it was when last indexed, until its cache can be written (or use --index-dir elsewhere)"
	if have.same(hold) {
		return unopened(hold, note, false)
	}
	m, rerr := readManifest(hold.dir) // as written: the plan's may have been changed by the write
	if rerr != nil || !m.describes(ix.name) || !m.checkable() {
		return nil
	}
	m.path = ""
	v, _ := openHeld(hold, m, Stats{Dir: dir, Files: files, NotWritten: true}, scanProbs, opts)
	if v == nil {
		return nil
	}
	v.behind = note
	return v
}

// hashedOnly reports whether the plan p on the generation of m (its files
// loaded) has work, and that work is only files whose entries keep their
// texts' hashes, at the size read: files that may hold what was read
// (settled tells), which a writer reads again only to record their times.
// A file read within RacyWindow of its change (racyMTime) is such a file,
// and so is one whose times changed since (an edit undone, cp -p from a
// copy, touch): every read keeps its hash (parseFile). A file the index
// keeps as last read, unreadable then (its keptNote), is not; nor is work
// whose files together come to more than settleLimit (each counted at
// least settleFile), which settled would read at every refresh while
// the cache cannot take their times. Nothing is read here.
func hashedOnly(m *manifest, p *plan) bool {
	if !usable(m, p) || len(p.todo) == 0 || len(p.deletes) > 0 || p.unseen || m.Files == nil {
		return false
	}
	var cost int64
	for _, w := range p.todo {
		e, ok := m.Files[w.info.Path]
		if !ok || e.Hash == "" || e.Size != w.info.Size || slices.ContainsFunc(e.Problems, isKeptNote) {
			return false
		}
		if cost += max(w.info.Size, settleFile); cost > settleLimit {
			return false
		}
	}
	return true
}

// settleLimit is how much of the archive's files settled may read, at
// each refresh while the cache cannot take their times, to find them as
// the index holds them; each file counts at least settleFile, about what
// its open costs beside its read. Measured as nobody on a read-only cache,
// files touched, a search (2 cores, load average 4–6, noisy): 699 files of
// 32 MB in all, 0.145 s (0.098 s saying "as it was" before, 0.065 s
// current); 8,000 files of 1 KB, 0.35–0.5 s (0.18–0.24 s "as it was"),
// some 30 µs a file; 1,200 of them, under the limit, 0.45–0.5 s (0.32–0.44
// s). Above it the index says "as it was" until a writer records the times.
var settleLimit int64 = 32 << 20

// settleFile is what one file counts at least towards settleLimit.
const settleFile = 16 << 10

// settled answers for a folio that found work on the live generation hold
// of the cache dir (hashedOnly) and may not do it (another folio holds the
// writer's role, or the cache cannot take a change): when the files whose
// times changed (or were read racy) hold the texts the generation read
// (their hashes), and the plan with them as read finds nothing else to
// do, the generation holds the archive as it is (b, files and scanProbs
// the scan's). ok then, with the generation opened as unchanged, or no
// view when it is have's (hold let go: the caller's is current). Not ok
// (hold kept) when the generation is behind indeed, or cannot be opened.
// Before, a reader that could not write said "index as it was" for an
// index as current as a writer's, a copy into the archive and folio
// index at once (a review), and for good after an edit undone (cp -p f
// orig, an edit, cat orig > f: an attack), where only racy entries were
// compared; the entries keep their times as recorded, read again at each
// refresh until a writer records the new ones, as a writer's next open
// would. m and p are hold's manifest, its files loaded, and the plan on
// it, as planOn gave them and untouched since; nil after a write, which
// changes m: settled then reads the manifest as written and plans again
// (a review: it read and planned again what its caller just had).
func (ix *Index) settled(dir string, hold, have *genHold, b *build, m *manifest, p *plan, files []archive.FileInfo, scanProbs []archive.Problem,
	opts Options) (*view, bool) {
	if m == nil || p == nil {
		var err error
		m, err = readManifest(hold.dir) // as written
		if err != nil || !m.describes(ix.name) || m.loadFiles() != nil {
			return nil, false
		}
		p = b.plan(m, files, scanProbs)
	}
	if !m.checkable() || !hashedOnly(m, p) {
		return nil, false
	}
	asRead := slices.Clone(files) // the caller's scan is not changed
	for _, w := range p.todo {
		e := m.Files[w.info.Path]
		data, err := archive.ReadFile(b.fsys, w.info.Path)
		if err != nil || hashOf(data) != e.Hash {
			return nil, false
		}
		i, found := slices.BinarySearchFunc(asRead, w.info.Path, func(f archive.FileInfo, p string) int { return strings.Compare(f.Path, p) })
		if !found {
			return nil, false
		}
		// the times the entry records: the text is what was read, as a
		// writer's reading again finds (parseFile's settled)
		asRead[i].ModTime, asRead[i].CTime = time.Unix(0, e.MTime), e.CTime
	}
	if !b.plan(m, asRead, scanProbs).empty() {
		return nil, false
	}
	if have.same(hold) {
		hold.release()
		return nil, true
	}
	v, _ := openHeld(hold, m, Stats{Dir: dir, Files: b.stats.Files, Unchanged: true}, scanProbs, opts)
	return v, v != nil
}

// unopened is the view of a refresh that finds the index behind on the
// generation hold, which its caller has open already: it says why
// (behind, other: view.behindOther) and holds hold, but is not opened
// again (a review: every retry beside a busy writer, and every refresh
// of a reader on a cache it cannot write, opened the same generation
// anew, to close it at once). Refresh keeps what it has.
func unopened(hold *genHold, behind string, other bool) *view {
	return &view{hold: hold, behind: behind, behindOther: other}
}

// lockWriter takes the writer's lock of a cache folder (its file path),
// waiting LockTimeout, or, with opts.AwaitWriter, until it is let go or ctx
// ends; waited says that another folio held it when it was first tried.
func lockWriter(ctx context.Context, path string, opts Options) (w *fileLock, waited bool, err error) {
	first := min(50*time.Millisecond, lockTimeout(opts)) // a timeout of 0 would not try at all
	if w, err = lockDir(path, first); !errors.Is(err, errLocked) {
		return w, false, err
	}
	if opts.AwaitWriter == nil {
		w, err = lockDir(path, lockTimeout(opts)-first)
		return w, true, err
	}
	holder := writerOf(path)
	opts.AwaitWriter(holder)
	// blocked in the kernel until the lock is let go: no polling (a
	// helper's report: 3.5 % of a core for as long as the wait, 10 minutes
	// behind a folio stopped with Ctrl+Z); a look every few seconds says
	// a holder stopped after the wait began (a review)
	done := make(chan struct{})
	defer close(done)
	go func() {
		tick := time.NewTicker(stoppedLook)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if now := writerOf(path); now.Stopped && !holder.Stopped {
					holder = now
					opts.AwaitWriter(now)
				} else if !now.Stopped {
					holder.Stopped = false
				}
			}
		}
	}()
	w, err = lockDirWait(ctx, path)
	return w, true, err
}

// stoppedLook is how often a wait for the writer's lock looks whether its
// holder was stopped.
const stoppedLook = 3 * time.Second

// Writer is the folio holding an index's writer's lock, as its lock file
// names it: PID 0 when unknown (a folio older than the file's pid, or
// where flock is not).
type Writer struct {
	PID int
	// Stopped: the process is stopped (Ctrl+Z, SIGSTOP), so the wait
	// lasts until it is resumed (Linux's /proc; false where unknown).
	Stopped bool
}

// writerOf reads the lock file at path for the pid its holder wrote.
func writerOf(path string) Writer {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 32 {
		return Writer{}
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid <= 0 {
		return Writer{}
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err != nil {
			return Writer{} // gone: a holder that wrote no pid holds it
		}
	}
	return Writer{PID: pid, Stopped: processStopped(pid)}
}

// processStopped reports whether the process pid is stopped, from its
// /proc/PID/stat state (T: stopped by a signal, t: by a tracer).
func processStopped(pid int) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// pid (comm) state ...: comm may hold spaces and parentheses
	i := bytes.LastIndexByte(data, ')')
	if i < 0 || i+2 >= len(data) {
		return false
	}
	return data[i+2] == 'T' || data[i+2] == 't'
}

// errNotRebuilt is the error of a rebuild refused: it would drop pieces
// the index keeps from where the archive cannot be read now.
var errNotRebuilt = errors.New("not rebuilt")

// keptCount is how many pieces the plan p on m keeps as last read
// (keepUnseen), 0 when there is no plan.
func keptCount(m *manifest, p *plan) int {
	if m == nil || p == nil {
		return 0
	}
	if p.newFiles == nil { // m is current: its own count
		n := 0
		for _, k := range m.UnknownKept {
			n += k
		}
		return n
	}
	n := 0
	for _, e := range p.newFiles {
		if e.Unseen && e.Indexed {
			n++
		}
	}
	return n
}

// keptNotes are a scan's problems as the index of m tells them: where the
// scan could not tell what is there (archive.Problem.Unknown) and the index
// keeps pieces it read there before (keepUnseen), a note saying how many,
// not a file skipped; elsewhere (nothing was read there) the problem as it
// is.
func keptNotes(probs []archive.Problem, m *manifestHead) []archive.Problem {
	var out []archive.Problem
	for i, p := range probs {
		if !p.Unknown || !p.Fatal {
			continue
		}
		k, ok := slices.BinarySearch(m.Unknown, p.Path)
		if !ok || k >= len(m.UnknownKept) || m.UnknownKept[k] == 0 {
			continue
		}
		if out == nil {
			out = slices.Clone(probs)
		}
		out[i].Fatal = false
		out[i].Msg += fmt.Sprintf("; the index keeps the %d piece(s) it last read there", m.UnknownKept[k])
	}
	if out == nil {
		return probs
	}
	return out
}

// releaseOn lets go of hold when err is not nil, and returns err.
func releaseOn(err error, hold *genHold) error {
	if err != nil {
		hold.release()
	}
	return err
}

// usable reports whether a generation's manifest and plan (planOn) can be
// built on.
func usable(m *manifest, p *plan) bool {
	return m != nil && p != nil && m.Complete && m.Facets != nil
}

// planOn takes a hold on the live generation of the cache dir, reads its
// manifest and plans the archive's changes; m and p are nil when there is
// no such generation or it must be rebuilt, hold nil when there is none.
func (ix *Index) planOn(dir string, b *build, files []archive.FileInfo, scanProbs []archive.Problem,
	opts Options) (*genHold, *manifest, *plan) {
	hold, err := holdCurrent(dir, lockTimeout(opts))
	if err != nil {
		b.stats.Damaged = damageNote(err)
		return nil, nil, nil
	}
	m, err := readManifest(hold.dir)
	if err != nil || !m.describes(ix.name) {
		b.stats.Damaged = damageNote(err)
		return hold, nil, nil
	}
	if m.currentSum(ix.fsys, scanFingerprint(files, scanProbs), b.configs) {
		// Unchanged, as far as sizes and times tell: the file entries need
		// not even be decoded.
		return hold, m, &plan{scanProbs: scanProbs}
	}
	if err := m.loadFiles(); err != nil {
		return hold, nil, nil
	}
	return hold, m, b.plan(m, files, scanProbs)
}

// openHeld opens the bleve index of the held generation that m describes,
// read-only; no view when it is missing, damaged or does not hold m's
// documents. The view holds the generation.
func openHeld(hold *genHold, m *manifest, st Stats, scanProbs []archive.Problem, opts Options) (*view, error) {
	if openHeldHook != nil {
		openHeldHook(hold.name)
	}
	if m.LengthsHead.check() != nil {
		return nil, nil // missing or cut short: made again
	}
	bi, ok, err := openCachedBleve(hold.dir, m, m.Docs, true, opts)
	if !ok || err != nil {
		return nil, err
	}
	bodies, err := openBodies(filepath.Join(hold.dir, bodiesSubdir))
	if err != nil {
		_ = bi.Close()
		return nil, nil // damaged: made again
	}
	return &view{bi: bi, bodies: bodies, hold: hold, m: headOf(m), probs: keptNotes(scanProbs, &m.manifestHead), stats: st}, nil
}

// write makes the next generation of the cache dir, whose writer's lock
// the caller holds: a copy of from (when m and p are usable) with the plan
// p carried out, or a new build; it publishes it and opens it read-only.
func (ix *Index) write(ctx context.Context, dir string, from *genHold, m *manifest, p *plan, b *build,
	files []archive.FileInfo, scanProbs []archive.Problem) (*view, error) {
	fresh := m == nil || p == nil
	if writeHook != nil {
		if err := writeHook(); err != nil {
			return nil, err
		}
	}
	g, err := newGen(dir)
	if err != nil {
		return nil, err
	}
	b.dir = filepath.Join(dir, g)
	num, _ := genNumber(g)
	b.bodies = newBodyWriter(filepath.Join(b.dir, bodiesSubdir), uint32(num))
	bdir := filepath.Join(b.dir, bleveSubdir)
	if !fresh && m.LengthsHead.check() != nil {
		// the live generation's lengths file is damaged: a copy would
		// keep it (an empty plan writes no manifest), so build afresh
		m, p = nil, nil
		fresh = true
	}
	if !fresh {
		fresh = true // unless the live generation's index and store copy and open
		if copyIndex(filepath.Join(from.dir, bleveSubdir), bdir) == nil && linkBodiesChecked(from.dir, b.dir) == nil {
			// sized for the archive as it will be: one that grows past
			// largeArchive in this update merges into the smaller
			// segments from this update on
			bi, ok, err := openCachedBleve(b.dir, m, max(m.Docs, len(files)), false, b.opts)
			if err != nil {
				return nil, err
			}
			b.bi, fresh = bi, !ok
		}
		if fresh {
			if err := cmp.Or(os.RemoveAll(bdir), os.RemoveAll(filepath.Join(b.dir, bodiesSubdir))); err != nil {
				return nil, err
			}
		}
	}
	if fresh {
		var kept carriedHead
		if from != nil {
			b.carried, kept = addedIn(from.dir, ix.name) // when pieces came (added.go)
		} else if gen, old := movedCache(dir, ix.name); gen != "" {
			b.carried, kept = movedTimes(gen, old, files) // the archive's folder moved (added.go)
		}
		bi, err := bleve.NewUsing(bdir, newMapping(), scorch.Name, scorch.Name, bleveConfigOf(len(files), b.opts))
		if err != nil {
			return nil, err
		}
		b.bi = bi
		b.stats.Rebuilt = true
		m = newManifest(ix.name)
		m.Departed, m.Renamed, m.Stamped = kept.departed, kept.renamed, kept.stamped
		p = b.plan(m, files, scanProbs)
	}
	stopTrim := trimWhileBuilding(b.bi, b.opts.trim) // the segments' maps (pages.go)
	err = b.execute(ctx, m, p)
	err = cmp.Or(err, b.bodies.finish())
	if err == nil && m.Docs <= largeArchive {
		switch {
		case b.stats.Indexed >= cmp.Or(b.opts.compact.min, compactAfter):
			compactSegments(ctx, b.bi, bdir, m.Docs, false, b.opts.compact)
		case !b.stats.Rebuilt && b.stats.Indexed+b.stats.Removed > 0:
			// an update's small segment: merged with the others by size
			// (a helper's report: 30 updates of SOTU left 28 segments)
			compactSegments(ctx, b.bi, bdir, m.Docs, true, b.opts.compact)
		}
	}
	stopTrim()
	// Closing abandons a merge of scorch's own still running (its inputs
	// stay in the index) and lets go of bolt's exclusive lock, so that
	// other folios can open the generation.
	err = cmp.Or(err, b.bi.Close())
	if err == nil {
		pruneBodies(b.dir, m)
		pruneSegments(bdir, m.Docs)
	}
	if b.restore != nil {
		b.restore()
	}
	if err != nil {
		return nil, err
	}
	if err := publish(dir, g); err != nil {
		return nil, err
	}
	hold, err := holdCurrent(dir, lockTimeout(b.opts))
	if err != nil {
		return nil, err
	}
	v, err := openHeld(hold, m, b.stats, scanProbs, b.opts)
	if v == nil {
		hold.release()
		return nil, cmp.Or(err, errors.New("the new index cannot be opened"))
	}
	return v, err
}
