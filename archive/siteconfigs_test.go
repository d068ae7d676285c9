//go:build unix

package archive

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/childtest"
)

// The site configs a scan meets answer SiteRoots as the file system does,
// for every folder of the archive, whether the scan listed the folders or
// took them from its memo: configs as files and folders (config/_default,
// content), nested sites, a link to a config that leads nowhere and then
// somewhere, a config in a page bundle's folder.
func TestSiteConfigsAnswerAsTheFileSystem(t *testing.T) {
	root := t.TempDir()
	write := func(p, text string) {
		t.Helper()
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	piece := "---\ntitle: T\n---\nText.\n"
	for _, p := range []string{
		"notes/a.md", "hugo/content/posts/b/index.md", "hugo/content/c.md", "old/content/d.md",
		"split/content/e.md", "jek/_posts/2020-01-01-f.md", "jek/sub/g.md", "linked/content/h.md",
		"bundle/content/posts/i/index.md", "deep/x/y/z/j.md",
	} {
		write(p, piece)
	}
	write("hugo/hugo.toml", "title = 'H'\n")
	write("old/config.toml", "title = 'O'\n")    // with content/: a root
	write("deep/x/config.toml", "title = 'X'\n") // without content/: not one
	write("split/config/_default/hugo.toml", "title = 'S'\n")
	write("jek/_config.yml", "title: J\n")
	if err := os.Symlink("../nowhere.toml", filepath.Join(root, "linked", "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	// a config folder that is a link to a folder (the scan enters none)
	write("elsewhere/_default/hugo.toml", "title = 'E'\n")
	write("linkcfg/content/l.md", piece)
	if err := os.Symlink("../elsewhere", filepath.Join(root, "linkcfg", "config")); err != nil {
		t.Fatal(err)
	}
	folders := func() []string {
		var out []string
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				rel, _ := filepath.Rel(root, p)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		return out
	}
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	var memo []byte
	compare := func(what string) {
		t.Helper()
		probs, next, configs := ScanEachMemo(fsys, func() FileFunc { return func([]byte, int64, time.Time, int64) {} }, memo, time.Now().Add(time.Hour))
		for _, p := range probs {
			if p.Folder {
				t.Fatalf("%s: %v", what, p)
			}
		}
		if configs == nil {
			t.Fatalf("%s: no site configs from a whole scan", what)
		}
		if next != nil {
			memo = next
		}
		fromScan, fromFS := configs.SiteRoots(), NewSiteRoots(fsys)
		for _, dir := range folders() {
			p := path.Join(dir, "piece.md")
			if got, want := fromScan.InHugo(p), fromFS.InHugo(p); got != want {
				t.Errorf("%s: %s in a Hugo site: %v by the scan, %v by the file system", what, dir, got, want)
			}
			if got, want := fromScan.InJekyll(p), fromFS.InJekyll(p); got != want {
				t.Errorf("%s: %s in a Jekyll site: %v by the scan, %v by the file system", what, dir, got, want)
			}
		}
	}
	compare("listed")
	if memo == nil {
		t.Fatal("no memo made")
	}
	compare("from the memo")
	write("nowhere.toml", "title = 'L'\n") // the link leads somewhere now
	compare("the link's target made")
	if !NewSiteRoots(fsys).InHugo("linked/content/h.md") {
		t.Fatal("the example is wrong: the link's target made no Hugo site")
	}
	write("bundle/content/posts/i/hugo.toml", "title = 'B'\n")
	write("deep/x/content/k.md", piece) // deep/x a root now
	compare("a config in a bundle, a content folder made")
	if err := os.Remove(filepath.Join(root, "hugo", "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(root, "split", "config", "_default")); err != nil {
		t.Fatal(err)
	}
	compare("configs removed")
}

// A site config in a folder this user may list but not enter is not
// there, as the file system's stat says (an attack on the scan's configs:
// a config/ made r-- left a cached search answering as a Hugo site), and
// a name in another case is the config only where the file system finds
// it under the config's name. As root (as CI runs) the test runs again
// as nobody, whom permissions bind.
func TestSiteConfigsAsTheStatFindsThem(t *testing.T) {
	if os.Geteuid() == 0 {
		out, err := childtest.RunAsNobody(t, "FOLIO_ARCHIVE_TEST_AS_NOBODY", "1")
		if err != nil || !strings.Contains(out, "--- PASS: "+t.Name()+" ") {
			t.Fatalf("as nobody: %v\n%s", err, out)
		}
		return
	}
	root := t.TempDir()
	for _, p := range []string{"s/content/a.md", "c/content/b.md"} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("---\ntitle: T\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(root, "s", "config"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "s", "config", "_default"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "c", "Hugo.toml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "s", "config"), 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(root, "s", "config"), 0o755)
	_, fsys, err := Source(root)
	if err != nil {
		t.Fatal(err)
	}
	_, _, configs := ScanEachMemo(fsys, func() FileFunc { return func([]byte, int64, time.Time, int64) {} }, nil, time.Now())
	if configs == nil {
		t.Fatal("no site configs")
	}
	fromScan, fromFS := configs.SiteRoots(), NewSiteRoots(fsys)
	for _, p := range []string{"s/content/a.md", "c/content/b.md"} {
		if got, want := fromScan.InHugo(p), fromFS.InHugo(p); got != want {
			t.Errorf("%s in a Hugo site: %v by the scan, %v by the file system", p, got, want)
		}
	}
}
