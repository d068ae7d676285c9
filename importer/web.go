package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/neardup"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/internal/webpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Present is what AddPage does with a page the archive already holds.
const Present Action = "present"

// SameText is the shingle similarity (Jaccard over 4-word shingles) above
// which a page's text counts as one the archive already holds.
const SameText = 0.8

// Page is one web page to add to an archive.
type Page struct {
	HTML    []byte // the page, UTF-8
	URL     string // where it was fetched from, or the URL a saved page came from
	Fetched time.Time
	Saved   bool // read from a file saved by a browser, not fetched by folio
}

// PageOptions control AddPage.
type PageOptions struct {
	Options
	// Date is the publication date to record when the page gives none
	// (folio never invents one); "" refuses such a page.
	Date string
	// Archive is the folder looked in for the piece already held (the
	// archive Into is part of); "" means Into. A file found there is
	// reported by its path relative to Into ("../2017/x.md").
	Archive string
	// AsCopy adds a page whose text the folder already holds (SameText)
	// as a piece of its own, a republished copy, instead of reporting it
	// Present. A page with the URL of a piece held is Present all the same.
	AsCopy bool
}

// AddPage extracts the piece on a web page (main text as Markdown, and its
// metadata) with Extract and writes it into opts.Into as an ordinary
// folio piece, with the names and the never-overwrite-an-edited-file rule
// of Import. A page whose canonical URL, fetched URL or text is already in
// the folder is reported as Present and nothing is written, unless Force is
// set: then the file holding it is rewritten (or AsCopy, for the same text:
// then it is added beside it). A page added that is a republished copy of a
// piece held (archive.SimilarText, or SimilarWithTitle with the same title)
// says so in its Result's Reason.
func AddPage(pg Page, opts PageOptions) (*Report, error) {
	if opts.Into == "" {
		return nil, errors.New("no folder to add to")
	}
	pg.URL = archive.WithoutUserinfo(pg.URL)
	rep := &Report{Format: "web", Feed: archive.SanitizeLine(pg.URL), Into: opts.Into, DryRun: opts.DryRun}
	p, why := extractPage(pg, opts.Date)
	if why != "" {
		rep.Results = append(rep.Results, Result{Action: Ignored, Title: archive.SanitizeLine(pg.URL), Reason: why})
		return rep, nil
	}
	imp, err := scanImported(opts.Into)
	if err != nil {
		return nil, err
	}
	existing := imp.first(nil)
	held := alreadyHeld(cmp.Or(opts.Archive, opts.Into), p, pg.URL)
	if opts.Archive != "" {
		into, err1 := filepath.Abs(opts.Into)
		archive, err2 := filepath.Abs(opts.Archive)
		for _, path := range []*string{&held.path, &held.cites} {
			if *path == "" {
				continue
			}
			if rel, err := filepath.Rel(into, filepath.Join(archive, filepath.FromSlash(*path))); err == nil && err1 == nil && err2 == nil {
				*path = filepath.ToSlash(rel)
			}
		}
	}
	if held.present && opts.AsCopy && held.reason != "same URL" {
		held.present = false
	}
	if held.present {
		if !opts.Force {
			rep.Results = append(rep.Results, Result{Action: Present, Path: held.path, Title: p.Title, Reason: held.reason})
			return rep, nil
		}
		existing[p.ImportID] = held.path
		opts.Options.Force = true
	}
	if !opts.DryRun {
		if err := os.MkdirAll(opts.Into, 0o755); err != nil {
			return nil, err
		}
	}
	res, err := place(p, existing, map[string]bool{}, opts.Options, rep)
	if err != nil {
		return rep, err
	}
	if !held.present && held.path != "" && res.Reason == "" {
		res.CopyOf, res.Reason = held.path, held.reason
	}
	if !held.present && res.Action == Added {
		res.Cites = held.cites
	}
	rep.Results = append(rep.Results, res)
	return rep, nil
}

// fullText replaces the feed item's body by the text of its page, fetched
// with get; it returns why not, or "", and get's error.
func fullText(p *piece, get func(string) (Page, error)) (string, error) {
	if p.URL == "" {
		return "no link: the feed's text kept", nil
	}
	pg, err := get(p.URL)
	if err != nil {
		return "the feed's text kept: " + archive.SanitizeLine(err.Error()), err
	}
	full, why := extractPage(pg, p.Date)
	if why != "" {
		return "the feed's text kept: " + why, nil
	}
	p.Body = full.Body
	p.Fetched, p.Extracted, p.Language = full.Fetched, full.Extracted, full.Language
	if len(p.Authors) == 0 {
		p.Authors = full.Authors
	}
	return "", nil
}

// defusePage is a page about to be extracted with its references to
// controls defused (termsafe.DefuseKeepingLines): one to a control is
// controlReference, one to a line's end in the page's text a <br> (two
// for the paragraph separator), which the extractor keeps as a line
// break where it makes U+2028 a space, as it makes any run of white
// space; in an attribute or a title (or a script, a style…), where a <br>
// would be text, one is lineEnd. A page without such a reference is
// defused as a whole, and the rest of a page with one is as it was, byte
// for byte (defuseTokens).
func defusePage(page string) string {
	whole := termsafe.DefuseKeepingLines(page, controlReference, lineEnd)
	if whole == page {
		return page // no reference defused
	}
	// the defusing made no lineEnd when the page holds as many as it
	// did: then it had no reference to a line's end, and whole is what
	// defuseTokens would give (a review: a page with a U+2028 as it is,
	// and none as a reference, was read token by token)
	if strings.Count(whole, lineEnd) == strings.Count(page, lineEnd) {
		return whole
	}
	return defuseTokens(page)
}

// defuseTokens is defusePage token by token: a reference to a line's end
// in the page's text a <br>, elsewhere lineEnd.
func defuseTokens(page string) string {
	var b strings.Builder
	b.Grow(len(page) + 64)
	z := html.NewTokenizer(strings.NewReader(page))
	raw := false // the text is a title's, a script's…: no element in it
	for {
		tt := z.Next()
		if t := z.Raw(); tt == html.TextToken && !raw {
			b.WriteString(termsafe.DefuseKeepingLines(string(t), controlReference, "<br>"))
		} else {
			b.Write(t)
		}
		if tt == html.ErrorToken {
			break
		}
		raw = false
		if tt == html.StartTagToken {
			name, _ := z.TagName()
			raw = rawTextTags[string(name)]
		}
	}
	return termsafe.DefuseKeepingLines(b.String(), controlReference, lineEnd)
}

// rawTextTags are the elements whose text the HTML tokenizer reads as text
// alone, up to their end tag: a <br> in one is text.
var rawTextTags = map[string]bool{"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// extractPage turns a page into a piece, or says why it cannot.
func extractPage(pg Page, date string) (*piece, string) {
	pg.URL = archive.WithoutUserinfo(pg.URL)
	base, err := url.Parse(pg.URL)
	if err != nil || archive.ValidURL(pg.URL) != nil {
		return nil, "not an http or https URL"
	}
	// a reference to a control is one character, dropped alone, one to a
	// line's end a new line (see itemConverter.markdown; in the page's
	// text a <br>: defusePage)
	ex, err := runExtract([]byte(defusePage(string(pg.HTML))), pg.URL)
	if errors.Is(err, ErrNoHelper) {
		return nil, err.Error()
	}
	if err != nil {
		return nil, "no article found on the page: " + err.Error()
	}
	decl := readDeclared(pg.HTML)
	md := &Metadata{m: ex, reviewed: decl.reviewed, page: pg.HTML}
	p := &piece{}

	// one pass over the text: its embedded sources removed, its links
	// cleaned, then Markdown
	cleaned, err := rewriteFragment(ex.ContentHTML, func(root *html.Node) {
		removeEmbeds(root)
		cleanAnchors(root, base)
		codeBlocks(root)
	})
	if err != nil {
		return nil, "the text cannot be read: " + err.Error()
	}
	body, err := (&itemConverter{base: base}).toMarkdown(cleaned)
	if err != nil {
		return nil, "the text cannot be converted to Markdown: " + err.Error()
	}
	if strings.TrimSpace(body) == "" {
		return nil, "no article text found on the page"
	}
	p.Body = body

	p.Title = archive.SanitizeLine(md.m.Title)
	if p.Title == "" {
		p.Title = firstWords(ex.Text, 10)
	}
	canonical := md.Canonical(base, decl.urls)
	if d, ok := pathDate(canonical, pg.URL); ok {
		// the page's date when it is another (go-htmldate took a stock
		// image's /2016/04/05/ and a Sources list's date: a researcher's
		// report)
		p.Date = d.String()
	} else if d, ok := md.Date(); ok {
		p.Date = d.String()
	} else if date != "" {
		d, err := archive.ParseDate(date)
		if err != nil {
			return nil, err.Error()
		}
		p.Date = d.String()
	} else {
		// go-htmldate takes only dates in webpage.DateRange: a page
		// dated 2300 has a date, but none folio takes
		_, latest := webpage.DateRange(time.Now())
		return nil, fmt.Sprintf("no publication date from %d to %s found on the page (give one with --date)", webpage.EarliestYear, latest.Format("2006-01-02"))
	}
	p.Authors = md.Authors()
	p.URL = canonical
	// the site is the canonical URL's when folio takes one (a page
	// fetched from a local server was "127.0.0.1", cited as the author
	// {{127.0.0.1}}), else the fetched URL's
	home := base
	if u, err := url.Parse(p.URL); err == nil && u.Hostname() != "" {
		home = u
	}
	site := withoutCopyright(withoutHostUser(archive.SanitizeLine(md.m.Sitename)))
	p.Outlet = cmp.Or(site, hostName(home))
	p.Title = withoutSiteName(p.Title, site, p.Outlet, siteOfHost(home))
	p.Tags = webTags(slices.Concat(md.m.Tags, md.m.Categories))
	p.Source = pg.URL
	p.Standfirst = standfirstOf(declaredDescription(decl.descs, md.m.Description), ex.Text, p.Title)
	p.Language = archive.SanitizeLine(md.m.Language)
	if !pg.Fetched.IsZero() {
		// the local day, as folio cite's access date (urldate) is: the
		// day in UTC said "fetched 7 December" of a page cited
		// "accessed 6 December" west of UTC (an attack, 41j)
		p.Fetched = pg.Fetched.Local().Format("2006-01-02")
	}
	p.Extracted = archive.SanitizeLine(ex.Extractor)
	if pg.Saved {
		p.Extracted += " (from a saved copy of the page)"
	}
	p.ImportID = cmp.Or(p.URL, pg.URL)
	return p, ""
}

// codeBlocks writes each code block of the extracted text as <pre><code>:
// go-trafilatura gives a <pre> (and a highlighted block) as a <code>
// element among the blocks, which html-to-markdown reads as inline code,
// so that a block of shell commands was one line of code, its new lines
// gone (41i, measured with add --html). A <code> is a block when no text
// or inline element stands beside it in its parent, and that parent is
// no paragraph, heading or inline element: "Run <code>go test</code>" in
// a list item stays inline. A <code> whose one element is a <code> or a
// <pre>, no words beside it, is a block beside inline elements too:
// go-trafilatura gives a <pre><code> so, the <pre> renamed (and a plain
// <pre>, which extract.Page gives a <code>), and among the blocks of the
// text it may set one that is an inline element, a <details>' summary in
// bold, beside which every code block of the page was a line of inline
// code.
func codeBlocks(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		if ch.DataAtom == atom.Pre {
			continue
		}
		if ch.DataAtom == atom.Code && blockParents[n.DataAtom] && (aloneAmongBlocks(ch) || holdsBlockCode(ch)) {
			toPre(ch)
			continue
		}
		codeBlocks(ch)
	}
}

// blockParents are the elements whose children may be blocks.
var blockParents = map[atom.Atom]bool{atom.Div: true, atom.Blockquote: true, atom.Li: true, atom.Dd: true,
	atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true, atom.Figure: true, atom.Main: true}

// aloneAmongBlocks: n's siblings are blocks or blank text, no words or
// inline elements beside it.
func aloneAmongBlocks(n *html.Node) bool {
	for sib := n.Parent.FirstChild; sib != nil; sib = sib.NextSibling {
		switch {
		case sib == n, sib.Type == html.CommentNode:
		case sib.Type == html.TextNode:
			if strings.TrimSpace(sib.Data) != "" {
				return false
			}
		case sib.Type == html.ElementNode:
			// an inline element; a <code> beside it is another block
			if sib.DataAtom != atom.Code && (webpage.InlineTags[sib.Data] || sib.DataAtom == atom.Br || sib.DataAtom == atom.Img) {
				return false
			}
		}
	}
	return true
}

// holdsBlockCode: the one element in n is a <code> or a <pre>, no words
// beside it.
func holdsBlockCode(n *html.Node) bool {
	var one *html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "":
			return false
		case ch.Type != html.ElementNode:
		case one != nil:
			return false
		default:
			one = ch
		}
	}
	return one != nil && (one.DataAtom == atom.Code || one.DataAtom == atom.Pre)
}

// toPre makes a code element <pre><code>…</code></pre>: its one <code>
// child is kept as the code, else its children are put in one.
func toPre(n *html.Node) {
	n.Data, n.DataAtom, n.Attr = "pre", atom.Pre, nil
	if c := n.FirstChild; c != nil && c == n.LastChild && c.Type == html.ElementNode && c.DataAtom == atom.Code {
		return
	}
	code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		code.AppendChild(c)
	}
	n.AppendChild(code)
}

// Metadata is what the page says about itself, as the extractor found it
// (JSON-LD, then OpenGraph and <meta> tags, then the page).
type Metadata struct {
	m *webpage.Extraction
	// reviewed are the names of the authors of what the page reviews,
	// and of its own (readDeclared)
	reviewed reviewed
	// page is the page's HTML, where an author's initials are looked up
	// as written (withInitialsAsWritten)
	page []byte
}

var numbers = regexp.MustCompile(`\d+`)

// Date is the publication date to the precision the page gives: a date
// read from the URL's /2019/11/ or a bare "© 2019" is not given a day.
func (md *Metadata) Date() (archive.Date, bool) {
	if md.m == nil || md.m.Date.IsZero() {
		return archive.Date{}, false
	}
	t := md.m.Date
	day := archive.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}
	src := strings.TrimSpace(md.m.DateSource)
	if src == "" {
		return day, true
	}
	if d, err := archive.ParseDate(src); err == nil && d.Time.Year() == t.Year() {
		return d, true
	}
	var ns []int
	for _, s := range numbers.FindAllString(src, -1) {
		if n, err := strconv.Atoi(s); err == nil {
			ns = append(ns, n)
		}
	}
	if !slices.Contains(ns, t.Year()) && !slices.Contains(ns, t.Year()%100) {
		return day, true // a form we do not read (another calendar, say): trust the library
	}
	// The numbers other than the year, and the month's name, say what
	// is known: a day equal to the month's number must be written twice
	// (2019-11-11) or beside a named month.
	rest := slices.DeleteFunc(slices.Clone(ns), func(n int) bool { return n == t.Year() })
	named := strings.Contains(strings.ToLower(src), strings.ToLower(t.Month().String()[:3]))
	hasMonth := named || slices.Contains(rest, int(t.Month()))
	hasDay := slices.Contains(rest, t.Day()) && (t.Day() != int(t.Month()) || named || count(rest, t.Day()) > 1)
	switch {
	case hasMonth && hasDay:
		return day, true
	case hasMonth:
		return archive.Date{Time: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionMonth}, true
	}
	return archive.Date{Time: time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionYear}, true
}

// pathDates are the full dates a URL's path gives: /2019/11/20/,
// /2019/nov/18/ (a month's English name or its first three letters), and
// 2019-11-19 in a segment or a slug.
var pathDates = []*regexp.Regexp{
	regexp.MustCompile(`/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)`),
	regexp.MustCompile(`(?i)/(\d{4})/(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)/(\d{1,2})(?:/|$)`),
	regexp.MustCompile(`(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?:[^0-9]|$)`),
}

// pathDate is the full date the path of the page's canonical URL gives,
// else that of the URL it was fetched from: a news site dates its pages
// in their URLs, and go-htmldate, given the fetched URL alone, read it
// there only when the page was fetched at its own path, and not at all
// in /2019/nov/18/: a page whose URL gives a date is read to be of that
// day (a researcher's report: a Florida Today page of /2019/11/20/ saved and served
// from elsewhere was dated 2016-04-05, a stock image's date; a Politifact
// page of /2019/nov/18/, 2019-10-13, a date in its list of sources). A
// path whose dates are not one, or a date not in webpage.DateRange, gives
// none.
func pathDate(canonical, fetched string) (archive.Date, bool) {
	for _, s := range []string{canonical, fetched} {
		u, err := url.Parse(s)
		if err != nil {
			continue
		}
		var found []time.Time
		earliest, latest := webpage.DateRange(time.Now())
		for _, re := range pathDates {
			for _, m := range re.FindAllStringSubmatch(u.Path, -1) {
				y, _ := strconv.Atoi(m[1])
				d, _ := strconv.Atoi(m[3])
				mo, err := strconv.Atoi(m[2])
				if err != nil {
					mo = monthOf(m[2])
				}
				t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
				if t.Year() != y || int(t.Month()) != mo || t.Day() != d || t.Before(earliest) || t.After(latest) {
					return archive.Date{}, false // no date: 2019/02/30, 2019/13/01, 2300/01/01
				}
				found = append(found, t)
			}
		}
		if len(found) == 0 {
			continue
		}
		for _, t := range found[1:] {
			if !t.Equal(found[0]) {
				return archive.Date{}, false
			}
		}
		return archive.Date{Time: found[0], Precision: archive.PrecisionDay}, true
	}
	return archive.Date{}, false
}

// monthOf is the number of a month named in English, or its first three
// letters ("nov", "Sept"), 0 for none.
func monthOf(name string) int {
	name = strings.ToLower(name)
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if name == full || name == full[:3] || m == time.September && name == "sept" {
			return int(m)
		}
	}
	return 0
}

func count(ns []int, n int) int {
	c := 0
	for _, x := range ns {
		if x == n {
			c++
		}
	}
	return c
}

// Authors are the page's authors by name, without e-mail addresses, at most
// archive.MaxAuthors. A name that is only the author of what the page
// reviews (a fact-check's claimant: readDeclared) is none of them.
func (md *Metadata) Authors() []string {
	var out []string
	for _, a := range strings.Split(md.m.Author, ";") {
		a = withoutAgency(withoutDateWords(archive.SanitizeLine(a), md.m.Date), md.m.Sitename)
		if len(out) >= archive.MaxAuthors {
			break
		}
		a = withInitialsAsWritten(a, md.page)
		if suffix, ok := nameSuffix(a); ok && len(out) > 0 {
			// "Martin Luther King, Jr.": the extractor splits a byline at
			// its commas, and cited "King, Martin Luther and Jr" (48s)
			out[len(out)-1] += " " + withSuffixStop(out[len(out)-1], suffix, md.page)
			continue
		}
		if md.claimant(a) {
			continue
		}
		if a != "" && !strings.Contains(a, "@") && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	if len(out) > 1 {
		// the site named among people is their outlet, no author
		// ("Tanza Loudenback; Business Insider" on Business Insider
		// Deutschland, "Troy L Smith; Cleveland com" on Cleveland: a
		// review found them cited as the people Insider, Business and com,
		// Cleveland)
		// (but a blog named after its writer names them: "Ann Lee; Bo
		// Chan" on Ann Lee keeps Ann Lee, whom the archive reads as a
		// person when she is her outlet, as cite does)
		people := slices.DeleteFunc(slices.Clone(out), func(a string) bool {
			return namesSite(a, md.m.Sitename) && !ownSite(a)
		})
		if len(people) > 0 {
			out = people
		}
	}
	return out
}

// withInitialsAsWritten is the author a with the full stops of its
// initials (and of a Jr or Sr) as the page writes them: go-trafilatura
// makes every full stop of a byline a space and drops one at its end, so
// "Jane Q. Public" came as "Jane Q Public", "J.R.R. Tolkien" as "J R R
// Tolkien" and "Ann Lee Jr." as "Ann Lee Jr" (a researcher's report: cited
// "Public, Jane Q"). A run of a's words in the page, in a's case, with
// only white space between them or a full stop after an initial (a word
// of one letter) or after Jr or Sr, gives the stops: a's words each after
// a space, a full stop after those the page gave one ("C.S.Lewis" is
// "C. S. Lewis": its family name a word of its own, as the extractor gave
// it). White space is a no-break space too, as a character or an entity
// ("J.&nbsp;R.&nbsp;R. Tolkien", as typographers set initials). The first such run with a stop counts; a as it is when there is
// none (a full stop after a longer word, "Ann. Lee", is no name's).
//
// The page is searched for a's longest word (bytes.Index), and a's run
// matched around each of its first maxInitialsTries occurrences only, up
// to maxInitialsPage bytes into the page: a page of "A " two million
// times, an author "A B Smith" each of 150, took 1.9 s an author when the
// run was looked for from each "A" (a review, 48r).
func withInitialsAsWritten(a string, page []byte) string {
	const nameSpace = `(?:[\t\n\r \x{a0}]|&nbsp;|&#160;|&#[xX]0*[aA]0;)`
	words := strings.Fields(a)
	if len(words) < 2 || len(a) > 200 {
		return a
	}
	stop := func(w string) bool {
		return utf8.RuneCountInString(w) == 1 || strings.EqualFold(w, "Jr") || strings.EqualFold(w, "Sr")
	}
	if !slices.ContainsFunc(words, stop) {
		return a
	}
	var b strings.Builder
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
		b.WriteString(regexp.QuoteMeta(w))
		switch {
		case i == len(words)-1:
			if stop(w) && utf8.RuneCountInString(w) > 1 {
				b.WriteString(`(\.?)`) // Jr., not an initial's: "Malcolm X." ends a sentence
			}
		case stop(w):
			b.WriteString(`(?:(\.)` + nameSpace + `*|()` + nameSpace + `+)`)
		default:
			b.WriteString(nameSpace + `+`)
		}
	}
	re, err := regexp.Compile(`^` + b.String())
	if err != nil {
		return a
	}
	// where a run holding the longest word at this occurrence may start:
	// the run is at most a's bytes and a stop and two spaces (a no-break
	// space written "&#x00A0;" is 8 bytes) between words, so far back
	reach := len(a) + 17*len(words)
	page = page[:min(len(page), maxInitialsPage)]
	lw := []byte(words[longest])
	for tries, from := 0, 0; tries < maxInitialsTries; tries++ {
		i := bytes.Index(page[from:], lw)
		if i < 0 {
			break
		}
		at := from + i
		from = at + len(lw)
		for s := max(0, at-reach); s <= at; s++ {
			if !bytes.HasPrefix(page[s:], []byte(words[0])) {
				continue
			}
			m := re.FindSubmatchIndex(page[s:min(len(page), s+reach+len(lw))])
			if m == nil {
				continue
			}
			before, _ := utf8.DecodeLastRune(page[:s])
			after, _ := utf8.DecodeRune(page[s+m[1]:])
			if wordRune(before) || wordRune(after) {
				continue
			}
			// which words the page gave a full stop: the groups, in
			// order, of the stop words
			stops := map[int]bool{}
			g := 1
			for k, w := range words {
				switch {
				case k == len(words)-1:
					if stop(w) && utf8.RuneCountInString(w) > 1 {
						stops[k] = m[2*g] >= 0 && m[2*g+1] > m[2*g]
						g++
					}
				case stop(w):
					stops[k] = m[2*g] >= 0 && m[2*g+1] > m[2*g]
					g += 2
				}
			}
			var out strings.Builder
			any := false
			for k, w := range words {
				if k > 0 {
					out.WriteByte(' ')
				}
				out.WriteString(w)
				if stops[k] {
					out.WriteByte('.')
					any = true
				}
			}
			if any {
				return out.String()
			}
		}
	}
	return a
}

// nameSuffix: a, a part of a byline split at its commas, is a name's
// generational suffix alone (Jr, Sr, II, III, IV, in any case, a full stop
// after Jr or Sr or none), given back as written but for the stop.
func nameSuffix(a string) (string, bool) {
	w := strings.TrimSuffix(strings.TrimSpace(a), ".")
	switch strings.ToLower(w) {
	case "jr", "sr", "ii", "iii", "iv":
		return w, true
	}
	return "", false
}

// withSuffixStop is suffix (nameSuffix's) with the full stop the page
// writes after it, after the name's last word ("King, Jr." or "King
// Jr."); suffix as it is otherwise (the extractor drops a byline's last
// full stop).
func withSuffixStop(name, suffix string, page []byte) string {
	words := strings.Fields(name)
	if len(words) == 0 || len(page) == 0 {
		return suffix
	}
	last := words[len(words)-1]
	page = page[:min(len(page), maxInitialsPage)]
	for _, sep := range []string{", ", " "} {
		if bytes.Contains(page, []byte(last+sep+suffix+".")) {
			return suffix + "."
		}
	}
	return suffix
}

// maxInitialsPage bounds the page withInitialsAsWritten reads, and
// maxInitialsTries the occurrences of a name's longest word it looks at.
const (
	maxInitialsPage  = 4 << 20
	maxInitialsTries = 64
)

// wordRune: r is part of a word (a letter, mark or digit).
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// claimant: the author a is a name, or a part of one ("The Russian" of
// "The Russian and Syrian defense ministries": the extractor splits
// names at "and"), of the author of what the page reviews, and of none of
// the page's own authors; compared on words of letters and digits, case
// folded.
func (md *Metadata) claimant(a string) bool {
	w := nameWords(a)
	partOf := func(names []string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return containsRun(nameWords(n), w) })
	}
	return len(w) > 0 && partOf(md.reviewed.claimants) && !partOf(md.reviewed.own)
}

// nameWords are s's words of letters and digits, case folded.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// containsRun: run is words of ws one after another.
func containsRun(ws, run []string) bool {
	for i := 0; i+len(run) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// maxJSONLD is the largest JSON-LD script readDeclared reads.
const maxJSONLD = 1 << 20

// add takes in the names of the authors ("author", "creator") of what v,
// a JSON-LD value of a page, reviews (under an "itemReviewed": by
// schema.org the claim's or work's author, not the page's) and of the
// page's own. go-trafilatura takes any Person of the JSON-LD for the
// page's author when its article types (a ClaimReview is none) name none,
// and reads a byline from the page's HTML otherwise, where a fact-check
// shows its claimant: POLYGRAPH.info's review of a claim of "The Russian
// and Syrian defense ministries", by POLYGRAPH.info, was written by
// "The Russian" and "Syrian defense ministries" (a researcher's report).
func (r *reviewed) add(v any) {
	var names func(v any) []string
	names = func(v any) []string {
		switch v := v.(type) {
		case string:
			return []string{v}
		case map[string]any:
			if n, ok := v["name"].(string); ok {
				return []string{n}
			}
		case []any:
			var out []string
			for _, x := range v {
				out = append(out, names(x)...)
			}
			return out
		}
		return nil
	}
	var walk func(v any, reviewed bool)
	walk = func(v any, reviewed bool) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				switch k {
				case "itemReviewed":
					walk(x, true)
					continue
				case "author", "creator":
					if reviewed {
						r.claimants = append(r.claimants, names(x)...)
					} else {
						r.own = append(r.own, names(x)...)
					}
				}
				walk(x, reviewed)
			}
		case []any:
			for _, x := range v {
				walk(x, reviewed)
			}
		}
	}
	walk(v, false)
}

// ownSite: a, an author named as the site, is read as the person whose
// site it is (archive.Bylines of a piece whose outlet is a: a common given
// name first, "Ann Lee"; not "Business Insider", "Cleveland com").
func ownSite(a string) bool {
	ns := archive.Bylines(archive.Article{Authors: []string{a}, Outlet: a})
	return len(ns) == 1 && ns[0].Literal == ""
}

// dateWords are the words a page's byline runs on into before its date
// ("Detroit News wire services Published").
var dateWords = map[string]bool{"published": true, "updated": true, "posted": true}

// withoutDateWords is the byline a without the date's words it ends with,
// when two words are left before them: dateWords, and the name of the
// month of the page's date (go-trafilatura gave "Carrie Arnold November"
// of a page of November 12, 2019), not another month's ("Ann Marie May"
// on a page of June; a review found her Ann Marie).
func withoutDateWords(a string, date time.Time) string {
	words := strings.Fields(a)
	k := len(words)
	for k > 2 {
		w := strings.ToLower(words[k-1])
		if !dateWords[w] && (date.IsZero() || w != strings.ToLower(date.Month().String())) {
			break
		}
		k--
	}
	if k == len(words) {
		return a
	}
	return strings.Join(words[:k], " ")
}

// namesSite: the author a is the site's name site, or the name before an
// edition's word ("Business Insider" of "Business Insider Deutschland"),
// or the name and its domain's end ("Cleveland com", a dot lost, of
// "Cleveland"), ignoring case, a "The" before either, and what is no
// letter or digit.
func namesSite(a, site string) bool {
	norm := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	aw, sw := norm(a), norm(site)
	if len(aw) > 1 && aw[0] == "the" {
		aw = aw[1:] // "The Guardian" of "Guardian", as cite's sameOutlet
	}
	if len(sw) > 1 && sw[0] == "the" {
		sw = sw[1:]
	}
	if len(aw) == 0 || len(sw) == 0 {
		return false
	}
	if n := len(aw); n == len(sw)+1 && slices.Contains([]string{"com", "org", "net", "co", "uk"}, aw[n-1]) {
		aw = aw[:n-1]
	}
	switch {
	case slices.Equal(aw, sw):
		return true
	case len(aw)+1 == len(sw) && slices.Equal(aw, sw[:len(aw)]):
		return editions[sw[len(aw)]] // not "Ann Lee" of "Ann Lee Blog"
	}
	return false
}

// editions are the words after a site's name that name one of its
// editions ("Business Insider Deutschland", "HuffPost UK").
var editions = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`deutschland india uk us usa australia africa asia europe international global
	edition españa espana france italia japan nederland polska canada`) {
		editions[w] = true
	}
}

// agencies are the news agencies a byline names after its last author
// with no comma ("By DANICA KIRKA and JILL LAWLESS Associated Press").
var agencies = []string{"The Associated Press", "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse",
	"Press Association", "PA Media", "Bloomberg", "dpa", "UPI", "Bloomberg News"}

// withoutAgency is the author a without a news agency, or the page's site
// name, written after the name: "JILL LAWLESS Associated Press" is Jill
// Lawless of the AP, not an organisation (a helper's report: cited as
// the corporate author "JILL LAWLESS Associated Press"). A name of one
// word left is kept whole ("Reuters" alone is the author).
func withoutAgency(a, site string) string {
	for _, ag := range append(slices.Clone(agencies), strings.TrimSpace(site)) {
		if ag == "" || len(a) <= len(ag)+1 {
			continue
		}
		head, tail := a[:len(a)-len(ag)], a[len(a)-len(ag):]
		if strings.EqualFold(tail, ag) && strings.HasSuffix(head, " ") && len(strings.Fields(head)) >= 2 && !strings.Contains(head, ",") {
			return strings.TrimSpace(head)
		}
	}
	return a
}

// Canonical is the page's canonical URL if it is an http(s) URL on the web,
// else the URL it was fetched from. declared are the URLs the page's head
// declares (readDeclared): when it declares any, the extractor's URL is
// taken only if it is one of them, else the first of them that is on the
// web (a helper's report: a canonical of file:///etc/passwd came back from
// the extractor glued to the page's path, a URL that does not exist). A
// canonical that is a site's home page ("/", no query) is no canonical of
// a page that is not one: sites that give every page that one made
// unrelated pages "the same URL", and --force replaced one piece by
// another (a helper's report).
func (md *Metadata) Canonical(base *url.URL, declared []string) string {
	home := func(u *url.URL) bool { return strings.Trim(u.EscapedPath(), "/") == "" && u.RawQuery == "" }
	resolve := func(c string) string {
		if u, err := url.Parse(strings.TrimSpace(c)); err == nil && strings.TrimSpace(c) != "" {
			r := base.ResolveReference(u)
			if home(r) && !home(base) {
				return ""
			}
			if c := archive.WithoutUserinfo(r.String()); archive.ValidURL(c) == nil {
				return c
			}
		}
		return ""
	}
	c := archive.WithoutUserinfo(resolve(md.m.URL))
	if len(declared) == 0 {
		return cmp.Or(c, base.String())
	}
	var first string
	for _, d := range declared {
		d = archive.WithoutUserinfo(resolve(d))
		if d != "" && d == c {
			return c
		}
		first = cmp.Or(first, d)
	}
	return cmp.Or(first, base.String())
}

// reviewed are the authors a page's JSON-LD names: of what it reviews
// (claimants) and its own (add).
type reviewed struct{ claimants, own []string }

// declared is what a page declares of itself, read in one pass of the
// HTML tokenizer: its own canonical link and og:url as written (urls), its
// head's descriptions (a meta description, og:, twitter: or dc:, decoded
// from their attribute, in the page's order) and, when the page has an
// "itemReviewed", the authors its JSON-LD scripts (of maxJSONLD bytes at
// most, in the head or the body) name. The head's facts are read up to
// the body's start tag; the page is read on only for JSON-LD.
type declared struct {
	urls, descs []string
	reviewed    reviewed
}

// readDeclared reads what page declares of itself (declared).
func readDeclared(page []byte) (d declared) {
	needLD := bytes.Contains(page, []byte("itemReviewed"))
	head, ld := true, false
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return d
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			ld = false
			switch string(name) {
			case "body":
				head = false
				if !needLD {
					return d
				}
			case "script":
				for tt == html.StartTagToken && needLD && hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "type" && strings.EqualFold(strings.TrimSpace(string(v)), "application/ld+json") {
						ld = true
					}
				}
			case "link", "meta":
				if !head {
					continue
				}
				attrs := map[string]string{}
				var key string // a meta's name or property, the last given
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					attrs[string(k)] = string(v)
					if string(k) == "name" || string(k) == "property" {
						key = strings.ToLower(strings.TrimSpace(string(v)))
					}
				}
				switch {
				case string(name) == "link" && strings.EqualFold(strings.TrimSpace(attrs["rel"]), "canonical"):
					d.urls = append(d.urls, attrs["href"])
				case string(name) == "meta" && strings.EqualFold(attrs["property"], "og:url"):
					d.urls = append(d.urls, attrs["content"])
				}
				if string(name) == "meta" {
					switch key {
					case "description", "og:description", "twitter:description", "dc.description":
						d.descs = append(d.descs, attrs["content"])
					}
				}
			}
		case html.TextToken:
			if t := z.Text(); ld && len(t) <= maxJSONLD {
				var v any
				if json.Unmarshal(t, &v) != nil && json.Unmarshal([]byte(html.UnescapeString(string(t))), &v) != nil {
					continue
				}
				d.reviewed.add(v)
			}
		default:
			ld = false
		}
	}
}

// declaredDescription is desc, the extractor's description of a page, as
// the page's head declares it (descs, readDeclared's) when one reads as
// desc once its tags are dropped: the extractor drops them too, and with
// them a name in angle brackets ("A review of <Hamlet>" came as "A review
// of"); desc otherwise (from JSON-LD, say).
func declaredDescription(descs []string, desc string) string {
	if desc == "" {
		return desc
	}
	want := strings.Join(strings.Fields(desc), "") // spaces aside: the extractor runs "a<br>b" together
	for _, content := range descs {
		if strings.Join(strings.Fields(htmlText(strings.ReplaceAll(content, "&", "&amp;"))), "") == want {
			return content
		}
	}
	return desc
}

// webTags are the page's keywords, article:tag and categories as tags
// (tagsOf), without the site's own markers: tags that start with a
// punctuation mark ("@lll", "_no-apple-news", "#x") and domain names
// ("gizmodo.com"). The extractor gives them decoded, as the HTML parser
// reads an attribute, once, and they are not decoded again: the keyword
// "&lt;b&gt;" is the tag <b> (read as HTML once more, it was a tag,
// dropped), "AT&amp;T" at&t and "two &amp;copy;" two-&copy;.
func webTags(ts []string) []string {
	return slices.DeleteFunc(tagsOf(ts), func(t string) bool {
		r, _ := utf8.DecodeRuneInString(t)
		return unicode.IsPunct(r) || strings.Contains(t, ".")
	})
}

func hostName(u *url.URL) string {
	return archive.SanitizeLine(strings.TrimPrefix(u.Hostname(), "www."))
}

// maxDescription is the longest description read for a standfirst: one
// of 600 bytes at most once its tags are dropped (a review, 41za: 1 MB of
// "<Link " took 38 s).
const maxDescription = 64 << 10

// standfirstOf is the page's description unless it is only the opening of
// the text or the title again (a review, 42ra: a page whose text no
// longer opened with its title showed the title twice). The extractor gives it decoded (a meta's content, JSON-LD):
// its tags are dropped, its "&" kept (decoded again, "&amp;copy;" in the
// page read "©"), and so is a "<" that opens no tag (literalAngles: "A
// review of <Hamlet>" lost "<Hamlet>", read as an element).
func standfirstOf(desc, text, title string) string {
	if len(desc) > maxDescription {
		return "" // no standfirst (600 bytes at most), and not read whole
	}
	s := archive.SanitizeLine(htmlText(literalAngles(strings.ReplaceAll(desc, "&", "&amp;"))))
	if s == "" || len(s) > 600 {
		return ""
	}
	probe := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "[…]"), "…"), " .")
	if probe != "" && strings.HasPrefix(strings.Join(strings.Fields(text), " "), probe) {
		return ""
	}
	if strings.EqualFold(probe, strings.TrimRight(strings.Join(strings.Fields(title), " "), " .")) {
		return ""
	}
	return s
}

// literalAngles escapes each "<" of s that opens no tag: a tag is an HTML
// element's, its name written in lower case or capitals (<p>, <BR>; an
// unclosed <p> is one: a review, 41rb) or closed later in s, or the
// closing of one opened before it; a name in angle brackets (<Hamlet>,
// <Main Street>, <Source Code>, <Link>, a Korean title's <The Palace>) is
// text.
func literalAngles(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	lower := strings.ToLower(s)
	opened := map[string]bool{}
	lastClose := map[string]int{} // where "</name" is last, -1 for nowhere: each name's looked up once
	closedAt := func(name string) int {
		at, ok := lastClose[name]
		if !ok {
			at = strings.LastIndex(lower, "</"+name)
			lastClose[name] = at
		}
		return at
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			b.WriteByte(s[i])
			continue
		}
		j := i + 1
		closing := j < len(s) && s[j] == '/'
		if closing {
			j++
		}
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || k > j && s[k] >= '0' && s[k] <= '9') {
			k++
		}
		name := lower[j:k]
		tag := false
		if a := atom.Lookup([]byte(name)); a != 0 && k < len(s) && strings.ContainsRune(" \t\n/>", rune(s[k])) {
			written := s[j:k]
			// in capitals, a name of two letters or more (<A Tale of
			// Two Cities>, <I Am Legend>: titles; a review, 41za)
			cased := written == name || len(name) > 1 && written == strings.ToUpper(name)
			switch {
			case closing:
				tag = opened[name] || cased
			default:
				tag = cased || closedAt(name) > k
				opened[name] = opened[name] || tag
			}
		}
		if tag {
			b.WriteByte('<')
		} else {
			b.WriteString("&lt;")
		}
	}
	return b.String()
}

// removeEmbeds removes images and other embedded sources from the
// extracted text (its links are cleaned as a feed item's are:
// cleanAnchors).
func removeEmbeds(n *html.Node) {
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.ElementNode {
			switch ch.Data {
			case "img", "picture", "source", "video", "audio", "iframe", "object", "embed", "script", "style", "svg":
				n.RemoveChild(ch)
				ch = next
				continue
			}
			removeEmbeds(ch)
		}
		ch = next
	}
}

// cleanAnchors makes every link under n absolute (from base, when not
// nil) and keeps only those safeLink allows; another is replaced by its
// text (a helper's report: an <a> left without its href became a link to
// the page itself, and a feed item's javascript: link was kept).
func cleanAnchors(n *html.Node, base *url.URL) {
	for ch := n.FirstChild; ch != nil; {
		next := ch.NextSibling
		if ch.Type == html.ElementNode {
			cleanAnchors(ch, base)
			if ch.Data == "a" {
				href := ""
				for _, a := range ch.Attr {
					if a.Key == "href" {
						href = a.Val
					}
				}
				if target := safeLink(href, base); target != "" {
					ch.Attr = []html.Attribute{{Key: "href", Val: target}}
				} else {
					for c := ch.FirstChild; c != nil; {
						after := c.NextSibling
						ch.RemoveChild(c)
						n.InsertBefore(c, ch)
						c = after
					}
					n.RemoveChild(ch)
				}
			}
		}
		ch = next
	}
}

// escapeStrayPercent writes each "%" of s not followed by two hex digits
// as "%25".
func escapeStrayPercent(s string) string {
	hex := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && !(i+2 < len(s) && hex(s[i+1]) && hex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mangledSchemes are schemes that, found at the start of a segment of an
// http(s) URL's path, say the URL is another scheme's link made
// "absolute" by an extractor (file:///etc/passwd as
// https://site/page/file:/etc/passwd).
var mangledSchemes = map[string]bool{"javascript": true, "file": true, "data": true, "vbscript": true}

func safeLink(href string, base *url.URL) string {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil && strings.Contains(href, "%") {
		// a "%" that starts no escape ("/50%-off"), which browsers take
		// as written (a review: the link was dropped)
		u, err = url.Parse(escapeStrayPercent(strings.TrimSpace(href)))
	}
	// a reference to a control, or to a line's end (lineEnd: a U+2028
	// made of a CR, which a browser drops from a URL), keeps the text alone
	if err != nil || href == "" || strings.Contains(href, controlReference) || strings.Contains(href, lineEnd) {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.User = nil // a user's name and password are no part of the link
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return ""
		}
		if h := u.Hostname(); strings.ContainsFunc(h, func(r rune) bool { return r >= utf8.RuneSelf }) {
			// a host of other letters as a browser asks for it
			// (例え.jp as xn--r8jz45g.jp); it was percent-encoded, a
			// URL no browser opens
			a, err := archive.HostASCII(h)
			if err != nil {
				return ""
			}
			if p := u.Port(); p != "" {
				a += ":" + p
			}
			u.Host = a
		}
		for seg := range strings.SplitSeq(u.Path, "/") {
			if i := strings.IndexByte(seg, ':'); i > 0 && mangledSchemes[strings.ToLower(seg[:i])] {
				return ""
			}
		}
	case "mailto":
	default:
		return ""
	}
	s := u.String()
	if archive.Sanitize(s) != s || strings.ContainsAny(s, " <>\"") {
		return ""
	}
	return s
}

// held is what a folder holds of a page: the piece that is the page
// (present) or a republished copy of it, with why; path is "" for neither.
// cites is a file folio did not write (no import_id: a note of the
// user's) with the page's URL.
type held struct {
	path, reason string
	present      bool
	cites        string
}

// alreadyHeld finds a piece in dir that folio wrote (it has an import_id)
// that is the page: the same canonical or fetched URL (by
// archive.CopyURLKey, as folio dups compares pieces' URLs: URLKey gave
// none for a host the URL standard refuses, and a page at
// http://1.2.3.09/e was held by its text alone), or text of
// archive.MinCopyWords or more whose shingles are at least SameText alike
// (present); else the piece most alike of which the page is a republished
// copy (archive.SimilarText, or archive.SimilarWithTitle with the same
// title), compared exactly. A file folio did not write is never the page,
// so --force never writes over it (a helper's report: a note of the
// user's with the page's url was replaced): one with the page's URL is
// cites, one of the same text a copy.
func alreadyHeld(dir string, p *piece, fetched string) held {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return held{}
	}
	arch, _, err := archive.Open(dir)
	if err != nil {
		return held{}
	}
	want := map[string]bool{}
	for _, u := range []string{p.URL, fetched, p.Source} {
		if k := archive.CopyURLKey(u); k != "" {
			want[k] = true
		}
	}
	byFolio := func(a archive.Article) bool {
		data, err := archive.ReadRegular(filepath.Join(dir, filepath.FromSlash(a.Path)), archive.MaxFileSize)
		return err == nil && importIDOf(data) != ""
	}
	cites := ""
	for _, a := range arch.Articles {
		for _, u := range []string{a.URL, a.Source} {
			if k := archive.CopyURLKey(u); k != "" && want[k] {
				if byFolio(a) {
					return held{path: a.Path, reason: "same URL", present: true}
				}
				cites = cmp.Or(cites, a.Path)
			}
		}
	}
	if len(neardup.Words(p.Body)) < archive.MinCopyWords {
		return held{cites: cites} // short notes from one template are alike without being one piece
	}
	mine := neardup.Shingles(p.Body)
	title := strings.Join(neardup.Words(p.Title), " ")
	var best held
	bestJ := 0.0
	for _, a := range arch.Articles {
		j := neardup.Jaccard(mine, neardup.Shingles(a.Body))
		if j <= bestJ {
			continue
		}
		where := ""
		if w := strings.Trim(a.Outlet+", "+a.Date.String(), ", "); w != "" {
			where = w + ": "
		}
		switch {
		case j >= SameText && byFolio(a):
			best = held{path: a.Path, reason: fmt.Sprintf("%ssame text, %.0f%% alike", where, j*100), present: true}
		case j >= SameText:
			best = held{path: a.Path, reason: fmt.Sprintf("%ssame text, %.0f%% alike, in a file folio did not write", where, j*100)}
		case j >= archive.SimilarText:
			best = held{path: a.Path, reason: fmt.Sprintf("%stext %.0f%% alike", where, j*100)}
		case j >= archive.SimilarWithTitle && title != "" && title == strings.Join(neardup.Words(a.Title), " "):
			best = held{path: a.Path, reason: fmt.Sprintf("%ssame title, text %.0f%% alike", where, j*100)}
		default:
			continue
		}
		bestJ = j
	}
	best.cites = cites
	return best
}

// copyrightSign is a copyright notice's sign: "©", "(c)" (not before a
// letter: "(c)space Labs"), the word "Copyright".
var copyrightSign = regexp.MustCompile(`(?i)©|\(c\)(?:[^\pL]|$)|\bcopyright\b`)

// copyrightYears are a notice's years ("2019", "2001-2019") and the
// "by" before its holder.
var copyrightYears = regexp.MustCompile(`(?i)\b(?:1[6-9]|2[0-9])\d{2}(?:\s*[-–]\s*(?:1[6-9]|2[0-9])\d{2})?\b|^\s*by\b`)

// rightsReserved ends a copyright notice, in the languages of the pages
// folio reads most.
var rightsReserved = regexp.MustCompile(`(?i)[\s,.;:|–-]*(?:all rights reserved|todos los derechos reservados|todos os direitos reservados|alle rechte vorbehalten|tous droits réservés|tutti i diritti riservati|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены)[\s.!]*$`)

// withoutCopyright is the site's name a copyright notice gives: go-trafilatura
// takes a <meta name="copyright"> for the publisher, and a corpus page
// was "Copyright 2014"'s. "© 2019 The Daily Example. All rights
// reserved.", "Copyright © 2019 by The Daily Example", "The Daily
// Example © 2019" name The Daily Example; a notice of years alone names
// no one (""). A name without a sign is kept as it is, but for the
// rights reserved at its end; so is one whose one sign is "Copyright"
// followed by words, no year ("Copyright Agency Weekly").
func withoutCopyright(name string) string {
	rest := rightsReserved.ReplaceAllString(name, "")
	signs := copyrightSign.FindAllString(rest, -1)
	if len(signs) == 0 && len(rest) == len(name) {
		return name
	}
	if len(signs) == 1 && strings.EqualFold(signs[0], "copyright") && !copyrightYears.MatchString(rest) && !strings.EqualFold(strings.TrimSpace(rest), "copyright") {
		return name // "Copyright Agency Weekly": a word of the name
	}
	if len(signs) > 0 {
		rest = copyrightSign.ReplaceAllStringFunc(rest, func(m string) string {
			if strings.HasPrefix(m, "(") && len(m) > 3 {
				return m[3:] // the character after "(c)"
			}
			return " "
		})
		rest = copyrightYears.ReplaceAllString(rest, " ")
		rest = copyrightYears.ReplaceAllString(strings.Trim(rest, " ,.;:-–"), " ") // "by" once the sign and years are gone
	}
	rest = strings.Join(strings.Fields(strings.Trim(rest, " ,.;:-–")), " ")
	if strings.IndexFunc(rest, unicode.IsLetter) < 0 {
		return ""
	}
	return rest
}

// titleSeparators set a site's name apart in a page's title.
var titleSeparators = []string{" - ", " | ", " – ", " — ", " · ", " • ", " :: ", " » ", " « "}

// withoutSiteName returns a page's title without the site's name it ends
// or starts with after a separator ("… lands among the stars - VG247",
// "… | my6sense": four of the 30 pages of the corpus): names are the
// site's names (its og:site_name, the outlet, its host's), compared on
// letters and digits alone, case folded. A title that is a site's name
// alone, or that leaves no letter, is kept as it is.
func withoutSiteName(title string, names ...string) string {
	isName := func(s string) bool {
		k := nameKey(s)
		return k != "" && slices.ContainsFunc(names, func(n string) bool { return nameKey(n) == k })
	}
	hasLetter := func(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			if rest := strings.TrimSpace(title[:i]); hasLetter(rest) && isName(title[i+len(sep):]) {
				return rest
			}
		}
		if i := strings.Index(title, sep); i > 0 {
			if rest := strings.TrimSpace(title[i+len(sep):]); hasLetter(rest) && isName(title[:i]) {
				return rest
			}
		}
	}
	return title
}

// nameKey is a site's name as withoutSiteName compares it: its letters
// and digits, case folded.
func nameKey(s string) string {
	return strings.Join(nameWords(s), "")
}

// siteOfHost is the name a host gives its site: the label before its
// public suffix ("digg" of www.digg.com, "bbc" of www.bbc.co.uk, "x" of
// x.github.io; x/net/publicsuffix's list), "" for an address or a host
// that is a suffix.
func siteOfHost(u *url.URL) string {
	h := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if h == "" || net.ParseIP(h) != nil {
		return ""
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(h)
	if err != nil {
		return ""
	}
	name, _, _ := strings.Cut(site, ".")
	return name
}

// withoutHostUser is a site's name without the user name and password of
// a host it was taken from: go-trafilatura names a site without one by
// its canonical URL's host, userinfo and all (a review: a canonical of
// bob:hunter2@host made the outlet "bob:hunter2@host"). A name with a
// space is a name, left as it is.
func withoutHostUser(name string) string {
	at := strings.LastIndexByte(name, '@')
	if at <= 0 || at == len(name)-1 || strings.ContainsAny(name, " \t") {
		return name
	}
	return name[at+1:] // a host without a dot too: bob:hunter2@intranet (a second review)
}
