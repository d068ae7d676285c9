package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/cite"
	"github.com/folio-tui/folio/internal/termsafe"
)

func TestCitationFormatIsKeptInTheConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "folio", "config.toml")
	cfg, err := readConfig(path)
	if err != nil || len(cfg) != 0 {
		t.Fatalf("a missing config: %v, %v", cfg, err)
	}
	if err := saveCitationFormat(path, cite.BibTeX); err != nil {
		t.Fatal(err)
	}
	cfg, err = readConfig(path)
	if f, ferr := citationFormatIn(cfg, path); err != nil || ferr != nil || f != cite.BibTeX {
		t.Fatalf("read back %q (%v, %v)", f, err, ferr)
	}
	// Other keys are kept.
	if err := os.WriteFile(path, []byte("citation_format = \"ris\"\ntheme = \"light\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := saveCitationFormat(path, cite.Markdown); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `theme = "light"`) || !strings.Contains(string(data), `citation_format = "markdown"`) {
		t.Fatalf("config after saving:\n%s", data)
	}
	// A file folio cannot read is named, and never overwritten.
	bad := "citation_format = \"ris\"\nthis is not toml\n"
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readConfig(path); err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad config: %v", err)
	}
	if err := saveCitationFormat(path, cite.Text); err == nil {
		t.Error("saving over a bad config succeeded")
	}
	if data, _ := os.ReadFile(path); string(data) != bad {
		t.Errorf("the bad config was overwritten:\n%s", data)
	}
	// A format folio does not know is named.
	if _, err := citationFormatIn(map[string]any{"citation_format": "mla"}, path); err == nil || !strings.Contains(err.Error(), "mla") {
		t.Errorf("an unknown format: %v", err)
	}
}

// A config file folio cannot use is named, and the reader is told (an
// attack: a 2 GB config.toml made "Citation format not kept for next
// time: file is 2147483648 bytes, over the 1 MB limit", of no file; a bad
// one, or that one, was said nowhere at the start, and C copied the
// default format silently).
func TestConfigProblemsAreNamed(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.toml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 30); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	if err := saveCitationFormat(big, cite.BibTeX); err == nil || !strings.Contains(err.Error(), big) || !strings.Contains(err.Error(), "over the 1 MB limit") {
		t.Errorf("saving over a 2 GB config: %v", err)
	}
	if st, err := os.Stat(big); err != nil || st.Size() != 2<<30 {
		t.Errorf("the 2 GB config was changed: %v", err)
	}
	unclosed := filepath.Join(dir, "unclosed.toml")
	if err := os.WriteFile(unclosed, []byte("citation_format = \"bib\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unknown := filepath.Join(dir, "unknown.toml")
	if err := os.WriteFile(unknown, []byte("citation_format = \"mla\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a folder's name with an escape and U+202E: quoted, not stripped to
	// another file's name by the status line (a review)
	odd := filepath.Join(dir, "cf\x1b[31mR\u202eevil")
	if err := os.Mkdir(odd, 0o755); err != nil {
		t.Fatal(err)
	}
	oddFile := filepath.Join(odd, "config.toml")
	if err := os.WriteFile(oddFile, []byte("citation_format = \"bib\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, row := range []struct{ path, says string }{
		{big, "over the 1 MB limit"},
		{unclosed, "line 1"},
		{unknown, "mla"},
		{oddFile, "line 1"},
	} {
		f, warning := readerConfig(row.path)
		if f != "" || !strings.Contains(warning, termsafe.Quote(row.path)) || !strings.Contains(warning, row.says) || strings.ContainsAny(warning, "\x1b\u202e") {
			t.Errorf("%s: format %q, warning %q", filepath.Base(row.path), f, warning)
		}
	}
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte("citation_format = \"ris\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{good, filepath.Join(dir, "none.toml")} {
		if f, warning := readerConfig(path); warning != "" || f != map[string]cite.Format{good: cite.RIS}[path] {
			t.Errorf("%s: format %q, warning %q", filepath.Base(path), f, warning)
		}
	}
}
