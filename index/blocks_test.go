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
		"soft.md":     piece("title: Soft\n", "A line ending zorbal\nquintex on the next line of one paragraph.\n"),
		"hashtag.md":  piece("title: Hashtag\n", "A line ending zorbal\n#quintex is a word, not a heading.\n"),
		"list.md":     piece("title: List\n", "Items:\n\n- the first says zorbal\n- quintex opens the second\n"),
		"heading.md":  piece("title: Heading\n", "The paragraph ends zorbal.\n\n## Quintex heads this\n\nText.\n"),
		"para.md":     piece("title: Paragraphs\n", "One ends zorbal\n\nquintex starts two.\n"),
		"table.md":    piece("title: Table\n", "| a | b |\n|---|---|\n| zorbal | quintex |\n"),
		"quote.md":    piece("title: Quote\n", "He said zorbal\n> quintex was the word.\n"),
		"title.md":    piece("title: Quintex and Zorbal\n", "Nothing here.\n"),
		"tags.md":     piece("title: Tags\ntags: [zorbal, quintex]\n", "Nothing here.\n"),
		"authors.md":  piece("title: Authors\nauthors: [Ann Zorbal, Quintex Bell]\n", "Nothing here.\n"),
		"isil.md":     piece("title: Alias\n", "- the fighters were islamic\n- state officials said so\n"),
		"isiltags.md": piece("title: Alias tags\ntags: [islamic, state]\n", "Nothing here.\n"),
		"isilname.md": piece("title: Alias names\nauthors: [Ann Islamic, State Bell]\n", "Nothing here.\n"),
		"common.md":   piece("title: Common\n", "- they met the president\n- united states officials came\n"),
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
