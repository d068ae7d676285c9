package archive

import (
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// A Jekyll site's front matter defaults: its config's defaults, each a
// scope (a path, a type) and the values the pages it matches take when
// their own front matter does not give them, as Jekyll 4.3's
// FrontmatterDefaults reads them. Jekyll 4.3.1 as oracle (a helper's
// report: a site's posts, author given by `defaults:` alone, showed "-"
// for their author):
//
//   - a scope's path is a prefix of the file's path from the site's root
//     as strings, not folders ("p" matched pg/a.md and pgx.md), as written
//     ("/pg" matched nothing); empty or none matches every file; with a *
//     it is a glob of the site's files and folders, each a prefix as a
//     string again (sub/*/ gave sub/deep/s.md and sub/deeper.md its
//     values, p* gave pg/a.md its, x/*/y gave x/q/y.md its beside a
//     folder x/q/y: a file so held by a file or folder beside it is not
//     read again when that one is made or removed, but at its own
//     change or the config's);
//   - a scope's type is posts (a file of _posts/), pages, drafts, or a
//     collection's name (notes: a file of _notes/); page, post, draft are
//     read as pages, posts, drafts;
//   - under a collections_dir (jekyllCollectionsDir), a document's path
//     (a post's, a collection's) is read from it, a page's from the
//     root, and a scope path without the collections_dir and a /
//     before it (with col: _essays held col/_essays/e.md, sub the post
//     col/sub/_posts/a.md and the page sub/s.md, col/ every file of the
//     site, col the pages of col/ alone, col/pg/p.md nothing);
//   - of two sets that give a key, the one with the longer scope path
//     wins, then the one with a type, then the later (two sets of path ""
//     and type posts giving author: Alice then Dave: Dave); a page's own
//     front matter wins over them all, but for a key it gives no value
//     (author: with nothing after it took the default's);
//   - values are merged into a post's or a collection document's data, so
//     a default published: false hid a post and a collection's document,
//     and a default date dated a post over its name's date; a page reads
//     its published from its own front matter alone (a default
//     published: false published hid/h.md as before), its other keys from
//     the defaults too (title, author, tags).
//
// Jekyll reads a key as written: a default's Author is none of folio's
// keys. A default is given a piece as a Hugo cascade's keys are
// (withCascade): a key of a field the page gives under another name (its
// own authors: beside a default author:) is not given, so the page's
// own field wins.

// jekyllDefault is one set of a Jekyll site's front matter defaults.
type jekyllDefault struct {
	scopePath string         // as written; "" matches every file
	glob      *regexp.Regexp // the scope path as a glob, when it has a *
	typ       string         // "" for any type
	values    map[string]any
}

// jekyllDefaultSets are the valid sets of the defaults of the config of
// the Jekyll site whose root is root, its files read by read: each a map
// whose values are a map (Jekyll warns of another and leaves it out). A
// _config.toml's [[defaults]], a list of tables, is read as a YAML list
// is (Jekyll 4.3.1 as oracle: its values gave a post its tags; folio
// read none).
func jekyllDefaultSets(read configReader, root string) []jekyllDefault {
	v, _ := jekyllSiteConfig.value(read, root, "defaults")
	var list []any
	switch v := v.(type) {
	case []any:
		list = v
	case []map[string]any: // a _config.toml's [[defaults]]
		for _, e := range v {
			list = append(list, e)
		}
	default:
		return nil
	}
	var out []jekyllDefault
	for _, e := range list {
		set, ok := e.(map[string]any)
		if !ok {
			continue
		}
		values, ok := set["values"].(map[string]any)
		if !ok {
			continue
		}
		d := jekyllDefault{values: values}
		if scope, ok := set["scope"].(map[string]any); ok {
			if p, ok := scope["path"].(string); ok {
				d.scopePath = p
				if strings.Contains(p, "*") {
					d.glob = globRegexp(strings.TrimSuffix(p, "/"))
				}
			}
			if t, ok := scope["type"]; ok {
				d.typ = stringOf(t)
				switch d.typ {
				case "page":
					d.typ = "pages"
				case "post":
					d.typ = "posts"
				case "draft":
					d.typ = "drafts"
				}
				if d.typ == "" {
					d.typ = "\x00" // a type given but empty: matches none
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// applies reports whether d's scope holds the file at file (its path
// from the site's root) of the type typ, at rel as Jekyll's defaults
// read it (jekyllDefaults: a document's from the collections_dir); coll
// is the collections_dir as written, "" for none: a scope path starting
// with it and a / is read without them, as Jekyll's
// strip_collections_dir reads it, and so is a path a glob gives when it
// is written as that path is, cleaned (col, not col/ or ./col); exists
// reports whether a path from the site's root is a file or folder of it
// (a folder, with dir).
func (d jekyllDefault) applies(rel, file, typ, coll string, exists func(p string, dir bool) bool) bool {
	if d.typ != "" && d.typ != typ {
		return false
	}
	switch {
	case d.scopePath == "":
		return true
	case d.glob != nil:
		// Dir.glob's paths (a glob ending in / names folders alone), each
		// without the collections_dir a prefix of rel as a string
		// (glob_scope's start_with?): the folders on its path, the file
		// itself, or a file or folder whose name starts rel's (x/*/y
		// holds x/q/y.md beside the folder x/q/y)
		dirs := strings.HasSuffix(d.scopePath, "/")
		held := func(q string) bool {
			switch {
			case q == file:
				return !dirs
			case strings.HasPrefix(file, q+"/"):
				return true
			}
			return exists != nil && exists(q, dirs)
		}
		if coll != path.Clean(coll) || strings.HasPrefix(coll, "/") || coll == "." {
			coll = "" // never a prefix of a path Dir.glob gives
		}
		for i := 1; i <= len(rel); i++ {
			q := rel[:i]
			if strings.HasSuffix(q, "/") {
				continue
			}
			// q is the glob's path itself or, without it, the
			// collections_dir's q
			if (coll == "" || !strings.HasPrefix(q, coll+"/")) && d.glob.MatchString(q) && held(q) {
				return true
			}
			if c := coll + "/" + q; coll != "" && d.glob.MatchString(c) && held(c) {
				return true
			}
		}
		return false
	case strings.Contains(d.scopePath, "*"):
		return false // a glob that does not compile
	}
	return strings.HasPrefix(rel, stripCollectionsDir(d.scopePath, coll))
}

// stripCollectionsDir is the scope path p without the collections_dir
// coll (as written) and a / when it starts with them, as Jekyll's
// strip_collections_dir reads it: with col, col/_posts is _posts, col/
// is "" (every file), col is col (a page of col/, no document).
func stripCollectionsDir(p, coll string) string {
	if coll == "" {
		return p
	}
	if r, ok := strings.CutPrefix(p, coll+"/"); ok {
		return r
	}
	return p
}

// jekyllScopeLen is the length of a scope path as Jekyll compares them
// (sanitize_path: without a leading /).
func jekyllScopeLen(p string) int {
	return len(strings.TrimPrefix(p, "/"))
}

// precedes reports whether d wins a key over old, a set before it that
// gives the key too (Jekyll's has_precedence?).
func (d jekyllDefault) precedes(old jekyllDefault) bool {
	if n, o := jekyllScopeLen(d.scopePath), jekyllScopeLen(old.scopePath); n != o {
		return n > o
	}
	return d.typ != "" || old.typ == ""
}

// jekyllDefaultsFor are the values sets give the file at file (its path
// from its site's root; rel as Jekyll's defaults read it) of the type
// typ, as Jekyll's FrontmatterDefaults.all merges them, coll the site's
// collections_dir as written and exists telling the site's files and
// folders (applies); nil for none.
func jekyllDefaultsFor(sets []jekyllDefault, rel, file, typ, coll string, exists func(p string, dir bool) bool) map[string]any {
	var out map[string]any
	var old *jekyllDefault
	for i := range sets {
		d := sets[i]
		if !d.applies(rel, file, typ, coll, exists) {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		if old == nil || d.precedes(*old) {
			out = deepMerge(out, d.values)
			old = &sets[i]
		} else {
			out = deepMerge(d.values, out)
		}
	}
	return out
}

// deepMerge is Jekyll's Utils.deep_merge_hashes: a copy of base with
// over's keys, a map merged with a map, and a nil of over keeping
// base's value.
func deepMerge(base, over map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		old, had := out[k]
		switch {
		case v == nil && had:
		case isMap(old) && isMap(v):
			out[k] = deepMerge(old.(map[string]any), v.(map[string]any))
		default:
			out[k] = v
		}
	}
	return out
}

func isMap(v any) bool { _, ok := v.(map[string]any); return ok }

// jekyllDefaults are the values the front matter defaults of the Jekyll
// site the file at p is in give it (jekyllDefaultsFor), and whether p is
// a page's (not a post's or a collection document's: its published is
// its own alone); nil for a file in no Jekyll site, or a site without
// defaults. Its config is read of fsys once.
func (s *SiteRoots) jekyllDefaults(p string) (map[string]any, bool) {
	if s == nil || s.fsys == nil {
		return nil, false
	}
	root, ok := s.jekyllRootOf(path.Dir(p))
	if !ok {
		return nil, false
	}
	var sets []jekyllDefault
	if v, ok := s.defaults.Load(root); ok {
		sets = v.([]jekyllDefault)
	} else {
		sets = jekyllDefaultSets(s.readConfig, root)
		s.defaults.Store(root, sets)
	}
	if len(sets) == 0 {
		return nil, false
	}
	rel := p
	if root != "." {
		rel = strings.TrimPrefix(p, root+"/")
	}
	typ := "pages"
	switch {
	case inPosts(rel), strings.HasPrefix(rel, "_drafts/"), strings.Contains(rel, "/_drafts/"):
		typ = "posts" // a draft is a post to Jekyll
	default:
		if label := s.jekyllCollectionOf(root, rel); label != "" {
			typ = label // under the site's collections_dir, if it has one
		}
	}
	// Jekyll's defaults read a document's path from the collections_dir
	// (Document#relative_path; Jekyll 4.3.1 as oracle, collections_dir:
	// col: a scope path _essays held col/_essays/e.md, sub held the post
	// col/sub/_posts/…, col/ every file of the site, col the pages of col/
	// alone; folio read col/_essays/e.md's from the root, NOTES' fortieth
	// session), a page's from the root; a post of a folder outside it
	// (colx/_posts/ of col: readsPosts) by its absolute path, which no
	// scope path but one that is empty without the collections_dir holds
	file, cd := rel, s.jekyllCollectionsDir(root)
	if typ != "pages" && cd.dir != "" {
		var ok bool
		if rel, ok = strings.CutPrefix(rel, cd.dir+"/"); !ok {
			rel = ""
		}
	}
	exists := func(q string, dir bool) bool {
		fi, err := fs.Stat(s.fsys, path.Join(root, q))
		return err == nil && (!dir || fi.IsDir())
	}
	return jekyllDefaultsFor(sets, rel, file, typ, cd.raw, exists), typ == "pages"
}

// withJekyllDefaults gives m the known keys of vals, a Jekyll site's
// defaults (jekyllDefaults), as Jekyll reads them: keys as written, a
// page's own value winning (a map merged with the default's), but for a
// key it gives no value; a key of a field the page gives under another
// of its names is not given (withCascade). A page's published is its own
// alone (page: true).
func (m matter) withJekyllDefaults(vals map[string]any, page bool) {
	own := maps.Clone(m) // the page's own, before any default is given
	for k, v := range vals {
		if !knownKeys[k] || k == "published" && page {
			continue
		}
		f, ok := own[k]
		switch {
		case ok && f.value != nil:
			if isMap(f.value) && isMap(v) {
				f.value = deepMerge(v.(map[string]any), f.value.(map[string]any))
				m[k] = f
			}
			continue
		case !ok && k != "published": // Jekyll's published is a flag, no date
			if g := fieldKeysOf(k); g != nil && own.givesAny(g) {
				continue
			}
		}
		m[k] = jekyllDefaultField(k, v)
	}
}

// jekyllDefaultField is the field a default gives the key k, v as Ruby
// reads it (decodeConfigYAML): a tag key's boolean, or a list with one,
// read as a front matter's own is (jekyllBoolTag, jekyllTagValue).
func jekyllDefaultField(k string, v any) field {
	f := field{value: v}
	switch k {
	case "tag", "tags", "category", "categories":
		b, isBool := v.(bool)
		f.rubyBool, f.rubyFalse = isBool, isBool && !b
		if l, ok := v.([]any); ok && slices.ContainsFunc(l, func(e any) bool { _, ok := e.(bool); return ok }) {
			f.rubyList = l
		}
	}
	return f
}

// givesAny reports whether m gives one of keys a value (but published,
// Jekyll's flag).
func (m matter) givesAny(keys []string) bool {
	for _, k := range keys {
		if f, ok := m[k]; ok && f.value != nil && k != "published" {
			return true
		}
	}
	return false
}
