package e2e

import (
	"fmt"
	"github.com/folio-tui/folio/internal/testcorpus"
	"regexp"
	"testing"
)

// Issue 13's acceptance: type "internet" slowly into the reader on the
// State of the Union. While keys arrive the header shows the word being
// typed as a prefix ("inter…"); once typing pauses the query runs as
// written: 11 addresses, as grep -ilw finds, and no marker. The pause is
// set long (FOLIO_TYPING_PAUSE) so that the typing state can be seen
// before it ends, whatever the machine's load.
func TestTypingInternetSlowly(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	s := newSession(t)
	s.run("send-keys", "-t", "e2e", "clear", "Enter")
	s.typeText(fmt.Sprintf("%s FOLIO_TYPING_PAUSE=4s '%s' --archive '%s' --index-dir '%s'; echo folio-exited-$?", s.env, s.bin, dir, s.indexDir))
	s.keys("Enter")
	s.waitFor("the addresses", countRe(233, 233))
	s.keys("/")
	s.typeText("inte")
	s.waitFor("the prefix marker", regexp.MustCompile(`/ inte\s.*inte… · \d+ of 233`))
	for i, c := range "rnet" {
		s.typeText(string(c))
		typed := "inte" + "rnet"[:i+1]
		s.waitFor("the prefix marker", regexp.MustCompile(`/ `+typed+`\s.*`+typed+`… · \d+ of 233`))
	}
	// the header line without a marker (typing "internet" may find 11
	// too: the marker tells the two states apart)
	s.waitFor("the query as written", regexp.MustCompile(`(?m)^[^…\n]*/ internet\s[^…\n]* 11 of 233 · `))
	s.escape()
	s.keys("q")
	s.waitExited()
}
