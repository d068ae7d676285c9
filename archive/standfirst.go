package archive

import (
	"bytes"
	"strings"
	"sync"

	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
)

// maxStandfirstMarkdown is the longest standfirst read as Markdown, in
// bytes: a summary is a sentence or a paragraph, and one longer is kept
// as written rather than parsed at index time.
const maxStandfirstMarkdown = 16 << 10

// standfirstMarkdown reads a front matter's summary as its inline
// Markdown: paragraphs alone, so that "1. First" or "# 1" is the text it
// is, not a list or a heading. Made at first use, not at every command's
// start.
var standfirstMarkdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		)),
		goldmark.WithExtensions(extension.Strikethrough),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
})

// standfirstText is the text a site shows of a front-matter summary (Hugo
// renders a front-matter summary as Markdown, its docs' comparison of
// summaries says): its emphasis, code spans,
// links and HTML tags read as the words they show, entities decoded, on
// one line (a helper's report: "Sum **bold** <b>html</b>" was shown as
// written). The reader and folio show print it in italics on one line.
// An outlet is read by it too (Hugo Academic's publication is
// markdownified).
// Its result is not terminal-safe (&#27; is ESC): sanitise it, as Parse
// does. A reference to a control is dropped before it is decoded, so that
// the sanitising cannot take it and the letters after it for an escape
// sequence ("Sum&#27;mary" was "Sumary").
func standfirstText(s string) string {
	s = termsafe.DefuseReferences(s, "")
	if len(s) > maxStandfirstMarkdown || !strings.ContainsAny(s, "*_`[]<>&\\~!") {
		return strings.Join(strings.Fields(s), " ")
	}
	var out bytes.Buffer
	if err := standfirstMarkdown().Convert([]byte(s), &out); err != nil {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	rendered := out.Bytes()
	z := xhtml.NewTokenizer(bytes.NewReader(rendered))
	skip := 0 // inside <script>, <style>: no text shown
	at := 0   // the end of the token read, in rendered
	for {
		tt := z.Next()
		at += len(z.Raw())
		switch tt {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template":
				if tt == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "br", "p":
				b.WriteByte(' ')
			case "img":
				// an image shows its alt text, as the body's does (a
				// helper's report: ![img] and <img alt> were dropped)
				for more := skip == 0; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					if string(k) == "alt" {
						b.WriteString(" " + string(v) + " ")
					}
				}
			case "plaintext", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript":
				// their text runs as written to their end tag, or to the
				// end: one with no end tag after it (plaintext never has
				// one) is read as tags and text, as the rest of the
				// summary is, not as the paragraph's </p> (a helper's
				// report: "<plaintext>raw <b>x</b>" left "<b>x</b></p>")
				if tt == xhtml.StartTagToken && (string(name) == "plaintext" ||
					!bytes.Contains(bytes.ToLower(rendered[at:]), []byte("</"+string(name)))) {
					z.NextIsNotRawText()
				}
			}
		}
	}
}

// MarkdownText is the plain text s written so that it reads as s where a
// field is read as Markdown (an outlet, a standfirst: standfirstText):
// s itself when it reads so, else with Markdown's characters escaped and
// each "&" written "&amp;". An importer writes a page's site name with it
// (an outlet "AT&amp;T Daily", as the page wrote it, read "AT&T Daily").
func MarkdownText(s string) string {
	if SanitizeLine(standfirstText(s)) == s {
		return s
	}
	return markdownEscaper.Replace(s)
}
