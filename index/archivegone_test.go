package index

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// An archive whose folder is moved away while a reader has it open (and
// moved back, or a checkout or a mount that comes and goes) is not an
// archive of no pieces: the refresh fails, saying so, and the index keeps
// every piece and the time each was added (what a saved search counts as
// new). Found by a helper: the reader published a generation of 0 pieces,
// and every piece was new after the folder came back.
func TestArchiveFolderGoneIsNotEmpty(t *testing.T) {
	for _, how := range []string{"archive.Source", "os.DirFS"} {
		t.Run(how, func(t *testing.T) {
			src, dir := writeFixtures(t), t.TempDir()
			fsys := fs.FS(os.DirFS(src))
			if how == "archive.Source" {
				var err error
				if _, fsys, err = archive.Source(src); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{Dir: dir}
			ix, err := Open(context.Background(), src, fsys, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			// One piece added after the first build: the only one new.
			piece := "---\ntitle: Added later\ndate: 2017-05-01\n---\nA piece added after the first build.\n"
			if err := os.WriteFile(filepath.Join(src, "later.md"), []byte(piece), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := ix.Refresh(context.Background(), opts); err != nil {
				t.Fatal(err)
			}
			n, before := ix.Count(), ix.NewSince(time.Time{})
			if n < 2 || len(before) != 1 {
				t.Fatalf("%d pieces, %d new; want 1 new", n, len(before))
			}

			away := src + "-away"
			if err := os.Rename(src, away); err != nil {
				t.Fatal(err)
			}
			changed, err := ix.Refresh(context.Background(), opts)
			if err == nil || changed || !strings.Contains(err.Error(), src) {
				t.Errorf("refresh of a folder moved away: changed %v, error %v (want one naming %s)", changed, err, src)
			}
			if got := ix.Count(); got != n {
				t.Errorf("%d pieces after the folder went, want %d", got, n)
			}
			if _, err := Open(context.Background(), src, fsys, Options{Dir: t.TempDir()}); err == nil {
				t.Error("no error opening an archive whose folder is gone")
			}

			if err := os.Rename(away, src); err != nil {
				t.Fatal(err)
			}
			if changed, err := ix.Refresh(context.Background(), opts); changed || err != nil {
				t.Errorf("refresh with the folder back: changed %v, %v (want unchanged)", changed, err)
			}
			if after := ix.NewSince(time.Time{}); ix.Count() != n || !slices.Equal(after, before) {
				t.Errorf("with the folder back: %d pieces, added %v; want %d, %v", ix.Count(), after, n, before)
			}
		})
	}
}
