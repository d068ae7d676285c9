package fetch

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// UTF8 is the body decoded to UTF-8, from the charset in the header, a
// <meta> in the page or a byte-order mark (golang.org/x/net/html/charset).
// A page that declares none is read as UTF-8 when it is valid UTF-8 (as
// browsers' detectors find it): the HTML standard's default for English
// would turn a UTF-8 page's "—" into "â€”". One that is not is read in the
// encoding its text's words are found in (Detect): a Russian page in
// windows-1251 or KOI8-R, a Greek one in windows-1253, a Japanese one in
// Shift_JIS (a review: all were read as windows-1252, the HTML standard's
// default, and written as mojibake), windows-1252 when nothing else is
// more plausible. A page that is valid UTF-8 beyond
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
	out, _ := decode(r.Body, enc)
	return out
}

// isASCII reports whether b is ASCII alone.
func isASCII(b []byte) bool {
	return !slices.ContainsFunc(b, func(c byte) bool { return c >= utf8.RuneSelf })
}

// decode is b read in enc, and whether enc reads the whole of it: no
// byte left over (U+FFFD). When enc cannot read it, out is b as it is.
// (One path for reading a text in an encoding: a page's or a feed's body,
// and Detect's and MultiByteReadings' trial readings.)
func decode(b []byte, enc encoding.Encoding) (out []byte, whole bool) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b, false
	}
	return out, !bytes.ContainsRune(out, utf8.RuneError)
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

// oneByteCandidates are the one-byte encodings Detect weighs a page's
// text in, the HTML standard's default first: the Western, Central
// European and Turkish Latin ones, the Cyrillic and the Greek.
var oneByteCandidates = []string{"windows-1252", "windows-1250", "iso-8859-2", "windows-1254", "windows-1251", "koi8-r", "iso-8859-5", "windows-1253", "iso-8859-7"}

// minChardet is the least confidence of chardet in a Latin encoding
// other than windows-1252 (Central European, Turkish) that a text read
// as plausibly in windows-1252 is read in instead, when it is twice
// chardet's in windows-1252, and minLetters the least number of letters
// outside ASCII it must be found in: a Czech paragraph's in windows-1250
// is about 40 (windows-1252's 15), a Turkish one's in windows-1254 over
// 50 (25); one French word in English is ISO-8859-2 at 67 (a review:
// "à la carte" was read as windows-1250's "ŕ la carte").
const (
	minChardet = 30
	minLetters = 20
)

// minMultiByte is the least confidence of chardet in a multi-byte
// encoding (Shift_JIS, EUC-JP, GBK, EUC-KR, Big5) a text is read in.
const minMultiByte = 50

// Detect finds the encoding a page that declares none and is not UTF-8 is
// in. It reads the page's text that is not ASCII, with a few bytes
// around it (sample: a page's head of scripts and styles says nothing of
// its encoding), in each one-byte encoding of oneByteCandidates and
// counts the words each reading makes implausible (plausibility): a
// letter of one script beside one of another (windows-1252's French read
// as windows-1251 is "thйвtre"), a symbol or control inside a word
// (Polish's ł read as windows-1252 is "³"), a small letter before a
// capital (KOI8-R read as windows-1251), a Latin word of letters all
// outside ASCII (Russian read as windows-1252 is "Íàáîêîâ").
// The default, windows-1252, the HTML standard's, is kept unless another
// reading has fewer such words, by half; of Latin readings alike
// plausible, a Central European or Turkish one is taken only when ICU's
// detector (github.com/gogs/chardet) says so with confidence and enough
// letters to go on (a review: chardet alone, taken at any confidence on
// a few words, read an English page's one French word as windows-1250
// and a short Russian feed as ISO-8859-1). Shift_JIS, EUC-JP, GBK,
// EUC-KR and Big5 are chardet's to find, when it is confident and the
// text reads whole in them. name is the encoding's name as the HTML
// standard has it, and confidence chardet's in it, from 0 to 100 (0:
// not among chardet's answers).
func Detect(body []byte) (enc encoding.Encoding, name string, confidence int) {
	s := sample(body)
	conf := map[string]int{} // chardet's, by HTML name
	multi, multiConf := "", 0
	if results, err := chardet.NewTextDetector().DetectAll(s); err == nil {
		for _, r := range results {
			e, err := htmlindex.Get(r.Charset)
			if err != nil || e == encoding.Nop || r.Charset == "UTF-8" {
				continue
			}
			n, _ := htmlindex.Name(e)
			conf[n] = max(conf[n], r.Confidence)
			if _, one := e.(*charmap.Charmap); !one && (r.Confidence > multiConf || r.Confidence == multiConf && n < multi) {
				multi, multiConf = n, r.Confidence
			}
		}
	}
	if multi != "" && multiConf >= minMultiByte {
		e, _ := htmlindex.Get(multi)
		if _, whole := decode(s, e); whole {
			return e, multi, multiConf
		}
	}
	type reading struct {
		name             string
		bad, good, lttrs int
	}
	var rs []reading
	for _, n := range oneByteCandidates {
		e, _ := htmlindex.Get(n)
		text, _ := decode(s, e)
		bad, good, letters := plausibility(text)
		rs = append(rs, reading{n, bad, good, letters})
	}
	western := rs[0]
	best := western
	for _, r := range rs[1:] {
		if r.bad < best.bad || r.bad == best.bad && (r.good > best.good || r.good == best.good && conf[r.name] > conf[best.name]) {
			best = r
		}
	}
	switch {
	case best.name == western.name:
	case best.good == 0:
		best = western // no word says anything
	case best.bad*2 < western.bad:
		// fewer implausible words, by half, than windows-1252's
	case best.bad == western.bad:
		// alike plausible: chardet's Central European or Turkish, when
		// confident
		best = western
		for _, r := range rs[1:4] {
			if r.bad == western.bad && r.lttrs >= minLetters && conf[r.name] >= minChardet && conf[r.name] >= 2*conf[western.name] && conf[r.name] > conf[best.name] {
				best = r
			}
		}
	default:
		best = western
	}
	label := best.name
	if label == "iso-8859-7" || label == "windows-1253" {
		// ICU says windows-1253 only for a text with bytes 0x80-0x9f;
		// its Ά (0xa2 where ISO-8859-7 has 0xb6) says so too
		label = "iso-8859-7"
		if greekWindows(body) || conf["windows-1253"] > conf["iso-8859-7"] {
			label = "windows-1253"
		}
	}
	enc, _ = htmlindex.Get(label)
	name, _ = htmlindex.Name(enc)
	return enc, name, conf[name]
}

// MultiByteReadings names the multi-byte encodings (Shift_JIS, EUC-JP,
// GBK, EUC-KR, Big5) that read the whole of text with no byte left over
// and no control character: text in one of them sent as UTF-8, not
// binary data, which none reads (several may: a Shift_JIS text is also
// valid GBK, which is why none is chosen).
func MultiByteReadings(text []byte) []string {
	var out []string
	for _, e := range []struct {
		name string
		enc  encoding.Encoding
	}{{"Shift_JIS", japanese.ShiftJIS}, {"EUC-JP", japanese.EUCJP}, {"GBK", simplifiedchinese.GBK}, {"EUC-KR", korean.EUCKR}, {"Big5", traditionalchinese.Big5}} {
		dec, ok := decode(text, e.enc)
		if ok && !bytes.ContainsFunc(dec, func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r >= 0x7f && r < 0xa0
		}) {
			out = append(out, e.name)
		}
	}
	return out
}

// plausibility counts the words of text with letters outside ASCII that
// are implausible (bad) and those that are not (good), and those
// letters. A word is implausible whose letters are of more than one
// script, with a symbol, digit or punctuation inside it (dashes, quotes
// and the middle dot split words), a control or a byte the encoding has
// no character for in it or beside it, a small letter before a capital
// either of them outside ASCII, or Latin letters alone, four or more,
// all outside ASCII (Russian read as windows-1252); and, when most
// letters outside ASCII are capitals, each word of capitals alone
// (KOI8-R's small letters are windows-1251's capitals).
func plausibility(text []byte) (bad, good, letters int) {
	isLetter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	split := func(r rune) bool {
		return r < utf8.RuneSelf && !isLetter(r) || unicode.IsSpace(r) || unicode.In(r, unicode.Pd, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf) || r == '\u00b7'
	}
	upper, lower, capsWords := 0, 0, 0
	for _, w := range bytes.FieldsFunc(text, split) {
		rs := []rune(string(w))
		if slices.ContainsFunc(rs, func(r rune) bool { return r == utf8.RuneError || r >= 0x80 && unicode.IsControl(r) }) {
			bad++ // a byte the encoding has no character for
			continue
		}
		i, j := 0, len(rs)
		for i < j && !isLetter(rs[i]) {
			i++
		}
		for j > i && !isLetter(rs[j-1]) {
			j--
		}
		rs = rs[i:j]
		nonASCII, latin, cyrillic, greek, other, wordUpper, wordLower := 0, 0, 0, 0, 0, 0, 0
		implausible, symbol := false, false
		for k, r := range rs {
			if !isLetter(r) {
				// inside: the ends were trimmed, and ASCII's split words;
				// so a symbol outside ASCII (Polish's ł read as
				// windows-1252 is ³: "By³")
				implausible, symbol = true, true
				continue
			}
			if r >= utf8.RuneSelf {
				nonASCII++
				if unicode.IsUpper(r) {
					wordUpper++
				} else if unicode.IsLower(r) {
					wordLower++
				}
			}
			switch {
			case unicode.Is(unicode.Latin, r):
				latin++
			case unicode.Is(unicode.Cyrillic, r):
				cyrillic++
			case unicode.Is(unicode.Greek, r):
				greek++
			case unicode.IsLetter(r):
				other++
			}
			if k > 0 && unicode.IsLower(rs[k-1]) && unicode.IsUpper(r) && (r >= utf8.RuneSelf || rs[k-1] >= utf8.RuneSelf) {
				implausible = true
			}
		}
		if nonASCII == 0 && !symbol {
			continue
		}
		letters += nonASCII
		scripts := 0
		for _, n := range []int{latin, cyrillic, greek, other} {
			if n > 0 {
				scripts++
			}
		}
		if scripts > 1 || latin > 0 && nonASCII == len(rs) && nonASCII >= 4 {
			implausible = true
		}
		if implausible {
			bad++
			continue
		}
		good++
		upper += wordUpper
		lower += wordLower
		if wordLower == 0 && len(rs) > 1 {
			capsWords++
		}
	}
	if upper > lower {
		bad += capsWords
		good -= capsWords
	}
	return bad, good, letters
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
// mark or in UTF-16 without one, which importer.Import reads; one said to
// be UTF-8 with bytes that are not, each alone (a Latin-1 "caf\xe9"), has
// those read as windows-1252.
func (r *Response) XMLUTF8() []byte {
	body := r.Body
	if bytes.HasPrefix(body, []byte{0xfe, 0xff}) || bytes.HasPrefix(body, []byte{0xff, 0xfe}) || bytes.HasPrefix(body, []byte("\ufeff")) ||
		bytes.HasPrefix(body, []byte{'<', 0, '?', 0}) || bytes.HasPrefix(body, []byte{0, '<', 0, '?'}) {
		return body // UTF-16 (the importer reads it) or UTF-8 by its mark
	}
	if utf8.Valid(body) {
		return body
	}
	var enc encoding.Encoding
	label := r.Charset
	if label == "" {
		if m := xmlEncoding.Find(xmlDecl.Find(body)); m != nil {
			label = strings.Trim(string(m[bytes.IndexByte(m, '=')+1:]), " \t\r\n\"'")
		}
	}
	if label != "" {
		e, name := charset.Lookup(label)
		switch {
		case e == nil:
			return body // the parser says what is wrong
		case name == "utf-8":
			// UTF-8 with a few stray bytes (a Latin-1 "Caf\xe9" in a
			// feed said to be UTF-8: the whole feed was refused, "invalid
			// UTF-8"; an attack's report) has each read as windows-1252,
			// the UTF-8 kept, when every one stands alone; bytes side by
			// side may be any encoding's letters (Shift_JIS's 東京,
			// windows-1251's "да", read as windows-1252, were mojibake: a
			// review), and the parser refuses the feed, as it did
			if strayBytesAlone(body) {
				return LatinRepaired(body)
			}
			return body
		case r.Charset == "":
			return body // its parser reads it in the encoding declared
		default:
			enc = e
		}
	} else if strayBytesAlone(body) && hasUTF8Letters(body) {
		// no encoding said, so UTF-8 (XML's default), and most of it is:
		// its stray bytes read as windows-1252, as a feed said to be
		// UTF-8 has them (a read of the change: "Café … caf\xe9" was
		// detected as windows-1252 whole, every UTF-8 letter mojibake)
		return LatinRepaired(body)
	} else {
		enc, _, _ = Detect(body)
	}
	out, _ := decode(body, enc)
	if d := xmlDecl.Find(out); d != nil {
		// read again in the encoding it declares, the text would be
		// decoded twice
		out = append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`), out[len(d):]...)
	}
	return out
}

// hasUTF8Letters says whether body holds a character of two bytes or more
// written in UTF-8.
func hasUTF8Letters(body []byte) bool {
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		if n > 1 && r != utf8.RuneError {
			return true
		}
		i += n
	}
	return false
}

// strayBytesAlone says whether each byte of body that is not UTF-8 has
// UTF-8 (or ASCII) on both sides.
func strayBytesAlone(body []byte) bool {
	last := -2 // where the last stray byte was
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n == 1 {
			if last == i-1 {
				return false
			}
			last = i
		}
		i += n
	}
	return true
}

// MultiByte reports whether most of text's bytes that are not UTF-8 stand
// beside another such byte: an East Asian multi-byte encoding's, not a
// one-byte encoding's accented letters, which stand alone among ASCII
// letters ("caf\xe9", "tr\xe8s").
func MultiByte(text []byte) bool {
	bad := make([]bool, len(text))
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && size == 1 {
			bad[i] = true
			n++
		}
		i += size
	}
	paired := 0
	for i, b := range bad {
		if b && (i > 0 && bad[i-1] || i+1 < len(bad) && bad[i+1]) {
			paired++
		}
	}
	return n >= 8 && 2*paired > n
}

// LatinRepaired is text with each byte that is not UTF-8 read as
// windows-1252, the UTF-8 around it kept (a second review: a UTF-8 page
// with a Latin-1 paragraph was decoded whole as windows-1252, its UTF-8
// garbled, and one with a few stray bytes kept U+FFFD for its
// apostrophes).
func LatinRepaired(text []byte) []byte {
	dec := charmap.Windows1252
	out := make([]byte, 0, len(text)+len(text)/8)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, dec.DecodeByte(text[i]))
		} else {
			out = append(out, text[i:i+n]...)
		}
		i += n
	}
	return out
}

// Mislabelled is how many more of a page's or a feed's bytes must be other than
// UTF-8 than its characters that are UTF-8 and not ASCII for the page to
// be read as not UTF-8 at all, whatever it says.
const Mislabelled = 10

// UTF16Feed is a feed read as UTF-8 when it is UTF-16, as XML tells it
// from a document's first bytes (a byte-order mark, or "<?" of two bytes
// a character), its declaration made UTF-8's: gofeed's parser reads
// neither (an attack: a UTF-16 feed, from a file or from a URL, was "not
// an RSS, Atom or WordPress export file: failed to detect feed type").
// importer.Import reads every feed through it.
func UTF16Feed(data []byte) []byte {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{'<', 0, '?', 0}):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0, '<', 0, '?'}):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	default:
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	if d := xmlDecl.Find(out); d != nil {
		// its encoding="UTF-16", read again, would decode it twice
		out = append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`), out[len(d):]...)
	}
	return out
}
