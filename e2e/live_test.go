package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
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
	s.follow(name)
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
	var screen string
	if p.s.eventually(func() bool { screen = p.screen(); return re.MatchString(screen) }) {
		return screen
	}
	p.s.t.Fatalf("waiting in %s for %s (%s): the screen is\n%s", p.target, what, re, screen)
	return ""
}

// startFolio starts folio in the pane as session.startFolio does.
func (p *pane) startFolio(extraEnv string) {
	p.s.t.Helper()
	p.s.run("send-keys", "-t", p.target, "-l", fmt.Sprintf("%s %s '%s' --index-dir '%s'; echo folio-exited-$?", p.s.env, extraEnv, p.s.bin, p.s.indexDir))
	p.keys("Enter")
	p.waitFor("the list", listShown) // not the progress: see session.startFolio
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
// stars are saved, and each reader shows both, at once (each watches the
// state file) and after a refresh (R).
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
	if !s.eventually(func() bool {
		m := selected.FindStringSubmatch(other.screen())
		return m != nil && m[1] != first[1]
	}) {
		t.Fatalf("the cursor did not move:\n%s", other.screen())
	}

	// Both stars in one tmux command: the two keys arrive together.
	s.run("send-keys", "-t", "e2e", "*", ";", "send-keys", "-t", "second", "*")
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.waitFor("its own star", regexp.MustCompile(`Starred\s+[12] │`))
	}

	// Both saves land in the file (each a pause after its star).
	path := filepath.Join(s.dir, "state", "folio", "bundled.json")
	s.watchDir(filepath.Dir(path))
	s.eventually(func() bool { return len(savedStars(t, path)) >= 2 })
	if got := savedStars(t, path); len(got) != 2 {
		t.Fatalf("the state file has stars %v, want both readers'", got)
	}

	// Each reader watches the state file: the other's save shows without
	// a key.
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.waitFor("both stars without a key", regexp.MustCompile(`Starred\s+2 │`))
	}
	// And R, the refresh, keeps them.
	for _, p := range []*pane{{s, "e2e"}, other} {
		p.keys("R")
		p.waitFor("the refresh", regexp.MustCompile(`Reading state reloaded`))
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

// TestLiveArchive is issue 14's live archive in a terminal: a piece's
// title edited from outside while two readers show it appears in both
// lists without a key; e opens the piece in $EDITOR (a script here, which checks
// it has the terminal) and the change shows on return.
func TestLiveArchive(t *testing.T) {
	s := newSession(t)
	arch := filepath.Join(s.dir, "archive")
	if err := os.MkdirAll(filepath.Join(arch, "2017"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, title, body string) {
		t.Helper()
		text := "---\ntitle: " + title + "\ndate: 2017-03-04\noutlet: RUSI\n---\n" + body + "\n"
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("2017/one.md", "First piece", "About prisons.")
	write("two.md", "Second piece", "About borders.")

	// The editor: says whether it had the terminal, then rewrites the file.
	editor := filepath.Join(s.dir, "editor.sh")
	script := "#!/bin/sh\nif [ -t 0 ] && [ -t 1 ]; then echo tty > '" + s.dir + "/editor-had'; fi\n" +
		"printf -- '---\\ntitle: First piece\\ndate: 2017-03-04\\noutlet: RUSI\\n---\\nRewritten in the editor: quokkas.\\n' > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := fmt.Sprintf("FOLIO_ARCHIVE='%s' VISUAL= EDITOR='%s'", arch, editor)
	s.startFolio(env)
	s.waitFor("two pieces", countRe(2, 2))
	// A second reader on the same archive: the two refresh at once, one
	// of them changes the index and the other takes the change after it.
	other := s.newPane("second")
	other.startFolio(env)
	other.waitFor("two pieces", countRe(2, 2))

	// Edited from outside: the lists follow by themselves.
	write("two.md", "Second piece, retitled outside", "About borders.")
	s.waitFor("the new title", regexp.MustCompile(`Second piece, retitled outside`))
	other.waitFor("the new title in the second reader", regexp.MustCompile(`Second piece, retitled outside`))
	other.keys("q")
	other.waitFor("the second reader's exit", regexp.MustCompile(`folio-exited-0\s+`+promptRe))
	// Added and removed from outside.
	write("2017/three.md", "Third piece", "About ports.")
	s.waitFor("the added piece", regexp.MustCompile(`(?s)3 of 3.*Third piece`))
	if err := os.Remove(filepath.Join(arch, "2017", "three.md")); err != nil {
		t.Fatal(err)
	}
	screen := s.waitFor("the piece removed", countRe(2, 2))
	if strings.Contains(screen, "Third piece") {
		t.Errorf("the removed piece is listed:\n%s", screen)
	}

	// e in the reader: the editor gets the terminal, the reader shows the
	// file as it left it.
	s.keys("/")
	s.typeText("prisons")
	s.waitFor("the search", countRe(1, 2))
	s.keys("Enter", "Enter")
	s.waitFor("the piece", regexp.MustCompile(`About prisons`))
	s.keys("e")
	s.waitFor("the rewritten piece", regexp.MustCompile(`Rewritten in the editor: quokkas`))
	if had, _ := os.ReadFile(filepath.Join(s.dir, "editor-had")); strings.TrimSpace(string(had)) != "tty" {
		t.Error("the editor did not have the terminal")
	}
	// back in the list before q: under load the screen changed after
	// Escape by the refresh the edit began (its status in the footer's
	// place), q went with Escape as alt+q, and folio stayed (CI run 101)
	s.keys("Escape")
	s.waitFor("the list again", listShown)
	s.keys("q")
	s.waitExited()
	s.requireTerminalRestored("the editor and q")
}
