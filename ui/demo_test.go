package ui

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/folio-tui/folio/archive"
)

// TestDemo runs the interface on the bundled archive with the fake searcher,
// for looking at it by eye in a real terminal:
//
//	go test -c -o /tmp/uidemo ./ui && FOLIO_DEMO=1 /tmp/uidemo -test.run TestDemo
//
// FOLIO_DEMO_COPIES=N multiplies the archive (to feel 100k hits);
// FOLIO_DEMO_SLOW=1 simulates a slow index build.
func TestDemo(t *testing.T) {
	if os.Getenv("FOLIO_DEMO") == "" {
		t.Skip("set FOLIO_DEMO=1 to run the interface by hand")
	}
	arch, _, err := archive.Open("")
	if err != nil {
		t.Fatal(err)
	}
	articles := arch.Articles
	if n, _ := strconv.Atoi(os.Getenv("FOLIO_DEMO_COPIES")); n > 1 {
		base := articles
		articles = nil
		for i := 0; i < n; i++ {
			for _, a := range base {
				a.ID = fmt.Sprintf("%s-%d", a.ID, i)
				articles = append(articles, a)
			}
		}
	}
	slow := os.Getenv("FOLIO_DEMO_SLOW") != ""
	opts := Options{
		ArchiveName: "bundled",
		OpenIndex: func(ctx context.Context, progress func(done, total int)) (Searcher, Info, error) {
			if slow {
				for i := 0; i <= 200; i++ {
					progress(i, 200)
					time.Sleep(15 * time.Millisecond)
				}
			}
			return newFake(articles...), Info{Count: len(articles), Problems: []archive.Problem{{Path: "bad/one.md", Line: 3, Msg: "invalid YAML"}}}, nil
		},
	}
	if err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
}
