package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const importFullChildEnv = "FOLIO_TEST_IMPORT_FULL_CHILD"

// An import that cannot write a piece part-way (here a file size limit,
// RLIMIT_FSIZE, as a full disk would) still says what it wrote before, and
// its error names the piece's file, not the hidden temporary one. Before,
// it printed the error alone: 768 files written and not one said (a
// helper's report).
func TestImportThatFailsPartWaySaysWhatItWrote(t *testing.T) {
	if dir := os.Getenv(importFullChildEnv); dir != "" {
		importUnderLimit(t, dir)
		return
	}
	dir := t.TempDir()
	var items strings.Builder
	for i, body := range []string{"Short one.", "Short two.", strings.Repeat("A long paragraph. ", 8000), "Short four."} {
		fmt.Fprintf(&items, "<item><title>Piece %d</title><pubDate>Mon, 0%d Jan 2018 10:00:00 +0000</pubDate><guid>g%d</guid><description>%s</description></item>", i+1, i+1, i, body)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` + items.String() + `</channel></rss>`
	if err := os.WriteFile(filepath.Join(dir, "feed.xml"), []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute) // a guard against a hang
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestImportThatFailsPartWaySaysWhatItWrote$", "-test.v")
	cmd.Env = append(os.Environ(), importFullChildEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	got := string(out)
	// the feed as a file, then by its URL (a helper's report: by URL, the
	// error alone was said, and sync said "failed", "0 new")
	file, byURL, _ := strings.Cut(got, "by URL\n")
	for _, want := range []string{"added     2018-01-01-piece-1.md", "added     2018-01-02-piece-2.md", "2 added, 0 updated",
		"error: write " + filepath.Join(dir, "into", "2018-01-03-piece-3.md") + ": file too large"} {
		if !strings.Contains(file, want) {
			t.Errorf("no %q in the child's output:\n%s", want, file)
		}
	}
	for _, want := range []string{"added     2018-01-01-piece-1.md", "added     2018-01-02-piece-2.md", "2 added, 0 updated",
		"/feed.xml: write " + filepath.Join(dir, "into-url", "2018-01-03-piece-3.md") + ": file too large"} {
		if !strings.Contains(byURL, want) {
			t.Errorf("no %q in the child's output by URL:\n%s", want, byURL)
		}
	}
	if strings.Contains(got, ".tmp-") {
		t.Errorf("the error names a temporary file:\n%s", got)
	}
}

// importUnderLimit runs folio import with files limited to 64 KB: the
// third piece, ~150 KB, cannot be written.
func importUnderLimit(t *testing.T, dir string) {
	signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails (EFBIG), not the process
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: 64 << 10, Max: 64 << 10}); err != nil {
		t.Fatal(err)
	}
	out, errText, code := run(t, "import", filepath.Join(dir, "feed.xml"), "--into", filepath.Join(dir, "into"))
	fmt.Printf("%s\nerror: %s\ncode %d\n", out, errText, code)
	if code == 0 {
		t.Error("exit 0 after a write failed")
	}
	quickFetch(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	out, errText, code = run(t, "import", srv.URL+"/feed.xml", "--into", filepath.Join(dir, "into-url"))
	fmt.Printf("by URL\n%s\nerror: %s\ncode %d\n", out, errText, code)
	if code == 0 {
		t.Error("exit 0 after a write failed")
	}
}
