package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// allCompiledRules gives the compiled rules of every compiled regex lexer.
func allCompiledRules() []*chroma.CompiledRule {
	var out []*chroma.CompiledRule
	for _, l := range regexLexers() {
		compiledRules(l, func(r *chroma.CompiledRule) { out = append(out, r) })
	}
	return out
}

// expireMatches sets every compiled rule's timeout to one already passed
// (regexp2's deadline is the clock plus the timeout plus its 100 ms tick:
// under minus a second every match times out at its first check), as a
// busy machine did to a match now and then, and forgets that folio set
// them.
func expireMatches(t *testing.T) {
	t.Helper()
	chromaMu.Lock()
	defer chromaMu.Unlock()
	for _, r := range allCompiledRules() {
		if r.Regexp != nil {
			r.Regexp.MatchTimeout = -time.Second
		}
	}
	clear(untimed)
}

// A block in a language chroma highlights renders the same bytes when
// chroma's matches time out: folio sets the timeout of the rules before it
// tokenises with them. Before, with chroma's timeouts expired (a busy
// machine, every match), the Go block below was every character an error,
// and the HTML block's style and script (lexed by the CSS and JavaScript
// lexers inside it) too.
func TestCodeRendersTheSameWhenChromaMatchesTimeOut(t *testing.T) {
	md := "Some code:\n\n```go\npackage main\n\nfunc main() {\n\tfmt.Println(`raw`, \"s\", 42) // c\n}\n```\n\n" +
		"```html\n<style>p { color: red }</style>\n<script>let x = 1 + 2;</script>\n<p class=\"a\">x</p>\n```\n"
	render := func() string {
		lines, note, err := RenderMarkdown(md, 80, "dark")
		if err != nil || note != "" {
			t.Fatalf("%v, note %q", err, note)
		}
		return strings.Join(lines, "\n")
	}
	// (a comment's colour was 241 or 242 at random, render to render,
	// before stablecolour.go)
	want := render()
	if !strings.Contains(want, "\x1b[") || !strings.Contains(want, "Println") {
		t.Fatalf("not highlighted: %q", want)
	}
	expireMatches(t)
	if got := render(); got != want {
		t.Errorf("with chroma's matches timed out:\n%q\nwant\n%q", got, want)
	}
	// every rule of every lexer used has folio's timeout, nested ones too
	for _, name := range []string{"go", "html", "css", "javascript"} {
		if l := lexers.Get(name); !untimed[regexLexerOf(t, l)] {
			t.Errorf("%s: timeouts not set", name)
		}
	}
	for _, r := range allCompiledRules() {
		if r.Regexp != nil && r.Regexp.MatchTimeout != matchTimeout && untimed[ruleOwner(r)] {
			t.Errorf("%q: timeout %v", r.Pattern, r.Regexp.MatchTimeout)
		}
	}
}

func regexLexerOf(t *testing.T, l chroma.Lexer) *chroma.RegexLexer {
	t.Helper()
	r, ok := l.(*chroma.RegexLexer)
	if !ok {
		t.Fatalf("%T", l)
	}
	return r
}

// ruleOwner is the compiled lexer r belongs to.
func ruleOwner(r *chroma.CompiledRule) *chroma.RegexLexer {
	for _, l := range regexLexers() {
		found := false
		compiledRules(l, func(c *chroma.CompiledRule) { found = found || c == r })
		if found {
			return l
		}
	}
	return nil
}

// TestChromaMatchTimeoutIsSet pins what matchtimeout.go reads of chroma's
// unexported fields: the regex lexers found inside every kind chroma
// registers, and their compiled rules' timeouts set once compiled.
func TestChromaMatchTimeoutIsSet(t *testing.T) {
	all := regexLexers()
	if len(all) < len(lexers.GlobalLexerRegistry.Lexers) {
		t.Fatalf("%d regex lexers in a registry of %d", len(all), len(lexers.GlobalLexerRegistry.Lexers))
	}
	for _, name := range []string{"markdown", "common lisp", "http", "go"} {
		compileLexer(lexers.Get(name))
	}
	n := 0
	for _, r := range allCompiledRules() {
		if r.Regexp != nil && r.Regexp.MatchTimeout != matchTimeout {
			t.Errorf("%q: timeout %v", r.Pattern, r.Regexp.MatchTimeout)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no compiled rule found")
	}
}
