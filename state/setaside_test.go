package state

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/cite"
)

// TestOpenRacingASaveNeverSetsAValidFileAside: a folio opening a file it
// found corrupt, while another folio's Save sets that file aside and
// writes a good one, reads it again under the state folder's lock and
// takes the good one (an attack: one process looped {write "{garbage",
// star, Save}, four looped Open; 13 of 1,995 set-aside copies were valid
// JSON, each a Save's good file that an Open renamed away "as corrupt").
// The other folio's Save runs where Open has found the file corrupt and
// not yet taken the lock (corruptFound).
func TestOpenRacingASaveNeverSetsAValidFileAside(t *testing.T) {
	when := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		file string
		// writer is the other folio: made before the file is corrupted,
		// save runs in the race and writes a good file with mark in it
		writer func(t *testing.T, dir string) (save func())
		// open is the racing open: its warning, and whether it holds the
		// writer's mark
		open func(dir string) (warn error, holds bool)
	}{
		{"reading state", FileName("bundled"),
			func(t *testing.T, dir string) func() {
				w := mustOpen(t, "bundled", dir)
				return func() {
					w.SetStarred("mark", true)
					if err := w.Save(); err != nil {
						t.Error(err)
					}
				}
			},
			func(dir string) (error, bool) {
				s, warn := Open("bundled", dir)
				return warn, slices.Equal(s.Starred(), []string{"mark"})
			}},
		{"quotes", QuotesFileName("bundled"),
			func(t *testing.T, dir string) func() {
				w := mustOpenQuotes(t, "bundled", dir)
				return func() {
					if _, err := w.Add(testQuote("mark", "words")); err != nil {
						t.Error(err)
					}
					if err := w.Save(); err != nil {
						t.Error(err)
					}
				}
			},
			func(dir string) (error, bool) {
				s, warn := OpenQuotes("bundled", dir)
				return warn, len(s.Of("mark")) == 1
			}},
		{"citation keys", CiteKeysFileName("bundled"),
			func(t *testing.T, dir string) func() {
				return func() {
					// a third folio sets the corrupt ledger aside and
					// hands out a key
					w, warn := OpenCiteKeys("bundled", dir)
					if warn == nil || !strings.Contains(warn.Error(), "corrupt") {
						t.Errorf("the writer's open: %v", warn)
					}
					arts := keyPieces("mark", 0)
					if _, err := w.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(arts, given) }); err != nil {
						t.Error(err)
					}
				}
			},
			func(dir string) (error, bool) {
				c, warn := OpenCiteKeys("bundled", dir)
				recs := c.Records()
				return warn, len(recs) == 1 && recs[0].ID == "mark-000"
			}},
		{"saved searches' opened times", savedOpenedFileName("bundled"),
			func(t *testing.T, dir string) func() {
				w, err := OpenSavedOpened("bundled", dir)
				if err != nil {
					t.Fatal(err)
				}
				return func() {
					if err := w.Mark(Search{Name: "mark", Created: when}, when, when, nil); err != nil {
						t.Error(err)
					}
				}
			},
			func(dir string) (error, bool) {
				o, err := OpenSavedOpened("bundled", dir)
				if err != nil {
					return err, false
				}
				m, warn := o.All()
				_, ok := m[NameKey("mark")]
				return warn, ok
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, c.file)
			save := c.writer(t, dir)
			if err := os.WriteFile(path, []byte("{garbage"), 0o600); err != nil {
				t.Fatal(err)
			}
			raced := false
			corruptFound = func(string) {
				corruptFound = nil // the writer's own open finds it corrupt too
				raced = true
				save()
			}
			t.Cleanup(func() { corruptFound = nil })
			warn, holds := c.open(dir)
			if !raced {
				t.Fatal("the open never found the file corrupt")
			}
			if warn != nil || !holds {
				t.Errorf("the open: warning %v, holds the writer's mark %v", warn, holds)
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			for _, a := range aside {
				if data, _ := os.ReadFile(a); string(data) != "{garbage" {
					t.Errorf("a good file was set aside as %s: %.60q", filepath.Base(a), data)
				}
			}
			if len(aside) != 1 {
				t.Errorf("set-aside copies: %v", aside)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("the good file: %v", err)
			}
		})
	}
}
