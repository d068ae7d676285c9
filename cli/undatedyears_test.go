package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// folio search counts the undated hits among the years, as "undated" (the
// word of stats and trends), in the text and the JSON, so that the years'
// counts add up to the hits (a helper's report: 1 of 3 hits in years, the
// 2 undated left out silently).
func TestSearchYearsCountUndated(t *testing.T) {
	dir := t.TempDir()
	testcorpus.WriteTree(t, dir, map[string]string{
		"hugo.toml":                   "baseURL = \"https://example.org/\"\n",
		"content/posts/a.md":          "---\ntitle: A\ndate: 2019-03-01\n---\nGlacier.\n",
		"content/blog/u.md":           "---\ntitle: U\n---\nGlacier.\n",
		"content/posts/trip/index.md": "Glacier without front matter.\n",
	})
	ixDir := t.TempDir()
	out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "search", "--wide", "glacier")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "3 of 3 hits") || !strings.Contains(out, "years    2019 (1), undated (2)\n") {
		t.Errorf("the text:\n%s", out)
	}
	out, errOut, code = runIndexed(t, ixDir, "--archive", dir, "search", "--json", "glacier")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Total  int                       `json:"total"`
		Facets map[string]map[string]int `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if y := res.Facets["years"]; res.Total != 3 || !mapsEqual(y, map[string]int{"2019": 1, "undated": 2}) {
		t.Errorf("total %d, years %v; want 3, 2019: 1, undated: 2", res.Total, y)
	}
}

// An undated piece's line under its title leaves the date out, as the
// reader's does: folio show printed "The Paper ·  · Ann Lee", an empty
// date between two dots, and show --raw "**The Paper** ·  · Ann Lee".
func TestShowUndatedMetaLine(t *testing.T) {
	dir := t.TempDir()
	testcorpus.WriteTree(t, dir, map[string]string{
		"hugo.toml":    "baseURL = \"https://example.org/\"\n",
		"content/a.md": "---\ntitle: Undated piece\noutlet: The Paper\nauthor: Ann Lee\n---\nBody text.\n",
	})
	ixDir := t.TempDir()
	for _, c := range []struct{ flag, want string }{
		{"--width=80", "The Paper · Ann Lee\n"},
		{"--raw", "**The Paper** · Ann Lee\n"},
	} {
		out, errOut, code := runIndexed(t, ixDir, "--archive", dir, "show", c.flag, "content/a")
		if code != 0 {
			t.Fatalf("show %s: exit %d: %s", c.flag, code, errOut)
		}
		if !strings.Contains(out, c.want) || strings.Contains(out, "·  ·") {
			t.Errorf("show %s: want %q in\n%s", c.flag, c.want, out)
		}
	}
}
