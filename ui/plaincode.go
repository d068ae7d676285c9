package ui

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// plainLanguage names the lexer of the code blocks folio shows without
// highlighting (no language, one chroma does not know, or one too costly
// to highlight in time): the whole block one Text token, as chroma's
// "plaintext" lexer gives it (its rules `.+` and `\n`, each Text,
// coalesced; CR LF and CR read as LF; text read as runes), without
// chroma's regular expressions. Those match under a timeout of 250 ms
// each (chroma's regexp.go), which a busy machine passes: the match
// fails, and chroma shows the character it stood on as an error (red
// under the "dark" style) and goes on. A plain block came out so,
// "\x1b[38;5;255;48;5;203m" before "Still code", on the two busy cores
// of a test run (TestSplitRenderingEqualsWholeRendering, 2026-12-07).
// So are blocks that name chroma's plaintext lexer (text, txt, plain,
// no-highlight: isPlainLanguage). Blocks in a language chroma highlights
// are tokenised with folio's timeout set instead (matchtimeout.go).
const plainLanguage = "folio-plain"

// isPlainLanguage reports whether chroma reads lang, a code block's
// language, with its plaintext lexer.
func isPlainLanguage(lang string) bool {
	if lang == "" || len(lang) > maxLanguageBytes {
		return false
	}
	l := lexers.Get(lang)
	return l != nil && l.Config().Name == "plaintext"
}

// plainLexer is the lexer of plainLanguage.
type plainLexer struct{}

var plainConfig = &chroma.Config{Name: plainLanguage, Priority: -1}

func (plainLexer) Config() *chroma.Config { return plainConfig }

func (plainLexer) Tokenise(_ *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if strings.ContainsRune(text, '\r') {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	text = string([]rune(text)) // as chroma reads it: bad UTF-8 as U+FFFD
	if text == "" {
		return chroma.Literator(), nil
	}
	return chroma.Literator(chroma.Token{Type: chroma.Text, Value: text}), nil
}

func (l plainLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer { return l }

func (l plainLexer) SetAnalyser(func(string) float32) chroma.Lexer { return l }

// AnalyseText is 0: never chosen for a block by its text.
func (plainLexer) AnalyseText(string) float32 { return 0 }

// registered before any rendering; the name is folio's own, so no other
// lexer is replaced
var _ = lexers.Register(plainLexer{})

// codeBackslashesTwice writes each backslash of doc's code blocks, parsed
// from src (to which it appends, returning the new src), twice, for a
// style with no theme to highlight code in (PlainStyle, folio show piped;
// notty, the reader without colour): Glamour (v2.0.1, codeblock.go) shows
// a block there as a BaseElement's text, whose escapeReplacer reads
// backslash escapes in it, so a block's `a \! b` showed `a ! b` and `\\`
// showed `\`, where CommonMark shows code as written (as a style with a
// theme showed it). Written twice, each backslash is an escaped one to
// the replacer, which gives it back once, and escapes nothing after it.
func codeBackslashesTwice(doc ast.Node, src []byte) []byte {
	if bytes.IndexByte(src, '\\') < 0 {
		return src
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() != ast.KindCodeBlock && n.Kind() != ast.KindFencedCodeBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			v := seg.Value(src)
			if bytes.IndexByte(v, '\\') < 0 {
				continue
			}
			start := len(src)
			// the padding's spaces are in v: the new segment has none
			src = append(src, bytes.ReplaceAll(v, []byte(`\`), []byte(`\\`))...)
			lines.Set(i, text.NewSegment(start, len(src)))
		}
		return ast.WalkSkipChildren, nil
	})
	return src
}
