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
	fmt.Fprintf(&b, "%q|%q|%q|%q|%q|%q|%q|", q.Text, q.Tags, q.Outlets, q.Authors, q.Kinds, q.Years, q.Months)
	if q.IDs != nil {
		fmt.Fprintf(&b, "ids%q", q.IDs)
	}
	if len(q.ExcludeIDs) > 0 {
		fmt.Fprintf(&b, "|not%q", q.ExcludeIDs)
	}
	if q.Pinned {
		b.WriteString("|pinned")
	}
	fmt.Fprintf(&b, "|%d|%d|%d|%d|%d|%d|%t|%t", q.From.UnixNano(), q.To.UnixNano(), q.Sort, q.Offset, q.Limit, q.Mode, q.Typing, q.CollapseCopies)
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
// too the number of matches of each query it saw answered (putTotal),
// whatever was asked of it: a count of the same matches (ModeCount, the
// reader's Reading counts when nothing is read) is then no search.
type resultCache struct {
	mu    sync.Mutex
	max   int
	order []string
	m     map[string]Results
}

func newResultCache(n int) *resultCache { return &resultCache{max: n, m: map[string]Results{}} }

func (c *resultCache) get(k string) (Results, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[k]
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
	if _, ok := c.m[k]; !ok {
		c.order = append(c.order, k)
		if len(c.order) > c.max {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	r.Hits = slices.Clone(r.Hits)
	c.m[k] = r
}

// totalKey is the cache's key for the number of matches of matchKey k: no
// queryKey begins with a space (it begins with a quoted string).
func totalKey(k string) string { return " total|" + k }

// total is the number of matches a search of the matches k found (k a
// matchKey), if one is kept.
func (c *resultCache) total(k string) (int, bool) {
	r, ok := c.get(totalKey(k))
	return r.Total, ok
}

// putTotal keeps n, the number of matches of matchKey k that a search
// counted to its end.
func (c *resultCache) putTotal(k string, n int) { c.put(totalKey(k), Results{Total: n}) }

func (c *resultCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.order = nil
	c.m = map[string]Results{}
}
