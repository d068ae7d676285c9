package index

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var (
	fuzzOnce  sync.Once
	fuzzIndex *Index
)

// FuzzQuery: any input is a legal query. It never panics, never errors,
// and every mark it places is closed.
//
//	go test ./index/ -run '^$' -fuzz FuzzQuery -fuzztime 1m
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"", "raqqa", `"foreign fighters"`, `-"a`, `tag:`, `title:"x`, "a OR", "OR", "NOT NOT x",
		"radica", "x~2", "***", "-", "--x", "+x", `"`, `""`, "7/7", "IS", "is", "al-Qaeda",
		"outlet:telegraph isis", "author:\"smith", "kind:speech", "é~", "\u00e9\u0301", "\xff",
		"x* y~ \"z\" -w", strings.Repeat("(", 100),
	} {
		f.Add(s)
	}
	fuzzOnce.Do(func() {
		ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Memory: true, Synonyms: DefaultSynonyms()})
		if err != nil {
			f.Fatal(err)
		}
		fuzzIndex = ix
	})
	f.Fuzz(func(t *testing.T, s string) {
		for _, typing := range []bool{false, true} {
			p := buildPlan(parseQuery(s, typing), DefaultSynonyms())
			_ = p.terms()
			_ = p.widened()
			_ = compile(p)
		}
		r, err := fuzzIndex.Search(context.Background(), Query{Text: s, Limit: 5, Typing: true})
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if r.Total < len(r.Hits) {
			t.Fatalf("%q: total %d < %d hits", s, r.Total, len(r.Hits))
		}
		for _, h := range r.Hits {
			for _, m := range append([]string{h.TitleMarked}, h.Snippets...) {
				if strings.Count(m, MarkStart) != strings.Count(m, MarkEnd) {
					t.Fatalf("%q: unbalanced marks in %q", s, m)
				}
				if !utf8.ValidString(m) {
					t.Fatalf("%q: invalid UTF-8 in %q", s, m)
				}
			}
		}
	})
}

// FuzzSameLower: sameLower (the snippets' count of distinct words) is
// strings.ToLower's equality, for any bytes.
//
//	go test ./index/ -run '^$' -fuzz FuzzSameLower -fuzztime 1m
func FuzzSameLower(f *testing.F) {
	for _, p := range [][2]string{{"Kelvin", "kelvin"}, {"\u212a", "k"}, {"ſ", "s"}, {"İ", "i̇"}, {"\xff", "\xfe"},
		{"\xff", "\ufffd"}, {"ΣΑΣ", "σας"}, {"ab", "abc"}, {"", ""}, {"Straße", "STRASSE"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameLower(a, b), strings.ToLower(a) == strings.ToLower(b); got != want {
			t.Fatalf("sameLower(%q, %q) = %v, ToLower's equality %v", a, b, got, want)
		}
	})
}

// FuzzScanWordsAsTokenized: scanWords, which the exact forms and the
// snippets read texts with, splits any text into the words the tokenizer
// indexes, and says a block ends exactly where the tokenizer leaves a
// place empty.
func FuzzScanWordsAsTokenized(f *testing.F) {
	f.Add("Intro zorbal\nquintex.\n\n- one\n- two\n\n1. x\n2) y\n\n## H\n| a | b |\n> q\n---\nz")
	f.Add("Isil’s 3.5 10,000 中国的反恐怖主义\r\n\r\n+ don't\n  \t\n* é\u0301")
	f.Add("The caf&eacute; was full of Isil&nbsp;fighters &amp; na&iuml;ve folk, don&#8217;t &#20013;&#x56FD; 3&#46;5\n\n```\ncaf&eacute;\n```\n\n    &nbsp;x\n\n&fjlig;ord &nvlt;x &copyx; &#12345678;")
	f.Add("10⁶ and 2⁻³ and x² and 10&#8310; and 10^6 and 3⁴⁵⁶\n⁶ and 10*⁶* and ¹⁰ and 5⁺\n\n1⁰")
	f.Fuzz(func(t *testing.T, text string) {
		toks := wordTokenizer{}.Tokenize([]byte(text))
		k := 0
		scanWords([]byte(text), func(w []byte, at span, brk bool) bool {
			if k >= len(toks) {
				t.Fatalf("%q: scanWords has more words than the %d tokens", text, len(toks))
			}
			tk := toks[k]
			if string(w) != string(tk.Term) {
				t.Fatalf("%q: word %d is %q, token %q", text, k, w, tk.Term)
			}
			if at.start != tk.Start || at.end != tk.End {
				t.Fatalf("%q: word %d %q is at %v, token at %d-%d", text, k, w, at, tk.Start, tk.End)
			}
			gap := k > 0 && tk.Position > toks[k-1].Position+1
			if brk != gap {
				t.Fatalf("%q: before %q scanWords says break %v, the tokenizer's places %v", text, w, brk, gap)
			}
			k++
			return true
		})
		if k != len(toks) {
			t.Fatalf("%q: %d words, %d tokens", text, k, len(toks))
		}
	})
}
