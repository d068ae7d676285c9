package importer

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"regexp"
	"strings"

	"github.com/folio-tui/folio/internal/termsafe"
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
//     feed's title, are read by theirs (atomKinds). Atom 0.3's mode says
//     too: mode="escaped" is HTML escaped in the XML, which gofeed gives
//     without decoding it when there is no type ("Tom &amp;amp; Jerry":
//     decoded once, the HTML "Tom &amp; Jerry", shown "Tom & Jerry");
//     mode="xml" is markup, as xhtml; mode="base64" gofeed decodes, text
//     as its type says. A person's name has
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
	title textKind // the feed's title's
	items map[*gofeed.Item]itemKinds
}

// itemKinds says what each of an item's fields holds.
type itemKinds struct{ title, summary, content textKind }

// textKind is what a feed's field holds as gofeed gives it.
type textKind int

const (
	kindHTML    textKind = iota // HTML, as RSS has it
	kindText                    // text
	kindEscaped                 // HTML escaped once more, as the XML has it (Atom 0.3's mode="escaped" without a type)
)

// html is the HTML of s, a field of kind k: text is escaped (its
// paragraphs made <p>s, textHTML), an escaped field decoded once
// (termsafe.Unescape, references to controls removed).
func (k textKind) html(s string) string {
	switch k {
	case kindText:
		return textHTML(s)
	case kindEscaped:
		return termsafe.Unescape(s)
	}
	return s
}

// lineHTML is html for a field of one line (a title).
func (k textKind) lineHTML(s string) string {
	switch k {
	case kindText:
		return lineHTML(s)
	case kindEscaped:
		return termsafe.Unescape(s)
	}
	return s
}

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
		k.title = title
		for i, it := range feed.Items {
			k.items[it] = entries[i]
		}
	case "json":
		jf, err := (&gofeedjson.Parser{}).Parse(bytes.NewReader(data))
		if err != nil || len(jf.Items) != len(feed.Items) {
			return feedKinds{}
		}
		k.title = kindText
		for i, it := range feed.Items {
			content := kindHTML
			if jf.Items[i].ContentHTML == "" {
				content = kindText
			}
			k.items[it] = itemKinds{title: kindText, summary: kindText, content: content}
		}
	}
	return k
}

// atomNamespaces are Atom 1.0's and 0.3's; gofeed reads an element of
// neither as Atom too.
var atomNamespaces = map[string]bool{"": true, "http://www.w3.org/2005/Atom": true, "http://purl.org/atom/ns#": true}

// atomKinds reads, from an Atom file, what the feed's title holds, and of
// each entry in order what its title, summary and content hold.
func atomKinds(data []byte) (title textKind, entries []itemKinds, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	title = kindText
	var path []string // the Atom names of the open elements, "" for others
	// an escaped field open, and where its content starts: one holding a
	// CDATA section gofeed decodes (shared.StripCDATA)
	var escaped *textKind
	escapedAt, escapedDepth := int64(0), 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return title, entries, true
		}
		if err != nil {
			return kindHTML, nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := ""
			if atomNamespaces[t.Name.Space] {
				name = t.Name.Local
			}
			var field *textKind
			switch {
			case len(path) == 1 && path[0] == "feed" && name == "title":
				field = &title
			case len(path) == 1 && path[0] == "feed" && name == "entry":
				entries = append(entries, itemKinds{kindText, kindText, kindText})
			case len(path) == 2 && path[0] == "feed" && path[1] == "entry":
				e := &entries[len(entries)-1]
				switch name {
				case "title":
					field = &e.title
				case "summary":
					field = &e.summary
				case "content":
					field = &e.content
				}
			}
			path = append(path, name)
			if field != nil {
				*field = atomKind(t.Attr)
				if *field == kindEscaped {
					escaped, escapedAt, escapedDepth = field, d.InputOffset(), len(path)
				}
			}
		case xml.EndElement:
			if escaped != nil && len(path) == escapedDepth {
				if end := min(d.InputOffset(), int64(len(data))); escapedAt <= end && bytes.Contains(data[escapedAt:end], []byte("<![CDATA[")) {
					*escaped = kindHTML
				}
				escaped = nil
			}
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
}

// atomKind is what gofeed gives of an Atom text construct with attrs
// (atom.Parser.parseAtomText). It decodes the XML's entities where the
// type is "text", a text/ type or absent with no mode: text, or HTML for
// "text/html". It gives an "html" as decoded, HTML, and an "xhtml" as
// markup, HTML. It decodes mode="base64" (text, as Atom 0.3's default
// type, text/plain, has it). Any other construct it gives as the XML has
// it: mode="escaped" is HTML escaped once more (kindEscaped), "xml" and
// any other type markup, taken as HTML.
func atomKind(attrs []xml.Attr) textKind {
	typ, mode := "", ""
	for _, a := range attrs {
		switch a.Name.Local {
		case "type":
			typ = strings.ToLower(strings.TrimSpace(a.Value))
		case "mode":
			mode = strings.ToLower(strings.TrimSpace(a.Value))
		}
	}
	switch {
	case typ == "text/html" || typ == "html" || strings.Contains(typ, "xhtml"):
		return kindHTML
	case typ == "text" || strings.HasPrefix(typ, "text/") || typ == "" && mode == "":
		return kindText
	case typ == "" && mode == "base64":
		return kindText
	case typ == "" && mode == "escaped":
		return kindEscaped
	}
	return kindHTML
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
