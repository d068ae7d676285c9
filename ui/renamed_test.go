package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
)

// renamingOptions are liveIndexOptions whose refresh tells the renames it
// found (Info.Renamed), as the CLI's does.
func renamingOptions(t *testing.T, arch string) (Options, *index.Index) {
	t.Helper()
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
	return opts, ix
}

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
	opts, ix := renamingOptions(t, arch)
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

// A quote being chosen, or its note being typed, stays through a refresh
// of the archive that leaves the open piece as it reads (a helper's
// report: any change in the folder dropped the choice and the prompt, and
// the note's next keys ran as the reader's commands); when the piece's
// text changed, it goes, and the status line says so.
func TestQuoteInTheMakingOutlivesARefresh(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	opts, _ := liveIndexOptions(t, arch)
	book, err := state.OpenQuotes("quotes", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts.OpenQuotes = func() (QuoteBook, error) { return book, nil }
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(openQuotesCmd(opts.OpenQuotes))
	h.key("/")
	h.typeText("mosul")
	h.key("enter")
	h.requireMatch(`1 of 2`)
	h.key("enter")
	h.requireMatch(`Mosul falls\.`)
	h.key("v")
	h.requireMatch(`Quote: 1 line`)
	rel, header := h.m.reader.quote.anchor-h.m.reader.bodyFrom, h.m.reader.bodyFrom

	// a piece that changes the header's related pieces (same tag): the
	// body reads as it did, the choice stays on its line
	writeTestPiece(t, arch, "zero", "Mosul retaken", "isis")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`Quote: 1 line`)
	if got := h.m.reader.quote.anchor - h.m.reader.bodyFrom; got != rel {
		t.Errorf("the choice moved within the body: %d, was %d", got, rel)
	}
	if h.m.reader.bodyFrom == header {
		t.Logf("the header kept its length (%d lines)", header)
	}

	writeTestPiece(t, arch, "three", "Aleppo rebuilt", "syria")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`Quote: 1 line`)
	h.key("y")
	h.requireMatch(`note \(optional`)
	writeTestPiece(t, arch, "four", "Idlib held", "syria")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`note \(optional`)
	h.typeText("no")
	h.requireMatch(`note \(optional[^\n]*no`)

	// The piece itself edited, or the screen resized, while the note is
	// typed: the passage was chosen, the prompt stays and takes every key
	// (a helper's report: it closed, and the note's "e" opened the
	// editor); the quote kept is the passage chosen.
	writeTestPiece(t, arch, "two", "Mosul falls, and more", "isis")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`Mosul falls, and more\.`)
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.typeText("te")
	h.requireMatch(`note \(optional[^\n]*note`)
	if !h.m.reader.quote.noting || h.m.reader.quote.input.Value() != "note" {
		t.Fatalf("the note prompt holds %q (noting %v)", h.m.reader.quote.input.Value(), h.m.reader.quote.noting)
	}
	h.key("enter")
	h.requireMatch(`Quote kept`)
	if qs := book.Of("two"); len(qs) != 1 || qs[0].Selector.Exact != "Mosul falls." || qs[0].Note != "note" {
		t.Errorf("quotes kept: %+v", qs)
	}

	// The piece edited while lines are chosen: the choice goes, said.
	h.key("v")
	h.requireMatch(`Quote: 1 line`)
	writeTestPiece(t, arch, "two", "Mosul falls, and more again", "isis")
	h.send(archiveChangedMsg{stoppedWatch()})
	h.requireMatch(`the quote being made`) // "… was dropped", cut at 80 cells
	if h.m.reader.quoting() {
		t.Error("still choosing lines of a text that changed")
	}
}

// A read mark made just before its file moved, not saved yet (opening a
// piece saves after a pause), and a star (saved at once), follow the
// piece to its new ID in this folio's own state (a helper's report: an
// unsaved star was saved under the old ID and lost).
func TestUnsavedStarFollowsARename(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	arch := t.TempDir()
	writeTestPiece(t, arch, "one", "Raqqa falls", "isis")
	writeTestPiece(t, arch, "two", "Mosul falls", "isis")
	opts, _ := renamingOptions(t, arch)
	st, _ := state.Open(arch, t.TempDir())
	opts.OpenState = func() (ReadingState, error) { return st, nil }
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.run(openStateCmd(opts.OpenState))
	h.key("/")
	h.typeText("mosul")
	h.key("enter", "*", "enter")
	if !st.IsStarred("two") || !st.IsRead("two") || !st.Unsaved() {
		t.Fatalf("starred %v, read %v, unsaved %v", st.IsStarred("two"), st.IsRead("two"), st.Unsaved())
	}
	if err := os.Rename(filepath.Join(arch, "two.md"), filepath.Join(arch, "deux.md")); err != nil {
		t.Fatal(err)
	}
	h.send(archiveChangedMsg{stoppedWatch()})
	if !st.IsStarred("deux") || st.IsStarred("two") || !st.IsRead("deux") || st.IsRead("two") {
		t.Errorf("after the rename: deux starred %v read %v, two starred %v read %v",
			st.IsStarred("deux"), st.IsRead("deux"), st.IsStarred("two"), st.IsRead("two"))
	}
}
