package archive

import (
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

// foliosPosts are a's pieces under prefix (the site's folder, with a
// slash) by their path from it, each as jekyllPublished writes a post.
func foliosPosts(a *Archive, prefix string) map[string]string {
	out := map[string]string{}
	for _, x := range a.Articles {
		p, ok := strings.CutPrefix(x.Path, prefix)
		if !ok {
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
