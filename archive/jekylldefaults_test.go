package archive

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A Jekyll site's front matter defaults give its pages the fields their
// own front matter does not, as Jekyll 4.3.1 reads them (as oracle, a
// site's layout printing page.author, page.tags, page.date: each line's
// want is what jekyll build gave the page: its title, author, tags and
// categories (folio's tags), and date, the layout's key set too, but for
// blog/_posts/2021-03-18-p5.md, below). A helper's report: a post
// whose author came from defaults alone showed "-".
func TestJekyllFrontMatterDefaults(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		// in a folder of the archive: the site's root is blog/
		"blog/_config.yml": `collections:
  notes: {output: true}
defaults:
  - scope: {path: "", type: "posts"}
    values: {author: Alice, tags: [x1, y1], layout: post}
  - scope: {path: ""}
    values: {title: Untitled default}
  - scope: {path: "docs"}
    values: {author: Bob, categories: [dc]}
  - scope: {path: "sub/*/"}
    values: {author: Glob}
  - scope: {path: "docs", type: page}
    values: {author: Carol}
  - scope: {path: "", type: "posts"}
    values: {author: Dave}
  - scope: {path: "p"}
    values: {tags: [prefix]}
  - scope: {path: "/docs"}
    values: {author: Slash}
  - scope: {path: "hid"}
    values: {published: false}
  - scope: {path: "_posts/2021-03-17"}
    values: {published: false, date: "2019-02-03"}
  - scope: {type: notes}
    values: {author: Noter, published: false}
  - scope: {path: "_notes/b.md"}
    values: {published: true}
`,
		"blog/_posts/2021-03-14-p1.md": "---\ntitle: P1\n---\nB\n",
		"blog/_posts/2021-03-15-p2.md": "---\ntitle: P2\nauthor: Own\n---\nB\n",
		"blog/_posts/2021-03-16-p3.md": "---\ntitle: P3\ntag: [beta]\nauthor:\n---\nB\n",
		"blog/_posts/2021-03-17-p4.md": "---\ntitle: P4\n---\nB\n",
		"blog/_posts/2021-03-18-p5.md": "---\ntitle: P5\nauthors: [Eve]\n---\nB\n",
		"blog/docs/d.md":               "---\n---\nB\n",
		"blog/sub/deep/s.md":           "---\n---\nB\n",
		"blog/pg/a.md":                 "---\ntitle: PG\n---\nB\n",
		"blog/pgx.md":                  "---\ntitle: PGX\n---\nB\n",
		"blog/hid/h.md":                "---\ntitle: H\n---\nB\n",
		"blog/_notes/a.md":             "---\ntitle: NA\n---\nB\n",
		"blog/_notes/b.md":             "---\ntitle: NB\n---\nB\n",
		// outside the site: no defaults
		"other/o.md": "---\ntitle: O\ndate: 2020-01-01\n---\nB\n",
	})
	a, _ := loadSite(t, dir)
	var got []string
	for _, p := range piecePaths(a) {
		x := byPathOf(t, a, p)
		got = append(got, fmt.Sprintf("%s %q by %s tags %s %s", p, x.Title, strings.Join(x.Authors, "+"), strings.Join(x.Tags, "+"), x.Date))
	}
	sameLines(t, "pieces", got, []string{
		// of two sets of one scope the later wins (Dave over Alice), and
		// the page's own author over both
		`blog/_notes/b.md "NB" by Noter tags  `, // a collection's type; the longer path's published: true wins
		`blog/_posts/2021-03-14-p1.md "P1" by Dave tags x1+y1 2021-03-14`,
		`blog/_posts/2021-03-15-p2.md "P2" by Own tags x1+y1 2021-03-15`,
		`blog/_posts/2021-03-16-p3.md "P3" by Dave tags beta 2021-03-16`, // author: with no value takes the default's; a post's own tag wins over the default tags
		`blog/_posts/2021-03-18-p5.md "P5" by Eve tags x1+y1 2021-03-18`, // its own authors: is its author field: Jekyll gave it page.author Dave beside page.authors [Eve], folio keeps the default from a field the piece gives (withJekyllDefaults)
		`blog/docs/d.md "Untitled default" by Carol tags dc `,            // docs with type pages over docs alone; /docs matches nothing
		`blog/hid/h.md "H" by  tags  `,                                   // a page's published is its own alone
		`blog/pg/a.md "PG" by  tags prefix `,                             // p a prefix of pg/ as a string
		`blog/pgx.md "PGX" by  tags prefix `,                             // and of pgx.md
		`blog/sub/deep/s.md "Untitled default" by Glob tags  `,           // sub/*/ a glob of its folders
		`other/o.md "O" by  tags  2020-01-01`,
	})
}

// The tag keys' numbers a Jekyll site's front matter defaults give are
// read as Ruby's YAML reads them, as a page's own are (rubyNumber,
// jekyllTagValue): each value below, given to a post and a page by the
// defaults, gives them the tags their own front matter's gives. Jekyll
// 4.3.1 as oracle ({{ page.tags | inspect }}, {{ page.categories |
// inspect }}), the same for a default's value and the page's own: a
// post's tag: 1:20 [4800], tag: 1000.0 [1000.0], tags: 1:20 [], tags:
// 0o17 ["0o17"], category: -1:30 ["-1800"], tags: [1:20, 0x1f, -.inf,
// 1.0e+400, 0x1_0000_0000_0000_0000, no] [4800, 31, -Infinity, Infinity,
// 18446744073709551616, false], categories: [1_000, 010, "010",
// 1:20:30.5] [1000, 8, "010", 4830.5], tag: 1e3 ["1e3"]. folio read a
// default's as yaml.v3 does: 1:20, 1000, 1:20 (a tag), none (15, a
// number), -1:30, [1:20, 31, -inf, 1.0e+400, 0x1_0000_0000_0000_0000,
// false], 1:20:30.5 and 1000.
func TestJekyllDefaultsTagNumbersAsRuby(t *testing.T) {
	cases := []struct{ value, want string }{
		{"tag: 1:20", "4800"},
		{"tag: 1000.0", "1000.0"},
		{"tag: 0o17", "0o17"},
		{"tag: .inf", "infinity"},
		{"tags: 1:20", ""},
		{"tags: 0o17", "0o17"},
		{"tags: 99999999999999999999", ""},
		{"tags: 1.0e+400", ""},
		{"category: -1:30", "-1800"},
		{"tags: [1:20, 0x1f, -.inf, 1.0e+400, 0x1_0000_0000_0000_0000, no]", "4800 31 -infinity infinity 18446744073709551616 false"},
		{"categories: [1_000, 010, \"010\", 1:20:30.5]", "1000 8 010 4830.5"},
		{"tag: 9999999999999999999:00", "35999999999999999996400"},
		{"tags: 1e3", "1e3"},
		{"tag: 1e3", "1e3"},
	}
	root := t.TempDir()
	config := "defaults:\n"
	files := map[string]string{}
	for i, c := range cases {
		config += fmt.Sprintf("  - scope: {path: \"_posts/2021-01-%02d-d\"}\n    values: {%s}\n", i+1, c.value)
		files[fmt.Sprintf("_posts/2021-01-%02d-d.md", i+1)] = "---\ntitle: D\n---\nx\n"
		files[fmt.Sprintf("_posts/2021-02-%02d-o.md", i+1)] = "---\ntitle: O\n" + c.value + "\n---\nx\n"
		if strings.HasPrefix(c.value, "tags") || strings.HasPrefix(c.value, "categories") {
			// a page: its plural keys alone (Jekyll reads no singular one of a page)
			config += fmt.Sprintf("  - scope: {path: \"pg/d%d.md\"}\n    values: {%s}\n", i+1, c.value)
			files[fmt.Sprintf("pg/d%d.md", i+1)] = "---\ntitle: D\ndate: 2020-01-01\n---\nx\n"
			files[fmt.Sprintf("pg/o%d.md", i+1)] = "---\ntitle: O\ndate: 2020-01-01\n" + c.value + "\n---\nx\n"
		}
	}
	files["_config.yml"] = config
	writeFiles(t, root, files)
	a, probs := loadSite(t, root)
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	for i, c := range cases {
		pairs := [][2]string{{fmt.Sprintf("_posts/2021-01-%02d-d.md", i+1), fmt.Sprintf("_posts/2021-02-%02d-o.md", i+1)}}
		if _, ok := files[fmt.Sprintf("pg/d%d.md", i+1)]; ok {
			pairs = append(pairs, [2]string{fmt.Sprintf("pg/d%d.md", i+1), fmt.Sprintf("pg/o%d.md", i+1)})
		}
		for _, p := range pairs {
			def, own := strings.Join(byPathOf(t, a, p[0]).Tags, " "), strings.Join(byPathOf(t, a, p[1]).Tags, " ")
			if def != c.want || own != c.want {
				t.Errorf("%s: by the defaults %q (%s), its own %q, want %q", c.value, def, p[0], own, c.want)
			}
		}
	}
}

// Under a collections_dir, Jekyll's defaults read a document's path (a
// post's, a collection's) from it, a page's from the site's root, and a
// scope path without the collections_dir and a / before it (Jekyll
// 4.3.1 as oracle, collections_dir: col, a layout printing which of the
// sets' keys each page had: the files each scope path held are want's;
// folio read every path from the root, NOTES' fortieth session).
func TestJekyllDefaultsUnderCollectionsDir(t *testing.T) {
	files := []string{"col/_posts/2019-01-04-in.md", "col/sub/_posts/2019-01-05-insub.md", "col/_essays/e.md",
		"col/page.md", "col/pg/p.md", "sub/s.md", "root.md"}
	for scope, want := range map[string][]string{
		"_essays":     {"col/_essays/e.md"},
		"col/_posts":  {"col/_posts/2019-01-04-in.md"},
		"col":         {"col/page.md", "col/pg/p.md"},
		"col/":        {"col/_essays/e.md", "col/_posts/2019-01-04-in.md", "col/page.md", "col/pg/p.md", "col/sub/_posts/2019-01-05-insub.md", "root.md", "sub/s.md"},
		"sub":         {"col/sub/_posts/2019-01-05-insub.md", "sub/s.md"},
		"col/*/":      {"col/_essays/e.md", "col/_posts/2019-01-04-in.md", "col/sub/_posts/2019-01-05-insub.md", "sub/s.md"},
		"col/pg/p.md": nil,
		"pg":          nil,
	} {
		t.Run(scope, func(t *testing.T) {
			root := t.TempDir()
			site := map[string]string{"_config.yml": fmt.Sprintf("collections_dir: col\ncollections:\n  essays:\n    output: true\n"+
				"defaults:\n  - scope: {path: %q}\n    values: {tags: [x]}\n", scope)}
			for _, f := range files {
				site[f] = "---\ntitle: T\n---\nx\n"
			}
			writeFiles(t, root, site)
			a, _ := loadSite(t, root)
			var got []string
			for _, x := range a.Articles {
				if slices.Contains(x.Tags, "x") {
					got = append(got, x.Path)
				}
			}
			slices.Sort(got)
			sameLines(t, "held", got, want)
		})
	}
}
