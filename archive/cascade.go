package archive

import (
	"errors"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
)

// Hugo's cascade: a section page (_index.md, _index.html: IsSectionPage)
// gives the pages under its folder, at any depth, the values of its front
// matter's cascade that a page does not set itself (a helper's report
// against Hugo 0.111: a section's cascade: {draft: true} made its pages
// drafts, which folio listed as published; cascade: {tags: [...], outlet: ...} gave Hugo's
// pages values folio's pieces lacked). As Hugo reads it:
//
//   - a page's own front matter wins;
//   - of the cascades of the section pages above a page, the nearest
//     gives a key, a farther one the keys the nearer do not give
//     (content/_index.md, the home page's, is the farthest);
//   - keys are read in any case (Tags is tags);
//   - a cascade's draft, _build or headless makes the page a draft or
//     unrendered exactly as its own would;
//   - a section page that is itself a draft leaves every page under it
//     unpublished (section);
//   - in a multilingual site a page takes its own language's section
//     pages alone (sectionKey): x.fr.md _index.fr.md's, x.md _index.md's.
//
// An entry with a _target (Hugo's page matcher) is given only to the
// pages it matches, as Hugo 0.111 matches them (a helper's report: its
// values were left out, or given to every page): its path, a glob
// matched in any case against the page's path from the content folder
// with a / before it and the file's extension ("/blog/**" matches
// /blog/a.md and /blog/x/b.md, "/blog/*" the first alone: * stops at a
// /, ** does not; ?, [abc], [!abc] and {a,b} as Hugo's globs read
// them); its kind, a glob of the page's kind, "page" for a regular
// page (a section's "section" matches none of folio's pieces); its
// lang, a glob of the key of the page's language (en when the site
// names none; a translation, x.fr.md, takes its own language's section
// pages alone: sectionKey); its environment, a glob of "production" (hugo's
// build; hugo server's development matches none). A target key folio
// does not know, or a glob that does not compile, is ignored, as Hugo
// ignores it. Hugo 0.111 reads a _target only in a list of entries: a
// cascade of one map (cascade: {_target: …, draft: true}, TOML's
// [cascade] with [cascade._target]) is for every page below, its
// _target ignored, as there.
//
// The site's config's cascade (hugo.toml's [cascade] or [[cascade]],
// config.toml's, config/_default/'s or config/production/'s: the first
// of hugoConfigFiles, in their order, with a cascade key, in any case:
// hugoKey) is the farthest, after content/_index.md's
// (a helper's report: it was not read): its entries as a section page's,
// a table's _target ignored, an array's read, as Hugo 0.111 reads them.
//
// Only a page in a Hugo site (InHugo) takes a cascade, and none of a Zola
// site (zolaSite): Zola's section front matter has no cascade (getzola/zola
// components/content/src/front_matter/section.rs, SectionFrontMatter, its
// unknown fields denied) and its [extra] is the templates' own, so a
// section's [cascade] or [extra] gives its pages nothing (folio gave them
// a [cascade]'s tags, authors, outlet and draft).

func init() {
	knownKeys["cascade"] = true // a section page's: decoded, to be read here
}

// cascadeNames are the names of the section page the file system is
// asked for in a folder it does not list (sectionPage), in
// sectionBefore's order; for a language, its own (_index.fr.htm,
// _index.fr.html, _index.fr.markdown, _index.fr.md) before them.
var cascadeNames = []string{"_index.htm", "_index.html", "_index.markdown", "_index.md"}

// sectionKey keys the section page of the folder dir for the pages of
// the language lang (SiteRoots.hugoLanguageKey; "" outside a Hugo site):
// in a multilingual Hugo site each language has its own section pages,
// _index.fr.md fr's, _index.md the default language's (or, under a
// language's own contentDir, that language's), and a page takes its own
// language's alone, their drafts and cascades (hugo 0.111.3 as oracle,
// an attack's report: content/news/_index.md with draft: true beside a
// news/_index.fr.md left news/n.fr.md published, content/blog/_index.fr.md
// with draft: true hid blog/a.fr.md alone, and an _index.md's cascade
// gave its translations nothing; folio read the folder's _index.md for
// every language).
func sectionKey(dir, lang string) string { return dir + "\x00" + lang }

// KnowSections tells s the archive's section pages (paths, of a scan's
// files: those IsSectionPage says are, but one its site never reads:
// sectionUnread), so that a folder's is looked up, not asked of the
// file system; and forgets the cascades and Zola drafts read so far,
// the section pages having perhaps changed, and the front matter read
// of a section page no longer among paths (sectionReadOf: such entries
// were kept for the SiteRoots' life).
func (s *SiteRoots) KnowSections(paths []string) {
	sections := map[string]string{}
	listed := map[string]bool{} // every section page, read or not
	for _, p := range paths {
		if !s.IsSectionPage(p) {
			continue
		}
		listed[p] = true
		if !s.sectionUnread(p) {
			lang := s.hugoLanguageKey(p)
			if k := sectionKey(path.Dir(p), lang); sectionBefore(p, sections[k], lang) {
				sections[k] = p
			}
		}
	}
	s.mu.Lock()
	s.sections, s.cascades, s.zolaDrafts = sections, nil, nil
	for p := range s.sectionReads {
		if !listed[p] {
			delete(s.sectionReads, p)
		}
	}
	s.mu.Unlock()
}

// sectionBefore reports whether the section page at p comes before the
// one at q ("" for none), both of one folder, for the pages of the
// language lang, as Hugo 0.111.3 takes the first of a folder's for its
// section (as oracle, a draft beside a cascade, each the other way too):
// those whose name says the language (_index.en.md, _index.en.markdown,
// _index.zz.md of a site whose language is zz), then the others
// (_index.md, _index.html, _index.de.md of a language the site does not
// have: ownSectionPage), each first by name: _index.en.markdown before
// _index.en.md, _index.en.md before _index.aa.md and _index.md,
// _index.htm before _index.html before _index.markdown before _index.md,
// _index.aa.md and _index.ma.md before _index.md, _index.md before
// _index.zz.md (a draft _index.aa.md hid the section's pages, an
// _index.md's cascade gave them nothing; folio took _index.html, then
// _index.htm, _index.md, _index.markdown, then any other, NOTES' fortieth
// session).
func sectionBefore(p, q, lang string) bool {
	switch {
	case p == "":
		return false
	case q == "":
		return true
	}
	if pn, qn := lang != "" && nameLanguage(p) == lang, lang != "" && nameLanguage(q) == lang; pn != qn {
		return pn
	}
	return path.Base(p) < path.Base(q)
}

// ownSectionPage reports whether the section page at p is one of the
// language lang by its name (_index.md, _index.fr.md for fr), not one
// whose name ends in a language the site does not have (_index.de.md in
// a site of en and fr, _index.v2.md): Hugo 0.111.3 renders that one as a
// page at its section's path, and gives its cascade to none of the
// section's pages (as oracle: a blog/_index.fr.md in a site of one
// language, its cascade tags [casc], left blog/b.md without tags; folio
// gave them); its draft hides them as a section page's does.
func ownSectionPage(p, lang string) bool {
	stem := strings.TrimSuffix(path.Base(p), path.Ext(p))
	return stem == "_index" || lang != "" && stem == "_index."+lang
}

// sectionPage is the section page of the folder dir for the pages of
// the language lang (sectionKey), "" for none. One
// its site's config's ignoreFiles match (hugoIgnored) is none: Hugo
// never reads it, so neither its draft nor its cascade is given the
// pages below (Hugo 0.111 as oracle: an ignored content/sec/_index.md
// with draft: true left sec/b.md and sec/sub/c.md published; an
// attack's report).
func (s *SiteRoots) sectionPage(dir, lang string) string {
	s.mu.Lock()
	sections := s.sections
	s.mu.Unlock()
	if sections != nil {
		return sections[sectionKey(dir, lang)]
	}
	// the first of the folder's (sectionBefore), as KnowSections keeps
	// it: a draft one hides the section's pages read alone as in a scan
	best := ""
	entries, err := fs.ReadDir(s.fsys, dir)
	if err != nil {
		// a folder not listed: its usual names asked
		entries = nil
		names := cascadeNames
		if lang != "" {
			names = append([]string{"_index." + lang + ".htm", "_index." + lang + ".html", "_index." + lang + ".markdown", "_index." + lang + ".md"}, cascadeNames...)
		}
		for _, n := range names {
			if p := path.Join(dir, n); s.hugoReadsSection(p, lang) && sectionBefore(p, best, lang) {
				best = p
			}
		}
	}
	for _, e := range entries {
		if p := path.Join(dir, e.Name()); strings.HasPrefix(e.Name(), "_index.") && sectionBefore(p, best, lang) && s.hugoReadsSection(p, lang) {
			best = p
		}
	}
	return best
}

// hugoReadsSection reports whether the file at p is a section page of the
// pages of the language lang (sectionKey) that Hugo (or Zola) reads: a
// regular file, an _index.html one the scan lists, one its site reads
// (sectionUnread).
func (s *SiteRoots) hugoReadsSection(p, lang string) bool {
	if !s.IsSectionPage(p) || s.hugoLanguageKey(p) != lang {
		return false
	}
	if IsHTMLSectionName(path.Base(p)) && !hugoHTMLSectionAt(path.Dir(p), s.inHugoRoot, s.hugoContentFolders) {
		return false // not a page to Hugo: none the scan lists
	}
	st, err := fs.Stat(s.fsys, p)
	return err == nil && st.Mode().IsRegular() && !s.sectionUnread(p)
}

// sectionUnread reports whether the section page at p (IsSectionPage) is
// one its site never reads: one its Hugo site's ignoreFiles match
// (hugoIgnored), or in a Zola site one Zola reads as no section
// (zolaSection) or whose folder its ignored_content matches
// (zolaIgnoredSection). Its draft and cascade give nothing, and its front
// matter that cannot be read is no problem of the site's (parse).
func (s *SiteRoots) sectionUnread(p string) bool {
	return s.hugoIgnored(p) || s.zolaSite(p) && (!s.zolaSection(p) || s.zolaIgnoredSection(p))
}

// section is what a section page gives the pages under its folder: its
// cascade, and whether it is a draft (its own draft: true or published:
// false, as Hugo 0.111 reads it), which Hugo publishes none of (an
// oracle's report: content/sec/_index.md a draft, sec/b.md and
// sec/sub/c.md were pieces; a draft content/_index.md left no page).
type section struct {
	cascade []cascadeEntry
	draft   bool
	// zolaDraft is whether it is a draft as Zola reads it (zolaDraftFlag:
	// draft = true, the key in lower case alone), read of a Zola site's
	// in draft's stead (sectionAsZola)
	zolaDraft bool
}

// sectionAsZola is sec as a Zola site's pages take it: no cascade (its
// front matter has none, nor does [extra] give them keys) and its draft
// as Zola reads it (zolaDraft).
func sectionAsZola(sec section) section {
	return section{draft: sec.zolaDraft, zolaDraft: sec.zolaDraft}
}

// sectionOf is the section page of the folder dir for the pages of the
// language lang (none: zero), read once.
func (s *SiteRoots) sectionOf(dir, lang string) section {
	k := sectionKey(dir, lang)
	s.mu.Lock()
	c, ok := s.cascades[k]
	s.mu.Unlock()
	if ok {
		return c
	}
	if p := s.sectionPage(dir, lang); p != "" {
		if data, err := ReadFile(s.fsys, p); err == nil {
			c = s.sectionReadOf(p, data).sec
			if !ownSectionPage(p, lang) {
				c.cascade = nil // a page to Hugo: its draft alone (ownSectionPage)
			}
		}
	}
	s.mu.Lock()
	if s.cascades == nil {
		s.cascades = map[string]section{}
	}
	s.cascades[k] = c
	s.mu.Unlock()
	return c
}

// cascade is what the section pages above the file at p, of its
// language (sectionKey), cascade to it,
// the nearest's first (nil for none, and for a SiteRoots without the
// archive's files: SiteConfigs'), and whether one of them, of the site's
// content folder, is a draft (Hugo publishes no page under it, but with
// its config's buildDrafts: hugobuild.go).
func (s *SiteRoots) cascade(p string) (matter, bool) {
	if s == nil || s.fsys == nil {
		return nil, false
	}
	lang := s.hugoLanguageKey(p)
	// a Zola site's section page gives its pages no cascade (its front
	// matter has none, nor does [extra] give them keys), its draft alone
	// hiding them, as Zola reads it (sectionAsZola); of any language:
	// zolaDraftSection
	zolaSite := s.zolaSite(p)
	zola := lang != "" && zolaSite
	// the folders above p and their cascades; none: no root asked (a
	// read-through: every folder's roots were asked of each file parsed)
	var dirs []string
	var cascades [][]cascadeEntry
	var drafts []bool
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		dirs = append(dirs, dir)
		sec := s.sectionOf(dir, lang)
		if zolaSite {
			sec = sectionAsZola(sec)
		}
		cascades = append(cascades, sec.cascade)
		drafts = append(drafts, sec.draft || zola && s.zolaDraftSection(dir, p))
		if dir == "." || dir == "/" || dir == "" {
			break
		}
	}
	// the config's cascade, of the Hugo site whose content folder
	// (content/, or its config's contentDir) is on p's path: a page
	// elsewhere takes none
	var config []cascadeEntry
	configRoot := ""
	for _, dir := range dirs {
		if root, ok := s.hugoContentRootOf(dir); ok {
			config, configRoot = s.configCascadeOf(root), root
			break
		}
	}
	if len(config) == 0 && !slices.ContainsFunc(cascades, func(c []cascadeEntry) bool { return len(c) > 0 }) && !slices.Contains(drafts, true) {
		return nil, false
	}
	// the site's content folder, from which a target's path is matched:
	// the folder below its root, or the archive's root
	content := "."
	last := len(dirs)
	siteRoot := "" // the Hugo site's root on p's path, nearest
	for i, dir := range dirs {
		if path.Base(dir) != hugoContent && s.inHugoRoot(dir) {
			// a Hugo site's root (or a theme's): its pages are under
			// content/, whose _index.md is the farthest cascade; none
			// above it is the site's (a review: a notes folder's
			// _index.md made a Hugo site's pages drafts)
			if i == 0 {
				return nil, false // a file of the root itself: no page
			}
			content, last, siteRoot = dirs[i-1], i, dir
			// a contentDir of two folders or more (a/b), or a
			// language's (content/fr): the nearest of its content
			// folders on p's path
			contents := s.hugoContentFolders(dir)
			for j, d := range dirs[:i] {
				rel := d
				if dir != "." {
					rel = strings.TrimPrefix(d, dir+"/")
				}
				if slices.Contains(contents, rel) {
					content, last = d, j+1
					break
				}
			}
			break
		}
	}
	inDraft := slices.Contains(drafts[:last], true)
	page := pageOf(p, content, lang)
	if siteRoot != "" && siteRoot == configRoot {
		// the farthest, after the content folder's (a contentDir of two
		// folders, a/b: the config's cascade was dropped, the folder
		// after the content folder on p's path being a/, not the root)
		cascades = append(cascades[:last], config)
		last++
	}
	var out matter
	for i := range last {
		for _, e := range cascades[i] {
			if !e.target.matches(page) {
				continue
			}
			for k, f := range e.values {
				if _, ok := out[k]; !ok {
					if out == nil {
						out = matter{}
					}
					out[k] = f
				}
			}
		}
	}
	return out, inDraft
}

// configCascadeOf is the cascade of the config of the Hugo site whose
// root is dir, read once.
func (s *SiteRoots) configCascadeOf(dir string) []cascadeEntry {
	s.mu.Lock()
	c, ok := s.configs[dir]
	s.mu.Unlock()
	if ok {
		return c
	}
	c = hugoConfigCascade(s.readConfig, dir)
	s.mu.Lock()
	if s.configs == nil {
		s.configs = map[string][]cascadeEntry{}
	}
	s.configs[dir] = c
	s.mu.Unlock()
	return c
}

// hugoConfigCascade is the cascade of the config of the Hugo site whose
// root is dir, its files read by read: of the first of hugoConfigFiles
// with one.
func hugoConfigCascade(read configReader, dir string) []cascadeEntry {
	v, _ := hugoSiteConfig.value(read, dir, "cascade")
	return cascadeEntries(v)
}

// ConfigCascadeSum sums what the config of the site whose root is the
// folder dir of fsys gives the reading of its pages: a Hugo site's
// cascade (cascadeSum) and ignoreFiles (SiteRoots.hugoIgnored), a Jekyll
// site's collections with output: true (SiteRoots.jekyllPassedFolder: an
// attack's report, a collection's output flipped, or its collections
// moved from _config.yml to _config.toml, which Jekyll does not read
// beside it, changed no piece of the cached index) and its front matter
// defaults (jekylldefaults.go), unpublished and collections_dir
// (jekyllbuild.go), and
// where a Hugo site reads its pages
// (hugocontent.go); 0 for a Jekyll site's config that gives none of
// those, or for a folder that is no site's root.
func ConfigCascadeSum(fsys fs.FS, dir string) uint32 {
	read := fsConfigs(fsys)
	exists := existsInFS(fsys, read, dir)
	return configSum(read, dir, hugoRoot("", exists), jekyllRoot("", exists))
}

// ConfigCascadeSum is the package's ConfigCascadeSum with the site's
// root told by c (the scan's: no stat of the file system).
func (c SiteConfigs) ConfigCascadeSum(fsys fs.FS, dir string) uint32 {
	exists := func(rel string) bool { return c[path.Join(dir, rel)] }
	return configSum(fsConfigs(fsys), dir, hugoRoot("", exists), jekyllRoot("", exists))
}

// configSum is ConfigCascadeSum of the folder dir, a Hugo site's root or
// not (hugo), a Jekyll site's or not (jekyll).
func configSum(read configReader, dir string, hugo, jekyll bool) uint32 {
	var sum uint32
	if hugo {
		sum = hugoConfigSum(read, dir)
	}
	if jekyll {
		if outs := jekyllCollectionOutputs(read, dir); len(outs) > 0 {
			h := fnv.New32a()
			fmt.Fprintf(h, "%d\x00jekyll", sum)
			for _, k := range slices.Sorted(maps.Keys(outs)) {
				fmt.Fprintf(h, "\x00%s", k)
			}
			sum = max(h.Sum32(), 1)
		}
		if defaults, ok := jekyllSiteConfig.value(read, dir, "defaults"); ok && defaults != nil {
			// the front matter defaults as decoded (fmt prints a map's
			// keys sorted): an edit of one gives its pages other fields
			// (jekylldefaults.go)
			h := fnv.New32a()
			fmt.Fprintf(h, "%d\x00defaults\x00%v", sum, defaults)
			sum = max(h.Sum32(), 1)
		}
		if d := jekyllCollectionsDirOf(read, dir).raw; d != "" {
			// where it reads its collections and posts, as written
			// (jekyllbuild.go: col/ reads other posts than col)
			h := fnv.New32a()
			fmt.Fprintf(h, "%d\x00collections_dir\x00%s", sum, d)
			sum = max(h.Sum32(), 1)
		}
		if jekyllUnpublishedOf(read, dir) {
			// whether it builds pages with published: false
			// (jekyllbuild.go)
			h := fnv.New32a()
			fmt.Fprintf(h, "%d\x00unpublished", sum)
			sum = max(h.Sum32(), 1)
		}
	}
	return sum
}

// hugoConfigSum is the Hugo part of ConfigCascadeSum of the site whose
// root is dir: its cascade, where it reads its pages (hugoContentSum: a
// Hugo root never sums to 0), whether it builds drafts (hugoBuildOf) and
// its ignoreFiles, or a Zola site's ignored_content globs, as written:
// none parsed, the matcher alone working them out (zolaIgnoreFiles; they
// were worked out for the sum too, each parsed, every build).
func hugoConfigSum(read configReader, dir string) uint32 {
	sum := cascadeSum(hugoConfigCascade(read, dir))
	// where it reads its pages (hugocontent.go): never 0
	h := fnv.New32a()
	fmt.Fprintf(h, "%d\x00%s\x00%s", sum, hugoContentSum(read, dir), hugoBuildOf(read, dir))
	sum = max(h.Sum32(), 1)
	var pats []string
	if m, ok := zolaConfigOf(read, dir); ok {
		pats = listOf(m["ignored_content"])
	} else {
		pats = hugoIgnorePatterns(read, dir)
	}
	if len(pats) > 0 {
		// the patterns as written: none compiled (hugoIgnorePatterns)
		h := fnv.New32a()
		fmt.Fprintf(h, "%d", sum)
		for _, e := range pats {
			fmt.Fprintf(h, "\x00%s", e)
		}
		sum = max(h.Sum32(), 1)
	}
	return sum
}

// ConfigCascadeSums are ConfigCascadeSum of each folder that could be
// the root of a site whose config changes the reading of one of paths
// (files of s's archive, NewSiteRoots): the folder above each folder
// named content on their paths (a Hugo site's), and above each folder
// whose name starts with _ but _posts (a Jekyll site's, whose
// collections' output decides whether its files are pages), and the
// Jekyll site's root nearest each (whose front matter defaults give its
// pages fields) and the Hugo site's (whose content folder holds its
// pages: SiteRoots.hugoSiteOf), each with its sum (0 for none). The index reads the files under a site's root
// again when its sum changed. Read through s: each site's root and
// config as s first found them, as the pages s answers are read, so a
// config edited while a build reads its pages is summed as they were
// read with, not as it is now (the next open finds its sum changed).
func (s *SiteRoots) ConfigCascadeSums(paths []string) map[string]uint32 {
	sum := func(root string) uint32 {
		return configSum(s.readConfig, root, s.inHugoRoot(root), s.inJekyllRoot(root))
	}
	out := map[string]uint32{}
	seen := map[string]bool{}
	for _, p := range paths {
		for dir := path.Dir(p); dir != "." && dir != "/" && dir != "" && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			if base := path.Base(dir); base == hugoContent || strings.HasPrefix(base, "_") && base != "_posts" {
				root := path.Dir(dir)
				if _, ok := out[root]; !ok {
					out[root] = sum(root)
				}
			}
		}
		// the Jekyll site's root, whose front matter defaults give its
		// every page fields (jekylldefaults.go), and the Hugo site's,
		// whose content folder holds its pages (hugocontent.go)
		for _, of := range []func(string) (string, bool){s.jekyllRootOf, s.hugoSiteOf} {
			if root, ok := of(path.Dir(p)); ok {
				if _, ok := out[root]; !ok {
					out[root] = sum(root)
				}
			}
		}
	}
	return out
}

// cascadePage is what a cascade's target is matched against of a page.
type cascadePage struct {
	path string // from the content folder, with a / before it, in lower case: /blog/a.md
	lang string // its language's key (SiteRoots.hugoLanguageKey): en, fr
}

// pageOf is the page of the file at p, of the language lang, in the site
// whose content folder is content.
func pageOf(p, content, lang string) cascadePage {
	rel := p
	if content != "." {
		rel = strings.TrimPrefix(p, content+"/")
	}
	return cascadePage{path: "/" + strings.ToLower(rel), lang: lang}
}

// cascadeEntry is one entry of a cascade: its values, for the pages its
// target matches (nil: every page).
type cascadeEntry struct {
	target *cascadeTarget
	values matter
}

// cascadeTarget is a cascade entry's _target: globs compiled, each nil for
// any.
type cascadeTarget struct {
	path, kind, lang, environment *regexp.Regexp
}

// matches reports whether a regular page (kind "page", built for the
// production environment) is one t targets; a nil t targets every page.
func (t *cascadeTarget) matches(p cascadePage) bool {
	if t == nil {
		return true
	}
	for _, c := range []struct {
		re *regexp.Regexp
		v  string
	}{{t.path, p.path}, {t.kind, "page"}, {t.lang, p.lang}, {t.environment, "production"}} {
		if c.re != nil && !c.re.MatchString(c.v) {
			return false
		}
	}
	return true
}

// targetOf reads a _target's map (keys in any case, as Hugo decodes
// them); nil for one that targets every page.
func targetOf(v any) *cascadeTarget {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var t cascadeTarget
	set := false
	for k, v := range m {
		s, ok := v.(string)
		if !ok || s == "" {
			continue
		}
		re := hugoGlob(s)
		if re == nil {
			continue // Hugo ignores a glob that does not compile
		}
		switch strings.ToLower(k) {
		case "path":
			t.path = re
		case "kind":
			t.kind = re
		case "lang":
			t.lang = re
		case "environment":
			t.environment = re
		default:
			continue
		}
		set = true
	}
	if !set {
		return nil
	}
	return &t
}

// hugoGlob is the glob g as Hugo compiles it (gobwas/glob with / for its
// separator, in lower case): * any run but a /, ** any run, ? one
// character but a /, [abc] [a-z] [!abc] a class, {a,b} either; nil for
// one that does not compile.
func hugoGlob(g string) *regexp.Regexp { return globRegexp(strings.ToLower(g)) }

// globRegexp is the glob g as a regexp, in its case (hugoGlob; a Jekyll
// default's scope path, jekyllDefault, as Ruby's Dir.glob reads it on a
// file system that tells case, but for its ** matching any run: a/**/b
// is no a/b).
func globRegexp(g string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	depth := 0 // within {…}
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			if i+1 < len(g) && g[i+1] == '*' {
				b.WriteString("(?s:.*)")
				i++
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(g[i+1:], ']')
			if j < 0 {
				return nil
			}
			class := g[i+1 : i+1+j]
			neg := strings.HasPrefix(class, "!")
			class = strings.TrimPrefix(class, "!")
			if class == "" {
				return nil
			}
			b.WriteString("[")
			if neg {
				b.WriteString("^")
			}
			for _, r := range class {
				if r == '-' {
					b.WriteRune(r)
				} else {
					b.WriteString(regexp.QuoteMeta(string(r)))
				}
			}
			b.WriteString("]")
			i += j + 1
		case '{':
			depth++
			b.WriteString("(?:")
		case '}':
			if depth == 0 {
				return nil
			}
			depth--
			b.WriteString(")")
		case ',':
			if depth > 0 {
				b.WriteString("|")
			} else {
				b.WriteString(",")
			}
		case '\\':
			if i+1 < len(g) {
				i++
				b.WriteString(regexp.QuoteMeta(g[i : i+1]))
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	if depth != 0 {
		return nil
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return re
}

// inHugoRoot reports whether the folder dir is a Hugo site's or theme's
// root (hugoRoot), each folder asked once.
func (s *SiteRoots) inHugoRoot(dir string) bool { return s.isRoot(dir, &s.roots, hugoRoot) }

// inJekyllRoot reports whether the folder dir is a Jekyll site's root
// (jekyllRoot), each folder asked once (a read-through: asked again of
// the folders above each file of _posts/).
func (s *SiteRoots) inJekyllRoot(dir string) bool {
	return s.isRoot(dir, &s.jekyllRoots, jekyllRoot)
}

// isRoot is whether dir is a root (isRoot), remembered in known.
func (s *SiteRoots) isRoot(dir string, known *map[string]bool, isRoot func(string, func(string) bool) bool) bool {
	s.mu.Lock()
	v, ok := (*known)[dir]
	s.mu.Unlock()
	if ok {
		return v
	}
	v = isRoot("", s.exists(dir))
	s.mu.Lock()
	if *known == nil {
		*known = map[string]bool{}
	}
	(*known)[dir] = v
	s.mu.Unlock()
	return v
}

// withCascade gives m the keys of c it does not have (a page's own
// front matter wins), nor another key of the field folio reads the key
// as (a page's publication: is its outlet, and a cascade's outlet: is
// not given it: a review).
func (m matter) withCascade(c matter) {
	for k, f := range c {
		if _, ok := m[k]; ok {
			continue
		}
		if g := fieldKeysOf(k); g != nil && slices.ContainsFunc(g, func(o string) bool { _, ok := m[o]; return ok }) {
			continue
		}
		m[k] = f
	}
}

// fieldKeysOf are the keys folio reads as one field with k (the first
// of them set: an outlet, an author, a date...), nil for a key read
// alone or merged with others (tags and categories are Hugo's
// taxonomies, each its own).
func fieldKeysOf(k string) []string {
	for _, g := range [][]string{titleKeys, dateKeys, outletKeys, authorKeys, urlKeys, sourceKeys, kindKeys, standfirstKeys, noteKeys, citeKeyKeys} {
		if slices.Contains(g, k) {
			return g
		}
	}
	return nil
}

// cascadeEntries are the entries of a cascade's value: a map, or Hugo's
// list of them, each perhaps with a _target.
func cascadeEntries(v any) []cascadeEntry {
	var out []cascadeEntry
	add := func(v any, targeted bool) {
		c, ok := v.(map[string]any)
		if !ok {
			return
		}
		var e cascadeEntry
		for k, v := range c {
			key := strings.ToLower(k)
			if key == "_target" {
				if targeted {
					e.target = targetOf(v)
				}
				continue
			}
			if key == "cascade" || !knownKeys[key] {
				continue
			}
			if e.values == nil {
				e.values = matter{}
			}
			if _, ok := e.values[key]; !ok {
				e.values[key] = field{value: v}
			}
		}
		if len(e.values) > 0 {
			out = append(out, e)
		}
	}
	switch c := v.(type) {
	case map[string]any:
		// one map: Hugo 0.111 reads its _target as no target (its
		// DecodeCascade matches a list's entries alone), so its values
		// go to every page below (an oracle's report: cascade: {_target:
		// {path: /nowhere/**}, outlet: X} gave X to every page)
		add(c, false)
	case []any:
		for _, e := range c {
			add(e, true)
		}
	case []map[string]any: // TOML's [[cascade]]
		for _, e := range c {
			add(e, true)
		}
	}
	return out
}

// SectionUnreadMsg ends the message of a section page whose front matter
// cannot be read: what folio does meanwhile.
const SectionUnreadMsg = " (its draft and cascade are not read: the pages under it are read as if it had none)"

// sectionRead is a section page's front matter read (readSection): what
// it gives the pages under it, or the line and message of what cannot be
// read (bad: said by folio check and the reader's list of skipped files,
// Hugo and Zola refusing to build the site; folio reads the pages under
// it as if it had none). A page without front matter is none bad (Hugo's
// section page may be empty) and gives nothing.
type sectionRead struct {
	sec  section
	line int
	msg  string
	bad  bool
	// denied are the keys at its front matter's top that a Zola section
	// page's has not (zolaSectionKeys), each with its line of the file,
	// in their order: said of a Zola site's (zolaDeniedMsg)
	denied []writtenKey
}

// readSection reads the section page data: its front matter split and
// decoded as a piece's (splitFrontMatter).
func readSection(data []byte) sectionRead {
	sectionDecodes.Add(1)
	fm, err := splitFrontMatter(data)
	var bad *frontMatterError
	switch {
	case errors.As(err, &bad):
		return sectionRead{line: bad.line, msg: bad.Error(), bad: true}
	case err != nil:
		return sectionRead{}
	}
	sec := section{
		cascade:   cascadeEntries(fm.m["cascade"].value),
		draft:     fm.m.isDraft(false, nil, func() bool { return true }),
		zolaDraft: zolaDraftFlag(fm.m, fm.lower),
	}
	return sectionRead{sec: sec, denied: zolaDeniedKeys(fm)}
}

// sectionDecodes counts the section pages' texts decoded (readSection),
// by any SiteRoots or none.
var sectionDecodes atomic.Int64

// SectionDecodes is how many section pages' texts the package has
// decoded (readSection) since the process began: a test counts them (a
// section page is decoded once a build: SiteRoots.CascadeSum).
func SectionDecodes() int64 { return sectionDecodes.Load() }

// sectionReadOf is readSection of the section page at p, whose text is
// data, decoded once for its problem (parse), what it gives the pages
// under it (sectionOf) and its sum (SiteRoots.CascadeSum): remembered by
// its path with a hash of its text, so that a text changed between two
// reads is decoded again; forgotten when KnowSections lists it no more.
func (s *SiteRoots) sectionReadOf(p string, data []byte) sectionRead {
	if s == nil {
		return readSection(data)
	}
	sum := maphash.Bytes(sectionSeed, data)
	s.mu.Lock()
	r, ok := s.sectionReads[p]
	s.mu.Unlock()
	if ok && r.sum == sum {
		return r.read
	}
	read := readSection(data)
	s.mu.Lock()
	if s.sectionReads == nil {
		s.sectionReads = map[string]sectionReadMemo{}
	}
	s.sectionReads[p] = sectionReadMemo{sum: sum, read: read}
	s.mu.Unlock()
	return read
}

// sectionReadMemo is a section page's read, with the hash of the text
// read (sectionReadOf).
type sectionReadMemo struct {
	sum  uint64
	read sectionRead
}

// sectionSeed seeds the hash of a section page's text (sectionReadOf).
var sectionSeed = maphash.MakeSeed()

// CascadeSum sums what the section page data gives the pages under it:
// its cascade (Hugo's, as pages take it) and whether it is a draft; 0 for
// neither. The index re-reads the pieces under a section page whose sum
// changed. It is SiteRoots.CascadeSum of a page read alone, outside any
// site.
func CascadeSum(data []byte) uint32 { return sectionSum(readSection(data).sec) }

// CascadeSum is the package's CascadeSum of the section page at p, whose
// text is data, its front matter read through s (sectionReadOf): decoded
// once a build for its sum (the index's plan and its reading of the page),
// its problem (parse) and what it gives the pages under it (sectionOf).
// Of a Zola site's section page it sums what its pages take, its draft
// alone as Zola reads it (sectionAsZola: a Zola section gives no cascade),
// so that an edit of its [cascade] or its published reads none of them
// again.
func (s *SiteRoots) CascadeSum(p string, data []byte) uint32 {
	sec := s.sectionReadOf(p, data).sec
	if s.zolaSite(p) {
		sec = sectionAsZola(sec)
	}
	return sectionSum(sec)
}

// sectionSum is CascadeSum of what a section page gives, sec.
func sectionSum(sec section) uint32 {
	sum := cascadeSum(sec.cascade)
	if sec.draft {
		h := fnv.New32a()
		fmt.Fprintf(h, "draft\x00%d", sum)
		sum = max(h.Sum32(), 1)
	}
	return sum
}

// cascadeSum sums a cascade's entries, their targets and values: 0 for
// none.
func cascadeSum(c []cascadeEntry) uint32 {
	if len(c) == 0 {
		return 0
	}
	h := fnv.New32a()
	for _, e := range c {
		vals := map[string]any{}
		for k, f := range e.values {
			vals[k] = f.value
		}
		if t := e.target; t != nil {
			for _, re := range []*regexp.Regexp{t.path, t.kind, t.lang, t.environment} {
				if re != nil {
					fmt.Fprintf(h, "%s\x00", re)
				} else {
					fmt.Fprint(h, "-\x00")
				}
			}
		}
		// %#v: the values with their types (%v printed [middle east] for the
		// list [middle, east] and for ["middle east"]: a change missed, a
		// review); fmt prints a map's keys sorted
		fmt.Fprintf(h, "%#v\x01", vals)
	}
	return max(h.Sum32(), 1)
}
