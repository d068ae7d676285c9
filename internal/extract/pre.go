package extract

import (
	"github.com/folio-tui/folio/internal/webpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// codeInPre puts what a <pre> holds in a <code>, unless its one element is
// a <code> already, so that go-trafilatura takes it for a code block
// (isCodeBlockElement: one element in it, a <code> under that) and keeps
// it as written, lines, spaces and all: a plain <pre> it reads as a
// quote, each text trimmed and set beside the next, so that
// "<pre>plain pre\n  two   spaced\nthree</pre>" was "plain pre two
// spaced three", one line, a poem's or a drawing's lines and spaces gone,
// and "Roses <b>are</b>   red" "Rosesarered". It gives it as
// "<code><code>…</code></code>", as it gives a <pre><code> (the importer's
// codeBlocks makes it <pre><code> again).
//
// Only a <pre> the library reads as a block of its own is given one: not
// one in a list, a table, a quote, a heading, a paragraph or an inline
// element, whose elements it sets one beside the other, so that a <pre>
// in a list item, which it kept as a block of words on one line, would be
// inline code, one in a cell was lost with it, and a quote holding a
// <pre> alone would be taken for code and no longer be a quote. It says
// whether it put any.
func codeInPre(n *html.Node) (wrapped bool) {
	if n.Type == html.ElementNode {
		switch {
		case n.DataAtom == atom.Pre && n.Namespace == "":
			if loneCode(n) {
				return false
			}
			code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
			for ch := n.FirstChild; ch != nil; ch = n.FirstChild {
				n.RemoveChild(ch)
				code.AppendChild(ch)
			}
			n.AppendChild(code)
			return true
		case flattening[n.DataAtom], webpage.InlineTags[n.Data]:
			return false
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		wrapped = codeInPre(ch) || wrapped
	}
	return wrapped
}

// flattening are the elements go-trafilatura reads whole, setting the
// elements in them one beside the other (handleLists, handleTable,
// handleQuotes, handleTitles, handleParagraphs), and those it drops
// whole.
var flattening = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Table: true, atom.Blockquote: true, atom.Q: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.P: true, atom.Head: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Textarea: true, atom.Svg: true, atom.Math: true}

// loneCode says whether the one element in pre is a <code>.
func loneCode(pre *html.Node) bool {
	var one *html.Node
	for ch := pre.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			if one != nil {
				return false
			}
			one = ch
		}
	}
	return one != nil && one.DataAtom == atom.Code
}
