package cli

import (
	"os"
	"path/filepath"
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
