package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
)

// build brings one bleve index in line with the archive's files: plan
// (plan.go) compares the files with the manifest, execute carries the plan
// out, in batches, and writes the manifest.
type build struct {
	bi   bleve.Index
	fsys fs.FS
	name string
	// dir is the folder the manifest is written to; "" in memory
	dir   string
	opts  Options
	stats Stats
	// restore undoes opts.LargeBuild, once the index is closed
	restore func()
	// unexpected: some file of the plan being carried out did not give
	// what planning expected of it (parsed.unexpected)
	unexpected bool
	// racyRead are the files this build read within RacyWindow of a
	// change (true: and indexed): a second round takes them as read, not
	// to read them again (the next open does), and counts them once (a
	// helper's report: eight large files beside an unusable one were read
	// twice, "8 pieces (16 indexed, … 19.4 MB)", when the first round
	// took over RacyWindow)
	racyRead map[string]bool
	// sketches holds the sketches of the pieces indexed (copies.go), on
	// disk, from the first; nil in memory, or if it could not be made
	sketches *sketchSpill
	noSpill  bool // making it failed: sketches stay in memory
	// When pieces were first indexed (added.go): carried is what a build
	// from scratch took from the manifest before it (nil: none), known
	// the times of the IDs already indexed, stamp the time of the pieces
	// this update adds.
	carried map[string]carriedPiece
	known   map[string]int64
	stamp   int64
	// began is when the scan this build carries out began (Update.Began)
	began time.Time
	// sites answers whether files are in a Jekyll or a Hugo site, each
	// folder asked once a build (siteRoots)
	sites     *archive.SiteRoots
	sitesOnce sync.Once
	// configs are the site configs its scan met (archive.ScanSites; nil:
	// ask the file system), which tell whether the manifest is current
	// without a stat of every folder a piece is in (a read-through: 100k
	// stats for 10k Hugo bundles at every open of a cached index)
	configs archive.SiteConfigs
	// siteCascades are the sums of the sites' configs' cascades and
	// ignoreFiles the plan read (archive.SiteRoots.ConfigCascadeSums), for the
	// manifest
	siteCascades map[string]uint32
	// goneDone: goneInRebuild made b.gone of the carried pieces not
	// indexed again
	goneDone bool
	// gone maps the Print of each piece this update deletes to it, for a
	// piece added with that Print: the same piece, its file renamed or
	// moved (added.go)
	gone map[uint64]gonePiece
	// departed are the pieces this build deleted (added.go)
	departed []departed
	// bodies takes the pieces' long texts (bodies.go)
	bodies *bodyWriter
}

// largeBuild is the number of files whose indexing calls opts.LargeBuild.
const largeBuild = 500

// execute carries out a plan and writes the manifest; the Index is then
// set from m (see Index.finish).
func (b *build) execute(ctx context.Context, m *manifest, p *plan) error {
	todo, deletes, owner, newFiles := p.todo, p.deletes, p.owner, p.newFiles
	if p.empty() {
		b.stats.Unchanged = !b.stats.Rebuilt
		if m.Facets == nil || !m.Complete || b.dir == "" {
			// first build of an empty archive, or an old manifest
			m.Files = newFiles
			m.Unknown = unknownPaths(p.scanProbs)
			m.Complete = true
			return b.commit(ctx, m)
		}
		return nil
	}

	if b.dir != "" {
		// Mark the work in progress so that an interruption is redone.
		// Written as it is listed, later entries of a path replacing
		// earlier ones when read: no merged copy of the entries in memory.
		pending := func(yield func(string, fileEntry) bool) {
			for p, e := range m.Files {
				if _, ok := newFiles[p]; !ok && !yield(p, e) {
					return
				}
			}
			for p, e := range newFiles {
				if !yield(p, e) {
					return
				}
			}
			for _, w := range todo {
				if !yield(w.info.Path, fileEntry{Size: -1, ID: w.id, Indexed: true}) {
					return
				}
			}
		}
		head := newManifest(b.name).manifestHead
		if err := writeManifestOf(b.dir, head, pending, nil); err != nil {
			return err
		}
	}

	b.prepareAdded(m, deletes, p.heldGone)
	b.unexpected = false
	if p.round == 0 {
		defer func() {
			b.sketches.remove()
			b.sketches, m.sketches = nil, nil
		}()
	}
	if len(todo) >= largeBuild && b.restore == nil && b.opts.LargeBuild != nil {
		// Until the index is closed: scorch merges its segments after the
		// last batch, and compactSegments may merge them again.
		b.restore = b.opts.LargeBuild(len(m.Files) + len(todo))
	}
	if err := b.apply(ctx, todo, deletes, owner, newFiles); err != nil {
		return err
	}
	b.stats.Removed += len(deletes)
	b.followRenames(newFiles, m.Departed)
	b.stampGiven(m, newFiles)
	m.Files = newFiles
	m.SiteCascades = b.siteCascades
	m.SiteConfigs, m.SiteConfigsKnown = siteConfigPaths(b.configs), b.configs != nil
	m.Unknown = unknownPaths(p.scanProbs)
	m.sketches = b.sketches
	m.Complete = true
	// A file found unusable in this run hands its ID to a file that was
	// its duplicate: planning again over the same scan finds that work,
	// which the next open would skip, its fingerprint matching. When every
	// file gave what was expected of it, planning again finds nothing: it
	// is not done (a second plan of every file, at the build's peak).
	if p.round == 0 && b.unexpected {
		if again := b.plan(m, p.files, p.scanProbs); !again.empty() {
			again.round = 1
			return b.execute(ctx, m, again)
		}
	}
	// The plan is done with: what it holds per file is not kept while the
	// copies are grouped and the manifest written.
	*p = plan{}
	return b.commit(ctx, m)
}

func withoutDuplicate(ps []archive.Problem) []archive.Problem {
	out := ps[:0:0]
	for _, p := range ps {
		if !strings.HasPrefix(p.Msg, "duplicate id") {
			out = append(out, p)
		}
	}
	return out
}

// commit computes the all-documents facets, records the count and writes
// the manifest.
func (b *build) commit(ctx context.Context, m *manifest) error {
	n, err := b.bi.DocCount()
	if err != nil {
		return err
	}
	m.Docs = int(n)
	m.Renamed = keptRenames(m, b.stats.Renamed, time.Now())
	m.Departed = keptDeparted(m, b.departed, b.stats.Renamed, time.Now())
	m.Update = &Update{Indexed: b.stats.Indexed, Removed: b.stats.Removed, Renamed: len(b.stats.Renamed), Rebuilt: b.stats.Rebuilt, Began: b.began}
	f, err := countAllFacets(ctx, b.bi)
	if err != nil {
		return err
	}
	m.Facets = &f
	if err := m.summarize(); err != nil {
		return err
	}
	if b.dir != "" {
		return writeManifest(b.dir, m)
	}
	return nil
}

// countAllFacets counts facet values over all documents, once per index
// version (they are kept in the manifest).
func countAllFacets(ctx context.Context, bi bleve.Index) (Facets, error) {
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(fFacets, bleve.NewFacetRequest(fFacets, 1<<20))
	sr, err := bi.SearchInContext(ctx, req)
	if err != nil {
		return Facets{}, err
	}
	return facetsOf(splitFacets(sr.Facets[fFacets])), nil
}

// siteRoots is the build's archive.SiteRoots, made at its first use.
func (b *build) siteRoots() *archive.SiteRoots {
	b.sitesOnce.Do(func() {
		if b.configs != nil {
			// the scan's configs: no folder's roots stated again
			b.sites = b.configs.SiteRootsOf(b.fsys)
		} else {
			b.sites = archive.NewSiteRoots(b.fsys)
		}
	})
	return b.sites
}

func parseWork(fsys fs.FS, sites *archive.SiteRoots, w work) parsed {
	r := parseFile(fsys, sites, w)
	r.held = w.held
	r.unexpected = r.entry.Fatal || r.entry.ID != w.id || r.entry.Size != w.info.Size
	return r
}

// racyMTime is the modification time recorded for a file read less than
// RacyWindow after it was last modified or changed: a file rewritten at the same size
// within the same tick of its file system's clock keeps its time (1 or 2
// s on FAT, SMB, HFS+ or ext4 with small inodes; a few milliseconds,
// the kernel's coarse clock, on the others), so what was read may not be
// what the file now holds. No file has this time: the next check of the
// archive finds the file changed and reads it again, and records its time
// once it has settled (git's "racily clean" entries, the same way). The
// folder memo waits as long for the same reason (archive/memo.go).
const racyMTime = -1

// RacyWindow is how recent a modification must be for a read to be racy.
// A time further in the future (a clock-skewed copy, touch -d) is kept as
// it is: it would be racy at every read, and the index never current.
const RacyWindow = 2 * time.Second

// racy reports whether a file changed at t may have changed again since
// without t moving, read at now.
func racy(t, now time.Time) bool {
	return !t.Before(now.Add(-RacyWindow)) && !t.After(now.Add(RacyWindow))
}

// readNow is when a file is read: time.Now, or a later time in a test (as
// if the archive's files had not changed for a while).
var readNow = time.Now

func parseFile(fsys fs.FS, sites *archive.SiteRoots, w work) parsed {
	p := w.info.Path
	e := fileEntry{Size: w.info.Size, ID: w.id}
	if !w.info.ModTime.IsZero() {
		e.MTime, e.CTime = w.info.ModTime.UnixNano(), w.info.CTime
		if now := readNow(); racy(w.info.ModTime, now) || (e.CTime != 0 && racy(time.Unix(0, e.CTime), now)) {
			e.MTime = racyMTime
		}
	}
	data := w.data
	if data == nil {
		var err error
		data, err = archive.ReadFile(fsys, p)
		if err != nil {
			r := parsed{indexedID: w.indexedID, path: p, entry: e}
			if archive.Gone(err) {
				// gone since the scan (renamed or deleted while the
				// update ran): not a file skipped, which folio check
				// could not list (a helper's report: "3 file(s)
				// skipped; folio check lists why", and it listed none),
				// but a file the scan did not see; the next update sees
				// where it went
				r.vanished = true
				if w.was != nil && w.was.Indexed {
					r.was = w.was
				}
				return r
			}
			r.entry.Fatal = true
			r.entry.Problems = []archive.Problem{{Path: p, Msg: "cannot read: " + errText(err), Fatal: true}}
			if w.was != nil && mayPass(err) {
				// Its permissions taken away (for a while, as a folder's
				// may be: keepUnseen), or a disk's or a network file
				// system's error: the piece is kept as last read, with the
				// time it was added, under the file's times now, which
				// giving the permission back changes (its ctime). An I/O
				// error that passes moves no time: the note says how to
				// read the file again.
				kept := *w.was
				kept.Size, kept.MTime, kept.CTime = e.Size, e.MTime, e.CTime
				msg := "cannot read: " + errText(err)
				if !errors.Is(err, fs.ErrPermission) {
					msg += " (read again when it changes, or by folio index --rebuild)"
				}
				kept.Problems = append(slices.DeleteFunc(slices.Clone(kept.Problems), isKeptNote),
					archive.Problem{Path: p, Msg: msg + keptNote})
				r.kept = &kept
			}
			return r
		}
	}
	e.Size = int64(len(data))
	settled := false
	// every read keeps its text's hash, so that reading it again can
	// tell the file held it: a racy read's (a helper's report: adding one
	// file a second after another said "Indexed 2 pieces"), and one whose
	// times change while its text does not (an edit undone, a touch: a
	// reader that may not write the cache said "index as it was" for
	// good, an attack; settled, disk.go)
	e.Hash = hashOf(data)
	if w.was != nil && w.was.MTime == racyMTime && w.was.Hash != "" {
		settled = w.was.Hash == e.Hash
	}
	a, probs, asked := parseSafely(sites, p, data)
	e.Problems, e.Site = probs, asked
	if e.Section = sites.IsSectionPage(p); e.Section { // a Hugo site's _index.fr.md too
		e.Cascade = sites.CascadeSum(p, data) // its front matter decoded once, for parse too
	}
	if archive.IsFatal(probs) || a.ID == "" {
		e.Fatal = true
		return parsed{indexedID: w.indexedID, path: p, entry: e}
	}
	if w.id != "" {
		a.ID = w.id // the plan's (archive.AssignIDs), as archive.Load gives it
	}
	e.ID, e.CiteKey, e.Print = a.ID, a.CiteKey, printOf(a)
	if a.CiteKeyLine <= math.MaxUint16 {
		e.CiteKeyLine = uint16(a.CiteKeyLine)
	}
	e.Copy = copyEntryOf(a) // of the whole body, before limitWords
	tokens, cut := limitWords(&a)
	if cut {
		e.Problems = append(e.Problems, cutProblem(p))
	}
	e.Words = countWords(a.Standfirst) + countWords(a.Body)
	return parsed{indexedID: w.indexedID, path: p, entry: e, article: a, size: len(data), tokens: max(tokens, e.Words), settled: settled}
}

// mayPass reports whether a file's read error may pass while the file
// stays as it was: an error of the system that does not say it is gone
// (archive.Gone, the scan's rule for a folder it cannot list): its
// permission taken away, the disk's, the network file system's or the
// process's (too many files open). The piece it gave is then kept
// (parseFile); a file gone, no longer regular or over the size limit is
// what the file now is, and its piece goes.
func mayPass(err error) bool {
	return errors.As(err, new(*fs.PathError)) && !archive.Gone(err) && !errors.Is(err, archive.ErrNotRegular)
}

// keptNote ends the problem of a file kept as last read (parseFile).
const keptNote = "; the index keeps the piece as last read"

func isKeptNote(p archive.Problem) bool { return strings.HasSuffix(p.Msg, keptNote) }

// errText is err's text without the path an fs.PathError repeats.
func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// parseSafely turns a panic in the parser (a bug, but on user data) into a
// problem for the file; asked is whether its reading asked if it is in a
// Jekyll or a Hugo site, and the answers (fileEntry.Site).
func parseSafely(sites *archive.SiteRoots, p string, data []byte) (a archive.Article, probs []archive.Problem, asked siteAsked) {
	defer func() {
		if r := recover(); r != nil {
			a = archive.Article{}
			probs = []archive.Problem{{Path: p, Msg: fmt.Sprintf("cannot parse: %v", r), Fatal: true}}
		}
	}()
	ask := func(in func(string) bool, askedBit, inBit siteAsked) func() bool {
		return func() bool {
			v := in(p)
			asked |= askedBit
			if v {
				asked |= inBit
			}
			return v
		}
	}
	a, probs = archive.ParseInSite(p, data, ask(sites.InJekyll, askedJekyll, inJekyll), ask(sites.InHugo, askedHugo, inHugo), sites)
	return a, probs, asked
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}
