package archive

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/idna"

	"github.com/folio-tui/folio/internal/neardup"
	"github.com/folio-tui/folio/internal/urlnorm"
)

// Similarity thresholds for Copies, Jaccard over 4-word shingles of the
// body, estimated from the pieces' sketches (neardup.Estimate): copies with
// small edits (a new headline, a different standfirst, a "reprinted with
// permission" line) stay well above SimilarText; pieces by different
// authors on one topic stay well under it (tested).
const (
	SimilarText      = 0.7 // alone makes two pieces copies
	SimilarWithTitle = 0.4 // with the same normalised title
	// MinCopyWords is the shortest body compared by its text: short notes
	// written from one template (the bundled archive's six interview notes
	// on the Barcelona attacks, 86-89% alike) are alike without being
	// copies.
	MinCopyWords = 100
)

// CopyKey is what finding republished copies needs of a piece: small
// enough to be kept for every piece beside an index (about 600 bytes), so
// that the groups are found again when the archive changes without
// reading its other pieces.
type CopyKey struct {
	ID     string
	Title  string
	Outlet string
	Date   string         // Date.String(): "2017-09-14", "2017-09", "2017"; "" when undated
	URL    string         // CopyURLKey of the piece's URL
	Words  int            // of the body
	Sketch neardup.Sketch // of the body; nil under MinCopyWords words
}

// KeyOf is the CopyKey of a piece. It reads the body once: about 3 ms a
// megabyte.
func KeyOf(a Article) CopyKey {
	sk, words := neardup.SketchOf(a.Body)
	if words < MinCopyWords {
		sk = nil
	}
	return CopyKey{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Date: a.Date.String(), URL: CopyURLKey(a.URL), Words: words, Sketch: sk}
}

// Copy is one piece of a group of republished copies.
type Copy struct {
	Index int    // into the keys (or pieces) given
	Why   string // how it matches the group's first piece: "same URL", "same title, text 55% alike", "text 93% alike"
}

// earlier orders the pieces of a group: the earliest date first (a date
// of less precision first within its period; undated last); on one date a
// much longer body first (a quarter longer: the full text before a feed's
// summary of it, not a copy before its original for a line it adds), then
// the ID.
func earlier(a, b CopyKey) int {
	if (a.Date == "") != (b.Date == "") {
		if a.Date == "" {
			return 1
		}
		return -1
	}
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	switch {
	case 4*a.Words > 5*b.Words:
		return -1
	case 4*b.Words > 5*a.Words:
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// Copies groups the pieces that are the same piece published more than
// once (another outlet, a later reprint, the same page added twice): the
// same URL (URLKey: ignoring the scheme, "www.", a default port, a
// trailing slash, fragments and utm_ parameters, among others; one whose
// host a browser refuses, the very same URL as written: CopyURLKey), or
// bodies of MinCopyWords or more whose shingle
// similarity is at least SimilarText, or SimilarWithTitle with the same
// normalised title. Each group starts with its earliest piece (see
// earlier), which stands for the group when copies are collapsed; the
// groups are in the order of their first pieces. The result depends only
// on the keys, not on their order.
//
// Pairs are compared on their sketches' estimate, so a pair within a few
// points of a threshold may fall either side of it; only pairs whose
// sketches share values are compared (neardup.Candidates): 10,000 pieces
// are grouped in about 50 ms once their keys are made.
func Copies(keys []CopyKey) [][]Copy {
	return CopiesWith(keys, func(i int) neardup.Sketch { return keys[i].Sketch })
}

// CopiesWith is Copies of keys whose sketches sketch gives (the keys' own
// are not read): sketches kept out of memory are read once each for
// their 32 smallest values, and again only for the pairs compared.
func CopiesWith(keys []CopyKey, sketch func(i int) neardup.Sketch) [][]Copy {
	why := map[[2]int]string{}
	var pairs []neardup.Pair
	add := func(a, b int, reason string) {
		if a > b {
			a, b = b, a
		}
		k := [2]int{a, b}
		if _, ok := why[k]; !ok {
			why[k] = reason
			pairs = append(pairs, neardup.Pair{A: a, B: b})
		}
	}
	byURL := map[string]int{}
	for i, k := range keys {
		if k.URL != "" {
			if j, ok := byURL[k.URL]; ok {
				add(j, i, "same URL")
			} else {
				byURL[k.URL] = i
			}
		}
	}
	prefixes := make([]neardup.Sketch, len(keys))
	values := make([]uint32, 0, neardup.CandidatePrefix*len(keys))
	for i := range keys {
		from := len(values)
		s := sketch(i)
		values = append(values, s[:min(len(s), neardup.CandidatePrefix)]...)
		prefixes[i] = values[from:len(values):len(values)]
	}
	for _, p := range neardup.Candidates(prefixes) {
		a, b := p[0], p[1]
		j := neardup.Estimate(sketch(a), sketch(b))
		switch {
		case j >= SimilarText:
			add(a, b, "text "+percent(j)+" alike")
		case j >= SimilarWithTitle && normTitle(keys[a].Title) != "" && normTitle(keys[a].Title) == normTitle(keys[b].Title):
			add(a, b, "same title, text "+percent(j)+" alike")
		}
	}
	var out [][]Copy
	for _, g := range neardup.Groups(len(keys), pairs) {
		slices.SortFunc(g, func(a, b int) int { return earlier(keys[a], keys[b]) })
		first := g[0]
		group := []Copy{{Index: first}}
		for _, i := range g[1:] {
			reason := why[[2]int{min(first, i), max(first, i)}]
			switch {
			case reason != "":
			case keys[first].URL != "" && keys[first].URL == keys[i].URL:
				reason = "same URL"
			default: // grouped through another copy
				reason = "text " + percent(neardup.Estimate(sketch(first), sketch(i))) + " alike"
			}
			group = append(group, Copy{Index: i, Why: reason})
		}
		out = append(out, group)
	}
	slices.SortFunc(out, func(a, b []Copy) int { return earlier(keys[a[0].Index], keys[b[0].Index]) })
	return out
}

// Republished is Copies of the pieces as (their keys made from them).
func Republished(as []Article) [][]Copy {
	keys := make([]CopyKey, len(as))
	for i, a := range as {
		keys[i] = KeyOf(a)
	}
	return Copies(keys)
}

// CollapseCopies leaves out of keep, a selection of the pieces all, every
// piece of a group of republished copies (Republished of all) but the
// earliest that keep holds: each piece is then counted once, as the
// index's Query.CollapseCopies counts it. keep's order is kept.
func CollapseCopies(all, keep []Article) []Article {
	groups := Republished(all)
	if len(groups) == 0 {
		return keep
	}
	kept := make(map[string]bool, len(keep))
	for _, a := range keep {
		kept[a.ID] = true
	}
	drop := map[string]bool{}
	for _, g := range groups {
		first := true
		for _, c := range g {
			if id := all[c.Index].ID; kept[id] {
				drop[id] = !first
				first = false
			}
		}
	}
	return slices.DeleteFunc(slices.Clone(keep), func(a Article) bool { return drop[a.ID] })
}

// CollapseCopiesIn is the rule of a period with copies collapsed (folio's
// --collapse-copies, the reader's Hide copies, the index's
// Query.CollapseCopies, folio stats): keep is the pieces that every
// filter but the period keeps (the text searched, tags, outlets, authors,
// kinds, the reading marks), and of each group of republished copies the
// earliest of them stands for it (CollapseCopies); the group is then kept
// when that piece lies in the period (From, To and Within of period; the
// index's Years and Months too), and dated, counted and charted by that
// piece alone. So a period never changes which piece stands for a text:
// a text of 2019 run again in 2020 is a text of 2019, in the list of
// 2019, of no list of 2020, as the chart, folio stats and trends count it,
// however the period is asked (a year, a month, a range of dates). The
// period's other fields are not read.
func CollapseCopiesIn(all, keep []Article, period Filter) []Article {
	keep = CollapseCopies(all, keep)
	if period.From.IsZero() && period.To.IsZero() {
		return keep
	}
	return Filter{From: period.From, To: period.To, Within: period.Within}.Keep(keep)
}

func percent(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" }

func normTitle(t string) string { return strings.Join(neardup.Words(t), " ") }

// URLKey is a URL reduced for comparison: no scheme, no "www.", no
// fragment, no trailing slash, no utm_ tracking parameters; "" for what is
// not an http(s) URL, or one whose host a browser refuses (hostOf:
// "http://1.2.3.09/"; Copies and SameURL compare such a URL as written:
// CopyURLKey). Its host is as a browser asks for it (hostKey,
// hostOf: in ASCII, punycode for a name not in ASCII, an IPv4 address
// in dotted decimal however written, an IPv6 address as the WHATWG URL
// standard writes it, without a trailing dot, the scheme's default port
// left out: PortKey), its path with RFC 3986's normalisation
// (pathKey), its query every pair of the URL's (queryKey), in the order
// of their keys. So "https://example.com:443/a.xml", "https://EXAMPLE.com./a.xml",
// "https://example.com/%61.xml" and "https://example.com/x/../a.xml" are
// one URL, "https://Bücher.example/f.xml" and "https://xn--bcher-kva.example/f.xml"
// another (each was a subscription of its own, and their pieces no copies).
func URLKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host, ok := hostKey(u)
	if !ok {
		return ""
	}
	key := host + strings.TrimRight(pathKey(u.EscapedPath()), "/")
	if q := queryKey(u.RawQuery); q != "" {
		key += "?" + q
	}
	return key
}

// hostKey is u's host and port as URLKey compares them: the host as
// hostOf says (as a browser asks for it, without "www."), the port as
// PortKey says; ok is false for a host a browser refuses (hostOf).
func hostKey(u *url.URL) (string, bool) {
	h, ok := hostOf(u)
	if !ok {
		return "", false
	}
	return h + PortKey(u), true
}

// whatwgIDNA is UTS 46's lookup as the WHATWG URL standard's "domain to
// ASCII" makes it, not strict: no STD3 rules, no hyphen checks, no
// lengths. idna.Lookup has both: "a_b.é.example" and "ab--c.é.example",
// which a browser asks for as a_b.xn--9ca.example and
// ab--c.xn--9ca.example, were refused and kept in Unicode, another key
// than the same URL written in punycode (an attack).
var whatwgIDNA = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.Transitional(false),
	idna.CheckHyphens(false), idna.StrictDomainName(false))

// HostASCII is the host name h (not an IP address in brackets) as a
// browser asks for it, the WHATWG URL standard's domain to ASCII
// (domainASCII, hostOf's rule): "例え.jp" is xn--r8jz45g.jp,
// "a_b.é.example" a_b.xn--9ca.example, a name in ASCII in lower case, a
// trailing dot kept; an error for a name the standard refuses: one IDNA's
// lookup refuses, with a label "xn--" alone ("xn--.bücher.example", which
// the lookup alone made .xn--bcher-kva.example), not in UTF-8, or with a
// forbidden domain code point once looked up (a space: "a\u00a0b.例え.jp",
// which the lookup made "a b.xn--r8jz45g.jp").
func HostASCII(h string) (string, error) {
	a, ok := domainASCII(h)
	if !ok {
		return "", fmt.Errorf("%q is no host name a browser asks for", h)
	}
	return a, nil
}

// hostOf is u's host (not its port) as a browser asks for it, the one
// rule of URLKey's hosts and of the sites LinkTextElsewhere compares
// (siteOf): a name as the WHATWG URL standard reads it (domainASCII): in
// lower case; one not in ASCII, or with a label that begins "xn--", by
// IDNA's lookup (UTS 46: whatwgIDNA) of the name as written, in
// punycode. The lookup is of the name as written, not lower-cased first:
// strings.ToLower made "İstanbul.example" istanbul.example where the
// lookup makes it xn--istanbul-o0e.example, "ẞ.example" xn--zca.example
// where it makes ss.example, and a capital the lookup refuses (Georgian
// Ⴀ) a name it takes (hostKey did, siteOf did not). A name that ends in a
// number is an IPv4 address, as the standard reads it (ipv4Host:
// "0x7f.1", "127.1", "2130706433" and "0177.0.0.1" are 127.0.0.1; they
// were four hosts). An IPv6 address is as the standard writes it, in its
// brackets (ipv6Host: "[0:0:0:0:0:0:0:1]", "[0::1]" and "[::1]" are
// [::1], "[::FFFF:127.0.0.1]" [::ffff:7f00:1]; they were keys of their
// own). A name is without one trailing dot (an ideographic or fullwidth
// full stop too, which the lookup reads as one) and a leading "www.",
// unless nothing or an empty label would be left ("https://www.。/a" is
// www.., "https://./a" .).
//
// ok is false for a host the standard refuses, of which a browser makes
// no URL: a name the lookup refuses, one with a label "xn--" alone
// ("xn--.bücher.example"; it was .xn--bcher-kva.example, the key of
// ".bücher.example"), an address the parsers refuse ("1.2.3.09",
// "256.1.1.1", "[fe80::1%25eth0]", with a zone). The host is then as
// written, in lower case, without one trailing dot and a leading "www."
// ("www.0x7f.1" is 0x7f.1), which URLKey gives no key (CopyURLKey keys
// its URL as written) and siteOf reads as a site of its own.
func hostOf(u *url.URL) (host string, ok bool) {
	h, ok := BrowserHost(u)
	// "www." left out before a label ("www." before nothing or an empty
	// label left: "www.。" was www.. and then no host at all)
	if rest, cut := strings.CutPrefix(h, "www."); cut && rest != "" && rest[0] != '.' {
		h = rest
	}
	return h, ok
}

// BrowserHost is u's host (not its port) as a browser asks for it, as
// hostOf reads it but with its "www.": StandardHost without one trailing
// dot ("example.com." is example.com; "." and "www.." stay, the dot a
// name's only character, an empty label before it). fetch's politeness
// keeps one queue for each (two spellings of a host, "EXAMPLE.com" and
// "example.com.", "127.1" and "127.0.0.1", "[0::1]" and "[::1]",
// "bücher.example" and "xn--bcher-kva.example", were two queues, each
// asked a second apart from its own requests alone). ok is false for a
// host the WHATWG URL standard refuses; it is then as written, in lower
// case, without one trailing dot.
func BrowserHost(u *url.URL) (host string, ok bool) {
	a, ok := StandardHost(u)
	if len(a) > 1 && strings.HasSuffix(a, ".") && !strings.HasSuffix(a, "..") {
		a = a[:len(a)-1]
	}
	return a, ok
}

// StandardHost is u's host (not its port) as the WHATWG URL standard's
// host parser reads it and its serialiser writes it, what a browser
// connects to and sends as Host: a name by domainASCII (in lower case,
// punycode for a name not in ASCII, a trailing dot kept), an IPv4 address
// in dotted decimal (ipv4Host: "0x7f.1", "127.1", "2130706433" are
// 127.0.0.1), an IPv6 address as ipv6Host writes it, in its brackets
// ("[0::1]" is [::1]). fetch asks for this host: Go's resolver reads no
// IPv4 address but in dotted decimal, and looked up "0x7f.1" as a name
// (no such host). ok is false for a host the standard refuses; it is
// then as written, in lower case (an IPv4 address the parser refuses,
// "1.2.3.09", as domainASCII gives it).
func StandardHost(u *url.URL) (host string, ok bool) {
	h := u.Hostname()
	if strings.HasPrefix(u.Host, "[") { // an IPv6 address
		if a, valid := ipv6Host(h); valid {
			return "[" + a + "]", true
		}
		return "[" + strings.ToLower(h) + "]", false
	}
	a, ok := domainASCII(h)
	if !ok {
		return strings.ToLower(h), false
	}
	if endsInNumber(a) {
		if ip, valid := ipv4Host(a); valid {
			return ip, true
		}
		return a, false
	}
	return a, true
}

// PortKey is u's port as URLKey and fetch's politeness compare it: ":"
// and the port, its leading zeros left out (":08080" is :8080), or ""
// when there is none or it is the scheme's default (80 for http, 443
// for https).
func PortKey(u *url.URL) string {
	port := u.Port()
	if n, err := strconv.Atoi(port); err == nil {
		port = strconv.Itoa(n)
	}
	if port == "" || u.Scheme == "http" && port == "80" || u.Scheme == "https" && port == "443" {
		return ""
	}
	return ":" + port
}

// pathKey is the escaped path p normalised as RFC 3986 (6.2.2) says: an
// escaped unreserved character (a letter, a digit, "-", ".", "_", "~")
// unescaped ("%66" is "f", "%2E" "."), other escapes in capitals
// ("%c3%a9" is "%C3%A9"; "%2F" stays, no "/": urlnorm.UnescapeUnreserved,
// fetch's rule for robots.txt too), then "." and ".." segments removed
// (5.2.4). Empty segments stay ("//a" is not "/a": RFC 3986 makes them
// two paths; fetch's robotsPath reads them as servers do, as one).
func pathKey(p string) string {
	if !strings.ContainsAny(p, "%.") {
		return p
	}
	segs := strings.Split(urlnorm.UnescapeUnreserved(p), "/")
	out := make([]string, 0, len(segs))
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
			continue
		}
		if last { // "/a/." and "/a/b/.." are "/a/"
			out = append(out, "")
		}
	}
	return strings.Join(out, "/")
}

// queryKey is the raw query q as URLKey compares it: its pairs, split at
// "&" alone (a ";" is part of its value, as browsers' URLSearchParams
// read it; Go's url.ParseQuery refuses such a pair), utm_ parameters left out, each decoded
// and written again as url.Values.Encode writes it ("a+b" and "a%20b"
// one, "k" and "k=" one), a pair that does not decode (a bad "%" escape)
// kept as written, sorted by key, the values of one key in their order.
// url.URL.Query dropped the pairs it could not read, so that
// "feed.php?cat=1;lang=en" and "feed.php?cat=2;lang=fr", or "?q=a%zz"
// and "?q=b%zz", were one URL: one subscription, and copies of each other.
func queryKey(q string) string {
	type pair struct{ key, text string }
	var pairs []pair
	for p := range strings.SplitSeq(q, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		dk, errK := url.QueryUnescape(k)
		dv, errV := url.QueryUnescape(v)
		if errK != nil || errV != nil {
			dk = k
		}
		if strings.HasPrefix(strings.ToLower(dk), "utm_") {
			continue
		}
		if errK != nil || errV != nil {
			pairs = append(pairs, pair{k, p})
		} else {
			pairs = append(pairs, pair{dk, url.QueryEscape(dk) + "=" + url.QueryEscape(dv)})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return strings.Compare(a.key, b.key) })
	texts := make([]string, len(pairs))
	for i, p := range pairs {
		texts[i] = p.text
	}
	return strings.Join(texts, "&")
}

// SameURL says whether a and b, neither "", are one string or one URL but
// for the scheme, the host's case and form (punycode, a trailing dot, a
// default port, an IP address in any form a browser reads: 0x7f.1, 127.1
// and 2130706433 are 127.0.0.1, [0::1] is [::1]), www., escapes of letters
// and digits, dot segments, a trailing slash and tracking parameters
// (URLKey); a URL whose host a browser refuses is one with itself alone,
// spaces around it aside (CopyURLKey). Copies compare pieces' URLs by the
// same rule.
func SameURL(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	k := CopyURLKey(a)
	return a == b || k != "" && k == CopyURLKey(b)
}

// CopyURLKey is the key SameURL and Copies compare the URL s by: its
// URLKey; for an http(s) URL whose host the WHATWG URL standard refuses,
// which has no URLKey ("http://1.2.3.09/e", "http://xn--a.example/f",
// "http://[fe80::1%25eth0]/g"), s as written, spaces around it trimmed,
// in angle brackets: a key no URLKey is (none begins "<", a forbidden
// host code point), so that pieces at the very same such URL are copies
// still, as they were before such hosts were refused and as SameURL says
// they are one URL, and no other spelling of it is one with it; "" for
// what is no http(s) URL. The importer's held check keys the URLs of the
// files it finds by it too, so that a piece is held where folio dups
// would call the two copies.
func CopyURLKey(s string) string {
	if k := URLKey(s); k != "" {
		return k
	}
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return "<" + s + ">"
}
