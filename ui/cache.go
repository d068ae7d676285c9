package ui

import tea "charm.land/bubbletea/v2"

// renderCacheSize bounds the rendered pieces kept: enough to go back and
// forth through a page of results, at a few widths, without re-rendering.
const renderCacheSize = 48

// renderCache keeps rendered pieces by (id, width, style), so returning to a
// piece, or a resize back to an earlier width, costs nothing. It evicts the
// oldest entry first. It also knows the renders running, so that one piece
// is never rendered twice at once (leaving a piece and opening it again
// waits for the render already running; its result is kept even when the
// reader has moved on, and a later open finds it here).
type renderCache struct {
	entries map[renderKey]renderedMsg
	order   []renderKey
	running map[renderKey]bool
}

func newRenderCache() *renderCache {
	return &renderCache{entries: map[renderKey]renderedMsg{}, running: map[renderKey]bool{}}
}

// start reports whether a render of k must start, and records it as
// running: not when one is running already.
func (c *renderCache) start(k renderKey) bool {
	if c.running[k] {
		return false
	}
	c.running[k] = true
	return true
}

// done records that the render of k is back.
func (c *renderCache) done(k renderKey) { delete(c.running, k) }

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

// tag marks the renderedMsg of cmd as started for this cache, so that a
// render still running when a refresh replaces the cache is dropped when it
// comes, rather than kept in the new cache (or shown) as the file is now.
func (c *renderCache) tag(cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if r, ok := msg.(renderedMsg); ok {
			r.cache = c
			return r
		}
		return msg
	}
}
