package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// These tests hold behaviour a mutation pass found untested.

func writeFeed(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// An Atom entry with only <updated> is dated by it in its own zone (a late
// evening piece stays on its day), and --max-new takes the newest by it.
func TestAtomUpdatedOnlyDatesAndMaxNew(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Updated</title><link href="https://upd.example/"/>`)
	for i := range 3 { // oldest first
		fmt.Fprintf(&b, `<entry><title>Entry %d</title><id>urn:e%d</id><link href="https://upd.example/%d"/><updated>2024-05-0%dT23:30:00-05:00</updated><content type="html">Text %d.</content></entry>`, i, i, i, i+1, i)
	}
	b.WriteString(`</feed>`)
	feed := writeFeed(t, "upd.xml", b.String())
	into := t.TempDir()
	rep, err := ImportFile(feed, Options{Into: into, MaxNew: 1})
	if err != nil || rep.Count(Added) != 1 || rep.Left != 2 {
		t.Fatalf("%v: %d added, %d left", err, rep.Count(Added), rep.Left)
	}
	arch := load(t, into)
	if len(arch.Articles) != 1 || arch.Articles[0].Title != "Entry 2" || arch.Articles[0].Date.String() != "2024-05-03" {
		t.Errorf("added %+v, want Entry 2 of 2024-05-03", arch.Articles)
	}
}

// A feed that gives its items new GUIDs (same links) is not "new items
// past --max-new": its files are the items', and nothing is left for the
// next run (which would also keep sync from storing the feed's ETag).
func TestNewGUIDsAreNotLeftPastMaxNew(t *testing.T) {
	feedOf := func(prefix string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>G</title><link>https://g.example/</link>`)
		for i := range 3 {
			fmt.Fprintf(&b, `<item><title>Item %d</title><guid isPermaLink="false">%s-%d</guid><link>https://g.example/%d</link><pubDate>Mon, 0%d Jan 2024 10:00:00 +0000</pubDate><description>Text %d.</description></item>`, i, prefix, i, i, i+1, i)
		}
		return b.String() + `</channel></rss>`
	}
	into := t.TempDir()
	if rep, err := ImportFile(writeFeed(t, "a.xml", feedOf("a")), Options{Into: into}); err != nil || rep.Count(Added) != 3 {
		t.Fatalf("first: %v", err)
	}
	rep, err := ImportFile(writeFeed(t, "b.xml", feedOf("b")), Options{Into: into, MaxNew: 1})
	if err != nil || rep.Left != 0 || rep.Count(Added) != 0 || len(load(t, into).Articles) != 3 {
		t.Errorf("new GUIDs: %v, %d added, %d left, %+v", err, rep.Count(Added), rep.Left, rep.Results)
	}
}

// An author given as an e-mail address is no name; the others are kept.
func TestAuthorsWithoutEmailAddresses(t *testing.T) {
	feed := writeFeed(t, "dc.xml", `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>DC</title><link>https://dc.example/</link>
<item><title>Two</title><link>https://dc.example/1</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><dc:creator>news@dc.example</dc:creator><dc:creator>Jo Writer</dc:creator><description>Text.</description></item></channel></rss>`)
	into := t.TempDir()
	if _, err := ImportFile(feed, Options{Into: into}); err != nil {
		t.Fatal(err)
	}
	if a := load(t, into).Articles; len(a) != 1 || !slices.Equal(a[0].Authors, []string{"Jo Writer"}) {
		t.Errorf("authors %+v", a)
	}
}

// With FullText, an item whose file the folder holds is not fetched
// again; a title of exactly the cap is kept whole.
func TestFullTextFetchesOnlyNewItems(t *testing.T) {
	title := strings.Repeat("w", maxTitleBytes)
	feed := writeFeed(t, "f.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link>
<item><title>`+title+`</title><link>https://f.example/1</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>Text.</description></item></channel></rss>`)
	into := t.TempDir()
	var asked []string
	get := func(link string) (Page, error) {
		asked = append(asked, link)
		return Page{}, fmt.Errorf("offline")
	}
	for range 2 {
		if _, err := ImportFile(feed, Options{Into: into, FullText: get}); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(asked, []string{"https://f.example/1"}) {
		t.Errorf("pages asked for: %q", asked)
	}
	if a := load(t, into).Articles; len(a) != 1 || a[0].Title != title {
		t.Errorf("title %q", a[0].Title)
	}
}

const mutPara = "A paragraph of thoughts, at some length and with care, about the matter at hand. "

func mutPage(url, head, text string) Page {
	return Page{URL: url, HTML: []byte(`<html><head>` + head + `</head><body><article><p>` + text + `</p><p>` + strings.Repeat(mutPara, 10) + `</p></article></body></html>`)}
}

// A page whose URL a piece has is Present even with --as-copy (it is that
// piece, not a republished copy); its canonical URL, not the URL fetched,
// is its import_id, and the URL it was fetched from finds it too.
func TestAddPageSameURLAndCanonical(t *testing.T) {
	into := t.TempDir()
	text := strings.Repeat("Something said once, and said well, by someone. ", 8)
	pg := mutPage("https://site.example/p?utm=1", `<title>Said well</title><link rel="canonical" href="https://site.example/p"><meta property="article:published_time" content="2024-05-01">`, text)
	rep, err := AddPage(pg, PageOptions{Options: Options{Into: into}})
	if err != nil || rep.Results[0].Action != Added {
		t.Fatalf("%v %+v", err, rep)
	}
	data, _ := os.ReadFile(filepath.Join(into, rep.Results[0].Path))
	if !strings.Contains(string(data), "import_id: https://site.example/p\n") {
		t.Errorf("import_id is not the canonical URL:\n%s", data)
	}
	// the same URL fetched again: Present even when asked as a copy
	rep, err = AddPage(pg, PageOptions{Options: Options{Into: into}, AsCopy: true})
	if err != nil || rep.Results[0].Action != Present || rep.Results[0].Reason != "same URL" {
		t.Errorf("again with --as-copy: %v %+v", err, rep.Results)
	}
	// another text at the URL it was fetched from, with no canonical
	other := mutPage("https://site.example/p?utm=1", `<title>Other</title><meta property="article:published_time" content="2024-05-02">`, strings.Repeat("Quite another text about other things entirely. ", 8))
	rep, err = AddPage(other, PageOptions{Options: Options{Into: into}})
	if err != nil || rep.Results[0].Action != Present || rep.Results[0].Reason != "same URL" {
		t.Errorf("the fetched URL again: %v %+v", err, rep.Results)
	}
}

// A page's own date wins over --date, which is for a page without one;
// without a site name the outlet is the host without "www."; at most
// archive.MaxAuthors authors are kept.
func TestAddPageDateOutletAuthors(t *testing.T) {
	var authors []string
	for i := range archive.MaxAuthors + 10 {
		authors = append(authors, fmt.Sprintf("Writer %c%c", 'A'+i/26, 'a'+i%26))
	}
	pg := mutPage("https://www.outlet.example/2024/a", `<title>Dated</title><meta property="article:published_time" content="2024-05-01"><meta name="author" content="`+strings.Join(authors, "; ")+`">`, strings.Repeat("A dated text. ", 20))
	p, why := extractPage(pg, "2019")
	if why != "" {
		t.Fatal(why)
	}
	if p.Date != "2024-05-01" || p.Outlet != "outlet.example" {
		t.Errorf("date %q outlet %q", p.Date, p.Outlet)
	}
	if len(p.Authors) != archive.MaxAuthors {
		t.Errorf("%d authors: %q", len(p.Authors), p.Authors)
	}
}

// A page fetched again from the URL a piece was fetched from is that
// piece, though it now names another canonical URL.
func TestAddPageFoundByTheURLFetched(t *testing.T) {
	into := t.TempDir()
	text := strings.Repeat("Something said once, and said well, by someone. ", 8)
	first := mutPage("https://site.example/fetched", `<title>Said well</title><link rel="canonical" href="https://site.example/canon-1"><meta property="article:published_time" content="2024-05-01">`, text)
	if rep, err := AddPage(first, PageOptions{Options: Options{Into: into}}); err != nil || rep.Results[0].Action != Added {
		t.Fatalf("%v %+v", err, rep)
	}
	again := mutPage("https://site.example/fetched", `<title>Said again</title><link rel="canonical" href="https://site.example/canon-2"><meta property="article:published_time" content="2024-05-02">`, strings.Repeat("Quite another text about other things entirely. ", 8))
	if rep, err := AddPage(again, PageOptions{Options: Options{Into: into}}); err != nil || rep.Results[0].Action != Present || rep.Results[0].Reason != "same URL" {
		t.Errorf("%v %+v", err, rep.Results)
	}
}

// Short pages alike (fewer than archive.MinCopyWords words: notes from one
// template) are not one piece: the second is added.
func TestShortPagesAlikeAreBothAdded(t *testing.T) {
	into := t.TempDir()
	page := func(url string) Page {
		return Page{URL: url, HTML: []byte(`<html><head><title>Notice</title><meta property="article:published_time" content="2024-05-01"></head><body><article><p>` +
			strings.Repeat("The office is closed today for the holiday, as every year. ", 4) + `</p></article></body></html>`)}
	}
	for _, u := range []string{"https://notes.example/1", "https://notes.example/2"} {
		if rep, err := AddPage(page(u), PageOptions{Options: Options{Into: into}}); err != nil || rep.Results[0].Action != Added {
			t.Errorf("%s: %v %+v", u, err, rep.Results)
		}
	}
}

// With FullText, an item without an author takes its page's.
func TestFullTextAuthorsFromThePage(t *testing.T) {
	feed := writeFeed(t, "a.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>A</title><link>https://a.example/</link>
<item><title>Anonymous</title><link>https://a.example/1</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>Text.</description></item></channel></rss>`)
	into := t.TempDir()
	get := func(link string) (Page, error) {
		return mutPage(link, `<title>Anonymous</title><meta name="author" content="Page Writer">`, strings.Repeat("The whole text of the page. ", 20)), nil
	}
	if _, err := ImportFile(feed, Options{Into: into, FullText: get}); err != nil {
		t.Fatal(err)
	}
	if a := load(t, into).Articles; len(a) != 1 || !slices.Equal(a[0].Authors, []string{"Page Writer"}) {
		t.Errorf("%+v", a)
	}
}

// A password-protected WordPress post is not imported: the export holds
// its text, which its author kept from readers.
func TestWordPressPasswordProtectedPostIsIgnored(t *testing.T) {
	item := func(title, password string) string {
		return `<item><title>` + title + `</title><link>https://wp.example/` + title + `</link><dc:creator>ann</dc:creator>
<content:encoded><![CDATA[The text of ` + title + `.]]></content:encoded><wp:post_id>1</wp:post_id><wp:post_date>2024-02-01 10:00:00</wp:post_date>
<wp:post_name>` + title + `</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password>` + password + `</wp:post_password></item>`
	}
	feed := writeFeed(t, "wp.xml", `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>WP</title><link>https://wp.example</link><wp:wxr_version>1.2</wp:wxr_version>`+item("open", "")+item("secret", "hunter2")+`</channel></rss>`)
	into := t.TempDir()
	rep, err := ImportFile(feed, Options{Into: into})
	if err != nil || rep.Count(Added) != 1 || rep.Count(Ignored) != 1 {
		t.Fatalf("%v %+v", err, rep.Results)
	}
	if a := load(t, into).Articles; len(a) != 1 || a[0].Title != "open" {
		t.Errorf("%+v", a)
	}
}
