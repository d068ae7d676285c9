package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mark is markIn on the whole of text.
func mark(text string, spans []span) string { return markIn(text, 0, len(text), spans) }

// Markdown's marks are dropped from a snippet, and the same characters
// used as text are kept: a snippet quoted as text says what the piece
// says (a helper's report: "rates > 5%" read "rates 5%", "C#" "C",
// "2 * 3" "2 3", "price|cost" "pricecost").
func TestSnippetTextKeepsWhatIsText(t *testing.T) {
	for _, c := range []struct{ md, want string }{
		{"Inflation fell when rates > 5% and growth < 2%, i.e. 2 * 3 = 6; the C# team used C++ and a #hashtag; A -> B.",
			"Inflation fell when rates > 5% and growth < 2%, i.e. 2 * 3 = 6; the C# team used C++ and a #hashtag; A -> B."},
		{"See issue#42 and price|cost, [sic], ~5%, 2*3 = 6.", "See issue#42 and price|cost, [sic], ~5%, 2*3 = 6."},
		{"a*b*c", "abc"},
		{"x**y", "x**y"},
		{"[[Note B|shown text]]", "[[Note B|shown text]]"},
		{"## A heading ##\n\nText under it.", "A heading Text under it."},
		{"# C# in #1 place", "C# in #1 place"},
		{"> A quote\n> > nested > still", "A quote nested > still"},
		{"* a bullet with **bold** and *em* and _under_ and ~~struck~~ text", "a bullet with bold and em and under and struck text"},
		{"A [link](https://x.example/a) and [ref][r] and [collapsed][] here.\n\n[r]: https://x.example/r\n[collapsed]: https://x.example/c", "A link and ref and collapsed here."},
		// a second review's
		{"As shown in earlier studies [1][2], the rate fell. See also [Smith 2019][3].", "As shown in earlier studies [1][2], the rate fell. See also [Smith 2019][3]."},
		{"[see](the note below) and [d] here.\n\n[d]: https://x.example/d", "[see](the note below) and d here."},
		{"- **Build your first offer:**Don’t build it", "**Build your first offer:**Don’t build it"},
		{"* item *one zqw\n* two* thing after", "item *one zqw two* thing after"},
		{"***a** b* c", "a b c"},
		{"Our Q&A *x* &amp; more", "Our Q&A x & more"},
		{"Tom &\n&amp; Jerry", "Tom & & Jerry"},
		{"Ten&nbsp;dollars", "Ten dollars"},
		{"line one<br>line two <sup>1</sup> <kbd>Ctrl</kbd>", "line one line two 1 Ctrl"},
		{"see <http://example.com/zqw> now", "see http://example.com/zqw now"},
		{"zqv\\\nnext", "zqv next"},
		{"before\n\n- - -\n\nafter", "before after"},
		{"~one~ and ~~two~~", "one and two"},
		{"# Heading *one zqw\nparagraph two* here", "Heading *one zqw paragraph two* here"},
		{"| a | b |\n|---|:--:|\n| 1 | 2 |", "a b 1 2"},
		{"x | y\n--- | ---\n1 | 2\n3 | 4", "x y 1 2 3 4"},
		{"Before\n\n***\n\nAfter", "Before After"},
		{"An \\[image: A map\\] and 5\\$ and `code` here.", "An [image: A map] and 5$ and code here."},
		// a review's reports
		{"Read [the zebra story](https://example.com/zebra-story.html) today.", "Read the zebra story today."},
		{"1. first item\n    * nested bullet", "1. first item nested bullet"},
		{"As reported by *The New York\nTimes* last week, **strong\nwords** were said.", "As reported by The New York Times last week, strong words were said."},
		{"The formula 2*3*4 = 24 and a*b.", "The formula 234 = 24 and a*b."},
		{"Run `ls *.md` to list *all* files, `src/**/*.go` too.", "Run ls *.md to list all files, src/**/*.go too."},
		{"|x| is the absolute value and ||v|| the norm |", "|x| is the absolute value and ||v|| the norm |"},
		{"Tom &amp; Jerry &lt;3, &#27;]0; stays", "Tom & Jerry <3, &#27;]0; stays"},
		{"Title\n=====\n\nText", "Title Text"},
		{"See [the report][rep].\n\n[rep]: https://x.example/r \"Report\"", "See the report."},
		{"An image ![a map](map.png) here", "An image a map here"},
		// a linked image: the image closes inside the link's text, whose
		// "[" was forgotten, and "](https://…)" shown (an attack, 41f)
		{"Iota [![kiwi badge](b.svg)](https://example.com/ci) nine", "Iota kiwi badge nine"},
		{"[![a](x.png) and text](https://e.com/) [b](c)", "a and text b"},
		{"A link [with (parens)](https://x.example/a_(b)) ends", "A link with (parens) ends"},
		// fenced code as written, its fences dropped (NOTES: a "# " line
		// in code lost its "#")
		{"Run this:\n\n```sh\n# list *all* [files](x)\nls *.md &amp;\n\nrm -- **/x_y_\n```\n\nAfter *it*.", "Run this: # list *all* [files](x) ls *.md &amp; rm -- **/x_y_ After it."},
		{"~~~\n## not a heading\n~~~\n# A heading", "## not a heading A heading"},
		{"Inline ```code``` stays a span, *em*.", "Inline code stays a span, em."},
	} {
		if got := mark(c.md, nil); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.md, got, c.want)
		}
	}
	// A window in the middle of a table's row knows the row is a table's;
	// one in the middle of a line knows it is not at a line's start.
	text := "| first | second |\n|---|---|\n| alpha | beta |\nThe C# team > others"
	from := strings.Index(text, "alpha")
	if got := markIn(text, from, len(text), nil); got != "alpha beta The C# team > others" {
		t.Errorf("window: %q", got)
	}
	from = strings.Index(text, "# team")
	if got := markIn(text, from, len(text), nil); got != "# team > others" {
		t.Errorf("window from a # in a line: %q", got)
	}
	// a window in a fenced block, after its blank line: code (the lines
	// before the block say so)
	code := "Intro *x*.\n\n```\nfirst\n\n# second *line* zqw\n```\n\n# Heading zqw"
	from = strings.Index(code, "# second")
	if got := markIn(code, from, len(code), nil); got != "# second *line* zqw Heading zqw" {
		t.Errorf("window in a fence: %q", got)
	}
	// a window that starts inside a link's URL, and a match in it
	link := "Read [the zebra story](https://example.com/zebra-story.html) today, said the keeper."
	from = strings.Index(link, "story.html")
	if got := markIn(link, from, len(link), nil); got != "today, said the keeper." {
		t.Errorf("window from inside a URL: %q", got)
	}
	z := strings.Index(link, "zebra-story")
	if got := markIn(link, 0, len(link), []span{{strings.Index(link, "zebra"), strings.Index(link, "zebra") + 5}, {z, z + 5}}); got != "Read the "+MarkStart+"zebra"+MarkEnd+" story today, said the keeper." {
		t.Errorf("a match in a URL: %q", got)
	}
}

// Any text and window: no panic, one line, valid UTF-8 from valid UTF-8,
// nothing longer than the window.
func FuzzSnippetClean(f *testing.F) {
	for _, s := range []string{"| a | b |\n|---|---|\n| 1 | 2 |", "## h ##\n> q *e* ~~s~~ [l](u) [r][x] \\[i\\]", "*", "a\\", "[x](", "\n\n|"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if len(text) > 4096 {
			return
		}
		from, to = min(max(from, 0), len(text)), min(max(to, 0), len(text))
		if from > to {
			from, to = to, from
		}
		for from > 0 && from < len(text) && !utf8.RuneStart(text[from]) {
			from--
		}
		for to < len(text) && !utf8.RuneStart(text[to]) {
			to++
		}
		got := markIn(text, from, to, nil)
		if strings.ContainsAny(got, "\n\r") {
			t.Errorf("%q [%d:%d] → %q: more than one line", text, from, to, got)
		}
		if len(got) > to-from {
			t.Errorf("%q [%d:%d] → %q: longer than the window", text, from, to, got)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Errorf("%q [%d:%d] → %q: invalid UTF-8", text, from, to, got)
		}
	})
}

// A title is plain text: marked as written (a review: "# of jobs lost"
// lost its "#", "Why *jobs* matter" its stars).
func TestTitlesAreMarkedAsWritten(t *testing.T) {
	for _, title := range []string{"# of jobs lost in 2020", "> 50% of jobs gone", "- Jobs, a list", "Why *jobs* matter", `Jobs \* star`} {
		got := markPlain(title, []span{{strings.Index(strings.ToLower(title), "jobs"), strings.Index(strings.ToLower(title), "jobs") + 4}})
		if strings.NewReplacer(MarkStart, "", MarkEnd, "").Replace(got) != title {
			t.Errorf("%q marked %q", title, got)
		}
	}
}
