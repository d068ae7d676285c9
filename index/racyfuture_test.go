package index

import (
	"context"
	"os"
	"testing"
	"time"
)

// A file whose modification time is in the future (a clock-skewed copy,
// touch -d, an unpacked archive) is not taken for a racy read: recorded
// so, it was read again at every open and no cached search was current.
func TestFutureMTimeNeverSettles(t *testing.T) {
	defer func(f func() time.Time) { readNow = f }(readNow)
	readNow = func() time.Time { return time.Now().Add(time.Hour) } // the file's change time settled, its modification time still ahead
	arch, dir := t.TempDir(), t.TempDir()
	ctx := context.Background()
	writeNote(t, arch, "a.md", "badger", time.Now().Add(24*time.Hour))
	for i := 0; i < 3; i++ {
		ix, err := Open(ctx, arch, os.DirFS(arch), Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		st := ix.Stats()
		ix.Close()
		cached, err := OpenCached(arch, os.DirFS(arch), Options{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		ok := cached.Verify()
		cached.Close()
		t.Logf("open %d: unchanged=%v indexed=%d; cached current=%v", i, st.Unchanged, st.Indexed, ok)
		if i > 0 && (!st.Unchanged || !ok) {
			t.Errorf("open %d: an untouched archive is never current (unchanged=%v, cached=%v)", i, st.Unchanged, ok)
		}
	}
}
