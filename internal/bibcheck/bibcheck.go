// Package bibcheck reads the biblatex that folio writes the way BibTeX and
// btparse (biber's parser) read it, for tests: a field's value runs from its
// opening brace to the brace that balances it, and every brace counts,
// \{ and \} included (a backslash escapes nothing for the parser). A value
// whose braces do not balance runs on into the next field or entry; Parse
// reports it where BibTeX would report a runaway string.
//
// Perl runs the real parser, Text::BibTeX (Debian's libtext-bibtex-perl),
// when the machine has it; PerlNames splits a name list (an author field)
// into the people BibTeX reads, with it.
package bibcheck

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Entry is one entry: its type, key and fields in order.
type Entry struct {
	Type, Key string
	Fields    []Field
}

// Field is one field with its value as written, without the outer braces.
type Field struct{ Name, Value string }

// Get is the value of the first field named name.
func (e Entry) Get(name string) (string, bool) {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

var (
	entryHead = regexp.MustCompile(`^@([a-zA-Z]+)\{([^,\s{}]+),\n`)
	fieldHead = regexp.MustCompile(`^  ([a-z]+) *= \{`)
)

// Parse reads entries as folio writes them: "@type{key,", then one field a
// line, "  name = {value},", then "}", entries separated by blank lines. Any
// other shape is an error, and so is a value whose braces do not balance
// before its line's ",\n" (BibTeX's rule: it would run on).
func Parse(bib string) ([]Entry, error) {
	var out []Entry
	rest := bib
	for rest != "" {
		if len(out) > 0 {
			if !strings.HasPrefix(rest, "\n") {
				return out, fmt.Errorf("entry %d is not followed by a blank line: %.80q", len(out), rest)
			}
			rest = rest[1:]
		}
		m := entryHead.FindStringSubmatch(rest)
		if m == nil {
			return out, fmt.Errorf("not an entry: %.80q", rest)
		}
		e := Entry{Type: m[1], Key: m[2]}
		rest = rest[len(m[0]):]
		for {
			fm := fieldHead.FindStringSubmatch(rest)
			if fm == nil {
				break
			}
			rest = rest[len(fm[0]):]
			depth, i := 1, 0
			for ; i < len(rest) && depth > 0; i++ {
				switch rest[i] {
				case '{':
					depth++
				case '}':
					depth--
				}
			}
			if depth != 0 {
				return out, fmt.Errorf("%s: field %s runs on to the end (unbalanced braces)", e.Key, fm[1])
			}
			value := rest[:i-1]
			rest = rest[i:]
			if !strings.HasPrefix(rest, ",\n") {
				return out, fmt.Errorf("%s: field %s does not end where its braces balance: %.80q", e.Key, fm[1], rest)
			}
			rest = rest[2:]
			e.Fields = append(e.Fields, Field{fm[1], value})
		}
		if !strings.HasPrefix(rest, "}\n") {
			return out, fmt.Errorf("%s: the entry does not end after its fields: %.80q", e.Key, rest)
		}
		rest = rest[2:]
		out = append(out, e)
	}
	return out, nil
}

// Balanced says whether s's braces balance as BibTeX counts them: every {
// and }, escaped or not, and never below zero.
func Balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// perlScript prints, for each entry Text::BibTeX parses, its key and each
// field on a line of its own, its value's newlines as \n; and "ERROR" for one
// it cannot parse.
const perlScript = `use strict; use Text::BibTeX;
my $bib = Text::BibTeX::File->new(shift) or die "open: $!";
while (my $e = Text::BibTeX::Entry->new($bib)) {
  if (!$e->parse_ok) { print "ERROR\n"; next }
  print "ENTRY ", $e->type, " ", ($e->key // ""), "\n";
  for my $f ($e->fieldlist) { my $v = $e->get($f); $v =~ s/\n/\\n/g; print "FIELD $f $v\n" }
}
`

// Perl parses bib with Text::BibTeX and returns its entries (keys and field
// values as it reads them, values with newlines as \n) and the text of its
// warnings. It skips t when perl or Text::BibTeX is missing.
func Perl(t testing.TB, bib string) (entries []Entry, warnings string) {
	t.Helper()
	if _, err := exec.LookPath("perl"); err != nil {
		t.Skip("no perl")
	}
	if err := exec.Command("perl", "-MText::BibTeX", "-e", "1").Run(); err != nil {
		t.Skip("no Text::BibTeX (Debian: libtext-bibtex-perl)")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "x.bib")
	if err := os.WriteFile(file, []byte(bib), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("perl", "-e", perlScript, file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("perl: %v\n%s", err, stderr.String())
	}
	for _, line := range strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n") {
		switch {
		case line == "ERROR":
			entries = append(entries, Entry{Type: "ERROR"})
		case strings.HasPrefix(line, "ENTRY "):
			typ, key, _ := strings.Cut(strings.TrimPrefix(line, "ENTRY "), " ")
			entries = append(entries, Entry{Type: typ, Key: key})
		case strings.HasPrefix(line, "FIELD ") && len(entries) > 0:
			name, value, _ := strings.Cut(strings.TrimPrefix(line, "FIELD "), " ")
			e := &entries[len(entries)-1]
			e.Fields = append(e.Fields, Field{name, value})
		}
	}
	return entries, stderr.String()
}

// Name is one name of a list as BibTeX splits it (Text::BibTeX::Name,
// btparse's splitting, which is BibTeX's): its First, von, Last and Jr
// parts, each part's words joined by a space.
type Name struct{ First, Von, Last, Jr string }

// namesScript splits each line of its input, a name list such as an author
// field's value, as BibTeX does: at "and" outside braces, then each name
// into its parts; it prints one line per list, its names separated by tabs,
// their parts by \x1f.
const namesScript = `use strict; use Text::BibTeX; use Text::BibTeX::Name;
while (my $list = <STDIN>) {
  chomp $list;
  my @names = Text::BibTeX::split_list($list, 'and');
  print join("\t", map { my $n = Text::BibTeX::Name->new($_); join("\x1f", map { join(" ", $n->part($_)) } qw(first von last jr)) } @names), "\n";
}
`

// PerlNames splits each of lists (name lists as an author field holds
// them, without the field's outer braces) into the names BibTeX reads,
// with Text::BibTeX. It skips t when perl or Text::BibTeX is missing.
func PerlNames(t testing.TB, lists ...string) [][]Name {
	t.Helper()
	if _, err := exec.LookPath("perl"); err != nil {
		t.Skip("no perl")
	}
	if err := exec.Command("perl", "-MText::BibTeX", "-e", "1").Run(); err != nil {
		t.Skip("no Text::BibTeX (Debian: libtext-bibtex-perl)")
	}
	for _, l := range lists {
		if strings.ContainsAny(l, "\n\t\x1f") {
			t.Fatalf("PerlNames: a list with a newline, tab or \\x1f: %q", l)
		}
	}
	cmd := exec.Command("perl", "-e", namesScript)
	cmd.Stdin = strings.NewReader(strings.Join(lists, "\n") + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("perl: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if len(lines) != len(lists) {
		t.Fatalf("perl split %d lists into %d lines:\n%s%s", len(lists), len(lines), stdout.String(), stderr.String())
	}
	out := make([][]Name, len(lines))
	for i, line := range lines {
		if line == "" {
			continue
		}
		for _, n := range strings.Split(line, "\t") {
			p := strings.Split(n, "\x1f")
			if len(p) != 4 {
				t.Fatalf("perl: a name of %d parts: %q", len(p), n)
			}
			out[i] = append(out[i], Name{p[0], p[1], p[2], p[3]})
		}
	}
	return out
}
