package index

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/folio-tui/folio/archive"
)

// When each piece was first indexed, for "what is new" (saved searches):
// the index time, not the piece's publication date.
//
// Every file entry of the manifest records, in Added, when its piece's ID
// first entered the index; the generation's lengths file (lengths.go)
// keeps the same times beside the pieces' lengths, so that an open index
// answers without reading the file entries (a damaged file: it cannot
// tell, and says nothing is new). An update stamps the pieces it adds with the time it
// runs, later than every stamp an update of the cache gave before, of
// pieces since deleted too (manifestHead.Stamped), even if the clock went
// back or another machine's, sharing the cache, runs ahead: a saved search
// seen through a piece since deleted still counts what comes later (an
// attack: with the clock an hour behind, a piece added after the newest
// was deleted was never new); a piece whose file changed, or moved to
// another path keeping its ID, keeps its time, and so does one whose file
// stays but is unusable for a while (a date broken: skipped, its piece
// taken out) when the file gives it again, whatever changed: the file's
// entry holds its time meanwhile (fileEntry.Held). A new generation copies the times of the one it is
// made from, and a build from scratch (a schema change, a damaged index,
// folio index --rebuild) takes them from the live generation's manifest
// when it can still be read, whatever its schema: pieces it knew keep
// their times, others are stamped as added now.
//
// A build with no earlier manifest to read (the first build of a cache, a
// deleted cache folder, an index in memory) cannot tell when its pieces
// came: it gives them all 0, "there from the start", and none of them is
// new to anyone. A manifest written before folio kept the times has none
// either: its pieces are taken as there from the start.

// Renamed pieces. A piece the update deletes (its file gone, or giving
// another ID now) and a piece it adds with the same archive.Print (title,
// date, authors and outlet) are one piece whose file was renamed or moved, when
// no other piece deleted or added by the update has that Print; so is a
// piece added with the Print of one an earlier update deleted, kept as
// departed (below: followDeparted), when it is the archive's one piece
// of that Print and the one departed with it: the added
// one keeps the deleted one's time, so a saved search does not count a
// moved file as new, and Stats.Renamed lists the pair, so that the reader's
// marks and quotes, kept by ID, can follow it (citation keys follow the
// Print on their own: cite.Keyring). A manifest written before the
// entries kept the Print knows none, until its files are read again.

// Rename is a piece whose file was renamed or moved (added.go): its ID
// was From and is To; At is when the update that found it ran (UnixNano).
type Rename struct {
	From, To string
	At       int64 `json:",omitempty"`
}

// renamedFor is how long a manifest keeps a rename (keptRenames).
const renamedFor = 7 * 24 * time.Hour

// keptRenames are the renames the manifest m of an update keeps
// (manifestHead.Renamed): those the update found (found), then those the
// manifest before it kept, found in the last renamedFor, while the
// piece's new ID is a piece of m and its old ID none: a folio that did
// not follow them (another program's update, a folio killed after the
// index's update, an update that read a file again a moment later) still
// can, and a piece that has since taken a renamed one's old ID never
// gets its marks. At most maxRenamed, the newest.
func keptRenames(m *manifest, found []Rename, now time.Time) []Rename {
	next := make(map[string]string, len(found))
	for i := range found {
		found[i].At = now.UnixNano()
		next[found[i].From] = found[i].To
	}
	all := slices.Concat(found, m.Renamed)
	for i := len(found); i < len(all); i++ {
		// a rename kept, not yet followed, whose piece moved again: a→b
		// then b→c is a→c (a review: the marks stayed on a)
		if to, ok := next[all[i].To]; ok {
			all[i].To = to
		}
	}
	if len(all) == 0 {
		return nil
	}
	indexed := make(map[string]bool, 2*len(all))
	for _, r := range all {
		indexed[r.From], indexed[r.To] = false, false
	}
	for _, e := range m.Files {
		if _, asked := indexed[e.ID]; asked && e.Indexed {
			indexed[e.ID] = true
		}
	}
	var out []Rename
	kept := map[string]bool{} // the old IDs kept: the newest rename of each
	for _, r := range all {
		if len(out) < maxRenamed && indexed[r.To] && !indexed[r.From] && now.Sub(time.Unix(0, r.At)) < renamedFor && !kept[r.From] {
			kept[r.From] = true
			out = append(out, r)
		}
	}
	return out
}

// maxRenamed caps the renames a manifest keeps (manifestHead.Renamed),
// which every open of the index reads: more, found by one update, are
// followed only by the folio that made it (Stats.Renamed).
const maxRenamed = 10000

// LastRenamed are the pieces the update that made the index as it is now
// found renamed (Stats.Renamed: by this folio or another; at most
// maxRenamed): a folio that opens the index after another updated it
// follows them too, and one whose following was cut short (killed, its
// state folder locked) follows them at its next open. They go at the next
// update, which changes the archive's pieces first, so that a piece that
// has since taken a renamed one's old ID never gets its marks.
func (ix *Index) LastRenamed() []Rename {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.cur == nil || ix.cur.m == nil {
		return nil
	}
	return ix.cur.m.Renamed
}

// Pieces that leave and come back. A piece an update deletes is kept in
// the manifest's Departed, with its Print and the time it was first
// indexed, for departedFor: when a piece with its ID and Print comes
// back (a git branch switched back, a file restored from the trash), it
// keeps that time, so a saved search does not count it new again (a
// helper's report: two pieces already seen counted "2 new" after a
// checkout). A different piece at that ID (another Print) is new. So does
// a piece whose file was unusable when it left (fileEntry.Held: its
// entry keeps the piece's Print), restored as it was (an attack, 40h).

// departed is a piece an update deleted (manifestHead.Departed).
type departed struct {
	ID    string
	Print uint64
	Added int64
	At    int64 // when it was deleted (UnixNano)
	// Size and Words are its file's (fileEntry): a piece added by a later
	// update is its rename only with a file of the same size and words,
	// the text moved (followDeparted); Size -1: its file went while an
	// update read it (changed, renamed as it ran), its text unknown
	Size  int64
	Words int
}

// departedFor is how long a manifest keeps a departed piece, and
// maxDeparted how many, the newest.
const (
	departedFor = 30 * 24 * time.Hour
	maxDeparted = 20000
)

// keptDeparted are the departed pieces the manifest m of an update keeps:
// those it deleted (gone), then those the manifest before it kept, while
// no piece of m has their ID and they left within departedFor, less
// those the update found renamed (renamed: a piece has them, under its
// new ID; kept, a later piece of their Print would be taken for them).
func keptDeparted(m *manifest, gone []departed, renamed []Rename, now time.Time) []departed {
	all := slices.Concat(gone, m.Departed)
	if len(all) == 0 {
		return nil
	}
	moved := make(map[string]bool, len(renamed))
	for _, r := range renamed {
		moved[r.From] = true
	}
	all = slices.DeleteFunc(all, func(d departed) bool { return moved[d.ID] })
	indexed := make(map[string]bool, len(all))
	for _, d := range all {
		indexed[d.ID] = false
	}
	for _, e := range m.Files {
		if _, asked := indexed[e.ID]; asked && e.Indexed {
			indexed[e.ID] = true
		}
	}
	var out []departed
	kept := map[string]bool{}
	for _, d := range all {
		if len(out) < maxDeparted && !indexed[d.ID] && !kept[d.ID] && now.Sub(time.Unix(0, d.At)) < departedFor {
			kept[d.ID] = true
			out = append(out, d)
		}
	}
	return out
}

// gonePiece is a piece an update deletes, which an added piece with its
// Print may be (added.go).
type gonePiece struct {
	id    string // "" when two pieces deleted have the Print
	added int64
}

// printOf is archive.Print of a as a number, as the manifest keeps it.
func printOf(a archive.Article) uint64 {
	b, _ := hex.DecodeString(archive.Print(a))
	return binary.BigEndian.Uint64(b)
}

// prepareAdded readies the times of an update of m: the times m records
// (and those carried from an earlier manifest by a build from scratch),
// the stamp for the pieces the update adds, and the pieces it deletes
// (deletes: their IDs), which a piece it adds may be, and the pieces
// held by unusable files it finds gone (heldGone: their entries), which
// depart as deleted pieces do: restored, they keep their times.
func (b *build) prepareAdded(m *manifest, deletes []string, heldGone []fileEntry) {
	b.known = make(map[string]int64, len(m.Files)+len(b.carried))
	var latest int64
	for id, c := range b.carried {
		b.known[id] = c.added
		latest = max(latest, c.added)
	}
	// a carried piece's time gives way to an indexed one's, and a held
	// piece's to either
	m.eachPiece(func(id string) bool { _, ok := b.known[id]; return ok }, func(_ string, e fileEntry, held bool) {
		b.known[e.ID] = e.Added
		if !held {
			latest = max(latest, e.Added)
		}
	})
	// the stamps given before, of pieces since deleted too: the departed
	// keep theirs, and Stamped the latest of all
	latest = max(latest, m.Stamped)
	for _, d := range m.Departed {
		latest = max(latest, d.Added)
	}
	b.stamp = 0
	if !b.stats.Rebuilt || b.carried != nil {
		b.stamp = max(stampNow().UnixNano(), latest+1)
	}
	// Stamped rises to the stamp when a piece takes it (stampGiven), not
	// by an update that adds nothing: a clock ahead re-indexing an edit
	// pushed every later stamp into its future (an attack, 40j)
	m.Stamped = latest
	b.gone = nil
	now := time.Now().UnixNano()
	for _, e := range heldGone {
		if e.Print != 0 { // the Print of the piece it held; its text unknown (Size -1)
			b.depart(departed{ID: e.ID, Print: e.Print, Added: e.Added, At: now, Size: -1})
		}
	}
	if len(deletes) == 0 {
		return
	}
	deleted := make(map[string]bool, len(deletes))
	for _, id := range deletes {
		deleted[id] = true
	}
	for _, e := range m.Files {
		if !e.Indexed || !deleted[e.ID] || e.Print == 0 {
			continue
		}
		b.depart(departed{ID: e.ID, Print: e.Print, Added: e.Added, At: now, Size: e.Size, Words: e.Words})
	}
}

// depart records d, a piece this update deletes, as departed and gone.
func (b *build) depart(d departed) {
	b.departed = append(b.departed, d)
	b.goneOne(d.Print, d.ID, d.Added)
}

// goneOne records in b.gone that the piece id (added at added) with the
// Print print is gone in this update: the one piece of this Print, or of
// two or more none (an added piece of the Print could be any of them).
func (b *build) goneOne(print uint64, id string, added int64) {
	if b.gone == nil {
		b.gone = map[uint64]gonePiece{}
	}
	if _, twice := b.gone[print]; twice {
		b.gone[print] = gonePiece{}
	} else {
		b.gone[print] = gonePiece{id: id, added: added}
	}
}

// heldOf is the time and Print an unusable file's entry keeps of the
// piece of its ID it gave before (fileEntry.Held), and whether it gave
// one: as indexed, or held by its entry (parsed.held), or in a build from
// scratch as the manifest it carried recorded the file's piece.
func (b *build) heldOf(r parsed) (int64, uint64, bool) {
	if h := r.held; h != nil && h.ID == r.entry.ID {
		return h.Added, h.Print, true
	}
	if c, ok := b.carried[r.entry.ID]; ok && c.path == r.path && b.stats.Rebuilt {
		return c.added, c.print, true
	}
	return 0, 0, false
}

// stampNow is the clock an update stamps the pieces it adds by: time.Now,
// or one set back in a test.
var stampNow = time.Now

// stampGiven raises m.Stamped to the update's stamp when a piece of files
// (the update's entries, renames followed) took it.
func (b *build) stampGiven(m *manifest, files map[string]fileEntry) {
	if b.stamp == 0 || m.Stamped >= b.stamp {
		return
	}
	for _, e := range files {
		if e.Indexed && e.Added == b.stamp {
			m.Stamped = b.stamp
			return
		}
	}
}

// addedOf is the time to record for the piece id being indexed.
func (b *build) addedOf(id string) int64 {
	if t, ok := b.known[id]; ok {
		return t
	}
	return b.stamp
}

// followRenames finds, among the pieces an update added (files: the
// update's entries), those that are a piece it deleted (b.gone) renamed:
// they take its time, and stats.Renamed lists them.
func (b *build) followRenames(files map[string]fileEntry, back []departed) {
	b.goneInRebuild(files)
	var returned map[string]bool // the pieces back under an ID they had (back)
	if len(back) > 0 {
		// a piece that left and came back, its Print unchanged: its time
		left := make(map[string]departed, len(back))
		for _, d := range back {
			if _, newer := left[d.ID]; !newer {
				left[d.ID] = d
			}
		}
		for p, e := range files {
			if d, ok := left[e.ID]; ok && e.Indexed && e.Print == d.Print {
				if _, known := b.known[e.ID]; !known {
					e.Added = d.Added
					files[p] = e
					if returned == nil {
						returned = map[string]bool{}
					}
					returned[e.ID] = true
				}
			}
		}
	}
	b.followGone(files, returned)
	b.followDeparted(files, back)
	slices.SortFunc(b.stats.Renamed, func(x, y Rename) int { return strings.Compare(x.From, y.From) })
	b.gone = nil
}

// followGone pairs the pieces added with those this update deleted
// (b.gone): a renamed piece.
func (b *build) followGone(files map[string]fileEntry, returned map[string]bool) {
	if len(b.gone) == 0 {
		return
	}
	added := map[uint64]string{} // Print → the path of the one piece added with it; "" for more
	for p, e := range files {
		if _, ok := b.gone[e.Print]; !ok || !e.Indexed || e.Print == 0 {
			continue
		}
		if _, known := b.known[e.ID]; known && !returned[e.ID] {
			// its ID was a piece's already; one back under its old ID is
			// still the renamed one (a→b, then b→a: a review found the
			// marks left on b)
			continue
		}
		if _, twice := added[e.Print]; twice {
			added[e.Print] = ""
		} else {
			added[e.Print] = p
		}
	}
	for print, p := range added {
		g := b.gone[print]
		if p == "" || g.id == "" {
			continue
		}
		e := files[p]
		e.Added = g.added
		files[p] = e
		b.stats.Renamed = append(b.stats.Renamed, Rename{From: g.id, To: e.ID})
	}
}

// followDeparted pairs a piece added under a new ID with a piece an
// earlier update deleted (back: the manifest's Departed) of its Print,
// when none this update deleted has it: the same piece, moved across two
// updates (a file moved out of the archive, then back under another
// name; or renamed while an update ran, which found it gone, and the next
// added it: a helper's report, its star left on the old ID and a saved
// search counting it new). As an update's rename, only when one departed
// piece has the Print, and no piece has its ID now (one that has taken
// it never gives its marks away); and only when the added piece is the
// archive's one piece of the Print: another may be the departed one
// renamed already (a manifest's Departed kept the old IDs of renamed
// pieces before keptDeparted dropped them) or a copy of it; and only
// when its file is the departed one's size and length in words
// (departed.Size, Words): days apart, another piece of the same title,
// date, authors and outlet is no rename (a departed piece recorded
// before these were is left); but for one whose file went while an
// update read it (renamed as it ran), whose text is not known.
func (b *build) followDeparted(files map[string]fileEntry, back []departed) {
	byPrint := map[uint64]departed{} // ID "" for two
	for _, d := range back {
		if d.Print == 0 || d.ID == "" {
			continue
		}
		if _, now := b.gone[d.Print]; now {
			continue // this update's deleted pieces decide (followGone)
		}
		if prev, twice := byPrint[d.Print]; twice {
			if prev.ID != d.ID {
				byPrint[d.Print] = departed{}
			}
			continue
		}
		byPrint[d.Print] = d
	}
	if len(byPrint) == 0 {
		return
	}
	type holders struct {
		path string // a piece of the Print: the one when n is 1
		n    int
	}
	of := make(map[uint64]holders, len(byPrint))
	taken := map[string]bool{} // departed IDs a piece has now
	departedID := make(map[string]bool, len(byPrint))
	for _, d := range byPrint {
		departedID[d.ID] = true
	}
	for p, e := range files {
		if !e.Indexed {
			continue
		}
		if departedID[e.ID] {
			taken[e.ID] = true
		}
		if _, ok := byPrint[e.Print]; ok {
			h := of[e.Print]
			h.n++
			h.path = p
			of[e.Print] = h
		}
	}
	for print, d := range byPrint {
		h := of[print]
		if d.ID == "" || taken[d.ID] || h.n != 1 {
			continue
		}
		e := files[h.path]
		if _, known := b.known[e.ID]; known {
			continue // indexed before: not added by this update
		}
		if d.Size != -1 && (d.Size == 0 || e.Size != d.Size || e.Words != d.Words) {
			// another text of the same title, date, authors and outlet
			// (a review: a second "Introduction" added days after the
			// first was deleted took its star and its time)
			continue
		}
		e.Added = d.Added
		files[h.path] = e
		b.stats.Renamed = append(b.stats.Renamed, Rename{From: d.ID, To: e.ID})
	}
}

// carriedPiece is a piece of the manifest a build from scratch is made
// after (build.carried): when it was first indexed, and its Print (a
// held piece's too: fileEntry.Held).
type carriedPiece struct {
	added int64
	print uint64
	path  string // its file's, which keeps its id (build.assignIDs)
}

// goneInRebuild makes b.gone, for a build from scratch that carried the
// pieces of the manifest before it (files: its entries), the pieces of
// that manifest it did not index again. A build from scratch deletes
// nothing, but a piece whose ID changed with the rule IDs are made by (a
// schema change: archive.Slug kept the marks of a name in NFD, and
// `cafe\u0301.md` was `cafe`, is `café`), or whose file was moved while no
// folio ran, is a rename as an update's: its marks follow it, and it is
// not new. Once a build: the carried pieces it indexed again are dropped
// from b.carried (their times are in files now).
func (b *build) goneInRebuild(files map[string]fileEntry) {
	if !b.stats.Rebuilt || len(b.carried) == 0 || b.goneDone {
		return
	}
	b.goneDone = true
	for _, e := range files {
		delete(b.carried, e.ID)
	}
	for id, c := range b.carried {
		if c.print != 0 {
			b.goneOne(c.print, id, c.added)
		}
	}
}

// movedCache is the live generation of the cache the archive named name
// (its cache folder dir) had before its folder moved, and that archive's
// name: the only other cache beside dir of an archive of the same base
// name whose folder is gone. "" for none, or more than one. A moved
// folder is indexed from nothing (the cache is named after its path), and
// its pieces were all "there from the start": one not yet seen by a saved
// search was no longer new (a helper's report), though the searches'
// opened times follow the move (state's adoptMovedArchive). The caller
// takes its times only when most of the archive's pieces are that
// archive's (movedTimes).
func movedCache(dir, name string) (gen, archiveName string) {
	base := filepath.Base(dir)
	i := strings.LastIndexByte(base, '-')
	if i < 0 || !filepath.IsAbs(name) {
		return "", ""
	}
	entries, _ := os.ReadDir(filepath.Dir(dir)) // not a glob: the parent may hold [ or * (a review)
	for _, e := range entries {
		other := filepath.Join(filepath.Dir(dir), e.Name())
		if other == dir || !e.IsDir() || !strings.HasPrefix(e.Name(), base[:i+1]) || len(e.Name()) != len(base) {
			continue
		}
		g := readCurrent(other)
		if g == "" {
			continue
		}
		m, err := readManifest(filepath.Join(other, g))
		if err != nil || m.Archive == "" || cacheKey(m.Archive) != e.Name() || filepath.Base(m.Archive) != filepath.Base(name) {
			continue // another base name cut to the same 40 bytes (a review)
		}
		if _, err := os.Stat(m.Archive); !errors.Is(err, fs.ErrNotExist) {
			continue // still there: another archive of the same name
		}
		if gen != "" {
			return "", "" // two gone: neither
		}
		gen, archiveName = filepath.Join(other, g), m.Archive
	}
	return gen, archiveName
}

// movedTimes are addedIn's of the generation gen of a moved archive
// (movedCache) when more than half the files of this archive have an ID
// it indexed: a folder deleted and another of its name made, or this
// archive's own cache deleted after pieces were added to it, is not the
// moved folder (a review: both counted pieces seen as new again).
func movedTimes(gen, name string, files []archive.FileInfo) (map[string]carriedPiece, carriedHead) {
	carried, head := addedIn(gen, name)
	if len(carried) == 0 {
		return nil, carriedHead{}
	}
	known := 0
	for _, f := range files {
		if _, ok := carried[archive.IDFromPath(f.Path)]; ok {
			known++
		}
	}
	if 2*known <= len(files) {
		return nil, carriedHead{}
	}
	return carried, head
}

// eachPiece calls f with the path and entry of each piece m records:
// each indexed file's, then (held true) each piece an unusable file holds
// (fileEntry.Held) whose ID taken, asked as f is called, does not have. A
// piece whose file is unusable for now, given again under its ID (which
// the file keeps: assignIDs), keeps its time.
func (m *manifest) eachPiece(taken func(id string) bool, f func(path string, e fileEntry, held bool)) {
	for p, e := range m.Files {
		if e.Indexed && e.ID != "" {
			f(p, e, false)
		}
	}
	for p, e := range m.Files {
		if e.Fatal && e.Held && e.ID != "" && !taken(e.ID) {
			f(p, e, true)
		}
	}
}

// carriedHead is what a build from scratch keeps of the head of the
// manifest before it (addedIn): its departed and renamed pieces and the
// latest stamp its updates gave (manifestHead.Stamped).
type carriedHead struct {
	departed []departed
	renamed  []Rename
	stamped  int64
}

// addedIn reads the times of the pieces indexed in the generation folder
// dir, whatever its schema, when its manifest is of the archive named
// name and can be read (nil otherwise), and the pieces that manifest
// keeps as departed and renamed, which a build from scratch keeps too (a
// review: after folio index --rebuild a piece back counted new), with
// the latest stamp given (its pieces stamped later: a piece deleted
// before the rebuild, and the clock gone back, leaves nothing new unsaid).
func addedIn(dir, name string) (map[string]carriedPiece, carriedHead) {
	m, err := readManifest(dir)
	if err != nil || m.Archive != name || m.loadFiles() != nil {
		return nil, carriedHead{}
	}
	out := make(map[string]carriedPiece, len(m.Files))
	m.eachPiece(func(id string) bool { _, ok := out[id]; return ok }, func(p string, e fileEntry, _ bool) {
		out[e.ID] = carriedPiece{added: e.Added, print: e.Print, path: p}
	})
	return out, carriedHead{departed: m.Departed, renamed: m.Renamed, stamped: m.Stamped}
}

// NewSince returns the IDs of the pieces first indexed after t, sorted
// (see added.go for what is known of when a piece was indexed).
func (ix *Index) NewSince(t time.Time) []string {
	ix.inUse.RLock() // the generation stays held while its file is read
	defer ix.inUse.RUnlock()
	ix.mu.RLock()
	l := ix.lengths
	ix.mu.RUnlock()
	after := int64(0)
	if !t.IsZero() {
		after = t.UnixNano()
	}
	var ids []string
	if err := l.each(func(id []byte, added int64) {
		if added > after {
			ids = append(ids, string(id))
		}
	}); err != nil {
		return nil // unreadable: none known to be new (not those of the blocks before the damage)
	}
	return ids
}

// IndexTime is the latest time a piece of the open index was first
// indexed: a piece indexed later is new since then (NewSince). It is
// zero when every piece was there from the start.
func (ix *Index) IndexTime() time.Time {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	ix.mu.RLock()
	l := ix.lengths
	ix.mu.RUnlock()
	var latest int64
	if l.each(func(_ []byte, added int64) { latest = max(latest, added) }) != nil {
		return time.Time{} // cannot tell
	}
	if latest == 0 {
		return time.Time{}
	}
	return time.Unix(0, latest).UTC()
}

// IDs returns, sorted, the IDs of the indexed pieces keep accepts, read
// from the lengths file (no search; 100k IDs are a few MB), stopping after
// most of them when most is above 0 (the rest are still read). An error when the file cannot be read
// whole.
func (ix *Index) IDs(keep func(id string) bool, most int) ([]string, error) {
	ix.inUse.RLock() // the generation stays held while its file is read
	defer ix.inUse.RUnlock()
	ix.mu.RLock()
	l := ix.lengths
	ix.mu.RUnlock()
	var ids []string
	err := l.each(func(id []byte, _ int64) {
		if (most <= 0 || len(ids) < most) && keep(string(id)) {
			ids = append(ids, string(id))
		}
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// NewOf is what may be new of the query q since t (a saved search last
// opened at t): the pieces first indexed after t, among q.IDs when q has
// them (its reading filters, say), less those StandingOf leaves out. Those
// q finds are new. The saved search's `--new` (cli) and the reader's marks
// of new pieces (ui) both ask it.
func (ix *Index) NewOf(ctx context.Context, q Query, t time.Time) ([]string, error) {
	fresh := ix.NewSince(t)
	if q.IDs != nil {
		fresh = slices.DeleteFunc(fresh, notIn(q.IDs))
	}
	return ix.StandingOf(ctx, q, fresh)
}

// notIn reports, for an ID, whether it is not among ids.
func notIn(ids []string) func(string) bool {
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return func(id string) bool { return !set[id] }
}

// StandingOf is ids (a saved search's new pieces, say) less the pieces of
// the groups of copies q had before them, with copies collapsed
// (Query.CollapseCopies): a piece of ids is left out when a piece of its
// group that is not among ids matches q. Such a group was among q's
// results already, whichever of its pieces stands for it now: a new copy
// dated after the piece seen is left out of q's results, and one dated
// before it stands for the group in its place, the text seen before
// under another date (an attack: a copy of 1989 of a text of 1990 made
// "1 new", and `--new` printed it). In what is left, each group's pieces
// that q matches are all among ids, so q restricted to them, collapsed,
// counts each new group once, as the piece q's own hits show for it; q
// restricted to ids alone would count a new copy of an old text, as the
// restriction comes before the collapse. Without CollapseCopies, ids.
func (ix *Index) StandingOf(ctx context.Context, q Query, ids []string) ([]string, error) {
	if !q.CollapseCopies || len(ids) == 0 || !ix.hasCopies() {
		return ids, nil
	}
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	// the other pieces of the groups of ids: those q matches were seen
	others := map[string]bool{}
	for _, id := range ids {
		for _, c := range ix.Copies(id) {
			if !in[c.ID] {
				others[c.ID] = true
			}
		}
	}
	within := slices.Sorted(maps.Keys(others))
	if q.IDs != nil {
		within = slices.DeleteFunc(within, notIn(q.IDs))
	}
	if len(within) == 0 {
		return ids, nil
	}
	// each piece of them q matches, copies not collapsed: any of a group
	// says the group was there
	q.IDs, q.CollapseCopies = within, false
	q.Mode, q.Sort, q.Typing, q.Snippets = ModeHits, SortRelevance, false, 0
	seen := map[string]bool{}
	for q.Offset = 0; ; q.Offset += MaxLimit {
		q.Limit = MaxLimit
		r, err := ix.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, h := range r.Hits {
			for _, c := range ix.Copies(h.ID) {
				seen[c.ID] = true
			}
		}
		if len(r.Hits) == 0 || q.Offset+len(r.Hits) >= r.Total {
			break
		}
	}
	return slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return seen[id] }), nil
}
