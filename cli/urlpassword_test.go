package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestURLsRefusedAreSaidWithoutTheirPassword: a URL folio does not fetch
// (another scheme, one url.Parse refuses, one with no host) is named in
// the error without its user name and password, by folio feeds add, add
// and import alike (a helper's report: folio feeds add
// 'ftp://ann:s3cret@h.example/f.xml' said "not an http or https URL:
// "ftp://ann:s3cret@h.example/f.xml""; import of it said "open
// ftp://ann:s3cret@…: no such file or directory").
func TestURLsRefusedAreSaidWithoutTheirPassword(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	into := t.TempDir()
	for _, c := range []struct{ url, said string }{
		{"ftp://ann:s3cret@h.example/f.xml", `not an http or https URL: "ftp://h.example/f.xml"`},
		{"http://ann:s3cret@h.example/%zz", `not a URL: "http://h.example/%zz"`},
		{"http://ann:s3cret@/f.xml", `no host in "http:///f.xml"`},
	} {
		for _, args := range [][]string{{"feeds", "add", c.url}, {"add", c.url, "--into", into}, {"import", c.url, "--into", into}} {
			out, errs, code := run(t, args...)
			if code == 0 || strings.Contains(out+errs, "s3cret") || strings.Contains(out+errs, "ann:") || !strings.Contains(errs, c.said) {
				t.Errorf("%s: exit %d, want %q, no password\n%s%s", strings.Join(args, " "), code, c.said, out, errs)
			}
		}
	}
	if files, _ := filepath.Glob(filepath.Join(into, "*")); len(files) != 0 {
		t.Errorf("written: %v", files)
	}
}
