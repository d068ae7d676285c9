// Package extract finds the piece on a web page with go-trafilatura (its
// Readability and DOM Distiller fallbacks on, FavorPrecision) and its
// publication date with go-htmldate.
//
// It is linked only into the helper program folio-extract
// (cmd/folio-extract) and into tests, never into folio itself:
// go-trafilatura brings go-dateparser, whose package initialisation builds
// the data of 200 locales at every start (measured: 78 MB allocated and
// 0.3-0.5 s on the development machine), which folio's other commands and
// the reader must not pay.
package extract

import (
	"bytes"
	"errors"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
	"unicode"

	"github.com/folio-tui/folio/internal/webpage"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Extractor names the library and its version.
var Extractor = func() string {
	const mod = "github.com/markusmobius/go-trafilatura"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == mod {
				return "go-trafilatura " + d.Version
			}
		}
	}
	return "go-trafilatura"
}()

// Page extracts the piece on a page (UTF-8 HTML) found at pageURL.
func Page(page []byte, pageURL string) (*webpage.Extraction, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	dateDoc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	earliest, latest := webpage.DateRange(time.Now())
	found, _ := htmldate.FromDocument(dateDoc, htmldate.Options{UseOriginalDate: true, URL: pageURL, MinDate: earliest, MaxDate: latest})
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	absoluteLinks(doc, base)
	spaceMarks := markListSpaces(doc, false)
	tagMarks := escapeMetaContent(doc)
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:      base,
		EnableFallback:   true,
		ExcludeComments:  true,
		IncludeLinks:     true,
		Focus:            trafilatura.FavorPrecision,
		HtmlDateOverride: &found,
	})
	if err != nil {
		return nil, err
	}
	if res.ContentNode == nil {
		return nil, errors.New("no article found")
	}
	var b strings.Builder
	for ch := res.ContentNode.FirstChild; ch != nil; ch = ch.NextSibling {
		if err := html.Render(&b, ch); err != nil {
			return nil, err
		}
	}
	m := res.Metadata
	content, text := b.String(), res.ContentText
	if spaceMarks {
		content, text = strings.ReplaceAll(content, markSpace, " "), strings.ReplaceAll(text, markSpace, " ")
	}
	ex := &webpage.Extraction{
		ContentHTML: content, Text: text,
		Title: m.Title, Author: m.Author, URL: m.URL, Description: m.Description, Sitename: m.Sitename,
		Language: m.Language, Tags: m.Tags, Categories: m.Categories, Extractor: Extractor,
	}
	if tagMarks {
		for i, t := range ex.Tags {
			ex.Tags[i] = tagUnmarker.Replace(t)
		}
	}
	if !found.IsZero() {
		ex.Date, ex.DateSource = found.DateTime, found.SrcString
	}
	return ex, nil
}

// markListSpaces writes, in the text of list items (li, dt, dd), the
// spaces between words and an inline element as markSpace, which
// go-trafilatura does not trim: it trims the text around each element of
// a list item (handleLists), so that "<li>Run <code>go test</code>
// first</li>" was "Run `go test`first" and "<li><em>a</em> and
// <em>b</em></li>" "*a*and*b*" (a code block's test found it). A
// <pre>'s text is left as it is. It says whether it marked any, for Page
// to write them back as spaces.
func markListSpaces(n *html.Node, inItem bool) (marked bool) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "pre", "script", "style", "textarea":
			return false
		case "li", "dt", "dd":
			inItem = true
		}
	}
	if inItem && n.Type == html.TextNode {
		lead, trail := n.PrevSibling != nil, n.NextSibling != nil
		if p := n.Parent; p != nil && !listItems[p.Data] {
			// the text at the start or end of an inline element inside
			// an item: "<a> this</a>"
			lead, trail = lead || n == p.FirstChild, trail || n == p.LastChild
		}
		body := strings.TrimLeftFunc(n.Data, unicode.IsSpace)
		if body == "" {
			if lead && trail && n.Data != "" {
				n.Data = markSpace
				return true
			}
			return false
		}
		front := len(n.Data) - len(body)
		body = strings.TrimRightFunc(body, unicode.IsSpace)
		back := len(n.Data) - front - len(body)
		if lead && front > 0 {
			body, marked = markSpace+body, true
		} else {
			body = n.Data[:front] + body
		}
		if trail && back > 0 {
			body, marked = body+markSpace, true
		} else {
			body += n.Data[len(n.Data)-back:]
		}
		n.Data = body
		return marked
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		marked = markListSpaces(ch, inItem) || marked
	}
	return marked
}

// listItems are the elements go-trafilatura reads as a list's items.
var listItems = map[string]bool{"li": true, "dt": true, "dd": true}

// markSpace stands for a space beside an inline element in a list item
// (markListSpaces; a private use character, as markAmp).
const markSpace = "\uE020"

// escapeMetaContent writes each "&" of a <meta>'s content as "&amp;":
// go-trafilatura decodes the value, which the HTML parser has decoded
// already, once more (html.UnescapeString), so that a description "Use
// &amp;copy; here", shown "Use &copy; here", was "Use © here" (a helper's
// report). Its authors it decodes once more still (normalizeAuthors).
//
// A meta it reads tags from (tagMeta) it splits at each "," and ";" after
// decoding, so there the "&" is written as markAmp, which it leaves, and
// the ";" ending what reads as a reference (refEnd: the text "&amp;") as
// markSemi: "tag &amp;amp; one, two &amp;copy;" gave the tags "tag &amp"
// and "one" (cut at the ";" of "&amp;") and "two &copy". Its "<" is
// written as markLt: go-trafilatura drops what reads as an HTML tag from a
// meta's content, so the keyword "&lt;b&gt;", which reads "<b>", was
// dropped, and "x &lt;i&gt; y" was "x  y" (a review). It says whether
// it marked any, for Page to write them back in the tags. A content that
// holds a mark's character itself is escaped as any other.
func escapeMetaContent(n *html.Node) (marked bool) {
	if n.Type == html.ElementNode && n.Data == "meta" {
		tags := tagMeta(n.Attr)
		for i, a := range n.Attr {
			if a.Key != "content" || a.Namespace != "" {
				continue
			}
			if tags && !strings.ContainsAny(a.Val, markAmp+markSemi+markLt) {
				v := refEnd.ReplaceAllStringFunc(a.Val, func(ref string) string { return ref[:len(ref)-1] + markSemi })
				n.Attr[i].Val = tagMarker.Replace(v)
				marked = marked || n.Attr[i].Val != a.Val
				continue
			}
			n.Attr[i].Val = strings.ReplaceAll(a.Val, "&", "&amp;")
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		marked = escapeMetaContent(ch) || marked
	}
	return marked
}

// markAmp, markSemi and markLt stand, in a tag meta's content, for "&",
// for the ";" that ends a reference and for "<" (private use characters;
// escapeMetaContent).
const markAmp, markSemi, markLt = "\uE026", "\uE03B", "\uE03C"

var (
	tagMarker   = strings.NewReplacer("&", markAmp, "<", markLt)
	tagUnmarker = strings.NewReplacer(markAmp, "&", markSemi, ";", markLt, "<")
)

// refEnd matches what reads as a character reference with its ";".
var refEnd = regexp.MustCompile(`&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)

// tagMeta says whether a <meta> with attrs is one go-trafilatura reads tags
// from: a name of its metaNameTag, or the property article:tag or
// og:article:tag.
// A property decides before a name, as go-trafilatura reads them.
func tagMeta(attrs []html.Attribute) bool {
	var name, property string
	for _, a := range attrs {
		switch a.Key {
		case "name":
			name = strings.ToLower(strings.TrimSpace(a.Val))
		case "property":
			property = strings.TrimSpace(a.Val)
		}
	}
	if property != "" {
		return property == "article:tag" || property == "og:article:tag"
	}
	switch name {
	case "citation_keywords", "dcterms.subject", "keywords", "parsely-tags", "shareaholic:keywords", "tags":
		return true
	}
	return false
}

// absoluteLinks makes the links and image sources of doc absolute, from
// the page's URL or its first <base href> (an http or https one), as a
// browser does. go-trafilatura's own resolving joins a relative link to
// the page's path as to a folder's, and ignores <base> (a helper's
// report: other.html on /news/2019/11/base-test.html became
// /news/2019/11/base-test.html/other.html); an absolute link it keeps.
func absoluteLinks(doc *html.Node, page *url.URL) {
	base := page
	var find func(*html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "base" {
			for _, a := range n.Attr {
				if a.Key != "href" {
					continue
				}
				if u, err := url.Parse(strings.TrimSpace(a.Val)); err == nil {
					if b := page.ResolveReference(u); (b.Scheme == "http" || b.Scheme == "https") && b.Host != "" {
						base = b
					}
				}
				return true
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if find(ch) {
				return true
			}
		}
		return false
	}
	find(doc)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for i, a := range n.Attr {
				if a.Key == "href" && n.Data == "a" || a.Key == "src" && n.Data == "img" {
					v := strings.TrimSpace(a.Val)
					if u, err := url.Parse(v); err == nil && v != "" && !u.IsAbs() {
						n.Attr[i].Val = base.ResolveReference(u).String()
					}
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
}
