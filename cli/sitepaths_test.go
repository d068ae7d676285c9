package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link that names no piece shows its target as written after its text
// wherever the renderer would print it otherwise: "[r](/)" printed "r" and
// nothing (Glamour drops a path's leading "/" before resolving it against
// no base), "/#top" "#top", "/a/../b" "/b", and a reference to other.md
// "/other.md". Site paths the renderer shows as written are left to it.
func TestShowPrintsSitePathsAsWritten(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: Links\ndate: 2020-01-01\n---\n\n" +
		"A [home](/) b [top](/#top) c [up](/a/../b) d [query](/?q=1) e [post](/posts/x/) f [ref home][1] g [ref other][2] end.\n\n" +
		"[1]: /\n[2]: other.md\n"
	if err := os.WriteFile(filepath.Join(dir, "links.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "links", "--width", "400")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"A home / b", "b top /#top c", "c up /a/../b d", "d query /?q=1 e", "e post /posts/x/ f", "f ref home / g", "g ref other other.md end."} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}
