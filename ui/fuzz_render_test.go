package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/termsafe"
)

// FuzzReaderRender is FuzzRender (in cli) for the reader: an article file
// is parsed as the loader does, rendered by the reader's render command
// and installed as the reader installs it; every line the reader shows
// holds no control sequence but SGR and http(s) OSC 8 hyperlinks. Seeds:
// the pieces of hostile.WriteTerminal and testdata/fuzz/FuzzReaderRender
// (the same as cli's FuzzRender).
// Inputs over 64 KB are skipped (see FuzzRender); the bomb-* seeds are
// issue 12's rendering bombs.
func FuzzReaderRender(f *testing.F) {
	if tm, err := hostile.WriteTerminal(f.TempDir()); err == nil {
		for _, id := range []string{tm.Entities, tm.Links} {
			if data, err := os.ReadFile(filepath.Join(tm.Dir, id+".md")); err == nil {
				f.Add(data)
			}
		}
	}
	st := NewStyles(true, false)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		a, probs := archive.Parse("f.md", data)
		if archive.IsFatal(probs) {
			return
		}
		r := newReader(st)
		r.setSize(80, 24)
		r.show(0, index.Hit{ID: a.ID}, st.GlamourStyle, nil)
		msg := renderCmd(newFake(a), r.key, st)().(renderedMsg)
		if used, _ := r.setRendered(msg); !used {
			t.Fatalf("the rendering was not taken")
		}
		for i, l := range r.lines {
			if v := termsafe.Violation(l, false); v != "" {
				t.Fatalf("line %d has %s: %q", i, v, l)
			}
		}
		if v := termsafe.Violation(r.view(st), false); v != "" {
			t.Fatalf("the reader's view has %s", v)
		}
	})
}
