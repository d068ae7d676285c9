package ui

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Glamour (v2.0.1, ansi/elements.go) renders a Text node's hard line break
// and its soft line break alike, as a new line, and a paragraph then
// replaces every new line by a space unless Options.PreserveNewLines is
// set (ansi/paragraph.go): a hard break ("a  \n", "a\\\n", an inline
// <br>) showed as a space, and a poem, an address or a transcript's
// "Q:<br>A:" lost its lines (charmbracelet/glamour#84, open). Where no
// paragraph replaced it (a tight list item, a setext heading) a soft break
// was a new line. folio renders with PreserveNewLines, the one place
// Glamour reads it, and before rendering makes the document say what each
// new line is (lineBreaks): a hard break a new line, a soft break a space.

// brTag is an inline <br>, <br/> or <br /> in any case.
var brTag = regexp.MustCompile(`(?i)^<br\s*/?>$`)

// lineBreaks makes doc, parsed from src (to which it may append, returning
// the new src), show its line breaks as CommonMark says, once Glamour
// keeps every new line (PreserveNewLines): each soft line break outside
// code becomes a space at the end of its Text (the line's end in src,
// folio's own copy, is that space), an inline <br> a hard line break (an
// empty Text; in an image's text, which is one line, a space, as a hard
// break there is), a line ending in a code span or inline HTML a space, and a
// reference that decodes to a new line ("&#10;", "&NewLine;"), which
// Glamour decodes in text, a space. A hard break with nothing after it
// in its block is none, as in CommonMark, and a soft break or the spaces
// right after a <br> nothing, as a browser shows them.
func lineBreaks(doc ast.Node, src []byte) []byte {
	var texts []*ast.Text
	var raws []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			texts = append(texts, n)
		case *ast.RawHTML:
			raws = append(raws, n)
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			// CommonMark: a code span's line endings are spaces
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					if s := t.Segment; s.Len() >= 2 && s.Stop <= len(src) && src[s.Stop-2] == '\r' && src[s.Stop-1] == '\n' {
						t.Segment = s.WithStop(s.Stop - 1) // one space
					}
					spaceNewLines(src, t.Segment)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	var brs []*ast.Text
	space := -1 // of a space appended to src, for a Text not followed by one
	for _, r := range raws {
		segs := r.Segments
		var v []byte
		for i := range segs.Len() {
			seg := segs.At(i)
			v = append(v, seg.Value(src)...)
		}
		if !brTag.Match(v) {
			for i := range segs.Len() {
				spaceNewLines(src, segs.At(i))
			}
			continue
		}
		at := 0
		if segs.Len() > 0 {
			at = segs.At(0).Start
		}
		if inImage(r) { // an image's text is one line: a space
			if space < 0 {
				space = len(src)
				src = append(src, ' ')
			}
			if p := r.Parent(); p != nil {
				p.ReplaceChild(p, r, ast.NewTextSegment(text.NewSegment(space, space+1)))
			}
			continue
		}
		br := ast.NewTextSegment(text.NewSegment(at, at))
		br.SetHardLineBreak(true)
		if p := r.Parent(); p != nil {
			p.ReplaceChild(p, r, br)
		}
		brs = append(brs, br)
	}
	for _, br := range brs {
		if t, ok := br.NextSibling().(*ast.Text); ok && !t.IsRaw() {
			t.Segment = t.Segment.TrimLeftSpace(src) // "a<br> b"
		}
	}
	for _, t := range texts {
		if t.Parent() == nil {
			continue
		}
		if t.HardLineBreak() && inImage(t) {
			// an image's text is one line (Glamour joined its lines'
			// words): the break a space, as a soft one
			t.SetHardLineBreak(false)
			t.SetSoftLineBreak(true)
		}
		if t.SoftLineBreak() && !t.HardLineBreak() {
			t.SetSoftLineBreak(false)
			if len(bytes.TrimSpace(t.Segment.Value(src))) == 0 && afterHardBreak(t) {
				continue // "a<br>\nb": the break is the <br>
			}
			switch s := t.Segment.Stop; {
			case s < len(src) && (src[s] == ' ' || src[s] == '\t' || src[s] == '\r' || src[s] == '\n'):
				src[s] = ' ' // the line's end, in no other node
				t.Segment = t.Segment.WithStop(s + 1)
			default:
				if space < 0 {
					space = len(src)
					src = append(src, ' ')
				}
				sp := ast.NewTextSegment(text.NewSegment(space, space+1))
				t.Parent().InsertAfter(t.Parent(), t, sp)
			}
		}
		if v := t.Segment.Value(src); bytes.IndexByte(v, '&') >= 0 && !glamourTakesRaw(t) {
			// its references to a backslash written "\\", as
			// backslashRefs writes them: a backslash decoded is one
			// Glamour reads as an escape ("&#92;]" showed "]")
			if u := html.UnescapeString(escapeBackslashRefs(string(v))); strings.ContainsAny(u, "\n\r") {
				u = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "&", "&amp;").Replace(u)
				start := len(src)
				src = append(src, u...)
				t.Segment = text.NewSegment(start, len(src))
			}
		}
	}
	for _, br := range brs {
		if br.HardLineBreak() && !contentAfter(br, src) {
			br.SetHardLineBreak(false)
		}
	}
	return src
}

// inImage says whether n is in an image's text.
func inImage(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindImage {
			return true
		}
	}
	return false
}

// spaceNewLines replaces the line endings in seg of src by spaces.
func spaceNewLines(src []byte, seg text.Segment) {
	if seg.Start < 0 || seg.Stop > len(src) || seg.Stop <= seg.Start {
		return
	}
	for i := seg.Start; i < seg.Stop; i++ {
		if src[i] == '\n' || src[i] == '\r' {
			src[i] = ' '
		}
	}
}

// afterHardBreak says whether a hard line break comes right before t in
// its block, blank text between them.
func afterHardBreak(t ast.Node) bool {
	for n := t.PreviousSibling(); n != nil; n = n.PreviousSibling() {
		p, ok := n.(*ast.Text)
		if !ok {
			return false
		}
		if p.HardLineBreak() {
			return true
		}
		if p.Segment.Len() > 0 || p.SoftLineBreak() {
			return false
		}
	}
	return false
}

// contentAfter says whether anything but blank text follows n in its
// block: a line break with nothing after it breaks no line.
func contentAfter(n ast.Node, src []byte) bool {
	for m := n; m != nil && m.Type() == ast.TypeInline; m = m.Parent() {
		for s := m.NextSibling(); s != nil; s = s.NextSibling() {
			t, ok := s.(*ast.Text)
			if !ok || t.HardLineBreak() || t.SoftLineBreak() || len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
				return true
			}
		}
	}
	return false
}

// itemParagraphs makes each paragraph of a list item after another end
// that one with a blank line: Glamour (v2.0.1) renders a paragraph in a
// list item as its inline content alone, so that two ran together (41f: a
// footnote of two paragraphs, which the archive writes as a list item of
// two, read "Note B first paragraph.Note B second paragraph."). Two empty
// Texts with a hard line break end the paragraph before, as lineBreaks
// writes a <br>; the second paragraph starts at the item's margin, as a
// wrapped line of the item does.
func itemParagraphs(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindListItem:
		default:
			return ast.WalkContinue, nil
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			next := c.NextSibling()
			if c.Kind() != ast.KindParagraph || next == nil || next.Kind() != ast.KindParagraph || c.LastChild() == nil {
				continue
			}
			at := 0
			if l := c.Lines(); l.Len() > 0 {
				at = l.At(l.Len() - 1).Stop
			}
			for range 2 {
				br := ast.NewTextSegment(text.NewSegment(at, at))
				br.SetHardLineBreak(true)
				c.AppendChild(c, br)
			}
		}
		return ast.WalkContinue, nil
	})
}
