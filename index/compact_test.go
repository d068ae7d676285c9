package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
)

// A build that indexed many pieces compacts its segments before it is
// published, and the published generation holds the segment files its
// index uses and no others; the answers are those of the index before it
// was compacted, and it opens unchanged and updates as any other.
func TestBuildCompactsAndPrunesSegments(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 400, 3); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	open := func(dir string, compactMin int) *Index {
		t.Helper()
		// batches of 5 pieces: many segments, as a large build has
		ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir, BatchDocs: 5, compactMin: compactMin, compactPast: 1})
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	plainDir, compactDir := filepath.Join(t.TempDir(), "plain"), filepath.Join(t.TempDir(), "compact")
	plain := open(plainDir, 1<<30) // never compacts
	defer plain.Close()
	compact := open(compactDir, 1)
	if !compact.Stats().Rebuilt {
		t.Fatal("the compacted index was not built")
	}

	liveSegs := func(ix *Index) ([]string, []string) {
		t.Helper()
		ix.mu.RLock()
		dir, bi := ix.cur.hold.dir, ix.cur.bi
		ix.mu.RUnlock()
		store := filepath.Join(dir, bleveSubdir, "store")
		files, _ := filepath.Glob(filepath.Join(store, "*.zap"))
		for i := range files {
			files[i] = filepath.Base(files[i])
		}
		names, ok := segmentFiles(bi)
		if !ok {
			t.Fatal("the index's segment files cannot be told")
		}
		var live []string
		for n := range names {
			live = append(live, n)
		}
		slices.Sort(files)
		slices.Sort(live)
		return live, files
	}
	live, files := liveSegs(compact)
	if len(live) != 1 {
		t.Errorf("the compacted index of 400 pieces has %d segments, want 1", len(live))
	}
	if !slices.Equal(live, files) {
		t.Errorf("segment files on disk %v, the index uses %v", files, live)
	}
	pLive, pFiles := liveSegs(plain)
	t.Logf("the build not compacted has %d segments", len(pLive))
	if !slices.Equal(pLive, pFiles) {
		t.Errorf("plain build: segment files on disk %v, the index uses %v", pFiles, pLive)
	}

	for _, q := range []string{"government", `"united states"`, "con", "prosperity -war", "tax*"} {
		a := run(t, plain, Query{Text: q, Limit: 1000})
		b := run(t, compact, Query{Text: q, Limit: 1000})
		if a.Total != b.Total || len(a.Hits) != len(b.Hits) {
			t.Fatalf("%q: %d (%d hits) compacted, %d (%d) not", q, b.Total, len(b.Hits), a.Total, len(a.Hits))
		}
		for i := range a.Hits {
			if a.Hits[i].ID != b.Hits[i].ID {
				t.Fatalf("%q hit %d: %s compacted, %s not", q, i, b.Hits[i].ID, a.Hits[i].ID)
			}
		}
	}
	compact.Close()

	// unchanged, then an edit: the next generation opens and updates
	again := open(compactDir, 1)
	if !again.Stats().Unchanged {
		t.Errorf("reopening the compacted index: %+v, want unchanged", again.Stats())
	}
	again.Close()
	names, _ := filepath.Glob(filepath.Join(arch, "*", "*.md"))
	if len(names) == 0 {
		t.Fatal("no pieces found in the corpus")
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(names[0], []byte(strings.Replace(string(data), "\n\n", "\n\nZyzzogeton quokka.\n\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	upd := open(compactDir, 1)
	defer upd.Close()
	if st := upd.Stats(); st.Indexed != 1 || st.Rebuilt {
		t.Errorf("after one edit: %+v, want one piece indexed", st)
	}
	if r := run(t, upd, Query{Text: "zyzzogeton"}); r.Total != 1 {
		t.Errorf("the edited piece: %d hits, want 1", r.Total)
	}
	live, files = liveSegs(upd)
	if !slices.Equal(live, files) {
		t.Errorf("after the update: segment files on disk %v, the index uses %v", files, live)
	}
}
