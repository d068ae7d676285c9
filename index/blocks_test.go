package index

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPhrasesStayInsideABlock: a phrase is words in order inside one
// paragraph, heading, list item, table cell or field. The last word of a
// list item and the first of the next, a paragraph's last word and the
// heading after it, the title's last word and its first (the text holds
// the title twice), two tags or two authors are not a phrase; a
// paragraph's lines joined by a soft break are. The same for every path
// that finds a phrase: bleve's positions (a phrase of stems), the texts
// read for exact forms ("quoted"), the pairs of common words, the aliases
// written as phrases, and the snippet's marks.
func TestPhrasesStayInsideABlock(t *testing.T) {
	piece := func(front, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "date: 2017-01-01\n---\n" + body), Mode: 0o644}
	}
	fsys := fstest.MapFS{
		"soft.md":      piece("title: Soft\n", "A line ending zorbal\nquintex on the next line of one paragraph.\n"),
		"hashtag.md":   piece("title: Hashtag\n", "A line ending zorbal\n#quintex is a word, not a heading.\n"),
		"list.md":      piece("title: List\n", "Items:\n\n- the first says zorbal\n- quintex opens the second\n"),
		"heading.md":   piece("title: Heading\n", "The paragraph ends zorbal.\n\n## Quintex heads this\n\nText.\n"),
		"para.md":      piece("title: Paragraphs\n", "One ends zorbal\n\nquintex starts two.\n"),
		"table.md":     piece("title: Table\n", "| a | b |\n|---|---|\n| zorbal | quintex |\n"),
		"quote.md":     piece("title: Quote\n", "He said zorbal\n> quintex was the word.\n"),
		"title.md":     piece("title: Quintex and Zorbal\n", "Nothing here.\n"),
		"tags.md":      piece("title: Tags\ntags: [zorbal, quintex]\n", "Nothing here.\n"),
		"authors.md":   piece("title: Authors\nauthors: [Ann Zorbal, Quintex Bell]\n", "Nothing here.\n"),
		"isil.md":      piece("title: Alias\n", "- the fighters were islamic\n- state officials said so\n"),
		"isiltags.md":  piece("title: Alias tags\ntags: [islamic, state]\n", "Nothing here.\n"),
		"isilfence.md": piece("title: Alias after code\ntags: [islamic, state]\n", "Code follows:\n\n```\nunclosed code\n"),
		"isilname.md":  piece("title: Alias names\nauthors: [Ann Islamic, State Bell]\n", "Nothing here.\n"),
		"common.md":    piece("title: Common\n", "- they met the president\n- united states officials came\n"),
	}
	ix, err := Open(context.Background(), "blocks", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	titles := func(r Results) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.Title)
		}
		slices.Sort(out)
		return out
	}
	for _, direct := range []bool{true, false} {
		for _, pairs := range []bool{true, false} {
			segmentReads, pairFilter = direct, pairs
			for _, c := range []struct {
				q    string
				want []string
			}{
				{`"zorbal quintex"`, []string{"Hashtag", "Soft"}},
				{`"zorbals quintex"`, nil},
				{`zorbal quintex`, []string{"Authors", "Hashtag", "Heading", "List", "Paragraphs", "Quintex and Zorbal", "Quote", "Soft", "Table", "Tags"}},
				{`"zorbal quintex" -nothing`, []string{"Hashtag", "Soft"}},
				{`title:"zorbal quintex"`, nil},
				{`"quintex zorbal"`, nil},
				{`isis`, nil},
				{`"islamic state"`, nil},
				{`"president united"`, nil},
				{`"president united states"`, nil},
			} {
				r := run(t, ix, Query{Text: c.q})
				if got := titles(r); !slices.Equal(got, c.want) {
					t.Errorf("segmentReads %v, pairs %v: %s finds %q, want %q", direct, pairs, c.q, got, c.want)
				}
			}
		}
	}
	segmentReads, pairFilter = true, true
	// the snippet of a piece found for its words marks no phrase across
	// blocks: each word alone
	r := run(t, ix, Query{Text: `zorbal quintex`})
	for _, h := range r.Hits {
		if h.Title != "List" {
			continue
		}
		for _, sn := range h.Snippets {
			for _, part := range strings.Split(sn, MarkStart)[1:] {
				if m, _, _ := strings.Cut(part, MarkEnd); len(m) > len("quintex") {
					t.Errorf("the list's snippet marks %q as one run: %q", m, sn)
				}
			}
		}
	}
}

// TestBlockBreaks: where the tokenizer leaves a place between two words,
// against what CommonMark makes of the text (cases from a helper's
// attack with goldmark as the oracle, 2026-12-03): true when the two
// words stay side by side, one phrase.
func TestBlockBreaks(t *testing.T) {
	for _, c := range []struct {
		text, a, b string
		joined     bool
	}{
		{"ends zorbal\nquintex begins", "zorbal", "quintex", true},
		{"ends zorbal\r\nquintex begins", "zorbal", "quintex", true},
		{"ends zorbal\n\nquintex begins", "zorbal", "quintex", false},
		{"ends zorbal\r\n\r\nquintex begins", "zorbal", "quintex", false},
		{"> the Islamic\n> State said", "islamic", "state", true},
		{"> > lima mike\n> > november oscar", "mike", "november", true},
		{"> lima mike\n> > november oscar", "mike", "november", false},
		{"> > lima mike\n> november oscar", "mike", "november", true}, // lazy
		{"> lima mike\nnovember oscar", "mike", "november", true},     // lazy
		{"> lima mike\n>\n> november oscar", "mike", "november", false},
		{"He said mike\n> november oscar", "mike", "november", false},
		{"> lima mike\n- november oscar", "mike", "november", false},
		{"- lima mike\n  > november", "mike", "november", false},
		{"caliphate in\n2014. Since then", "in", "2014", true},
		{"caliphate in\n1. Since then", "in", "1", false},
		{"- one lima\n2. mike", "lima", "2", false}, // outside the item: a list begins
		{"- signed in the spring of\n2014. Since then", "of", "2014", false},
		{"> signed in the spring of\n2014. Since then", "of", "2014", false},
		{"- signed in the spring of\n  2014. Since then", "of", "2014", true}, // inside the item
		{"1. one\n\n   text of one\n2014. more", "one", "2014", false},
		{"1. one lima\n2. mike", "lima", "2", false},
		{"1. one lima\n   still lima\n2. mike", "lima", "2", false},
		{"1. one lima\n   still mike", "lima", "still", true},
		{"## The Islamic\nState of play", "islamic", "state", false},
		{"The Islamic\n## State of play", "islamic", "state", false},
		{"Tweets under the\n#MeToo banner", "the", "metoo", true},
		{"ranked xray\n#1 yankee", "xray", "1", true},
		{"a desperate\n-- and failed", "desperate", "and", true},
		{"the oak pine\n--- quartz reed", "pine", "quartz", true},
		{"- first zorbal\n- quintex second", "zorbal", "quintex", false},
		{"* first zorbal\n* quintex second", "zorbal", "quintex", false},
		{"+ first zorbal\n+ quintex second", "zorbal", "quintex", false},
		{"a first zorbal\n-quintex word", "zorbal", "quintex", true},
		{"a first zorbal\n*quintex* word", "zorbal", "quintex", true},
		{"Bay clove\n```\ncumin dill\n```\neven fenugreek", "clove", "cumin", false},
		{"Bay clove\n```\ncumin dill\n```\neven fenugreek", "dill", "even", false},
		{"Bay clove\n```go\ncumin dill\n```", "go", "cumin", false},
		{"Bay clove\n~~~\ncumin dill\n~~~", "clove", "cumin", false},
		{"```\ncumin\ndill\n```", "cumin", "dill", true},
		{"free\n***\ntrade now", "free", "trade", false},
		{"free\n___\ntrade now", "free", "trade", false},
		{"Foreign\n-\nPolicy is hard", "foreign", "policy", false},
		{"Foreign\n===\nPolicy is hard", "foreign", "policy", false},
		{"| a | union |\n|---|---|\n| nation | b |", "union", "nation", false},
		{"x | union\n--|--\nnation | senate\nhouse | y", "senate", "house", false},
		{"| zorbal | quintex |", "zorbal", "quintex", true}, // no delimiter row: a paragraph
		{"| zorbal | quintex |\n|--|--|", "zorbal", "quintex", false},
		{"text zorbal\n    quintex indented", "zorbal", "quintex", true},
		{"- item zorbal\n    - quintex nested", "zorbal", "quintex", false},
	} {
		toks := wordTokenizer{}.Tokenize([]byte(c.text))
		found := false
		for k := 1; k < len(toks); k++ {
			if strings.EqualFold(string(toks[k-1].Term), c.a) && strings.EqualFold(string(toks[k].Term), c.b) {
				found = true
				if joined := toks[k].Position == toks[k-1].Position+1; joined != c.joined {
					t.Errorf("%q: %s %s side by side %v, want %v", c.text, c.a, c.b, joined, c.joined)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s before %s", c.text, c.a, c.b)
		}
	}
}

// TestPhraseOverABarInProse: a bar outside a table is punctuation, so a
// web page's title pasted as a phrase finds it (a review found 0: every
// bar was taken for a table cell's).
func TestPhraseOverABarInProse(t *testing.T) {
	fsys := fstest.MapFS{
		"w.md": &fstest.MapFile{Data: []byte("---\ntitle: \"Brexit deal agreed | Politics | The Guardian\"\ndate: 2017-01-01\n---\nBody text.\n"), Mode: 0o644},
	}
	ix, err := Open(context.Background(), "w", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	for _, q := range []string{`"Brexit deal agreed | Politics"`, `"agreed | politics"`, `"agreed politics"`, `title:"agreed | politics"`} {
		if r := run(t, ix, Query{Text: q}); r.Total != 1 {
			t.Errorf("%s finds %d, want the piece whose title it is", q, r.Total)
		}
	}
}
