package archive

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// hugoBuild is what a Hugo site's config says of which pages it builds
// and how it dates them, as Hugo 0.111 reads it (hugoBuildOf).
type hugoBuild struct {
	// drafts: its buildDrafts, cast as Hugo casts it (hugoBool): a draft
	// is built then, a draft section's pages too. hugo 0.111.3 as oracle:
	// buildDrafts = true or "true" built draft: true, published: false,
	// a cascade's draft and a draft section's pages; "yes" or TOML's 1
	// built none (folio skipped each as a draft).
	drafts bool
	// dates: the keys of its [frontmatter] date, in lower case, Hugo's
	// :default expanded and each key's aliases after it (publishdate:
	// pubdate, published; lastmod: modified), as Hugo 0.111 reads it; nil
	// when the config gives none (folio's dateKeys). hugo 0.111.3 as
	// oracle: with date = [":filename", ":default"] 2019-05-06-a.md with
	// date: 2020-01-01 was 2019-05-06, with date = ["lastmod", "myDate"] a
	// page with date: alone undated, its modified: or MyDate: dating it;
	// date = [] left every page undated, date = "lastmod" was ["lastmod"];
	// :git without enableGitInfo gave nothing, :fileModTime the file's
	// time (folio read date: 2020-01-01 for each).
	dates []string
	// langs: its languages (language.go), which a page's name or folder
	// says it is in.
	langs hugoLanguages
	// zola: the site is a Zola site (zolaConfigOf), its languages its
	// config's as Zola reads them (zolaLanguagesOf), nothing else of it
	// read as Hugo's.
	zola bool
}

// hugoDateAliases are the front matter keys Hugo 0.111 reads after a date
// key of its [frontmatter] config (pagemeta's dateFieldAliases).
var hugoDateAliases = map[string][]string{"publishdate": {"pubdate", "published"}, "lastmod": {"modified"}, "expirydate": {"unpublishdate"}}

// hugoDefaultDates is Hugo 0.111's [frontmatter] date, its :default.
var hugoDefaultDates = []string{"date", "publishdate", "lastmod"}

// hugoDefaultDateKeys are the keys that date a page of a Hugo site whose
// config gives no [frontmatter] date: :default and its aliases (date,
// publishdate, pubdate, published, lastmod, modified), folio's dateKeys
// without JSON Feed's date_published.
var hugoDefaultDateKeys = hugoDateKeys(map[string]any{"date": ":default"})

// hugoDateKeys is the [frontmatter] date of v, a Hugo config's
// frontmatter, as Hugo reads it (hugoBuild.dates); nil for none.
func hugoDateKeys(v any) []string {
	fm, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	d, ok := hugoKey(fm, "date")
	if !ok {
		return nil
	}
	var keys []string // spf13/cast's ToStringSlice
	switch d := d.(type) {
	case string:
		keys = strings.Fields(d)
	case []any:
		for _, k := range d {
			keys = append(keys, fmt.Sprint(k))
		}
	}
	out := []string{}
	for _, k := range keys {
		k = strings.ToLower(k)
		expanded := []string{k}
		if k == ":default" {
			expanded = hugoDefaultDates
		}
		for _, k := range expanded {
			for _, k := range append([]string{k}, hugoDateAliases[k]...) {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// hugoFilenameDate is the date Hugo's :filename reads of the file at p:
// the first ten characters of its name (its folder's, for a bundle's
// index file) when they are a day, 2019-05-06-a.md's, 2019-05-06.md's;
// "" for none.
func hugoFilenameDate(p string) string {
	base := path.Base(p)
	if hugoLeafIndex(p) || strings.TrimSuffix(base, path.Ext(base)) == "_index" {
		base = path.Base(path.Dir(p))
	} else {
		base = strings.TrimSuffix(base, path.Ext(base))
	}
	if len(base) < 10 || !hugoNameDay().MatchString(base[:10]) {
		return ""
	}
	if _, ok := dateOfParts(base[:4], base[5:7], base[8:10]); !ok {
		return ""
	}
	return base[:10]
}

var hugoNameDay = lazyRegexp(`^\d{4}-\d{2}-\d{2}$`)

// hugoBuildOf is hugoBuild of the Hugo site whose root is root, its
// config's files read by read.
func hugoBuildOf(read configReader, root string) hugoBuild {
	if m, ok := zolaConfigOf(read, root); ok {
		return hugoBuild{langs: zolaLanguagesOf(m), zola: true}
	}
	var b hugoBuild
	if v, ok := hugoSiteConfig.value(read, root, "builddrafts"); ok {
		b.drafts, _ = hugoBool(v)
	}
	if v, ok := hugoSiteConfig.value(read, root, "frontmatter"); ok {
		b.dates = hugoDateKeys(v)
	}
	b.langs = hugoLanguagesOf(read, root)
	return b
}

// String is b as text for a config's sum (hugoConfigSum).
func (b hugoBuild) String() string {
	return fmt.Sprintf("drafts %v dates %q %v %s zola %v", b.drafts, b.dates, b.dates == nil, b.langs, b.zola)
}

// hugoBuildFor is hugoBuild of the Hugo site the file at p is in
// (hugoSiteOf), read once a site; the zero hugoBuild (Hugo's defaults)
// for none, and for a SiteRoots without the archive's files.
func (s *SiteRoots) hugoBuildFor(p string) hugoBuild {
	if s == nil || s.fsys == nil {
		return hugoBuild{}
	}
	root, ok := s.hugoSiteOf(path.Dir(p))
	if !ok {
		return hugoBuild{}
	}
	if v, ok := s.builds.Load(root); ok {
		return v.(hugoBuild)
	}
	b := hugoBuildOf(s.readConfig, root)
	s.builds.Store(root, b)
	return b
}
