package archive

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// How static-site generators lay out their content, so that a site's
// folder opens as the site reads it.

// SectionPageMsg is the message of the Quiet problem of a section page.
const SectionPageMsg = "section page (a list of pieces, not a piece)"

// IsSectionPage reports whether p is a Hugo or Zola section page by its
// name wherever it is (_index.md, or a Hugo site's _index.html or
// _index.fr.html: IsHTMLSectionName): the page that lists a section's pieces, not a
// piece. Its name is in lower case, as Hugo 0.111 reads it (as oracle: a
// draft _Index.md is a draft page, and hid none of its section's pages;
// an _index.Md no page at all: hugoCasedExt; an attack's report).
//
// A translation's, _index.fr.md, is one in a Hugo or Zola site alone
// (IsSectionPageIn, SiteRoots.IsSectionPage): elsewhere it is a piece,
// as a notes folder's _index.old.md is.
func IsSectionPage(p string) bool {
	base := path.Base(p)
	ext := path.Ext(base)
	return IsHTMLSectionName(base) || IsArticlePath(base) && ext == strings.ToLower(ext) && strings.TrimSuffix(base, ext) == "_index"
}

// IsSectionPageIn is IsSectionPage for a file in a Hugo or Zola site when
// inHugo (not nil) says it is (InHugoSite; a Zola site is read as one):
// there any Markdown file whose name starts with "_index." is a section
// page too (hugoSectionName), an _index.fr.md its language's. Outside a
// site it is a piece, as before the fortieth session (a notes folder's
// _index.old.md was listed as a section page, no piece). inHugo is asked
// only of such a name.
func IsSectionPageIn(p string, inHugo func() bool) bool {
	return IsSectionPage(p) || inHugo != nil && hugoSectionName(path.Base(p)) && inHugo()
}

// IsSectionPage is IsSectionPageIn for the file at p of s's archive
// (InHugo).
func (s *SiteRoots) IsSectionPage(p string) bool {
	return IsSectionPageIn(p, func() bool { return s.InHugo(p) })
}

// hugoSectionName reports whether the file name base is that of a section
// page to Hugo: a Markdown file, its extension in lower case, whose name
// starts with "_index." (Hugo 0.111 classifies any such content file as
// its folder's branch bundle): _index.md, a translation's _index.fr.md,
// its language's section page in a multilingual site, and _index.v2.md or
// _index.aa.fr.md, whose last part before the extension names no language
// of the site or is one but the part before names none. Hugo 0.111.3 as
// oracle: a draft content/news/_index.fr.md hid news/n.fr.md (folio
// listed it as a piece); in a site of en and fr a draft
// blog/_index.aa.fr.md hid blog/a.fr.md alone, its cascade given to none
// (rendered as a page at the section's path: ownSectionPage), and beside
// an _index.fr.md was fr's, first by name (sectionBefore); a draft
// plain/_index.aa.bb.md hid plain/p.md (folio listed both as pieces). In a
// Hugo site without that language it is the default language's (Hugo
// publishes it as a page at its section's path, its draft hiding the
// section's pages as a section page's: read as one; its cascade given to
// none of them: ownSectionPage). Zola reads no file whose name starts
// with "_index." as a page either (getzola/zola components/site/src/lib.rs,
// Site::load: "if file_name.starts_with(\"_index.\") { continue; }").
func hugoSectionName(base string) bool {
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	return IsArticlePath(base) && ext == strings.ToLower(ext) && (stem == "_index" || strings.HasPrefix(stem, "_index."))
}

// IsHTMLSectionName reports whether name is that of a Hugo section page
// written in HTML, _index.html or _index.htm, or a language's,
// _index.fr.html (any name that starts with "_index.", as hugoSectionName
// reads a Markdown one: Hugo 0.111.3 as oracle, a draft _index.fr.html
// hid news/a.fr.md, an _index.fr.htm's cascade tagged blog/b.fr.md, and
// a draft _index.v2.html or _index.aa.bb.html, in a site without those
// languages, hid their sections' pages; folio read none, and listed the
// pages; an extension in lower case: Hugo 0.111 reads _index.HTML and
// _index.fr.HTML as no page), which the scan lists in a Hugo site's
// content folder alone (hugoHTMLSectionAt), for its draft and cascade:
// Hugo 0.111 as oracle: a section's _index.html or _index.htm with draft:
// true, published: false or cascade: {draft: true} hid every page under
// it, and one beside an _index.md is the section's page (its draft hid
// the pages, the _index.md's did not); a helper's report: folio read no
// such file, and listed the pages.
func IsHTMLSectionName(name string) bool {
	ext := path.Ext(name)
	stem := name[:len(name)-len(ext)]
	return (ext == ".html" || ext == ".htm") && (stem == "_index" || strings.HasPrefix(stem, "_index."))
}

// hugoHTMLSectionAt reports whether an _index.html in the folder dir is
// one the scan lists (IsHTMLSectionName): one in the content folder of
// the Hugo site (or theme) whose root is the nearest on its path (told by
// atHugoRoot), or in a folder below it, its content folders told by
// contentsOf (content/, or its config's contentDir, and its languages'
// own: hugoContentOf). Hugo
// reads its pages from there alone (hugo 0.111.3 as oracle:
// SITE/other/_index.html with draft: true hid nothing, Hugo publishing
// nothing of other/; folio listed it as a section page anywhere below a
// root, and its draft hid the Markdown beside it; with contentDir =
// "posts" a posts/h/_index.html with draft: true hid posts/h/b.md, and
// one of content/ nothing).
func hugoHTMLSectionAt(dir string, atHugoRoot func(dir string) bool, contentsOf func(root string) []string) bool {
	for d := dir; ; d = path.Dir(d) {
		if atHugoRoot(d) {
			rel := dir
			if d != "." {
				rel = strings.TrimPrefix(strings.TrimPrefix(dir, d), "/")
			}
			return hugoContentDirs{contents: contentsOf(d)}.holds(rel)
		}
		if d == "." || d == "/" || d == "" {
			return false
		}
	}
}

// Passed reports whether the archive's scan passes over a file or folder
// of that name (not a path), and all that is under it: a hidden one (a
// leading dot: .git, editors' swap files), the folders Jekyll never
// publishes as pages (_includes, _layouts, _site, its output, ...) and
// node_modules (a helper's report: their fragments and READMEs were
// listed, or skipped as problems). The scan and the reader's watch both
// ask this, by PassedIn, so that they agree on what the archive holds. It
// takes a folder entry's bytes as they are read, without a string for
// each.
func Passed[Name ~string | ~[]byte](name Name) bool {
	if len(name) == 0 {
		return false
	}
	if name[0] == '.' {
		return true
	}
	switch string(name) { // no allocation: the compiler compares the bytes
	case "_includes", "_layouts", "_site", "_sass", "_data", "_plugins", "node_modules",
		"exampleSite": // a Hugo theme's demonstration site, under themes/
		return true
	}
	return false
}

// PassedIn is Passed for the entry name of the folder dir (a slash path:
// the scan's from the archive's root, the watch's the folder's own), and
// passes over the folders at a site's root its generator never publishes
// as pages (a helper's report: Hugo's old-style archetypes were
// "invalid front matter", a Jekyll site's vendor/bundle of gems held
// hundreds of .md files that made check fail):
//
//   - at a Hugo site's root (or a theme's, themes/NAME/): archetypes,
//     assets, data, i18n, layouts, public, resources and static (copied
//     as they are, not rendered);
//   - at a Jekyll site's root: gemfiles and vendor/bundle, vendor/cache,
//     vendor/gems and vendor/ruby, the folders of Jekyll's default exclude
//     (node_modules is passed over everywhere).
//
// It passes over Jekyll's _drafts, the unpublished posts the site does
// not show, but in a Jekyll site whose config sets show_drafts (anything
// but false or nothing, as Ruby reads it: jekyllShowDraftsOf, asked by
// showDraftsMark), at its root or a category's folder (x/_drafts/:
// jekyllShowsDraftsOf). Jekyll 4.3.1 as oracle: with show_drafts: true
// or yes in _config.yml _drafts/a-draft.md was built, titled "A Draft",
// with no or false not; folio passed over _drafts/ by its name.
//
// A folder so named elsewhere (a notes folder's static/) is read. A Hugo
// root holds hugo.toml (.yaml, .yml, .json), theme.toml, config/_default/,
// config/production/, or config.toml (...) beside a content/ folder or setting contentDir
// (or a Zola site's zola.toml beside content/),
// its own or a language's (contentDirMark); a Jekyll root _config.yml (.yaml, .toml). exists
// says whether a path relative to dir ("hugo.toml", "../_config.yml") is
// there: it is asked only of a name that could be such a folder.
func PassedIn[Name ~string | ~[]byte](dir string, name Name, exists func(rel string) bool) bool {
	if Passed(name) {
		return true
	}
	switch string(name) { // no allocation, as in Passed
	case "_drafts":
		return !jekyllShowsDraftsOf(dir, exists)
	case "archetypes", "assets", "data", "i18n", "layouts", "public", "resources", "static":
		return hugoRoot("", exists) || path.Base(path.Dir(dir)) == "themes" && hugoRoot("../../", exists)
	case "gemfiles":
		return jekyllRoot("", exists)
	case "bundle", "cache", "gems", "ruby":
		return path.Base(dir) == "vendor" && jekyllRoot("../", exists)
	}
	return false
}

// jekyllShowsDraftsOf reports whether Jekyll reads the _drafts/ of the
// folder dir (PassedIn's dir and exists): whether the Jekyll site's root
// nearest it (dir, or a folder above it, of as many as dir names) sets
// show_drafts, and the folders from that root down to dir are ones
// Jekyll walks into (a name not starting with _, ., # or ~), reading the
// _posts/ and, showing drafts, the _drafts/ of each. Jekyll 4.3.1 as
// oracle: with show_drafts: true, x/_drafts/cat-draft.md and
// x/y/_drafts/deep-draft.md were built (as x/2026/12/06/cat-draft.html,
// a post of the category x), as x/_posts/'s posts are; folio read the
// _drafts/ at the root alone.
func jekyllShowsDraftsOf(dir string, exists func(rel string) bool) bool {
	prefix := ""
	for rest := dir; ; {
		if jekyllRoot(prefix, exists) {
			return exists(prefix + showDraftsMark)
		}
		base := path.Base(rest)
		if base == "" || base == "/" || strings.IndexByte("_.#~", base[0]) >= 0 {
			return false // the archive's root ("."), or a folder Jekyll passes over
		}
		rest = path.Dir(rest)
		prefix += "../"
	}
}

// hugoRootFile reports whether the scan passes over a file of a Hugo
// site's (or theme's) root folder (hugoRoot) named name: an article's
// name, which Hugo never reads, its pages being under content/ (an
// oracle's report against Hugo 0.111: a site's README.md was "no front
// matter", a problem): a Quiet note on each (hugoRootPage). Other files (a link, perhaps to a folder) are
// kept for the scan to say what they are.
func hugoRootFile(name string) bool { return IsArticlePath(name) }

// HugoRootMsg is the message of the Quiet problem of an article's file
// at a Hugo site's root (hugoRootFile), which the scan makes: not read,
// but listed under ! and counted by folio check, as the files a Jekyll
// site does not publish are (a helper's report: they vanished without a
// trace).
const HugoRootMsg = "not a page of the site (Hugo reads its pages from content/)"

// hugoRootPage is the scan's note on the file at p, at a Hugo site's root.
func hugoRootPage(p string) Problem {
	return Problem{Path: p, Msg: HugoRootMsg, Fatal: true, Quiet: true}
}

// ExistsIn is PassedIn's exists for the folder dir of the file system.
// It asks above an archive's root too: the reader's watch, which may
// watch a folder more than the scan reads then, not fewer.
func ExistsIn(dir string) func(rel string) bool {
	return func(rel string) bool { return osExists(filepath.Join(dir, filepath.FromSlash(rel))) }
}

// ExistsInArchive is ExistsIn for the folder dir of the archive whose
// folder is root: a path above root is not there, as for the scan of an
// fs.FS (existsInFS), so the site whose root is above the archive is no
// site of its folders' (a _drafts/, jekyllShowsDraftsOf), as for the
// pieces (SiteRoots).
func ExistsInArchive(root, dir string) func(rel string) bool {
	return func(rel string) bool {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if r, err := filepath.Rel(root, p); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return false
		}
		return osExists(p)
	}
}

// HugoSiteAbove is the root of the Hugo site (hugoRoot) whose content
// folder is, or holds, the folder dir of the file system (SITE/content,
// SITE/content/posts), "" for none: an archive opened there is read
// without Hugo's reading (a tags string is one tag, a section's cascade),
// which asks only the archive's own folders (SiteRoots), so folio check
// says to open the site's root (a helper's report). Its content folder
// is content/ or its config's contentDir (hugoContentOf). It stats the
// names of a site's config in each folder above dir.
func HugoSiteAbove(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for parent := filepath.Dir(d); ; parent = filepath.Dir(parent) {
		fsys := os.DirFS(parent)
		read := fsConfigs(fsys) // a config read for its contentDir is read once
		if hugoRoot("", existsInFS(fsys, read, ".")) {
			c, _ := hugoContentOf(read, ".")
			if rel, err := filepath.Rel(parent, d); err == nil && c.holds(filepath.ToSlash(rel)) {
				return parent
			}
		}
		if filepath.Dir(parent) == parent {
			return ""
		}
	}
}

// SiteRootReadsNone reports whether the folder dir is the root of a Hugo
// or Zola site (hugoRoot), which reads its pages from its content folder
// and none from the root: a piece written there is no piece of the
// archive (folio add and import refuse it, a review: "added" said of a
// file folio list never showed).
func SiteRootReadsNone(dir string) bool {
	fsys := os.DirFS(dir)
	return hugoRoot("", existsInFS(fsys, fsConfigs(fsys), "."))
}

// existsInFS is PassedIn's exists for the folder dir of fsys (a path
// above its root is not there), a config read by read (fsConfigs(fsys),
// shared with the caller's other reads of the configs, or nil: read
// afresh).
func existsInFS(fsys fs.FS, read configReader, dir string) func(rel string) bool {
	if read == nil {
		read = func(p string) (map[string]any, bool) { return siteConfigValues(fsys, p) }
	}
	return func(rel string) bool {
		p := path.Join(dir, rel)
		if name, ok := strings.CutSuffix(p, contentDirMark); ok {
			return fs.ValidPath(name) && configSetsContentDir(read, name)
		}
		if root, ok := strings.CutSuffix(p, showDraftsMark); ok {
			root = path.Clean("./" + root)
			return fs.ValidPath(root) && jekyllShowDraftsOf(read, root)
		}
		if !fs.ValidPath(p) {
			return false
		}
		_, err := fs.Stat(fsys, p)
		return err == nil
	}
}

// The files and folders that make a folder a site's root: hugoConfigs a
// Hugo site's or theme's, hugoOldConfigs a Hugo site's or a Zola site's
// (a zola.toml: zolaConfigOf) with a content folder (hugoContent) beside them,
// jekyllConfigs a Jekyll site's.
var (
	hugoConfigs    = slices.Concat([]string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "theme.toml"}, hugoConfigFolders)
	hugoOldConfigs = []string{"config.toml", "config.yaml", "config.yml", "config.json", "zola.toml"}
	jekyllConfigs  = []string{"_config.yml", "_config.yaml", "_config.toml"}
)

const hugoContent = "content"

// hugoConfigFolders are the folders of Hugo's config/ that make a Hugo
// root, the ones it reads for a build (hugoConfigFiles): _default/ and
// production/, Hugo's default environment. hugo 0.111.3 as oracle (an
// attack's site): a site whose one config was
// config/production/hugo.toml with buildDrafts = true built its drafts;
// folio read the folder as no site's.
var hugoConfigFolders = []string{"config/_default", "config/production"}

// HugoConfigFolderRoot is the root of the Hugo site whose config folder
// (hugoConfigFolders) is at p, a site config's slash path; false for
// another path.
func HugoConfigFolderRoot(p string) (string, bool) {
	for _, f := range hugoConfigFolders {
		if p == f {
			return ".", true
		}
		if root, ok := strings.CutSuffix(p, "/"+f); ok {
			return root, true
		}
	}
	return "", false
}

// IsHugoConfigFolderFile reports whether the file at p (a slash path)
// is one Hugo reads in a config folder (hugoConfigFolders): a config's
// extension (hugoConfigExts) in config/_default/ or config/production/,
// its hugo.toml or a file named after a key (hugoKeyFile: cascade.toml,
// frontmatter.yaml), whose keys change how the site's pages read. The
// reader's watch asks it of a file made, written over or removed (its
// name is no IsSiteConfig one: cascade.toml made or edited while the
// reader ran went unseen until R).
func IsHugoConfigFolderFile(p string) bool {
	if !slices.Contains(hugoConfigExts, path.Ext(p)) {
		return false
	}
	_, ok := HugoConfigFolderRoot(path.Dir(p))
	return ok
}

// hugoRoot reports whether the folder at prefix is a Hugo site's or
// theme's root (PassedIn).
func hugoRoot(prefix string, exists func(string) bool) bool {
	for _, f := range hugoConfigs {
		if exists(prefix + f) {
			return true
		}
	}
	for _, f := range hugoOldConfigs {
		if exists(prefix + f) {
			return exists(prefix+hugoContent) || exists(prefix+f+contentDirMark)
		}
	}
	return false
}

// contentDirMark, after the path of a config.toml (.yaml, .yml, .json; a
// zola.toml is asked too, and holds no contentDir Zola reads),
// is what hugoRoot asks an exists func for whether that config sets a
// contentDir, its own or a language's (configSetsContentDir), which makes its folder a Hugo root
// without a content/ beside it (hugo 0.111.3 as oracle: with
// contentDir = "posts" in config.toml and no content/, posts/x/a.md was
// the site's one page; folio read the folder as no site's, listing its
// README.md and splitting a tags string). A scan that finds it so
// records the path with the mark among its SiteConfigs; ExistsIn and
// existsInFS read the config. No file's name holds a NUL.
const contentDirMark = "\x00contentDir"

// showDraftsMark is what PassedIn asks an exists func for whether the
// Jekyll site whose root is its folder sets show_drafts
// (jekyllShowDraftsOf): ExistsIn and existsInFS read its config. No
// file's name holds a NUL.
const showDraftsMark = "\x00show_drafts"

// configSetsContentDir reports whether the Hugo config file at p, read
// by read, sets contentDir (in any case, as Hugo reads its keys) to a
// folder, or gives a language one of its own (hugo 0.111.3 as oracle: a
// config.toml whose [languages.en] and [languages.fr] set contentDir =
// "pages/en" and "pages/fr", no content/ beside it, built
// pages/en/e.md and pages/fr/f.md; folio read the folder as no site's,
// a tags string two tags). A caller that reads the config again
// (hugoContentOf) shares its read (fsConfigs), which decodes the file
// once (a review: decoded twice).
func configSetsContentDir(read configReader, p string) bool {
	m, _ := read(p)
	v, _ := hugoKey(m, "contentdir")
	if s, ok := hugoContentDirName(v); !ok || s != "" {
		return true
	}
	langs, _ := hugoKey(m, "languages")
	lm, _ := langs.(map[string]any)
	for _, l := range lm {
		if l, ok := l.(map[string]any); ok {
			if _, ok := hugoKey(l, "contentdir"); ok {
				return true
			}
		}
	}
	return false
}

// osExists is whether the file at the path p of the file system is there,
// or, for a path with contentDirMark, whether that config sets contentDir,
// and for a folder's showDraftsMark whether its Jekyll config sets
// show_drafts.
func osExists(p string) bool {
	if name, ok := strings.CutSuffix(p, contentDirMark); ok {
		fsys := os.DirFS(filepath.Dir(name))
		return configSetsContentDir(func(p string) (map[string]any, bool) { return siteConfigValues(fsys, p) }, filepath.Base(name))
	}
	if root, ok := strings.CutSuffix(p, showDraftsMark); ok {
		return jekyllShowDraftsOf(fsConfigs(os.DirFS(filepath.Clean(root+"."))), ".")
	}
	_, err := os.Stat(p)
	return err == nil
}

// siteConfigNames are the names of the files and folders on the paths
// hugoRoot and jekyllRoot ask for ("config" and "_default" of
// "config/_default", "production" of "config/production").
var siteConfigNames = func() map[string]bool {
	names := map[string]bool{hugoContent: true}
	for _, f := range slices.Concat(hugoConfigs, hugoOldConfigs, jekyllConfigs) {
		for n := range strings.SplitSeq(f, "/") {
			names[n] = true
		}
	}
	return names
}()

// IsSiteConfig reports whether a file or folder named base makes the
// folder it is in a Hugo or Jekyll site's root (hugoRoot, jekyllRoot):
// made or removed, it changes which of that folder's folders are read.
func IsSiteConfig(base string) bool { return siteConfigNames[base] }

// siteConfigNamed is the name IsSiteConfig knows that name, as the scan
// reads it, is in any case ("Hugo.toml": hugo.toml, which a file system
// that ignores case finds under it); false when it is none.
func siteConfigNamed(name []byte) (string, bool) {
	if len(name) > 16 {
		return "", false
	}
	var buf [16]byte
	lower := buf[:len(name)]
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	if !siteConfigNames[string(lower)] { // no string made for the lookup
		return "", false
	}
	return string(lower), true
}

// jekyllRoot reports whether the folder at prefix is a Jekyll site's root.
func jekyllRoot(prefix string, exists func(string) bool) bool {
	return slices.ContainsFunc(jekyllConfigs, func(f string) bool { return exists(prefix + f) })
}

// InJekyllSite reports whether the file at p (a slash path in fsys) is in
// a Jekyll site: whether a folder on its path, or fsys's root, is a
// Jekyll site's root (jekyllRoot: a _config.yml, .yaml or .toml).
func InJekyllSite(fsys fs.FS, p string) bool { return NewSiteRoots(fsys).InJekyll(p) }

// InHugoSite reports whether the file at p (a slash path in fsys) is in
// a Hugo site: whether a folder on its path, or fsys's root, is a Hugo
// site's or theme's root (hugoRoot).
func InHugoSite(fsys fs.FS, p string) bool { return NewSiteRoots(fsys).InHugo(p) }

// SiteRoots answers InJekyllSite and InHugoSite for many files of one
// archive, each folder asked of the file system once: files share their
// folders and the folders above them (a review: 10k page bundles with a
// tags string cost 410k stats an open, the folders above each asked
// again for each). A SiteRoots of the archive's files (NewSiteRoots)
// reads the cascades of its Hugo section pages too (cascade.go). Safe for
// concurrent use.
type SiteRoots struct {
	exists         func(dir string) func(rel string) bool // of a folder of the archive
	fsys           fs.FS                                  // the archive; nil for SiteConfigs'
	mu             sync.Mutex
	jekyll, hugo   map[string]bool            // folder → whether it is in such a site
	sections       map[string]string          // sectionKey → its section page (KnowSections); nil: ask fsys
	cascades       map[string]section         // sectionKey → its section page's cascade and draft, zero for none
	zolaDrafts     map[string]bool            // a Zola site's folder → whether a section page of it is a draft (zolaDraftSection)
	roots          map[string]bool            // folder → whether it is a Hugo root (inHugoRoot)
	jekyllRoots    map[string]bool            // folder → whether it is a Jekyll root (inJekyllRoot)
	configFiles    sync.Map                   // a config file's path → configRead (readConfig)
	configs        map[string][]cascadeEntry  // a Hugo root → its config's cascade (configCascadeOf)
	collections    sync.Map                   // Jekyll root → map[string]bool, its collections with output (jekyllOutputs)
	ignores        sync.Map                   // Hugo root → *ignoreFiles, its config's (hugoIgnores)
	ignoredDirs    sync.Map                   // folder of a Hugo site's content → whether its ignoreFiles match it or one above it (hugoIgnoredFolder)
	defaults       sync.Map                   // Jekyll root → []jekyllDefault, its config's front matter defaults (jekyllDefaults)
	contents       sync.Map                   // Hugo root → hugoContentDirs, where it reads its pages, or false: folio cannot tell (hugoOutsideContent)
	builds         sync.Map                   // Hugo root → hugoBuild, its config's buildDrafts (hugoBuildFor)
	unpublished    sync.Map                   // Jekyll root → whether its config sets unpublished (jekyllUnpublished)
	showDrafts     sync.Map                   // Jekyll root → whether its config sets show_drafts (jekyllShowDrafts)
	collectionsDir sync.Map                   // Jekyll root → its config's collections_dir (jekyllCollectionsDir)
	absRoot        atomic.Value               // string: the archive's root as Zola names it (zolaAbsRoot)
	sectionReads   map[string]sectionReadMemo // a section page's path → its front matter read (sectionReadOf); those KnowSections does not list forgotten
}

// NewSiteRoots is SiteRoots of fsys, nothing asked yet.
func NewSiteRoots(fsys fs.FS) *SiteRoots {
	s := &SiteRoots{fsys: fsys, jekyll: map[string]bool{}, hugo: map[string]bool{}}
	// a config asked for its contentDir is decoded once with its other reads
	s.exists = func(dir string) func(string) bool { return existsInFS(fsys, s.readConfig, dir) }
	return s
}

// SiteConfigs are the entries of an archive's folders named as a site's
// config (IsSiteConfig: hugo.toml, content, config/_default, config/production,
// _config.yml, ...), as slash paths from its root, that a scan met
// (ScanEachMemo): a folder is a site's root by them alone (hugoRoot,
// jekyllRoot), so they answer SiteRoots without asking the file system
// again (a review: a check of 10k page bundles with a tags string made
// 100k stats).
type SiteConfigs map[string]bool

// SiteRoots is SiteRoots answered from c: the scan's, so as the archive
// was when it was scanned.
func (c SiteConfigs) SiteRoots() *SiteRoots {
	return newSiteRoots(func(dir string) func(string) bool {
		return func(rel string) bool { return c[path.Join(dir, rel)] }
	})
}

// SiteRootsOf is SiteRoots answered from c, the scan's, with the files
// of fsys to read (its configs, its section pages): whether a folder is
// a site's root is told by c without a stat (a review: each file's Hugo
// and Jekyll roots asked of the file system made 13 stats a folder of
// an archive of 10k page bundles, 130k, where the scan had met every
// config there is).
func (c SiteConfigs) SiteRootsOf(fsys fs.FS) *SiteRoots {
	s := c.SiteRoots()
	s.fsys = fsys
	return s
}

func newSiteRoots(exists func(dir string) func(string) bool) *SiteRoots {
	return &SiteRoots{exists: exists, jekyll: map[string]bool{}, hugo: map[string]bool{}}
}

// InJekyll is InJekyllSite of the file at p.
func (s *SiteRoots) InJekyll(p string) bool { return s.in(path.Dir(p), s.jekyll, s.inJekyllRoot) }

// InHugo is InHugoSite of the file at p.
func (s *SiteRoots) InHugo(p string) bool { return s.in(path.Dir(p), s.hugo, s.inHugoRoot) }

// in reports whether dir, or a folder above it, is a root (isRoot, which
// remembers its own answers: inHugoRoot, inJekyllRoot), remembering the
// answer of each folder on the way.
func (s *SiteRoots) in(dir string, known map[string]bool, isRoot func(string) bool) bool {
	s.mu.Lock()
	v, ok := known[dir]
	s.mu.Unlock()
	if ok {
		return v
	}
	v = isRoot(dir)
	if !v && dir != "." && dir != "/" {
		v = s.in(path.Dir(dir), known, isRoot)
	}
	s.mu.Lock()
	known[dir] = v
	s.mu.Unlock()
	return v
}

// jekyllName is what Jekyll reads from a post's file name.
type jekyllName struct {
	date    Date
	title   string // Pi Day, Jekyll's title when the front matter has none
	undated bool   // a draft's name without a date (jekyllDraft)
}

// jekyllPost reads the date and title of a Jekyll post from its file name,
// _posts/2021-03-14-pi-day.md (or 2021-3-14-…, as Jekyll's pattern takes
// it), as Jekyll does; false for any other file.
func jekyllPost(p string) (jekyllName, bool) {
	if !inPosts(p) {
		return jekyllName{}, false
	}
	base := path.Base(p)
	m := jekyllPostName().FindStringSubmatch(strings.TrimSuffix(base, path.Ext(base)))
	if m == nil {
		return jekyllName{}, false
	}
	d, ok := dateOfParts(m[1], m[2], m[3])
	return jekyllName{date: d, title: titleizeSlug(m[4])}, ok
}

// jekyllDraft reads the date and title of a post of a Jekyll site's
// _drafts/ (at its root or a category's: PassedIn) from its file name, as Jekyll does: a
// dated name's as a post's (jekyllPost), any other its title alone, the
// name's words (_drafts/a-draft.md: "A Draft"), undated (Jekyll dates it
// by the file's time, which folio does not read); false for a file
// elsewhere.
func jekyllDraft(p string) (jekyllName, bool) {
	if !strings.HasPrefix(p, "_drafts/") && !strings.Contains(p, "/_drafts/") {
		return jekyllName{}, false
	}
	base := path.Base(p)
	// its trailing dots cut before its date is read (2021-01-01-..md
	// undated), and an undated name's words all its title (an impossible
	// day's too: 2021-02-30-x.md "2021 02 30 X")
	name := strings.TrimRight(strings.TrimSuffix(base, path.Ext(base)), ".")
	n := jekyllNameOf(name)
	if n.undated {
		n.title = titleizeSlug(name)
	}
	return n, true
}

// jekyllPathCategories are the categories Jekyll gives the post (of
// _posts/) or draft (of _drafts/) at p, of a Jekyll site (its root the
// nearest, jekyllRootOf; none without one), from the folders on its
// path, as a list of strings, as Jekyll 4.3.1's
// Document#categories_from_path reads them: its path from the site's
// collections_dir (jekyllCollectionsDir; the root when none) before the
// first "_posts" ("_drafts" of a draft) in it, split at its slashes, but
// for a path starting with it (_posts/x/a.md: none). Jekyll 4.3.1 as
// oracle: news/_posts/2020-01-07-a.md was of the category news,
// news/sub/_posts/… of news and sub, news/_drafts/… (show_drafts) of news,
// before its front matter's categories (merged); folio read none (the
// NOTES' "Jekyll's folder categories are not read").
func (s *SiteRoots) jekyllPathCategories(p string) []any {
	root, ok := s.jekyllRootOf(path.Dir(p))
	if !ok {
		return nil
	}
	special := "_posts"
	if !inPosts(p) {
		special = "_drafts"
	}
	rel := p
	if root != "." {
		var ok bool
		if rel, ok = strings.CutPrefix(p, root+"/"); !ok {
			return nil
		}
	}
	if d := s.jekyllCollectionsDir(root).dir; d != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(rel, d+"/"); !ok {
			return nil // (Jekyll's relative_path is then the absolute path)
		}
	}
	i := strings.Index(rel, special)
	if i <= 0 {
		return nil
	}
	var out []any
	for _, c := range strings.Split(rel[:i], "/") {
		if c != "" && c != special && c != path.Base(p) {
			out = append(out, c)
		}
	}
	return out
}

// jekyllDocument reads the title and date Jekyll gives a document of a
// collection with output (jekyllOutputs: _notes/plain-note.md of a site
// whose _config.yml gives notes output: true) from its file name, as it
// does a post's: Document#populate_title runs for every document of a
// collection, not only posts (Jekyll 4.3.1 as oracle: _notes/plain-note.md
// untitled was "Plain Note", _notes/2019-02-02-dated-note.md "Dated Note"
// of 2019-02-02; folio titled them "plain-note" and
// "2019-02-02-dated-note", an attack's report). A name without a date
// (Jekyll's DATE_FILENAME_MATCHER, jekyllPostName) is undated. False for a
// file of no such collection, of _posts or _drafts, and when s has no
// config to read.
func (s *SiteRoots) jekyllDocument(p string) (jekyllName, bool) {
	if s == nil || s.fsys == nil || !strings.Contains(p, "_") {
		return jekyllName{}, false
	}
	root, ok := s.jekyllRootOf(path.Dir(p))
	if !ok {
		return jekyllName{}, false
	}
	rel := p
	if root != "." {
		rel = strings.TrimPrefix(p, root+"/")
	}
	if s.jekyllCollectionOf(root, rel) == "" {
		return jekyllName{}, false
	}
	return jekyllDocName(path.Base(rel)), true
}

// jekyllDocName is what Jekyll's populate_title reads of a document's
// file name base: its name but for its last extension (jekyllNameOf).
func jekyllDocName(base string) jekyllName {
	name := strings.TrimSuffix(base, path.Ext(base))
	if name == "" {
		name = base
	}
	return jekyllNameOf(name)
}

// jekyllNameOf reads name, a file's name without its extension, as Jekyll
// does: a dated name's date (an impossible day none: Jekyll fails the
// build on it) and the slug after it; the slug's (or an undated name's)
// trailing dots dropped, titleized (titleizeSlug).
func jekyllNameOf(name string) jekyllName {
	n := jekyllName{undated: true}
	if m := jekyllPostName().FindStringSubmatch(name); m != nil {
		name = m[4]
		if d, ok := dateOfParts(m[1], m[2], m[3]); ok {
			n.date, n.undated = d, false
		}
	}
	n.title = titleizeSlug(strings.TrimRight(name, "."))
	return n
}

// jekyllPostName is Jekyll's post file name: year, month, day, slug.
var jekyllPostName = lazyRegexp(`^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.+)$`)

// jekyllPostPrefix is the start of the name of a file of _posts/ that
// Jekyll 4.3 reads as a post (its Document::DATE_FILENAME_MATCHER, the
// slug perhaps empty); it passes over any other (_posts/hello.md,
// _posts/2021-1-2x.md: Jekyll 4.3 as oracle).
var jekyllPostPrefix = lazyRegexp(`^\d{2,4}-\d{1,2}-\d{1,2}-`)

// zolaName is a date at the start of a file's or page bundle folder's
// name (a time after it has its zone), then "-", "_" or a space (Zola
// dates a page without one in its front matter by it: 2021-05-05-title.md,
// 2021-05-05_title.md, 2021-06-01-post/index.md).
var zolaName = lazyRegexp(`^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}))?[-_ ].`)

// nameDate is the date Zola takes from p's name (its folder's, for a
// bundle's index.md).
func nameDate(p string) (Date, bool) {
	base := path.Base(p)
	if strings.EqualFold(strings.TrimSuffix(base, path.Ext(base)), "index") {
		base = path.Base(path.Dir(p))
	}
	m := zolaName().FindStringSubmatch(base)
	if m == nil {
		return Date{}, false
	}
	return dateOfParts(m[1], m[2], m[3])
}

// dateOfParts is the day of year, month and day as written (a year of two
// digits is 1969–2068, as Ruby's Date reads it).
func dateOfParts(y, m, d string) (Date, bool) {
	year, err1 := strconv.Atoi(y)
	month, err2 := strconv.Atoi(m)
	day, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || month < 1 || month > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	if len(y) == 2 {
		year += 2000
		if year >= 2069 {
			year -= 100
		}
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 2021-02-30
		return Date{}, false
	}
	return dayOf(t), true
}

// titleizeSlug is Jekyll's Utils.titleize_slug: the slug's words, split
// on dashes, each capitalised as Ruby does (a capital, then lower case:
// "iOS" is "Ios").
func titleizeSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' })
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return SanitizeLine(strings.Join(words, " "))
}

// maxSiteKeys caps the SiteKeys of one piece (a list of aliases can be
// any length).
const maxSiteKeys = 32

// maxSiteKey is the longest site key kept, in bytes: an index's keyword
// terms are cut at 255, and a real site's paths are shorter.
const maxSiteKey = 255

// siteKeys are the ids the site of the piece at p links it by besides its
// path (Article.SiteKeys), from its front matter m; id is its own, left
// out. A site path that is a pattern (Jekyll's /:year/:title/) or a URL is
// none. lang is the language of a Zola site's translation
// (zolaTranslation), "" for another piece: Zola puts its slug under
// /lang/ (/fr/blog/perso/), which a link names as it names a Hugo
// translation's, by the slug's key with -lang after it (translations:
// blog/perso-fr; a dated name's, 2021-05-05-x.fr.md, x-fr), its bundle's
// index.fr.md named by its folder as an index.md is.
func siteKeys(p, id string, date Date, m matter, isTOML bool, lang string) []string {
	var out []string
	// add keeps sitePath's key, and says whether it is one (not a pattern,
	// a URL)
	add := func(sitePath string) bool {
		if strings.Contains(sitePath, ":") || strings.HasPrefix(sitePath, "//") {
			return false
		}
		k := linkID(sitePath)
		if k == "" || len(k) > maxSiteKey {
			return false
		}
		if len(out) < maxSiteKeys && k != id && !slices.Contains(out, k) {
			out = append(out, k)
		}
		return true
	}
	// the folder whose path the site puts before a slug: a page bundle's
	// (posts/x/index.md) is the bundle's parent
	dir := path.Dir(p)
	if stem := strings.TrimSuffix(path.Base(p), path.Ext(p)); strings.EqualFold(stem, "index") || lang != "" && stem == "index."+lang {
		dir = path.Dir(dir)
	}
	// Hugo's url and Jekyll's permalink are site paths (/about/), Zola's
	// and Gatsby's path one from the site's root, with or without its /
	placed := false
	for _, k := range []string{"url", "permalink", "path"} {
		if m[k].nested {
			continue // [params] url is the site's data, no route (a review)
		}
		s := strings.TrimSpace(stringOf(m[k].value))
		// Jekyll puts a / before a permalink without one
		if (strings.HasPrefix(s, "/") || k != "url" && s != "") && add(s) {
			placed = true
		}
	}
	// Hugo's and Zola's aliases, jekyll-redirect-from's redirect_from: a
	// site path; one without its / is from the site's root to Zola and
	// Jekyll, from the piece's folder to Hugo (both are kept: the front
	// matter does not say which site it is)
	for _, k := range []string{"aliases", "redirect_from"} {
		for _, s := range listOf(m[k].value) {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			add(s)
			if k == "aliases" && !strings.HasPrefix(s, "/") {
				add(path.Join(dir, s))
			}
		}
	}
	if placed {
		return out
	}
	// the name the site gives the piece in its folder, unless a site path
	// above places it: a slug takes the place of the file's (or bundle's)
	// name; a Jekyll post's is its date (the front matter's, as Jekyll's
	// permalink takes it) then its slug or title; Zola leaves a date at
	// the start of a name out (2021-05-05-hello-world is /hello-world/)
	slug := strings.TrimSpace(stringOf(m["slug"].value))
	if strings.Contains(slug, "/") {
		slug = ""
	}
	name := strings.TrimSuffix(path.Base(p), path.Ext(p))
	if strings.EqualFold(name, "index") || lang != "" && name == "index."+lang {
		name = path.Base(path.Dir(p))
	} else if lang != "" {
		name = strings.TrimSuffix(name, "."+lang) // Zola's name, its language cut off
	}
	post := strings.HasPrefix(p, "_posts/") || strings.Contains(p, "/_posts/")
	if mm := jekyllPostName().FindStringSubmatch(name); post && mm != nil {
		day, title := mm[1]+"-"+mm[2]+"-"+mm[3], cmp.Or(slug, mm[4])
		if date.Precision == PrecisionDay {
			day = date.Time.Format("2006-01-02")
		}
		add(path.Join(dir, day+"-"+title))
		// a post in a folder of _posts/ (_posts/2019/…): Jekyll's URL of
		// it leaves that folder out, so links name it as a post of
		// _posts/ itself (a helper's report against jekyll)
		if i := strings.LastIndex("/"+dir+"/", "/_posts/"); i >= 0 && !strings.HasSuffix(dir, "_posts") {
			add(path.Join(dir[:i+len("_posts")], day+"-"+title))
		}
		// a post of a category's folder (news/_posts/): Jekyll finds it
		// by a post_url of its name alone, without the folder (deprecated,
		// but Jekyll 4.3 resolves it), so it is named as a post of the
		// _posts/ of the folder above the category's, the site's root (an
		// oracle's report)
		if cat := path.Dir(dir); path.Base(dir) == "_posts" && cat != "." && cat != "/" {
			add(path.Join(path.Dir(cat), "_posts", day+"-"+title))
		}
		return out
	}
	suffix := "" // a Zola translation's key: -lang after it
	if lang != "" {
		suffix = "-" + lang
	}
	if slug != "" {
		add(path.Join(dir, slug) + suffix)
	} else if loc := zolaName().FindStringIndex(name); loc != nil && isTOML {
		// Zola's front matter is TOML: in a YAML archive of dated notes the
		// name without its date made paths that clashed (a review)
		add(path.Join(dir, name[loc[1]-1:]) + suffix)
	}
	return out
}

// listOf is a front-matter value as a list of strings: a list's strings,
// or a string alone.
func listOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// SiteKeyConflicts are the notes on the pieces of arts a link by one of
// their SiteKeys does not name (Archive.Resolve): the key is another
// piece's id, or a piece of a lesser id claims it too. A site would serve
// one of them at that path; folio check says which.
func SiteKeyConflicts(arts []Article) []Problem {
	byID := make(map[string]string, len(arts)) // id -> path
	owner := map[string]Article{}              // key -> the lesser id's piece
	for _, a := range arts {
		byID[a.ID] = a.Path
		for _, k := range a.SiteKeys {
			if o, ok := owner[k]; !ok || a.ID < o.ID {
				owner[k] = a
			}
		}
	}
	var out []Problem
	for _, a := range arts {
		for _, k := range a.SiteKeys {
			how := "the path of"
			other, ok := byID[k]
			if !ok && owner[k].ID != a.ID {
				how, other, ok = "claimed by", owner[k].Path, true
			}
			if ok {
				out = append(out, Problem{Path: a.Path,
					Msg: fmt.Sprintf("site path %s (a slug, url or alias) is also %s %s: a link by it names that piece", k, how, other)})
			}
		}
	}
	slices.SortFunc(out, func(x, y Problem) int { return strings.Compare(x.Path+x.Msg, y.Path+y.Msg) })
	return out
}

// inPosts reports whether p is in a Jekyll _posts folder.
func inPosts(p string) bool {
	return strings.HasPrefix(p, "_posts/") || strings.Contains(p, "/_posts/")
}

// isDatedPost reports whether p is a post of a Jekyll _posts folder with a
// dated name (jekyllPost).
func isDatedPost(p string) bool {
	_, ok := jekyllPost(p)
	return ok
}

// jekyllPassedFolder reports whether Jekyll publishes no page of the file
// at p, of a Jekyll site, by a folder on its path under the site's root
// whose name starts with _, # or ~ (Jekyll 4.3 as oracle: sub/_inner/b.md
// and _notes/a.md were pieces): every such folder but _posts (at any
// depth) and, at the site's root, a collection _config.yml gives
// output: true, and _drafts (at any depth, as the scan reads it:
// jekyllShowsDraftsOf) when its config sets show_drafts
// (jekyllShowDrafts; the others Passed names the scan passes over).
// A config's collections_dir (jekyllCollectionsDir) is where Jekyll
// reads its collections alone, and its _posts and _drafts where
// readsPosts says, as written: elsewhere they are passed over; its own
// folders are asked as any (with _col, _col/_essays/ is read,
// _col/_posts/ and _col/page.md are not). Under _posts, _drafts or such
// a collection only the folder just below
// it is asked, as Jekyll's EntryFilter asks it (_posts/_hid/a.md is
// passed over, _posts/sub/_x/b.md is not). Its
// _config.yml is read of fsys; false when s has none to read.
func (s *SiteRoots) jekyllPassedFolder(p string) bool {
	if s == nil || s.fsys == nil {
		return false
	}
	dir := path.Dir(p)
	if !strings.ContainsAny(dir, "_#~") {
		return false
	}
	root, ok := s.jekyllRootOf(dir)
	if !ok || root == dir {
		return false // none, or dir is the root
	}
	rel := strings.TrimPrefix(dir, root+"/")
	if root == "." {
		rel = dir
	}
	names := strings.Split(rel, "/")
	// start is the index in names of the first folder under the site's
	// collections_dir, where its collections are read; -1 for a file
	// outside it
	cd := s.jekyllCollectionsDir(root)
	start := 0
	if cd.dir != "" {
		start = -1
		if strings.HasPrefix(rel+"/", cd.dir+"/") {
			start = strings.Count(cd.dir, "/") + 1
		}
	}
	if start >= 0 && start < len(names) && names[start] != "_posts" && strings.HasPrefix(names[start], "_") && s.jekyllOutputs(root)[names[start][1:]] {
		// a collection's: Jekyll reads its folder wherever the
		// collections_dir is, one starting with _ too
		return start+1 < len(names) && jekyllSpecialName(names[start+1])
	}
	// else the folders of its path as Jekyll walks them from the root, a
	// collections_dir's own too (Jekyll 4.3.1 as oracle: with
	// collections_dir: _col, _col/_essays/e.md was built, _col/page.md
	// and _col/_posts/… not; folio read them all, NOTES' fortieth
	// session)
	for i, name := range names {
		switch {
		case name == "_posts", name == "_drafts" && s.jekyllShowDrafts(root):
			if !cd.readsPosts(strings.Join(names[:i], "/")) {
				return true // outside the collections_dir
			}
			// Jekyll's EntryFilter asks of the path below it its first
			// folder alone (Jekyll 4.3.1 as oracle: _posts/_hid/a.md and
			// _notes/_hid/n.md were no pages, _posts/sub/_x/b.md one;
			// folio published all three, an attack's report)
			return i+1 < len(names) && jekyllSpecialName(names[i+1])
		case name != "" && strings.IndexByte("_#~", name[0]) >= 0:
			return true
		}
	}
	return false
}

// jekyllSpecialName reports whether Jekyll's EntryFilter passes over an
// entry so named: one starting with ., _, # or ~.
func jekyllSpecialName(name string) bool {
	return name != "" && strings.IndexByte("._#~", name[0]) >= 0
}

// jekyllRootOf is the Jekyll site's root nearest the folder dir: dir or
// a folder above it that is one (inJekyllRoot); false for none.
func (s *SiteRoots) jekyllRootOf(dir string) (string, bool) {
	root := dir
	for !s.inJekyllRoot(root) {
		if root == "." || root == "/" || root == "" {
			return "", false
		}
		root = path.Dir(root)
	}
	return root, true
}

// jekyllSiteDir is the folder of the file at p from its Jekyll site's
// root (jekyllRootOf), "." for a file at the root; the folder from the
// archive's root when s is nil or no folder on its path is a site's
// root.
func (s *SiteRoots) jekyllSiteDir(p string) string {
	dir := path.Dir(p)
	if s == nil {
		return dir
	}
	root, ok := s.jekyllRootOf(dir)
	switch {
	case !ok || root == ".":
		return dir
	case root == dir:
		return "."
	}
	return strings.TrimPrefix(dir, root+"/")
}

// jekyllOutputs are the collections of the Jekyll site whose root is
// root that its _config.yml gives output: true (Jekyll publishes their
// pages), read once.
func (s *SiteRoots) jekyllOutputs(root string) map[string]bool {
	if v, ok := s.collections.Load(root); ok {
		return v.(map[string]bool)
	}
	out := jekyllCollectionOutputs(s.readConfig, root)
	s.collections.Store(root, out)
	return out
}

// jekyllCollectionOutputs are the collections of the Jekyll site whose
// root is root that its config (the first of jekyllConfigs there, read
// by read) gives output: true.
func jekyllCollectionOutputs(read configReader, root string) map[string]bool {
	out := map[string]bool{}
	cs, _ := jekyllSiteConfig.value(read, root, "collections")
	if cs, ok := cs.(map[string]any); ok {
		for k, v := range cs {
			if c, ok := v.(map[string]any); ok && c["output"] == true {
				out[k] = true
			}
		}
	}
	return out
}

// hugoIgnored reports whether the file at p is under the content folder
// of a Hugo site (its root told by inHugoRoot) whose config's
// ignoreFiles match it or a folder on its path below the content folder,
// which Hugo never reads (Hugo 0.111 as oracle: "secret\\.md$" left
// posts/secret.md out, "sub$" and "/sec/sub" every page of
// content/sec/sub/); the content folder itself is not matched ("content$"
// left every page published, an attack's report). Hugo matches each regexp against a file's absolute
// path; folio against its path from the archive's root with a / before
// it (/content/posts/secret.md, /blog/content/... for a site in the
// archive's blog/ folder), so that a pattern that names the folders
// above the archive's root matches nothing. Its config is read of fsys
// once; false when s has none to read.
func (s *SiteRoots) hugoIgnored(p string) bool {
	if s == nil || s.fsys == nil {
		return false
	}
	for dir := path.Dir(p); dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
		root, ok := s.hugoContentRootOf(dir)
		if !ok {
			continue
		}
		ig := s.hugoIgnores(root)
		if ig == nil {
			return false
		}
		// the file, then each folder above it below the content folder
		// (Hugo 0.111 as oracle: "content$" left every page published),
		// each folder's answer remembered (an attack's report: 10k
		// patterns asked again at every level for each of 2,000 pages
		// made a rebuild 4.8 s)
		if s.zolaSite(p) {
			// Zola matches a page's own path alone, its absolute one
			// (zolaAbsRoot); a section page is read by its folder's
			// path: zolaIgnoredSection
			return !strings.HasPrefix(path.Base(p), "_index.") && ig.match(s.zolaAbsRoot()+"/"+p)
		}
		return ig.match("/"+p) || s.hugoIgnoredFolder(ig, path.Dir(p), dir)
	}
	return false
}

// zolaIgnoredSection reports whether the section page at p of a Zola site
// is in a folder its ignored_content globs match, by its absolute path
// (zolaAbsRoot) as a page's: Zola reads a folder's section pages when its
// walk meets the folder, after its globs are matched against the folder's
// own path, and passes over the _index files it meets later
// (getzola/zola components/site/src/lib.rs, Site::load: "ignore excluded
// content", ignored_content_globset is_match of the walked path, then
// "we process a section when we encounter the dir"), so a glob matching
// content/drafts reads no drafts/_index.md: its draft hides nothing
// (the walk goes on into the folder: its pages are matched each by its
// own path) and its front matter that cannot be read is no problem of
// the site's. A glob matching the _index.md file alone changes nothing.
func (s *SiteRoots) zolaIgnoredSection(p string) bool {
	if s == nil || s.fsys == nil || !s.zolaSite(p) {
		return false
	}
	dir := path.Dir(p)
	for d := dir; d != "." && d != "/" && d != ""; d = path.Dir(d) {
		if root, ok := s.hugoContentRootOf(d); ok {
			ig := s.hugoIgnores(root)
			return ig != nil && ig.match(s.zolaAbsRoot()+"/"+dir)
		}
	}
	return false
}

// zolaAbsRoot is the archive's root as Zola names a page's path under it
// when it matches its ignored_content globs: absolute, its links resolved
// (getzola/zola src/main.rs: the root folder is the one of the
// canonicalized --root, "." by default, that holds the config; the
// pages' paths are its content folder's joined with their names), as a
// slash path without a / at its end ("" for /); "" too when fsys is no
// real folder's (os.DirFS, a test's MapFS), whose pages are matched from
// the archive's root, a / before them, as before. Zola matches the whole
// path, so a glob naming where the site is (/home/ann/site/content/x.md)
// is matched, and one written from the archive's root (/content/x.md,
// ?content/**) is not, as Zola reads them. (An archive moved is indexed
// anew in the default cache, which is the path's; with --index-dir its
// pages' reading is kept, a glob naming the old place with it.)
func (s *SiteRoots) zolaAbsRoot() string {
	if v, ok := s.absRoot.Load().(string); ok {
		return v
	}
	root := ""
	if r, ok := s.fsys.(interface{ Root() string }); ok {
		if abs, err := filepath.Abs(r.Root()); err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				abs = real
			}
			root = strings.TrimSuffix(filepath.ToSlash(abs), "/")
		}
	}
	s.absRoot.Store(root)
	return root
}

// hugoIgnoredFolder reports whether ig matches the folder dir or one
// above it below the content folder content, each folder asked once.
func (s *SiteRoots) hugoIgnoredFolder(ig *ignoreFiles, dir, content string) bool {
	if dir == content || dir == "." || dir == "/" || dir == "" {
		return false
	}
	if v, ok := s.ignoredDirs.Load(dir); ok {
		return v.(bool)
	}
	v := ig.match("/"+dir) || s.hugoIgnoredFolder(ig, path.Dir(dir), content)
	s.ignoredDirs.Store(dir, v)
	return v
}

// hugoIgnores are the ignoreFiles of the config of the Hugo site whose
// root is root (hugoIgnoreFiles), compiled once; nil for none. A Zola
// site's are its ignored_content globs (zolaIgnoreFiles).
func (s *SiteRoots) hugoIgnores(root string) *ignoreFiles {
	if v, ok := s.ignores.Load(root); ok {
		return v.(*ignoreFiles)
	}
	var ig *ignoreFiles
	if m, ok := zolaConfigOf(s.readConfig, root); ok {
		ig = zolaIgnoreFiles(m) // each glob parsed once
	} else {
		ig = compileIgnoreFiles(hugoIgnorePatterns(s.readConfig, root))
	}
	s.ignores.Store(root, ig)
	return ig
}

// hugoIgnorePatterns are the ignoreFiles of the config of the Hugo site
// whose root is dir, its files read by read, as written: a list's
// strings, or a string's words, as Hugo 0.111 reads them (an oracle's
// report: "secret\\.md$ skipme" left out both). Their sum is the
// strings' (hugoConfigSum: compiling 5,000 heavy patterns at every open
// just to sum them took 1.0 s and 375 MB, an attack's report).
//
// A Zola site has none: its ignored_content globs are its (zolaIgnoreFiles;
// summed as written: hugoConfigSum).
func hugoIgnorePatterns(read configReader, dir string) []string {
	if _, ok := zolaConfigOf(read, dir); ok {
		return nil
	}
	v, _ := hugoSiteConfig.value(read, dir, "ignorefiles")
	if s, ok := v.(string); ok {
		return strings.Fields(s)
	}
	return listOf(v)
}

// ignoreFiles are a site's ignoreFiles compiled: one regexp, the
// alternation of all, which Go's parser factors (10k patterns with a
// common prefix are one pass over a path, not 10k), or each alone when
// the alternation does not compile.
type ignoreFiles struct {
	all   *regexp.Regexp
	each  []*regexp.Regexp
	asked atomic.Int64 // paths matched (a test counts them)
}

// compileIgnoreFiles compiles pats but for one that does not compile,
// which Hugo reports and leaves out; nil for none left.
func compileIgnoreFiles(pats []string) *ignoreFiles {
	var ok, parsed []string
	size := 0
	for _, e := range pats {
		if re, err := syntax.Parse(e, syntax.Perl); err == nil {
			ok = append(ok, e)
			parsed = append(parsed, re.String())
			size += progSize(re)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	// each in its own group, as parsed and printed again, not as written:
	// a \Q without its \E would quote the rest of the joined text
	// (\Qsecret then \Qother\E was one literal, matching neither), and
	// the printed form holds its flags ((?i) as (?i:…)) inside it. The
	// alternation matches a path when one of them does. Not when the
	// patterns are large (5,000 of [a-z]{1,300}: the alternation took 2 GB
	// to compile, each alone 720 MB)
	if size <= maxIgnoreAlternation {
		if all, err := regexp.Compile("(?:" + strings.Join(parsed, ")|(?:") + ")"); err == nil {
			return &ignoreFiles{all: all}
		}
	}
	ig := &ignoreFiles{}
	for _, e := range ok {
		if re, err := regexp.Compile(e); err == nil {
			ig.each = append(ig.each, re)
		}
	}
	if len(ig.each) == 0 {
		return nil
	}
	return ig
}

// match reports whether one of ig's patterns matches p.
func (ig *ignoreFiles) match(p string) bool {
	ig.asked.Add(1)
	if ig.all != nil {
		return ig.all.MatchString(p)
	}
	for _, re := range ig.each {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}

// maxIgnoreAlternation is the largest sum of progSize of ignoreFiles
// compiled as one alternation (10k patterns zzz00000[a-z]+q sum ~160k).
const maxIgnoreAlternation = 1 << 18

// progSize estimates the instructions re compiles to, its repetitions
// counted out as Go's regexp compiles them.
func progSize(re *syntax.Regexp) int {
	n := 1
	for _, sub := range re.Sub {
		n += progSize(sub)
	}
	switch re.Op {
	case syntax.OpLiteral:
		n += len(re.Rune)
	case syntax.OpRepeat:
		times := re.Max
		if times < 0 {
			times = re.Min + 1
		}
		n *= max(times, 1)
	}
	return min(n, 1<<30)
}
