package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/index"
)

// realIndex builds a real index of the archive in dir ("" for the bundled
// one) in a temporary folder, and loads the archive beside it.
func realIndex(t *testing.T, dir string) (*index.Index, *archive.Archive) {
	t.Helper()
	ix, err := index.OpenDir(context.Background(), dir, index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	_, fsys, err := archive.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	arch, _ := archive.Load(fsys)
	return ix, arch
}

// collidingArchive writes an archive whose pieces share citation keys:
// two authors, three years, two title words, dates that tie.
func collidingArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for i := range 40 {
		author := []string{"Ann Smith", "Bo Smith"}[i%2]
		title := []string{"Terror", "Terror at home", "The terror", "Terrora"}[i%4]
		date := fmt.Sprintf("%d-%02d", 2015+i%3, 1+i%2)
		if i%3 == 0 {
			date += "-01"
		}
		body := fmt.Sprintf("---\ntitle: %q\nauthor: %s\ndate: %q\noutlet: The Paper\n---\n\nPiece %d.\n", title, author, date, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%02d.md", (i*7)%40)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A piece of another year that pins the key a 2015 piece would be
	// generated: the reader must know of it to give that piece another.
	pinned := "---\ntitle: Pinned\nauthor: Cy Jones\ndate: \"2014\"\ncitekey: smith2015terror\n---\n\nPinned.\n"
	if err := os.WriteFile(filepath.Join(dir, "pinned.md"), []byte(pinned), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var entryKey = regexp.MustCompile(`(?m)^@\w+\{([^,]+),$`)

// TestReaderCitationKeysAreTheArchives asserts that c (one piece) and C
// (the results of a search) give every piece the key `folio cite --all`
// gives it, on the bundled archive and on one full of collisions.
func TestReaderCitationKeysAreTheArchives(t *testing.T) {
	for _, dir := range []string{"", collidingArchive(t)} {
		ix, arch := realIndex(t, dir)
		ring := cite.NewKeyring(arch.Articles)
		keyOf := func(text string) []string {
			var ks []string
			for _, m := range entryKey.FindAllStringSubmatch(text, -1) {
				ks = append(ks, m[1])
			}
			return ks
		}
		ctx := context.Background()
		for _, a := range arch.Articles {
			msg := citePiecesCmd(ctx, ix, nil, []string{a.ID}, cite.BibTeX)().(citedMsg)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			if ks := keyOf(msg.text); len(ks) != 1 || ks[0] != ring.Key(a) {
				t.Errorf("c on %s copies key %v; folio cite gives %s", a.ID, ks, ring.Key(a))
			}
		}
		seed := uint64(time.Now().UnixNano())
		r := rand.New(rand.NewPCG(seed, 1))
		for range 10 {
			// C on a random filter: a year, or an outlet, or none.
			q := index.Query{Limit: pageSize}
			a := arch.Articles[r.IntN(len(arch.Articles))]
			switch r.IntN(3) {
			case 0:
				q.Years = []string{a.Date.Time.Format("2006")}
			case 1:
				q.IDs = []string{a.ID, arch.Articles[r.IntN(len(arch.Articles))].ID}
			}
			msg := citeResultsCmd(ctx, ix, nil, q, cite.BibTeX)().(citedMsg)
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, h := range res.Hits {
				b, _ := arch.Get(h.ID)
				want[ring.Key(b)] = true
			}
			for _, k := range keyOf(msg.text) {
				if !want[k] {
					t.Errorf("seed %d: C on %+v copies key %s, which folio cite gives none of the results (%v)", seed, q, k, want)
				}
			}
			if n := len(keyOf(msg.text)); n != msg.n {
				t.Errorf("C cited %d pieces, %d keys", msg.n, n)
			}
		}
	}
}

// fixedLedger is a ledger of citation keys that records given and keeps
// nothing new.
type fixedLedger []cite.KeyRecord

func (l fixedLedger) Assign(build func(given []cite.KeyRecord) *cite.Keyring) (*cite.Keyring, error) {
	return build(l), nil
}

// When the key a piece pins is the ledger's key of another piece, c copies
// a generated key, as folio cite does, and says so on the status line, as
// folio cite warns (it said nothing: the researcher pasted another key
// than the file names).
func TestReaderSaysWhenAPinnedKeyIsNotUsed(t *testing.T) {
	dir := collidingArchive(t)
	ix, arch := realIndex(t, dir)
	pinned, ok := arch.Get("pinned")
	if !ok {
		t.Fatal("no pinned piece")
	}
	other := arch.Articles[0]
	if other.ID == pinned.ID {
		other = arch.Articles[1]
	}
	ledger := fixedLedger{{Key: "smith2015terror", ID: other.ID, Print: archive.Print(other)}}
	open := func() (CiteKeyLedger, error) { return ledger, nil }
	ctx := context.Background()

	msg := citePiecesCmd(ctx, ix, open, []string{pinned.ID}, cite.BibTeX)().(citedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	if ks := entryKey.FindStringSubmatch(msg.text); ks == nil || ks[1] == "smith2015terror" {
		t.Errorf("copied %q: want a generated key, the pinned one being another piece's", msg.text)
	}
	if !strings.Contains(msg.warn, "pinned.md") || !strings.Contains(msg.warn, "citekey smith2015terror") {
		t.Errorf("warning %q: want the pinned key not used named", msg.warn)
	}

	msg = citePiecesCmd(ctx, ix, open, []string{other.ID}, cite.BibTeX)().(citedMsg)
	if msg.err != nil || msg.warn != "" {
		t.Errorf("citing the ledger's owner of the key: warning %q, %v", msg.warn, msg.err)
	}
}

// A piece whose pinned key is no key is cited by a generated key, and c
// says so on the status line, as folio cite warns (a helper's report: it
// was replaced silently; the parse drops such a key, so the keyring
// never saw it).
func TestReaderSaysWhenAPinnedKeyIsNoKey(t *testing.T) {
	as := []archive.Article{{ID: "bad", Path: "bad.md", Title: "Bad pin", Date: day("2019-01-02"), Kind: "article",
		Authors: []string{"Di Poe"}, Body: "Text.\n"}}
	prob := archive.Problem{Path: "bad.md", Line: 5, Msg: `citekey "has space}" is not a citation key (an ASCII letter or digit, then letters, digits and - _ . : +, at most 100); the piece is cited as one that pins none, by the key folio gave it before or else a generated one`}
	if !archive.IsBadCiteKey(prob) {
		t.Fatalf("%v is not a bad key's problem", prob)
	}
	f := newFake(as...)
	opts := Options{OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
		return f, Info{Count: len(as), Problems: []archive.Problem{prob}}, nil
	}}
	h := &harness{t: t, m: New(opts)}
	h.send(tea.WindowSizeMsg{Width: 200, Height: 30})
	h.run(openIndexCmd(context.Background(), opts.OpenIndex, h.m.relay))
	h.key("enter", "c")
	h.requireScreen(`Copied citation · bad.md:5: citekey "has space}" is not a citation key`)
}
