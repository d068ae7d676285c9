package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
)

// TestBoltCutShortIsRebuilt: a root.bolt cut before its freelist page (a
// full disk, a copy stopped half way) is found damaged before bbolt maps
// it, and the index is built again. Cut there, bbolt went on as if nothing
// were wrong (the old code fails this test on "rebuilt"); cut elsewhere,
// it read past the file's end, a fault that killed the program (CI run 34,
// TestCorruptIndexFilesAreRebuilt's half-truncated root.bolt). A root.bolt
// left whole passes the check.
func TestBoltCutShortIsRebuilt(t *testing.T) {
	const docs = 30
	arch := t.TempDir()
	if err := corpus.Generate(arch, docs, 5); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	ix, err := OpenDir(context.Background(), arch, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	bolts, _ := filepath.Glob(filepath.Join(dir, "*", bleveSubdir, "store", "root.bolt"))
	if len(bolts) != 1 {
		t.Fatalf("root.bolt: %v", bolts)
	}
	bolt := bolts[0]
	if err := checkBolt(bolt); err != nil {
		t.Fatalf("a whole root.bolt: %v", err)
	}
	f, err := os.Open(bolt)
	if err != nil {
		t.Fatal(err)
	}
	m0, ok0 := readBoltMeta(f, 0, nil)
	m1, ok1 := readBoltMeta(f, 1, &m0)
	f.Close()
	if !ok0 || !ok1 {
		t.Fatalf("meta pages: %v %v", ok0, ok1)
	}
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	if m.freelist == noFreelist || m.freelist < 2 {
		t.Skipf("no freelist page to cut (meta %+v)", m)
	}
	// keep the meta pages, cut the freelist page and what follows
	if err := os.Truncate(bolt, int64(m.freelist)*int64(m.pageSize)); err != nil {
		t.Fatal(err)
	}
	if checkBolt(bolt) == nil {
		t.Fatal("the cut root.bolt passes the check")
	}
	ix, err = OpenDir(context.Background(), arch, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if res, err := ix.Search(context.Background(), Query{Limit: 1}); err != nil || res.Total != docs || !ix.Stats().Rebuilt {
		t.Errorf("after the cut: total %d, rebuilt %v, err %v", res.Total, ix.Stats().Rebuilt, err)
	}
}
