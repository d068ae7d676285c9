package archive

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"golang.org/x/net/idna"
	"gopkg.in/yaml.v3"
)

// MaxFileSize caps what folio reads of one article file. The longest State of
// the Union address is ~200 KB; a 10 MB "article" is a mistake or an attack.
const MaxFileSize = 10 << 20

// field is one front-matter value with the file line of its key (0 if unknown).
type field struct {
	value  any
	line   int
	nested bool // from a table ([extra], [params]), not the top
	// cased: its key is written otherwise than in lower case (Render,
	// RENDER), which Zola's names, as serde reads them, are not
	// (zolaUnrendered); Hugo reads it in any case
	cased bool
	// earlier is the line of the same key given before this one, which
	// this one replaces (YAML: the last wins, as Hugo and Jekyll read
	// it); 0 for none, and for a key of a merge key's mapping (merged)
	earlier int
	// merged: its key is a merge key's mapping's (rubyMerge), which the
	// same key after it replaces as no key given twice
	merged bool
	// hugo is the value as Hugo 0.111 decodes it, where that is not
	// value (hugoSet): a plain YAML y, yes, on, n, no, off… is a boolean
	// to its YAML 1.1 (yaml11Flag), and published is not Ruby's
	// (rubyFlag). Set for a YAML draft, published, headless (isDraft,
	// unrendered) and title (siteTitle), and a tag key whose value or an
	// item of it is such a flag (yaml11Tags).
	hugo    any
	hugoSet bool
	// rubyFalse: a plain YAML no, off or false, which Jekyll's Ruby reads
	// as false (rubyFlag); rubyBool: that or a plain yes, on or true, a
	// boolean to Ruby. Set for a YAML tag, tags, category and categories
	// (jekyllUnreadTags, jekyllBoolTag) and title (siteTitle) alone.
	rubyFalse, rubyBool bool
	// rubyList is a YAML tag key's list as Ruby reads it, where an item
	// is a plain yes, no, on, off, true or false (rubyFlag): that item a
	// boolean; or a number Ruby reads otherwise (rubyNumber): that item
	// as Ruby writes it, a string; nil for a list without one, or another
	// value (jekyllTagValue).
	rubyList []any
	// ruby is a YAML tag key's plain value as Ruby reads it, where that
	// is a number otherwise than val, or no number (rubyNumber), when
	// rubySet (jekyllTagValue).
	ruby    any
	rubySet bool
}

// hugoValue is f's value as Hugo decodes it (field.hugo).
func (f field) hugoValue() any {
	if f.hugoSet {
		return f.hugo
	}
	return f.value
}

// matter is decoded front matter, keyed by lower-cased key.
type matter map[string]field

// Key aliases, in order of preference. Hugo, Jekyll and Zola archives open as
// they are; keys not listed (layout, ...) are ignored, but for the site
// paths a piece's site links it by (siteKeys: slug, url, aliases, ...).
var (
	titleKeys = []string{"title"}
	// dateKeys are Hugo's (its default order, lastmod and modified last),
	// then JSON Feed's; Jekyll's published: true/false is not a date
	dateKeys       = []string{"date", "publishdate", "pubdate", "published", "date_published", "lastmod", "modified"}
	outletKeys     = []string{"outlet", "publication", "publisher", "venue", "journal"}
	authorKeys     = []string{"authors", "author", "by", "creator"}
	tagKeys        = []string{"tags", "categories", "keywords", "topics", "tag", "category"}
	urlKeys        = []string{"url", "link", "canonical", "canonical_url", "canonicalurl", "original_url"}
	sourceKeys     = []string{"source"}
	kindKeys       = []string{"kind"}
	standfirstKeys = []string{"standfirst", "summary", "description", "subtitle", "dek", "excerpt"}
	noteKeys       = []string{"note"}
	// citeKeyKeys pin a piece's citation key: citekey (Hugo and Jekyll
	// sites', Pandoc users', Zotero's "Citation Key") and citation-key
	// (CSL 1.0.2's variable).
	citeKeyKeys = []string{"citekey", "citation-key"}
	// draftKeys say a piece is unpublished (isDraft, unrendered,
	// zolaUnrendered): Hugo's headless and build render, Hugo's and
	// Zola's draft: true, Jekyll's published: false, Zola's render = false
	draftKeys = []string{"draft", "published", "headless", "build", "_build", "render"}
	// siteKeyKeys give the site paths a piece's site links it by
	// (siteKeys; url is urlKeys')
	siteKeyKeys = []string{"permalink", "path", "aliases", "redirect_from", "slug"}
)

// DraftMsg is the message of the Quiet problem of a draft: the site does
// not publish it, as Jekyll's _drafts folder is not.
const DraftMsg = "draft (the site does not publish it)"

var yamlErrLine = lazyRegexp(`line (\d+)`)

// Parse reads one article file. It is pure: path is used only for the ID and
// for messages. Problems marked Fatal mean the article is unusable (its ID is
// empty); others (an unusable url, say) are reported and the article kept.
func Parse(path string, data []byte) (Article, []Problem) {
	return parse(path, data, false, nil, nil, nil)
}

// ParseIn is Parse of the file at path in fsys, the archive it is read
// from: a `published:` with no value unpublishes a piece only in a Jekyll
// site (InJekyllSite), tags written as one string are one tag in a Hugo
// site (InHugoSite), where the section pages above it give it their
// cascade (cascade.go), a singular tag or category string with commas is
// one tag in either (singularTag), and a capitalised key (Title:) is
// read in a Jekyll site not at all, as Jekyll reads its keys as written,
// elsewhere as Hugo reads it, in any case; fsys is asked that only of
// such a piece. Parse alone takes a file in _posts/ for Jekyll's, no
// other, and no file for Hugo's.
func ParseIn(fsys fs.FS, path string, data []byte) (Article, []Problem) {
	s := NewSiteRoots(fsys)
	return parse(path, data, false, func() bool { return s.InJekyll(path) }, func() bool { return s.InHugo(path) }, s)
}

// ParseInSite is ParseIn with inJekyll and inHugo saying whether the file
// is in a Jekyll site or a Hugo site (InJekyllSite, InHugoSite, of the
// archive it is read from): its caller learns whether the reading asked,
// and so whether it changes when a site's config is made or removed (the
// index reads such a piece again then). cascades, if not nil, gives the
// cascade of the section pages above it (asked first: inHugo is asked
// only when there is one).
func ParseInSite(path string, data []byte, inJekyll, inHugo func() bool, cascades *SiteRoots) (Article, []Problem) {
	return parse(path, data, false, inJekyll, inHugo, cascades)
}

// ParseAsWritten is Parse keeping the body as the file writes it, only
// sanitised: not made readable (Readable; Liquid and kramdown in a
// Jekyll post), so shortcodes, HTML, comments and footnotes stand as
// they are. folio show --raw prints it (a helper's report: it printed
// the readable body, code spans rewritten in it).
func ParseAsWritten(path string, data []byte) (Article, []Problem) {
	return parse(path, data, true, nil, nil, nil)
}

// parse is Parse; inJekyll and inHugo, if not nil, say whether the file
// is in a Jekyll site (isDraft, singularTag, decodeYAML's lower) or a
// Hugo site (tagsOf, singularTag, and cascades': the cascade of its
// section pages, cascade.go).
func parse(path string, data []byte, asWritten bool, inJekyll, inHugo func() bool, cascades *SiteRoots) (Article, []Problem) {
	var probs []Problem
	fail := func(line int, format string, args ...any) (Article, []Problem) {
		return Article{}, append(probs, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Fatal: true})
	}
	if IsSectionPageIn(path, inHugo) {
		if r := cascades.sectionReadOf(path, data); r.bad && !cascades.sectionUnread(path) {
			// said where the site reads it alone (its ignoreFiles, or
			// Zola's ignored_content or allowed names, leave the site
			// reading none: sectionUnread)
			// said, not quiet: the site's own generator refuses it
			return Article{}, []Problem{{Path: path, Line: r.line, Msg: SectionPageMsg + ": invalid front matter: " + r.msg + SectionUnreadMsg, Fatal: true}}
		} else if len(r.denied) > 0 && cascades.zolaSite(path) && !cascades.sectionUnread(path) && !cascades.zolaUnderDraft(path) {
			// a key Zola's section front matter denies: said, Zola
			// refusing the site (zolaDeniedMsg), its reading kept; not
			// of one Zola never reads, below a draft section
			return Article{}, []Problem{{Path: path, Line: r.denied[0].line, Msg: zolaDeniedMsg(r.denied), Fatal: true}}
		}
		return Article{}, []Problem{{Path: path, Msg: SectionPageMsg, Fatal: true, Quiet: true}}
	}
	if jekyllPassedName(pathBase(path)) && inJekyll != nil && inJekyll() {
		// Jekyll passes over _x.md (an oracle's report against Jekyll
		// 4.3: a problem, where the site has no page)
		return Article{}, []Problem{{Path: path, Msg: JekyllPassedMsg, Fatal: true, Quiet: true}}
	}
	if inJekyll != nil && cascades.jekyllPassedFolder(path) && inJekyll() {
		// Jekyll reads no folder starting with _ but _posts and its
		// collections with output (an oracle's report against Jekyll
		// 4.3: sub/_inner/b.md and _notes/a.md were pieces)
		return Article{}, []Problem{{Path: path, Msg: JekyllFolderMsg, Fatal: true, Quiet: true}}
	}
	if inPosts(path) && !jekyllPostPrefix().MatchString(pathBase(path)) && inJekyll != nil && inJekyll() {
		// Jekyll reads a post of _posts/ by its dated name alone (an
		// oracle's report against Jekyll 4.3: _posts/hello.md was a
		// piece, where the site has no page)
		return Article{}, []Problem{{Path: path, Msg: JekyllUndatedPostMsg, Fatal: true, Quiet: true}}
	}
	if inHugo != nil && cascades.hugoIgnored(path) && inHugo() {
		// Hugo reads no file its config's ignoreFiles match (an
		// oracle's report against Hugo 0.111: they were pieces)
		msg := HugoIgnoredMsg
		if cascades.zolaSite(path) {
			msg = ZolaIgnoredMsg // its ignored_content: zolaIgnorePatterns
		}
		return Article{}, []Problem{{Path: path, Msg: msg, Fatal: true, Quiet: true}}
	}
	if inHugo != nil && cascades.hugoOutsideContent(path) && inHugo() {
		// Hugo reads its pages from its content folder alone
		// (hugocontent.go: an oracle's report against Hugo 0.111,
		// SITE/other/o.md was a piece)
		return Article{}, []Problem{{Path: path, Msg: HugoOutsideContentMsg, Fatal: true, Quiet: true}}
	}
	if !strings.HasSuffix(path, ".md") && inHugo != nil && inHugo() && cascades.zolaSite(path) {
		return Article{}, []Problem{{Path: path, Msg: ZolaExtMsg, Fatal: true, Quiet: true}}
	}
	if hugoCasedExt(path) && inHugo != nil && inHugo() {
		return Article{}, []Problem{{Path: path, Msg: HugoCasedExtMsg, Fatal: true, Quiet: true}}
	}
	if hugoPassedPath(path) && inHugo != nil && inHugo() {
		// Hugo passes over #x.md and a folder #x/ or x~/ (an oracle's
		// report against Hugo 0.111: #x.md was a piece)
		return Article{}, []Problem{{Path: path, Msg: HugoPassedMsg, Fatal: true, Quiet: true}}
	}
	if len(data) > MaxFileSize {
		return fail(0, "file is %d bytes, over the %d MB limit", len(data), MaxFileSize>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail(0, "empty file")
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return fail(0, "UTF-16 text: save it as UTF-8 to read it") // a helper's report: "not a text file (NUL…)"
	}
	if line, ok := firstBinaryLine(data); ok {
		return fail(line, "not a text file (NUL or other binary bytes)")
	}
	data = macLineEnds(data)
	if !utf8.Valid(data) {
		return fail(firstInvalidUTF8Line(data), "invalid UTF-8")
	}
	fm, err := splitFrontMatter(data)
	data, offset := fm.data, fm.offset // front matter line 1 is file line offset+1
	m, body := fm.m, fm.body
	lowerM := fm.lower  // the YAML keys written in lower case alone; nil when all are
	rubyM := fm.ruby    // lowerM's with the YAML's merge keys, as Ruby reads them; nil without
	isTOML := fm.isTOML // Zola's front matter (Hugo's too)
	isJSON := fm.isJSON
	var bad *frontMatterError
	switch {
	case errors.As(err, &bad) && bad.unclosed:
		return fail(bad.line, "front matter is not closed")
	case errors.As(err, &bad):
		return fail(bad.line, "invalid front matter: %s", bad.msg)
	case err != nil && isDatedPost(path):
		// a post of Jekyll's _posts folder without front matter: Jekyll
		// publishes it, its date and title from its name (a helper's
		// report: folio skipped it)
		m, body = matter{}, data
	case err != nil && inHugo != nil && inHugo():
		// Hugo publishes a page without front matter, untitled and
		// undated (an oracle's report against Hugo 0.111: a problem)
		m, body = matter{}, data
	case err != nil && inJekyll != nil && inJekyll():
		// Jekyll copies a file without front matter as it is, a static
		// file, no page (an oracle's report against Jekyll 4.3)
		return Article{}, []Problem{{Path: path, Msg: JekyllStaticMsg, Fatal: true, Quiet: true}}
	case err != nil:
		return fail(1, "no front matter (a file must start with --- YAML, +++ TOML or a { JSON } object holding title and date)")
	}
	// hugoDrafts is whether the file is in a Hugo site, not a Jekyll one,
	// whose config's buildDrafts builds its drafts (hugobuild.go), asked
	// of a draft alone
	hugoDrafts := func() bool {
		return inHugo != nil && cascades.hugoBuildFor(path).drafts && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo()
	}
	// Zola's render, read before a cascade (Zola reads none) gives keys
	zolaOff := zolaUnrendered(m, lowerM)
	if c, inDraft := cascades.cascade(path); (len(c) > 0 || inDraft) && inHugo != nil && inHugo() {
		if inDraft && !hugoDrafts() {
			// Hugo publishes no page under a draft section (an oracle's
			// report against Hugo 0.111: they were pieces)
			msg := HugoDraftSectionMsg
			if cascades.zolaSite(path) {
				msg = ZolaDraftSectionMsg // zolaDraftSection
			}
			return Article{}, []Problem{{Path: path, Msg: msg, Fatal: true, Quiet: true}}
		}
		m.withCascade(c)
	}
	// base is the file line before a field's line 1: the opening line's
	// (---, +++), or for JSON the line before the brace's, whose keys are
	// on its line 1 (jsonLines)
	base := offset
	if isJSON {
		base--
	}
	at := func(f field) int {
		if f.line > 0 {
			return f.line + base
		}
		return 0
	}

	a := Article{ID: IDFromPath(path), Path: path}
	if a.ID == "" {
		return fail(0, "cannot derive an id from the path")
	}
	caseNote := func(string) string { return "" }
	if (lowerM != nil || rubyM != nil) && (inPosts(path) || inJekyll != nil && inJekyll()) {
		// Jekyll reads its keys as written: `Title:` is no title, so a
		// post's comes from its name (an oracle's report against Jekyll
		// 4.3: folio read Title, Date and Tags as Hugo does). The site is
		// asked only of front matter with a capitalised key or a merge key.
		hugoM := m
		caseNote = func(k string) string {
			if _, ok := hugoM[k]; ok {
				return fmt.Sprintf(" (a Jekyll site reads %s in lower case alone)", k)
			}
			return ""
		}
		m = lowerM
		if rubyM != nil {
			// its merge keys (<<), which Ruby reads and folio else not
			m = rubyM
		}
	}
	if vals, page := cascades.jekyllDefaults(path); len(vals) > 0 && inJekyll != nil && inJekyll() {
		// a Jekyll site's front matter defaults (jekylldefaults.go: an
		// oracle's report against Jekyll 4.3.1, a post's author given
		// by defaults alone was "-"). The site is asked (and so its
		// config watched) only of a file its config gives defaults.
		m.withJekyllDefaults(vals, page)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if f := m[k]; f.earlier > 0 && !f.nested {
			probs = append(probs, Problem{Path: path, Line: at(f), Msg: fmt.Sprintf("%s is given twice (lines %d and %d): the last is read, as Hugo and Jekyll read it", k, f.earlier+base, at(f))})
		}
	}
	post, isPost := jekyllPost(path)
	if d, ok := jekyllDraft(path); ok && !isPost && inJekyll != nil && inJekyll() {
		// a post of _drafts/, which the scan lists where the site's
		// config sets show_drafts (PassedIn): titled and dated by its
		// name as Jekyll does, when its front matter does not say
		post, isPost = d, true
	}
	// named is what Jekyll reads of the file's name: a post's, a draft's,
	// or a collection document's (SiteRoots.jekyllDocument), which is no
	// post (its text is read as a page's), asked only of a document
	// without a title or a date
	named := func() (jekyllName, bool) {
		if isPost || inJekyll == nil {
			return post, isPost
		}
		if d, ok := cascades.jekyllDocument(path); ok && inJekyll() {
			return d, true
		}
		return jekyllName{}, false
	}
	// jekyllUnpublished is whether the file is in a Jekyll site whose
	// config's unpublished builds it though its published is false
	// (jekyllbuild.go), asked of a draft alone (a draft: true is none
	// there: isDraft)
	jekyllUnpublished := func() bool {
		return (inPosts(path) || inJekyll != nil && inJekyll()) && cascades.jekyllUnpublished(path)
	}
	draft := m.isDraft(inPosts(path), inJekyll, inHugo)
	if zd := zolaDraftFlag(m, lowerM); zd != draft && inHugo != nil && inHugo() && cascades.zolaSite(path) {
		// a Zola site's page: its draft = true alone, as a section's
		// (zolaDraftFlag), the site asked when the readings differ
		draft = zd
	}
	if draft && !hugoDrafts() && !jekyllUnpublished() { // whatever else it lacks: the site does not publish it
		return Article{}, []Problem{{Path: path, Msg: DraftMsg, Fatal: true, Quiet: true}}
	}
	if m.unrendered(path) {
		return Article{}, []Problem{{Path: path, Msg: UnrenderedMsg, Fatal: true, Quiet: true}}
	}
	if zolaOff && inHugo != nil && inHugo() && cascades.zolaSite(path) {
		return Article{}, []Problem{{Path: path, Msg: ZolaUnrenderedMsg, Fatal: true, Quiet: true}}
	}
	title, tf := m.first(titleKeys)
	title.value = siteTitle(title, path, inJekyll, inHugo)
	a.Title = fieldLine(stringOf(title.value)) // its references decoded: fieldrefs.go
	if tf == "" || title.value == nil || title.value == false {
		// Jekyll's title ||= the slug's: for a null or false title too
		// (a helper's report: `title:` was skipped as empty, `title:
		// false` shown as "false"), not for ""
		if n, ok := named(); ok {
			a.Title = n.title
		}
	}
	// inSite is whether the file is in a Hugo or a Jekyll site, asked of
	// an untitled or undated page alone: the sites publish such a page
	// (an oracle's report against Hugo 0.111 and Jekyll 4.3: each was a
	// problem), so it is a piece, titled by its name
	inSite := func() bool { return inHugo != nil && inHugo() || inJekyll != nil && inJekyll() }
	if a.Title == "" && inSite() {
		a.Title = nameTitle(path)
		if n := caseNote("title"); n != "" && tf == "" {
			probs = append(probs, Problem{Path: path, Line: offset, Msg: "untitled: titled by its name" + n})
		}
	}
	if a.Title == "" {
		if tf == "" {
			return fail(offset, "missing title%s", caseNote("title"))
		}
		return fail(at(title), "empty title")
	}
	// in a Hugo site a date key's value that is no date folio reads is
	// none: Hugo reads it as a date when it is one, and else passes over
	// it, to the next date key (Hugo 0.111 as oracle: published: "1",
	// "maybe", "t", 1.5 were published undated, or dated by a lastmod
	// after it; folio skipped each as an unparseable date, a helper's
	// report; published: 1 is a Unix time there, 1970-01-01:
	// dateFromValue). So for every date key (hugo 0.111.3 as oracle: date:
	// "maybe", maybe, "5" or 1.5 was published undated, date: "maybe"
	// beside a lastmod or a published dated by it, as were pubdate: and
	// lastmod: "maybe"; folio skipped each), with a note but for published,
	// which Jekyll reads as a flag. The site is asked only of such a value.
	//
	// A Hugo site's config may say which keys date a page, and in what
	// order, its :filename the file's name (hugobuild.go): its config is
	// read once a site (hugoBuildFor), its keys used in a Hugo site alone.
	//
	// A Hugo site whose config says none reads Hugo's own, not JSON
	// Feed's date_published (hugo 0.111.3 as oracle: a page with
	// date_published: 2019-01-01 alone was undated; folio dated it, an
	// attack's report): hugoDefaultDateKeys. The site is asked only of a
	// page with a date_published (an index reads again the pieces that
	// asked, when a site's config is made or removed).
	keys, name, hugoDates := dateKeys, field{}, false
	_, jsonFeedDate := m["date_published"]
	if ks := cascades.hugoBuildFor(path).dates; (ks != nil || jsonFeedDate) && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo != nil && inHugo() {
		keys = hugoDefaultDateKeys
		if ks != nil {
			keys, hugoDates = ks, true
			if d := hugoFilenameDate(path); d != "" {
				name.value = d
			}
		}
	}
	date, df := m.firstDate(keys, name, func(k string, f field) bool {
		if k == "published" && (inPosts(path) || inJekyll != nil && inJekyll()) {
			// Jekyll reads published as a flag alone (Jekyll 4.3 as
			// oracle: a post's published: "maybe" or 1 was published,
			// dated by its name, and published: 2020-05-05 too; folio
			// skipped the first two as unparseable dates and dated the
			// third by it)
			return true
		}
		// (a date outside the years folio counts is one Hugo reads: said)
		_, err := dateFromValue(f.value, inHugo)
		var years *yearsError
		if err == nil || errors.As(err, &years) || hugoZeroDate(f.value) || inHugo == nil || !inHugo() {
			return false
		}
		if k != "published" {
			probs = append(probs, Problem{Path: path, Line: at(f), Msg: fmt.Sprintf("%s: %v: passed over, as Hugo passes over a date it cannot read", k, err)})
		}
		return true
	})
	undated := false
	var namedDate jekyllName
	isNamed := func() (ok bool) {
		namedDate, ok = named()
		return ok
	}
	switch {
	case df == "" && isNamed() && !namedDate.undated:
		a.Date = namedDate.date
	case df == "":
		d, ok := nameDate(path)
		if !ok {
			d, ok = cascades.zolaIndexDate(path)
		}
		if hugoDates {
			ok = false // the config's keys alone: a name's date by its :filename
		} else if ok && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo != nil && inHugo() && !cascades.zolaSite(path) {
			// nor by Hugo's own keys, :filename none of them (hugo
			// 0.111.3 as oracle: content/posts/2019-05-07-b.md without
			// a date was undated; folio dated it by its name); a Zola
			// site's page is dated by it (getzola/zola
			// components/content/src/page.rs, Page::parse: RFC3339_DATE
			// of the name, or a bundle's folder's, "if
			// page.meta.date.is_none()"; folio read a Zola site as
			// Hugo's, its dated names undated)
			ok = false
		}
		if !ok && inSite() {
			undated = true // as the site shows it
			if n := caseNote("date"); n != "" {
				probs = append(probs, Problem{Path: path, Line: offset, Msg: "undated" + n})
			}
			break
		}
		if !ok {
			if m := zolaName().FindStringSubmatch(pathBase(path)); m != nil {
				// a helper's report: "missing date" for 2021-02-30-x.md
				return fail(offset, "missing date (the file name's %s-%s-%s is no day)", m[1], m[2], m[3])
			}
			return fail(offset, "missing date%s", caseNote("date"))
		}
		a.Date = d
	case hugoZeroDate(date.value) && inHugo != nil && inHugo():
		// Hugo publishes a page whose date is empty (date: "", date:,
		// TOML's date = "") or its zero time (0001-01-01) undated (an
		// oracle's report against Hugo 0.111: each was a problem)
		undated = true
	default:
		d, err := dateFromValue(date.value, inHugo)
		var years *yearsError
		if err != nil && !errors.As(err, &years) && (inPosts(path) || inJekyll != nil && inJekyll()) {
			// in a Jekyll site a file is never lost for its date (an
			// attack's report against Jekyll 4.3.1: a post's date:
			// "2020-5-6" or Sat, 02 May 2020 and a page's 06.05.2020
			// were skipped, where Jekyll published each): a date Ruby's
			// Time.parse reads (jekyllDate) is read; for another, a
			// post or collection document, which Jekyll fails the build
			// on ("does not have a valid date"), takes its name's date,
			// if its name has one, and a page, whose date Jekyll never
			// reads but shows as written, is undated; check notes it
			if jd, ok := jekyllDate(date.value); ok {
				d, err = jd, nil
			} else if n, ok := named(); ok {
				why := "Jekyll 4.3 reads it as Ruby's Time.parse does, or fails the build on it"
				if errors.Is(err, errTimeAlone) {
					why = "Jekyll 4.3 dates it the day of the build" // Ruby's Time.parse: today
				}
				if n.undated {
					undated = true
					probs = append(probs, Problem{Path: path, Line: at(date), Msg: fmt.Sprintf("%s: %v: %s; undated", df, err, why)})
				} else {
					a.Date = n.date
					probs = append(probs, Problem{Path: path, Line: at(date), Msg: fmt.Sprintf("%s: %v: %s; dated by its name, %s", df, err, why, n.date)})
				}
				break
			} else {
				undated = true
				probs = append(probs, Problem{Path: path, Line: at(date), Msg: fmt.Sprintf("%s: %v: undated, as Jekyll publishes a page whose date it does not read", df, err)})
				break
			}
		}
		if err != nil {
			return fail(at(date), "%v", err)
		}
		a.Date = d
	}
	if err := CheckYears(a.Date); err != nil && !undated { // a YAML timestamp, a file name's date
		return fail(at(date), "%v", err)
	}

	outlet, _ := m.first(outletKeys)
	// read as Markdown, as a summary is: Hugo Academic's and Blox's
	// publication is markdownified (`publication: "*Journal of Source
	// Themes, 1*(1)"` shows "Journal of Source Themes, 1(1)" in italics),
	// and its asterisks were shown, cited and put in BibTeX's
	// journaltitle (a helper's report); a title is plain text, as the
	// sites show it (a `*` in it stays)
	a.Outlet = SanitizeLine(standfirstText(stringOf(outlet.value)))
	if strings.EqualFold(a.Outlet, NoOutlet) {
		// written as folio says "none": it is none, counted and filtered
		// with the pieces without one (a helper's report: counted under
		// "(no outlet)", it was reached by no filter)
		a.Outlet = ""
	}
	authors, orgs := uniqueList{max: MaxAuthors}, uniqueList{max: MaxAuthors}
	for _, k := range authorKeys {
		orgs.add(organizations(m[k].value))
		if authors.add(names(m[k].value)); authors.over {
			probs = append(probs, Problem{Path: path, Line: at(m[k]), Msg: fmt.Sprintf("%s: more than %d authors; the first %d kept", k, MaxAuthors, MaxAuthors)})
			break
		}
	}
	a.Authors = slices.DeleteFunc(authors.vals, func(n string) bool { return strings.EqualFold(n, NoAuthor) })
	a.Organizations = orgs.vals
	tags := uniqueList{max: MaxTags}
	unread := jekyllUnreadTags(m, path, inJekyll, cascades)
	for _, k := range tagKeys {
		if k == "categories" && isPost && !strings.HasPrefix(path, "_posts/") && !strings.HasPrefix(path, "_drafts/") &&
			cascades != nil && inJekyll != nil && inJekyll() {
			// a post's or draft's categories from its folders, before
			// its front matter's, as Jekyll reads them (jekyllPathCategories)
			tags.add(tagsOf(cascades.jekyllPathCategories(path), func(string) bool { return true }))
		}
		if unread[k] || jekyllBoolTag(m[k], path, inJekyll) {
			continue
		}
		whole := func(string) bool { return inHugo != nil && inHugo() }
		if k == "tag" || k == "category" {
			whole = func(s string) bool { return singularTag(s, path, inJekyll, inHugo) }
		}
		tf := m[k]
		if tf.hugoSet && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo != nil && inHugo() {
			tf.value = tf.hugo // a plain y, on, off… a boolean (yaml11Tags)
		}
		if l, ok := hugoTermItems(tf.value); ok && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo != nil && inHugo() {
			tf.value = l
		}
		if tags.add(tagsOf(jekyllTagValue(tf, k, path, inJekyll, cascades), whole)); tags.over {
			probs = append(probs, Problem{Path: path, Line: at(m[k]), Msg: fmt.Sprintf("%s: more than %d tags; the first %d kept", k, MaxTags, MaxTags)})
			break
		}
	}
	a.Tags = tags.vals
	if u, k := m.first(urlKeys); k != "" {
		s := strings.TrimSpace(stringOf(u.value))
		switch {
		case s == "":
		case strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
			// Hugo's url is a site path (a permalink override), not the original URL.
		default:
			if err := ValidURL(s); err != nil {
				probs = append(probs, Problem{Path: path, Line: at(u), Msg: fmt.Sprintf("%s: %v; ignored", k, err)})
			} else {
				a.URL = s
			}
		}
	}
	if s, k := m.first(sourceKeys); k != "" {
		a.Source = SanitizeLine(stringOf(s.value))
		if a.Source != "" && ValidURL(a.Source) != nil && strings.Contains(a.Source, ":") && !strings.Contains(a.Source, " ") {
			// A source that looks like a URL must be a safe one; plain text ("print edition") is fine.
			if u, err := url.Parse(a.Source); err == nil && u.Scheme != "" {
				probs = append(probs, Problem{Path: path, Line: at(s), Msg: fmt.Sprintf("source: %v; ignored", ValidURL(a.Source))})
				a.Source = ""
			}
		}
	}
	kind, _ := m.first(kindKeys)
	a.Kind = strings.ToLower(SanitizeLine(stringOf(kind.value)))
	if a.Kind == "" {
		a.Kind = KindArticle
	}
	sf, sfKey := m.first(standfirstKeys)
	sfText := stringOf(sf.value)
	if sfKey == "summary" {
		// Hugo's summary alone is rendered from Markdown; a description
		// (Hugo's .Description, Jekyll's), subtitle, dek or excerpt is
		// plain text (a helper's report: "__init__" lost its underscores)
		sfText = standfirstText(sfText)
	} else {
		// with its references decoded, as a title is (fieldrefs.go)
		sfText = DecodeReferences(sfText)
	}
	// sanitised after the entities are decoded; its spaces joined after what
	// that drops
	a.Standfirst = strings.Join(strings.Fields(Sanitize(sfText)), " ")
	note, _ := m.first(noteKeys)
	a.Note = strings.TrimSpace(Sanitize(DecodeReferences(stringOf(note.value))))
	if ck, _ := m.first(citeKeyKeys); ck.value != nil {
		k := strings.TrimSpace(stringOf(ck.value))
		if ValidCiteKey(k) {
			a.CiteKey, a.CiteKeyLine = k, at(ck)
		} else if k != "" {
			probs = append(probs, Problem{Path: path, Line: at(ck), Msg: fmt.Sprintf("citekey %s %s (an ASCII letter or digit, then letters, digits and - _ . : +, at most 100); the piece is cited as one that pins none, by the key folio gave it before or else a generated one", strconv.Quote(truncate(k, 60)), notCiteKey)})
		}
	}
	lang, langProbs := m.frontLanguage(path, at)
	probs = append(probs, langProbs...)
	if lang == "" {
		// a Hugo page's by its name or folder, as its config says (the
		// site asked only of a page its config gives one)
		if l := cascades.hugoLanguage(path); l != "" && !inPosts(path) && (inJekyll == nil || !inJekyll()) && inHugo != nil && inHugo() {
			lang = l
		}
	}
	a.Language = lang
	probs = append(probs, capFields(path, &a, func(keys []string) int { f, _ := m.first(keys); return at(f) })...)
	a.SiteKeys = siteKeys(path, a.ID, a.Date, m, isTOML, cascades.zolaTranslation(path))
	text := string(body)
	if strings.Contains(text, "\r") {
		// a CR alone ends a line, as in CommonMark, for every step below
		// as for Sanitize
		text = loneCR.Replace(text)
	}
	switch {
	case asWritten:
	case isPost:
		// Liquid is Jekyll's: elsewhere {% … %} is text as written. Hugo's
		// shortcodes are not: in a post {{< … >}} is text as written (what
		// {% raw %} shows, say)
		text = readableHTML(kramdown(liquid(text)))
		text = footnotes(headingAttributes(text))
	default:
		text = Readable(text)
	}
	var drop func(string) string
	if !asWritten {
		drop = dropInvisibleReferences
	}
	a.Body = strings.TrimSpace(sanitizeMarkdown(text, drop))
	return a, probs
}

// IsFatal reports whether any problem made its article unusable.
func IsFatal(probs []Problem) bool {
	for _, p := range probs {
		if p.Fatal {
			return true
		}
	}
	return false
}

// DroppedURL reports whether p is the note of a piece's URL (its url:
// or another of urlKeys) dropped for not being one folio would open
// (ValidURL), and if so the reason, without the note's "; ignored". A
// dropped source: is not one: o and y open a piece's source only when it
// has no URL, and then say the URL dropped (an attack's report: they said
// its URL was dropped, "(source: …)", of a piece whose source was).
func DroppedURL(p Problem) (string, bool) {
	if p.Fatal || !strings.HasSuffix(p.Msg, "; ignored") {
		return "", false
	}
	for _, k := range urlKeys {
		if strings.HasPrefix(p.Msg, k+": ") {
			return strings.TrimSuffix(p.Msg, "; ignored"), true
		}
	}
	return "", false
}

// ValidURL accepts only what folio will ever open: an absolute http or https
// URL with a host, no whitespace or control characters, not starting with '-'
// (which a launcher could take for an option), and no user name or password
// before the host: "https://www.nytimes.com@evil.example.net/x" reads as
// the New York Times and opens evil.example.net (an attack's report: show,
// cite, the reader and o's status all named the first).
func ValidURL(s string) error {
	if s == "" {
		return errors.New("empty URL")
	}
	if strings.HasPrefix(s, "-") {
		return errors.New("URL starts with '-'")
	}
	if strings.ContainsFunc(s, func(r rune) bool {
		return r <= ' ' || r == 0x7f || isUnsafe(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
	}) {
		return errors.New("URL contains spaces, invisible or control characters")
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("not a URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("not an http(s) URL: %q", truncate(s, 60))
	}
	if u.Host == "" || u.Hostname() == "" {
		return errors.New("URL has no host")
	}
	if u.User != nil {
		return fmt.Errorf("URL has a user name before its host (…@%s): it opens %s", u.Host, u.Hostname())
	}
	return nil
}

// HasUserinfo reports whether s is an http(s) URL with a user name or
// password before its host: "https://www.nytimes.com@evil.example.net/x"
// reads as the first host and opens the second. ValidURL refuses it. A
// URL without "@" has none, and is not parsed.
func HasUserinfo(s string) bool {
	if !strings.Contains(s, "@") {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && u.User != nil && (u.Scheme == "http" || u.Scheme == "https")
}

// WithoutUserinfo is the URL s without a user name and password
// ("https://www.nytimes.com@evil.example.net/i.png" is
// "https://evil.example.net/i.png", "ftp://ann:s3cret@h.example/f" is
// "ftp://h.example/f"); s as it is when it has none. folio writes and shows
// URLs without them: they are sent to the server, never written or shown
// (a helper's report: a password was written into url, source, import_id
// and the outlet; another's, echoed in "not an http or https URL"). The
// importer, an image's URL and what internal/fetch says of a URL alike.
// What url.Parse refuses (a bad "%" escape: a feeds.toml written by hand)
// has what stands between "://" and the authority's last "@" cut.
func WithoutUserinfo(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		scheme, rest, ok := strings.Cut(s, "://")
		authority := rest
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			authority = rest[:i]
		}
		if at := strings.LastIndexByte(authority, '@'); ok && at >= 0 {
			return scheme + "://" + rest[at+1:]
		}
		return s
	}
	if u.User == nil {
		return s
	}
	u.User = nil
	return u.String()
}

// HostNote says, for a URL whose host is not plain ASCII, the host as a
// browser asks for it (punycode): a Cyrillic а in "exаmple.com" looks like
// example.com and is another site. It is shown beside every such URL
// folio prints: " (host xn--exmple-4nf.com: not plain ASCII)"; "" for an
// ASCII host or not a URL.
func HostNote(u string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return ""
	}
	h := pu.Hostname()
	for i := 0; i < len(h); i++ {
		if h[i] >= 0x80 {
			if a, err := idna.Lookup.ToASCII(h); err == nil {
				return " (host " + a + ": not plain ASCII)"
			}
			return " (host not plain ASCII)"
		}
	}
	return ""
}

// validCiteKey is a citation key that BibTeX, biblatex, Pandoc ([@key])
// and LaTeX's \cite take as it is.
var validCiteKey = lazyRegexp(`^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,99}$`)

// notCiteKey is in the problem of a pinned citation key that is not one.
const notCiteKey = "is not a citation key"

// IsBadCiteKey reports whether p is the problem of a piece whose pinned
// citation key is not one (the piece is cited by a generated key): what
// folio cite and the reader's c warn of for the pieces they cite.
func IsBadCiteKey(p Problem) bool {
	return !p.Fatal && strings.HasPrefix(p.Msg, "citekey ") && strings.Contains(p.Msg, notCiteKey)
}

// BadCiteKeys are the problems of probs of pieces whose pinned key is no
// key (IsBadCiteKey), of the files paths names; of every file for nil
// paths.
func BadCiteKeys(probs []Problem, paths []string) []Problem {
	var cited map[string]bool
	if paths != nil {
		cited = make(map[string]bool, len(paths))
		for _, p := range paths {
			cited[p] = true
		}
	}
	var out []Problem
	for _, p := range probs {
		if IsBadCiteKey(p) && (paths == nil || cited[p.Path]) {
			out = append(out, p)
		}
	}
	return out
}

// ValidCiteKey says whether k can be a pinned citation key (see
// Article.CiteKey): an ASCII letter or digit, then ASCII letters, digits
// and - _ . : +, at most 100 in all.
func ValidCiteKey(k string) bool { return validCiteKey().MatchString(k) }

// PinConflicts are the notes on pieces of arts that pin the same citation
// key: one of them is cited by it and the others by generated keys (see
// cite.Keyring, whose notes name which: the index knows only the files),
// and every piece pinning it is told so, naming the first
// pinConflictNames of them (one note a piece, of a bounded length, however
// many pin it: a template's default key on every piece of an archive).
// The index's problems (the reader's !) give these notes, folio check and
// folio cite PinConflictNote's naming the piece cited by the key.
func PinConflicts(arts []Article) []Problem {
	pinners := map[string][]Article{}
	for _, a := range arts {
		if ValidCiteKey(a.CiteKey) {
			// keys that differ only in case are one key to BibTeX
			k := strings.ToLower(a.CiteKey)
			pinners[k] = append(pinners[k], a)
		}
	}
	var out []Problem
	for _, as := range pinners {
		if len(as) < 2 {
			continue
		}
		var paths []string
		for _, a := range as {
			paths = append(paths, cmp.Or(a.Path, a.ID))
		}
		note := PinConflictNoter(paths, "", "")
		for i, a := range as {
			// each piece's note names its key as its file writes it,
			// at its line (lee2024 in one, LEE2024 in the other)
			out = append(out, Problem{Path: paths[i], Line: a.CiteKeyLine, Msg: note(a.CiteKey)})
		}
	}
	slices.SortFunc(out, func(x, y Problem) int { return strings.Compare(x.Path+x.Msg, y.Path+y.Msg) })
	return out
}

// PinConflictNote is the note on the pieces (their paths) that pin the
// citation key k (as the piece noted writes it: the others may write it in
// another case, one key to BibTeX): holder is the one cited by it, for the
// reason why ("" when not known).
func PinConflictNote(k string, paths []string, holder, why string) string {
	return PinConflictNoter(paths, holder, why)(k)
}

// PinConflictNoter is PinConflictNote for each piece of one group, which
// names its key as it writes it: the pieces are named once for them all
// (a template's default key on every piece of an archive).
func PinConflictNoter(paths []string, holder, why string) func(k string) string {
	const pinConflictNames = 3
	paths = slices.Sorted(slices.Values(paths))
	named := strings.Join(paths[:min(len(paths), pinConflictNames)], ", ")
	if len(paths) > pinConflictNames {
		named += fmt.Sprintf(" and %d more", len(paths)-pinConflictNames)
	}
	rest := fmt.Sprintf(" is pinned by %d pieces (%s); one of them is cited by it (the first by date, then title, unless another was given it before), the others by generated keys", len(paths), named)
	if holder != "" {
		rest = fmt.Sprintf(" is pinned by %d pieces (%s); %s is cited by it (%s), the others by generated keys", len(paths), named, holder, why)
	}
	return func(k string) string { return "citekey " + k + rest }
}

// PinOrder orders the pieces that pin one key, the first of which is cited
// by it: by date, then title, then Print, then ID (never by file name, as
// a generated key's suffix).
func PinOrder(x, y Article) int {
	return cmp.Or(x.Date.Time.Compare(y.Date.Time), strings.Compare(x.Title, y.Title), strings.Compare(Print(x), Print(y)), strings.Compare(x.ID, y.ID))
}

// knownKeys are the keys Parse reads: only their values are decoded.
var knownKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, keys := range [][]string{titleKeys, dateKeys, outletKeys, authorKeys, tagKeys, urlKeys, sourceKeys, kindKeys, standfirstKeys, noteKeys, citeKeyKeys, languageKeys, draftKeys, siteKeyKeys} {
		for _, k := range keys {
			m[k] = true
		}
	}
	return m
}()

// macLineEnds is data with classic Mac OS line ends, a CR alone, made
// LF: as a site's Markdown reader takes them (CommonMark's line ending),
// not one line whose front matter "is not closed" (a helper's report);
// data as it is when it has an LF.
func macLineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		return bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	return data
}

// frontMatter is a file's front matter split from its body and decoded
// (splitFrontMatter).
type frontMatter struct {
	m      matter // keyed in lower case, as Hugo reads it
	lower  matter // decodeYAML's: the YAML keys written in lower case alone; nil when all are
	ruby   matter // decodeYAML's: lower's with the YAML's merge keys; nil without
	body   []byte // what follows it
	data   []byte // the file as split: its CR line ends made LF, its BOM cut, a YAML "..." end read as "---"
	offset int    // the file's line before its front matter's line 1
	isTOML bool   // +++: Zola's (Hugo's too)
	isJSON bool   // Hugo's { JSON } object
	// top are its keys at the top as written, decoded on asking (a Zola
	// section page's, zolaDeniedKeys); nil for JSON's
	top func() []writtenKey
}

// writtenKey is a key at the top of front matter as written, its case
// kept (Title, not title), and its line of the front matter (1 its
// first; 0 when not found).
type writtenKey struct {
	name string
	line int
}

// errNoFrontMatter is splitFrontMatter's error of a file without front
// matter.
var errNoFrontMatter = errors.New("no front matter")

// frontMatterError is front matter that cannot be read: at the file's
// line (0 when not known), what is wrong, or that it is never closed.
type frontMatterError struct {
	line     int
	msg      string
	unclosed bool
}

func (e *frontMatterError) Error() string {
	if e.unclosed {
		return "front matter is not closed"
	}
	return e.msg
}

// splitFrontMatter splits the file data's front matter (--- YAML, +++
// TOML, or Hugo's { JSON } object) from its body and decodes it, as both
// a piece's (parse) and a section page's (readSection) are read: CR line
// ends as LF (macLineEnds), a BOM cut, a YAML end "..." read as Jekyll
// reads it (jekyllDotsEnd). The error is errNoFrontMatter for none, or a
// *frontMatterError. The file's UTF-8 is not asked (parse asks it of a
// piece; a section page's body may hold a Latin-1 byte, which Hugo
// builds: the decoders say what in the front matter is not UTF-8).
func splitFrontMatter(data []byte) (frontMatter, error) {
	data = bytes.TrimPrefix(macLineEnds(data), []byte("\uFEFF"))
	fm := frontMatter{offset: firstContentLine(data), data: jekyllDotsEnd(data)}
	data = fm.data
	if rest := bytes.TrimLeft(data, " \t\r\n"); len(rest) > 0 && rest[0] == '{' && !bytes.HasPrefix(rest, []byte("{{")) {
		// Hugo's JSON front matter: one object, to its closing brace
		fm.isJSON = true
		body, m, line, err := splitJSON(data, len(data)-len(rest))
		if err != nil {
			return fm, &frontMatterError{line: line, msg: cleanDecodeError(err)}
		}
		fm.m, fm.body = m, body
		return fm, nil
	}
	var decodeErr error
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
			var root *yaml.Node
			fm.m, fm.lower, fm.ruby, root, decodeErr = decodeYAML(b)
			fm.top = func() []writtenKey { return yamlTopKeys(root) }
			return nil
		}),
		frontmatter.NewFormat("+++", "+++", func(b []byte, _ any) error {
			var raw map[string]any
			fm.m, raw, decodeErr = decodeTOML(b)
			fm.isTOML = true
			fm.top = func() []writtenKey { return tomlTopKeys(b, raw) }
			return nil
		}),
	}
	body, err := frontmatter.MustParse(bytes.NewReader(data), nil, formats...)
	switch {
	case errors.Is(err, frontmatter.ErrNotFound) && (bytes.HasPrefix(bytes.TrimSpace(data), []byte("---")) || bytes.HasPrefix(bytes.TrimSpace(data), []byte("+++"))):
		return fm, &frontMatterError{line: fm.offset, unclosed: true}
	case errors.Is(err, frontmatter.ErrNotFound):
		return fm, errNoFrontMatter
	case err != nil:
		// (of a bytes.Reader: none but a format's, whose decoders
		// return none: decodeErr)
		return fm, &frontMatterError{msg: "reading front matter: " + err.Error()}
	case decodeErr != nil:
		line, msg := decodeProblem(decodeErr, data, fm.offset)
		return fm, &frontMatterError{line: line, msg: msg}
	}
	fm.body = body
	return fm, nil
}

// decodeProblem is the line of the file data (its front matter's first
// line the file's offset+1) and the message of decodeErr, an error
// decoding its YAML or TOML front matter.
func decodeProblem(decodeErr error, data []byte, offset int) (int, string) {
	var line int
	var perr toml.ParseError
	if errors.As(decodeErr, &perr) {
		line = perr.Position.Line
	} else if sm := yamlErrLine().FindStringSubmatch(decodeErr.Error()); sm != nil {
		line, _ = strconv.Atoi(sm[1]) // 1-based, the mistake's (yamlSyntaxError)
	}
	if line > 0 {
		line += offset
	} else if strings.Contains(decodeErr.Error(), "control characters are not allowed") {
		line = firstControlLine(data) // yaml.v3 says no line (a helper's report)
	}
	msg := cleanDecodeError(decodeErr)
	if perr.Message != "" {
		msg = perr.Message
	}
	if strings.Contains(msg, "invalid map key") {
		// `date: {{date}}`, a note template's placeholder, is a YAML
		// map with a map for its key (a helper's report: Go's dump of
		// the map was the message)
		if k := bytes.Index(data, []byte("{{")); k >= 0 {
			line = bytes.Count(data[:k], []byte("\n")) + 1
			msg = "{{…}} is a template's placeholder (Obsidian's, Templater's), not a value: fill it in, or quote it"
		}
	}
	return line, msg
}

// decodeYAML decodes YAML front matter: m keyed by its lower-cased keys,
// as Hugo reads them, and lower, when a key read is written with a
// capital (Title:), of the keys written in lower case alone, as Jekyll
// reads them (nil when there is none such); ruby, when the mapping has a
// merge key (<<), of the keys written in lower case alone with its
// merges, as Jekyll reads them (rubyMerge; nil when it has none); and
// root, the mapping decoded (yamlTopKeys; nil for none).
func decodeYAML(b []byte) (m, lower, ruby matter, root *yaml.Node, err error) {
	if err := checkValueCount(b); err != nil {
		return nil, nil, nil, nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, nil, nil, nil, yamlSyntaxError(b, err)
	}
	if line, ok := yamlNesting(&doc, MaxNesting); !ok {
		return nil, nil, nil, nil, fmt.Errorf("line %d: nested deeper than %d levels", line, MaxNesting)
	}
	m = matter{}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return m, nil, nil, nil, nil // empty front matter: missing title/date will be reported
	}
	root = doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" {
		// `null`, `~` (comments around it or not): no keys, as Hugo
		// 0.111.3 reads a page's (as oracle: ---\nnull\n--- published,
		// untitled and undated, as ---\n---); folio read a section
		// page's so, a piece's as "not a mapping"
		return m, nil, nil, nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, nil, nil, nil, fmt.Errorf("line %d: front matter is not a mapping of keys to values", root.Line)
	}
	nested := matter{} // the known keys of Zola's [taxonomies] and [extra]
	capitals, err := yamlKeys(root, m, nested, false, nil)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	m.fill(nested)
	if capitals {
		lower, nested = matter{}, matter{}
		if _, err := yamlKeys(root, lower, nested, true, nil); err != nil {
			return nil, nil, nil, nil, err
		}
		lower.fill(nested)
	}
	if hasMergeKey(root) {
		ruby, nested = matter{}, matter{}
		if _, err := yamlKeys(root, ruby, nested, true, rubyMerges{}); err != nil {
			return nil, nil, nil, nil, err
		}
		ruby.fill(nested)
	}
	return m, lower, ruby, root, nil
}

// rubyMerges is what decodeYAML's merge keys have read (rubyMerge): each
// mapping merged, by its node, read once (nil while it is being read).
type rubyMerges map[*yaml.Node]*mergedKeys

// mergedKeys are the keys of a mapping a merge key merges, read as
// yamlKeys reads them, its Zola tables' in nested.
type mergedKeys struct{ m, nested matter }

// hasMergeKey reports whether the mapping root has a merge key
// (rubyMergeKey) among its keys (a value "<<", title: <<, is none).
func hasMergeKey(root *yaml.Node) bool {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if rubyMergeKey(root.Content[i]) {
			return true
		}
	}
	return false
}

// rubyMergeKey reports whether n, a mapping's key, is a merge key to
// Ruby's YAML (Psych's revive_hash): << not tagged !!str, quoted or not
// (Jekyll 4.3.1 as oracle: "<<": {title: S1} merged, !!str <<: did not).
func rubyMergeKey(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "<<" && !(n.Style&yaml.TaggedStyle != 0 && n.ShortTag() == "!!str")
}

// rubyMerge merges v, the value of a merge key (rubyMergeKey), into m
// (and its Zola tables' keys into nested) as Ruby's YAML does (Psych's
// revive_hash): a mapping's keys (an alias's too) over those before,
// those after it over its; a list of mappings' keys the first's over the
// later's, merged so; a list with anything but mappings, or a scalar,
// nothing (Ruby keeps it as the key <<, which Jekyll reads as none).
// Jekyll 4.3.1 as oracle: a post's <<: *a then <<: *b gave the tags of
// a and the categories of b, title: Own then <<: {title: FromA} FromA,
// <<: *a then title: Own Own, <<: [{title: S1}, {title: S2, tags: [s]}]
// S1 and s, <<: {date: 2019-05-05} its date; folio read none of them
// (yaml.v3 keeps the last merge key alone, under its own rules). A
// merged key is no key given twice (field.merged). Each mapping is read
// once (done), as Ruby builds an anchor's once: aliases of aliases ten
// wide and five deep cost five mappings' reading; a mapping merging
// itself, or one it is in, is an error naming the line.
func rubyMerge(v *yaml.Node, m, nested matter, done rubyMerges) error {
	mappings := []*yaml.Node{v}
	if resolved := yamlAliased(v); resolved.Kind == yaml.SequenceNode {
		mappings = slices.Clone(resolved.Content)
		slices.Reverse(mappings) // the first's keys over the later's
	}
	for i, n := range mappings {
		if mappings[i] = yamlAliased(n); mappings[i].Kind != yaml.MappingNode {
			return nil
		}
	}
	merged, mergedNested := matter{}, matter{}
	for _, n := range mappings {
		keys, ok := done[n]
		if ok && keys == nil {
			return fmt.Errorf("line %d: a merge key (<<) merges a mapping that holds it", v.Line)
		}
		if !ok {
			done[n] = nil
			keys = &mergedKeys{matter{}, matter{}}
			if _, err := yamlKeys(n, keys.m, keys.nested, true, done); err != nil {
				return err
			}
			done[n] = keys
		}
		maps.Copy(merged, keys.m)
		maps.Copy(mergedNested, keys.nested)
	}
	for k, f := range merged {
		f.earlier, f.merged = 0, true
		m[k] = f
	}
	for k, f := range mergedNested {
		f.earlier, f.merged = 0, true
		nested[k] = f
	}
	return nil
}

// yamlAliased is the node n's alias stands for (through aliases of
// aliases), n when it is none.
func yamlAliased(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < MaxNesting; i++ {
		n = n.Alias
	}
	return n
}

// yamlSyntaxError is yaml.v3's error err for the front matter b, with the
// line of b it is on ("line N: …", 1-based, as decodeYAML's other errors):
// the first line that, with those above it, makes yaml.v3 say the same
// (yamlProblemLine). yaml.v3's own number is not that line: a scanner
// error names the line where the token it was scanning began ("while
// scanning a plain scalar"), so a tab indenting the line under `date: x`
// was said on the date's line (a researcher's report), one in a block
// scalar on its "|" line, a bad escape on its quote's; a parser error
// names its 0-based mark ("did not find expected key" on line 3 says line
// 2); and a mark on line 0 none (a colon in a title on the first line had
// no line, a helper's report).
func yamlSyntaxError(b []byte, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) || strings.Contains(msg, "control characters are not allowed") {
		return err // lines of their own; none (Parse finds it)
	}
	msg, from := yamlProblem(msg)
	return fmt.Errorf("line %d: %s", yamlProblemLine(b, msg, max(from, 1)), msg)
}

// yamlProblem is yaml.v3's error message msg without its "yaml: " and
// "line N: ", and N (0 for none).
func yamlProblem(msg string) (string, int) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if sm := yamlErrLine().FindStringSubmatch(msg); sm != nil && strings.HasPrefix(msg, sm[0]) {
		line, _ = strconv.Atoi(sm[1])
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, sm[0]), ":")
	}
	return strings.TrimSpace(msg), line
}

// yamlProblemLine is the line (1-based) of the front matter b where yaml.v3
// finds the mistake it says msg of: the first line k, from the line from on
// (yaml.v3's number, never past it: a scanner's context and a parser's mark
// begin at or before the mistake), such that b's lines 1 to k alone make
// yaml.v3 say msg. What is scanned past the mistake's line cannot make it,
// and lines above it alone are well formed or say another thing (a quote
// left open: "found unexpected end of stream" from its line on, which is
// where it opens; yaml.v3 names the end for one on line 1, and from past
// the last line is taken as 1). A binary search over the lines (front
// matter has up to MaxFrontMatterValues); from when b alone does not say
// msg.
func yamlProblemLine(b []byte, msg string, from int) int {
	ends := []int{} // ends[i]: b's length to the end of line i+1
	for i, c := range b {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] < len(b) {
		ends = append(ends, len(b))
	}
	says := func(k int) bool { // lines 1 to k make yaml.v3 say msg
		var doc yaml.Node
		err := yaml.Unmarshal(b[:ends[k-1]], &doc)
		if err == nil {
			return false
		}
		m, _ := yamlProblem(err.Error())
		return m == msg
	}
	if from > len(ends) {
		from = 1 // past the last line: the end of the stream, where something open was found unclosed
	}
	if !says(len(ends)) {
		return from
	}
	lo, hi := from, len(ends) // says(hi)
	for lo < hi {
		if mid := (lo + hi) / 2; says(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// yamlKeys decodes the known keys of the mapping node into m, and those of
// its Zola tables (taxonomies, extra) into nested; lowerOnly, those
// written in lower case alone; with merges, its merge keys' mappings
// too, as Ruby reads them (rubyMerge; merges the mappings read). capitals is
// whether a key it read, or passed over for lowerOnly, is written with a
// capital.
func yamlKeys(node *yaml.Node, m, nested matter, lowerOnly bool, merges rubyMerges) (capitals bool, err error) {
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if merges != nil && rubyMergeKey(k) {
			if err := rubyMerge(v, m, nested, merges); err != nil {
				return false, err
			}
			continue
		}
		key := strings.ToLower(k.Value)
		if nested != nil && zolaTables[key] && v.Kind == yaml.MappingNode {
			if key != k.Value {
				if capitals = true; lowerOnly {
					continue
				}
			}
			c, err := yamlKeys(v, nested, nil, lowerOnly, nil)
			if err != nil {
				return false, err
			}
			capitals = capitals || c
			continue
		}
		if !knownKeys[key] {
			continue
		}
		if key != k.Value {
			if capitals = true; lowerOnly {
				continue
			}
		}
		var val any
		if err := v.Decode(&val); err != nil {
			return false, fmt.Errorf("line %d: %s: %v", k.Line, k.Value, err)
		}
		f := field{value: val, line: k.Line, cased: key != k.Value}
		if !m[key].merged {
			f.earlier = m[key].line
		}
		switch key {
		case "title":
			r := rubyFlag(v, val)
			_, f.rubyBool = r.(bool)
			f.rubyFalse = r == false
			if b, ok := yaml11Flag(v); ok {
				f.hugo, f.hugoSet = b, true
			}
		case "tag", "tags", "category", "categories":
			r := rubyFlag(v, val)
			_, f.rubyBool = r.(bool)
			f.rubyFalse = r == false
			f.rubyList = rubyListOf(v, val)
			f.ruby, f.rubySet = rubyNumber(v, val)
			f.hugo, f.hugoSet = yaml11Tags(v, val)
		case "keywords", "topics":
			f.hugo, f.hugoSet = yaml11Tags(v, val)
		case "published":
			f.value = rubyFlag(v, val)
			f.hugo, f.hugoSet = val, true
			fallthrough
		case "draft", "headless":
			if b, ok := yaml11Flag(v); ok {
				f.hugo, f.hugoSet = b, true
			}
		case "build", "_build":
			hugoBuildFlags(v, val)
		case "cascade":
			hugoCascadeFlags(v, val)
		}
		// a key given twice: the last wins, as Hugo and Jekyll read it (a
		// helper's report: folio kept the first, the site shows the last)
		m[key] = f
	}
	return capitals, nil
}

// yamlTopKeys are the keys of the YAML mapping root as written, each
// with its line (frontMatter.top), but for a merge key (<<); nil for no
// mapping.
func yamlTopKeys(root *yaml.Node) []writtenKey {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	var out []writtenKey
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && !rubyMergeKey(k) {
			out = append(out, writtenKey{name: k.Value, line: k.Line})
		}
	}
	return out
}

// tomlTopKeys are the top-level keys of the TOML front matter b, decoded
// as raw (their names as written), each with its line (frontMatter.top):
// the first line that gives it, a key line before the first table
// ("cascade = {…}", "cascade.tags = […]", "\"cascade\" = …") or a table's
// header ("[cascade]", "[cascade._target]", "[[cascade]]"), the lines
// inside a value (a multi-line string or array) passed over (tomlValueScan);
// 0 for one not found so. In the order of their lines (those not found
// last, by name).
func tomlTopKeys(b []byte, raw map[string]any) []writtenKey {
	lines := map[string]int{}
	var v tomlValueScan
	inTable := false
	for i, l := range strings.Split(string(b), "\n") {
		rest := l
		if v.between() {
			t := strings.TrimSpace(l)
			name, found := "", false
			switch {
			case strings.HasPrefix(t, "["):
				inTable = true
				name, _, found = tomlFirstSegment(strings.TrimLeft(t, "[ \t"))
				rest = ""
			case !inTable:
				var after string
				name, after, found = tomlFirstSegment(t)
				if a := strings.TrimLeft(after, " \t"); found && (strings.HasPrefix(a, "=") || strings.HasPrefix(a, ".")) {
					rest = a
				} else {
					found = false
				}
			}
			if _, seen := lines[name]; found && !seen {
				lines[name] = i + 1
			}
		}
		v.line(rest)
	}
	out := make([]writtenKey, 0, len(raw))
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		out = append(out, writtenKey{name: k, line: lines[k]})
	}
	slices.SortStableFunc(out, func(a, b writtenKey) int {
		switch {
		case a.line == b.line:
			return 0
		case a.line == 0:
			return 1
		case b.line == 0:
			return -1
		}
		return a.line - b.line
	})
	return out
}

// tomlValueScan follows TOML's values over lines (tomlTopKeys): a
// multi-line string open (its delimiter, three quotes or three
// apostrophes), and the arrays and inline tables open.
type tomlValueScan struct {
	multi string
	depth int
}

// between reports whether the scan is between values: a line starts a
// key or a table there.
func (v *tomlValueScan) between() bool { return v.multi == "" && v.depth <= 0 }

// line follows the text l of a line: its strings, brackets and comment.
func (v *tomlValueScan) line(l string) {
	for i := 0; i < len(l); {
		if v.multi != "" {
			// a basic string's escape (\", \\) ends none: `a \"""` was
			// the string's end at its \" (a review); its closing quotes
			// may follow one or two of its own (TOML: "1 or 2 quotes
			// adjacent to the closing delimiter", `""""`)
			switch {
			case v.multi == `"""` && l[i] == '\\':
				i += 2
			case strings.HasPrefix(l[i:], v.multi):
				i += 3
				for n := 0; n < 2 && i < len(l) && l[i] == v.multi[0]; n++ {
					i++
				}
				v.multi = ""
			default:
				i++
			}
			continue
		}
		switch c := l[i]; c {
		case '#':
			return
		case '"', '\'':
			if q := strings.Repeat(string(c), 3); strings.HasPrefix(l[i:], q) {
				i, v.multi = i+3, q
				continue
			}
			j := i + 1
			for j < len(l) && l[j] != c {
				if c == '"' && l[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
		case '[', '{':
			v.depth++
			i++
		case ']', '}':
			v.depth--
			i++
		default:
			i++
		}
	}
}

// tomlFirstSegment is the first segment of the TOML key at the start of
// t, bare (cascade) or quoted ('cascade', "cascade": its quotes cut, a
// basic string's escapes read, "fo\"o" fo"o, "\u0066oo" foo, as the
// decoder names it; a read of the code, 46c: a basic string's first
// escaped quote ended it, and a key with an escape had no line), and what
// follows it; found is false for none ("" = 1 is a key, "").
func tomlFirstSegment(t string) (name, after string, found bool) {
	if t == "" {
		return "", t, false
	}
	switch t[0] {
	case '\'':
		if j := strings.IndexByte(t[1:], '\''); j >= 0 {
			return t[1 : 1+j], t[2+j:], true
		}
		return "", t, false
	case '"':
		var b strings.Builder
		for s := t[1:]; s != ""; {
			if s[0] == '"' {
				return b.String(), s[1:], true
			}
			if strings.HasPrefix(s, `\e`) { // TOML 1.1's escape, none of Go's
				b.WriteByte(0x1b)
				s = s[2:]
				continue
			}
			r, _, tail, err := strconv.UnquoteChar(s, '"')
			if err != nil {
				return "", t, false
			}
			b.WriteRune(r)
			s = tail
		}
		return "", t, false
	}
	j := 0
	for j < len(t) && (t[j] == '_' || t[j] == '-' || t[j] >= '0' && t[j] <= '9' || t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z') {
		j++
	}
	return t[:j], t[j:], j > 0
}

var tomlKeyLine = lazyRegexp(`^\s*([A-Za-z0-9_-]+)\s*=`)

// decodeTOML decodes TOML front matter: m keyed by its lower-cased keys,
// as Hugo reads them (Zola's [taxonomies] and [extra] keys filled in
// after its own), and raw, as decoded, its keys as written.
func decodeTOML(b []byte) (matter, map[string]any, error) {
	if err := CheckTOML(b); err != nil {
		return nil, nil, err
	}
	raw := map[string]any{}
	if _, err := toml.Decode(string(b), &raw); err != nil {
		return nil, nil, err
	}
	// The TOML decoder does not report key positions; keys are found by
	// their "key =" line: top-level ones before the first [table], and those
	// of Zola's [taxonomies] and [extra] tables under their headers.
	lines := map[string]int{}
	table := ""
	for i, l := range strings.Split(string(b), "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "[") {
			table = strings.ToLower(strings.TrimSpace(strings.Trim(t, "[]")))
			if !zolaTables[table] {
				table = "?"
			}
			continue
		}
		if sm := tomlKeyLine().FindStringSubmatch(l); sm != nil && table != "?" {
			if k := strings.ToLower(sm[1]); knownKeys[k] {
				if table != "" {
					k = table + "." + k
				}
				if _, ok := lines[k]; !ok {
					lines[k] = i + 1
				}
			}
		}
	}
	// Keys alike but for case are one key: the one in lower case, else
	// the first in byte order (as decodeJSON's), so that the answer is the
	// same every time (the map's order chose it) and Zola's render is the
	// key it reads (zolaUnrendered).
	m, nested := matter{}, matter{}
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		v := raw[k]
		key := strings.ToLower(k)
		if t, ok := v.(map[string]any); ok && zolaTables[key] {
			for _, k2 := range slices.Sorted(maps.Keys(t)) {
				if lk2 := strings.ToLower(k2); knownKeys[lk2] {
					if _, dup := nested[lk2]; !dup || key == "taxonomies" {
						nested[lk2] = field{value: t[k2], line: lines[key+"."+lk2]}
					}
				}
			}
			continue
		}
		if _, seen := m[key]; seen && k != key {
			continue
		}
		m[key] = field{value: v, line: lines[key], cased: k != key}
	}
	m.fill(nested)
	return m, raw, nil
}

// splitJSON reads Hugo's JSON front matter, the object starting at
// data[start] (to its closing brace, as Hugo reads it: nested objects, one
// line or many), and returns the body after the rest of its line, the
// matter (keys have no lines), and for an error the file line it is on.
func splitJSON(data []byte, start int) (body []byte, m matter, line int, err error) {
	lineOf := func(off int) int { return bytes.Count(data[:min(off, len(data))], []byte("\n")) + 1 }
	if depth, at := jsonDepth(data[start:]); depth > MaxNesting {
		return nil, nil, lineOf(start + at), fmt.Errorf("nested over %d levels", MaxNesting)
	}
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, nil, lineOf(start + int(se.Offset)), err
		}
		return nil, nil, lineOf(len(data)), err
	}
	end := start + int(dec.InputOffset())
	if m, err = decodeJSON(raw); err != nil {
		return nil, nil, lineOf(start), err
	}
	// lines from the object's first line, its line 1 (a helper's report:
	// a key on the brace's own line, a one-line object's, had none)
	jsonLines(m, raw, func(off int) int { return lineOf(start+off) - lineOf(start) + 1 })
	if nl := bytes.IndexByte(data[end:], '\n'); nl >= 0 {
		end += nl + 1
	} else {
		end = len(data)
	}
	return data[end:], m, 0, nil
}

// jsonLines gives the top-level keys of m, read from the JSON object raw,
// the file lines they are on (line maps an offset in raw), so that a
// problem with one names its line as in YAML and TOML (a helper's report:
// JSON's had none).
func jsonLines(m matter, raw []byte, line func(off int) int) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	depth, key := 0, true
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			if depth == 1 {
				key = true // after a value that was an object or array
			}
			continue
		case string:
			if depth == 1 && key {
				lk := strings.ToLower(t)
				if f, ok := m[lk]; ok && f.line == 0 {
					f.line = line(before + bytes.IndexByte(raw[before:], '"'))
					m[lk] = f
				}
				key = false
				continue
			}
		}
		if depth == 1 {
			key = true // a value at the top: a key comes next
		}
	}
}

// jsonDepth is how deep the arrays and objects of b nest at the most (b's
// strings passed over), and where that depth is first reached.
func jsonDepth(b []byte) (max, at int) {
	depth, inString, escaped := 0, false, false
	for i, c := range b {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > max {
				max, at = depth, i
			}
		case c == '}' || c == ']':
			if depth--; depth == 0 {
				return max, at // the object's end: the body is not JSON
			}
		}
	}
	return max, at
}

// decodeJSON reads Hugo's JSON front matter object (keys have no lines).
// Keys alike but for case are one key: the one in lower case, else the
// first in byte order, so that the answer is the same every time.
func decodeJSON(b []byte) (matter, error) {
	if err := checkValueCount(b); err != nil {
		return nil, err
	}
	raw := map[string]any{}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	m, nested := matter{}, matter{}
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		lk := strings.ToLower(k)
		if t, ok := raw[k].(map[string]any); ok && zolaTables[lk] {
			// "params", "taxonomies", "extra": read as in YAML and TOML
			// (a helper's report: in JSON they were not read)
			for _, k2 := range slices.Sorted(maps.Keys(t)) {
				if lk2 := strings.ToLower(k2); knownKeys[lk2] {
					if _, dup := nested[lk2]; !dup || lk == "taxonomies" {
						nested[lk2] = field{value: jsonValue(lk2, t[k2])}
					}
				}
			}
			continue
		}
		if _, seen := m[lk]; !knownKeys[lk] || seen && k != lk {
			continue
		}
		m[lk] = field{value: jsonValue(lk, raw[k]), cased: k != lk}
	}
	m.fill(nested)
	return m, nil
}

// jsonValue is a decoded JSON value of the key k as front matter reads
// it: a whole number an integer, but for a date key's that is no year
// folio reads, which stays a float, no date. To Hugo's JSON decoder every
// number is a float, which it reads as no date (hugo 0.111.3 as oracle:
// "date": 5, "published": 1 and "date": 1500000000 left a page undated,
// "date": 1614900000 beside "lastmod": "2022-02-02" dated it 2022-02-02;
// folio read each as a Unix time, 1970-01-01, 2017-07-14, 2021-03-04). A
// year ("date": 2017, to Hugo no date too) is kept as written, as YAML's
// date: 2017 is (dateFromValue).
func jsonValue(k string, v any) any {
	f, ok := v.(float64)
	if !ok || f != float64(int64(f)) {
		return v
	}
	if slices.Contains(dateKeys, k) {
		if _, err := ParseDate(strconv.FormatInt(int64(f), 10)); err != nil {
			return v
		}
	}
	return int64(f)
}

// jekyllDotsEnd returns data with YAML front matter closed by a line "..."
// (YAML's end of document, which Jekyll takes as well as "---") closed by
// "---" instead, the first of the two lines after the opening one being
// the end. Lines keep their numbers and lengths.
func jekyllDotsEnd(data []byte) []byte {
	rest := bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(rest, []byte("---")) {
		return data
	}
	first := len(data) - len(rest)
	nl := bytes.IndexByte(data[first:], '\n')
	if nl < 0 || string(bytes.TrimSpace(data[first:first+nl])) != "---" {
		return data
	}
	for off := first + nl + 1; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		line := data[off : off+end]
		switch {
		case string(bytes.TrimSpace(line)) == "---": // as adrg/frontmatter reads its end
			return data
		case string(bytes.TrimRight(line, " \t\r")) == "...": // at the line's start, as Jekyll's pattern
			out := slices.Clone(data)
			copy(out[off:], "---")
			return out
		}
		off += end + 1
	}
	return data
}

// zolaTables are the front-matter tables whose keys are read as if they
// were top-level: Zola keeps tags, categories and authors in [taxonomies]
// and everything of its own (author, url, ...) in [extra]; Hugo the
// site's own in [params] (a helper's report: params.author was not read).
var zolaTables = map[string]bool{"taxonomies": true, "extra": true, "params": true}

// fill adds the fields of other, a Zola table's, that m does not have,
// but for those Zola reads at the top alone (topOnly): draft = true in
// [extra] is the site's own data, and the page is published (a helper's
// report: such pages were skipped as drafts).
func (m matter) fill(other matter) {
	for k, f := range other {
		if _, ok := m[k]; !ok && !topOnly[k] {
			f.nested = true
			m[k] = f
		}
	}
}

// topOnly are the keys Zola reads at the top of the front matter alone:
// in [extra] or [taxonomies] they mean nothing to the site.
var topOnly = map[string]bool{"draft": true, "published": true, "slug": true, "path": true, "aliases": true,
	"redirect_from": true, "permalink": true, "headless": true, "build": true, "_build": true, "render": true}

// pathBase is the last element of a slash path.
func pathBase(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// nameTitle is the title of an untitled page of a site: its file's name
// without its extension, a page bundle's index.md its folder's
// (posts/my-trip/index.md is "my-trip"), as written. Hugo shows such a
// page's title empty, and Jekyll a page's (not a post's, which takes its
// name's: jekyllPost); folio lists it by the name it has on disk.
func nameTitle(p string) string {
	base := pathBase(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if dir := path.Dir(p); strings.EqualFold(stem, "index") && dir != "." && dir != "/" {
		stem = pathBase(dir)
	}
	return SanitizeLine(stem)
}

// firstDate is the first of keys (dateKeys, or a Hugo site's
// [frontmatter] date: hugobuild.go, its :filename the field name) with a value that is not a yes or no
// (Jekyll's published flag) nor empty (`date:` or `date: ""` with a
// `lastmod` after it: Hugo takes the lastmod, where folio skipped the
// piece, a helper's report), nor one noDate (if not nil) says is none; an
// empty one when no other has a value. noDate is asked of a yes or no
// too, so that in a Hugo site one of a date key but published is noted as
// the other values passed over are (hugo 0.111.3 as oracle: date: true
// and date: "yes" were passed over to the lastmod, date: no left a page
// undated; folio passed over each without a note).
func (m matter) firstDate(keys []string, name field, noDate func(k string, f field) bool) (field, string) {
	var empty field
	emptyKey := ""
	for _, k := range keys {
		f, ok := m[k]
		if k == ":filename" {
			f, ok = name, name.value != nil
		}
		if ok {
			if noDate != nil && noDate(k, f) {
				continue
			}
			if _, flag := flagOf(f.value); flag {
				continue
			}
			if s, isString := f.value.(string); f.value == nil || isString && strings.TrimSpace(s) == "" {
				if emptyKey == "" {
					empty, emptyKey = f, k
				}
				continue
			}
			return f, k
		}
	}
	return empty, emptyKey
}

// isDraft: draft is true (Hugo; a Zola site's page reads it otherwise:
// zolaDraftFlag), or published is false, or null
// in a Jekyll site: a file of _posts/ (inPosts), or a file inJekyll says
// is in one (Jekyll's data.fetch("published", true), where any string is
// true, as in Ruby: a quoted "false" is published, a helper's report; a
// YAML yes or no is a boolean to Ruby's YAML 1.1, rubyFlag), where draft
// is no key of the site's (Jekyll 4.3.1 as oracle: a post's draft: true
// was built, page.draft true; folio hid it). In a Hugo
// site (inHugo, not a Jekyll one) it is what Hugo 0.111 reads (hugoDraft:
// a quoted draft: "yes" is no draft there, draft: 1 is one). The sites
// are asked only when the two readings differ. Elsewhere a null published
// is no flag: an Obsidian Web Clipper's is the page's date, empty when it
// has none (a helper's report: such pieces were hidden as drafts in every
// archive).
func (m matter) isDraft(inPosts bool, inJekyll, inHugo func() bool) bool {
	d, hasDraft := m["draft"]
	published, ok := m["published"]
	if !hasDraft && !ok {
		return false
	}
	jekyll := func() bool { return inPosts || inJekyll != nil && inJekyll() }
	draft, _ := flagOf(d.value)
	// a folder of notes: a draft true, or a published false; a Jekyll
	// site reads published alone, false or null (Jekyll's Publisher: a
	// draft is no key of its), the site asked when the two differ
	notes := draft || ok && published.value == false
	other := notes
	if jekyllDraft := ok && (published.value == false || published.value == nil); jekyllDraft != notes && jekyll() {
		other = jekyllDraft
	}
	if hugo := hugoDraft(d, hasDraft, published, ok); hugo != other && inHugo != nil && !jekyll() && inHugo() {
		return hugo
	}
	return other
}

// hugoDraft reports whether Hugo 0.111 reads a page as a draft by its
// draft (d, when hasDraft) and published (p, when hasPublished), as
// decoded by Hugo (field.hugoValue), each cast to a boolean as
// spf13/cast's ToBoolE does (hugoBool). A draft given wins over a
// published, and one that cannot be cast is false; a published that
// cannot be cast is ignored. As oracle: draft: true, yes, on, y, 1, 2,
// -1, "true", "1", "t", "T" hid a page, and draft: "yes", "on", "y",
// "maybe", "2", 1.5, TOML's draft = 1 did not; draft: false beside
// published: false published it; published: false, no, n, "false", "0",
// 0 or empty hid one, and "no", "off", "maybe", 0.0, TOML's published = 0
// did not.
func hugoDraft(d field, hasDraft bool, p field, hasPublished bool) bool {
	if hasDraft {
		b, _ := hugoBool(d.hugoValue())
		return b
	}
	if hasPublished {
		b, ok := hugoBool(p.hugoValue())
		return ok && !b
	}
	return false
}

// hugoBool is v, a front matter's value as Hugo decodes it, cast to a
// boolean as Hugo 0.111's spf13/cast ToBoolE does: a boolean; nothing
// (false); an int, as YAML's numbers decode (not zero: true; TOML's and
// JSON's, int64 and float64, cannot be cast); a string strconv.ParseBool
// reads ("true", "1", "t", "false", "0", "F"…). ok is false for a value
// it cannot cast.
func hugoBool(v any) (value, ok bool) {
	switch v := v.(type) {
	case bool:
		return v, true
	case nil:
		return false, true
	case int:
		return v != 0, true
	case string:
		b, err := strconv.ParseBool(v)
		return b, err == nil
	}
	return false, false
}

// yaml11Flag reads the YAML scalar v as gopkg.in/yaml.v2 (Hugo 0.111's
// YAML, YAML 1.1) does a boolean: a plain y, Y, yes, Yes, YES, on, On,
// ON, true, True, TRUE (true) or n, N, no, No, NO, off, Off, OFF, false,
// False, FALSE (false); ok is false for any other, and for a quoted or tagged one.
func yaml11Flag(v *yaml.Node) (value, ok bool) {
	if v.Kind != yaml.ScalarNode || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) != 0 {
		return false, false
	}
	switch v.Value {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE":
		return true, true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// yaml11Tags is val, a tag key's YAML value (node v), as Hugo 0.111's
// yaml.v2 (YAML 1.1) decodes it, where that is not val: a plain y, on,
// off… (yaml11Flag), the value or an item of its list, a boolean, which
// Hugo's terms show as true or false. hugo 0.111.3 as oracle: tags: [y,
// n, Y, ON, off] gave the terms true, false; tags: y the term true
// (folio read the tags y, n, on, off). ok is false when nothing differs.
func yaml11Tags(v *yaml.Node, val any) (any, bool) {
	if b, ok := yaml11Flag(v); ok {
		if b == val {
			return nil, false
		}
		return b, true
	}
	l, ok := val.([]any)
	if v.Kind != yaml.SequenceNode || !ok || len(l) != len(v.Content) {
		return nil, false
	}
	var out []any
	for i, n := range v.Content {
		if b, ok := yaml11Flag(n); ok && b != l[i] {
			if out == nil {
				out = slices.Clone(l)
			}
			out[i] = b
		}
	}
	return out, out != nil
}

// hugoCascadeFlags sets in val, the decoded value of a YAML cascade
// (node: a map, or a list of maps), the draft, published, headless and
// _build's render its maps give as Hugo's YAML 1.1 reads them
// (yaml11Flag: as oracle, a section's cascade: {draft: yes} hid its
// pages, {draft: "yes"} did not; {headless: yes} made a bundle below
// headless, {headless: "yes"} did not; {_build: {render: no}} left its
// pages unrendered, {_build: {render: "false"}} did not).
func hugoCascadeFlags(node *yaml.Node, val any) {
	switch node.Kind {
	case yaml.MappingNode:
		c, ok := val.(map[string]any)
		if !ok {
			return
		}
		for i := 0; i+1 < len(node.Content); i += 2 {
			k, v := node.Content[i], node.Content[i+1]
			switch strings.ToLower(k.Value) {
			case "draft", "published", "headless":
			case "_build", "build":
				hugoBuildFlags(v, c[k.Value])
				continue
			default:
				continue
			}
			if b, ok := yaml11Flag(v); ok {
				if _, in := c[k.Value]; in {
					c[k.Value] = b
				}
			}
		}
	case yaml.SequenceNode:
		l, ok := val.([]any)
		if !ok || len(l) != len(node.Content) {
			return
		}
		for i, n := range node.Content {
			hugoCascadeFlags(n, l[i])
		}
	}
}

// rubyFlag is the YAML value v (decoded as val) as Ruby's YAML reads a
// plain yes, no, on, off, true or false (any case): a boolean; a quoted
// one is a string.
func rubyFlag(v *yaml.Node, val any) any {
	if v.Kind != yaml.ScalarNode || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return val
	}
	switch strings.ToLower(v.Value) {
	case "yes", "true", "on":
		return true
	case "no", "false", "off":
		return false
	}
	return val
}

// rubyListOf is the YAML list v (decoded as val) as Ruby's YAML reads
// it when an item is a plain yes, no, on, off, true or false (rubyFlag),
// a boolean, or a number Ruby reads otherwise (rubyNumber), as Ruby
// writes it (rubyString: 1:20 "4800", 0o17 "0o17"); nil when none is (or
// v is no list).
func rubyListOf(v *yaml.Node, val any) []any {
	l, ok := val.([]any)
	if v.Kind != yaml.SequenceNode || !ok || len(l) != len(v.Content) {
		return nil
	}
	var out []any
	set := func(i int, x any) {
		if out == nil {
			out = slices.Clone(l)
		}
		out[i] = x
	}
	for i, n := range v.Content {
		if r, ok := rubyFlag(n, l[i]).(bool); ok {
			set(i, r)
		} else if r, ok := rubyNumber(n, l[i]); ok {
			set(i, rubyString(r))
		}
	}
	return out
}

// JekyllStaticMsg and JekyllPassedMsg are the messages of the Quiet
// problems of the files of a Jekyll site that it does not publish as
// pages: one without front matter (a static file, copied as it is), one
// whose name starts with _, # or ~ (passed over).
const (
	JekyllStaticMsg = "not a page of the site (no front matter: Jekyll copies the file as it is)"
	// JekyllUndatedPostMsg is a file of a Jekyll site's _posts/ (at any
	// depth) whose name is not dated (jekyllPostPrefix), which Jekyll 4.3
	// passes over
	JekyllUndatedPostMsg = "not a page of the site (Jekyll reads a post of _posts/ by a dated name alone: 2021-03-14-title.md)"
	JekyllPassedMsg      = "not a page of the site (Jekyll passes over a name starting with _, # or ~)"
)

// hugoZeroDate reports whether Hugo reads a date's value v as no date,
// its zero time: nothing, a blank string, or 0001-01-01 (at midnight UTC,
// as a YAML or TOML date or a string; a TOML local date's midnight).
func hugoZeroDate(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return true
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.IsZero()
			}
		}
	case time.Time:
		if name, _ := v.Zone(); strings.HasSuffix(name, "-local") {
			// TOML's local date or time: Hugo's is in its UTC
			v = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), time.UTC)
		}
		return v.IsZero()
	}
	return false
}

// HugoPassedMsg is the message of the Quiet problem of a file of a Hugo
// site that Hugo passes over by its name or its folder's (hugoPassedPath).
const HugoPassedMsg = "not a page of the site (Hugo passes over a name starting with # or ending with ~)"

// HugoCasedExtMsg is the message of the Quiet problem of a file of a Hugo
// site whose extension is not in lower case (hugoCasedExt).
const HugoCasedExtMsg = "not a page of the site (Hugo reads a Markdown file by its extension in lower case: .md)"

// hugoCasedExt reports whether the extension of p is not in lower case
// (x.MD, _index.Md), which Hugo 0.111 reads as no content format: the
// file is copied as it is, no page (as oracle: content/a/u.Md and v.MD
// were no pages; an attack's report).
func hugoCasedExt(p string) bool {
	ext := path.Ext(p)
	return ext != strings.ToLower(ext)
}

// HugoDraftSectionMsg is the message of the Quiet problem of a page of
// a Hugo site under a draft section (a section page above it, up to
// content/_index.md, with draft: true or published: false).
const HugoDraftSectionMsg = "not a page of the site (Hugo publishes no page under a draft section)"

// ZolaDraftSectionMsg is HugoDraftSectionMsg of a Zola site's page under
// a draft section, of any language (zolaDraftSection): it named Hugo.
const ZolaDraftSectionMsg = "not a page of the site (Zola publishes no page under a draft section)"

// HugoIgnoredMsg is the message of the Quiet problem of a file of a
// Hugo site that its config's ignoreFiles match (SiteRoots.hugoIgnored).
const HugoIgnoredMsg = "not a page of the site (its config's ignoreFiles match it)"

// ZolaIgnoredMsg is HugoIgnoredMsg of a Zola site's page its config's
// ignored_content matches (zolaIgnorePatterns).
const ZolaIgnoredMsg = "not a page of the site (its config's ignored_content matches it)"

// hugoPassedPath reports whether Hugo passes over the file at p by its
// name or a folder's on its path: one starting with # or ending with ~
// (Hugo 0.111's SourceSpec.IgnoreFile, for files and folders alike; a
// hidden one the scan passes over; ignoreFiles, empty by default, is not
// read). _x.md and ~x.md are pages to Hugo.
func hugoPassedPath(p string) bool {
	for name := range strings.SplitSeq(p, "/") {
		if name != "" && (name[0] == '#' || name[len(name)-1] == '~') {
			return true
		}
	}
	return false
}

// JekyllFolderMsg is the message of the Quiet problem of a file of a
// Jekyll site in a folder it does not read (SiteRoots.jekyllPassedFolder).
const JekyllFolderMsg = "not a page of the site (Jekyll reads no folder starting with _, # or ~ but _posts and a collection with output: true)"

// jekyllPassedName reports whether Jekyll passes over a file named base:
// one starting with _, # or ~ (its EntryFilter's special names; a hidden
// one the scan passes over).
func jekyllPassedName(base string) bool {
	return base != "" && strings.IndexByte("_#~", base[0]) >= 0
}

// UnrenderedMsg is the message of the Quiet problem of a Hugo page the
// site does not render: a headless bundle, or build's render "never".
const UnrenderedMsg = "not rendered (headless, or build render never: the site does not publish it as a page)"

// unrendered: Hugo does not render the page at p as one of its own, by
// its headless or its _build's render (its own or a cascade's), as Hugo
// 0.111 reads them (Hugo 0.111 as oracle):
//
//   - headless, of a leaf bundle's index file alone (index.md,
//     index.fr.md: not Index.md, nor a regular page's or an _index.md's
//     headless: true), cast as Hugo casts it (hugoBool): true, YAML's
//     yes, on, y, 1, 2, "true", "t", "1" made a bundle headless; "yes",
//     "on", TOML's headless = 1 and JSON's 1 did not (folio read its own
//     yes or no of each, flagOf: "yes" and "on" headless, 1 not);
//   - _build's render (its key in any case: Render, _Build), never when
//     it is "never" as written, false (YAML's no, off too), the number
//     0 or "0" (hugoRenderNever): render: "false", "no", "off", Never,
//     "never " and 1 were rendered.
//
// build without its _ is read as _build: Hugo 0.111 reads it not at all
// (a build: {render: never} was rendered), but later Hugos (0.123 on)
// name the key so, and a site that writes it is built by one.
func (m matter) unrendered(p string) bool {
	if hugoLeafIndex(p) {
		if headless, _ := hugoBool(m["headless"].hugoValue()); headless {
			return true
		}
	}
	for _, k := range []string{"_build", "build"} {
		if b, ok := m[k].value.(map[string]any); ok {
			for key, v := range b {
				if strings.EqualFold(key, "render") && hugoRenderNever(v) {
					return true
				}
			}
		}
	}
	return false
}

// hugoLeafIndex reports whether the file at p is a leaf bundle's index
// file by its name, as Hugo's TranslationBaseName reads it: index, then
// its extension (or its language's code and its extension).
func hugoLeafIndex(p string) bool {
	base := path.Base(p)
	stem, _, _ := strings.Cut(base, ".")
	return stem == "index"
}

// hugoRenderNever reports whether v, the render of a _build as Hugo
// decodes it, is Hugo 0.111's never: its pagemeta decodes the value
// weakly into a string (false "0", a number as written) and takes
// "never" and "0" for never, any other for always.
func hugoRenderNever(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case string:
		return v == "never" || v == "0"
	case int:
		return v == 0
	case int64:
		return v == 0
	case float64:
		return v == 0 && !math.Signbit(v) // -0.0 is "-0": always
	}
	return false
}

// hugoBuildFlags sets in val, the decoded value of a YAML _build (node:
// a map), its render as Hugo's YAML 1.1 reads it (yaml11Flag: as oracle,
// render: no made a page unrendered, render: "no" did not).
func hugoBuildFlags(node *yaml.Node, val any) {
	b, ok := val.(map[string]any)
	if node.Kind != yaml.MappingNode || !ok {
		return
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if !strings.EqualFold(k.Value, "render") {
			continue
		}
		if f, ok := yaml11Flag(v); ok {
			if _, in := b[k.Value]; in {
				b[k.Value] = f
			}
		}
	}
}

// flagOf reads a yes or no as the sites do: a boolean, or a string Hugo
// casts ("true", "false") or Ruby's YAML 1.1 reads (yes, no, on, off).
func flagOf(v any) (value, ok bool) {
	switch v := v.(type) {
	case bool:
		return v, true
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "yes", "on", "y":
			return true, true
		case "false", "no", "off", "n":
			return false, true
		}
	}
	return false, false
}

// first is the first of keys with a value that is not empty, as
// firstDate is for dates: a CMS (Decap, Forestry) writes its empty
// optional fields, and `summary: ""` hid the description after it (a
// helper's report); the first empty one when no other has a value, so
// that an empty title is said as one.
func (m matter) first(keys []string) (field, string) {
	var empty field
	emptyKey := ""
	for _, k := range keys {
		if f, ok := m[k]; ok {
			if strings.TrimSpace(stringOf(f.value)) != "" {
				return f, k
			}
			if emptyKey == "" {
				empty, emptyKey = f, k
			}
		}
	}
	return empty, emptyKey
}

func stringOf(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if s := stringOf(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return stringOf(v["name"])
	}
	return fmt.Sprint(v)
}

// names reads author values: "A", ["A", "B"], {name: A} or [{name: A}],
// each with its references decoded (fieldLine).
func names(v any) []string {
	var out []string
	switch v := v.(type) {
	case nil:
	case []any:
		for _, e := range v {
			out = append(out, names(e)...)
		}
	case map[string]any:
		if _, ok := v["name"]; !ok {
			out = append(out, names(v["organization"])...)
		} else {
			out = append(out, names(v["name"])...)
		}
	default:
		if s := bylineLine(stringOf(v)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// bylineLine is an author string as read (fieldLine), its line breaks
// (a newline, a CR, U+2028, NEL, U+2029, &#10;: a block scalar of one
// name a line) the "; " between names they stand for, which a byline reads
// as another person or a role after one ("Ann Lee\nBo Chan" is Ann Lee
// and Bo Chan, "TOM KRISHER\nAP Auto Writer" Tom Krisher; an attack found
// the person "Ann Lee Bo Chan", SanitizeLine's space between them). A
// line that goes on from the one before (after a comma, "&", "and",
// "with" or one word, or starting with one of them or in lower case: "Ann
// Lee,\nSenior Editor", "Ann Lee\nand Bo Chan", "Ann Lee\nfor Reuters",
// "Ann\rLee") joins it with a space, as SanitizeLine joins every line of
// other fields.
func bylineLine(v string) string {
	s := Sanitize(DecodeReferences(v)) // line breaks are "\n" in it
	if !strings.Contains(s, "\n") {
		return SanitizeLine(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	name := 0 // where the name the lines so far make starts in b
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			if goesOn(b.String()[name:], line) {
				b.WriteByte(' ')
			} else {
				b.WriteString("; ")
				name = b.Len()
			}
		}
		b.WriteString(line)
	}
	return SanitizeLine(b.String())
}

// goesOn: line continues prev, the byline's lines since its last "; "
// (bylineLine).
func goesOn(prev, line string) bool {
	if strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, "&") || strings.HasSuffix(prev, ";") {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(line); unicode.IsLower(r) || r == ',' || r == '&' || r == ';' {
		return true
	}
	if !strings.Contains(prev, " ") {
		return true // a name's first word alone: "Ann\nLee"
	}
	if !strings.Contains(line, " ") && !pairedAffiliation(line) && !isRoleWord(strings.ToLower(line)) {
		// a line of one word after a name that is no affiliation or role
		// folio knows, joined as every line was before lines parted names:
		// nothing lost ("Ann Lee\nMadonna" read as Ann Lee and a role was
		// Ann Lee alone, "Cher\nBono\nSting" lost Sting); "Ann
		// Lee\nReuters" is Ann Lee of Reuters
		return true
	}
	last := prev[strings.LastIndexByte(prev, ' ')+1:]
	first, _, _ := strings.Cut(line, " ")
	return strings.EqualFold(last, "and") || strings.EqualFold(last, "with") || strings.EqualFold(first, "and") || strings.EqualFold(first, "with")
}

// organizations are the author values marked as organisations:
// {name: RUSI, organization: true} (or type: organization), or
// {organization: RUSI}.
func organizations(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = append(out, organizations(e)...)
		}
	case map[string]any:
		if _, ok := v["name"]; !ok {
			return names(v["organization"])
		}
		flag := strings.ToLower(strings.TrimSpace(stringOf(v["organization"])))
		kind := strings.ToLower(strings.TrimSpace(stringOf(v["type"])))
		if flag == "true" || flag == "yes" || kind == "organization" || kind == "organisation" {
			out = append(out, names(v["name"])...)
		}
	}
	return out
}

// tagsOf reads tags as a list or a string, lower-cased. A string is one
// tag when whole says so of it (asked only of a string): for a plural key
// in a Hugo site (inHugo), as Hugo reads a taxonomy's string (`tags:
// "Middle East"` is the term "Middle East", not two); for Jekyll's
// singular tag and category, singularTag. Else it is split on commas, or
// on whitespace when it has none (Jekyll's convention for tags). Each tag
// is read with its references decoded (fieldLine) after the string is
// split: "a&#44; b" is one tag, "a, b".
func tagsOf(v any, whole func(string) bool) []string {
	var raw []string
	switch v := v.(type) {
	case nil:
	case []any:
		for _, e := range v {
			raw = append(raw, stringOf(e))
		}
	case string:
		if whole(v) {
			raw = []string{v}
		} else if strings.Contains(v, ",") {
			raw = strings.Split(v, ",")
		} else {
			raw = strings.Fields(v)
		}
	default:
		raw = []string{stringOf(v)}
	}
	out := raw[:0]
	for _, t := range raw {
		if t = strings.ToLower(fieldLine(t)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// hugoTermItems is v, a tag key's list, without its items that are lists
// or tables, which Hugo 0.111 makes no term of (spf13/cast's ToString
// casts neither: hugo 0.111.3 as oracle, tags: [a, [b, c]] in YAML, TOML
// or JSON, and [a, {name: x}], gave the term a alone; folio read a and
// "b, c", and x); false when v is no list or has no such item.
func hugoTermItems(v any) ([]any, bool) {
	l, ok := v.([]any)
	if !ok || !slices.ContainsFunc(l, isListOrTable) {
		return nil, false
	}
	return slices.DeleteFunc(slices.Clone(l), isListOrTable), true
}

// isListOrTable reports whether a front matter's value is a list or a
// table.
func isListOrTable(v any) bool {
	switch v.(type) {
	case []any, map[string]any:
		return true
	}
	return false
}

// jekyllUnreadTags are the tag keys of m a Jekyll site (a file of
// _posts/, or one inJekyll says is in one, asked only of front matter
// with a tag or category) does not read, nil for none: a document's (a
// post, or a collection's: a file in a folder starting with _ below its
// site's root, as the scan reads no other there) tags when it gives a
// tag that is not null
// or false (Jekyll's pluralized_array_from_hash: the singular key wins),
// and a page's tag and category, which Jekyll reads of documents alone.
// Jekyll 4.3 as oracle: a post's tag: alpha beside tags: [beta, gamma]
// was the tag alpha alone (folio merged the three, a helper's report),
// tag: [] or "" beside tags none, tag: false or null the tags alone; a
// category beside categories was merged; a page's tag and category were
// none of its tags or categories. Whether a file is a page is told by
// its folders below its site's root (roots' jekyllSiteDir; the
// archive's when roots is nil): Jekyll 4.3.1 as oracle, of a site in
// an archive's _blog/ folder, _blog/about.md's tag: alpha beside tags:
// [beta] was the tag beta, a page's (folio read alpha, taking _blog/ for
// a collection's folder).
func jekyllUnreadTags(m matter, p string, inJekyll func() bool, roots *SiteRoots) map[string]bool {
	tag, hasTag := m["tag"]
	if _, hasCategory := m["category"]; !hasTag && !hasCategory || !inPosts(p) && (inJekyll == nil || !inJekyll()) {
		return nil
	}
	if jekyllPage(p, roots) {
		return map[string]bool{"tag": true, "category": true} // a page
	}
	switch {
	case !hasTag:
		return nil
	case tag.value == nil || tag.value == false || tag.rubyFalse:
		// (tag: no and tag: off too, as Ruby reads them: Jekyll 4.3.1
		// gave such a post the tags [beta] of its tags: [beta])
		return map[string]bool{"tag": true}
	}
	return map[string]bool{"tags": true}
}

// underscored reports whether a folder on the path dir starts with _.
func underscored(dir string) bool { return strings.HasPrefix(dir, "_") || strings.Contains(dir, "/_") }

// siteTitle is f's value, a title's, as a Jekyll site (a file of
// _posts/, or one inJekyll says is in one) or a Hugo site (inHugo, not a
// Jekyll one) reads it, the sites asked only of such a value: a plain
// yes, on, no, off… a boolean, as Ruby's YAML 1.1 reads it (rubyFlag;
// y and n are strings to it) and Hugo's yaml.v2 (yaml11Flag), shown as
// "true" or "false", and a Jekyll post's false its title from its name.
// Jekyll 4.3.1 as oracle: a page's title: yes showed true, title: NO
// false, title: 'yes' and title: y as written, a post's title: On true,
// title: no "Post No" of 2021-01-03-post-no.md; hugo 0.111.3: title: y
// true, N and off false, 'yes' as written. folio showed each as written.
func siteTitle(f field, p string, inJekyll, inHugo func() bool) any {
	if _, isBool := f.value.(bool); isBool || !f.rubyBool && !f.hugoSet {
		return f.value
	}
	jekyll := inPosts(p) || inJekyll != nil && inJekyll()
	switch {
	case jekyll && f.rubyBool:
		return !f.rubyFalse
	case !jekyll && f.hugoSet && inHugo != nil && inHugo():
		return f.hugo
	}
	return f.value
}

// jekyllBoolTag reports whether f, a tag key's value, is one a Jekyll
// site (a file of _posts/, or one inJekyll says is in one, asked only of
// such a value) reads as a boolean, no tag: a plain YAML yes, no, on, off,
// true or false, as Ruby reads it (rubyFlag). Jekyll 4.3.1 as oracle: a
// post's tags: no and tags: yes were no tags, its category: off beside
// categories: [x] the category x alone, a page's tags: no its page.tags
// false (folio read each as the tag "no", "yes" or "off").
func jekyllBoolTag(f field, p string, inJekyll func() bool) bool {
	return f.rubyBool && (inPosts(p) || inJekyll != nil && inJekyll())
}

// jekyllTagValue is f's value, a tag key's, as a Jekyll site (a file of
// _posts/, or one inJekyll says is in one, asked only of a list with
// such an item) reads it: a list's plain yes, no, on, off, true or false
// a boolean (rubyList), which Jekyll shows as the tag true or false.
// Jekyll 4.3.1 as oracle: a post's tags: [no, beta, yes, ~] was page.tags
// [false, "beta", true], a layout's {% for t in page.tags %} printing
// false, beta, true (folio read the tags no, beta, yes), and tag: [no]
// [false].
//
// So too (the site asked only of such a value, k the key): a number for
// a plural key (tags, categories) is no tag, a document's (a post's, a
// collection's) list is flattened, and a page's string is one tag, as
// Jekyll reads them. Jekyll 4.3.1 as oracle: a post's tags: 5 and tags:
// 1.5 were page.tags [] (pluralized_array_from_hash takes a plural key's
// string or list alone), tags: [1, true, no, null, "no"] [1, true, false,
// "no"], tags: [[a, b], c] ["a", "b", "c"]; a page's tags: "a b" and
// tags: "a, b" page.tags "a b" and "a, b", one string its layout's {%
// for %} prints whole, and its tags: 5 printed nothing. folio read the
// tags 5, 1.5, "a, b" and c, and split the pages' strings. A document's
// string with commas splits on whitespace alone, as Ruby's String#split
// (value_from_plural_key, merge_categories!), its commas kept: Jekyll
// 4.3.1 as oracle, a post's tags: foo, bar was page.tags ["foo,", "bar"],
// categories: war, peace ["war,", "peace"], categories: "foo,bar baz"
// ["foo,bar", "baz"] (folio split on the commas: foo, bar; war, peace;
// foo, bar baz); the site's tag pages are "foo," and "bar". A singular
// key's number is read as Ruby reads it (rubyNumber) and written as Ruby
// writes it (rubyString): Jekyll 4.3.1 as oracle, tag: 1000.0, 1.5E+5,
// 1:20.5, -0.0 and .inf were page.tags [1000.0], [150000.0], [4830.0],
// [-0.0], [Infinity] (folio: 1000, 150000, 4830, -0, +inf).
func jekyllTagValue(f field, k, p string, inJekyll func() bool, roots *SiteRoots) any {
	inSite := func() bool { return inPosts(p) || inJekyll != nil && inJekyll() }
	v := f.value
	ruby := f.rubySet && inSite()
	if ruby {
		v = f.ruby // a number as Ruby reads it: 1:20 4800, 0o17 a string
	}
	switch x := v.(type) {
	case int, int64, uint64, float64, rubyBignum:
		if (k == "tags" || k == "categories") && inSite() {
			return nil
		}
		if ruby {
			return rubyString(x) // as Ruby writes it: tag: 1000.0 1000.0
		}
	case string:
		t := strings.TrimSpace(x)
		if t != "" && strings.ContainsAny(t, ", \t") && (k == "tags" || k == "categories") && inSite() {
			if jekyllPage(p, roots) {
				return []any{x}
			}
			if strings.Contains(t, ",") {
				// a document's string splits on whitespace alone, its
				// commas kept (Ruby's String#split)
				var l []any
				for _, w := range strings.FieldsFunc(x, rubySpace) {
					l = append(l, w)
				}
				return l
			}
		}
	case []any:
		if f.rubyList != nil && inSite() {
			v = f.rubyList
		}
		if slices.ContainsFunc(x, func(e any) bool { _, ok := e.([]any); return ok }) && inSite() && !jekyllPage(p, roots) {
			return flatten(v.([]any))
		}
	}
	return v
}

// rubySpace reports whether r is whitespace to Ruby's String#split
// without an argument: ASCII's space, tab, newline, vertical tab, form
// feed, carriage return and NUL.
func rubySpace(r rune) bool { return r == ' ' || r >= '\t' && r <= '\r' || r == 0 }

// flatten is l with each list in it replaced by its items, at any depth,
// as Ruby's Array#flatten.
func flatten(l []any) []any {
	var out []any
	for _, e := range l {
		if sub, ok := e.([]any); ok {
			out = append(out, flatten(sub)...)
		} else {
			out = append(out, e)
		}
	}
	return out
}

// jekyllPage reports whether p, a file of a Jekyll site, is a page, not
// a document (a post, or a collection's: a file in a folder starting
// with _ below its site's root, as the scan reads no other there);
// the folders are counted from its site's root (roots' jekyllSiteDir;
// the archive's when roots is nil).
func jekyllPage(p string, roots *SiteRoots) bool {
	return !underscored(path.Dir(p)) || !inPosts(p) && !underscored(roots.jekyllSiteDir(p))
}

// singularTag reports whether s, the string of a singular tag or
// category key, is one tag: Jekyll reads a singular key's string whole
// (pluralized_array_from_hash: `tag: Middle East` is the tag "Middle
// East"; only a plural key's string splits on whitespace), so it is
// never split on whitespace; a string with commas is one in a Jekyll
// site (inJekyll, or in _posts/ when not asked) or a Hugo site (inHugo),
// and elsewhere, in a plain folder, a list split on its commas (`tag:
// economy, trade`), as a tags string is. The sites are asked only of a
// string with a comma.
func singularTag(s, path string, inJekyll, inHugo func() bool) bool {
	if !strings.Contains(s, ",") {
		return true
	}
	return inPosts(path) || inJekyll != nil && inJekyll() || inHugo != nil && inHugo()
}

// firstContentLine is the number of the first line that is not blank. It
// walks the lines in place: splitting a 10 MB file of short lines made
// 115 MB of slices.
func firstContentLine(data []byte) int {
	line := 1
	for l := range bytes.Lines(data) {
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		line++
	}
	return 1
}

// firstBinaryLine finds a NUL or another control byte that no text file holds.
func firstBinaryLine(data []byte) (int, bool) {
	line := 1
	for _, c := range data {
		switch {
		case c == '\n':
			line++
		case c == 0:
			return line, true
		}
	}
	return 0, false
}

// firstControlLine is the line of data's first character that YAML
// refuses (C0 but tab, newline and carriage return; DEL; C1 but NEL;
// U+FFFE and U+FFFF), or 0.
func firstControlLine(data []byte) int {
	line := 1
	for _, r := range string(data) {
		switch {
		case r == '\n':
			line++
		case r < 0x20 && r != '\t' && r != '\r', r >= 0x7f && r <= 0x9f && r != 0x85, r == 0xfffe, r == 0xffff:
			return line // (NEL, U+0085, YAML takes)
		}
	}
	return 0
}

func firstInvalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

func cleanDecodeError(err error) string {
	s := err.Error()
	s = strings.ReplaceAll(s, "yaml: ", "")
	s = yamlErrLine().ReplaceAllString(s, "")
	s = strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), ":")), "toml: ")
	return truncate(s, 200)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
