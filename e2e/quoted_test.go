package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// TestQuotedToggleInTmux keeps quotes with folio quotes add, then counts
// the quoted pieces in the reader of the real binary: the sidebar's Quoted
// count and, with the toggle on, the header say what folio search --quoted
// says on the same archive, with and without words searched.
func TestQuotedToggleInTmux(t *testing.T) {
	s := newSession(t)
	folio := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(s.bin, append([]string{"--index-dir", s.indexDir}, args...)...)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(s.dir, "state"), "FOLIO_ARCHIVE=")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("folio %q: %v", args, err)
		}
		return out
	}
	folio("quotes", "add", "2017-10-19-raqqa-terror-is-here-to-stay", "--text", "Raqqa")
	folio("quotes", "add", "2017-09-parsons-green-low-level-plots", "--text", "Parsons Green")
	total := func(query string) int {
		t.Helper()
		var res struct {
			Total int `json:"total"`
		}
		out := folio("search", query, "--quoted", "--json")
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatalf("search %q --quoted --json: %v\n%s", query, err, out)
		}
		return res.Total
	}
	all, raqqa := total(""), total("raqqa")
	if all != 2 || raqqa != 1 {
		t.Fatalf("folio search --quoted: %d pieces, %d with raqqa; want 2 and 1", all, raqqa)
	}

	s.startFolio("")
	s.waitFor("the Quoted count", regexp.MustCompile(fmt.Sprintf(`❝ Quoted\s+%d │`, all)))
	s.keys("/")
	s.typeText("raqqa")
	s.keys("Enter")
	s.waitFor("the Quoted count of raqqa", regexp.MustCompile(fmt.Sprintf(`(?s)/ raqqa.*❝ Quoted\s+%d │`, raqqa)))
	s.keys("Tab", "j", "j", "Space")
	s.waitFor("the quoted pieces of raqqa", regexp.MustCompile(fmt.Sprintf(`%d of 24 · relevance · is:quoted`, raqqa)))
	s.keys("x")
	s.waitFor("the filter cleared", regexp.MustCompile(`\d+ of 24 · relevance\s*\n`))
	s.keys("q")
	s.waitExited()
}
