package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dates outside the years the index can count (its nanoseconds from 1970
// in 64 bits) are refused where they are read, naming the line, not
// loaded to be left out of filters and year counts and sorted among the
// undated (a helper's report: 0001-01-01, 9999-12-31); the years at the
// edges are taken.
func TestDatesOutsideTheIndexsYears(t *testing.T) {
	for _, date := range []string{"0000-01-01", "0001-01-01", "1677-06-01", "9999-12-31", "\"9999\"", "2262-01-01T10:00:00Z"} {
		_, probs := Parse("x.md", []byte("---\ntitle: T\ndate: "+date+"\n---\n\nText.\n"))
		if !IsFatal(probs) || probs[0].Line != 3 || !strings.Contains(probs[0].Msg, "1678–2261") && !strings.Contains(probs[0].Msg, "unparseable") {
			t.Errorf("date %s: problems %v; want it refused at line 3", date, probs)
		}
	}
	for _, date := range []string{"1678-01-01", "2261-12-31", "1790"} {
		if a, probs := Parse("x.md", []byte("---\ntitle: T\ndate: "+date+"\n---\n\nText.\n")); len(probs) > 0 || a.Date.Time.IsZero() {
			t.Errorf("date %s: problems %v", date, probs)
		}
	}
	if _, err := ParseDate("9999"); err == nil || !strings.Contains(err.Error(), "outside the years") {
		t.Errorf("ParseDate(9999): %v", err)
	}
	if _, probs := Parse("_posts/9999-01-01-far.md", []byte("---\ntitle: T\n---\n\nText.\n")); !IsFatal(probs) {
		t.Errorf("a Jekyll post named 9999-01-01: %v", probs)
	}
}

// A control character YAML refuses in front matter is said with its line
// (yaml.v3 gives none; a helper's report), as TOML's is.
func TestYAMLControlCharacterHasItsLine(t *testing.T) {
	for _, c := range []string{"\x07", "\u0086", "\uffff"} {
		_, probs := Parse("x.md", []byte("---\ntitle: T\nnote: a \u0085 next line\ndate: 2020-01-01\nsummary: a "+c+" bell\n---\n\nText.\n"))
		if !IsFatal(probs) || probs[0].Line != 5 || !strings.Contains(probs[0].Msg, "control characters") {
			t.Errorf("%q: problems %v: want line 5", c, probs)
		}
	}
}

// RFC 822 dates as feeds write them keep their own calendar day: a
// one-digit day, a two-digit year, no weekday, no seconds (a helper's
// report: they fell back to gofeed's UTC time, a day early).
func TestRFC822DatesKeepTheirDay(t *testing.T) {
	for _, s := range []string{"Wed, 6 Nov 2019 01:00:00 +0200", "Wed, 06 Nov 19 01:00:00 +0200", "Wed, 6 Nov 19 01:00:00 GMT",
		"6 Nov 2019 01:00:00 +0200", "Wed, 6 Nov 2019 01:00 +0200", "Wed, 06 Nov 2019 01:00:00 +0200",
		"6 Nov 19 01:00:00 +0200", "6 Nov 2019 01:00 +0200", "Wed, 6 Nov 19 01:00 +0200", "6 Nov 19 01:00 GMT"} {
		if d, err := ParseDate(s); err != nil || d.String() != "2019-11-06" {
			t.Errorf("ParseDate(%q) = %v, %v; want 2019-11-06", s, d, err)
		}
	}
}

// An archive that is no folder is named as given, and where a link led (a
// helper's report: only the link's target was named, /dev/zero for x.md).
func TestArchiveNotAFolderIsNamedAsGiven(t *testing.T) {
	dir := t.TempDir()
	file, link := filepath.Join(dir, "file.md"), filepath.Join(dir, "x.md")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(file, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, _, err := Source(link); err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "leads to "+file) {
		t.Errorf("through a link: %v", err)
	}
	if _, _, err := Source(file); err == nil || !strings.Contains(err.Error(), "archive "+file+" is not a folder") {
		t.Errorf("a file: %v", err)
	}
}
