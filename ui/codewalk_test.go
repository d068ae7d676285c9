package ui

import (
	"slices"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// codeWalkCases hold code blocks, code spans (in links, tables, images)
// and HTML, with references to controls.
var codeWalkCases = []string{
	"Room &#7 and item &#3 here, `&#8 x`.\n\n<p>Room &#7 x &#x7 y</p>\n\n    <div>&#7 z</div>\n",
	"| a |\n|---|\n| [`x && y &#27;[5m`](http://x.org/) |\n\n![`a & b &#27;[8m &#169;`](http://x.org/i.png)\n\n[`c & d`](http://y.org/)\n",
	"```html\n&#8238; <b>&#27;[8m</b>\n```\n\ntext <span title=\"&#27;\">x</span> `a &amp; b &#27;` and <i>&#7;</i>\n\n    code &#27; &amp;\n\n<div>\n&#27;[5m\n</div>\n\n- `&#169;` <b>&#x1b;</b>\n  ```go\n  x := \"&#27;\"\n  ```\n\n> quoted `x` <br>\n>\n>     indented\n\nTerm\n: `def` <em>d</em>\n",
}

// parseForWalk parses md as renderPart does.
func parseForWalk(md string) ast.Node {
	lim := &limits{share: 1}
	return goldmark.New(
		goldmark.WithParser(newParser(lim)),
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithParagraphTransformers(util.Prioritized(lim, 10000))),
	).Parser().Parse(text.NewReader([]byte(defuseReferences(md).md)))
}

// threeWalks are the nodes writeCode, defuseHTML and prepareCode each
// found in a walk of its own before codeAndHTML found them in one.
func threeWalks(doc ast.Node) (code, html, blocks []ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindCodeSpan:
			code = append(code, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			html = append(html, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock) {
			blocks = append(blocks, n)
		}
		return ast.WalkContinue, nil
	})
	return code, html, blocks
}

// One walk finds the nodes the three walks found, in their order: the
// code and the HTML, and among the code the blocks prepareCode takes.
func TestCodeAndHTMLInOneWalk(t *testing.T) {
	found := [3]int{}
	for _, md := range append(codeWalkCases, longMarkdown([]string{"A paragraph with `code` and <b>bold</b>. Another sentence. A third."}, 20<<10)) {
		doc := parseForWalk(md)
		wantCode, wantHTML, wantBlocks := threeWalks(doc)
		code, html := codeAndHTML(doc)
		var blocks []ast.Node
		for _, n := range code {
			if n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindCodeBlock {
				blocks = append(blocks, n)
			}
		}
		if !slices.Equal(code, wantCode) || !slices.Equal(html, wantHTML) || !slices.Equal(blocks, wantBlocks) {
			t.Errorf("%q: one walk found %d code, %d HTML, %d blocks; three %d, %d, %d",
				md[:min(len(md), 60)], len(code), len(html), len(blocks), len(wantCode), len(wantHTML), len(wantBlocks))
		}
		found[0], found[1], found[2] = found[0]+len(wantCode), found[1]+len(wantHTML), found[2]+len(wantBlocks)
	}
	if found[0] == found[2] || found[1] == 0 || found[2] == 0 {
		t.Errorf("the cases hold %d code, %d HTML, %d blocks", found[0], found[1], found[2])
	}
}

// BenchmarkSourcePasses: finding the code and HTML of the 50 KB piece's
// document for writeCode, defuseHTML and prepareCode, in one walk and in
// the three they made (go test ./ui -run '^$' -bench SourcePasses).
func BenchmarkSourcePasses(b *testing.B) {
	fx := newRenderFixture(b)
	doc := parseForWalk(fx.body)
	b.Run("one", func(b *testing.B) {
		for b.Loop() {
			codeAndHTML(doc)
		}
	})
	b.Run("three", func(b *testing.B) {
		for b.Loop() {
			threeWalks(doc)
		}
	})
}
