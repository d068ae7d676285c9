package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
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

// show's header, wrapped by Lip Gloss, keeps a minus signing a number with
// it as the body does: the title "Exports fell to -12.5 percent in 2017 as
// the war went on" ended a line with "-" and started the next "12.5" at
// width 20 (wrapped at 18); styled, the title is still bold and coloured.
func TestShowHeaderKeepsSigns(t *testing.T) {
	dir := t.TempDir()
	md := "---\ntitle: Exports fell to -12.5 percent in 2017 as the war went on\ndate: 2020-01-01\n" +
		"standfirst: Imports fell to -3.25 percent and the balance to -7 billion over the year\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(dir, "exports.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	ends := regexp.MustCompile(`-[ \x1b\[0-9;m]*\n[ \x1b\[0-9;m]*\.?[0-9]`)
	for _, width := range []int{20, 22, 43} {
		out, errOut, code := run(t, "--archive", dir, "show", "exports", "--width", strconv.Itoa(width))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if ends.MatchString(out) || strings.Count(out, "-") < 3 {
			t.Fatalf("width %d: a sign left at a line's end:\n%s", width, out)
		}
	}
	a := archive.Article{Title: "Exports fell to -12.5 percent in 2017 as the war went on", Standfirst: "Imports fell to -3.25 percent"}
	for width := 20; width <= 90; width++ {
		for _, styled := range []bool{true, false} {
			h := pieceHeader(a, width, styled)
			if ends.MatchString(h) || strings.ContainsRune(h, '\u2011') {
				t.Fatalf("width %d, styled %v: a sign left at a line's end: %q", width, styled, h)
			}
			if styled && !strings.Contains(h, "\x1b[1;") && !strings.Contains(h, "\x1b[1m") {
				t.Fatalf("width %d: the title not bold: %q", width, h)
			}
		}
	}
}
