package index

import (
	"context"
	"fmt"
	"html"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/termsafe"
)

// refNames are named references of characters the generated prose has.
var refNames = map[rune][]string{
	'é': {"eacute"}, 'ï': {"iuml"}, 'ü': {"uuml"}, 'ñ': {"ntilde"}, 'ç': {"ccedil"}, 'ß': {"szlig"},
	'’': {"rsquo", "rsquor", "CloseCurlyQuote"}, '\'': {"apos"}, '\u00a0': {"nbsp", "NonBreakingSpace"},
	'—': {"mdash"}, '–': {"ndash"}, '…': {"hellip", "mldr"}, '“': {"ldquo"}, '”': {"rdquo"}, '&': {"amp", "AMP"},
	'.': {"period"}, ',': {"comma"}, ':': {"colon"}, ';': {"semi"}, '!': {"excl"}, '?': {"quest"},
	'"': {"quot"}, '(': {"lpar"}, ')': {"rpar"}, '/': {"sol"}, 'Ω': {"Omega"}, '\u2010': {"hyphen", "dash"},
	'a': {}, 'j': {"jfr"}, // jfr is 𝔧, not j: only the numeric ones
}

// encodeRef writes r as a character reference: named, decimal or hex.
func encodeRef(rng *rand.Rand, r rune) string {
	names := refNames[r]
	switch k := rng.IntN(3); {
	case k == 0 && len(names) > 0 && r != 'j':
		return "&" + names[rng.IntN(len(names))] + ";"
	case k == 1:
		return fmt.Sprintf("&#%d;", r)
	default:
		if rng.IntN(2) == 0 {
			return fmt.Sprintf("&#x%x;", r)
		}
		return fmt.Sprintf("&#X%04X;", r)
	}
}

var refWords = []string{"counter‐terrorism", "The", "café", "was", "full", "of", "Isil", "fighters", "naïve", "folk", "don’t",
	"don't", "Ürümqi", "3.5", "10,000", "2014", "中国", "fjord", "Straße", "cafe\u0301", "AT", "T", "Ω",
	"counter", "terrorism", "Isil’s", "x", "IS", "a", "niño", "façade", "e", "j"}

var refSeps = []string{" ", " ", " ", ", ", ". ", "; ", " — ", "–", "\u00a0", " … ", " & ", "/", "-", " “", "” ",
	"’", "'", ".", ",", " (", ") ", "?", "!"}

// refProse is a generated text of lines of words, with some of its
// characters (never a line's marker, nor a "&" left bare) written as
// references: the raw text and what it reads (html.UnescapeString's).
func refProse(rng *rand.Rand, lines int, rate float64) (raw, plain string) {
	var r, p strings.Builder
	add := func(s string, encode bool) {
		p.WriteString(s)
		if !encode {
			r.WriteString(s)
			return
		}
		for _, c := range s {
			if rng.Float64() < rate || c == '&' && rng.IntN(2) == 0 {
				r.WriteString(encodeRef(rng, c))
			} else {
				r.WriteRune(c)
			}
		}
	}
	prefixes := []string{"", "", "", "- ", "1. ", "> ", "## ", "* "}
	for l := range lines {
		if l > 0 {
			add([]string{"\n", "\n", "\n\n"}[rng.IntN(3)], false)
		}
		add(prefixes[rng.IntN(len(prefixes))], false)
		// a word on every line, as written with what follows it: a
		// number written so begins a list (2014. or 2014) an item's),
		// which references do not (CommonMark)
		w := refWords[rng.IntN(len(refWords))]
		first, _ := utf8.DecodeRuneInString(w)
		add(w, unicode.IsLetter(first))
		for k := range rng.IntN(12) {
			add(refSeps[rng.IntN(len(refSeps))], k > 0 || unicode.IsLetter(first))
			w := refWords[rng.IntN(len(refWords))]
			if w == "fjord" && rng.IntN(2) == 0 {
				r.WriteString("&fjlig;") // two characters
				p.WriteString("fj")
				w = "ord"
			}
			add(w, true)
		}
	}
	return r.String(), p.String()
}

type refTok struct {
	term string
	pos  int
}

func refToks(text string, refs bool) []refTok {
	var out []refTok
	for _, t := range tokenize([]byte(text), refs) {
		out = append(out, refTok{string(t.Term), t.Position})
	}
	return out
}

// TestCharRefsReadDecoded: the words of a text with character
// references, and their places, are those of the text as Markdown shows
// it (html.UnescapeString's, its references read as written), and
// scanWords reads the same words at the tokenizer's bytes.
func TestCharRefsReadDecoded(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 7))
	for n := range 4000 {
		raw, plain := refProse(rng, 1+rng.IntN(6), []float64{0.05, 0.3, 1}[n%3])
		if got := html.UnescapeString(raw); got != plain {
			t.Fatalf("the generator: %q reads %q, not %q", raw, got, plain)
		}
		got, want := refToks(raw, true), refToks(plain, false)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v (of %q)", raw, got, want, plain)
		}
		scanAgrees(t, raw)
	}
}

// scanAgrees fails t when scanWords does not read text's tokens.
func scanAgrees(t *testing.T, text string) {
	t.Helper()
	toks := wordTokenizer{}.Tokenize([]byte(text))
	k := 0
	scanWords([]byte(text), func(w []byte, at span, brk bool) bool {
		if k >= len(toks) {
			t.Fatalf("%q: scanWords has more words than the %d tokens", text, len(toks))
		}
		tk := toks[k]
		gap := k > 0 && tk.Position > toks[k-1].Position+1
		if string(w) != string(tk.Term) || at.start != tk.Start || at.end != tk.End || brk != gap {
			t.Fatalf("%q: word %d %q at %v break %v; token %q at %d-%d break %v", text, k, w, at, brk, tk.Term, tk.Start, tk.End, gap)
		}
		k++
		return true
	})
	if k != len(toks) {
		t.Fatalf("%q: %d words, %d tokens", text, k, len(toks))
	}
}

// TestCharRefsInCodeAsWritten: in a fenced or an indented code block a
// reference is text as written, as Markdown shows it there; outside,
// decoded.
func TestCharRefsInCodeAsWritten(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 8))
	// an indented code block after a paragraph outside a list (after a
	// list item, an indented line is the item's)
	codes := []string{"```\n%s\n```", "~~~go\n%s\n~~~", "Text.\n\n    %s", "Text.\n\n    x %s\n    %s"}
	codeLines := []string{"caf&eacute; &amp;&nbsp;x", "&eacute;tude don&#8217;t", "&#20013;&nbsp;", "a&#39;b 3&#46;5", "&fjlig;ord"}
	for range 1000 {
		var raw, want strings.Builder
		for k := range 1 + rng.IntN(4) {
			if k > 0 {
				raw.WriteString("\n\n")
				want.WriteString("\n\n")
			}
			if rng.IntN(2) == 0 {
				r, p := refProse(rng, 1+rng.IntN(3), 0.3)
				raw.WriteString(r)
				want.WriteString(p)
				continue
			}
			c := codes[rng.IntN(len(codes))]
			args := []any{codeLines[rng.IntN(len(codeLines))], codeLines[rng.IntN(len(codeLines))]}
			code := fmt.Sprintf(c, args[:strings.Count(c, "%s")]...)
			raw.WriteString(code)
			want.WriteString(code)
		}
		// a prose line indented four spaces after a paragraph is the
		// paragraph's, not code: refProse has no indented lines
		got, exp := refToks(raw.String(), true), refToks(want.String(), false)
		if !slices.Equal(got, exp) {
			t.Fatalf("%q:\n got %v\nwant %v", raw.String(), got, exp)
		}
		scanAgrees(t, raw.String())
	}
}

// TestCharRefs: what a reference reads as, and what is none.
func TestCharRefs(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The caf&eacute; was full of Isil&nbsp;fighters &amp; na&iuml;ve folk, don&#8217;t.", []string{"The", "café", "was", "full", "of", "Isil", "fighters", "naïve", "folk", "don’t"}},
		{"&Eacute;tude &#201;TUDE &#xC9;t&#xe9;", []string{"Étude", "ÉTUDE", "Été"}},
		{"AT&amp;T R&D a&b", []string{"AT", "T", "R", "D", "a", "b"}},
		{"caf&eacute &copy x &copyx; y", []string{"caf", "eacute", "copy", "x", "copyx", "y"}}, // no ";": text; &copyx; is none
		{"&#12345678; &#x1234567; &#; &#x; &#1a;", []string{"12345678", "x1234567", "x", "1a"}},
		{"&#0;x &#xD800;y &#146;s", []string{"x", "y", "s"}}, // U+FFFD parts words; 146 is Windows-1252's ’, not inside a word
		{"it&#146;s &#8220;quoted&#8221; &ldquo;so&rdquo;", []string{"it’s", "quoted", "so"}},
		{"&#20013;&#22269;人", []string{"中", "国", "人"}},
		{"3&#46;5 10&#44;000 3&period;5", []string{"3.5", "10,000", "3.5"}},
		{"don&apos;t don&#39;&#116; &#39;quoted&#39;", []string{"don't", "don't", "quoted"}},
		{"counter&#8209;terrorism counter&hyphen;terrorism", []string{"counter", "terrorism", "counter", "terrorism"}},
		{"&fjlig;ord x&nvlt;y", []string{"fjord", "x", "y"}},
		{"&shy;soft&shy;ly", []string{"softly"}},
		{"terr&shy;orism terr&#173;ists terr&#8203;or terr&zwj;&shy;or terr&#8288;or soft&shy; x", []string{"terrorism", "terrists", "terror", "terror", "terror", "soft", "x"}},
		{"&#1605;&zwnj;&#1740; Jane&zwnj; Doe a&#8203;&#20013;", []string{"م", "ی", "Jane", "Doe", "a", "中"}}, // a joiner Persian needs parts the word
		{"`caf&eacute;` in a code span", []string{"caf", "eacute", "in", "a", "code", "span"}},                // as written, as CommonMark shows it
		{"```\ncaf&eacute;\n```\ncaf&eacute;", []string{"caf", "eacute", "café"}},
		{"Para.\n\n    caf&eacute; &nbsp;x\n\nna&iuml;ve", []string{"Para", "caf", "eacute", "nbsp", "x", "naïve"}},
	} {
		var got []string
		for _, tk := range (wordTokenizer{}).Tokenize([]byte(c.text)) {
			got = append(got, string(tk.Term))
			if !utf8.Valid(tk.Term) {
				t.Errorf("%q: term %q is not UTF-8", c.text, tk.Term)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
		scanAgrees(t, c.text)
	}
	// the raw bytes: a highlight marks the reference as written
	text := "The caf&eacute; was"
	tk := wordTokenizer{}.Tokenize([]byte(text))[1]
	if got := text[tk.Start:tk.End]; got != "caf&eacute;" {
		t.Errorf("café's bytes are %q", got)
	}
}

// TestCharRefAsUnescapeString: charRef decodes a reference as
// html.UnescapeString does, for the references CommonMark has.
func TestCharRefAsUnescapeString(t *testing.T) {
	refs := []string{"&amp;", "&nbsp;", "&eacute;", "&Eacute;", "&CounterClockwiseContourIntegral;", "&fjlig;",
		"&ThickSpace;", "&NotSubset;", "&semi;", "&Tab;", "&NewLine;", "&excl;", "&zwnj;", "&zwj;", "&shy;", "&thinsp;",
		"&lrm;", "&alefsym;", "&DD;", "&dd;", "&ohm;", "&angst;", "&Aring;", "&AElig;", "&OElig;", "&szlig;", "&micro;"}
	for x := rune(0); x < 0x11000; x += 1 + x/64 {
		refs = append(refs, fmt.Sprintf("&#%d;", x), fmt.Sprintf("&#x%x;", x))
	}
	refs = append(refs, "&#1114111;", "&#x10FFFF;", "&#1114112;", "&#x110000;", "&#0000065;", "&#x000041;")
	for _, ref := range refs {
		r, r2, n := charRef([]byte(ref+"x"), 0)
		if n != len(ref) {
			t.Errorf("%q: length %d", ref, n)
			continue
		}
		got := string(r)
		if r2 >= 0 {
			got += string(r2)
		}
		if want := html.UnescapeString(ref); got != want {
			t.Errorf("%q: %q, html.UnescapeString %q", ref, got, want)
		}
	}
	for _, none := range []string{"&", "&;", "&#;", "&#x;", "&#12345678;", "&#x1234567;", "&nbsp", "&copy", "&copyx;",
		"&ampx;", "&nosuchname;", "&#65", "& amp;", "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;", "&#-1;", "&#x-1;", "&#xg;"} {
		if _, _, n := charRef([]byte(none), 0); n != 0 {
			t.Errorf("%q read as a reference of %d bytes", none, n)
		}
	}
}

// TestCharRefsSearched: a piece that writes its characters as references
// is found, counted and marked as one that writes them as they are; a
// reference's name is no word, and a code block's references are text as
// written.
func TestCharRefsSearched(t *testing.T) {
	arch := t.TempDir()
	for name, text := range map[string]string{
		"one.md":  "---\ntitle: One\ndate: 2020-01-01\n---\nThe caf&eacute; was full of Isil&nbsp;fighters &amp; na&iuml;ve folk, don&#8217;t.\n",
		"two.md":  "---\ntitle: Two\ndate: 2020-01-02\n---\nThe café was full of Isil fighters & naïve folk, don’t.\n",
		"code.md": "---\ntitle: Code\ndate: 2020-01-03\n---\nSome code:\n\n```\nprint(\"caf&eacute; fighters\")\n```\n\nIndented:\n\n    na&iuml;ve&nbsp;folk\n",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"café", []string{"one", "two"}},
		{`"café"`, []string{"one", "two"}},
		{"cafe", []string{"one", "two"}},
		{"naïve", []string{"one", "two"}},
		{`"isil fighters"`, []string{"one", "two"}},
		{`"fighters naïve folk"`, []string{"one", "two"}},
		{"Isil", []string{"one", "two"}},
		{`"don’t"`, []string{"one", "two"}},
		{"nbsp", []string{"code"}},   // in the code block alone, as written
		{"eacute", []string{"code"}}, // so
		{"iuml", []string{"code"}},
		{"amp", nil},
		{"8217", nil},
		{"caf", []string{"code"}},
	} {
		got := sortedIDs(run(t, ix, Query{Text: c.q}))
		if !slices.Equal(got, c.want) && (len(got) > 0 || len(c.want) > 0) {
			t.Errorf("%s: found %v, want %v", c.q, got, c.want)
		}
		if n := run(t, ix, Query{Text: c.q, Mode: ModeFacets}).Total; n != len(c.want) {
			t.Errorf("%s: the facets count %d pieces, want %d", c.q, n, len(c.want))
		}
	}
	// One's snippet marks café, written caf&eacute;, whole
	r := run(t, ix, Query{Text: "café"})
	for _, h := range r.Hits {
		if s := strings.Join(h.Snippets, " | "); !strings.Contains(s, MarkStart+"café"+MarkEnd) {
			t.Errorf("%s: the snippet does not mark café: %q", h.ID, s)
		}
	}
	// the words listed are as they read, from the texts that write them
	// either way (the pieces of a query's results, counted)
	tr, err := ix.Terms(context.Background(), Query{Text: "full"}, TermsOptions{N: 30})
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, st := range tr.Terms {
		terms = append(terms, st.Term)
		if strings.ContainsAny(st.Term, "&;") || strings.Contains(st.Term, "nbsp") || strings.Contains(st.Term, "eacute") {
			t.Errorf("a reference's name listed: %+v", st)
		}
		if (st.Term == "café" || st.Term == "naïve") && st.InResults != 2 {
			t.Errorf("%s in %d of the results, want 2", st.Term, st.InResults)
		}
	}
	if !slices.Contains(terms, "café") {
		t.Errorf("café not listed: %q", terms)
	}
	// the marks cover the references as written, which the snippet
	// shows decoded
	text := "The caf&eacute; was full of Isil&nbsp;fighters"
	for q, want := range map[string]string{"café": "caf&eacute;", `"isil fighters"`: "Isil&nbsp;fighters"} {
		p := buildPlan(parseQuery(q, false), DefaultSynonyms())
		_, hl := p.highlight()
		var got []string
		for _, sp := range hl.findMatches(text, 100) {
			got = append(got, text[sp.start:sp.end])
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%s marks %q, want %q", q, got, want)
		}
	}
	if got, want := marked("café", text), "The "+MarkStart+"café"+MarkEnd+" was full of Isil fighters"; got != want {
		t.Errorf("café's snippet %q, want %q", got, want)
	}
}

// TestIgnorableRefsInWords: a soft hyphen or a zero-width character
// written as a reference inside a word is dropped, as the archive drops
// one written as itself (terr&shy;orism was the words terr and orism):
// terrorism finds every spelling, the snippet marks the word whole, and
// the README's counter-terr&shy;orism is found by terrorism and by
// counterterrorism.
func TestIgnorableRefsInWords(t *testing.T) {
	arch := t.TempDir()
	spellings := map[string]string{
		"shy": "terr&shy;orism", "dec": "terr&#173;orism", "zwsp": "terr&#8203;orism",
		"zwj": "terr&zwj;orism", "wj": "terr&#8288;orism", "hex": "terr&#xAD;orism",
		"raw": "terr\u00adorism", "readme": "counter-terr&shy;orism",
	}
	for name, w := range spellings {
		text := "---\ntitle: Piece " + name + "\ndate: 2020-01-01\n---\nThe fight against " + w + " goes on.\n"
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	all := slices.Sorted(maps.Keys(spellings))
	for q, want := range map[string][]string{
		"terrorism": all, `"terrorism"`: all, "terror*": all,
		"counterterrorism": {"readme"}, `"against counter-terrorism"`: {"readme"},
		"terr": nil, "orism": nil,
	} {
		if got := sortedIDs(run(t, ix, Query{Text: q})); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Errorf("%s: found %v, want %v", q, got, want)
		}
	}
	for _, h := range run(t, ix, Query{Text: "terrorism", Limit: 100}).Hits {
		if s := strings.Join(h.Snippets, " | "); !strings.Contains(s, MarkStart+"terrorism"+MarkEnd) {
			t.Errorf("%s: the snippet does not mark terrorism whole: %q", h.ID, s)
		}
	}
}

// TestSnippetWindowsKeepRefs: a snippet's window is cut neither inside a
// reference nor inside a word one is of.
func TestSnippetWindowsKeepRefs(t *testing.T) {
	s := "The caf&eacute; was, full&nbsp;up"
	in := strings.Index(s, "eac") // inside &eacute;
	if got := wordEnd(s, in); got != strings.Index(s, "caf") {
		t.Errorf("wordEnd inside café: %d %q", got, s[:got])
	}
	if got := wordStart(s, in); got != strings.Index(s, " was") {
		t.Errorf("wordStart inside café: %d %q", got, s[got:])
	}
	if got := wordEnd(s, strings.Index(s, "bsp;")); got != strings.Index(s, "&nbsp;") {
		t.Errorf("wordEnd inside &nbsp;: %d %q", got, s[:got])
	}
	if got := wordStart(s, strings.Index(s, "ute;")+4); got != strings.Index(s, " was") {
		t.Errorf("wordStart after café: %d %q", got, s[got:])
	}
}

// TestSnippetCodeKeepsRefs: a snippet shows an indented code block's
// references as written, as show prints them there (caf&eacute; showed
// café), a fenced block's too; a list item's paragraph indented four
// spaces is no code: decoded.
func TestSnippetCodeKeepsRefs(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Intro para.\n\n    caf&eacute; q20 spacecode\n", "caf&eacute;"},
		{"Intro para.\n\n\tcaf&eacute; q19 tabcode\n", "caf&eacute;"},
		{"- item\n\n      caf&eacute; q4 listcode\n", "caf&eacute;"},
		{">     caf&eacute; q10 quotecode\n", "caf&eacute;"},
		{"```\ncaf&eacute; q9 fencecode\n```\n", "caf&eacute;"},
		{"- item\n\n    caf&eacute; q5 listpara\n", "café"},
		{"Paragraph text\n    caf&eacute; q3 lazy\n", "café"},
		{"Intro.\n\n>\tcaf&eacute; q21 tabquote\n", "café"},
		{"    code\n\nIntro caf&eacute; q22 after\n", "café"},
		// a quote's > is a block mark, not code (a review: "quote >
		// caf&eacute; qquote code")
		{"> Quote\n>\n>     caf&eacute; qquote code\n", "Quote caf&eacute;"},
		{"> - Item\n>\n>       caf&eacute; qql code\n", "Item caf&eacute;"},
	} {
		got := marked("q"+strings.Fields(c.text[strings.Index(c.text, " q")+2:])[0], c.text)
		if !strings.Contains(got, c.want+" ") || c.want == "café" && strings.Contains(got, "&eacute;") {
			t.Errorf("%q: the snippet reads %q, want %q", c.text, got, c.want)
		}
	}
	// through a search: the hit's snippet
	arch := t.TempDir()
	if err := os.WriteFile(filepath.Join(arch, "code.md"), []byte("---\ntitle: Code\ndate: 2020-01-01\n---\nIntro para.\n\n    caf&eacute; q20 spacecode\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r := run(t, ix, Query{Text: "spacecode"})
	if len(r.Hits) != 1 || !strings.Contains(strings.Join(r.Hits[0].Snippets, " "), "caf&eacute; q20") {
		t.Errorf("spacecode's hit: %+v", r.Hits)
	}
}

// TestKeptRefReadAsTheCharacter: a reference inside a word to a character
// that shows as something there (the archive keeps it: a Mongolian
// variation selector after a Mongolian letter, Hangul's filler beside a
// jamo) is read as the character written as itself, which goes on with
// the word (ᠠ&#x180b;ᠡ was the words ᠠ and ᠋ᠡ, a word begun with the
// selector, where ᠠ᠋ᠡ is one): the word written either way is found by
// the one word, and not by its first letter alone.
func TestKeptRefReadAsTheCharacter(t *testing.T) {
	arch := t.TempDir()
	words := map[string]string{
		"mongolian-ref": "ᠠ&#x180b;ᠡ", "mongolian-raw": "ᠠ\u180bᠡ",
		"jamo-ref": "ᄀ&#x1160;ᆨ", "jamo-raw": "ᄀ\u1160ᆨ",
	}
	for name, w := range words {
		text := "---\ntitle: Piece " + name + "\ndate: 2020-01-01\n---\nThe word " + w + " here.\n"
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"ᠠ\u180bᠡ": {"mongolian-raw", "mongolian-ref"}, "ᠠ": nil,
		"ᄀ\u1160ᆨ": {"jamo-raw", "jamo-ref"}, "ᄀ": nil,
	} {
		if got := sortedIDs(run(t, ix, Query{Text: q})); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Errorf("%q: found %v, want %v", q, got, want)
		}
	}
}

// TestRefIgnorableIsArchives: a character that may show as nothing,
// read from a reference between two characters (refIgnorable), is
// dropped where archive's Sanitize drops it written as itself, and the
// characters the index asks about (maybeIgnorable) are termsafe's
// Invisible and Contextual: every rune of their ranges, between Latin,
// Greek, Han, Mongolian and Arabic letters, Hangul jamo, after a
// combining mark, before a keycap's mark and after a flag's base (the
// index read the tag characters U+E0000–E007F as always ignorable, where
// archive keeps them after 🏴, and a variation selector after a mark).
// A reference the archive keeps is read as the character (ᠠ&#x180b;ᠡ).
func TestRefIgnorableIsArchives(t *testing.T) {
	contexts := [][2]string{
		{"a", "b"}, {"α", "β"}, {"中", "文"}, {"ᠠ", "ᠡ"}, {"ب", "ب"},
		{"ᄀ", "ᅡ"}, {"a", "ᅡ"}, {"e\u0301", "x"}, {"1", "\u20e3"}, {"\U0001F3F4", "x"},
	}
	inRanges := func(r rune) bool {
		return maybeIgnorable(r) || termsafe.Invisible(r) || termsafe.Contextual(r)
	}
	// differing runs of runes, written as ranges
	type run struct {
		from, to    rune
		index, arch bool
	}
	var lists []run
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !inRanges(r) {
			continue
		}
		want := termsafe.Invisible(r) || termsafe.Contextual(r)
		if got := maybeIgnorable(r); got != want {
			if n := len(lists); n > 0 && lists[n-1].to == r-1 && lists[n-1].index == got {
				lists[n-1].to = r
			} else {
				lists = append(lists, run{r, r, got, want})
			}
		}
	}
	for _, l := range lists {
		t.Errorf("U+%04X–U+%04X: maybeIgnorable %v, termsafe's lists %v", l.from, l.to, l.index, l.arch)
	}
	for _, c := range contexts {
		prev, _ := utf8.DecodeLastRuneInString(c[0])
		next, _ := utf8.DecodeRuneInString(c[1])
		var diffs []run
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if !inRanges(r) {
				continue
			}
			if prev == termsafe.BlackFlag && r >= 0xe0000 && r <= 0xe007f {
				// archive keeps a flag's tags when they spell a
				// subdivision (termsafe.FlagTags), which one asked alone
				// cannot tell: the index keeps each after a flag
				continue
			}
			got := refIgnorable(prev, r, next)
			arch := !strings.ContainsRune(archive.Sanitize(c[0]+string(r)+c[1]), r)
			if got == arch {
				continue
			}
			if n := len(diffs); n > 0 && diffs[n-1].to == r-1 && diffs[n-1].index == got {
				diffs[n-1].to = r
			} else {
				diffs = append(diffs, run{r, r, got, arch})
			}
		}
		for _, d := range diffs {
			t.Errorf("%q·%q: U+%04X–U+%04X: the index drops it %v, archive %v", c[0], c[1], d.from, d.to, d.index, d.arch)
		}
	}
	// and so a word's reference the archive keeps reads as the
	// character written there (café&#xfe0f;s, its é a mark, was cafés,
	// when the archive kept it there; ᠠ&#x180b;ᠡ)
	terms := func(s string) (ts []string) {
		for _, tk := range (wordTokenizer{}).Tokenize([]byte(s)) {
			ts = append(ts, string(tk.Term))
		}
		return ts
	}
	for _, w := range []string{"\u1820&#x180b;\u1821", "\u845b&#xe0100;x", "\U0001F3F4&#xE0067;&#xE0062;&#xE007F;x"} {
		if got, want := terms(w), terms(html.UnescapeString(w)); !slices.Equal(got, want) {
			t.Errorf("%q: the words %q, written as themselves %q", w, got, want)
		}
	}
}

// A grapheme joiner or a variation selector that acts on nothing in a
// body (at a word's edge, after a space) splits no word, written as
// itself or as a reference: the piece is found by the word (an attack's
// leftover: "zzq\u034f" was not found by zzq, "\ufe0fyyq" by yyq).
func TestSelectorActingOnNothingSplitsNoWord(t *testing.T) {
	arch := t.TempDir()
	for name, body := range map[string]string{
		"raw": "The zzq\u034f word and \ufe0fyyq too.\n", "ref": "The zzq&#x34f; word and &#xfe0f;yyq too.\n",
	} {
		text := "---\ntitle: Piece " + name + "\ndate: 2020-01-01\n---\n" + body
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"zzq", "yyq"} {
		if got := sortedIDs(run(t, ix, Query{Text: q})); !slices.Equal(got, []string{"raw", "ref"}) {
			t.Errorf("%q: found %v, want raw and ref", q, got)
		}
	}
}
