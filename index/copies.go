package index

import (
	"context"
	"encoding/binary"
	"slices"
	"unsafe"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/neardup"
)

// Republished copies (archive.Copies) are found when the index is built:
// each file's entry in the manifest keeps the piece's copyEntry (its
// sketch: about 600 bytes), and summarize groups the entries, so an
// archive that changed is regrouped without reading its other files, and
// one that did not finds its groups in the manifest's head.

// copyEntry is what the manifest keeps of a piece to find its copies.
type copyEntry struct {
	Title, Outlet, Date, URL string
	Words                    int
	Sketch                   []byte // neardup.Sketch, little-endian
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

// copyGroups groups the indexed pieces of files.
func copyGroups(files map[string]fileEntry) [][]copyMember {
	n := 0
	for _, e := range files {
		if e.Indexed && e.Copy != nil {
			n++
		}
	}
	keys := make([]archive.CopyKey, 0, n)
	for _, e := range files {
		if e.Indexed && e.Copy != nil {
			keys = append(keys, e.Copy.key(e.ID))
		}
	}
	var out [][]copyMember
	for _, g := range archive.Copies(keys) {
		var ms []copyMember
		for _, c := range g {
			k := keys[c.Index]
			ms = append(ms, copyMember{ID: k.ID, Title: k.Title, Outlet: k.Outlet, Date: k.Date, Why: c.Why})
		}
		out = append(out, ms)
	}
	return out
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

// collapse is the restriction that leaves out, of each group of copies,
// every piece matching q but the earliest that does (see
// Query.CollapseCopies); nil when nothing is left out. all says q matches
// every piece: then every piece but each group's first is left out without
// a search.
func (ix *Index) collapse(ctx context.Context, q query.Query, all bool) (query.Query, error) {
	ix.mu.RLock()
	c := ix.copies
	ix.mu.RUnlock()
	if c == nil || len(c.groups) == 0 {
		return nil, nil
	}
	var out []string
	if all {
		out = c.others
	} else {
		within := query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(c.members)})
		hits, _, err := ix.collect(ctx, within, len(c.members), 0, []string{"_id"}, nil)
		if err != nil {
			return nil, err
		}
		matched := map[string]bool{}
		for _, h := range hits {
			matched[h.ID] = true
		}
		for _, g := range c.groups {
			kept := false
			for _, m := range g {
				if matched[m.ID] {
					if kept {
						out = append(out, m.ID)
					}
					kept = true
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return query.NewBooleanQuery(nil, nil, []query.Query{query.NewDocIDQuery(slices.Clone(out))}), nil
}
