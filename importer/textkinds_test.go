package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/folio-tui/folio/archive"
)

// shown is the text a CommonMark renderer shows of md.
func shown(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(htmlText(out.String())), " ")
}

const kindsAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Signs &amp;amp; Co</title>
  <link href="https://example.org/"/>
  <id>urn:x</id>
  <updated>2019-01-01T00:00:00Z</updated>
  <entry>
    <title type="text">Write &amp;copy; for the sign</title>
    <id>urn:x:1</id>
    <updated>2019-01-01T00:00:00Z</updated>
    <author><name>Tom &amp;amp; Jerry</name></author>
    <content type="text">Use &amp;copy; and &amp;lt;b&amp;gt; in HTML. Also 5 &lt; 6.</content>
  </entry>
  <entry>
    <title type="html">An &lt;b&gt;html&lt;/b&gt; &amp;amp; title</title>
    <id>urn:x:2</id>
    <updated>2019-01-02T00:00:00Z</updated>
    <summary>Plain *summary* &amp;copy; of it</summary>
    <content type="html">&lt;p&gt;Use &amp;amp;copy; to write &amp;copy;.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X &amp;amp; <b>Y</b></div></title>
    <id>urn:x:3</id>
    <updated>2019-01-03T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Use &amp;copy; <i>here</i></p></div></content>
  </entry>
  <entry>
    <title><![CDATA[Raw &amp; <b>text</b>]]></title>
    <id>urn:x:4</id>
    <updated>2019-01-04T00:00:00Z</updated>
    <summary type="text">Only a summary &amp;amp; no content</summary>
  </entry>
</feed>
`

// Each field is read as its feed says: Atom's type="text" (the default) is
// text, "html" and "xhtml" HTML; RSS's fields are HTML. Entity-like text
// was decoded a second time: "Write &amp;copy; for the sign" read "Write ©
// for the sign".
func TestFeedFieldsAreReadByTheirKind(t *testing.T) {
	dir := t.TempDir()
	rep, err := Import(strings.NewReader(kindsAtom), "a.xml", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Feed != "Signs &amp; Co" {
		t.Errorf("feed %q", rep.Feed)
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>R &amp;amp; S</title><link>https://example.org/</link>
<item><title>Tom &amp;amp; Jerry &amp;lt;3</title><link>https://example.org/r1</link><author>x@example.org (Ann &amp;amp;lt;3)</author>
<pubDate>Mon, 07 Jan 2019 00:00:00 +0000</pubDate><description>Use &amp;amp;copy; to write &amp;copy;.</description></item>
</channel></rss>`
	if _, err := Import(strings.NewReader(rss), "r.xml", Options{Into: dir}); err != nil {
		t.Fatal(err)
	}
	arch := load(t, dir)
	for _, c := range []struct{ id, title, body, standfirst string }{
		{"2019-01-01-write-copy-for-the-sign", "Write &copy; for the sign", "Use &copy; and &lt;b&gt; in HTML. Also 5 < 6.", ""},
		{"2019-01-02-an-html-title", "An html & title", "Use &copy; to write ©.", "Plain *summary* &copy; of it"},
		{"2019-01-03-x-amp-y", "X &amp; Y", "Use &copy; here", ""},
		{"2019-01-04-raw-amp-b-text-b", "Raw &amp; <b>text</b>", "Only a summary &amp; no content", ""},
		{"2019-01-07-tom-jerry-3", "Tom & Jerry <3", "Use &copy; to write ©.", ""},
	} {
		a := get(t, arch, c.id)
		if a.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.id, a.Title, c.title)
		}
		if got := shown(t, a.Body); got != c.body {
			t.Errorf("%s: body %q shows %q, want %q", c.id, a.Body, got, c.body)
		}
		if a.Standfirst != c.standfirst {
			t.Errorf("%s: standfirst %q, want %q", c.id, a.Standfirst, c.standfirst)
		}
	}
	// an RSS author's HTML decoded once, where it was twice ("Ann <3")
	if a := get(t, arch, "2019-01-07-tom-jerry-3"); strings.Join(a.Authors, "|") != "Ann &lt;3" {
		t.Errorf("an RSS name: %q", a.Authors)
	}
}

// A JSON Feed's titles and summaries are text, its content_text too.
func TestJSONFeedTextIsText(t *testing.T) {
	dir := t.TempDir()
	feed := `{"version": "https://jsonfeed.org/version/1.1", "title": "J &amp; K", "items": [
 {"id": "1", "title": "A &amp; B", "date_published": "2019-01-01T00:00:00Z", "content_text": "Use &copy; here."},
 {"id": "2", "title": "C", "date_published": "2019-01-02T00:00:00Z", "content_html": "<p>Use &amp;copy; &amp; &copy;.</p>"}]}`
	rep, err := Import(strings.NewReader(feed), "j.json", Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Feed != "J &amp; K" {
		t.Errorf("feed %q", rep.Feed)
	}
	arch := load(t, dir)
	if a := get(t, arch, "2019-01-01-a-amp-b"); a.Title != "A &amp; B" || shown(t, a.Body) != "Use &copy; here." {
		t.Errorf("text item: %q, %q", a.Title, a.Body)
	}
	if a := get(t, arch, "2019-01-02-c"); shown(t, a.Body) != "Use &copy; & ©." {
		t.Errorf("html item: %q shows %q", a.Body, shown(t, a.Body))
	}
}

// Atom 0.3's mode says what a field holds where there is no type:
// "escaped" is HTML escaped in the XML, which gofeed gives undecoded ("Tom
// &amp;amp; Jerry" was kept so, decoded zero times; it is the HTML "Tom
// &amp; Jerry"); "xml" is markup; "base64" gofeed decodes to text. An
// escaped field in a CDATA section gofeed gives decoded, as HTML.
func TestAtom03ModesAreRead(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title mode="escaped">Tom &amp;amp; Jerry</title>
  <link rel="alternate" type="text/html" href="https://example.org/"/>
  <modified>2019-01-01T00:00:00Z</modified>
  <entry>
    <title mode="escaped">Tom &amp;amp; Jerry</title>
    <id>urn:x:1</id>
    <issued>2019-01-01T00:00:00Z</issued>
    <content mode="escaped">Fish &amp;amp; chips &amp;lt;i&amp;gt; &lt;b&gt;bold&lt;/b&gt; Au&amp;#27;thor</content>
  </entry>
  <entry>
    <title mode="xml">Markup <b>x</b> &amp;amp; y</title>
    <id>urn:x:2</id>
    <issued>2019-01-02T00:00:00Z</issued>
    <content mode="base64">UGxhaW4gJmFtcDsgPGI+dGV4dDwvYj4=</content>
  </entry>
  <entry>
    <title mode="escaped"><![CDATA[Cdata &amp; <i>co</i>]]></title>
    <id>urn:x:3</id>
    <issued>2019-01-03T00:00:00Z</issued>
    <content mode="escaped" type="text/plain">Plain &amp;amp; text</content>
  </entry>
</feed>
`
	dir := t.TempDir()
	name := filepath.Join(t.TempDir(), "a.xml")
	if err := os.WriteFile(name, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Import(f, name, Options{Into: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Feed != "Tom & Jerry" {
		t.Errorf("feed %q, want %q", rep.Feed, "Tom & Jerry")
	}
	arch := load(t, dir)
	for _, c := range []struct{ id, title, body string }{
		{"2019-01-01-tom-jerry", "Tom & Jerry", "Fish & chips <i> bold Author"},
		{"2019-01-02-markup-x-amp-y", "Markup x &amp; y", "Plain &amp; <b>text</b>"},
		{"2019-01-03-cdata-co", "Cdata & co", "Plain &amp; text"},
	} {
		a := get(t, arch, c.id)
		if a.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.id, a.Title, c.title)
		}
		if got := shown(t, a.Body); got != c.body {
			t.Errorf("%s: body %q shows %q, want %q", c.id, a.Body, got, c.body)
		}
	}
}

// What the importer writes of a title, an author, a tag and a standfirst
// reads back as the text it was: the archive reads those fields with
// their character references decoded, so a page's title that is the text
// "AT&amp;T" or "&copy; 2020" is written with its "&" escaped where it
// begins a reference (archive.PlainText), as an outlet is written for
// Markdown (archive.MarkdownText).
func TestHostileFieldsReadBackAsWritten(t *testing.T) {
	for _, s := range []string{
		"AT&amp;T", "&copy; 2020", "&copy 2020", "Don&#8217;t", "&#27;[31mred", "a &amp;amp; b",
		"&#&#27;27;", "&#x&#27;1b;", "R&D & co", "&", "&;", "&#;", "&#12345678;", "&#128;", "&fjlig;",
		"&copyx;", "&amp", "&&amp;;", "&#27", "&#x1b", "&#65&#66;", "x &#x202e;y", "Caf&eacute; *x* [y](z)",
	} {
		p := &piece{frontMatter: frontMatter{Title: s, Date: "2020-01-02", Authors: []string{s, "Ann Lee"},
			Outlet: s, Tags: []string{tagOf(s)}, Standfirst: s, ImportID: "x"}, Body: "Body."}
		p.capFields()
		content, err := p.render()
		if err != nil {
			t.Fatal(err)
		}
		a, probs := archive.Parse("p.md", content)
		if len(probs) > 0 {
			t.Fatalf("%q: %v\n%s", s, probs, content)
		}
		line := archive.SanitizeLine(s)
		for _, c := range []struct{ what, got, want string }{
			{"title", a.Title, line},
			{"author", a.Authors[0], line},
			{"outlet", a.Outlet, line},
			{"tag", strings.Join(a.Tags, "|"), tagOf(s)},
			{"standfirst", a.Standfirst, line},
		} {
			if c.got != c.want {
				t.Errorf("%s %q reads %q, want %q:\n%s", c.what, s, c.got, c.want, content)
			}
		}
	}
}
