package state

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestRenameMergesWithOtherFolios: a rename is a change like the others,
// applied at Save to the file as it is then: another folio's mark of
// the piece meanwhile moves with it, a piece whose new ID already has a
// state keeps its own, and the visits follow.
func TestRenameMergesWithOtherFolios(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open("/arch", dir)
	b, _ := Open("/arch", dir)
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	a.RecordOpen("old", at)
	a.SetStarred("taken-old", true)
	a.SetStarred("taken-new", true)
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Reload(); err != nil {
		t.Fatal(err)
	}
	a.SetPosition("old", 12) // another folio, unsaved when b renames
	b.Rename("old", "new")
	b.Rename("taken-old", "taken-new")
	if got := b.Get("new"); !got.Read || !got.LastOpened.Equal(at) {
		t.Errorf("in memory at once: %+v", got)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(); err != nil { // its position of "old" comes after
		t.Fatal(err)
	}
	c, _ := Open("/arch", dir)
	if got := c.Get("new"); !got.Read || !got.LastOpened.Equal(at) {
		t.Errorf("moved: %+v", got)
	}
	if got := c.Get("taken-old"); !got.Starred {
		t.Errorf("a piece whose new ID has a state keeps its own: %+v", got)
	}
	if h := c.History(); len(h) != 1 || h[0].ID != "new" {
		t.Errorf("history: %+v", h)
	}
	// b renamed before a's later save: a's position lands on the old ID,
	// which no piece has now
	if got := c.Get("old"); got.Position != 12 || got.Read {
		t.Errorf("the old ID after a later change of it elsewhere: %+v", got)
	}
}

// An archive folder named with one long word (in a script without
// spaces, say) has state files whose names fit a file system's 255 bytes
// (a helper's report: "file name too long" for 78 Han characters); a
// name that fitted keeps its file.
func TestLongFolderNamesFit(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"/tmp/" + strings.Repeat("档", 78), "/tmp/" + strings.Repeat("x", 230)} {
		st, err := Open(name, dir)
		if err != nil {
			t.Fatal(err)
		}
		st.SetStarred("a", true)
		if err := st.Save(); err != nil {
			t.Errorf("%d-byte name: %v", len(name), err)
		}
		if n := len(CiteKeysFileName(name)) + len(".corrupt-20261205T120000Z-10"); n > 255 || !utf8.ValidString(CiteKeysFileName(name)) {
			t.Errorf("%s: %d bytes", CiteKeysFileName(name), n)
		}
	}
	if got := FileName("/home/ana/commentary-archive-of-international-security-studies"); !strings.HasPrefix(got, "commentary-archive-of-international-security-") {
		t.Errorf("a name that fitted: %s", got)
	}
}
