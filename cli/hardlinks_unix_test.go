//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A hard link made beside an indexed piece adds no piece: search, list
// and stats count the file once, from the index and from the files, and
// check names the second name without calling it a problem (a helper's
// report: two names of one file were two pieces, every count over by
// one, and "no problems" said).
func TestAHardLinkIsOnePiece(t *testing.T) {
	dir, ix := t.TempDir(), t.TempDir()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for name, title := range map[string]string{"a.md": "Zeppelin alpha", "b.md": "Other beta"} {
		body := "---\ntitle: " + title + "\ndate: 2020-01-02\n---\n\nThe zeppelin text.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errs, code := runIndexed(t, ix, "--archive", dir, "index"); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	if err := os.Mkdir(filepath.Join(dir, "by-topic"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dir, "a.md"), filepath.Join(dir, "by-topic", "a.md")); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runIndexed(t, ix, "--archive", dir, "search", "zeppelin")
	if code != 0 || !strings.Contains(out, "2 of 2 hits") {
		t.Errorf("search zeppelin: exit %d, want 2 of 2 hits:\n%s%s", code, out, errs)
	}
	out, _, _ = runIndexed(t, ix, "--archive", dir, "list")
	if n := strings.Count(out, "Zeppelin alpha"); n != 1 {
		t.Errorf("list shows the piece %d times, want once:\n%s", n, out)
	}
	out, _, _ = runIndexed(t, ix, "--archive", dir, "stats")
	if !strings.Contains(out, ": 2 pieces") {
		t.Errorf("stats: want 2 pieces:\n%s", out)
	}
	out, errs, code = runIndexed(t, ix, "--archive", dir, "check")
	if code != 0 || !strings.Contains(out+errs, "by-topic/a.md: another name (a hard link) of a.md") || !strings.Contains(out+errs, "2 pieces, no problems") {
		t.Errorf("check: exit %d, want the link named and 2 pieces, no problems:\n%s%s", code, out, errs)
	}
}
