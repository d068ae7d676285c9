package fetch

import (
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// TestOneRuleRedactsURLs: what folio writes of a URL (the importer's
// archive.WithoutUserinfo) and what fetch says of it (CheckURL's errors,
// Error's) leave out its user name and password by one rule, for any
// scheme and for a URL url.Parse refuses (before, archive kept an ftp://
// URL's password and one url.Parse refuses, fetch had its own Redact,
// and CheckURL echoed the URL whole).
func TestOneRuleRedactsURLs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://ann:s3cret@h.example/f.xml", "https://h.example/f.xml"},
		{"https://www.nytimes.com@evil.example.net/i.png", "https://evil.example.net/i.png"},
		{"ftp://ann:s3cret@h.example/f.xml", "ftp://h.example/f.xml"},
		{"http://ann:s3cret@h.example/%zz", "http://h.example/%zz"},
		{"ftp://ann:s3cret@h.example/%zz?a=b@c", "ftp://h.example/%zz?a=b@c"},
		{"http://ann:s3cret@/f.xml", "http:///f.xml"},
		{"https://h.example/a@b", "https://h.example/a@b"},
		{"mailto:ann@h.example", "mailto:ann@h.example"},
		{"feed.xml", "feed.xml"},
	} {
		if got := archive.WithoutUserinfo(c.in); got != c.want {
			t.Errorf("archive.WithoutUserinfo(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := (&Error{URL: c.in, Msg: "m"}).Error(); got != c.want+": m" {
			t.Errorf("Error of %q: %q, want %q", c.in, got, c.want+": m")
		}
		if err := CheckURL(c.in); err != nil && (strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckURL(%q): %v, want it named %q", c.in, err, c.want)
		}
	}
}
