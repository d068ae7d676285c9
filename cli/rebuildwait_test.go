package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/folio-tui/folio/index"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// folio index --rebuild that waited for another folio's rebuild says
// true things: begun before it was asked for, the other's is built again,
// and the line says why (a helper's report: "built: 236 pieces (236
// indexed…)" then "another folio updated the index first … (built from
// scratch…)", and nothing more); begun after, the other's rebuild is the
// one asked for, and is said so, not made again.
func TestIndexRebuildAfterWaitingSaysWhatItDid(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir, ixDir := t.TempDir(), t.TempDir()
	// links to files written long ago: settled (a file changed within
	// index.RacyWindow is read again at the next update)
	sotu := testcorpus.Dir(t, "sotu")
	for n, f := range map[string]string{"a": "1790_george_washington_n.md", "b": "1791_george_washington_n.md", "c": "1792_george_washington_n.md"} {
		if err := os.Symlink(filepath.Join(sotu, f), filepath.Join(dir, n+".md")); err != nil {
			t.Skip("no links:", err)
		}
	}
	if _, errOut, code := runIndexed(t, ixDir, "--archive", dir, "index"); code != 0 {
		t.Fatal(errOut)
	}
	name, _ := filepath.Abs(dir)
	t.Setenv("FOLIO_ARCHIVE", "")
	type result struct {
		out, errOut string
		err         error
	}
	// rebuild starts folio index --rebuild and returns once it waits for
	// the writer's lock
	rebuild := func() chan result {
		finished := make(chan result, 1)
		waiting := make(chan struct{})
		go func() {
			var out bytes.Buffer
			errw := &signalWriter{want: "waiting for it to finish", seen: waiting}
			root := NewRoot("test", &Env{Out: &out, Err: errw, In: strings.NewReader("")})
			root.SetArgs([]string{"--index-dir", ixDir, "--archive", dir, "index", "--rebuild"})
			err := root.Execute()
			errw.mu.Lock()
			finished <- result{out.String(), errw.buf.String(), err}
			errw.mu.Unlock()
		}()
		select {
		case <-waiting:
		case r := <-finished:
			t.Errorf("did not wait: %v\n%s%s", r.err, r.out, r.errOut)
			close(finished)
		}
		return finished
	}
	// other is another folio that, holding the writer's lock, has the
	// rebuilds asked for
	other := func(opts index.Options, n int) []chan result {
		var rebuilds []chan result
		var once sync.Once
		opts.Dir = ixDir
		opts.Progress = func(int, int) {
			once.Do(func() {
				for range n {
					rebuilds = append(rebuilds, rebuild())
				}
			})
		}
		ix, err := index.Open(context.Background(), name, os.DirFS(name), opts)
		if err != nil {
			t.Fatal(err)
		}
		ix.Close()
		if len(rebuilds) != n {
			t.Fatal("the other folio indexed nothing")
		}
		return rebuilds
	}

	t.Run("begun before", func(t *testing.T) {
		r, ok := <-other(index.Options{Rebuild: true}, 1)[0]
		if !ok || r.err != nil || !strings.Contains(r.out, ": built: 3 pieces (3 indexed, 0 removed") ||
			!strings.Contains(r.out, "another folio updated the index first, while this one waited (built from scratch: 3 indexed, 0 removed); it began before this rebuild was asked for, so this one built the index again\n") {
			t.Errorf("%v\n%s%s", r.err, r.out, r.errOut)
		}
	})

	t.Run("begun after", func(t *testing.T) {
		// the other folio takes in a piece removed; whichever rebuild
		// comes next begins after both were asked for
		if err := os.Remove(filepath.Join(dir, "c.md")); err != nil {
			t.Fatal(err)
		}
		var outs []string
		for _, done := range other(index.Options{}, 2) {
			r, ok := <-done
			if !ok || r.err != nil {
				t.Fatalf("%v\n%s%s", r.err, r.out, r.errOut)
			}
			outs = append(outs, r.out)
		}
		built := ": built: 2 pieces (2 indexed, 0 removed"
		taken := ": updated by another folio while this one waited: 2 pieces (built from scratch: 2 indexed, 0 removed) in "
		if strings.Contains(outs[1], built) {
			outs[0], outs[1] = outs[1], outs[0]
		}
		if !strings.Contains(outs[0], built) || strings.Contains(outs[0], "began before") ||
			!strings.Contains(outs[1], taken) || strings.Contains(outs[1], "another folio updated the index first") {
			t.Errorf("want one rebuilt, the other taking it:\n%s\n%s", outs[0], outs[1])
		}
	})
}
