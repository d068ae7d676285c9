package archive

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A Zola site's root holds its zola.toml or config.toml beside its
// content/ folder,
// as an older Hugo site's root does (hugoOldConfigs), and folio scans it
// as one: its pages under content/ alone, a section page's draft hiding
// the section's pages (Zola's site loader skips the folder of a draft
// section: getzola/zola components/site/src/lib.rs, Site::load, "if the
// section is drafted we can skip the entire dir"), every language's
// pages whichever language's section page it is: zolaDraftSection; its
// section pages those Zola reads: zolaSection). Its config is its
// zola.toml, or a config.toml told from Hugo's by its keys (zolaConfigOf),
// and read for what Hugo's
// would be misread for: the languages a page's name gives
// (zolaLanguagesOf), a page's date in its name, which Hugo does not
// read (zolaSite), the site's own URL, its base_url (SiteURLs), and
// the files that are its pages: a .md file alone (ZolaExtMsg), none its
// ignored_content matches (zolaIgnorePatterns, ZolaIgnoredMsg), none
// whose front matter says render = false (zolaUnrendered).

// zolaConfigOf is the config of the Zola site whose root is root (a Hugo
// root by hugoRoot: a zola.toml or config.toml beside content/), its files
// read by read: the top-level keys of its zola.toml, or when it has none
// of its config.toml (Zola's own order: it looks for zola.toml, then for
// config.toml, getzola/zola src/main.rs get_config_file_path; `zola init`
// writes zola.toml since 2026, and a site with zola.toml alone was read
// as no site's, its drafts and ignored_content pieces, its section pages
// pieces). A zola.toml is Zola's by its name (one without base_url, which
// Zola requires, or one that cannot be decoded, is read as empty, and
// SiteConfigProblems says so), unless a config.toml beside it is Hugo's
// (hugoOwnConfig); a config.toml is Zola's when it has a base_url, the one
// key a Zola config requires (getzola/zola
// components/config/src/config/mod.rs, Config::parse: "A base URL is
// required in config.toml with key `base_url`"), which Hugo does not
// read, and is not Hugo's. Either way the root has no config Hugo reads
// before config.toml (a hugo.toml, .yaml, .yml, .json, or config/_default/
// or config/production/: hugoConfigFiles), which makes it Hugo's; false
// for any other.
func zolaConfigOf(read configReader, root string) (map[string]any, bool) {
	m, _, ok := zolaConfigFileOf(read, root)
	return m, ok
}

// zolaConfigFileOf is zolaConfigOf, and the name of the file read
// ("zola.toml" or "config.toml").
func zolaConfigFileOf(read configReader, root string) (map[string]any, string, bool) {
	for _, name := range hugoConfigFiles {
		if name == "config.toml" {
			continue
		}
		if _, there := read(path.Join(root, name)); there {
			return nil, "", false
		}
	}
	cm, cthere := read(path.Join(root, "config.toml"))
	hugos := cthere && hugoOwnConfig(cm)
	if m, there := read(path.Join(root, "zola.toml")); there && !hugos {
		return m, "zola.toml", true
	}
	if !cthere || hugos {
		return nil, "", false
	}
	if _, ok := cm["base_url"]; !ok {
		return nil, "", false
	}
	return cm, "config.toml", true
}

// hugoOwnConfig: m, a config.toml's top-level keys, is Hugo's: it has a
// baseURL (in any case, as Hugo reads keys), which Zola's config, its
// unknown fields denied, cannot hold, or one of hugoOnlyKeys (a Hugo
// config with a stray base_url: Zola's would not hold the key; a review,
// 41rb: its .markdown pages lost, its pages dated by their names, which
// hugo does not; and a Hugo site's config.toml beside a zola.toml made it
// Zola's, its ignoreFiles not read: a review, 48r).
func hugoOwnConfig(m map[string]any) bool {
	if _, ok := hugoKey(m, "baseurl"); ok {
		return true
	}
	for k := range m {
		if hugoOnlyKeys[strings.ToLower(k)] {
			return true
		}
	}
	return false
}

// hugoOnlyKeys are top-level keys of a Hugo config (lower-cased: Hugo's
// keys are read in any case) that Zola's config, whose unknown fields are
// denied, does not have: one of them makes a config.toml Hugo's.
var hugoOnlyKeys = map[string]bool{
	"languagecode": true, "defaultcontentlanguage": true, "defaultcontentlanguageinsubdir": true,
	"params": true, "menu": true, "menus": true, "permalinks": true, "contentdir": true,
	"paginate": true, "pagination": true, "paginatepath": true, "outputs": true, "outputformats": true,
	"mediatypes": true, "markup": true, "module": true, "disablekinds": true, "enablerobotstxt": true,
	"summarylength": true, "frontmatter": true, "cascade": true, "related": true, "security": true,
	"imaging": true, "services": true, "privacy": true, "enableemoji": true, "enablegitinfo": true,
	"builddrafts": true, "buildfuture": true, "buildexpired": true, "canonifyurls": true,
	"relativeurls": true, "publishdir": true, "staticdir": true, "layoutdir": true,
	"hascjklanguage": true, "googleanalytics": true, "disqusshortname": true, "copyright": true,
	"pluralizelisttitles": true, "removepathaccents": true, "sectionpagesmenu": true,
	"timezone": true, "titlecasestyle": true, "uglyurls": true,
}

// zolaLanguagesOf is what the Zola config m says of its languages, as
// hugoLanguages (which a page's name gives: pageLanguage), as Zola reads
// them (getzola/zola components/config/src/config/mod.rs:
// default_language, "en" when it names none, and languages, "the list of
// supported languages outside of the default one";
// components/content/src/file_info.rs, FileInfo::find_language): a
// page's name gives its language (x.fr.md, index.fr.md) when the config
// lists that language (elections.uk.md of a site without uk is no
// Ukrainian piece: Zola refuses to build it, "has a language code of uk
// which isn't present in the config.toml"), and a page of a site without
// other languages is in its default language whatever its name. A page
// whose name gives none is in the default language: its tag when the
// config names it, or when the site has other languages, Zola's en; a
// site that names no language and has no other says none (Zola's default
// en is no word of the site's, as for Hugo's: hugoLanguages.site).
func zolaLanguagesOf(m map[string]any) hugoLanguages {
	l := hugoLanguages{tags: map[string]string{}, def: "en"}
	named := false
	if s, ok := m["default_language"].(string); ok && strings.TrimSpace(s) != "" {
		l.def, named = strings.ToLower(strings.TrimSpace(s)), true
	}
	langs, _ := m["languages"].(map[string]any)
	for k := range langs {
		if key := strings.ToLower(k); key != l.def {
			l.tags[key], _ = LanguageTag(k)
			l.multi = true
		}
	}
	if t, ok := LanguageTag(l.def); ok && (named || l.multi) {
		l.tags[l.def] = t
		if named {
			l.site = t
		}
	} else {
		l.tags[l.def] = ""
	}
	return l
}

// zolaBaseURL is the base_url of the Zola config m, the site's own URL,
// under which its pages' paths are (getzola/zola
// components/config/src/config/mod.rs, Config::make_permalink).
func zolaBaseURL(m map[string]any) string {
	s, _ := m["base_url"].(string)
	return strings.TrimSpace(s)
}

// zolaSite reports whether the file at p is in a Zola site
// (zolaConfigOf), its config read once a site (hugoBuildFor); false for a
// SiteRoots without the archive's files.
func (s *SiteRoots) zolaSite(p string) bool { return s.hugoBuildFor(p).zola }

// zolaIndexDate is the date of a Zola site's bundle translation at p,
// index.fr.md, by its folder's name (nameDate), as Zola reads it: its
// language cut off its name first, when the config lists it and it is
// not the default one, then an index's date is its folder's
// (getzola/zola components/content/src/file_info.rs,
// FileInfo::find_language: self.name = parts.swap_remove(0);
// components/content/src/page.rs, Page::parse: "if page.file.name ==
// \"index\"" the parent's name for RFC3339_DATE). false for any other
// file, and outside a Zola site (folio dated 2022-02-02-x/index.md, not
// its index.fr.md).
func (s *SiteRoots) zolaIndexDate(p string) (Date, bool) {
	stem := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if !strings.HasPrefix(stem, "index.") {
		return Date{}, false
	}
	if lang := s.zolaTranslation(p); lang == "" || stem != "index."+lang {
		return Date{}, false
	}
	return nameDate(path.Join(path.Dir(p), "index.md"))
}

// zolaTranslation is the language key of a Zola site's translation at p,
// in lower case: the language its name gives (x.fr.md, index.fr.md),
// one the config lists and not its default_language, whose code Zola
// cuts off the name (getzola/zola components/content/src/file_info.rs,
// FileInfo::find_language) and puts before the page's path
// (components/content/src/page.rs, Page::parse: "if page.lang !=
// config.default_language", /fr/blog/x/); "" for any other file, and
// outside a Zola site.
func (s *SiteRoots) zolaTranslation(p string) string {
	if nameLanguage(p) == "" || !s.zolaSite(p) {
		return ""
	}
	rel, _ := s.hugoSiteRel(p)
	l := s.hugoBuildFor(p).langs
	if key, named := l.pageLanguageKey(rel); named && key != l.def {
		return key
	}
	return ""
}

// zolaSection reports whether the section page at p (IsSectionPage) of a
// Zola site is one Zola reads as its folder's section: _index.md, or
// _index.fr.md of a language its config lists besides the default one,
// as written (getzola/zola components/site/src/lib.rs, Site::load:
// allowed_index_filenames, "_index.{code}.md" for each of
// config.other_languages() and "_index.md"). Another (_index.de.md of a
// language the config lacks, _index.en.md of the default one,
// _index.markdown) is no section, nor a page (Site::load skips a name
// starting with "_index."): its draft hides nothing (folio took a draft
// _index.de.md for the default language's, and hid news/n.md).
func (s *SiteRoots) zolaSection(p string) bool {
	base := path.Base(p)
	if base == "_index.md" {
		return true
	}
	code, ok := strings.CutPrefix(base, "_index.")
	if code, ok = strings.CutSuffix(code, ".md"); !ok || code == "" {
		return false
	}
	l := s.hugoBuildFor(p).langs
	_, listed := l.tags[code]
	return listed && code != l.def
}

// zolaDraftSection reports whether a section page of the folder dir of a
// Zola site, of any of its languages (zolaSection), is a draft as Zola
// reads it (zolaDraftFlag): Zola's
// loader skips the whole folder then, every language's pages and every
// folder below it (getzola/zola components/site/src/lib.rs, Site::load:
// "if the section is drafted we can skip the entire dir",
// dir_walker.skip_current_dir(), for each of its index files), where
// folio hid the section's language's pages alone (a draft
// blog/_index.fr.md left blog/a.md and blog/sub/s.md pieces). p is a file
// of the site, which tells its languages. Each folder is asked once (it
// was asked of every page below it, each of its languages' sections
// looked up again), until KnowSections.
func (s *SiteRoots) zolaDraftSection(dir, p string) bool {
	s.mu.Lock()
	v, ok := s.zolaDrafts[dir]
	s.mu.Unlock()
	if ok {
		return v
	}
	l := s.hugoBuildFor(p).langs
	for lang := range l.tags {
		if s.sectionOf(dir, lang).zolaDraft {
			v = true
			break
		}
	}
	s.mu.Lock()
	if s.zolaDrafts == nil {
		s.zolaDrafts = map[string]bool{}
	}
	s.zolaDrafts[dir] = v
	s.mu.Unlock()
	return v
}

// zolaDraftFlag reports whether the front matter of a Zola site's section
// page or page, m (keyed in lower case) and lower (decodeYAML's, of the
// YAML keys written in lower case alone; nil when all are), says draft =
// true, a boolean, at its top: the key as serde names
// SectionFrontMatter's and PageFrontMatter's field (getzola/zola
// components/content/src/front_matter/section.rs, page.rs: "pub draft:
// bool"), in lower case alone. Zola has no published, and refuses a
// section page holding it, or Draft, or DRAFT (deny_unknown_fields:
// zolaDeniedKeys), whose message says folio reads the section as without
// it; a page's it ignores (PageFrontMatter denies no key), publishing
// the page. folio read them as Hugo does, published = false or DRAFT =
// true a draft, hiding the section's pages or the page (a review). A
// string "true", which Zola refuses, is none.
func zolaDraftFlag(m, lower matter) bool {
	if lower != nil {
		m = lower // draft: true beside a Draft: false is Zola's
	}
	f := m["draft"]
	v, ok := f.value.(bool)
	return ok && v && !f.cased && !f.nested
}

// ZolaUnrenderedMsg is the message of the Quiet problem of a Zola site's
// page whose front matter says render = false (zolaUnrendered).
const ZolaUnrenderedMsg = "not rendered (render = false: the site publishes no page of it)"

// zolaUnrendered reports whether the front matter of a Zola site's page,
// m (keyed in lower case) and lower (decodeYAML's, of the YAML keys
// written in lower case alone; nil when all are), says render = false, a
// boolean, at its top: Zola 0.19 on writes no page of it, nor a sitemap
// entry (getzola/zola components/site/src/queue.rs, add_section_jobs: "if
// page.meta.render"; sitemap.rs, find_entries: "if !p.meta.render {
// continue; }"; components/content/src/front_matter/page.rs: "Prevent
// generation of a folder for current page"), though its section's
// templates may still list it and its text be taken into another page
// (get_page). As for Hugo's _build render never (unrendered), folio reads
// the pages the site publishes, each at its own address: such a page is
// no piece (folio listed it). Zola reads the key render alone, as serde
// names PageFrontMatter's field: Render = false or RENDER = false is a key
// it ignores, and render = false under [extra] (free-form, the templates'
// own; topOnly) none of its own, so those pages are rendered (folio left
// them out, reading the key in any case and [extra]'s as top-level). A
// string "false", which Zola refuses, or true, renders.
func zolaUnrendered(m, lower matter) bool {
	if lower != nil {
		m = lower // render: false beside a Render: true is Zola's
	}
	f := m["render"]
	v, ok := f.value.(bool)
	return ok && !v && !f.cased && !f.nested
}

// zolaSectionKeys are the keys of a Zola section page's front matter,
// as serde names SectionFrontMatter's fields, which denies any other
// (getzola/zola components/content/src/front_matter/section.rs:
// #[serde(default, deny_unknown_fields)]), in their case: Zola refuses a
// site whose section page holds another ([cascade], Hugo's; Title). Its
// [extra] is free-form. generate_feed is none: Zola 0.19 renamed it
// generate_feeds (as its config's generate_feed), and refuses the old
// name (folio took it, a review). An older Zola's, before a section
// could be a draft, took any key (its serde(default) alone).
var zolaSectionKeys = map[string]bool{
	"title": true, "description": true, "sort_by": true, "weight": true, "draft": true,
	"template": true, "paginate_by": true, "paginate_reversed": true, "paginate_path": true,
	"insert_anchor_links": true, "render": true, "redirect_to": true, "in_search_index": true,
	"transparent": true, "page_template": true, "aliases": true, "generate_feeds": true,
	"extra": true,
}

// zolaDeniedKeys are the keys at the top of the front matter fm that a
// Zola section page's has not (zolaSectionKeys), each with its line of
// the file (0 when not found), in their order; nil for JSON's, which
// Zola does not read.
func zolaDeniedKeys(fm frontMatter) []writtenKey {
	if fm.top == nil {
		return nil
	}
	var out []writtenKey
	for _, k := range fm.top() {
		if !zolaSectionKeys[k.name] {
			if k.line > 0 {
				k.line += fm.offset
			}
			out = append(out, k)
		}
	}
	return out
}

// zolaUnderDraft reports whether the section page at p of a Zola site is
// in a folder below a draft section's (zolaDraftSection), up to its
// content folder: Zola's walk skips that folder whole, reading none of
// the section pages below it (getzola/zola components/site/src/lib.rs,
// Site::load: skip_current_dir), so a key they hold refuses nothing. A
// draft section page's own folder's are read.
func (s *SiteRoots) zolaUnderDraft(p string) bool {
	dir := path.Dir(p)
	if _, content := s.hugoContentRootOf(dir); content {
		return false
	}
	for d := path.Dir(dir); ; d = path.Dir(d) {
		if s.zolaDraftSection(d, p) {
			return true
		}
		if _, content := s.hugoContentRootOf(d); content || d == "." || d == "/" || d == "" {
			return false
		}
	}
}

// ZolaSectionKeyMsg ends the message of a Zola site's section page whose
// front matter holds a key Zola's has not (zolaDeniedMsg).
const ZolaSectionKeyMsg = "not a key of Zola's section front matter: Zola refuses to build the site (folio reads the section as without it)"

// zolaDeniedMsg is the message of a Zola site's section page whose front
// matter holds the keys denied (zolaDeniedKeys, at least one), said
// where its site reads it (sectionUnread, zolaUnderDraft) by folio check
// and the reader's list of skipped files: Zola builds no site with it,
// where folio read it silently, a [cascade] giving nothing (cascade). Its
// draft and the pages under it are read as before.
func zolaDeniedMsg(denied []writtenKey) string {
	names := make([]string, 0, 3)
	for _, k := range denied[:min(len(denied), 3)] {
		names = append(names, strconv.Quote(cutAtWord(k.name, 40, "…")))
	}
	more := ""
	if n := len(denied) - len(names); n > 0 {
		more = fmt.Sprintf(" (and %d more)", n)
	}
	return SectionPageMsg + ": " + strings.Join(names, ", ") + more + ": " + ZolaSectionKeyMsg
}

// ZolaExtMsg is the message of the Quiet problem of a file of a Zola site
// (zolaSite) whose name does not end in .md (x.markdown, x.MD): Zola's
// loader skips it, "skip hidden files and non md files" (getzola/zola
// components/site/src/lib.rs at 01228451, Site::load:
// "!file_name.ends_with(\".md\")"), as a Hugo site's reads .markdown;
// folio listed content/blog/other.markdown as a piece.
const ZolaExtMsg = "not a page of the site (Zola reads a page from a .md file alone)"

// zolaIgnorePatterns are the ignored_content globs of the Zola config m,
// as regexps (zolaGlobRegexp) that hugoIgnored matches as a Hugo site's
// ignoreFiles, against a page's path from the archive's root with a /
// before it: Zola skips a page its globs match (getzola/zola
// components/config/src/config/mod.rs, Config::parse: each a globset
// Glob, "Invalid ignored_content glob pattern" refusing the site;
// components/site/src/lib.rs, Site::load: ignored_content_globset
// is_match of the page's path), as written, matched against the page's
// whole path, a * crossing folders (globset's literal_separator off):
// "*.draft.md" skips content/blog/x.draft.md; folio listed it. A glob
// that does not compile is left out (Zola builds no site with it). Zola
// matches the absolute path, its links resolved (SiteRoots.zolaAbsRoot):
// so does folio, of an archive that is a real folder (it matched the
// path from the archive's root, /zola/content/x.md: "/zola/**" left out
// pages Zola published, and a glob naming the folders above the
// archive's root, which Zola matches, left out none).
//
// The globs that start with **/ are one regexp, **/ once before the
// alternation of what follows it in each, and those that start with *
// another (zolaGlobsJoined): each written alone, as Go's parser leaves
// them (it factors no group), every glob's own .* is one more thread
// at every byte of every path (an attack's report: 10,000 globs over
// 2,000 pages, folio check over 5 minutes).
//
// Their regexps' sizes (progSize) sum to maxZolaGlobSize at most: the
// globs past it, in the config's order, are left out, the pages they
// match pieces, and folio check says so (zolaGlobsPast, SiteConfigProblems):
// matching costs the regexps' size at every byte of every path, and
// compiling 10,000 globs of 200 */ each took a minute.
func zolaIgnorePatterns(m map[string]any) []string {
	var out, folders, any []string
	for _, re := range zolaGlobsTaken(m) {
		switch {
		case strings.HasPrefix(re, "^"+anyFolders):
			folders = append(folders, re)
		case strings.HasPrefix(re, "^.*"):
			any = append(any, re)
		default:
			out = append(out, re)
		}
	}
	return append(append(out, zolaGlobsJoined(folders, anyFolders)...), zolaGlobsJoined(any, ".*")...)
}

// maxZolaGlobSize is the largest sum of progSize of the regexps of a Zola
// site's ignored_content globs that folio matches (zolaIgnorePatterns), a
// **/ or * first counted once: 5,000 globs of **/drafts/qN.md or *qN*.md
// sum about 60,000; at the bound 2,000 pages 11 folders deep are matched
// against the worst of them in 5 CPU seconds.
const maxZolaGlobSize = 1 << 16

// zolaGlobsTaken are the regexps of the ignored_content globs of the Zola
// config m that folio matches: each glob's that compiles
// (zolaGlobRegexp), until their sizes' sum would pass maxZolaGlobSize.
func zolaGlobsTaken(m map[string]any) []string {
	res, _ := zolaGlobsPast(m)
	return res
}

// zolaGlobsPast is zolaGlobsTaken and the globs left out past the bound,
// as written: those that compile (zolaGlobRegexp) from the first whose
// size passes it on. Each glob is parsed once, none compiled: one taken,
// its regexp but for a **/ or * first, for its size (zolaGlobParsed); one
// past the bound, to tell whether it compiles (folio compiled each, the
// thousands past the bound too, and parsed those taken twice more:
// zolaGlobsJoined, compileIgnoreFiles).
func zolaGlobsPast(m map[string]any) (res, past []string) {
	size := 0
	for _, g := range listOf(m["ignored_content"]) {
		if len(past) > 0 {
			if _, ok := zolaGlobRegexp(g); ok {
				past = append(past, g)
			}
			continue
		}
		re, rest, ok := zolaGlobParsed(g)
		if !ok {
			continue
		}
		if size += progSize(rest); size <= maxZolaGlobSize {
			res = append(res, re)
			continue
		}
		past = append(past, g)
	}
	return res, past
}

// zolaGlobsPastProblem is the problem of the Zola config at p (its keys
// m, of fsys) whose ignored_content globs pass folio's bound
// (zolaGlobsPast): at the line of the first left out (the line of
// ignored_content when folio cannot find it as written), nil for none.
func zolaGlobsPastProblem(fsys fs.FS, p string, m map[string]any) *Problem {
	_, past := zolaGlobsPast(m)
	if len(past) == 0 {
		return nil
	}
	line := 0
	if data, err := readCapped(fsys, p); err == nil {
		text := string(data)
		at := -1
		if k := zolaIgnoredKey().FindStringIndex(text); k != nil {
			at = k[0]
			for _, q := range []string{`"`, `'`} {
				if i := strings.Index(text[k[0]:], q+past[0]+q); i >= 0 {
					at = k[0] + i
					break
				}
			}
		}
		if at >= 0 {
			line = 1 + strings.Count(text[:at], "\n")
		}
	}
	return &Problem{Path: p, Line: line, Msg: fmt.Sprintf(
		"ignored_content: %d glob(s) from %s on are past folio's bound (their regexps of %d instructions in all at most): folio leaves them out, and lists the pages they match, which Zola leaves out",
		len(past), strconv.Quote(cutAtWord(past[0], 60, "…")), maxZolaGlobSize)}
}

// zolaIgnoredKey finds the ignored_content key of a Zola config (its
// zola.toml or config.toml).
var zolaIgnoredKey = lazyRegexp(`(?m)^[ \t]*"?ignored_content"?[ \t]*=`)

// zolaGlobsJoined are the regexps res of zolaGlobRegexp, each starting
// with lead after its ^, as one: ^lead(?:rest|rest…)$, which matches
// what one of them does. It is not parsed again: each rest parsed
// (zolaGlobParsed), each of a glob's pieces whole (a group closed, a
// class, a letter escaped), and their sizes within maxZolaGlobSize, the
// alternation parses.
func zolaGlobsJoined(res []string, lead string) []string {
	if len(res) < 2 {
		return res
	}
	rests := make([]string, len(res))
	for i, re := range res {
		rests[i] = strings.TrimSuffix(strings.TrimPrefix(re, "^"+lead), "$")
	}
	return []string{"^" + lead + "(?:" + strings.Join(rests, "|") + ")$"}
}

// zolaIgnoreFiles are the ignored_content globs of the Zola config m
// compiled (hugoIgnores): zolaIgnorePatterns, their regexps written by
// folio (no \Q, no flags, each parsed: zolaGlobParsed), as one
// alternation, compiled once, not parsed again each and printed as
// compileIgnoreFiles does a Hugo site's ignoreFiles written by hand; a
// **/ or * first counted once, their size within maxZolaGlobSize, far
// under compileIgnoreFiles' bound of its alternation
// (maxIgnoreAlternation). nil for none.
func zolaIgnoreFiles(m map[string]any) *ignoreFiles {
	pats := zolaIgnorePatterns(m)
	if len(pats) == 0 {
		return nil
	}
	if all, err := regexp.Compile("(?:" + strings.Join(pats, ")|(?:") + ")"); err == nil {
		return &ignoreFiles{all: all}
	}
	return compileIgnoreFiles(pats) // not met: as a Hugo site's
}

// anyFolders is the regexp of a glob's **/: any folders or none.
const anyFolders = "(?:.*/)?"

// zolaGlobRegexp is the regexp of the glob g as Zola's globset reads it
// (literal_separator off: * and ? take a / too; ** the same, **/ any
// folders or none; [abc], [!abc], {a,b}; a backslash escapes), anchored at both
// ends; false for one globset refuses (an unclosed [ or {, a nested {).
// A letter of more than one byte is matched whole (folio wrote each of
// its bytes as a letter of its own, ü as Ã¼, so that a glob naming
// entwürfe/ or café matched no path).
//
// What may match nothing beside a * is left out, the * matching it as
// well (globPieces.add): a run of **/ is one, as globset's parser makes
// it (parse_star keeps one RecursivePrefix or RecursiveZeroOrMore for
// **/**/), and *{,}*, *?{,a}*, **/* are one .*. Each written out was one
// more group every thread of the match walks at every byte (an attack's
// report: 100 globs of 200 **/ over 200 pages 11 folders deep, folio
// check 15 s; 10,000 globs of such runs over 2,000 pages, over 5
// minutes); the regexp stays as long as the glob's letters and the
// wildcards between them (TestZolaGlobRunsAreOne).
func zolaGlobRegexp(g string) (string, bool) {
	re, _, ok := zolaGlobParsed(g)
	return re, ok
}

// zolaGlobParsed is zolaGlobRegexp of the glob g and its regexp parsed,
// but for a **/ or * first (zolaGlobRest: what its size counts,
// zolaGlobsPast), parsed alone: each of a glob's pieces whole, the
// regexp parses, and so compiles, when what follows a **/ or * first
// does.
func zolaGlobParsed(g string) (re string, rest *syntax.Regexp, ok bool) {
	re, ok = zolaGlobText(g)
	if !ok {
		return "", nil, false
	}
	rest, err := syntax.Parse(zolaGlobRest(re), syntax.Perl)
	if err != nil {
		return "", nil, false // a class such as [z-a]
	}
	return re, rest, true
}

// zolaGlobRest is the regexp re of a glob but for its ^ and a **/ or *
// first, one for all the globs that start with it (zolaGlobsJoined).
func zolaGlobRest(re string) string {
	return strings.TrimPrefix(strings.TrimPrefix(re, "^"+anyFolders), "^.*")
}

// zolaGlobText is zolaGlobRegexp's regexp of the glob g, written, not
// parsed; false for a glob globset refuses as written.
func zolaGlobText(g string) (string, bool) {
	top := make(globPieces, 0, len(g)) // a piece a letter at most
	var alts []globPieces              // the {a,b} open, its alternatives
	cur := &top
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '\\':
			if i+1 == len(g) {
				return "", false
			}
			i++
			l := letterAt(g, i)
			cur.add(globPiece{re: regexp.QuoteMeta(l), lineFree: l != "\n"})
			i += len(l) - 1
		case strings.HasPrefix(g[i:], "**/") && (i == 0 || g[i-1] == '/'):
			cur.add(globPiece{re: anyFolders, empty: true, lineFree: true})
			i += 2
		case c == '*':
			for i+1 < len(g) && g[i+1] == '*' {
				i++
			}
			cur.add(globPiece{re: ".*", empty: true, lineFree: true, star: true})
		case c == '?':
			cur.add(globPiece{re: ".", lineFree: true})
		case c == '[':
			j := i + 1
			if j < len(g) && (g[j] == '!' || g[j] == '^') {
				j++
			}
			if j < len(g) && g[j] == ']' {
				j++
			}
			for j < len(g) && g[j] != ']' {
				j++
			}
			if j == len(g) {
				return "", false
			}
			class := g[i+1 : j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			class = strings.ReplaceAll(class, "\\", "\\\\")
			class = strings.ReplaceAll(class, "[", "\\[")
			cur.add(globPiece{re: "[" + class + "]"}) // may match a newline
			i = j
		case c == '{':
			if alts != nil {
				return "", false
			}
			alts = []globPieces{nil}
			cur = &alts[0]
		case c == '}' && alts != nil:
			group := globPiece{lineFree: true}
			res := make([]string, len(alts))
			for k, alt := range alts {
				var b strings.Builder
				empty := true
				for _, p := range alt {
					b.WriteString(p.re)
					empty = empty && p.empty
					group.lineFree = group.lineFree && p.lineFree
				}
				res[k] = b.String()
				group.empty = group.empty || empty
			}
			group.re = "(?:" + strings.Join(res, "|") + ")"
			alts, cur = nil, &top
			cur.add(group)
		case c == ',' && alts != nil:
			alts = append(alts, nil)
			cur = &alts[len(alts)-1]
		default:
			l := letterAt(g, i)
			cur.add(globPiece{re: regexp.QuoteMeta(l), lineFree: l != "\n"})
			i += len(l) - 1
		}
	}
	if alts != nil {
		return "", false
	}
	var b strings.Builder
	b.Grow(2 * len(g))
	b.WriteString("^")
	for _, p := range top {
		b.WriteString(p.re)
	}
	b.WriteString("$")
	return b.String(), true
}

// letterAt is the letter at g[i:], whole: a UTF-8 sequence (ü, two
// bytes), or a byte that begins none.
func letterAt(g string, i int) string {
	_, n := utf8.DecodeRuneInString(g[i:])
	return g[i : i+n]
}

// A globPiece is the regexp of one of a glob's letters, wildcards or
// {a,b} groups: whether it may match nothing (empty), matches no newline
// (lineFree: as a .* does not), and is a .* (star).
type globPiece struct {
	re                    string
	empty, lineFree, star bool
}

// globPieces are a glob's pieces, in order.
type globPieces []globPiece

// add appends p but for what a .* beside it matches as well: a piece
// that may match nothing and no newline after a .*, or before one (the
// .* then taking its place), as .*X and X.* match what .* does; and a
// **/ after a **/.
func (ps *globPieces) add(p globPiece) {
	absorbed := func(q globPiece) bool { return q.empty && q.lineFree }
	n := len(*ps)
	switch {
	case n > 0 && (*ps)[n-1].star && absorbed(p):
		return
	case n > 0 && p.re == anyFolders && (*ps)[n-1].re == anyFolders:
		return
	case p.star:
		for n > 0 && absorbed((*ps)[n-1]) {
			n--
		}
		*ps = (*ps)[:n]
	}
	*ps = append(*ps, p)
}
