package index

import (
	"context"
	"slices"
)

// Rank is the row (0 the first) of piece id among q's results in the
// order Search gives them (q's Offset and Limit aside), looked for among
// the first most: ok is false when it is not among them. The reader asks
// it when a refresh moved the piece under its cursor onto a page of the
// list it has not loaded.
func (ix *Index) Rank(ctx context.Context, q Query, id string, most int) (row int, ok bool, err error) {
	ix.inUse.RLock()
	defer ix.inUse.RUnlock()
	if ix.bi == nil {
		return 0, false, ErrNoIndex
	}
	if most <= 0 {
		return 0, false, nil
	}
	ids, _, _, err := ix.topIDs(ctx, q, most)
	if err != nil {
		return 0, false, err
	}
	row = slices.Index(ids, id)
	return row, row >= 0, nil
}
