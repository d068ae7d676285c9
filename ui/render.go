package ui

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	gansi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
	"github.com/folio-tui/folio/internal/cells"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-tui/folio/internal/termsafe"
)

// Glamour renders about 3 MB/s on one core: a 50 KB piece took 17 ms. A
// long piece is cut at paragraph breaks where cutting cannot change the
// rendering, and its parts are rendered at once on the machine's cores.
// What a piece may cost is bounded (preparse.go before goldmark parses it,
// renderguard.go after).

// minSplitBytes is the size from which a piece is rendered in parts.
const minSplitBytes = 16 << 10

// renderMarkdown renders a piece's Markdown body as RenderMarkdown does,
// into the reader's lines: none wider than width.
func renderMarkdown(md string, width int, style string) (lines []string, note string, err error) {
	lines, note, err = RenderMarkdown(md, width, style)
	for i, l := range lines {
		lines[i] = truncateCells(l, width)
	}
	return lines, note, err
}

// RenderMarkdown renders Markdown with a Glamour standard style (never
// "auto", which would query the terminal) wrapped to width, into lines
// without trailing blanks. It is the one render path of folio (the reader
// and folio show): what a shape of Markdown may cost is bounded, and what
// was too costly is shown as plain text, which note says ("" when all of
// md was rendered). The caller says it after "Rendering limited: ".
func RenderMarkdown(md string, width int, style string) (lines []string, note string, err error) {
	return renderWith(md, width, style, renderHighlighting, runtime.GOMAXPROCS(0))
}

// renderWith is RenderMarkdown with code highlighted within h (a test's
// budget or clock), the piece cut in at most n parts.
func renderWith(md string, width int, style string, h highlighting, n int) (lines []string, note string, err error) {
	p := cutPiece(md, &h, n)
	if p.plain != "" {
		return plainLines(p.md, width), p.plain, nil
	}
	defer func() { note = joinNotes(p.pre.note(), note) }()
	parts, lims := p.parts, p.lims
	outs := make([][]string, len(parts))
	errs := make([]error, len(parts))
	// a part's panic is its error, in any caller (show and quotes have no
	// recover of their own: a review, 42rc, found folio quotes exit 2
	// over one piece), and renderCmd's recover does not reach a goroutine
	render := func(i int) {
		// what the part charged the piece's code budget is said on any
		// way out (a style not found, a panic), or the parts after it
		// wait for it for ever (codeBudget.before)
		defer lims[i].publishCode()
		defer func() {
			if r := recover(); r != nil {
				errs[i] = fmt.Errorf("rendering failed: %v", r)
			}
		}()
		outs[i], errs[i] = renderPart(parts[i], width, style, lims[i])
	}
	if len(parts) == 1 {
		render(0)
		return outs[0], notes(lims), errs[0]
	}
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() { render(i) })
	}
	wg.Wait()
	for i, out := range outs {
		if errs[i] != nil {
			return nil, "", errs[i]
		}
		if i > 0 {
			lines = append(lines, "") // Glamour separates blocks by one blank line
		}
		lines = append(lines, out...)
	}
	return lines, notes(lims), nil
}

// piece is a piece's Markdown as RenderMarkdown renders it, and
// ShownOf reads it: its tabs expanded (md), then, unless it is shown as
// plain text unparsed (plain says why), its containers bounded (pre says
// what that limited) and cut into parts, each rendered within its limits.
type piece struct {
	md, plain string
	pre       preparsed
	parts     []string
	lims      []*limits
}

// cutPiece is md as a piece to render in at most n parts, its code
// highlighted within h (nil: none).
func cutPiece(md string, h *highlighting, n int) piece {
	p := piece{md: expandTabs(md)}
	switch {
	case len(p.md) > maxRenderBytes:
		p.plain = fmt.Sprintf("over %d MB, the piece is shown as plain text", maxRenderBytes>>20)
		return p
	case referenceWork(p.md) > maxReferenceWork:
		p.plain = "too many link reference definitions in a paragraph: the piece is shown as plain text"
		return p
	}
	bounded, pre := boundContainers(p.md)
	p.pre = pre
	p.parts = splitMarkdown(bounded, n)
	var code *codeBudget
	if h != nil {
		code = newCodeBudget(*h, len(p.parts))
	}
	for i, part := range p.parts {
		p.lims = append(p.lims, &limits{code: code, part: i, share: float64(max(len(part), 1)) / float64(max(len(bounded), 1))})
	}
	return p
}

// defused is a part of a piece with each numeric character reference to a
// character termsafe.Rendered drops (ESC, BEL, the other C0 and C1
// controls, DEL, bidi controls) replaced by U+FFFD, before goldmark parses
// it: those html.UnescapeString decodes so (termsafe.TextControlReferences),
// and in HTML those the HTML parser does too (defuseHTML). Glamour decodes
// references with html.UnescapeString in text, in code spans and in HTML,
// which its sanitizer reads with the HTML parser first, and goldmark in
// link destinations: "`&#27;[8m`"
// became ESC [8m, a colour sequence termsafe.Rendered cannot tell from
// Glamour's own, and "`&#27;]8;;https://x/&#7;`" a hidden hyperlink.
// Cleaning the output stays the last guard; this keeps the piece from
// writing the sequences it lets through. Code is shown as it was written
// (writeCode): a code block's references were shown as U+FFFD where
// nothing decodes them (a helper's report: "&#8238;" in an HTML example).
type defused struct {
	orig, md string
	refs     []defusedRef // in md's order
}

// defusedRef is one replaced reference: the U+FFFD at md[at:] was
// orig[origAt:origEnd].
type defusedRef struct{ at, origAt, origEnd int }

// defuseReferences defuses md's references to controls. U+FFFD holds no
// ASCII, so no reference is made of what was around one replaced (as
// termsafe.DefuseReferences' "" can make); what is left is checked all the
// same, and were one left, md is defused as termsafe does it, its code
// shown as defused.
func defuseReferences(md string) defused {
	d := defused{orig: md, md: md}
	refs := termsafe.TextControlReferences(md)
	if len(refs) == 0 {
		return d
	}
	var b strings.Builder
	b.Grow(len(md))
	last := 0
	for _, r := range refs {
		b.WriteString(md[last:r[0]])
		d.refs = append(d.refs, defusedRef{b.Len(), r[0], r[1]})
		b.WriteString("\uFFFD")
		last = r[1]
	}
	b.WriteString(md[last:])
	d.md = b.String()
	if termsafe.TextControlReferences(d.md) != nil {
		return defused{orig: md, md: termsafe.DefuseReferences(md, "\uFFFD")}
	}
	return d
}

// written is what md[start:stop] was in the part as written.
func (d defused) written(start, stop int) string {
	if len(d.refs) == 0 {
		return d.md[start:stop]
	}
	return d.orig[d.origOffset(start, false):d.origOffset(stop, true)]
}

// origOffset is where md's offset p was in orig; one inside a U+FFFD put
// for a reference is the reference's start, or its end when end is set.
func (d defused) origOffset(p int, end bool) int {
	i := sort.Search(len(d.refs), func(i int) bool { return d.refs[i].at >= p })
	if i == 0 {
		return p
	}
	r := d.refs[i-1]
	switch after := r.at + len("\uFFFD"); {
	case p >= after:
		return r.origEnd + p - after
	case end:
		return r.origEnd
	default:
		return r.origAt
	}
}

// codeAndHTML are the code blocks and code spans of doc (code, in the
// document's order) and its HTML blocks and inline HTML (html): what
// writeCode, defuseHTML and prepareCode (the code blocks) change, found
// in one walk of the tree, where each walked it (each of the three nodes
// of a document walked three times; BenchmarkSourcePasses). None holds
// another: a code span's children are text, and code blocks and HTML
// blocks have none.
func codeAndHTML(doc ast.Node) (code, html []ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			html = append(html, n)
			return ast.WalkSkipChildren, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindCodeSpan:
			code = append(code, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return code, html
}

// writeCode shows the code of a document (code: its code blocks and code
// spans, codeAndHTML's), parsed from src (d.md, to which it appends,
// returning the new src), as it was written: a code block's lines
// with their references, and a code span's text with each "&" written
// "&amp;", which Glamour's html.UnescapeString gives back, or as written
// where Glamour decodes nothing (glamourTakesRaw). CommonMark
// decodes no reference in a code span; Glamour did ("`&#169;`" showed ©).
func (d defused) writeCode(code []ast.Node, src []byte) []byte {
	for _, n := range code {
		undecoded := n.Kind() == ast.KindCodeSpan && glamourTakesRaw(n)
		if n.Kind() != ast.KindCodeSpan {
			if len(d.refs) == 0 {
				continue
			}
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				if w := d.written(seg.Start, seg.Stop); w != string(src[seg.Start:seg.Stop]) {
					start := len(src)
					src = append(src, w...)
					// no ForceNewline: renderPart ends the source with a new
					// line, and one forced here would be written into src's
					// spare room, over what is appended next
					lines.Set(i, text.NewSegmentPadding(start, len(src), seg.Padding))
				}
			}
			continue
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				continue
			}
			w := d.written(t.Segment.Start, t.Segment.Stop)
			if !undecoded {
				w = strings.ReplaceAll(w, "&", "&amp;")
			}
			if w != string(t.Segment.Value(src)) {
				start := len(src)
				src = append(src, w...)
				t.Segment = text.NewSegment(start, len(src))
			}
		}
	}
	return src
}

// defuseHTML replaces with U+FFFD each reference to a control in the HTML
// of a document (html: its HTML blocks and inline HTML, codeAndHTML's),
// parsed from src (to which it appends, returning the new src), as
// the HTML parser reads it (termsafe.ControlReferences): Glamour's
// sanitizer reads an HTML block so, and "<p>Room &#7 x</p>" wrote BEL,
// where in text "&#7" is shown as written (defuseReferences leaves it).
func defuseHTML(html []ast.Node, src []byte) []byte {
	fix := func(seg text.Segment) text.Segment {
		if seg.Start < 0 || seg.Stop <= seg.Start {
			return seg
		}
		v := string(seg.Value(src))
		refs := termsafe.ControlReferences(v)
		if len(refs) == 0 {
			return seg
		}
		start, last := len(src), 0
		for _, r := range refs {
			src = append(src, v[last:r[0]]...)
			src = append(src, "\uFFFD"...)
			last = r[1]
		}
		src = append(src, v[last:]...)
		return text.NewSegment(start, len(src)) // v holds the padding
	}
	for _, n := range html {
		var lines *text.Segments
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines = n.Lines()
			if n.HasClosure() {
				n.ClosureLine = fix(n.ClosureLine)
			}
		case *ast.RawHTML:
			lines = n.Segments
		default:
			continue
		}
		for i := range lines.Len() {
			lines.Set(i, fix(lines.At(i)))
		}
	}
	return src
}

// glamourTakesRaw says whether Glamour shows the text of n, a code span
// or a Text, as it is in the source, decoding nothing: an image's alt
// text (its Text) and a link's text in a table (listed under the table)
// are taken so; a code span's "&amp;" showed there as "&amp;", and a
// Text's too (decodeRawTexts decodes it).
func glamourTakesRaw(n ast.Node) bool {
	link, table := false, false
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindImage:
			return true
		case ast.KindLink:
			link = true
		case east.KindTable, east.KindTableHeader, east.KindTableRow, east.KindTableCell:
			table = true
		}
	}
	return link && table
}

// decodedAttr marks a Text whose segment decodeRawTexts made the text it
// shows, its references decoded (writtenText gives it as written).
var decodedAttr = []byte("folio-decoded")

// decodeRawTexts makes each Text of doc, parsed from src (to which it
// appends, returning the new src), that Glamour (v2.0.1) shows as it is
// in the source show its character references decoded, as Glamour
// decodes a Text elsewhere (html.UnescapeString) and CommonMark says: a
// link's text in a table (table_links.go's nodeContent, in its cell and
// in the list under the table), where "[AT&amp;T](u)" showed
// "AT&amp;T[1]" (47c), and a word joined to a link's text there
// ("[cat](u)&#97;log": "cat&#97;log[1]"); an image's text anywhere
// (elements.go's Node.Text: "![AT&amp;T logo](u)" showed "Image:
// AT&amp;T logo", CommonMark's alt text "AT&T logo"). A code span stays
// as written (writeCode), and so does a link made of an autolink
// (tableAutoLink: CommonMark decodes nothing in an autolink;
// tableURLLink's text is its destination, decoded). A character the references give that would act
// on the terminal or break the line (a new line, "&#10;", "&NewLine;"; a
// tab, "&Tab;") is a space, as lineBreaks makes a new line elsewhere;
// defuseReferences left no other control to decode. Each Text changed is
// marked (decodedAttr): tableAsRows writes a link's as written again
// where it leaves the table, where Glamour decodes it (an image's stays).
func decodeRawTexts(doc ast.Node, src []byte) []byte {
	if bytes.IndexByte(src, '&') < 0 {
		return src // no reference
	}
	for _, t := range referenceTexts(doc, src, "&", glamourTakesRaw) {
		v := string(t.Segment.Value(src))
		d := html.UnescapeString(v)
		if strings.ContainsFunc(d, unicode.IsControl) {
			d = strings.ReplaceAll(d, "\r\n", " ")
			d = strings.Map(func(r rune) rune {
				if unicode.IsControl(r) {
					return ' '
				}
				return r
			}, d)
		}
		if d == v {
			continue
		}
		start := len(src)
		src = append(src, d...)
		t.Segment = text.NewSegment(start, len(src))
		t.SetAttribute(decodedAttr, true)
	}
	return src
}

// backslashRefs writes each character reference to a backslash ("&#92;",
// "&#x5C;", "&bsol;") in a Text of doc, parsed from src (to which it
// appends, returning the new src), as an escaped backslash, "\\".
// Glamour (v2.0.1) decodes a Text's references and then reads backslash
// escapes in what it decoded (baseelement.go's escapeReplacer), so
// "&#92;[2&#92;]" showed "[2]" where CommonMark shows "\[2\]" (a
// reference's character is literal), and a table of it was shown as rows,
// "[2\]": the cell's words were read as CommonMark reads them. "\\" is
// one backslash to Glamour and to CommonMark (lineBreaks, which decodes a
// Text with a reference to a new line, writes them so as it decodes the
// others: escapeBackslashRefs). Code, HTML and autolinks are
// left as they are: their references are shown as written or not Glamour's
// Text.
func backslashRefs(doc ast.Node, src []byte) []byte {
	if bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, '\\') < 0 {
		return src // no reference, no escape
	}
	for _, t := range referenceTexts(doc, src, `&\`, nil) {
		v := string(t.Segment.Value(src))
		w := escapeBackslashRefs(v)
		if w == v {
			continue
		}
		start := len(src)
		src = append(src, w...)
		t.Segment = text.NewSegment(start, len(src))
	}
	return src
}

// escapeBackslashRefs is v with each character reference to a backslash
// written "\\" (backslashRefs), each escaped "&" ("\&") written "&amp;",
// and each other backslash escape Glamour does not read its character
// alone, v itself where it has none of them. CommonMark reads the
// backslash escapes first: "\&" is a literal "&", so "\&#92;" is the text
// "&#92;" and "\&amp;" the text "&amp;", where Glamour decodes the
// reference and keeps the backslash, "\&" being no escape of its own (the
// reader showed `x \\ y` for `x \&#92; y`, goldmark's "x &#92; y"); "\\"
// is an escaped backslash, so in "\\&#92;" the reference is one. Glamour
// (v2.0.1, baseelement.go's escapeReplacer) reads the escapes of
// glamourEscapes alone, and kept the backslash of the others: "costs
// \$5" showed "costs \$5", CommonMark's "costs $5" (`\"`, `\'`, `\~`,
// `\%` too).
func escapeBackslashRefs(v string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]) {
			switch c := v[i+1]; {
			case c == '&':
				b.WriteString(v[last:i])
				b.WriteString("&amp;")
				last = i + 2
			case strings.IndexByte(glamourEscapes, c) < 0:
				b.WriteString(v[last:i])
				last = i + 1 // the character, without its backslash
			}
			i++ // the escaped character is no reference's start
			continue
		}
		if v[i] != '&' {
			continue
		}
		if j := i + refLen(v[i:]); j > i && html.UnescapeString(v[i:j]) == `\` {
			b.WriteString(v[last:i])
			b.WriteString(`\\`)
			last = j
			i = j - 1
		}
	}
	if last == 0 {
		return v
	}
	b.WriteString(v[last:])
	return b.String()
}

// glamourEscapes are the characters whose backslash escape Glamour
// (v2.0.1, baseelement.go's escapeReplacer) reads as CommonMark does, the
// character alone, in what it shows of a Text (decoded), an image's text,
// a table's link and struck text: of CommonMark's escapable ASCII
// punctuation (spec 0.31, 2.4), all but `"$%&',/:;=?@^~`.
const glamourEscapes = "\\`*_{}[]<>()#+-.!|"

// referenceTexts are the Texts of doc, parsed from src, that hold any of
// chars ("&": a character reference, maybe; "\\": a backslash escape,
// maybe) outside code, HTML and autolinks (whose references and escapes
// are shown as written or are not Glamour's Text), those keep takes where
// it is not nil: the Texts decodeRawTexts and backslashRefs rewrite.
func referenceTexts(doc ast.Node, src []byte, chars string, keep func(ast.Node) bool) []*ast.Text {
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindCodeSpan, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		case ast.KindLink:
			if _, ok := n.AttributeString(string(autoLinkAttr)); ok {
				return ast.WalkSkipChildren, nil
			}
		case ast.KindText:
			if t := n.(*ast.Text); bytes.ContainsAny(t.Segment.Value(src), chars) && (keep == nil || keep(t)) {
				texts = append(texts, t)
			}
		}
		return ast.WalkContinue, nil
	})
	return texts
}

// refLen is the length of the character reference s starts with, as
// html.UnescapeString reads it ("&#" and a number's digits, or "&" and a
// name's letters and digits, then a ";" if there is one), or 0.
func refLen(s string) int {
	i := 1
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	if len(s) > 1 && s[1] == '#' {
		i = 2
		if len(s) > 2 && (s[2] == 'x' || s[2] == 'X') {
			i = 3
			digit = func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
		}
	} else {
		digit = func(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	}
	from := i
	for i < len(s) && digit(s[i]) {
		i++
	}
	if i == from {
		return 0
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}

// writtenText is the text of t as Markdown writes it: its segment, or,
// where decodeRawTexts decoded it, that with each "&" written "&amp;"
// (what html.UnescapeString gives back).
func writtenText(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if _, ok := t.AttributeString(string(decodedAttr)); ok {
		return bytes.ReplaceAll(v, []byte("&"), []byte("&amp;"))
	}
	return v
}

// joinNotes joins two notes of what rendering limited.
func joinNotes(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "; " + b
}

// notes says what the parts of a piece showed as plain text.
func notes(lims []*limits) string {
	var sum limits
	plain := 0
	for _, l := range lims {
		sum.plainParagraphs += l.plainParagraphs
		sum.plainCode += l.plainCode
		sum.flatBlocks = sum.flatBlocks || l.flatBlocks
		sum.flatInlines = sum.flatInlines || l.flatInlines
		if l.plain {
			plain++
		}
	}
	switch {
	case plain > 0 && plain == len(lims):
		return "the piece is shown as plain text (too costly to render)"
	case plain > 0:
		return "part of the piece is shown as plain text (too costly to render)"
	}
	return sum.note()
}

// preparePart parses md, a part of a piece, within lim (see
// renderguard.go: a paragraph too costly to parse is its text) and makes
// the document ready for Glamour (writeCode … wordsAroundLinks): src is
// what its nodes' segments point into, schemes whether it holds a URL
// written without its scheme (autoLinksAsWritten). Not ok when the part
// costs more than its share of renderBudget: it is shown as plain text.
// One parser set-up for renderPart and ShownOf (a read of the change,
// 42zc: LinkURLs, now ShownOf, parsed without the paragraph guard, and a
// paragraph shown as plain text gave its links' URLs to the quote matcher).
func preparePart(md string, lim *limits) (doc ast.Node, src []byte, schemes, ok bool) {
	// the parts after this one wait for what it charged the piece's
	// highlighting: said on every way out (prepareCode says it first)
	defer lim.publishCode()
	full := md
	if !strings.HasSuffix(md, "\n") {
		// goldmark's Segment.Value appends the new line a code block's
		// last line lacks at the end of the document (ForceNewline) to
		// the source slice itself, into what writeCode, defuseHTML and
		// prepareCode appended there: an unclosed fence's first line
		// appended lost its first byte to a new line ("```\nABCDEF
		// &#8;\nGHI" showed "\n    BCDEF &#8;", and the attack's piece
		// "inks:" for "Links:"). Ended by a new line, no line lacks one.
		full += "\n"
	}
	part := defuseReferences(full)
	src = []byte(part.md)
	doc = goldmark.New(
		goldmark.WithParser(newParser(lim)),
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(lim, 10000))),
	).Parser().Parse(text.NewReader(src))
	lim.fillPlain(src)
	lim.flatten(doc, 0, 0)
	if cost(doc) > int(renderBudget*lim.share) {
		return nil, nil, false, false
	}
	decodeDestinations(doc) // see linktext.go
	src = linksOfOtherSites(doc, src)
	schemes = autoLinksAsWritten(doc) // see linktext.go
	code, html := codeAndHTML(doc)
	src = part.writeCode(code, src)
	src = defuseHTML(html, src)
	src = lim.prepareCode(code, src)
	src = lineBreaks(doc, src)
	itemParagraphs(doc)              // see linebreaks.go
	src = wordsAroundLinks(doc, src) // see linktext.go
	src = backslashRefs(doc, src)
	src = decodeRawTexts(doc, src)
	return doc, src, schemes, true
}

// renderPart renders md within lim (see renderguard.go). Glamour's own
// TermRenderer is not used: it parses with automatic heading IDs and gives
// no way to look at the document before rendering it.
func renderPart(md string, width int, style string, lim *limits) ([]string, error) {
	cfg, ok := styleConfig(style)
	if !ok {
		return nil, fmt.Errorf("%s: style not found", style)
	}
	doc, src, schemes, ok := preparePart(md, lim)
	if !ok {
		lim.plain = true
		return plainLines(md, width), nil
	}
	// the entries under a table of links shown as their URL, read before
	// the numbers' marks are written in their text (tables.go)
	entries := urlEntries(doc, src)
	var code string // what listedOnce leaves
	if entries != nil {
		code = codeText(doc, src)
	}
	// the placeholders of the numbers' marks and the quote bars, found in
	// one unescaping of the text
	free := freePlaceholders(src, maxPlaceholders)
	marks, signs := docPlaceholders(src, free)
	if signs {
		src = protectDocSigns(doc, src, marks) // see signs.go
	}
	cfg, bars := quoteBars(cfg, free, marks) // see quotebars.go
	if cfg.CodeBlock.Theme == "" && cfg.CodeBlock.Chroma == nil {
		src = codeBackslashesTwice(doc, src) // see plaincode.go
	}
	// at renders blocks, top-level blocks of doc, as a document of their
	// own wrapped at w
	at := func(blocks []ast.Node, w int) ([]string, error) {
		d := ast.NewDocument()
		for _, b := range blocks {
			d.AppendChild(d, b) // moved from the document they were in
		}
		r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(
			gansi.NewRenderer(gansi.Options{WordWrap: max(w, 10), Styles: *cfg, PreserveNewLines: true}), 1000)))
		var out bytes.Buffer
		// Glamour tokenises code (matchtimeout.go); a panic is recovered
		// by renderUntil's render
		err := func() error {
			chromaMu.RLock()
			defer chromaMu.RUnlock()
			return r.Render(&out, src, d)
		}()
		if err != nil {
			return nil, err
		}
		if bars.ph != 0 {
			b := bars.restore(out.Bytes())
			out.Reset()
			out.Write(b)
		}
		if signs {
			b := marks.restore(out.Bytes())
			out.Reset()
			out.Write(b)
		}
		if schemes {
			b := withSchemes(out.Bytes())
			out.Reset()
			out.Write(b)
		}
		if renderedCells != nil {
			renderedCells(w * strings.Count(out.String(), "\n"))
		}
		lines := strings.Split(strings.Trim(out.String(), "\n"), "\n")
		for i, l := range lines {
			lines[i] = trimRightCells(l)
		}
		for len(lines) > 1 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1] // the margins of nested blocks
		}
		if entries != nil {
			lines = listedOnce(lines, entries, code, max(w, 10))
		}
		return lines, nil
	}
	var blocks []ast.Node
	starts := []int{0} // of each block in src, for cutting blocks near their middle
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		if len(blocks) > 0 {
			starts = append(starts, max(blockStart(b), starts[len(starts)-1]))
		}
		blocks = append(blocks, b)
	}
	starts = append(starts, max(len(src), starts[len(starts)-1]))
	for i := 0; i < len(blocks); i++ {
		// a table that Glamour would show cut is shown as a paragraph a
		// row (tables.go)
		b := blocks[i]
		if b.Kind() != east.KindTable {
			continue
		}
		if width > firstWrap && !wholeWraps {
			// one that shows all at a narrow width as it is laid out
			// unwrapped shows all wider: asked there first (tables.go)
			if lines, err := at([]ast.Node{b}, firstWrap); err == nil && tableUnwrapped(b, src, lines) && tableShowsAll(b, src, lines, marks) {
				continue
			}
		}
		lines, err := at([]ast.Node{b}, width)
		if err != nil || tableShowsAll(b, src, lines, marks) {
			continue
		}
		var rows []ast.Node
		src, rows = tableAsRows(b, src)
		blocks = slices.Replace(blocks, i, i+1, rows...)
		for range len(rows) - 1 {
			starts = slices.Insert(starts, i+1, starts[i])
		}
		i += len(rows) - 1
	}
	// Glamour pads every line to the width, a styled cell at a time, in
	// each block around it: at 10,000 columns a 30 KB piece of short
	// paragraphs took 3 minutes (a helper's report). So md is rendered at
	// a narrower wrap first, doubled while any line reaches half of it. A
	// line wrapped at w leaves at least (w-1)/2 cells on it or on the next
	// line (a word that does not fit goes whole to the next, or is cut at
	// w), so when every line is shorter nothing was wrapped, and the
	// rendering at width differs only in the padding trimmed. A table
	// fills the width it is given: it is rendered at width, and the blocks
	// with it not narrower first (fitter.fit). A run of spaces is where a
	// wrap may leave two short lines: w starts past it.
	w := max(firstWrap, 2*longestSpaceRun(md)+16)
	if w >= width || len(blocks) == 0 {
		return at(blocks, width)
	}
	f := fitter{blocks: blocks, starts: starts, width: width, at: at}
	return f.fit(0, len(blocks), w)
}

// fitter renders the top-level blocks of a document each at the narrowest
// wrap, from a first one doubled up to width, that leaves every line shorter than half
// of it (see renderPart), and at width if none does; blocks with a table,
// which fills any wrap, at width, cut apart from the rest where they can
// be. Where most of the
// lines need no wider wrap (a very long paragraph among short ones), the
// blocks are cut in two between two paragraphs, where cutting changes
// nothing in Glamour's rendering but the leading newline of a paragraph
// after another (trimmed; neither paragraph may render as nothing, see
// fitter.joins), and each half is fitted alone: one long
// paragraph had the whole piece rendered at width (show --width 10000 of
// 2,000 short paragraphs and one long one: 43 s and 520 MB, against 1.4 s
// without it). Cut near their middle in bytes, the blocks are rendered at
// one wrap about as many times as the piece can be halved; they are cut
// only where most of the lines are short and would be padded at two wider
// wraps or more, and doubling otherwise pads no more short lines than long
// ones.
type fitter struct {
	blocks []ast.Node
	starts []int // of each block in the source, and its end after the last
	width  int
	at     func(blocks []ast.Node, w int) ([]string, error)
}

// fit renders blocks[lo:hi] from the wrap w.
func (f *fitter) fit(lo, hi, w int) ([]string, error) {
	if w >= f.width {
		return f.at(f.blocks[lo:hi], f.width)
	}
	if !wholeWraps && slices.ContainsFunc(f.blocks[lo:hi], func(b ast.Node) bool { return b.Kind() == east.KindTable }) {
		// a table fills the width it is given: its lines reach half of
		// any narrower wrap, and the blocks with it are rendered at width
		// in the end. So they are not rendered narrower first: cut apart
		// where they can be, the rest rendered at width (60 tables at
		// 10,000 columns: BenchmarkRenderTables)
		cut, err := f.cut(lo, hi, w)
		if err != nil {
			return nil, err
		}
		if cut == lo {
			return f.at(f.blocks[lo:hi], f.width)
		}
		return f.halves(lo, cut, hi, w)
	}
	lines, err := f.at(f.blocks[lo:hi], w)
	if err != nil {
		return nil, err
	}
	long := 0
	for _, l := range lines {
		if ansi.StringWidth(l) >= (w-1)/2 {
			long++
		}
	}
	if long == 0 {
		return lines, nil
	}
	// cut where most lines are short and doubling would pad them at
	// least twice more (at 2w, 4w, then width); else double
	if long*2 >= len(lines) || 4*w >= f.width || wholeWraps {
		return f.fit(lo, hi, 2*w)
	}
	cut, err := f.cut(lo, hi, w)
	if err != nil {
		return nil, err
	}
	if cut > lo {
		return f.halves(lo, cut, hi, w)
	}
	return f.fit(lo, hi, 2*w)
}

// halves fits blocks[lo:cut] and blocks[cut:hi] from the wrap w and joins
// them (see fitter.joins).
func (f *fitter) halves(lo, cut, hi, w int) ([]string, error) {
	first, err := f.fit(lo, cut, w)
	if err != nil {
		return nil, err
	}
	rest, err := f.fit(cut, hi, w)
	if err != nil {
		return nil, err
	}
	return append(append(first, ""), rest...), nil // Glamour separates paragraphs by one blank line
}

// cut is the index in (lo, hi) of the paragraph after a paragraph that
// starts nearest the middle of blocks[lo:hi] in bytes, where the two
// paragraphs rendered together at w are their renderings joined by one
// blank line, or lo when there is none among the maxCutTries nearest.
func (f *fitter) cut(lo, hi, w int) (int, error) {
	mid := (f.starts[lo] + f.starts[hi]) / 2
	var cands []int
	for i := lo + 1; i < hi; i++ {
		if f.blocks[i].Kind() == ast.KindParagraph && f.blocks[i-1].Kind() == ast.KindParagraph {
			cands = append(cands, i)
		}
	}
	slices.SortStableFunc(cands, func(a, b int) int { return abs(f.starts[a]-mid) - abs(f.starts[b]-mid) })
	for _, i := range cands[:min(len(cands), maxCutTries)] {
		ok, err := f.joins(i, w)
		if err != nil || ok {
			return i, err
		}
	}
	return lo, nil
}

// maxCutTries bounds the cuts fitter.cut tries in blocks[lo:hi]: each
// costs two paragraphs rendered three times.
const maxCutTries = 8

// joins says whether blocks[i-1] and blocks[i], two paragraphs, each
// rendered alone at w start and end with a line that is not blank, and
// rendered together are the first, one blank line, then the second: the
// join fitter.fit makes of two halves. A paragraph that renders as nothing
// (an HTML anchor or an empty span alone) does not: Glamour still writes
// the newline before it, one more blank line between its neighbours, which
// a half trims at its end or start; nor one that renders as a blank line
// (a styled space), which a half trims at its end.
func (f *fitter) joins(i, w int) (bool, error) {
	both, err := f.at(f.blocks[i-1:i+1], w)
	if err != nil {
		return false, err
	}
	before, err := f.at(f.blocks[i-1:i], w)
	if err != nil {
		return false, err
	}
	after, err := f.at(f.blocks[i:i+1], w)
	if err != nil {
		return false, err
	}
	solid := func(lines []string) bool { return lines[0] != "" && lines[len(lines)-1] != "" }
	return solid(before) && solid(after) && slices.Equal(both, append(append(before, ""), after...)), nil
}

// blockStart is the offset in the source of block's first line, or -1
// when it has none (a thematic break).
func blockStart(block ast.Node) int {
	for n := block; n != nil; n = n.FirstChild() {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return -1
}

// Set by tests: renderedCells is told the cells Glamour padded in each
// rendering (the wrap times the lines); wholeWraps keeps a piece's blocks
// together, as before fitter cut them, and asks a table whether it shows
// all at width alone, as before it was asked at a narrow one first.
var (
	renderedCells func(cells int)
	wholeWraps    bool
)

// expandTabs replaces each tab of md by spaces: in a line's leading
// whitespace, to the next tab stop of 4 characters, as CommonMark reads a
// tab where it makes the blocks (indented code, a list item's content),
// so the blocks are the same; after it, to the next stop of 8 counted from
// where the indentation and block markers end (blockPrefix), as a terminal and a browser's <pre>
// show a tab in text (a review: tab-separated data in a code block lost
// its columns at stops of 4). Glamour counted a tab as one cell where it
// wraps, and a terminal moves to its next tab stop of 8: a line of tabs
// went past the width (a helper's report: show --width 40 printed lines
// of 130 columns, and the reader, whose screen shows a tab as 4 spaces,
// cut the words past its column).
func expandTabs(md string) string {
	if !strings.Contains(md, "\t") {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + len(md)/8)
	for line := range strings.Lines(md) {
		// a tab in a line's trailing blanks is no text: spaces for it
		// made "a\t\nb" a hard line break, which CommonMark (and goldmark)
		// read as a soft one (a helper's report: two lines)
		end := len(strings.TrimRight(line, "\r\n"))
		if body := strings.TrimRight(line[:end], " \t"); strings.Contains(line[len(body):end], "\t") {
			// the spaces after the last tab alone: "a \t \n" ends in
			// one space, no hard break (a review)
			line = body + line[len(body)+strings.LastIndexByte(line[len(body):end], '\t')+1:]
		}
		last := strings.LastIndexByte(line, '\t')
		if last < 0 {
			b.WriteString(line) // a line without a tab is as it is: no cells counted
			continue
		}
		lead := blockPrefix(line)
		col, leadCol := 0, 0 // cells since the line's start; where the prefix ended
		for i, r := range line[:last+1] {
			if i == lead {
				leadCol = col
			}
			switch {
			case r == '\t' && i < lead:
				n := 4 - col%4
				b.WriteString("    "[:n])
				col += n
			case r == '\t':
				n := 8 - (col-leadCol)%8
				b.WriteString("        "[:n])
				col += n
			default:
				b.WriteRune(r)
				if r < utf8.RuneSelf {
					col++
				} else {
					col += cells.Width(string(r)) // 名 two, a combining mark none
				}
			}
		}
		b.WriteString(line[last+1:]) // after the last tab: no stop to count
	}
	return b.String()
}

// blockPrefix is the length of line's indentation and block markers
// (">", "-", "*", "+", "1.", "1)" followed by a space or a tab), where
// a tab is CommonMark's (a review: "-\tfoo" at a stop of 8 was a list
// item holding a code block).
func blockPrefix(line string) int {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		j := i
		switch {
		case j < len(line) && line[j] == '>':
			j++
		case j < len(line) && (line[j] == '-' || line[j] == '*' || line[j] == '+'):
			j++
		default:
			k := j
			for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k > j && k < len(line) && (line[k] == '.' || line[k] == ')') {
				j = k + 1
			}
		}
		if j == i || line[i] != '>' && j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '\n' {
			return i
		}
		i = j
	}
}

// firstWrap is the first width renderPart asks Glamour to wrap a piece at
// when it is asked for a wider one: wider than the reader's column
// (readerMaxWidth), which is rendered as it was.
const firstWrap = 128

// longestSpaceRun is the length of the longest run of spaces in s.
func longestSpaceRun(s string) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// fitLines splits text into lines without trailing blanks, cut to width.
func fitLines(text string, width int) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = truncateCells(trimRightCells(l), width)
	}
	return lines
}

// referenceDefinition is a link reference or footnote definition ("[1]: url",
// "[^1]: text"): a part without it would render its links differently.
var referenceDefinition = regexp.MustCompile(`(?m)^ {0,3}\[[^\]]+\]:`)

// splitMarkdown cuts md into at most n parts of similar size, only at blank
// lines between two plain paragraphs outside fenced code: a line of text
// that does not start with a space, a list marker, a quote, a table, a
// heading underline or HTML, after one that is not indented either. A piece
// with reference definitions or any HTML (a comment or a <pre> can hold
// blank lines), or too short, stays whole.
func splitMarkdown(md string, n int) []string {
	if n < 2 || len(md) < minSplitBytes || referenceDefinition.MatchString(md) || strings.Contains(md, "<") {
		return []string{md}
	}
	cuts := safeCuts(md)
	var parts []string
	start := 0
	for k := 1; k < n; k++ {
		target := len(md) * k / n
		best := -1
		for _, c := range cuts {
			if c > start && (best < 0 || abs(c-target) < abs(best-target)) {
				best = c
			}
		}
		if best < 0 || best-start < minSplitBytes/4 || len(md)-best < minSplitBytes/4 {
			break
		}
		parts = append(parts, strings.TrimRight(md[start:best], "\n"))
		start = best
	}
	return append(parts, md[start:])
}

// safeCuts returns the byte offsets where md may be cut: the line after a
// blank line between two plain paragraph lines, outside fenced code.
func safeCuts(md string) []int {
	var cuts []int
	fence := "" // the opening fence of the code block we are in
	prev := ""
	for off := 0; off < len(md); {
		end := strings.IndexByte(md[off:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += off
		}
		line := md[off:end]
		fence = nextFence(fence, line)
		if fence == "" && strings.TrimSpace(line) == "" && plainParagraphLine(prev) && end+1 < len(md) {
			next := md[end+1:]
			if i := strings.IndexByte(next, '\n'); i >= 0 {
				next = next[:i]
			}
			if plainParagraphLine(next) {
				cuts = append(cuts, end+1)
			}
		}
		prev = line
		off = end + 1
	}
	return cuts
}

// nextFence follows fenced code blocks (CommonMark): a fence is three or
// more backticks or tildes indented by at most three spaces, closed by a
// fence of the same character at least as long with nothing after it.
// open is the opening fence of the block line is in, "" outside one.
func nextFence(open, line string) string {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if indent > 3 {
		return open
	}
	rest := line[indent:]
	if rest == "" || (rest[0] != '`' && rest[0] != '~') {
		return open
	}
	run := len(rest) - len(strings.TrimLeft(rest, rest[:1]))
	if run < 3 {
		return open
	}
	if open == "" {
		return rest[:run]
	}
	if rest[0] == open[0] && run >= len(open) && strings.TrimSpace(rest[run:]) == "" {
		return ""
	}
	return open
}

// plainParagraphLine reports whether line is text of a top-level paragraph.
func plainParagraphLine(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLetter(r) && r != '“' && r != '"' && r != '‘' && r != '\'' && r != '(' {
		return false
	}
	// "1." is a list, "A." may be one (with some extensions); a letter
	// followed by text is a sentence.
	if len(line) > 1 && (line[1] == '.' || line[1] == ')') {
		return false
	}
	return !strings.HasSuffix(strings.TrimRight(line, " "), "  ") // a hard break joins the next line
}
