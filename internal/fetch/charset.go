package fetch

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// UTF8 is the body decoded to UTF-8, from the charset in the header, a
// <meta> in the page or a byte-order mark (golang.org/x/net/html/charset).
// A page that declares none is read as UTF-8 when it is valid UTF-8 (as
// browsers' detectors find it): the HTML standard's default for English
// would turn a UTF-8 page's "—" into "â€”". One that is not is read in the
// encoding its text's bytes are found in (Detect): a Russian page in
// windows-1251 or KOI8-R, a Greek one in windows-1253, a Japanese one in
// Shift_JIS (a review: all were read as windows-1252, the HTML standard's
// default, and written as mojibake). A page that is valid UTF-8 beyond
// ASCII is read as UTF-8 whatever it declares: text in another encoding
// is not, past a few letters, and a server's default charset is said of
// UTF-8 pages (a Russian page in UTF-8 sent as windows-1251 was written
// as "РљРѕРјРјРµРЅС‚").
func (r *Response) UTF8() []byte {
	enc, name, certain := charset.DetermineEncoding(r.Body, r.ContentType+"; charset="+r.Charset)
	if name == "utf-8" || enc == nil || utf8.Valid(r.Body) && (!certain || !isASCII(r.Body)) {
		// (ASCII alone is read as declared: ISO-2022-JP's is its own)
		return r.Body
	}
	if !certain && name == "windows-1252" && !declaredInPage(r.Body) {
		enc, _, _ = Detect(r.Body)
	}
	return decode(r.Body, enc)
}

// isASCII reports whether b is ASCII alone.
func isASCII(b []byte) bool {
	return !slices.ContainsFunc(b, func(c byte) bool { return c >= utf8.RuneSelf })
}

// decode is b read in enc, or b when it cannot be.
func decode(b []byte, enc encoding.Encoding) []byte {
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(b)))
	if err != nil {
		return b
	}
	return out
}

// declaredInPage reports whether the page's head declares an encoding
// (<meta charset> or http-equiv) where the HTML standard's prescan finds
// one. charset.DetermineEncoding says windows-1252 both for a page that
// declares it and for one that declares nothing, so its prescan is asked
// again of the page's first bytes made ASCII and followed by a UTF-8
// letter and a space: without a declaration it then finds UTF-8.
func declaredInPage(body []byte) bool {
	const prescanned = 1024 // how far DetermineEncoding reads
	probe := make([]byte, 0, prescanned)
	for _, c := range body[:min(len(body), prescanned-3)] {
		if c >= utf8.RuneSelf {
			c = ' '
		}
		probe = append(probe, c)
	}
	probe = append(probe, "é "...) // not last: a rune at the end may be cut off
	_, name, _ := charset.DetermineEncoding(probe, "")
	return name != "utf-8"
}

// maxSample is how much of a page's text Detect weighs: as much as
// chardet reads.
const maxSample = 8 << 10

// Detect finds the encoding a page that declares none and is not UTF-8 is
// in, with ICU's detector (github.com/gogs/chardet): the n-grams of
// Russian in windows-1251, KOI8-R and ISO-8859-5, of Greek in
// ISO-8859-7 (windows-1253), of the Western and Central European
// languages in windows-1252 and ISO-8859-2, and the frequent characters
// of Shift_JIS, EUC-JP, GBK, EUC-KR and Big5. It weighs the page's text
// that is not ASCII, with a few bytes around it (sample: a page's head
// of scripts and styles says nothing of its encoding, and would fill
// what chardet reads). It says windows-1252, the HTML
// standard's default, when nothing is found; name is the encoding's
// name as the HTML standard has it, and confidence chardet's, from 0 to
// 100 (a Russian paragraph's is about 30, random bytes' under 10).
func Detect(body []byte) (enc encoding.Encoding, name string, confidence int) {
	results, err := chardet.NewTextDetector().DetectAll(sample(body))
	if err != nil {
		return charmap.Windows1252, "windows-1252", 0
	}
	// chardet sorts its results unstably: the most confident of those an
	// HTML decoder knows, ties broken by name, is the same every run
	best := -1
	for i, r := range results {
		if e, err := htmlindex.Get(r.Charset); err != nil || e == encoding.Nop || r.Charset == "UTF-8" {
			continue
		}
		if best < 0 || r.Confidence > results[best].Confidence || r.Confidence == results[best].Confidence && r.Charset < results[best].Charset {
			best = i
		}
	}
	if best < 0 {
		return charmap.Windows1252, "windows-1252", 0
	}
	label := results[best].Charset
	if label == "ISO-8859-7" && greekWindows(body) {
		// ICU says windows-1253 only for a text with bytes 0x80-0x9f;
		// its Ά (0xa2 where ISO-8859-7 has 0xb6) says so too
		label = "windows-1253"
	}
	enc, _ = htmlindex.Get(label)
	name, _ = htmlindex.Name(enc)
	return enc, name, results[best].Confidence
}

// greekWindows reports whether body's Greek is windows-1253's, not
// ISO-8859-7's: its Ά (0xa2) begins words, where ISO-8859-7 has a quote,
// more often than ISO-8859-7's (0xb6, windows-1253's ¶) does.
func greekWindows(body []byte) bool {
	starts := func(b byte) int {
		n := 0
		for i := 0; i+1 < len(body); i++ {
			if body[i] == b && body[i+1] >= 0xdc && body[i+1] <= 0xfe {
				n++
			}
		}
		return n
	}
	return starts(0xa2) > starts(0xb6)
}

// sample is the text of body around its bytes that are not ASCII, each
// with the 16 bytes either side, up to maxSample bytes: what an English
// page's one Russian paragraph is in is found in its letters, not in the
// English around them.
func sample(body []byte) []byte {
	const around = 16
	var out []byte
	end := 0 // what is before is in out, or ASCII passed over
	for i := 0; i < len(body) && len(out) < maxSample; i++ {
		if body[i] < utf8.RuneSelf {
			continue
		}
		// body[end:i] is ASCII: no character is cut at from
		from := max(i-around, end)
		if from > end && len(out) > 0 {
			out = append(out, '\n')
		}
		to := min(i+around+1, len(body))
		out = append(out, body[from:to]...)
		end = to
		i = to - 1
	}
	return out[:min(len(out), maxSample)]
}

// xmlDecl is the XML declaration that begins a document, after a UTF-8
// byte-order mark and white space; xmlEncoding is its encoding.
var (
	xmlDecl     = regexp.MustCompile(`^(?:\x{feff})?[ \t\r\n]*<\?xml[^>]*\?>`)
	xmlEncoding = regexp.MustCompile(`\sencoding[ \t\r\n]*=[ \t\r\n]*["'][A-Za-z0-9._:-]+["']`)
)

// XMLUTF8 is the body of a feed as its XML parser is to read it. Its
// parser reads the encoding of its XML declaration, and the text as UTF-8
// when there is none, so a feed whose charset the header alone gives
// (application/rss+xml; charset=windows-1251, which RFC 7303 makes the
// one to read it in) is decoded here, and its declaration made UTF-8's;
// so is one that declares nothing and is not UTF-8, in the encoding its
// text is found in (Detect). A helper's report: both were refused,
// "XML syntax error: invalid UTF-8". A body that is valid UTF-8 beyond
// ASCII is left as it is, whatever the header says (a server's default
// ISO-8859-1 is said of UTF-8 feeds), and so is one with a byte-order
// mark.
func (r *Response) XMLUTF8() []byte {
	body := r.Body
	if bytes.HasPrefix(body, []byte{0xfe, 0xff}) || bytes.HasPrefix(body, []byte{0xff, 0xfe}) || bytes.HasPrefix(body, []byte("\ufeff")) {
		return body
	}
	if utf8.Valid(body) {
		return body
	}
	var enc encoding.Encoding
	if r.Charset != "" {
		e, name := charset.Lookup(r.Charset)
		if e == nil || name == "utf-8" {
			return body // the parser says what is wrong
		}
		enc = e
	} else if xmlEncoding.Match(xmlDecl.Find(body)) {
		return body // its parser reads it in the encoding declared
	} else {
		enc, _, _ = Detect(body)
	}
	out := decode(body, enc)
	if d := xmlDecl.Find(out); d != nil {
		// read again in the encoding it declares, the text would be
		// decoded twice
		out = append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`), out[len(d):]...)
	}
	return out
}
