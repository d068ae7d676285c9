package archive

import (
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// hugoOracleLayout is the single-page layout hugoPublished gives a site:
// each page Hugo renders writes its content file's path and tags.
const hugoOracleLayout = `HUGO-PAGE {{ .File.Path }}|{{ delimit (.Params.tags | default slice) "," }}|` + "\n"

// hugoPublished builds the Hugo site at siteDir (a folder of
// t.TempDir(), with a content/ folder) with the hugo on $PATH, the test
// skipped when there is none, and returns what it published as pages:
// each page's content file (its path from the site's content folder,
// content/ before it) and its tags joined by "|". The site is given a
// layout of its own (layouts/ at its root, which folio passes over) and
// built into another temporary folder.
func hugoPublished(t *testing.T, siteDir string) map[string]string {
	t.Helper()
	bin, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("no hugo on $PATH")
	}
	writeFiles(t, siteDir, map[string]string{"layouts/_default/single.html": hugoOracleLayout, "layouts/_default/list.html": "list\n"})
	out := t.TempDir()
	cmd := exec.Command(bin, "--source", siteDir, "--destination", out, "--cacheDir", t.TempDir(), "--quiet")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	pages := map[string]string{}
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rest, ok := strings.CutPrefix(string(b), "HUGO-PAGE "); ok {
			parts := strings.Split(rest, "|")
			if len(parts) >= 2 {
				tags := strings.Split(parts[1], ",")
				if parts[1] == "" {
					tags = nil
				}
				slices.Sort(tags)
				pages[path.Join("content", filepath.ToSlash(parts[0]))] = strings.Join(tags, "|")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// piecesAndTags are a's pieces by their path from prefix (the site's
// folder, with a slash), each with its tags joined by "|", sorted.
func piecesAndTags(a *Archive, prefix string) map[string]string {
	out := map[string]string{}
	for _, x := range a.Articles {
		tags := slices.Clone(x.Tags)
		slices.Sort(tags)
		out[strings.TrimPrefix(x.Path, prefix)] = strings.Join(tags, "|")
	}
	return out
}

// hugoLanguageHTMLSite is a multilingual Hugo site whose sections have a
// language's section page written in HTML: news/_index.fr.html a draft,
// blog/_index.fr.htm with a cascade, misc/_index.fr.md a draft beside
// them (read before), and, of languages the site lacks, a draft
// v2/_index.v2.html and ab/_index.aa.bb.html, and one whose extension is
// not in lower case, up/_index.fr.HTML a draft (no page).
func hugoLanguageHTMLSite(t *testing.T, root string) {
	page := func(title string) string { return "---\ntitle: " + title + "\ndate: 2020-01-02\n---\nBody.\n" }
	draft := "---\ntitle: S\ndraft: true\n---\n<p>x</p>\n"
	writeFiles(t, root, map[string]string{
		"site/hugo.toml": "baseURL = 'https://example.org/'\ntitle = 'T'\ndefaultContentLanguage = 'en'\n" +
			"[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"site/content/news/a.md":             page("A"),
		"site/content/news/a.fr.md":          page("A fr"),
		"site/content/news/_index.fr.html":   draft,
		"site/content/blog/b.md":             page("B"),
		"site/content/blog/b.fr.md":          page("B fr"),
		"site/content/blog/_index.fr.htm":    "---\ntitle: S\ncascade:\n  tags: [casc]\n---\n<p>x</p>\n",
		"site/content/misc/m.md":             page("M"),
		"site/content/misc/m.fr.md":          page("M fr"),
		"site/content/misc/_index.fr.md":     draft,
		"site/content/v2/v.md":               page("V"),
		"site/content/v2/_index.v2.html":     draft,
		"site/content/ab/c.md":               page("C"),
		"site/content/ab/_index.aa.bb.html":  draft,
		"site/content/up/u.fr.md":            page("U fr"),
		"site/content/up/_index.fr.HTML":     draft,
		"site/content/sub/deep/d.fr.md":      page("D fr"),
		"site/content/sub/_index.fr.html":    "---\ntitle: S\ncascade:\n  tags: [deep]\n---\n",
		"site/content/sub/deep/_index.fr.md": "---\ntitle: S\n---\n",
		"notes/_index.fr.html":               draft,
		"notes/n.fr.md":                      page("N fr"),
	})
}

// A Hugo site's language's section page written in HTML, _index.fr.html
// or _index.fr.htm (any name that starts with "_index." and ends in
// .html or .htm, in lower case), is fr's section page: its draft hides
// fr's pages of the section, its cascade gives them values, and it is no
// piece, through the scan of a folder (with a memo and without) and of
// any fs.FS (hugo 0.111.3 as oracle: TestHugoLanguageHTMLSectionPagesAsHugo;
// folio read _index.html and _index.htm alone: news/a.fr.md was listed,
// blog/b.fr.md untagged, v2/v.md and ab/c.md listed).
func TestHugoLanguageHTMLSectionPages(t *testing.T) {
	root := t.TempDir()
	hugoLanguageHTMLSite(t, root)
	want := map[string]string{
		"site/content/news/a.md": "", "site/content/blog/b.md": "", "site/content/blog/b.fr.md": "casc",
		"site/content/misc/m.md": "", "site/content/up/u.fr.md": "", "site/content/sub/deep/d.fr.md": "deep",
		"notes/n.fr.md": "",
	}
	for _, how := range []string{"folder", "fs.FS"} {
		var a *Archive
		var probs []Problem
		if how == "folder" {
			a, probs = loadSite(t, root)
		} else {
			a, probs = Load(os.DirFS(root))
		}
		if got := piecesAndTags(a, ""); !maps.Equal(got, want) {
			t.Errorf("%s: pieces and tags %v\nwant %v", how, got, want)
		}
		var sections []string
		for _, p := range probs {
			if p.Msg == SectionPageMsg {
				sections = append(sections, p.Path)
			}
		}
		slices.Sort(sections)
		wantSections := []string{"site/content/ab/_index.aa.bb.html", "site/content/blog/_index.fr.htm", "site/content/misc/_index.fr.md",
			"site/content/news/_index.fr.html", "site/content/sub/_index.fr.html", "site/content/sub/deep/_index.fr.md", "site/content/v2/_index.v2.html"}
		if !slices.Equal(sections, wantSections) {
			t.Errorf("%s: section pages %v\nwant %v", how, sections, wantSections)
		}
	}
	// a memo's scan as a listing's
	later := time.Now().Add(time.Hour)
	files, memo := memoScan(t, root, nil, later)
	if again, _ := memoScan(t, root, memo, later); !reflect.DeepEqual(again, files) || !slices.Contains(PathsOf(files), "site/content/news/_index.fr.html") {
		t.Errorf("with a memo %v\nwithout %v", PathsOf(again), PathsOf(files))
	}
	// a file read alone, its section pages asked of the file system
	if _, probs := ParseIn(os.DirFS(root), "site/content/news/a.fr.md", []byte("---\ntitle: A fr\n---\nx\n")); len(probs) != 1 || probs[0].Msg != HugoDraftSectionMsg {
		t.Errorf("news/a.fr.md read alone: %v, want %q", probs, HugoDraftSectionMsg)
	}
}

// TestHugoLanguageHTMLSectionPages's site, built by hugo when there is
// one: the pages it publishes, and their tags, are folio's pieces.
func TestHugoLanguageHTMLSectionPagesAsHugo(t *testing.T) {
	root := t.TempDir()
	hugoLanguageHTMLSite(t, root)
	hugo := hugoPublished(t, filepath.Join(root, "site"))
	a, _ := loadSite(t, filepath.Join(root, "site"))
	if got := piecesAndTags(a, ""); !maps.Equal(got, hugo) {
		t.Errorf("folio's pieces and tags %v\nhugo's pages and tags %v", got, hugo)
	}
}
