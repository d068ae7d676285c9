package importer

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/folio-tui/folio/archive"
)

const feeds = "../testdata/feeds"

func importFixture(t *testing.T, name, into string) *Report {
	t.Helper()
	rep, err := ImportFile(filepath.Join(feeds, name), Options{Into: into})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Errorf("import reports problems: %v", rep.Problems)
	}
	return rep
}

// load opens the import folder the way folio does and fails on any problem.
func load(t *testing.T, dir string) *archive.Archive {
	t.Helper()
	arch, probs, err := archive.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) > 0 {
		t.Fatalf("archive.Open finds problems in imported files: %v", probs)
	}
	return arch
}

func get(t *testing.T, arch *archive.Archive, id string) archive.Article {
	t.Helper()
	a, ok := arch.Get(id)
	if !ok {
		var ids []string
		for _, a := range arch.Articles {
			ids = append(ids, a.ID)
		}
		t.Fatalf("no piece %s; have %v", id, ids)
	}
	return a
}

func day(s string) archive.Date {
	d, _ := archive.ParseDate(s)
	return d
}

func TestImportRSS(t *testing.T) {
	dir := t.TempDir()
	rep := importFixture(t, "rss.xml", dir)
	if rep.Format != "rss" || rep.Feed != "Harbour Institute – Commentary" || rep.Count(Added) != 3 {
		t.Fatalf("report: %+v", rep)
	}
	arch := load(t, dir)
	if len(arch.Articles) != 3 {
		t.Fatalf("%d pieces", len(arch.Articles))
	}
	a := get(t, arch, "2017-10-19-raqqa-has-fallen-what-victory-means-for-the-threat-at-home")
	check(t, a, archive.Article{
		Title:      `Raqqa has fallen: what "victory" means for the threat at home`,
		Date:       day("2017-10-19"),
		Authors:    []string{"Amira Haddad"},
		Outlet:     "Harbour Institute – Commentary",
		Tags:       []string{"counter-terrorism", "syria", "foreign-fighters"},
		URL:        "https://harbour-institute.example.org/commentary/raqqa-has-fallen/",
		Source:     "https://harbour-institute.example.org/commentary/feed/",
		Standfirst: "The fall of the caliphate's capital does not end the danger in Europe.",
		Kind:       archive.KindArticle,
	})
	for _, want := range []string{
		"greeted as a **turning point**",
		"## Returnees are not the main problem",
		"[known to the authorities](https://harbour-institute.example.org/research/returnees/)",
		"- Those who never left",
		`> "The threat is more diverse than ever," the head of MI5 said.`,
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, a.Body)
		}
	}
	// Several dc:creator elements are all authors; a description that is the
	// whole text is the body, not a standfirst.
	b := get(t, arch, "2017-09-18-parsons-green-the-limits-of-vigilance")
	if !slices.Equal(b.Authors, []string{"Tom Whitaker", "Amira Haddad"}) || b.Title != "Parsons Green & the limits of vigilance" {
		t.Errorf("parsons green: %+v", b)
	}
	if b.Standfirst != "" || !strings.HasPrefix(b.Body, "A bucket bomb") {
		t.Errorf("description-only item: standfirst %q body %q", b.Standfirst, b.Body)
	}
	if p := get(t, arch, "2017-10-03-podcast-europe-after-the-caliphate"); len(p.Authors) != 0 || !strings.Contains(p.Body, "*Harbour*") {
		t.Errorf("podcast: %+v", p)
	}
}

func TestImportAtom(t *testing.T) {
	dir := t.TempDir()
	rep := importFixture(t, "atom.xml", dir)
	if rep.Format != "atom" || rep.Count(Added) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	arch := load(t, dir)
	a := get(t, arch, "2017-11-01-known-suspects-why-watch-lists-fail")
	check(t, a, archive.Article{
		Title:      "Known suspects: why watch lists fail", // type="html" title: markup dropped
		Date:       day("2017-11-01"),
		Authors:    []string{"Clara Lindqvist"},
		Outlet:     "Northern Security Review",
		Tags:       []string{"intelligence", "known-suspects"},
		URL:        "https://northernreview.example.net/2017/11/known-suspects/",
		Source:     "https://northernreview.example.net/atom.xml",
		Standfirst: "Every attacker was known to someone. That is not the same as being knowable.",
		Kind:       archive.KindArticle,
	})
	if !strings.Contains(a.Body, "*was he known?*") || !strings.Contains(a.Body, "1. Prioritise") {
		t.Errorf("body:\n%s", a.Body)
	}
	// An entry without an author inherits the feed's (Atom's rule); its date
	// is the day in its own zone (22:00 UTC would still be the 30th, but the
	// zone is what counts).
	e := get(t, arch, "2017-10-30-editorial-the-year-in-terrorism-a-first-look")
	if !slices.Equal(e.Authors, []string{"Editorial Board"}) || e.Date != day("2017-10-30") || !strings.Contains(e.Body, "**2017**") {
		t.Errorf("editorial: %+v", e)
	}
}

func TestImportWordPress(t *testing.T) {
	dir := t.TempDir()
	rep := importFixture(t, "wordpress.xml", dir)
	if rep.Format != "wordpress" || rep.Feed != "Notes from the Field" {
		t.Fatalf("report: %+v", rep)
	}
	var ignored []string
	for _, r := range rep.Results {
		if r.Action == Ignored {
			ignored = append(ignored, r.Title+": "+r.Reason)
		}
	}
	wantIgnored := []string{
		"About: WordPress page, not a post",
		"kashgar-station: WordPress attachment, not a post",
		"Draft: SCO summit preview: WordPress draft post, not published",
		"Private: reading list: WordPress private post, not published",
	}
	if !slices.Equal(ignored, wantIgnored) {
		t.Errorf("ignored:\n%s\nwant:\n%s", strings.Join(ignored, "\n"), strings.Join(wantIgnored, "\n"))
	}
	arch := load(t, dir)
	if len(arch.Articles) != 2 {
		t.Fatalf("%d pieces, want the 2 published posts", len(arch.Articles))
	}
	k := get(t, arch, "2017-09-12-kashgar-from-the-train") // named by WordPress's slug
	check(t, k, archive.Article{
		Title:      `Kashgar, from the train: notes on a "new" Silk Road`,
		Date:       day("2017-09-12"),
		Authors:    []string{"Nadia Sokolova"}, // the login's display name
		Outlet:     "Notes from the Field",
		Tags:       []string{"central-asia", "china", "belt-and-road"},
		URL:        "https://fieldnotes.example.com/2017/09/kashgar-from-the-train/",
		Source:     "https://fieldnotes.example.com",
		Standfirst: "A day on the train to Kashgar, and what it says about China's westward push.",
		Kind:       archive.KindArticle,
	})
	// Classic-editor text: blank lines are paragraphs, lists stay lists.
	want := "The train from Ürümqi takes a full day. Most of the passengers were traders.\n\nThree things stood out:\n\n- Checkpoints every few hours\n- Almost no foreign visitors\n\nSecurity in Xinjiang is *visible*"
	if !strings.HasPrefix(k.Body, want) {
		t.Errorf("classic post body:\n%s\nwant prefix:\n%s", k.Body, want)
	}
	g := get(t, arch, "2017-10-04-guest-post-almaty-law")
	if !slices.Equal(g.Authors, []string{"Daniyar Akhmetov"}) || !slices.Equal(g.Tags, []string{"kazakhstan"}) {
		t.Errorf("guest post (Uncategorized must not become a tag): %+v", g)
	}
	if strings.Contains(g.Body, "wp:paragraph") || !strings.Contains(g.Body, "> Religious education") {
		t.Errorf("block-editor body:\n%s", g.Body)
	}
}

func check(t *testing.T, got, want archive.Article) {
	t.Helper()
	type fields struct {
		Title, Outlet, URL, Source, Standfirst, Kind, Date string
		Authors, Tags                                      []string
	}
	f := func(a archive.Article) fields {
		return fields{a.Title, a.Outlet, a.URL, a.Source, a.Standfirst, a.Kind, a.Date.String() + "/" + string(a.Date.Precision), a.Authors, a.Tags}
	}
	if g, w := f(got), f(want); fmt.Sprint(g) != fmt.Sprint(w) {
		t.Errorf("%s:\ngot  %+v\nwant %+v", got.ID, g, w)
	}
}

// snapshot is every file of dir with its content and modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, _ := d.Info()
		data, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = info.ModTime().Format(time.RFC3339Nano) + "\n" + string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReimportIsIdempotent(t *testing.T) {
	for _, name := range []string{"rss.xml", "atom.xml", "wordpress.xml"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			first := importFixture(t, name, dir)
			before := snapshot(t, dir)
			// Make a rewrite visible even on file systems with coarse mtimes.
			old := time.Now().Add(-time.Hour)
			for rel := range before {
				_ = os.Chtimes(filepath.Join(dir, rel), old, old)
			}
			before = snapshot(t, dir)
			again := importFixture(t, name, dir)
			if again.Count(Unchanged) != first.Count(Added) || again.Count(Added)+again.Count(Updated)+again.Count(Skipped) != 0 {
				t.Errorf("re-import: %+v", again.Results)
			}
			after := snapshot(t, dir)
			if fmt.Sprint(before) != fmt.Sprint(after) {
				t.Error("re-import touched files")
			}
		})
	}
}

func TestEditedFileIsSkipped(t *testing.T) {
	dir := t.TempDir()
	importFixture(t, "rss.xml", dir)
	rel := "2017-09-18-parsons-green-the-limits-of-vigilance.md"
	path := filepath.Join(dir, rel)
	data, _ := os.ReadFile(path)
	edited := strings.Replace(string(data), "Luck is not a strategy.", "Luck is not a strategy. (My note: compare 2005.)", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := importFixture(t, "rss.xml", dir)
	var skipped []Result
	for _, r := range rep.Results {
		if r.Action == Skipped {
			skipped = append(skipped, r)
		}
	}
	if len(skipped) != 1 || skipped[0].Path != rel || !strings.Contains(skipped[0].Reason, "edited") {
		t.Fatalf("skipped: %+v", skipped)
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Error("the user's edit was overwritten")
	}
	// Editing only the front matter counts too.
	if got := strings.Replace(edited, "tags: [", "tags: [mine, ", 1); true {
		_ = os.WriteFile(path, []byte(got), 0o644)
		if r := findResult(importFixture(t, "rss.xml", dir), rel); r.Action != Skipped {
			t.Errorf("front matter edit: %+v", r)
		}
	}
	rep, err := ImportFile(filepath.Join(feeds, "rss.xml"), Options{Into: dir, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := findResult(rep, rel); r.Action != Updated {
		t.Errorf("--force: %+v", r)
	}
	if got, _ := os.ReadFile(path); string(got) != string(data) {
		t.Error("--force did not restore the imported file")
	}
}

func findResult(rep *Report, rel string) Result {
	for _, r := range rep.Results {
		if r.Path == rel {
			return r
		}
	}
	return Result{}
}

func TestChangedItemUpdatesItsFile(t *testing.T) {
	dir := t.TempDir()
	importFixture(t, "rss.xml", dir)
	feed, _ := os.ReadFile(filepath.Join(feeds, "rss.xml"))
	changed := strings.NewReplacer(
		// The title changes: the file keeps its name, so the piece keeps its ID.
		"Raqqa has fallen: what", "Raqqa has fallen – what",
		"It is one, but not the one many hope for.", "It is one, but not the one many hope for. [Updated 20 October.]",
	).Replace(string(feed))
	// And a new item appears.
	changed = strings.Replace(changed, "</channel>", `<item><title>Manchester, six months on</title>
<link>https://harbour-institute.example.org/commentary/manchester-six-months/</link>
<guid isPermaLink="false">https://harbour-institute.example.org/?p=4850</guid>
<pubDate>Wed, 22 Nov 2017 09:00:00 +0000</pubDate>
<description><![CDATA[<p>Half a year after the Arena attack.</p>]]></description></item></channel>`, 1)
	rep, err := Import(strings.NewReader(changed), "rss.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	rel := "2017-10-19-raqqa-has-fallen-what-victory-means-for-the-threat-at-home.md"
	if r := findResult(rep, rel); r.Action != Updated {
		t.Errorf("changed item: %+v", rep.Results)
	}
	if rep.Count(Added) != 1 || rep.Count(Unchanged) != 2 {
		t.Errorf("report: %+v", rep.Results)
	}
	arch := load(t, dir)
	a := get(t, arch, strings.TrimSuffix(rel, ".md"))
	if a.Title != `Raqqa has fallen – what "victory" means for the threat at home` || !strings.Contains(a.Body, "[Updated 20 October.]") {
		t.Errorf("updated piece: %q\n%s", a.Title, a.Body)
	}
	if len(arch.Articles) != 4 {
		t.Errorf("%d pieces, want 4 (no duplicates)", len(arch.Articles))
	}
}

func TestMovedFileIsStillRecognised(t *testing.T) {
	dir := t.TempDir()
	importFixture(t, "atom.xml", dir)
	rel := "2017-11-01-known-suspects-why-watch-lists-fail.md"
	if err := os.MkdirAll(filepath.Join(dir, "2017"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, rel), filepath.Join(dir, "2017", rel)); err != nil {
		t.Fatal(err)
	}
	rep := importFixture(t, "atom.xml", dir)
	if rep.Count(Added) != 0 || findResult(rep, filepath.Join("2017", rel)).Action != Unchanged {
		t.Errorf("moved file: %+v", rep.Results)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	rep, err := ImportFile(filepath.Join(feeds, "wordpress.xml"), Options{Into: dir, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(Added) != 2 || !rep.DryRun {
		t.Errorf("dry run: %+v", rep.Results)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Error("dry run created the folder")
	}
}

func TestNotAFeed(t *testing.T) {
	for _, content := range []string{"", "just text", "<html><body>hi</body></html>", "<rss><channel><item>"} {
		if _, err := Import(strings.NewReader(content), "x.xml", Options{Into: t.TempDir()}); err == nil {
			t.Errorf("%q accepted as a feed", content)
		}
	}
	if _, err := ImportFile(filepath.Join(feeds, "missing.xml"), Options{Into: t.TempDir()}); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := ImportFile(filepath.Join(feeds, "rss.xml"), Options{}); err == nil {
		t.Error("no folder accepted")
	}
}

// rssWith builds a feed around items given as title, pubDate, link, guid.
func rssWith(items ...[4]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://example.org/blog/</link>`)
	for _, it := range items {
		esc := func(s string) string {
			var e strings.Builder
			_ = xml.EscapeText(&e, []byte(s))
			return e.String()
		}
		fmt.Fprintf(&b, "<item><title>%s</title><pubDate>%s</pubDate><link>%s</link><guid>%s</guid><description>&lt;p&gt;Body of %s&lt;/p&gt;</description></item>",
			esc(it[0]), it[1], esc(it[2]), esc(it[3]), esc(it[3]))
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func TestAnyTitleMakesValidYAML(t *testing.T) {
	titles := []string{
		`: starts with a colon`, `- starts with a dash`, `"fully quoted"`, `'single'`, `# not a comment`,
		`yes`, `null`, `2017`, `[a, b]`, `{a: b}`, `a: b: c`, `*alias`, `&anchor`, `!tag`, `%directive`,
		`@at`, "`tick`", `---`, `...`, `key: "value" # comment`, `tab	inside`, `back\slash`, `ends with colon:`,
		"bidi \u202eevil\u202c and C1 \u009b31m", // (ESC and BEL cannot appear in XML at all), "  leading and trailing  ", `|`, `>`, `?`, `~`, `Ünïcödé – “quotes”`,
	}
	var items [][4]string
	for i, title := range titles {
		items = append(items, [4]string{title, "Mon, 02 Jan 2017 10:00:00 +0000", fmt.Sprintf("https://example.org/p/%d", i), fmt.Sprintf("id-%d", i)})
	}
	dir := t.TempDir()
	rep, err := Import(strings.NewReader(rssWith(items...)), "t.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Errorf("problems: %v", rep.Problems)
	}
	arch := load(t, dir)
	var got []string
	for _, a := range arch.Articles {
		got = append(got, a.Title)
	}
	var want []string
	for _, title := range titles {
		if s := archive.SanitizeLine(title); s != "" {
			want = append(want, s)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("titles after the round trip:\n%q\nwant:\n%q", got, want)
	}
	// Same titles again: nothing changes.
	rep, _ = Import(strings.NewReader(rssWith(items...)), "t.xml", Options{Into: dir})
	if rep.Count(Unchanged) != len(titles) {
		t.Errorf("second run: %+v", rep.Results)
	}
}

func TestItemEdgeCases(t *testing.T) {
	dir := t.TempDir()
	feed := rssWith(
		[4]string{"Same", "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/a", "a"},
		[4]string{"Same", "Mon, 02 Jan 2017 12:00:00 +0000", "https://example.org/b", "b"},
		[4]string{"Late evening", "Thu, 19 Oct 2017 23:30:00 -0500", "javascript:alert(1)", "c"},
		[4]string{"Relative link", "2017-10-20T10:00:00Z", "/blog/relative/", "d"},
		[4]string{"Twice", "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/a2", "a"},
		[4]string{"Undated", "", "https://example.org/u", "u"},
	)
	rep, err := Import(strings.NewReader(feed), "t.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rep.Results {
		lines = append(lines, fmt.Sprintf("%s %s %s", r.Action, r.Path, r.Reason))
	}
	want := []string{
		"added 2017-01-02-same.md ",
		"added 2017-01-02-same-2.md ",
		"added 2017-10-19-late-evening.md ", // its own day, not UTC's 20th
		"added 2017-10-20-relative-link.md ",
		"ignored  appears twice in the feed",
		"ignored  no publication date",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	arch := load(t, dir)
	if a := get(t, arch, "2017-10-19-late-evening"); a.URL != "" {
		t.Errorf("javascript: link kept as url %q", a.URL)
	}
	if a := get(t, arch, "2017-10-20-relative-link"); a.URL != "https://example.org/blog/relative/" {
		t.Errorf("relative link: %q", a.URL)
	}
	// Re-running keeps each "Same" in its own file.
	rep, _ = Import(strings.NewReader(feed), "t.xml", Options{Into: dir})
	if rep.Count(Unchanged) != 4 || rep.Count(Added) != 0 {
		t.Errorf("second run: %+v", rep.Results)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "2017-01-02-same-2.md")); !strings.Contains(string(b), "Body of b") {
		t.Error("the two same-titled items swapped files")
	}
}

func TestUserFileWithSameNameIsKept(t *testing.T) {
	dir := t.TempDir()
	mine := "---\ntitle: Same\ndate: 2017-01-02\n---\n\nMy own notes.\n"
	if err := os.WriteFile(filepath.Join(dir, "2017-01-02-same.md"), []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Import(strings.NewReader(rssWith([4]string{"Same", "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/a", "a"})), "t.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if r := rep.Results[0]; r.Action != Added || r.Path != "2017-01-02-same-2.md" {
		t.Errorf("result %+v", r)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "2017-01-02-same.md")); string(got) != mine {
		t.Error("a file the import did not write was overwritten")
	}
}

func TestAutop(t *testing.T) {
	in := "First line\nsecond line\n\nNew paragraph\n<ul>\n\t<li>one</li>\n</ul>\nAfter <em>list</em>\n\n<!-- comment -->"
	want := "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>\n<ul>\n\t<li>one</li>\n</ul>\n<p>After <em>list</em></p>\n<p><!-- comment --></p>\n"
	if got := autop(in); got != want {
		t.Errorf("autop:\n%q\nwant:\n%q", got, want)
	}
	block := "<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->"
	if autop(block) != block {
		t.Error("block-editor content changed")
	}
}

func TestWrittenByImport(t *testing.T) {
	p := &piece{frontMatter: frontMatter{Title: "T", Date: "2017-01-02", ImportID: "x"}, Body: "Body"}
	content, err := p.render()
	if err != nil {
		t.Fatal(err)
	}
	if !writtenByImport(content) {
		t.Fatalf("own output not recognised:\n%s", content)
	}
	for _, edit := range []string{"Body.", "Bod"} {
		if writtenByImport([]byte(strings.Replace(string(content), "Body", edit, 1))) {
			t.Errorf("edit %q not noticed", edit)
		}
	}
	if writtenByImport([]byte("---\ntitle: x\n---\n")) {
		t.Error("a file without a hash counts as imported")
	}
}

// TestLongTitleImportEnds is issue 12's hang: an item whose title is one
// "word" longer than a file name may be (102 Japanese characters, 306
// bytes) made the search for a free name loop for ever, every name being
// too long for the file system. Names are now cut to maxNameBytes on a
// character boundary; a second item with the same title gets its own.
func TestLongTitleImportEnds(t *testing.T) {
	title := strings.Repeat("日本語の長い題名", 13)[:102*3] // 102 characters, no space
	feed := rssWith(
		[4]string{title, "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/a", "a"},
		[4]string{title, "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/b", "b"},
		[4]string{strings.Repeat("é", 300), "Mon, 02 Jan 2017 10:00:00 +0000", "https://example.org/c", "c"},
	)
	dir := t.TempDir()
	var rep *Report
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		rep, err = Import(strings.NewReader(feed), "feed.xml", Options{Into: dir})
	}()
	select {
	case <-done:
	case <-time.After(time.Minute): // only a guard against the hang
		t.Fatal("the import never ended")
	}
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(Added) != 3 {
		t.Fatalf("results %+v", rep.Results)
	}
	names := map[string]bool{}
	for _, r := range rep.Results {
		if len(r.Path) > maxNameBytes || len(r.Path) < maxNameBytes-8 || !utf8.ValidString(r.Path) || names[r.Path] {
			t.Errorf("name %q (%d bytes)", r.Path, len(r.Path))
		}
		names[r.Path] = true
	}
	arch := load(t, dir)
	if len(arch.Articles) != 3 || get(t, arch, archive.IDFromPath(rep.Results[0].Path)).Title != title {
		t.Errorf("loaded %d pieces", len(arch.Articles))
	}
}

// TestFreeNameEnds: a folder that cannot hold the name is an error, not a
// loop.
func TestFreeNameEnds(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if name, _, err := freeName(file, "2017-01-02-x", nil, map[string]bool{}); err == nil {
		t.Errorf("a file as the folder gave name %q", name)
	}
	claimed := map[string]bool{}
	for n := 1; n <= maxNameTries; n++ {
		if n == 1 {
			claimed["x.md"] = true
		} else {
			claimed[fmt.Sprintf("x-%d.md", n)] = true
		}
	}
	if name, _, err := freeName(t.TempDir(), "x", nil, claimed); err == nil {
		t.Errorf("every name taken gave %q", name)
	}
}

// Two imports into one folder at once (two processes; here two
// goroutines, each with its own look at the folder) never write over each
// other's files: two feeds whose items share titles and dates give a file
// each, and the same feed twice gives each piece once. Before, a name was
// looked at and then renamed over: 769 files of 800, both reporting 800
// added (a helper's report).
func TestTwoImportsAtOnce(t *testing.T) {
	const n = 150
	feed := func(guid string) string {
		items := make([][4]string, n)
		for i := range items {
			items[i] = [4]string{fmt.Sprintf("Daily brief %d", i), "Mon, 01 Jan 2018 10:00:00 +0000",
				fmt.Sprintf("https://example.org/%s/%d", guid, i), fmt.Sprintf("%s-%d", guid, i)}
		}
		return rssWith(items...)
	}
	for _, c := range []struct {
		name       string
		feeds      [2]string
		files      int
		added      int // both reports together
		unchangedN int
	}{
		{"two feeds", [2]string{feed("alpha"), feed("beta")}, 2 * n, 2 * n, 0},
		{"one feed twice", [2]string{feed("alpha"), feed("alpha")}, n, n, n},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			reps := make(chan *Report, 2)
			for _, f := range c.feeds {
				go func() {
					rep, err := Import(strings.NewReader(f), "feed.xml", Options{Into: dir})
					if err != nil {
						t.Error(err)
					}
					reps <- rep
				}()
			}
			added, unchanged := 0, 0
			for range 2 {
				if rep := <-reps; rep != nil {
					added += rep.Count(Added)
					unchanged += rep.Count(Unchanged)
				}
			}
			files := snapshot(t, dir)
			if len(files) != c.files || added != c.added || unchanged != c.unchangedN {
				t.Errorf("%d files, %d added, %d unchanged; want %d, %d, %d", len(files), added, unchanged, c.files, c.added, c.unchangedN)
			}
			ids := map[string]string{}
			for rel := range files {
				data, err := os.ReadFile(filepath.Join(dir, rel))
				if err != nil {
					t.Fatal(err)
				}
				id := importIDOf(data)
				if other, dup := ids[id]; dup || id == "" {
					t.Errorf("%s: import_id %q, also in %s", rel, id, other)
				}
				ids[id] = rel
			}
		})
	}
}

// The hidden temporary file of a piece's write that never ended (an import
// killed mid-write) is removed by the next import into the folder once it
// is old; a recent one (another import writing now) and other hidden files
// are left.
func TestImportRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	names := map[string]time.Duration{
		".2018-01-01-a.md.tmp-123456": time.Hour,   // stale: removed
		".2018-01-01-b.md.tmp-654321": time.Second, // being written
		".notes.txt.tmp-42":           time.Hour,   // not a piece's
		".2018-01-01-c.md.tmp-x":      time.Hour,   // not a temporary file's name
	}
	for name, age := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		then := time.Now().Add(-age)
		if err := os.Chtimes(p, then, then); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Import(strings.NewReader(rssWith([4]string{"Z", "Mon, 01 Jan 2018 10:00:00 +0000", "https://example.org/z", "z"})), "f.xml", Options{Into: dir}); err != nil {
		t.Fatal(err)
	}
	for name := range names {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := err != nil; gone != (name == ".2018-01-01-a.md.tmp-123456") {
			t.Errorf("%s: removed %v", name, gone)
		}
	}
}

// A feed item whose link a piece in the folder already has (written by
// folio add, or by another feed, under another import_id) is neither
// written again nor fetched (a helper's report: sync --full-text wrote a
// second copy of every piece added by URL).
func TestItemHeldByURLIsPresent(t *testing.T) {
	dir := t.TempDir()
	added := "---\ntitle: A piece\ndate: 2019-11-06\nurl: https://example.org/a/\nimport_id: https://example.org/a\nimport_hash: 0000000000000000\n---\n\nIts text.\n"
	if err := os.WriteFile(filepath.Join(dir, "2019-11-06-a-piece.md"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://example.org/</link>
<item><title>A piece</title><guid isPermaLink="false">urn:uuid:1</guid><link>https://example.org/a?utm_source=rss</link><pubDate>Wed, 06 Nov 2019 10:00:00 +0000</pubDate><description>Its text.</description></item>
<item><title>Another</title><guid isPermaLink="false">urn:uuid:2</guid><link>https://example.org/b</link><pubDate>Wed, 06 Nov 2019 11:00:00 +0000</pubDate><description>Other text.</description></item>
</channel></rss>`
	var fetched []string
	opts := Options{Into: dir, FullText: func(link string) (Page, error) {
		fetched = append(fetched, link)
		return Page{}, fmt.Errorf("offline")
	}}
	rep, err := Import(strings.NewReader(feed), "feed.xml", opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(Present) != 1 || rep.Count(Added) != 1 || rep.Results[0].Path != "2019-11-06-a-piece.md" {
		t.Errorf("results %+v: want the first present in 2019-11-06-a-piece.md, the second added", rep.Results)
	}
	if !slices.Equal(fetched, []string{"https://example.org/b"}) {
		t.Errorf("fetched %v: want only the item not held", fetched)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 2 {
		t.Errorf("files %v: want the piece held and the new one", files)
	}
}

// The report names the feed as its pieces' outlet is written: its title's
// entities decoded, and made safe after (a helper's report: the report
// showed "&#27;]0;TITLE&#7;" as written while the outlet was decoded).
func TestReportNamesTheFeedAsTheOutlet(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed &amp;amp; Co &amp;#27;]0;TITLE&amp;#7; name</title>
<item><title>A</title><guid>g1</guid><pubDate>Wed, 06 Nov 2019 10:00:00 +0000</pubDate><description>Text.</description></item></channel></rss>`
	dir := t.TempDir()
	rep, err := Import(strings.NewReader(feed), "feed.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := load(t, dir).Articles[0]
	if rep.Feed != a.Outlet || strings.Contains(rep.Feed, "&") && strings.Contains(rep.Feed, "#27") || strings.ContainsAny(rep.Feed, "\x1b\a") {
		t.Errorf("report names the feed %q, the outlet is %q", rep.Feed, a.Outlet)
	}
}

// A link is no piece's identity when many items share it (a podcast's
// episodes linking its home page), nor is a file's source (for a feed's
// items, the feed's site): items new to the feed are written (a review's
// report: after the first import every new episode, and an item linking
// the site's home page, was "present" in an older file).
func TestSharedLinksAndSourcesAreNoPiece(t *testing.T) {
	podcast := func(ns ...string) string {
		var b strings.Builder
		for _, n := range ns {
			b.WriteString(`<item><title>Episode ` + n + `</title><guid isPermaLink="false">urn:ep:` + n + `</guid><link>https://pod.example/</link><pubDate>Wed, 0` + n + ` Nov 2019 10:00:00 +0000</pubDate><description>Show notes ` + n + `.</description></item>`)
		}
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title><link>https://pod.example/</link>` + b.String() + `</channel></rss>`
	}
	blog := func(items string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link>` + items + `</channel></rss>`
	}
	a := `<item><title>A</title><guid>urn:a</guid><link>https://blog.example/a</link><pubDate>Wed, 06 Nov 2019 10:00:00 +0000</pubDate><description>A text.</description></item>`
	b := `<item><title>Welcome</title><guid>urn:b</guid><link>https://blog.example/</link><pubDate>Thu, 07 Nov 2019 10:00:00 +0000</pubDate><description>B text.</description></item>`
	for name, runs := range map[string][]string{
		"podcast": {podcast("1", "2"), podcast("1", "2", "3")},
		"blog":    {blog(a), blog(a + b)},
	} {
		dir := t.TempDir()
		var rep *Report
		for _, feed := range runs {
			var err error
			if rep, err = Import(strings.NewReader(feed), "feed.xml", Options{Into: dir}); err != nil {
				t.Fatal(err)
			}
		}
		if rep.Count(Added) != 1 || rep.Count(Present) != 0 {
			t.Errorf("%s, second import: %+v; want the new item added", name, rep.Results)
		}
	}
}

// A feed item dated in a year folio cannot count (1601, 9999) is ignored
// as undated, not written, said added and then refused by the archive (a
// review's report).
func TestItemDatedOutOfRangeIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link>
<item><title>Old</title><guid>urn:o</guid><link>https://f.example/o</link><pubDate>Mon, 01 Jan 1601 00:00:00 +0000</pubDate><description>Text.</description></item>
<item><title>Far</title><guid>urn:f</guid><link>https://f.example/f</link><pubDate>Fri, 31 Dec 9999 00:00:00 +0000</pubDate><description>Text.</description></item>
</channel></rss>`
	rep, err := Import(strings.NewReader(feed), "feed.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 0 || rep.Count(Ignored) != 2 || len(rep.Problems) != 0 {
		t.Errorf("files %v, results %+v, problems %v; want both ignored, nothing written", files, rep.Results, rep.Problems)
	}
}

// An item dated before the years folio counts is said to be so, not to
// have no date (a helper's report).
func TestImportItemOfAnUncountedYear(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(t.TempDir(), "old.xml")
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Old</title><link>https://old.example/</link>` +
		`<item><title>Old</title><link>https://old.example/a</link><pubDate>Sat, 01 Jan 1600 00:00:00 +0000</pubDate><description>Text.</description></item>` +
		`</channel></rss>`
	if err := os.WriteFile(feed, []byte(rss), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := ImportFile(feed, Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 1 || !strings.Contains(rep.Results[0].Reason, "1600-01-01 is outside the years folio can count") {
		t.Errorf("%+v", rep.Results)
	}
}

// An item the feed now gives another GUID, with the same link, is the
// item its file holds: the file is updated, not written again beside
// it (a helper's report: every item was duplicated at each sync). Two
// items of one feed with one link and their own GUIDs stay two.
func TestNewGUIDSameLink(t *testing.T) {
	dir := t.TempDir()
	date := "Wed, 06 Nov 2019 10:00:00 GMT"
	first := rssWith([4]string{"One", date, "https://example.org/blog/one", "guid-1"}, [4]string{"Two", date, "https://example.org/blog/two", "guid-2"})
	if rep, err := Import(strings.NewReader(first), "t.xml", Options{Into: dir}); err != nil || rep.Count(Added) != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	again := rssWith([4]string{"One", date, "https://example.org/blog/one", "guid-1b"}, [4]string{"Two", date, "https://example.org/blog/two", "guid-2"},
		[4]string{"Two again", date, "https://example.org/blog/two", "guid-3"})
	rep, err := Import(strings.NewReader(again), "t.xml", Options{Into: dir})
	if err != nil || rep.Count(Updated) != 1 || rep.Count(Unchanged) != 1 || rep.Count(Added) != 1 {
		t.Fatalf("%+v %v", rep.Results, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 3 {
		t.Errorf("files %v, want 3", files)
	}
	data, _ := os.ReadFile(filepath.Join(dir, rep.Results[0].Path))
	if !strings.Contains(string(data), "import_id: guid-1b") {
		t.Errorf("the updated file:\n%s", data)
	}
	if rep, err := Import(strings.NewReader(again), "t.xml", Options{Into: dir}); err != nil || rep.Count(Unchanged) != 3 {
		t.Fatalf("third import: %+v %v", rep.Results, err)
	}
}

// A site's name taken from a host drops the host's user name and password
// (a review: a canonical of bob:hunter2@host made the outlet
// "bob:hunter2@host"); a name with a space, or a handle, is a name.
func TestSiteNameWithoutHostUser(t *testing.T) {
	for in, want := range map[string]string{
		"bob:hunter2@127.0.0.1:8788": "127.0.0.1:8788",
		"bob@example.org":            "example.org",
		"bob:hunter2@intranet":       "intranet",
		"@nytimes":                   "@nytimes",
		"The Daily Example":          "The Daily Example",
		"Tom @ Home":                 "Tom @ Home",
		"":                           "",
	} {
		if got := withoutHostUser(in); got != want {
			t.Errorf("withoutHostUser(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every text field of a feed item is read by one rule, as a title is:
// the XML decoded, then the HTML it may hold (RSS 2.0 allows escaped HTML
// in a title; a feed double-escapes "&amp;amp;"), then sanitised, so that
// a control character a decoding makes reaches no file (a helper's
// report: an RSS dc:creator or Atom author kept "&#27;" as written, and
// cite's Markdown cut the name at its ";").
func TestFeedAuthorsDecodedAsTitlesAre(t *testing.T) {
	rss := `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F &amp;amp; Co</title><link>https://example.org/</link>
<item><title>Ti &amp;#27;[31mtle &amp;amp; &lt;b&gt;bold&lt;/b&gt;</title><link>https://example.org/a</link>
<dc:creator>Crea &amp;#27;[31mtor</dc:creator><dc:creator>Au&amp;#x1b;thor</dc:creator><dc:creator>Smith &amp;amp; Jones</dc:creator><dc:creator><![CDATA[AT&T Labs]]></dc:creator>
<category>Cats &amp;amp; dogs</category><pubDate>Mon, 06 Sep 2021 16:45:00 +0000</pubDate><description>Body.</description></item>
</channel></rss>`
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://ex.org/"/><id>urn:x</id><updated>2021-01-01T00:00:00Z</updated>
<entry><title>Entry</title><link href="https://ex.org/e"/><id>urn:e</id><updated>2021-01-01T00:00:00Z</updated>
<author><name>Au&amp;#x7;thor &amp;amp; Co</name></author><author><name>Se&amp;#x1b;cond</name></author><content type="html">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`
	for _, c := range []struct {
		feed, id, title string
		authors         []string
		tags            []string
	}{
		// a reference to ESC is one character, dropped alone, as a
		// browser shows no ESC: what follows it is text ("Crea
		// &#27;[31mtor" was "Crea tor", "Au&#27;thor" was "Auhor")
		{rss, "2021-09-06-ti-31mtle-bold", "Ti [31mtle & bold", []string{"Crea [31mtor", "Author", "Smith & Jones", "AT&T Labs"}, []string{"cats-&-dogs"}},
		{atom, "2021-01-01-entry", "Entry", []string{"Author & Co", "Second"}, nil},
	} {
		dir := t.TempDir()
		if _, err := Import(strings.NewReader(c.feed), "t.xml", Options{Into: dir}); err != nil {
			t.Fatal(err)
		}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if i := strings.IndexFunc(string(b), func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }); i >= 0 {
				t.Errorf("%s: control character %q written", path, b[i])
			}
			if strings.Contains(string(b), "&#") || strings.Contains(string(b), "&amp;") {
				t.Errorf("%s: an entity written as text:\n%s", path, b)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		a := get(t, load(t, dir), c.id)
		if a.Title != c.title || !slices.Equal(a.Authors, c.authors) || !slices.Equal(a.Tags, c.tags) {
			t.Errorf("title %q authors %q tags %q; want %q %q %q", a.Title, a.Authors, a.Tags, c.title, c.authors, c.tags)
		}
	}
}

// A run adds at most MaxNew files, the newest items; the next run adds the
// next ones (a helper's report: a feed of 8,000 items wrote 8,000 files
// in one run).
func TestImportAddsAtMostMaxNew(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>https://many.example/</link>`)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 25 {
		// oldest first, as a WordPress export lists them
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>https://many.example/%d</link><pubDate>%s</pubDate><description>Text %d.</description></item>`,
			i, i, base.AddDate(0, 0, i).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	feed := filepath.Join(t.TempDir(), "many.xml")
	if err := os.WriteFile(feed, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	into := t.TempDir()
	for run, want := range []struct{ added, unchanged, left int }{{10, 0, 15}, {10, 10, 5}, {5, 20, 0}} {
		rep, err := ImportFile(feed, Options{Into: into, MaxNew: 10})
		if err != nil {
			t.Fatal(err)
		}
		if got := (struct{ added, unchanged, left int }{rep.Count(Added), rep.Count(Unchanged), rep.Left}); got != want {
			t.Errorf("run %d: %+v, want %+v", run+1, got, want)
		}
		if run == 0 {
			arch := load(t, into)
			newest := 24
			for _, a := range arch.Articles {
				if a.Title != fmt.Sprintf("Item %d", newest) {
					t.Errorf("added %q, want the newest (Item %d)", a.Title, newest)
				}
				newest--
			}
		}
	}
	rep, err := ImportFile(feed, Options{Into: t.TempDir()})
	if err != nil || rep.Count(Added) != 25 || rep.Left != 0 {
		t.Errorf("no cap: %v, %d added, %d left", err, rep.Count(Added), rep.Left)
	}
}

// An item without a link of its own has no url: not the feed's home page,
// which an empty link resolved to (a helper's report: five Atom entries,
// with only an enclosure, a replies or an edit link, or none, were written
// with url: http://site.org/, and dups took them for copies of one piece).
// A relative link is still made absolute against the site.
func TestItemWithoutLinkHasNoURL(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>AF</title><id>urn:f</id><updated>2020-01-01T00:00:00Z</updated><link rel="alternate" href="http://site.org/"/>
<entry><title>Only enclosure</title><id>urn:1</id><updated>2020-02-01T00:00:00Z</updated><link rel="enclosure" href="http://cdn.org/ep1.mp3"/><content type="html">one</content></entry>
<entry><title>Only replies</title><id>urn:2</id><updated>2020-02-02T00:00:00Z</updated><link rel="replies" href="http://site.org/comments/feed"/><content type="html">two</content></entry>
<entry><title>Only edit</title><id>urn:3</id><updated>2020-02-03T00:00:00Z</updated><link rel="edit" href="http://site.org/api/3"/><content type="html">three</content></entry>
<entry><title>No link</title><id>urn:4</id><updated>2020-02-04T00:00:00Z</updated><content type="html">four</content></entry>
<entry><title>Relative</title><id>urn:5</id><updated>2020-02-05T00:00:00Z</updated><link href="/posts/5"/><content type="html">five</content></entry>
</feed>`
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>RF</title><link>http://site.org/</link>
<item><title>No link</title><guid isPermaLink="false">r1</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><enclosure url="http://cdn.org/r1.mp3" length="1" type="audio/mpeg"/><description>one</description></item>
<item><title>Blank link</title><guid isPermaLink="false">r2</guid><link>  </link><pubDate>Fri, 03 Jan 2020 10:00:00 GMT</pubDate><description>two</description></item>
</channel></rss>`
	for name, c := range map[string]struct {
		feed string
		want map[string]string // title to url
	}{
		"atom": {atom, map[string]string{"Only enclosure": "", "Only replies": "", "Only edit": "", "No link": "", "Relative": "http://site.org/posts/5"}},
		"rss":  {rss, map[string]string{"No link": "", "Blank link": ""}},
	} {
		dir := t.TempDir()
		rep, err := Import(strings.NewReader(c.feed), "feed.xml", Options{Into: dir})
		if err != nil || rep.Count(Added) != len(c.want) {
			t.Fatalf("%s: %+v %v", name, rep, err)
		}
		arch := load(t, dir)
		for _, a := range arch.Articles {
			if want, ok := c.want[a.Title]; !ok || a.URL != want {
				t.Errorf("%s: %q has url %q, want %q", name, a.Title, a.URL, want)
			}
		}
	}
}

// importAs imports feed under name (a file's, or the URL it was fetched
// from) into dir and returns the report.
func importAs(t *testing.T, feed, name, dir string) *Report {
	t.Helper()
	rep, err := Import(strings.NewReader(feed), name, Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// actions lists a report's results as "action path", in feed order.
func actions(rep *Report) []string {
	var out []string
	for _, r := range rep.Results {
		out = append(out, string(r.Action)+" "+r.Path)
	}
	return out
}

// Two feeds that give one GUID hold two items: an import is the feed's
// and the GUID, not the GUID alone (a helper's report: two sites numbering
// their posts 1 and 2, imported into one folder, wrote over each other's
// files at every import, "0 new, 4 updated" at every sync). An item of
// the other feed with a link a file has is "already there (same URL)".
func TestTwoFeedsGivingOneGUID(t *testing.T) {
	site := func(n string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site ` + n + `</title><link>http://` + n + `.example/</link>
<item><title>Post from ` + n + `</title><link>http://` + n + `.example/post</link><guid isPermaLink="false">1</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>text ` + n + `</description></item>
<item><title>Shared link ` + n + `</title><link>http://shared.example/p</link><guid isPermaLink="false">2</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>shared ` + n + `</description></item>
</channel></rss>`
	}
	dir := t.TempDir()
	importAs(t, site("one"), "one.xml", dir)
	before := snapshot(t, dir)
	got := actions(importAs(t, site("two"), "two.xml", dir))
	if want := []string{"added 2020-01-02-post-from-two.md", "present 2020-01-02-shared-link-one.md"}; !slices.Equal(got, want) {
		t.Errorf("the second feed: %v, want %v", got, want)
	}
	after := snapshot(t, dir)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s was written over:\n%s", name, after[name])
		}
	}
	for range 2 { // as sync does, again and again
		for _, f := range [][2]string{{site("one"), "one.xml"}, {site("two"), "two.xml"}} {
			if rep := importAs(t, f[0], f[1], dir); rep.Count(Updated)+rep.Count(Added) != 0 {
				t.Errorf("%s again: %v", f[1], actions(rep))
			}
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 3 {
		t.Errorf("files %v, want 3", files)
	}
}

// A site's main feed and a category's give the site's link and the same
// GUIDs; each is known by its own URL (its rel="self" link, else the URL
// it was fetched from), written as import_feed where it is not the
// source: the post is the first feed's, and "already there (same URL)" to
// the other (a helper's report: every sync "0 new, 2 updated", the file
// written twice, its outlet flipping between the feeds' titles).
func TestSiteFeedsGivingOneItem(t *testing.T) {
	feed := func(title, self string) string {
		link := ""
		if self != "" {
			link = `<atom:link href="` + self + `" rel="self" type="application/rss+xml"/>`
		}
		return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>` + title + `</title><link>http://blog.example.org/</link>` + link + `
<item><title>Election post</title><link>http://blog.example.org/2020/01/election/</link><guid isPermaLink="false">http://blog.example.org/?p=12</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>Same text in both feeds.</description></item>
</channel></rss>`
	}
	const mainURL, catURL = "http://blog.example.org/feed/", "http://blog.example.org/category/politics/feed/"
	for name, self := range map[string]bool{"fetched from": false, "self link": true} {
		mainSelf, catSelf, mainName, catName := "", "", mainURL, catURL
		if self {
			mainSelf, catSelf, mainName, catName = mainURL, catURL, "main.xml", "cat.xml"
		}
		main, cat := feed("Example Blog", mainSelf), feed("Example Blog » Politics", catSelf)
		dir := t.TempDir()
		importAs(t, main, mainName, dir)
		want := snapshot(t, dir)
		for range 2 {
			if got := actions(importAs(t, cat, catName, dir)); !slices.Equal(got, []string{"present 2020-01-02-election-post.md"}) {
				t.Errorf("%s: the category's feed: %v", name, got)
			}
			if got := actions(importAs(t, main, mainName, dir)); !slices.Equal(got, []string{"unchanged 2020-01-02-election-post.md"}) {
				t.Errorf("%s: the main feed again: %v", name, got)
			}
		}
		if got := snapshot(t, dir); len(got) != 1 || got["2020-01-02-election-post.md"] != want["2020-01-02-election-post.md"] {
			t.Errorf("%s: files %v, want the main feed's as written", name, got)
		}
		if a := load(t, dir).Articles[0]; a.Outlet != "Example Blog" || a.Source != cmp.Or(mainSelf, "http://blog.example.org/") {
			t.Errorf("%s: outlet %q, source %q", name, a.Outlet, a.Source)
		}
	}
}

// A file imported before import_feed was (its import_id the GUID alone,
// its source the site's link) is still its feed's: updated in place, its
// name kept, gaining the import_feed of the feed read from a file (its
// title and site link, fileFeedID), then, fetched from a URL, its URL.
func TestFilesImportedBeforeImportFeedAreStillTheFeeds(t *testing.T) {
	dir := t.TempDir()
	old := "---\ntitle: Election post\ndate: \"2020-01-02\"\noutlet: Example Blog\nurl: http://blog.example.org/2020/01/election/\nsource: http://blog.example.org/\nimport_id: http://blog.example.org/?p=12\n"
	without := old + "---\n\nSame text in both feeds.\n"
	old += "import_hash: " + hashOf([]byte(without)) + "\n---\n\nSame text in both feeds.\n"
	path := filepath.Join(dir, "2020-01-02-election-post.md")
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Blog</title><link>http://blog.example.org/</link>
<item><title>Election post</title><link>http://blog.example.org/2020/01/election/</link><guid isPermaLink="false">http://blog.example.org/?p=12</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>Same text in both feeds.</description></item>
</channel></rss>`
	if got := actions(importAs(t, feed, "feed.xml", dir)); !slices.Equal(got, []string{"updated 2020-01-02-election-post.md"}) {
		t.Errorf("from a file: %v; want the old file updated", got)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "import_feed: "+fileFeedID("Example Blog", "http://blog.example.org/")+"\n") {
		t.Errorf("the file updated from a file:\n%s", data)
	}
	if got := actions(importAs(t, feed, "feed.xml", dir)); !slices.Equal(got, []string{"unchanged 2020-01-02-election-post.md"}) {
		t.Errorf("from a file again: %v; want the file unchanged", got)
	}
	if got := actions(importAs(t, feed, "http://blog.example.org/feed/", dir)); !slices.Equal(got, []string{"updated 2020-01-02-election-post.md"}) {
		t.Errorf("fetched: %v; want the old file updated", got)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "import_feed: http://blog.example.org/feed/\nimport_id: http://blog.example.org/?p=12\n") {
		t.Errorf("the file updated:\n%s", data)
	}
	changed := strings.Replace(feed, "Same text in both feeds.", "Changed text.", 1)
	if got := actions(importAs(t, changed, "http://blog.example.org/feed/", dir)); !slices.Equal(got, []string{"updated 2020-01-02-election-post.md"}) {
		t.Errorf("changed: %v", got)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 {
		t.Errorf("files %v, want the one", files)
	}
}

// A feed item whose GUID and link are a page folio add saved (its
// import_id the page's URL) leaves the page alone: "already there (same
// URL)" (a helper's report: sync wrote the feed's 223-byte summary over
// the 1,247-byte page, "0 new, 1 updated").
func TestFeedItemLeavesAnAddedPageAlone(t *testing.T) {
	dir := t.TempDir()
	text := strings.Repeat("The whole text of the page, as it was added. ", 10)
	page := mutPage("http://site.example/hpage", `<title>HP</title><meta property="article:published_time" content="2020-01-02">`, text)
	rep, err := AddPage(page, PageOptions{Options: Options{Into: dir}})
	if err != nil || rep.Count(Added) != 1 {
		t.Fatalf("%v %+v", err, rep)
	}
	added := snapshot(t, dir)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed of site</title><link>http://site.example/</link>
<item><title>HP summary</title><link>http://site.example/hpage</link><guid>http://site.example/hpage</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>Short summary only.</description></item>
</channel></rss>`
	for _, name := range []string{"feed.xml", "http://site.example/feed/"} {
		got := importAs(t, feed, name, dir)
		if len(got.Results) != 1 || got.Results[0].Action != Present || got.Results[0].Path != rep.Results[0].Path || got.Results[0].Reason != "same URL" {
			t.Errorf("%s: %+v, want present in %s", name, got.Results, rep.Results[0].Path)
		}
	}
	if after := snapshot(t, dir); len(after) != 1 || after[rep.Results[0].Path] != added[rep.Results[0].Path] {
		t.Errorf("the page was written over: %v", after)
	}
}

// Two feeds' items of one GUID, title and day, with links of their own,
// are two files: the second is not taken for the first under its name.
func TestTwoFeedsOneGUIDOneTitle(t *testing.T) {
	site := func(n string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Site ` + n + `</title><link>http://` + n + `.example/</link>
<item><title>Hello world</title><link>http://` + n + `.example/hello</link><guid isPermaLink="false">1</guid><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>text ` + n + `</description></item>
</channel></rss>`
	}
	dir := t.TempDir()
	importAs(t, site("one"), "one.xml", dir)
	if got := actions(importAs(t, site("two"), "two.xml", dir)); !slices.Equal(got, []string{"added 2020-01-02-hello-world-2.md"}) {
		t.Errorf("the second feed: %v", got)
	}
	for _, n := range []string{"one", "two"} {
		if got := actions(importAs(t, site(n), n+".xml", dir)); len(got) != 1 || !strings.HasPrefix(got[0], "unchanged ") {
			t.Errorf("%s again: %v", n, got)
		}
	}
}

// An item whose file would be over the archive's limit is not written:
// ignored, the message naming it and the limit, the other items added, a
// file the item had before left as it was (a helper's report: an 11.5 MB
// item was written, said added, and skipped by the archive).
func TestItemOverTheFileLimitIsNotWritten(t *testing.T) {
	item := func(title, text string) string {
		return `<item><title>` + title + `</title><link>http://big.example/` + title + `</link><pubDate>Thu, 02 Jan 2020 10:00:00 GMT</pubDate><description>` + text + `</description></item>`
	}
	feed := func(huge string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>http://big.example/</link>` +
			item("Huge", huge) + item("Small", "A small one.") + `</channel></rss>`
	}
	dir := t.TempDir()
	if rep := importAs(t, feed("Once small."), "big.xml", dir); rep.Count(Added) != 2 {
		t.Fatalf("%v", actions(rep))
	}
	before := snapshot(t, dir)
	for _, fresh := range []bool{false, true} {
		if fresh {
			dir = t.TempDir()
		}
		rep := importAs(t, feed(strings.Repeat("word ", archive.MaxFileSize/5+1)), "big.xml", dir)
		huge := rep.Results[0]
		if huge.Action != Ignored || huge.Path != "" || huge.Title != "Huge" || !strings.Contains(huge.Reason, "over the archive's 10 MB limit: not written") || len(rep.Problems) != 0 {
			t.Errorf("fresh %v: %+v, problems %v", fresh, rep.Results, rep.Problems)
		}
		if fresh {
			if files, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(files) != 1 || rep.Count(Added) != 1 {
				t.Errorf("files %v: want the small one alone", files)
			}
		} else if after := snapshot(t, dir); !maps.Equal(before, after) {
			t.Errorf("the files written before changed: %v", after)
		}
		load(t, dir)
	}
}
