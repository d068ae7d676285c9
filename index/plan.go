package index

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
)

// work is one file to (re)index.
type work struct {
	info archive.FileInfo
	data []byte // already read (to compare hashes), or nil
	id   string // the ID the file is expected to give
	// indexedID is the ID of the document the file had in the index, if
	// it had one
	indexedID string
	// was is the file's entry when it had that document: kept, with its
	// piece, when the file cannot be read now for a reason that may pass
	// (parseFile)
	was *fileEntry
	// held is the file's entry when it gave a piece under id before:
	// indexed (was), or held while the file was unusable
	// (fileEntry.Held), whose time an unusable file keeps (batches.add)
	held *fileEntry
}

type parsed struct {
	indexedID string // see work
	// kept, when not nil, is the entry to keep instead of entry, with
	// the document the file had, if it still owns its ID: the file could
	// not be read for a reason that may pass (mayPass, parseFile)
	kept    *fileEntry
	path    string
	entry   fileEntry
	article archive.Article
	size    int
	tokens  int // words indexed, at least roughly (limitWords)
	// unexpected: the file was unusable, gave another ID than planned, or
	// was of another size than scanned; planning again may then find work
	// (execute)
	unexpected bool
	// settled: the file was read racy before (racyMTime), and holds what
	// it held then: read again, and not counted as indexed
	settled bool
	// vanished: the file was gone when read (parseFile): it has no entry,
	// and its piece, if it still owns it, goes as a deleted file's does
	// (was: its entry then)
	vanished bool
	was      *fileEntry
	held     *fileEntry // see work
}

// plan is the work that brings an index in line with the archive.
type plan struct {
	files   []archive.FileInfo // the scan planned from
	round   int                // 0, or 1 for a plan made right after executing one
	todo    []work
	deletes []string
	// heldGone are the entries of unusable files holding their pieces
	// (fileEntry.Held) whose files are gone: departed (added.go)
	heldGone  []fileEntry
	owner     map[string]string    // ID → the path that has it
	newFiles  map[string]fileEntry // entries of the files not in todo
	scanProbs []archive.Problem
	// unseen: the files kept as last read (keepUnseen) are not those the
	// manifest marks so, or a file it records is gone: its entries and
	// fingerprint are to be written
	unseen bool
}

func (p *plan) empty() bool { return len(p.todo) == 0 && len(p.deletes) == 0 && !p.unseen }

// errArchiveUnreadable is the error of a scan that could not read the
// archive's own folder.
var errArchiveUnreadable = errors.New("the archive's folder")

// scan lists the archive's files, sorted by path. An archive whose own
// folder cannot be read (moved away, unmounted, a checkout under way) is an
// error, not an archive of no pieces: planned from, it would delete every
// piece from the index, and with them the times they were added (what a
// saved search counts as new).
func (b *build) scan() ([]archive.FileInfo, []archive.Problem, error) {
	files, probs, configs := archive.ScanSites(b.fsys)
	b.configs = configs
	for _, p := range probs {
		if p.Path == "." { // the scan's name for the archive's folder
			return nil, nil, fmt.Errorf("%w %s: %s", errArchiveUnreadable, b.name, p.Msg)
		}
	}
	b.stats.Files = len(files)
	return files, probs, nil
}

// plan compares the archive's files (from scan) with the manifest, whose
// files are loaded. Unchanged files are not read, except on file systems
// without modification times (the embedded archive), where they are hashed.
func (b *build) plan(m *manifest, files []archive.FileInfo, scanProbs []archive.Problem) *plan {
	all, unseen := keepUnseen(m, files, scanProbs)
	states := b.fileStates(m, all, unseen)
	owner := owners(m, states)
	todo, newFiles := sortOut(m, states, owner)
	deletes, heldGone := deletesOf(m, all, owner)
	changed := !slices.Equal(unknownPaths(scanProbs), m.Unknown) || goneUnindexed(m, all) || !maps.Equal(b.siteCascades, m.SiteCascades) ||
		b.configs != nil && (!m.SiteConfigsKnown || !m.siteConfigsCurrent(b.configs))
	for p, e := range newFiles {
		if e.Unseen != unseen[p] {
			e.Unseen = unseen[p]
			newFiles[p] = e
			changed = true
		}
	}
	return &plan{files: files, todo: todo, deletes: deletes, heldGone: heldGone, owner: owner, newFiles: newFiles, scanProbs: scanProbs, unseen: changed}
}

// goneUnindexed reports whether a file the manifest records, of no piece
// (skipped: no date, a duplicate), is gone from files: nothing is deleted
// from the index, but its entry and problem go from the manifest (a
// helper's report: the problem of a file deleted stayed for good, "1 file
// skipped", until --rebuild).
func goneUnindexed(m *manifest, files []archive.FileInfo) bool {
	present := 0
	for _, f := range files {
		if _, ok := m.Files[f.Path]; ok {
			present++
		}
	}
	return present < len(m.Files)
}

// unknownPaths are the paths of the scan's problems that say what is there
// is unknown (archive.Problem.Unknown), sorted: the manifest records them
// (manifestHead.Unknown), and they count in the fingerprints, so that an
// index keeping what it last read under them is current only while the
// scan still cannot see there.
func unknownPaths(probs []archive.Problem) []string {
	var out []string
	for _, p := range probs {
		if p.Unknown {
			out = append(out, p.Path)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// keepUnseen adds to files, a scan's, the manifest's files that the scan
// could not see (under a folder it could not list, or not stated:
// archive.Problem.Unknown), as they were last read: they are unchanged to
// the plan, and stay in the index. A folder that cannot be read for a while
// (its permissions changed, an I/O error, too many open files) would
// otherwise delete its pieces, with the times they were added (a saved
// search counts them as new when they come back). It returns files and
// those added, sorted by path, and the paths it added. Its time is linear
// in the files and the depth of their folders.
func keepUnseen(m *manifest, files []archive.FileInfo, probs []archive.Problem) ([]archive.FileInfo, map[string]bool) {
	unknown := map[string]bool{}
	for _, p := range probs {
		if p.Unknown && p.Path != "." {
			unknown[p.Path] = true
		}
	}
	if len(unknown) == 0 || len(m.Files) == 0 {
		return files, nil
	}
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		seen[f.Path] = true
	}
	under := func(p string) bool {
		for ; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			if unknown[p] {
				return true
			}
		}
		return false
	}
	var added map[string]bool
	for p, e := range m.Files {
		// a file without a time (the embedded archive) or whose reading
		// was under way (Size -1) cannot be told unchanged: not kept
		if seen[p] || e.Size < 0 || e.MTime == 0 || !under(p) {
			continue
		}
		if added == nil {
			files = slices.Clone(files) // the caller's scan is not changed
			added = map[string]bool{}
		}
		added[p] = true
		files = append(files, archive.FileInfo{Path: p, Size: e.Size, ModTime: time.Unix(0, e.MTime), CTime: e.CTime})
	}
	if added != nil {
		slices.SortFunc(files, func(a, b archive.FileInfo) int { return strings.Compare(a.Path, b.Path) })
	}
	return files, added
}

// fileState is what plan decided of one file.
type fileState struct {
	info      archive.FileInfo
	id        string
	unchanged bool
	unseen    bool // kept as last read (keepUnseen): never read, never a new owner
	data      []byte
	hash      string
}

// fileStates decides, for each file, whether it is unchanged; files on a
// file system without modification times (the embedded archive) are
// hashed. A file whose reading asked whether it is in a Jekyll or a Hugo
// site (fileEntry.Site) is changed when an answer now differs: a site's
// config made or removed above it; and a file under a section page whose
// cascade changed (cascadeChanged).
func (b *build) fileStates(m *manifest, files []archive.FileInfo, unseen map[string]bool) []fileState {
	states := make([]fileState, len(files))
	paths := archive.PathsOf(files) // one copy for the three that read them (16 MB at 1M)
	ids := b.assignIDs(m, paths)
	sites := b.siteRoots()
	sites.KnowSections(paths)
	for i, f := range files {
		e, ok := m.Files[f.Path]
		st := fileState{info: f, id: ids[i], unseen: unseen[f.Path]}
		if st.unseen {
			st.id = e.ID // never read: as last read
		}
		if ok && e.Size == f.Size && f.Size >= 0 {
			if f.ModTime.IsZero() {
				if data, err := archive.ReadFile(b.fsys, f.Path); err == nil {
					st.data = data
					st.hash = hashOf(data)
					st.unchanged = st.hash == e.Hash && e.MTime == 0
				}
			} else {
				st.unchanged = e.MTime == f.ModTime.UnixNano() && e.CTime == f.CTime
				if _, read := b.racyRead[f.Path]; read && e.MTime == racyMTime {
					// read by this build's first round, from this scan:
					// as it was then (the next open reads it again)
					st.unchanged = true
				}
			}
		}
		if st.unchanged && e.Site != 0 && !st.unseen {
			st.unchanged = e.Site.current(path.Dir(f.Path), sites)
		}
		states[i] = st
	}
	dirs := b.cascadeChanged(m, states)
	// a site's config's cascade changed (a Hugo site's cascade or
	// ignoreFiles, a Jekyll site's collections' output): the files under
	// its root (its sum is recorded at the build's end: execute)
	// as this build's pages are read: through its SiteRoots, each config
	// as first read (a config edited between two rounds is summed as the
	// pages were read with it, and the next open reads them again)
	b.siteCascades = sites.ConfigCascadeSums(paths)
	for root, sum := range b.siteCascades {
		if m.SiteCascades[root] != sum {
			if dirs == nil {
				dirs = map[string]bool{}
			}
			dirs[root] = true
		}
	}
	for root, sum := range m.SiteCascades {
		if _, ok := b.siteCascades[root]; !ok && sum != 0 {
			b.siteCascades[root] = 0 // no file of it left: recorded as none
		}
	}
	if len(dirs) > 0 {
		for i, st := range states {
			if !st.unchanged || st.unseen {
				continue
			}
			for d := path.Dir(st.info.Path); ; d = path.Dir(d) {
				if dirs[d] {
					states[i].unchanged = false
					break
				}
				if d == "." || d == "/" || d == "" {
					break
				}
			}
		}
	}
	return states
}

// cascadeChanged are the folders of the section pages (_index.md) whose
// Hugo cascade is not what m records (fileEntry.Cascade): one changed,
// made or removed. Every file under such a folder is read again, its
// cascade perhaps another (archive's cascade.go); a section page changed
// but for its cascade (its text, its title) reads none again. Only a
// changed section page is read here.
func (b *build) cascadeChanged(m *manifest, states []fileState) map[string]bool {
	var dirs map[string]bool
	sites := b.siteRoots()
	mark := func(p string) {
		if dirs == nil {
			dirs = map[string]bool{}
		}
		dirs[path.Dir(p)] = true
	}
	for _, st := range states {
		p := st.info.Path
		if st.unchanged || st.unseen || !sites.IsSectionPage(p) {
			continue
		}
		data := st.data
		if data == nil {
			data, _ = archive.ReadFile(b.fsys, p) // unreadable: no cascade to read
		}
		// read through the build's SiteRoots: decoded once, for its
		// reading (parseFile) and the pages under it too
		if sites.CascadeSum(p, data) != m.Files[p].Cascade {
			mark(p)
		}
	}
	for p, e := range m.Files {
		if e.Cascade == 0 {
			continue
		}
		// states are sorted by path, as the scan's files
		if _, ok := slices.BinarySearchFunc(states, p, func(st fileState, p string) int { return strings.Compare(st.info.Path, p) }); !ok {
			mark(p) // removed
		}
	}
	return dirs
}

// assignIDs are the ids of files (archive.AssignIDs), each file keeping
// the id it was indexed under: m's, or in a build from scratch the
// manifest's it carried (b.carried), so that a file added whose name
// slugs as a piece's takes neither its id nor its marks (a helper's
// report). A file that cannot be used for now (broken, a draft: Fatal)
// keeps the id m records for it too, reserved while the file is there:
// mended, it is the piece it was (a helper's report: a file added beside
// a piece whose YAML was broken for a while took its id and star).
func (b *build) assignIDs(m *manifest, paths []string) []string {
	var carried map[string]string
	if len(b.carried) > 0 {
		carried = make(map[string]string, len(b.carried))
		for id, c := range b.carried {
			if c.path != "" {
				carried[c.path] = id
			}
		}
	}
	return archive.AssignIDs(paths, func(p string) (string, bool) {
		if e, ok := m.Files[p]; ok && holdsID(p, e) {
			return e.ID, true // given by this rule (m is of this schema)
		}
		return carried[p], false // perhaps of another schema's rule
	})
}

// holdsID reports whether the file at p keeps the id its entry e records
// (assignIDs, KnownIDs): a piece's, or a file's that cannot be used for now
// (broken, a draft), but for a section page's (_index.md, or one its site
// reads as one: a Hugo site's _index.fr.md, as its reading said,
// fileEntry.Section; it was learnt from the problem's message), which is
// never a piece and so reserves nothing (a notes folder's _index.old.md,
// a piece, does).
func holdsID(p string, e fileEntry) bool {
	return e.ID != "" && (e.Indexed || e.Fatal && !archive.IsSectionPage(p) && !e.Section)
}

// owners maps each ID to the path that has it (archive.AssignIDs gives
// every file its own), but for a file the scan cannot see that was not
// indexed (keepUnseen): never read, it has no piece.
func owners(m *manifest, states []fileState) map[string]string {
	owner := map[string]string{}
	for _, st := range states {
		if st.unseen && !m.Files[st.info.Path].Indexed {
			continue
		}
		if st.id != "" {
			owner[st.id] = st.info.Path
		}
	}
	return owner
}

// sortOut parts the files into the work to do and the entries of the
// files left as they are.
func sortOut(m *manifest, states []fileState, owner map[string]string) ([]work, map[string]fileEntry) {
	n := 0
	for _, st := range states {
		if !st.unchanged {
			n++
		}
	}
	todo := make([]work, 0, n) // and a few unchanged files owned anew
	newFiles := make(map[string]fileEntry, len(states))
	for _, st := range states {
		p := st.info.Path
		id := st.id
		e := m.Files[p]
		isOwner := owner[id] == p
		if st.unseen || st.unchanged && e.ID == id && (e.Fatal || e.Indexed == isOwner) {
			// as it was (one the scan cannot see is never read: kept as
			// last read); a duplicate's problem, which an index made
			// before every file had its own id recorded, goes with the
			// file's reading
			if st.unseen {
				e.Problems = withoutDuplicate(e.Problems)
			}
			newFiles[p] = e
			continue
		}
		w := work{info: st.info, data: st.data, id: id}
		if e.Indexed {
			w.indexedID = e.ID
			w.was = &e
		}
		if (e.Indexed || e.Fatal && e.Held) && e.ID == id {
			w.held = &e
		}
		todo = append(todo, w)
	}
	return todo, newFiles
}

// deletesOf lists the IDs to delete: indexed before, owned by no file now;
// and the entries of unusable files that held their pieces
// (fileEntry.Held), their files gone.
func deletesOf(m *manifest, files []archive.FileInfo, owner map[string]string) ([]string, []fileEntry) {
	present := make(map[string]bool, len(files))
	for _, f := range files {
		present[f.Path] = true
	}
	var deletes []string
	var heldGone []fileEntry
	for p, e := range m.Files {
		if e.Fatal && e.Held && e.ID != "" && !present[p] {
			heldGone = append(heldGone, e)
		}
		if !e.Indexed || e.ID == "" {
			continue
		}
		if o, ok := owner[e.ID]; !ok || !present[o] {
			deletes = append(deletes, e.ID)
		}
	}
	slices.Sort(deletes)
	return slices.Compact(deletes), heldGone
}
