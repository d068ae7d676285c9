package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedPastItsCapsIsRefused: a feed of more items or elements than
// the caps is refused before it is parsed, naming the file and the count,
// nothing written (an attack: a 7 MB feed of a million empty items took
// 1.5 GB and 74 s and printed a million lines); counted however gofeed
// would read it (control bytes it drops, a declared charset, a JSON
// Feed, Atom), while markup in a comment or CDATA is no item and a feed at the
// caps is read.
func TestFeedPastItsCapsIsRefused(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>M</title><link>http://x/</link>`
	const end = `</channel></rss>`
	dated := `<item><title>Dated</title><link>http://x/1</link><pubDate>Mon, 01 Jan 2001 00:00:00 +0000</pubDate><description>`
	over := MaxFeedItems + 1
	for _, c := range []struct {
		name, feed, want string
	}{
		{"empty-items.xml", rss + strings.Repeat(`<item/>`, over) + end, "empty-items.xml holds more than 200,000 items"},
		{"entries.xml", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>` + strings.Repeat(`<entry/>`, over) + `</feed>`, "entries.xml holds more than 200,000 items"},
		{"items.json", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{}` + strings.Repeat(`,{}`, over-1) + `]}`, "items.json holds more than 200,000 items"},
		// gofeed drops the control byte: each is an item to it
		{"controls.xml", rss + strings.Repeat("<\x02item/>", over) + end, "controls.xml holds more than 200,000 items"},
		// read in the charset declared: its high bytes are no error
		{"latin1.xml", strings.Replace(rss, `version="1.0"`, `version="1.0" encoding="ISO-8859-1"`, 1) + "<!-- caf\xe9 <a> -->" + strings.Repeat("<item><title>caf\xe9</title></item>", over) + end, "latin1.xml holds more than 200,000 items"},
		{"extensions.xml", strings.Replace(rss, `version="2.0"`, `version="2.0" xmlns:z="http://z/"`, 1) + dated + `</description>` + strings.Repeat(`<z:a/>`, MaxFeedElements+1) + `</item>` + end, "extensions.xml holds more than 3,000,000 elements"},
		// markup in a comment or CDATA is no element: counted by its
		// bytes first, then read (a control byte, a declared charset no
		// error of that reading)
		{"comment.xml", rss + dated + "<![CDATA[<p>A <item>\x02.</p>]]></description><!-- " + strings.Repeat(`<item/>`, over) + ` --></item>` + end, ""},
		{"latin1-comment.xml", strings.Replace(rss, `version="1.0"`, `version="1.0" encoding="ISO-8859-1"`, 1) + dated + "caf\xe9</description><!-- " + strings.Repeat(`<item/>`, over) + ` --></item>` + end, ""},
		// commas in a JSON Feed's text are no values
		{"commas.json", `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"http://x/1","title":"Dated","date_published":"2001-01-01T00:00:00Z","content_text":"` + strings.Repeat(`,`, over) + `"}]}`, ""},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.feed), 0o644); err != nil {
			t.Fatal(err)
		}
		into := filepath.Join(dir, "into")
		rep, err := ImportFile(path, Options{Into: into, MaxNew: DefaultMaxNew})
		if c.want == "" {
			if err != nil || rep.Count(Added) != 1 {
				t.Errorf("%s: %v, want one item added: %+v", c.name, err, rep)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
		if _, err := os.Stat(into); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: the folder was made (%v)", c.name, err)
		}
	}

	// at the caps, a feed is read
	for _, feed := range []string{
		rss + strings.Repeat(`<item/>`, MaxFeedItems) + end,
		rss + strings.Repeat(`<item><category/></item>`, MaxFeedItems) + end,
	} {
		if n := countFeed([]byte(feed)); !n.within() || n.items != MaxFeedItems || n.tooBig("f.xml") != nil {
			t.Errorf("a feed at the caps counted %+v", n)
		}
	}
}
