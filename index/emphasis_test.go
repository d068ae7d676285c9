package index

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Emphasis inside a word (coun*ter*act, **bold**joined, H~~tw~~o) is read
// as the word the reader shows, by the tokenizer and scanWords alike, and
// a delimiter shown as written (a*b, snake_case, one in a code span) parts
// words as before: goldmark (the reader's parser, GitHub's extensions) as
// the oracle, over hand-written texts and generated ones (a helper's
// attack: counteract, boldjoined and htwo found nothing).
func TestInWordEmphasisAsGoldmark(t *testing.T) {
	texts := []string{
		"Body coun*ter*act and **bold**joined.\n",
		"H~~tw~~o and snake_case, snake__case__ and a*b, 2*3*4.\n",
		"> quoted coun*ter\n> act* over a line\n",
		"- x\n    - nested coun*ter*act\n",
		"| a | b |\n|---|---|\n| coun*ter*act | x*y |\n",
		"`coun*ter*act` and [coun*ter*act](u) and <http://a*b*c>\n",
		"a***b*c and a*b*c*d and *lead*ing and trail*ing*\n",
		"# coun*ter*act\n\nPara**graph\n\nagain** here\n",
		"_em_phasis in_ner_ x_*y*_z a*_b_*c\n",
		"```\ncoun*ter*act\n```\nafter*wa*rds\n",
		"    code*in*dent\n\ntext*in*dent\n",
		"<div>\nhtml*in*side\n</div>\n\nout*si*de\n",
	}
	rng := rand.New(rand.NewPCG(3, 17))
	delims := []string{"*", "**", "***", "_", "__", "~", "~~", "~~~", "*_", "_*", "**~~", "~~**"}
	starts := []string{"", "", "", "", "- ", "> ", "# ", "* ", "  ", "| "}
	// a line that begins with ~~~ opens a fence, which the blocks read
	// otherwise than goldmark when its info string holds a ~: not
	// emphasis's, left out
	tildeFence := regexp.MustCompile("(^|\n)[ >*#|-]*~~~")
	letters := []string{"coun", "ter", "act", "a", "b", "x", "bold", "joined", "2", "3", "é", "Ω"}
	for len(texts) < 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) { // lines
			b.WriteString(starts[rng.IntN(len(starts))])
			for range 1 + rng.IntN(6) { // words
				if rng.IntN(4) == 0 {
					b.WriteString(delims[rng.IntN(len(delims))])
				}
				for k := range 1 + rng.IntN(4) {
					if k > 0 {
						b.WriteString(delims[rng.IntN(len(delims))])
					}
					b.WriteString(letters[rng.IntN(len(letters))])
				}
				switch rng.IntN(8) {
				case 0:
					b.WriteString(delims[rng.IntN(len(delims))])
				case 1:
					b.WriteString(" `c*o*de` ")
				case 2:
					b.WriteString(",")
				}
				b.WriteString(" ")
			}
			if rng.IntN(3) == 0 {
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
		if !tildeFence.MatchString(b.String()) {
			texts = append(texts, b.String())
		}
	}
	differ := 0
	for _, src := range texts {
		want := shownWords([]byte(src))
		var got, scanned []string
		for _, tk := range (wordTokenizer{}).Tokenize([]byte(src)) {
			got = append(got, strings.ToLower(string(tk.Term)))
		}
		scanWords([]byte(src), func(w []byte, _ span, _ bool) bool {
			scanned = append(scanned, strings.ToLower(string(w)))
			return true
		})
		if !slices.Equal(got, scanned) {
			t.Errorf("%q: the tokenizer reads %q, scanWords %q", src, got, scanned)
		}
		if !slices.Equal(got, want) {
			differ++
			if differ <= 10 {
				t.Errorf("%q: read %q, goldmark shows %q", src, got, want)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d texts read otherwise than goldmark shows them", differ, len(texts))
	}
}

var shownMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// shownWords are the words of src as goldmark shows it, lower-cased and
// split as the tokenizer splits plain text: its leaf blocks' text, with
// a link's destination after its text (the tokenizer reads it too) and
// a code span apart from the words beside it.
func shownWords(src []byte) []string {
	doc := shownMarkdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	var inl func(n gast.Node)
	inl = func(n gast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *gast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *gast.String:
				b.Write(t.Value)
			case *gast.CodeSpan:
				b.WriteByte(' ')
				inl(t)
				b.WriteByte(' ')
			case *gast.Link:
				inl(t)
				b.WriteString(" " + string(t.Destination) + " ")
			case *gast.AutoLink:
				b.WriteString(" " + string(t.URL(src)) + " ")
			case *gast.RawHTML:
				for i := 0; i < t.Segments.Len(); i++ {
					seg := t.Segments.At(i)
					b.WriteString(" " + string(seg.Value(src)) + " ")
				}
			default:
				inl(c)
			}
		}
	}
	var blk func(n gast.Node)
	blk = func(n gast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *gast.Paragraph, *gast.Heading, *gast.TextBlock, *east.TableCell:
				b.WriteByte(' ')
				inl(c)
				b.WriteByte(' ')
			case *gast.FencedCodeBlock, *gast.CodeBlock, *gast.HTMLBlock:
				l := c.Lines()
				for i := 0; i < l.Len(); i++ {
					seg := l.At(i)
					b.WriteString(" " + string(seg.Value(src)) + " ")
				}
				if hb, ok := c.(*gast.HTMLBlock); ok && hb.HasClosure() {
					b.WriteString(" " + string(hb.ClosureLine.Value(src)) + " ")
				}
			default:
				blk(c)
			}
		}
	}
	blk(doc)
	var out []string
	for _, tk := range (plainTokenizer{}).Tokenize([]byte(b.String())) {
		out = append(out, strings.ToLower(string(tk.Term)))
	}
	return out
}

// The words emphasis inside them would have split are found whole, as a
// term, a phrase and a prefix, and the snippet marks the word shown (a
// helper's attack: counteract, "counteract", boldjoined and htwo found
// nothing, coun, ter and act found the piece).
func TestInWordEmphasisSearched(t *testing.T) {
	src := t.TempDir()
	for name, body := range map[string]string{
		"em.md":    "Sanctions coun*ter*act the **bold**joined plan of H~~tw~~o.\n",
		"plain.md": "A snake_case name, a*b and `coun*ter*act` in code.\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte("---\ntitle: T\ndate: 2020-01-01\n---\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := OpenDir(context.Background(), src, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"counteract": "em", `"counteract"`: "em", `"counteract the"`: "em", "counter*": "em",
		"boldjoined": "em", `"boldjoined"`: "em", "htwo": "em", `"the boldjoined plan"`: "em",
		"ter": "plain", "tw": "", "bold": "", "snake": "plain", "coun": "plain",
	} {
		got := ids(run(t, ix, Query{Text: q}))
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%s finds %v, want [%s]", q, got, want)
		}
	}
	// the snippet shows the words as the reader does, emphasis dropped
	for q, mark := range map[string]string{
		"counteract": "counteract", `"counteract the"`: "counteract the", "counter*": "counteract",
		"boldjoined": "boldjoined", "htwo": "Htwo",
	} {
		hits := run(t, ix, Query{Text: q}).Hits
		if len(hits) != 1 || len(hits[0].Snippets) == 0 {
			t.Fatalf("%s: hits %v", q, hits)
		}
		if s := hits[0].Snippets[0]; !strings.Contains(s, MarkStart+mark+MarkEnd) {
			t.Errorf("%s: snippet %q, want %q marked", q, s, mark)
		}
	}
}
