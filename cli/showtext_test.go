package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShowWritesFieldsAsText: the note and the fields are text (their
// references decoded where the archive read them), shown as the reader
// shows them: show rendered the note as Markdown, so "&lt;b&gt;" and
// "&#42;x&#42;" became a tag and emphasis and were gone, and --raw wrote
// a title's "<b>" and "*stars*" into its Markdown as markup (a helper's
// report).
func TestShowWritesFieldsAsText(t *testing.T) {
	dir := t.TempDir()
	text := "---\ntitle: \"Use &lt;b&gt;bold&lt;/b&gt; and &#42;stars&#42;\"\ndate: 2020-01-01\n" +
		"note: \"Keep &lt;b&gt;this&lt;/b&gt; tag and &#42;no italics&#42; and &#96;code&#96;\"\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(dir, "d.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "d", "--width", "200")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Keep <b>this</b> tag and *no italics* and `code`") {
		t.Errorf("show's note is not the text:\n%s", out)
	}
	raw, errOut, code := run(t, "--archive", dir, "show", "d", "--raw")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// the Markdown reads as the title: rendered, it is the title again
	page, err := RenderMarkdown(strings.SplitN(raw, "\n", 2)[0], 200, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "Use <b>bold</b> and *stars*") {
		t.Errorf("--raw's title %q renders as %q", strings.SplitN(raw, "\n", 2)[0], page)
	}
}
