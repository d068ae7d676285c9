package archive

import (
	stdhtml "html"
	"strings"
	"sync"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/folio-tui/folio/internal/nextindex"
	"github.com/folio-tui/folio/internal/termsafe"
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

var inlineImg = lazyRegexp(`(?i)<img\s[^>]*>`)

// inlineComment is a comment inside a line of text, which the site does
// not show.
var inlineComment = lazyRegexp(`<!--(?:>|->|.*?-->)`)

// isCommentStart: line opens a comment block (up to three spaces, then
// "<!--").
func isCommentStart(line string) bool {
	t := strings.TrimLeft(line, " ")
	return len(line)-len(t) < 4 && strings.HasPrefix(t, "<!--")
}

// readableHTML converts the HTML blocks of md to Markdown, its inline
// <img> tags to "[image: alt] URL", its inline <a href> links to
// Markdown links (inlineLinks) and drops its other inline tags, keeping
// what they enclose (inlineTagsText), outside fenced and indented code.
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
	span := 0 // the backticks that opened the paragraph's code span still open, or 0
	for i := 0; i < len(md); {
		line, next := lineAt(md, i)
		code := f.line(line) || (prevBlank || f.indented) && isIndentedCode(line)
		f.indented = code && isIndentedCode(line)
		blank := strings.TrimSpace(line) == ""
		if blank || code {
			span = 0
		}
		if code || blank || !strings.Contains(line, "<") {
			if !code {
				_, span = spanRanges(line, span)
			}
			b.WriteString(md[i:next])
			i, prevBlank = next, blank
			continue
		}
		if span == 0 && isCommentStart(line) {
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
		case span > 0:
			// the line goes on a code span: no block starts here
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
		// Only the text outside code spans is HTML: a span of any number
		// of backticks is code as written (a helper's report: ``<img>``
		// became "[image] …"). A comment is dropped only on a line with
		// no span: one may hold the "<!--" of a span's text.
		spans, after := spanRanges(line, span)
		text := md[i:next]
		// outside code: inline anchors as Markdown links, then images,
		// then the other tags dropped (inlinehtml.go)
		hl := &htmlLine{line: line}
		outside := func(s string) string {
			return inlineTagsText(hl, inlineImg().ReplaceAllStringFunc(inlineLinks(s), imgLine))
		}
		if len(spans) == 0 {
			text = inlineComment().ReplaceAllString(text, "")
		}
		out := hl.outsideSpans(text, spans, outside)
		if strings.TrimSpace(out) != "" || strings.TrimSpace(text) == "" {
			b.WriteString(out)
		} // else a line of tags alone: no line, not a blank one, which would end its paragraph
		span = after
		i, prevBlank = next, false
	}
	return b.String()
}

// spanRanges finds the code spans of a paragraph's line: open is the
// length of the backtick run that opened a span on an earlier line, still
// open (0: none). It returns the spans' byte ranges in line, backticks
// included (a span still open at the line's end runs to it), and the run
// still open after the line. A run that finds no closer of its length
// by the paragraph's end is not a span in CommonMark; it is taken for one
// to the paragraph's end here, so that text is left as written rather
// than read as HTML (codeSpans, which sees one line whole, knows better
// but not across lines).
func spanRanges(line string, open int) (spans [][2]int, after int) {
	start := 0
	for i := 0; i < len(line); {
		if line[i] != '`' {
			if open == 0 && line[i] == '\\' && i+1 < len(line) {
				i += 2 // an escaped backtick opens no span
				continue
			}
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		switch {
		case open == 0:
			open, start = j-i, i
		case j-i == open:
			spans = append(spans, [2]int{start, j})
			open = 0
		}
		i = j
	}
	if open > 0 {
		spans = append(spans, [2]int{start, len(line)})
	}
	return spans, open
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
// to leave code as written. A fence may stand in a block quote ("> ```")
// or a list item ("- ```", or indented under one), at any depth; the block
// ends at its closing fence or where its quote or item ends. (stripHTML
// keeps its own account of blank lines, since it passes over whole HTML
// blocks.)
type fence struct {
	ch        byte // '`' or '~' while in a fenced block
	n         int  // the opening fence's length
	quotes    int  // the block quotes the open fence stands in
	base      int  // the column of the open fence's list item content (0: in none)
	list      int  // the column of the last list item's content, while the list may go on
	text      bool // the last line was not blank (line's account)
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
	quotes, t := quoteMarkers(line)
	blank := strings.TrimSpace(t) == ""
	cols, t := leadColumns(t)
	textBefore := f.text
	f.text = !blank
	if f.n > 0 {
		if quotes < f.quotes || !blank && f.base > 0 && cols < f.base {
			f.n = 0 // its quote or list item ended: the line is not in it
		} else {
			if run := fenceRun(t); run >= f.n && t[0] == f.ch && cols-f.base <= 3 && strings.TrimSpace(t[run:]) == "" {
				f.n = 0
			}
			return true
		}
	}
	base := 0
	for {
		w := listMarker(t)
		if w == 0 {
			break
		}
		// a list item's content starts after its marker and the spaces
		// (one to four) after it
		sp, rest := leadColumns(t[w:])
		if sp > 4 || strings.TrimSpace(rest) == "" {
			sp = 1
		}
		base = cols + w + sp
		cols, t = base, strings.TrimLeft(t[w:], " \t")
		f.list = base
	}
	switch {
	case base > 0:
	case f.list > 0 && cols >= f.list:
		base = f.list // indented under the list's last item
	case !blank && !textBefore:
		f.list = 0 // a paragraph after a blank line, less indented: the list is over
	}
	if cols-base > 3 {
		return false
	}
	if run := fenceRun(t); run >= 3 {
		f.ch, f.n, f.quotes, f.base = t[0], run, quotes, base
		return true
	}
	return false
}

// fenceRun is the length of the run of backticks or tildes t starts with.
func fenceRun(t string) int {
	run := 0
	for run < len(t) && (t[run] == '`' || t[run] == '~') && t[run] == t[0] {
		run++
	}
	return run
}

// quoteMarkers counts the block quote markers line starts with (each
// after at most three spaces, with the space after it) and returns the
// rest.
func quoteMarkers(line string) (int, string) {
	n := 0
	for {
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) > 3 || !strings.HasPrefix(t, ">") {
			return n, line
		}
		line, n = strings.TrimPrefix(t[1:], " "), n+1
	}
}

// leadColumns is the width of s's leading spaces and tabs (a tab to the
// next multiple of four), and the rest.
func leadColumns(s string) (int, string) {
	cols := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, s[i:]
		}
	}
	return cols, ""
}

// listMarker is the length of the list item marker t starts with ("-",
// "*", "+", or up to nine digits and "." or ")"), followed by a space, a
// tab or the line's end; 0 if none.
func listMarker(t string) int {
	k := 0
	switch {
	case t == "":
		return 0
	case t[0] == '-' || t[0] == '*' || t[0] == '+':
		k = 1
	default:
		for k < len(t) && k < 9 && '0' <= t[k] && t[k] <= '9' {
			k++
		}
		if k == 0 || k == len(t) || t[k] != '.' && t[k] != ')' {
			return 0
		}
		k++
	}
	if k < len(t) && t[k] != ' ' && t[k] != '\t' {
		return 0
	}
	return k
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
// absolute with converter.WithDomain), superscripts and subscripts kept as
// <sup> and <sub> (see ScriptText), struck text as ~~…~~. Readable converts HTML blocks with
// it, and the importer whole posts. It is safe for concurrent use.
func HTMLConverter() *htmltomarkdown.Converter {
	converterOnce.Do(func() {
		converter = htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
			base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(),
			// <del>, <s> and <strike> as ~~…~~: flattened, what was
			// struck read as live text
			strikethrough.NewStrikethroughPlugin(),
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
				if !strings.Contains(src, "://") {
					src = escapeReferences(src) // a URL is linked as written, a path decoded
				}
				if l := mediaLine(kind, escapeReferences(firstOf(attr(n, "alt"), attr(n, "title"))), src); l != "" {
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
		// kept as inline HTML, which the archive reads as ScriptText
		// writes it (10<sup>22</sup> is 10²²): flattened, 10²² read 1022
		for _, tag := range []string{"sup", "sub"} {
			converter.Register.RendererFor(tag, htmltomarkdown.TagTypeInline, func(ctx htmltomarkdown.Context, w htmltomarkdown.Writer, n *html.Node) htmltomarkdown.RenderStatus {
				w.WriteString("<" + tag + ">")
				ctx.RenderChildNodes(ctx, w, n)
				w.WriteString("</" + tag + ">")
				return htmltomarkdown.RenderSuccess
			}, htmltomarkdown.PriorityEarly)
		}
		// before base's, which marks Markdown characters in the text
		converter.Register.TextTransformer(func(_ htmltomarkdown.Context, s string) string { return escapeReferences(s) }, htmltomarkdown.PriorityEarly)
	})
	return converter
}

// escapeReferences writes "&amp;" for each "&" of the text s that would
// begin a character reference in Markdown: one html.UnescapeString decodes
// (Glamour decodes text with it: "&copy" without its ";" too), which
// CommonMark's are among. html-to-markdown writes a text's "&" as it is
// (its issue 178), so the HTML "&amp;copy;", shown "&copy;", was the
// Markdown "&copy;", shown "©" (a helper's report on an imported feed).
// An "&" followed by what decodes to nothing ("R&D", "a & b") stays.
func escapeReferences(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		j := i + 1
		for j < len(s) && j-i < maxReferenceBytes && (isAlnum(s[j]) || s[j] == '#') {
			j++
		}
		if j < len(s) && s[j] == ';' {
			j++
		}
		if ref := s[i:j]; j > i+1 && stdhtml.UnescapeString(ref) != ref {
			b.WriteString(s[last:i])
			b.WriteString("&amp;")
			last = i + 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// maxReferenceBytes is past the longest character reference
// ("&CounterClockwiseContourIntegral;", or a number of many zeros, which
// its first bytes tell).
const maxReferenceBytes = 40

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// htmlToMarkdown converts a block of HTML to Markdown set off by blank
// lines; on an error the block is kept.
func htmlToMarkdown(block string) string {
	// a reference to a control is one character, dropped alone, not the
	// start of an escape sequence once decoded
	md, err := HTMLConverter().ConvertString(termsafe.DefuseReferences(block, ""))
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
var inlineAnchor = lazyRegexp(`(?i)<a(\s[^>]*)?>(.*?)</a\s*>`)

var hrefAttr = lazyRegexp(`(?i)\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// inlineLinks writes the <a href> links of text outside code spans (its
// caller, readableHTML, gives it only that) as Markdown links, [text](href): the renderer dropped the
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
	var b strings.Builder
	last := 0
	for _, m := range inlineAnchor().FindAllStringSubmatchIndex(line, -1) {
		if m[2] < 0 || strings.Contains(lower[m[4]:m[5]], "<img") {
			continue // no attributes, or an image's link: the image shows, as in a block
		}
		h := hrefAttr().FindStringSubmatch(line[m[2]:m[3]])
		if h == nil {
			continue
		}
		href := strings.TrimSpace(termsafe.Unescape(h[1] + h[2] + h[3]))
		if href == "" || strings.ContainsAny(href, "<>\n\r\\") {
			continue // a backslash would escape what ends the target
		}
		if strings.ContainsAny(href, " \t()") {
			href = "<" + href + ">"
		}
		text, ok := linkText(line[m[4]:m[5]])
		if !ok {
			continue
		}
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

// linkText is s, an anchor's content, as a Markdown link's text: its
// brackets escaped, its backslash escapes kept (a helper's report: "[1]"
// and "a ](x) b" made links markLine could not read, shown as "[1]
// /target.md" and "a \ x b](target.md)"); false when no link's text can
// hold it as written, and the anchor stays, its text shown as before: a
// backslash at its end would escape the closing bracket, and a bracket in
// a code span cannot be escaped.
func linkText(s string) (string, bool) {
	if !strings.ContainsAny(s, "[]\\") {
		return s, true
	}
	if strings.Contains(s, "`") && strings.ContainsAny(s, "[]") {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "", false
			}
			b.WriteByte(c)
			i++
			b.WriteByte(s[i])
		case '[', ']':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

var imgAttr = lazyRegexp(`(?i)\s(src|data-src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// imgLine is an inline <img> tag as "[image: alt] URL".
func imgLine(tag string) string {
	n := &html.Node{Type: html.ElementNode, Data: "img"}
	for _, m := range imgAttr().FindAllStringSubmatch(tag, 8) {
		n.Attr = append(n.Attr, html.Attribute{Key: strings.ToLower(m[1]), Val: termsafe.Unescape(m[2] + m[3] + m[4])})
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
