package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/state"
)

// The reader's header names a piece's language beside its outlet, date
// and authors when it is known (a review: it showed none), by its English
// name with the tag when the tag says more (en-GB: English (en-GB)), and
// nothing for a piece without one. Opened from a real index. A language
// from another Searcher that is no tag reaches the terminal as text.
func TestReaderHeaderNamesTheLanguage(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"welt.md":  "---\ntitle: Die Welt\ndate: 2020-05-03\nauthor: Ann Lee\noutlet: Der Standard\nlanguage: de-AT\n---\nText.\n",
		"world.md": "---\ntitle: The World\ndate: 2020-05-02\nauthor: Bo Chan\noutlet: The Courier\nlang: en-gb\n---\nText.\n",
		"plain.md": "---\ntitle: Plain\ndate: 2020-05-01\nauthor: Cy Dee\noutlet: The Post\n---\nText.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, _ := realIndex(t, dir)
	st, warn := state.Open("languages", t.TempDir())
	if warn != nil {
		t.Fatal(warn)
	}
	d := newCountDriver(t, ix, st)
	d.settled()
	for i, want := range []struct{ id, meta string }{
		{"welt", "Der Standard · 3 May 2020 · Ann Lee · German (de-AT)"},
		{"world", "The Courier · 2 May 2020 · Bo Chan · English (en-GB)"},
		{"plain", "The Post · 1 May 2020 · Cy Dee"},
	} {
		if i > 0 {
			d.key("esc", "j")
		}
		d.key("enter")
		d.until("the reader on "+want.id, func(m Model) bool {
			return m.focus == paneReader && m.reader.key.id == want.id && m.reader.ready
		})
		screen := screenOf(d.m)
		var meta string
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "May 2020") {
				meta = l
			}
		}
		if !strings.Contains(meta, want.meta) || (want.id == "plain" && strings.Contains(meta, want.meta+" ·")) {
			t.Errorf("%s: header %q, want %q:\n%s", want.id, meta, want.meta, screen)
		}
	}
	lines, _ := composePiece(archive.Article{Title: "T", Language: "x\x1b]52;c;cGFzdGU=\x07y"}, nil, relatedNote{}, nil, nil, 80, NewStyles(true, true))
	if out := strings.Join(lines, "\n"); strings.Contains(out, "\x1b]52") || strings.Contains(out, "\x07") {
		t.Errorf("a language with an escape reached the terminal: %q", out)
	}
}
