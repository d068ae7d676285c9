package archive

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLinksAreTheRelativeOnes(t *testing.T) {
	body := "See [the gopher](/blog/gopher) and [other](../other.md#part \"Other\") and [site](https://go.dev/x),\n" +
		"[mail](mailto:a@b.c), [top](#top), [again](/blog/gopher) and [ref][r].\n\n[r]: posts/x.md\n[^1]: a note"
	got := Links(body)
	want := []Link{{"the gopher", "/blog/gopher"}, {"other", "../other.md#part"}, {"r", "posts/x.md"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Links = %+v, want %+v", got, want)
	}
	if n := len(Links(strings.Repeat("[a](/x)", 100000))); n != 1 {
		t.Errorf("repeated link listed %d times", n)
	}
}

func TestLinkCandidatesFindTheSitesPieces(t *testing.T) {
	for _, c := range []struct{ from, target, want string }{
		{"_content/blog/gif-decoder.md", "/blog/go-slices-usage-and-internals", "content/blog/go-slices-usage-and-internals"},
		{"content/posts/gopher-week.md", "first-post.md", "content/posts/first-post"},
		{"content/posts/gopher-week.md", "/posts/bundle-post", "content/posts/bundle-post"},
		{"content/posts/gopher-week.md", "/posts/first-post/", "content/posts/first-post"},
		{"blog/a/index.md", "../b/index.md", "blog/b"},
		{"_posts/2021-03-14-pi-day.md", "/2016/03/22/brussels.html", "posts/2016-03-22-brussels"},
		{"_posts/2021-03-14-pi-day.md", "/europe/2016/03/22/brussels.html", "posts/2016-03-22-brussels"},
	} {
		got := LinkCandidates(c.from, c.target)
		found := false
		for _, id := range got {
			found = found || id == c.want
		}
		if !found {
			t.Errorf("LinkCandidates(%q, %q) = %v, want it to hold %q", c.from, c.target, got, c.want)
		}
	}
	if got := LinkCandidates("a.md", "https://example.com/a"); got != nil {
		t.Errorf("absolute URL: %v", got)
	}
}

// byFirstID is MarkLinks' title from a lookup by id: the first candidate
// that is a piece.
func byFirstID(title func(id string) (string, bool)) func([]string) (string, bool) {
	return func(cands []string) (string, bool) {
		for _, c := range cands {
			if t, ok := title(c); ok {
				return t, true
			}
		}
		return "", false
	}
}

func TestMarkLinksNamesThePiece(t *testing.T) {
	pieces := map[string]string{"content/posts/first-post": "The *threat* has evolved"}
	title := byFirstID(func(id string) (string, bool) { t, ok := pieces[id]; return t, ok })
	body := "Notes [here](/posts/first-post/) and [there](/posts/none/) and [site](https://go.dev/).\n\n" +
		"```\n[here](/posts/first-post/)\n```\n\n    [here](/posts/first-post/)\n"
	want := "Notes here (→ “The \\*threat\\* has evolved”) and [there](/posts/none/) and [site](https://go.dev/).\n\n" +
		"```\n[here](/posts/first-post/)\n```\n\n    [here](/posts/first-post/)\n"
	// in a code span a link is text as written; a link whose text is code
	// is a link (a review: it was no longer marked)
	body += "`[here](/posts/first-post/)`\nSee [`fmt.Println`](/posts/first-post/) now.\n"
	want += "`[here](/posts/first-post/)`\nSee `fmt.Println` (→ “The \\*threat\\* has evolved”) now.\n"
	if got := MarkLinks(body, "content/posts/gopher.md", title); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	calls := 0
	count := func([]string) (string, bool) { calls++; return "", false }
	MarkLinks(strings.Repeat("[a](/x) [b](/y)\n", 1000), "a/b.md", count)
	if calls > 2 {
		t.Errorf("%d lookups for two targets", calls)
	}
	// a reference link whose definition names a piece reads so too (a
	// helper's report: only inline links did); one naming none stays
	refBody := "See [the post][first] and [First Post][] and [x][none].\n\n[first]: /posts/first-post/\n[First  post]: /posts/first-post/\n[none]: /posts/none/\n"
	refWant := "See the post (→ “The \\*threat\\* has evolved”) and First Post (→ “The \\*threat\\* has evolved”) and [x][none].\n\n[first]: /posts/first-post/\n[First  post]: /posts/first-post/\n[none]: /posts/none/\n"
	if got := MarkLinks(refBody, "content/posts/gopher.md", title); got != refWant {
		t.Errorf("reference links: got\n%q\nwant\n%q", got, refWant)
	}
	// its word kept with its text, a shortcut's too (a read of the
	// change: "the post (→ “…”)ed")
	refBody = "The [post][first]ed and [first]s.\n\n[first]: /posts/first-post/\n"
	refWant = "The posted (→ “The \\*threat\\* has evolved”) and firsts (→ “The \\*threat\\* has evolved”).\n\n[first]: /posts/first-post/\n"
	if got := MarkLinks(refBody, "content/posts/gopher.md", title); got != refWant {
		t.Errorf("reference links in words: got\n%q\nwant\n%q", got, refWant)
	}
	// targets that differ in a fragment or query alone are one lookup (a
	// review: 200 links to /x/#N, each a slow lookup, took seconds)
	calls = 0
	MarkLinks("[a](/x/#1) [b](/x/#2) [c](/x/?q=3) [d](/x/)\n", "a/b.md", count)
	if calls != 1 {
		t.Errorf("%d lookups for one path", calls)
	}
}

// A link relative to the piece's folder that names no piece shows its
// target as written, and such an image as folio shows an <img>: the
// renderer showed /report.pdf for ../files/report.pdf. Site paths are left
// to the renderer where it shows them as written; "/" it showed as nothing.
// An image's alt text is the text its description shows (41f:
// "![alt with *emph* words](x.png)" showed the stars).
func TestMarkLinksShowsRelativeTargetsAsWritten(t *testing.T) {
	none := func([]string) (string, bool) { return "", false }
	for in, want := range map[string]string{
		"See [the report](../files/report.pdf).":   "See the report ../files/report.pdf.",
		"A chart: ![Attacks by year](chart_1.png)": `A chart: \[image: Attacks by year\] chart\_1.png`,
		// the alt text is the text the description shows, as CommonMark's alt
		"![alt with *emph* words](x.png)":           `\[image: alt with emph words\] x.png`,
		"![a `c_d` and \\*n\\*](x.png)":             `\[image: a c\_d and \*n\*\] x.png`,
		"![logo](/img/logo.png) and [x](/posts/x/)": "![logo](/img/logo.png) and [x](/posts/x/)",
		"[site](https://example.com/a_b)":           "[site](https://example.com/a_b)",
		"[home](/) and [top](/#top)":                "home / and top /#top",
		"[ref][r]\n\n[r]: /":                        "ref /\n\n[r]: /",
		"```\n[code](x.md)\n```":                    "```\n[code](x.md)\n```",
		// a word's rest after the link stays with its text (a review,
		// 42rc: "x rel/pathed", a target that is not the link's)
		"[x](rel/path)ed and [z](../up)’s, [y](a.pdf).": "xed rel/path and z’s ../up, y a.pdf.",
		"![c](c.png)s": `\[image: c\] c.png s`,
		// the renderer's rule (WordRun, JoinsWord): a script without
		// spaces, a text ending in punctuation and a run longer than a word
		// are not joined, the target set apart (a read of the change, 42za)
		"A [链接](rel/x)的":                       "A 链接 rel/x 的",
		"[report.](rel/p)ed":                   "report. rel/p ed",
		"[x](rel/q)" + strings.Repeat("a", 70): "x rel/q " + strings.Repeat("a", 70),
		// the word's rest in emphasis of its own too, an underscore's as
		// an asterisk's (none emphasises inside a word); emphasis holding
		// more, or a word going on past it, is set apart (a read of the
		// change, 42rc: "x rel/pathed")
		"[x](rel/path)*ed* and [y](rel/q)__s__, [z](a.pdf)~~ed~~. [t](d.md)_ed_.": "x*ed* rel/path and y**s** rel/q, z~~ed~~ a.pdf. t*ed* d.md.",
		"[w](rel/r)*ed and more*, [v](b.md)*ed*ly; [u](c.md)***s***!":             "w rel/r *ed and more*, v b.md *ed*ly; u***s*** c.md!",
		"[x](rel/q)*" + strings.Repeat("a", 70) + "*":                             "x rel/q *" + strings.Repeat("a", 70) + "*",
		"![c](c.png)*s*": `\[image: c\] c.png *s*`,
		// a reference link's word as an inline link's, full, collapsed
		// and shortcut (a read of the change: "x rel/pathed"; a shortcut
		// was left to the renderer, "xed /rel/path")
		"[x][r]ed, [q][]s and [y]’s; [x][r]*ed*, [y]*ed and more*.\n\n[r]: rel/path\n[q]: a.pdf\n[y]: ../up\n": "xed rel/path, qs a.pdf and y’s ../up; x*ed* rel/path, y ../up *ed and more*.\n\n[r]: rel/path\n[q]: a.pdf\n[y]: ../up\n",
		"A [链接][r]的, [report.][r]ed, [y]" + strings.Repeat("a", 70) + ".\n\n[r]: rel/x\n[y]: rel/y\n":          "A 链接 rel/x 的, report. rel/x ed, y rel/y " + strings.Repeat("a", 70) + ".\n\n[r]: rel/x\n[y]: rel/y\n",
		// a shortcut is none where brackets follow or precede, escaped,
		// an image's, a definition's, or in code
		"\\[y\\] ![y] [y](https://example.com/i) [y][none] `[y]s` [z][y]\n[y]: rel/y\n": "\\[y\\] ![y] [y](https://example.com/i) [y][none] `[y]s` z rel/y\n[y]: rel/y\n",
	} {
		if got := MarkLinks(in, "posts/a.md", none); got != want {
			t.Errorf("MarkLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

// A relative link in a page that is no bundle's index is also resolved
// from the page's URL, one folder deeper than its file, as Hugo resolves
// it (a helper's report: "../third/" in content/posts/links.md names
// content/posts/third.md on the site).
func TestRelativeLinksFromThePagesURL(t *testing.T) {
	got := LinkCandidates("content/posts/links.md", "../third/")
	if !slices.Contains(got, IDFromPath("content/posts/third.md")) {
		t.Errorf("candidates %v lack %s", got, IDFromPath("content/posts/third.md"))
	}
	if got := LinkCandidates("content/posts/x/index.md", "../third/"); slices.Contains(got, IDFromPath("content/posts/x/third.md")) {
		t.Errorf("a bundle's index resolves from its own folder: %v", got)
	}
	if got := LinkCandidates("notes/a.md", "b.md"); len(got) < 2 || got[0] != "notes/b.md" || got[1] != IDFromPath("notes/b.md") {
		t.Errorf("a file link first, its path before its id: %v", got)
	}
}

// A link target in angle brackets (spaces allowed: Obsidian writes them
// so) or with balanced parentheses is followed like any other, and one
// that names no piece is shown as written (a helper's report: neither was
// followed, and each was shown with a slash put before it).
func TestLinkTargetsInBracketsAndParentheses(t *testing.T) {
	pieces := map[string]string{"notes/note-b": "Note B", "notes/file-1": "File one"}
	title := byFirstID(func(id string) (string, bool) { t, ok := pieces[id]; return t, ok })
	for in, want := range map[string]string{
		"[b2](<Note B.md>)":            "b2 (→ “Note B”)",
		"[p](file(1).md)":              "p (→ “File one”)",
		"[s](<miss ing.md>)":           "s miss ing.md",
		"[b](Note%20B.md)":             "b (→ “Note B”)",
		"[t](<Note B.md> \"a title\")": "t (→ “Note B”)",
	} {
		if got := MarkLinks(in, "notes/a.md", title); got != want {
			t.Errorf("MarkLinks(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Links("[b2](<Note B.md>) [p](file(1).md)"); len(got) != 2 || got[0].Target != "Note B.md" || got[1].Target != "file(1).md" {
		t.Errorf("Links: %+v", got)
	}
}

// A relative link names a file in the piece's folder or none: it does not
// climb to the folders above, as a browser does not (a helper's report:
// report.md in essays/deep/ named essays/report.md). A Zola internal link
// (@/x.md) is from the content root alone, and @/_index.md is a section
// page, no piece (a helper's report: @/about.md named blog/about.md, by
// the climbing, and @/_index.md the piece itself). Hugo's ref still looks
// in the page's folder, then up to the content root.
func TestRelativeLinksDoNotClimb(t *testing.T) {
	fm := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n---\nText.\n")}
	}
	zola := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = 2021-03-14\n+++\nText.\n")}
	}
	for _, root := range []string{"", "content/"} {
		a, probs := Load(fstest.MapFS{
			root + "essays/report.md":     fm("Essays Report"),
			root + "essays/deep/essay.md": fm("Essay"),
			root + "about.md":             zola("Site About"),
			root + "blog/about.md":        zola("Blog About"),
			root + "blog/post.md":         zola("Blog Post"),
			root + "blog/deeper/x.md":     &fstest.MapFile{Data: []byte("---\ntitle: X\ndate: 2021-03-14\n---\nSee {{< ref \"about.md\" >}}.\n")},
		})
		if len(probs) != 0 {
			t.Fatalf("problems %v", probs)
		}
		for _, c := range []struct{ from, target, want string }{
			{"essays/deep/essay.md", "report.md", ""},
			{"essays/deep/essay.md", "./report.md", ""},
			{"essays/deep/essay.md", "../report.md", "Essays Report"},
			{"blog/post.md", "@/about.md", "Site About"},
			{"blog/post.md", "@/blog/about.md", "Blog About"},
			{"blog/post.md", "@/_index.md", ""},
			{"blog/post.md", "@/blog/_index.md", ""},
			{"blog/post.md", "about.md", "Blog About"},
			{"blog/post.md", "/about/", "Blog About"}, // a site path: the piece's folder first
			{"blog/deeper/x.md", "/about.md", "Blog About"},
		} {
			got, ok := a.Resolve(LinkCandidates(root+c.from, c.target))
			if ok != (c.want != "") || got.Title != c.want {
				t.Errorf("%slink %s from %s: %q (%v), want %q", root, c.target, c.from, got.Title, ok, c.want)
			}
		}
		x, _ := a.Get(IDFromPath(root + "blog/deeper/x.md"))
		if got, ok := a.Resolve(LinkCandidates(x.Path, strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(x.Body), "See "), "."))); !ok || got.Title != "Blog About" {
			t.Errorf("%sref in %q: %q (%v), want Blog About", root, x.Body, got.Title, ok)
		}
	}
}

// A link to the site's home (/) or to a section page (_index.md) names no
// piece, and never the piece itself (a helper's report: "/" was read as a
// relative link, the page's URL joined with nothing, and named the piece
// it was in, as _index.md did; the reader's L leaves self-links out).
func TestLinksToHomeAndSectionsNameNoPiece(t *testing.T) {
	fm := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n---\nText.\n")}
	}
	a, _ := Load(fstest.MapFS{
		"content/notes/links2.md": fm("Links Two"),
		"content/notes/_index.md": fm("Notes"),
		"content/_index.md":       fm("Home"),
		"content/notes/other.md":  fm("Other"),
	})
	for _, target := range []string{"/", "/#top", "_index.md", "./_index.md", "../_index.md", "/notes/_index.md", "@/_index.md", "@/notes/_index.md"} {
		if got, ok := a.Resolve(LinkCandidates("content/notes/links2.md", target)); ok {
			t.Errorf("link %s: %q, want none", target, got.Title)
		}
	}
	body := "[r](/) and [s](_index.md) and [o](other.md)\n"
	want := "r / and s \\_index.md and o (→ “Other”)\n" // "/" as written: the renderer shows it as nothing
	title := func(c []string) (string, bool) { p, ok := a.Resolve(c); return p.Title, ok }
	if got := MarkLinks(body, "content/notes/links2.md", title); got != want {
		t.Errorf("MarkLinks = %q, want %q", got, want)
	}
}

// A relative link names a piece placed by url: whether the archive is the
// site's root or its content/ (a helper's report: "../zed/" named url:
// /posts/zed from content/ alone, as the page's URL joined with it was
// content/posts/zed, not the site path posts/zed).
func TestRelativeLinksToPlacedPiecesFromTheSitesRoot(t *testing.T) {
	fm := func(title, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n" + extra + "---\nText.\n")}
	}
	for _, root := range []string{"", "content/"} {
		a, probs := Load(fstest.MapFS{
			root + "posts/z.md":         fm("Z", "url: /posts/zed\n"),
			root + "posts/linker.md":    fm("Linker", ""),
			root + "posts/b/index.md":   fm("Bundle", ""),
			root + "notes/elsewhere.md": fm("Elsewhere", ""),
		})
		if len(probs) != 0 {
			t.Fatalf("problems %v", probs)
		}
		for _, c := range []struct{ from, target string }{
			{"posts/linker.md", "../zed/"},
			{"posts/b/index.md", "../zed/"},
			{"notes/elsewhere.md", "../../posts/zed/"},
		} {
			if got, ok := a.Resolve(LinkCandidates(root+c.from, c.target)); !ok || got.Title != "Z" {
				t.Errorf("%slink %s from %s: %q (%v), want Z", root, c.target, c.from, got.Title, ok)
			}
		}
	}
}

// An inline <a href> in a line of text links as a Markdown link does: a
// piece's title after its text, and in Links, which the reader's L lists
// (a helper's report: "See the second and ext.", the targets dropped,
// where the same in a <p> block was converted).
func TestInlineHTMLLinksNameThePiece(t *testing.T) {
	fm := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndate: 2021-03-14\n---\n" + body + "\n")}
	}
	a, probs := Load(fstest.MapFS{
		"content/posts/second.md": fm("Second Post", "Text."),
		"content/posts/first.md": fm("First", `See <a href="/posts/second/">the second</a> and <a href="https://example.org/x">ext</a>.`+
			"\n\n<p><a href=\"/posts/second/\">second in block</a></p>"),
	})
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	p, _ := a.Get("content/posts/first")
	title := func(c []string) (string, bool) { p, ok := a.Resolve(c); return p.Title, ok }
	got := MarkLinks(p.Body, p.Path, title)
	for _, want := range []string{"See the second (→ “Second Post”) and [ext](https://example.org/x).", "second in block (→ “Second Post”)"} {
		if !strings.Contains(got, want) {
			t.Errorf("MarkLinks lacks %q:\n%s", want, got)
		}
	}
	if l := Links(p.Body); len(l) == 0 || l[0] != (Link{"the second", "/posts/second/"}) {
		t.Errorf("Links = %+v", l)
	}
}

// A site in a folder of the archive has its content root there: Zola's
// @/ links and a relative link to a piece placed by url: are read from
// the nearest content/ on the piece's path (a helper's report: both named
// a piece only with --archive at the site's folder).
func TestSitePathsFromASiteInAFolder(t *testing.T) {
	piece := func(title, extra, body string) string {
		return "---\ntitle: " + title + "\ndate: 2021-03-14\n" + extra + "---\n" + body + "\n"
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a7/site/zola.toml":               "title = 'S'\nbase_url = 'https://s.example.org/'\n",
		"a7/site/config.toml":             "title = 'S'\n",
		"a7/site/content/blog/a.md":       piece("A", "", "See [b](@/blog/b.md)."),
		"a7/site/content/blog/b.md":       piece("B", "", "Text."),
		"c1/site/content/posts/z.md":      piece("Z", "url: /posts/zed/\n", "Text."),
		"c1/site/content/posts/linker.md": piece("Linker", "", "See [z](../zed/)."),
	})
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	title := func(c []string) (string, bool) { p, ok := a.Resolve(c); return p.Title, ok }
	for p, want := range map[string]string{
		"a7/site/content/blog/a":       "See b (→ “B”).",
		"c1/site/content/posts/linker": "See z (→ “Z”).",
	} {
		x, _ := a.Get(p)
		if got := MarkLinks(x.Body, x.Path, title); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}

// An inline <a href> whose text holds brackets, parentheses or
// backslashes is a link markLine reads, naming the piece, or else its
// text, the tags dropped as any inline tag's (inlinehtml.go), as the page
// shows it: never Markdown broken (a
// helper's report: "[1]" read "[1] /target.md", "a ](x) b" read
// "a \ x b](target.md)", a target ending in a backslash "[bs](…)").
func TestInlineHTMLLinksWithBracketsInTheirText(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"target.md": "---\ntitle: Target\ndate: 2020-01-01\n---\nT\n",
		"src.md": "---\ntitle: Src\ndate: 2020-01-01\n---\n" +
			`See <a href="target.md">[1]</a> and <a href="target.md">see [1]</a>.` + "\n\n" +
			`X <a href="target.md">a ](x) b</a> Y.` + "\n\n" +
			`Z <a href="http://x.example/a\">bs</a> W.` + "\n\n" +
			`E <a href="target.md">end\</a> F <a href="target.md">` + "`a]`" + `</a> G.` + "\n",
	})
	a, probs := loadSite(t, dir)
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	p, _ := a.Get("src")
	title := func(c []string) (string, bool) { p, ok := a.Resolve(c); return p.Title, ok }
	got := MarkLinks(p.Body, p.Path, title)
	for _, want := range []string{
		`See \[1\] (→ “Target”) and see \[1\] (→ “Target”).`,
		`X a \](x) b (→ “Target”) Y.`,
		`Z bs W.`,
		// the "<" a backslash escapes is text, as goldmark shows it
		`E end\</a> F ` + "`a]`" + ` G.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("MarkLinks lacks %q:\n%s", want, got)
		}
	}
	if l := Links(p.Body); len(l) != 1 || l[0] != (Link{"[1]", "target.md"}) {
		t.Errorf("Links = %+v", l)
	}
}

// A link naming a file names the piece at that path, though its name
// slugs as another's that has the bare id (a helper's report: a link to
// my_note.md named my-note.md's piece).
func TestResolveByPathFirst(t *testing.T) {
	dir := t.TempDir()
	for name, title := range map[string]string{"my-note.md": "Dash", "my_note.md": "Underscore", "🎉/x.md": "Party", "x.md": "Plain"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+title+"\ndate: 2020-01-01\n---\nx\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arch, _ := Load(os.DirFS(dir))
	for target, want := range map[string]string{"my_note.md": "Underscore", "my-note.md": "Dash", "my%5Fnote.md": "Underscore", "my-note/": "Dash", "🎉/x.md": "Party", "x.md": "Plain"} {
		if a, ok := arch.Resolve(LinkCandidates("linker.md", target)); !ok || a.Title != want {
			t.Errorf("%s names %q (%v), want %q", target, a.Title, ok, want)
		}
	}
}

// A link to the site's own URL names the piece at its path, read from
// the files (SiteURLs of the site's config, MarkLinksIn, LinksIn), as the
// index's Article reads it for the reader: Hugo's baseURL in any case of
// its key, one under a path, Jekyll's url and baseurl.
func TestOwnSiteURLsAsSitePaths(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo/config/_default/hugo.yaml": "BaseURL: https://example.org/blog/\n",
		"hugo/content/posts/foo.md":      "---\ntitle: Foo\ndate: 2020-01-01\n---\nfoo\n",
		"hugo/content/posts/links.md":    "---\ntitle: Links\ndate: 2020-01-02\n---\n[a](https://example.org/blog/posts/foo/) [b](https://example.org/posts/foo/) [c](https://example.org/blog/)\n",
		"notes/n.md":                     "---\ntitle: N\ndate: 2020-01-02\n---\n[a](https://example.org/blog/posts/foo/)\n",
	})
	arch, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	title := func(c []string) (string, bool) { a, ok := arch.Resolve(c); return a.Title, ok }
	links, _ := arch.Get("hugo/content/posts/links")
	bases := SiteURLs(arch.FS, links.Path)
	if !slices.Equal(bases, []string{"https://example.org/blog/"}) {
		t.Fatalf("SiteURLs = %v", bases)
	}
	got := MarkLinksIn(links.Body, links.Path, bases, title)
	if want := "a (→ “Foo”) [b](https://example.org/posts/foo/) [c](https://example.org/blog/)"; got != want {
		t.Errorf("marked %q, want %q", got, want)
	}
	if ls := LinksIn(links.Body, bases); len(ls) != 1 || ls[0].Target != "/posts/foo/" {
		t.Errorf("LinksIn = %v", ls)
	}
	if n, _ := arch.Get("notes/n"); SiteURLs(arch.FS, n.Path) != nil {
		t.Errorf("a note's SiteURLs: %v", SiteURLs(arch.FS, n.Path))
	}
	if got := OwnSitePath("https://blog.example.net/notes/2021/x.html", []string{"https://blog.example.net/notes"}); got != "/2021/x.html" {
		t.Errorf("OwnSitePath = %q", got)
	}
	// the path as written, decoded once by the link's reading (a review:
	// 100%25-pure was decoded twice and named nothing), its query and
	// fragment kept as a site path's are
	for target, want := range map[string]string{
		"https://example.org/blog/posts/100%25-pure/":     "/posts/100%25-pure/",
		"https://example.org/blog/posts/a%3Fb/?x=1#part":  "/posts/a%3Fb/?x=1#part",
		"https://EXAMPLE.org/blog/posts/caf%C3%A9/#s%20t": "/posts/caf%C3%A9/#s%20t",
	} {
		if got := OwnSitePath(target, []string{"https://example.org/blog/"}); got != want {
			t.Errorf("OwnSitePath(%q) = %q, want %q", target, got, want)
		}
	}
}

// In a Hugo site under a path (baseURL https://example.org/blog/), a link
// from the host's root that holds the path (/blog/posts/foo/, the one
// that works on the published site) names the piece at /posts/foo/, as
// the site's URL does (a helper's report: it named none); /posts/foo/
// itself still does, the site's home and another path none.
func TestSitePathsUnderTheBasePath(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"hugo.toml":              "baseURL = \"https://example.org/blog/\"\n",
		"content/posts/foo.md":   "---\ntitle: Foo\ndate: 2020-01-01\n---\nfoo\n",
		"content/posts/links.md": "---\ntitle: Links\ndate: 2020-01-02\n---\n[v](/blog/posts/foo/) [v2](/blog/posts/foo/#part) [w](/posts/foo/) [x](https://example.org/blog/posts/foo/) [h](/blog/) [o](/blogs/posts/foo/)\n",
	})
	arch, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	title := func(c []string) (string, bool) { a, ok := arch.Resolve(c); return a.Title, ok }
	links, _ := arch.Get("content/posts/links")
	bases := SiteURLs(arch.FS, links.Path)
	got := MarkLinksIn(links.Body, links.Path, bases, title)
	if want := "v (→ “Foo”) v2 (→ “Foo”) w (→ “Foo”) x (→ “Foo”) [h](/blog/) [o](/blogs/posts/foo/)"; got != want {
		t.Errorf("marked %q\nwant   %q", got, want)
	}
	var targets []string
	for _, l := range LinksIn(links.Body, bases) {
		targets = append(targets, l.Target)
	}
	if want := []string{"/posts/foo/", "/posts/foo/#part", "/blog/", "/blogs/posts/foo/"}; !slices.Equal(targets, want) {
		t.Errorf("LinksIn = %q, want %q", targets, want)
	}
	// a site at the host's root reads /blog/posts/foo/ as written
	if got := OwnSitePath("/blog/posts/foo/", []string{"https://example.org/"}); got != "" {
		t.Errorf("OwnSitePath at the root = %q", got)
	}
}

// A Hugo site's baseURL is its production build's, as Hugo 0.111 merges
// its configs (its default environment): config/production/'s over
// config/_default/'s over the root's hugo.toml, hugo.* over config.* (a
// helper's report: config/production/'s was not read, the root's won).
func TestHugoBaseURLOfTheProductionConfig(t *testing.T) {
	root := t.TempDir()
	page := "---\ntitle: Foo\ndate: 2020-01-01\n---\n[a](https://example.org/blog/posts/foo/)\n"
	writeFiles(t, root, map[string]string{
		"prod/config/_default/hugo.toml":     "baseURL = \"http://localhost/\"\n",
		"prod/config/production/config.yaml": "title: S\n",
		"prod/config/production/hugo.toml":   "baseURL = \"https://example.org/blog/\"\n",
		"prod/content/posts/foo.md":          page,
		"both/hugo.toml":                     "baseURL = \"https://root.example/\"\n",
		"both/config/_default/config.toml":   "baseURL = \"https://example.org/blog/\"\n",
		"both/content/posts/foo.md":          page,
		"root/config.toml":                   "baseURL = \"https://config.example/\"\n",
		"root/hugo.toml":                     "baseURL = \"https://example.org/blog/\"\n",
		"root/config/_default/params.toml":   "x = 1\n",
		"root/content/posts/foo.md":          page,
		"staging/config/_default/hugo.toml":  "baseURL = \"https://example.org/blog/\"\n",
		"staging/config/staging/hugo.toml":   "baseURL = \"https://staging.example/\"\n",
		"staging/content/posts/foo.md":       page,
	})
	arch, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	title := func(c []string) (string, bool) { a, ok := arch.Resolve(c); return a.Title, ok }
	for _, site := range []string{"prod", "both", "root", "staging"} {
		foo, _ := arch.Get(site + "/content/posts/foo")
		bases := SiteURLs(arch.FS, foo.Path)
		if !slices.Equal(bases, []string{"https://example.org/blog/"}) {
			t.Errorf("%s: SiteURLs = %v", site, bases)
		}
		if got := MarkLinksIn(foo.Body, foo.Path, bases, title); got != "a (→ “Foo”)" {
			t.Errorf("%s: marked %q", site, got)
		}
	}
}

// A Hugo config with a key in two cases is read as Hugo 0.111 reads it
// (an oracle's report: baseURL won over baseurl in either order, in TOML
// and YAML; of baseURL and BaseURL Hugo keeps one at random): the key
// written otherwise than in lower case wins, of two such the first in
// byte order, each time (it was Go's map order, one or the other); the
// same lookup reads a config's cascade; an empty baseURL of
// config/production/ is the site's (none), as Hugo reads it; Jekyll reads
// the first of its config files there, its keys as written.
func TestSiteConfigKeysInTwoCases(t *testing.T) {
	root := t.TempDir()
	page := "---\ntitle: Foo\ndate: 2020-01-01\n---\nfoo\n"
	writeFiles(t, root, map[string]string{
		"toml/hugo.toml":                    "baseurl = \"https://lower.example/\"\nbaseURL = \"https://example.org/\"\n",
		"toml/content/foo.md":               page,
		"yaml/hugo.yaml":                    "baseURL: https://example.org/\nbaseurl: https://lower.example/\n",
		"yaml/content/foo.md":               page,
		"three/hugo.toml":                   "baseurl = \"https://lower.example/\"\nbaseURL = \"https://b.example/\"\nBaseURL = \"https://example.org/\"\n",
		"three/content/foo.md":              page,
		"cascade/hugo.yaml":                 "cascade:\n  outlet: lower\nCascade:\n  outlet: Upper\n",
		"cascade/content/foo.md":            page,
		"empty/config/_default/hugo.toml":   "baseURL = \"https://example.org/\"\n",
		"empty/config/production/hugo.toml": "baseURL = \"\"\n",
		"empty/content/foo.md":              page,
		"jekyll/_config.yml":                "title: J\nURL: https://upper.example\n",
		"jekyll/_config.toml":               "url = \"https://toml.example\"\n",
		"jekyll/foo.md":                     page,
	})
	arch, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	for range 64 { // a map's order changes from one range to the next
		for _, site := range []string{"toml", "yaml", "three"} {
			if got := SiteURLs(arch.FS, site+"/content/foo.md"); !slices.Equal(got, []string{"https://example.org/"}) {
				t.Fatalf("%s: SiteURLs = %v", site, got)
			}
		}
		if got := SiteURLs(arch.FS, "empty/content/foo.md"); got != nil {
			t.Fatalf("empty: SiteURLs = %v", got)
		}
		if got := SiteURLs(arch.FS, "jekyll/foo.md"); got != nil {
			t.Fatalf("jekyll: SiteURLs = %v", got)
		}
		a, _ := ParseIn(arch.FS, "cascade/content/foo.md", []byte(page))
		if a.Outlet != "Upper" {
			t.Fatalf("cascade: outlet %q", a.Outlet)
		}
	}
}
