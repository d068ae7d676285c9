// Package hostile writes an archive of hostile files for tests: everything a
// folder scraped or exported by someone else can throw at folio. Big files are
// generated here rather than committed.
package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Case is one hostile file and the problem folio must report for it. Msg is a
// substring of the expected "path:line: message"; an empty Msg means the file
// must load (hostile but legal).
type Case struct {
	Path string // relative to the archive folder
	Msg  string
}

// Good is the ID of the well-formed piece among the hostile ones: it must
// always load.
const Good = "good"

// Write creates the hostile archive in dir and returns its cases. Cases that
// the machine cannot produce (an unreadable file when running as root) are
// left out.
func Write(dir string) ([]Case, error) {
	var cases []Case
	add := func(rel string, data []byte, msg string) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		cases = append(cases, Case{Path: rel, Msg: msg})
		return os.WriteFile(p, data, 0o644)
	}
	front := func(extra string) string {
		return "---\ntitle: Hostile\ndate: 2017-01-01\n" + extra + "---\n"
	}
	steps := []struct {
		rel, data, msg string
	}{
		{"good.md", front("outlet: Somewhere\n") + "A well-formed piece among hostile ones.\n", ""},
		{"invalid-yaml.md", "---\ntitle: [unclosed\ndate: 2017-01-01\n---\n", "invalid-yaml.md:2: invalid front matter"},
		{"invalid-toml.md", "+++\ntitle = \"T\"\ndate = = 2017\n+++\n", "invalid-toml.md:3: invalid front matter"},
		{"binary.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.md:3: not a text file"},
		{"latin1.md", front("") + "Caf\xe9\n", "latin1.md:5: invalid UTF-8"},
		{"empty.md", "", "empty.md: empty file"},
		{"whitespace.md", "\n \n\t\n", "whitespace.md: empty file"},
		{"no-date.md", "---\ntitle: T\n---\n", "no-date.md:1: missing date"},
		{"bad-date.md", "---\ntitle: T\ndate: 2017-02-30\n---\n", "bad-date.md:3: unparseable date"},
		{"evil-url.md", front("url: \"javascript:alert(document.cookie)\"\n"), "evil-url.md:4: url: not an http(s) URL"},
		{"option-url.md", front("url: \"-oProxyCommand=evil\"\n"), "option-url.md:4: url: URL starts with '-'"},
		{"yaml-bomb.md", "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: *g\ndate: 2017-01-01\n---\n", "yaml-bomb.md"},
		// the same slug as good.md: pieces of their own, good-<hash>
		{"good_.md", front("") + "Same slug as good.md.\n", ""},
		{"good__.markdown", front("") + "Same slug again, other extension.\n", ""},
	}
	for _, s := range steps {
		if err := add(s.rel, []byte(s.data), s.msg); err != nil {
			return nil, err
		}
	}

	// A 50 MB file: refused by size before it is read.
	big := bytes.Repeat([]byte("All work and no play makes Jack a dull boy.\n"), 50<<20/44)
	if err := add("huge.md", append([]byte(front("")), big...), "huge.md: file is"); err != nil {
		return nil, err
	}
	// 10,000 lines of front matter: legal, loads.
	var long strings.Builder
	long.WriteString("---\ntitle: Long front matter\ndate: 2017-01-01\n")
	for i := range 10000 {
		fmt.Fprintf(&long, "key%d: value %d\n", i, i)
	}
	long.WriteString("---\nBody.\n")
	if err := add("long-front-matter.md", []byte(long.String()), ""); err != nil {
		return nil, err
	}
	// A deep folder tree: loads.
	deep := filepath.Join(strings.Repeat("d/", 60), "deep.md")
	if err := add(deep, []byte(front("")+"Deep.\n"), ""); err != nil {
		return nil, err
	}
	// Symbolic link loops: a folder linking to its parent, and a link to itself.
	if err := os.MkdirAll(filepath.Join(dir, "loop"), 0o755); err != nil {
		return nil, err
	}
	if err := os.Symlink("..", filepath.Join(dir, "loop", "parent")); err != nil {
		return nil, err
	}
	if err := os.Symlink("self.md", filepath.Join(dir, "self.md")); err != nil {
		return nil, err
	}
	cases = append(cases, Case{Path: "self.md", Msg: "self.md: cannot read"})
	// An unreadable file, where permissions bind (not for root).
	p := filepath.Join(dir, "unreadable.md")
	if err := os.WriteFile(p, []byte(front("")), 0o000); err != nil {
		return nil, err
	}
	if f, err := os.Open(p); err == nil {
		f.Close()
		os.Remove(p) // root reads anything: the case cannot be made here
	} else {
		cases = append(cases, Case{Path: "unreadable.md", Msg: "unreadable.md: "})
	}
	// Terminal injection in every field: loads, sanitised.
	inj := "---\ntitle: \"Inject \\e]52;c;ZXZpbA==\\a\\e[2J\\e]0;pwned\\a\\u009b31m\\u202eevil\"\n" +
		"date: 2017-01-01\noutlet: \"Out\\e[31mlet\"\nauthors: [\"A\\bB\"]\ntags: [\"t\\e]8;;http://x\\e\\\\ag\"]\n" +
		"url: \"https://example.org/\\e[2J\"\nnote: \"\\e]52;c;bm90ZQ==\\a note\"\n---\n" +
		"Body \x1b]52;c;Ym9keQ==\x07 with \x1b[1mbold\x1b[0m, a bell\x07, \u202edisguised\u202c and a C1 \u009b2J.\n\tTabbed line kept.\n"
	if err := add("injection.md", []byte(inj), "injection.md:7: url: URL contains spaces, invisible or control characters"); err != nil {
		return nil, err
	}
	return cases, nil
}
