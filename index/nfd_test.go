package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A piece written in NFD is found by résumé and its snippet marks the
// word: the highlighter keeps combining accents inside words, as the
// tokenizer does (it split them there, and marked nothing).
func TestNFDSnippetMarksTheMatch(t *testing.T) {
	arch := t.TempDir()
	body := strings.Repeat("Filler words about nothing in particular. ", 10) +
		"She sent her re\u0301sume\u0301 to the firm.\n"
	if err := os.WriteFile(filepath.Join(arch, "nfd.md"), []byte("---\ntitle: One\ndate: 2020-01-01\n---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(context.Background(), arch, os.DirFS(arch), Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r := run(t, ix, Query{Text: "résumé"})
	if r.Total != 1 {
		t.Fatalf("found %d", r.Total)
	}
	if s := strings.Join(r.Hits[0].Snippets, " | "); !strings.Contains(s, MarkStart) {
		t.Errorf("found, but the snippet marks nothing: %q", s)
	}
}
