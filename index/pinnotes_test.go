package index

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// n pieces pinning one key (a template's default, an importer's mistake)
// made n notes each naming all n files: the notes, kept in the manifest's
// head and read by every cached search, grew as n² (3,000 such pieces made
// a manifest of 144 MB). Each note now names three and counts the rest.
func TestPinNotesStayShort(t *testing.T) {
	const n = 1000
	fsys := fstest.MapFS{}
	mod := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range n {
		fsys[fmt.Sprintf("pieces/2017/piece-number-%05d.md", i)] = &fstest.MapFile{ModTime: mod, Mode: 0o644,
			Data: fmt.Appendf(nil, "---\ntitle: Piece %d\ndate: 2017-03-01\nauthors: [John Smith]\ncitekey: smith2017\n---\nBody %d.\n", i, i)}
	}
	dir := t.TempDir()
	ix, err := Open(t.Context(), "pins", fsys, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	probs := ix.Problems()
	ix.Close()
	bytes := 0
	for _, p := range probs {
		bytes += len(p.Msg)
	}
	st, err := os.Stat(filepath.Join(liveGen(t, dir), manifestName))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d notes, %d bytes of messages, manifest %d bytes", len(probs), bytes, st.Size())
	if len(probs) != n {
		t.Errorf("%d notes for %d pieces pinning one key", len(probs), n)
	}
	if bytes > 300*n {
		t.Errorf("%d pieces pinning one key: %.1f MB of notes (manifest %.1f MB); want them to grow linearly", n, float64(bytes)/1e6, float64(st.Size())/1e6)
	}
}
