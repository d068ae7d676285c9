package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown from a file someone else wrote can make Glamour (and the
// goldmark parser and chroma highlighter under it) take minutes and
// gigabytes: the work of some shapes grows faster than their size. The
// causes, measured on 2 KB to 1 MB bodies, and what renderMarkdown does
// about each:
//
//   - Nesting: Glamour wraps and indents every block quote and list level
//     again, so each level costs as much as everything inside it; 1,000
//     nested ">" took 20 s and 870 MB, 300 took 21 GB at the reader's style.
//     Nested emphasis recurses once per level (20,000 levels overflowed the
//     1 GB stack). Blocks nested deeper than maxBlockDepth and inlines deeper
//     than maxInlineDepth are lifted into their parent (the text stays), and
//     the text inside quotes and lists costs more per level (nestCost).
//     goldmark's own parse of containers is bounded before it starts
//     (preparse.go).
//   - Heading IDs: goldmark's automatic IDs try "h-1", "h-2", … anew for
//     every repeated heading (quadratic: 20,000 "# h" took 47 s). The
//     terminal has no use for IDs: they are not generated.
//   - Code blocks: Glamour joins a block's lines with += (quadratic:
//     200,000 lines took over a minute), guesses the language of an
//     unlabelled block by running every lexer over it, and chroma's
//     regular expressions backtrack (a 40 KB Perl string took 28 s, each
//     match bounded only by chroma's 250 ms timeout). A block is handed
//     over as one line; unlabelled or unknown languages are plain text; a
//     labelled block is highlighted only if chroma's tokens for it are at
//     most blockTokens, and those of the piece's labelled blocks up to it
//     (each charged at most blockTokens+1) at most highlightTokens, else
//     it is plain (highlightbudget.go). Counted, not timed: until 48a it
//     was a deadline, 100 ms of wall time from the start of the render,
//     and a block near it (40 KB of Go, ~90 ms) was highlighted on an idle
//     machine and plain on a busy one. Tokens were measured against the
//     thread's CPU time (BenchmarkHighlightTokens): 4 to 20 µs a token
//     over real Go, JSON, Python, Perl, C and JavaScript (the slowest,
//     Perl, per token: many rules are tried at each) and the 40 KB Perl
//     string, whose 28 s were under chroma's 250 ms timeouts and are now
//     0.5 s, linear, 26,665 tokens (plain); so highlightTokens is under a
//     second of CPU, 60 KB (dense Perl) to 300 KB (JSON) of code, and
//     Glamour tokenises it once more (renderBudget keeps a block over about
//     400 KB of Go from coming here: 1 MB of Go is not highlighted). Chosen over the thread's CPU time alone (a clock still:
//     frequency, a core's other thread, GC assists and a slower machine
//     move it, and a block near the line flips) and over a bound from the
//     block's shape (its cost is the lexer's). regexp2 tells nothing of
//     its steps, so what the count does not see, a match that backtracks
//     (an unclosed Go string of 12 escaped backslashes: 80 ms, 2.6 times
//     more a backslash pair more), is bounded by a guard: a part's
//     tokenising stops, and its block and the piece's later ones are
//     plain, past highlightCPU of the thread's CPU time (busy neighbours do
//     not stretch it; 2.5 times what highlightTokens of Perl costs, 12 of
//     JSON), read every 16 tokens. One match runs until it ends or
//     matchTimeout (matchtimeout.go: wall time, so under load sooner in
//     CPU), which replaces chroma's 250 ms so that load does not change
//     the tokens; a call of chroma's iterator that took matchTimeout is
//     taken as a timeout and stops the part too. So a part's highlighting
//     ends within highlightCPU, 16 tokens and the match then running (at
//     most matchTimeout); only code past the guard is decided by a clock.
//   - Inline parsing: goldmark scans ahead from each "[" or delimiter, so
//     a long paragraph (or heading, or table cell) of unclosed links is
//     quadratic. A block over maxParagraphBytes, or a large one once the
//     large ones have used largeParagraphBudget, is shown as plain text
//     (Transform for paragraphs, boundedInline for the others).
//   - A code block's language is looked up by chroma among its lexers'
//     names and every file-name pattern, per byte of the name (a fence's
//     name of 990 KB: minutes). A name over maxLanguageBytes is no language.
//   - goldmark takes a paragraph's link reference definitions one at a
//     time, copying the rest of the paragraph after each (quadratic:
//     165,000 lines of "[a]:b" took 26 s and 360 MB before the cost below
//     was reached). A piece whose paragraphs' definitions times lines pass
//     maxReferenceWork (referenceWork) is shown as plain text, unparsed.
//   - A link's URL costs Glamour per byte (one of 750 KB: 2.2 s, 409 MB).
//   - Everything else costs Glamour about the same per node, per line it
//     writes and per byte, but it adds up (50,000 thematic breaks took
//     2.7 s and 840 MB): a piece that costs more than renderBudget (cost),
//     or is over maxRenderBytes, is shown as plain text, wrapped.
//
// Every fallback is said in the note renderMarkdown returns.
const (
	maxRenderBytes       = 1 << 20
	maxBlockDepth        = 8
	maxInlineDepth       = 16
	maxParagraphBytes    = 24 << 10
	largeParagraphBytes  = 2 << 10
	largeParagraphBudget = 48 << 10
	renderBudget         = 500_000
	// maxLanguageBytes bounds a code block's language name: chroma's
	// longest are under 30 bytes ("objective-c++", "postgresql-console")
	maxLanguageBytes = 40
	// maxReferenceWork bounds, over a piece's paragraphs, the link
	// reference definitions that start a line times the paragraph's
	// lines: goldmark's work on them (20,000 definitions in one
	// paragraph, 4·10⁸, took 0.6 s; 2·10⁷ is about 4,500 definitions in
	// one paragraph, far more than a piece written by hand has)
	maxReferenceWork = 20_000_000
)

// Syntax highlighting's budget (see the code blocks above): chroma's
// tokens, counted, decide; a clock only guards against what the count does
// not see.
const (
	// blockTokens and highlightTokens bound the tokens chroma gives for a
	// block, and for the piece's labelled blocks (each charged its tokens,
	// at most blockTokens+1) in their order
	blockTokens     = 20_000
	highlightTokens = 40_000
	// highlightCPU bounds the CPU time a part of a piece spends tokenising
	highlightCPU = 2 * time.Second
)

// Cost weights of the budget, about Glamour's microseconds of CPU at the
// reader's style per node, per line it writes out and per bytesPerCost
// bytes of text (measured: 50,000 thematic breaks 2.7 s, 50,000 links
// 1.3 s, 800 KB of paragraphs in 12,000 lines 0.3 s, 20,000 lines of code
// 0.66 s, 20,000 lines of HTML 0.5 s).
const (
	blockCost    = 50
	linkCost     = 30
	inlineCost   = 5
	lineCost     = 25
	bytesPerCost = 3
	destCost     = 3 // per byte of a link's URL (one of 750 KB: 2.2 s)
	// breakCost is what a line break costs more, a hard one or an
	// inline HTML tag (a <br>, lineBreaks): Glamour pads the line it ends
	// to the width and writes it through its writers (6,000 hard breaks
	// in a paragraph took 0.5 s at width 80; before lineBreaks they
	// were spaces, and cost nothing more)
	breakCost = 80
	// nestCost is what a byte of text costs more per quote or list around
	// it: Glamour wraps and indents it again at each level (paragraphs of
	// 23 KB took 0.02 s at the top, 0.08 s in two quotes, 0.11 s in four
	// and 0.37 s in eight).
	nestCost = 6
)

// limits holds what one render has done about costly shapes, for its note.
type limits struct {
	code            *codeBudget // the piece's highlighting; nil: none
	part            int         // this part's place in the piece
	charged         int         // tokens this part charged code's budget
	cpu             time.Duration
	published       bool    // charged was said (publishCode)
	share           float64 // this part's share of the piece's budgets
	largeParagraphs int     // bytes of large paragraphs parsed so far
	plainParagraphs int
	flatBlocks      bool // blocks nested too deep were lifted
	flatInlines     bool // inlines nested too deep were lifted
	plainCode       int
	plain           bool // the whole part was shown as plain text
	plainText       []*plainBlock
	lastBlock       ast.Node // of tooLong
	lastTooLong     bool
}

// note says what was not rendered as Markdown, or "".
func (l *limits) note() string {
	var say []string
	if l.plainParagraphs > 0 {
		say = append(say, plural(l.plainParagraphs, "long block")+" shown as plain text")
	}
	if l.flatBlocks {
		say = append(say, fmt.Sprintf("quotes and lists nested deeper than %d levels shown flat", maxBlockDepth))
	}
	if l.flatInlines {
		say = append(say, fmt.Sprintf("emphasis and links nested deeper than %d levels shown flat", maxInlineDepth))
	}
	if l.plainCode > 0 {
		say = append(say, plural(l.plainCode, "code block")+" not highlighted (too costly)")
	}
	return strings.Join(say, "; ")
}

// Transform is a goldmark paragraph transformer that runs after the others
// (link references, tables): it turns a paragraph too costly to parse for
// emphasis and links into plain text, one Text node per line, before the
// inline parser sees it.
func (l *limits) Transform(p *ast.Paragraph, _ text.Reader, _ parser.Context) {
	lines := p.Lines()
	n := 0
	for i := range lines.Len() {
		s := lines.At(i)
		n += s.Stop - s.Start
	}
	if l.parse(n) {
		return
	}
	// A raw block in its place: goldmark neither closes (which would drop
	// a paragraph without lines) nor parses it, and a tight list does not
	// turn it into a text block. It becomes a paragraph of plain text
	// after parsing (fillPlain): the parser walks into every child of a
	// block, so none is added before.
	plain := &plainBlock{lines: lines}
	plain.SetLines(text.NewSegments())
	plain.SetBlankPreviousLines(p.HasBlankPreviousLines())
	p.Parent().ReplaceChild(p.Parent(), p, plain)
	l.plainText = append(l.plainText, plain)
}

// plainBlock stands for a paragraph shown as plain text while goldmark
// parses.
type plainBlock struct {
	ast.BaseBlock
	lines *text.Segments
}

var kindPlainBlock = ast.NewNodeKind("PlainBlock")

func (b *plainBlock) Kind() ast.NodeKind { return kindPlainBlock }
func (b *plainBlock) IsRaw() bool        { return true }
func (b *plainBlock) Dump(src []byte, level int) {
	ast.DumpHelper(b, src, level, nil, nil)
}

// fillPlain replaces each plainBlock by a paragraph of its text, a Text
// node per line.
func (l *limits) fillPlain(src []byte) {
	for _, pb := range l.plainText {
		parent := pb.Parent()
		if parent == nil {
			continue
		}
		p := ast.NewParagraph()
		p.SetBlankPreviousLines(pb.HasBlankPreviousLines())
		for i := range pb.lines.Len() {
			seg := pb.lines.At(i)
			seg = seg.TrimLeftSpace(src)
			t := ast.NewTextSegment(seg.TrimRightSpace(src))
			t.SetSoftLineBreak(i < pb.lines.Len()-1)
			p.AppendChild(p, t)
		}
		parent.ReplaceChild(parent, pb, p)
	}
	l.plainText = nil
}

// parse reports whether the inlines of a block of n bytes may be parsed:
// a small one always, a large one within maxParagraphBytes and the piece's
// budget of large ones. A block that may not is counted for the note.
func (l *limits) parse(n int) bool {
	if n <= largeParagraphBytes {
		return true
	}
	if n <= maxParagraphBytes && l.largeParagraphs+n <= int(largeParagraphBudget*l.share)+largeParagraphBytes {
		l.largeParagraphs += n
		return true
	}
	l.plainParagraphs++
	return false
}

// boundedParser is goldmark's parser with every inline parser, its own and
// the extensions', wrapped in boundedInline.
type boundedParser struct {
	parser.Parser
	lim *limits
}

// newParser is goldmark's default parser, bounded by lim.
func newParser(lim *limits) parser.Parser {
	p := boundedParser{parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	), lim}
	p.AddOptions(parser.WithInlineParsers(parser.DefaultInlineParsers()...))
	return p
}

// AddOptions adds options, wrapping the inline parsers of an option that
// adds only inline parsers (as parser.WithInlineParsers does).
func (p boundedParser) AddOptions(opts ...parser.Option) {
	for _, o := range opts {
		c := parser.NewConfig()
		o.SetParserOption(c)
		if len(c.InlineParsers) == 0 || len(c.BlockParsers)+len(c.ParagraphTransformers)+len(c.ASTTransformers)+len(c.Options) > 0 || c.EscapedSpace {
			p.Parser.AddOptions(o)
			continue
		}
		wrapped := make([]util.PrioritizedValue, len(c.InlineParsers))
		for i, v := range c.InlineParsers {
			wrapped[i] = util.Prioritized(boundedInline{v.Value.(parser.InlineParser), p.lim}, v.Priority)
		}
		p.Parser.AddOptions(parser.WithInlineParsers(wrapped...))
	}
}

// boundedInline parses nothing in a block over maxParagraphBytes (a
// heading, a table cell: a paragraph is made plain before): its text stays
// plain. goldmark's link and emphasis parsers scan ahead from each "[" or
// delimiter, which is quadratic in such a block.
type boundedInline struct {
	parser.InlineParser
	lim *limits
}

func (b boundedInline) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if b.lim.tooLong(parent) {
		return nil
	}
	return b.InlineParser.Parse(parent, block, pc)
}

func (b boundedInline) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := b.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

func (b boundedInline) SetOption(name parser.OptionName, value any) {
	if so, ok := b.InlineParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

// tooLong reports whether the inlines of block are not to be parsed; the
// answer for the last block asked about is kept (inline parsers ask at
// every trigger character).
func (l *limits) tooLong(block ast.Node) bool {
	if block != l.lastBlock {
		n := 0
		if block.Type() == ast.TypeBlock && block.Kind() != ast.KindParagraph { // paragraphs: Transform
			lines := block.Lines()
			for i := range lines.Len() {
				s := lines.At(i)
				n += s.Stop - s.Start
			}
		}
		l.lastBlock, l.lastTooLong = block, !l.parse(n)
	}
	return l.lastTooLong
}

// isBlockNest reports whether n is a block that Glamour indents and wraps
// again: a quote or a list (its items count with it).
func isBlockNest(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindBlockquote, ast.KindList, east.KindDefinitionList:
		return true
	}
	return false
}

// isInlineNest reports whether n is an inline Glamour renders recursively.
func isInlineNest(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindEmphasis, ast.KindLink, east.KindStrikethrough:
		return true
	}
	return false
}

// flatten lifts the content of blocks nested deeper than maxBlockDepth,
// and of inlines nested deeper than maxInlineDepth, into their parent. It
// recurses only as deep as the limits.
func (l *limits) flatten(n ast.Node, blocks, inlines int) {
	for c := n.FirstChild(); c != nil; {
		b, i := blocks, inlines
		if isBlockNest(c) {
			b++
		}
		if isInlineNest(c) {
			i++
		}
		if b > maxBlockDepth || i > maxInlineDepth {
			l.flatBlocks = l.flatBlocks || b > maxBlockDepth
			l.flatInlines = l.flatInlines || i > maxInlineDepth
			c = lift(n, c)
			continue
		}
		l.flatten(c, b, i)
		c = c.NextSibling()
	}
}

// lift replaces c, a child of parent, by its content (a list by the content
// of its items, a definition list by its terms' and descriptions'
// content), and returns the first node that took its place, or the node
// after it.
func lift(parent, c ast.Node) ast.Node {
	var moved []ast.Node
	var collect func(n ast.Node)
	collect = func(n ast.Node) {
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			switch k.Kind() {
			case ast.KindListItem, east.KindDefinitionDescription:
				collect(k)
			default:
				moved = append(moved, k)
			}
		}
	}
	collect(c)
	var first ast.Node
	for _, m := range moved {
		m.Parent().RemoveChild(m.Parent(), m)
		if m.Kind() == ast.KindTextBlock || m.Kind() == east.KindDefinitionTerm {
			// a tight item's text, or a term, becomes a paragraph
			p := ast.NewParagraph()
			p.SetLines(m.Lines())
			for k := m.FirstChild(); k != nil; {
				next := k.NextSibling()
				p.AppendChild(p, k)
				k = next
			}
			m = p
		}
		if t, ok := m.LastChild().(*ast.Text); ok && m.Kind() == ast.KindParagraph && parent.Kind() == ast.KindListItem {
			// Glamour runs the paragraphs of an item together: a new
			// line between them (lineBreaks makes a soft break a space)
			t.SetHardLineBreak(true)
		}
		parent.InsertBefore(parent, c, m)
		if first == nil {
			first = m
		}
	}
	next := c.NextSibling()
	parent.RemoveChild(parent, c)
	if first != nil {
		return first // examined again at this depth
	}
	return next
}

// prepareCode hands Glamour each code block of code (a document's code
// blocks and spans, codeAndHTML's) as one segment of src (which it appends
// to), with its language if the piece's highlighting budget takes it
// (count, then the parts before this one: codeBudget), or plainLanguage
// (plaincode.go). It returns the new src.
func (l *limits) prepareCode(code []ast.Node, src []byte) []byte {
	type block struct {
		n             ast.Node
		code, lang    string
		known, costly bool // chroma knows lang; it was counted, or would have been
		tokens, from  int  // tokens counted; charged before it, in this part
	}
	var blocks []block
	for _, n := range code {
		if n.Kind() != ast.KindFencedCodeBlock && n.Kind() != ast.KindCodeBlock {
			continue // a code span
		}
		var code strings.Builder
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			code.Write(seg.Value(src))
		}
		b := block{n: n, code: code.String()}
		if f, ok := n.(*ast.FencedCodeBlock); ok {
			b.lang = string(f.Language(src))
		}
		if isPlainLanguage(b.lang) {
			b.lang = "" // text, txt, plain…: chroma's plaintext lexer
		}
		if b.lang != "" {
			b.known, b.costly, b.tokens, b.from = l.count(b.code, b.lang)
		}
		blocks = append(blocks, b)
	}
	l.publishCode()
	before := 0
	for _, b := range blocks {
		if b.known && !b.costly {
			before = l.code.before(l.part) // waits for the parts before
			break
		}
	}
	for _, b := range blocks {
		lang := b.lang
		if b.known && !b.costly && before+b.from+b.tokens > l.code.tokens {
			b.costly = true
		}
		if !b.known || b.costly {
			if b.costly {
				l.plainCode++
			}
			lang = plainLanguage
		}
		start := len(src)
		src = append(src, lang...)
		info := ast.NewTextSegment(text.NewSegment(start, len(src)))
		start = len(src)
		src = append(src, b.code...)
		fc := ast.NewFencedCodeBlock(info)
		fc.Lines().Append(text.NewSegment(start, len(src)))
		b.n.Parent().ReplaceChild(b.n.Parent(), b.n, fc)
	}
	return src
}

// count counts chroma's tokens for code in lang, for prepareCode: known
// when chroma knows lang (not a word otherwise: mermaid, math, none are
// shown plain without one, where "too costly" was said of a three-line
// block, a helper's report); costly when the block is not highlighted
// whatever the parts before this one charged: over blockTokens, over
// what is left of tokens after this part's blocks before it, or stopped
// by the guard (countTokens). It charges the block's tokens, at most
// blockTokens+1, to the part (all the budget when the guard stopped it);
// from is what the part had charged before.
func (l *limits) count(code, lang string) (known, costly bool, tokens, from int) {
	if len(lang) > maxLanguageBytes {
		return false, false, 0, 0
	}
	lexer := lexers.Get(lang)
	if lexer == nil {
		return false, false, 0, 0
	}
	from = l.charged
	if l.code == nil || l.charged > l.code.tokens {
		return true, true, 0, from
	}
	limit := min(l.code.blockTokens, l.code.tokens-l.charged)
	n, guard, err := l.countTokens(code, lexer, limit)
	switch {
	case err != nil:
		return false, false, 0, from
	case guard:
		l.charged = l.code.tokens + 1
		return true, true, n, from
	}
	l.charged += n
	return true, n > limit, n, from
}

// cost estimates Glamour's work on doc (see renderBudget). Text and code
// inside quotes and lists cost more per level around them (nestCost).
func cost(doc ast.Node) int {
	total, depth := 0, 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if isBlockNest(n) {
			if !entering {
				depth--
				return ast.WalkContinue, nil
			}
			depth++
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		perByte := 1 + nestCost*depth
		switch n.Kind() {
		case ast.KindText:
			t := n.(*ast.Text)
			s := t.Segment
			total += inlineCost + (s.Stop-s.Start)*perByte/bytesPerCost
			if t.HardLineBreak() {
				total += breakCost * perByte
			}
		case ast.KindRawHTML:
			total += inlineCost + breakCost*perByte
		case ast.KindLink:
			total += linkCost + destCost*len(n.(*ast.Link).Destination)
		case ast.KindImage:
			total += linkCost + destCost*len(n.(*ast.Image).Destination)
		case ast.KindAutoLink, east.KindFootnoteLink:
			total += linkCost
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			// Glamour writes these line by line through four writers
			lines := n.Lines()
			total += blockCost + lineCost*lines.Len()*perByte
			for i := range lines.Len() {
				s := lines.At(i)
				total += (s.Stop - s.Start) * perByte / bytesPerCost
			}
		case ast.KindList:
			// Glamour counts an item's previous siblings to number it
			k := n.ChildCount()
			total += blockCost + k*k/1000
		default:
			if n.Type() == ast.TypeBlock {
				total += blockCost
			} else {
				total += inlineCost
			}
		}
		return ast.WalkContinue, nil
	})
	return total
}

// plainLines is md as it is, wrapped at width with Glamour's margin of two
// cells: the rendering of a piece too costly to render. md holds no tab:
// RenderMarkdown expanded them (expandTabs).
func plainLines(md string, width int) []string {
	const margin = "  "
	w := max(width-2*len(margin), 1)
	var out []string
	for line := range strings.SplitSeq(strings.Trim(md, "\n"), "\n") {
		line = strings.TrimRight(line, " \r")
		if line == "" {
			out = append(out, "")
			continue
		}
		for l := range strings.SplitSeq(wrapKeepingSigns(line, w), "\n") {
			out = append(out, strings.TrimRight(margin+l, " "))
		}
	}
	return out
}

// referenceWork is maxReferenceWork's measure of md: for each paragraph (a
// run of lines that are not blank), the lines that may start a reference
// definition (after quote and list markers too) times the paragraph's
// lines, summed. Code is not told apart, nor a quote's blank line: it may
// count more than goldmark does, never less.
func referenceWork(md string) int {
	if !strings.Contains(md, "]:") {
		return 0
	}
	work, defs, lines := 0, 0, 0
	for line := range strings.Lines(md) {
		if strings.TrimSpace(line) == "" {
			work += defs * lines
			defs, lines = 0, 0
			continue
		}
		lines++
		// a definition may stand in a quote or a list item: what leads it
		// is passed over, at any depth
		if t := strings.TrimLeft(line, " \t>-+*0123456789.)"); strings.HasPrefix(t, "[") && strings.Contains(t, "]:") {
			defs++
		}
	}
	return work + defs*lines
}
