package state

import (
	"sync"
	"testing"

	"github.com/folio-tui/folio/cite"
)

// Six folios (separate ledgers, one file) hand out keys at once, each piece
// by piece, all pieces sharing author and year (keys smith2017a, b, ...):
// no key recorded for two pieces, and every key handed out is the ledger's.
func TestAssignManyContenders(t *testing.T) {
	dir := t.TempDir()
	const workers, steps = 6, 12
	var mu sync.Mutex
	handed := map[string]map[string]bool{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := string(rune('a' + w))
			for i := range steps {
				ledger, warn := OpenCiteKeys("shared", dir)
				if warn != nil {
					t.Error(warn)
					return
				}
				arts := keyPieces(name, i)
				keys, err := ledger.Assign(func(given []cite.KeyRecord) *cite.Keyring { return cite.NewKeyringWith(arts, given) })
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				for _, a := range arts {
					if handed[a.ID] == nil {
						handed[a.ID] = map[string]bool{}
					}
					handed[a.ID][keys.Key(a)] = true
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	ledger, _ := OpenCiteKeys("shared", dir)
	byID, owner := map[string]string{}, map[string]string{}
	for _, r := range ledger.Records() {
		if o, ok := owner[r.Key]; ok {
			t.Errorf("key %s recorded for %s and %s", r.Key, o, r.ID)
		}
		owner[r.Key], byID[r.ID] = r.ID, r.Key
	}
	for id, ks := range handed {
		for k := range ks {
			if k != byID[id] {
				t.Errorf("%s handed %s; ledger gives it %q", id, k, byID[id])
			}
		}
	}
	if len(byID) != workers*steps {
		t.Errorf("%d pieces recorded, want %d", len(byID), workers*steps)
	}
}
