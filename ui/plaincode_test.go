package ui

import (
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
)

// tokens is what the lexer, coalesced as Glamour's quick.Highlight
// coalesces it, gives of text.
func tokens(t *testing.T, l chroma.Lexer, text string) []chroma.Token {
	t.Helper()
	it, err := chroma.Coalesce(l).Tokenise(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

// A code block shown without highlighting goes to Glamour under
// plainLanguage, whose lexer uses no regular expression (chroma's
// "plaintext" matched each line under a 250 ms timeout, and on busy cores
// showed a character as a red error), and gives what chroma's plaintext
// lexer gives when no match of it timed out.
func TestPlainCodeIsNotLexedByRegularExpressions(t *testing.T) {
	md := "```\ncode\n~~~\nStill code\n```\n\n```mermaid\ngraph TD\n```\n\n    indented\n\n" +
		"```text\nnamed text\n```\n\n```TXT\nnamed txt\n```\n\n```no-highlight\nnone\n```\n\n```plaintext\nplain\n```\n"
	doc, src, _, ok := preparePart(md, &limits{share: 1, code: newCodeBudget(renderHighlighting, 1)})
	if !ok {
		t.Fatal("not prepared")
	}
	var langs []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering {
			langs = append(langs, string(f.Language(src)))
		}
		return ast.WalkContinue, nil
	})
	if len(langs) != 7 || slices.ContainsFunc(langs, func(l string) bool { return l != plainLanguage }) {
		t.Fatalf("languages handed to Glamour: %q, want %s for each of the seven blocks", langs, plainLanguage)
	}
	if isPlainLanguage("go") || isPlainLanguage("") {
		t.Error("go or no language read as chroma's plaintext")
	}
	if _, ok := lexers.Get(plainLanguage).(plainLexer); !ok {
		t.Fatalf("%s is lexed by %T", plainLanguage, lexers.Get(plainLanguage))
	}
	chromas := lexers.Get("plaintext")
	for _, text := range []string{"", "a", "code\n", "code\n~~~\nStill code\n\nafter a blank\n", "no newline",
		"\n\n\n", "cr\r\nlf\rmixed\n", "bad \xff utf-8\n", "tabs\tand  spaces \n", "é ü 中文 🙂\n"} {
		want := tokens(t, chromas, text)
		for _, tok := range want {
			if tok.Type == chroma.Error {
				t.Logf("%q: chroma's plaintext lexer timed out (a busy machine); not compared", text)
				want = nil
			}
		}
		got := tokens(t, plainLexer{}, text)
		if want != nil && !slices.Equal(got, want) {
			t.Errorf("%q: plain lexer %q, chroma's plaintext %q", text, got, want)
		}
		for _, tok := range got {
			if tok.Type != chroma.Text {
				t.Errorf("%q: a %v token", text, tok.Type)
			}
		}
	}
}
