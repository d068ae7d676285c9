package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportReportCountsIgnoredItemsPastAFew: import and sync list at
// most notesPerReason items of one reason and notesShown in all, then
// count the rest by reason, the most frequent first (an attack: a feed
// of a million empty items printed a million lines "ignored    (no
// publication date)"). The feed: 30 items each dated in another year
// folio cannot count, 1,000 with no date, 2 dated.
func TestImportReportCountsIgnoredItemsPastAFew(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>http://many.example/</link>`)
	for i := range 30 {
		fmt.Fprintf(&b, `<item><title>Old %d</title><link>http://many.example/old%d</link><pubDate>01 Jan %d 00:00:00 +0000</pubDate><description>Text.</description></item>`, i, i, 1500+i)
	}
	for i := range 1000 {
		fmt.Fprintf(&b, `<item><title>Undated %d</title></item>`, i)
	}
	for i := range 2 {
		fmt.Fprintf(&b, `<item><title>Dated %d</title><link>http://many.example/%d</link><pubDate>0%d Nov 2019 10:00:00 GMT</pubDate><description>Text.</description></item>`, i, i, i+1)
	}
	b.WriteString(`</channel></rss>`)
	feed := filepath.Join(t.TempDir(), "many.xml")
	if err := os.WriteFile(feed, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	more := []string{
		"  ignored   1000 more (no publication date)\n",
		"  ignored   1 more (publication date 1520-01-01 is outside the years folio can count (1678–2261))\n",
		"  ignored   1 more (publication date 1523-01-01 is outside the years folio can count (1678–2261))\n",
		"  ignored   6 more, for 6 other reasons\n",
	}
	out, errs, code := run(t, "import", feed, "--into", t.TempDir())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// the feed's line, 2 added, 20 ignored, 6 counts of more, the counts
	if code != 0 || len(lines) != 30 || strings.Count(out, "  added ") != 2 || strings.Count(out, "is outside the years") != 24 ||
		!strings.Contains(out, "Old 19 (publication date 1519-01-01 is") || strings.Contains(out, "Old 20 (") ||
		!strings.Contains(out, "2 added, 0 updated, 0 unchanged, 0 skipped, 1030 ignored") {
		t.Errorf("import: exit %d, %d lines\n%s%s", code, len(lines), out, errs)
	}
	for _, m := range more {
		if !strings.Contains(out, m) {
			t.Errorf("import: no %q in\n%s", m, out)
		}
	}

	data, _ := os.ReadFile(feed)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(data)
	}))
	defer srv.Close()
	if _, errs, code := run(t, "feeds", "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatal(errs)
	}
	out, errs, code = run(t, "sync", "--into", t.TempDir())
	if lines := strings.Count(out, "\n"); code != 0 || lines != 28 || strings.Count(out, "is outside the years") != 24 || !strings.Contains(out, "2 new") {
		t.Errorf("sync: exit %d, %d lines\n%s%s", code, lines, out, errs)
	}
	for _, m := range more {
		if !strings.Contains(out, m) {
			t.Errorf("sync: no %q in\n%s", m, out)
		}
	}
}
