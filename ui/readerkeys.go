package ui

import (
	"errors"
	"fmt"
	"io/fs"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/termsafe"
)

// The reader's keys: scrolling and finding it does itself; the rest (back,
// marks, citing, related pieces, links, the next piece, the URL) it
// returns as intents.

// update handles a key of the reader. ok is false for a key that is not
// the reader's (the root then tries its own).
func (r reader) update(msg tea.KeyPressMsg, k KeyMap) (reader, tea.Cmd, intent, bool) {
	if r.finding {
		cmd, in := r.findKey(msg, k)
		return r, cmd, in, true
	}
	if r.quoting() {
		cmd, in := r.quoteKey(msg, k)
		return r, cmd, in, true
	}
	if r.findingNow() && key.Matches(msg, k.FindCancel) {
		// esc stops a find still running (a long piece's), in the piece
		r.dropFind()
		return r, nil, sayIntent{text: "Find stopped"}, true
	}
	if in, ok := r.pieceKey(msg, k); ok {
		return r, nil, in, true
	}
	switch {
	case key.Matches(msg, k.ScrollDown):
		r.scroll(1)
	case key.Matches(msg, k.ScrollUp):
		r.scroll(-1)
	case key.Matches(msg, k.ReaderPgDown):
		r.scroll(max(r.bodyHeight()-1, 1))
	case key.Matches(msg, k.ReaderPgUp):
		r.scroll(-max(r.bodyHeight()-1, 1))
	case key.Matches(msg, k.HalfPageDown):
		r.scroll(max(r.bodyHeight()/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		r.scroll(-max(r.bodyHeight()/2, 1))
	case key.Matches(msg, k.ReaderTop):
		r.top()
	case key.Matches(msg, k.ReaderBottom):
		r.bottom()
	case key.Matches(msg, k.Find):
		cmd := r.startFind()
		return r, cmd, nil, true
	case key.Matches(msg, k.FindNext, k.FindPrev):
		return r, nil, r.findAgain(key.Matches(msg, k.FindPrev)), true
	case key.Matches(msg, k.Quote):
		if err := r.failure(); err != nil {
			return r, nil, cannotShow(err), true
		}
		return r, nil, r.startQuote(), true
	default:
		return r, nil, nil, false
	}
	return r, nil, nil, true
}

// pieceKey is the reader's keys that ask the root for something.
func (r reader) pieceKey(msg tea.KeyPressMsg, k KeyMap) (intent, bool) {
	switch {
	case msg.String() == "backspace":
		return backIntent{byBackspace: true}, true
	case key.Matches(msg, k.Links):
		return linksIntent{}, true
	case key.Matches(msg, k.Back):
		return backIntent{}, true
	case key.Matches(msg, k.ToggleRead, k.ToggleStar):
		if r.gone() {
			// no mark for an id the archive no longer has (a helper's
			// report: * said "★ Starred" and the state gained a star the
			// sidebar never counted)
			return sayIntent{text: "This piece is no longer in the archive: nothing marked", isErr: true}, true
		}
		return markIntent{id: r.key.id, star: key.Matches(msg, k.ToggleStar)}, true
	case key.Matches(msg, k.Cite):
		return citeIntent{id: r.key.id}, true
	case key.Matches(msg, k.Related):
		return relatedIntent{}, true
	case key.Matches(msg, k.NextCopy):
		return nextCopyIntent{}, true
	case key.Matches(msg, k.NextPiece):
		return stepIntent{d: 1}, true
	case key.Matches(msg, k.PrevPiece):
		return stepIntent{d: -1}, true
	case key.Matches(msg, k.OpenURL, k.CopyURL):
		return urlIntent{url: r.url(), copy: key.Matches(msg, k.CopyURL)}, true
	}
	return nil, false
}

// findKey handles a key while the find box has the keyboard: enter finds,
// esc cancels, up recalls the last term; the rest is typed.
func (r *reader) findKey(msg tea.KeyPressMsg, k KeyMap) (tea.Cmd, intent) {
	switch {
	case key.Matches(msg, k.FindAccept):
		return r.endFind(true)
	case key.Matches(msg, k.FindCancel):
		r.endFind(false)
	case msg.String() == "up":
		r.recallFind()
	default:
		return r.updateFind(msg), nil
	}
	return nil, nil
}

// updateFind gives a message to the find box, or to the quote's note
// prompt when it has the keyboard.
func (r *reader) updateFind(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if r.quote.noting {
		r.quote.input, cmd = r.quote.input.Update(msg)
		return cmd
	}
	r.findInput, cmd = r.findInput.Update(msg)
	return cmd
}

// findAgain is n (or, with prev, N): the next match of the last find.
func (r *reader) findAgain(prev bool) intent {
	dir := 1
	if prev {
		dir = -1
	}
	if r.findQuery == "" {
		return sayIntent{text: "Press / to find in this piece"}
	}
	if r.findingNow() {
		// the count is not in yet: the first match from the screen's top
		// is shown when it is (49r: n said "not in this piece" of a word
		// the find then counted 80 times)
		r.find.jump = true
		return sayIntent{text: fmt.Sprintf("Still finding “%s”…", r.findQuery)}
	}
	if !r.nextMatch(dir) {
		return r.notFound()
	}
	return nil
}

func (r reader) notFound() intent {
	return sayIntent{text: fmt.Sprintf("“%s” is not in this piece", r.findQuery)}
}

// url is the URL of the open piece: its original, else its source.
func (r reader) url() string {
	if r.ready && r.article.ID != "" {
		return r.article.Link()
	}
	return r.hit.URL
}

// pieceID is the piece open (or opening) in the reader; "" for none.
func (r reader) pieceID() string { return r.key.id }

// typing reports whether the find box or the quote's note prompt has the
// keyboard.
func (r reader) typing() bool { return r.finding || r.quote.noting }

// plainLines are the rendering's lines without styling.
func (r reader) plainLines() []string { return r.plain }

// The reader as the root sees it: the piece, its place in the results, its
// rendering, and where reading stopped.

// at is the place in the results of the piece open (for ] and [).
func (r reader) at() int { return r.index }

// piece is the hit open in the reader.
func (r reader) piece() index.Hit { return r.hit }

// loaded reports whether the piece is rendered (or failed to be).
func (r reader) loaded() bool { return r.ready }

// failure is why the open piece could not be shown (its file gone or
// unreadable), once its rendering failed; nil otherwise.
func (r reader) failure() error {
	if !r.ready {
		return nil
	}
	return r.err
}

// gone reports whether the open piece could not be shown because it is no
// longer in the archive: the index no longer holds it, or its file is not
// there (removed, the index not yet told). A file that cannot be read
// (its permissions taken away) is still the archive's.
func (r reader) gone() bool {
	err := r.failure()
	return errors.Is(err, index.ErrNoPiece) || errors.Is(err, fs.ErrNotExist)
}

// cannotShow says that the open piece cannot be shown, and why: what a key
// that needs its text says then (a helper's report: v and L said "Still
// loading this piece…" of a piece whose file was deleted).
func cannotShow(err error) sayIntent {
	return sayIntent{text: "This piece cannot be shown: " + termsafe.ErrText(err), isErr: true}
}

// fullPiece is the piece with its body, once it is rendered.
func (r reader) fullPiece() (archive.Article, bool) {
	return r.article, r.ready && r.article.ID != ""
}

// rendering is the rendering on screen, or the one waited for.
func (r reader) rendering() renderKey { return r.key }

// relatedHits are the pieces like the open one, for r.
func (r reader) relatedHits() []index.Hit { return r.related }

// relatedFailure is why Related could not list the open piece's relatives
// ("" when it could).
func (r reader) relatedFailure() string { return r.relatedFailed }

// copyHits are the group of copies of the open piece (itself included),
// for A, once it is rendered.
func (r reader) copyHits() []index.Copy { return r.copies }

// setTourNote shows where a walk through related pieces is, in the bar.
func (r *reader) setTourNote(note string) { r.tourNote = note }

// setMarks gives the reader the marks it shows in its bar.
func (r *reader) setMarks(mk Marks) { r.marks = mk }

// resumeFrom is the line to show first once the piece is rendered.
func (r *reader) resumeFrom(line int) { r.resumeAt = line }

// place is where reading stopped in the piece on screen; ok is false for a
// piece still loading or that failed, which keeps the place it had.
func (r reader) place() (id string, line int, ok bool) {
	return r.key.id, r.offset, r.ready && r.err == nil && r.key.id != ""
}
