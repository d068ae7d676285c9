package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// loadSite loads a fixture folder through the same scan as a real archive.
func loadSite(t *testing.T, dir string) (*Archive, []Problem) {
	t.Helper()
	a, probs, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return a, probs
}

// piecePaths are the paths of a's pieces, sorted.
func piecePaths(a *Archive) []string {
	var out []string
	for _, x := range a.Articles {
		out = append(out, x.Path)
	}
	slices.Sort(out)
	return out
}

// problemLines are the problems keep takes (nil: all), in their order,
// each as "path: message (quiet true)".
func problemLines(probs []Problem, keep func(Problem) bool) []string {
	var out []string
	for _, p := range probs {
		if keep == nil || keep(p) {
			out = append(out, fmt.Sprintf("%s: %s (quiet %v)", p.Path, p.Msg, p.Quiet))
		}
	}
	return out
}

// datesOf are the dates of a's pieces by path ("" for an undated one).
func datesOf(a *Archive) map[string]string {
	out := map[string]string{}
	for _, x := range a.Articles {
		out[x.Path] = x.Date.String()
	}
	return out
}

// sameLines fails t when got is not want, printing both one entry a line.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func byPathOf(t *testing.T, a *Archive, p string) Article {
	t.Helper()
	for _, x := range a.Articles {
		if x.Path == p {
			return x
		}
	}
	t.Fatalf("no piece at %s; have %d pieces", p, len(a.Articles))
	return Article{}
}

func TestJekyllSiteAsJekyllReadsIt(t *testing.T) {
	a, probs := loadSite(t, "../testdata/jekyll")
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(a.Articles) != 3 {
		t.Errorf("%d pieces, want 3 (the draft and the hidden file skipped)", len(a.Articles))
	}
	for _, x := range a.Articles {
		if strings.Contains(x.Path, "_drafts") {
			t.Errorf("draft loaded: %s", x.Path)
		}
	}
	pi := byPathOf(t, a, "_posts/2021-03-14-pi-day.md")
	if pi.Date.String() != "2021-03-14" || pi.Date.Precision != PrecisionDay || pi.Title != "Pi Day, and why we still measure circles" {
		t.Errorf("pi day: %q %s", pi.Title, pi.Date)
	}
	ny := byPathOf(t, a, "_posts/2020-01-02-new-year-resolutions.markdown")
	if ny.Date.String() != "2020-01-02" || ny.Title != "New Year Resolutions" || strings.Join(ny.Tags, ",") != "notes" {
		t.Errorf("no title, no date: %q %s %v", ny.Title, ny.Date, ny.Tags)
	}
	// A date in the front matter wins over the file name's.
	if b := byPathOf(t, a, "_posts/2016-03-22-brussels.markdown"); b.Date.String() != "2016-03-22" {
		t.Errorf("brussels: %s", b.Date)
	}
}

// Outside _posts a dated name is Zola's: its date, not its title (a
// helper's report: Zola dates 2021-05-05-x.md, 2021-05-06_x.md and a
// bundle's folder 2021-06-01-x/index.md).
func TestDatedNamesOutsidePosts(t *testing.T) {
	for p, want := range map[string]string{
		"pages/2021-03-14-pi-day.md":            "2021-03-14",
		"blog/2021-05-06_underscore.md":         "2021-05-06",
		"blog/2021-06-01-dated-bundle/index.md": "2021-06-01",
		"blog/2021-06-01T10:00:00Z-timed.md":    "2021-06-01",
	} {
		a, probs := Parse(p, []byte("---\ntitle: T\n---\nB"))
		if len(probs) != 0 || a.Date.String() != want || a.Title != "T" {
			t.Errorf("%s: %q %s %v, want %s", p, a.Title, a.Date, probs, want)
		}
	}
	for _, p := range []string{"pages/about.md", "pages/2021-02-30-x.md", "pages/20210314-x.md", "pages/2021-03-14.md"} {
		if _, probs := Parse(p, []byte("---\ntitle: T\n---\nB")); !IsFatal(probs) || !strings.Contains(probs[0].Msg, "missing date") {
			t.Errorf("%s: %v, want missing date", p, probs)
		}
	}
	if _, probs := Parse("pages/2021-03-14-pi-day.md", []byte("---\nlayout: x\n---\nB")); !IsFatal(probs) || !strings.Contains(probs[0].Msg, "missing title") {
		t.Errorf("a title from a name outside _posts: %v", probs)
	}
	// Jekyll's own pattern: a short date, and Ruby's capitalisation
	if a, probs := Parse("_posts/2021-3-5-iOS-NASA-tips.md", []byte("---\nlayout: x\n---\nB")); len(probs) != 0 || a.Date.String() != "2021-03-05" || a.Title != "Ios Nasa Tips" {
		t.Errorf("short date: %q %s %v", a.Title, a.Date, probs)
	}
	a, probs := Parse("_posts/2021-02-30-bad.md", []byte("---\ntitle: T\n---\nB"))
	if !IsFatal(probs) {
		t.Errorf("30 February taken as a date: %+v", a)
	}
	a, probs = Parse("blog/_posts/2021-03-14-pi-day.md", []byte("---\ntitle: T\ndate: 2021-03-15\n---\nB"))
	if IsFatal(probs) || a.Date.String() != "2021-03-15" {
		t.Errorf("front matter date: %v %v", a.Date, probs)
	}
}

func TestSectionPagesAreQuietlySkipped(t *testing.T) {
	for _, dir := range []string{"../testdata/hugo", "../testdata/zola"} {
		a, probs := loadSite(t, dir)
		n, quiet := CountProblems(probs)
		if n != 0 || quiet != 2 {
			t.Errorf("%s: %d problems, %d section pages, want 0 and 2: %v", dir, n, quiet, probs)
		}
		for _, p := range probs {
			if !p.Fatal || !p.Quiet || p.Msg != SectionPageMsg || !strings.HasSuffix(p.Path, "_index.md") {
				t.Errorf("%s: %+v", dir, p)
			}
		}
		for _, x := range a.Articles {
			if IsSectionPage(x.Path) {
				t.Errorf("%s: section page loaded as a piece: %s", dir, x.Path)
			}
		}
	}
}

func TestZolaTaxonomiesAndExtra(t *testing.T) {
	a, _ := loadSite(t, "../testdata/zola")
	if len(a.Articles) != 3 {
		t.Fatalf("%d pieces, want 3", len(a.Articles))
	}
	s := byPathOf(t, a, "content/blog/sleeper-revival.md")
	if strings.Join(s.Tags, ",") != "night trains,europe,transport" || strings.Join(s.Authors, ",") != "Mira Okafor" ||
		s.Outlet != "Rail Review" || s.URL != "https://example.org/rail-review/sleeper-revival" ||
		s.Standfirst != "Night trains are back across Europe, slowly." {
		t.Errorf("sleeper revival: %+v", s)
	}
	n := byPathOf(t, a, "content/blog/night-trains/index.md")
	if n.ID != "content/blog/night-trains" || strings.Join(n.Authors, ",") != "Tom Ibsen" || n.Kind != "interview" ||
		n.URL != "https://example.org/night-trains-lost" || strings.Join(n.Tags, ",") != "night trains" {
		t.Errorf("night trains: %+v", n)
	}
	y := byPathOf(t, a, "content/notes/yaml-front-matter.md")
	if strings.Join(y.Tags, ",") != "zola" || strings.Join(y.Authors, ",") != "Lee Chan" || y.Outlet != "Notes" {
		t.Errorf("yaml zola: %+v", y)
	}
}

func TestZolaTablesKeepLinesAndTopLevelWins(t *testing.T) {
	file := "+++\ntitle = \"T\"\ndate = 2020-01-01\nauthors = [\"Top\"]\n\n[taxonomies]\nauthors = [\"Taxonomy\"]\n\n[extra]\nurl = \"javascript:alert(1)\"\n+++\nB"
	a, probs := Parse("p.md", []byte(file))
	if strings.Join(a.Authors, ",") != "Top" {
		t.Errorf("authors = %v, want the top-level one", a.Authors)
	}
	if len(probs) != 1 || probs[0].Line != 10 || !strings.HasPrefix(probs[0].Msg, "url:") {
		t.Errorf("problems = %v, want the [extra] url's line 10", probs)
	}
	// Other tables are not read (Hugo's [params] is: TestHugoParamsAreRead).
	a, _ = Parse("p.md", []byte("+++\ntitle = \"T\"\ndate = 2020-01-01\n[menu]\nauthor = \"No\"\n+++\nB"))
	if len(a.Authors) != 0 {
		t.Errorf("[menu] read: %v", a.Authors)
	}
}

func TestDraftsFolderIsNotScanned(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"_drafts/a.md", "x/_drafts/b.md", "_posts/2020-01-01-c.md",
		"_includes/callout.md", "_site/about.md", "_layouts/post.md", "node_modules/x/README.md",
		"themes/ananke/exampleSite/content/about.md"} {
		if err := os.MkdirAll(dir+"/"+p[:strings.LastIndex(p, "/")], 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dir+"/"+p, []byte("---\ntitle: T\n---\nB"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	for _, files := range [][]FileInfo{first(Scan(fsys)), first(Scan(newDirFS(dir)))} {
		if len(files) != 1 || files[0].Path != "_posts/2020-01-01-c.md" {
			t.Errorf("scan = %v", files)
		}
	}
}

func first[A, B any](a A, _ B) A { return a }

// Front matter as Hugo, Jekyll and Zola read it (a helper's report): each
// of these was skipped with a problem, or shown though the site does not
// publish it.
func TestSiteFrontMatterAsTheSitesReadIt(t *testing.T) {
	for _, c := range []struct {
		name, path, text string
		date             string // "" for a piece that is not one
		quiet            bool   // not a piece by design (a draft)
	}{
		{"Jekyll's published: true is no date", "_posts/2021-03-15-published-true.md", "---\ntitle: P\npublished: true\n---\nB", "2021-03-15", false},
		{"published: true with a date", "p.md", "---\ntitle: P\npublished: true\ndate: 2020-01-02\n---\nB", "2020-01-02", false},
		{"published as a date", "p.md", "---\ntitle: P\npublished: 2019-05-06\n---\nB", "2019-05-06", false},
		{"Jekyll's published: false is a draft", "_posts/2021-03-15-x.md", "---\ntitle: P\npublished: false\n---\nB", "", true},
		{"Hugo's draft", "p.md", "---\ntitle: P\ndate: 2020-01-01\ndraft: true\n---\nB", "", true},
		{"Zola's draft", "p.md", "+++\ntitle = \"P\"\ndate = 2020-01-01\ndraft = true\n+++\nB", "", true},
		{"draft: false", "p.md", "---\ntitle: P\ndate: 2020-01-01\ndraft: false\n---\nB", "2020-01-01", false},
		{"Hugo's JSON front matter", "p.md", "{\n  \"title\": \"JSON Front Matter\",\n  \"date\": \"2021-02-02\"\n}\nBody", "2021-02-02", false},
		{"Jekyll's ... closing", "p.md", "---\ntitle: Dots\ndate: 2021-01-01\n...\nBody\n\n---\n\nMore", "2021-01-01", false},
		{"Hugo's lastmod alone", "p.md", "---\ntitle: P\nlastmod: 2022-02-03\n---\nB", "2022-02-03", false},
		{"publishDate before published", "p.md", "---\ntitle: P\npublishDate: 2020-02-02\npublished: 2021-01-01\n---\nB", "2020-02-02", false},
		{"YAML timestamp with a space", "p.md", "---\ntitle: P\ndate: 2021-03-14 10:00:00Z\n---\nB", "2021-03-14", false},
		{"with an offset", "p.md", "---\ntitle: P\ndate: 2021-03-14 10:00:00+01:00\n---\nB", "2021-03-14", false},
		{"lower-case t and z", "p.md", "---\ntitle: P\ndate: 2021-03-14t10:00:00z\n---\nB", "2021-03-14", false},
		{"Hugo's -0700", "p.md", "---\ntitle: P\ndate: 2021-03-14T10:00:00-0700\n---\nB", "2021-03-14", false},
		{"Go's time.String", "p.md", "---\ntitle: P\ndate: 2021-03-14 10:00:00.000000000 +0000 UTC\n---\nB", "2021-03-14", false},
	} {
		a, probs := Parse(c.path, []byte(c.text))
		switch {
		case c.quiet:
			if len(probs) != 1 || !probs[0].Quiet || probs[0].Msg != DraftMsg {
				t.Errorf("%s: %v, want a quiet draft", c.name, probs)
			}
		case len(probs) != 0 || a.Date.String() != c.date:
			t.Errorf("%s: date %s, problems %v; want %s", c.name, a.Date, probs, c.date)
		}
	}
	if a, _ := Parse("p.md", []byte("---\ntitle: Dots\ndate: 2021-01-01\n...\nBody\n")); !strings.Contains(a.Body, "Body") || strings.Contains(a.Body, "...") {
		t.Errorf("the body after ...: %q", a.Body)
	}
	for _, name := range []string{"a.mkd", "a.mdown", "a.MKDN", "a.mkdown"} {
		if !IsArticlePath(name) {
			t.Errorf("%s is not read", name)
		}
	}
	if !IsSectionPage("blog/_index.mdown") || IsSectionPage("blog/_index.txt") {
		t.Error("section pages by extension")
	}
}

// HTML comments are no text the site shows: not in the body that is
// searched and shown (a helper's report: folio search found an author's
// note in a comment, and snippets showed "<!--more--").
func TestCommentsAreNoText(t *testing.T) {
	body := "Before.\n\n<!-- an author note: do not publish -->\n\nAfter zebra.\n\nIntro<!--more--> rest.\n\n<!--\nline one\nline two -->\nTail.\n\n```\n<!-- code keeps it -->\n```\n\n`<!-- span keeps it -->`\n"
	a, probs := Parse("p.md", []byte("---\ntitle: T\ndate: 2020-01-01\n---\n"+body))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	for _, gone := range []string{"author note", "publish", "more", "line one", "line two"} {
		if strings.Contains(a.Body, gone) {
			t.Errorf("%q is in the body:\n%s", gone, a.Body)
		}
	}
	for _, kept := range []string{"Before.", "After zebra.", "Intro rest.", "Tail.", "<!-- code keeps it -->", "`<!-- span keeps it -->`"} {
		if !strings.Contains(a.Body, kept) {
			t.Errorf("%q is not in the body:\n%s", kept, a.Body)
		}
	}
}

// Jekyll's Liquid tags as the site shows them (a helper's report: a
// {% comment %} was shown and searched, a {% highlight %} block was a
// paragraph).
func TestLiquidAsJekyllShowsIt(t *testing.T) {
	for in, want := range map[string]string{
		"A {% comment %}secret note{% endcomment %}B":                                                "A B",
		"{%- comment -%}\nhidden\n{%- endcomment -%}\nText":                                          "\nText",
		"{% raw %}{{ site.title }} {% if %}{% endraw %}":                                             "{{ site.title }} {% if %}",
		"{% highlight ruby %}\ndef x\nend\n{% endhighlight %}":                                       "```ruby\ndef x\nend\n```",
		"See {% include video.html id=\"x\" %} here":                                                 "See [include: video.html id=\"x\"] here",
		"{% if page.x %}Shown{% endif %}":                                                            "[if: page.x]Shown",
		"{% quote(author=\"A\") %}Quoted{% end %}":                                                   "Quoted",
		"an unclosed {% comment %} stays":                                                            "an unclosed {% comment %} stays",
		"{% comment %}a {% comment %}b{% endcomment %} c{% endcomment %}d":                           "d",
		"{% comment %}a {% comment %}b{% endcomment %} c":                                            "{% comment %}a  c",
		"x{% comment %}{% comment %}{% endcomment %}{% endcomment %}y{% comment %}z{% endcomment %}": "xy",
		// raw is opaque, in a comment too (a review's reports)
		"{% comment %}\nDraft: {% raw %}{% comment %}{% endraw %} here\n{% endcomment %}\nVisible.":     "\nVisible.",
		"{% comment %}secret {% raw %}{% endcomment %}{% endraw %} more secret{% endcomment %}Visible.": "Visible.",
		"100 {% of %} and 50%}":               "100  and 50%}",
		"no tags, {% here":                    "no tags, {% here",
		"{{% notice %}}Hugo's{{% /notice %}}": "{{% notice %}}Hugo's{{% /notice %}}",
		// links to posts and pages, and site paths through filters, as
		// paths that name the pieces (a helper's report: shown garbled)
		"[series]({% post_url 2016-03-28-theory %})":       "[series](/_posts/2016-03-28-theory)",
		"[about]({% link about.md %})":                     "[about](/about.md)",
		`[docs]({{ "/docs/themes/" | relative_url }})`:     "[docs](/docs/themes/)",
		"[x]({{ site.baseurl }}/about/) {{site.url}}":      "[x](/about/) ",
		"{{ site.title }} {{ page.title }}":                "{{ site.title }} {{ page.title }}",
		"{% assign x = 1 %}Kept":                           "Kept",
		"{% capture note %}Set aside{% endcapture %}Kept":  "Kept",
		"{% raw %}{{ site.baseurl }}{% endraw %}":          "{{ site.baseurl }}",
		"{% comment %}{{ site.baseurl }}{% endcomment %}X": "X",
		"no tags {{ site.baseurl }}/x":                     "no tags /x",
		"unclosed {{ site.baseurl":                         "unclosed {{ site.baseurl",
	} {
		if got := liquid(in); got != want {
			t.Errorf("liquid(%q) = %q, want %q", in, got, want)
		}
	}
	a, _ := Parse("_posts/2021-01-01-x.md", []byte("---\ntitle: X\ncategory: news\ntag: go\n---\nA {% comment %}secret{% endcomment %} piece.\n"))
	if strings.Contains(a.Body, "secret") || strings.Join(a.Tags, ",") != "go,news" {
		t.Errorf("body %q, tags %v", a.Body, a.Tags)
	}
	// Hugo's shortcodes are not Jekyll's: {% raw %} shows one as written
	// (it was expanded after the raw block was, a review's report), and so
	// does a post, as Liquid would not expand it; HTML and footnotes are
	// read as elsewhere
	a, _ = Parse("_posts/2021-01-01-x.md", []byte("---\ntitle: X\n---\n{% raw %}{{< youtube abc >}}{% endraw %} <b>bold</b>[^1]\n\n[^1]: A note.\n"))
	if want := `{{< youtube abc >}} bold\[1\]`; !strings.HasPrefix(a.Body, want) || !strings.Contains(a.Body, "1. A note.") {
		t.Errorf("post body %q, want it to start %q and keep its note", a.Body, want)
	}
	a, _ = Parse("content/x.md", []byte("---\ntitle: X\ndate: 2020-01-01\n---\n{{< youtube abc >}}\n"))
	if !strings.Contains(a.Body, "youtube.com/watch?v=abc") {
		t.Errorf("Hugo page body %q: shortcode not expanded", a.Body)
	}
}

// The review's cases of the sites' forms: JSON front matter to its closing
// brace (nested, or on one line), keys alike but for case read the same
// every time, errors on their lines; "..." only at a line's start; drafts
// as the sites read yes and no; comments as CommonMark ends them; Liquid
// in Jekyll's posts alone.
func TestSiteFormsAsTheReviewFoundThem(t *testing.T) {
	for name, c := range map[string]struct{ path, text, title, date string }{
		"nested JSON":   {"p.md", "{\n  \"title\": \"N\",\n  \"date\": \"2021-02-02\",\n  \"params\": {\n    \"a\": 1\n  }\n}\nBody", "N", "2021-02-02"},
		"one-line JSON": {"p.md", "{\"title\": \"O\", \"date\": \"2021-02-03\"}\nBody", "O", "2021-02-03"},
		"keys alike":    {"p.md", "{\"Title\": \"B\", \"title\": \"A\", \"date\": \"2021-02-04\"}\nBody", "A", "2021-02-04"},
		"indented dots": {"p.md", "---\ntitle: I\ndate: 2021-01-01\nsummary: |\n  a\n  ...\n  b\n---\nBody", "I", "2021-01-01"},
		"published yes": {"_posts/2021-01-05-x.md", "---\ntitle: Y\npublished: \"true\"\n---\nB", "Y", "2021-01-05"},
		"2-digit 19xx":  {"_posts/99-12-31-party.md", "---\ntitle: P\n---\nB", "P", "1999-12-31"},
		"2-digit 20xx":  {"_posts/21-01-02-x.md", "---\ntitle: P\n---\nB", "P", "2021-01-02"},
		"zoned Zola":    {"blog/2021-05-05T10:00:00+01:00-x.md", "---\ntitle: Z\n---\nB", "Z", "2021-05-05"},
	} {
		a, probs := Parse(c.path, []byte(c.text))
		if len(probs) != 0 || a.Title != c.title || a.Date.String() != c.date {
			t.Errorf("%s: %q %s %v, want %q %s", name, a.Title, a.Date, probs, c.title, c.date)
		}
	}
	for name, text := range map[string]string{
		"draft string":    "---\ntitle: D\ndate: 2021-01-01\ndraft: \"true\"\n---\nB",
		"published no":    "---\ntitle: D\ndate: 2021-01-01\npublished: no\n---\nB",
		"draft, no title": "---\ndraft: true\n---\nB",
	} {
		if _, probs := Parse("p.md", []byte(text)); len(probs) != 1 || probs[0].Msg != DraftMsg {
			t.Errorf("%s: %v, want a quiet draft", name, probs)
		}
	}
	if _, probs := Parse("p.md", []byte("{\n  \"title\": \"E\",\n  \"date\": 2021-01-01\n}\nB")); len(probs) != 1 || probs[0].Line != 3 {
		t.Errorf("a JSON error's line: %v, want line 3", probs)
	}
	if _, probs := Parse("p.md", []byte(strings.Repeat("{\"a\":", 200)+"1"+strings.Repeat("}", 200)+"\nB")); !IsFatal(probs) || !strings.Contains(probs[0].Msg, "nested") {
		t.Errorf("deep JSON: %v", probs)
	}
	for in, want := range map[string]string{
		"Para one.\n\n<!-->\n\nShown two.\n":        "Shown two.",
		"a <!--> b --> c\n":                         "b --> c",
		"Run `foo\nbar <!-- baz --> qux\nend` now.": "<!-- baz -->",
	} {
		if a, _ := Parse("p.md", []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+in)); !strings.Contains(a.Body, want) {
			t.Errorf("%q: body %q, want %q in it", in, a.Body, want)
		}
	}
	code := "```\n{% extends \"base.html\" %}\n```\n50{% and then fell 20%}"
	if a, _ := Parse("content/posts/x.md", []byte("---\ntitle: T\ndate: 2021-01-01\n---\n"+code)); !strings.Contains(a.Body, `{% extends "base.html" %}`) || !strings.Contains(a.Body, "50{% and then fell 20%}") {
		t.Errorf("Liquid outside a Jekyll post: %q", a.Body)
	}
}

// What the scan could not read is unknown (an index keeps its pieces)
// unless the error says it is gone.
func TestCannotReadUnknownUnlessGone(t *testing.T) {
	for _, c := range []struct {
		err     error
		unknown bool
	}{
		{&fs.PathError{Op: "open", Path: "b", Err: syscall.EACCES}, true},
		{&fs.PathError{Op: "open", Path: "b", Err: syscall.EIO}, true},
		{&fs.PathError{Op: "open", Path: "b", Err: syscall.EMFILE}, true},
		{&fs.PathError{Op: "open", Path: "b", Err: syscall.ENOENT}, false},
		{&fs.PathError{Op: "open", Path: "b", Err: syscall.ENOTDIR}, false},
		{fs.ErrNotExist, false},
	} {
		if p := cannotRead("b", c.err); p.Unknown != c.unknown || !p.Fatal {
			t.Errorf("%v: %+v, want Unknown %v", c.err, p, c.unknown)
		}
	}
}

// A link by the path a site gives a piece (its url, permalink or path,
// an alias, its slug) names the piece, as the site's link does; before,
// only links by the file's path did.
func TestSiteKeysResolveLinks(t *testing.T) {
	fm := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2021-03-14\n" + extra + "---\nText.\n"
	}
	fsys := fstest.MapFS{
		"content/posts/first.md":            {Data: []byte(fm("Hugo url", "url: /special/place/\n"))},
		"content/posts/second.md":           {Data: []byte(fm("Hugo slug", "slug: the-second\naliases: [/old/second/, older-second]\n"))},
		"content/posts/bundle/index.md":     {Data: []byte(fm("Bundle slug", "slug: bundled\n"))},
		"content/about.md":                  {Data: []byte(fm("Zola path", "path: who-we-are\n"))},
		"_posts/2021-03-14-pi-day.md":       {Data: []byte(fm("Jekyll slug", "slug: pie\nredirect_from: /pi/\n"))},
		"_posts/2021-03-15-tau.md":          {Data: []byte(fm("Jekyll permalink", "permalink: /tau-day/\n"))},
		"pattern.md":                        {Data: []byte(fm("Pattern", "permalink: /:year/:title/\nurl: https://example.com/x\nslug: a/b\n"))},
		"content/posts/same.md":             {Data: []byte(fm("Same as its id", "slug: same\n"))},
		"content/posts/clash-b.md":          {Data: []byte(fm("Clash B", "aliases: [/clash/]\n"))},
		"content/posts/clash-a.md":          {Data: []byte(fm("Clash A", "aliases: [/clash/]\n"))},
		"content/posts/the-second-taken.md": {Data: []byte(fm("Other", ""))},
		// a piece's own path is the site's: a slug elsewhere does not take it
		"content/contact.md":            {Data: []byte(fm("Contact page", ""))},
		"content/posts/contact-slug.md": {Data: []byte(fm("Contact slug", "slug: contact\n"))},
		// a url places the piece: its slug is not used
		"content/posts/placed.md": {Data: []byte(fm("Placed", "url: /placed/\nslug: ghost\n"))},
	}
	a, probs := Load(fsys)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	for p, want := range map[string][]string{
		"content/posts/first.md":        {"special/place"},
		"content/posts/second.md":       {"old/second", "older-second", "content/posts/older-second", "content/posts/the-second"},
		"content/posts/placed.md":       {"placed"},
		"content/posts/bundle/index.md": {"content/posts/bundled"},
		"content/about.md":              {"who-we-are"},
		"_posts/2021-03-14-pi-day.md":   {"pi", "posts/2021-03-14-pie"},
		"_posts/2021-03-15-tau.md":      {"tau-day"},
		"pattern.md":                    nil,
		"content/posts/same.md":         nil,
	} {
		if got := byPathOf(t, a, p).SiteKeys; !slices.Equal(got, want) {
			t.Errorf("%s: site keys %q, want %q", p, got, want)
		}
	}
	// a link from a piece, as the reader and folio show resolve it
	for _, c := range []struct{ from, target, want string }{
		{"content/posts/second.md", "/special/place/", "Hugo url"},
		{"content/posts/first.md", "/posts/the-second/", "Hugo slug"},
		{"content/posts/first.md", "/old/second/", "Hugo slug"},
		{"content/posts/first.md", "/posts/older-second/", "Hugo slug"},
		{"content/posts/first.md", "/posts/bundled/", "Bundle slug"},
		{"content/posts/first.md", "/who-we-are/", "Zola path"},
		{"_posts/2021-03-15-tau.md", "/2021/03/14/pie.html", "Jekyll slug"},
		{"_posts/2021-03-15-tau.md", "/pi/", "Jekyll slug"},
		{"_posts/2021-03-14-pi-day.md", "/tau-day/", "Jekyll permalink"},
		{"content/posts/first.md", "/clash/", "Clash A"}, // the lesser id, whatever the order
		{"content/posts/first.md", "/posts/same/", "Same as its id"},
		{"content/posts/first.md", "/contact/", "Contact page"},
		{"content/posts/first.md", "/older-second/", "Hugo slug"}, // a relative alias from the root (Zola)
	} {
		got, ok := a.Resolve(LinkCandidates(c.from, c.target))
		if !ok || got.Title != c.want {
			t.Errorf("link %s from %s: %q (%v), want %q", c.target, c.from, got.Title, ok, c.want)
		}
	}
	// folio check says which piece a clashing path names
	conflicts := SiteKeyConflicts(a.Articles)
	if len(conflicts) != 1 || conflicts[0].Path != "content/posts/clash-b.md" || !strings.Contains(conflicts[0].Msg, "clash (a slug, url or alias) is also claimed by content/posts/clash-a.md") {
		t.Errorf("conflicts %v, want clash-b's alone, naming clash-a", conflicts)
	}
	for _, target := range []string{"/2021/year/pi-day/", "/a/b/", "/x/", "/posts/ghost/"} {
		if got, ok := a.Resolve(LinkCandidates("pattern.md", target)); ok {
			t.Errorf("link %s: %q, want none", target, got.Title)
		}
	}
}

// Zola leaves a file name's date out of its path; a Jekyll post's
// permalink takes the front matter's date; Jekyll puts a / before a
// permalink without one; a draft flag in Zola's [extra] is the site's own
// data, not a draft (a helper's report on each).
func TestSiteKeysAsZolaAndJekyllMakeThem(t *testing.T) {
	fsys := fstest.MapFS{
		"content/blog/2021-05-05-hello-world.md":   {Data: []byte("+++\ntitle = \"Hello\"\n+++\nText.\n")},
		"content/blog/2021-06-01_bundled/index.md": {Data: []byte("+++\ntitle = \"Bundled\"\n+++\nText.\n")},
		"content/blog/extra-flags.md":              {Data: []byte("+++\ntitle = \"Flags\"\ndate = 2021-01-01\n[extra]\ndraft = true\npublished = false\nslug = \"nope\"\n+++\nText.\n")},
		"_posts/2021-01-01-moved.md":               {Data: []byte("---\ntitle: Moved\ndate: 2021-02-15\n---\nText.\n")},
		"_posts/2021-01-02-backup.md":              {Data: []byte("---\ntitle: Backup\npermalink: calculating-pi-backups\n---\nText.\n")},
	}
	a, probs := Load(fsys)
	if len(probs) != 0 || len(a.Articles) != 5 {
		t.Fatalf("%d pieces, problems %v; want 5 and none ([extra] draft = true is no draft)", len(a.Articles), probs)
	}
	if got := byPathOf(t, a, "content/blog/extra-flags.md").SiteKeys; len(got) != 0 {
		t.Errorf("[extra] slug made keys %q", got)
	}
	for _, c := range []struct{ from, target, want string }{
		{"content/blog/extra-flags.md", "/blog/hello-world/", "Hello"},
		{"content/blog/extra-flags.md", "/blog/bundled/", "Bundled"},
		{"_posts/2021-01-02-backup.md", "/2021/02/15/moved.html", "Moved"},
		{"_posts/2021-01-01-moved.md", "/calculating-pi-backups/", "Backup"},
		{"_posts/2021-01-02-backup.md", "/_posts/2021-01-01-moved", "Moved"}, // {% post_url 2021-01-01-moved %}
	} {
		got, ok := a.Resolve(LinkCandidates(c.from, c.target))
		if !ok || got.Title != c.want {
			t.Errorf("link %s from %s: %q (%v), want %q", c.target, c.from, got.Title, ok, c.want)
		}
	}
}

// A dot in a link's last part is no extension unless a page's: /release-1.5/
// names the piece with url /release-1.5/ (or the file release-1.5.md), and
// slugs v2.0 and v2.1 are two paths (a review: the first looked up
// release-1, the two slugs were one and a link named the wrong piece);
// a link to report.pdf does not name report.md.
func TestLinksWithDotsInTheirNames(t *testing.T) {
	fm := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n" + extra + "---\nText.\n")}
	}
	fsys := fstest.MapFS{
		"content/posts/rel.md":    fm("Release", "url: /release-1.5/\n"),
		"content/posts/v20.md":    fm("Version 2.0", "slug: v2.0\n"),
		"content/posts/v21.md":    fm("Version 2.1", "slug: v2.1\n"),
		"content/go1.21.md":       fm("Go 1.21", ""),
		"content/files/report.md": fm("Report notes", ""),
	}
	a, probs := Load(fsys)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	for target, want := range map[string]string{
		"/release-1.5/":     "Release",
		"/posts/v2.0/":      "Version 2.0",
		"/posts/v2.1/":      "Version 2.1",
		"/go1.21/":          "Go 1.21",
		"../go1.21.md":      "Go 1.21",
		"/files/report.pdf": "",
	} {
		got, ok := a.Resolve(LinkCandidates("content/posts/rel.md", target))
		if ok != (want != "") || got.Title != want {
			t.Errorf("link %s: %q (%v), want %q", target, got.Title, ok, want)
		}
	}
	if c := SiteKeyConflicts(a.Articles); len(c) != 0 {
		t.Errorf("conflicts %v", c)
	}
}

// kramdown's own syntax in a Jekyll post shows as the site shows it
// (a helper's report: all of it was shown as written).
func TestKramdownAsJekyllShowsIt(t *testing.T) {
	for in, want := range map[string]string{
		"[a link](http://x.org){:target=\"_blank\"} here":                            "[a link](http://x.org) here",
		"A notice.\n{: .notice}\n\nNext.":                                            "A notice.\n\nNext.",
		"* TOC\n{:toc}\n\n## One":                                                    "\n## One",
		"Keep {::comment}hidden\nlines{:/comment}this.":                              "Keep this.",
		"HTML is used.\n\n*[HTML]: Hyper Text Markup Language\n":                     "HTML is used.\n\n",
		"{::options parse_block_html=\"true\" /}\nText":                              "Text",
		"```\n{: .notice}\n* TOC\n{:toc}\n*[X]: y\n```":                              "```\n{: .notice}\n* TOC\n{:toc}\n*[X]: y\n```",
		"a Ruby hash {:a => 1} stays":                                                "a Ruby hash {:a => 1} stays",
		"* TOC is a word here":                                                       "* TOC is a word here",
		"Format with `'{:.2f}'.format(x)` or `{:toc}`.":                              "Format with `'{:.2f}'.format(x)` or `{:toc}`.",
		"```\n{::comment}\nkept\n{:/comment}\n```\nafter":                            "```\n{::comment}\nkept\n{:/comment}\n```\nafter",
		"Type `{::comment}` to open one.\n\nImportant.\n\nClose with `{:/comment}`.": "Type `{::comment}` to open one.\n\nImportant.\n\nClose with `{:/comment}`.",
		"an unclosed {::comment} stays":                                              "an unclosed {::comment} stays",
	} {
		if got := kramdown(in); got != want {
			t.Errorf("kramdown(%q) = %q, want %q", in, got, want)
		}
	}
	a, _ := Parse("_posts/2021-01-01-x.md", []byte("---\ntitle: X\n---\nSee [it](http://x.org){:target=\"_blank\"}.\n"))
	if strings.Contains(a.Body, "{:") {
		t.Errorf("body %q", a.Body)
	}
	// elsewhere (Hugo, Zola: goldmark) it is text
	if a, _ := Parse("content/x.md", []byte("---\ntitle: X\ndate: 2021-01-01\n---\n{: .notice}\n")); !strings.Contains(a.Body, "{: .notice}") {
		t.Errorf("outside a post: %q", a.Body)
	}
}

// A Hugo page the site does not render (a headless bundle, build render
// never) is not a piece, as a draft is not (a helper's report: listed).
func TestUnrenderedHugoPagesAreNotPieces(t *testing.T) {
	fsys := fstest.MapFS{
		"content/headless/index.md": {Data: []byte("---\ntitle: Widgets\ndate: 2021-01-01\nheadless: true\n---\nx\n")},
		"content/never.md":          {Data: []byte("+++\ntitle = \"Never\"\ndate = 2021-01-01\n[build]\nrender = \"never\"\n+++\nx\n")},
		"content/old.md":            {Data: []byte("---\ntitle: Old\ndate: 2021-01-01\n_build:\n  render: false\n---\nx\n")},
		"content/shown.md":          {Data: []byte("---\ntitle: Shown\ndate: 2021-01-01\nbuild:\n  render: always\n---\nx\n")},
		"content/extra.md":          {Data: []byte("+++\ntitle = \"Extra\"\ndate = 2021-01-01\n[extra]\nheadless = true\n+++\nx\n")},
	}
	a, probs := Load(fsys)
	if len(a.Articles) != 2 {
		t.Errorf("%d pieces, want 2 (shown, extra)", len(a.Articles))
	}
	quiet := 0
	for _, p := range probs {
		if p.Quiet && p.Msg == UnrenderedMsg {
			quiet++
		} else {
			t.Errorf("problem %v", p)
		}
	}
	if quiet != 3 {
		t.Errorf("%d pages not rendered, want 3: %v", quiet, probs)
	}
}

// Hugo's [params] table is read as Zola's [extra] is.
func TestHugoParamsAreRead(t *testing.T) {
	a, probs := Parse("content/x.md", []byte("+++\ntitle = \"X\"\ndate = 2021-01-01\n[params]\nauthor = \"Ann Lee\"\ndraft = true\n+++\nx\n"))
	if IsFatal(probs) || len(a.Authors) != 1 || a.Authors[0] != "Ann Lee" {
		t.Errorf("%+v %v", a, probs)
	}
	a, _ = Parse("content/y.md", []byte("---\ntitle: Y\ndate: 2021-01-01\nparams:\n  author: Bo Chan\n---\nx\n"))
	if len(a.Authors) != 1 || a.Authors[0] != "Bo Chan" {
		t.Errorf("yaml params: %+v", a.Authors)
	}
}

// What a review found the site reading took too far: YAML notes named
// with dates have no Zola paths (folio check failed on weekly notes);
// [params] url is no route; a reference defined in code defines nothing;
// Liquid's increment prints its value; post_url with a category finds the
// post under news/_posts/.
func TestSiteReadingStaysWithinTheSites(t *testing.T) {
	fm := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"notes/2020-01-06-weekly.md":      fm("---\ntitle: W1\ndate: 2020-01-06\n---\nx\n"),
		"notes/2021-01-04-weekly.md":      fm("---\ntitle: W2\ndate: 2021-01-04\n---\nx\n"),
		"notes/weekly.md":                 fm("---\ntitle: W\ndate: 2021-01-04\n---\nx\n"),
		"content/p.md":                    fm("+++\ntitle = \"P\"\ndate = 2021-01-01\n[params]\nurl = \"/elsewhere/\"\n+++\nx\n"),
		"news/_posts/2020-02-02-newsy.md": fm("---\ntitle: Newsy\n---\nx\n"),
		"_posts/2020-03-03-link.md":       fm("---\ntitle: Linker\n---\nSee {% post_url news/2020-02-02-newsy %}.\n"),
	}
	a, probs := Load(fsys)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	if c := SiteKeyConflicts(a.Articles); len(c) != 0 {
		t.Errorf("conflicts in dated notes: %v", c)
	}
	if k := byPathOf(t, a, "content/p.md").SiteKeys; len(k) != 0 {
		t.Errorf("[params] url made keys %q", k)
	}
	linker := byPathOf(t, a, "_posts/2020-03-03-link.md")
	target := strings.TrimSuffix(strings.TrimPrefix(linker.Body, "See "), ".")
	if got, ok := a.Resolve(LinkCandidates(linker.Path, target)); !ok || got.Title != "Newsy" {
		t.Errorf("post_url with a category: %q → %q, %v", target, got.Title, ok)
	}
	if got := liquid("{% increment c %}"); got != "[increment: c]" {
		t.Errorf("increment: %q", got)
	}
	title := func([]string) (string, bool) { return "Bee", true }
	in := "```\n[zz]: /p/b\n```\n[see][zz] and `[see][yy]`\n\n[yy]: /p/y\n"
	if got := MarkLinks(in, "p/a.md", title); got != in {
		t.Errorf("MarkLinks(%q) = %q", in, got)
	}
}

// A key given twice: the last is read, as Hugo and Jekyll read it, and a
// note names both lines; a dated Jekyll post without front matter is
// published by Jekyll, its title and date from its name (a helper's
// report: folio kept the first value, and skipped the post).
func TestDuplicateKeysAndPostsWithoutFrontMatter(t *testing.T) {
	a, probs := Parse("content/posts/dk.md", []byte("---\ntitle: Dup keys\ndate: 2020-01-01\ntitle: again\n---\nBody.\n"))
	if IsFatal(probs) || a.Title != "again" || len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg, "title is given twice (lines 2 and 4)") {
		t.Errorf("title %q, problems %+v", a.Title, probs)
	}
	a, probs = Parse("_posts/2021-06-01-no-fm.md", []byte("No front matter at all.\n"))
	if IsFatal(probs) || a.Title != "No Fm" || a.Date.String() != "2021-06-01" || a.Body != "No front matter at all." {
		t.Errorf("a post without front matter: %+v, %v", a, probs)
	}
	if _, probs = Parse("notes/no-fm.md", []byte("No front matter at all.\n")); !IsFatal(probs) {
		t.Errorf("a file without front matter elsewhere: %v", probs)
	}
}

// Hugo's JSON front matter's params, and Zola's taxonomies and extra
// written in JSON, are read as in YAML and TOML (a helper's report).
func TestJSONFrontMatterTables(t *testing.T) {
	a, probs := Parse("content/j.md", []byte(`{"title": "J", "date": "2020-01-01", "params": {"outlet": "Le Monde", "author": "Ann Lee"}, "taxonomies": {"tags": ["x"]}}`+"\nBody.\n"))
	if IsFatal(probs) || a.Outlet != "Le Monde" || len(a.Authors) != 1 || a.Authors[0] != "Ann Lee" || len(a.Tags) != 1 || a.Tags[0] != "x" {
		t.Errorf("%+v %v", a, probs)
	}
}

// A Jekyll post kept in a folder of _posts/ is named by links as a post
// of _posts/ itself (its permalink, post_url by its name): Jekyll's URL
// of it leaves the folder out (a helper's report against jekyll).
func TestPostInAFolderOfPostsIsLinkedByItsPermalink(t *testing.T) {
	a, probs := Parse("_posts/2019/2019-05-05-nested.md", []byte("---\ntitle: Nested one\n---\nBody.\n"))
	if IsFatal(probs) {
		t.Fatal(probs)
	}
	want := linkID("_posts/2019-05-05-nested")
	if !slices.Contains(a.SiteKeys, want) {
		t.Errorf("site keys %v lack %s", a.SiteKeys, want)
	}
	for _, target := range []string{"/2019/05/05/nested/", "/_posts/2019-05-05-nested"} {
		if c := LinkCandidates("_posts/2022-05-05-ln.md", target); !slices.Contains(c, want) {
			t.Errorf("%s: candidates %v", target, c)
		}
	}
}

// A post of a category's folder (news/_posts/) is found by Jekyll's
// post_url of its name alone, without the folder (deprecated, but Jekyll
// 4.3 resolves it), and by its permalink, whose category folder comes
// before the date (/news/2016/05/05/news-item.html); folio found it by
// neither (an oracle's report). A site in a folder of the archive too.
func TestPostOfACategoryFolderIsLinkedByNameAndPermalink(t *testing.T) {
	fm := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	links := "[bare]({% post_url 2016-05-05-news-item %}) [url](/news/2016/05/05/news-item.html) [folder]({% post_url news/2016-05-05-news-item %})\n"
	fsys := fstest.MapFS{
		"news/_posts/2016-05-05-news-item.md":      fm("---\ntitle: News item\n---\nx\n"),
		"_posts/2019-01-01-linker.md":              fm("---\ntitle: Linker\n---\n" + links),
		"blog/news/_posts/2016-05-05-news-item.md": fm("---\ntitle: Blog news item\n---\nx\n"),
		"blog/_posts/2019-01-01-linker.md":         fm("---\ntitle: Blog linker\n---\n" + links),
	}
	a, probs := Load(fsys)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	for _, c := range SiteKeyConflicts(a.Articles) {
		if strings.Contains(fmt.Sprint(c), "news-item") {
			t.Errorf("conflict: %v", c)
		}
	}
	for from, want := range map[string]string{"_posts/2019-01-01-linker.md": "News item", "blog/_posts/2019-01-01-linker.md": "Blog news item"} {
		linker := byPathOf(t, a, from)
		targets := regexp.MustCompile(`\]\(([^)]+)\)`).FindAllStringSubmatch(linker.Body, -1)
		if len(targets) != 3 {
			t.Fatalf("%s: body %q", from, linker.Body)
		}
		for _, m := range targets {
			target := m[1]
			if got, ok := a.Resolve(LinkCandidates(linker.Path, target)); !ok || got.Title != want {
				t.Errorf("%s: %s → %q, %v; want %q", from, target, got.Title, ok, want)
			}
		}
	}
}

// Jekyll's published is Ruby's data.fetch("published", true): a quoted
// "false" or "no" is a string, true to Ruby, and the post is published (a
// helper's report: folio took it for a draft); a plain no or null is not.
// A dated post's null title is Jekyll's title from its name. A post's
// draft, no key of Jekyll's, hides none (TestJekyllDraftKeyIsNoDraft).
func TestJekyllsPublishedAsRubyReadsIt(t *testing.T) {
	for _, c := range []struct {
		text  string
		draft bool
	}{
		{"---\ntitle: P\npublished: \"false\"\n---\nB", false},
		{"---\ntitle: P\npublished: 'no'\n---\nB", false},
		{"---\ntitle: P\npublished: false\n---\nB", true},
		{"---\ntitle: P\npublished: No\n---\nB", true},
		{"---\ntitle: P\npublished: off\n---\nB", true},
		{"---\ntitle: P\npublished:\n---\nB", true},
		{"---\ntitle: P\npublished: yes\n---\nB", false},
		{"---\ntitle: P\ndraft: \"true\"\n---\nB", false},
		{"---\ntitle: P\ndraft: \"false\"\n---\nB", false},
	} {
		a, probs := Parse("_posts/2021-01-03-a-post.md", []byte(c.text))
		if draft := len(probs) == 1 && probs[0].Msg == DraftMsg; draft != c.draft || !draft && (len(probs) != 0 || a.Title != "P") {
			t.Errorf("%q: %v (title %q), want draft %v", c.text, probs, a.Title, c.draft)
		}
	}
	a, probs := Parse("_posts/2021-01-03-empty-title.md", []byte("---\ntitle:\nlayout: post\n---\nB"))
	if len(probs) != 0 || a.Title != "Empty Title" || a.Date.String() != "2021-01-03" {
		t.Errorf("a null title: %q %s %v", a.Title, a.Date, probs)
	}
	for _, c := range []struct{ path, text string }{
		{"_posts/2021-01-03-x.md", "---\ntitle: \"\"\n---\nB"},   // Ruby's "" is a title
		{"posts/2021-01-03-x.md", "---\ntitle:\n---\nB"},         // not a Jekyll post
		{"_posts/x.md", "---\ntitle:\ndate: 2021-01-01\n---\nB"}, // no date in its name
	} {
		if _, probs := Parse(c.path, []byte(c.text)); !IsFatal(probs) || probs[0].Msg != "empty title" || probs[0].Line != 2 {
			t.Errorf("%s %q: %v, want an empty title on line 2", c.path, c.text, probs)
		}
	}
}

// writeFiles writes each file of files (slash path to text) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	testcorpus.WriteTree(t, dir, files)
}

// The folders at a Hugo or Jekyll site's root that the site never
// publishes as pages are passed over, as node_modules is (a helper's
// report: Hugo's old-style archetypes were "invalid front matter", the gems
// of a Jekyll site's vendor/bundle made check fail); a folder so named
// where no site's root is (a notes folder's static/) is read.
func TestSiteFoldersTheSitesDoNotPublish(t *testing.T) {
	piece := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"hugo/config.toml":                  "title = 'S'\ntheme = 't'\n",
		"hugo/content/posts/a.md":           piece,
		"hugo/archetypes/default.md":        "---\ntitle: \"{{ replace .Name \"-\" \" \" | title }}\"\ndate: {{ .Date }}\n---\n",
		"hugo/static/notes.md":              "notes, copied as they are",
		"hugo/layouts/partials/x.md":        "x",
		"hugo/themes/t/archetypes/posts.md": "+++\ndate = {{ .Date }}\n+++\n",
		"hugo/themes/t/static/readme.md":    "y",
		"hugo/themes/t/content/about.md":    piece, // mounted (theme = 't'): the site publishes it
		"hugo2/hugo.yaml":                   "title: S\n",
		"hugo2/static/x.md":                 "x",
		"hugo2/posts/b.md":                  piece,
		"jekyll/_config.yml":                "title: S\n",
		"jekyll/_posts/2021-01-03-c.md":     piece,
		"jekyll/vendor/bundle/ruby/3.2.0/gems/jekyll-4.3.2/lib/site_template/about.markdown": "---\nlayout: page\n---\n",
		"jekyll/vendor/cache/x.md": "x",
		"jekyll/vendor/notes.md":   piece, // Jekyll publishes it
		"jekyll/gemfiles/x.md":     "x",
		"jekyll/static/d.md":       piece, // no Hugo folder to Jekyll
		"notes/static/e.md":        piece,
		"notes/vendor/bundle/f.md": piece,
		"notes/config.toml":        "x = 1\n", // no content/: no Hugo site
		"notes/archetypes/g.md":    piece,
	})
	want := []string{"hugo/content/posts/a.md", "hugo/themes/t/content/about.md", "hugo2/posts/b.md",
		"jekyll/_posts/2021-01-03-c.md", "jekyll/static/d.md", "jekyll/vendor/notes.md",
		"notes/archetypes/g.md", "notes/static/e.md", "notes/vendor/bundle/f.md"}
	for _, fsys := range []fs.FS{os.DirFS(dir), newDirFS(dir)} {
		got := PathsOf(first(Scan(fsys)))
		if !slices.Equal(got, want) {
			t.Errorf("%T: scan = %v\nwant %v", fsys, got, want)
		}
	}
	// opened at the site's root, as an archive is
	a, probs := loadSite(t, dir+"/jekyll")
	if len(probs) != 0 || len(a.Articles) != 3 {
		t.Errorf("the Jekyll site: %d pieces, %v", len(a.Articles), probs)
	}
	a, probs = loadSite(t, dir+"/hugo")
	if len(probs) != 0 || len(a.Articles) != 2 {
		t.Errorf("the Hugo site: %d pieces, %v", len(a.Articles), probs)
	}
}

// A published: with no value unpublishes a piece only in a Jekyll site (a
// _config.yml at a site's root, the archive's or a folder's) or in
// _posts/; elsewhere it is no flag (a helper's report: a dated piece was
// a draft in every archive, and an Obsidian Web Clipper's file, which
// writes it empty for a page with no date, was hidden where it had said
// "empty date"); in a Hugo site too it is a draft, as Hugo 0.111 reads
// it (as oracle: hugo list drafts names content/posts/c.md; a published:
// "" is not one).
func TestAnEmptyPublishedIsJekyllsAlone(t *testing.T) {
	dated := "---\ntitle: T\ndate: 2020-01-01\npublished:\n---\nB"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b4/a.md":                 dated,
		"clip/clip.md":            "---\ntitle: \"Clip\"\nsource: \"https://x.example/a\"\nauthor:\n  - \"[[Someone]]\"\npublished:\ncreated: 2024-01-02\n---\nB",
		"hugo/hugo.toml":          "title = 'S'\n",
		"hugo/content/posts/c.md": dated,
		"blog/_config.yml":        "title: S\n",
		"blog/about.md":           dated,
		"blog/notes/d.md":         dated,
		"posts/_posts/e.md":       dated,
	})
	a, probs := Load(os.DirFS(dir))
	got := piecePaths(a)
	if want := []string{"b4/a.md"}; !slices.Equal(got, want) {
		t.Errorf("pieces %v, want %v", got, want)
	}
	drafts := map[string]bool{}
	for _, p := range probs {
		switch {
		case p.Msg == DraftMsg:
			drafts[p.Path] = true
		case p.Path == "clip/clip.md" && p.Line == 6 && p.Msg == "empty date":
		default:
			t.Errorf("problem %v", p)
		}
	}
	if len(drafts) != 4 || !drafts["blog/about.md"] || !drafts["blog/notes/d.md"] || !drafts["posts/_posts/e.md"] || !drafts["hugo/content/posts/c.md"] {
		t.Errorf("drafts %v, want Jekyll's three and Hugo's", drafts)
	}
	// the site opened at its root: its _config.yml is the archive's
	if a, probs := loadSite(t, dir+"/blog"); len(a.Articles) != 0 || len(probs) != 2 {
		t.Errorf("the Jekyll site: %d pieces, %v", len(a.Articles), probs)
	}
}

// A dated post's title: false (no string) is Jekyll's title from its name,
// as a null one is (a helper's report: it was shown as "false"); "false"
// quoted is a title.
func TestAJekyllPostsFalseTitleIsItsName(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"_posts/2021-01-03-pi-day.md": "---\ntitle: false\n---\nB",
		"_posts/2021-01-04-quoted.md": "---\ntitle: \"false\"\n---\nB",
	})
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	for p, want := range map[string]string{"_posts/2021-01-03-pi-day.md": "Pi Day", "_posts/2021-01-04-quoted.md": "false"} {
		if got := byPathOf(t, a, p).Title; got != want {
			t.Errorf("%s: title %q, want %q", p, got, want)
		}
	}
}

// A tags string is one term in a Hugo site, as Hugo reads a taxonomy's
// string (types.ToStringSlicePreserveString): `tags: "Middle East"` is the
// tag "middle east" there, not "middle" and "east", and a comma is part
// of it; elsewhere (a plain folder, a Jekyll site) a string splits as
// before. A list is a list everywhere. (NOTES' report: a Hugo site's tag
// with a space was counted as two tags.)
func TestATagsStringIsOneTermInAHugoSite(t *testing.T) {
	root := t.TempDir()
	piece := func(tags string) string {
		return "---\ntitle: P\ndate: 2021-01-03\n" + tags + "\n---\nB\n"
	}
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":                "title = 'S'\n",
		"hugo/content/posts/space.md":   piece(`tags: "Middle East"`),
		"hugo/content/posts/comma.md":   piece(`categories: "war, peace"`),
		"hugo/content/posts/list.md":    piece(`tags: ["Middle East", "Iran"]`),
		"hugo/content/posts/toml.md":    "+++\ntitle = 'P'\ndate = 2021-01-03\ntags = 'Middle East'\n+++\nB\n",
		"jekyll/_config.yml":            "title: S\n",
		"jekyll/_posts/2021-01-03-j.md": piece(`tags: "Middle East"`),
		"notes/space.md":                piece(`tags: "Middle East"`),
		"notes/comma.md":                piece(`tags: "war, peace"`),
	})
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string][]string{
		"hugo/content/posts/space.md":   {"middle east"},
		"hugo/content/posts/comma.md":   {"war, peace"},
		"hugo/content/posts/list.md":    {"middle east", "iran"},
		"hugo/content/posts/toml.md":    {"middle east"},
		"jekyll/_posts/2021-01-03-j.md": {"middle", "east"},
		"notes/space.md":                {"middle", "east"},
		"notes/comma.md":                {"war", "peace"},
	} {
		a, probs := ParseFile(fsys, p)
		if IsFatal(probs) || !slices.Equal(a.Tags, want) {
			t.Errorf("%s: tags %q (%v), want %q", p, a.Tags, probs, want)
		}
	}
	arch, _ := Load(fsys)
	if a, ok := arch.Get("hugo/content/posts/space"); !ok || !slices.Equal(a.Tags, []string{"middle east"}) {
		t.Errorf("loaded: %v %q", ok, a.Tags)
	}
}

// Jekyll's singular tag and category are one term each
// (pluralized_array_from_hash: a singular key's string is one value; only
// a plural key's splits on whitespace): `tag: Middle East` is the tag
// "middle east", not "middle" and "east" (an oracle's report against
// Jekyll 4.3: tags ["Middle East"], categories ["Foreign Policy"]). A
// singular string with commas is one in a site, a list elsewhere.
func TestJekyllSingularTagIsOneTerm(t *testing.T) {
	root := t.TempDir()
	piece := func(tags string) string {
		return "---\ntitle: P\ndate: 2021-01-03\n" + tags + "\n---\nB\n"
	}
	writeFiles(t, root, map[string]string{
		"jekyll/_config.yml":            "title: S\n",
		"jekyll/_posts/2021-01-03-j.md": piece("tag: Middle East\ncategory: Foreign Policy"),
		"jekyll/_posts/2021-01-04-c.md": piece("tag: war, peace"),
		"jekyll/_posts/2021-01-05-p.md": piece("tags: Middle East"),
		"jekyll/_posts/2021-01-06-l.md": piece("category: [Foreign Policy, Iran]"),
		"hugo/hugo.toml":                "title = 'S'\n",
		"hugo/content/posts/c.md":       piece("category: war, peace"),
		"notes/space.md":                piece("tag: Middle East"),
		"notes/comma.md":                piece("category: war, peace"),
	})
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string][]string{
		"jekyll/_posts/2021-01-03-j.md": {"middle east", "foreign policy"},
		"jekyll/_posts/2021-01-04-c.md": {"war, peace"},
		"jekyll/_posts/2021-01-05-p.md": {"middle", "east"},
		"jekyll/_posts/2021-01-06-l.md": {"foreign policy", "iran"},
		"hugo/content/posts/c.md":       {"war, peace"},
		"notes/space.md":                {"middle east"},
		"notes/comma.md":                {"war", "peace"},
	} {
		a, probs := ParseFile(fsys, p)
		if IsFatal(probs) || !slices.Equal(a.Tags, want) {
			t.Errorf("%s: tags %q (%v), want %q", p, a.Tags, probs, want)
		}
	}
	if a, _ := Parse("_posts/2021-01-04-c.md", []byte(piece("tag: war, peace"))); !slices.Equal(a.Tags, []string{"war, peace"}) {
		t.Errorf("Parse of a post: tags %q", a.Tags)
	}
}

// A Jekyll site reads its front matter's keys as written, Hugo in any
// case: `Title: Capital Title`, `Date: 2020-03-09` and `Tags: [capital]`
// in a Jekyll post are none of them, so its title and date are its
// name's and it has no tags (an oracle's report against Jekyll 4.3: folio
// read them as Hugo does). A Hugo site and a plain folder read them.
func TestJekyllKeysAreCaseSensitive(t *testing.T) {
	root := t.TempDir()
	caps := "---\nlayout: default\nTitle: Capital Title\nDate: 2020-03-09\nTags: [capital]\n---\nx\n"
	writeFiles(t, root, map[string]string{
		"jekyll/_config.yml":                    "title: S\n",
		"jekyll/_posts/2020-03-03-caps-keys.md": caps,
		"jekyll/_posts/2020-03-04-both.md":      "---\ntitle: lower\nTitle: Upper\ntags: [a]\n---\nx\n",
		"jekyll/about.md":                       caps,
		"hugo/hugo.toml":                        "title = 'S'\n",
		"hugo/content/posts/caps.md":            caps,
		"notes/caps.md":                         caps,
	})
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"jekyll/_posts/2020-03-03-caps-keys.md": "Caps Keys 2020-03-03 []",
		"jekyll/_posts/2020-03-04-both.md":      "lower 2020-03-04 [a]",
		"hugo/content/posts/caps.md":            "Capital Title 2020-03-09 [capital]",
		"notes/caps.md":                         "Capital Title 2020-03-09 [capital]",
	} {
		a, probs := ParseFile(fsys, p)
		if got := fmt.Sprintf("%s %s %v", a.Title, a.Date, a.Tags); IsFatal(probs) || got != want || len(probs) > 0 {
			t.Errorf("%s: %s (%v), want %s", p, got, probs, want)
		}
	}
	// a page Jekyll publishes untitled and undated: a piece titled by its
	// name, the keys Jekyll does not read named
	if a, probs := ParseFile(fsys, "jekyll/about.md"); IsFatal(probs) || a.Title != "about" || !a.Date.Time.IsZero() || len(probs) != 2 ||
		probs[0].Msg != "untitled: titled by its name (a Jekyll site reads title in lower case alone)" ||
		probs[1].Msg != "undated (a Jekyll site reads date in lower case alone)" {
		t.Errorf("a page: %q %s %v", a.Title, a.Date, probs)
	}
	if a, _ := Parse("_posts/2020-03-03-caps-keys.md", []byte(caps)); a.Title != "Caps Keys" {
		t.Errorf("Parse of a post: title %q", a.Title)
	}
}

// statCounter is an fs.FS counting the Stat calls made of it.
type statCounter struct {
	fs.FS
	n atomic.Int64
}

func (c *statCounter) Stat(name string) (fs.FileInfo, error) {
	c.n.Add(1)
	return fs.Stat(c.FS, name)
}

// SiteRoots asks each folder once whether it is a site's root, however
// many files below it are asked about (a review: 10k page bundles with a
// tags string cost 410k stats at every open, every folder above each
// bundle asked again for each), and answers as InHugoSite and
// InJekyllSite do.
func TestSiteRootsAskEachFolderOnce(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"site/hugo.toml": "title = 'S'\n", "blog/_config.yml": "title: B\n"}
	for i := range 50 {
		files[fmt.Sprintf("site/content/posts/p%02d/index.md", i)] = "x"
		files[fmt.Sprintf("blog/a/b/p%02d.md", i)] = "x"
		files[fmt.Sprintf("notes/x/y/p%02d/index.md", i)] = "x"
	}
	writeFiles(t, root, files)
	c := &statCounter{FS: os.DirFS(root)}
	sites := NewSiteRoots(c)
	for p := range files {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		wantHugo, wantJekyll := strings.HasPrefix(p, "site/"), strings.HasPrefix(p, "blog/")
		if got := sites.InHugo(p); got != wantHugo || got != InHugoSite(c.FS, p) {
			t.Errorf("%s: in a Hugo site %v, want %v", p, got, wantHugo)
		}
		if got := sites.InJekyll(p); got != wantJekyll || got != InJekyllSite(c.FS, p) {
			t.Errorf("%s: in a Jekyll site %v, want %v", p, got, wantJekyll)
		}
	}
	// folders: site, site/content, …/posts, 50 bundles; blog, a, b; notes,
	// x, y, 50 bundles; and the root: 110, at most a dozen names each
	if n := c.n.Load(); n > 110*12*2 {
		t.Errorf("%d stats for 150 files in 110 folders", n)
	}
}

// Hugo and Jekyll publish a page without a title or a date (Hugo 0.111
// and Jekyll 4.3 as oracles: Hugo lists content/posts/untitled.md with an
// empty title, Jekyll renders notes/untitled.md with page.title empty;
// Hugo a page without front matter too), so in a site such a page is a
// piece, titled by its file's or bundle's name and undated; in a folder
// of notes it is a problem, as before.
func TestUntitledAndUndatedPagesOfASite(t *testing.T) {
	untitled := "---\ndate: 2020-01-01\n---\nno title\n"
	undated := "---\ntitle: No date\n---\nno date\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":                      "baseURL = 'https://example.org/'\n",
		"hugo/content/posts/untitled.md":      untitled,
		"hugo/content/posts/nodate.md":        undated,
		"hugo/content/posts/empty-title.md":   "---\ntitle: \"\"\n---\nempty\n",
		"hugo/content/posts/nofm.md":          "no front matter at all\n",
		"hugo/content/posts/my-trip/index.md": "---\n---\nbundle\n",
		"hugo/content/posts/2021-02-30-x.md":  undated, // no day: undated, as Hugo reads it
		"jekyll/_config.yml":                  "title: S\n",
		"jekyll/notes/untitled.md":            untitled,
		"jekyll/notes/nodate.md":              undated,
		"notes/untitled.md":                   untitled,
		"notes/nodate.md":                     undated,
		"notes/nofm.md":                       "no front matter at all\n",
	})
	a, probs, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"hugo/content/posts/untitled.md":      "untitled 2020-01-01",
		"hugo/content/posts/nodate.md":        "No date ",
		"hugo/content/posts/empty-title.md":   "empty-title ",
		"hugo/content/posts/nofm.md":          "nofm ",
		"hugo/content/posts/my-trip/index.md": "my-trip ",
		"hugo/content/posts/2021-02-30-x.md":  "No date ",
		"jekyll/notes/untitled.md":            "untitled 2020-01-01",
		"jekyll/notes/nodate.md":              "No date ",
	}
	got := map[string]string{}
	for _, x := range a.Articles {
		got[x.Path] = x.Title + " " + x.Date.String()
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pieces:\n%v\nwant\n%v", got, want)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Path+": "+p.Msg)
	}
	wantProbs := []string{
		"notes/nodate.md: missing date",
		"notes/nofm.md: no front matter (a file must start with --- YAML, +++ TOML or a { JSON } object holding title and date)",
		"notes/untitled.md: missing title",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// The files Hugo and Jekyll never publish as pages are no pieces, and no
// problems (Hugo 0.111 and Jekyll 4.3 as oracles): the Markdown files of
// a Hugo site's or theme's root (README.md: Hugo reads content/), which
// the scan passes over, and in a Jekyll site a file without front matter
// (copied as a static file) or named _x.md (passed over), each a Quiet
// "not a page of the site". In a folder of notes they are as before.
func TestFilesTheSitesDoNotPublishAsPages(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":                  "baseURL = 'https://example.org/'\n",
		"hugo/README.md":                  "# My site\n\nbuild it with hugo\n",
		"hugo/CHANGELOG.md":               page,
		"hugo/content/posts/a.md":         page,
		"hugo/content/README.md":          "no front matter: a page to Hugo\n",
		"hugo/themes/t/theme.toml":        "name = 't'\n",
		"hugo/themes/t/README.md":         "# Theme\n",
		"hugo2/config/_default/hugo.toml": "title = 'S'\n",
		"hugo2/README.md":                 "# My site\n",
		"hugo2/content/b.md":              page,
		"jekyll/_config.yml":              "title: S\n",
		"jekyll/README.md":                page, // a page: Jekyll publishes it
		"jekyll/notes/static.md":          "no front matter\n",
		"jekyll/notes/_partial.md":        page,
		"jekyll/notes/#scratch.md":        "{ broken",
		"jekyll/_posts/_x.md":             page,
		"jekyll/_posts/2021-01-03-c.md":   "no front matter: a post\n",
		"notes/README.md":                 "# no front matter\n",
		"notes/_x.md":                     page,
	})
	wantScan := []string{"hugo/content/README.md", "hugo/content/posts/a.md", "hugo2/content/b.md",
		"jekyll/README.md", "jekyll/_posts/2021-01-03-c.md", "jekyll/_posts/_x.md",
		"jekyll/notes/#scratch.md", "jekyll/notes/_partial.md", "jekyll/notes/static.md", "notes/README.md", "notes/_x.md"}
	_, real, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, fsys := range []fs.FS{os.DirFS(root), real} {
		got := PathsOf(first(Scan(fsys)))
		if !slices.Equal(got, wantScan) {
			t.Errorf("%T: scan = %v\nwant %v", fsys, got, wantScan)
		}
	}
	// the files of a Hugo root are the scan's quiet notes, in every scan
	wantRoot := []string{"hugo/CHANGELOG.md", "hugo/README.md", "hugo/themes/t/README.md", "hugo2/README.md"}
	rootNotes := func(how string, probs []Problem) {
		t.Helper()
		var got []string
		for _, p := range probs {
			if p.Msg == HugoRootMsg && p.Quiet {
				got = append(got, p.Path)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, wantRoot) {
			t.Errorf("%s: notes on %v\nwant %v", how, got, wantRoot)
		}
	}
	for _, fsys := range []fs.FS{os.DirFS(root), real} {
		_, probs := Scan(fsys)
		rootNotes(fmt.Sprintf("%T", fsys), probs)
	}
	// a scan from a memo, the folders settled, as a cached search's
	memo := []byte(nil)
	for i := range 3 {
		var files []FileInfo
		var probs []Problem
		var next []byte
		files, probs, next = memoScanProblems(t, root, memo, time.Now().Add(time.Hour))
		if next != nil {
			memo = next
		}
		got := PathsOf(files)
		if !slices.Equal(got, wantScan) {
			t.Errorf("memo scan = %v\nwant %v", got, wantScan)
		}
		rootNotes(fmt.Sprintf("memo scan %d", i), probs)
	}
	a, probs, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	pieces, msgs := piecePaths(a), problemLines(probs, nil)
	wantPieces := []string{"hugo/content/README.md", "hugo/content/posts/a.md", "hugo2/content/b.md",
		"jekyll/README.md", "jekyll/_posts/2021-01-03-c.md", "notes/_x.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"hugo/CHANGELOG.md: " + HugoRootMsg + " (quiet true)",
		"hugo/README.md: " + HugoRootMsg + " (quiet true)",
		"hugo/themes/t/README.md: " + HugoRootMsg + " (quiet true)",
		"hugo2/README.md: " + HugoRootMsg + " (quiet true)",
		"jekyll/_posts/_x.md: " + JekyllPassedMsg + " (quiet true)",
		"jekyll/notes/#scratch.md: " + JekyllPassedMsg + " (quiet true)",
		"jekyll/notes/_partial.md: " + JekyllPassedMsg + " (quiet true)",
		"jekyll/notes/static.md: " + JekyllStaticMsg + " (quiet true)",
		"notes/README.md: no front matter (a file must start with --- YAML, +++ TOML or a { JSON } object holding title and date) (quiet false)",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// Hugo passes over a file or folder whose name starts with # or ends
// with ~ (Hugo 0.111 as oracle: content/posts/#hash.md, content/#dir/ and
// content/dir~/ are no pages; _x.md, ~x.md and a~b.md are): a Quiet "not
// a page of the site", as Jekyll's are. Elsewhere they are pieces.
func TestFilesHugoPassesOverByName(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":               "baseURL = 'https://example.org/'\n",
		"site/content/posts/#hash.md":  page,
		"site/content/posts/_under.md": page,
		"site/content/posts/~tilde.md": page,
		"site/content/posts/a~b.md":    page,
		"site/content/#dir/p.md":       page,
		"site/content/dir~/p.md":       page,
		"site/content/~dir/index.md":   page,
		"notes/#hash.md":               page,
		"notes/dir~/p.md":              page,
	})
	a, probs := loadSite(t, root)
	pieces, msgs := piecePaths(a), problemLines(probs, nil)
	wantPieces := []string{"notes/#hash.md", "notes/dir~/p.md", "site/content/posts/_under.md",
		"site/content/posts/a~b.md", "site/content/posts/~tilde.md", "site/content/~dir/index.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"site/content/#dir/p.md: " + HugoPassedMsg + " (quiet true)",
		"site/content/dir~/p.md: " + HugoPassedMsg + " (quiet true)",
		"site/content/posts/#hash.md: " + HugoPassedMsg + " (quiet true)",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// Hugo publishes a page whose date is empty or its zero time undated
// (Hugo 0.111 as oracle: date: "", date:, TOML date = "", 0001-01-01 as
// a YAML or TOML date or a string each a page with a zero date): in a
// Hugo site such a page is an undated piece; in a folder of notes each
// stays a problem.
func TestEmptyDatesOfAHugoSiteAreUndated(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"empty.md":     "---\ntitle: E\ndate: \"\"\n---\nx\n",
		"blank.md":     "---\ntitle: B\ndate: \"  \"\n---\nx\n",
		"null.md":      "---\ntitle: N\ndate:\n---\nx\n",
		"tomlempty.md": "+++\ntitle = \"T\"\ndate = \"\"\n+++\nx\n",
		"zero.md":      "---\ntitle: Z\ndate: 0001-01-01\n---\nx\n",
		"zerostr.md":   "---\ntitle: Z\ndate: \"0001-01-01T00:00:00Z\"\n---\nx\n",
		"tomlzero.md":  "+++\ntitle = \"T\"\ndate = 0001-01-01\n+++\nx\n",
	}
	site := map[string]string{"site/hugo.toml": "baseURL = 'https://example.org/'\n"}
	for name, body := range files {
		site["site/content/p/"+name] = body
		site["notes/"+name] = body
	}
	writeFiles(t, root, site)
	a, probs := loadSite(t, root)
	var pieces []string
	for _, x := range a.Articles {
		pieces = append(pieces, x.Path)
		if !x.Date.Time.IsZero() {
			t.Errorf("%s: dated %v", x.Path, x.Date)
		}
	}
	slices.Sort(pieces)
	var want, notes []string
	for name := range files {
		want = append(want, "site/content/p/"+name)
		notes = append(notes, "notes/"+name)
	}
	slices.Sort(want)
	if !slices.Equal(pieces, want) {
		t.Errorf("pieces = %v\nwant %v", pieces, want)
	}
	var got []string
	for _, p := range probs {
		if !p.Fatal || p.Quiet {
			t.Errorf("problem %v", p)
		}
		got = append(got, p.Path)
	}
	slices.Sort(got)
	slices.Sort(notes)
	if !slices.Equal(got, notes) {
		t.Errorf("problems of %v\nwant %v", got, notes)
	}
}

// Jekyll reads no folder starting with _ (or # or ~) but _posts, at any
// depth, and a collection its _config.yml gives output: true (Jekyll 4.3
// as oracle: of sub/_inner/b.md, _notes/a.md, _hidden/deep/h.md,
// _quiet/n.md (output: false), _coll/c.md and sub/page.md only the last
// two are pages): the others are a Quiet "not a page of the site". In a
// folder of notes they are pieces. Below _posts or a collection its
// first folder alone is asked, as Jekyll's EntryFilter asks it (Jekyll
// 4.3.1 as oracle: _posts/_hid/… and _coll/_hid/… were no pages,
// _posts/sub/_x/… and _coll/sub/_x/… were; an attack's report).
func TestJekyllFoldersStartingWithUnderscore(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                 "url: https://j.org\ncollections:\n  coll:\n    output: true\n  quiet:\n    output: false\n",
		"site/_notes/a.md":                 page,
		"site/sub/_inner/b.md":             page,
		"site/_hidden/deep/h.md":           page,
		"site/_quiet/n.md":                 page,
		"site/_coll/c.md":                  page,
		"site/_coll/sub/d.md":              page,
		"site/sub/page.md":                 page,
		"site/news/_posts/2021-01-02-p.md": page,
		"notes/_inner/x.md":                page,
		// below _posts or a collection, its first folder alone is asked
		"site/_posts/_hid/2021-01-03-a.md":    page,
		"site/_posts/sub/_x/2021-01-04-b.md":  page,
		"site/news/_posts/#x/2021-01-05-c.md": page,
		"site/_coll/_hid/e.md":                page,
		"site/_coll/sub/_x/f.md":              page,
	})
	a, probs := loadSite(t, root)
	pieces, msgs := piecePaths(a), problemLines(probs, nil)
	wantPieces := []string{"notes/_inner/x.md", "site/_coll/c.md", "site/_coll/sub/_x/f.md", "site/_coll/sub/d.md", "site/_posts/sub/_x/2021-01-04-b.md", "site/news/_posts/2021-01-02-p.md", "site/sub/page.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"site/_coll/_hid/e.md: " + JekyllFolderMsg + " (quiet true)",
		"site/_hidden/deep/h.md: " + JekyllFolderMsg + " (quiet true)",
		"site/_notes/a.md: " + JekyllFolderMsg + " (quiet true)",
		"site/_posts/_hid/2021-01-03-a.md: " + JekyllFolderMsg + " (quiet true)",
		"site/_quiet/n.md: " + JekyllFolderMsg + " (quiet true)",
		"site/news/_posts/#x/2021-01-05-c.md: " + JekyllFolderMsg + " (quiet true)",
		"site/sub/_inner/b.md: " + JekyllFolderMsg + " (quiet true)",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// Hugo publishes no page under a draft section (Hugo 0.111 as oracle:
// content/sec/_index.md with draft: true, or published: false, left
// sec/b.md and sec/sub/c.md unpublished; a draft content/_index.md left
// no page at all): in a Hugo site they are "not a page of the site",
// quiet; a section page that is no draft, and a draft _index.md outside
// a Hugo site, hide nothing.
func TestPagesUnderADraftHugoSection(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":              "baseURL = 'https://example.org/'\n",
		"site/content/sec/_index.md":  "---\ntitle: Sec\ndraft: true\n---\n",
		"site/content/sec/b.md":       page,
		"site/content/sec/sub/c.md":   page,
		"site/content/pub/_index.md":  "+++\ntitle = 'Pub'\npublished = false\n+++\n",
		"site/content/pub/p.md":       page,
		"site/content/live/_index.md": "---\ntitle: Live\ndraft: false\n---\n",
		"site/content/live/l.md":      page,
		"site/content/a.md":           page,
		"home/hugo.toml":              "title = 'H'\n",
		"home/content/_index.md":      "---\ntitle: Home\ndraft: true\n---\n",
		"home/content/posts/x.md":     page,
		"notes/wip/_index.md":         "---\ntitle: WIP\ndraft: true\n---\n",
		"notes/wip/n.md":              page,
	})
	a, probs := loadSite(t, root)
	pieces, msgs := piecePaths(a), problemLines(probs, func(p Problem) bool { return !strings.HasSuffix(p.Path, "_index.md") })
	wantPieces := []string{"notes/wip/n.md", "site/content/a.md", "site/content/live/l.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"home/content/posts/x.md: " + HugoDraftSectionMsg + " (quiet true)",
		"site/content/pub/p.md: " + HugoDraftSectionMsg + " (quiet true)",
		"site/content/sec/b.md: " + HugoDraftSectionMsg + " (quiet true)",
		"site/content/sec/sub/c.md: " + HugoDraftSectionMsg + " (quiet true)",
	}
	sameLines(t, "problems", msgs, wantProbs)
	// the section page's sum says it is a draft: the index reads its
	// pieces again when that changes
	if CascadeSum([]byte("---\ntitle: S\ndraft: true\n---\n")) == 0 || CascadeSum([]byte("---\ntitle: S\n---\n")) != 0 {
		t.Error("a draft section page's CascadeSum is 0, or another's is not")
	}
}

// Jekyll reads a file of _posts/ (at any depth) as a post by its dated
// name alone (Jekyll 4.3 as oracle: of _posts/hello.md,
// _posts/2021-1-2x.md, _posts/2021/3-4-5-short.md, _posts/2021/notes.md,
// news/_posts/undated.md, _posts/21-3-4-two.md and
// _posts/2021-01-02-dated.md only the last two are pages): in a Jekyll site the others are a Quiet "not a page of the
// site"; in a folder of notes (no _config.yml) they are pieces.
func TestJekyllPostsWithoutADatedName(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                "title: J\n",
		"site/_posts/hello.md":            page,
		"site/_posts/2021-1-2x.md":        page,
		"site/_posts/2021-01-02-dated.md": page,
		"site/_posts/2021/3-4-5-short.md": page,
		"site/_posts/2021/notes.md":       page,
		"site/_posts/21-3-4-two.md":       page,
		"site/news/_posts/undated.md":     page,
		"site/hello.md":                   page,
		"notes/_posts/hello.md":           page,
	})
	a, probs := loadSite(t, root)
	pieces, msgs := piecePaths(a), problemLines(probs, nil)
	wantPieces := []string{"notes/_posts/hello.md", "site/_posts/2021-01-02-dated.md", "site/_posts/21-3-4-two.md", "site/hello.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"site/_posts/2021-1-2x.md: " + JekyllUndatedPostMsg + " (quiet true)",
		"site/_posts/2021/3-4-5-short.md: " + JekyllUndatedPostMsg + " (quiet true)",
		"site/_posts/2021/notes.md: " + JekyllUndatedPostMsg + " (quiet true)",
		"site/_posts/hello.md: " + JekyllUndatedPostMsg + " (quiet true)",
		"site/news/_posts/undated.md: " + JekyllUndatedPostMsg + " (quiet true)",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// Hugo reads no file its config's ignoreFiles match, nor any under a
// folder they match (Hugo 0.111 as oracle: "secret\\.md$" left
// posts/secret.md out, "content/posts/skip" posts/skipme.md, "sub$" every
// page of sec/sub/, "^posts/skip" nothing; a string is its words, a
// pattern that does not compile reported and left out): in a Hugo site
// they are "not a page of the site", quiet, matched against the path
// from the archive's root with a / before it; a notes folder's files
// stay pieces, and so does a site without ignoreFiles.
func TestHugoIgnoreFiles(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/config.toml":             "ignoreFiles = ['secret\\.md$', 'content/posts/skip', '^posts/', 'sub$', '(']\n",
		"site/content/posts/a.md":      page,
		"site/content/posts/secret.md": page,
		"site/content/posts/skipme.md": page,
		"site/content/sec/b.md":        page,
		"site/content/sec/sub/c.md":    page,
		"site/content/sec/subway/d.md": page,
		"yaml/hugo.yaml":               "IgnoreFiles: \\.draft\\.md$ \\.tmp\\.md$\n",
		"yaml/content/x.draft.md":      page,
		"yaml/content/x.tmp.md":        page,
		"yaml/content/x.md":            page,
		"plain/hugo.toml":              "title = 'P'\n",
		"plain/content/secret.md":      page,
		"notes/secret.md":              page,
	})
	a, probs := loadSite(t, root)
	pieces, msgs := piecePaths(a), problemLines(probs, nil)
	wantPieces := []string{"notes/secret.md", "plain/content/secret.md", "site/content/posts/a.md",
		"site/content/sec/b.md", "site/content/sec/subway/d.md", "yaml/content/x.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantProbs := []string{
		"site/content/posts/secret.md: " + HugoIgnoredMsg + " (quiet true)",
		"site/content/posts/skipme.md: " + HugoIgnoredMsg + " (quiet true)",
		"site/content/sec/sub/c.md: " + HugoIgnoredMsg + " (quiet true)",
		"yaml/content/x.draft.md: " + HugoIgnoredMsg + " (quiet true)",
		"yaml/content/x.tmp.md: " + HugoIgnoredMsg + " (quiet true)",
	}
	sameLines(t, "problems", msgs, wantProbs)
}

// nameCounter is an fs.FS counting the Stat calls made of it by name.
type nameCounter struct {
	fs.FS
	mu sync.Mutex
	n  map[string]int
}

func (c *nameCounter) Stat(name string) (fs.FileInfo, error) {
	c.mu.Lock()
	c.n[name]++
	c.mu.Unlock()
	return fs.Stat(c.FS, name)
}

// The files of a Jekyll site's _posts/ parsed with one SiteRoots ask
// each folder once whether it is a site's root (a read-through: the
// folders above each file of _posts/ were asked again for each, by
// jekyllPassedFolder, and again by InJekyll), and read its config once.
func TestJekyllPostsAskEachFolderOnce(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"blog/_config.yml": "title: B\ncollections:\n  coll:\n    output: true\n"}
	for i := range 20 {
		files[fmt.Sprintf("blog/_posts/2021-01-%02d-p.md", i+1)] = "---\ntitle: P\n---\nx\n"
		files[fmt.Sprintf("blog/_posts/2020/2020-01-%02d-q.md", i+1)] = "---\ntitle: Q\n---\nx\n"
		files[fmt.Sprintf("blog/_coll/c%02d.md", i)] = "---\ntitle: C\n---\nx\n"
	}
	writeFiles(t, root, files)
	c := &nameCounter{FS: os.DirFS(root), n: map[string]int{}}
	sites := NewSiteRoots(c)
	for p, text := range files {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		a, probs := ParseInSite(p, []byte(text), func() bool { return sites.InJekyll(p) }, func() bool { return sites.InHugo(p) }, sites)
		if a.ID == "" {
			t.Errorf("%s: %v", p, probs)
		}
	}
	for name, n := range c.n {
		if n > 1 {
			t.Errorf("%s stated %d times", name, n)
		}
	}
}

// Hugo 0.111 reads the first of a site root's config files alone (as
// oracle: hugo.toml with a config.toml or a hugo.yaml beside it, the
// second's ignoreFiles and cascade were never read; hugo.yaml over
// config.toml, hugo.yml over hugo.json, config.yaml over config.yml),
// merging config/_default/'s over it; folio merged every root file (an
// attack's report).
func TestHugoReadsTheFirstRootConfigAlone(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	files := map[string]string{}
	type want struct {
		secret bool
		outlet string
	}
	wants := map[string]want{}
	add := func(name string, cfg map[string]string, w want) {
		for f, text := range cfg {
			files[name+"/"+f] = text
		}
		files[name+"/content/a.md"] = page
		files[name+"/content/secret.md"] = page
		wants[name] = w
	}
	add("toml-config", map[string]string{"hugo.toml": "baseURL = 'https://ex.org/'\n",
		"config.toml": "ignoreFiles = ['secret']\n[cascade]\noutlet = 'FromConfigToml'\n"}, want{true, ""})
	add("toml-yaml", map[string]string{"hugo.toml": "baseURL = 'https://ex.org/'\n",
		"hugo.yaml": "ignoreFiles: [secret]\ncascade:\n  outlet: FromYaml\n"}, want{true, ""})
	add("yaml-toml", map[string]string{"hugo.yaml": "baseURL: https://ex.org/\n",
		"hugo.toml": "ignoreFiles = ['secret']\n"}, want{false, ""})
	add("yaml-config", map[string]string{"hugo.yaml": "baseURL: https://ex.org/\n",
		"config.toml": "ignoreFiles = ['secret']\n"}, want{true, ""})
	add("json-yml", map[string]string{"hugo.json": `{"baseURL": "https://ex.org/"}`,
		"hugo.yml": "ignoreFiles: [secret]\n"}, want{false, ""})
	add("configs", map[string]string{"config.yaml": "baseURL: https://ex.org/\n",
		"config.yml": "ignoreFiles: [secret]\n"}, want{true, ""})
	add("dir", map[string]string{"hugo.toml": "baseURL = 'https://ex.org/'\n",
		"config/_default/config.toml": "ignoreFiles = ['secret']\n[cascade]\noutlet = 'FromDefault'\n"}, want{false, "FromDefault"})
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	for name, w := range wants {
		got := byPathOf(t, a, name+"/content/a.md")
		secret := slices.ContainsFunc(a.Articles, func(x Article) bool { return x.Path == name+"/content/secret.md" })
		if secret != w.secret || got.Outlet != w.outlet {
			t.Errorf("%s: secret.md a piece %v, outlet %q; want %v, %q", name, secret, got.Outlet, w.secret, w.outlet)
		}
	}
}

// ignoreFiles are matched against a page's file and the folders below
// the content folder, not the content folder itself (Hugo 0.111 as
// oracle: "content$" and "content/?$" left every page published; folio
// listed none, an attack's report).
func TestHugoIgnoreFilesSpareTheContentFolder(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/hugo.toml":         "ignoreFiles = ['content$']\n",
		"a/content/x.md":      page,
		"a/content/sec/y.md":  page,
		"b/hugo.toml":         "ignoreFiles = ['content/?$', '/b$']\n",
		"b/content/x.md":      page,
		"c/hugo.toml":         "ignoreFiles = ['sec$']\n",
		"c/content/sec/y.md":  page,
		"c/content/secs/z.md": page,
	})
	a, _ := loadSite(t, root)
	pieces := piecePaths(a)
	want := []string{"a/content/sec/y.md", "a/content/x.md", "b/content/x.md", "c/content/secs/z.md"}
	if !slices.Equal(pieces, want) {
		t.Errorf("pieces = %v\nwant %v", pieces, want)
	}
}

// A site config that cannot be read or decoded is a problem naming the
// file (and the line its decoder gives), not passed over in silence (an
// attack's report: hugo.toml's ignoreFiles=["secret" unclosed, secret.md
// a piece and folio check "no problems", where Hugo builds nothing);
// folio reads none of its keys meanwhile, and a Jekyll site's unreadable
// _config.yml (here a folder of that name) does not fall through to its
// _config.toml, which Jekyll does not read beside it.
func TestUnreadableSiteConfigIsAProblem(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"toml/hugo.toml":         "title = 'S'\nignoreFiles=[\"secret\"\n",
		"toml/config.toml":       "ignoreFiles = ['a\\.md$']\n",
		"toml/content/secret.md": page,
		"toml/content/a.md":      page,
		"yaml/hugo.yaml":         "title: S\nignoreFiles: secret\n  x: 1\n",
		"yaml/content/secret.md": page,
		"json/config.json":       "{\n\"ignoreFiles\": [\"secret\",]\n}\n",
		"json/content/secret.md": page,
		"jekyll/_config.yml/x":   "",
		"jekyll/_config.toml":    "[collections.notes]\noutput = true\n",
		"jekyll/_notes/n.md":     page,
		"jekyll/about.md":        page,
		"fine/hugo.toml":         "ignoreFiles = ['secret']\n",
		"fine/content/secret.md": page,
		"fine/content/a.md":      page,
	})
	a, probs := loadSite(t, root)
	pieces := piecePaths(a)
	var msgs []string
	for _, p := range probs {
		if !p.Quiet {
			msgs = append(msgs, fmt.Sprintf("%s:%d fatal %v", p.Path, p.Line, p.Fatal))
			if !strings.Contains(p.Msg, "folio reads none of its keys") {
				t.Errorf("%s: %s", p.Path, p.Msg)
			}
		}
	}
	wantPieces := []string{"fine/content/a.md", "jekyll/about.md", "json/content/secret.md",
		"toml/content/a.md", "toml/content/secret.md", "yaml/content/secret.md"}
	sameLines(t, "pieces", pieces, wantPieces)
	wantMsgs := []string{"jekyll/_config.yml:0 fatal false", "json/config.json:2 fatal false",
		"toml/hugo.toml:2 fatal false", "yaml/hugo.yaml:3 fatal false"}
	if !slices.Equal(msgs, wantMsgs) {
		t.Errorf("problems %v\nwant %v", msgs, wantMsgs)
	}
}

// A file named config at a Hugo site's root (a shell script) is no
// config folder: config/_default/hugo.toml and the rest under it are not
// there, not unreadable (a review's report: folio check printed 16
// problems "config/_default/hugo.toml: site config cannot be read (not
// a directory)" for a site of hugo.toml, config and one page), and the
// site's hugo.toml is read as before.
func TestConfigFileAtHugoRootIsNoConfigFolder(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":         "title = 'S'\nignoreFiles = ['secret']\n",
		"config":            "#!/bin/sh\necho hi\n",
		"content/a.md":      page,
		"content/secret.md": page,
	})
	a, probs := loadSite(t, root)
	pieces := piecePaths(a)
	var msgs []string
	for _, p := range probs {
		if !p.Quiet {
			msgs = append(msgs, p.Path+": "+p.Msg)
		}
	}
	if want := []string{"content/a.md"}; !slices.Equal(pieces, want) {
		t.Errorf("pieces = %v, want %v", pieces, want)
	}
	if len(msgs) > 0 {
		t.Errorf("%d problems, want none:\n%s", len(msgs), strings.Join(msgs, "\n"))
	}
}

// A site's ignoreFiles are summed as written, none compiled (an attack's
// report: 5,000 heavy patterns compiled at every open just to sum them
// made an unchanged folio list of 4 pieces 1.0 s and 375 MB), and a
// folder's match is asked once for all the files under it (10k patterns
// asked at every level for each of 2,000 pages: a rebuild 4.8 s); what
// they leave out is as before, the patterns as one alternation or, too
// large for one, each alone.
func TestHugoIgnoreFilesCostOncePerFolder(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	for _, heavy := range []bool{false, true} {
		root := t.TempDir()
		var pats []string
		n := 200
		if heavy {
			n = 500 // too large for one alternation
		}
		for i := range n {
			if heavy {
				pats = append(pats, fmt.Sprintf("'zzz%05d[a-z]{1,300}q'", i))
			} else {
				pats = append(pats, fmt.Sprintf("'zzz%05d[a-z]+q'", i))
			}
		}
		pats = append(pats, "'secret'", "'/skip$'", "'(?i)LOUD'")
		files := map[string]string{"hugo.toml": "ignoreFiles = [" + strings.Join(pats, ", ") + "]\n"}
		var want []string
		for s := range 4 {
			for d := range 5 {
				for f := range 5 {
					p := fmt.Sprintf("content/s%d/d%d/p%d.md", s, d, f)
					files[p] = page
					want = append(want, p)
				}
			}
		}
		files["content/s0/secret.md"] = page
		files["content/s1/skip/x.md"] = page
		files["content/s2/loud.md"] = page
		writeFiles(t, root, files)
		fsys := os.DirFS(root)
		// the config's decoding: a few a pattern (compiled, 500 heavy
		// ones made 465k)
		if allocs := testing.AllocsPerRun(3, func() { ConfigCascadeSum(fsys, ".") }); allocs > float64(10*len(pats)) {
			t.Errorf("heavy %v: ConfigCascadeSum made %.0f allocations: the patterns compiled?", heavy, allocs)
		}
		sites := NewSiteRoots(fsys)
		var got []string
		for p := range files {
			if !strings.HasSuffix(p, ".md") {
				continue
			}
			if a, _ := ParseInSite(p, []byte(page), func() bool { return sites.InJekyll(p) }, func() bool { return sites.InHugo(p) }, sites); a.ID != "" {
				got = append(got, p)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("heavy %v: pieces %v\nwant %v", heavy, got, want)
		}
		// each file once, each folder below content/ once: 103 files,
		// 4 + 20 + 1 folders
		if n := sites.hugoIgnores(".").asked.Load(); n != 103+25 {
			t.Errorf("heavy %v: %d paths matched, want 128", heavy, n)
		}
		if ig := sites.hugoIgnores("."); (ig.all == nil) != heavy {
			t.Errorf("heavy %v: one alternation %v", heavy, ig.all != nil)
		}
	}
}

// In a Hugo site a published: Hugo reads as false is a draft (Hugo 0.111
// as oracle: "false", "0", 0, false, no and an empty one hid the page;
// "no", "yes", "maybe", "1" and a date did not: an attack's report, a
// quoted "false" was a piece); in a Jekyll site a quoted "false" is
// published, and outside a site an empty published is no flag, as before.
func TestHugoPublishedFalse(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"hugo/hugo.toml": "title = 'x'\n", "jekyll/_config.yml": "title: x\n"}
	page := func(v string) string { return "---\ntitle: P\ndate: 2020-01-01\npublished: " + v + "\n---\nx\n" }
	values := map[string]string{"qfalse": `"false"`, "qzero": `"0"`, "zero": "0", "false": "false", "no": "no",
		"empty": "", "qno": `"no"`, "qyes": `"yes"`, "maybe": `"maybe"`, "date": "2020-01-01", "true": "true"}
	for name, v := range values {
		files["hugo/content/"+name+".md"] = page(v)
	}
	for _, name := range []string{"qfalse", "empty"} {
		files["jekyll/"+name+".md"] = page(values[name])
		files["notes/"+name+".md"] = page(values[name])
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	got := piecePaths(a)
	want := []string{"hugo/content/date.md", "hugo/content/maybe.md", "hugo/content/qno.md", "hugo/content/qyes.md",
		"hugo/content/true.md", "jekyll/qfalse.md", "notes/empty.md", "notes/qfalse.md"}
	if !slices.Equal(got, want) {
		t.Errorf("pieces %v\nwant %v", got, want)
	}
}

// Hugo reads a section page by its name in lower case, and a Markdown
// file by its extension in lower case (Hugo 0.111 as oracle: a draft
// _Index.md is a draft page and hides none of its section; a draft
// _index.Md is no page and hides none; u.Md and v.MD are no pages: an
// attack's report, folio took _index.Md for a draft section); outside a
// site a file of an extension in capitals is still a piece.
func TestHugoReadsNamesInLowerCase(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	draft := "---\ntitle: S\ndraft: true\n---\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":           "title = 'x'\n",
		"site/content/a/u.Md":      page,
		"site/content/a/v.MD":      page,
		"site/content/b/_Index.md": draft,
		"site/content/b/w.md":      page,
		"site/content/c/_index.Md": draft,
		"site/content/c/x.md":      page,
		"site/content/d/_index.md": draft,
		"site/content/d/y.md":      page,
		"notes/z.MD":               page,
	})
	a, probs := loadSite(t, root)
	got := piecePaths(a)
	if want := []string{"notes/z.MD", "site/content/b/w.md", "site/content/c/x.md"}; !slices.Equal(got, want) {
		t.Errorf("pieces %v\nwant %v", got, want)
	}
	for _, p := range probs {
		if strings.HasSuffix(p.Path, ".Md") || strings.HasSuffix(p.Path, ".MD") {
			if p.Msg != HugoCasedExtMsg || !p.Quiet {
				t.Errorf("%s: %s (quiet %v)", p.Path, p.Msg, p.Quiet)
			}
		}
	}
}

// A site's ignoreFiles joined in one alternation match a path when one
// of them alone does (a review's report: \Qsecret with no \E quoted the
// rest of the joined text, so \Qsecret and \Qother\E were one literal
// and neither secret.md nor other.md was left out, though each alone
// leaves its page out in Hugo); flags stay each pattern's own.
func TestHugoIgnoreFilesJoinedAsEachAlone(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":         "ignoreFiles = ['\\Qsecret', '\\Qother\\E']\n",
		"content/secret.md": page,
		"content/other.md":  page,
		"content/kept.md":   page,
	})
	a, _ := loadSite(t, root)
	pieces := piecePaths(a)
	if want := []string{"content/kept.md"}; !slices.Equal(pieces, want) {
		t.Errorf("pieces = %v, want %v", pieces, want)
	}

	pats := []string{`\Qsecret`, `\Qother\E`, `(?i)DRAFT`, `wip`, `^/content/x`, `\.tmp$`,
		`(?s)a.b`, `(?m)^q`, `(?U)z+`, `\Qa|b`, `(?i)`, `x(`, `[[:upper:]]{2}\d`, `\pL\x{394}`, `\z`}
	paths := []string{"/content/secret.md", "/content/other.md", "/content/Draft.md", "/content/wip.md",
		"/content/x.md", "/y/content/x.md", "/content/a.tmp", "/content/a.tmp.md", "/content/a\nb.md",
		"/content/\nq.md", "/content/zz.md", "/content/a|b.md", "/content/a.md", "/content/AB1.md",
		"/content/aΔ.md", "/content/draft/x.md"}
	for i := range pats {
		for j := i + 1; j <= len(pats); j++ {
			sub := pats[i:j]
			ig := compileIgnoreFiles(sub)
			if ig == nil || ig.all == nil {
				continue
			}
			for _, p := range paths {
				alone := false
				for _, e := range sub {
					if re, err := regexp.Compile(e); err == nil && re.MatchString(p) {
						alone = true
					}
				}
				if got := ig.match(p); got != alone {
					t.Errorf("%q joined matches %q: %v, each alone: %v", sub, p, got, alone)
				}
			}
		}
	}
}

// In a Hugo site a draft is what Hugo 0.111 reads (hugoDraft; Hugo as
// oracle: draft: true, yes, y, on, 1, 2, "true", "1", "t" hid a page;
// "yes", "on", "y", "maybe", "2", 1.5, TOML's draft = 1 and JSON's
// "draft": 1 did not; a draft given wins over published: draft: false
// beside published: false was published; a section's cascade: {draft:
// yes} hid its pages, {draft: "yes"} did not). A helper's report: a
// quoted "yes" was a draft to folio. In a folder of notes a quoted "yes"
// is a draft, as before.
func TestHugoDraftAsHugoCastsIt(t *testing.T) {
	yamlPage := func(fm string) string { return "---\ntitle: P\ndate: 2020-01-01\n" + fm + "\n---\nx\n" }
	page := yamlPage("")
	files := map[string]string{
		"hugo/hugo.toml":                  "title = 'x'\n",
		"hugo/content/cs/_index.md":       "---\ntitle: S\ncascade:\n  draft: yes\n---\n",
		"hugo/content/cs/x.md":            page,
		"hugo/content/cq/_index.md":       "---\ntitle: S\ncascade:\n  - draft: \"yes\"\n---\n",
		"hugo/content/cq/y.md":            page,
		"hugo/content/sq/_index.md":       "---\ntitle: S\ndraft: \"yes\"\n---\n",
		"hugo/content/sq/z.md":            page,
		"hugo/content/toml1.md":           "+++\ntitle = 'P'\ndate = 2020-01-01\ndraft = 1\n+++\nx\n",
		"hugo/content/tomlyes.md":         "+++\ntitle = 'P'\ndate = 2020-01-01\ndraft = 'yes'\n+++\nx\n",
		"hugo/content/tomltrue.md":        "+++\ntitle = 'P'\ndate = 2020-01-01\ndraft = 'true'\n+++\nx\n",
		"hugo/content/json1.md":           "{\"title\": \"P\", \"date\": \"2020-01-01\", \"draft\": 1}\nx\n",
		"hugo/content/draftwins.md":       yamlPage("draft: false\npublished: false"),
		"hugo/content/draftwinstoo.md":    yamlPage("draft: \"maybe\"\npublished: false"),
		"notes/qyes.md":                   yamlPage(`draft: "yes"`),
		"notes/yes.md":                    yamlPage("draft: yes"),
		"notes/draftandpublishedfalse.md": yamlPage("draft: false\npublished: false"),
	}
	values := map[string]string{"true": "true", "yes": "yes", "y": "y", "on": "on", "one": "1", "two": "2",
		"qtrue": `"true"`, "qone": `"1"`, "qt": `"t"`, "qyes": `"yes"`, "qon": `"on"`, "qy": `"y"`,
		"maybe": `"maybe"`, "qtwo": `"2"`, "half": "1.5", "no": "no", "qfalse": `"false"`}
	for name, v := range values {
		files["hugo/content/"+name+".md"] = yamlPage("draft: " + v)
	}
	root := t.TempDir()
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	got := piecePaths(a)
	want := []string{"hugo/content/cq/y.md", "hugo/content/draftwins.md", "hugo/content/draftwinstoo.md",
		"hugo/content/half.md", "hugo/content/json1.md", "hugo/content/maybe.md", "hugo/content/no.md",
		"hugo/content/qfalse.md", "hugo/content/qon.md", "hugo/content/qtwo.md", "hugo/content/qy.md",
		"hugo/content/qyes.md", "hugo/content/sq/z.md", "hugo/content/toml1.md", "hugo/content/tomlyes.md"}
	if !slices.Equal(got, want) {
		t.Errorf("pieces %v\nwant %v", got, want)
	}
}

// In a Hugo site a published that is no date folio reads is none, the
// next date key read (Hugo 0.111 as oracle: published: "1", "maybe",
// "t", 1.5 were pages, undated; published: "maybe" beside a lastmod was
// dated by the lastmod; a helper's report: folio skipped each as an
// unparseable date). A whole number is a Unix time (hugo 0.111.3 as
// oracle: published: 1 was 1970-01-01 00:00:01, TOML's published = 0
// 1970-01-01 00:00:00; folio had them undated). In a folder of notes
// such a published is still an unparseable date.
func TestHugoPublishedThatIsNoDate(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":          "title = 'x'\n",
		"hugo/content/qone.md":    page(`published: "1"`),
		"hugo/content/one.md":     page("published: 1"),
		"hugo/content/maybe.md":   page(`published: "maybe"`),
		"hugo/content/qt.md":      page(`published: "t"`),
		"hugo/content/half.md":    page("published: 1.5"),
		"hugo/content/lastmod.md": page("published: \"maybe\"\nlastmod: 2020-03-03"),
		"hugo/content/date.md":    page("published: \"1\"\ndate: 2020-02-02"),
		"hugo/content/pubdate.md": page(`published: "2021-05-01"`),
		"hugo/content/toml.md":    "+++\ntitle = 'P'\npublished = 0\n+++\nx\n",
		"notes/maybe.md":          page("published: \"maybe\"\n"),
	})
	a, probs := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"hugo/content/qone.md": "", "hugo/content/one.md": "1970-01-01", "hugo/content/maybe.md": "",
		"hugo/content/qt.md": "", "hugo/content/half.md": "", "hugo/content/lastmod.md": "2020-03-03",
		"hugo/content/date.md": "2020-02-02", "hugo/content/pubdate.md": "2021-05-01", "hugo/content/toml.md": "1970-01-01"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pieces:\n%v\nwant\n%v", got, want)
	}
	var msgs []string
	for _, p := range probs {
		if !p.Quiet {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg))
		}
	}
	if want := []string{`notes/maybe.md:3: unparseable date "maybe" (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY)`}; !slices.Equal(msgs, want) {
		t.Errorf("problems %q\nwant %q", msgs, want)
	}
}

// Jekyll reads a document's tag before its tags, and a page's tag and
// category not at all (Jekyll 4.3 as oracle: a post's or a collection
// document's tag: alpha beside tags: [beta, gamma] was alpha alone, tag:
// [] none, tag: null or false the tags; category: alpha beside
// categories: [beta, gamma] all three; a page's tag: alpha beside tags:
// [beta] beta alone; a helper's report: folio merged tag and tags). In a
// folder of notes and in a Hugo site the keys are merged, as before.
func TestJekyllReadsTagBeforeTags(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\ndate: 2021-01-01\n" + fm + "\n---\nx\n" }
	both := page("tag: alpha\ntags: [beta, gamma]")
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"jek/_config.yml":                 "title: J\ncollections:\n  notes:\n    output: true\n",
		"jek/_posts/2021-01-01-a.md":      both,
		"jek/_posts/2021-01-02-b.md":      page("tags: [beta, gamma]\ntag: alpha"),
		"jek/_posts/2021-01-03-empty.md":  page("tag: []\ntags: [beta]"),
		"jek/_posts/2021-01-04-null.md":   page("tag:\ntags: [beta]"),
		"jek/_posts/2021-01-05-false.md":  page("tag: false\ntags: [beta]"),
		"jek/_posts/2021-01-06-cats.md":   page("category: alpha\ncategories: [beta, gamma]"),
		"jek/_posts/2021-01-07-no.md":     page("tag: no\ntags: [beta]"),
		"jek/_posts/2021-01-08-noq.md":    page("tag: \"no\"\ntags: [beta]"),
		"jek/_notes/n.md":                 both,
		"jek/page.md":                     page("tag: alpha\ncategory: cat\ntags: [beta]"),
		"noconfig/_posts/2021-01-01-x.md": both,
		"notes/n.md":                      both,
		"hugo/hugo.toml":                  "title = 'x'\n",
		"hugo/content/h.md":               both,
	})
	a, _ := loadSite(t, root)
	got := map[string]string{}
	for _, x := range a.Articles {
		got[x.Path] = strings.Join(x.Tags, "|")
	}
	want := map[string]string{
		"jek/_posts/2021-01-01-a.md": "alpha", "jek/_posts/2021-01-02-b.md": "alpha",
		"jek/_posts/2021-01-03-empty.md": "", "jek/_posts/2021-01-04-null.md": "beta",
		"jek/_posts/2021-01-05-false.md": "beta", "jek/_posts/2021-01-06-cats.md": "alpha|beta|gamma",
		"jek/_posts/2021-01-07-no.md": "beta", "jek/_posts/2021-01-08-noq.md": "no",
		"jek/_notes/n.md": "alpha", "jek/page.md": "beta", "noconfig/_posts/2021-01-01-x.md": "alpha",
		"notes/n.md": "alpha|beta|gamma", "hugo/content/h.md": "alpha|beta|gamma",
	}
	for p, w := range want {
		g, ok := got[p]
		if ok {
			s := strings.Split(g, "|")
			slices.Sort(s)
			g = strings.Join(s, "|")
		}
		if !ok || g != w {
			t.Errorf("%s: tags %q (a piece: %v), want %q", p, g, ok, w)
		}
	}
}

// A Hugo section page written in HTML (_index.html, _index.htm) is read
// for its draft and cascade as an _index.md is, and is the section's page
// beside one (Hugo 0.111 as oracle: s1/_index.html with draft: true,
// s2/_index.htm with published: false, s3/_index.html with cascade:
// {draft: true} hid every page under them; s4/_index.html a draft beside
// a published _index.md hid them, s5/_index.md a draft beside a published
// _index.html did not; s6/_index.HTML, a draft, is no page and hid none;
// a helper's report: folio read no _index.html). Outside a Hugo site
// such a file is not read, nor listed, as before, nor in a Hugo site
// outside its content folder (hugo 0.111.3 as oracle: other/_index.html
// with draft: true was no page and hid nothing; folio listed it as a
// section page and hid other/o.md; o.md, which Hugo does not read
// either, is no piece as a file outside the content folder, not as a
// draft: TestHugoPagesAreInTheContentFolderAlone); on any fs.FS as on a
// real folder.
func TestHugoSectionPageInHTML(t *testing.T) {
	page := "---\ntitle: T\ndate: 2021-01-01\n---\nB"
	draft := "---\ntitle: S\ndraft: true\n---\n<p>x</p>\n"
	live := "---\ntitle: S\n---\n<p>x</p>\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":              "title = 'x'\n",
		"site/_index.html":            draft, // at the root: no page of the site
		"site/other/_index.html":      draft, // outside content/: none either
		"site/other/o.md":             page,
		"site/content/s1/_index.html": draft,
		"site/content/s1/a.md":        page,
		"site/content/s1/sub/b.md":    page,
		"site/content/s2/_index.htm":  "---\ntitle: S\npublished: false\n---\n",
		"site/content/s2/c.md":        page,
		"site/content/s3/_index.html": "---\ntitle: S\ncascade:\n  draft: true\n---\n",
		"site/content/s3/d.md":        page,
		"site/content/s4/_index.html": draft,
		"site/content/s4/_index.md":   live,
		"site/content/s4/e.md":        page,
		"site/content/s5/_index.html": live,
		"site/content/s5/_index.md":   draft,
		"site/content/s5/f.md":        page,
		"site/content/s6/_index.HTML": draft,
		"site/content/s6/g.md":        page,
		"site/content/s7/_index.html": live,
		"site/content/s7/h.md":        page,
		"notes/_index.html":           draft,
		"notes/n.md":                  page,
	})
	want := []string{"notes/n.md", "site/content/s5/f.md", "site/content/s6/g.md", "site/content/s7/h.md"}
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root))
		}
		got := piecePaths(a)
		if !slices.Equal(got, want) {
			t.Errorf("%s: pieces %v\nwant %v", how, got, want)
		}
		var html []string
		for _, p := range probs {
			if strings.Contains(p.Path, "_index.htm") || strings.Contains(p.Path, "_index.HTML") {
				html = append(html, p.Path+": "+p.Msg)
			}
		}
		slices.Sort(html)
		wantHTML := []string{"site/content/s1/_index.html: " + SectionPageMsg, "site/content/s2/_index.htm: " + SectionPageMsg,
			"site/content/s3/_index.html: " + SectionPageMsg, "site/content/s4/_index.html: " + SectionPageMsg,
			"site/content/s5/_index.html: " + SectionPageMsg, "site/content/s7/_index.html: " + SectionPageMsg}
		if !slices.Equal(html, wantHTML) {
			t.Errorf("%s: the HTML section pages' problems\n%s\nwant\n%s", how, strings.Join(html, "\n"), strings.Join(wantHTML, "\n"))
		}
	}
	// a file read alone, its section pages asked of the file system
	for p, msg := range map[string]string{"site/other/o.md": HugoOutsideContentMsg, "site/content/s1/a.md": HugoDraftSectionMsg} {
		if _, probs := ParseIn(os.DirFS(root), p, []byte(page)); len(probs) != 1 || probs[0].Msg != msg {
			t.Errorf("%s read alone: %v, want %q", p, probs, msg)
		}
	}
}

// Jekyll reads published as a flag alone, never a date (Jekyll 4.3 as
// oracle: posts with published: "maybe", 1 and 2020-05-05 were published,
// each dated by its name; a helper's report: folio skipped the first two
// as unparseable dates, and dated the third 2020-05-05). Outside a site
// published is a date, as before (an Obsidian Web Clipper's).
func TestJekyllPublishedIsNoDate(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"jek/_config.yml":                 "title: J\n",
		"jek/_posts/2021-02-01-maybe.md":  page(`published: "maybe"`),
		"jek/_posts/2021-02-02-one.md":    page("published: 1"),
		"jek/_posts/2021-02-03-date.md":   page("published: 2020-05-05"),
		"jek/page.md":                     page("published: 2020-05-05\ndate: 2019-01-01"),
		"bare/_posts/2021-02-04-maybe.md": page(`published: "maybe"`),
		"notes/clip.md":                   page("published: 2020-05-05"),
	})
	a, probs := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"jek/_posts/2021-02-01-maybe.md": "2021-02-01", "jek/_posts/2021-02-02-one.md": "2021-02-02",
		"jek/_posts/2021-02-03-date.md": "2021-02-03", "jek/page.md": "2019-01-01",
		"bare/_posts/2021-02-04-maybe.md": "2021-02-04", "notes/clip.md": "2020-05-05"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pieces:\n%v\nwant\n%v", got, want)
	}
	for _, p := range probs {
		if !p.Quiet {
			t.Errorf("problem %s:%d: %s", p.Path, p.Line, p.Msg)
		}
	}
}

// headless and _build's render are read as Hugo 0.111 casts them, in a
// page's front matter and a section's cascade. As oracle (hugo 0.111.3,
// a site of one page each): headless of a leaf bundle's index.md was
// true for true, yes, 1, "t" and a cascade's headless: yes; false for
// "yes", "on", TOML's 1, a cascade's "yes", and any headless of a
// regular page or of Index.md; _build's render was never for never,
// false, no, 0, "0", TOML's false and JSON's 0 (and Render, _Build), and
// always for "false", "no", "off", Never, "never " and 1. folio read its
// own yes or no of each (headless: "yes" hid a bundle, render: no and 0
// hid none).
func TestHugoHeadlessAndRenderCastAsHugo(t *testing.T) {
	root := t.TempDir()
	yaml := func(extra string) string { return "---\ntitle: T\ndate: 2021-01-01\n" + extra + "\n---\nB\n" }
	unrendered := map[string]bool{}
	files := map[string]string{"hugo.toml": "baseURL = 'https://ex.org/'\n"}
	page := func(p, text string, hidden bool) {
		files["content/"+p] = text
		unrendered["content/"+p] = hidden
	}
	page("h-true/index.md", yaml("headless: true"), true)
	page("h-yes/index.md", yaml("headless: yes"), true)
	page("h-one/index.md", yaml("headless: 1"), true)
	page("h-t/index.md", yaml(`headless: "t"`), true)
	page("h-quoted-yes/index.md", yaml(`headless: "yes"`), false)
	page("h-quoted-on/index.md", yaml(`headless: "on"`), false)
	page("h-toml-one/index.md", "+++\ntitle = 'T'\ndate = 2021-01-01\nheadless = 1\n+++\nB\n", false)
	page("h-capital/Index.md", yaml("headless: true"), false)
	page("h-regular.md", yaml("headless: true"), false)
	page("r-never.md", yaml("_build:\n  render: never"), true)
	page("r-false.md", yaml("_build:\n  render: false"), true)
	page("r-no.md", yaml("_build:\n  render: no"), true)
	page("r-zero.md", yaml("_build:\n  render: 0"), true)
	page("r-quoted-zero.md", yaml(`_build: {render: "0"}`), true)
	page("r-keys.md", yaml("_Build:\n  Render: never"), true)
	page("r-toml-false.md", "+++\ntitle = 'T'\ndate = 2021-01-01\n[_build]\nrender = false\n+++\nB\n", true)
	page("r-json-zero.md", `{"title": "T", "date": "2021-01-01", "_build": {"render": 0}}`+"\nB\n", true)
	page("r-quoted-false.md", yaml(`_build: {render: "false"}`), false)
	page("r-quoted-no.md", yaml(`_build: {render: "no"}`), false)
	page("r-quoted-off.md", yaml(`_build: {render: "off"}`), false)
	page("r-capital-never.md", yaml("_build: {render: Never}"), false)
	page("r-one.md", yaml("_build: {render: 1}"), false)
	files["content/c-yes/_index.md"] = "---\ntitle: S\ncascade:\n  headless: yes\n---\n"
	page("c-yes/b/index.md", yaml(""), true)
	files["content/c-quoted/_index.md"] = "---\ntitle: S\ncascade:\n  headless: \"yes\"\n---\n"
	page("c-quoted/b/index.md", yaml(""), false)
	files["content/c-no/_index.md"] = "---\ntitle: S\ncascade:\n  _build:\n    render: no\n---\n"
	page("c-no/p.md", yaml(""), true)
	files["content/c-false/_index.md"] = "---\ntitle: S\ncascade:\n  _build:\n    render: \"false\"\n---\n"
	page("c-false/p.md", yaml(""), false)
	writeFiles(t, root, files)
	a, probs := loadSite(t, root)
	for p, want := range unrendered {
		got := slices.ContainsFunc(probs, func(x Problem) bool { return x.Path == p && x.Msg == UnrenderedMsg })
		piece := slices.ContainsFunc(a.Articles, func(x Article) bool { return x.Path == p })
		if got != want || piece == want {
			t.Errorf("%s: unrendered %v, a piece %v; want unrendered %v", p, got, piece, want)
		}
	}
}

// A tag key Ruby's YAML reads as a boolean (a plain no, yes, off...) is
// no tag in a Jekyll site. As oracle (jekyll 4.3.1, {{ page.tags |
// jsonify }}): a post's tags: no and tags: yes were [], its category: off
// beside categories: [x] the categories ["x"], tag: no beside tags: [beta]
// ["beta"], a quoted tags: "no" ["no"]; a page's tags: no was false.
// folio read the tag "no", "yes" or "off". Outside a site a tags: no is
// the tag "no", as written.
func TestJekyllBooleanTagsAreNoTags(t *testing.T) {
	root := t.TempDir()
	post := func(extra string) string { return "---\ntitle: T\n" + extra + "\n---\nB\n" }
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                  "title: S\n",
		"site/_posts/2020-01-01-tags-no.md": post("tags: no"),
		"site/_posts/2020-01-01-yes.md":     post("tags: yes"),
		"site/_posts/2020-01-01-off.md":     post("category: off\ncategories: [x]"),
		"site/_posts/2020-01-01-tag-no.md":  post("tag: no\ntags: [beta]"),
		"site/_posts/2020-01-01-quoted.md":  post(`tags: "no"`),
		"site/page.md":                      post("date: 2020-01-01\ntags: no"),
		"notes/plain.md":                    post("date: 2020-01-01\ntags: no"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-tags-no.md": nil,
		"site/_posts/2020-01-01-yes.md":     nil,
		"site/_posts/2020-01-01-off.md":     {"x"},
		"site/_posts/2020-01-01-tag-no.md":  {"beta"},
		"site/_posts/2020-01-01-quoted.md":  {"no"},
		"site/page.md":                      nil,
		"notes/plain.md":                    {"no"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// An item of a tag list that Ruby's YAML reads as a boolean (a plain no,
// yes, off...) is the tag false or true in a Jekyll site, as Jekyll shows
// it. As oracle (jekyll 4.3.1, {{ page.tags | jsonify }} and {% for t in
// page.tags %}[{{ t }}]{% endfor %}): a post's tags: [no, beta, "no",
// off] was [false, "beta", "no", false], printed false, beta, no, false;
// its categories: [yes, c] printed true, c; a page's tags: [no, beta]
// [false, "beta"], its categories: [on] [true]; tag: [no] beside
// tags: [x] [false]. folio read the tags no, yes, off, beta. Outside a
// site the list is read as written.
func TestJekyllBooleanTagListItems(t *testing.T) {
	root := t.TempDir()
	post := func(extra string) string { return "---\ntitle: T\n" + extra + "\n---\nB\n" }
	writeFiles(t, root, map[string]string{
		"site/_config.yml":              "title: S\n",
		"site/_posts/2020-01-01-a.md":   post(`tags: [no, beta, "no", off]` + "\ncategories: [yes, c]"),
		"site/_posts/2020-01-01-tag.md": post("tag: [no]\ntags: [x]"),
		"site/page.md":                  post("date: 2020-01-01\ntags: [no, beta]\ncategories: [on]"),
		"notes/plain.md":                post("date: 2020-01-01\ntags: [no, beta]"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-a.md":   {"false", "beta", "no", "true", "c"},
		"site/_posts/2020-01-01-tag.md": {"false"},
		"site/page.md":                  {"false", "beta", "true"},
		"notes/plain.md":                {"no", "beta"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// Hugo reads a site's pages from its content folder alone: its
// config's contentDir, or content/, and a theme's content/ when the
// config names the theme. As oracle (hugo 0.111.3, hugo list all in the
// sites a/ and b/ below, as written): a/content/posts/a.md and
// a/themes/x/content/tp/t.md (theme = "x") were the pages of a/ (without
// theme = "x", a/content/posts/a.md alone), b/stuff/n/s.md the page of
// b/ (contentDir = "stuff"). folio listed every file as a piece. An archive above several sites reads each as its own; one
// opened at a site's content/ reads every file (no site's root in it).
func TestHugoPagesAreInTheContentFolderAlone(t *testing.T) {
	piece := "---\ntitle: T\ndate: 2021-01-01\n---\nB\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/hugo.toml":                "title = 'A'\ntheme = 'x'\n",
		"a/content/posts/a.md":       piece,
		"a/other/o.md":               piece,
		"a/themes/x/theme.toml":      "name = 'x'\n",
		"a/themes/x/README.md":       piece,
		"a/themes/x/content/tp/t.md": piece,
		"a/themes/x/notes/n.md":      piece,
		"a/themes/y/content/u.md":    piece,
		"b/config.yaml":              "title: B\ncontentDir: stuff\n",
		"b/content/posts/old.md":     piece,
		"b/stuff/n/s.md":             piece,
		"b/stuff/_index.md":          piece,
		"notes/n.md":                 piece,
		"notes/other/o.md":           piece,
	})
	a, probs := loadSite(t, root)
	sameLines(t, "pieces", piecePaths(a), []string{
		"a/content/posts/a.md", "a/themes/x/content/tp/t.md", "b/stuff/n/s.md", "notes/n.md", "notes/other/o.md",
	})
	sameLines(t, "notes", problemLines(probs, func(p Problem) bool { return p.Msg == HugoOutsideContentMsg }), []string{
		"a/other/o.md: " + HugoOutsideContentMsg + " (quiet true)",
		"a/themes/x/notes/n.md: " + HugoOutsideContentMsg + " (quiet true)",
		"a/themes/y/content/u.md: " + HugoOutsideContentMsg + " (quiet true)",
		"b/content/posts/old.md: " + HugoOutsideContentMsg + " (quiet true)",
	})
	// (a/themes/x/README.md is a theme's root file, which the scan notes)
	c, _ := loadSite(t, root+"/a/content")
	sameLines(t, "opened at a/content", piecePaths(c), []string{"posts/a.md"})
}

// In a Hugo site a date key whose value is no date is passed over, to the
// next, with a note (but for published, Jekyll's flag). As oracle (hugo
// 0.111.3): date: "maybe", maybe, "5" or 1.5, lastmod: "maybe" were
// published undated; date: "maybe" beside a lastmod, or a published, and
// pubdate: "maybe" beside a lastmod were dated by it. folio skipped each
// as an unparseable date. In a folder of notes it still is one; a date
// outside folio's years (Hugo reads it) is still said so.
func TestHugoDateThatIsNoDate(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":               "title = 'x'\n",
		"hugo/content/quoted.md":       page(`date: "maybe"`),
		"hugo/content/plain.md":        page("date: maybe"),
		"hugo/content/five.md":         page(`date: "5"`),
		"hugo/content/half.md":         page("date: 1.5"),
		"hugo/content/lastmod.md":      page("lastmod: \"maybe\""),
		"hugo/content/then-lastmod.md": page("date: \"maybe\"\nlastmod: 2020-03-03"),
		"hugo/content/then-pub.md":     page("date: \"maybe\"\npublished: 2021-02-02"),
		"hugo/content/pubdate.md":      page("pubdate: \"maybe\"\nlastmod: 2020-03-03"),
		"hugo/content/old.md":          page("date: 0999-01-01"),
		"notes/maybe.md":               page(`date: "maybe"`),
	})
	a, probs := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"hugo/content/quoted.md": "", "hugo/content/plain.md": "", "hugo/content/five.md": "",
		"hugo/content/half.md": "", "hugo/content/lastmod.md": "", "hugo/content/then-lastmod.md": "2020-03-03",
		"hugo/content/then-pub.md": "2021-02-02", "hugo/content/pubdate.md": "2020-03-03"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pieces:\n%v\nwant\n%v", got, want)
	}
	var msgs []string
	for _, p := range probs {
		if !p.Quiet {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg))
		}
	}
	slices.Sort(msgs)
	passed := func(p, k, v string) string {
		return fmt.Sprintf(`hugo/content/%s:3: %s: unparseable date %q (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY): passed over, as Hugo passes over a date it cannot read`, p, k, v)
	}
	wantMsgs := []string{passed("five.md", "date", "5"), passed("half.md", "date", "1.5"), passed("lastmod.md", "lastmod", "maybe"),
		"hugo/content/old.md:3: date 0999-01-01 is outside the years folio can count (1678–2261)",
		passed("plain.md", "date", "maybe"), passed("pubdate.md", "pubdate", "maybe"), passed("quoted.md", "date", "maybe"),
		passed("then-lastmod.md", "date", "maybe"), passed("then-pub.md", "date", "maybe"),
		`notes/maybe.md:3: unparseable date "maybe" (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY)`}
	sameLines(t, "problems", msgs, wantMsgs)
}

// A Hugo page's date in one of Go's forms that spf13/cast reads is its
// date, as Hugo's (an attack's report, hugo 0.111.3 as oracle: each of
// these dated its page 2020-05-06, 23:30 -0700 too; folio passed each over,
// "as Hugo passes over a date it cannot read", and published them
// undated); a time alone, of year 0 to Hugo, is a piece undated (a
// review: read as year 0, outside folio's years, the page was skipped).
func TestHugoGoDateForms(t *testing.T) {
	page := func(v string) string { return "---\ntitle: P\ndate: \"" + v + "\"\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":          "baseURL = 'https://e.org/'\n",
		"hugo/content/ruby.md":    page("Wed May 06 23:30:00 -0700 2020"),
		"hugo/content/unix.md":    page("Wed May  6 10:00:00 UTC 2020"),
		"hugo/content/ansic.md":   page("Wed May  6 10:00:00 2020"),
		"hugo/content/rfc850.md":  page("Wednesday, 06-May-20 10:00:00 UTC"),
		"hugo/content/nocolon.md": page("2020-05-06 10:00:00-0700"),
		"hugo/content/kitchen.md": page("3:04PM"),
	})
	a, probs := loadSite(t, root)
	want := map[string]string{"hugo/content/ruby.md": "2020-05-06", "hugo/content/unix.md": "2020-05-06",
		"hugo/content/ansic.md": "2020-05-06", "hugo/content/rfc850.md": "2020-05-06", "hugo/content/nocolon.md": "2020-05-06",
		"hugo/content/kitchen.md": ""}
	if got := datesOf(a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
	sameLines(t, "problems", problemLines(probs, func(p Problem) bool { return !p.Quiet }),
		[]string{"hugo/content/kitchen.md: date: a time of day with no date (3:04PM): passed over, as Hugo passes over a date it cannot read (quiet false)"})
}

// A Jekyll page is told from a document by its folders below its site's
// root, not the archive's. As oracle (jekyll 4.3.1, a site in an
// archive's _blog/ folder, each file with tag: alpha and tags: [beta]):
// about.md and sub/deeper.md, pages, had the tags ["beta"]; _posts/2020-01-01-p.md and
// _notes/n.md (a collection with output: true) ["alpha"]. folio read
// about.md's tags as ["alpha"], taking _blog/ for a collection's folder.
func TestJekyllPageInAnUnderscoredFolder(t *testing.T) {
	root := t.TempDir()
	doc := "---\ntitle: T\ndate: 2020-01-01\ntag: alpha\ntags: [beta]\n---\nB\n"
	writeFiles(t, root, map[string]string{
		"_blog/_config.yml":            "title: S\ncollections:\n  notes:\n    output: true\n",
		"_blog/about.md":               doc,
		"_blog/sub/deeper.md":          doc,
		"_blog/_posts/2020-01-01-p.md": doc,
		"_blog/_notes/n.md":            doc,
		"site/_config.yml":             "title: S\n",
		"site/page.md":                 doc,
		"site/_posts/2020-01-01-q.md":  doc,
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"_blog/about.md":               {"beta"},
		"_blog/sub/deeper.md":          {"beta"},
		"_blog/_posts/2020-01-01-p.md": {"alpha"},
		"_blog/_notes/n.md":            {"alpha"},
		"site/page.md":                 {"beta"},
		"site/_posts/2020-01-01-q.md":  {"alpha"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// A JSON front matter's number is no date in a Hugo site, as to Hugo,
// whose JSON decoder makes every number a float (hugo 0.111.3 as oracle:
// "date": 5, "published": 1, "date": 1500000000 left a page undated,
// "date": 1614900000 beside "lastmod": "2022-02-02" dated it by the
// lastmod; folio read each as a Unix time: 1970-01-01, 1970-01-01,
// 2017-07-14, 2021-03-04). It is passed over with a note, as a date: 1.5
// is; a year, "date": 2017, is kept as the writer meant it (to Hugo no
// date too), as YAML's date: 2017 is.
func TestHugoJSONNumberIsNoDate(t *testing.T) {
	page := func(fm string) string { return "{\"title\": \"P\", " + fm + "}\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":          "title = 'x'\n",
		"hugo/content/five.md":    page(`"date": 5`),
		"hugo/content/pub.md":     page(`"published": 1`),
		"hugo/content/unix.md":    page(`"date": 1500000000`),
		"hugo/content/lastmod.md": page(`"date": 1614900000, "lastmod": "2022-02-02"`),
		"hugo/content/year.md":    page(`"date": 2017`),
	})
	a, probs := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"hugo/content/five.md": "", "hugo/content/pub.md": "", "hugo/content/unix.md": "",
		"hugo/content/lastmod.md": "2022-02-02", "hugo/content/year.md": "2017"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
	passed := func(p, v string) string {
		return fmt.Sprintf(`hugo/content/%s: date: unparseable date %q (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY): passed over, as Hugo passes over a date it cannot read (quiet false)`, p, v)
	}
	sameLines(t, "problems", problemLines(probs, func(p Problem) bool { return !p.Quiet }),
		[]string{passed("five.md", "5"), passed("lastmod.md", "1614900000"), passed("unix.md", "1500000000")})
}

// In a Hugo site a yes or no for a date key but published is passed over
// with the note any other value that is no date has (hugo 0.111.3 as
// oracle: date: true and date: "yes" were passed over to the lastmod,
// date: no left the page undated; folio passed over each silently).
// published: true, Jekyll's flag, is passed over without one.
func TestHugoFlagDateIsNoted(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/hugo.toml":          "title = 'x'\n",
		"hugo/content/btrue.md":   page("date: true\nlastmod: 2020-03-03"),
		"hugo/content/byes.md":    page("date: \"yes\"\nlastmod: 2020-03-04"),
		"hugo/content/bno.md":     page("date: no"),
		"hugo/content/pubtrue.md": page("published: true\nlastmod: 2020-03-05"),
	})
	a, probs := loadSite(t, root)
	want := map[string]string{"hugo/content/btrue.md": "2020-03-03", "hugo/content/byes.md": "2020-03-04",
		"hugo/content/bno.md": "", "hugo/content/pubtrue.md": "2020-03-05"}
	if got := datesOf(a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
	passed := func(p, v string) string {
		return fmt.Sprintf(`hugo/content/%s: date: unparseable date %q (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY): passed over, as Hugo passes over a date it cannot read (quiet false)`, p, v)
	}
	sameLines(t, "problems", problemLines(probs, func(p Problem) bool { return !p.Quiet }),
		[]string{passed("bno.md", "no"), passed("btrue.md", "true"), passed("byes.md", "yes")})
}

// A Hugo site whose config's buildDrafts is true builds its drafts: they
// are pieces. hugo 0.111.3 as oracle: with buildDrafts = true (or "true")
// draft: true, published: false, a cascade's draft: true and the pages of
// a draft section (its cascade given them) were built; with
// buildDrafts = "yes" or TOML's 1 none was (cast as Hugo casts a flag).
// folio skipped each as a draft.
func TestHugoBuildDrafts(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\ndate: 2020-01-01\n" + fm + "\n---\nx\n" }
	files := func(site, config string) map[string]string {
		return map[string]string{
			site + "/hugo.toml":                    config,
			site + "/content/posts/d.md":           page("draft: true"),
			site + "/content/posts/s.md":           page("published: false"),
			site + "/content/posts/p.md":           page(""),
			site + "/content/sec/_index.md":        "---\ntitle: S\ndraft: true\ncascade:\n  outlet: Sec Outlet\n---\n",
			site + "/content/sec/in.md":            page(""),
			site + "/content/casc/_index.md":       "---\ntitle: C\ncascade:\n  draft: true\n---\n",
			site + "/content/casc/c.md":            page(""),
			site + "/content/bundle/index.md":      page("headless: true"),
			site + "/content/posts/never/index.md": page("_build:\n  render: never"),
		}
	}
	root := t.TempDir()
	all := map[string]string{}
	for site, config := range map[string]string{"on": "buildDrafts = true\n", "str": "builddrafts = \"true\"\n",
		"yes": "buildDrafts = \"yes\"\n", "one": "buildDrafts = 1\n", "none": "title = 'x'\n"} {
		maps.Copy(all, files(site, config))
	}
	writeFiles(t, root, all)
	a, _ := loadSite(t, root)
	built := []string{"content/casc/c.md", "content/posts/d.md", "content/posts/p.md", "content/posts/s.md", "content/sec/in.md"}
	var want []string
	for _, site := range []string{"none", "on", "one", "str", "yes"} {
		for _, p := range built {
			if site == "on" || site == "str" || p == "content/posts/p.md" {
				want = append(want, site+"/"+p)
			}
		}
	}
	sameLines(t, "pieces", piecePaths(a), want)
	if got := byPathOf(t, a, "on/content/sec/in.md").Outlet; got != "Sec Outlet" {
		t.Errorf("a draft section's page built: outlet %q, want its cascade's", got)
	}
}

// A Hugo site's [frontmatter] date says which keys date a page, in what
// order, as Hugo 0.111 reads it: :filename the name's day, :default
// Hugo's keys, each key's aliases after it. hugo 0.111.3 as oracle (.Date
// of each page): with date = [":filename", ":default"] 2019-05-06-a.md
// with date: 2020-01-01 was 2019-05-06, a bundle 2018-01-02-bund/ 2018-01-02;
// with date = ["lastmod"] a page with a date alone was undated, a
// modified: dated one; date = [] left a dated page undated, date =
// "lastmod" was ["lastmod"], Date = ["publishDate"] read a pubdate:, and
// date = ["date", ":filename"] dated an undated 2019-05-07-b.md by its
// name. folio read each page's date: as if there were no config.
func TestHugoFrontmatterDates(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	files := map[string]string{}
	for site, config := range map[string]string{
		"fn":     `date = [":filename", ":default"]`,
		"lm":     `date = ["lastmod"]`,
		"empty":  `date = []`,
		"str":    `date = "lastmod"`,
		"pub":    `Date = ["publishDate"]`,
		"datefn": `date = ["date", ":filename"]`,
	} {
		maps.Copy(files, map[string]string{
			site + "/hugo.toml":                              "title = 'x'\n[frontmatter]\n" + config + "\n",
			site + "/content/posts/2019-05-06-a.md":          page("date: 2020-01-01\nlastmod: 2021-02-02"),
			site + "/content/posts/2019-05-07-b.md":          page("pubdate: 2018-01-01"),
			site + "/content/posts/2018-01-02-bund/index.md": page(""),
			site + "/content/posts/c.md":                     page("date: 2020-01-01"),
			site + "/content/posts/e.md":                     page("modified: 2017-01-01"),
		})
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	want := map[string]string{}
	for site, dates := range map[string][5]string{ // a, b, bund, c, e
		"fn":     {"2019-05-06", "2019-05-07", "2018-01-02", "2020-01-01", "2017-01-01"},
		"lm":     {"2021-02-02", "", "", "", "2017-01-01"},
		"empty":  {"", "", "", "", ""},
		"str":    {"2021-02-02", "", "", "", "2017-01-01"},
		"pub":    {"", "2018-01-01", "", "", ""},
		"datefn": {"2020-01-01", "2019-05-07", "2018-01-02", "2020-01-01", ""},
	} {
		for i, p := range []string{"2019-05-06-a.md", "2019-05-07-b.md", "2018-01-02-bund/index.md", "c.md", "e.md"} {
			want[site+"/content/posts/"+p] = dates[i]
		}
	}
	if got := datesOf(a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
}

// A Jekyll site's _config.yml is read as Ruby's YAML 1.1 reads it: a
// plain yes, no, on, off is a boolean, so a default's tags: no is no tag
// and an item On of its list the tag true. Jekyll 4.3.1 as oracle
// ({{ page.tags | jsonify }}, {{ page.categories | jsonify }}): defaults
// {tags: no, categories: [On, beta]} gave a post [] and [true, "beta"], a
// page false and [true, "beta"]; {tags: "no", categories: ["off", x]} of
// q/ gave its page "no" and ["off", "x"]. folio read the tags no, on,
// beta for the first two.
func TestJekyllConfigReadAsRubyYAML(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.yml": "title: S\ndefaults:\n" +
			"  - scope: {path: \"\"}\n    values: {tags: no, categories: [On, beta]}\n" +
			"  - scope: {path: \"q\"}\n    values: {tags: \"no\", categories: [\"off\", x]}\n",
		"site/_posts/2020-01-01-a.md": "---\ntitle: A\n---\nx\n",
		"site/b.md":                   "---\ntitle: B\ndate: 2020-01-01\n---\nx\n",
		"site/q/q.md":                 "---\ntitle: Q\ndate: 2020-01-01\n---\nx\n",
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-a.md": {"true", "beta"},
		"site/b.md":                   {"true", "beta"},
		"site/q/q.md":                 {"no", "off", "x"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// A Hugo site's YAML config is read as Hugo 0.111's yaml.v2 reads it
// (YAML 1.1): a plain yes or on is true. hugo 0.111.3 as oracle: in
// hugo.yaml buildDrafts: on (and yes) built the drafts, buildDrafts:
// "yes" did not; folio read the string "on" and built none.
func TestHugoYAMLConfigFlags(t *testing.T) {
	root := t.TempDir()
	page := "---\ntitle: D\ndate: 2020-01-01\ndraft: true\n---\nx\n"
	writeFiles(t, root, map[string]string{
		"on/hugo.yaml":        "buildDrafts: on\n",
		"on/content/d.md":     page,
		"quoted/hugo.yaml":    "buildDrafts: \"yes\"\n",
		"quoted/content/d.md": page,
	})
	a, _ := loadSite(t, root)
	sameLines(t, "pieces", piecePaths(a), []string{"on/content/d.md"})
}

// A Hugo site's config.toml (.yaml, .yml, .json) that sets contentDir
// makes its folder a Hugo root without a content/ beside it, and a
// site's contentDir is its content folder though a content/ is there:
// its pages, section pages, ignoreFiles and config's cascade are
// content/'s no longer. hugo 0.111.3 as oracle: a/ (config.toml,
// contentDir = "posts", no content/) built a/posts/x/a.md alone, its
// tags "Middle East" one tag; b/ (hugo.toml, contentDir = "posts" beside
// content/) built b/posts/x/a.md alone, with its config's cascade's
// author: secret.md its ignoreFiles', posts/h/ under a draft
// _index.html, content/c/c.md outside. folio read a/ as no site (its
// README.md a file, the tags middle and east) and b/'s secret.md and
// posts/h/b.md as pieces, without the cascade. A config.* without
// contentDir beside no content/ is still no site's.
func TestHugoContentDirMakesTheSite(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\ndate: 2020-01-01\n" + fm + "---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/config.toml":           "title = 'A'\ncontentDir = \"posts\"\n",
		"a/posts/x/a.md":          page("tags: \"Middle East\"\n"),
		"a/README.md":             "# Read me\n",
		"a/static/s.md":           page(""),
		"b/hugo.toml":             "title = 'B'\ncontentDir = \"posts\"\nignoreFiles = ['secret\\.md$']\n[cascade]\nauthor = 'Casc Ade'\n",
		"b/posts/x/a.md":          page(""),
		"b/posts/x/secret.md":     page(""),
		"b/posts/h/_index.html":   page("draft: true\n"),
		"b/posts/h/b.md":          page(""),
		"b/content/c/c.md":        page(""),
		"b/content/c/_index.html": page(""),
		"c/config.yaml":           "ContentDir: pages\n",
		"c/pages/p.md":            page(""),
		"d/config.toml":           "title = 'not hugo'\n",
		"d/notes.md":              page("tags: \"Middle East\"\n"),
	})
	for _, how := range []string{"scan", "fs"} {
		var a *Archive
		var probs []Problem
		if how == "scan" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root)) // the walk's scan (scanFS)
		}
		sameLines(t, how+": pieces", piecePaths(a), []string{"a/posts/x/a.md", "b/posts/x/a.md", "c/pages/p.md", "d/notes.md"})
		sameLines(t, how+": notes", problemLines(probs, func(p Problem) bool { return p.Msg == HugoRootMsg }), []string{
			"a/README.md: " + HugoRootMsg + " (quiet true)",
		})
		if got := byPathOf(t, a, "a/posts/x/a.md").Tags; !slices.Equal(got, []string{"middle east"}) {
			t.Errorf("%s: a's tags %q, want one", how, got)
		}
		if got := byPathOf(t, a, "d/notes.md").Tags; len(got) != 2 {
			t.Errorf("%s: no site's tags %q, want two", how, got)
		}
		if got := byPathOf(t, a, "b/posts/x/a.md").Authors; fmt.Sprint(got) != "[Casc Ade]" {
			t.Errorf("%s: b's author %q, want its config's cascade's", how, got)
		}
	}
	// the scan tells the contentDir among its site configs, read again
	// with its folder's memo (an edit changes the file, not the folder)
	nop := func() FileFunc { return func([]byte, int64, time.Time, int64) {} }
	later := time.Now().Add(time.Hour)
	fsys := newDirFS(root)
	_, memo, configs := ScanEachMemo(fsys, nop, nil, later)
	if !configs.SiteRoots().InHugo("a/posts/x/a.md") || configs.SiteRoots().InHugo("d/notes.md") {
		t.Errorf("site configs %v: a/ not a Hugo root, or d/ one", slices.Sorted(maps.Keys(configs)))
	}
	writeFiles(t, root, map[string]string{"a/config.toml": "title = 'A'\n", "d/config.toml": "contentdir = 'x'\n"})
	_, _, configs = ScanEachMemo(fsys, nop, memo, later)
	if configs.SiteRoots().InHugo("a/posts/x/a.md") || !configs.SiteRoots().InHugo("d/notes.md") {
		t.Errorf("after the edit, site configs %v: a/ still a Hugo root, or d/ not one", slices.Sorted(maps.Keys(configs)))
	}
}

// A Jekyll site's tags are read as Jekyll reads them: a number for a
// plural key is no tag, a document's list is flattened, and a page's
// string is one tag. As oracle (jekyll 4.3.1, {{ page.tags | jsonify }}
// and {% for t in page.tags %}[{{ t }}]{% endfor %}): a post's tags: 5
// and tags: 1.5 were [], tags: [1, true, no, null, "no"] [1, true, false,
// "no"], tags: [[a, b], c] ["a", "b", "c"] printed [a][b][c], tag: 5 [5];
// a page's tags: "a b" and tags: "a, b" printed whole, one string, its
// tags: 5 printed nothing. folio read the tags 5, 1.5, "a, b" and c, and
// split the pages' strings. Outside a site they are read as before.
func TestJekyllTagShapes(t *testing.T) {
	root := t.TempDir()
	post := func(extra string) string { return "---\ntitle: T\n" + extra + "\n---\nB\n" }
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                "title: S\n",
		"site/_posts/2020-01-01-five.md":  post("tags: 5"),
		"site/_posts/2020-01-01-half.md":  post("tags: 1.5"),
		"site/_posts/2020-01-01-mixed.md": post(`tags: [1, true, no, null, "no"]`),
		"site/_posts/2020-01-01-nest.md":  post("tags: [[a, b], c]"),
		"site/_posts/2020-01-01-tag.md":   post("tag: 5"),
		"site/_posts/2020-01-01-words.md": post("tags: a b"),
		"site/space.md":                   post("date: 2020-01-01\ntags: \"a b\""),
		"site/comma.md":                   post("date: 2020-01-01\ntags: \"a, b\""),
		"site/five.md":                    post("date: 2020-01-01\ntags: 5"),
		"notes/five.md":                   post("date: 2020-01-01\ntags: 5"),
		"notes/nest.md":                   post("date: 2020-01-01\ntags: [[a, b], c]"),
		"notes/words.md":                  post("date: 2020-01-01\ntags: a b"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-five.md":  nil,
		"site/_posts/2020-01-01-half.md":  nil,
		"site/_posts/2020-01-01-mixed.md": {"1", "true", "false", "no"},
		"site/_posts/2020-01-01-nest.md":  {"a", "b", "c"},
		"site/_posts/2020-01-01-tag.md":   {"5"},
		"site/_posts/2020-01-01-words.md": {"a", "b"},
		"site/space.md":                   {"a b"},
		"site/comma.md":                   {"a, b"},
		"site/five.md":                    nil,
		"notes/five.md":                   {"5"},
		"notes/nest.md":                   {"a, b", "c"},
		"notes/words.md":                  {"a", "b"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// A Jekyll site's _config.toml's [[defaults]], a TOML list of tables,
// gives its pages their values as a _config.yml's defaults: list does.
// Jekyll 4.3.1 as oracle: [[defaults]] scope = {path = ""} values =
// {tags = ["fromtoml"]} gave a post the tag fromtoml, and a set written
// with [defaults.scope] and [defaults.values] tables the author; folio
// read no defaults (the list decoded as []map[string]any).
func TestJekyllTOMLConfigDefaults(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.toml": "title = \"S\"\n[[defaults]]\nscope = {path = \"\"}\nvalues = {tags = [\"fromtoml\"]}\n" +
			"[[defaults]]\n[defaults.scope]\npath = \"_posts\"\ntype = \"posts\"\n[defaults.values]\nauthor = \"Tom Lee\"\n",
		"site/_posts/2020-01-01-p.md": "---\ntitle: P\n---\nx\n",
		"site/b.md":                   "---\ntitle: B\ndate: 2020-01-01\n---\nx\n",
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string]string{
		"site/_posts/2020-01-01-p.md": "[fromtoml] [Tom Lee]",
		"site/b.md":                   "[fromtoml] []",
	} {
		x := byPathOf(t, a, p)
		if got := fmt.Sprint(x.Tags, " ", x.Authors); got != want {
			t.Errorf("%s: tags, authors %s, want %s", p, got, want)
		}
	}
}

// A Jekyll defaults scope with a * holds a file whose path starts with
// one of the glob's files or folders as a string (Jekyll's glob_scope:
// Dir.glob's paths, each tested with start_with?), not only the folders
// on its path. Jekyll 4.3.1 as oracle: x/*/y gave its tag to x/q/y/a.md,
// x/q/y.md and x/q/yz.md beside the folder x/q/y, not to x/r/yy.md;
// sub/*/ (folders alone) to sub/deep/s.md and sub/deeper.md, not
// sub/de.md; f/a* to f/ab.md and f/ab.md.txt.md. folio gave x/*/y's to
// x/q/y/a.md alone, sub/*/'s to sub/deep/s.md alone.
func TestJekyllDefaultsGlobIsAStringPrefix(t *testing.T) {
	root := t.TempDir()
	page := "---\ntitle: T\n---\nx\n"
	files := map[string]string{
		"site/_config.yml": "title: S\ndefaults:\n" +
			"  - scope: {path: \"x/*/y\"}\n    values: {tags: [mid]}\n" +
			"  - scope: {path: \"sub/*/\"}\n    values: {tags: [slash]}\n" +
			"  - scope: {path: \"f/a*\"}\n    values: {tags: [file]}\n",
	}
	for _, p := range []string{"x/q/y.md", "x/q/y/a.md", "x/q/yz.md", "x/r/yy.md", "sub/deep/s.md", "sub/deeper.md", "sub/de.md", "f/ab.md", "f/ab.md.txt.md", "f/b.md"} {
		files["site/"+p] = page
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	var got []string
	for _, p := range piecePaths(a) {
		got = append(got, p+" "+strings.Join(byPathOf(t, a, p).Tags, "+"))
	}
	sameLines(t, "tags", got, []string{
		"site/f/ab.md file",
		"site/f/ab.md.txt.md file",
		"site/f/b.md ",
		"site/sub/de.md ",
		"site/sub/deep/s.md slash",
		"site/sub/deeper.md slash",
		"site/x/q/y.md mid",
		"site/x/q/y/a.md mid",
		"site/x/q/yz.md mid",
		"site/x/r/yy.md ",
	})
}

// A Jekyll site whose config sets unpublished builds its pages, posts
// and collections' documents with published: false (their own or a
// default's): they are pieces. Jekyll 4.3.1 as oracle: with
// unpublished: true (yes, "true") in _config.yml a post and a page with
// published: false were built, and a post under a default's
// published: false, with unpublished: false or none not (a post's
// draft: true, no key of Jekyll's, was built with each:
// TestJekyllDraftKeyIsNoDraft). folio skipped them. The config's sum holds it, so that an edit re-reads the
// site.
func TestJekyllUnpublished(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for site, config := range map[string]string{"on": "unpublished: true\n", "yes": "unpublished: yes\n",
		"str": "unpublished: \"true\"\n", "off": "unpublished: false\n", "none": "title: N\n"} {
		files[site+"/_config.yml"] = config + "defaults:\n  - scope: {path: \"dd\"}\n    values: {published: false}\n"
		files[site+"/_posts/2020-01-01-u.md"] = "---\ntitle: U\npublished: false\n---\nx\n"
		files[site+"/_posts/2020-01-02-p.md"] = "---\ntitle: P\n---\nx\n"
		files[site+"/_posts/2020-01-03-d.md"] = "---\ntitle: D\ndraft: true\n---\nx\n"
		files[site+"/up.md"] = "---\ntitle: UP\ndate: 2020-01-01\npublished: false\n---\nx\n"
		files[site+"/dd/_posts/2020-01-04-dd.md"] = "---\ntitle: DD\n---\nx\n"
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	var want []string
	for _, site := range []string{"none", "off", "on", "str", "yes"} {
		for _, p := range []string{"_posts/2020-01-01-u.md", "_posts/2020-01-02-p.md", "_posts/2020-01-03-d.md", "dd/_posts/2020-01-04-dd.md", "up.md"} {
			if site != "none" && site != "off" || p == "_posts/2020-01-02-p.md" || p == "_posts/2020-01-03-d.md" {
				want = append(want, site+"/"+p)
			}
		}
	}
	slices.Sort(want)
	sameLines(t, "pieces", piecePaths(a), want)
	fsys := os.DirFS(root)
	before := ConfigCascadeSum(fsys, "off")
	writeFiles(t, root, map[string]string{"off/_config.yml": "unpublished: true\ndefaults:\n  - scope: {path: \"dd\"}\n    values: {published: false}\n"})
	if ConfigCascadeSum(fsys, "off") == before {
		t.Error("the config's sum is the same after unpublished was set")
	}
}

// A Jekyll site reads the numbers of its tag keys as Ruby's YAML
// (Psych) does: sexagesimal 1:20 is 4800, 0o17, 09 and 1e3 are strings,
// 1,000 is 1000, floats written as Ruby writes them. Jekyll 4.3.1 as
// oracle: tags: [1:20, 010, 0x1f, 1_000, 0b101, 1.5, 3, "010", 1:20:30,
// 0o17, 09, 1e3, ~, null] was page.tags [4800, 8, 31, 1000, 5, 1.5, 3,
// "010", 4830, "0o17", "09", "1e3"]; a block list of 1,000, 1000.0, 1.,
// 2.5e+3, -1:30, 1e20, 1.0e+20 [1000, 1000.0, 1.0, 2500.0, -1800,
// "1e20", 1.0e+20]; tags: 1:20 none (a number), tags: 0o17 ["0o17"],
// categories: [09] ["09"]. folio read 1:20, 15, 9, 1000 (1e3), 1,000,
// 1000, 1, 2500, -1:30 and 1e+20, and tags: 0o17 none. Outside a site as
// before.
func TestJekyllTagNumbersAsRubyReadsThem(t *testing.T) {
	root := t.TempDir()
	post := func(fm string) string { return "---\ntitle: T\n" + fm + "\n---\nb\n" }
	list := "tags: [1:20, 010, 0x1f, 1_000, 0b101, 1.5, 3, \"010\", 1:20:30, 0o17, 09, 1e3, ~, null]"
	writeFiles(t, root, map[string]string{
		"j/_config.yml":            "title: J\n",
		"j/_posts/2021-01-01-a.md": post(list),
		"j/_posts/2021-01-02-b.md": post("tags:\n  - 1,000\n  - 1000.0\n  - 1.\n  - 2.5e+3\n  - -1:30\n  - 1e20\n  - 1.0e+20"),
		"j/_posts/2021-01-03-c.md": post("tags: 1:20"),
		"j/_posts/2021-01-04-d.md": post("tags: 0o17"),
		"j/_posts/2021-01-05-e.md": post("tags: 1e3\ncategories: [09]"),
		"notes/n.md":               post("date: 2021-01-01\n" + list),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string]string{
		"j/_posts/2021-01-01-a.md": "4800|8|31|1000|5|1.5|3|010|4830|0o17|09|1e3",
		"j/_posts/2021-01-02-b.md": "1000|1000.0|1.0|2500.0|-1800|1e20|1.0e+20",
		"j/_posts/2021-01-03-c.md": "",
		"j/_posts/2021-01-04-d.md": "0o17",
		"j/_posts/2021-01-05-e.md": "1e3|09",
		"notes/n.md":               "1:20|8|31|1000|5|1.5|3|010|1:20:30|15|9",
	} {
		if got := strings.Join(byPathOf(t, a, p).Tags, "|"); got != want {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// jekyllTagCase is a post's front matter line (a tag key's) and the tags
// folio reads of it in a Jekyll site, joined by "|".
type jekyllTagCase struct{ fm, want string }

// checkJekyllTags writes each case as a post of a Jekyll site and checks
// the tags folio reads of it.
func checkJekyllTags(t *testing.T, cases []jekyllTagCase) {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{"_config.yml": "title: J\n"}
	for i, c := range cases {
		files[fmt.Sprintf("_posts/2021-01-01-p%d.md", i)] = "---\ntitle: T\n" + c.fm + "\n---\nb\n"
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	for i, c := range cases {
		if got := strings.Join(byPathOf(t, a, fmt.Sprintf("_posts/2021-01-01-p%d.md", i)).Tags, "|"); got != c.want {
			t.Errorf("%s: tags %q, want %q", truncate(c.fm, 120), truncate(got, 120), truncate(c.want, 120))
		}
	}
}

// A Jekyll site's sexagesimal tag number is Ruby's Integer, unbounded:
// Jekyll 4.3.1 as oracle, tags: [9999999999999999999:00] was page.tags
// [35999999999999999996400] (folio: -3600, int64 overflowed), tag: the
// same the tag 35999999999999999996400, tags: the same none (a number).
func TestJekyllSexagesimalTagsPastInt64(t *testing.T) {
	checkJekyllTags(t, []jekyllTagCase{
		{"tags: [9999999999999999999:00, -9999999999999999999:00:01, -0:30, 99999999999999999999999999999999999999:59:59, +1:20, -1:30]",
			"35999999999999999996400|-35999999999999999996399|1800|359999999999999999999999999999999999999999|4800|-1800"},
		{"tag: 9999999999999999999:00", "35999999999999999996400"},
		{"tags: 9999999999999999999:00", ""},
	})
}

// A sexagesimal's parts are read as Ruby's to_i and to_f read them: an
// underscore between two digits passed over, a second one ending the
// number. Jekyll 4.3.1 as oracle: tags: [1__2:30] was page.tags [5400]
// ("1__2".to_i is 1; folio: 45000, every underscore dropped), and the
// list below as wanted.
func TestJekyllSexagesimalPartsAsRubyReadsThem(t *testing.T) {
	checkJekyllTags(t, []jekyllTagCase{
		{"tags: [1__2:30, 1_:20, 1_2:30, 1__2:30.5, 1:30.5_5, 2:30.5__5, 1:30._5, 1__2:30:15, -1__2:30]",
			"5400|4800|45000|5430.0|5433.0|9030.0|5400.0|5415|-1800"},
		{"tag: 1__2:30", "5400"},
	})
}

// A Jekyll site's tag integer is Ruby's Integer, unbounded, in any base,
// written in decimal; past int64 a number still, so a plural key's is no
// tag. Jekyll 4.3.1 as oracle: the list below was page.tags
// [18446744073709551616, 1000000000000000000000, 4722366482869645213695,
// -9223372036854775808, -18446744073709551615, 99999999999999999999,
// -9223372036854775809, 9223372036854775808, 18446744073709551616] (folio
// showed all but the decimals as written), 0x and a thousand f's the
// 1205 digits of 16^1000-1 (cut to MaxNameBytes), tag:
// 0x1_0000_0000_0000_0000 [18446744073709551616], and each plural key's
// number none (folio: the tag 99999999999999999999, 0x1_0000…).
func TestJekyllTagIntegersPastInt64(t *testing.T) {
	var x big.Int
	x.Exp(big.NewInt(16), big.NewInt(1000), nil).Sub(&x, big.NewInt(1))
	checkJekyllTags(t, []jekyllTagCase{
		{"tags: [0x1_0000_0000_0000_0000, 1_000_000_000_000_000_000_000, 0777777777777777777777777, -0x8000000000000000, -0b1111111111111111111111111111111111111111111111111111111111111111, 99999999999999999999, -9223372036854775809, 9223372036854775808, 0b1_0000000000000000000000000000000000000000000000000000000000000000]",
			"18446744073709551616|1000000000000000000000|4722366482869645213695|-9223372036854775808|-18446744073709551615|99999999999999999999|-9223372036854775809|9223372036854775808"},
		{"tags:\n  - 1,000,000,000,000,000,000,000\n  - -1,0:30\n  - 0x,1", "1000000000000000000000|-1,0:30|1"},
		{"tags: [0x" + strings.Repeat("f", 1000) + "]", x.String()[:MaxNameBytes]},
		{"tag: 0x1_0000_0000_0000_0000", "18446744073709551616"},
		{"tag: 99999999999999999999", "99999999999999999999"},
		{"tags: 99999999999999999999", ""},
		{"tags: 0x1_0000_0000_0000_0000", ""},
		{"tags: 1_000_000_000_000_000_000_000", ""},
		{"tags: 0777777777777777777777777", ""},
		{"tags: 0x" + strings.Repeat("f", 5000), ""}, // past maxRubyBits, a number still
	})
}

// A Jekyll site's tag float past a float's range is Ruby's Float():
// Infinity, a number, so a plural key's is no tag. Jekyll 4.3.1 as
// oracle: tags: [1.0e+400, -1.0e+400, 1.0e-400, -1.0e-400, 1.5e+308,
// 2.5e-324] was page.tags [Infinity, -Infinity, 0.0, -0.0, 1.5e+308,
// 5.0e-324] (folio: 1.0e+400 and -1.0e+400 as written, strconv's range
// error taken for no number), tags: [1.0e+400] in a block list the same,
// and tags: 1.0e+400 none (folio: the tag 1.0e+400).
func TestJekyllTagFloatsPastTheirRange(t *testing.T) {
	checkJekyllTags(t, []jekyllTagCase{
		{"tags: [1.0e+400, -1.0e+400, 1.0e-400, -1.0e-400, 1.5e+308, 2.5e-324]", "infinity|-infinity|0.0|-0.0|1.5e+308|5.0e-324"},
		{"tags:\n  - 1.0e+400\n  - x", "infinity|x"},
		{"tags: 1.0e+400", ""},
		{"tags: 1.0e-400", ""},
	})
}

// A Jekyll post's singular tag key's float is written as Ruby writes it,
// as its list's items are. Jekyll 4.3.1 as oracle: each tag: below was
// page.tags of the one tag wanted (but in lower case); folio wrote them
// as Go does: 1000, 150000, 1, 4830, 1e+20, -0, +inf, 1e-07, -inf, NaN.
func TestJekyllSingularTagFloatsAsRubyWritesThem(t *testing.T) {
	checkJekyllTags(t, []jekyllTagCase{
		{"tag: 1000.0", "1000.0"},
		{"tag: 1.5E+5", "150000.0"},
		{"tag: 1.", "1.0"},
		{"tag: 1:20.5", "4830.0"},
		{"tag: 1.0e+20", "1.0e+20"},
		{"tag: -0.0", "-0.0"},
		{"tag: .inf", "infinity"},
		{"tag: 0.0000001", "1.0e-07"},
		{"tag: -.inf", "-infinity"},
		{"tag: .nan", "nan"},
		{"tag: 1.5", "1.5"},
		{"tag: 1:20", "4800"},
		{"tag: 010", "8"},
		{"tag: 1.0e+400", "infinity"},
	})
}

// A Jekyll site whose config sets show_drafts (anything but false or
// nothing, as Ruby reads it) publishes the posts of its _drafts/, titled
// and dated by their names when their front matter does not say: they
// are pieces, in each scan (the reader's watch: ui's
// TestArchiveDirsSkipsSiteFolders). Jekyll 4.3.1 as oracle: with
// show_drafts: true, yes, "false" or 0, _drafts/a-draft.md was built
// titled "A Draft" (dated by its file's time, which folio does not read),
// 2020-02-03-dated-one.md "Dated One" of 2020-02-03, c.md with its title
// and date by them; with no, false or none not. folio passed over every
// _drafts/ by its name. Outside a Jekyll site _drafts/ stays passed over.
func TestJekyllShowDrafts(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{"notes/_drafts/n.md": "---\ntitle: N\ndate: 2020-01-01\n---\nx\n"}
	sites := map[string]string{"on": "show_drafts: true\n", "yes": "show_drafts: yes\n", "str": "show_drafts: \"false\"\n",
		"zero": "show_drafts: 0\n", "no": "show_drafts: no\n", "off": "show_drafts: false\n", "none": "title: N\n"}
	for site, config := range sites {
		files[site+"/_config.yml"] = config
		files[site+"/_drafts/a-draft.md"] = "---\nlayout: post\n---\nx\n"
		files[site+"/_drafts/2020-02-03-dated-one.md"] = "---\nlayout: post\n---\nx\n"
		files[site+"/_drafts/c.md"] = "---\ntitle: C\ndate: 2019-01-01\n---\nx\n"
		files[site+"/_posts/2020-01-02-p.md"] = "---\ntitle: P\n---\nx\n"
	}
	writeFiles(t, root, files)
	var want []string
	for site := range sites {
		want = append(want, site+"/_posts/2020-01-02-p.md 2020-01-02 P")
		if site != "no" && site != "off" && site != "none" {
			want = append(want, site+"/_drafts/2020-02-03-dated-one.md 2020-02-03 Dated One",
				site+"/_drafts/a-draft.md  A Draft", site+"/_drafts/c.md 2019-01-01 C")
		}
	}
	slices.Sort(want)
	lines := func(arts []Article) []string {
		var out []string
		for _, x := range arts {
			out = append(out, x.Path+" "+x.Date.String()+" "+x.Title)
		}
		slices.Sort(out)
		return out
	}
	a, probs := loadSite(t, root)
	sameLines(t, "pieces (Open)", lines(a.Articles), want)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	b, _ := Load(os.DirFS(root))
	sameLines(t, "pieces (Load of an fs.FS)", lines(b.Articles), want)
}

// A Jekyll site reads no draft key: a post's or a page's draft: true is
// published, and published: false alone hides one. Jekyll 4.3.1 as
// oracle: _posts/2021-01-02-x.md with draft: true was built
// (page.draft true); folio hid it as a draft. Outside a site draft: true
// is a draft as before, and in a Hugo site too.
func TestJekyllDraftKeyIsNoDraft(t *testing.T) {
	root := t.TempDir()
	page := func(fm string) string { return "---\ntitle: T\ndate: 2020-01-01\n" + fm + "\n---\nb\n" }
	writeFiles(t, root, map[string]string{
		"j/_config.yml":                "title: J\n",
		"j/_posts/2021-01-02-x.md":     page("draft: true"),
		"j/_posts/2021-01-03-y.md":     page("draft: true\npublished: false"),
		"j/_posts/2021-01-04-z.md":     page("draft: false\npublished: false"),
		"j/about.md":                   page("draft: yes"),
		"posts/_posts/2021-01-05-w.md": page("draft: true"),
		"h/hugo.toml":                  "title = 'H'\n",
		"h/content/d.md":               page("draft: true"),
		"notes/n.md":                   page("draft: true"),
		"notes/m.md":                   page("draft: false"),
	})
	a, _ := loadSite(t, root)
	sameLines(t, "pieces", piecePaths(a), []string{"j/_posts/2021-01-02-x.md", "j/about.md", "notes/m.md", "posts/_posts/2021-01-05-w.md"})
}

// A Hugo site's YAML tag keys are read as Hugo 0.111's yaml.v2 (YAML 1.1)
// reads them: a plain y, n, on, off… is a boolean, the tag true or false.
// hugo 0.111.3 as oracle: tags: [y, n, Y, ON, off] gave the terms true,
// false; tags: y the term true; categories: [yes, "no", off] true, no,
// false; keywords: [on, x] printed [true x], topics: [n, "y"] [false y].
// folio read the tags y, n, on, off. Outside a Hugo site, and in a
// Jekyll site (Ruby's YAML: y and n are strings), they are read as before.
func TestHugoYAML11Tags(t *testing.T) {
	root := t.TempDir()
	page := func(fm string) string { return "---\ntitle: T\ndate: 2020-01-01\n" + fm + "\n---\nb\n" }
	writeFiles(t, root, map[string]string{
		"h/hugo.toml":              "title = 'H'\n",
		"h/content/p1.md":          page("tags: [y, n, Y, ON, off]"),
		"h/content/p5.md":          page("tags: y"),
		"h/content/c.md":           page("categories: [yes, \"no\", off]"),
		"h/content/k.md":           page("keywords: [on, x]\ntopics: [n, \"y\"]"),
		"h/content/q.md":           page("tags: [\"y\", 'on', x]"),
		"notes/n.md":               page("tags: [y, n, on]"),
		"j/_config.yml":            "title: J\n",
		"j/_posts/2020-01-01-p.md": page("tags: [y, n, on]"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string]string{
		"h/content/p1.md":          "true false",
		"h/content/p5.md":          "true",
		"h/content/c.md":           "true no false",
		"h/content/k.md":           "true x false y",
		"h/content/q.md":           "y on x",
		"notes/n.md":               "y n on",
		"j/_posts/2020-01-01-p.md": "y n true",
	} {
		if got := strings.Join(byPathOf(t, a, p).Tags, " "); got != want {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// A Jekyll site reads a title's plain yes, no, on, off… as Ruby's YAML
// 1.1 does: a boolean, shown as true or false, a post's false its title
// from its name; a Hugo site as its yaml.v2 does (y and n too). Jekyll
// 4.3.1 as oracle: a page's title: yes showed true, title: NO false,
// title: 'yes' and title: y as written; a post's title: On true, title:
// no "Post No"; hugo 0.111.3: title: yes and y true, N and off false,
// 'yes' as written. folio showed each as written. Outside a site as
// written.
func TestSiteTitleFlagAsTheSiteReadsIt(t *testing.T) {
	root := t.TempDir()
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nb\n" }
	writeFiles(t, root, map[string]string{
		"j/_config.yml":                   "title: J\n",
		"j/_posts/2021-01-02-post-yes.md": page("yes"),
		"j/_posts/2021-01-03-post-no.md":  page("no"),
		"j/_posts/2021-01-04-post-on.md":  page("On"),
		"j/page-no.md":                    page("NO"),
		"j/page-yes.md":                   page("yes"),
		"j/page-q.md":                     page("'yes'"),
		"j/page-y.md":                     page("y"),
		"h/hugo.toml":                     "title = 'H'\n",
		"h/content/p.md":                  page("yes"),
		"h/content/y.md":                  page("y"),
		"h/content/n.md":                  page("N"),
		"h/content/off.md":                page("off"),
		"h/content/q.md":                  page("'yes'"),
		"notes/n.md":                      page("yes"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string]string{
		"j/_posts/2021-01-02-post-yes.md": "true",
		"j/_posts/2021-01-03-post-no.md":  "Post No",
		"j/_posts/2021-01-04-post-on.md":  "true",
		"j/page-no.md":                    "false",
		"j/page-yes.md":                   "true",
		"j/page-q.md":                     "yes",
		"j/page-y.md":                     "y",
		"h/content/p.md":                  "true",
		"h/content/y.md":                  "true",
		"h/content/n.md":                  "false",
		"h/content/off.md":                "false",
		"h/content/q.md":                  "yes",
		"notes/n.md":                      "yes",
	} {
		if got := byPathOf(t, a, p).Title; got != want {
			t.Errorf("%s: title %q, want %q", p, got, want)
		}
	}
}

// A Hugo site makes no term of a tag list's item that is a list or a
// table. hugo 0.111.3 as oracle: tags: [a, [b, c]] (YAML, TOML or
// JSON) and [a, {name: x}, [b]] gave the term a alone, categories:
// [[c, d]] none; folio read a and "b, c", x. Outside a Hugo site, and in
// a Jekyll post (which flattens the list), as before.
func TestHugoTagListInAListIsNoTerm(t *testing.T) {
	root := t.TempDir()
	page := func(fm string) string { return "---\ntitle: T\ndate: 2020-01-01\n" + fm + "\n---\nb\n" }
	writeFiles(t, root, map[string]string{
		"h/hugo.toml":              "title = 'H'\n",
		"h/content/y.md":           page("tags: [a, [b, c]]"),
		"h/content/m.md":           page("tags: [a, {name: x}, [b]]\ncategories: [[c, d]]"),
		"h/content/t.md":           "+++\ntitle = 'T'\ndate = 2020-01-01\ntags = ['a', ['b', 'c']]\n+++\nb\n",
		"h/content/j.md":           "{\"title\": \"T\", \"date\": \"2020-01-01\", \"tags\": [\"a\", [\"b\"]]}\nb\n",
		"notes/n.md":               page("tags: [a, [b, c]]"),
		"j/_posts/2020-01-01-p.md": page("tags: [a, [b, c]]"),
	})
	a, _ := loadSite(t, root)
	for p, want := range map[string]string{
		"h/content/y.md":           "a",
		"h/content/m.md":           "a",
		"h/content/t.md":           "a",
		"h/content/j.md":           "a",
		"notes/n.md":               "a|b, c",
		"j/_posts/2020-01-01-p.md": "a|b|c",
	} {
		if got := strings.Join(byPathOf(t, a, p).Tags, "|"); got != want {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// A Hugo contentDir that is empty, null, a table or a list is content/,
// and a number or flag names the folder Go writes it as (Hugo reads it a
// string). hugo 0.111.3 as oracle (an attack's sites): contentDir: "",
// contentDir: ~ and contentDir = "" built content/c.md alone;
// contentDir: 010 (YAML's octal) 8/e.md, contentDir: y true/t.md,
// contentDir: 1:20 1:20/s.md; contentDir = 1.5 1.5/'s, a table
// content/'s. folio could not tell and listed every file of the site.
func TestHugoContentDirThatIsNoPlainString(t *testing.T) {
	page := "---\ntitle: P\ndate: 2020-01-03\n---\nx\n"
	files := map[string]string{}
	want := []string{}
	for site, c := range map[string]struct{ config, page string }{
		"empty": {"hugo.yaml:contentDir:\n", "content/c.md"},
		"quote": {"hugo.toml:contentDir = \"\"\n", "content/c.md"},
		"null":  {"hugo.yaml:contentDir: ~\n", "content/c.md"},
		"table": {"hugo.toml:[contentDir]\na = 1\n", "content/c.md"},
		"list":  {"hugo.toml:contentDir = [1]\n", "content/c.md"},
		"octal": {"hugo.yaml:contentDir: 010\n", "8/e.md"},
		"flag":  {"hugo.yaml:contentDir: y\n", "true/t.md"},
		"time":  {"hugo.yaml:contentDir: 1:20\n", "1:20/s.md"},
		"float": {"hugo.toml:contentDir = 1.5\n", "1.5/h.md"},
		"json":  {"hugo.json:{\"contentDir\": 8}\n", "8/e.md"},
		"old":   {"config.toml:contentDir = 8\n", "8/e.md"},
	} {
		name, body, _ := strings.Cut(c.config, ":")
		files[site+"/"+name] = body
		for _, p := range []string{"content/c.md", "8/e.md", "010/o.md", "true/t.md", "y/y.md", "1:20/s.md", "4800/q.md", "1.5/h.md", "notes/n.md"} {
			files[site+"/"+p] = page
		}
		want = append(want, site+"/"+c.page)
	}
	root := t.TempDir()
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	slices.Sort(want)
	sameLines(t, "pieces", piecePaths(a), want)
}

// A Hugo contentDir's spaces are its folder's. hugo 0.111.3 as oracle:
// with contentDir = " posts" (hugo.toml or config.toml) beside posts/
// no page was built, with "posts " the page of the folder "posts ",
// with "  " the folder "  "'s; folio trimmed them, reading posts/x/p.md.
func TestHugoContentDirSpacesAreTheFolders(t *testing.T) {
	page := "---\ntitle: P\ndate: 2020-01-02\n---\nx\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/hugo.toml":      "contentDir = \" posts\"\n",
		"a/posts/x/p.md":   page,
		"b/config.toml":    "contentDir = \" posts\"\n",
		"b/posts/x/p.md":   page,
		"c/hugo.toml":      "contentDir = \"posts \"\n",
		"c/posts/x/p.md":   page,
		"c/posts /x/q.md":  page,
		"d/hugo.toml":      "contentDir = \"  \"\n",
		"d/content/c.md":   page,
		"d/  /s.md":        page,
		"e/hugo.toml":      "contentDir = \"posts/\"\n",
		"e/posts/x/p.md":   page,
		"e/content/x/c.md": page,
	})
	a, _ := loadSite(t, root)
	sameLines(t, "pieces", piecePaths(a), []string{"c/posts /x/q.md", "d/  /s.md", "e/posts/x/p.md"})
}

// A Hugo site whose config says no [frontmatter] date dates its pages by
// Hugo's own keys, not JSON Feed's date_published. hugo 0.111.3 as oracle
// (an attack's site): date_published: 2019-01-01 alone left the page
// undated (0001-01-01); folio dated it. published and modified still date
// a page there, and date_published one outside a site.
func TestHugoDatePublishedIsNoDate(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":         "title = 'x'\n",
		"site/content/jf.md":     page("date_published: 2019-01-01"),
		"site/content/pub.md":    page("published: 2019-01-02"),
		"site/content/mod.md":    page("modified: 2019-01-03"),
		"site/content/before.md": page("date_published: 2019-01-01\nlastmod: 2019-01-04"),
		"notes/jf.md":            page("date_published: 2019-01-05"),
	})
	a, _ := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"site/content/jf.md": "", "site/content/pub.md": "2019-01-02", "site/content/mod.md": "2019-01-03",
		"site/content/before.md": "2019-01-04", "notes/jf.md": "2019-01-05"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
}

// A Hugo site whose config's [frontmatter] gives no date dates no page
// by its name: :filename is none of Hugo's default keys. hugo 0.111.3
// as oracle: content/posts/2019-05-07-b.md and 2019-05-08-c/index.md
// without a date were undated (0001-01-01), with [frontmatter] lastmod
// alone too, 2019-05-09_d.md with a lastmod dated by it; folio dated
// each by its name. Outside a site, and with date = [":filename"], a
// name dates its page as before.
func TestHugoDefaultDatesReadNoFileName(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\n" + fm + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/hugo.toml":                           "title = 'x'\n",
		"site/content/posts/2019-05-07-b.md":       page(""),
		"site/content/posts/2019-05-08-c/index.md": page(""),
		"site/content/posts/2019-05-09_d.md":       page("lastmod: 2020-01-01"),
		"lm/hugo.toml":                             "[frontmatter]\nlastmod = ['lastmod']\n",
		"lm/content/2019-05-10-e.md":               page(""),
		"fn/hugo.toml":                             "[frontmatter]\ndate = [':filename', ':default']\n",
		"fn/content/2019-05-11-f.md":               page(""),
		"notes/2019-05-12-g.md":                    page(""),
	})
	a, _ := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"site/content/posts/2019-05-07-b.md": "", "site/content/posts/2019-05-08-c/index.md": "",
		"site/content/posts/2019-05-09_d.md": "2020-01-01", "lm/content/2019-05-10-e.md": "",
		"fn/content/2019-05-11-f.md": "2019-05-11", "notes/2019-05-12-g.md": "2019-05-12"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
}

// A folder whose one Hugo config is config/production/ (Hugo's default
// environment for a build) is a Hugo root. hugo 0.111.3 as oracle (an
// attack's site): config/production/hugo.toml with buildDrafts = true
// beside content/ built content/d.md, a draft; folio read the folder as
// no site's, skipping the draft and listing the README. A
// config/staging/ alone makes no site (hugo reads it with --environment
// staging alone).
func TestHugoConfigProductionAloneMakesTheSite(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\ndate: 2020-01-02\n" + fm + "---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/config/production/hugo.toml": "buildDrafts = true\n",
		"a/content/d.md":                page("draft: true\n"),
		"a/content/n.md":                page(""),
		"a/README.md":                   "# Read me\n",
		"b/config/staging/hugo.toml":    "buildDrafts = true\n",
		"b/content/d.md":                page("draft: true\n"),
		"b/README.md":                   page(""),
	})
	for _, how := range []string{"scan", "fs"} {
		var a *Archive
		if how == "scan" {
			a, _ = loadSite(t, root)
		} else {
			a, _ = Load(os.DirFS(root)) // the walk's scan (scanFS)
		}
		sameLines(t, how+": pieces", piecePaths(a), []string{"a/content/d.md", "a/content/n.md", "b/README.md"})
	}
}

// A Hugo config folder's file named after a top-level key gives that key
// (Hugo reads config/_default/params.toml as params, and so any key).
// hugo 0.111.3 as oracle (an attack's sites): config/_default/
// frontmatter.toml with date = ["lastmod"] dated a page by its lastmod,
// cascade.toml with draft = true built no page; with [frontmatter] date
// = ["lastmod"] in the folder's hugo.toml beside frontmatter.toml's date
// = ["date"] the lastmod dated it, and config/production/frontmatter.toml's
// won over config/_default/'s. folio read none of them. One that cannot
// be decoded is a site config problem.
func TestHugoConfigFolderKeyFiles(t *testing.T) {
	page := "---\ntitle: P\ndate: 2020-01-02\nlastmod: 2021-03-04\n---\nx\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/config/_default/hugo.toml":          "title = 'x'\ncontentDir = 'posts'\n",
		"a/config/_default/frontmatter.toml":   "date = ['lastmod']\n",
		"a/posts/a.md":                         page,
		"b/config/_default/hugo.toml":          "title = 'x'\n",
		"b/config/_default/cascade.yaml":       "draft: true\n",
		"b/content/b.md":                       page,
		"c/config/_default/hugo.toml":          "[frontmatter]\ndate = ['lastmod']\n",
		"c/config/_default/frontmatter.toml":   "date = ['date']\n",
		"c/content/c.md":                       page,
		"d/config/_default/frontmatter.toml":   "date = ['date']\n",
		"d/config/production/frontmatter.json": `{"date": ["lastmod"]}`,
		"d/content/d.md":                       page,
		"e/config/_default/hugo.toml":          "title = 'x'\n",
		"e/config/_default/cascade.toml":       "draft = \n",
		"e/content/e.md":                       page,
	})
	a, probs := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"a/posts/a.md": "2021-03-04", "c/content/c.md": "2021-03-04", "d/content/d.md": "2021-03-04", "e/content/e.md": "2020-01-02"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
	var bad []string
	for _, p := range probs {
		if strings.Contains(p.Msg, "site config cannot be decoded") {
			bad = append(bad, p.Path)
		}
	}
	sameLines(t, "config problems", bad, []string{"e/config/_default/cascade.toml"})
}

// A Hugo config's table is merged over its files: config/production/'s
// over config/_default/'s (and its files named after the key) over the
// root's, the winning file's keys over the others'. hugo 0.111.3 as
// oracle (an attack's site): config/_default/'s [frontmatter] date =
// ["lastmod"] beside config/production/'s [frontmatter] publishDate =
// ["date"] dated a page by its lastmod; the root's [cascade] draft = true
// beside config/_default/'s [cascade] foo = 1 made its page a draft;
// config/production/'s date = ["date"] over config/_default/'s date =
// ["lastmod"] dated it by its date. folio read the winning file's table
// alone.
func TestHugoConfigTablesMerge(t *testing.T) {
	page := "---\ntitle: P\ndate: 2020-01-02\nlastmod: 2021-05-05\n---\nx\n"
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"a/config/_default/hugo.toml":    "[frontmatter]\ndate = ['lastmod']\n",
		"a/config/production/hugo.toml":  "[frontmatter]\npublishDate = ['date']\n",
		"a/content/a.md":                 page,
		"b/hugo.toml":                    "[cascade]\ndraft = true\n",
		"b/config/_default/hugo.toml":    "[cascade]\nfoo = 1\n",
		"b/content/b.md":                 page,
		"c/config/_default/hugo.toml":    "[frontmatter]\ndate = ['lastmod']\n",
		"c/config/production/hugo.toml":  "[frontmatter]\nDate = ['date']\n",
		"c/content/c.md":                 page,
		"d/config/_default/cascade.toml": "draft = true\n",
		"d/config/production/hugo.toml":  "[cascade]\nfoo = 1\n",
		"d/content/d.md":                 page,
	})
	a, _ := loadSite(t, root)
	got := datesOf(a)
	want := map[string]string{"a/content/a.md": "2021-05-05", "c/content/c.md": "2020-01-02"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
}

// A key a Jekyll site's _config.yml gives twice is its last value's, as
// Ruby's YAML reads it, at any depth: the rest of the config is read.
// Jekyll 4.3.1 as oracle: show_drafts: false, title, then show_drafts:
// true built _drafts/d.md, the two values swapped did not; two defaults:
// keys, each set's values giving tags: [c] then tags: [d], gave a post
// ["d"]. folio refused the whole config ("mapping key already defined"):
// no draft, no default, and a problem.
func TestJekyllConfigKeyGivenTwice(t *testing.T) {
	root := t.TempDir()
	post := "---\ntitle: P\n---\nx\n"
	draft := "---\ntitle: D\ndate: 2020-01-01\n---\nx\n"
	writeFiles(t, root, map[string]string{
		"on/_config.yml":             "show_drafts: false\ntitle: On\nshow_drafts: true\n",
		"on/_drafts/d.md":            draft,
		"on/_posts/2020-01-02-p.md":  post,
		"off/_config.yml":            "show_drafts: true\ntitle: Off\nshow_drafts: false\n",
		"off/_drafts/d.md":           draft,
		"off/_posts/2020-01-02-p.md": post,
		"tags/_config.yml": "defaults:\n  - scope: {path: \"\"}\n    values: {tags: [a], tags: [b]}\n" +
			"defaults:\n  - scope: {path: \"\"}\n    values: {tags: [c], tags: [d]}\n",
		"tags/_posts/2020-01-02-p.md": post,
	})
	a, probs := loadSite(t, root)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	sameLines(t, "pieces", piecePaths(a), []string{"off/_posts/2020-01-02-p.md", "on/_drafts/d.md", "on/_posts/2020-01-02-p.md", "tags/_posts/2020-01-02-p.md"})
	if got := byPathOf(t, a, "tags/_posts/2020-01-02-p.md").Tags; !slices.Equal(got, []string{"d"}) {
		t.Errorf("tags %q, want [d]", got)
	}
}

// A Jekyll site that shows its drafts reads a category's too: the
// _drafts/ of each folder Jekyll walks into (x/_drafts/, x/y/_drafts/),
// its posts posts to the defaults, not the _drafts/ of a folder it passes
// over (_notes/), nor any of a site that does not show drafts, nor of a
// site whose root is above the archive (whose other files are no site's
// either: SiteRoots). Jekyll 4.3.1 as oracle: with show_drafts: true,
// x/_drafts/cat-draft.md and x/y/_drafts/deep-draft.md were built
// (categories ["x"] and ["x", "y"], page.author the defaults' type
// posts'), as x/_posts/'s posts are; folio passed over every _drafts/
// but the root's.
func TestJekyllCategoryDrafts(t *testing.T) {
	root := t.TempDir()
	draft := "---\ntitle: D\ndate: 2020-01-01\n---\nx\n"
	config := "defaults:\n  - scope: {path: \"\", type: posts}\n    values: {author: Poster}\n" +
		"  - scope: {path: \"\", type: pages}\n    values: {author: Pager}\n"
	writeFiles(t, root, map[string]string{
		"on/_config.yml":                     "show_drafts: true\n" + config,
		"on/_drafts/a.md":                    draft,
		"on/x/_drafts/cat-draft.md":          draft,
		"on/x/y/_drafts/deep-draft.md":       draft,
		"on/x/_posts/2020-01-02-p.md":        draft,
		"on/_notes/_drafts/n.md":             draft,
		"on/#x/_drafts/h.md":                 draft,
		"on/inner/_config.yml":               "title: Inner\n",
		"on/inner/x/_drafts/i.md":            draft,
		"off/_config.yml":                    "title: Off\n",
		"off/x/_drafts/o.md":                 draft,
		"notes/x/_drafts/n.md":               draft,
		"above/_config.yml":                  "show_drafts: true\n",
		"above/sub/x/_drafts/s.md":           draft,
		"above/sub/_drafts/s.md":             draft,
		"above/sub/x/_posts/2020-01-02-p.md": draft,
	})
	want := []string{"on/_drafts/a.md", "on/x/_drafts/cat-draft.md", "on/x/_posts/2020-01-02-p.md", "on/x/y/_drafts/deep-draft.md"}
	for _, open := range []struct {
		name string
		load func() *Archive
	}{
		{"Open", func() *Archive { a, _ := loadSite(t, root+"/on"); return a }},
		{"Load", func() *Archive { a, _ := Load(os.DirFS(root + "/on")); return a }},
	} {
		a := open.load()
		var got []string
		for _, p := range piecePaths(a) {
			got = append(got, "on/"+p)
		}
		sameLines(t, "pieces of on/ ("+open.name+")", got, want)
		for _, p := range []string{"x/_drafts/cat-draft.md", "x/y/_drafts/deep-draft.md"} {
			if got := byPathOf(t, a, p).Authors; len(got) != 1 || got[0] != "Poster" {
				t.Errorf("%s (%s): authors %v, want [Poster] (a post to the defaults)", p, open.name, got)
			}
		}
	}
	a, _ := loadSite(t, root)
	var paths []string
	for _, p := range piecePaths(a) {
		if !strings.HasPrefix(p, "on/") {
			paths = append(paths, p)
		}
	}
	// above/ holds the drafts of its folders' when the archive holds it
	sameLines(t, "pieces but on/'s", paths, []string{"above/sub/_drafts/s.md", "above/sub/x/_drafts/s.md", "above/sub/x/_posts/2020-01-02-p.md"})
	for _, open := range []struct {
		name string
		load func() *Archive
	}{
		{"Open", func() *Archive { a, _ := loadSite(t, root+"/above/sub"); return a }},
		{"Load", func() *Archive { a, _ := Load(os.DirFS(root + "/above/sub")); return a }},
	} {
		// the site's root above the archive: no site's folders
		sameLines(t, "pieces of above/sub ("+open.name+")", piecePaths(open.load()), []string{"x/_posts/2020-01-02-p.md"})
	}
}

// A key a Hugo site's YAML config gives twice is its last value's, as
// Hugo 0.111 reads it. hugo 0.111.3 as oracle: buildDrafts: false then
// true in hugo.yaml built content/d.md, a draft, true then false did
// not; folio refused the config ("mapping key already defined"), the
// draft unread and a problem.
func TestHugoConfigKeyGivenTwice(t *testing.T) {
	root := t.TempDir()
	page := "---\ntitle: D\ndate: 2020-01-01\ndraft: true\n---\nx\n"
	writeFiles(t, root, map[string]string{
		"on/hugo.yaml":     "buildDrafts: false\ntitle: On\nbuildDrafts: true\n",
		"on/content/d.md":  page,
		"off/hugo.yaml":    "buildDrafts: true\ntitle: Off\nbuildDrafts: false\n",
		"off/content/d.md": page,
	})
	a, probs := loadSite(t, root)
	for _, p := range probs {
		if !p.Quiet { // off/'s draft is one
			t.Errorf("problem: %v", p)
		}
	}
	sameLines(t, "pieces", piecePaths(a), []string{"on/content/d.md"})
}

// A Hugo site whose config gives its languages their own contentDir
// reads its pages from those folders, as hugo 0.111.3 built them (its
// hugo list all): both/ (en content/en, fr content/fr) content/en/posts/a.md,
// content/fr/posts/b.md and secret.md, not content/d.md, content/other/c.md
// nor other/e.md; secret.md with content/fr/_index.md's cascaded author
// and the config cascade's tags of target path "/posts/**" (from fr's
// folder); fronly/ (fr's alone) every page of content/, content/fr/'s
// too; off/ (disableLanguages = ["FR"]) and flag/ (fr's disabled = true)
// content/en/'s alone; keyfile/ (config/_default/languages.toml)
// content/en/'s alone; old/ (a config.toml whose languages set contentDir,
// no content/) pages/en/e.md and pages/fr/f.md, a tags string one tag.
// folio could not tell and read every file, and read old/ as no site.
// empty/ (fr's contentDir "": Hugo read every file of the site as fr's)
// folio still cannot tell, and reads every file.
func TestHugoLanguageContentDirs(t *testing.T) {
	page := func(fm string) string { return "---\ntitle: P\ndate: 2020-01-01\n" + fm + "---\nx\n" }
	langs := func(extra, fr string) string {
		return "title = 'S'\n" + extra + "[languages.en]\nweight = 1\ncontentDir = 'content/en'\n[languages.FR]\nweight = 2\n" + fr
	}
	site := func(dir, config string) map[string]string {
		return map[string]string{
			dir + "/hugo.toml":                  config,
			dir + "/content/en/posts/a.md":      page(""),
			dir + "/content/fr/posts/b.md":      page("tags: \"Middle East\"\n"),
			dir + "/content/fr/_index.md":       "---\ntitle: Fr\ncascade:\n  author: Fr Cascade\n---\n",
			dir + "/content/fr/posts/secret.md": page(""),
			dir + "/content/d.md":               page(""),
			dir + "/content/other/c.md":         page(""),
			dir + "/other/e.md":                 page(""),
		}
	}
	files := map[string]string{
		"old/config.toml":   "title = 'S'\n[languages.en]\ncontentDir = 'pages/en'\n[languages.fr]\ncontentDir = 'pages/fr'\n",
		"old/pages/en/e.md": page("tags: \"Middle East\"\n"),
		"old/pages/fr/f.md": page(""),
		"old/README.md":     "# Read me\n",
		"old/x/n.md":        page(""),
	}
	for dir, config := range map[string]string{
		"both":   langs("[[cascade]]\ntags = 'Cas'\n[cascade._target]\npath = '/posts/**'\n", "contentDir = 'content/fr/'\n"),
		"fronly": "title = 'S'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\ncontentDir = './content/fr'\n",
		"off":    langs("disableLanguages = ['fr']\n", "contentDir = 'content/fr'\n"),
		"flag":   langs("", "contentDir = 'content/fr'\ndisabled = true\n"),
		"empty":  langs("", "contentDir = ''\n"),
	} {
		maps.Copy(files, site(dir, config))
	}
	maps.Copy(files, site("keyfile", ""))
	delete(files, "keyfile/hugo.toml")
	files["keyfile/config/_default/hugo.toml"] = "title = 'S'\n"
	files["keyfile/config/_default/languages.toml"] = "[en]\ncontentDir = 'content/en'\n"
	root := t.TempDir()
	writeFiles(t, root, files)
	all := []string{"content/d.md", "content/en/posts/a.md", "content/fr/posts/b.md", "content/fr/posts/secret.md", "content/other/c.md"}
	var want []string
	for dir, pieces := range map[string][]string{
		"both":    {"content/en/posts/a.md", "content/fr/posts/b.md", "content/fr/posts/secret.md"},
		"fronly":  all,
		"off":     {"content/en/posts/a.md"},
		"flag":    {"content/en/posts/a.md"},
		"keyfile": {"content/en/posts/a.md"},
		"empty":   append(slices.Clone(all), "other/e.md"),
		"old":     {"pages/en/e.md", "pages/fr/f.md"},
	} {
		for _, p := range pieces {
			want = append(want, dir+"/"+p)
		}
	}
	slices.Sort(want)
	for _, how := range []string{"scan", "fs"} {
		var a *Archive
		var probs []Problem
		if how == "scan" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root)) // the walk's scan (scanFS)
		}
		sameLines(t, how+": pieces", piecePaths(a), want)
		sameLines(t, how+": notes of both/", problemLines(probs, func(p Problem) bool {
			return strings.HasPrefix(p.Path, "both/") && p.Msg == HugoOutsideContentMsg
		}), []string{
			"both/content/d.md: " + HugoOutsideContentMsg + " (quiet true)",
			"both/content/other/c.md: " + HugoOutsideContentMsg + " (quiet true)",
			"both/other/e.md: " + HugoOutsideContentMsg + " (quiet true)",
		})
		secret := byPathOf(t, a, "both/content/fr/posts/secret.md")
		if fmt.Sprint(secret.Authors) != "[Fr Cascade]" || !slices.Equal(secret.Tags, []string{"cas"}) {
			t.Errorf("%s: both's secret.md: authors %q, tags %q; want [Fr Cascade], [cas]", how, secret.Authors, secret.Tags)
		}
		for _, p := range []string{"both/content/fr/posts/b.md", "old/pages/en/e.md"} {
			if got := byPathOf(t, a, p).Tags; !slices.Equal(got, []string{"middle east"}) {
				t.Errorf("%s: %s's tags %q, want one (a Hugo site's string)", how, p, got)
			}
		}
	}
}

// Jekyll titles an untitled document of a collection with output by its
// name, as it does a post, and dates a dated name's (Document#populate_title
// runs for every collection document: Jekyll 4.3.1 as oracle,
// _notes/plain-note.md was "Plain Note", _notes/2019-02-02-dated-note.md
// "Dated Note" of 2019-02-02, _notes/2019-3-4-short.md "Short" of
// 2019-03-04, title: false or no value as none; an attack's report: folio
// titled them by their file names). A page is titled by its file's name,
// as before, and so is a document whose title is "" (Ruby's ||= keeps it).
func TestJekyllCollectionDocumentTitles(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                     "collections:\n  notes:\n    output: true\n",
		"site/_notes/plain-note.md":            "---\n---\nx\n",
		"site/_notes/2019-02-02-dated-note.md": "---\n---\nx\n",
		"site/_notes/sub/2019-3-4-short.md":    "---\ntitle: false\n---\nx\n",
		"site/_notes/null-title.md":            "---\ntitle:\n---\nx\n",
		"site/_notes/empty-title.md":           "---\ntitle: \"\"\n---\nx\n",
		"site/_notes/own.md":                   "---\ntitle: Own\ndate: 2020-01-01\n---\nx\n",
		"site/plain-page.md":                   "---\n---\nx\n",
		"notes/_notes/2019-02-02-outside.md":   "---\ntitle: T\n---\nx\n",
	})
	a, probs := loadSite(t, root)
	if len(probs) != 0 {
		t.Errorf("problems: %v", problemLines(probs, nil))
	}
	var got []string
	for _, x := range a.Articles {
		got = append(got, fmt.Sprintf("%s: %q %s", x.Path, x.Title, x.Date))
	}
	slices.Sort(got)
	sameLines(t, "pieces", got, []string{
		`notes/_notes/2019-02-02-outside.md: "T" 2019-02-02`,
		`site/_notes/2019-02-02-dated-note.md: "Dated Note" 2019-02-02`,
		`site/_notes/empty-title.md: "empty-title" `,
		`site/_notes/null-title.md: "Null Title" `,
		`site/_notes/own.md: "Own" 2020-01-01`,
		`site/_notes/plain-note.md: "Plain Note" `,
		`site/_notes/sub/2019-3-4-short.md: "Short" 2019-03-04`,
		`site/plain-page.md: "plain-page" `,
	})
}

// A draft's name and a collection document's are read alike, but for
// two edges each keeps: a name of an impossible day is a draft's title
// whole (2021 02 30 No Such Day) and a document's slug (No Such Day);
// trailing dots are cut from a draft's name before its date is read
// (2021-01-01-..md: no slug, undated) and from a document's slug after
// (dated, untitled); a name of its extension alone (.md) is a draft's
// nothing and a document's ".md".
func TestJekyllDraftAndDocumentNames(t *testing.T) {
	say := func(n jekyllName) string { return fmt.Sprintf("%q %s %v", n.title, n.date, n.undated) }
	for _, c := range []struct{ base, draft, doc string }{
		{"a-draft.md", `"A Draft"  true`, `"A Draft"  true`},
		{"2020-02-03-dated-one.md", `"Dated One" 2020-02-03 false`, `"Dated One" 2020-02-03 false`},
		{"21-1-2-short.md", `"Short" 2021-01-02 false`, `"Short" 2021-01-02 false`},
		{"2021-01-01-a.b.md", `"A.b" 2021-01-01 false`, `"A.b" 2021-01-01 false`},
		{"2021-01-01-slug...md", `"Slug" 2021-01-01 false`, `"Slug" 2021-01-01 false`},
		{"plain..md", `"Plain"  true`, `"Plain"  true`},
		{"plain.", `"Plain"  true`, `"Plain"  true`},
		{"noext", `"Noext"  true`, `"Noext"  true`},
		{"2021-01-01-.md", `"2021 01 01"  true`, `"2021 01 01"  true`},
		{"2021-02-30-no-such-day.md", `"2021 02 30 No Such Day"  true`, `"No Such Day"  true`},
		{"2021-13-01-x..md", `"2021 13 01 X"  true`, `"X"  true`},
		{"2021-02-30-.md", `"2021 02 30"  true`, `"2021 02 30"  true`},
		{"2021-01-01-..md", `"2021 01 01"  true`, `"" 2021-01-01 false`},
		{".md", `""  true`, `".md"  true`},
		{"..md", `""  true`, `""  true`},
	} {
		d, ok := jekyllDraft("site/_drafts/" + c.base)
		if got := say(d); !ok || got != c.draft {
			t.Errorf("draft %s: %s (%v), want %s", c.base, got, ok, c.draft)
		}
		if got := say(jekyllDocName(c.base)); got != c.doc {
			t.Errorf("document %s: %s, want %s", c.base, got, c.doc)
		}
	}
	if _, ok := jekyllDraft("site/_posts/a.md"); ok {
		t.Error("a post read as a draft")
	}
}

// In a Jekyll site a file is never lost for its date (an attack's report
// against Jekyll 4.3.1: a post's date: "2020-5-6" or Sat, 02 May 2020,
// and a page's 06.05.2020, were skipped as unparseable, where Jekyll
// published each): a date Ruby's Time.parse reads is read as it reads it
// (06.05.2020 is 6 May); another, which Jekyll 4.3.1 fails the build on
// for a post or a collection document ("does not have a valid date"),
// dates a post by its name and leaves a document without a dated name,
// or a page (whose date Jekyll never reads), undated, check naming the
// file and line. Outside a site such a date is still a problem.
func TestJekyllDatesFolioCannotParse(t *testing.T) {
	post := func(date string) string { return "---\ntitle: T\ndate: " + date + "\n---\nx\n" }
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                 "collections:\n  notes:\n    output: true\n",
		"site/_posts/2020-01-01-a.md":      post(`"2020-5-6"`),
		"site/_posts/2020-01-02-b.md":      post("Sat, 02 May 2020"),
		"site/_posts/2020-01-03-c.md":      post("2020-05-06T10:00:00+02"),
		"site/_posts/2020-01-04-d.md":      post("20200506"),
		"site/_posts/2020-01-05-e.md":      post("2020.05.06"),
		"site/_posts/2020-01-06-spring.md": post("sometime in spring"),
		"site/page.md":                     post("06.05.2020"),
		"site/spring.md":                   post("sometime in spring"),
		"site/_notes/n.md":                 post("sometime in spring"),
		"site/_notes/2019-02-02-dated.md":  post("sometime in spring"),
		"notes/x.md":                       post("06.05.2020"),
	})
	a, probs := loadSite(t, root)
	var got []string
	for p, d := range datesOf(a) {
		got = append(got, p+" "+d)
	}
	slices.Sort(got)
	sameLines(t, "dates", got, []string{
		"site/_notes/2019-02-02-dated.md 2019-02-02",
		"site/_notes/n.md ",
		"site/_posts/2020-01-01-a.md 2020-05-06",
		"site/_posts/2020-01-02-b.md 2020-05-02",
		"site/_posts/2020-01-03-c.md 2020-05-06",
		"site/_posts/2020-01-04-d.md 2020-05-06",
		"site/_posts/2020-01-05-e.md 2020-05-06",
		"site/_posts/2020-01-06-spring.md 2020-01-06",
		"site/page.md 2020-05-06",
		"site/spring.md ",
	})
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, fmt.Sprintf("%s:%d fatal %v: %s", p.Path, p.Line, p.Fatal, p.Msg))
	}
	slices.Sort(msgs)
	bad := `unparseable date "sometime in spring" (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY)`
	sameLines(t, "problems", msgs, []string{
		`notes/x.md:3 fatal true: unparseable date "06.05.2020" (want YYYY-MM-DD, RFC 3339, YYYY-MM or YYYY)`,
		"site/_notes/2019-02-02-dated.md:3 fatal false: date: " + bad + ": Jekyll 4.3 reads it as Ruby's Time.parse does, or fails the build on it; dated by its name, 2019-02-02",
		"site/_notes/n.md:3 fatal false: date: " + bad + ": Jekyll 4.3 reads it as Ruby's Time.parse does, or fails the build on it; undated",
		"site/_posts/2020-01-06-spring.md:3 fatal false: date: " + bad + ": Jekyll 4.3 reads it as Ruby's Time.parse does, or fails the build on it; dated by its name, 2020-01-06",
		"site/spring.md:3 fatal false: date: " + bad + ": undated, as Jekyll publishes a page whose date it does not read",
	})
}

// A Jekyll config's collections_dir is where Jekyll reads its
// collections, _posts and _drafts alone (Jekyll 4.3.1 as oracle, with
// collections_dir: col: col/_essays/e.md, col/_posts/2019-01-04-in.md,
// col/sub/_posts/2019-01-05-insub.md and the page col/page.md were
// pages, _posts/2019-01-03-root.md, sub/_posts/… and _essays/e2.md were
// not, an untitled col/_essays/untitled-essay.md was "Untitled Essay" and
// a default of type essays gave both essays its tag; folio read the
// root's _posts/ and passed over col/_essays/, an attack's report). Its
// sum changes with it, so that the index reads the site's files again.
func TestJekyllCollectionsDir(t *testing.T) {
	page := "---\ntitle: T\n---\nx\n"
	root := t.TempDir()
	config := "collections_dir: col\ncollections:\n  essays:\n    output: true\ndefaults:\n  - scope: {type: essays}\n    values: {tags: [fromdefault]}\n"
	writeFiles(t, root, map[string]string{
		"site/_config.yml":                        config,
		"site/_posts/2019-01-03-root.md":          page,
		"site/sub/_posts/2019-01-06-rootsub.md":   page,
		"site/_essays/e2.md":                      page,
		"site/col/_essays/e.md":                   page,
		"site/col/_essays/untitled-essay.md":      "---\n---\nx\n",
		"site/col/_posts/2019-01-04-in.md":        page,
		"site/col/sub/_posts/2019-01-05-insub.md": page,
		"site/col/page.md":                        page,
	})
	a, probs := loadSite(t, root)
	var got []string
	for _, x := range a.Articles {
		got = append(got, fmt.Sprintf("%s: %q %s %v", x.Path, x.Title, x.Date, x.Tags))
	}
	slices.Sort(got)
	sameLines(t, "pieces", got, []string{
		`site/col/_essays/e.md: "T"  [fromdefault]`,
		`site/col/_essays/untitled-essay.md: "Untitled Essay"  [fromdefault]`,
		`site/col/_posts/2019-01-04-in.md: "T" 2019-01-04 []`,
		`site/col/page.md: "T"  []`,
		`site/col/sub/_posts/2019-01-05-insub.md: "T" 2019-01-05 [sub]`, // its folder's category (jekyllPathCategories)
	})
	sameLines(t, "problems", problemLines(probs, nil), []string{
		"site/_essays/e2.md: " + JekyllFolderMsg + " (quiet true)",
		"site/_posts/2019-01-03-root.md: " + JekyllFolderMsg + " (quiet true)",
		"site/sub/_posts/2019-01-06-rootsub.md: " + JekyllFolderMsg + " (quiet true)",
	})
	fsys := os.DirFS(filepath.Join(root, "site"))
	before := ConfigCascadeSum(fsys, ".")
	if err := os.WriteFile(filepath.Join(root, "site/_config.yml"), []byte(strings.Replace(config, "collections_dir: col", "collections_dir: other", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if ConfigCascadeSum(fsys, ".") == before {
		t.Error("ConfigCascadeSum did not change with the collections_dir")
	}
}

// A time of day alone is no date anywhere (a review: read as year 0,
// outside folio's years, a Hugo page or Jekyll post of one was skipped):
// in a Jekyll site a post takes its name's date (Ruby's Time.parse dates
// it the day of the build), a page is undated; elsewhere it is a problem.
func TestTimeOfDayAloneIsNoDate(t *testing.T) {
	root := t.TempDir()
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: \"3:04PM\"\n---\nx\n" }
	writeFiles(t, root, map[string]string{
		"site/_config.yml":               "title: s\n",
		"site/_posts/2020-01-05-post.md": page("Post"),
		"site/page.md":                   page("Page"),
		"plain/note.md":                  page("Note"),
	})
	a, probs := loadSite(t, root)
	want := map[string]string{"site/_posts/2020-01-05-post.md": "2020-01-05", "site/page.md": ""}
	if got := datesOf(a); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates:\n%v\nwant\n%v", got, want)
	}
	sameLines(t, "problems", problemLines(probs, func(p Problem) bool { return true }), []string{
		"plain/note.md: a time of day with no date (3:04PM) (quiet false)",
		"site/_posts/2020-01-05-post.md: date: a time of day with no date (3:04PM): Jekyll 4.3 dates it the day of the build; dated by its name, 2020-01-05 (quiet false)",
		"site/page.md: date: a time of day with no date (3:04PM): undated, as Jekyll publishes a page whose date it does not read (quiet false)",
	})
}

// A day with a time, as Ruby's Time.parse reads it, dates a Jekyll post
// (a review, jekyll 4.3.1 as oracle: "2020-05-06 3:04PM" and "6 May 2020
// 10:00" dated their posts 2020-05-06, folio by their names); a time
// alone ("10:00") is no date, said so.
func TestJekyllDayAndTime(t *testing.T) {
	for in, want := range map[string]string{
		"2020-05-06 3:04PM": "2020-05-06", "2020-05-06 3:04 PM": "2020-05-06",
		"6 May 2020 10:00": "2020-05-06", "6 January 2020 10:00": "2020-01-06",
	} {
		if d, ok := jekyllDate(in); !ok || d.String() != want {
			t.Errorf("jekyllDate(%q) = %s, %v; want %s", in, d, ok, want)
		}
	}
	for _, in := range []string{"10:00", "12:30:45"} {
		if _, err := ParseDate(in); !errors.Is(err, errTimeAlone) {
			t.Errorf("ParseDate(%q): %v, want a time of day with no date", in, err)
		}
	}
}

// A Jekyll config's collections_dir is read as written for its posts:
// Jekyll reads a folder's _posts/ when its path, after a /, starts with
// the collections_dir as written after a /, as strings (Jekyll 4.3.1 as
// oracle, jekyll build of each site: with ./col/, ./col, /col or . no
// post was built, with col/ col/sub/_posts/ alone, with col colx/_posts/
// and column/sub/_posts/ too, with a/b a/bc/_posts/; folio read the
// first four as col and . as none, reading their posts, and passed over
// colx/ and a/bc/). Its collections are read in the folder it names,
// cleaned (col/_essays/e.md is an essay of each of the col's). Each
// sums apart, so that the index reads the site's files again.
func TestJekyllCollectionsDirAsWritten(t *testing.T) {
	sums := map[uint32]string{}
	page := "---\ntitle: T\n---\nx\n"
	col := []string{"col/_posts/2019-01-04-in.md", "col/sub/_posts/2019-01-05-insub.md", "col/_essays/e.md", "col/page.md"}
	for _, c := range []struct {
		dir   string
		files []string
		want  []string
	}{
		{"./col/", col, []string{"col/_essays/e.md", "col/page.md"}},
		{"./col", col, []string{"col/_essays/e.md", "col/page.md"}},
		{"/col", col, []string{"col/_essays/e.md", "col/page.md"}},
		{"col/", col, []string{"col/_essays/e.md", "col/page.md", "col/sub/_posts/2019-01-05-insub.md"}},
		{"col", []string{"col/_posts/2019-01-04-in.md", "colx/_posts/2019-01-05-x.md", "column/sub/_posts/2019-01-06-y.md", "colx/page.md"},
			[]string{"col/_posts/2019-01-04-in.md", "column/sub/_posts/2019-01-06-y.md", "colx/_posts/2019-01-05-x.md", "colx/page.md"}},
		{"a/b", []string{"a/b/_posts/2019-01-04-in.md", "a/_posts/2019-01-05-up.md", "a/bc/_posts/2019-01-06-bc.md", "a/b/_essays/e.md"},
			[]string{"a/b/_essays/e.md", "a/b/_posts/2019-01-04-in.md", "a/bc/_posts/2019-01-06-bc.md"}},
		{".", []string{"_posts/2019-01-04-in.md", "sub/_posts/2019-01-05-insub.md", "_essays/e.md", "page.md"},
			[]string{"_essays/e.md", "page.md"}},
	} {
		t.Run(c.dir, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{"_config.yml": fmt.Sprintf("collections_dir: %q\ncollections:\n  essays:\n    output: true\n", c.dir)}
			for _, f := range c.files {
				files[f] = page
			}
			writeFiles(t, root, files)
			a, _ := loadSite(t, root)
			sameLines(t, "pieces", piecePaths(a), c.want)
			sum := ConfigCascadeSum(os.DirFS(root), ".")
			if other, ok := sums[sum]; ok {
				t.Errorf("ConfigCascadeSum of %q is %q's", c.dir, other)
			}
			sums[sum] = c.dir
		})
	}
}

// A Jekyll collections_dir starting with _ is read for its collections
// alone: Jekyll walks no folder starting with _ for its pages and posts
// (Jekyll 4.3.1 as oracle, with collections_dir: _col: _col/_essays/e.md
// was built, _col/page.md, _col/_posts/… and _col/sub/_posts/… not, nor
// the root's _posts/; folio read all four under _col/, NOTES' fortieth
// session). So with one whose folder below starts with _, col/_x (as
// oracle: col/_x/_essays/e.md alone built).
func TestJekyllCollectionsDirOfUnderscore(t *testing.T) {
	page := "---\ntitle: T\n---\nx\n"
	for _, c := range []string{"_col", "col/_x"} {
		t.Run(c, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{"_config.yml": fmt.Sprintf("collections_dir: %q\ncollections:\n  essays:\n    output: true\n", c)}
			for _, f := range []string{"_posts/2019-01-06-root.md", c + "/_posts/2019-01-04-in.md", c + "/sub/_posts/2019-01-05-insub.md", c + "/_essays/e.md", c + "/page.md"} {
				files[f] = page
			}
			writeFiles(t, root, files)
			a, _ := loadSite(t, root)
			sameLines(t, "pieces", piecePaths(a), []string{c + "/_essays/e.md"})
		})
	}
}
