package ui

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-tui/folio/archive"
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
			b.Write(n.Segment.Value(src))
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
