package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/folio-tui/folio/internal/webpage"
	"golang.org/x/net/html"
)

// markCells marks each table cell holding inline elements with its
// number, and keeps a copy of its content, for restoreCells to put back
// in the extracted text: go-trafilatura keeps of each element in a cell
// its text and tail alone, every element one beside the other, a link as
// an empty paragraph and code without its tail, so that "<td>Cell <a
// href=…>link</a> text</td>" was "Cell", "A <code>co</code> d" "A
// `co`" and "<strong><em>Both</em> bold</strong>" "*Both* bold" out of
// its place. The cell itself is left as it was, so that the extractor
// judges the table as before (its links counted, its text measured),
// its number, a mark and a few digits, aside; "<td><p>Para <a
// href=…>link</a> text</p></td>" was "Para" too. A cell holding another
// block (a list, which the extractor keeps in a cell only when it favours
// recall, a table, which ends its reading of the table) is left to it.
// A page whose text holds a mark's character itself is left as it is.
func markCells(doc *html.Node) (cells []*html.Node) {
	if holdsText(doc, markCell+markCellEnd) {
		return nil
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && phrasingWithElement(n) {
			copied := &html.Node{Type: html.ElementNode, Data: n.Data}
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if c := cleanCopy(ch); c != nil {
					copied.AppendChild(c)
				}
			}
			mark := markCell + strconv.Itoa(len(cells)) + markCellEnd
			cells = append(cells, copied)
			if first := n.FirstChild; first.Type == html.TextNode {
				first.Data = mark + first.Data
			} else {
				n.InsertBefore(&html.Node{Type: html.TextNode, Data: mark}, first)
			}
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	return cells
}

// phrasingWithElement says whether n holds words and an inline element,
// and nothing but text, inline elements (a <br>, an image) and
// paragraphs of them.
func phrasingWithElement(n *html.Node) bool {
	element, words := false, false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.Type {
			case html.TextNode:
				words = words || strings.TrimLeft(ch.Data, edgeSpace) != ""
			case html.ElementNode:
				switch {
				case webpage.InlineTags[ch.Data]:
					element = true
				case ch.Data == "br" || ch.Data == "wbr" || ch.Data == "img":
					continue
				case ch.Data == "p":
				default:
					return false
				}
				if !walk(ch) {
					return false
				}
			}
		}
		return true
	}
	return walk(n) && element && words
}

// cleanCopy is a copy of n for the extracted text: without comments,
// without what the page hides and what go-trafilatura drops (left out),
// each element without its attributes but a link's target. A cell's
// <span style="display:none">, copied whole, was shown (a review, 42ra).
func cleanCopy(n *html.Node) *html.Node {
	switch n.Type {
	case html.TextNode:
		return &html.Node{Type: html.TextNode, Data: n.Data}
	case html.ElementNode:
		if leftOut(n) {
			return nil
		}
	default:
		return nil
	}
	c := &html.Node{Type: html.ElementNode, Data: n.Data, DataAtom: n.DataAtom}
	if n.Data == "a" {
		for _, a := range n.Attr {
			if a.Key == "href" && a.Namespace == "" {
				c.Attr = []html.Attribute{a}
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if cc := cleanCopy(ch); cc != nil {
			c.AppendChild(cc)
		}
	}
	return c
}

// leftOut says whether the element n is one a cell's copy leaves out: one
// the page hides (the hidden attribute, aria-hidden="true", a style
// display:none or visibility:hidden), one go-trafilatura's cleaning
// removes (its settings.go tagsToClean: a <time>, a <button>…; not one it
// strips first, keeping its children: an <ins>), or one hidden by the
// marks its pruning reads (overallDiscardedContentRule2's: "hidden" in
// the id or style, a class " hidden", " hide", "hide-…", "-hide-",
// "noprint").
func leftOut(n *html.Node) bool {
	if tagsCleaned[n.Data] {
		return true
	}
	var id, class, style string
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "id":
			id = a.Val
		case "class":
			class = a.Val
		case "style":
			style = strings.ToLower(a.Val)
		}
	}
	compact := strings.Join(strings.Fields(style), "")
	return strings.Contains(id+style, "hidden") || strings.Contains(compact, "display:none") ||
		strings.Contains(compact, "visibility:hidden") ||
		strings.Contains(class, " hidden") || strings.Contains(class, " hide") || strings.HasPrefix(class, "hide-") ||
		strings.Contains(class, "-hide-") || strings.Contains(class, "noprint")
}

// tagsCleaned are the elements go-trafilatura's cleaning removes with
// their content (settings.go's tagsToClean but those in its tagsToStrip,
// which it strips first).
var tagsCleaned = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`aside embed footer form head iframe menu object script
		applet audio canvas figure map picture svg video
		area blink button datalist dialog frame frameset fieldset link input label legend marquee
		math menuitem nav noscript optgroup option output param progress rp rt rtc select source
		style track textarea time use`) {
		m[t] = true
	}
	return m
}()

// restoreCells puts the content markCells kept back into each extracted
// cell holding a cell's mark, and drops the marks. A cell is one standing
// in a row: go-trafilatura flattens a table in a quote, a list or another
// cell, writing each of its elements (a row, a cell, a link) beside the
// others with its text and tail alone, so that a cell it left there
// holds its first words only, the rest beside it; such a cell, filled,
// held its words twice (a table in a <blockquote>: "Alpha beta
// gammabeta gamma"), and is left as the extractor wrote it.
func restoreCells(root *html.Node, cells []*html.Node) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && n.Parent != nil && n.Parent.Data == "tr" {
			if i, ok := cellNumber(n); ok && i < len(cells) && cells[i] != nil {
				for ch := n.FirstChild; ch != nil; ch = n.FirstChild {
					n.RemoveChild(ch)
				}
				for ch := cells[i].FirstChild; ch != nil; ch = cells[i].FirstChild {
					cells[i].RemoveChild(ch)
					n.AppendChild(ch)
				}
				cells[i] = nil
				return
			}
		}
		if n.Type == html.TextNode && strings.Contains(n.Data, markCell) {
			n.Data = cellMark.ReplaceAllString(n.Data, "")
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(root)
}

// holdsText says whether a text under n holds one of the characters of
// chars.
func holdsText(n *html.Node, chars string) bool {
	if n.Type == html.TextNode {
		return strings.ContainsAny(n.Data, chars)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if holdsText(ch, chars) {
			return true
		}
	}
	return false
}

// cellNumber is the number of the first cell's mark in n's text.
func cellNumber(n *html.Node) (int, bool) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			if m := cellMark.FindStringSubmatch(ch.Data); m != nil {
				i, err := strconv.Atoi(m[1])
				return i, err == nil
			}
		}
		if i, ok := cellNumber(ch); ok {
			return i, ok
		}
	}
	return 0, false
}

// markCell and markCellEnd enclose a cell's number (markCells; private use
// characters, as markSpace).
const markCell, markCellEnd = "\uE0B1", "\uE0B2"

var cellMark = regexp.MustCompile(markCell + `([0-9]*)` + markCellEnd)
