package archive

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// jekyllOracleIndex is the page jekyllPublished gives a site: a line per
// post (drafts too, when the site shows them) with its path, tags,
// categories, date and title.
const jekyllOracleIndex = "---\n---\n{% for p in site.posts %}JEKYLL-POST {{ p.path }}|{{ p.tags | join: \"\x1f\" }}|" +
	"{{ p.categories | join: \"\x1f\" }}|{{ p.date | date: \"%Y-%m-%d\" }}|{{ p.title }}\n{% endfor %}"

// jekyllPublished builds the Jekyll site at siteDir (a folder of
// t.TempDir() with a _config.yml) with the jekyll on $PATH, the test
// skipped when there is none, and returns its posts by their path from
// the site's root, each as "tags|date|title": its tags and categories
// lower-cased, one list sorted without repeats as folio merges them,
// joined by ";". The site is given an index.html of its own (folio reads
// no .html) and built into another temporary folder.
func jekyllPublished(t *testing.T, siteDir string) map[string]string {
	t.Helper()
	bin, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("no jekyll on $PATH")
	}
	writeFiles(t, siteDir, map[string]string{"index.html": jekyllOracleIndex})
	out := t.TempDir()
	cmd := exec.Command(bin, "build", "--source", siteDir, "--destination", out, "--disable-disk-cache", "--quiet")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jekyll: %v\n%s", err, b)
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	posts := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		rest, ok := strings.CutPrefix(l, "JEKYLL-POST ")
		if !ok {
			continue
		}
		parts := strings.Split(rest, "|")
		if len(parts) != 5 {
			t.Fatalf("jekyll's line %q", l)
		}
		var tags []string
		for _, s := range [][]string{strings.Split(parts[1], "\x1f"), strings.Split(parts[2], "\x1f")} {
			for _, x := range s {
				if x != "" {
					tags = append(tags, strings.ToLower(x))
				}
			}
		}
		slices.Sort(tags)
		posts[parts[0]] = strings.Join(slices.Compact(tags), ";") + "|" + parts[3] + "|" + parts[4]
	}
	return posts
}

// foliosPosts are a's posts and drafts under prefix (the site's folder,
// or its collections_dir, with a slash; "" for the archive's root) by
// their path from it, each as jekyllPublished writes a post.
func foliosPosts(a *Archive, prefix string) map[string]string {
	out := map[string]string{}
	for _, x := range a.Articles {
		p, ok := strings.CutPrefix(x.Path, prefix)
		if _, draft := jekyllDraft(x.Path); !ok || !inPosts(x.Path) && !draft {
			continue
		}
		tags := slices.Clone(x.Tags)
		slices.Sort(tags)
		out[p] = strings.Join(slices.Compact(tags), ";") + "|" + x.Date.String() + "|" + x.Title
	}
	return out
}

// jekyllStringsSite are posts with tags and categories strings, for
// TestJekyllTagsStringSplitsOnWhitespace and its oracle.
var jekyllStringsSite = map[string]string{
	"_config.yml":                    "title: S\n",
	"_posts/2020-01-01-commas.md":    "---\ntitle: Commas\ntags: foo, bar\n---\nB\n",
	"_posts/2020-01-02-space.md":     "---\ntitle: Space\ntags: Middle East\n---\nB\n",
	"_posts/2020-01-03-cats.md":      "---\ntitle: Cats\ncategories: war, peace\n---\nB\n",
	"_posts/2020-01-04-mixed.md":     "---\ntitle: Mixed\ntags: \"a,b\\tc\"\ncategories: \"foo,bar baz\"\n---\nB\n",
	"_posts/2020-01-05-singular.md":  "---\ntitle: Singular\ncategory: war, peace\n---\nB\n",
	"_posts/2020-01-06-list.md":      "---\ntitle: List\ntags: [Middle East, b]\n---\nB\n",
	"_posts/2020-01-07-tagwins.md":   "---\ntitle: TagWins\ntag: one, two\ntags: a, b\n---\nB\n",
	"_posts/2020-01-08-catmerged.md": "---\ntitle: CatMerged\ncategory: x\ncategories: y, z\n---\nB\n",
}

// A Jekyll post's tags or categories string is split on whitespace
// alone, its commas kept, as Jekyll 4.3.1 reads it (Ruby's String#split
// in value_from_plural_key and merge_categories!): as oracle, tags: foo,
// bar was page.tags ["foo,", "bar"] and the site's tag pages "foo," and
// "bar", categories: war, peace ["war,", "peace"]. folio split such a
// string on its commas (foo, bar; war, peace). A page's string is one
// tag (TestJekyllTagShapes), a singular key's string whole, and a plain
// folder of notes splits on commas as before.
func TestJekyllTagsStringSplitsOnWhitespace(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"notes/n.md": "---\ntitle: N\ndate: 2020-01-01\ntags: foo, bar\ncategories: war, peace\n---\nB\n",
	}
	for p, text := range jekyllStringsSite {
		files["site/"+p] = text
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-commas.md":    {"foo,", "bar"},
		"site/_posts/2020-01-02-space.md":     {"middle", "east"},
		"site/_posts/2020-01-03-cats.md":      {"war,", "peace"},
		"site/_posts/2020-01-04-mixed.md":     {"a,b", "c", "foo,bar", "baz"},
		"site/_posts/2020-01-05-singular.md":  {"war, peace"},
		"site/_posts/2020-01-06-list.md":      {"middle east", "b"},
		"site/_posts/2020-01-07-tagwins.md":   {"one, two"},
		"site/_posts/2020-01-08-catmerged.md": {"y,", "z", "x"},
		"notes/n.md":                          {"foo", "bar", "war", "peace"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// TestJekyllTagsStringOracle builds jekyllStringsSite with jekyll, when
// installed, and asks that folio reads each post's tags, date and title
// as it publishes them.
func TestJekyllTagsStringOracle(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, jekyllStringsSite)
	want := jekyllPublished(t, site)
	a, _ := loadSite(t, site)
	if got := foliosPosts(a, ""); !mapsEqual(got, want) {
		t.Errorf("folio read\n%v\njekyll published\n%v", got, want)
	}
}

// mapsEqual reports whether a and b hold the same keys and values.
func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// jekyllFoldersSite are posts and drafts in category folders, for
// TestJekyllFolderCategories and its oracle.
var jekyllFoldersSite = map[string]string{
	"_config.yml":                        "title: S\nshow_drafts: true\n",
	"_posts/2020-01-01-root.md":          "---\ntitle: Root\n---\nB\n",
	"_posts/x/2020-01-02-inposts.md":     "---\ntitle: InPosts\n---\nB\n",
	"news/_posts/2020-01-03-news.md":     "---\ntitle: News\n---\nB\n",
	"news/_posts/2020-01-04-both.md":     "---\ntitle: Both\ncategories: [Middle East]\ncategory: war\n---\nB\n",
	"News/sub/_posts/2020-01-05-deep.md": "---\ntitle: Deep\ntags: [t]\n---\nB\n",
	"news/_drafts/2020-01-06-draft.md":   "---\ntitle: Draft\n---\nB\n",
	"news/page.md":                       "---\ntitle: Page\ndate: 2020-01-07\n---\nB\n",
	"w_posts/_posts/2020-01-08-w.md":     "---\ntitle: W\n---\nB\n",
}

// A Jekyll post's folders above its _posts/ (a draft's above its
// _drafts/) are its categories, as Jekyll 4.3.1 reads them
// (Document#categories_from_path): as oracle, news/_posts/… was of the
// category news, News/sub/_posts/… of News and sub, news/_drafts/… of
// news, merged before its front matter's; _posts/x/… of none. folio read
// none. The folders are counted from the site's root (a site in an
// archive's blog/ folder) and its collections_dir; a _posts/ folder
// outside a Jekyll site gives none.
func TestJekyllFolderCategories(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"notes/news/_posts/2020-01-01-n.md":   "---\ntitle: N\n---\nB\n",
		"col/_config.yml":                     "title: C\ncollections_dir: my\n",
		"col/my/news/_posts/2020-01-01-c.md":  "---\ntitle: C\n---\nB\n",
		"col/my/_posts/2020-01-02-c2.md":      "---\ntitle: C2\n---\nB\n",
		"blog/_config.yml":                    "title: B\n",
		"blog/w_posts/_posts/2020-01-01-b.md": "---\ntitle: B\n---\nB\n",
		"blog/a/b/c/_posts/2020-01-02-abc.md": "---\ntitle: ABC\ncategories: c d\n---\nB\n",
	}
	for p, text := range jekyllFoldersSite {
		files["site/"+p] = text
	}
	writeFiles(t, root, files)
	a, _ := loadSite(t, root)
	for p, want := range map[string][]string{
		"site/_posts/2020-01-01-root.md":          nil,
		"site/_posts/x/2020-01-02-inposts.md":     nil,
		"site/news/_posts/2020-01-03-news.md":     {"news"},
		"site/news/_posts/2020-01-04-both.md":     {"news", "middle east", "war"},
		"site/News/sub/_posts/2020-01-05-deep.md": {"t", "news", "sub"},
		"site/news/_drafts/2020-01-06-draft.md":   {"news"},
		"site/news/page.md":                       nil,
		"site/w_posts/_posts/2020-01-08-w.md":     {"w"},
		"notes/news/_posts/2020-01-01-n.md":       nil,
		"col/my/news/_posts/2020-01-01-c.md":      {"news"},
		"col/my/_posts/2020-01-02-c2.md":          nil,
		"blog/w_posts/_posts/2020-01-01-b.md":     {"w"},
		"blog/a/b/c/_posts/2020-01-02-abc.md":     {"a", "b", "c", "d"},
	} {
		if got := byPathOf(t, a, p).Tags; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", p, got, want)
		}
	}
}

// TestJekyllFolderCategoriesOracle builds jekyllFoldersSite, and a site
// with a collections_dir, with jekyll, when installed, and asks that
// folio reads each post's tags, date and title as it publishes them.
func TestJekyllFolderCategoriesOracle(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"": jekyllFoldersSite,
		"my/": {
			"_config.yml":                    "title: C\ncollections_dir: my\n",
			"my/news/_posts/2020-01-01-c.md": "---\ntitle: C\n---\nB\n",
			"my/_posts/2020-01-02-c2.md":     "---\ntitle: C2\ncategories: x y\n---\nB\n",
			"w_posts/_posts/2020-01-03-w.md": "---\ntitle: W\n---\nB\n",
		},
	} {
		t.Run(name, func(t *testing.T) {
			site := t.TempDir()
			writeFiles(t, site, files)
			want := jekyllPublished(t, site)
			a, _ := loadSite(t, site)
			if got := foliosPosts(a, name); !mapsEqual(got, want) {
				t.Errorf("folio read\n%v\njekyll published\n%v", got, want)
			}
		})
	}
}

// jekyllMergeSite are posts whose front matter has merge keys (<<), for
// TestJekyllMergeKeys and its oracle.
var jekyllMergeSite = map[string]string{
	"_config.yml":                   "title: S\n",
	"_posts/2020-01-01-twice.md":    "---\ntitle: Twice\nx: &a {tags: [m1]}\ny: &b {categories: [m2]}\n<<: *a\n<<: *b\n---\nB\n",
	"_posts/2020-01-02-override.md": "---\ntitle: Own\nx: &a {title: FromA, tags: [q]}\n<<: *a\n---\nB\n",
	"_posts/2020-01-03-after.md":    "---\nx: &a {title: FromA, tags: [q]}\n<<: *a\ntitle: Own\n---\nB\n",
	"_posts/2020-01-04-list.md":     "---\ntitle: Own\n<<: [{title: S1}, {title: S2, tags: [s]}]\n---\nB\n",
	"_posts/2020-01-05-quoted.md":   "---\ntitle: Own\n\"<<\": {title: Quoted}\n---\nB\n",
	"_posts/2020-01-06-str.md":      "---\ntitle: Own\n!!str <<: {title: Str}\n---\nB\n",
	"_posts/2020-01-07-scalar.md":   "---\ntitle: Own\n<<: hello\n---\nB\n",
	"_posts/2020-01-08-date.md":     "---\nx: &a {date: 2019-05-05}\n<<: *a\n---\nB\n",
	"_posts/2020-01-09-nested.md":   "---\nx: &a {tags: [n1]}\ny: &b {<<: *a, title: Nested}\n<<: *b\n---\nB\n",
	"_posts/2020-01-10-capital.md":  "---\ntitle: Own\n<<: {Title: Capital, tags: [c]}\n---\nB\n",
	"_posts/2020-01-11-mixed.md":    "---\ntitle: Own\n<<: [{title: M}, 5]\n---\nB\n",
}

// A Jekyll post's merge keys (<<) are read as Jekyll 4.3.1's Ruby reads
// them (Psych's revive_hash): each in its order, its keys over those
// before it (as oracle: <<: *a then <<: *b gave a's tags and b's
// categories, title: Own then <<: {title: FromA} FromA, a list's first
// mapping over the later ones, a quoted "<<" merged, !!str << and a
// scalar not, a merged date the post's date). folio read no merge key.
// Outside a Jekyll site the merge keys are not read, as before; aliases
// of aliases ten wide and five deep are read at once (each mapping read
// once), and a mapping merging itself is an error naming its line, not a
// hang.
func TestJekyllMergeKeys(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"notes/n.md":                     "---\ntitle: Own\ndate: 2020-01-01\nx: &a {title: Merged, tags: [m]}\n<<: *a\n---\nB\n",
		"site/_posts/2020-02-01-self.md": "---\ntitle: Self\nx: &a\n  y: 1\n  <<: *a\n<<: *a\n---\nB\n",
		"site/_posts/2020-02-02-wide.md": "---\ntitle: Wide\n" +
			"a: &a {tags: [w]}\n" +
			"b: &b {<<: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]}\n" +
			"c: &c {<<: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]}\n" +
			"d: &d {<<: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]}\n" +
			"e: &e {<<: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]}\n" +
			"<<: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\nB\n",
	}
	for p, text := range jekyllMergeSite {
		files["site/"+p] = text
	}
	writeFiles(t, root, files)
	a, probs := loadSite(t, root)
	for p, want := range map[string]string{
		"site/_posts/2020-01-01-twice.md":    "Twice 2020-01-01 [m1 m2]",
		"site/_posts/2020-01-02-override.md": "FromA 2020-01-02 [q]",
		"site/_posts/2020-01-03-after.md":    "Own 2020-01-03 [q]",
		"site/_posts/2020-01-04-list.md":     "S1 2020-01-04 [s]",
		"site/_posts/2020-01-05-quoted.md":   "Quoted 2020-01-05 []",
		"site/_posts/2020-01-06-str.md":      "Own 2020-01-06 []",
		"site/_posts/2020-01-07-scalar.md":   "Own 2020-01-07 []",
		"site/_posts/2020-01-08-date.md":     "Date 2019-05-05 []",
		"site/_posts/2020-01-09-nested.md":   "Nested 2020-01-09 [n1]",
		"site/_posts/2020-01-10-capital.md":  "Own 2020-01-10 [c]",
		"site/_posts/2020-01-11-mixed.md":    "Own 2020-01-11 []",
		"notes/n.md":                         "Own 2020-01-01 []",
		"site/_posts/2020-02-02-wide.md":     "Wide 2020-02-02 [w]",
	} {
		x := byPathOf(t, a, p)
		if got := fmt.Sprintf("%s %s %v", x.Title, x.Date, x.Tags); got != want {
			t.Errorf("%s: %s, want %s", p, got, want)
		}
	}
	var msgs []string
	for _, p := range probs {
		if strings.Contains(p.Path, "2020-02-0") {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg))
		}
	}
	slices.Sort(msgs)
	sameLines(t, "problems", msgs, []string{
		"site/_posts/2020-02-01-self.md:5: invalid front matter: a merge key (<<) merges a mapping that holds it",
	})
}

// TestJekyllMergeKeysOracle builds jekyllMergeSite with jekyll, when
// installed, and asks that folio reads each post's tags, date and title
// as it publishes them.
func TestJekyllMergeKeysOracle(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, jekyllMergeSite)
	want := jekyllPublished(t, site)
	a, _ := loadSite(t, site)
	if got := foliosPosts(a, ""); !mapsEqual(got, want) {
		t.Errorf("folio read\n%v\njekyll published\n%v", got, want)
	}
}

// A Jekyll config's merge keys are read as Ruby reads them
// (rubyMergeNodes), as a front matter's are. Jekyll 4.3.1 as oracle: a
// defaults set of <<: *a then <<: *b (a with a scope and values, b with
// values alone) was a's scope with b's values, giving every page and post
// b's tag d2 and not a's author; a set of values then <<: *c gave c's
// values, the post c1 over its own. folio, by yaml.v3, read the last merge
// key alone, the set's own keys over it: the first set no scope, no
// default, the post the tag own. A mapping merged into itself is said
// naming its line.
func TestJekyllConfigMergeKeys(t *testing.T) {
	root := t.TempDir()
	config := "title: S\nx: &a {scope: {path: \"\"}, values: {tags: [d1], author: Ann}}\ny: &b {values: {tags: [d2]}}\n" +
		"z: &c {scope: {path: \"_posts\"}, values: {tags: [c1]}}\n" +
		"defaults:\n  - <<: *a\n    <<: *b\n  - values: {tags: [own]}\n    <<: *c\n"
	writeFiles(t, root, map[string]string{
		"site/_config.yml":            config,
		"site/_posts/2020-01-01-p.md": "---\ntitle: P\n---\nB\n",
		"site/page.md":                "---\ntitle: Pg\ndate: 2020-01-02\n---\nB\n",
		"self/_config.yml":            "title: S\nx: &a\n  y: 1\n  <<: *a\n",
		"self/_posts/2020-01-01-s.md": "---\ntitle: S\n---\nB\n",
	})
	a, probs := loadSite(t, root)
	for p, want := range map[string]string{
		"site/_posts/2020-01-01-p.md": "[c1] []",
		"site/page.md":                "[d2] []",
	} {
		x := byPathOf(t, a, p)
		if got := fmt.Sprint(x.Tags, " ", x.Authors); got != want {
			t.Errorf("%s: tags, authors %s, want %s", p, got, want)
		}
	}
	var msgs []string
	for _, p := range probs {
		if strings.HasPrefix(p.Path, "self/") {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg))
		}
	}
	if len(msgs) == 0 || !strings.HasPrefix(msgs[0], "self/_config.yml:4: site config cannot be decoded (a merge key (<<) merges a mapping that holds it)") {
		t.Errorf("problems of self/: %q", msgs)
	}
}

// TestJekyllConfigMergeKeysOracle builds TestJekyllConfigMergeKeys's site
// with jekyll, when installed, and asks that folio reads its post's tags
// as it publishes them.
func TestJekyllConfigMergeKeysOracle(t *testing.T) {
	site := t.TempDir()
	writeFiles(t, site, map[string]string{
		"_config.yml": "title: S\nx: &a {scope: {path: \"\"}, values: {tags: [d1]}}\ny: &b {values: {tags: [d2]}}\n" +
			"z: &c {scope: {path: \"_posts/b\"}, values: {tags: [c1]}}\n" +
			"defaults:\n  - <<: *a\n    <<: *b\n  - values: {tags: [own]}\n    <<: *c\n",
		"_posts/a/2020-01-01-p.md": "---\ntitle: P\n---\nB\n",
		"_posts/b/2020-01-02-q.md": "---\ntitle: Q\n---\nB\n",
	})
	want := jekyllPublished(t, site)
	a, _ := loadSite(t, site)
	if got := foliosPosts(a, ""); !mapsEqual(got, want) {
		t.Errorf("folio read\n%v\njekyll published\n%v", got, want)
	}
}
