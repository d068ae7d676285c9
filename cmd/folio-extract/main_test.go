package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/importer"
)

// TestHelperProgram builds folio-extract and runs it the way folio add
// does (importer.RunHelper, found through FOLIO_EXTRACT), on a page with a
// date and a hostile link; then without the program, for the message.
func TestHelperProgram(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "folio-extract")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Setenv("FOLIO_EXTRACT", bin)
	page := `<html lang="en"><head><title>Helper test | Example</title>
<meta property="og:site_name" content="Example"><meta property="article:published_time" content="2019-11-06T10:00:00Z">
</head><body><article><h1>Helper test</h1><p>` + strings.Repeat("The helper reads the page and finds the piece on it. ", 10) +
		`<a href="/next">next</a></p><p>` + strings.Repeat("A second paragraph, to be sure of a body. ", 10) + `</p></article></body></html>`
	ex, err := importer.RunHelper([]byte(page), "https://example.com/2019/11/helper")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Title != "Helper test" || ex.Sitename != "Example" || ex.Date.Format("2006-01-02") != "2019-11-06" ||
		!strings.Contains(ex.ContentHTML, "second paragraph") || !strings.HasPrefix(ex.Extractor, "go-trafilatura v") {
		t.Errorf("extraction: %+v", ex)
	}
	if _, err := importer.RunHelper([]byte("<html></html>"), "https://example.com/empty"); err == nil {
		t.Error("an empty page: no error")
	}

	t.Setenv("FOLIO_EXTRACT", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := importer.RunHelper([]byte(page), "https://example.com/x"); err == nil || !strings.Contains(err.Error(), "go install github.com/folio-tui/folio/cmd/folio-extract") {
		t.Errorf("without the program: %v", err)
	}
	_ = os.Remove(bin)
}
