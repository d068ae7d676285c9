package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The piece open in the reader whose file is renamed or moved (its
// title, date and authors unchanged: Info.Renamed) stays open, rendered
// from its new file, and the list's cursor stays on it; it used to say
// "Could not show this piece: no piece".
func TestRenamedOpenPieceStaysOpen(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	writeTestPiece(t, arch, "three", "Aleppo rebuilt", "syria")
	opts, ix := liveIndexOptions(t, arch)
	refresh := opts.Reindex
	opts.Reindex = func(ctx context.Context, progress func(int, int)) (Info, bool, error) {
		info, changed, err := refresh(ctx, progress)
		for _, r := range ix.Stats().Renamed {
			if info.Renamed == nil {
				info.Renamed = map[string]string{}
			}
			info.Renamed[r.From] = r.To
		}
		return info, changed, err
	}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.key("/")
	h.typeText("mosul")
	h.key("enter")
	h.requireMatch(`1 of 3`)
	h.key("enter")
	h.requireMatch(`Mosul falls\.`)

	if err := os.MkdirAll(filepath.Join(arch, "2019"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(arch, "two.md"), filepath.Join(arch, "2019", "two.md")); err != nil {
		t.Fatal(err)
	}
	h.send(archiveChangedMsg{stoppedWatch()})
	if got := ix.Stats().Renamed; len(got) != 1 || got[0].From != "two" || got[0].To != "2019/two" {
		t.Fatalf("renamed %v", got)
	}
	h.requireMatch(`Mosul falls\.`)
	if k := h.m.reader.rendering(); k.id != "2019/two" {
		t.Errorf("the reader shows %q", k.id)
	}
	h.key("q")
	if hit, ok := h.m.list.selected(); !ok || hit.ID != "2019/two" {
		t.Errorf("the cursor is on %+v", hit)
	}
}
