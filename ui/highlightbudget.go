package ui

import (
	"runtime"
	"time"

	"github.com/alecthomas/chroma/v2"
)

// highlighting is what a piece's labelled code blocks may cost chroma
// (renderguard.go says why these measures): tokens chroma gives for the
// piece, in the order of its blocks, and for one block; and a guard on the
// CPU time of a part's tokenising, read by clock (the thread's CPU time:
// threadCPU).
type highlighting struct {
	tokens, blockTokens int
	cpu                 time.Duration
	clock               func() time.Duration
}

// renderHighlighting is RenderMarkdown's highlighting.
var renderHighlighting = highlighting{
	tokens:      highlightTokens,
	blockTokens: blockTokens,
	cpu:         highlightCPU,
	clock:       threadCPU,
}

// codeBudget is a piece's highlighting shared by its parts, which are
// rendered at once: each part counts the tokens of its own blocks, says
// what it charged (publish), and decides its blocks once the parts before
// it have said theirs (before), so that a block is highlighted or not as
// if the piece's blocks were counted one after the other, however the
// piece was cut.
type codeBudget struct {
	highlighting
	charged []int // by part, set before done[part] is closed
	done    []chan struct{}
}

func newCodeBudget(h highlighting, parts int) *codeBudget {
	b := &codeBudget{highlighting: h, charged: make([]int, parts), done: make([]chan struct{}, parts)}
	for i := range b.done {
		b.done[i] = make(chan struct{})
	}
	return b
}

// publish says the tokens part charged; once a part.
func (b *codeBudget) publish(part, charged int) {
	b.charged[part] = charged
	close(b.done[part])
}

// before is the tokens charged by the parts before part, once they have
// all said it.
func (b *codeBudget) before(part int) int {
	sum := 0
	for k := range part {
		<-b.done[k]
		sum += b.charged[k]
	}
	return sum
}

// publishCode says what this part charged the piece's budget, if it has not
// yet (preparePart's every way out calls it: a part shown as plain text,
// or one whose parse panicked, charges what it counted, nothing or all).
func (l *limits) publishCode() {
	if l.code != nil && !l.published {
		l.published = true
		l.code.publish(l.part, l.charged)
	}
}

// countTokens counts the tokens chroma gives for code with lexer, up to
// limit+1. guard is set when it stopped on the part's CPU time (more than
// the budget's cpu in all its blocks), or after one call of chroma's
// iterator took matchTimeout of wall time or more (a match may have timed
// out, taken as no match: the tokens would not be those chroma gives
// without a timeout). err when chroma could not start.
func (l *limits) countTokens(code string, lexer chroma.Lexer, limit int) (n int, guard bool, err error) {
	compileLexer(lexer)  // its matches' timeout set (matchtimeout.go)
	defer untimeLexers() // and those of the lexers it used, for Glamour
	// the thread's CPU time is this goroutine's while it is locked to it
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	chromaMu.RLock()
	defer chromaMu.RUnlock()
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return 0, false, err
	}
	start := l.code.clock()
	defer func() { l.cpu += l.code.clock() - start }()
	last := time.Now()
	for t := it(); t != chroma.EOF; t = it() {
		now := time.Now()
		if now.Sub(last) >= matchTimeout {
			return n, true, nil
		}
		last = now
		n++
		if n > limit {
			return n, false, nil
		}
		// the clock costs about as much as a token: read at every 16th
		if n%16 == 0 && l.cpu+l.code.clock()-start > l.code.cpu {
			return n, true, nil
		}
	}
	if l.cpu+l.code.clock()-start > l.code.cpu {
		return n, true, nil
	}
	return n, false, nil
}

var wallStart = time.Now()

// wallClock is the monotonic time since folio started.
func wallClock() time.Duration { return time.Since(wallStart) }
