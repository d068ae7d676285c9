// Package e2e drives the real folio binary in a real terminal (tmux), the
// way fzf tests itself: a private tmux server, keys sent with send-keys, the
// screen read back with capture-pane and polled until a pattern appears.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// screenTimeout bounds every wait for the screen; generous because the first
// start builds the index.
const screenTimeout = 20 * time.Second

type tmux struct {
	t      *testing.T
	socket string
}

func (tm *tmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (Enter, Tab, Escape, Space) or single keys.
func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// typeText sends literal text.
func (tm *tmux) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "e2e", "-l", s)
}

func (tm *tmux) screen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until re matches, and fails with the screen.
func (tm *tmux) waitFor(what string, re *regexp.Regexp) string {
	tm.t.Helper()
	deadline := time.Now().Add(screenTimeout)
	var s string
	for time.Now().Before(deadline) {
		s = tm.screen()
		if re.MatchString(s) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("waiting for %s (%s): the screen is\n%s", what, re, s)
	return ""
}

func buildFolio(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "folio")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = ".." // the module root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestTUIInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	if testing.Short() {
		t.Skip("drives a real terminal; skipped with -short")
	}
	dir := t.TempDir()
	bin := buildFolio(t, dir)

	opened := filepath.Join(dir, "opened-url")
	browser := filepath.Join(dir, "browser.sh")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" > '" + opened + "'\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	tm := &tmux{t: t, socket: fmt.Sprintf("foliotest%d", os.Getpid())}
	tm.run("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "env", "PS1=e2e-prompt$ ", "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	defer func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", tm.screen())
		}
	}()
	tm.waitFor("the shell", regexp.MustCompile(`e2e-prompt\$`))

	// Start folio; the echo after it proves the shell got the terminal back.
	tm.typeText(fmt.Sprintf("BROWSER='%s' '%s' --index-dir '%s'; echo folio-exited-$?", browser, bin, filepath.Join(dir, "index")))
	tm.keys("Enter")
	tm.waitFor("the result count", regexp.MustCompile(`\d+ of \d+`))

	// Type a query and see the hit.
	tm.keys("/")
	tm.typeText("foreign fighters")
	tm.waitFor("the Raqqa piece", regexp.MustCompile(`Isil’s returning terrorists`))
	tm.keys("Enter")

	// Toggle the first outlet in the sidebar.
	tm.keys("Tab")
	tm.keys("Space")
	tm.waitFor("the outlet filter", regexp.MustCompile(`of \d+ · \w+ · outlet:`))
	tm.keys("Tab")

	// Open the first piece and see its rendered header.
	tm.keys("Enter")
	screen := tm.waitFor("the reader", regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}`))
	if !regexp.MustCompile(`\d+%`).MatchString(screen) {
		t.Errorf("the reader shows no scroll percentage:\n%s", screen)
	}

	// Open its URL: the BROWSER script writes it to a file.
	tm.keys("o")
	deadline := time.Now().Add(screenTimeout)
	var url []byte
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(opened); err == nil && len(b) > 0 {
			url = b
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.HasPrefix(string(url), "http") {
		t.Fatalf("the browser script got %q", url)
	}
	tm.waitFor("the status line", regexp.MustCompile(`Opened in browser`))

	// Back to the list, with the query kept.
	tm.keys("Escape")
	tm.waitFor("the list", regexp.MustCompile(`/ foreign fighters`))

	// Quit: the shell prompt is back.
	tm.keys("q")
	tm.waitFor("the shell prompt", regexp.MustCompile(`folio-exited-0\s+e2e-prompt\$`))
}
