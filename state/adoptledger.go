package state

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/cite"
)

// An archive folder renamed (another base name: movedArchive adopts only
// the same one) or copied has no ledger of citation keys of its own, and
// a first run there gave colliding pieces their keys afresh: swapped, with
// no word said (a helper's report: "mv arch arch-2026" turned
// smith2020quick into smith2020quicka and back). So the first time such an
// archive hands out keys, it takes the ledger of the archive its pieces
// are from: the ledger that records, by their prints (archive.Print), more
// than half the pieces at hand and more of them than any other ledger does
// (or as many, giving each the same key). An archive whose pieces no
// ledger mostly holds adopts nothing. From then on each archive has its
// ledger, and the two may differ as they grow apart.
//
// A keyring of some of the archive's pieces (the cited piece's years and
// the pinned, cite.Keyring.Partial: folio cite ID, the reader's c) tells
// nothing of the rest: it adopts only the ledger of a folder that is gone
// (a rename), never one still there (a second review: an archive of
// twenty notes and one State of the Union address took SOTU's ledger of
// 233 when the address was cited, and its own Obama piece lost its key to
// an address it does not hold). A copy adopts at its first cite --all.

// ledgerMatch is the ledger (of another archive, in dir) that the pieces
// whose keys fresh are clearly come from: its archive and its records;
// "" when none is.
func ledgerMatch(dir, own string, fresh []cite.KeyRecord, partial bool) (string, []cite.KeyRecord) {
	if len(fresh) == 0 {
		return "", nil
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.citekeys.json"))
	type candidate struct {
		archive string
		records []cite.KeyRecord
		keys    map[string]string // the key it records for each print of fresh it has
	}
	var best []candidate
	for _, p := range paths {
		if p == own {
			continue
		}
		f, err := readJSON(p, maxCiteKeysSize, CiteKeysVersion, func(f *citeKeysFile) int { return f.Version })
		if err != nil || f.Archive == "" || filepath.Join(dir, CiteKeysFileName(f.Archive)) != p {
			continue // unreadable, or a file copied under another name
		}
		recs := slices.DeleteFunc(f.Keys, func(r cite.KeyRecord) bool { return !archive.ValidCiteKey(r.Key) })
		byPrint := make(map[string]string, len(recs))
		for _, r := range recs {
			byPrint[r.Print] = r.Key
		}
		c := candidate{archive: f.Archive, records: recs, keys: map[string]string{}}
		for _, r := range fresh {
			if k, ok := byPrint[r.Print]; ok {
				c.keys[r.Print] = k
			}
		}
		switch {
		case 2*len(c.keys) <= len(fresh):
		case len(best) == 0 || len(c.keys) > len(best[0].keys):
			best = []candidate{c}
		case len(c.keys) == len(best[0].keys):
			best = append(best, c)
		}
	}
	// named after the folder that is gone (a rename) before a copy's
	gone := func(c candidate) bool {
		_, err := os.Stat(c.archive)
		return errors.Is(err, fs.ErrNotExist)
	}
	if partial {
		best = slices.DeleteFunc(best, func(c candidate) bool { return !gone(c) })
	}
	if len(best) == 0 {
		return "", nil
	}
	slices.SortFunc(best, func(x, y candidate) int {
		switch gx, gy := gone(x), gone(y); {
		case gx && !gy:
			return -1
		case gy && !gx:
			return 1
		}
		return strings.Compare(x.archive, y.archive)
	})
	for _, c := range best[1:] {
		for p, k := range c.keys {
			if best[0].keys[p] != k {
				return "", nil // two ledgers that disagree: neither
			}
		}
	}
	return best[0].archive, best[0].records
}

// adoptLedger makes the ledger of another archive that the pieces whose
// keys fresh are come from (ledgerMatch) this archive's, when this one has
// none yet: under the state folder's lock, so that two folios adopt once.
// It returns that archive ("" when none was adopted).
func (c *CiteKeys) adoptLedger(fresh []cite.KeyRecord, partial bool) (string, error) {
	if _, err := os.Lstat(c.path); !errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	from, recs := ledgerMatch(filepath.Dir(c.path), c.path, fresh, partial)
	if from == "" {
		return "", nil
	}
	unlock, err := lockForWrite(c.path, "state")
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Lstat(c.path); !errors.Is(err, fs.ErrNotExist) {
		return "", nil // another folio wrote this archive's ledger meanwhile
	}
	if err := c.write(recs, nil); err != nil {
		return "", err
	}
	return from, nil
}
