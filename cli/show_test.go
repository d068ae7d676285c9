package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// show renders nesting past the limit through the reader's bounded path and says above the
// text what it showed flat or plain.
func TestShowSaysWhatRenderingLimited(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("> ", 20) + "deepest words\n"
	md := "---\ntitle: Nested\ndate: 2020-01-01\n---\n" + body
	if err := os.WriteFile(filepath.Join(dir, "nested.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "nested")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "(Rendering limited: quotes and lists nested deeper than 8 levels shown flat.)") || !strings.Contains(out, "deepest words") {
		t.Fatalf("show did not say what it limited, or lost the text:\n%s", out)
	}
}
