package archive

import (
	"fmt"

	"github.com/folio-tui/folio/internal/neardup"
	"github.com/folio-tui/folio/internal/testcorpus"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestRepublished: the bundled archive (pieces by one author on one topic,
// counter-terrorism) plus copies of two of its pieces with small edits, run
// by another outlet, and one copy found only by its URL. Each copy is
// grouped with its original; no two different pieces are.
func TestRepublished(t *testing.T) {
	arch, _ := Load(Bundled())
	as := arch.Articles
	n := len(as)
	if n < 5 {
		t.Fatalf("bundled archive has %d pieces", n)
	}
	var long []int // pieces long enough to edit
	for i, a := range as {
		if len(strings.Fields(a.Body)) > 300 {
			long = append(long, i)
		}
	}
	if len(long) < 2 {
		t.Fatalf("want two pieces of 300+ words, got %d", len(long))
	}
	copyOf := func(i int, edit func(string) string) Article {
		c := as[i]
		c.ID, c.Path, c.Outlet, c.URL = c.ID+"-copy", "copies/"+c.Path, "The Other Paper", "https://other.example/"+c.ID
		c.Title = "Republished: " + c.Title
		c.Body = edit(c.Body)
		return c
	}
	first, second := long[0], long[1]
	as = append(as,
		copyOf(first, func(b string) string {
			w := strings.Fields(b)
			w = append(w[:40], w[45:]...)                               // a sentence cut
			return strings.Join(w, " ") + " Reprinted with permission." // a line added
		}),
		copyOf(second, func(b string) string {
			return "Editor's note: this piece first ran elsewhere.\n\n" + strings.Replace(b, "the", "that", 3)
		}),
	)
	withURL := slices.IndexFunc(as[:n], func(a Article) bool { return a.URL != "" })
	if withURL < 0 {
		t.Fatal("no bundled piece has a URL")
	}
	stub := as[withURL]
	stub.ID, stub.Path, stub.Body = stub.ID+"-stub", "stub.md", "A short stub of the piece."
	stub.URL = strings.Replace(stub.URL, "https://www.", "http://", 1) + "#comments"
	as = append(as, stub)

	groups := Republished(as)
	want := map[[2]int]bool{{first, n}: true, {second, n + 1}: true, {withURL, n + 2}: true}
	if len(groups) != len(want) {
		t.Fatalf("got %d groups, want %d: %+v", len(groups), len(want), groups)
	}
	for _, g := range groups {
		if len(g) != 2 || !want[[2]int{min(g[0].Index, g[1].Index), max(g[0].Index, g[1].Index)}] {
			t.Errorf("unexpected group %+v", g)
		}
		if g[0].Why != "" || g[1].Why == "" {
			t.Errorf("group %+v: the first piece has no reason, the others one", g)
		}
		t.Logf("%s + %s: %s", as[g[0].Index].ID, as[g[1].Index].ID, g[1].Why)
	}
}

// TestRepublishedSOTU: 233 State of the Union addresses, two pairs of them
// with the same title (1953 and 1961, two presidents each), share no group.
func TestRepublishedSOTU(t *testing.T) {
	dir := testcorpus.Dir(t, "sotu")
	arch, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range Republished(arch.Articles) {
		var ids []string
		for _, c := range g {
			ids = append(ids, arch.Articles[c.Index].ID+" "+c.Why)
		}
		t.Errorf("grouped: %v", ids)
	}
}

// TestCopiesEarliestFirst: a group starts with its earliest piece, whatever
// the order the pieces come in, and CollapseCopies keeps of each group the
// earliest piece of the selection.
func TestCopiesEarliestFirst(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 && a.Date.Precision == PrecisionDay {
			orig = a
			break
		}
	}
	if orig.ID == "" {
		t.Fatal("no long piece dated to the day")
	}
	later := orig
	later.ID, later.Outlet = "later", "The Other Paper"
	later.Date.Time = orig.Date.Time.AddDate(0, 0, 7)
	later.Body += "\n\nReprinted with permission."
	for _, as := range [][]Article{{later, orig}, {orig, later}} {
		g := Republished(as)
		if len(g) != 1 || as[g[0][0].Index].ID != orig.ID || as[g[0][1].Index].ID != "later" {
			t.Errorf("groups %+v of %s, %s", g, as[0].ID, as[1].ID)
		}
	}
	all := append(slices.Clone(arch.Articles), later)
	if got := CollapseCopies(all, all); len(got) != len(arch.Articles) || slices.ContainsFunc(got, func(a Article) bool { return a.ID == "later" }) {
		t.Errorf("collapsed: %d of %d", len(got), len(all))
	}
	if got := CollapseCopies(all, []Article{later}); len(got) != 1 || got[0].ID != "later" {
		t.Errorf("the copy alone kept: %v", got)
	}
}

// TestCopiesSameDay: on one date, a copy that adds a line does not go
// before its original (the ID decides), but a full text goes before a
// summary of it with the same URL.
func TestCopiesSameDay(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 && a.URL != "" {
			orig = a
			break
		}
	}
	if orig.ID == "" {
		t.Fatal("no long piece with a URL")
	}
	copied := orig
	copied.ID, copied.Outlet = "zz-copy", "The Other Paper"
	copied.Body += "\n\nReprinted with permission. This article first ran elsewhere."
	stub := orig
	stub.ID, stub.Body = "aa-stub", "A summary of the piece, as a feed gave it."
	g := Republished([]Article{copied, stub, orig})
	if len(g) != 1 || len(g[0]) != 3 {
		t.Fatalf("groups %+v", g)
	}
	as := []Article{copied, stub, orig}
	var order []string
	for _, c := range g[0] {
		order = append(order, as[c.Index].ID)
	}
	if want := []string{orig.ID, "zz-copy", "aa-stub"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
}

// A piece run in more than 64 outlets is one group, its bylines aside
// (a helper's report: 70, 200 or 3,000 copies made no group; 60 made one).
func TestCopiesOfAWireStory(t *testing.T) {
	arch, _ := Load(Bundled())
	var orig Article
	for _, a := range arch.Articles {
		if len(strings.Fields(a.Body)) > 300 {
			orig = a
			break
		}
	}
	for _, n := range []int{3, 70, 300} {
		as := slices.Clone(arch.Articles)
		for i := range n {
			c := orig
			c.ID, c.Outlet, c.URL = fmt.Sprintf("wire-%d", i), fmt.Sprintf("Outlet %d", i), fmt.Sprintf("https://outlet%d.example/story", i)
			as = append(as, c)
		}
		var sizes []int
		for _, g := range Republished(as) {
			sizes = append(sizes, len(g))
		}
		if !slices.Equal(sizes, []int{n + 1}) {
			t.Errorf("%d copies: groups of %v, want one of %d", n, sizes, n+1)
		}
	}
}

// body is a text of the shared words s0…s(shared-1), then own words
// own0…own(n-1), then the word own+"pad" pad times: its distinct 4-word
// shingles are shared+n+1 (with pad > 3), of which the shared-3 within the
// shared words are any other such body's with the same shared words.
func body(shared int, own string, n, pad int) string {
	var w []string
	for i := range shared {
		w = append(w, "s"+strconv.Itoa(i))
	}
	for i := range n {
		w = append(w, own+strconv.Itoa(i))
	}
	for range pad {
		w = append(w, own+"pad")
	}
	return strings.Join(w, " ")
}

// TestCopiesThresholds pins SimilarText, SimilarWithTitle and MinCopyWords
// at their edges, with pairs of bodies whose shingle sets are small enough
// (a union under neardup.SketchSize) that the estimate Copies compares is
// their exact Jaccard similarity (a helper's report: each threshold could
// be moved without a test failing): 80 of 114 shingles alike (70.2%) are
// copies, 79 of 115 (68.7%) are not; with the same title 50 of 124
// (40.3%) are, 50 of 126 (39.7%) are not, nor are 40.3% under another
// title; two bodies of 100 words alike are copies, of 99 are not compared.
func TestCopiesThresholds(t *testing.T) {
	cases := []struct {
		name           string
		a, b           string
		titleA, titleB string
		jaccard        float64 // as estimated; 0 for no sketch
		copies         bool
	}{
		{"text just over", body(83, "a", 17, 0), body(83, "b", 17, 0), "One", "Two", 80.0 / 114, true},
		{"text just under", body(82, "a", 18, 0), body(82, "b", 18, 0), "One", "Two", 79.0 / 115, false},
		{"title just over", body(53, "a", 33, 20), body(53, "b", 33, 20), "The same", "The Same!", 50.0 / 124, true},
		{"title just under", body(53, "a", 34, 20), body(53, "b", 34, 20), "The same", "The same", 50.0 / 126, false},
		{"no title", body(53, "a", 33, 20), body(53, "b", 33, 20), "One", "Two", 50.0 / 124, false},
		{"100 words", body(100, "a", 0, 0), body(100, "b", 0, 0), "One", "Two", 1, true},
		{"99 words", body(99, "a", 0, 0), body(99, "b", 0, 0), "One", "Two", 0, false},
	}
	for _, c := range cases {
		a := Article{ID: "a", Title: c.titleA, Body: c.a}
		b := Article{ID: "b", Title: c.titleB, Body: c.b}
		if got := neardup.Estimate(KeyOf(a).Sketch, KeyOf(b).Sketch); got != c.jaccard {
			t.Errorf("%s: estimated %.4f alike, want %.4f", c.name, got, c.jaccard)
		}
		if got := len(Republished([]Article{a, b})) == 1; got != c.copies {
			t.Errorf("%s (%.1f%% alike): copies %v, want %v", c.name, 100*c.jaccard, got, c.copies)
		}
	}
}

// TestCopiesSameDayByLength pins the rule of earlier for copies of one
// date: a body more than a quarter longer goes first (126 words before
// 100), one up to a quarter longer does not (125 words and 100: the ID
// decides), whichever order the pieces come in (a helper's report: the
// longer body first at any length survived every test).
func TestCopiesSameDayByLength(t *testing.T) {
	for _, c := range []struct {
		long  int
		first string
	}{{125, "a-short"}, {126, "b-long"}} {
		day, _ := ParseDate("2020-05-01")
		short := Article{ID: "a-short", URL: "https://x.example/p", Date: day, Body: body(100, "s", 0, 0)}
		long := Article{ID: "b-long", URL: "https://x.example/p", Date: day, Body: body(c.long, "l", 0, 0)}
		for _, as := range [][]Article{{short, long}, {long, short}} {
			g := Republished(as)
			if len(g) != 1 || len(g[0]) != 2 || as[g[0][0].Index].ID != c.first {
				t.Errorf("%d words and 100: groups %+v of %s, %s; want %s first", c.long, g, as[0].ID, as[1].ID, c.first)
			}
		}
	}
}

// TestSameURL: the one rule the importer (Held.OfFeed) and the cli (a
// feed's self link claimed by another subscription) ask of two URLs.
func TestSameURL(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"https://www.Example.org/feed/", "http://example.org/feed?utm_source=x", true},
		{"https://example.org/feed", "https://example.org/other", false},
		{"feed.xml", "feed.xml", true}, // not a URL: one string
		{"feed.xml", "other.xml", false},
		{"", "", false},
		{"https://example.org/feed", "", false},
		{"", "https://example.org/feed", false},
		{"mailto:a@example.org", "mailto:a@example.org", true},
		{"ftp://example.org/feed", "http://example.org/feed", false},
	} {
		if got := SameURL(c.a, c.b); got != c.want {
			t.Errorf("SameURL(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestURLKeyKeepsEveryPair: a query's pair that url.URL.Query could not
// read (a ";" in it, a bad "%" escape) is kept, as written, so URLs that
// differ in it are not one (they were: the pair was dropped, and
// "feed.php?cat=1;lang=en", "feed.php?cat=2;lang=fr" and "feed.php" had
// one key), and two pieces at such URLs are no copies of each other; the
// pairs that decode compare decoded, in the order of their keys, tracking
// parameters left out, as before.
func TestURLKeyKeepsEveryPair(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"https://e.com/feed.php?cat=1;lang=en", "https://e.com/feed.php?cat=2;lang=fr", false},
		{"https://e.com/feed.php?cat=1;lang=en", "https://e.com/feed.php", false},
		{"https://e.com/feed.php?cat=1;lang=en", "https://e.com/feed.php?cat=1;lang=en&utm_source=x", true},
		{"https://e.com/feed.php?lang=en&cat=1;x", "https://e.com/feed.php?cat=1;x&lang=en", true},
		{"https://e.com/p?q=a%zz", "https://e.com/p?q=b%zz", false},
		{"https://e.com/p?q=a%zz", "https://e.com/p", false},
		{"https://e.com/p?q=a%zz&utm_medium=y", "https://e.com/p?q=a%zz", true},
		{"https://e.com/p?%zz=1", "https://e.com/p?%zz=2", false},
		{"https://e.com/p?b=2&a=1", "https://e.com/p?a=1&b=2", true},
		{"https://e.com/p?a=2&a=1", "https://e.com/p?a=1&a=2", false},
		{"https://e.com/p?q=a+b", "https://e.com/p?q=a%20b", true},
		{"https://e.com/p?k", "https://e.com/p?k=", true},
		{"https://e.com/p?a=1&&b=2", "https://e.com/p?a=1&b=2", true},
		{"https://e.com/p?utm_source=x", "https://e.com/p", true},
	} {
		if got := SameURL(c.a, c.b); got != c.same {
			t.Errorf("SameURL(%q, %q) = %v, want %v (keys %q, %q)", c.a, c.b, got, c.same, URLKey(c.a), URLKey(c.b))
		}
	}
	day, _ := ParseDate("2020-01-01")
	for _, urls := range [][2]string{
		{"https://e.com/page.php?id=1;lang=en", "https://e.com/page.php?id=2;lang=fr"},
		{"https://e.com/p.php?q=a%zz", "https://e.com/p.php?q=b%zz"},
	} {
		as := []Article{
			{ID: "a", Title: "Cats in spring", URL: urls[0], Date: day, Body: "The cats came out in spring and sat on the walls."},
			{ID: "b", Title: "Budget vote", URL: urls[1], Date: day, Body: "Parliament voted on the budget late at night."},
		}
		if g := Republished(as); len(g) != 0 {
			t.Errorf("%s and %s: copies %+v, want none", urls[0], urls[1], g)
		}
	}
}

// TestURLKeyNormalises: URLs RFC 3986 (section 6) and IDNA make one are
// one to URLKey (they were two subscriptions of one feed, and pieces at
// them no copies): the scheme's default port, a host not in ASCII and
// its punycode, a trailing dot, escaped letters and digits, escapes'
// case, dot segments. What a server may read otherwise stays apart: an
// escaped "/", another port, http's port over https.
func TestURLKeyNormalises(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"https://example.com/a.xml", "https://example.com:443/a.xml", true},
		{"http://example.com/a.xml", "http://example.com:80/a.xml", true},
		{"https://example.com/a.xml", "http://example.com:80/a.xml", true},
		{"https://example.com:0443/a.xml", "https://example.com/a.xml", true},
		{"https://example.com:/a.xml", "https://example.com/a.xml", true},
		{"https://example.com:80/a.xml", "http://example.com/a.xml", false},
		{"http://example.com:443/a.xml", "https://example.com/a.xml", false},
		{"https://example.com:8443/a.xml", "https://example.com/a.xml", false},
		{"https://Bücher.example/f.xml", "https://xn--bcher-kva.example/f.xml", true},
		{"https://BÜCHER.example/f.xml", "https://XN--BCHER-KVA.example/f.xml", true},
		{"https://www.bücher.example/f.xml", "https://xn--bcher-kva.example/f.xml", true},
		{"https://b%C3%BCcher.example/f.xml", "https://xn--bcher-kva.example/f.xml", true},
		{"https://bücher.example/f.xml", "https://bucher.example/f.xml", false},
		{"https://example.com./a.xml", "https://example.com/a.xml", true},
		{"https://www.example.com.:443/a.xml", "http://example.com/a.xml", true},
		{"https://h.example/%66.xml", "https://h.example/f.xml", true},
		{"https://h.example/f%2Exml", "https://h.example/f.xml", true},
		{"https://h.example/%7Eann/%2d", "https://h.example/~ann/-", true},
		{"https://h.example/caf%c3%a9", "https://h.example/caf%C3%A9", true},
		{"https://h.example/café", "https://h.example/caf%C3%A9", true},
		{"https://h.example/a%2Fb", "https://h.example/a/b", false},
		{"https://h.example/a%2fb", "https://h.example/a%2Fb", true},
		{"https://h.example/x/../f.xml", "https://h.example/f.xml", true},
		{"https://h.example/./x/./f.xml", "https://h.example/x/f.xml", true},
		{"https://h.example/../f.xml", "https://h.example/f.xml", true},
		{"https://h.example/x/%2E%2E/f.xml", "https://h.example/f.xml", true},
		{"https://h.example/x/..", "https://h.example/", true},
		{"https://h.example/x/...", "https://h.example/", false},
		{"https://h.example//f.xml", "https://h.example/f.xml", false}, // (fetch's robotsPath reads them as one, as servers do)
		{"https://[::1]:443/a", "https://[::1]/a", true},
		{"https://[::1]/a", "https://[::2]/a", false},
		// IDNA's lookup of the host as written, as a browser's: not of
		// its lower case (strings.ToLower reads İ as i, ẞ as ß, and
		// makes a capital the lookup refuses one it takes)
		{"https://İstanbul.example/a", "https://xn--istanbul-o0e.example/a", true},
		// as the WHATWG standard looks a host up, not strictly: an
		// underscore, a hyphen in a label's third and fourth place or at
		// its start (an attack: kept in Unicode, another key)
		{"https://a_b.é.example/z", "https://a_b.xn--9ca.example/z", true},
		{"https://ab--c.é.example/z", "https://ab--c.xn--9ca.example/z", true},
		{"https://-x.é.example/z", "https://-x.xn--9ca.example/z", true},
		{"https://İstanbul.example/a", "https://istanbul.example/a", false},
		{"https://ẞ.example/a", "https://ss.example/a", true},
		{"https://ẞ.example/a", "https://xn--zca.example/a", false},
		{"https://a\u10a0b.example/a", "https://xn--ab-r51a.example/a", false},
		// a trailing full stop the lookup reads as "." (U+3002, U+FF0E)
		{"https://example.com\u3002/a", "https://example.com/a", true},
		{"https://www\uff0eexample\uff0ecom\uff0e/a", "https://example.com/a", true},
	} {
		if got := SameURL(c.a, c.b); got != c.same {
			t.Errorf("SameURL(%q, %q) = %v, want %v (keys %q, %q)", c.a, c.b, got, c.same, URLKey(c.a), URLKey(c.b))
		}
	}
	day, _ := ParseDate("2020-01-01")
	text := body(120, "w", 0, 0)
	as := []Article{
		{ID: "a", Title: "One", URL: "https://example.com/p/a.html", Date: day, Body: text},
		{ID: "b", Title: "Two", URL: "https://EXAMPLE.com.:443/p/./%61.html", Date: day, Body: body(120, "x", 0, 0)},
	}
	if g := Republished(as); len(g) != 1 || len(g[0]) != 2 || g[0][1].Why != "same URL" {
		t.Errorf("pieces at one URL written otherwise: copies %+v, want one group, same URL", g)
	}
}
