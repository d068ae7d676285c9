package ui

// renderCacheSize bounds the rendered pieces kept: enough to go back and
// forth through a page of results, at a few widths, without re-rendering.
const renderCacheSize = 48

// renderCache keeps rendered pieces by (id, width, style), so returning to a
// piece, or a resize back to an earlier width, costs nothing. It evicts the
// oldest entry first.
type renderCache struct {
	entries map[renderKey]renderedMsg
	order   []renderKey
}

func newRenderCache() *renderCache {
	return &renderCache{entries: map[renderKey]renderedMsg{}}
}

func (c *renderCache) get(k renderKey) (renderedMsg, bool) {
	r, ok := c.entries[k]
	return r, ok
}

func (c *renderCache) put(r renderedMsg) {
	if _, ok := c.entries[r.key]; ok {
		return
	}
	if len(c.order) >= renderCacheSize {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	c.entries[r.key] = r
	c.order = append(c.order, r.key)
}
