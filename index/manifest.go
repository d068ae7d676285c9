package index

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"hash/crc64"
	"hash/fnv"
	"io"
	"io/fs"
	"iter"
	"maps"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/atomicfile"
)

// manifest records what the index on disk was built from. It is written
// last and atomically: an index without a readable manifest of the current
// schema is rebuilt.
//
// On disk it is two gob values: the head, then the entry of every file.
// Opening an unchanged archive reads only the head: the scan's fingerprint
// equals the head's, and the head holds all that searching needs.
type manifest struct {
	manifestHead
	Files map[string]fileEntry
	// path is the file Files are still to be read from (loadFiles); ""
	// once they are, or when there are none
	path string
	// sketches holds the sketches of entries a build spilled (copies.go)
	sketches *sketchSpill
}

type manifestHead struct {
	Schema  int
	Archive string
	// Renamed are the pieces the update that wrote this manifest found
	// renamed (added.go; at most maxRenamed), so that a folio that did
	// not make it can follow them too (Index.LastRenamed)
	Renamed []Rename
	// Departed are the pieces deleted in the last departedFor, which keep
	// the time they were first indexed if they come back (added.go)
	Departed []departed
	// Stamped is the latest time an update of this cache recorded for a
	// piece (UnixNano): the pieces it added, those since deleted too; the
	// next update stamps those it adds later (added.go), whatever the
	// clock says. A build from scratch keeps the manifest's before it
	// when it carries its times. An older manifest's is 0 (gob): its
	// pieces' and departed pieces' times stand for it, no schema change.
	Stamped int64
	// Complete is false while an update is under way: every file being
	// (re)indexed is then recorded with Size -1 so that an interrupted
	// update is redone, and nothing else is trusted.
	Complete bool
	Docs     int
	// Facets are the all-documents facet counts of this index version,
	// so that reopening needs no search to show them.
	Facets *Facets
	// Fingerprint sums the path, size, modification and change time of
	// every file in Files but the Unseen, and the Unknown paths (see
	// fingerprint); nil when some file has no modification time (the embedded
	// archive), whose files are compared by their hashes instead.
	Fingerprint []byte
	// Unknown are the paths where the scan this manifest was made from
	// could not tell what is there (unknownPaths), sorted; the files Files
	// keeps under them are Unseen. They count in Fingerprint, as a scan's
	// Unknown problems count in its own.
	Unknown []string
	// UnknownKept is, for each of Unknown, how many Unseen files of Files
	// under it are indexed.
	UnknownKept []int
	// Problems and Lengths are summaries of Files. Lengths are in a file
	// of their own since schema 17 (lengths.go); the field's new name
	// lets an older manifest decode, to be rebuilt for its schema.
	Problems    []archive.Problem
	LengthsHead lengths
	// Copies are the groups of republished copies among the indexed
	// pieces (copies.go), each earliest first.
	Copies [][]copyMember
	// InSite are the folders of the files whose reading asked whether
	// they are in a Jekyll or a Hugo site (fileEntry.Site), sorted, with
	// the answers: the index is current only while each would be told the
	// same, so that a site's config made or removed is seen, as a change
	// of a file is (a helper's report: a _config.yml made later changed
	// no draft until a file changed or --rebuild; a hugo.toml, no tags
	// string). Folders, not files: an Obsidian clipping's empty
	// published: asks too, and the head is read at every start.
	InSite []siteAnswer
	// SiteCascades are what the configs of the Hugo and Jekyll sites the
	// files may be in give their reading (archive.SiteRoots.ConfigCascadeSums: each
	// folder above a content folder or a folder _x, and each file's
	// Jekyll and Hugo site's root, its sum, 0 for none: a Hugo config's
	// cascade, ignoreFiles and content folders, a Jekyll config's
	// collections with output and front matter defaults): the index is
	// current only while each is the same, the files under a site's root
	// read again when its sum changes (a config is no file of the scan).
	// An older manifest's is nil: each sum 0.
	SiteCascades map[string]uint32
	// SiteConfigs are the site configs the build's scan met
	// (archive.SiteConfigs' paths, sorted), when SiteConfigsKnown: the
	// index is current only while a scan meets the same, so that a
	// config made where no file asked (a hugo.toml made above a folder of
	// notes, a _config.yml with defaults) is planned from, its site's sum
	// then new (SiteCascades).
	SiteConfigs      []string
	SiteConfigsKnown bool
	// Update is what the update that wrote this manifest did (nil in a
	// manifest written before it was kept): a folio that waited for that
	// update says what it did (Stats.Other). Gob leaves it out of an
	// older folio's reading, and gives nil to a newer one's reading of
	// an older manifest: no schema change.
	Update *Update
}

// Update is what an update of the index did, as its manifest records it.
type Update struct {
	Indexed, Removed, Renamed int
	Rebuilt                   bool
	// Began is when the update's scan of the archive began, before it read
	// any file (zero in an older folio's manifest, also gob-compatible): a
	// rebuild begun after another was asked for stands for it.
	Began time.Time
}

// siteAnswer is a folder of files whose reading asked whether they are
// in a site, and the answers (manifestHead.InSite). A folder whose files
// were told otherwise (a config made during a build) is recorded with
// each, and so is never current until they are read again.
type siteAnswer struct {
	Dir   string
	Asked siteAsked
}

// fileEntry is what the manifest records of one file. A build holds one
// entry a file (1M at 1M pieces), so the fields are in an order that
// wastes no padding: 144 bytes (unsafe.Sizeof), which would be 160 with
// the two booleans between the wider fields, and the Print is a number,
// not its 16 hex digits. Gob matches fields by name, so their order is
// free.
type fileEntry struct {
	Size     int64
	MTime    int64 // UnixNano; 0 when the file system has none (embedded)
	CTime    int64 // UnixNano, archive.FileInfo.CTime; 0 when none
	Hash     string
	ID       string
	CiteKey  string // the citation key it pins (archive.Article.CiteKey), "" for none
	Print    uint64 // archive.Print of its piece: a renamed or moved file's has the same (added.go)
	Words    int    // length, for ranking
	Problems []archive.Problem
	// Added is when the piece was first indexed (UnixNano), carried over
	// from one generation to the next (added.go); 0 for a piece that was
	// there when the cache was first built. An unusable file's that Held
	// its piece keeps the piece's.
	Added int64
	Copy  *copyEntry // what finding its copies needs; nil when not indexed
	// Body is the bodies store's file with its texts (bodies.go)
	Body uint32
	// Cascade is a section page's (_index.md) archive.SiteRoots.CascadeSum: the
	// pieces under it are read again when it changes (fileStates); 0 for
	// none, and for any other file
	Cascade uint32
	// Site is what reading the file asked of its site, and the answers
	// (archive.ParseInSite): whether it is in a Jekyll site (a published:
	// with no value outside _posts/, a singular tag string with commas,
	// a capitalised key),
	// in a Hugo site (a tags string)
	Site siteAsked
	// Section: the file is a section page as its reading found it
	// (archive.SiteRoots.IsSectionPage: _index.md, or a Hugo site's
	// _index.fr.md), never a piece: it reserves no id (holdsID)
	Section bool
	Indexed bool // a document with ID is in the index for this file
	Fatal   bool // the file could not be used
	// Held: the file (Fatal) gave the piece of its ID before it became
	// unusable, and Added keeps that piece's time: the file giving it
	// again, it keeps it, as an edited file's piece does (added.go), and
	// Print is that piece's: the file gone, the piece departs as a
	// deleted one does. An older manifest's is false (gob): such a piece
	// is new when mended (and one without the Print, when restored).
	Held bool
	// Unseen: the last scan could not tell whether the file is there (its
	// folder could not be listed, or it not stated: archive.Problem.Unknown);
	// the entry is kept as it was last read, and left out of the
	// fingerprint, which sums what a scan sees.
	Unseen bool
	// CiteKeyLine is the file's line of the key pinning CiteKey
	// (archive.Article.CiteKeyLine), for the note on a key several pieces
	// pin; 0 when not known, or past 65535 (a uint16 takes no room: it
	// fills the padding after the booleans)
	CiteKeyLine uint16
}

// siteAsked is whether reading a file asked if it is in a Jekyll site,
// or in a Hugo site, and the answers (fileEntry.Site): bits.
type siteAsked uint8

const (
	askedJekyll siteAsked = 1 << iota // asked whether in a Jekyll site
	inJekyll                          // and it is
	askedHugo                         // asked whether in a Hugo site
	inHugo                            // and it is
)

// current reports whether the answers a (of a file in the folder dir)
// are what sites tell now.
func (a siteAsked) current(dir string, sites *archive.SiteRoots) bool {
	p := path.Join(dir, "piece.md") // a file in dir
	return (a&askedJekyll == 0 || sites.InJekyll(p) == (a&inJekyll != 0)) &&
		(a&askedHugo == 0 || sites.InHugo(p) == (a&inHugo != 0))
}

// manifestName is the manifest file. It is gob, not JSON: every start
// reads it, and decoding 10k entries took 13 ms as JSON and 4 ms as gob.
const manifestName = "manifest.gob"

// describes reports whether m is of the current schema and of the archive
// named name.
func (m *manifest) describes(name string) bool {
	return m.Schema == SchemaVersion && m.Archive == name
}

// readManifest reads the head of the manifest in dir; loadFiles reads the
// rest. The head is read alone, from the start of the file: the entries
// after it (7 MB for 10,000 pieces, most of it their sketches for finding
// copies) are read only when the archive has changed.
func readManifest(dir string) (*manifest, error) {
	path := filepath.Join(dir, manifestName)
	f, err := archive.OpenRegular(path) // not a named pipe, whose open waits
	if err != nil {
		return nil, damage(path, err)
	}
	defer f.Close()
	m := &manifest{path: path}
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&m.manifestHead); err != nil {
		return nil, damage(path, fmt.Errorf("corrupt manifest: %w", err))
	}
	m.LengthsHead.in(dir)
	return m, nil
}

// loadFiles decodes the file entries of a manifest read by readManifest:
// it reads the file again (a generation's manifest is never changed once
// written).
func (m *manifest) loadFiles() error {
	if m.path != "" {
		path := m.path
		m.path = ""
		files, err := readFiles(path, false)
		if err != nil {
			// written before the entries came in chunks: one map
			files, err = readFiles(path, true)
		}
		if err != nil {
			return fmt.Errorf("corrupt manifest: %w", err)
		}
		m.Files = files
	}
	if m.Files == nil {
		m.Files = map[string]fileEntry{}
	}
	return nil
}

// readFiles decodes the file entries of the manifest file path: chunks of
// records up to an empty one, or (oneMap) the single map of manifests
// written before.
func readFiles(path string, oneMap bool) (map[string]fileEntry, error) {
	f, err := archive.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReader(f))
	var head manifestHead
	if err := dec.Decode(&head); err != nil {
		return nil, err
	}
	files := map[string]fileEntry{}
	if oneMap {
		return files, dec.Decode(&files) // io.EOF too: a manifest cut short
	}
	for {
		var chunk []fileRecord                     // new each time: gob would keep fields a record leaves out
		if err := dec.Decode(&chunk); err != nil { // io.EOF too: a manifest cut short
			return nil, err
		}
		if len(chunk) == 0 {
			return files, nil
		}
		for _, r := range chunk {
			files[r.Path] = r.Entry
		}
	}
}

// summarize sets the head's summaries of Files.
func (m *manifest) summarize() error {
	type length struct {
		id    string
		words int32
		added int64
	}
	var ls []length
	m.Problems = nil
	m.InSite = nil
	timed := true // every file is compared by its time, none by a hash
	var pinned []archive.Article
	for p, e := range m.Files {
		m.Problems = append(m.Problems, e.Problems...)
		if e.Indexed {
			ls = append(ls, length{e.ID, int32(min(e.Words, math.MaxInt32)), e.Added})
			if e.CiteKey != "" {
				pinned = append(pinned, archive.Article{ID: e.ID, Path: p, CiteKey: e.CiteKey, CiteKeyLine: int(e.CiteKeyLine)})
			}
		}
		// every read's hash is kept beside its times (parseFile): a file
		// of no time at all (the embedded archive) is compared by its
		// hash, one dated at the Unix epoch by its change time
		timed = timed && (e.Hash == "" || e.MTime != 0 || e.CTime != 0)
		if e.Site != 0 && !e.Unseen {
			// (one the scan cannot see is not read again: its folder
			// would never be current)
			m.InSite = append(m.InSite, siteAnswer{path.Dir(p), e.Site})
		}
	}
	slices.SortFunc(m.InSite, func(a, b siteAnswer) int {
		return cmp.Or(strings.Compare(a.Dir, b.Dir), cmp.Compare(a.Asked, b.Asked))
	})
	m.InSite = slices.Compact(m.InSite)
	// which pieces pin the same key is known only from all of them
	m.Problems = append(m.Problems, archive.PinConflicts(pinned)...)
	archive.SortProblems(m.Problems)
	slices.SortFunc(ls, func(a, b length) int { return strings.Compare(a.id, b.id) })
	m.LengthsHead = newLengths(len(ls), func(i int) (string, int32, int64) { return ls[i].id, ls[i].words, ls[i].added })
	var err error
	if m.Copies, err = copyGroups(m.Files, m.sketches); err != nil {
		return err
	}
	m.UnknownKept = nil
	if len(m.Unknown) > 0 {
		m.UnknownKept = make([]int, len(m.Unknown))
		for p, e := range m.Files {
			for d := p; e.Unseen && e.Indexed && d != "." && d != "/" && d != ""; d = path.Dir(d) {
				if k, ok := slices.BinarySearch(m.Unknown, d); ok {
					m.UnknownKept[k]++
					break
				}
			}
		}
	}
	m.Fingerprint = nil
	if timed {
		var paths []string
		for p, e := range m.Files {
			if !e.Unseen {
				paths = append(paths, p)
			}
		}
		m.Fingerprint = fingerprint(len(paths), func(i int) (string, int64, int64, int64) {
			e := m.Files[paths[i]]
			return paths[i], e.Size, e.MTime, e.CTime
		}, m.Unknown)
	}
	return nil
}

// checkable reports whether a scan can tell that m is current: its index
// is complete and it has a fingerprint.
func (m *manifest) checkable() bool {
	return m.Complete && m.Facets != nil && len(m.Fingerprint) > 0
}

// currentSum reports whether the scan of the archive fsys whose
// fingerprint is fp (scanFingerprint, scanSum) met the files the complete
// index of m was built from, each read as it would be now
// (sitesCurrent), told by the site configs the scan met (nil: the file
// system is asked): then nothing needs to be read.
func (m *manifest) currentSum(fsys fs.FS, fp []byte, configs archive.SiteConfigs) bool {
	return m.checkable() && fp != nil && bytes.Equal(fp, m.Fingerprint) && m.siteConfigsCurrent(configs) && m.sitesCurrent(fsys, configs) && m.siteCascadesCurrent(fsys, configs)
}

// siteConfigsCurrent reports whether the site configs a scan met
// (configs; nil: it cannot tell) are the ones the index was built with
// (SiteConfigs), when both are known.
func (m *manifestHead) siteConfigsCurrent(configs archive.SiteConfigs) bool {
	return configs == nil || !m.SiteConfigsKnown || slices.Equal(siteConfigPaths(configs), m.SiteConfigs)
}

// siteConfigPaths are the paths of configs, sorted; nil for none.
func siteConfigPaths(configs archive.SiteConfigs) []string {
	var out []string
	for p, there := range configs {
		if there {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// siteCascadesCurrent reports whether what each site's config gives the
// reading of its files is what the index was read with (SiteCascades). With configs (the
// scan's) the file system is asked for the configs' contents alone.
func (m *manifestHead) siteCascadesCurrent(fsys fs.FS, configs archive.SiteConfigs) bool {
	for dir, sum := range m.SiteCascades {
		now := archive.ConfigCascadeSum
		if configs != nil {
			now = configs.ConfigCascadeSum
		}
		if now(fsys, dir) != sum {
			return false
		}
	}
	return true
}

// sitesCurrent reports whether each file whose reading asked whether it
// is in a Jekyll or a Hugo site (InSite) would be told the same in fsys
// now: no site's config was made or removed above it. With configs (the
// scan's: archive.SiteConfigs) the file system is not asked again.
func (m *manifestHead) sitesCurrent(fsys fs.FS, configs archive.SiteConfigs) bool {
	if len(m.InSite) == 0 {
		return true
	}
	var sites *archive.SiteRoots
	if configs != nil {
		sites = configs.SiteRoots()
	} else {
		sites = archive.NewSiteRoots(fsys)
	}
	for _, a := range m.InSite {
		if !a.Asked.current(a.Dir, sites) {
			return false
		}
	}
	return true
}

// fingerprint sums a hash of each of n files' path, size, modification
// time and change time (UnixNano): a sum, so that the files may come in any order and an
// unchanged archive is told without sorting its scan. Two 64-bit hashes of
// different kinds (FNV-1a and CRC-64) make an accidental equality of two
// archives' sums as unlikely as one of a 128-bit hash.
func fingerprint(n int, file func(i int) (path string, size, mtime, ctime int64), unknown []string) []byte {
	var f fingerprinter
	for i := range n {
		p, size, mtime, ctime := file(i)
		f.rec = append(f.rec[:0], p...)
		f.add(size, mtime, ctime)
	}
	f.unknown(unknown)
	return f.sum()
}

// unknown adds the paths where a scan could not tell what is there
// (unknownPaths): a record no file makes (a NUL, which no path holds,
// before the path; the numbers -1), not counted as a file.
func (f *fingerprinter) unknown(paths []string) {
	for _, p := range paths {
		f.rec = append(append(f.rec[:0], 0), p...)
		f.add(-1, -1, -1)
		f.n--
	}
}

// fingerprinter sums a fingerprint one file at a time, in any order;
// several, each summing a part of the files, add up (plus) to the
// fingerprint of all.
type fingerprinter struct {
	fnv, crc uint64
	n        int
	untimed  bool   // some file has no modification time: no fingerprint
	rec      []byte // the path of the file being added, then its size and times
}

// add adds the file whose path is in f.rec.
func (f *fingerprinter) add(size, mtime, ctime int64) {
	f.rec = binary.LittleEndian.AppendUint64(f.rec, uint64(size)) // the three fixed-width numbers end it
	f.rec = binary.LittleEndian.AppendUint64(f.rec, uint64(mtime))
	f.rec = binary.LittleEndian.AppendUint64(f.rec, uint64(ctime))
	h := uint64(fnvOffset) // FNV-1a, as hash/fnv's New64a, without its allocation
	for _, c := range f.rec {
		h ^= uint64(c)
		h *= fnvPrime
	}
	f.fnv += h
	f.crc += crc64.Checksum(f.rec, crcTable)
	f.n++
}

// file is an archive.FileFunc adding each file of a scan.
func (f *fingerprinter) file(path []byte, size int64, modTime time.Time, ctime int64) {
	f.untimed = f.untimed || modTime.IsZero()
	f.rec = append(f.rec[:0], path...)
	f.add(size, modTime.UnixNano(), ctime)
}

func (f *fingerprinter) plus(g *fingerprinter) {
	f.fnv += g.fnv
	f.crc += g.crc
	f.n += g.n
	f.untimed = f.untimed || g.untimed
}

// sum is the fingerprint, nil when some file had no modification time.
func (f *fingerprinter) sum() []byte {
	if f.untimed {
		return nil
	}
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, f.fnv), f.crc)
}

var crcTable = crc64.MakeTable(crc64.ECMA)

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211 // FNV-1a, 64 bits

// scanFingerprint is the fingerprint of a scan (in any order), nil when
// some file has no modification time.
func scanFingerprint(files []archive.FileInfo, probs []archive.Problem) []byte {
	for _, f := range files {
		if f.ModTime.IsZero() {
			return nil
		}
	}
	return fingerprint(len(files), func(i int) (string, int64, int64, int64) {
		return files[i].Path, files[i].Size, files[i].ModTime.UnixNano(), files[i].CTime
	}, unknownPaths(probs))
}

// scanSum scans the archive's files for their fingerprint alone (no list
// of them is made: archive.ScanEach, each worker summing its files): the
// fingerprint (nil when some file has no time), how many files, and the
// scan's problems.
func scanSum(fsys fs.FS) ([]byte, int, []archive.Problem) {
	fp, n, probs, _, _ := scanSumWith(func(newWorker func() archive.FileFunc) ([]archive.Problem, []byte, archive.SiteConfigs) {
		return archive.ScanEach(fsys, newWorker), nil, nil
	}, nil)
	return fp, n, probs
}

// scanSumMemo is scanSum with a folder memo (archive.ScanEachMemo): it
// also returns the memo for the next scan, nil when memo is still right,
// and the site configs the scan met (nil when it cannot tell).
// pause, when not nil, is called by each of the scan's workers every
// scanPauseEvery files (OpenCached's check gives way to searches).
func scanSumMemo(fsys fs.FS, memo []byte, pause func()) ([]byte, int, []archive.Problem, []byte, archive.SiteConfigs) {
	return scanSumWith(func(newWorker func() archive.FileFunc) ([]archive.Problem, []byte, archive.SiteConfigs) {
		return archive.ScanEachMemo(fsys, newWorker, memo, scanNow())
	}, pause)
}

// ArchiveSum sums what a check of an index compares of the archive fsys
// (each file's path, size and times, the paths a scan could not tell, the
// site configs met: manifest.currentSum), and the scan's problems, for a
// watch that checks the archive at an interval: the sum changes when the
// archive does as a check sees it (a site's config made changes no file,
// and a watch that summed the files alone did not see it). memo is the
// previous call's folder memo (archive.ScanEachMemo; nil for none): a
// folder whose stamp is as remembered is not listed again. It returns
// the memo for the next call.
func ArchiveSum(fsys fs.FS, memo []byte) (uint64, []byte) {
	fp, _, probs, next, configs := scanSumMemo(fsys, memo, nil)
	h := fnv.New64a()
	h.Write(fp)
	roots := map[string]bool{}
	for _, p := range slices.Sorted(maps.Keys(configs)) {
		fmt.Fprintf(h, "\x00site %s", p)
		if b := path.Base(p); b != "content" {
			root := path.Dir(p) // of hugo.toml, config/
			if r, ok := archive.HugoConfigFolderRoot(p); ok {
				root = r // of config/_default/, config/production/
			}
			roots[root] = true
		}
	}
	// a site config's reading keys (a Hugo cascade, a Jekyll collection's
	// output: ConfigCascadeSum): its text changed changes no file. Each
	// site once, its root told by the scan's configs (a review: a site's
	// hugo.toml was stated and read three times a check, once for each of
	// its config entries)
	for _, root := range slices.Sorted(maps.Keys(roots)) {
		fmt.Fprintf(h, "\x00cascade %s %d", root, configs.ConfigCascadeSum(fsys, root))
	}
	if configs == nil {
		h.Write([]byte("\x00sites unknown"))
	}
	archive.SortProblems(probs)
	for _, p := range probs {
		fmt.Fprintf(h, "\x00problem %s:%d: %s", p.Path, p.Line, p.Msg)
	}
	if next == nil {
		next = memo
	}
	return h.Sum64(), next
}

// scanPauseEvery is how many files a scan's worker stats between its
// calls of pause: ~1,024 statx calls, a few milliseconds.
var scanPauseEvery = 1024

// scanNow is when a scan starts: time.Now, or a later time in a test (as
// if the archive's folders had not changed for a while, so that their
// entries are remembered).
var scanNow = time.Now

func scanSumWith(scan func(func() archive.FileFunc) ([]archive.Problem, []byte, archive.SiteConfigs), pause func()) ([]byte, int, []archive.Problem, []byte, archive.SiteConfigs) {
	var parts []*fingerprinter
	probs, memo, configs := scan(func() archive.FileFunc {
		f := &fingerprinter{rec: make([]byte, 0, 256)}
		parts = append(parts, f)
		if pause == nil {
			return f.file
		}
		n := 0
		return func(path []byte, size int64, modTime time.Time, ctime int64) {
			if n++; n%scanPauseEvery == 0 {
				pause()
			}
			f.file(path, size, modTime, ctime)
		}
	})
	var all fingerprinter
	for _, f := range parts {
		all.plus(f)
	}
	all.unknown(unknownPaths(probs))
	return all.sum(), all.n, probs, memo, configs
}

// writeManifest replaces the manifest atomically; it is written last, so a
// build killed midway leaves no manifest claiming its files.
func writeManifest(dir string, m *manifest) error {
	if err := m.LengthsHead.writeTo(dir); err != nil { // the file first
		return err
	}
	var err error
	return writeManifestOf(dir, m.manifestHead, m.sketches.filled(m.Files, &err), &err)
}

// fileRecord is one file's entry as the manifest stores it: after the head
// come chunks of up to manifestChunk records, then an empty chunk. Encoded
// a chunk at a time, a manifest is never whole in memory (a single map of
// 1M entries made a gob of ~700 MB, buffered before it was written). A
// path may come more than once: its last record counts.
type fileRecord struct {
	Path  string
	Entry fileEntry
}

const manifestChunk = 1024

// writeManifestOf writes the manifest of head and files; when files ends
// with an error (in *errp, if errp is not nil), no manifest is written.
func writeManifestOf(dir string, head manifestHead, files iter.Seq2[string, fileEntry], errp *error) error {
	return atomicfile.ReplaceWith(filepath.Join(dir, manifestName), 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		enc := gob.NewEncoder(bw)
		if err := enc.Encode(head); err != nil {
			return err
		}
		chunk := make([]fileRecord, 0, manifestChunk)
		flush := func() error {
			err := enc.Encode(chunk)
			chunk = chunk[:0]
			return err
		}
		for p, e := range files {
			chunk = append(chunk, fileRecord{p, e})
			if len(chunk) == manifestChunk {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if errp != nil && *errp != nil {
			return *errp
		}
		if len(chunk) > 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		if err := flush(); err != nil { // the empty chunk that ends them
			return err
		}
		return bw.Flush()
	})
}

func newManifest(name string) *manifest {
	return &manifest{manifestHead: manifestHead{Schema: SchemaVersion, Archive: name}, Files: map[string]fileEntry{}}
}
