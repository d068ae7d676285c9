package archive

import (
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// A piece's language (Article.Language) is a BCP 47 tag, as the files
// give it: its front matter's language or lang (Jekyll's and Hugo's
// themes write lang:, folio add writes language:), else its site's
// reading of its name and folder: a Hugo translation's file name
// (x.de.md, index.fr.md) when the language is one the site's config
// has (Hugo reads the name so then, and a page of a multilingual site
// without one is its default language's), or a language's own
// contentDir, else the site's: a Hugo site's languageCode, or the
// defaultContentLanguage it names (hugoLanguages.site). A Zola site's
// page takes its language so from its config's default_language and
// languages, as Zola reads them (zolaLanguagesOf): a translation's name
// only of a language the config lists (elections.uk.md, trip.to.md are
// no Ukrainian and Tongan pieces; a review). Cite gives it to reference managers and biblatex, which
// case a title in English alone (biblatex-apa wrote "Die Welt und das
// Ende" as "Die welt und das ende": the piece had no language).

// languageKeys give a piece's language.
var languageKeys = []string{"language", "lang"}

// LanguageTag is the BCP 47 tag s names, its case as the standard writes
// it (en-GB, de, zh-Hans, pt-BR; "en_us" is en-US), or the tag of a
// language's English name (German: de; languageNames); false for
// anything else: a malformed tag, an unknown language ("xx"), und, or a
// private one (x-…). It is canonical, so that one language is one tag
// however it is written: an ISO 639-2 code is its two-letter one (deu,
// and the bibliographic ger a library catalogue or a Zotero export
// writes: de; languageAliases), a deprecated tag its preferred value in
// the IANA registry (iw: he, in: id, mo: ro; RFC 5646 §4.5) and a
// suppressed script left out (en-Latn-GB: en-GB). Other legacy readings (tl as fil, sh as sr-Latn)
// are not made: the files' tag stays.
func LanguageTag(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	if t, ok := languageNames[strings.ToLower(s)]; ok {
		return t, true
	}
	first := s
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		first = s[:i]
	}
	if t, ok := languageAliases[strings.ToLower(first)]; ok {
		s = t + s[len(first):]
	}
	tag, err := language.BCP47.Parse(s)
	if err != nil {
		return "", false
	}
	if b, conf := tag.Base(); conf != language.Exact || b.String() == "und" {
		return "", false
	}
	return tag.String(), true
}

// LanguageRange is the language range a filter value v names
// (Filter.Languages, folio's --language, language:), in lower case: a
// BCP 47 tag in any case ("en", "EN-gb": en-gb) or a language's English
// name ("German": de), as LanguageTag reads them; false for anything else
// (NoLanguage included: it is no range).
func LanguageRange(v string) (string, bool) {
	t, ok := LanguageTag(v) // (it reads en_GB as en-GB)
	if !ok {
		return "", false
	}
	return strings.ToLower(t), true
}

// CheckLanguages refuses a filter value of vs (Filter.Languages) that
// names no language (LanguageRange), naming it; NoLanguage is one.
func CheckLanguages(vs []string) error {
	for _, v := range vs {
		if _, ok := LanguageRange(v); !ok && v != NoLanguage {
			return fmt.Errorf("%s is no language (a BCP 47 tag or range: en, en-GB, de, pt-BR; a language's English name: German; or %q)", strconv.Quote(truncate(v, 60)), NoLanguage)
		}
	}
	return nil
}

// LanguageMatches reports whether the language range r (LanguageRange)
// picks the tag t (Article.Language), by RFC 4647's basic filtering:
// when t is r, or r is a prefix of t ending at a subtag boundary,
// ignoring case ("en" picks en, en-GB and en-US; "en-GB" en-GB alone; "e"
// nothing). No range picks a piece without a language.
func LanguageMatches(t, r string) bool {
	if t == "" || r == "" {
		return false
	}
	t, r = strings.ToLower(t), strings.ToLower(r)
	return t == r || strings.HasPrefix(t, r) && t[len(r)] == '-'
}

// LanguageValues are the values a piece of language t is counted and
// picked under (the facets' and folio stats' rows of languages, the
// index's terms): t and each of its prefixes at a subtag boundary, as
// written (en-GB: en-GB, en; zh-Hant-TW: zh-Hant-TW, zh-Hant, zh), so
// that a row's count is what a filter of its value picks
// (LanguageMatches); NoLanguage for "".
func LanguageValues(t string) []string {
	if t == "" {
		return []string{NoLanguage}
	}
	out := []string{t}
	for i := len(t) - 1; i > 0; i-- {
		if t[i] == '-' {
			out = append(out, t[:i])
		}
	}
	return out
}

// baseOf is a tag's language, without its region or script (pt-BR: pt).
func baseOf(t string) string {
	b, _, _ := strings.Cut(t, "-")
	return b
}

// languageAliases are the languages golang.org/x/text does not read as
// the registry does, with the tag they stand for: ISO 639-2's
// bibliographic codes that differ from its terminology ones (ger beside
// deu: x/text reads deu as de but ger as a language of its own), and mo,
// whose preferred value is ro (x/text gives CLDR's ro-MD: a review).
var languageAliases = map[string]string{
	"alb": "sq", "arm": "hy", "baq": "eu", "bur": "my", "chi": "zh",
	"cze": "cs", "dut": "nl", "fre": "fr", "geo": "ka", "ger": "de",
	"gre": "el", "ice": "is", "mac": "mk", "mao": "mi", "may": "ms",
	"per": "fa", "rum": "ro", "slo": "sk", "tib": "bo", "wel": "cy",
	"mo": "ro",
}

// languageNames are the English names of the common languages, in lower
// case, as some front matter writes them (language: German), with their
// tags.
var languageNames = map[string]string{
	"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
	"portuguese": "pt", "dutch": "nl", "swedish": "sv", "danish": "da", "norwegian": "no",
	"finnish": "fi", "icelandic": "is", "polish": "pl", "czech": "cs", "slovak": "sk",
	"slovenian": "sl", "croatian": "hr", "serbian": "sr", "bulgarian": "bg", "russian": "ru",
	"ukrainian": "uk", "greek": "el", "turkish": "tr", "hungarian": "hu", "romanian": "ro",
	"catalan": "ca", "galician": "gl", "basque": "eu", "estonian": "et", "latvian": "lv",
	"lithuanian": "lt", "irish": "ga", "welsh": "cy", "hebrew": "he", "arabic": "ar",
	"persian": "fa", "hindi": "hi", "indonesian": "id", "malay": "ms", "vietnamese": "vi",
	"thai": "th", "chinese": "zh", "japanese": "ja", "korean": "ko", "latin": "la",
	"afrikaans": "af",
}

// LanguageName is the tag t (Article.Language) as a reader reads it: the
// English name of its language when folio knows it (languageTitles),
// with the tag after it when the tag says more than the language (de:
// German; en-GB: English (en-GB)), else t itself (sw-KE, gsw); "" for
// "".
func LanguageName(t string) string {
	name, ok := languageTitles()[baseOf(t)]
	switch {
	case !ok:
		return t
	case t == baseOf(t):
		return name
	}
	return name + " (" + t + ")"
}

// languageTitles are the names of languageNames' languages by their tags,
// as a title writes them (de: German), and Norwegian's two written
// standards (nb, nn: a Norwegian Hugo site's tags): the common languages,
// the ones a lang: key may name. Made at first use.
var languageTitles = sync.OnceValue(func() map[string]string {
	m := map[string]string{"nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk"}
	for n, t := range languageNames {
		m[t] = strings.ToUpper(n[:1]) + n[1:]
	}
	return m
})

// frontLanguage is the language the front matter m gives (languageKeys),
// "" for none, with a problem (for the file at p, its field's line by
// at) for a value that is no language (LanguageTag): ignored.
func (m matter) frontLanguage(p string, at func(field) int) (string, []Problem) {
	f, k := m.first(languageKeys)
	if k == "" {
		return "", nil
	}
	s, isString := f.value.(string)
	if !isString {
		s = stringOf(f.value)
	}
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	t, ok := LanguageTag(s)
	if k == "lang" {
		// a site's themes write lang: of a code block's or a page's
		// programming language too ("go", "js", "bash"; "ts" and "sh"
		// are tags, of Tsonga and Serbo-Croatian): one of the common
		// languages, or nothing said (a review: folio check failed on
		// ten such files)
		if _, common := languageTitles()[baseOf(t)]; !ok || !isString || !common {
			return "", nil
		}
		return t, nil
	}
	if ok && isString {
		return t, nil
	}
	return "", []Problem{{Path: p, Line: at(f), Msg: fmt.Sprintf("%s: %s is no language (a BCP 47 tag: en, en-GB, de, pt-BR; or a language's English name: German); ignored", k, strconv.Quote(truncate(s, 60)))}}
}

// nameLanguage is the code a file's name gives after its name and before
// its extension (x.de.md, index.fr.md: de, fr), lower-cased; "" for none.
func nameLanguage(p string) string {
	stem := strings.TrimSuffix(pathBase(p), path.Ext(p))
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return ""
	}
	return strings.ToLower(stem[i+1:])
}

// hugoLanguages is what a Hugo site's config says of its languages, as
// Hugo 0.111 reads them (hugoLanguagesOf).
type hugoLanguages struct {
	// tags are its languages' tags by their keys in lower case: a
	// language's languageCode when it is a tag (LanguageTag), else its
	// key when that is one, else "" (a page of it has none); its
	// disabled languages left out (a site's one language without a
	// languageCode of its own has the site's, as Hugo 0.112.4 on reads
	// it). A site without languages has its defaultContentLanguage alone
	// (en when it names none), its tag the site's languageCode when that
	// is one.
	tags map[string]string
	// def is its defaultContentLanguage, in lower case (en when it names
	// none): the language of a page of a multilingual site whose name
	// and folder name none.
	def string
	// multi: its config has languages.
	multi bool
	// site is the language of a page of a site without languages whose
	// name and folder name none: its languageCode when it is a tag
	// (Hugo's .Language.LanguageCode of the page, which the site's html
	// lang and RSS language say), else its defaultContentLanguage's tag
	// when the config names one (.Language.Lang); "" when it names
	// neither (Hugo's default en is no word of the site's: folio does
	// not guess it).
	site string
	// dirs are its languages' content folders from the site's root
	// (hugoContentDirIn): each one's own contentDir, else the site's
	// (hugoSiteContentDir), with the key of the first language that reads
	// it (hugoLanguageOrder).
	dirs map[string]string
}

// hugoLanguagesOf is hugoLanguages of the Hugo site whose root is root,
// its config's files read by read.
func hugoLanguagesOf(read configReader, root string) hugoLanguages {
	l := hugoLanguages{tags: map[string]string{}, def: "en"}
	named := false // the config names its defaultContentLanguage
	if v, _ := hugoSiteConfig.value(read, root, "defaultcontentlanguage"); v != nil {
		if s, ok := v.(string); ok && strings.TrimSpace(s) != "" {
			l.def, named = strings.ToLower(strings.TrimSpace(s)), true
		}
	}
	// the site's own languageCode: a site's without languages, or its one
	// language's without its own (Hugo 0.112.4 on; with two languages or
	// more it is not read)
	siteCode, _ := hugoSiteConfig.value(read, root, "languagecode")
	v, _ := hugoSiteConfig.value(read, root, "languages")
	langs, _ := v.(map[string]any)
	if len(langs) == 0 {
		t, ok := "", false
		if s, isString := siteCode.(string); isString {
			t, ok = LanguageTag(s)
		}
		if !ok {
			t, ok = LanguageTag(l.def)
			ok = ok && named
		}
		l.tags[l.def] = t
		if ok {
			l.site = t
		}
		return l
	}
	l.multi, l.dirs = true, map[string]string{}
	disabled := hugoDisabledLanguages(read, root)
	siteDir, siteDirOK := hugoSiteContentDir(read, root)
	for _, name := range hugoLanguageOrder(langs, l.def) { // a folder two languages share: the first's
		key := strings.ToLower(name)
		lm, _ := langs[name].(map[string]any)
		if off, _ := hugoKey(lm, "disabled"); disabled[key] || isTrue(off) {
			continue
		}
		code, has := hugoKey(lm, "languagecode")
		if !has && len(langs) == 1 {
			code = siteCode
		}
		t, ok := "", false
		if s, isString := code.(string); isString {
			t, ok = LanguageTag(s)
		}
		if !ok {
			t, _ = LanguageTag(key)
		}
		l.tags[key] = t
		dir, ok := siteDir, siteDirOK // without its own, the site's
		if d, has := hugoKey(lm, "contentdir"); has {
			var s string
			if s, ok = hugoContentDirName(d); ok && s != "" {
				dir, ok = hugoContentDirIn(s)
			} else {
				ok = false
			}
		}
		if _, taken := l.dirs[dir]; ok && !taken {
			l.dirs[dir] = key
		}
	}
	return l
}

// hugoLanguageOrder are the names of langs (a config's languages) in the
// order in which Hugo 0.111 gives a content folder two of them share to
// the first: the default language (def, in lower case), then by weight,
// the lightest first and those without one (0) last, then by key.
// hugo 0.111.3 as oracle (an attack's report: folio gave it to the first
// by key): en and de reading content/, en the default, x.md was en's, de
// the default de's, though en weighed less; with en's own contentDir,
// fr's of weight 2 and de's of 3 fr's, of 3 and 2 de's, of 1 and none
// fr's, of none and 5 de's, of none each, or 1 each, de's; a language
// without a contentDir reads the site's: en's of weight 2 and none beside
// de's content of weight 1 en's, the default; fr's of weight 1 and none
// beside de's content of weight 2 fr's. (A defaultContentLanguage that is
// none of them Hugo builds nothing of: folio orders them by weight.)
func hugoLanguageOrder(langs map[string]any, def string) []string {
	weight := func(name string) int {
		lm, _ := langs[name].(map[string]any)
		v, _ := hugoKey(lm, "weight")
		switch v := v.(type) {
		case int:
			return v
		case int64:
			return int(v)
		case uint64:
			return int(min(v, math.MaxInt32))
		case float64:
			return int(max(min(v, math.MaxInt32), math.MinInt32))
		}
		return 0
	}
	names := slices.Sorted(maps.Keys(langs))
	slices.SortStableFunc(names, func(a, b string) int {
		ka, kb := strings.ToLower(a), strings.ToLower(b)
		if (ka == def) != (kb == def) {
			if ka == def {
				return -1
			}
			return 1
		}
		wa, wb := weight(a), weight(b)
		switch {
		case wa == wb:
			return strings.Compare(ka, kb)
		case wb == 0 || wa != 0 && wa < wb:
			return -1
		}
		return 1
	})
	return names
}

// String is l as text for a config's sum (hugoConfigSum, through
// hugoBuild's).
func (l hugoLanguages) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "langs %q %v %q", l.def, l.multi, l.site)
	for _, k := range slices.Sorted(maps.Keys(l.tags)) {
		fmt.Fprintf(&b, " %q=%q", k, l.tags[k])
	}
	for _, d := range slices.Sorted(maps.Keys(l.dirs)) {
		fmt.Fprintf(&b, " %q:%q", d, l.dirs[d])
	}
	return b.String()
}

// pageLanguage is the tag of the language of the page at rel (a path
// from the site's root) as Hugo reads it: its name's language when the
// site has it (x.de.md), else that of the language whose contentDir
// holds it (the nearest), else, in a multilingual site, the default
// language's, and in one without languages the site's (l.site); "" for
// none.
func (l hugoLanguages) pageLanguage(rel string) string {
	if key, named := l.pageLanguageKey(rel); named || l.multi {
		return l.tags[key]
	}
	return l.site
}

// pageLanguageKey is the key of the language of the page at rel (a path
// from the site's root), in lower case, as Hugo reads it: its name's
// language when the site has it (x.de.md), else that of the language
// whose contentDir holds it (the nearest), else the default language
// (def); named when its name or folder gave it.
func (l hugoLanguages) pageLanguageKey(rel string) (key string, named bool) {
	if code := nameLanguage(rel); code != "" {
		if _, ok := l.tags[code]; ok {
			return code, true
		}
	}
	// the nearest folder: content/fr inside content (a review: map order
	// gave content/fr/x.md en or fr from one run to the next)
	best := ""
	for d := range l.dirs {
		if strings.HasPrefix(rel, d+"/") && len(d) > len(best) {
			best = d
		}
	}
	if best != "" {
		return l.dirs[best], true
	}
	return l.def, false
}

// hugoLanguage is the language of the page at p of the Hugo site it is
// in (hugoSiteOf) as its config says (hugoLanguages.pageLanguage); "" for
// none, and for a SiteRoots without the archive's files.
func (s *SiteRoots) hugoLanguage(p string) string {
	rel, ok := s.hugoSiteRel(p)
	if !ok {
		return ""
	}
	return s.hugoBuildFor(p).langs.pageLanguage(rel)
}

// hugoSiteRel is the path of the file at p from the root of the Hugo
// site it is in (hugoSiteOf); false for none, and for a SiteRoots without
// the archive's files.
func (s *SiteRoots) hugoSiteRel(p string) (string, bool) {
	if s == nil || s.fsys == nil {
		return "", false
	}
	root, ok := s.hugoSiteOf(path.Dir(p))
	if !ok {
		return "", false
	}
	if root == "." {
		return p, true
	}
	return strings.TrimPrefix(p, root+"/"), true
}

// hugoLanguageKey is the key of the language of the page at p of the
// Hugo site it is in (hugoLanguages.pageLanguageKey), whose section
// pages it takes (cascade.go); "" for none, and for a SiteRoots without
// the archive's files.
func (s *SiteRoots) hugoLanguageKey(p string) string {
	rel, ok := s.hugoSiteRel(p)
	if !ok {
		return ""
	}
	key, _ := s.hugoBuildFor(p).langs.pageLanguageKey(rel)
	return key
}

// RepeatedLanguageRows are the rows of a language facet (values as
// LanguageValues gives them, with their counts) that hold the same
// pieces as a longer tag's row beneath them: a prefix counted as many
// times as one of its longer tags (en beside en-GB when every English
// piece is en-GB, fr beside fr-FR in a Hugo site whose French
// languageCode is fr-fr). A row holds the pieces of every longer row
// beneath it, so an equal count is the same pieces, and the row would
// only say them twice; the facets and folio stats leave it out. A prefix
// over two longer tags, or over pieces of its own, counts more than each
// and is kept (en over en-GB and en-US). A row chosen stays, one of the
// filter values chosen (Filter.Languages) naming it: its value in any
// case, or a value whose LanguageRange it is ("English" names en).
func RepeatedLanguageRows(counts map[string]int, chosen []string) map[string]bool {
	var out map[string]bool
	var ranges []string // of chosen, read once
	for _, c := range chosen {
		if r, ok := LanguageRange(c); ok {
			ranges = append(ranges, r)
		}
	}
	for v, n := range counts {
		lv := strings.ToLower(v)
		if slices.Contains(ranges, lv) || slices.ContainsFunc(chosen, func(c string) bool { return strings.EqualFold(c, v) }) {
			continue
		}
		for w, m := range counts {
			if m == n && len(w) > len(lv)+1 && strings.HasPrefix(strings.ToLower(w), lv+"-") {
				if out == nil {
					out = map[string]bool{}
				}
				out[v] = true
				break
			}
		}
	}
	return out
}
