package extract

import (
	"strings"

	"github.com/folio-tui/folio/internal/webpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// wrapLooseRuns writes each run of words and inline elements that stands
// in a <div> (a <section>, an <article>…) outside a paragraph as a <p>:
// go-trafilatura drops the words of such an element (it reads a <div>'s
// own text only on a page of little paragraph text) but keeps each
// inline element and the words after it as a paragraph of its own, so
// that "<div>Loose <b>bold</b> text in a div <a href=…>link</a>
// tail</div>" was "**bold** text in a div" and "[link](…) tail", "Loose"
// gone, and a <code>'s words after it were dropped ("<section><i>Lead</i>
// then <code>x</code> end.</section>" was "*Lead* then" and "`x`"). A
// paragraph it keeps whole. A run of words alone, or of one inline
// element alone, is left as it was: the extractor's judgement of loose
// text stands, and it keeps a lone element as a paragraph already. It
// says whether it wrapped any.
func wrapLooseRuns(n *html.Node) (wrapped bool) {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return false
	}
	if n.Type == html.ElementNode && looseParents[n.DataAtom] {
		var run []*html.Node
		for ch := n.FirstChild; ; ch = ch.NextSibling {
			if ch != nil && inRun(ch) {
				run = append(run, ch)
				continue
			}
			if wrapsRun(run) {
				p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
				n.InsertBefore(p, run[0])
				for _, r := range run {
					n.RemoveChild(r)
					p.AppendChild(r)
				}
				wrapped = true
			}
			run = run[:0]
			if ch == nil {
				break
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		wrapped = wrapLooseRuns(ch) || wrapped
	}
	return wrapped
}

// looseParents are the elements go-trafilatura reads no text of, but for
// that of their inline elements.
var looseParents = map[atom.Atom]bool{atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Center: true, atom.Body: true}

// inRun says whether n stands in a line of text: words, an inline
// element, a line break, an image, a comment.
func inRun(n *html.Node) bool {
	switch n.Type {
	case html.TextNode, html.CommentNode:
		return true
	case html.ElementNode:
		return webpage.InlineTags[n.Data] || n.Data == "br" || n.Data == "wbr" || n.Data == "img"
	}
	return false
}

// wrapsRun says whether a run of inline nodes is one wrapLooseRuns makes
// a paragraph of: words and two elements (inline elements, line breaks),
// or one beside words of the run's own. One element alone (a <code>,
// which the extractor makes a code block, a link) is left to it.
func wrapsRun(run []*html.Node) bool {
	loose, words := false, false
	var elements []*html.Node
	for _, r := range run {
		switch {
		case r.Type == html.TextNode:
			loose = loose || strings.TrimLeft(r.Data, edgeSpace) != ""
		case r.Type != html.ElementNode, r.Data == "wbr", r.Data == "img":
		default:
			elements = append(elements, r)
			words = words || strings.TrimLeft(textOf(r), edgeSpace) != ""
		}
	}
	return (loose || words) && (len(elements) > 1 || len(elements) == 1 && loose)
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		b.WriteString(textOf(ch))
	}
	return b.String()
}
