package archive

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// oracleMD renders Markdown as a site does (goldmark, GitHub's tables,
// raw HTML passed through).
var oracleMD = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))

// visibleWords are the words a page shows of md: goldmark's HTML read by
// an HTML parser, the content of script and style left out, a <br> or a
// block element parting words, each paragraph, heading, list item,
// quote or cell's end written "¶" and each line break (<br>) "↵" when
// blocks is set; a superscript's or subscript's text as ScriptText
// writes it.
func visibleWords(t *testing.T, md string, blocks bool) []string {
	t.Helper()
	var out bytes.Buffer
	if err := oracleMD.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "template":
				return
			case "sup", "sub":
				// raised or lowered on the page, in the text as
				// ScriptText writes it (TestScriptsKeepTheirNumbers)
				var in strings.Builder
				var text func(n *html.Node)
				text = func(n *html.Node) {
					if n.Type == html.TextNode {
						in.WriteString(n.Data)
					}
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						text(c)
					}
				}
				text(n)
				b.WriteString(ScriptText(in.String(), n.Data == "sup"))
				return
			case "br":
				if blocks {
					b.WriteString(" ↵ ")
				} else {
					b.WriteString(" ")
				}
			}
		}
		para := n.Type == html.ElementNode && strings.Contains(" p li h1 h2 h3 h4 h5 h6 td th blockquote ", " "+n.Data+" ")
		if n.Type == html.ElementNode && blockElements[n.Data] {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if para && blocks {
			b.WriteString(" ¶ ")
		} else if n.Type == html.ElementNode && blockElements[n.Data] {
			b.WriteString(" ")
		}
	}
	walk(doc)
	return words(b.String())
}

// words are the runs of letters and digits of s, and its "¶"s, one for a
// run of them, and its "↵"s.
func words(s string) []string {
	var ws []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '¶' && r != '↵' }) {
		for i, w := range strings.Split(f, "¶") {
			if i > 0 && (len(ws) == 0 || ws[len(ws)-1] != "¶") {
				ws = append(ws, "¶")
			}
			if w != "" {
				ws = append(ws, w)
			}
		}
	}
	return ws
}

// TestInlineHTMLAsGoldmark checks a piece's text against goldmark as the
// oracle, for inline HTML in each kind of block: the words of the body
// as stored (what the index reads, snippets show and the reader renders)
// are the words goldmark's page shows, no tag's name or attribute among
// them, and the body rendered has the same blocks with the same words and
// line breaks (a <br> made a line break starts no list or heading, a line
// of tags alone ends no paragraph), but that two <br>s are a paragraph's
// end (WordPress's exports write them for one; in a list item a hard
// break and an empty line, two line breaks, which pageBlocks reads as one
// end too) and a heading or a table's cell, one line, has none.
func TestInlineHTMLAsGoldmark(t *testing.T) {
	fragments := []string{
		`line one<br>line two`, `line one<br/>line two`, `line one <BR /> line two`,
		`and <em>emword</em> and`, `<abbr title="Hidden Atlantic Treaty">NATO</abbr> said`,
		`<span class="zorblax">spanvisible</span>word here`, `<font color=crimson>fontword</font>.`,
		`Text with <kbd>Ctrl</kbd>+<kbd>C</kbd>.`, `x<sup>sup</sup>y and H<sub>2</sub>O`,
		`a<br>- b`, `a<br>1. b`, `a<br># b`, `a<br>> b`, `a<br>=== b`, `a<br><br>b`, `end<br>`,
		`\<em>escaped\</em> stays`, "code `<kbd>x</kbd>` stays", `<q cite='x y'>quoted</q> words`,
		`<span style="color: red" data-x=1>red</span>`, `<ins datetime="2020-01-01">added</ins>`,
		`<mark>m</mark><u>u</u><s>s</s>`, `a <script>var hidden = 1</script>shown`,
		`a <style>.x{}</style>styled`, `a<?php echo "pi" ?>b`, `a <!DOCTYPE html>decl`,
		`<time datetime="2021-01-01">today</time> and <wbr>joined`, `<custom-tag foo:bar="baz">custom</custom-tag>`,
		`1 < 2 and 3 > 2`, `a <b and c>`, `<a name="x">anchor</a> word`,
		`<span>a</span>`, `see <https://example.com/autolink> and <foo@example.com>`,
	}
	contexts := []string{
		"%s", "- %s", "1. %s", "> %s", "> - %s", "## %s", "text before\n%s\ntext after",
		"| head | col |\n|---|---|\n| %s | cell |", "- item\n\n  %s",
	}
	dir := t.TempDir()
	n := 0
	for _, c := range contexts {
		for _, f := range fragments {
			md := fmt.Sprintf(c, f) + "\n\nlast paragraph\n\n[r]: /x\n"
			n++
			name := fmt.Sprintf("p%d.md", n)
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+md), 0o644); err != nil {
				t.Fatal(err)
			}
			a, probs := ParseFile(os.DirFS(dir), name)
			if IsFatal(probs) {
				t.Fatalf("%q: %v", md, probs)
			}
			want := visibleWords(t, md, false)
			if strings.HasPrefix(c, "1.") {
				want = append([]string{"1"}, want...) // the item's number, in the Markdown
			}
			want = append(want, "r", "x") // the reference's definition
			// struck text is written ~~…~~ (TestStruckHTMLStaysStruck),
			// which the page shows struck, its words as they were
			if got := words(strings.ReplaceAll(a.Body, "~~", "")); !slicesEqual(got, want) {
				t.Errorf("%q: the body %q has the words\n%q, the page shows\n%q", md, a.Body, got, want)
				continue
			}
			if got, want := pageBlocks(visibleWords(t, a.Body, true), false), pageBlocks(visibleWords(t, md, true), strings.HasPrefix(c, "#") || strings.HasPrefix(c, "|")); !slicesEqual(got, want) {
				t.Errorf("%q: the body %q renders as the blocks\n%q, the page's are\n%q", md, a.Body, got, want)
			}
		}
	}
}

// TestInlineHTMLBlocksInAList: a line of tags alone inside a paragraph
// leaves no blank line behind, and a line break keeps to its list item.
func TestInlineHTMLLines(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"first line\n<kbd>\nsecond line\n", "first line\nsecond line\n"},
		{"- a<br>b\n", "- a  \n  b\n"},
		{"> - a<br>b\n", "> - a  \n>   b\n"},
		// every <br> a line break, what would open a block after it
		// escaped (a helper's report: "Ann Lee<br>123 Main St" was one
		// line, "a<br>- b" too), two a blank line
		{"a<br>- b\n", "a  \n\\- b\n"},
		{"Ann Lee<br>123 Main St<br>Springfield\n", "Ann Lee  \n123 Main St  \nSpringfield\n"},
		{"Q: what?<br>[laughs] yes<br>*pause*<br>- dash line\n", "Q: what?  \n[laughs] yes  \n*pause*  \n\\- dash line\n"},
		{"a<br>1. b<br>2) c<br>#d<br>## e<br>> f<br>=== <br>***<br>* g<br>~~~<br>: h<br><div\n", "a  \n1\\. b  \n2\\) c  \n#d  \n\\## e  \n\\> f  \n\\===   \n\\***  \n\\* g  \n\\~~~  \n\\: h  \n\\<div\n"},
		{"a<br><https://x.org> and<br>[^1]: not a note\n", "a  \n<https://x.org> and  \n\\[^1]: not a note\n"},
		{"First stanza<br><br>Second stanza\n", "First stanza\n\nSecond stanza\n"},
		// in a list item two a hard break and an empty line of one (a
		// blank line made the item loose, its paragraphs joined by
		// Glamour: "first linesecond paragraph"); at the line's end one
		{"> - a<br> <br/>b\n", "> - a  \n>   \\\n>   b\n"},
		{"- first line<br><br>second paragraph\n- next item\n", "- first line  \n  \\\n  second paragraph\n- next item\n"},
		{"- item\n\n  a<br><br>- b\n", "- item\n\n  a  \n  \\\n  \\- b\n"},
		{"- a<br><br>\n  b\n", "- a  \n  b\n"},
		{"- a<br><br><span></span>\n", "- a  \n  \n"},
		{"> a<br><br>b\n", "> a\n>\n> b\n"},
		{"a<br><span> </span>- b\n", "a  \n \\- b\n"},
		{"a<br><br>\nb\n", "a\n\nb\n"},
		{"a<br><span>- b</span>\n", "a  \n\\- b\n"},
		{"# a<br>- b\n", "# a - b\n"},
		// at the line's end a hard break, which the reader shows (it was
		// "a \nb", a soft break, shown as a space); before a code span a
		// line break too
		{"a<br>\nb\n", "a  \nb\n"},
		{"> a <BR/>\r\n> b\n", "> a   \r\n> b\n"},
		{"a<br>`c`\n", "a  \n`c`\n"},
		// a backtick fence's run after a <br> escaped, each backtick (an
		// attack: "Intro<br>```" opened a fence), not a span's closed on
		// its line; a reference definition after two
		{"a<br>```\nb\n", "a  \n\\`\\`\\`\nb\n"},
		{"a<br>````go x\n", "a  \n\\`\\`\\`\\`go x\n"},
		{"a<br>```c``` d\n", "a  \n```c``` d\n"},
		{"a<br><br>[r]: /u\n", "a\n\n\\[r]: /u\n"},
		{"a<br>[r]: /u\n", "a  \n[r]: /u\n"},
		{"a<br><br>[r]: more words\n", "a\n\n[r]: more words\n"},
		{"a<br>", "a  \n"},
		{"[x](<a b>) and <em>y</em>\n", "[x](<a b>) and y\n"},
		{"[x]: <a b>\n", "[x]: <a b>\n"},
	} {
		if got := readableHTML(c.md); got != c.want {
			t.Errorf("readableHTML(%q) = %q, want %q", c.md, got, c.want)
		}
	}
}

// TestBrBeforeABlockStartOpensNone: what follows a <br> starts a line of
// the body, where it must open no block that the page does not (an
// attack: "Intro<br>```" opened a fence, the rest of the piece code;
// ~~~ was escaped, ``` was not, being a code span's run). Each
// starter CommonMark has after a line break or a blank line (two <br>s),
// in each kind of block; goldmark as the oracle, as in
// TestInlineHTMLAsGoldmark.
func TestBrBeforeABlockStartOpensNone(t *testing.T) {
	fragments := []string{
		"Intro<br>```\nsecret line one\n\nParagraph two.\n\n# Heading",
		"Intro<br>```python\nnot code\n\nafter",
		"Intro<br> ````\nnot code\n````\n\nafter",
		"Intro<br><br>```\nnot code\n\nafter",
		"Intro<br>```\nuse ``x`` here\n\nafter",
		"Intro<br>```c``` inline\n\nafter",
		"Intro<br>~~~\nnot code\n\nafter",
		"Intro<br><br>[ref]: https://example.com/u\n\nafter [ref]",
		"Intro<br><br>[ref]: <https://example.com/u> 'title'\n\nafter [ref]",
		"Intro<br><br>[^n]: not a note\n\nafter",
		"Intro<br><div>\nnot html\n\nafter",
		"Intro<br><!-- open\nmore\n\nafter",
		"Intro<br>===\n\nafter",
		"Intro<br>---\n\nafter",
		"Intro<br><br>2. two\n\nafter",
		"Intro<br><br>    indented\n\nafter",
	}
	dir := t.TempDir()
	n := 0
	for _, c := range []string{"%s", "> %s", "- %s"} {
		for _, f := range fragments {
			md := fmt.Sprintf(c, f)
			if c != "%s" {
				// every line of the fragment in the quote or the item
				md = strings.ReplaceAll(md, "\n", "\n"+strings.Repeat(" ", len(c)-2))
				if c == "> %s" {
					md = strings.ReplaceAll(md, "\n  ", "\n> ")
				}
			}
			md += "\n\nlast paragraph\n"
			n++
			name := fmt.Sprintf("b%d.md", n)
			if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+md), 0o644); err != nil {
				t.Fatal(err)
			}
			a, probs := ParseFile(os.DirFS(dir), name)
			if IsFatal(probs) {
				t.Fatalf("%q: %v", md, probs)
			}
			if got, want := words(a.Body), visibleWords(t, md, false); !slicesEqual(got, want) {
				t.Errorf("%q: the body %q has the words\n%q, the page shows\n%q", md, a.Body, got, want)
				continue
			}
			// a line break before a block's end is none, here too: "==="
			// after it is no word
			if got, want := pageBlocks(visibleWords(t, a.Body, true), false), pageBlocks(visibleWords(t, md, true), false); !slicesEqual(got, want) {
				t.Errorf("%q: the body %q renders as the blocks\n%q, the page's are\n%q", md, a.Body, got, want)
			}
		}
	}
}

// hrefs are the link destinations of md's page (goldmark's).
func hrefs(t *testing.T, md string) []string {
	t.Helper()
	var out bytes.Buffer
	if err := oracleMD.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	var hs []string
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
		hs = append(hs, m[1])
	}
	return hs
}

// TestTagInALinkDestinationIsText: a tag in a link's destination is part
// of it, as CommonMark reads it (an attack: "[dest](https://example.com/
// a<br>b)", a link to https://example.com/a%3Cbr%3Eb in cmark 0.30.2, was
// broken at the <br>, no link, the URL shown in two lines); one that ends
// no link (its ")" missing, no title after a blank) is a tag, and so is
// one in an autolink's <…>, which holds no "<"; a code span's is text.
// A line of 3,000 "[a](b" still open is read once.
// goldmark as the oracle: the same links, the same words and lines.
func TestTagInALinkDestinationIsText(t *testing.T) {
	dir := t.TempDir()
	for n, md := range []string{
		"See [dest](https://example.com/a<br>b) here.",
		"See [dest](https://example.com/a<br>b \"title\") and [d2](x<br/>y<b>z</b> ) here.",
		"See [d](a(b<br>c)d) and [e](a\\)<br>b) here.",
		"See ![img](https://example.com/i<br>.png) here.",
		"[r]: https://example.com/a<br>b\n\nUse [r] here.",
		"- [x](u<br>v)<br>- next line",
		"> [outer [in](a<br>b)](c<br>d) after",
		"[a](b<br>c d) not a link",
		"[a](b<br>c and no end",
		"[a](x)<br>- b",
		"Go <https://example.com/<br>x> now.",
		"Inline `[a](b<br>c)` code.",
		strings.Repeat("[a](b", 3000) + "<br>c) " + strings.Repeat("[a](b<br>", 3000),
	} {
		md += "\n\nlast paragraph\n"
		name := fmt.Sprintf("l%d.md", n)
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+md), 0o644); err != nil {
			t.Fatal(err)
		}
		a, probs := ParseFile(os.DirFS(dir), name)
		if IsFatal(probs) {
			t.Fatalf("%.40q: %v", md, probs)
		}
		if got, want := hrefs(t, a.Body), hrefs(t, md); !slicesEqual(got, want) {
			t.Errorf("%.80q: the body %.80q links to\n%.200q, the page to\n%.200q", md, a.Body, got, want)
		}
		if got, want := pageBlocks(visibleWords(t, a.Body, true), false), pageBlocks(visibleWords(t, md, true), false); !slicesEqual(got, want) {
			t.Errorf("%.80q: the body %.80q renders as the blocks\n%.200q, the page's are\n%.200q", md, a.Body, got, want)
		}
	}
}

// pageBlocks are a page's blocks (visibleWords) as a body keeps them: two
// line breaks in a row a paragraph's end, a line break at a block's end
// none (Markdown has none there), and in one line (oneLine) none.
func pageBlocks(ws []string, oneLine bool) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		switch {
		case ws[i] != "↵":
		case oneLine, i+1 < len(ws) && ws[i+1] == "¶":
			continue
		case i+1 < len(ws) && ws[i+1] == "↵":
			out = append(out, "¶")
			i++
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBrReadsLineOnce: each <br> asked whether its line is a heading or a
// table's row, and what starts its next line, reading the whole line: a
// line of 120,000 "a<br>"s took 2.2 s. Counted in bytes of the line read,
// which must stay within its length, over segments (code spans apart)
// as readableHTML asks them.
func TestBrReadsLineOnce(t *testing.T) {
	for _, line := range []string{
		"> - " + strings.Repeat("a<br>", 20000) + "b",
		"| " + strings.Repeat("a<br>", 20000) + " |",
		"# " + strings.Repeat("a<br>", 20000),
		strings.Repeat("a<br>b `c<br>` ", 20000),
	} {
		br := &htmlLine{line: line}
		out := outsideSpans(line, codeSpans(line), func(s string) string { return inlineTagsText(br, s) })
		if br.scanned > len(line) {
			t.Errorf("%q…: %d bytes read for a line of %d", line[:12], br.scanned, len(line))
		}
		if n, want := strings.Count(out, "<br>"), strings.Count(line, "`")/2; n != want {
			t.Errorf("%q…: %d <br>s left, want those of the code spans", line[:12], n)
		}
	}
	if got, want := readableHTML("> - a<br>b<br>c\n"), "> - a  \n>   b  \n>   c\n"; got != want {
		t.Errorf("readableHTML = %q, want %q", got, want)
	}
}

// TestUnclosedInlineScript: a script or style opened in a line and not
// closed on it hid nothing after it but its first tag's match, and the
// later tags stayed ("a <script>x <b>bold</b> y" read "a x <b>bold</b>
// y"). A page shows nothing after it (its content runs to a closing tag
// or the page's end): the rest of the line is hidden, code spans too.
// goldmark and an HTML parser as the oracle, the line last on its page.
func TestUnclosedInlineScript(t *testing.T) {
	fragments := []string{
		"a <script>x <b>bold</b> y", "a <style>x <em>em</em> `code` y", "<em>a</em> <script>x <br> y",
		"a <template>x <span>s</span> y", "a <script>x</script> <b>bold</b> <script>y <i>z</i>",
		"`c` <kbd>k</kbd> <script>x ``d`` <b>e</b>",
	}
	contexts := []string{"%s", "- %s", "> %s", "## %s", "text before\n%s", "| head | col |\n|---|---|\n| %s"}
	for _, c := range contexts {
		for _, f := range fragments {
			md := fmt.Sprintf(c, f) + "\n"
			got := readableHTML(md)
			if strings.Contains(got, "<") {
				t.Errorf("readableHTML(%q) = %q: a tag left", md, got)
			}
			if g, w := visibleWords(t, got, false), visibleWords(t, md, false); !slicesEqual(g, w) {
				t.Errorf("readableHTML(%q) = %q shows\n%q, the page\n%q", md, got, g, w)
			}
		}
	}
	if got, want := readableHTML("a <script>x <b>b</b> `c` y\nnext line\n"), "a \nnext line\n"; got != want {
		t.Errorf("readableHTML = %q, want %q", got, want)
	}
}
