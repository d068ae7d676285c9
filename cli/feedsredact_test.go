package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/fetch"
)

// TestFeedsMessagesHideThePassword: a subscription's user name and
// password, kept in feeds.toml for sync to send, are in no feeds message
// nor feeds list, as sync says none (feeds add of a feed subscribed to as
// https://ann:s3cret@h.example/f.xml said "already subscribed to
// https://ann:s3cret@h.example/f.xml", feeds list and rm printed it, and
// so did the notes on a feed subscribed twice and a sync refusing a feed
// that claims another's self link). feeds list says that they are not
// shown and where they are; feeds rm takes the URL as feeds list writes
// it.
func TestFeedsMessagesHideThePassword(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path, err := feedsPath()
	if err != nil {
		t.Fatal(err)
	}
	secret := func(t *testing.T, what, out, errs string) {
		t.Helper()
		if strings.Contains(out+errs, "s3cret") || strings.Contains(out+errs, "ann:") {
			t.Errorf("%s shows the user name or password:\n%s%s", what, out, errs)
		}
	}
	with, plain := "https://ann:s3cret@h.example/f.xml", "https://h.example/f.xml"
	out, errs, code := run(t, "feeds", "add", with)
	secret(t, "feeds add", out, errs)
	if code != 0 || out != "subscribed to "+plain+" (its user name and password kept in feeds.toml, not shown)\n" {
		t.Errorf("feeds add %s: exit %d\n%s%s", with, code, out, errs)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), with) {
		t.Errorf("feeds.toml does not keep %s (%v):\n%s", with, err, data)
	}
	out, errs, code = run(t, "feeds", "add", plain)
	secret(t, "feeds add again", out, errs)
	if code != 0 || out != "already subscribed to "+plain+" (full text: false)\n" {
		t.Errorf("feeds add %s: exit %d\n%s%s", plain, code, out, errs)
	}
	out, errs, code = run(t, "feeds", "add", "https://bo:0ther@h.example/f.xml")
	if code != 0 || out != "already subscribed to "+plain+" (full text: false); the user name and password given are not kept (folio feeds rm, then add, changes them)\n" || strings.Contains(out+errs, "0ther") {
		t.Errorf("feeds add with another password: exit %d\n%s%s", code, out, errs)
	}
	run(t, "feeds", "add", "https://other.example/g.xml")
	out, errs, code = run(t, "feeds", "list")
	secret(t, "feeds list", out, errs)
	if code != 0 || out != plain+" (user name and password not shown)\nhttps://other.example/g.xml\n" ||
		errs != "note: user names and passwords are not shown; "+path+" holds them\n" {
		t.Errorf("feeds list: exit %d\n%s%s", code, out, errs)
	}
	// rm as feeds list writes it
	out, errs, code = run(t, "feeds", "rm", plain)
	secret(t, "feeds rm", out, errs)
	if code != 0 || out != "unsubscribed from "+plain+"\n" || len(subscriptions(t)) != 1 {
		t.Errorf("feeds rm %s: exit %d, %d left\n%s%s", plain, code, len(subscriptions(t)), out, errs)
	}
	out, errs, code = run(t, "feeds", "rm", with)
	secret(t, "feeds rm of no subscription", out, errs)
	if code == 0 || !strings.Contains(errs, "not subscribed to "+plain) {
		t.Errorf("feeds rm %s again: exit %d\n%s%s", with, code, out, errs)
	}

	// written by hand, or by an older folio: the same feed twice, and
	// an entry url.Parse refuses
	data := "[[feed]]\n  url = \"" + with + "\"\n\n[[feed]]\n  url = \"http://h.example/f.xml\"\n\n[[feed]]\n  url = \"https://ann:s3cret@h.example/a%zz\"\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "feeds", "list")
	secret(t, "feeds list of a feed subscribed twice", out, errs)
	if code != 0 || !strings.Contains(errs, "two subscriptions of one feed: "+plain+" and http://h.example/f.xml") || !strings.Contains(out, "https://h.example/a%zz (user name and password not shown)\n") {
		t.Errorf("feeds list: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = run(t, "feeds", "rm", "https://www.h.example/f.xml")
	secret(t, "feeds rm of the feed of two", out, errs)
	if code == 0 || !strings.Contains(errs, "is the feed of 2 subscriptions, "+plain+" and http://h.example/f.xml") {
		t.Errorf("feeds rm of the feed of two: exit %d\n%s%s", code, out, errs)
	}
	// two written alike but for their passwords: which is meant is not known
	if err := os.WriteFile(path, []byte("[[feed]]\n  url = \""+with+"\"\n\n[[feed]]\n  url = \"https://ann:s3cret2@h.example/f.xml\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code = run(t, "feeds", "rm", plain)
	secret(t, "feeds rm of two alike", out, errs)
	if code == 0 || len(subscriptions(t)) != 2 || !strings.Contains(errs, plain+" is 2 subscriptions, each with a user name and password of its own") {
		t.Errorf("feeds rm of two alike: exit %d\n%s%s", code, out, errs)
	}

	// sync: a feed giving as its self link another subscription's URL
	// is refused, the other named without its password
	old := fetchClient
	fetchClient = func(timeout time.Duration) *fetch.Client {
		return &fetch.Client{Timeout: timeout, Delay: -1, Retries: -1}
	}
	t.Cleanup(func() { fetchClient = old })
	s := newSelfFeeds(t)
	a, b := s.url("a"), s.url("b")
	aWith := strings.Replace(a, "http://", "http://ann:s3cret@", 1)
	s.set("a", a, "A's text")
	s.set("b", a, "B's text") // claims A's URL as its own
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	run(t, "feeds", "add", aWith)
	run(t, "feeds", "add", b)
	out, errs, code = run(t, "sync", "--into", filepath.Join(t.TempDir(), "d"))
	secret(t, "sync", out, errs)
	if code != 1 || !strings.Contains(out+errs, "the feed subscribed to as "+a+": refused") {
		t.Errorf("sync: exit %d, want B refused naming %s\n%s%s", code, a, out, errs)
	}
}
