package ui

import (
	"regexp"
	"testing"
)

// starredRows counts the rows of the list that carry the star.
func starredRows(h *harness) int {
	return len(regexp.MustCompile(`(?m)[│▌ ] [`+unreadMark+` ]`+starMark+` \S`).FindAllString(h.screen(), -1))
}

// Two folios on one archive star different pieces at the same moment: the
// one that saves second shows both stars after its save, the other after R;
// neither loses its own.
func TestTwoReadersMergeStars(t *testing.T) {
	dir := t.TempDir()
	a, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	b, _ := newReadingHarness(t, newFake(testArticles()...), dir, 100, 30)
	a.key("*")
	b.key("j", "*")
	// The pause before a save is a timer the harness drops: save now, as
	// the timer would.
	a.send(saveDueMsg{seq: a.m.saveSeq})
	b.send(saveDueMsg{seq: b.m.saveSeq})
	if n := starredRows(b); n != 2 {
		t.Errorf("the second to save shows %d stars, want both:\n%s", n, b.screen())
	}
	if n := starredRows(a); n != 1 {
		t.Fatalf("the first to save shows %d stars before a refresh, want its own", n)
	}
	a.key("R")
	if n := starredRows(a); n != 2 {
		t.Errorf("after R the first shows %d stars, want both:\n%s", n, a.screen())
	}
	a.requireMatch(`Starred\s+2`)
}
