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

// Page extracts the piece on a page (UTF-8 HTML) found at pageURL. Around
// the library it mends what that loses of a page's text: the spaces beside
// inline elements (markInlineSpaces), a table cell's elements
// (markCells), a <div>'s own words (wrapLooseRuns), a quote's
// paragraphs (markQuotes) and a plain <pre>'s lines (codeInPre). The
// page so rewritten gives the text, and the language classified from
// it; the rest of the metadata (title, authors,
// description, site, tags) the library reads from the page as it is
// (pageMetadata): the rewriting changed what it read there ("By\uE020
// Carrie Arnold" an author, its "By " no longer stripped; a title from an
// <h1> with its marks; an author in a cell lost). A page the rewritten
// one gives no article of is extracted as it is, as before the
// rewriting.
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
	opts := trafilatura.Options{
		OriginalURL:      base,
		EnableFallback:   true,
		ExcludeComments:  true,
		IncludeLinks:     true,
		Focus:            trafilatura.FavorPrecision,
		HtmlDateOverride: &found,
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	absoluteLinks(doc, base)
	spaceMarks := !holdsText(doc, markSpace+markNoBreak) && markInlineSpaces(doc)
	tagMarks := escapeMetaContent(doc)
	cells := markCells(doc)
	quotes := markQuotes(doc)
	wrapped := wrapLooseRuns(doc)
	coded := codeInPre(doc)
	res, err := extractDocument(doc, opts)
	m := trafilatura.Metadata{}
	if rewritten := spaceMarks || len(cells) > 0 || quotes || wrapped || coded; !rewritten {
		if err != nil {
			return nil, err
		}
		m = res.Metadata
	} else {
		// the page as it is, as before the rewriting
		pristine, perr := html.Parse(bytes.NewReader(page))
		if perr != nil {
			return nil, perr
		}
		absoluteLinks(pristine, base)
		escapeMetaContent(pristine)
		if err == nil {
			if m, err = pageMetadata(pristine, opts); err != nil {
				return nil, err
			}
			m.Language = res.Metadata.Language
		} else {
			if res, err = extractDocument(pristine, opts); err != nil {
				return nil, err
			}
			m, spaceMarks, cells, quotes = res.Metadata, false, nil, false
		}
	}
	if len(cells) > 0 {
		restoreCells(res.ContentNode, cells)
	}
	if quotes {
		unmarkQuotes(res.ContentNode)
	}
	var b strings.Builder
	for ch := res.ContentNode.FirstChild; ch != nil; ch = ch.NextSibling {
		if err := html.Render(&b, ch); err != nil {
			return nil, err
		}
	}
	content, text := b.String(), res.ContentText
	if spaceMarks {
		content, text = spaceUnmarker.Replace(content), spaceUnmarker.Replace(text)
	}
	if len(cells) > 0 {
		text = cellMark.ReplaceAllString(text, "")
	}
	if quotes {
		text = quoteUnmarker.Replace(text)
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

// extractDocument is trafilatura.ExtractDocument, an article required.
func extractDocument(doc *html.Node, opts trafilatura.Options) (*trafilatura.ExtractResult, error) {
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res.ContentNode == nil {
		err = errors.New("no article found")
	}
	return res, err
}

// pageMetadata is the metadata go-trafilatura reads from doc, without its
// reading of the text: it reads the metadata of the document it is given
// before it prunes it (here of its <body>) and reads the text, which is
// then none, and none allowed (MinOutputSize 0, no fallback extractor),
// so that it fails only where the library fails before reading a text
// (none of the options Page gives). Its Language, classified from the
// text, is empty. Measured on a loaded machine, it takes an eighth to a
// fifth of the time of an extraction of one of the 30 web pages, a
// twentieth of one of a 570 kB page; a second extraction of the page as
// it is took as long as the first.
func pageMetadata(doc *html.Node, opts trafilatura.Options) (trafilatura.Metadata, error) {
	config := trafilatura.DefaultConfig()
	config.MinOutputSize, config.MinOutputCommentSize = 0, 0
	opts.Config, opts.EnableFallback, opts.PruneSelector = config, false, "body"
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return trafilatura.Metadata{}, err
	}
	return res.Metadata, nil
}

// markInlineSpaces writes the spaces between words and an inline element
// (a link, emphasis, code) as markSpace, which go-trafilatura does not
// trim: outside a <p> it trims the text around each element, so that a
// list item "<li>Run <code>go test</code> first</li>" was "Run `go
// test`first", two of the thirty web pages read "[Retiring
// early](…)takes time" and "**Build your first offer:**Don’t", and a
// quote "Bare *quote* text" "Bare*quote*text" (a code block's test found
// it). A <pre>'s text is left as it is, and so are the spaces between
// blocks. It says whether it marked any, for Page to write them back as
// spaces. Page leaves a page whose text holds a mark's character itself
// as it is (holdsText), as markCells and markQuotes do: its own were
// written back as spaces.
func markInlineSpaces(n *html.Node) (marked bool) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "pre", "script", "style", "textarea", "head":
			return false
		}
	}
	if n.Type == html.TextNode {
		return markSpacesOf(n)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		marked = markInlineSpaces(ch) || marked
	}
	return marked
}

// markSpacesOf marks the spaces at the ends of the text n that stand
// beside an inline element: the one before or after it, or the inline
// element n starts or ends ("<a> this</a>").
func markSpacesOf(n *html.Node) (marked bool) {
	inlineParent := n.Parent != nil && webpage.InlineTags[n.Parent.Data]
	lead := isInline(n.PrevSibling) || inlineParent && n.PrevSibling == nil
	trail := isInline(n.NextSibling) || inlineParent && n.NextSibling == nil
	if !lead && !trail {
		return false
	}
	body := strings.TrimLeft(n.Data, edgeSpace)
	if body == "" {
		// between two inline elements ("<em>a</em> <em>b</em>"), not
		// the whole text of one ("<a href=…> </a>" is no link to keep)
		if isInline(n.PrevSibling) && isInline(n.NextSibling) && n.Data != "" {
			n.Data = spaceMarks(n.Data)
			return true
		}
		return false
	}
	front := n.Data[:len(n.Data)-len(body)]
	body = strings.TrimRight(body, edgeSpace)
	back := n.Data[len(front)+len(body):]
	if lead && front != "" {
		front, marked = spaceMarks(front), true
	}
	if trail && back != "" {
		back, marked = spaceMarks(back), true
	}
	n.Data = front + body + back
	return marked
}

// spaceMarks is the white space ws as marks: HTML's spaces, which a
// browser shows as one, as one markSpace, each no-break space as
// markNoBreak.
func spaceMarks(ws string) string {
	var b strings.Builder
	for i, r := range ws {
		switch {
		case r == '\u00a0':
			b.WriteString(markNoBreak)
		case i == 0 || !strings.HasSuffix(b.String(), markSpace):
			b.WriteString(markSpace)
		}
	}
	return b.String()
}

func isInline(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && webpage.InlineTags[n.Data]
}

// edgeSpace is the white space at a text's ends that markSpacesOf marks:
// HTML's spaces and the no-break space.
const edgeSpace = " \t\n\f\r\u00a0"

// markSpace and markNoBreak stand for a space and a no-break space beside
// an inline element (markInlineSpaces; private use characters, as
// markAmp).
const markSpace, markNoBreak = "\uE020", "\uE0A0"

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

var spaceUnmarker = strings.NewReplacer(markSpace, " ", markNoBreak, "\u00a0")

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
