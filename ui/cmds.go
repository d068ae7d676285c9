package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// This file holds every tea.Cmd that does I/O: it is the only place that
// calls the Searcher, Glamour, a browser or the reading state's Open and
// Save. Each Cmd runs on its own
// goroutine; it turns a panic from a dependency into an error message, so a
// bad piece shows an error instead of taking the interface down.

// searchDebounce is how long typing must pause before a search starts
// when keys come faster than the index answers: the last search took
// slowSearch or more (a million pieces) and the one before the key has
// not answered yet. Otherwise every keystroke searches at once (a newer
// search cancels the older one): measured in tmux at 10k pieces, a 50 ms
// pause after searches of 25 ms or more made the 95th percentile of
// keystroke to results 77 ms; at 1M, keys typed after the answer came
// waited the pause too (a key after a search of 100 ms or more).
const (
	searchDebounce = 50 * time.Millisecond
	slowSearch     = 100 * time.Millisecond
)

// typingPause is how long typing must stop before the query is searched
// as written (its last word no longer also a prefix).
const typingPause = 400 * time.Millisecond

// pauseCmd asks for a typingPausedMsg after the typing pause, through the
// timer of Options.After when there is one (tests deliver it themselves).
func (m Model) pauseCmd(seq int) tea.Cmd {
	d := m.opts.TypingPause
	if d <= 0 {
		d = typingPause
	}
	return m.opts.after(d, typingPausedMsg{seq: seq})
}

// debounceCmd asks for a debounceMsg after the typing pause.
func debounceCmd(after afterFunc, seq int) tea.Cmd {
	return after(searchDebounce, debounceMsg{seq: seq})
}

// searchCmd runs q. A search whose ctx was cancelled (a newer query started)
// returns nothing: its answer would be dropped anyway.
func searchCmd(ctx context.Context, s Searcher, q index.Query, gen int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = resultsMsg{gen: gen, page: true, offset: q.Offset, err: fmt.Errorf("search failed: %v", r)}
			}
		}()
		res, err := s.Search(ctx, q)
		if ctx.Err() != nil {
			return nil
		}
		return resultsMsg{gen: gen, page: true, offset: q.Offset, results: res, err: err}
	}
}

// progressRelay carries index-build progress from whatever goroutine the
// index reports on to the Bubble Tea loop. Reports are coalesced: only the
// latest one matters, so a fast build cannot flood the program.
type progressRelay struct {
	mu          sync.Mutex
	done, total int
	notify      chan struct{}
	finished    chan struct{}
	finishOnce  sync.Once
}

func newProgressRelay() *progressRelay {
	return &progressRelay{notify: make(chan struct{}, 1), finished: make(chan struct{})}
}

func (r *progressRelay) report(done, total int) {
	r.mu.Lock()
	r.done, r.total = done, total
	r.mu.Unlock()
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *progressRelay) finish() { r.finishOnce.Do(func() { close(r.finished) }) }

// progressFrame is the shortest interval between two progress redraws.
const progressFrame = 40 * time.Millisecond

// waitProgressCmd waits for the next progress report. The root issues it
// again after each indexProgressMsg until the index is open; it is not a
// ticker: without reports it sleeps on a channel.
func waitProgressCmd(r *progressRelay) tea.Cmd {
	return func() tea.Msg {
		select {
		case <-r.finished:
			return nil // the index is open: no more progress to show
		default:
		}
		select {
		case <-r.notify:
		case <-r.finished:
			return nil
		}
		// Let a few more reports arrive and show only the latest.
		select {
		case <-time.After(progressFrame):
		case <-r.finished:
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		return indexProgressMsg{done: r.done, total: r.total}
	}
}

// openIndexCmd opens (or builds) the index after the first frame is drawn.
func openIndexCmd(ctx context.Context, open OpenIndexFunc, relay *progressRelay) tea.Cmd {
	return func() (msg tea.Msg) {
		defer relay.finish()
		defer func() {
			if r := recover(); r != nil {
				msg = indexOpenedMsg{err: fmt.Errorf("opening the index failed: %v", r)}
			}
		}()
		if open == nil {
			return indexOpenedMsg{err: errors.New("no index to open")}
		}
		s, info, err := open(ctx, relay.report)
		if err == nil && s == nil {
			err = errors.New("the index opened without a searcher")
		}
		return indexOpenedMsg{searcher: s, info: info, err: err}
	}
}

// refreshIndexCmd brings an index opened as last recorded up to date.
func refreshIndexCmd(ctx context.Context, refresh func(context.Context, func(done, total int)) (Info, bool, error), relay *progressRelay) tea.Cmd {
	return func() (msg tea.Msg) {
		defer relay.finish()
		defer func() {
			if r := recover(); r != nil {
				msg = indexRefreshedMsg{err: fmt.Errorf("refreshing the index failed: %v", r)}
			}
		}()
		info, changed, err := refresh(ctx, relay.report)
		return indexRefreshedMsg{info: info, changed: changed, err: err}
	}
}

// renderKey identifies one rendering of a piece: the same piece at another
// width or in another style is another rendering.
type renderKey struct {
	id    string
	width int
	style string
}

// relatedCount is how many related pieces the reader header lists when the
// Searcher can find them (and r walks through).
const relatedCount = 4

// renderStarted, when set (by tests), is called with the key of every
// render Cmd made.
var renderStarted func(renderKey)

// renderCmd loads the full piece and renders it into lines for the reader.
func renderCmd(s Searcher, key renderKey, st Styles) tea.Cmd {
	if renderStarted != nil {
		renderStarted(key)
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = renderedMsg{key: key, err: fmt.Errorf("rendering failed: %v", r)}
			}
		}()
		a, err := s.Article(key.id)
		if err != nil {
			return renderedMsg{key: key, err: err}
		}
		a = sanitizeArticle(a)
		// Related pieces are found while Glamour renders (on another core).
		var related []index.Hit
		var said relatedNote // why they are by tags only, or none could be
		var wg sync.WaitGroup
		if rs, ok := s.(RelatedSearcher); ok {
			wg.Go(func() {
				defer func() {
					if r := recover(); r != nil {
						related, said = nil, relatedNote{failed: "it failed"}
					}
				}()
				// Related pieces are a bonus: an error leaves the list
				// out, saying so in a line, and a list found by tags
				// alone says so too.
				hits, err := rs.Related(key.id, relatedCount)
				var partial *index.TagsOnlyError
				switch {
				case errors.As(err, &partial):
					related, said.tagsOnly = hits, "the index's words could not be read ("+oneLine(termsafe.ErrText(partial.Err))+")"
				case err != nil:
					said.failed = oneLine(termsafe.ErrText(err))
				default:
					related = hits
				}
			})
		}
		// A link to another piece reads as that piece's title.
		md := archive.MarkLinksIn(a.Body, a.Path, a.SiteURLs, func(candidates []string) (string, bool) {
			p, ok := resolveLink(s, candidates)
			return p.Title, ok
		})
		body, note, err := renderMarkdown(md, key.width, key.style)
		if err != nil {
			// Show the source rather than nothing.
			body, note = fitLines(a.Body, key.width), "the piece is shown as Markdown (rendering failed)"
		}
		if note != "" {
			body = append([]string{"  " + st.Hint.Render(truncateCells("Rendering limited: "+note+".", max(key.width-4, 1))), ""}, body...)
		}
		wg.Wait()
		copies := copiesOf(s, key.id)
		lines, bodyStart := composePiece(a, related, said, copies, body, key.width, st)
		return renderedMsg{key: key, article: a, related: related, relatedFailed: said.failed, copies: copies, lines: lines, bodyStart: bodyStart}
	}
}

// openURLCmd opens u in the user's browser and reports in the status line;
// when no browser can be started, the line shows the URL and that y copies
// it.
func openURLCmd(u string) tea.Cmd {
	return func() tea.Msg {
		if err := openURL(u, browserFromEnv()); err != nil {
			if checkURL(u) != nil {
				return statusMsg{text: termsafe.ErrText(err), isErr: true}
			}
			return statusMsg{text: fmt.Sprintf("Could not open %s: press y to copy it (%s)",
				truncateURL(archive.SanitizeLine(u), 60), err), isErr: true}
		}
		return statusMsg{text: "Opened in browser: " + truncateURL(u, 60) + archive.HostNote(u)}
	}
}

// clearStatusCmd clears status message id after d. One timer per message,
// not a ticker: nothing runs while the interface is idle.
func clearStatusCmd(after afterFunc, id int, d time.Duration) tea.Cmd {
	if after == nil { // a statusLine made without New
		after = Options{}.after
	}
	return after(d, clearStatusMsg{id: id})
}

// sanitizeArticle passes every text field through the archive's sanitiser.
// The archive already did so when it loaded the piece; doing it again where
// the text meets the terminal costs microseconds and keeps the reader safe
// with any Searcher.
func sanitizeArticle(a archive.Article) archive.Article {
	a.Title, a.Outlet, a.Kind = archive.SanitizeLine(a.Title), archive.SanitizeLine(a.Outlet), archive.SanitizeLine(a.Kind)
	a.URL, a.Source, a.Language = archive.SanitizeLine(a.URL), archive.SanitizeLine(a.Source), archive.SanitizeLine(a.Language)
	a.Standfirst, a.Note, a.Body = archive.Sanitize(a.Standfirst), archive.Sanitize(a.Note), archive.Sanitize(a.Body)
	a.Authors, a.Tags = slices.Clone(a.Authors), slices.Clone(a.Tags)
	for i := range a.Authors {
		a.Authors[i] = archive.SanitizeLine(a.Authors[i])
	}
	for i := range a.Tags {
		a.Tags[i] = archive.SanitizeLine(a.Tags[i])
	}
	return a
}

// newSearchCmd runs the first page of a new search: the Reading filters are
// resolved into IDs first (in here, because the Unread filter may need the
// list of every piece), and the resolved query comes back with the results.
// book is the quotes, for the Quoted filter; nil before they are open.
func newSearchCmd(ctx context.Context, s Searcher, q index.Query, f readingFilter, rs ReadingState, book QuoteBook, gen int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = resultsMsg{gen: gen, query: q, err: fmt.Errorf("search failed: %v", r)}
			}
		}()
		snap := takeReading(rs, book)
		resolved := applyReading(q, f, snap)
		resolved.Mode = index.ModeHits // the counts are asked for next: facetsCmd
		start := time.Now()
		res, err := s.Search(ctx, resolved)
		if ctx.Err() != nil {
			return nil
		}
		return resultsMsg{gen: gen, query: resolved, results: res, reading: snap, err: err, took: time.Since(start)}
	}
}

// rankCmd finds the row of piece id among q's results (Ranker); at is the
// row the cursor waits at.
func rankCmd(ctx context.Context, r Ranker, q index.Query, id string, at, gen int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if p := recover(); p != nil {
				msg = rankMsg{gen: gen, at: at, id: id}
			}
		}()
		row, ok, err := r.Rank(ctx, q, id, rankMost)
		if ctx.Err() != nil {
			return nil
		}
		return rankMsg{gen: gen, at: at, id: id, row: row, ok: ok && err == nil}
	}
}

// facetsCmd counts the facets of q, whose hits are on screen: the hits of
// a keystroke come first, the counts of the sidebar a moment later.
func facetsCmd(ctx context.Context, s Searcher, q index.Query, gen int) tea.Cmd {
	q.Mode, q.Offset, q.Limit = index.ModeFacets, 0, 0
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = facetsMsg{gen: gen, err: fmt.Errorf("counting failed: %v", r)}
			}
		}()
		res, err := s.Search(ctx, q)
		if ctx.Err() != nil {
			return nil
		}
		return facetsMsg{gen: gen, facets: res.Facets, estimated: res.Estimated, err: err}
	}
}

// copiesCountCmd counts how many of q's matches hiding copies leaves out
// (q counted both ways, the index keeping q's own count from its search):
// the sidebar's "Hide copies" follows the query, as its other counts do.
// The difference of two counts either of which is estimated is estimated.
// It is a message of its own, so that it holds back no other count (a
// review: 7–25 ms more before the facets at 10k pieces).
func copiesCountCmd(ctx context.Context, s Searcher, q index.Query, gen int) tea.Cmd {
	q.Offset, q.Limit = 0, 0
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = nil // the count stays the archive's
			}
		}()
		a := q
		a.Mode = index.ModeCount
		b := a
		b.CollapseCopies = !q.CollapseCopies
		ra, err := s.Search(ctx, a)
		if err != nil || ctx.Err() != nil {
			return nil
		}
		rb, err := s.Search(ctx, b)
		if err != nil || ctx.Err() != nil {
			return nil
		}
		return copiesCountMsg{gen: gen, hidden: max(ra.Total, rb.Total) - min(ra.Total, rb.Total), estimated: ra.Estimated || rb.Estimated}
	}
}

// countUnread counts the results of q that are unread, with the other
// Reading filters of f, as count counts a query. Excluding the read pieces
// is a search of every match (at 1M pieces ~100 ms a keystroke, beside the
// next one's search): unless the list is already the unread one (whose
// count is the total the index kept of its search), it is the matches'
// count, which the index kept from the list's search, less the matches
// among the read pieces, a search within a list of IDs. That is the count
// only where a piece's match does not depend on the restrictions:
// subtract is false for a typed query whose answer was
// index.Results.Budgeted (or not known yet), and collapsed copies are
// counted as filtered: a group with a read copy and an unread one is one
// unread result, and one result. count says whether the count it gives is
// estimated (index.Results.Estimated), and so does countUnread: a
// difference is estimated when either of its counts is.
func countUnread(q index.Query, f readingFilter, snap *readingSnapshot, subtract bool, count func(index.Query) (int, bool, error)) (int, bool, error) {
	if !subtract || f.starred || f.unread || q.CollapseCopies || len(snap.read) == 0 {
		return count(applyReading(q, readingFilter{starred: f.starred, unread: true, quoted: f.quoted}, snap))
	}
	all := applyReading(q, readingFilter{quoted: f.quoted}, snap)
	n, nEst, err := count(all)
	if err != nil {
		return 0, false, err
	}
	read := all
	read.IDs = slices.Clone(snap.read)
	if all.IDs != nil { // the quoted pieces that were read
		in := make(map[string]bool, len(all.IDs))
		for _, id := range all.IDs {
			in[id] = true
		}
		read.IDs = slices.DeleteFunc(read.IDs, func(id string) bool { return !in[id] })
	}
	m, mEst, err := count(read)
	return n - m, nEst || mEst, err
}

// applyReading narrows q to what the Reading filters ask: the starred
// pieces (a list of IDs), the unread ones (all but the read ones, which are
// usually far fewer), the quoted ones (a list of IDs), or any of them
// together, as folio search's --starred, --unread and --quoted do.
func applyReading(q index.Query, f readingFilter, snap *readingSnapshot) index.Query {
	if !f.active() || snap == nil {
		return q
	}
	switch {
	case f.starred && f.unread:
		// An empty list must stay non-nil: nil would mean "no restriction".
		q.IDs = append([]string{}, snap.unreadStarred()...)
	case f.starred:
		q.IDs = append([]string{}, snap.starred...)
	case f.unread:
		q.ExcludeIDs = snap.read
	}
	if f.quoted {
		quoted := snap.quoted
		if f.starred {
			quoted = slices.DeleteFunc(slices.Clone(quoted), func(id string) bool { return !slices.Contains(q.IDs, id) })
		}
		q.IDs = append([]string{}, quoted...)
	}
	return q
}

// readingCountsCmd counts the results of q that are starred, unread and
// quoted, as
// they would be with that Reading filter turned on (the way a facet counts
// what choosing it would give). Each count is a search for one hit: only
// its Total is used, and whether it is estimated (a query being typed:
// index.Results.Estimated), which the sidebar marks. The marks counted are
// those of snap, or the reading state's as they are now when snap is nil
// (see refreshCounts).
func readingCountsCmd(ctx context.Context, s Searcher, q index.Query, f readingFilter, rs ReadingState, book QuoteBook, snap *readingSnapshot, subtract bool, gen, seq int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = readingCountsMsg{gen: gen, seq: seq, err: fmt.Errorf("counting failed: %v", r)}
			}
		}()
		if snap == nil {
			snap = takeReading(rs, book)
		}
		countQ := func(cq index.Query) (int, bool, error) {
			cq.Offset, cq.Limit, cq.Mode = 0, 1, index.ModeCount
			res, err := s.Search(ctx, cq)
			return res.Total, res.Estimated, err
		}
		count := func(with readingFilter) (int, bool, error) { return countQ(applyReading(q, with, snap)) }
		var c readingCountsMsg
		var err error
		c.starred, c.starredEst, err = count(readingFilter{starred: true, unread: f.unread, quoted: f.quoted})
		if err != nil {
			return readingCountsMsg{gen: gen, seq: seq, err: err}
		}
		c.unread, c.unreadEst, err = countUnread(q, f, snap, subtract, countQ)
		if err != nil {
			return readingCountsMsg{gen: gen, seq: seq, err: err}
		}
		if len(snap.quoted) > 0 { // no quotes: 0, no search needed to know
			c.quoted, c.quotedEst, err = count(readingFilter{starred: f.starred, unread: f.unread, quoted: true})
		}
		if ctx.Err() != nil {
			return nil
		}
		c.gen, c.seq, c.err = gen, seq, err
		return c
	}
}
