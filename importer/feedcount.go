package importer

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"slices"

	"github.com/folio-tui/folio/internal/numfmt"
	"golang.org/x/net/html/charset"
)

// What a feed may hold, counted before it is parsed (countFeed). gofeed
// holds a whole feed in memory, at some 1.4 KB an item however small the
// item is written, and 300–600 bytes an element it keeps (an extension's,
// a category's); folio's own passes (the text kinds, the report) add
// their share (an attack: a 7 MB RSS file of a million empty <item/>s
// took 1.5 GB and 74 s to import, 2 million 2.7 GB; a 3 MB JSON Feed of a
// million {} 1.6 GB; a 6 MB item of a million extension elements 345
// MB). A large blog's WordPress export of 20,000 posts and 10,000
// attachments, 111 MB, holds 30,020 items and 770,535 elements (855 MB
// to import); one of 256 MB, 69,020 items and 1.8 million elements
// (1.96 GB). The costliest feeds within the caps took no more: 200,000
// items of 14 extension elements each 2.0 GB. A feed past either cap is
// refused, naming the count.
const (
	// MaxFeedItems caps a feed's items (RSS's <item>s, Atom's <entry>s, a
	// JSON Feed's items).
	MaxFeedItems = 200_000
	// MaxFeedElements caps a feed's XML elements (a JSON Feed's values),
	// items and all they hold.
	MaxFeedElements = 3_000_000
)

// feedCount is what countFeed found: the items and the elements (values)
// of a feed, counted no further than one past a cap.
type feedCount struct{ items, elements int }

// countFeed counts a feed's items and elements, keeping nothing. Its
// bytes are counted first (countMarkup), no fewer than there are; only a
// feed that count puts past a cap is read as XML (countXML), as gofeed's
// parser reads it, and stopped one past a cap. A JSON Feed (known as
// gofeed knows one: "{" after spaces and byte-order marks) is so counted
// by its commas and brackets, then its tokens (countJSON).
func countFeed(data []byte) feedCount {
	if trimmed := bytes.TrimLeft(data, " \r\n\t\xfe\xff\x00\xef\xbb\xbf"); bytes.HasPrefix(trimmed, []byte("{")) {
		// a value but the whole is the first of its array or object or
		// comes after a comma: no more than commas and brackets, and one
		values := 1
		for _, b := range trimmed {
			if b == ',' || b == '[' || b == '{' {
				values++
			}
		}
		if n := (feedCount{items: values, elements: values}); n.within() {
			return n
		}
		return countJSON(trimmed)
	}
	n := countMarkup(data)
	if n.within() {
		return n
	}
	// gofeed's RSS and Atom parsers drop C0 control bytes first
	return countXML(withoutControls(data), n)
}

// within reports whether n is within both caps.
func (n feedCount) within() bool { return n.items <= MaxFeedItems && n.elements <= MaxFeedElements }

// countXML counts the items and elements of an XML feed, read as gofeed's
// parser reads it (not strict, in the charset the declaration names), so
// where this pass meets an error gofeed's meets it no later. Should it
// meet one gofeed does not, the rest is counted by its bytes, or, in a
// charset other than UTF-8 (where the decoder's offset is not the
// data's), the whole is as bytes counted it (byBytes).
func countXML(data []byte, byBytes feedCount) feedCount {
	var n feedCount
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	converted := false
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		converted = true
		return charset.NewReaderLabel(label, r)
	}
	for n.within() {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if converted {
				return byBytes
			}
			rest := countMarkup(data[min(int(d.InputOffset()), len(data)):])
			n.items += rest.items
			n.elements += rest.elements
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			n.elements++
			if se.Name.Local == "item" || se.Name.Local == "entry" {
				n.items++
			}
		}
	}
	return n
}

// withoutControls is data without the C0 control bytes XML does not
// allow (all but tab, line feed and carriage return), as gofeed's RSS and
// Atom parsers read it (a WordPress export of State of the Union texts
// holds a U+0002).
func withoutControls(data []byte) []byte {
	if !slices.ContainsFunc(data, isControl) {
		return data
	}
	return slices.DeleteFunc(slices.Clone(data), isControl)
}

func isControl(b byte) bool { return b < 0x20 && b != '\t' && b != '\n' && b != '\r' }

// countMarkup counts what in data may begin an element, "<" and a byte
// of a name (encoding/xml's: a letter, a digit, "_", ":", "." or "-", or
// one past ASCII), and an item's: one named item or entry, or prefix:item
// or prefix:entry. C0 control bytes are passed over, as gofeed's parser
// drops them ("<\x02item>" is an item to it). That is no fewer than a
// parser finds in any charset gofeed reads (in all of them "<" is that
// byte; UTF-16 is decoded before), more where text (CDATA, a comment)
// holds markup.
func countMarkup(data []byte) feedCount {
	var n feedCount
	var name []byte
	for {
		i := bytes.IndexByte(data, '<')
		if i < 0 {
			return n
		}
		data = data[i+1:]
		name = name[:0]
		end := 0
		for ; end < len(data); end++ {
			if c := data[end]; isNameByte(c) || c >= 0x80 {
				name = append(name, c)
			} else if !isControl(c) {
				break
			}
		}
		data = data[end:]
		if len(name) == 0 {
			continue
		}
		n.elements++
		for _, item := range []string{"item", "entry"} {
			if rest, ok := bytes.CutSuffix(name, []byte(item)); ok && (len(rest) == 0 || rest[len(rest)-1] == ':') {
				n.items++
			}
		}
		if !n.within() {
			// over a cap: what its callers ask is answered (a read of the
			// change: 256 MB of "<a" counted 1.7 s to the end)
			return n
		}
	}
}

// isNameByte is encoding/xml's test of a byte of a name.
func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
}

// countJSON counts a JSON Feed's values (not an object's keys), and its
// items: the values of the top-level object's "items" array.
func countJSON(data []byte) feedCount {
	var n feedCount
	type open struct {
		object bool // else an array
		key    bool // an object's next string is a key
		items  bool // the top-level "items" array
	}
	var stack []open
	lastKey := "" // the key read last in the top-level object
	d := json.NewDecoder(bytes.NewReader(data))
	for n.within() {
		tok, err := d.Token()
		if err != nil {
			break // io.EOF, or JSON gofeed refuses whole
		}
		var top *open
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if top != nil && top.object && top.key {
			if k, ok := tok.(string); ok {
				top.key = false
				if len(stack) == 1 {
					lastKey = k
				}
				continue
			}
		}
		if delim, ok := tok.(json.Delim); ok && (delim == '}' || delim == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		n.elements++
		if top != nil {
			if top.items {
				n.items++
			}
			top.key = top.object // a value read: a key next
		}
		if delim, ok := tok.(json.Delim); ok {
			stack = append(stack, open{object: delim == '{', key: delim == '{', items: delim == '[' && len(stack) == 1 && stack[0].object && lastKey == "items"})
		}
	}
	return n
}

// tooBig is the error for a feed countFeed found past a cap, naming the
// file (name) and what it holds.
func (n feedCount) tooBig(name string) error {
	switch {
	case n.items > MaxFeedItems:
		return fmt.Errorf("%s holds more than %s items: folio imports a feed of at most %s (a WordPress export can be split by date or category: Tools → Export)", name, numfmt.Thousands(MaxFeedItems), numfmt.Thousands(MaxFeedItems))
	case n.elements > MaxFeedElements:
		return fmt.Errorf("%s holds more than %s elements: folio imports a feed of at most %s", name, numfmt.Thousands(MaxFeedElements), numfmt.Thousands(MaxFeedElements))
	}
	return nil
}
