package index

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"
)

// errOnlyContext says it is cancelled through Err only: its Done channel
// never closes, so bleve's collector, which looks at Done between the hits
// it is given, never stops the search; only a searcher that asks Err as it
// rejects candidates does.
type errOnlyContext struct{ context.Context }

func (errOnlyContext) Err() error { return context.Canceled }

// TestRejectingCandidatesHeedsTheContext: a prefix whose candidates are
// many and whose matches are none (tryin*: every piece with try or tried
// is read, none says trying) stops reading texts once its search is given
// up, instead of reading them all before the collector looks (seconds at
// 100k pieces, a core kept busy after the next keystroke).
func TestRejectingCandidatesHeedsTheContext(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 300 {
		fsys[fmt.Sprintf("p%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-01\n---\nThey tried again and will try once more.\n", i)), Mode: 0o644}
	}
	ix, err := Open(context.Background(), "tries", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if r := run(t, ix, Query{Text: "tryin*"}); r.Total != 0 {
		t.Fatalf("tryin* finds %d pieces, none says trying", r.Total)
	}
	c0 := checkedCandidates.Load()
	_, err = ix.Search(errOnlyContext{context.Background()}, Query{Text: "tryin*", Limit: 10})
	read := checkedCandidates.Load() - c0
	if !errors.Is(err, context.Canceled) {
		t.Errorf("the given-up search ended with %v, want context.Canceled", err)
	}
	if read > 2*64 {
		t.Errorf("the given-up search read %d texts of 300 candidates", read)
	}
}

// TestRejectingPhraseCandidatesHeedsTheContext: the same for a phrase
// whose words every piece has, never in its order: each candidate's
// positions are read and rejected, and none reaches the collector.
func TestRejectingPhraseCandidatesHeedsTheContext(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 300 {
		fsys[fmt.Sprintf("p%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Piece %d\ndate: 2017-01-01\n---\nThe harbour froze early; the lighthouse keeper waited.\n", i)), Mode: 0o644}
	}
	ix, err := Open(context.Background(), "phrases", fsys, Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	const q = `"lighthouse harbour"`
	c0 := checkedCandidates.Load()
	if r := run(t, ix, Query{Text: q}); r.Total != 0 {
		t.Fatalf("%s finds %d pieces, none has it", q, r.Total)
	}
	if read := checkedCandidates.Load() - c0; read < 300 {
		t.Fatalf("the whole search checked %d candidates of 300: the test no longer exercises the check", read)
	}
	c0 = checkedCandidates.Load()
	// Another phrase of the same kind: the first's checks are remembered.
	_, err = ix.Search(errOnlyContext{context.Background()}, Query{Text: `"keeper harbour"`, Limit: 10})
	read := checkedCandidates.Load() - c0
	if !errors.Is(err, context.Canceled) {
		t.Errorf("the given-up search ended with %v, want context.Canceled", err)
	}
	if read > 2*64 {
		t.Errorf("the given-up search checked %d of 300 candidates", read)
	}
}
