package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An empty published: unpublishes a piece in a Jekyll site alone, in the
// index as in folio check (a helper's report: every archive hid such
// pieces as drafts, and an Obsidian Web Clipper's file said nothing).
func TestAnEmptyPublishedInTheIndex(t *testing.T) {
	dir := t.TempDir()
	dated := "---\ntitle: T\ndate: 2020-01-01\npublished:\n---\nB\n"
	for p, text := range map[string]string{
		"b4/a.md":          dated,
		"clip.md":          "---\ntitle: Clip\nsource: https://x.example/a\npublished:\ncreated: 2024-01-02\n---\nB\n",
		"blog/_config.yml": "title: S\n",
		"blog/about.md":    dated,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, code := run(t, "list", "--archive", dir)
	if code != 0 || !strings.Contains(out, "b4/a") || strings.Contains(out, "blog/about") || strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, "check", dir)
	if !strings.Contains(out, "clip.md:4: empty date") {
		t.Errorf("check:\n%s", out)
	}
}

// A Jekyll site's _config.yml made or removed after the index was built
// changes which pieces with an empty published: are drafts, in the index
// that folio search, list and index use, with no file of them changed (a
// helper's report: nothing changed until a file did, or --rebuild). A
// config edited changes nothing folio reads of it, and reads no piece
// again.
func TestJekyllConfigMadeLaterUnpublishes(t *testing.T) {
	dir, ixDir := t.TempDir(), t.TempDir()
	for p, text := range map[string]string{
		"blog/about.md":      "---\ntitle: About the blog\ndate: 2020-01-01\npublished:\n---\nZebras and commentary.\n",
		"blog/notes/deep.md": "---\ntitle: Deep note\ndate: 2020-01-02\npublished:\n---\nZebras in a deeper folder.\n",
		"other/kept.md":      "---\ntitle: Kept elsewhere\ndate: 2020-01-03\npublished:\n---\nZebras outside the site.\n",
		"blog/plain.md":      "---\ntitle: Plain post\ndate: 2020-01-04\n---\nZebras with no flag.\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := []string{"About the blog", "Deep note", "Kept elsewhere", "Plain post"}
	search := func(when string, want ...string) {
		t.Helper()
		out, errs, code := runIndexed(t, ixDir, "search", "zebras", "--archive", dir)
		if code != 0 {
			t.Fatalf("%s: search: exit %d %s", when, code, errs)
		}
		for _, title := range all {
			if strings.Contains(out, title) != slices.Contains(want, title) {
				t.Errorf("%s: search shows %q: %v, want %v\n%s", when, title, strings.Contains(out, title), slices.Contains(want, title), out)
			}
		}
		out, _, _ = runIndexed(t, ixDir, "list", "--archive", dir)
		if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != len(want) {
			t.Errorf("%s: list shows %d pieces, want %d\n%s", when, n, len(want), out)
		}
	}
	search("no site", all...)
	// files read within index.RacyWindow of their writing (all of them
	// here) are read again at the next check: indexed again until a run
	// finds every one settled, and the index current
	for runs := 1; ; runs++ {
		out, errs, code := runIndexed(t, ixDir, "index", "--archive", dir)
		if code != 0 {
			t.Fatal(errs)
		}
		if strings.Contains(out, "unchanged:") {
			break
		}
		if runs == 10000 {
			t.Fatalf("the index never found the archive unchanged: %s", out)
		}
	}
	config := filepath.Join(dir, "blog", "_config.yml")
	if err := os.WriteFile(config, []byte("title: The blog\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	search("_config.yml made", "Kept elsewhere", "Plain post")
	if err := os.WriteFile(config, []byte("title: The blog, renamed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runIndexed(t, ixDir, "index", "--archive", dir)
	if code != 0 || !strings.Contains(out, ": unchanged: 2 pieces (0 indexed, 0 removed") {
		t.Errorf("_config.yml edited: index: exit %d\n%s%s", code, out, errs)
	}
	if err := os.Rename(config, filepath.Join(dir, "_config.yml")); err != nil { // the whole archive a site
		t.Fatal(err)
	}
	search("_config.yml moved up", "Plain post")
	if err := os.Remove(filepath.Join(dir, "_config.yml")); err != nil {
		t.Fatal(err)
	}
	out, errs, code = runIndexed(t, ixDir, "index", "--archive", dir)
	if code != 0 || !strings.Contains(out, ": 4 pieces (3 indexed, 0 removed") {
		t.Errorf("_config.yml removed: index: exit %d\n%s%s", code, out, errs)
	}
	search("_config.yml removed", all...)
}
