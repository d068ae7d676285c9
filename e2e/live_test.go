package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"
)

// pane is a second tmux session of a test's server, for a second folio.
type pane struct {
	s      *session
	target string
}

// newPane starts a shell in another session of s's tmux server.
func (s *session) newPane(name string) *pane {
	s.t.Helper()
	s.run("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "env", "PS1="+prompt, "sh")
	p := &pane{s: s, target: name}
	p.waitFor("the shell", regexp.MustCompile(promptRe))
	s.t.Cleanup(func() {
		if s.t.Failed() {
			s.t.Logf("last screen of %s:\n%s", name, p.screen())
		}
	})
	return p
}

func (p *pane) keys(keys ...string) {
	p.s.t.Helper()
	p.s.run(append([]string{"send-keys", "-t", p.target}, keys...)...)
}

func (p *pane) screen() string {
	p.s.t.Helper()
	return p.s.run("capture-pane", "-p", "-t", p.target)
}

func (p *pane) waitFor(what string, re *regexp.Regexp) string {
	p.s.t.Helper()
	deadline := time.Now().Add(screenTimeout)
	var screen string
	for time.Now().Before(deadline) {
		screen = p.screen()
		if re.MatchString(screen) {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.s.t.Fatalf("waiting in %s for %s (%s): the screen is\n%s", p.target, what, re, screen)
	return ""
}

// startFolio starts folio in the pane as session.startFolio does.
func (p *pane) startFolio(extraEnv string) {
	p.s.t.Helper()
	p.s.run("send-keys", "-t", p.target, "-l", fmt.Sprintf("%s %s '%s' --index-dir '%s'; echo folio-exited-$?", p.s.env, extraEnv, p.s.bin, p.s.indexDir))
	p.keys("Enter")
	p.waitFor("the result count", regexp.MustCompile(`\d+ of \d+`))
}

// savedStars reads the starred pieces from a state file.
func savedStars(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var f struct {
		Pieces map[string]struct {
			Starred bool `json:"starred"`
		} `json:"pieces"`
	}
	if json.Unmarshal(data, &f) != nil {
		return nil
	}
	var out []string
	for id, p := range f.Pieces {
		if p.Starred {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// TestTwoReadersStarAtOnce is issue 14's acceptance in a terminal: two
// readers on one archive star different pieces at the same moment; both
// stars are saved, and each reader shows both after a refresh (R).
func TestTwoReadersStarAtOnce(t *testing.T) {
	s := newSession(t)
	s.startFolio("")
	other := s.newPane("second")
	other.startFolio("")
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.waitFor("the Reading counts", regexp.MustCompile(`Starred\s+0 │`))
	}
	// The second reader moves to the second piece.
	selected := regexp.MustCompile(`▌ [• ][★ ] (.+)`)
	first := selected.FindStringSubmatch(other.screen())
	if first == nil {
		t.Fatalf("no selected row:\n%s", other.screen())
	}
	other.keys("j")
	deadline := time.Now().Add(screenTimeout)
	for {
		if m := selected.FindStringSubmatch(other.screen()); m != nil && m[1] != first[1] {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the cursor did not move:\n%s", other.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Both stars in one tmux command: the two keys arrive together.
	s.run("send-keys", "-t", "e2e", "*", ";", "send-keys", "-t", "second", "*")
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.waitFor("its own star", regexp.MustCompile(`Starred\s+[12] │`))
	}

	// Both saves land in the file (each a pause after its star).
	path := filepath.Join(s.dir, "state", "folio", "bundled.json")
	deadline = time.Now().Add(screenTimeout)
	for len(savedStars(t, path)) < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if got := savedStars(t, path); len(got) != 2 {
		t.Fatalf("the state file has stars %v, want both readers'", got)
	}

	for _, p := range []*pane{{s, "e2e"}, other} {
		p.keys("R")
		screen := p.waitFor("both stars", regexp.MustCompile(`Starred\s+2 │`))
		if n := len(regexp.MustCompile(`[▌ ] [• ]★ \S`).FindAllString(screen, -1)); n != 2 {
			t.Errorf("%s shows %d starred rows, want 2:\n%s", p.target, n, screen)
		}
	}
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.keys("q")
		p.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
	}
	if got := savedStars(t, path); len(got) != 2 {
		t.Errorf("after quitting the state file has stars %v", got)
	}
}
