package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markQuotes writes each quote of paragraphs, standing among the page's
// blocks (not in a list, a table or another quote), as its paragraphs,
// each opening with a mark (markQuote on the first, markQuoteOn on the
// others), for unmarkQuotes to gather again into a quote: go-trafilatura
// keeps of each element in a <blockquote> its text and tail alone, one
// beside the other, so that "<blockquote><p>Quote <em>with</em>
// emphasis</p></blockquote>" was "> Quote" and "> *with* emphasis", two
// paragraphs, and its links lost their targets ("<a href=…>a link</a>"
// "a link"); a paragraph it keeps whole, links and all. A quote's own
// words and inline elements are a paragraph of it; a quote holding
// anything else (a list, a heading, a quote) is left to the extractor,
// and so is every quote of a page whose text holds a mark's character.
func markQuotes(doc *html.Node) (marked bool) {
	if holdsText(doc, markQuote+markQuoteOn) {
		return false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; {
			next := ch.NextSibling
			switch {
			case ch.Type != html.ElementNode:
			case ch.DataAtom == atom.Blockquote:
				if quoteOfParagraphs(ch) {
					unwrapQuote(ch)
					marked = true
				}
			case looseParents[ch.DataAtom] || ch.DataAtom == atom.Html:
				walk(ch)
			}
			ch = next
		}
	}
	walk(doc)
	return marked
}

// quoteOfParagraphs says whether q holds nothing but paragraphs, words
// and inline elements (and a <footer>, which the extractor drops).
func quoteOfParagraphs(q *html.Node) bool {
	for ch := q.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && !inRun(ch) && ch.DataAtom != atom.P && ch.DataAtom != atom.Footer {
			return false
		}
	}
	return true
}

// unwrapQuote puts q's paragraphs, its runs of words and inline elements
// made paragraphs, in its place, each marked as a quote's.
func unwrapQuote(q *html.Node) {
	first := true
	mark := func(p *html.Node) {
		m := markQuoteOn
		if first {
			m, first = markQuote, false
		}
		if t := p.FirstChild; t != nil && t.Type == html.TextNode {
			body := strings.TrimLeft(t.Data, edgeSpace)
			t.Data = t.Data[:len(t.Data)-len(body)] + m + body
		} else {
			p.InsertBefore(&html.Node{Type: html.TextNode, Data: m}, t)
		}
	}
	var run []*html.Node
	flush := func(before *html.Node) {
		words := false
		for _, r := range run {
			words = words || strings.TrimLeft(textOf(r), edgeSpace) != ""
		}
		if words {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			q.InsertBefore(p, before)
			for _, r := range run {
				q.RemoveChild(r)
				p.AppendChild(r)
			}
			mark(p)
		}
		run = run[:0]
	}
	for ch := q.FirstChild; ch != nil; ch = ch.NextSibling {
		if inRun(ch) {
			run = append(run, ch)
			continue
		}
		flush(ch)
		if ch.DataAtom == atom.P {
			mark(ch)
		}
	}
	flush(nil)
	for ch := q.FirstChild; ch != nil; ch = q.FirstChild {
		q.RemoveChild(ch)
		q.Parent.InsertBefore(ch, q)
	}
	q.Parent.RemoveChild(q)
}

// unmarkQuotes gathers each run of paragraphs markQuotes marked, among
// the extracted blocks, into a quote again (a new one at each
// markQuote), and drops the marks.
func unmarkQuotes(n *html.Node) {
	var quote *html.Node
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		m := ""
		if ch.DataAtom == atom.P || ch.Data == "p" {
			m = quoteMarkOf(ch)
		}
		switch {
		case m == "" && ch.Type == html.TextNode && strings.TrimLeft(ch.Data, edgeSpace) == "":
			// blank text between a quote's paragraphs
		case m == "":
			quote = nil
			unmarkQuotes(ch)
			if ch.Type == html.TextNode {
				ch.Data = quoteUnmarker.Replace(ch.Data)
			}
		default:
			if quote == nil || m == markQuote {
				quote = &html.Node{Type: html.ElementNode, Data: "blockquote", DataAtom: atom.Blockquote}
				n.InsertBefore(quote, ch)
			}
			n.RemoveChild(ch)
			quote.AppendChild(ch)
			unmarkQuotes(ch)
		}
		ch = next
	}
}

// quoteMarkOf is the mark a paragraph p opens with, or "".
func quoteMarkOf(p *html.Node) string {
	if t := p.FirstChild; t != nil && t.Type == html.TextNode {
		body := strings.TrimLeft(t.Data, edgeSpace)
		for _, m := range []string{markQuote, markQuoteOn} {
			if strings.HasPrefix(body, m) {
				return m
			}
		}
	}
	return ""
}

// markQuote and markQuoteOn open the first paragraph of a quote and each
// other (markQuotes; private use characters, as markSpace).
const markQuote, markQuoteOn = "\uE0B3", "\uE0B4"

var quoteUnmarker = strings.NewReplacer(markQuote, "", markQuoteOn, "")
