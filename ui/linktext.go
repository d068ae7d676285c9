package ui

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// maxJudgedText bounds the text of a link read to judge it: a longer text
// is no URL of a site (a host is at most 253 bytes) and is not read whole.
const maxJudgedText = 4 << 10

// linksOfOtherSites makes text each link of doc, parsed from src (to which
// it appends, returning the new src), whose text reads as a URL or a
// domain of another site than the one it opens (archive.LinkTextElsewhere):
// "[https://good.example.com/t](https://evil.example.net/t)" showed, as a
// live link, good.example.com alone in a table cell, and beside its
// target elsewhere. Judged here, where the text is final, not in the
// Markdown: written with references ("https&#58;//…"), over two lines,
// with "](" or an escaped "]" in it, or as a reference link
// ("[https://good.example.com][r]"), it stayed a link when the body's
// raw lines were read. Such a link shows as "[" its text "](" its
// destination ")", its text's emphasis kept, as a link made text in the
// archive does. Each link is read once, its text up to maxJudgedText
// bytes: linear in the document.
func linksOfOtherSites(doc ast.Node, src []byte) []byte {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, n)
			return ast.WalkSkipChildren, nil // no link holds a link
		case *ast.Image:
			return ast.WalkSkipChildren, nil // an image's link is the image's
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		shown, ok := linkText(l, src)
		if !ok || !archive.LinkTextElsewhere(shown, string(l.Destination)) {
			continue
		}
		p := l.Parent()
		if p == nil {
			continue
		}
		var open, close *ast.Text
		src, open = appendText(src, "[")
		src, close = appendText(src, "]("+string(l.Destination)+")")
		p.InsertBefore(p, l, open)
		for c := l.FirstChild(); c != nil; {
			next := c.NextSibling()
			p.InsertBefore(p, l, c) // moved out of the link
			c = next
		}
		p.InsertBefore(p, l, close)
		p.RemoveChild(p, l)
	}
	return src
}

// decodeDestinations makes the destination of each link and image of doc
// the URL it opens: goldmark keeps a destination as written and decodes
// its backslash escapes and references when it writes HTML (CommonMark:
// "[r](https://a.example/?x=1&amp;y=2)" opens "https://a.example/?x=1&y=2"),
// Glamour shows and opens it as written: "&amp;" shown, a hyperlink to a
// URL the link does not name, and a link whose text is its URL shown twice
// ("https://a.example/?x=1&y=2 https://a.example/?x=1&amp;y=2", in a
// table's list too: shownAsURL compares the text shown with it). An
// autolink is left as written (CommonMark decodes none in it), and so is
// a destination that decodes to a control character ("&#10;"), which no
// URL holds: shown as written, as before.
func decodeDestinations(doc ast.Node) {
	decode := func(dest []byte) []byte {
		if bytes.IndexByte(dest, '&') < 0 && bytes.IndexByte(dest, '\\') < 0 {
			return dest
		}
		d := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(dest)))
		if bytes.ContainsFunc(d, unicode.IsControl) {
			return dest
		}
		return d
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = decode(n.Destination)
		case *ast.Image:
			n.Destination = decode(n.Destination)
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindCodeSpan:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// autoLinksAsWritten makes each URL of doc that GFM's linkify found
// without its scheme ("www.example.org") show as written, not as
// "http://www.example.org", which Glamour shows of it (its URL, with the
// scheme linkify takes for it; 41f). Glamour shows a URL without a scheme
// as a path, "/www.example.org", and makes it a hyperlink to
// "www.example.org", which termsafe drops: withSchemes mends both, for a
// link written [text](www.example.org) too. It reports whether doc holds
// such a URL.
func autoLinksAsWritten(doc ast.Node) bool {
	made := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.AutoLink:
			if l.AutoLinkType == ast.AutoLinkURL && l.Protocol != nil {
				l.Protocol = nil
				made = true
			}
		case *ast.Link:
			made = made || hasPrefixFold(l.Destination, "www.")
		}
		return ast.WalkContinue, nil
	})
	return made
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// schemeless finds a terminal hyperlink Glamour writes on a URL without a
// scheme that starts "www.", and the "/" it shows before it.
var schemeless = regexp.MustCompile(`\x1b\]8;([^;\x07\x1b]*);((?i:www\.)[^\x07\x1b]*)(\x07|\x1b\\)(/(?i:www\.))?`)

// withSchemes is rendered with each hyperlink on a URL written without a
// scheme (autoLinksAsWritten) opening it over http, as linkify reads it, so
// that it stays a hyperlink (termsafe keeps only http(s) ones), and the
// URL shown as written, without the "/" Glamour shows before it.
func withSchemes(rendered []byte) []byte {
	return schemeless.ReplaceAllFunc(rendered, func(m []byte) []byte {
		sub := schemeless.FindSubmatch(m)
		out := append([]byte("\x1b]8;"), sub[1]...)
		out = append(append(append(out, ";http://"...), sub[2]...), sub[3]...)
		if len(sub[4]) > 0 {
			out = append(out, sub[4][1:]...) // "www." without the "/"
		}
		return out
	})
}

// linkText is the text link shows, as Glamour shows a Text (references
// decoded; an escape's backslash dropped), its lines joined by spaces, an
// image in it aside; not ok when it is longer than maxJudgedText.
func linkText(link ast.Node, src []byte) (string, bool) {
	var b strings.Builder
	ok := true
	_ = ast.Walk(link, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == link {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			return ast.WalkSkipChildren, nil // shown as an image, its text apart
		case *ast.Text:
			b.Write(writtenText(n, src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		}
		if b.Len() > maxJudgedText {
			ok = false
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if !ok {
		return "", false
	}
	return html.UnescapeString(string(util.UnescapePunctuations([]byte(b.String())))), true
}

// appendText is src with s appended, escaped as Glamour unescapes a Text,
// and a Text of it.
func appendText(src []byte, s string) ([]byte, *ast.Text) {
	start := len(src)
	src = append(src, html.EscapeString(s)...)
	return src, ast.NewTextSegment(text.NewSegment(start, len(src)))
}

// wordsAroundLinks keeps whole a word a link is part of. Glamour shows a
// link as its text then its URL, so "[expand](https://example.com/x)ed"
// read "expand https://example.com/xed": the word parted (find-in-piece
// missed "expanded") and the URL shown wrong (41f: 4 of the 30 web pages
// added with add --html). So the letters of the word right after a link's
// text (in emphasis too: joinWordAfter), or right before it, are made
// part of the link's text, and the URL comes after the whole word:
// "expanded https://example.com/x". A word is
// letters, digits and marks, with an apostrophe between them ("Obama’s"),
// of a script that sets words apart with spaces, at most archive.MaxWordJoin
// runes; punctuation is no part of it ("[report](u)." stays "report u."),
// nor are letters of a script written without spaces between words (Han,
// kana, Thai…: a link's text there is not moved into its sentence). A link
// whose text is its URL shows it once, as an autolink does; and where the
// URL a link, an image or an autolink shows still touches a letter or a
// digit (one not moved: "[链接](u)的", "<https://example.com>ed"), a space
// sets it apart. Links in a table are shown there without their URLs (a
// number, and the URL listed under it): only the words are joined there,
// a link whose text is its URL shows it decoded (tableURLLink), and an
// autolink is made a link of its URL (tableAutoLink); the rest is done
// when the table is shown as rows (tableAsRows).
// src is appended to (the space, a URL) and returned; each link is read
// once, its text up to maxJudgedText bytes.
func wordsAroundLinks(doc ast.Node, src []byte) []byte {
	sp := spacer{src: src, at: -1}
	for _, f := range linkNodes(doc) {
		if !f.inTable {
			asInParagraph(f.n, &sp, true)
			continue
		}
		switch n := f.n.(type) {
		case *ast.Link:
			shown, ok := linkText(n, sp.src)
			switch {
			case !ok || n.Parent() == nil:
			case shownAsURL(n, shown):
				sp.src = tableURLLink(n, sp.src)
			default:
				joinWord(n, shown, sp.src)
			}
		case *ast.AutoLink:
			sp.src = tableAutoLink(n, sp.src)
		}
	}
	return sp.src
}

// autoLinkAttr names the attribute of a link in a table shown as its URL
// (tableAutoLink, tableURLLink): the autolink it is out of the table.
var autoLinkAttr = []byte("folio-autolink")

// tableURLLink makes l, a link in a table whose text is its URL
// (shownAsURL), show its URL as a paragraph does, its destination (Glamour
// shows a table's link text as written: "&#47;" and "\_" as such),
// appending it to src (returned), and keeps in its attributes
// (autoLinkAttr) the autolink it is out of the table: its entry under the
// table shows the URL once (listedOnce), a table shown as rows shows the
// autolink (tableAsRows), and no word after it is joined to its text
// ("[https://example.org/r](https://example.org/r)ed" showed
// "https://example.org/red[1]").
func tableURLLink(l *ast.Link, src []byte) []byte {
	start := len(src)
	src = append(src, l.Destination...)
	for l.FirstChild() != nil {
		l.RemoveChild(l, l.FirstChild())
	}
	l.AppendChild(l, ast.NewTextSegment(text.NewSegment(start, len(src))))
	l.SetAttribute(autoLinkAttr, ast.NewAutoLink(ast.AutoLinkURL, ast.NewTextSegment(text.NewSegment(start, len(src)))))
	return src
}

// tableAutoLink makes a, an autolink in a table, a link whose text is
// what it shows in a paragraph, its URL as written (an e-mail address
// without "mailto:"), appending that text to src (returned). Glamour
// (v2.0.1, table_links.go) shows an autolink in a table as its host alone,
// "example.org[2]" for <https://example.org/other> (a helper's report,
// 46d), "owner/repo#1" for a GitHub issue's URL, and as its number alone
// ("[3]") where the URL has no host (an e-mail address, "www.example.org"),
// and a link as its text. The link keeps a in its attributes
// (autoLinkAttr): a table shown as rows shows a again (tableAsRows).
func tableAutoLink(a *ast.AutoLink, src []byte) []byte {
	p := a.Parent()
	if p == nil {
		return src
	}
	label := a.Label(src)
	dest := a.URL(src)
	if a.AutoLinkType == ast.AutoLinkEmail && !hasPrefixFold(dest, "mailto:") {
		dest = append([]byte("mailto:"), dest...) // as Glamour opens it
	}
	l := ast.NewLink()
	l.Destination = dest
	var t *ast.Text
	src, t = appendRaw(src, string(label)) // a table's link text is shown as written
	l.AppendChild(l, t)
	l.SetAttribute(autoLinkAttr, a)
	p.ReplaceChild(p, a, l)
	return src
}

// linkNode is a link, an image or an autolink of a tree (linkNodes), and
// whether it is in a table.
type linkNode struct {
	n       ast.Node
	inTable bool
}

// linkNodes are the links, images and autolinks of tree, in its order,
// but those in code; an image in a link's text after the link.
func linkNodes(tree ast.Node) []linkNode {
	var nodes []linkNode
	table := 0
	_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == east.KindTable {
			if entering {
				table++
			} else {
				table--
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink:
			nodes = append(nodes, linkNode{n, table > 0})
			if n.Kind() == ast.KindLink {
				return ast.WalkContinue, nil // an image in a link
			}
			return ast.WalkSkipChildren, nil
		}
		switch n.Kind() {
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindCodeSpan:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return nodes
}

// spacer appends to src (the space of wordsAroundLinks) once.
type spacer struct {
	src []byte
	at  int // of the space appended to src, -1 before
}

// text is a Text of one space.
func (s *spacer) text() *ast.Text {
	if s.at < 0 {
		s.at = len(s.src)
		s.src = append(s.src, ' ')
	}
	return ast.NewTextSegment(text.NewSegment(s.at, s.at+1))
}

// asInParagraph makes n, a link, an image or an autolink out of a table
// (wordsAroundLinks; a table's cell shown as a row's line, tableAsRows),
// show as Glamour shows one in a paragraph should: a link whose text is
// its URL as that URL alone (an autolink), any other link with the word
// it is part of as its text when join is set, and a space between a URL
// shown last and a letter or a digit it touches.
func asInParagraph(n ast.Node, sp *spacer, join bool) {
	p := n.Parent()
	if p == nil {
		return
	}
	if l, ok := n.(*ast.Link); ok {
		shown, ok := linkText(l, sp.src)
		if !ok {
			return
		}
		if shownAsURL(l, shown) {
			start := len(sp.src)
			sp.src = append(sp.src, l.Destination...)
			a := ast.NewAutoLink(ast.AutoLinkURL, ast.NewTextSegment(text.NewSegment(start, len(sp.src))))
			p.ReplaceChild(p, l, a)
			n = a
		} else if join {
			joinWord(l, shown, sp.src)
		}
	}
	if showsURLLast(n) && n.NextSibling() != nil {
		if r := firstShown(n.NextSibling(), sp.src); unicode.IsLetter(r) || unicode.IsNumber(r) {
			p.InsertAfter(p, n, sp.text())
		}
	}
	if a, ok := n.(*ast.AutoLink); ok && a.AutoLinkType == ast.AutoLinkURL {
		// shown as its URL alone: a letter before it touches it too
		if t, ok := n.PreviousSibling().(*ast.Text); ok && !t.IsRaw() && !t.SoftLineBreak() && !t.HardLineBreak() {
			if r, _ := utf8.DecodeLastRune(t.Segment.Value(sp.src)); unicode.IsLetter(r) || unicode.IsNumber(r) {
				p.InsertBefore(p, n, sp.text())
			}
		}
	}
}

// joinWord makes the letters of a word right after link's text (shown),
// and right before it, part of its text (see wordsAroundLinks).
func joinWord(l *ast.Link, shown string, src []byte) {
	first, _ := utf8.DecodeRuneInString(shown)
	last, _ := utf8.DecodeLastRuneInString(shown)
	// a link of the same URL after it, in the same word, is one with it
	// ("[expand](u)[ed](u)", as a page split an element: 41f)
	for archive.JoinsWord(last) {
		next, ok := l.NextSibling().(*ast.Link)
		if !ok || string(next.Destination) != string(l.Destination) {
			break
		}
		more, ok := linkText(next, src)
		if r, _ := utf8.DecodeRuneInString(more); !ok || !archive.JoinsWord(r) || len(shown)+len(more) > maxJudgedText {
			break
		}
		for c := next.FirstChild(); c != nil; {
			after := c.NextSibling()
			l.AppendChild(l, c) // moved from next
			c = after
		}
		l.Parent().RemoveChild(l.Parent(), next)
		shown += more
		last, _ = utf8.DecodeLastRuneInString(shown)
	}
	if archive.JoinsWord(last) {
		joinWordAfter(l, src)
	}
	if t, ok := l.PreviousSibling().(*ast.Text); ok && !t.IsRaw() && !t.SoftLineBreak() && !t.HardLineBreak() && archive.JoinsWord(first) {
		v := t.Segment.Value(src)
		if k := archive.WordRun(v, true); k > 0 {
			if len(v) > k && (v[len(v)-k-1] == '&' || v[len(v)-k-1] == '#') {
				return // a reference's name ("caf&eacute[x](u)")
			}
			moved := ast.NewTextSegment(text.NewSegment(t.Segment.Stop-k, t.Segment.Stop))
			t.Segment = t.Segment.WithStop(t.Segment.Stop - k)
			l.InsertBefore(l, l.FirstChild(), moved)
		}
	}
}

// wordPiece is a piece of the word after a link (joinWordAfter): the
// sibling at after the link, which is the text t or emphasis around it
// (chain: at and each first child down to t's parent), and the k bytes of
// t's text that are of the word.
type wordPiece struct {
	at    ast.Node
	chain []ast.Node
	t     *ast.Text
	k     int
}

// whole says whether the piece is the word alone: all of its text, and
// nothing else in its emphasis.
func (p wordPiece) whole() bool {
	if p.k < p.t.Segment.Len() || p.t.SoftLineBreak() || p.t.HardLineBreak() || len(p.chain) > 0 && p.t.NextSibling() != nil {
		return false
	}
	for _, c := range p.chain {
		if c.FirstChild() != c.LastChild() {
			return false
		}
	}
	return true
}

// maxWordPieces bounds the siblings a word after a link is looked for in.
const maxWordPieces = 8

// joinWordAfter makes the word right after link part of its text: the
// letters of the text after it, and those of emphasis or strikethrough
// the word goes on in ("[expand](u)*ed*" read "expand u ed": a read of
// the change, 42rc), moved in emphasis of their own, up to
// archive.MaxWordJoin letters in all (a longer run is no word: nothing
// is moved).
func joinWordAfter(l *ast.Link, src []byte) {
	var pieces []wordPiece
	runes := 0
	for n := l.NextSibling(); n != nil && len(pieces) < maxWordPieces; n = n.NextSibling() {
		var chain []ast.Node
		c := n
		for len(chain) < maxInlineDepth && c != nil && (c.Kind() == ast.KindEmphasis || c.Kind() == east.KindStrikethrough) {
			chain = append(chain, c)
			c = c.FirstChild()
		}
		t, ok := c.(*ast.Text)
		if !ok || t.IsRaw() {
			break
		}
		v := t.Segment.Value(src)
		k := archive.WordRun(v, false)
		if r := firstRune(v); k == 0 && archive.JoinsWord(r) {
			return // a run of letters too long to be a word
		}
		if k == 0 {
			break
		}
		if runes += utf8.RuneCount(v[:k]); runes > archive.MaxWordJoin {
			return
		}
		p := wordPiece{at: n, chain: chain, t: t, k: k}
		pieces = append(pieces, p)
		if !p.whole() {
			break // the word ends in it
		}
	}
	for _, p := range pieces {
		if len(p.chain) > 0 && p.whole() {
			l.AppendChild(l, p.at) // moved whole, its emphasis kept
			continue
		}
		moved := ast.Node(ast.NewTextSegment(text.NewSegment(p.t.Segment.Start, p.t.Segment.Start+p.k)))
		p.t.Segment = p.t.Segment.WithStart(p.t.Segment.Start + p.k)
		for i := len(p.chain) - 1; i >= 0; i-- {
			// the word's letters in emphasis of their own, as they were
			var e ast.Node
			if em, ok := p.chain[i].(*ast.Emphasis); ok {
				e = ast.NewEmphasis(em.Level)
			} else {
				e = east.NewStrikethrough()
			}
			e.AppendChild(e, moved)
			moved = e
		}
		l.AppendChild(l, moved)
	}
}

// firstShown is the first character Glamour shows of n, an inline: a
// text's (a character reference decoded), a link's text's, an autolink's URL's, emphasis' first text's;
// 0 for any other (a code span is shown with its own margin in most
// styles), or none.
func firstShown(n ast.Node, src []byte) rune {
	for depth := 0; n != nil && depth < 8; depth++ {
		switch m := n.(type) {
		case *ast.Text:
			r := firstRune(writtenText(m, src))
			if m.IsRaw() || r == utf8.RuneError {
				return 0
			}
			return r
		case *ast.AutoLink:
			r, _ := utf8.DecodeRune(m.Label(src))
			return r
		case *ast.Link:
			shown, _ := linkText(m, src)
			r, _ := utf8.DecodeRuneInString(shown)
			return r
		}
		switch n.Kind() {
		case ast.KindEmphasis, east.KindStrikethrough:
			n = n.FirstChild()
		default:
			return 0
		}
	}
	return 0
}

// firstRune is the first character text v shows, a character reference
// decoded ("&#97;log" shows "a": archive.ShownAt); RuneError for none.
func firstRune(v []byte) rune {
	if len(v) == 0 {
		return utf8.RuneError
	}
	s, _ := archive.ShownAt(v, 0)
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// shownAsURL says whether link, whose text shows as shown, is its own URL
// written out, which Glamour would show twice ("https://example.com/x
// https://example.com/x"): its text plain, one line, the URL absolute or
// starting "www.".
func shownAsURL(link *ast.Link, shown string) bool {
	if shown == "" || shown != string(link.Destination) {
		return false
	}
	for c := link.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.SoftLineBreak() || t.HardLineBreak() {
			return false
		}
	}
	u, err := url.Parse(shown)
	return err == nil && u.IsAbs() || hasPrefixFold(link.Destination, "www.")
}

// showsURLLast says whether Glamour shows n's URL last: a link's whose URL
// is not an anchor alone (Glamour shows none), an image's with a URL, an
// autolink's but an e-mail address's (shown as written).
func showsURLLast(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Link:
		u, err := url.Parse(string(n.Destination))
		return err == nil && "#"+u.Fragment != string(n.Destination)
	case *ast.Image:
		return len(n.Destination) > 0
	case *ast.AutoLink:
		return n.AutoLinkType == ast.AutoLinkURL
	}
	return false
}

// ShownOf is what a rendering of md shows besides its words, that a
// reader reads it without (state.NewTextAsRead), md parsed once: its
// footnotes' markers (noteMarkers, tableLinkMarkers), and the URLs it
// shows after its links' text (Glamour shows
// "[the report](https://example.com/r)" as "the report
// https://example.com/r"), as written and as Glamour writes a relative
// one, each with the text shown before it, for finding a passage in the
// rendering as a reader reads it, without them (state.NewTextAsRead:
// the URL is left out there alone, and stays where the piece writes it as
// text). A link shown as its URL alone (its text is its URL, an autolink)
// is read as it is and not given, nor is an image's; a link with an image
// in its text is given without its text (at any place). md is parsed and
// made ready as RenderMarkdown renders it (preparePart, in the same parts,
// within the same bounds): none of what it shows as plain text, a
// paragraph too costly to parse among them, gives a URL or a marker.
func ShownOf(md string) state.Shown {
	p := cutPiece(md, nil, runtime.GOMAXPROCS(0)) // no code highlighted: code holds no link
	if p.plain != "" {
		return state.Shown{}
	}
	var shown state.Shown
	for i, part := range p.parts {
		s := partShown(part, p.lims[i])
		shown.Links = append(shown.Links, s.Links...)
		shown.Markers = append(shown.Markers, s.Markers...)
	}
	return shown
}

// partShown is ShownOf md, a part of a piece, rendered within lim; none
// when it panics (RenderMarkdown shows the part's error).
func partShown(md string, lim *limits) (shown state.Shown) {
	defer func() {
		if r := recover(); r != nil {
			shown = state.Shown{}
		}
	}()
	doc, src, _, ok := preparePart(md, lim)
	if !ok {
		return shown // shown as plain text
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.Image:
			return ast.WalkSkipChildren, nil // code as written; an image's text apart
		case *ast.Text:
			shown.Markers = append(shown.Markers, noteMarkers(n, src)...)
			return ast.WalkContinue, nil
		case *ast.Link:
			shown.Links = append(shown.Links, linkURLs(n, src)...)
		case *east.Table:
			shown.Markers = append(shown.Markers, tableLinkMarkers(n, src)...)
		}
		return ast.WalkContinue, nil
	})
	return shown
}

// tableLinkMarkers are the numbers Glamour (v2.0.1, table_links.go) shows
// after the links, autolinks and images of table, which it lists under it
// ("cell link[1]" and "[1]: cell link https://example.com/t"), as
// footnotes' markers (state.Marker): a passage read without them is found,
// as one without a link's URL is (numbered as tableList numbers them).
func tableLinkMarkers(table ast.Node, src []byte) []state.Marker {
	var ms []state.Marker
	tableList(table, src, func(n ast.Node, number int, _ bool, content string) {
		before := ""
		if n.Kind() == ast.KindLink {
			before = content
		}
		if k := strings.LastIndexFunc(before, unicode.IsSpace); k >= 0 {
			before = before[k+1:]
		}
		ms = append(ms, state.Marker{Before: before, Label: strconv.Itoa(number)})
	})
	return ms
}

// tableList calls f with each link, autolink and image of table and the
// number Glamour (v2.0.1, table_links.go) shows after it and lists it
// under the table by: in order, from 1 in each table, links and autolinks
// apart from images, a link as another before it (its target, title and
// text) by that one's (first is not set then); content is its text as
// Glamour shows a table's link (glamourContent).
func tableList(table ast.Node, src []byte, f func(n ast.Node, number int, first bool, content string)) {
	type listed struct {
		kind                 ast.NodeKind
		href, title, content string
	}
	var links, images []listed
	_ = ast.Walk(table, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		list, l := &links, listed{kind: n.Kind()}
		switch n := n.(type) {
		case *ast.AutoLink:
			l.href = string(n.URL(src))
		case *ast.Link:
			l.href, l.title, l.content = string(n.Destination), string(n.Title), glamourContent(n, src)
		case *ast.Image:
			list = &images
			l.href, l.title, l.content = string(n.Destination), string(n.Title), glamourContent(n, src)
		default:
			return ast.WalkContinue, nil
		}
		i := slices.Index(*list, l)
		first := i < 0
		if first {
			*list = append(*list, l)
			i = len(*list) - 1
		}
		f(n, i+1, first, l.content)
		return ast.WalkContinue, nil
	})
}

// glamourContent is the text of n's Text nodes as Glamour shows a
// table's link (table_links.go's nodeContent): their segments, as
// written but where decodeRawTexts decoded them.
func glamourContent(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			} else {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// linkURLs are the URLs l shows after its text (ShownOf).
func linkURLs(l *ast.Link, src []byte) []state.Link {
	if _, ok := l.AttributeString(string(autoLinkAttr)); ok {
		return nil // in a table, shown as an autolink (tableAutoLink)
	}
	shown, ok := linkText(l, src)
	if ok && shownAsURL(l, shown) || !showsURLLast(l) {
		return nil
	}
	if !ok || holdsImage(l) {
		shown = "" // not shown as its text alone: at any place
	}
	dest := string(l.Destination)
	links := []state.Link{{Text: shown, URL: dest}}
	if as := archive.RendererShows(dest); as != dest {
		links = append(links, state.Link{Text: shown, URL: as}) // as Glamour writes it
	}
	return links
}

// noteMarkers are the footnotes' markers in t, a text of a rendering
// (state.Marker): a label in escaped brackets ("\[1\]", "\[a\]",
// "\[1,2\]"; archive.IsNoteLabel), as archive writes a footnote's
// reference ([^1]) and a superscript's link to a note (<sup>[1](#fn1)</sup>),
// each with the text shown before it back to the last space (shownBefore).
// A label in brackets the piece writes as text ("f[x]": unescaped, the
// brackets parsed apart) is none. An author's own "f\[x\]" reads as one:
// the Markdown cannot tell it from archive's.
func noteMarkers(t *ast.Text, src []byte) []state.Marker {
	raw := writtenText(t, src)
	var ms []state.Marker
	for k := 0; k+1 < len(raw); k++ {
		if raw[k] != '\\' {
			continue
		}
		if raw[k+1] != '[' {
			k++ // an escaped character: "\\[" is a backslash, then "["
			continue
		}
		e := bytes.IndexByte(raw[k+2:], ']')
		if e < 1 || raw[k+2+e-1] != '\\' {
			continue
		}
		label := string(util.UnescapePunctuations(raw[k+2 : k+2+e-1]))
		if !archive.IsNoteLabel(label) {
			continue
		}
		ms = append(ms, state.Marker{Before: shownBefore(t, raw[:k], src), Label: label})
		k += 2 + e
	}
	return ms
}

// maxBeforeNodes and maxBeforeBytes bound the nodes before a marker read
// for the word it follows, and the bytes of its own text (shownBefore):
// a marker's word is read in time bounded however many markers a word
// without spaces holds.
const (
	maxBeforeNodes = 8
	maxBeforeBytes = 256
)

// shownBefore is the text a rendering shows before a marker at the end of
// head, the start of t's text as written, back to the last space, markers
// right before it aside ("said." of "said.\[4\]\[5\]"), as Glamour shows
// it (an escape's backslash dropped, references decoded): head's, and,
// when head has no space, the nodes' before t in its block (in emphasis,
// a link's text), up to maxBeforeBytes of head and maxBeforeNodes nodes.
// "" where it cannot be told (after a link, an image or an autolink
// showing its URL, a text too long to judge): any place (state.Marker).
func shownBefore(t *ast.Text, head, src []byte) string {
	// its end, unescaped: up to maxBeforeBytes of a text as written
	unescape := func(b []byte) string {
		if len(b) > maxBeforeBytes {
			b = b[len(b)-maxBeforeBytes:]
			for len(b) > 0 && !utf8.RuneStart(b[0]) {
				b = b[1:]
			}
		}
		return html.UnescapeString(string(util.UnescapePunctuations(b)))
	}
	reads := 0
	if len(head) > maxBeforeBytes {
		reads = maxBeforeNodes // a word longer than that: its end alone
	}
	before := unescape(head)
	for n := ast.Node(t); !strings.ContainsFunc(before, unicode.IsSpace); reads++ {
		p := n.PreviousSibling()
		for p == nil {
			if n = n.Parent(); n == nil || n.Type() != ast.TypeInline {
				break
			}
			p = n.PreviousSibling()
		}
		if p == nil || reads >= maxBeforeNodes {
			break
		}
		n = p
		switch p := p.(type) {
		case *ast.Text:
			if p.SoftLineBreak() || p.HardLineBreak() {
				before = " " + before // shown at a line's end: a space
			} else {
				before = unescape(writtenText(p, src)) + before
			}
		case *ast.String:
			before = string(p.Value) + before
		case *ast.RawHTML:
		case *ast.AutoLink, *ast.Image:
			return ""
		default:
			if l, ok := p.(*ast.Link); ok && showsURLLast(l) {
				return ""
			}
			s, ok := linkText(p, src)
			if !ok {
				return ""
			}
			before = s + before
		}
	}
	for strings.HasSuffix(before, "]") && strings.Contains(before, "[") {
		before = before[:strings.LastIndexByte(before, '[')] // a marker right before it
	}
	if k := strings.LastIndexFunc(before, unicode.IsSpace); k >= 0 {
		before = before[k+1:]
	}
	return before
}

// holdsImage says whether link's text holds an image (shown with its own
// text and URL, which linkText leaves aside).
func holdsImage(link ast.Node) bool {
	found := false
	_ = ast.Walk(link, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindImage {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
