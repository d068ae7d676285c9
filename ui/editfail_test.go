package ui

import (
	"errors"
	"testing"
)

// An editor that saved, then failed: the refresh the watch makes after the
// editor's own (the file read again: its time was too recent to trust)
// does not hide the failure either; the next key lets the refreshes' word
// show again (a helper's report: "Indexed 1 piece" came over it).
func TestEditorFailureOutlastsTheWatchersRefresh(t *testing.T) {
	f := &liveFake{fakeSearcher: newFake(testArticles()...), rebuilt: 1, answers: []bool{true, true, true}}
	h := newLiveHarness(t, f, t.TempDir())
	h.key("enter")
	h.send(editedMsg{err: errors.New("exit status 1")})
	h.requireMatch(`The editor failed: exit status 1`)
	h.send(archiveChangedMsg{w: stoppedWatch()})
	if f.calls() != 2 {
		t.Fatalf("%d refreshes, want the editor's and the watch's", f.calls())
	}
	h.requireMatch(`The editor failed: exit status 1`)

	h.key("j")
	h.send(archiveChangedMsg{w: stoppedWatch()})
	h.requireMatch(`Indexed 1 piece`)
}
