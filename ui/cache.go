package ui

import tea "charm.land/bubbletea/v2"

// renderCacheSize bounds the rendered pieces kept: enough to go back and
// forth through a page of results, at a few widths, without re-rendering.
const renderCacheSize = 48

// maxRenders bounds the renders running at once, of all pieces: a render
// cannot be stopped, so a reader who opens and leaves pieces faster than
// they render waits for one to end before another starts.
const maxRenders = 2

// renderCache keeps rendered pieces by (id, width, style), so returning to a
// piece, or a resize back to an earlier width, costs nothing. It evicts the
// oldest entry first. It also knows the renders running: one piece is never
// rendered twice at once, whatever the width or style (leaving a piece and
// opening it again waits for the render already running; a resize while it
// runs waits for it too, and the root then renders the width the reader
// has by then, once), and at most maxRenders run at all. A render's result
// is kept even when the reader has moved on, and a later open finds it
// here.
type renderCache struct {
	entries map[renderKey]renderedMsg
	order   []renderKey
	running map[string]running // by piece; shared with the caches that replace this one (renew)
}

// running is a render under way, and the cache it was started for.
type running struct {
	key   renderKey
	cache *renderCache
}

func newRenderCache() *renderCache {
	return &renderCache{entries: map[renderKey]renderedMsg{}, running: map[string]running{}}
}

// renew returns an empty cache that knows the renders still running for
// this one: they hold their piece and their place among maxRenders until
// they come back (and are dropped).
func (c *renderCache) renew() *renderCache {
	return &renderCache{entries: map[renderKey]renderedMsg{}, running: c.running}
}

// start reports whether a render of k must start, and records it as
// running: not when a render of the piece is running already, or
// maxRenders of any.
func (c *renderCache) start(k renderKey) bool {
	if _, ok := c.running[k.id]; ok || len(c.running) >= maxRenders {
		return false
	}
	c.running[k.id] = running{k, c}
	return true
}

// rendering reports whether a render of k for this cache is running: its
// result will be kept here.
func (c *renderCache) rendering(k renderKey) bool {
	r, ok := c.running[k.id]
	return ok && r.key == k && r.cache == c
}

// done records that the render of k for c is back.
func (c *renderCache) done(k renderKey) {
	if r := c.running[k.id]; r.key == k && r.cache == c {
		delete(c.running, k.id)
	}
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
