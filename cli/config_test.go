package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/cite"
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
