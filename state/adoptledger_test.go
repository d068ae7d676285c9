package state

import (
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
