package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
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
	s.indexSOTU(dir)
	s.run("send-keys", "-t", "e2e", "clear", "Enter")
	trace := filepath.Join(t.TempDir(), "trace")
	s.typeText(fmt.Sprintf("%s FOLIO_TYPING_PAUSE=4s FOLIO_TRACE='%s' '%s' --archive '%s' --index-dir '%s'; echo folio-exited-$?", s.env, trace, s.bin, dir, s.indexDir))
	s.keys("Enter")
	s.waitFor("the addresses", countRe(233, 233))
	s.keys("/")
	s.typeText("inte")
	s.waitFor("the prefix marker", regexp.MustCompile(`/ inte\s.*inte… · \d+ of 233`))
	for i, c := range "rne" {
		s.typeText(string(c))
		typed := "inte" + "rne"[:i+1]
		s.waitFor("the prefix marker", regexp.MustCompile(`/ `+typed+`\s.*`+typed+`… · \d+ of 233`))
	}
	// internet begins no word of SOTU's whose stem is not its own: the
	// word being typed is searched as the word, without a marker (before,
	// a shorter stem, intern, was checked and the marker shown)
	s.typeText("t")
	s.waitFor("the query as written", regexp.MustCompile(`(?m)^[^…\n]*/ internet\s[^…\n]* 11 of 233 · `))
	s.escape()
	s.keys("q")
	s.waitExited()

	// FOLIO_TRACE: the reader's timeline, written when it quits. Each of
	// the keys typed one at a time ("rnet") is followed, before the next
	// key, by the search it started, its end, its answer handled, a view
	// and a frame written, in that order (bench/inside.go reads these).
	b, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	var events []string // "key \"r\"", "search 7"...: the times left out
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		_, ev, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("a trace line without an event: %q", line)
		}
		events = append(events, ev)
	}
	i := slices.Index(events, `key "r"`)
	if i < 0 {
		t.Fatalf("the trace has no key r:\n%s", b)
	}
	for _, c := range "rnet" {
		key := fmt.Sprintf("key %q", string(c))
		for i < len(events) && events[i] != key {
			i++
		}
		if i == len(events) {
			t.Fatalf("the trace has no %s in its place:\n%s", key, b)
		}
		i++
		var gen string
		want := []string{"search ", "found ", "results ", "view ", "write "}
		for i < len(events) && len(want) > 0 && !strings.HasPrefix(events[i], "key ") {
			if strings.HasPrefix(events[i], want[0]) {
				if want[0] == "search " {
					gen = strings.TrimPrefix(events[i], "search ")
				} else if (want[0] == "found " || want[0] == "results ") && events[i] != want[0]+gen {
					i++
					continue
				}
				want = want[1:]
			}
			i++
		}
		if len(want) > 0 {
			t.Fatalf("after %s the trace has no %q (search %s) before the next key:\n%s", key, want[0], gen, b)
		}
	}
}
