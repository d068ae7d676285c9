package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestQuoteInTmux keeps a quote in the reader of the real binary (v, j,
// enter, a note), finds it with folio quotes, and sees it marked and
// listed after a restart.
func TestQuoteInTmux(t *testing.T) {
	s := newSession(t)
	s.startFolio("")
	s.waitFor("the Reading counts", regexp.MustCompile(`Unread\s+24 │`))
	s.keys("Enter")
	s.waitFor("the reader at the top", readerAtTop)
	s.keys("d")
	s.waitFor("the reader scrolled", readerScrolled)

	s.keys("v")
	s.waitFor("the choice", regexp.MustCompile(`Quote: 1 line`))
	s.keys("j", "j")
	s.waitFor("three lines chosen", regexp.MustCompile(`Quote: 3 lines`))
	s.keys("Enter")
	s.waitFor("the note prompt", regexp.MustCompile(`note \(optional`))
	s.typeText("for chapter 3")
	s.keys("Enter")
	s.waitFor("the quote kept and marked", regexp.MustCompile(`Quote kept`), regexp.MustCompile(`(?m)^ *▎ \S`))
	s.escape()
	s.waitFor("the list", listShown)
	s.keys("q")
	s.waitExited()

	// folio quotes prints it, found in its piece.
	cmd := exec.Command(s.bin, "--index-dir", s.indexDir, "quotes", "--format", "json")
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(s.dir, "state"))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("folio quotes: %v", err)
	}
	var qs []struct {
		Piece, Exact, Note string
		Orphaned           bool
		Citation           struct{ Key string }
	}
	if err := json.Unmarshal(out, &qs); err != nil || len(qs) != 1 {
		t.Fatalf("folio quotes --format json: %v\n%s", err, out)
	}
	q := qs[0]
	if q.Piece != "2017-10-19-raqqa-terror-is-here-to-stay" || q.Note != "for chapter 3" || q.Orphaned ||
		q.Citation.Key != "pantucci2017isil" || strings.Count(q.Exact, "\n") > 2 || len(q.Exact) < 20 {
		t.Errorf("the quote: %+v", q)
	}

	// After a restart the piece shows the mark, and Q lists the quote.
	s.startFolio("")
	s.waitFor("the Reading counts", regexp.MustCompile(`Unread\s+23 │`))
	s.keys("Enter")
	s.waitFor("the reader, where reading stopped", regexp.MustCompile(` \d+%\s*\n`))
	s.keys("Q")
	s.waitFor("the quotes of the piece", regexp.MustCompile(`quotes of this piece \(1\)`), regexp.MustCompile(`note: for chapter 3`))
	s.keys("Enter")
	s.waitFor("the quote marked in its piece", regexp.MustCompile(`(?m)^ *▎ \S`))
	s.escape()
	s.waitFor("the list", listShown)
	s.keys("q")
	s.waitExited()
}
