package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// queryKey identifies a query for the result cache.
func queryKey(q Query) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%q|%q|%q|%q|%q|%q|%q|", q.Text, q.Tags, q.Outlets, q.Authors, q.Kinds, q.Languages, q.Years, q.Months)
	if q.IDs != nil {
		fmt.Fprintf(&b, "ids%q", q.IDs)
	}
	if len(q.ExcludeIDs) > 0 {
		fmt.Fprintf(&b, "|not%q", q.ExcludeIDs)
	}
	if q.Pinned {
		b.WriteString("|pinned")
	}
	if q.Suggest {
		b.WriteString("|suggest")
	}
	if q.hitsFacets {
		b.WriteString("|hitsfacets")
	}
	fmt.Fprintf(&b, "|%d|%d|%t|%d|%d|%d|%d|%t|%t", q.From.UnixNano(), q.To.UnixNano(), q.Within, q.Sort, q.Offset, q.Limit, q.Mode, q.Typing, q.CollapseCopies)
	if n := q.SnippetHits(); n >= 0 && q.Mode != ModeFacets && q.Mode != ModeCount { // no hits: no snippets
		fmt.Fprintf(&b, "|snippets%d", n)
	}
	return b.String()
}

// matchKey identifies the matches of a query: its key without the page,
// the sort and the parts computed.
func matchKey(q Query) string {
	q.Offset, q.Limit, q.Sort, q.Mode, q.Snippets = 0, 0, SortRelevance, ModeAll, 0
	return queryKey(q)
}

// resultCache keeps recent results of this index version: typing and
// deleting a letter, paging back, reopening a list cost nothing. It keeps
// too, apart, the number of matches of as many recent queries (putTotal),
// whatever was asked of them: a count of the same matches (ModeCount, the
// reader's Reading counts) is then no search.
type resultCache struct {
	mu      sync.Mutex
	max     int
	results recent[Results]
	totals  recent[int] // by matchKey
}

// recent holds the last values put, by key, at most max of them: the
// oldest put goes first.
type recent[V any] struct {
	order []string // oldest first
	m     map[string]V
}

func (r *recent[V]) put(max int, k string, v V) {
	if r.m == nil {
		r.m = map[string]V{}
	}
	if _, ok := r.m[k]; !ok {
		r.order = append(r.order, k)
		if len(r.order) > max {
			delete(r.m, r.order[0])
			r.order = r.order[1:]
		}
	}
	r.m[k] = v
}

func newResultCache(n int) *resultCache { return &resultCache{max: n} }

func (c *resultCache) get(k string) (Results, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.results.m[k]
	if ok {
		r.Hits = slices.Clone(r.Hits)
	}
	return r, ok
}

func (c *resultCache) put(k string, r Results) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r.Hits = slices.Clone(r.Hits)
	c.results.put(c.max, k, r)
}

// total is the number of matches a search of the matches k found (k a
// matchKey), if one is kept.
func (c *resultCache) total(k string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.totals.m[k]
	return n, ok
}

// putTotal keeps n, the number of matches of matchKey k that a search
// counted to its end.
func (c *resultCache) putTotal(k string, n int) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.totals.put(c.max, k, n)
}

func (c *resultCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results, c.totals = recent[Results]{}, recent[int]{}
}
