package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// This file holds every tea.Cmd that does I/O: it is the only place that
// calls the Searcher, Glamour or a browser. Each Cmd runs on its own
// goroutine; it turns a panic from a dependency into an error message, so a
// bad piece shows an error instead of taking the interface down.

// searchDebounce is how long typing must pause before a search starts.
const searchDebounce = 50 * time.Millisecond

// debounceCmd asks for a debounceMsg after the typing pause.
func debounceCmd(seq int) tea.Cmd {
	return tea.Tick(searchDebounce, func(time.Time) tea.Msg { return debounceMsg{seq: seq} })
}

// searchCmd runs q. A search whose ctx was cancelled (a newer query started)
// returns nothing: its answer would be dropped anyway.
func searchCmd(ctx context.Context, s Searcher, q index.Query, gen int) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = resultsMsg{gen: gen, offset: q.Offset, err: fmt.Errorf("search failed: %v", r)}
			}
		}()
		res, err := s.Search(ctx, q)
		if ctx.Err() != nil {
			return nil
		}
		return resultsMsg{gen: gen, offset: q.Offset, results: res, err: err}
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

// renderKey identifies one rendering of a piece: the same piece at another
// width or in another style is another rendering.
type renderKey struct {
	id    string
	width int
	style string
}

// relatedCount is how many related pieces the reader header lists when the
// Searcher can find them.
const relatedCount = 3

// renderCmd loads the full piece and renders it into lines for the reader.
func renderCmd(s Searcher, key renderKey, st Styles) tea.Cmd {
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
		var related []index.Hit
		if rs, ok := s.(RelatedSearcher); ok {
			// Related pieces are a bonus: an error just leaves the list out.
			related, _ = rs.Related(key.id, relatedCount)
		}
		body, err := renderMarkdown(a.Body, key.width, key.style)
		if err != nil {
			// Show the source rather than nothing.
			body = a.Body
		}
		lines := composePiece(a, related, body, key.width, st)
		return renderedMsg{key: key, article: a, lines: lines}
	}
}

// renderMarkdown renders a piece's Markdown body with a fixed Glamour style
// (never "auto", which would query the terminal) wrapped to width.
func renderMarkdown(md string, width int, style string) (string, error) {
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(style),
		glamour.WithWordWrap(max(width, 10)),
	)
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	return strings.Trim(out, "\n"), nil
}

// openURLCmd opens u in the user's browser and reports in the status line.
func openURLCmd(u string) tea.Cmd {
	return func() tea.Msg {
		if err := openURL(u, browserFromEnv()); err != nil {
			return statusMsg{text: err.Error(), isErr: true}
		}
		return statusMsg{text: "Opened in browser: " + ansi.Truncate(u, 60, "…")}
	}
}

// clearStatusCmd clears status message id after d. One timer per message,
// not a ticker: nothing runs while the interface is idle.
func clearStatusCmd(id int, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}

// sanitizeArticle passes every text field through the archive's sanitiser.
// The archive already did so when it loaded the piece; doing it again where
// the text meets the terminal costs microseconds and keeps the reader safe
// with any Searcher.
func sanitizeArticle(a archive.Article) archive.Article {
	a.Title, a.Outlet, a.Kind = archive.SanitizeLine(a.Title), archive.SanitizeLine(a.Outlet), archive.SanitizeLine(a.Kind)
	a.URL, a.Source = archive.SanitizeLine(a.URL), archive.SanitizeLine(a.Source)
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
