package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// FuzzRender is issue 12's property over the whole path of folio show: an
// article file (front matter and body) is parsed as the loader does, then
// rendered as show renders it, styled for a terminal and plain for a pipe.
// What would be written holds no control sequence but SGR and OSC 8
// hyperlinks to http(s), no control character but newline and tab, no C1
// or bidi control, no invalid UTF-8; plain output has no escape at all.
// Seeds: testdata/fuzz/FuzzRender and the pieces of hostile.WriteTerminal.
//
// Inputs over 64 KB are skipped, for the fuzzer's pace. The rendering bombs
// of issue 12 are seeds (bomb-*): rendering is bounded (ui/renderguard.go).
func FuzzRender(f *testing.F) {
	if tm, err := hostile.WriteTerminal(f.TempDir()); err == nil {
		for _, id := range []string{tm.Entities, tm.Links} {
			if data, err := os.ReadFile(filepath.Join(tm.Dir, id+".md")); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		a, probs := archive.Parse("f.md", data)
		if archive.IsFatal(probs) {
			return
		}
		for _, styled := range []bool{true, false} {
			page, err := showPage(a, 60, styled)
			if err != nil {
				return // Glamour's own error: show reports it
			}
			if v := termsafe.Violation(page, false); v != "" {
				t.Fatalf("styled %v: show would write %s:\n%q", styled, v, page)
			}
			if !styled && strings.ContainsRune(page, 0x1b) {
				t.Fatalf("plain show output has an escape:\n%q", page)
			}
		}
	})
}
