package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// folio show --raw prints the body as its file writes it: an <img> in a
// code span or in a quote's fenced block, an <img> outside code, a
// shortcode and a footnote stand as they are; show renders the readable
// body, code kept as written (a helper's report: --raw printed
// "`\[image\] a.png`").
func TestShowRawPrintsTheBodyAsWritten(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	body := "One `<img src=a.png>` two.\n\n> ```\n> <img src=\"in-quote-fence.png\">\n> ```\n\n" +
		"``<img src=\"double-tick.png\">``\n\nReal <img src=\"real.png\"> and {{< figure src=\"f.png\" >}} with a note[^1].\n\n[^1]: The note.\n"
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte("---\ntitle: Code\ndate: 2020-01-01\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "--archive", dir, "show", "p", "--raw")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasSuffix(out, "\n\n"+strings.TrimSpace(body)+"\n") {
		t.Errorf("show --raw: the body is not as written:\n%s", out)
	}
	out, _, _ = run(t, "--archive", dir, "show", "p")
	for _, want := range []string{"<img src=a.png>", `<img src="in-quote-fence.png">`, `<img src="double-tick.png">`, "[image] real.png"} {
		if !strings.Contains(out, want) {
			t.Errorf("show: no %q in\n%s", want, out)
		}
	}
}
