package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/folio-tui/folio/internal/hostile"
	"github.com/folio-tui/folio/internal/termsafe"
	"github.com/folio-tui/folio/state"
)

// TestHostileNamesPrintSafely runs every command over the archive of
// hostile.WriteTerminal: a folder and files whose names hold ESC, BEL, a
// newline, invalid UTF-8, C1 and bidi characters, a front-matter key with an
// escape, pieces whose character references decode to every control. What
// each command prints (stdout, stderr, its error) holds no control
// character but the newline, and each odd name is quoted.
func TestHostileNamesPrintSafely(t *testing.T) {
	tm, err := hostile.WriteTerminal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	st, warn := state.Open(tm.Dir, filepath.Join(home, "folio"))
	if warn != nil {
		t.Fatal(warn)
	}
	at := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	st.RecordOpen("name-2-pwned-file", at)
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	quotedDir := termsafe.Quote(tm.Dir)
	if !strings.HasPrefix(quotedDir, `"`) {
		t.Fatalf("the archive's name %q is not quoted", tm.Dir)
	}
	into := filepath.Join(t.TempDir(), "imported")
	for _, c := range []struct {
		args []string
		want []string // in stdout and stderr
	}{
		{[]string{"check"}, tm.Problems},
		{[]string{"check", tm.Dir}, append([]string{quotedDir[:len(quotedDir)-1] + `/toml.md":5:`}, tm.Problems...)},
		{[]string{"list"}, []string{"Hostile entities"}},
		{[]string{"list", "--json"}, []string{"Hostile entities"}},
		{[]string{"search", "hostile", "--json"}, []string{"Hostile links"}},
		{[]string{"stats", "--json"}, []string{`PWNED-DIR\u0007\u202e"`}}, // the same JSON value
		{[]string{"show", "--json", tm.Entities}, []string{"Hello"}},
		{[]string{"stats"}, []string{quotedDir + ": 4 pieces"}},
		{[]string{"history"}, []string{"Hostile name"}},
		{[]string{"index"}, []string{quotedDir + ": built: 4 pieces"}},
		{[]string{"search", "hostile"}, []string{"Hostile links"}},
		{[]string{"show", tm.Entities}, []string{"Hello", "Note", "Every control"}},
		{[]string{"show", "--raw", tm.Entities}, []string{"Hello"}},
		{[]string{"show", tm.Links}, []string{"html link"}},
		{[]string{"show", "no-such-piece"}, []string{"no piece with id", quotedDir}},
		{[]string{"cite", "no-such-piece"}, []string{"no piece with id", quotedDir}},
		{[]string{"cite", "--all"}, []string{"Hostile entities"}},
		{[]string{"import", tm.RSS, "--into", into}, []string{"2 added"}},
		{[]string{"import", tm.WXR, "--into", into}, []string{
			`Odd type (WordPress page\u0085\u009b2J\u202e, not a post)`,
			`Odd status (WordPress draft\u009d0;PWNED-WXR\u009c\u2066 post, not published)`,
		}},
		{[]string{"--archive", into, "show", "2017-01-02-rss-entities"}, []string{"Double"}},
		{[]string{"--archive", into, "show", "2017-01-03-rss-cdata"}, []string{"Double"}},
		{[]string{"--archive", into, "show", "2017-01-02-published"}, []string{"Hello"}},
	} {
		out, errOut, err := folio(t, home, append([]string{"--archive", tm.Dir}, c.args...)...)
		if _, ok := err.(exitCode); err != nil && !ok {
			var b bytes.Buffer
			reportError(&b, err)
			errOut += b.String()
		}
		for what, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if v := termsafe.Violation(s, false); v != "" {
				t.Errorf("folio %q: %s has %s:\n%q", c.args, what, v, s)
			}
		}
		for _, want := range c.want {
			if !strings.Contains(out+errOut, want) {
				t.Errorf("folio %q does not print %s:\n%s%s", c.args, want, out, errOut)
			}
		}
		if c.args[0] == "check" {
			// One line per problem: the newline in a name did not split one.
			if n := strings.Count(out, "\n"); n != len(tm.Problems) {
				t.Errorf("folio check printed %d lines for %d problems:\n%s", n, len(tm.Problems), out)
			}
		}
	}
}

// TestShowPipedIsPlainForHostilePieces: show to a pipe has no escape
// sequence at all, hostile pieces included, and no link of another scheme.
func TestShowPipedIsPlainForHostilePieces(t *testing.T) {
	tm, err := hostile.WriteTerminal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{tm.Entities, tm.Links} {
		out, _, err := folio(t, t.TempDir(), "--archive", tm.Dir, "show", id)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(out, 0x1b) || termsafe.Violation(out, false) != "" {
			t.Errorf("show %s to a pipe: %s\n%q", id, termsafe.Violation(out, false), out)
		}
	}
	if _, err := os.Stat(tm.Dir); err != nil {
		t.Fatal(err)
	}
}

// File names with 100 stacked accents are printed with at most
// termsafe.MaxMarks on a letter, the rest written \u0301, by every command
// that names a file (an attack's report: check printed all 100 through
// termsafe.Quote, which capped none, where the reader's ! and list showed
// 8); --json keeps the name's value.
func TestNamesWithStackedMarksPrintCapped(t *testing.T) {
	dir := t.TempDir()
	marks := strings.Repeat("\u0301", 100)
	bad, good := "bad"+marks+".md", "x"+marks+".md"
	if err := os.WriteFile(filepath.Join(dir, bad), []byte("---\ntitle: [x\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, good), []byte("---\ntitle: T\ndate: 2020-01-01\ntags: [\"t"+marks+"\"]\n---\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stacked := func(s string) int {
		most, run := 0, 0
		for _, r := range s {
			if unicode.In(r, unicode.Mn, unicode.Me) {
				run++
				most = max(most, run)
			} else {
				run = 0
			}
		}
		return most
	}
	home := t.TempDir()
	for _, args := range [][]string{{"check"}, {"check", dir}, {"list"}, {"list", "--json"}, {"stats"}, {"index"}, {"show", "no-such-piece"}} {
		out, errOut, err := folio(t, home, append([]string{"--archive", dir}, args...)...)
		if _, ok := err.(exitCode); err != nil && !ok {
			var b bytes.Buffer
			reportError(&b, err)
			errOut += b.String()
		}
		if n := stacked(out + errOut); n > termsafe.MaxMarks {
			t.Errorf("folio %q stacks %d marks on a letter:\n%s%s", args, n, out, errOut)
		}
		if args[0] == "check" && !strings.Contains(out, `bad`+marks[:8*2]+strings.Repeat(`\u0301`, 92)+`.md":2:`) {
			t.Errorf("folio %q: the name is not whole:\n%s", args, out)
		}
		if len(args) > 1 && args[1] == "--json" && !strings.Contains(out, `"x`+marks[:8*2]+strings.Repeat(`\u0301`, 92)+`.md"`) {
			t.Errorf("folio list --json: the path is not whole:\n%s", out)
		}
	}
}
