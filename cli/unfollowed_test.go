package cli

import (
	"testing"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/state"
	"github.com/folio-tui/folio/ui"
)

// The reader is told how to see that the marks of renamed pieces have
// followed them since its warning (41j: it kept "did not follow them"
// until R): once the renames are recorded as followed, by any folio.
func TestReaderLearnsTheMarksFollowed(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	const name, warn = "/home/ana/commentary", "the marks of 1 piece renamed or moved did not follow them: no space left on device"
	renamed := []index.Rename{{From: "a", To: "b", At: 100}, {From: "c", To: "d", At: 200}}
	info := withUnfollowed(ui.Info{Warning: "synonyms"}, warn, name, renamed)
	if info.Warning != "synonyms" || info.Unfollowed != warn || info.Followed == nil {
		t.Fatalf("%+v", info)
	}
	if info.Followed() {
		t.Fatal("followed before any folio followed them")
	}
	if err := state.SetFollowedThrough(name, 100); err != nil {
		t.Fatal(err)
	}
	if info.Followed() {
		t.Fatal("followed when the first rename alone was")
	}
	if err := state.SetFollowedThrough(name, 200); err != nil {
		t.Fatal(err)
	}
	if !info.Followed() {
		t.Error("not followed after every rename was")
	}
	if info := withUnfollowed(ui.Info{}, "", name, renamed); info.Followed != nil || info.Unfollowed != "" {
		t.Errorf("no warning: %+v", info)
	}
}
