package archive

import (
	"regexp"
	"strings"
	"sync"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/folio-tui/folio/internal/nextindex"
	"golang.org/x/net/html"
)

// maxHTMLBlock caps the HTML block that readableHTML converts, and
// maxHTMLDepth the nesting of its elements; a longer or deeper block is
// left as it is. The HTML parser's cost grows with the depth of the open
// elements at each tag (1 MB of unclosed "<a><p>" took 1.7 s unbounded).
const (
	maxHTMLBlock = 64 << 10
	maxHTMLDepth = 64
)

// htmlBlockTags open an HTML block that is converted: the block tags of
// CommonMark's HTML blocks that carry text or an image, and the inline
// ones a line of HTML commonly starts with.
var htmlBlockTags = map[string]bool{
	"div": true, "figure": true, "p": true, "img": true, "picture": true, "table": true,
	"center": true, "section": true, "article": true, "aside": true, "blockquote": true,
	"video": true, "iframe": true, "audio": true, "dl": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "details": true,
	"a": true, "span": true, "figcaption": true, "header": true, "footer": true, "main": true,
	"link": true, "meta": true, "br": true, "hr": true,
}

// inlineTags open an HTML block only when the line holds the tag alone
// (CommonMark's type 7); else the line is a paragraph with inline HTML.
var inlineTags = map[string]bool{"a": true, "span": true, "img": true, "picture": true, "video": true, "audio": true}

// isLoneTag reports whether line is one tag and nothing else.
func isLoneTag(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasSuffix(t, ">") && strings.Count(t, "<") == 1
}

// rawHTMLTags open a block that ends at their closing tag, blank lines or
// not (CommonMark's HTML block type 1).
var rawHTMLTags = map[string]bool{"pre": true, "script": true, "style": true, "textarea": true}

var inlineImg = regexp.MustCompile(`(?i)<img\s[^>]*>`)

// inlineComment is a comment inside a line of text, which the site does
// not show.
var inlineComment = regexp.MustCompile(`<!--(?:>|->|.*?-->)`)

// isCommentStart: line opens a comment block (up to three spaces, then
// "<!--").
func isCommentStart(line string) bool {
	t := strings.TrimLeft(line, " ")
	return len(line)-len(t) < 4 && strings.HasPrefix(t, "<!--")
}

// readableHTML converts the HTML blocks of md to Markdown, its inline
// <img> tags to "[image: alt] URL" and its inline <a href> links to
// Markdown links (inlineLinks), outside fenced and indented code.
func readableHTML(md string) string {
	if !strings.Contains(md, "<") {
		return md
	}
	lower := asciiLower(md)
	closers := map[string]*nextindex.Finder{}
	var b strings.Builder
	b.Grow(len(md))
	var f fence
	prevBlank := true
	ticks := 0 // backticks in the paragraph so far: odd, a code span is open
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		code := f.line(line) || (prevBlank || f.indented) && isIndentedCode(line)
		f.indented = code && isIndentedCode(line)
		blank := strings.TrimSpace(line) == ""
		if blank || code {
			ticks = 0
		}
		if code || blank || !strings.Contains(line, "<") {
			if !code {
				ticks += strings.Count(line, "`")
			}
			b.WriteString(md[i:next])
			i, prevBlank = next, blank
			continue
		}
		if isCommentStart(line) {
			// A comment block (CommonMark's HTML block type 2) runs to the
			// line holding "-->", or to the end: the site shows none of
			// it, so it is no text to search or show. A blank line keeps
			// the blocks around it apart.
			end := len(md)
			from := i + strings.Index(line, "<!--") + 2 // "<!-->" and "<!--->" end where they start
			if e := strings.Index(md[from:], "-->"); e >= 0 {
				_, end = lineAt(md, from+e)
			}
			b.WriteString("\n")
			i, prevBlank = end, true
			continue
		}
		tag := openingTag(line)
		switch {
		case rawHTMLTags[tag]:
			c := closers[tag]
			if c == nil {
				c = nextindex.New(lower, "</"+tag)
				closers[tag] = c
			}
			e := c.Index(i)
			if e < 0 || e-i > maxHTMLBlock {
				break
			}
			_, end := lineAt(md, e)
			if !htmlDepthWithin(md[i:end], maxHTMLDepth) {
				break
			}
			b.WriteString(htmlToMarkdown(md[i:end]))
			i, prevBlank = end, false
			continue
		case htmlBlockTags[tag] && (!inlineTags[tag] || isLoneTag(line)):
			end := next
			for end < len(md) {
				l, n := lineAt(md, end)
				if strings.TrimSpace(l) == "" {
					break
				}
				end = n
			}
			if end-i <= maxHTMLBlock && htmlDepthWithin(md[i:end], maxHTMLDepth) {
				b.WriteString(htmlToMarkdown(md[i:end]))
			} else {
				b.WriteString(md[i:end])
			}
			i, prevBlank = end, false
			continue
		}
		text := md[i:next]
		if ticks%2 == 0 && !strings.Contains(text, "`") { // a comment in a code span is its text
			text = inlineComment.ReplaceAllString(text, "")
		}
		if ticks%2 == 0 { // not in a code span open since a line above
			text = inlineLinks(text)
		}
		ticks += strings.Count(text, "`")
		b.WriteString(inlineImg.ReplaceAllStringFunc(text, imgLine))
		i, prevBlank = next, false
	}
	return b.String()
}

// htmlDepthWithin reports whether the elements of block nest at most
// limit deep, counting opening and closing tags; void elements and those whose
// next sibling closes them (p, li, td, …) are not counted.
func htmlDepthWithin(block string, limit int) bool {
	depth := 0
	for i := 0; i < len(block); i++ {
		if block[i] != '<' || i+1 >= len(block) {
			continue
		}
		closing := block[i+1] == '/'
		k := i + 1
		if closing {
			k++
		}
		start := k
		for k < len(block) && k-start < 12 && (isASCIILetter(block[k]) || k > start && '0' <= block[k] && block[k] <= '9') {
			k++
		}
		if k == start {
			continue
		}
		name := asciiLower(block[start:k])
		switch {
		case selfClosed[name] || strings.HasPrefix(block[k:min(k+2, len(block))], "/>"):
		case closing:
			depth = max(depth-1, 0)
		default:
			if depth++; depth > limit {
				return false
			}
		}
	}
	return true
}

// selfClosed are the elements that need no closing tag: void ones, and
// those the next of their kind closes.
var selfClosed = map[string]bool{
	"img": true, "br": true, "hr": true, "input": true, "meta": true, "link": true, "source": true,
	"wbr": true, "area": true, "col": true, "embed": true, "param": true, "track": true,
	"p": true, "li": true, "td": true, "th": true, "tr": true, "dt": true, "dd": true, "option": true,
}

// lineAt is the line of s starting at i, without its newline, and the
// start of the next line.
func lineAt(s string, i int) (string, int) {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return s[i : i+k], i + k + 1
	}
	return s[i:], len(s)
}

// asciiLower lower-cases ASCII letters only, so that offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// openingTag is the lower-cased name of the tag a line starts with (after
// at most three spaces), or "".
func openingTag(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 2 || t[0] != '<' {
		return ""
	}
	k := 1
	for k < len(t) && k < 12 && (isASCIILetter(t[k]) || k > 1 && '0' <= t[k] && t[k] <= '9') {
		k++
	}
	if k == 1 || k < len(t) && t[k] != ' ' && t[k] != '>' && t[k] != '/' && t[k] != '\t' {
		return ""
	}
	return asciiLower(t[1:k])
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isIndentedCode(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    ")
}

// fence follows fenced code blocks line by line; its code method follows
// indented code as well, and is what the line-wise passes over Markdown
// (footnotes, kramdown, heading attributes, links, Zola's shortcodes) use
// to leave code as written. (stripHTML keeps its own account of blank
// lines, since it passes over whole HTML blocks.)
type fence struct {
	ch        byte // '`' or '~' while in a fenced block
	n         int  // the opening fence's length
	indented  bool // the previous line was indented code
	afterText bool // the previous line was not blank (code's account; false at the start)
}

// code reports whether line, the text's next line, is code: in a fenced
// block (its fences included), or indented code, which starts after a
// blank line (or the text's start) and goes on while lines are indented.
func (f *fence) code(line string) bool {
	code := f.line(line) || (!f.afterText || f.indented) && isIndentedCode(line)
	f.indented = code && isIndentedCode(line)
	f.afterText = strings.TrimSpace(line) != ""
	return code
}

// line reports whether line belongs to a fenced code block (its fences
// included).
func (f *fence) line(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return f.n > 0
	}
	run := 0
	for run < len(t) && (t[run] == '`' || t[run] == '~') && t[run] == t[0] {
		run++
	}
	if f.n == 0 {
		if run >= 3 {
			f.ch, f.n = t[0], run
			return true
		}
		return false
	}
	if run >= f.n && t[0] == f.ch && strings.TrimSpace(t[run:]) == "" {
		f.n = 0
	}
	return true
}

// Fences follows fenced code blocks line by line for another package
// (the index's snippets, which show code as written, as the reader does).
type Fences struct{ f fence }

// Line reports whether line, the text's next line, is in a fenced code
// block (code), and whether it is one of the block's fences.
func (fs *Fences) Line(line string) (code, fenceLine bool) {
	was := fs.f.n > 0
	code = fs.f.line(line)
	return code, code && (!was || fs.f.n == 0)
}

var (
	converterOnce sync.Once
	converter     *htmltomarkdown.Converter
)

// HTMLConverter is html-to-markdown with the CommonMark and table plugins,
// images and embedded videos written as "[image: alt] URL" lines (made
// absolute with converter.WithDomain). Readable converts HTML blocks with
// it, and the importer whole posts. It is safe for concurrent use.
func HTMLConverter() *htmltomarkdown.Converter {
	converterOnce.Do(func() {
		converter = htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
			base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(),
			// not aligned: an aligned table is as wide as its widest cell on every row
			table.NewTablePlugin(table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal))))
		media := func(kind string) htmltomarkdown.HandleRenderFunc {
			return func(ctx htmltomarkdown.Context, w htmltomarkdown.Writer, n *html.Node) htmltomarkdown.RenderStatus {
				src := firstOf(attr(n, "src"), attr(n, "data-src"))
				for c := n.FirstChild; src == "" && c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "source" {
						src = attr(c, "src")
					}
				}
				if src != "" {
					src = ctx.AssembleAbsoluteURL(ctx, n.Data, src)
				}
				if l := mediaLine(kind, firstOf(attr(n, "alt"), attr(n, "title")), src); l != "" {
					w.WriteString("\n\n" + l + "\n\n")
				}
				return htmltomarkdown.RenderSuccess
			}
		}
		converter.Register.RendererFor("img", htmltomarkdown.TagTypeInline, media("image"), htmltomarkdown.PriorityEarly)
		for _, tag := range []string{"iframe", "video"} {
			converter.Register.RendererFor(tag, htmltomarkdown.TagTypeInline, media("video"), htmltomarkdown.PriorityEarly)
		}
		converter.Register.RendererFor("audio", htmltomarkdown.TagTypeInline, media("audio"), htmltomarkdown.PriorityEarly)
	})
	return converter
}

// htmlToMarkdown converts a block of HTML to Markdown set off by blank
// lines; on an error the block is kept.
func htmlToMarkdown(block string) string {
	md, err := HTMLConverter().ConvertString(block)
	if err != nil {
		return block
	}
	if md = strings.TrimSpace(md); md == "" {
		return "\n"
	}
	return "\n" + md + "\n\n"
}

// inlineAnchor is an <a> element within a line: its opening tag's
// attributes, then its content.
var inlineAnchor = regexp.MustCompile(`(?i)<a(\s[^>]*)?>(.*?)</a\s*>`)

var hrefAttr = regexp.MustCompile(`(?i)\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// inlineLinks writes the <a href> links of a line of a paragraph, outside
// code spans, as Markdown links, [text](href): the renderer dropped the
// tags and their targets, so "<a href="/posts/x/">x</a>" read as "x" where
// a Markdown link names the piece, "x (→ “Title”)", and lists it under
// the reader's L (a helper's report; an HTML block was converted, a line
// of text was not). The content stays as written, Markdown in a
// paragraph; an anchor without an href, or with one that no Markdown link
// can hold, stays as it is.
func inlineLinks(line string) string {
	if !strings.Contains(line, "<") {
		return line
	}
	lower := asciiLower(line)
	if !strings.Contains(lower, "<a") || !strings.Contains(lower, "</a") {
		return line
	}
	code := spanCursor{spans: codeSpans(line)}
	var b strings.Builder
	last := 0
	for _, m := range inlineAnchor.FindAllStringSubmatchIndex(line, -1) {
		if code.in(m[0]) || m[2] < 0 || strings.Contains(lower[m[4]:m[5]], "<img") {
			continue // code, no attributes, or an image's link: the image shows, as in a block
		}
		h := hrefAttr.FindStringSubmatch(line[m[2]:m[3]])
		if h == nil {
			continue
		}
		href := strings.TrimSpace(html.UnescapeString(h[1] + h[2] + h[3]))
		if href == "" || strings.ContainsAny(href, "<>\n\r") {
			continue
		}
		if strings.ContainsAny(href, " \t()") {
			href = "<" + href + ">"
		}
		text := escapeBrackets(line[m[4]:m[5]])
		b.WriteString(line[last:m[0]])
		b.WriteString("[" + text + "](" + href + ")")
		last = m[1]
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// escapeBrackets escapes the brackets of s not escaped yet, so that it is
// a link's text.
func escapeBrackets(s string) string {
	if !strings.ContainsAny(s, "[]") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if (s[i] == '[' || s[i] == ']') && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var imgAttr = regexp.MustCompile(`(?i)\s(src|data-src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// imgLine is an inline <img> tag as "[image: alt] URL".
func imgLine(tag string) string {
	n := &html.Node{Type: html.ElementNode, Data: "img"}
	for _, m := range imgAttr.FindAllStringSubmatch(tag, 8) {
		n.Attr = append(n.Attr, html.Attribute{Key: strings.ToLower(m[1]), Val: html.UnescapeString(m[2] + m[3] + m[4])})
	}
	return mediaLine("image", firstOf(attr(n, "alt"), attr(n, "title")), firstOf(attr(n, "src"), attr(n, "data-src")))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
