package importer

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	gofeedjson "github.com/mmcdole/gofeed/json"
	"golang.org/x/net/html/charset"
)

// Feeds differ in what their text fields hold, and gofeed gives each one
// as the file has it once the XML is decoded, without saying which:
//
//   - RSS 2.0: a title, a description and content:encoded are HTML, their
//     markup and entities encoded once more in the XML ("Tom &amp;amp;
//     Jerry" is the HTML "Tom &amp; Jerry", the text "Tom & Jerry"), as
//     the RSS best practices have it and feed readers read them (Python's
//     feedparser among them). A WordPress export is RSS.
//   - Atom says which, in its text constructs' type: "text" (the default,
//     and Atom 0.3's "text/plain") is text, "html" (0.3's "text/html") and
//     "xhtml" are HTML; an entry's title, summary and content, and the
//     feed's title, are read by theirs (atomKinds). A person's name has
//     no type: it is read as HTML, as RSS's are, one rule for names
//     (TestFeedAuthorsDecodedAsTitlesAre: a name "Au&amp;#x1b;thor" is a
//     feed's escaping twice, not a name to keep as written).
//   - JSON Feed: titles and summaries are text, content_html HTML and
//     content_text text.
//
// Text is turned into the HTML that shows it (textHTML) before it takes the
// path of HTML, so that "Write &amp;copy; for the sign" in an Atom title of
// type text reads "Write &copy; for the sign", where it was decoded again
// to "Write © for the sign" (a helper's report).
type feedKinds struct {
	titleText bool // the feed's title is text
	items     map[*gofeed.Item]itemKinds
}

// itemKinds says which of an item's fields are text rather than HTML.
type itemKinds struct{ title, summary, content bool }

// kindsOf reads the kinds of feed's fields from data, the file it was
// parsed from. Where it cannot tell (an Atom file encoding/xml cannot
// read, or one whose entries it counts otherwise than gofeed), the
// fields are HTML, as RSS has them.
func kindsOf(feed *gofeed.Feed, data []byte) feedKinds {
	k := feedKinds{items: map[*gofeed.Item]itemKinds{}}
	switch feed.FeedType {
	case "atom":
		title, entries, ok := atomKinds(data)
		if !ok || len(entries) != len(feed.Items) {
			return feedKinds{}
		}
		k.titleText = title
		for i, it := range feed.Items {
			k.items[it] = entries[i]
		}
	case "json":
		jf, err := (&gofeedjson.Parser{}).Parse(bytes.NewReader(data))
		if err != nil || len(jf.Items) != len(feed.Items) {
			return feedKinds{}
		}
		k.titleText = true
		for i, it := range feed.Items {
			k.items[it] = itemKinds{title: true, summary: true, content: jf.Items[i].ContentHTML == ""}
		}
	}
	return k
}

// atomNamespaces are Atom 1.0's and 0.3's; gofeed reads an element of
// neither as Atom too.
var atomNamespaces = map[string]bool{"": true, "http://www.w3.org/2005/Atom": true, "http://purl.org/atom/ns#": true}

// atomKinds reads, from an Atom file, whether the feed's title is text,
// and of each entry in order whether its title, summary and content are.
func atomKinds(data []byte) (titleText bool, entries []itemKinds, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	titleText = true
	var path []string // the Atom names of the open elements, "" for others
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return titleText, entries, true
		}
		if err != nil {
			return false, nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := ""
			if atomNamespaces[t.Name.Space] {
				name = t.Name.Local
			}
			switch {
			case len(path) == 1 && path[0] == "feed" && name == "title":
				titleText = isTextType(t.Attr)
			case len(path) == 1 && path[0] == "feed" && name == "entry":
				entries = append(entries, itemKinds{true, true, true})
			case len(path) == 2 && path[0] == "feed" && path[1] == "entry":
				e := &entries[len(entries)-1]
				switch name {
				case "title":
					e.title = isTextType(t.Attr)
				case "summary":
					e.summary = isTextType(t.Attr)
				case "content":
					e.content = isTextType(t.Attr)
				}
			}
			path = append(path, name)
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// isTextType says whether an Atom text construct with attrs is text: its
// type is "text" or absent, or a text/ type other than text/html (Atom
// 0.3), as gofeed decodes it. Any other type is taken as HTML, as before.
func isTextType(attrs []xml.Attr) bool {
	typ := ""
	for _, a := range attrs {
		if a.Name.Local == "type" {
			typ = strings.ToLower(strings.TrimSpace(a.Value))
		}
	}
	return typ == "" || typ == "text" || strings.HasPrefix(typ, "text/") && typ != "text/html"
}

// blankLines parts paragraphs of text.
var blankLines = regexp.MustCompile(`\n[ \t\r]*\n\s*`)

// textHTML is the HTML that shows the text s: its paragraphs (parted by
// blank lines) each a <p> of s escaped. A text construct's line breaks
// are not kept (Atom lets a reader fold them, as HTML does).
func textHTML(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range blankLines.Split(s, -1) {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	return b.String()
}

// lineHTML is textHTML for a field of one line (a title).
func lineHTML(s string) string { return html.EscapeString(s) }
