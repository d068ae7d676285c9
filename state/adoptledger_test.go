package state

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
)

// quickPieces are two pieces that want one key, b dated earlier.
func quickPieces() (a, b archive.Article) {
	piece := func(id string, month time.Month) archive.Article {
		return archive.Article{ID: id, Path: id + ".md", Title: "The quick piece", Authors: []string{"John Smith"}, Outlet: "X",
			Date: archive.Date{Time: time.Date(2020, month, 1, 0, 0, 0, 0, time.UTC), Precision: archive.PrecisionDay}}
	}
	return piece("a", 5), piece("b", 1)
}

func assignKeys(t *testing.T, dir, name string, arts ...archive.Article) (*CiteKeys, map[string]string) {
	t.Helper()
	ck, warn := OpenCiteKeys(name, dir)
	if warn != nil {
		t.Fatal(warn)
	}
	keys, err := ck.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(arts, given) })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arts {
		got[a.ID] = keys.Key(a)
	}
	return ck, got
}

// TestRenamedOrCopiedArchiveTakesItsLedger: an archive folder renamed to
// another base name, or copied, has no ledger; its first keys come from
// the ledger its pieces are recorded in, so colliding pieces keep their
// keys (a helper's report: they were swapped, with no word said). An
// archive whose pieces are mostly not in a ledger takes none.
func TestRenamedOrCopiedArchiveTakesItsLedger(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	orig := filepath.Join(root, "arch")
	if err := os.Mkdir(orig, 0o700); err != nil {
		t.Fatal(err)
	}
	a, b := quickPieces()
	if _, got := assignKeys(t, dir, orig, a); got["a"] != "smith2020quick" {
		t.Fatalf("a: %v", got)
	}
	_, want := assignKeys(t, dir, orig, a, b)
	if want["a"] != "smith2020quick" || want["b"] != "smith2020quicka" {
		t.Fatalf("original: %v", want)
	}

	// a copy, the original still there
	ck, got := assignKeys(t, dir, filepath.Join(root, "copy"), a, b)
	if got["a"] != want["a"] || got["b"] != want["b"] || ck.AdoptedFrom() != orig {
		t.Fatalf("copy: %v, adopted from %q; want %v from %s", got, ck.AdoptedFrom(), want, orig)
	}
	// said once: the copy has its own ledger now
	if ck, _ := assignKeys(t, dir, filepath.Join(root, "copy"), a, b); ck.AdoptedFrom() != "" {
		t.Errorf("adopted again from %q", ck.AdoptedFrom())
	}

	// a rename to another base name: the original's folder gone
	if err := os.Remove(orig); err != nil {
		t.Fatal(err)
	}
	ck, got = assignKeys(t, dir, filepath.Join(root, "arch-2026"), a, b)
	if got["a"] != want["a"] || got["b"] != want["b"] || ck.AdoptedFrom() != orig {
		t.Fatalf("renamed: %v, adopted from %q; want %v from %s", got, ck.AdoptedFrom(), want, orig)
	}

	// an archive that holds b among pieces of its own is not those archives
	c := archive.Article{ID: "c", Title: "Other", Authors: []string{"Jo Smith"}, Date: a.Date}
	d := archive.Article{ID: "d", Title: "Another", Authors: []string{"Jo Smith"}, Date: a.Date}
	ck, got = assignKeys(t, dir, filepath.Join(root, "other"), b, c, d)
	if ck.AdoptedFrom() != "" || got["b"] != "smith2020quick" {
		t.Errorf("unrelated archive: %v, adopted from %q", got, ck.AdoptedFrom())
	}
}

// A keyring of some of an archive's pieces (folio cite ID, the reader's c)
// adopts only the ledger of a folder gone, never one still there (a
// second review: an archive of notes and one SOTU address took SOTU's
// ledger when the address was cited, and its own piece lost its key).
func TestPartialKeyringAdoptsOnlyFromAFolderGone(t *testing.T) {
	dir, root := t.TempDir(), t.TempDir()
	orig := filepath.Join(root, "arch")
	if err := os.Mkdir(orig, 0o700); err != nil {
		t.Fatal(err)
	}
	a, b := quickPieces()
	assignKeys(t, dir, orig, a)
	assignKeys(t, dir, orig, a, b)
	partial := func(name string, arts ...archive.Article) *CiteKeys {
		t.Helper()
		ck, warn := OpenCiteKeys(name, dir)
		if warn != nil {
			t.Fatal(warn)
		}
		if _, err := ck.Assign(func(given []cite.KeyRecord) *cite.Keyring {
			k := cite.NewKeyringWith(arts, given)
			k.MarkPartial()
			return k
		}); err != nil {
			t.Fatal(err)
		}
		return ck
	}
	// the original still there: an archive holding a (cited alone) is
	// not taken for it
	if ck := partial(filepath.Join(root, "notes"), a); ck.AdoptedFrom() != "" {
		t.Errorf("adopted from %q, a folder still there, on a keyring of one piece", ck.AdoptedFrom())
	}
	// renamed away: the keyring of one piece is enough
	if err := os.Remove(orig); err != nil {
		t.Fatal(err)
	}
	if ck := partial(filepath.Join(root, "arch-2026"), b); ck.AdoptedFrom() != orig {
		t.Errorf("renamed: adopted from %q, want %s", ck.AdoptedFrom(), orig)
	}
}

// writeLedger writes into dir, under the ledger file name of fileFor, a
// ledger whose archive is archiveName, recording key i for arts[i]
// (by their prints and IDs).
func writeLedger(t *testing.T, dir, fileFor, archiveName string, keys []string, arts ...archive.Article) {
	t.Helper()
	f := citeKeysFile{About: citeKeysAbout, Version: CiteKeysVersion, Archive: archiveName}
	for i, a := range arts {
		f.Keys = append(f.Keys, cite.KeyRecord{Key: keys[i], ID: a.ID, Print: archive.Print(a)})
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, CiteKeysFileName(fileFor)), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestWhichLedgerANewArchiveAdopts pins ledgerMatch's choice among other
// archives' ledgers when a new archive's pieces are in several (a
// helper's report: each of these rules survived every test): the ledger
// holding the most of its pieces wins over one holding fewer; of two
// holding as many, the one whose folder is gone (a rename) wins over one
// still there (a copy) whatever their names' order; two that give the
// pieces different keys are both refused; a ledger copied under another
// archive's file name is not read; and keys no ledger can hold are not
// counted as holding their pieces.
func TestWhichLedgerANewArchiveAdopts(t *testing.T) {
	a, b := quickPieces()
	c := archive.Article{ID: "c", Path: "c.md", Title: "Third", Authors: []string{"Jo Smith"}, Date: a.Date}
	setup := func(t *testing.T, folders ...string) (dir, root string) {
		dir, root = t.TempDir(), t.TempDir()
		for _, f := range folders {
			if err := os.Mkdir(filepath.Join(root, f), 0o700); err != nil {
				t.Fatal(err)
			}
		}
		return dir, root
	}
	generated := map[string]string{"a": "smith2020quicka", "b": "smith2020quick", "c": "smith2020third"}

	t.Run("most", func(t *testing.T) {
		dir, root := setup(t, "most", "some")
		writeLedger(t, dir, filepath.Join(root, "most"), filepath.Join(root, "most"), []string{"ma", "mb", "mc"}, a, b, c)
		writeLedger(t, dir, filepath.Join(root, "some"), filepath.Join(root, "some"), []string{"sa", "sb"}, a, b)
		ck, got := assignKeys(t, dir, filepath.Join(root, "new"), a, b, c)
		if ck.AdoptedFrom() != filepath.Join(root, "most") || got["a"] != "ma" || got["b"] != "mb" || got["c"] != "mc" {
			t.Errorf("adopted from %q: %v; want the ledger of all three", ck.AdoptedFrom(), got)
		}
	})
	t.Run("gone first", func(t *testing.T) {
		// "aa" sorts before "zz": only the rule of the gone folder puts
		// zz first
		dir, root := setup(t, "aa")
		writeLedger(t, dir, filepath.Join(root, "aa"), filepath.Join(root, "aa"), []string{"ka", "kb"}, a, b)
		writeLedger(t, dir, filepath.Join(root, "zz"), filepath.Join(root, "zz"), []string{"ka", "kb", "kc"}, a, b, c)
		ck, got := assignKeys(t, dir, filepath.Join(root, "new"), a, b)
		if ck.AdoptedFrom() != filepath.Join(root, "zz") || got["a"] != "ka" || got["b"] != "kb" {
			t.Errorf("adopted from %q: %v; want the gone folder zz's ledger", ck.AdoptedFrom(), got)
		}
		recs, err := ReadCiteKeys(filepath.Join(root, "new"), dir)
		if err != nil || len(recs) != 3 {
			t.Errorf("the new ledger %v (%v); want zz's three keys", recs, err)
		}
	})
	t.Run("disagree", func(t *testing.T) {
		dir, root := setup(t, "p", "q")
		writeLedger(t, dir, filepath.Join(root, "p"), filepath.Join(root, "p"), []string{"pa", "pb"}, a, b)
		writeLedger(t, dir, filepath.Join(root, "q"), filepath.Join(root, "q"), []string{"qa", "qb"}, a, b)
		ck, got := assignKeys(t, dir, filepath.Join(root, "new"), a, b)
		if ck.AdoptedFrom() != "" || got["a"] != generated["a"] || got["b"] != generated["b"] {
			t.Errorf("adopted from %q: %v; want none of two that disagree", ck.AdoptedFrom(), got)
		}
	})
	t.Run("copied under another name", func(t *testing.T) {
		dir, root := setup(t, "orig")
		writeLedger(t, dir, filepath.Join(root, "alias"), filepath.Join(root, "orig"), []string{"oa", "ob"}, a, b)
		ck, got := assignKeys(t, dir, filepath.Join(root, "new"), a, b)
		if ck.AdoptedFrom() != "" || got["a"] != generated["a"] {
			t.Errorf("adopted from %q: %v; want none from a file named for another archive", ck.AdoptedFrom(), got)
		}
	})
	t.Run("keys that cannot be keys", func(t *testing.T) {
		// one of three pieces held by a valid key is not more than half
		dir, root := setup(t, "bad")
		writeLedger(t, dir, filepath.Join(root, "bad"), filepath.Join(root, "bad"), []string{"gooda", "bad key"}, a, b)
		ck, got := assignKeys(t, dir, filepath.Join(root, "new"), a, b, c)
		if ck.AdoptedFrom() != "" || got["b"] != generated["b"] {
			t.Errorf("adopted from %q: %v; want none (one valid key of three pieces)", ck.AdoptedFrom(), got)
		}
	})
}
