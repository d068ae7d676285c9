package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A Hugo site opens as the site reads: its section pages are not pieces,
// shortcodes read as what they show, and a link to another piece is
// followed with L and its key; backspace returns.
func TestHugoSiteLinksAreFollowed(t *testing.T) {
	s := newSession(t)
	arch, err := filepath.Abs("../testdata/hugo")
	if err != nil {
		t.Fatal(err)
	}
	s.startFolio("FOLIO_ARCHIVE='" + arch + "'")
	screen := s.waitFor("three pieces", countRe(3, 3))
	if strings.Contains(screen, "skipped") {
		t.Errorf("section pages reported as skipped:\n%s", screen)
	}
	s.keys("Enter")
	screen = s.waitFor("the figure as a line", regexp.MustCompile(`\[image: A gopher on a stage — The gopher, \S*live\S*\] /images/gopher-stage\.jpg`))
	if strings.Contains(screen, "{{<") {
		t.Errorf("shortcode braces on screen:\n%s", screen)
	}
	s.keys("L")
	s.waitFor("the links", regexp.MustCompile(`1  The threat has evolved \(2017-07-07\)`))
	s.keys("1")
	s.waitFor("the linked piece", regexp.MustCompile(`Hugo post body`))
	s.keys("BSpace")
	s.waitFor("the piece the link was in", regexp.MustCompile(`Back to “A week with the gopher”`))
	s.keys("q")
	s.waitFor("the list", countRe(3, 3))
	s.keys("q")
	s.waitExited()
}
