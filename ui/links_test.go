package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-tui/folio/archive"
	"github.com/folio-tui/folio/index"
)

// L lists the open piece's links to other pieces; a link's key opens the
// piece and backspace returns to the one it was followed from.
func TestFollowALinkToAnotherPieceAndBack(t *testing.T) {
	as := []archive.Article{
		{ID: "content/posts/gopher", Path: "content/posts/gopher.md", Title: "A week with the gopher", Date: day("2024-06-03"), Kind: "article",
			Body: "Last year's notes are [here](/posts/first-post/), the [bundle](bundle/index.md) and [Go](https://go.dev/).\n"},
		{ID: "content/posts/first-post", Path: "content/posts/first-post.md", Title: "The threat has evolved", Date: day("2017-07-07"), Kind: "article",
			Body: "The first post, which links [back](gopher.md).\n"},
		{ID: "content/posts/bundle", Path: "content/posts/bundle/index.md", Title: "A page bundle post", Date: day("2019-02-01"), Kind: "article",
			Body: "Bundle body.\n"},
	}
	h := newHarness(t, newFake(as...), 100, 24)
	h.key("enter")
	if h.m.reader.key.id != "content/posts/gopher" {
		t.Fatalf("opened %q", h.m.reader.key.id)
	}
	h.requireScreen("notes are here (→ “The threat has evolved”), the bundle (→ “A page bundle post”)")
	h.key("L")
	h.requireScreen("Links to other pieces")
	h.requireScreen("1  The threat has evolved (2017-07-07)  ← here")
	h.requireScreen("2  A page bundle post (2019-02-01)  ← bundle")
	h.requireFits("links", 100, 24)
	// the footer names the labels shown (it said "a… open that link")
	if foot := footerLine(h.screen()); !strings.Contains(foot, "1–2 open that link") {
		t.Fatalf("the footer of two links: %q", foot)
	}
	h.key("1")
	if h.m.reader.key.id != "content/posts/first-post" {
		t.Fatalf("followed to %q", h.m.reader.key.id)
	}
	h.requireScreen("The first post")
	h.requireScreen("backspace: back to")
	// Links are followed from the piece reached too, and each backspace
	// goes back one.
	h.key("L", "1")
	if h.m.reader.key.id != "content/posts/gopher" {
		t.Fatalf("second link: %q", h.m.reader.key.id)
	}
	h.key("backspace")
	if h.m.reader.key.id != "content/posts/first-post" {
		t.Fatalf("backspace: %q", h.m.reader.key.id)
	}
	h.key("backspace")
	if h.m.reader.key.id != "content/posts/gopher" || h.m.focus != paneReader {
		t.Fatalf("second backspace: %q, focus %v", h.m.reader.key.id, h.m.focus)
	}
	h.key("backspace") // nothing left to go back to: back to the list
	if h.m.focus != paneList {
		t.Fatalf("focus = %v, want the list", h.m.focus)
	}
	// A piece without links says so.
	h.key("G", "k", "enter", "L")
	h.requireScreen("No links to other pieces")
}

// With the real index, a link by the path the site gives a piece (a slug,
// an alias, a url) names it in the reader and is on the list of links, as
// a link by its file's path is.
func TestLinksBySiteKeysWithTheIndex(t *testing.T) {
	arch := t.TempDir()
	for name, text := range map[string]string{
		"posts/a.md": "---\ntitle: Alpha\ndate: 2020-01-02\n---\nSee [the old one](/2019/beta/) and [the slug](/posts/gamma-slug/).\n",
		"posts/b.md": "---\ntitle: Beta piece\ndate: 2019-01-02\naliases: [/2019/beta/]\n---\nBeta.\n",
		"posts/c.md": "---\ntitle: Gamma piece\ndate: 2018-01-02\nslug: gamma-slug\n---\nGamma.\n",
	} {
		if err := os.MkdirAll(filepath.Join(arch, "posts"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(arch, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	h := newHarness(t, ix, 100, 30)
	h.key("enter") // Alpha, the newest
	h.requireScreen("the old one (→ “Beta piece”) and the slug (→ “Gamma piece”)")
	h.key("L")
	h.requireScreen("Links to other pieces")
	h.requireScreen("1  Beta piece (2019-01-02)  ← the old one")
	h.requireScreen("2  Gamma piece (2018-01-02)  ← the slug")
	h.key("2")
	if h.m.reader.key.id != "posts/c" {
		t.Fatalf("followed to %q, want posts/c", h.m.reader.key.id)
	}
}

// The text and L agree on a piece read from its file: an inline <a href>
// names the piece it links to in both, and a link to the site's home
// names none, not the piece itself (a helper's report: the first read
// "the second", its target dropped; the home read "(→ its own title)"
// where L left it out).
func TestInlineHTMLLinksInTheTextAndL(t *testing.T) {
	a, probs := archive.Load(fstest.MapFS{
		"content/posts/second.md": {Data: []byte("---\ntitle: Second Post\ndate: 2021-01-01\n---\nText.\n")},
		"content/posts/first.md": {Data: []byte("---\ntitle: Links Two\ndate: 2024-01-01\n---\n" +
			"See <a href=\"/posts/second/\">the second</a>, <a href=\"https://example.org/x\">ext</a> and [home](/).\n")},
	})
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	h := newHarness(t, newFake(a.Articles...), 100, 24)
	h.key("enter")
	if h.m.reader.key.id != "content/posts/first" {
		t.Fatalf("opened %q", h.m.reader.key.id)
	}
	h.requireScreen("See the second (→ “Second Post”), ext https://example.org/x and home")
	if s := h.screen(); strings.Contains(s, "(→ “Links Two”)") {
		t.Errorf("the home link names the piece itself:\n%s", s)
	}
	h.key("L")
	h.requireScreen("1  Second Post (2021-01-01)  ← the second")
	if s := h.screen(); strings.Contains(s, "2  ") {
		t.Errorf("L lists more than the second:\n%s", s)
	}
}

// The labels of the links as the footer and ? say them: l is skipped
// (the help said "1-9 a-z", and l opened nothing).
func TestLinkLabelsAreTheKeysShown(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "1", 2: "1–2", 9: "1–9", 10: "1–9 a", 12: "1–9 a–c", 20: "1–9 a–k", 21: "1–9 a–k m", 34: "1–9 a–k m–z", 99: "1–9 a–k m–z"} {
		if got := linkLabels(n); got != want {
			t.Errorf("linkLabels(%d) = %q, want %q", n, got, want)
		}
	}
	var row string
	for _, s := range DefaultKeyMap().helpSections() {
		if strings.HasPrefix(s.title, "LINKS") {
			row = s.rows[0][0]
		}
	}
	if row != "1–9 a–k m–z" {
		t.Errorf("? says the links' keys are %q", row)
	}
	// every key the list of links answers is in that row, and no other
	for _, r := range "0123456789abcdefghijklmnopqrstuvwxyz" {
		k := string(r)
		l := linkHints{open: true, links: make([]pieceLink, len(linkKeys))}
		_, in := l.update(keyPress(k), 40)
		opens := in != nil
		said := strings.ContainsRune(linkKeys, r)
		if opens != said {
			t.Errorf("key %q: opens a link %v, help says so %v", k, opens, said)
		}
	}
}

// A piece with more links than the overlay has lines (40: more than the
// 34 labels too) shows them a page at a time, each labelled from 1: the
// footer names the labels shown and no other, a label opens the link it
// labels on the page shown, and the pages reach every link, at any height
// (a helper's report: at 100×24 the box showed 1–j, the footer said "1–9
// a–k m–z", z opened Target 34, not on screen, and links after the 34th
// were dropped). On a real index.
func TestLinksPastTheScreenArePaged(t *testing.T) {
	arch := t.TempDir()
	var hub strings.Builder
	hub.WriteString("---\ntitle: Hub\ndate: 2024-01-01\n---\n")
	for i := 1; i <= 40; i++ {
		name := fmt.Sprintf("t%02d", i)
		fmt.Fprintf(&hub, "See [%s](%s.md).\n\n", name, name)
		body := fmt.Sprintf("---\ntitle: Target %02d\ndate: 2019-01-%02d\n---\nTarget body %02d.\n", i, i%28+1, i)
		if err := os.WriteFile(filepath.Join(arch, name+".md"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(arch, "hub.md"), []byte(hub.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(context.Background(), arch, os.DirFS(arch), index.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	row := regexp.MustCompile(`(?m)^[│ ]*([1-9a-z])  Target (\d\d) \(`)
	pageOf := regexp.MustCompile(`page \d+ of \d+`)
	boxPage := regexp.MustCompile(`links \d+–\d+ of 40 · page (\d+) of \d+ · ([^│]*)`)
	for _, height := range []int{24, 12, 7, 5, 4} {
		h := newHarness(t, ix, 100, height)
		h.key("enter") // Hub, the newest
		if h.m.reader.key.id != "hub" {
			t.Fatalf("at %d lines, opened %q", height, h.m.reader.key.id)
		}
		h.key("L")
		seen := map[string]bool{}
		for page := 1; ; page++ {
			h.requireFits(fmt.Sprintf("links page %d", page), 100, height)
			screen := h.screen()
			rows := row.FindAllStringSubmatch(screen, -1)
			if len(rows) == 0 {
				t.Fatalf("at %d lines, page %d shows no link:\n%s", height, page, screen)
			}
			for i, r := range rows {
				if r[1] != string(linkKeys[i]) {
					t.Fatalf("at %d lines, page %d: row %d labelled %q:\n%s", height, page, i, r[1], screen)
				}
				seen[r[2]] = true
			}
			foot := footerLine(screen)
			if !strings.Contains(foot, linkLabels(len(rows))+" open that link") {
				t.Fatalf("at %d lines, page %d shows %d links, the footer says %q", height, page, len(rows), foot)
			}
			if !strings.Contains(foot, fmt.Sprintf("page %d of", page)) {
				t.Fatalf("at %d lines, page %d: the footer says %q", height, page, foot)
			}
			// the box's last line says the page and the keys that turn
			// it from there, as the footer does (where it has room)
			last := strings.HasSuffix(pageOf.FindString(foot), fmt.Sprintf(" %d of %d", page, page))
			if box := boxPage.FindStringSubmatch(screen); box != nil {
				if box[1] != fmt.Sprint(page) {
					t.Fatalf("at %d lines, page %d: the box says page %s", height, page, box[1])
				}
				next, prev := strings.Contains(box[2], "pgdn/space next"), strings.Contains(box[2], "pgup previous")
				if next == last || prev != (page > 1) {
					t.Fatalf("at %d lines, page %d (last %v): the box's last line says %q", height, page, last, box[0])
				}
			} else if height >= 12 {
				t.Fatalf("at %d lines, page %d: no page line in the box:\n%s", height, page, screen)
			}
			if last {
				break
			}
			if page > 40 {
				t.Fatalf("at %d lines, more than 40 pages", height)
			}
			h.key("pgdown")
		}
		if len(seen) != 40 {
			t.Fatalf("at %d lines, the pages showed %d of the 40 links", height, len(seen))
		}
		// the last page: its last label opens the link it labels; a label
		// past those shown opens nothing
		rows := row.FindAllStringSubmatch(h.screen(), -1)
		last := rows[len(rows)-1]
		if len(rows) < len(linkKeys) {
			h.key(string(linkKeys[len(rows)]))
			if h.m.links.open || h.m.reader.key.id != "hub" {
				t.Fatalf("at %d lines, label %c past the %d shown: links open %v, reader on %q", height, linkKeys[len(rows)], len(rows), h.m.links.open, h.m.reader.key.id)
			}
			h.key("L", "pgup", "pgdown")
			for range 40 {
				h.key("pgdown")
			}
		}
		h.key(last[1])
		if want := "t" + last[2]; h.m.reader.key.id != want {
			t.Fatalf("at %d lines, %s on the last page opened %q, want %q", height, last[1], h.m.reader.key.id, want)
		}
	}
}
