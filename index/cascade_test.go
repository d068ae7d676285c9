package index

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// A Hugo section page's cascade gives the pieces under it the values they
// do not set (a helper's report against Hugo 0.111: folio read no
// cascade), its draft: true makes them drafts; and Refresh reads the
// pieces under a section page again when its cascade changes, is made or
// removed, and none when only its text changes (cached and in memory).
func TestHugoCascadeFollowsSectionPages(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	piece := func(title, extra string) string {
		return "---\ntitle: " + title + "\ndate: 2020-01-01\n" + extra + "---\nText.\n"
	}
	ftIndex := func(outlet, text string) string {
		return "---\ntitle: FT\ncascade:\n  outlet: " + outlet + "\n  tags: [ft-column]\n---\n" + text
	}
	ctx := context.Background()
	for _, dir := range []string{t.TempDir(), ""} {
		where := "cached"
		if dir == "" {
			where = "in memory"
		}
		os.RemoveAll(filepath.Join(arch, "site"))
		dupWrite(t, arch, map[string]string{
			"site/hugo.toml":               "title = 'S'\n",
			"site/content/_index.md":       "---\ntitle: Home\ncascade:\n  author: Home Author\n  outlet: Home Outlet\n---\n",
			"site/content/ft/_index.md":    ftIndex("Financial Times", ""),
			"site/content/ft/a.md":         piece("A", ""),
			"site/content/ft/deep/b.md":    piece("B", "outlet: Own Outlet\n"),
			"site/content/notes/n.md":      piece("N", ""),
			"site/content/wip/_index.md":   "+++\ntitle = 'WIP'\n[cascade]\ndraft = true\n+++\n",
			"site/content/wip/w/index.md":  piece("W", ""),
			"site/content/aimed/_index.md": "---\ntitle: Aimed\ncascade:\n- _target: {path: /nowhere/**}\n  draft: true\n- tags: [aimed]\n---\n",
			"site/content/aimed/t.md":      piece("T", ""),
		})
		name, fsys, err := archive.Source(arch)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		count := func(what string, want map[string]int) {
			t.Helper()
			got := map[string]int{}
			f := ix.AllFacets()
			for _, v := range f.Tags {
				got["tag "+strings.ToLower(v.Value)] = v.Count
			}
			for _, v := range f.Outlets {
				got["outlet "+strings.ToLower(v.Value)] = v.Count
			}
			for _, v := range f.Authors {
				got["author "+strings.ToLower(v.Value)] = v.Count
			}
			for k, n := range want {
				if got[k] != n {
					t.Errorf("%s, %s: %s counts %d, want %d (%v)", where, what, k, got[k], n, got)
				}
			}
		}
		step := func(what string, wantDocs, wantIndexed int, want map[string]int) {
			t.Helper()
			changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""})
			if err != nil || !changed {
				t.Fatalf("%s, %s: refresh %v %v", where, what, changed, err)
			}
			if dir == "" {
				wantIndexed = wantDocs // in memory, a refresh builds the index again
			}
			if st := ix.Stats(); st.Docs != wantDocs || st.Indexed != wantIndexed {
				t.Errorf("%s, %s: %d pieces (%d indexed), want %d (%d)", where, what, st.Docs, st.Indexed, wantDocs, wantIndexed)
			}
			count(what, want)
			if changed, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""}); err != nil || changed {
				t.Errorf("%s, %s: refreshed again: %v %v", where, what, changed, err)
			}
		}
		if st := ix.Stats(); st.Docs != 4 {
			t.Errorf("%s: %d pieces, want 4 (the draft section's left out)", where, st.Docs)
		}
		count("opened", map[string]int{"outlet financial times": 1, "outlet own outlet": 1, "outlet home outlet": 2,
			"tag ft-column": 2, "tag aimed": 1, "author home author": 4})
		write := func(p, text string) {
			t.Helper()
			dupWrite(t, arch, map[string]string{p: text})
			// a new time, whatever the file system's resolution
			later := time.Now().Add(time.Duration(len(text)) * time.Second)
			if err := os.Chtimes(filepath.Join(arch, p), later, later); err != nil {
				t.Fatal(err)
			}
		}
		write("site/content/ft/_index.md", ftIndex("Financial Times", "The section's text, changed.\n"))
		step("the section page's text changed", 4, 0, map[string]int{"outlet financial times": 1, "tag ft-column": 2})
		write("site/content/ft/_index.md", ftIndex("FT Weekend", ""))
		step("its cascade changed", 4, 2, map[string]int{"outlet financial times": 0, "outlet ft weekend": 1, "outlet own outlet": 1, "tag ft-column": 2})
		if err := os.Remove(filepath.Join(arch, "site/content/wip/_index.md")); err != nil {
			t.Fatal(err)
		}
		step("the draft section's page removed", 5, 1, map[string]int{"outlet home outlet": 3, "author home author": 5})
		if err := os.Remove(filepath.Join(arch, "site/content/ft/_index.md")); err != nil {
			t.Fatal(err)
		}
		step("the FT section's page removed", 5, 2, map[string]int{"outlet ft weekend": 0, "outlet home outlet": 4, "tag ft-column": 0})
		write("site/content/ft/_index.md", ftIndex("Financial Times", ""))
		step("made again", 5, 2, map[string]int{"outlet financial times": 1, "tag ft-column": 2})
		if err := os.Remove(filepath.Join(arch, "site/hugo.toml")); err != nil {
			t.Fatal(err)
		}
		step("no longer a Hugo site", 5, 5, map[string]int{"outlet financial times": 0, "tag ft-column": 0, "author home author": 0})
		ix.Close()
	}
}

// A Hugo site's config's cascade ([[cascade]] in hugo.toml) is read, and
// an edit of it, which
// changes no file of the scan, is seen: the index reopened reads the
// pieces under the site's content folder again, and ArchiveSum, a
// watch's, changes (a helper's report: the config's cascade was not
// read).
func TestHugoConfigCascadeIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	config := func(outlet string) string {
		return "title = 'S'\n[[cascade]]\noutlet = '" + outlet + "'\ndescription = 'Config'\n[cascade._target]\npath = '/news/**'\n"
	}
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	dupWrite(t, arch, map[string]string{
		"hugo.toml":         config("Config Outlet"),
		"content/_index.md": "---\ntitle: Home\ncascade:\n  description: Home\n---\n",
		"content/news/a.md": piece,
		"content/news/b.md": piece,
		"content/blog/c.md": piece,
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	outlets := func(what string, want map[string]int) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		got := map[string]int{}
		for _, v := range ix.AllFacets().Outlets {
			got[v.Value] = v.Count
		}
		if len(got) != len(want) {
			t.Errorf("%s: outlets %v, want %v", what, got, want)
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%s: outlets %v, want %v", what, got, want)
			}
		}
	}
	outlets("built", map[string]int{"Config Outlet": 2, "(no outlet)": 1})
	sum, memo := ArchiveSum(fsys, nil)
	if err := os.WriteFile(filepath.Join(arch, "hugo.toml"), []byte(config("Edited Outlet")), 0o644); err != nil {
		t.Fatal(err)
	}
	if again, _ := ArchiveSum(fsys, memo); again == sum {
		t.Error("ArchiveSum is the same after the config's cascade changed")
	}
	outlets("config edited", map[string]int{"Edited Outlet": 2, "(no outlet)": 1})
}

// A Hugo section page made a draft leaves the pieces under it out, as
// Hugo publishes none of them (Hugo 0.111 as oracle), and made no draft
// again brings them back: Refresh reads them again (its CascadeSum
// changes), cached and in memory. So does a section page written in HTML
// (_index.html; a helper's report: it was not read).
func TestHugoDraftSectionIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	ctx := context.Background()
	for _, section := range []string{"content/sec/_index.md", "content/sec/_index.html"} {
		for _, dir := range []string{t.TempDir(), ""} {
			arch := t.TempDir()
			dupWrite(t, arch, map[string]string{
				"hugo.toml":             "title = 'S'\n",
				section:                 "---\ntitle: Sec\n---\n",
				"content/sec/a.md":      piece,
				"content/sec/deep/b.md": piece,
				"content/other/c.md":    piece,
			})
			name, fsys, err := archive.Source(arch)
			if err != nil {
				t.Fatal(err)
			}
			ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
			if err != nil {
				t.Fatal(err)
			}
			docs := func(what string, want int) {
				t.Helper()
				if _, err := ix.Refresh(ctx, Options{Dir: dir, Memory: dir == ""}); err != nil {
					t.Fatal(err)
				}
				if st := ix.Stats(); st.Docs != want {
					t.Errorf("%s, %q, %s: %d pieces, want %d", section, dir, what, st.Docs, want)
				}
			}
			docs("opened", 3)
			for i, text := range []string{"---\ntitle: Sec\ndraft: true\n---\n", "---\ntitle: Sec\n---\n"} {
				p := filepath.Join(arch, section)
				dupWrite(t, arch, map[string]string{section: text})
				later := time.Now().Add(time.Duration(i+1) * time.Minute) // a new time, whatever the file system's resolution
				if err := os.Chtimes(p, later, later); err != nil {
					t.Fatal(err)
				}
				docs([]string{"made a draft", "made no draft again"}[i], []int{1, 3}[i])
			}
			ix.Close()
		}
	}
}

// A Hugo site's ignoreFiles leave the pieces they match out (Hugo 0.111
// as oracle), and an edit of them, which changes no file of the scan, is
// seen: ArchiveSum changes, and the index reopened reads the pieces under
// the site's content folder again.
func TestHugoIgnoreFilesAreSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	dupWrite(t, arch, map[string]string{
		"hugo.toml":               "title = 'S'\nignoreFiles = ['secret']\n",
		"content/posts/a.md":      piece,
		"content/posts/secret.md": piece,
		"content/wip/b.md":        piece,
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	docs := func(what string, want int) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if st := ix.Stats(); st.Docs != want {
			t.Errorf("%s: %d pieces, want %d", what, st.Docs, want)
		}
	}
	docs("built", 2)
	sum, memo := ArchiveSum(fsys, nil)
	if err := os.WriteFile(filepath.Join(arch, "hugo.toml"), []byte("title = 'S'\nignoreFiles = ['/wip$', 'secret']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if again, _ := ArchiveSum(fsys, memo); again == sum {
		t.Error("ArchiveSum is the same after the config's ignoreFiles changed")
	}
	docs("a folder ignored", 1)
	if err := os.WriteFile(filepath.Join(arch, "hugo.toml"), []byte("title = 'S'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs("none ignored", 3)
}

// askCounter is an archive's fsys that counts the opens and stats asked
// of it, by name.
type askCounter struct {
	fs.FS
	root  string
	mu    sync.Mutex
	asked map[string]int
}

func (c *askCounter) Root() string { return c.root }
func (c *askCounter) count(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.asked != nil {
		c.asked[name]++
	}
}
func (c *askCounter) Open(name string) (fs.File, error) {
	c.count("open " + name)
	return c.FS.Open(name)
}
func (c *askCounter) Stat(name string) (fs.FileInfo, error) {
	c.count("stat " + name)
	return fs.Stat(c.FS, name)
}

// A piece shown (Article) reads its site's config once and asks each of
// the names that make a folder a site's root once (a read-through: its
// parse read the config for its cascade, then SiteURLs stated every
// config name of each folder above it again and read the config again).
func TestArticleReadsItsSitesConfigOnce(t *testing.T) {
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"hugo.toml":                "baseURL = 'https://example.org/'\n[cascade]\noutlet = 'Site'\n",
		"content/posts/p/index.md": "---\ntitle: P\ndate: 2020-01-02\n---\nText.\n",
	})
	name, src, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	fsys := &askCounter{FS: src, root: arch}
	ix, err := Open(context.Background(), name, fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fsys.mu.Lock()
	fsys.asked = map[string]int{}
	fsys.mu.Unlock()
	a, err := ix.Article("content/posts/p")
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Site" || len(a.SiteURLs) != 1 || a.SiteURLs[0] != "https://example.org/" {
		t.Errorf("outlet %q, SiteURLs %v", a.Outlet, a.SiteURLs)
	}
	fsys.mu.Lock()
	defer fsys.mu.Unlock()
	for what, n := range fsys.asked {
		if n > 1 {
			t.Errorf("%s asked %d times", what, n)
		}
	}
}

// An index opened again, its archive unchanged, tells that it is current
// from the site configs its scan met, asking no stat of the file system
// (a read-through: every folder a piece with a tags string is in was
// asked for each name of a site's config, 100k stats for 10k Hugo
// bundles at every show); a config made in a bundle is still seen.
func TestReopenAsksNoSiteOfTheFileSystem(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	files := map[string]string{"site/hugo.toml": "title = 'S'\n"}
	for i := range 20 {
		files[fmt.Sprintf("site/content/posts/p%02d/index.md", i)] = "---\ntitle: P\ndate: 2020-01-02\ntags: \"Middle East\"\n---\nText.\n"
	}
	dupWrite(t, arch, files)
	name, src, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	fsys := &statCounter{FS: src, root: arch}
	dir := t.TempDir()
	reopen := func(what string, wantStats bool, wantTags int) {
		t.Helper()
		fsys.stats.Store(0)
		ix, err := Open(context.Background(), name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if n := fsys.stats.Load(); (n > 0) != wantStats {
			t.Errorf("%s: %d stats of the file system", what, n)
		}
		if tags := ix.AllFacets().Tags; len(tags) != wantTags {
			t.Errorf("%s: tags %v", what, tags)
		}
	}
	// built, its SiteRoots answered from its scan's configs
	// (archive.SiteConfigs.SiteRootsOf): no stat either
	reopen("built", false, 1)
	reopen("reopened", false, 1)
	if err := os.Rename(filepath.Join(arch, "site", "hugo.toml"), filepath.Join(arch, "site", "content", "posts", "p03", "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	// the tags string split outside a Hugo site, p03 its site's root's file
	reopen("the config moved into a bundle", false, 2)
}

// A Jekyll site's config edited so that a collection's output changes,
// which changes no file of the scan, is seen: ArchiveSum changes, and
// the index reopened reads the site's files again (an attack's report:
// output flipped, or the collections moved from _config.yml to
// _config.toml, which Jekyll does not read beside it, the cached list
// kept its old answer).
func TestJekyllCollectionsOutputIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	config := func(output bool) string {
		return fmt.Sprintf("title: S\ncollections:\n  notes:\n    output: %v\n", output)
	}
	dupWrite(t, arch, map[string]string{
		"_config.yml":     config(false),
		"about.md":        piece,
		"_notes/a.md":     piece,
		"_notes/sub/b.md": piece,
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	docs := func(what string, want int) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if st := ix.Stats(); st.Docs != want {
			t.Errorf("%s: %d pieces, want %d", what, st.Docs, want)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs("built", 1)
	sum, memo := ArchiveSum(fsys, nil)
	write("_config.yml", config(true))
	if again, _ := ArchiveSum(fsys, memo); again == sum {
		t.Error("ArchiveSum is the same after a collection's output changed")
	}
	docs("output: true", 3)
	write("_config.toml", "[collections.notes]\noutput = true\n")
	write("_config.yml", "title: S\n")
	docs("collections moved to _config.toml, not read beside _config.yml", 1)
	if err := os.Remove(filepath.Join(arch, "_config.yml")); err != nil {
		t.Fatal(err)
	}
	docs("_config.toml alone", 3)
}

// A Hugo config that cannot be decoded is among the index's problems,
// built and reopened from its cache alike (an attack's report: it was
// passed over in silence).
func TestBrokenSiteConfigIsAnIndexProblem(t *testing.T) {
	arch, dir := t.TempDir(), t.TempDir()
	piece := "---\ntitle: P\ndate: 2020-01-01\n---\nText.\n"
	dupWrite(t, arch, map[string]string{
		"hugo.toml":               "title = 'S'\nignoreFiles=[\"secret\"\n",
		"content/posts/a.md":      piece,
		"content/posts/secret.md": piece,
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	for _, what := range []string{"built", "reopened"} {
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		found := slices.ContainsFunc(ix.Problems(), func(p archive.Problem) bool {
			return p.Path == "hugo.toml" && p.Line == 2 && !p.Quiet
		})
		if st := ix.Stats(); !found || st.Docs != 2 {
			t.Errorf("%s: %d pieces, problems %v; want 2 and hugo.toml's", what, st.Docs, ix.Problems())
		}
		ix.Close()
	}
}

// A site's config edited while a build reads its pages, before the build
// plans a second round (a file of it unusable), is recorded as the pages
// were read with it, and the next open reads them again (a review's
// report: the second round summed the config afresh, the new sum, but
// read the pages through the build's SiteRoots, with the config as it
// first read it: the manifest recorded the new sum over pages read with
// the old, and every open after kept the old outlet).
func TestConfigEditedBetweenRoundsIsReadAgain(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	config := func(outlet string) string { return "title = 'S'\n[cascade]\noutlet = '" + outlet + "'\n" }
	dupWrite(t, arch, map[string]string{
		"site/hugo.toml":    config("Old"),
		"site/content/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\nText.\n",
		"bad.md":            "---\ntitle: bad\n---\nx\n", // no date: unusable, a second round planned
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	edited := false
	outlets := func(what string, want string) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Progress: func(done, total int) {
			if done == total && total > 0 && !edited { // the first round's files all read
				edited = true
				dupWrite(t, arch, map[string]string{"site/hugo.toml": config("New")})
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if got := ix.AllFacets().Outlets; len(got) != 1 || got[0] != (FacetValue{Value: want, Count: 1}) {
			t.Errorf("%s: outlets %v, want %s 1", what, got, want)
		}
	}
	outlets("built, the config edited after its pages were read", "Old")
	if !edited {
		t.Fatal("the config was not edited")
	}
	outlets("opened again", "New")
}

// A Jekyll site's front matter defaults made or edited, which changes no
// file of the scan, are seen: ArchiveSum changes (the reader's refresh), and the
// index reopened reads the site's pages again, for a site in a folder of
// the archive whose pages are in _posts/ and its root alone (no folder
// _x but _posts, which the sums asked of before; a helper's report:
// defaults were not read at all).
func TestJekyllDefaultsEditIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	config := func(author string) string {
		return "title: S\ndefaults:\n  - scope: {path: \"\"}\n    values: {author: " + author + "}\n"
	}
	dupWrite(t, arch, map[string]string{
		"blog/about.md":                "---\ntitle: About\n---\nText.\n",
		"blog/_posts/2021-03-14-p1.md": "---\ntitle: P1\n---\nText.\n",
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	authors := func(what string, want string) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var got []string
		for _, f := range ix.AllFacets().Authors {
			got = append(got, fmt.Sprintf("%s %d", f.Value, f.Count))
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("%s: authors %v, want %s", what, got, want)
		}
	}
	// no site: about.md, undated, is no piece; the post no file asked of
	// a site (its date its name's)
	authors("no site", "(no author) 1")
	if err := os.WriteFile(filepath.Join(arch, "blog", "_config.yml"), []byte(config("Alice")), 0o644); err != nil {
		t.Fatal(err)
	}
	authors("_config.yml made", "Alice 2")
	sum, memo := ArchiveSum(fsys, nil)
	if err := os.WriteFile(filepath.Join(arch, "blog", "_config.yml"), []byte(config("Bob")), 0o644); err != nil {
		t.Fatal(err)
	}
	if again, _ := ArchiveSum(fsys, memo); again == sum {
		t.Error("ArchiveSum is the same after the defaults changed")
	}
	authors("defaults edited", "Bob 2")
	if err := os.WriteFile(filepath.Join(arch, "blog", "_config.yml"), []byte("title: S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	authors("defaults removed", "(no author) 2")
}

// A Hugo site's pages are in its content folder alone (archive's
// hugocontent.go): a hugo.toml made above a folder of notes, or its
// contentDir edited, changes which files are pieces, and the index
// reopened reads them again (their site's root summed though no folder
// on their paths is named content: archive.ConfigCascadeSum).
func TestHugoContentDirEditIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	piece := func(tag string) string { return "---\ntitle: P\ndate: 2020-01-01\ntags: [" + tag + "]\n---\nText.\n" }
	dupWrite(t, arch, map[string]string{
		"notes/pages/p.md": piece("inpages"),
		"notes/other/o.md": piece("inother"),
		"notes/stuff/s.md": piece("instuff"),
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	tags := func(what string, want string) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var got []string
		for _, f := range ix.AllFacets().Tags {
			got = append(got, f.Value)
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%s: tags %v, want %s", what, got, want)
		}
	}
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(arch, "notes", "hugo.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tags("no site", "inother inpages instuff")
	write("title = 'S'\ncontentDir = 'stuff'\n")
	tags("hugo.toml made", "instuff")
	write("title = 'S'\ncontentDir = 'pages'\n")
	tags("contentDir edited", "inpages")
	if err := os.Remove(filepath.Join(arch, "notes", "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	tags("hugo.toml removed", "inother inpages instuff")
}

// A config.toml's contentDir makes its folder a Hugo site without a
// content/ beside it (archive's contentDirMark): made, edited or removed
// in place (no folder changed: the scan's memos kept), the index
// reopened reads the site's files again.
func TestHugoOldConfigContentDirEditIsSeen(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch, dir := t.TempDir(), t.TempDir()
	piece := func(tag string) string { return "---\ntitle: P\ndate: 2020-01-01\ntags: [" + tag + "]\n---\nText.\n" }
	dupWrite(t, arch, map[string]string{
		"notes/config.toml": "title = 'S'\n",
		"notes/pages/p.md":  piece("inpages"),
		"notes/other/o.md":  piece("inother"),
		"notes/stuff/s.md":  piece("instuff"),
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	tags := func(what string, want string) {
		t.Helper()
		ix, err := Open(ctx, name, fsys, Options{Dir: dir, Memory: dir == ""})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		var got []string
		for _, f := range ix.AllFacets().Tags {
			got = append(got, f.Value)
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want {
			t.Errorf("%s: tags %v, want %s", what, got, want)
		}
	}
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(arch, "notes", "config.toml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tags("no contentDir", "inother inpages instuff")
	tags("reopened", "inother inpages instuff")
	write("title = 'S'\ncontentDir = 'stuff'\n")
	tags("contentDir set", "instuff")
	write("title = 'S'\ncontentDir = 'pages'\n")
	tags("contentDir edited", "inpages")
	write("title = 'S'\n")
	tags("contentDir removed", "inother inpages instuff")
}

// A name that starts with "_index." is a section page in a Hugo site
// alone (archive.IsSectionPageIn): a notes folder's _index.old.md is a
// piece (the fortieth session's rule listed it as a section page), and a
// Hugo site's _index.fr.md is fr's section page, whose cascade changed
// makes the index read fr's pages again; its hugo.toml removed, it is a
// piece too.
func TestIndexNameIsASectionPageInASiteAlone(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	arch := t.TempDir()
	piece := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nText.\n" }
	frIndex := func(tag string) string {
		return "---\ntitle: Blog\ndate: 2020-01-02\ncascade:\n  tags: [" + tag + "]\n---\n"
	}
	dupWrite(t, arch, map[string]string{
		"notes/_index.old.md":            piece("Old notes"),
		"notes/a.md":                     piece("A"),
		"site/hugo.toml":                 "baseURL = 'https://e.org/'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"site/content/blog/_index.fr.md": frIndex("first"),
		"site/content/blog/b.fr.md":      piece("B fr"),
		"site/content/blog/b.md":         piece("B"),
	})
	ctx := context.Background()
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ix, err := Open(ctx, name, fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	check := func(what string, wantDocs int, wantTags map[string]int) {
		t.Helper()
		if st := ix.Stats(); st.Docs != wantDocs {
			t.Errorf("%s: %d pieces, want %d", what, st.Docs, wantDocs)
		}
		got := map[string]int{}
		for _, v := range ix.AllFacets().Tags {
			got[v.Value] = v.Count
		}
		if !maps.Equal(got, wantTags) {
			t.Errorf("%s: tags %v, want %v", what, got, wantTags)
		}
	}
	check("opened", 4, map[string]int{"first": 1})
	if _, ok := ix.Resolve([]string{"notes/_index.old.md"}); !ok {
		t.Error("notes/_index.old.md is no piece")
	}
	write := func(p, text string) {
		t.Helper()
		dupWrite(t, arch, map[string]string{p: text})
		later := time.Now().Add(time.Duration(len(text)) * time.Second)
		if err := os.Chtimes(filepath.Join(arch, p), later, later); err != nil {
			t.Fatal(err)
		}
	}
	write("site/content/blog/_index.fr.md", frIndex("second"))
	if _, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	check("fr's cascade changed", 4, map[string]int{"second": 1})
	// a section page reserves no id: a piece whose name slugs as its
	// takes it (holdsID)
	write("site/content/blog/index-fr.md", piece("Index fr"))
	if _, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if a, err := ix.Article("site/content/blog/index-fr"); err != nil || a.Path != "site/content/blog/index-fr.md" {
		t.Errorf("the id of _index.fr.md's slug: %q %v, want index-fr.md's", a.Path, err)
	}
	if err := os.Remove(filepath.Join(arch, "site/content/blog/index-fr.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(arch, "site/hugo.toml")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Refresh(ctx, Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	check("no longer a Hugo site", 5, map[string]int{})
}

// A section page's front matter is decoded once a build: for its sum
// (the plan's cascadeChanged and its entry's Cascade), its problem and
// what it gives the pages under it alike (archive.SiteRoots.CascadeSum;
// the plan and the reading each decoded it again, three decodes of each
// changed section page), from scratch, cached or in memory, and in an
// update that reads them again.
func TestSectionPageIsDecodedOnceABuild(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	piece := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-01\n---\nText.\n" }
	sections := func(v string) map[string]string {
		return map[string]string{
			"site/content/_index.md":   "---\ntitle: Home\ncascade:\n  outlet: Home " + v + "\n---\n",
			"site/content/a/_index.md": "+++\ntitle = 'A'\n[cascade]\ntags = ['a" + v + "']\n+++\n",
			"site/content/b/_index.md": "---\ntitle: B " + v + "\ndraft: true\n---\n",
		}
	}
	ctx := context.Background()
	for _, dir := range []string{t.TempDir(), ""} {
		arch := t.TempDir()
		files := sections("1")
		files["site/hugo.toml"] = "title = 'S'\n"
		for _, p := range []string{"site/content/x.md", "site/content/a/y.md", "site/content/a/deep/z.md", "site/content/b/w.md"} {
			files[p] = piece(path.Base(p))
		}
		dupWrite(t, arch, files)
		name, fsys, err := archive.Source(arch)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Dir: dir, Memory: dir == ""}
		before := archive.SectionDecodes()
		ix, err := Open(ctx, name, fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		if n := archive.SectionDecodes() - before; n != 3 {
			t.Errorf("dir %q, built: %d section pages decoded, want 3, each once", dir, n)
		}
		if st := ix.Stats(); st.Docs != 3 {
			t.Errorf("dir %q, built: %d pieces, want 3 (b's a draft section)", dir, st.Docs)
		}
		later := time.Now().Add(time.Minute)
		for p, text := range sections("2") {
			dupWrite(t, arch, map[string]string{p: text})
			if err := os.Chtimes(filepath.Join(arch, p), later, later); err != nil {
				t.Fatal(err)
			}
		}
		before = archive.SectionDecodes()
		if changed, err := ix.Refresh(ctx, opts); err != nil || !changed {
			t.Fatalf("dir %q: refresh %v %v", dir, changed, err)
		}
		if n := archive.SectionDecodes() - before; n != 3 {
			t.Errorf("dir %q, the section pages changed: %d decoded, want 3, each once", dir, n)
		}
		if st := ix.Stats(); dir != "" && st.Indexed != 3 {
			t.Errorf("dir %q, the section pages changed: %d indexed, want the 3 under them", dir, st.Indexed)
		}
		if tags := ix.AllFacets().Tags; len(tags) != 1 || tags[0].Value != "a2" || tags[0].Count != 2 {
			t.Errorf("dir %q: tags %v, want a2 of y and z", dir, tags)
		}
		ix.Close()
	}
}

// A Zola site's section page gives its pages its draft alone (archive's
// cascade.go: Zola's section front matter has no cascade): an edit of
// its [cascade] alone reads no page under it again (its sum counted the
// [cascade], and the pages were read again for nothing), while one of its
// draft still reads them.
func TestZolaSectionCascadeEditReadsNoPage(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // no read racy
	page := func(title string) string { return "+++\ntitle = \"" + title + "\"\ndate = 2021-01-01\n+++\nText.\n" }
	blog := func(more string) string { return "+++\ntitle = \"Blog\"\n" + more + "+++\n" }
	arch := t.TempDir()
	dupWrite(t, arch, map[string]string{
		"zola/config.toml":            "base_url = \"https://z.example.org\"\ntaxonomies = [{name = \"tags\"}]\n",
		"zola/content/blog/_index.md": blog("[cascade]\ntags = [\"c1\"]\n"),
		"zola/content/blog/a.md":      page("A"),
		"zola/content/blog/sub/b.md":  page("B"),
		"zola/content/x.md":           page("X"),
	})
	name, fsys, err := archive.Source(arch)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opts := Options{Dir: t.TempDir()}
	ix, err := Open(ctx, name, fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if st := ix.Stats(); st.Docs != 3 {
		t.Fatalf("opened: %d pieces, want 3", st.Docs)
	}
	n := 0
	step := func(what, text string, wantDocs, wantIndexed, wantRemoved int) {
		t.Helper()
		n++
		p := filepath.Join(arch, "zola/content/blog/_index.md")
		dupWrite(t, arch, map[string]string{"zola/content/blog/_index.md": text})
		later := time.Now().Add(time.Duration(n) * time.Minute)
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
		changed, err := ix.Refresh(ctx, opts)
		if err != nil || !changed {
			t.Fatalf("%s: refresh %v %v", what, changed, err)
		}
		if st := ix.Stats(); st.Docs != wantDocs || st.Indexed != wantIndexed || st.Removed != wantRemoved {
			t.Errorf("%s: %d pieces, %d indexed, %d removed; want %d, %d, %d", what, st.Docs, st.Indexed, st.Removed, wantDocs, wantIndexed, wantRemoved)
		}
		if tags := ix.AllFacets().Tags; len(tags) != 0 {
			t.Errorf("%s: tags %v, want none", what, tags)
		}
	}
	step("its [cascade] edited", blog("[cascade]\ntags = [\"c2\"]\ndraft = true\n"), 3, 0, 0)
	step("its [cascade] removed", blog(""), 3, 0, 0)
	step("a draft", blog("draft = true\n"), 1, 0, 2)
	step("no longer a draft, a [cascade] made", blog("[cascade]\ntags = [\"c3\"]\n"), 3, 2, 0)
}
