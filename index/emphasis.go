package index

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
)

// Emphasis inside a word. In Markdown a * or a ~ (GitHub's strikethrough)
// can open or close emphasis between two letters: "coun*ter*act",
// "**bold**joined" and "H~~tw~~o" show as counteract, boldjoined and
// Htwo, one word each, and the tokenizer and scanWords read them so (the
// token's Term is the word shown, its Start and End the bytes as written,
// so that a mark covers "coun*ter*act"). A _ between two letters never
// does (snake_case shows as written), and a delimiter that no other closes
// is shown as written too (a*b, 2*3): as any punctuation, it parts words.
//
// Which runs are emphasis is goldmark's to say, the parser the reader
// renders with: between two letters (or digits), a run of *, ~ and _
// holding a * or a ~ is looked up in goldmark's parse of the block it is
// in (its paragraph, heading, list item or table cell: the lines from the
// block's first word's line to the paragraph's end, paragraphEnds), and
// read as none when goldmark shows none of its characters and shows the
// characters either side of it. A block is parsed at most once a text,
// and only for such a run, which prose seldom has: a text without one is
// read at the speed it was. A block over maxEmphasisBlock, or a large
// one past the text's budget (largeEmphasisBudget), is read as written,
// as the reader shows one over its own bounds (ui's maxParagraphBytes,
// largeParagraphBudget) as plain text. A run next to a character reference
// (caf&eacute;*s*) is read as written.

// maxEmphasisBlock bounds the block goldmark parses for a run inside a
// word: ui's maxParagraphBytes, over which the reader shows a paragraph
// as plain text, its delimiters as written.
const maxEmphasisBlock = 24 << 10

// largeEmphasisBlock and largeEmphasisBudget: the blocks over 2 KB that
// goldmark parses for a text are 48 KB at most, as the reader renders
// those of a piece (ui's largeParagraphBytes and largeParagraphBudget):
// goldmark's work on a block of unclosed links or delimiters grows with
// the square of its size. A block past the budget is read as written.
const (
	largeEmphasisBlock  = 2 << 10
	largeEmphasisBudget = 48 << 10
)

// emphasisParser parses as the reader does (GitHub's extensions).
var emphasisParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
})

// inWordEmphasis follows the blocks goldmark parsed for a text's runs of
// delimiters inside words.
type inWordEmphasis struct {
	from, to int    // the block parsed last, in text; to 0: none yet
	shown    []span // the text goldmark shows of it, in order
	large    int    // the bytes of the blocks over largeEmphasisBlock parsed
}

// delimiterRun reports whether text[i] may begin a run of emphasis
// delimiters inside a word: a *, ~ or _ (the word's loop stopped there).
func delimiterRun(c byte) bool { return c == '*' || c == '~' || c == '_' }

// join returns where the run of delimiters at text[i] ends when it is
// emphasis inside a word (text[i-1] is a letter or digit of the word the
// scan reads) and the word goes on after it; else -1. blockLine is where
// the line of the block's first word begins; table, that the run is in a
// table's row (its block is its cell).
func (e *inWordEmphasis) join(text []byte, i, blockLine int, table bool) int {
	j, marks := i, false
	for j < len(text) && delimiterRun(text[j]) {
		marks = marks || text[j] != '_'
		j++
	}
	if !marks || j >= len(text) || !continuesWordAt(text, j) {
		return -1
	}
	if i < e.from || j >= e.to {
		if !e.parse(text, i, blockLine, table) {
			return -1
		}
	}
	// shown: text[i-1], then text[j], and nothing between
	k := sort.Search(len(e.shown), func(k int) bool { return e.shown[k].end > i-1 })
	if k+1 >= len(e.shown) || e.shown[k].start > i-1 || e.shown[k].end > i || e.shown[k+1].start != j {
		return -1
	}
	return j
}

// continuesWordAt: text[j] is a letter or digit that goes on with a word.
func continuesWordAt(text []byte, j int) bool {
	if c := text[j]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRune(text[j:])
	return continuesWord(r)
}

// parse has goldmark parse the block around text[i] and keeps the text
// it shows; false when the block is over maxEmphasisBlock, or over
// largeEmphasisBlock past the budget.
func (e *inWordEmphasis) parse(text []byte, i, blockLine int, table bool) bool {
	from, to := blockLine, 0
	if table {
		// the cell: from the bar before i on its line to the one after
		from = i
		for from > 0 && text[from-1] != '\n' && !(text[from-1] == '|' && (from < 2 || text[from-2] != '\\')) {
			from--
		}
		to = i
		for to < len(text) && text[to] != '\n' && !(text[to] == '|' && text[to-1] != '\\') {
			to++
		}
	} else {
		// the block's first line, without its indent (which would make
		// it code, alone), to the paragraph's end
		for from < i && (text[from] == ' ' || text[from] == '\t') {
			from++
		}
		depth, heading := lineHead(text, from)
		to = lineEnd(text, i)
		for !heading && to < len(text) && to-from <= maxEmphasisBlock {
			if paragraphEnds(text, to+1, depth) {
				break
			}
			to = lineEnd(text, to+1)
		}
	}
	e.from, e.to, e.shown = from, to, e.shown[:0]
	if n := to - from; n > maxEmphasisBlock || n > largeEmphasisBlock && e.large+n > largeEmphasisBudget {
		return false // read as written; and so is the rest of the block, without looking again
	}
	if n := to - from; n > largeEmphasisBlock {
		e.large += n
	}
	if k := bytes.IndexByte(text[from:to], partBreak[0]); k >= 0 {
		to = from + k
	}
	src := text[from:to]
	doc := emphasisParser().Parse(gtext.NewReader(src))
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := n.(*gast.Text); ok && entering && t.Segment.Stop > t.Segment.Start {
			e.shown = append(e.shown, span{from + t.Segment.Start, from + t.Segment.Stop})
		}
		return gast.WalkContinue, nil
	})
	sort.Slice(e.shown, func(a, b int) bool { return e.shown[a].start < e.shown[b].start })
	return true
}

// shownWord is a word as written (a token's bytes, Start to End) without
// the emphasis inside it that the tokenizer dropped: coun*ter*act is
// counteract. A word holds a *, ~ or _ only so.
func shownWord(w []byte) []byte {
	if !bytes.ContainsAny(w, "*~_") {
		return w
	}
	return bytes.Map(func(r rune) rune {
		if r == '*' || r == '~' || r == '_' {
			return -1
		}
		return r
	}, w)
}

// wordOn reads the rest of the word of text that begins at start, from
// i, where the fast scan (wordTokenizer.Tokenize, scanWords) stopped at a
// character reference or a delimiter: past emphasis inside it, or on with
// a reference (refWord); b is the blocks of the word's line. It returns
// where the word ends, the word as read when it is not text[start:end]
// as written, and whether it is digits alone (digits: so far).
func (b *blocks) wordOn(text []byte, start, i int, digits bool) (int, []byte, bool) {
	if i < len(text) && delimiterRun(text[i]) && !b.html {
		if b.em == nil {
			b.em = new(inWordEmphasis)
		}
		if j := b.em.join(text, i, b.line, b.table); j > 0 {
			return b.em.word(text, start, i, j, b.line, b.table, digits)
		}
	}
	if refNear(text, i) {
		return refWord(text, start, i, digits)
	}
	return i, nil, digits
}

// word reads the rest of a word of text that begins at start and goes on
// past emphasis inside it: text[i:j] is a run of delimiters that join
// found to be emphasis. It returns where the word ends, the word as shown
// (a new slice: the delimiters dropped, references decoded) and whether
// it is digits alone (digits: so far). The word's first part is read by
// the fast scan, the rest here, apart from it, so that the scan of a
// word without one is as fast as it was.
func (e *inWordEmphasis) word(text []byte, start, i, j, blockLine int, table, digits bool) (int, []byte, bool) {
	w := make([]byte, 0, 2*(j-start)+16)
	w = append(w, text[start:i]...)
	for {
		end, d := emphasisWordEnd(text, j)
		digits = digits && d
		if end < len(text) && delimiterRun(text[end]) {
			if k := e.join(text, end, blockLine, table); k > 0 {
				w = append(w, text[j:end]...)
				j = k
				continue
			}
		}
		if refNear(text, end) {
			// the word may go on with a reference (caf&eacute;)
			var rw []byte
			if end, rw, digits = refWord(text, j, end, digits); rw != nil {
				return end, append(w, rw...), digits
			}
		}
		return end, append(w, text[j:end]...), digits
	}
}

// emphasisWordEnd is where the word of text going on at text[i], a letter or
// digit, ends, as the fast scan reads it (wordTokenizer.Tokenize): letters
// and digits, an apostrophe between two letters, a point or comma between
// two digits; and whether those are digits alone.
func emphasisWordEnd(text []byte, i int) (int, bool) {
	start, digits := i, true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				if c > '9' {
					digits = false
				}
				i++
				continue
			}
			if i+1 < len(text) && i > start {
				next := text[i+1]
				if c == '\'' && isASCIIAlpha(next) && isASCIIAlpha(text[i-1]) ||
					(c == '.' || c == ',') && isDigit(next) && isDigit(text[i-1]) {
					i++
					continue
				}
			}
			return i, digits
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == '’' && i+size < len(text) && isASCIIAlpha(text[i+size]) && i > start {
			i += size
			continue
		}
		if !isWordRuneU(r) || isIdeograph(r) {
			return i, digits
		}
		digits = false
		i += size
	}
	return i, digits
}
