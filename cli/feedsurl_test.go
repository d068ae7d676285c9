package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedsKeepEveryQueryPair: feeds whose URLs differ in a query pair
// url.URL.Query could not read (a ";", a bad "%" escape) are subscriptions
// of their own, and feeds rm of the URL without the query removes none of
// them (feeds add of "feed.php?cat=2;lang=fr" beside "…?cat=1;lang=en" said
// "already subscribed to …cat=1;lang=en", so did "feed.php", and feeds rm
// feed.php removed the cat=1 subscription); folio dups takes no two pieces
// at such URLs for copies (it grouped them, "same URL", and
// --collapse-copies hid one).
func TestFeedsKeepEveryQueryPair(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, u := range []string{
		"https://e.com/feed.php?cat=1;lang=en",
		"https://e.com/feed.php?cat=2;lang=fr",
		"https://e.com/feed.php",
		"https://e.com/p.php?q=a%zz",
		"https://e.com/p.php?q=b%zz",
	} {
		if out, errs, code := run(t, "feeds", "add", u); code != 0 || out != "subscribed to "+u+"\n" {
			t.Errorf("feeds add %s: exit %d\n%s%s", u, code, out, errs)
		}
	}
	if out, errs, code := run(t, "feeds", "add", "https://e.com/feed.php?utm_source=x&cat=1;lang=en"); code != 0 || out != "already subscribed to https://e.com/feed.php?cat=1;lang=en (full text: false)\n" {
		t.Errorf("feeds add with a tracking parameter: exit %d\n%s%s", code, out, errs)
	}
	if out, errs, code := run(t, "feeds", "rm", "https://e.com/feed.php"); code != 0 || out != "unsubscribed from https://e.com/feed.php\n" {
		t.Errorf("feeds rm feed.php: exit %d\n%s%s", code, out, errs)
	}
	var left []string
	for _, f := range subscriptions(t) {
		left = append(left, f.URL)
	}
	if want := "https://e.com/feed.php?cat=1;lang=en https://e.com/feed.php?cat=2;lang=fr https://e.com/p.php?q=a%zz https://e.com/p.php?q=b%zz"; strings.Join(left, " ") != want {
		t.Errorf("left %q, want %s", left, want)
	}

	dir := t.TempDir()
	for name, front := range map[string]string{
		"a.md": "title: Cats in spring\ndate: 2020-01-01\nurl: \"https://e.com/page.php?id=1;lang=en\"\n---\nThe cats came out in spring and sat on the walls.\n",
		"b.md": "title: Budget vote\ndate: 2020-02-01\nurl: \"https://e.com/page.php?id=2;lang=fr\"\n---\nParliament voted on the budget late at night.\n",
		"c.md": "title: Rain\ndate: 2020-03-01\nurl: \"https://e.com/p.php?q=a%zz\"\n---\nRain all week, and the river rose.\n",
		"d.md": "title: Snow\ndate: 2020-04-01\nurl: \"https://e.com/p.php?q=b%zz\"\n---\nSnow all week, and the schools shut.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("---\n"+front), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, errs, code := run(t, "--archive", dir, "dups"); code != 0 || out != "0 group(s) of republished copies: 0 of the archive's 4 pieces; collapsed, 4 pieces (0 hidden)\n" {
		t.Errorf("dups: exit %d\n%s%s", code, out, errs)
	}
	if out, errs, code := run(t, "--archive", dir, "stats", "--collapse-copies"); code != 0 || !strings.Contains(out, ": 4 pieces") {
		t.Errorf("stats --collapse-copies: exit %d\n%s%s", code, out, errs)
	}
}

// TestFeedsOneFeedWrittenOtherwise: a feed's URL with the scheme's
// default port, its host in punycode or with a trailing dot, a letter of
// its path escaped, a dot segment, is the subscription already made (each
// was a second subscription of the feed, fetched at every sync), and
// feeds rm of it removes that one, named as written.
func TestFeedsOneFeedWrittenOtherwise(t *testing.T) {
	for _, c := range [][2]string{
		{"https://example.com/a.xml", "https://example.com:443/a.xml"},
		{"http://example.com/a.xml", "http://example.com:80/a.xml"},
		{"https://Bücher.example/f.xml", "https://xn--bcher-kva.example/f.xml"},
		{"https://h.example/f.xml", "https://h.example/%66.xml"},
		{"https://h.example/f.xml", "https://h.example/f%2Exml"},
		{"https://h.example/f.xml", "https://h.example/x/../f.xml"},
		{"https://example.com/a.xml", "https://example.com./a.xml"},
	} {
		t.Run(c[1], func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			run(t, "feeds", "add", c[0])
			if out, errs, code := run(t, "feeds", "add", c[1]); code != 0 || out != "already subscribed to "+c[0]+" (full text: false)\n" || len(subscriptions(t)) != 1 {
				t.Errorf("feeds add %s beside %s: exit %d, %d subscriptions\n%s%s", c[1], c[0], code, len(subscriptions(t)), out, errs)
			}
			if out, errs, code := run(t, "feeds", "rm", c[1]); code != 0 || out != "unsubscribed from "+c[0]+" (the feed of "+c[1]+")\n" || len(subscriptions(t)) != 0 {
				t.Errorf("feeds rm %s: exit %d, %d subscriptions left\n%s%s", c[1], code, len(subscriptions(t)), out, errs)
			}
		})
	}
}
