package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// SiteURLs are the base URLs of the Hugo, Zola or Jekyll site the file at p (a
// slash path in fsys) is in, as its config gives them: a Hugo site's
// baseURL (hugo.toml, config.toml, .yaml, .yml, .json, config/_default/'s,
// config/production/'s over those: hugoConfigFiles), a Zola site's
// base_url (its zola.toml or config.toml: zolaConfigOf), a Jekyll site's url followed by its baseurl
// (_config.yml); none for a file in no site, or a site whose config names
// none. A link to the site's own URL (https://example.org/posts/x/) is
// read as its site path (/posts/x/: OwnSitePath), as a relative link is.
// Read when a piece is read to be shown (index's Article).
func SiteURLs(fsys fs.FS, p string) []string { return NewSiteRoots(fsys).SiteURLs(p) }

// SiteURLs is the package's SiteURLs of the file at p, its folders' roots
// and its site's config files asked of the file system once for all that
// s is asked (a piece shown: its parse's SiteRoots read its site's config
// for its cascade, then SiteURLs stated every config name of each folder
// above it again and read the config again); nil for a SiteRoots without
// the archive's files (SiteConfigs').
func (s *SiteRoots) SiteURLs(p string) []string {
	if s == nil || s.fsys == nil {
		return nil
	}
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		var u string
		switch {
		case s.inHugoRoot(dir):
			if m, zola := zolaConfigOf(s.readConfig, dir); zola {
				u = zolaBaseURL(m)
			} else {
				u = hugoBaseURL(s.readConfig, dir)
			}
		case s.inJekyllRoot(dir):
			u = jekyllBaseURL(s.readConfig, dir)
		default:
			if dir == "." || dir == "/" || dir == "" {
				return nil
			}
			continue
		}
		if u == "" {
			return nil
		}
		return []string{u}
	}
}

// siteConfigValues decodes a site's config file by its extension: its
// top-level keys (nil for none), and whether the file is there to read.
// A file there that cannot be read or decoded (SiteConfigProblems) is
// there with no keys: its site's generator does not read the file after
// it (a _config.toml beside an unreadable _config.yml, a config.toml
// beside hugo.toml) either.
func siteConfigValues(fsys fs.FS, p string) (map[string]any, bool) {
	m, there, _ := readSiteConfig(fsys, p)
	return m, there
}

// readCapped reads p from fsys up to one byte past MaxFileSize: a site's
// config is read at every scan, and a 100 MB config.json was read whole
// each time before it was refused (a review).
func readCapped(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// readSiteConfig is siteConfigValues with the problem of a file there
// that cannot be read or decoded, nil for none.
func readSiteConfig(fsys fs.FS, p string) (map[string]any, bool, *Problem) {
	data, err := readCapped(fsys, p)
	if Gone(err) { // ENOTDIR too: a file named config at a Hugo root
		return nil, false, nil
	}
	if err != nil {
		return nil, true, &Problem{Path: p, Msg: "site config cannot be read (" + errText(err) + "): " + configUnreadMsg}
	}
	if len(data) > MaxFileSize {
		return nil, true, &Problem{Path: p, Msg: fmt.Sprintf("site config is over the %d MB limit: %s", MaxFileSize>>20, configUnreadMsg)}
	}
	var m map[string]any
	line := 0
	switch path.Ext(p) {
	case ".toml":
		_, err = toml.Decode(string(data), &m)
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, err = pe.Position.Line, errors.New(pe.Message)
		}
	case ".json":
		err = json.Unmarshal(data, &m)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		}
	default:
		err = decodeConfigYAML(data, &m, p)
		if err != nil {
			if mm := yamlConfigErrLine().FindStringSubmatch(err.Error()); mm != nil {
				line, _ = strconv.Atoi(mm[1])
				err = errors.New(strings.TrimPrefix(err.Error(), mm[0]))
			}
		}
	}
	if err != nil {
		return nil, true, &Problem{Path: p, Line: line, Msg: "site config cannot be decoded (" + strings.TrimSpace(err.Error()) + "): " + configUnreadMsg}
	}
	return m, true, nil
}

// decodeConfigYAML decodes the YAML config at p into m as its site's
// generator reads it: a Jekyll site's _config.yml or _config.yaml a plain
// yes, no, on, off, true or false, in any case, as Ruby's YAML 1.1
// (Psych) does, a boolean (rubyFlag); a Hugo site's a plain y, yes, on,
// n, no, off… as Hugo 0.111's yaml.v2 does (yaml11Flag). Jekyll 4.3.1
// as oracle: defaults' values {tags: no, categories: [On, beta]} gave a
// post no tags and the categories true, beta, a page page.tags false
// (folio, reading YAML 1.2, the tags no, on and beta); hugo 0.111.3:
// buildDrafts: yes in hugo.yaml built the drafts. A key given twice is
// its last value's (lastKeysWin), as Ruby and Hugo read it; a Jekyll config's merge
// keys (<<) are read as Ruby reads them (rubyMergeNodes).
func decodeConfigYAML(data []byte, m *map[string]any, p string) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if jekyllConfigFile(p) {
		budget := MaxFrontMatterValues
		if err := rubyMergeNodes(&doc, map[*yaml.Node]bool{}, &budget); err != nil {
			return err
		}
	}
	lastKeysWin(&doc, map[*yaml.Node]bool{})
	flag := yaml11Flag
	if jekyllConfigFile(p) {
		flag = func(n *yaml.Node) (bool, bool) { b, ok := rubyFlag(n, n.Value).(bool); return b, ok }
		jekyllDefaultsRubyTags(&doc)
	}
	yaml11Booleans(&doc, flag, map[*yaml.Node]bool{})
	if doc.Kind == 0 {
		return nil // empty
	}
	return doc.Decode(m)
}

// rubyMergeNodes writes each merge key (rubyMergeKey) of the mappings
// below n (each node once) as Ruby's YAML reads it (Psych's revive_hash,
// as rubyMerge reads a front matter's): in its place, the entries of its
// mapping (an alias's), or of a list of mappings' last to first, their
// own merge keys written so first, so that lastKeysWin, keeping the last
// of a key, keeps what Ruby keeps; a merge key whose value is anything
// else is the key << (tagged !!str, which yaml.v3 does not merge). Jekyll
// 4.3.1 as oracle, of a _config.yml's defaults: a set of <<: *a then <<:
// *b, a with a scope and values, b with values, was a's scope with b's
// values; values: {tags: [own]} then <<: *c (c with values: {tags: [c1]})
// gave the post c1. yaml.v3 read the last merge key alone, the set's own
// keys over it (folio gave no default, then own). budget counts the
// entries written; past it, or for a mapping merged into itself, an
// error naming the merge key's line.
//
// seen holds the nodes being written (false) and written (true).
func rubyMergeNodes(n *yaml.Node, seen map[*yaml.Node]bool, budget *int) error {
	if n == nil {
		return nil
	}
	if _, ok := seen[n]; ok {
		return nil
	}
	seen[n] = false // being written: true once written
	defer func() { seen[n] = true }()
	for _, c := range n.Content {
		if err := rubyMergeNodes(c, seen, budget); err != nil {
			return err
		}
	}
	if n.Kind == yaml.AliasNode {
		return rubyMergeNodes(n.Alias, seen, budget)
	}
	if n.Kind != yaml.MappingNode || !slices.ContainsFunc(n.Content, rubyMergeKey) {
		return nil
	}
	var out []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !rubyMergeKey(k) {
			out = append(out, k, v)
			continue
		}
		maps := []*yaml.Node{v}
		if resolved := yamlAliased(v); resolved.Kind == yaml.SequenceNode {
			maps = slices.Clone(resolved.Content)
			slices.Reverse(maps)
		}
		ok := true
		for j, m := range maps {
			if maps[j] = yamlAliased(m); maps[j].Kind != yaml.MappingNode {
				ok = false
			}
		}
		if !ok {
			k2 := *k
			k2.Tag, k2.Style = "!!str", k.Style|yaml.TaggedStyle
			out = append(out, &k2, v)
			continue
		}
		for _, m := range maps {
			if err := rubyMergeNodes(m, seen, budget); err != nil {
				return err
			}
			if !seen[m] {
				// a mapping being written: one merging itself, or one it
				// is in
				return fmt.Errorf("yaml: line %d: a merge key (<<) merges a mapping that holds it", k.Line)
			}
			if *budget -= len(m.Content) / 2; *budget < 0 {
				return fmt.Errorf("yaml: line %d: merge keys (<<) merge more than %d entries", k.Line, MaxFrontMatterValues)
			}
			out = append(out, m.Content...)
		}
	}
	n.Content = out
	return nil
}

// lastKeysWin drops from each mapping below n (each node once) the
// entries whose key a later entry gives again, as Ruby's YAML reads a
// Jekyll config and Hugo 0.111 a YAML one: the last wins. Keys are the
// same as yaml.v3 tells them (of one kind, written alike), which refuses
// the whole file for one given twice. Jekyll 4.3.1 as oracle: with
// show_drafts: false, then title, then show_drafts: true in _config.yml,
// _drafts/ was built (and with the two values swapped not); hugo 0.111.3
// built a draft with buildDrafts: false then true in hugo.yaml, not with
// true then false; folio read none of either config's keys ("mapping key
// already defined"), the drafts unread.
func lastKeysWin(n *yaml.Node, seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	if n.Kind == yaml.MappingNode && len(n.Content) > 2 {
		type key struct {
			kind  yaml.Kind
			value string
		}
		last := map[key]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			last[key{n.Content[i].Kind, n.Content[i].Value}] = i
		}
		if len(last) < len(n.Content)/2 {
			kept := n.Content[:0]
			for i := 0; i+1 < len(n.Content); i += 2 {
				if last[key{n.Content[i].Kind, n.Content[i].Value}] == i {
					kept = append(kept, n.Content[i], n.Content[i+1])
				}
			}
			n.Content = kept
		}
	}
	for _, c := range n.Content {
		lastKeysWin(c, seen)
	}
	if n.Kind == yaml.AliasNode {
		lastKeysWin(n.Alias, seen)
	}
}

// jekyllDefaultsRubyTags makes the tag keys' numbers of the values of a
// Jekyll config's front matter defaults (doc's defaults:, a list of sets
// each with values:) what a page's own front matter gives (rubyNumber,
// jekyllTagValue, rubyListOf): Ruby's reading of a plain scalar written as
// Ruby writes it (rubyString), a string, for a singular key (tag,
// category) and a list's item; a plural key's (tags, categories) a
// number still, which is no tag, or the string Ruby reads (0o17). Jekyll
// 4.3.1 as oracle: a post given tag: 1:20 by the defaults was page.tags
// [4800], a page given tags: [1:20, 0o17, 09, 1e3, 1000.0] [4800, "0o17",
// "09", "1e3", 1000.0]; folio read the tags 1:20, then 15, 9, 1000 and
// 1000, as yaml.v3 reads them.
func jekyllDefaultsRubyTags(doc *yaml.Node) {
	top := yamlValueOf(doc)
	if top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		top = yamlValueOf(top.Content[0])
	}
	sets := yamlValueOf(yamlMapValue(top, "defaults"))
	if sets == nil || sets.Kind != yaml.SequenceNode {
		return
	}
	for _, set := range sets.Content {
		values := yamlValueOf(yamlMapValue(yamlValueOf(set), "values"))
		if values == nil || values.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(values.Content); i += 2 {
			switch k := values.Content[i].Value; k {
			case "tag", "tags", "category", "categories":
				v := yamlValueOf(values.Content[i+1])
				if v.Kind == yaml.SequenceNode {
					for _, item := range v.Content {
						rubyTagScalar(item, true)
					}
				} else {
					rubyTagScalar(v, k == "tag" || k == "category")
				}
			}
		}
	}
}

// rubyTagScalar makes n, a plain scalar Ruby reads as another number
// than yaml.v3, or as no number (rubyNumber), Ruby's reading: as Ruby
// writes it, a string, when written (a singular key's value, a list's
// item), else a number (a plural key's, which is no tag: past int64 or a
// float's range its sign's infinity) or the string Ruby reads.
func rubyTagScalar(n *yaml.Node, written bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return
	}
	var val any
	if n.Decode(&val) != nil {
		return
	}
	r, ok := rubyNumber(n, val)
	if !ok {
		return
	}
	switch x := r.(type) {
	case string:
		n.Tag, n.Value = "!!str", x
	case int64:
		n.Tag, n.Value = "!!int", strconv.FormatInt(x, 10)
	case float64:
		n.Tag, n.Value = "!!float", yamlFloat(x)
	case rubyBignum:
		n.Tag, n.Value = "!!float", yamlFloat(math.Inf(1))
		if strings.HasPrefix(string(x), "-") {
			n.Value = yamlFloat(math.Inf(-1))
		}
	}
	if written {
		n.Tag, n.Value = "!!str", rubyString(r)
	}
}

// yamlFloat is x as YAML writes a float (.inf, -.inf, .nan).
func yamlFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return ".inf"
	case math.IsInf(x, -1):
		return "-.inf"
	case math.IsNaN(x):
		return ".nan"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// yamlValueOf is n, or the node the alias n names.
func yamlValueOf(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		return n.Alias
	}
	return n
}

// yamlMapValue is the value of key in the mapping m (its last, as
// Ruby reads one given twice), nil for none.
func yamlMapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var v *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			v = m.Content[i+1]
		}
	}
	return v
}

// yaml11Booleans makes each plain scalar value below n (not a mapping's
// key) that flag reads as a boolean a YAML boolean, each node once (an
// alias's target too).
func yaml11Booleans(n *yaml.Node, flag func(*yaml.Node) (bool, bool), seen map[*yaml.Node]bool) {
	if n == nil || seen[n] {
		return
	}
	seen[n] = true
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue // a key
		}
		if c.Kind == yaml.ScalarNode && c.ShortTag() == "!!str" {
			if b, ok := flag(c); ok {
				c.Tag, c.Value = "!!bool", strconv.FormatBool(b)
			}
			continue
		}
		yaml11Booleans(c, flag, seen)
	}
	if n.Kind == yaml.AliasNode {
		yaml11Booleans(n.Alias, flag, seen)
	}
}

// jekyllConfigFile reports whether p is a Jekyll site's config file's
// path (jekyllConfigs).
func jekyllConfigFile(p string) bool { return slices.Contains(jekyllConfigs, path.Base(p)) }

// zolaUnreadMsg ends the problem of a Zola site's zola.toml that cannot be
// read (configUnreadMsg's for Zola's keys), and zolaNoBaseURLMsg is that
// of one without base_url: the pieces are read as Zola reads a site, but
// Zola builds none of this one.
const (
	zolaUnreadMsg    = "folio reads none of its keys (base_url, ignored_content, default_language, languages) until it is mended, as if it were empty"
	zolaNoBaseURLMsg = "no base_url, the one key Zola requires (Zola builds no site without it): folio reads the site as Zola's all the same"
)

// configUnreadMsg ends the problem of a site config that cannot be read:
// what folio reads meanwhile.
const configUnreadMsg = "folio reads none of its keys (ignoreFiles, cascade, collections, defaults, baseURL) until it is mended, as if it were empty"

// yamlConfigErrLine is the line yaml.v3 names at the start of an
// error's text.
var yamlConfigErrLine = lazyRegexp(`^yaml: line (\d+): `)

// SiteConfigProblems are the problems of the config files of the sites
// whose roots configs tell (a scan's: SiteConfigs) that the sites'
// generators read but that cannot be read or decoded (an attack's
// report: a hugo.toml unreadable, or ignoreFiles=["secret" unclosed, was
// passed over in silence, secret.md a piece, where Hugo builds nothing):
// of a Hugo site, config/production/'s and config/_default/'s config
// files and the first of its root's (hugoConfigFiles); of a Jekyll site,
// the first of _config.yml, _config.yaml, _config.toml there. Each file
// once, by path. And of a Zola site, its ignored_content globs past
// folio's bound (maxZolaGlobSize: their regexps' sizes summed in the
// config's order, a **/ or * first counted once): those from the first
// that passes it on are dropped, not matched, so the pages they match are
// pieces though Zola leaves them out; one problem says so, at the line of
// its config (zola.toml or config.toml) of the first dropped, with how
// many are (zolaGlobsPastProblem). A zola.toml that cannot be read or
// decoded is said too.
func SiteConfigProblems(fsys fs.FS, configs SiteConfigs) []Problem {
	roots := map[string]bool{}
	for p := range configs {
		if root, ok := HugoConfigFolderRoot(p); ok {
			roots[root] = true
		} else if path.Base(p) != hugoContent {
			roots[path.Dir(p)] = true
		}
	}
	var out []Problem
	for _, root := range slices.Sorted(maps.Keys(roots)) {
		exists := func(rel string) bool { return configs[path.Join(root, rel)] }
		for _, c := range []struct {
			config siteConfig
			is     bool
		}{{hugoSiteConfig, hugoRoot("", exists)}, {jekyllSiteConfig, jekyllRoot("", exists)}} {
			if !c.is {
				continue
			}
			// a Zola site by its zola.toml reads none of Hugo's files
			zm, zname, zola := zolaConfigFileOf(fsConfigs(fsys), root)
			byName := zola && zname == "zola.toml"
			rootRead := false
			for _, name := range c.config.files {
				if c.config.hugo && byName {
					break
				}
				top := !strings.Contains(name, "/")
				if top && rootRead {
					continue // the first of the root's alone (siteConfig.value)
				}
				_, there, prob := readSiteConfig(fsys, path.Join(root, name))
				rootRead = rootRead || top && there
				if prob != nil {
					out = append(out, *prob)
				}
			}
			if c.config.hugo {
				// a Zola site's zola.toml, which cannot be read or
				// decoded, or lacks the key Zola requires
				if byName {
					p := path.Join(root, "zola.toml")
					if _, _, prob := readSiteConfig(fsys, p); prob != nil {
						prob.Msg = strings.Replace(prob.Msg, configUnreadMsg, zolaUnreadMsg, 1)
						out = append(out, *prob)
					} else if _, ok := zm["base_url"]; !ok {
						out = append(out, Problem{Path: p, Msg: zolaNoBaseURLMsg})
					}
				}
				// a Zola site's ignored_content past folio's bound
				if zola {
					if prob := zolaGlobsPastProblem(fsys, path.Join(root, zname), zm); prob != nil {
						out = append(out, *prob)
					}
				}
				// the config folders' files named after a key folio
				// reads (hugoKeyFile)
				for _, folder := range hugoConfigFolders {
					if !exists(folder) {
						continue
					}
					for _, key := range hugoKeyFileKeys {
						for _, ext := range hugoConfigExts {
							if _, _, prob := readSiteConfig(fsys, path.Join(root, folder, key+ext)); prob != nil {
								out = append(out, *prob)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// configReader reads a site's config file by its slash path
// (siteConfigValues).
type configReader func(p string) (map[string]any, bool)

// configRead is what a configReader gives of a file.
type configRead struct {
	m     map[string]any
	there bool
}

// fsConfigs reads the config files of fsys, each decoded once (a
// read-through: Jekyll's url and baseurl, Hugo's cascade and ignoreFiles
// decoded a file twice).
func fsConfigs(fsys fs.FS) configReader {
	memo := map[string]configRead{}
	return func(p string) (map[string]any, bool) {
		if r, ok := memo[p]; ok {
			return r.m, r.there
		}
		m, there := siteConfigValues(fsys, p)
		memo[p] = configRead{m, there}
		return m, there
	}
}

// readConfig is the config file at p (siteConfigValues) of s's archive,
// decoded once.
func (s *SiteRoots) readConfig(p string) (map[string]any, bool) {
	if v, ok := s.configFiles.Load(p); ok {
		r := v.(configRead)
		return r.m, r.there
	}
	m, there := siteConfigValues(s.fsys, p)
	s.configFiles.Store(p, configRead{m, there})
	return m, there
}

// siteConfig is how a generator reads a top-level key of its site's
// config (siteConfig.value): the one lookup of Hugo's baseURL, cascade
// and ignoreFiles and Jekyll's url and collections.
type siteConfig struct {
	files []string // of the site's root, the one whose key wins first
	// hugo: each of files is asked in turn (of the root's, the first
	// there alone), the first with the key giving it, a table merged with
	// the files' after it (hugoMerged) (Hugo merges
	// config/'s with the root's: an empty baseURL of
	// config/production/ is the site's, an oracle's report against Hugo
	// 0.111), the key in any case (hugoKey); otherwise (Jekyll) the
	// first of files there is the config, its keys as written
	hugo bool
}

var (
	hugoSiteConfig   = siteConfig{files: hugoConfigFiles, hugo: true}
	jekyllSiteConfig = siteConfig{files: jekyllConfigs}
)

// value is the value of key (in lower case) in the config of the site
// whose root is dir, its files read by read; false for none. Of a Hugo
// site, a config folder's file named after the key (hugoKeyFile) gives
// it after the folder's hugo.* and config.*, and a table is merged with
// the same key's tables of the files after (hugoMerged).
func (c siteConfig) value(read configReader, dir, key string) (any, bool) {
	rootRead := false // a Hugo site's root config file was met
	var table map[string]any
	found := false
	// add adds v, a Hugo file's value of key, to what the files before
	// gave; true when it is final, no table
	add := func(v any) bool {
		if !found {
			found = true
			m, ok := v.(map[string]any)
			table = m
			return !ok
		}
		table = hugoMerged(table, v)
		return false
	}
	for i, name := range c.files {
		root := c.hugo && !strings.Contains(name, "/")
		if root && rootRead {
			continue // Hugo reads the first of the root's files alone
		}
		m, there := read(path.Join(dir, name))
		switch {
		case !c.hugo && there:
			v, ok := m[key]
			return v, ok
		case c.hugo:
			rootRead = rootRead || root && there
			if v, ok := hugoKey(m, key); ok && add(v) {
				return v, true
			}
			if folder := path.Dir(name); folder != "." && (i+1 == len(c.files) || path.Dir(c.files[i+1]) != folder) {
				if m, ok := hugoKeyFile(read, path.Join(dir, folder), key); ok {
					add(m)
				}
			}
		}
	}
	if found {
		return table, true
	}
	return nil, false
}

// hugoMerged is hi, a table of a Hugo config's key, with the keys of lo,
// the same key's table in a file it wins over, that hi lacks (in any
// case), a key's tables in both merged so too, as Hugo 0.111 merges its
// config's files; lo no table, hi. hi and lo are left as they are. hugo
// 0.111.3 as oracle (an attack's site): config/_default/'s [frontmatter]
// date = ["lastmod"] beside config/production/'s [frontmatter]
// publishDate = ["date"] dated a page by its lastmod; the root's
// [cascade] draft = true beside config/_default/'s [cascade] foo = 1 made
// the page a draft; folio read the winning file's table alone.
func hugoMerged(hi map[string]any, lo any) map[string]any {
	lm, ok := lo.(map[string]any)
	if !ok || len(lm) == 0 {
		return hi
	}
	out := maps.Clone(hi)
	if out == nil {
		out = map[string]any{}
	}
	lower := make(map[string]string, len(out)) // a key in lower case → out's
	for k := range out {
		lower[strings.ToLower(k)] = k
	}
	for k, v := range lm {
		hk, ok := lower[strings.ToLower(k)]
		if !ok {
			out[k] = v
			lower[strings.ToLower(k)] = k
			continue
		}
		if hv, ok := out[hk].(map[string]any); ok {
			out[hk] = hugoMerged(hv, v)
		}
	}
	return out
}

// hugoKeyFile is the value of key (in lower case) that the Hugo config
// folder at folder (config/_default/, config/production/) gives in a file
// named after it, key.toml (.yaml, .yml, .json; the first there): its
// keys whole, as Hugo 0.111 reads such a file for the top-level key of
// its name; false for none, or one that cannot be decoded. hugo 0.111.3
// as oracle (an attack's sites): config/_default/frontmatter.toml with
// date = ["lastmod"] dated a page by its lastmod, cascade.toml with
// draft = true built no page, languages.toml giving [en] a contentDir
// built that folder's pages; folio read none of them. The folder's
// hugo.toml wins over it (its [frontmatter] date over frontmatter.toml's).
func hugoKeyFile(read configReader, folder, key string) (map[string]any, bool) {
	for _, ext := range hugoConfigExts {
		if m, there := read(path.Join(folder, key+ext)); there && m != nil {
			return m, true
		}
	}
	return nil, false
}

// hugoKeyFileKeys are the keys folio reads of a Hugo config whose value
// is a table, which a config folder's file named after one gives
// (hugoKeyFile): SiteConfigProblems notes such a file that cannot be
// decoded.
var hugoKeyFileKeys = []string{"cascade", "frontmatter", "languages", "module"}

// hugoConfigExts are the extensions of a Hugo config's files, in the
// order Hugo 0.111 reads the first there.
var hugoConfigExts = []string{".toml", ".yaml", ".yml", ".json"}

// hugoKey is the value of key (in lower case) in m, a Hugo config's
// keys, as Hugo 0.111 reads it: Hugo lower-cases the keys in place, in
// the map's order, so a key written otherwise (baseURL) takes the place
// of the one in lower case (baseurl) whichever comes first (an oracle's
// report: baseURL won in either order); of two written otherwise
// (baseURL, BaseURL) Hugo keeps one at random, folio the first in byte
// order (it was Go's map order here too).
func hugoKey(m map[string]any, key string) (any, bool) {
	best, found := "", false
	for k := range m {
		if len(k) != len(key) || !strings.EqualFold(k, key) {
			continue
		}
		// a key written otherwise wins over the one in lower case
		if !found || best == key && k != key || (k == key) == (best == key) && k < best {
			best, found = k, true
		}
	}
	if !found {
		return nil, false
	}
	return m[best], true
}

// hugoBaseURL is the baseURL of the Hugo site whose root is dir (its key
// in any case, as Hugo reads it), from the first of its config files
// (hugoConfigFiles) that gives one: "" for none, or an empty one.
func hugoBaseURL(read configReader, dir string) string {
	v, _ := hugoSiteConfig.value(read, dir, "baseurl")
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// hugoConfigFiles are the files of a Hugo site's root that hold its
// config's top-level keys, the one whose key wins first, as Hugo 0.111
// merges them for a build (the production environment, Hugo's default):
// config/production/'s over config/_default/'s over the root's, hugo.*
// over config.* in each folder (a helper's report: a baseURL of
// config/production/ was not read, and the root's won over
// config/_default/'s). Of the root's files Hugo reads the first there
// alone, in this order (.toml, .yaml, .yml, .json; hugo.* then
// config.*: Hugo 0.111 as oracle, an attack's report: a config.toml
// beside hugo.toml, or a hugo.yaml, gave its ignoreFiles and cascade,
// which Hugo never read): siteConfig.value.
var hugoConfigFiles = func() []string {
	var out []string
	for _, dir := range []string{"config/production/", "config/_default/", ""} {
		for _, base := range []string{"hugo", "config"} {
			for _, ext := range hugoConfigExts {
				out = append(out, dir+base+ext)
			}
		}
	}
	return out
}()

// jekyllBaseURL is the url of the Jekyll site whose root is dir, then its
// baseurl (Jekyll's absolute_url: url + baseurl), of its config (the
// first of _config.yml, .yaml, .toml there, as Jekyll reads it).
func jekyllBaseURL(read configReader, dir string) string {
	v, _ := jekyllSiteConfig.value(read, dir, "url")
	u, _ := v.(string)
	if u = strings.TrimSpace(u); u == "" {
		return ""
	}
	v, _ = jekyllSiteConfig.value(read, dir, "baseurl")
	base, _ := v.(string)
	return strings.TrimSuffix(u, "/") + "/" + strings.Trim(strings.TrimSpace(base), "/")
}

// OwnSitePath is target as a path of its site when it is a URL under one
// of bases (SiteURLs): https://example.org/posts/x/ is /posts/x/ for
// https://example.org/, and https://example.org/blog/posts/x/ for
// https://example.org/blog/; http and https alike, the host in any case.
// A path from the host's root that holds the base's path
// (/blog/posts/x/ for https://example.org/blog/: the link that works on
// the published site) is the site path after it, /posts/x/ (a helper's
// report: it named no piece). "" for any other target: /posts/x/ under
// that base, a 404 on the site, is left as written, so it still resolves
// as a site path (a site with canonifyURLs, or an archive whose links
// were written before the site moved under a path, reads it so).
func OwnSitePath(target string, bases []string) string {
	if len(bases) == 0 {
		return ""
	}
	if strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//") {
		return underBasePath(target, bases)
	}
	if !strings.Contains(target, "://") {
		return ""
	}
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	for _, b := range bases {
		bu, err := url.Parse(b)
		if err != nil || bu.Host == "" || !strings.EqualFold(bu.Host, u.Host) {
			continue
		}
		// the path as written (escaped): the caller reads the site path
		// as a link's target, decoding it once (a review: 100%25-pure was
		// decoded here and again there, and named nothing)
		prefix := strings.TrimSuffix(bu.EscapedPath(), "/") + "/"
		p := u.EscapedPath()
		if p == "" || p == prefix || p+"/" == prefix {
			return "" // the site's home: no piece
		}
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			if u.RawQuery != "" {
				rest += "?" + u.RawQuery
			}
			if u.Fragment != "" {
				rest += "#" + u.EscapedFragment()
			}
			return "/" + rest
		}
	}
	return ""
}

// underBasePath is the site path of target, a path from the host's root
// (/blog/posts/x/#part), when it is under the path of one of bases
// (https://example.org/blog/): /posts/x/#part; "" when no base has a
// path (the site is at the host's root), target is not under it, or it
// is the site's home (/blog/).
func underBasePath(target string, bases []string) string {
	end := len(target)
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		end = i
	}
	p, suffix := target[:end], target[end:]
	for _, b := range bases {
		bu, err := url.Parse(b)
		if err != nil {
			continue
		}
		prefix := strings.TrimSuffix(bu.Path, "/") + "/"
		if prefix == "/" {
			continue
		}
		if p == prefix || p+"/" == prefix {
			return "" // the site's home: no piece
		}
		if rest, ok := strings.CutPrefix(p, prefix); ok {
			return "/" + rest + suffix
		}
	}
	return ""
}
