package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A front matter field is plain text once the archive has read it: a
// doubly escaped title (`Why &amp;nbsp; matters`) reads "Why &nbsp;
// matters", and the index holds that text's words, nbsp among them, in
// the title, the standfirst, the authors and the tags, for plain words,
// exact forms, phrases and marks alike (a helper's report: the archive
// decoded it once and the index again, so that nbsp found nothing).
func TestFrontMatterFieldsArePlainText(t *testing.T) {
	src := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "---\ntitle: Why &amp;nbsp; matters\ndate: 2020-01-01\ndescription: On &amp;copy; law\n" +
			"authors: [Ann &amp;eacute; Lee]\ntags: [x&amp;lt;y]\n---\nA plain body about spaces.\n",
		"b.md": "---\ntitle: Other\ndate: 2020-01-02\n---\nIsil&nbsp;fighters and caf&eacute; &copy; &lt; text.\n",
	} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{t.TempDir(), ""} {
		ix, err := OpenDir(context.Background(), src, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"nbsp", `"nbsp"`, "title:nbsp", `"why nbsp matters"`, "nbs*", "copy", `"copy"`,
			"eacute", `"eacute"`, "author:eacute", "lt", `"lt"`} {
			r := run(t, ix, Query{Text: q, Snippets: 3})
			if got := ids(r); !slices.Equal(got, []string{"a"}) {
				t.Errorf("dir %q: %s finds %v, want [a]", dir, q, got)
			}
		}
		r := run(t, ix, Query{Text: "nbsp", Snippets: 3})
		if len(r.Hits) == 1 && r.Hits[0].TitleMarked != "Why &"+MarkStart+"nbsp"+MarkEnd+"; matters" {
			t.Errorf("the title marked %q", r.Hits[0].TitleMarked)
		}
		r = run(t, ix, Query{Text: "copy", Snippets: 3})
		if len(r.Hits) == 1 && !slices.ContainsFunc(r.Hits[0].Snippets, func(s string) bool { return strings.Contains(s, "&"+MarkStart+"copy"+MarkEnd+";") }) {
			t.Errorf("the standfirst's snippet %q", r.Hits[0].Snippets)
		}
		// the body's references are still read: café is a word of b
		if got := ids(run(t, ix, Query{Text: "cafe"})); !slices.Equal(got, []string{"b"}) {
			t.Errorf("dir %q: cafe finds %v", dir, got)
		}
		// the title's terms are its text's words
		d, err := ix.bi.FieldDict(fTitle)
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for e, err := d.Next(); e != nil && err == nil; e, err = d.Next() {
			terms = append(terms, e.Term)
		}
		d.Close()
		// (why and other are stop words)
		if want := []string{"matter", "nbsp"}; !slices.Equal(terms, want) {
			t.Errorf("dir %q: the titles' terms %v, want %v", dir, terms, want)
		}
		ix.Close()
	}
}

// A plain text's words are one however it is read: written through
// archive.PlainText and tokenized as Markdown (fText's parts, the
// snippets), or tokenized plain (fTitle, the exact checks, the marks).
func TestPlainTextReadsAsPlainTokenized(t *testing.T) {
	parts := []string{"a", "caf", "&", "amp;", "nbsp;", "#", "#45;", "#x41;", "eacute;", "shy;", " ", "-", "’", "'", "x", "copy", ";", "1", ".", "\n"}
	seed := uint64(1)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % n
	}
	words := func(text string, refs bool) []string {
		var out []string
		scanText([]byte(text), refs, func(w []byte, _ span, _ bool) bool {
			out = append(out, string(w))
			return true
		})
		return out
	}
	for range 20000 {
		var b strings.Builder
		for range 1 + rnd(12) {
			b.WriteString(parts[rnd(len(parts))])
		}
		s := b.String()
		plain := words(s, false)
		if got := words(archive.PlainText(s), true); !slices.Equal(got, plain) {
			t.Fatalf("%q: as Markdown through PlainText %q, plain %q", s, got, plain)
		}
		var toks []string
		for _, tk := range tokenize([]byte(s), false) {
			toks = append(toks, string(tk.Term))
		}
		if !slices.Equal(toks, plain) {
			t.Fatalf("%q: tokenized plain %q, scanned plain %q", s, toks, plain)
		}
	}
}
