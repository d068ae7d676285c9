package archive

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/adrg/frontmatter"
)

// Hugo's cascade: a section page (_index.md) gives the pages under its
// folder, at any depth, the values of its front matter's cascade that a
// page does not set itself (a helper's report against Hugo 0.111: a
// section's cascade: {draft: true} made its pages drafts, which folio
// listed as published; cascade: {tags: [...], outlet: ...} gave Hugo's
// pages values folio's pieces lacked). As Hugo reads it:
//
//   - a page's own front matter wins;
//   - of the cascades of the section pages above a page, the nearest
//     gives a key, a farther one the keys the nearer do not give
//     (content/_index.md, the home page's, is the farthest);
//   - keys are read in any case (Tags is tags);
//   - a cascade's draft, _build or headless makes the page a draft or
//     unrendered exactly as its own would.
//
// Only a page in a Hugo site (InHugo) takes a cascade (Zola's _index.md
// has none). Not read: an entry with a _target (Hugo applies it only to
// the pages it matches: kind, path glob, language, environment), which
// is left out rather than given to every page; and a cascade in the
// site's config (hugo.toml's [cascade]).

func init() {
	knownKeys["cascade"] = true // a section page's: decoded, to be read here
}

// cascadeNames are the names of the section page the file system is asked
// for in a folder when the scan's section pages are not known (KnowSections).
var cascadeNames = []string{"_index.md", "_index.markdown"}

// KnowSections tells s the archive's section pages (paths, of a scan's
// files: those IsSectionPage says are), so that a folder's is looked up,
// not asked of the file system; and forgets the cascades read so far, the
// section pages having perhaps changed.
func (s *SiteRoots) KnowSections(paths []string) {
	sections := map[string]string{}
	for _, p := range paths {
		if IsSectionPage(p) {
			if d := path.Dir(p); sections[d] == "" || path.Base(p) == "_index.md" {
				sections[d] = p
			}
		}
	}
	s.mu.Lock()
	s.sections, s.cascades = sections, nil
	s.mu.Unlock()
}

// sectionPage is the section page of the folder dir, "" for none.
func (s *SiteRoots) sectionPage(dir string) string {
	s.mu.Lock()
	sections := s.sections
	s.mu.Unlock()
	if sections != nil {
		return sections[dir]
	}
	for _, n := range cascadeNames {
		p := path.Join(dir, n)
		if st, err := fs.Stat(s.fsys, p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// cascadeOf is the cascade of the section page of the folder dir (nil for
// none), read once.
func (s *SiteRoots) cascadeOf(dir string) matter {
	s.mu.Lock()
	c, ok := s.cascades[dir]
	s.mu.Unlock()
	if ok {
		return c
	}
	if p := s.sectionPage(dir); p != "" {
		if data, err := ReadFile(s.fsys, p); err == nil {
			c = sectionCascade(data)
		}
	}
	s.mu.Lock()
	if s.cascades == nil {
		s.cascades = map[string]matter{}
	}
	s.cascades[dir] = c
	s.mu.Unlock()
	return c
}

// cascade is what the section pages above the file at p cascade to it,
// the nearest's first (nil for none, and for a SiteRoots without the
// archive's files: SiteConfigs').
func (s *SiteRoots) cascade(p string) matter {
	if s == nil || s.fsys == nil {
		return nil
	}
	// the folders above p and their cascades; none: no root asked (a
	// read-through: every folder's roots were asked of each file parsed)
	var dirs []string
	var cascades []matter
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		dirs = append(dirs, dir)
		cascades = append(cascades, s.cascadeOf(dir))
		if dir == "." || dir == "/" || dir == "" {
			break
		}
	}
	if !slices.ContainsFunc(cascades, func(c matter) bool { return len(c) > 0 }) {
		return nil
	}
	var out matter
	for i, dir := range dirs {
		if path.Base(dir) != hugoContent && s.inHugoRoot(dir) {
			// a Hugo site's root (or a theme's): its pages are under
			// content/, whose _index.md is the farthest cascade; none
			// above it is the site's (a review: a notes folder's
			// _index.md made a Hugo site's pages drafts)
			return out
		}
		for k, f := range cascades[i] {
			if _, ok := out[k]; !ok {
				if out == nil {
					out = matter{}
				}
				out[k] = f
			}
		}
	}
	return out
}

// inHugoRoot reports whether the folder dir is a Hugo site's or theme's
// root (hugoRoot), each folder asked once.
func (s *SiteRoots) inHugoRoot(dir string) bool {
	s.mu.Lock()
	v, ok := s.roots[dir]
	s.mu.Unlock()
	if ok {
		return v
	}
	v = hugoRoot("", s.exists(dir))
	s.mu.Lock()
	if s.roots == nil {
		s.roots = map[string]bool{}
	}
	s.roots[dir] = v
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

// sectionCascade is the cascade of a section page's front matter (data):
// its known keys, lower-cased, with no line; nil for none, or for front
// matter that cannot be read.
func sectionCascade(data []byte) matter {
	m := sectionMatter(data)
	if m == nil {
		return nil
	}
	var out matter
	add := func(v any) {
		c, ok := v.(map[string]any)
		if !ok {
			return
		}
		for k := range c {
			if strings.EqualFold(k, "_target") {
				return // for the pages it matches alone: not read
			}
		}
		for k, v := range c {
			key := strings.ToLower(k)
			if key == "cascade" || !knownKeys[key] {
				continue
			}
			if _, ok := out[key]; !ok {
				if out == nil {
					out = matter{}
				}
				out[key] = field{value: v}
			}
		}
	}
	switch c := m["cascade"].value.(type) {
	case map[string]any:
		add(c)
	case []any: // Hugo's list of cascades, each perhaps with a _target
		for _, e := range c {
			add(e)
		}
	}
	return out
}

// sectionMatter is the decoded front matter of a section page (YAML, TOML
// or JSON, as Parse reads a piece's), nil when it cannot be read.
func sectionMatter(data []byte) matter {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if rest := bytes.TrimLeft(data, " \t\r\n"); len(rest) > 0 && rest[0] == '{' && !bytes.HasPrefix(rest, []byte("{{")) {
		_, m, _, err := splitJSON(data, len(data)-len(rest))
		if err != nil {
			return nil
		}
		return m
	}
	var m matter
	var decodeErr error
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", func(b []byte, _ any) error { m, _, decodeErr = decodeYAML(b); return nil }),
		frontmatter.NewFormat("+++", "+++", func(b []byte, _ any) error { m, decodeErr = decodeTOML(b); return nil }),
	}
	if _, err := frontmatter.MustParse(bytes.NewReader(jekyllDotsEnd(data)), nil, formats...); err != nil || decodeErr != nil {
		return nil
	}
	return m
}

// CascadeSum sums the cascade of the section page data (Hugo's cascade,
// as pages take it): 0 for none. The index re-reads the pieces under a
// section page whose sum changed.
func CascadeSum(data []byte) uint32 {
	c := sectionCascade(data)
	if len(c) == 0 {
		return 0
	}
	h := fnv.New32a()
	vals := map[string]any{}
	for k, f := range c {
		vals[k] = f.value
	}
	// %#v: the values with their types (%v printed [middle east] for the
	// list [middle, east] and for ["middle east"]: a change missed, a
	// review); fmt prints a map's keys sorted
	fmt.Fprintf(h, "%#v", vals)
	return max(h.Sum32(), 1)
}
