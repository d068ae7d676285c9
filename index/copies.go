package index

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unsafe"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/neardup"
)

// Republished copies (archive.Copies) are found when the index is built:
// each file's entry in the manifest keeps the piece's copyEntry (its
// sketch: about 600 bytes), and summarize groups the entries, so an
// archive that changed is regrouped without reading its other files, and
// one that did not finds its groups in the manifest's head.
//
// While a build on disk runs, the sketches of the pieces it indexes are
// not kept in memory (512 MB for 1M pieces) but appended to a file of the
// generation being made (sketchSpill); grouping reads each one's smallest
// values, and the sketches of the pairs it compares; the manifest is
// written a chunk of entries at a time with their sketches read back.

// copyEntry is what the manifest keeps of a piece to find its copies.
type copyEntry struct {
	Title, Outlet, Date, URL string
	Words                    int
	Sketch                   []byte // neardup.Sketch, little-endian; nil while spilled
	// spilled is where Sketch is in the build's sketchSpill, plus one; 0
	// when it is not there
	spilled int64
	length  int32 // of Sketch, while spilled
}

// spillName is the file of the sketches spilled by a build, in the
// generation's folder until its manifest is written.
const spillName = "sketches.tmp"

// sketchSpill is the file a build appends the sketches it makes to.
type sketchSpill struct {
	f   *os.File
	w   *bufio.Writer
	end int64
}

func newSketchSpill(dir string) (*sketchSpill, error) {
	f, err := os.Create(filepath.Join(dir, spillName))
	if err != nil {
		return nil, err
	}
	return &sketchSpill{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// put moves c's sketch to the file.
func (s *sketchSpill) put(c *copyEntry) error {
	if len(c.Sketch) == 0 {
		return nil
	}
	if _, err := s.w.Write(c.Sketch); err != nil {
		return err
	}
	c.spilled, c.length = s.end+1, int32(len(c.Sketch))
	s.end += int64(len(c.Sketch))
	c.Sketch = nil
	return nil
}

// sketch reads c's sketch back, into a new slice.
func (s *sketchSpill) sketch(c *copyEntry) ([]byte, error) {
	if c.spilled == 0 {
		return c.Sketch, nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	b := make([]byte, c.length)
	_, err := s.f.ReadAt(b, c.spilled-1)
	return b, err
}

// filled is files with each spilled sketch read back, for the manifest;
// files are left as they are.
func (s *sketchSpill) filled(files map[string]fileEntry, errp *error) iter.Seq2[string, fileEntry] {
	return func(yield func(string, fileEntry) bool) {
		for p, e := range files {
			if s != nil && e.Copy != nil && e.Copy.spilled != 0 {
				c := *e.Copy
				sk, err := s.sketch(&c)
				if err != nil {
					*errp = err
					return
				}
				c.Sketch, c.spilled, c.length = sk, 0, 0
				e.Copy = &c
			}
			if !yield(p, e) {
				return
			}
		}
	}
}

func (s *sketchSpill) remove() {
	if s != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
}

func copyEntryOf(a archive.Article) *copyEntry {
	k := archive.KeyOf(a)
	sk := make([]byte, 0, 4*len(k.Sketch))
	for _, v := range k.Sketch {
		sk = binary.LittleEndian.AppendUint32(sk, v)
	}
	return &copyEntry{Title: k.Title, Outlet: k.Outlet, Date: k.Date, URL: k.URL, Words: k.Words, Sketch: sk}
}

// key is the CopyKey of the piece id. Its sketch is c's own bytes seen as
// values where they can be (a little-endian machine, the bytes aligned), so
// that grouping 1M pieces does not copy their 512 MB of sketches; else a
// copy.
func (c *copyEntry) key(id string) archive.CopyKey {
	k := archive.CopyKey{ID: id, Title: c.Title, Outlet: c.Outlet, Date: c.Date, URL: c.URL, Words: c.Words}
	if n := len(c.Sketch) / 4; n > 0 {
		if littleEndian && uintptr(unsafe.Pointer(&c.Sketch[0]))%4 == 0 {
			k.Sketch = neardup.Sketch(unsafe.Slice((*uint32)(unsafe.Pointer(&c.Sketch[0])), n))
			return k
		}
		k.Sketch = make(neardup.Sketch, n)
		for i := range k.Sketch {
			k.Sketch[i] = binary.LittleEndian.Uint32(c.Sketch[4*i:])
		}
	}
	return k
}

var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// copyMember is one piece of a group in the manifest's head.
type copyMember struct {
	ID, Title, Outlet, Date, Why string
}

// copyGroups groups the indexed pieces of files, whose sketches may be
// in spill.
func copyGroups(files map[string]fileEntry, spill *sketchSpill) ([][]copyMember, error) {
	n := 0
	for _, e := range files {
		if e.Indexed && e.Copy != nil {
			n++
		}
	}
	keys := make([]archive.CopyKey, 0, n)
	entries := make([]*copyEntry, 0, n) // of the keys
	for _, e := range files {
		if e.Indexed && e.Copy != nil {
			keys = append(keys, e.Copy.key(e.ID))
			entries = append(entries, e.Copy)
		}
	}
	var err error
	sketch := func(i int) neardup.Sketch {
		c := entries[i]
		if c.spilled == 0 || spill == nil {
			return keys[i].Sketch
		}
		b, rerr := spill.sketch(c)
		if rerr != nil {
			err = cmp.Or(err, rerr)
			return nil
		}
		return (&copyEntry{Sketch: b}).key("").Sketch
	}
	groups := archive.CopiesWith(keys, sketch)
	if err != nil {
		return nil, err
	}
	var out [][]copyMember
	for _, g := range groups {
		var ms []copyMember
		for _, c := range g {
			k := keys[c.Index]
			ms = append(ms, copyMember{ID: k.ID, Title: k.Title, Outlet: k.Outlet, Date: k.Date, Why: c.Why})
		}
		out = append(out, ms)
	}
	return out, nil
}

// Copy is one piece of a group of republished copies.
type Copy struct {
	ID     string
	Title  string
	Outlet string
	Date   archive.Date
	Why    string // how it matches the group's first piece ("text 93% alike"); "" for the first
}

// copies is the groups of an index version, for lookups.
type copies struct {
	groups  [][]copyMember
	groupOf map[string]int
	members []string // of every group
	others  []string // every piece but the first of its group
}

func newCopies(groups [][]copyMember) *copies {
	c := &copies{groups: groups, groupOf: map[string]int{}}
	for i, g := range groups {
		for j, m := range g {
			c.groupOf[m.ID] = i
			c.members = append(c.members, m.ID)
			if j > 0 {
				c.others = append(c.others, m.ID)
			}
		}
	}
	return c
}

func (c *copies) group(i int) []Copy {
	out := make([]Copy, len(c.groups[i]))
	for j, m := range c.groups[i] {
		out[j] = Copy{ID: m.ID, Title: m.Title, Outlet: m.Outlet, Date: parseStoredDate(m.Date), Why: m.Why}
	}
	return out
}

// Copies is the group of republished copies the piece id is one of, the
// earliest first (the piece that stands for the group when copies are
// collapsed); nil when it has no copy.
func (ix *Index) Copies(id string) []Copy {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil {
		return nil
	}
	i, ok := c.groupOf[id]
	if !ok {
		return nil
	}
	return c.group(i)
}

// otherCopies is the group of id without id.
func (ix *Index) otherCopies(id string) []Copy {
	g := ix.Copies(id)
	if g == nil {
		return nil
	}
	return slices.DeleteFunc(g, func(c Copy) bool { return c.ID == id })
}

// CopyGroups are all the groups of republished copies, each earliest
// first, in the order of their first pieces.
func (ix *Index) CopyGroups() [][]Copy {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil {
		return nil
	}
	out := make([][]Copy, len(c.groups))
	for i := range c.groups {
		out[i] = c.group(i)
	}
	return out
}

// collapsed is restrict with the restriction of collapse for the query c
// and its filters, when one is needed.
func (ix *Index) collapsed(ctx context.Context, c compiled, filters map[string]query.Query, restrict []query.Query) ([]query.Query, memberValues, error) {
	hasText := len(c.must) > 0 || len(c.mustNot) > 0
	r, mv, err := ix.collapse(ctx, combine(c.must, c.mustNot, c.should, filters, restrict, ""),
		!hasText && len(filters) == 0 && len(restrict) == 0)
	if err != nil || r == nil {
		return restrict, mv, err
	}
	return append(restrict, r), mv, nil
}

// collapsedFor is collapsed for the query compiled as c, with its
// filters and restrict (filterQueries'), by archive.CollapseCopiesIn's
// rule: the pieces standing for their groups are chosen without the
// query's period (pf, periodFree's of filters and restrict), which then
// keeps those in it. mv is what the collapse read, the matches of np; np,
// when the query has a period, is the query without it (else nil, and mv
// of the query).
func (ix *Index) collapsedFor(ctx context.Context, c compiled, filters map[string]query.Query, restrict []query.Query, pf periodless) ([]query.Query, memberValues, query.Query, error) {
	if !pf.period {
		r, mv, err := ix.collapsed(ctx, c, filters, restrict)
		return r, mv, nil, err
	}
	n := len(pf.restrict)
	r, mv, err := ix.collapsed(ctx, c, pf.filters, slices.Clone(pf.restrict))
	if err != nil {
		return nil, nil, nil, err
	}
	return append(slices.Clone(restrict), r[n:]...), mv, combine(c.must, c.mustNot, c.should, pf.filters, pf.restrict, ""), nil
}

// periodless is a query's filters and restrictions without its period
// (periodFree); period says it has one (else filters and restrict are the
// query's own).
type periodless struct {
	filters  map[string]query.Query
	restrict []query.Query
	period   bool
}

// periodFree is filters and restrict, filterQueries' of a query, without
// its period: its Years and Months filters and its restrictions to From
// and To (isPeriod), wherever they stand in restrict. A search computes it
// once, for its collapse of copies (collapsedFor) and its facets'
// (facetSearches.start).
func periodFree(filters map[string]query.Query, restrict []query.Query) periodless {
	if filters[fYear] == nil && filters[fMonth] == nil && !slices.ContainsFunc(restrict, isPeriod) {
		return periodless{filters, restrict, false}
	}
	uf := maps.Clone(filters)
	delete(uf, fYear)
	delete(uf, fMonth)
	return periodless{uf, slices.DeleteFunc(slices.Clone(restrict), isPeriod), true}
}

// isPeriod reports whether the restriction r is one of a query's period
// (dateRestrictions': From or To, on a piece's start or end date).
func isPeriod(r query.Query) bool {
	d, ok := r.(*query.DateRangeQuery)
	return ok && (d.Field() == fDateStart || d.Field() == fDateEnd)
}

// memberValues are the facet values of each piece of a group of copies
// that matches a query, by id.
type memberValues map[string][]string

// matchingMembers reads, in one pass, the pieces of the groups of copies
// that match q and their facet values; nil when the index has no copies.
func (ix *Index) matchingMembers(ctx context.Context, q query.Query) (memberValues, error) {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil || len(c.groups) == 0 {
		return nil, nil
	}
	bix, err := ix.bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := bix.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	within := query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(c.members)})
	s, err := within.Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	dvr, err := r.DocValueReader([]string{fFacets})
	if err != nil {
		return nil, err
	}
	// the facet values of each group piece that matches q, read in one pass
	values := memberValues{}
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		id, err := r.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		var vs []string
		if err := dvr.VisitDocValues(dm.IndexInternalID, func(_ string, t []byte) { vs = append(vs, string(t)) }); err != nil {
			return nil, err
		}
		values[id] = vs
		sctx.DocumentMatchPool.Put(dm)
	}
	return values, nil
}

// hasCopies reports whether the index has a group of copies.
func (ix *Index) hasCopies() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.copies != nil && len(ix.copies.groups) > 0
}

// addCollapsedValues adds to counter, which counted the facets of q's
// hits with copies collapsed (of each group, the piece standing for it when
// it matches q: Query.CollapseCopies), the values that only the pieces the
// collapse left out have: for each group and each value of a piece of it
// that matches np (q without its period; nil when q has none) and not of
// an earlier one, once, when that piece matches q. A value's count is then
// the groups (a piece without copies is a group of one) of which the
// earliest piece with it that matches the rest of q lies in q's period,
// which is what the value's filter finds, collapsed: the count shown is
// the count a click on it gives. (The counts of one field can then add up
// to more than the total: a group whose copies ran in two outlets counts
// for both.) No period (year, undated, month, week) of the pieces left out
// is added: a group is in the period of the piece standing for it alone,
// as a filter to a period keeps it (archive.CollapseCopiesIn), and the
// periods' counts add up to the total. mv is what matchingMembers found
// for np (q when nil), nil when it is to be read.
func (ix *Index) addCollapsedValues(ctx context.Context, q, np query.Query, mv memberValues, counter *facetCounter) error {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil || len(c.groups) == 0 {
		return nil
	}
	if mv == nil {
		var err error
		if mv, err = ix.matchingMembers(ctx, cmpOr(np, q)); err != nil {
			return err
		}
	}
	inPeriod := func(string) bool { return true }
	if np != nil {
		pm, err := ix.matchingMembers(ctx, q)
		if err != nil {
			return err
		}
		inPeriod = func(id string) bool { _, ok := pm[id]; return ok }
	}
	// a value as it is shown: the values one by their field's key
	// (archive.FieldKey) are one (mergeCases adds their counts up)
	shown := func(v string) string {
		code, val, _ := strings.Cut(v, ":")
		if s, ok := counter.cases[fieldOfCode[code]][val]; ok {
			return code + ":" + s
		}
		return v
	}
	period := func(v string) bool {
		code, _, _ := strings.Cut(v, ":")
		return code == facetCodes[fYear] || code == facetCodes[fMonth] || code == facetCodes[fWeek]
	}
	for _, g := range c.groups {
		var kept map[string]bool // the values of the group's pieces so far
		for _, m := range g {
			vs, ok := mv[m.ID]
			if !ok {
				continue
			}
			if kept == nil {
				// the piece standing for the group: counted by the
				// hits when it is one
				kept = make(map[string]bool, len(vs))
				for _, v := range vs {
					kept[shown(v)] = true
				}
				continue
			}
			in := inPeriod(m.ID)
			for _, v := range vs {
				if period(v) {
					continue
				}
				k := shown(v)
				if kept[k] {
					continue
				}
				kept[k] = true // once a group, by its earliest piece with it
				if !in {
					continue
				}
				if i, ok := counter.pos[v]; ok {
					counter.counts[i]++
				} else {
					if counter.extra == nil {
						counter.extra = map[string]int{}
					}
					counter.extra[v]++
				}
			}
		}
	}
	return nil
}

// collapse is the restriction that leaves out, of each group of copies,
// every piece matching q but the earliest that does (see
// Query.CollapseCopies), with the matching pieces' facet values; nil when
// nothing is left out. all says q matches
// every piece: then every piece but each group's first is left out without
// a search.
func (ix *Index) collapse(ctx context.Context, q query.Query, all bool) (query.Query, memberValues, error) {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil || len(c.groups) == 0 {
		return nil, nil, nil
	}
	var out []string
	var mv memberValues
	if all {
		out = c.others
	} else {
		var err error
		if mv, err = ix.matchingMembers(ctx, q); err != nil {
			return nil, nil, err
		}
		for _, g := range c.groups {
			kept := false
			for _, m := range g {
				if _, ok := mv[m.ID]; ok {
					if kept {
						out = append(out, m.ID)
					}
					kept = true
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, mv, nil
	}
	return query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery(slices.Clone(out))}), mv, nil
}
