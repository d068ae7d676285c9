package e2e

import (
	"fmt"
	"github.com/folio-tui/folio/internal/testcorpus"
	"regexp"
	"testing"
)

// Issue 17's acceptance: on the State of the Union, pin "terrorism", chart
// "communism" beside it; the chart (by decade) marks the 1950s as
// communism's peak, shows terrorism's 2000s, names both in its legend, and
// enter on a decade filters the results to it.
func TestTrendsChartOnSOTU(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	s := newSession(t)
	s.indexSOTU(dir)
	s.run("send-keys", "-t", "e2e", "clear", "Enter")
	s.typeText(fmt.Sprintf("%s NO_COLOR=1 '%s' --archive '%s' --index-dir '%s'; echo folio-exited-$?", s.env, s.bin, dir, s.indexDir))
	s.keys("Enter")
	s.waitFor("the addresses", countRe(233, 233))
	s.keys("/")
	s.typeText(`"terrorism"`)
	s.keys("Enter")
	s.waitFor("the terrorism results", countRe(23, 233))
	s.keys("t")
	s.waitFor("the chart", regexp.MustCompile(`pieces per decade[\s\S]*██ "terrorism" 23`))
	s.keys("P")
	s.escape()
	s.keys("/", "C-u")
	s.typeText(`"communism"`)
	s.keys("Enter")
	s.waitFor("the communism results", countRe(27, 233))
	s.keys("t")
	s.waitFor("both in the legend", regexp.MustCompile(`██ "communism" 27\s+▒▒ "terrorism" 23`))
	s.waitFor("communism's peak", regexp.MustCompile(`peak 1950s`))
	s.keys("G", "Left", "Left")
	s.waitFor("terrorism in the 2000s", regexp.MustCompile(`2000s: 10 pieces in the archive · █ "communism" 3 \(30\.0%\) · ▒ "terrorism" 6 \(60\.0%\)`))
	for range 5 {
		s.keys("Left")
	}
	s.waitFor("the 1950s under the cursor", regexp.MustCompile(`1950s: 11 pieces in the archive · █ "communism" 9 `))
	s.keys("Enter")
	s.waitFor("the results of the 1950s", regexp.MustCompile(`9 of 233 · relevance · 1950s`))
	s.keys("q")
	s.waitExited()
}
