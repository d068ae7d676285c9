package importer

import (
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/webpage"
)

// A byline's initials keep their full stops as the page writes them:
// go-trafilatura makes each full stop of an author a space, so a page by
// "Jane Q. Public" was cited "Public, Jane Q" (a researcher's report).
// A run of the name without full stops, or with one after a longer word,
// leaves the name as the extractor gave it.
func TestInitialsAsWritten(t *testing.T) {
	para := strings.Repeat("A paragraph of thoughts on the alliance, at some length and with care. ", 12)
	pg := Page{URL: "https://example.com/2024/05/piece", HTML: []byte(`<html><head><title>Careful thoughts</title>
<meta name="author" content="Jane Q. Public"></head><body><article><h1>Careful thoughts</h1>
<p class="byline">By Jane Q. Public</p><p>` + para + `</p><p>` + para + `</p></article></body></html>`)}
	p, why := extractPage(pg, "2024-05-01")
	if why != "" {
		t.Fatal(why)
	}
	if !slices.Equal(p.Authors, []string{"Jane Q. Public"}) {
		t.Errorf("authors %q, want [Jane Q. Public]", p.Authors)
	}
	// a no-break space after the initial, as typographers set it
	pg.HTML = []byte(`<html><head><title>Careful thoughts</title></head><body><article><h1>Careful thoughts</h1>
<p class="byline">By J.&nbsp;R.&nbsp;R. Tolkien</p><p>` + para + `</p><p>` + para + `</p></article></body></html>`)
	if p, why = extractPage(pg, "2024-05-01"); why != "" || !slices.Equal(p.Authors, []string{"J. R. R. Tolkien"}) {
		t.Errorf("authors %q (%s), want [J. R. R. Tolkien]", p.Authors, why)
	}
	for _, c := range []struct{ a, page, want string }{
		{"Jane Q Public", `<p>Jane Q. Public</p>`, "Jane Q. Public"},
		{"J R R Tolkien", `<p>by J.R.R. Tolkien</p>`, "J. R. R. Tolkien"},
		{"J R R Tolkien", `<p>by J. R. R.  Tolkien</p>`, "J. R. R. Tolkien"},
		// the family name a word of its own, as the extractor gave it (48r:
		// "C.S.Lewis" was cited {C.S.Lewis}, keyed cslewis)
		{"C S Lewis", `<p>By C.S.Lewis</p>`, "C. S. Lewis"},
		{"Jane Q Public", `<p>Jane Q.Public</p>`, "Jane Q. Public"},
		{"J R R Tolkien", `<p>J.R.R.Tolkien</p>`, "J. R. R. Tolkien"},
		{"A S Pushkin", `<p>A.S. Pushkin</p>`, "A. S. Pushkin"},
		{"Ann Q Lee", strings.Repeat("Ann Q Lee ", 50) + "<p>Ann Q. Lee</p>", "Ann Q. Lee"},
		{"Ann Lee Jr", `<span>Ann Lee Jr.</span>`, "Ann Lee Jr."},
		{"Malcolm X", `<p>said Malcolm X.</p>`, "Malcolm X"},
		{"Troy L Smith", `<a>Troy L Smith</a> and later <b>Troy L. Smith</b>`, "Troy L. Smith"},
		{"Jane Q Public", `<p>JANE Q. PUBLIC</p>`, "Jane Q Public"},
		{"Jane Q Public", `<p>MaryJane Q. Public</p>`, "Jane Q Public"},
		{"Jane Q Public", `<p>Jane Q.<br>Public</p>`, "Jane Q Public"},
		{"Ann Lee", `<p>Ann. Lee</p>`, "Ann Lee"},
		// a no-break space between initials, as typographers set them
		// (written as an entity or a character)
		{"J R R Tolkien", `<p>by J.&nbsp;R.&nbsp;R. Tolkien</p>`, "J. R. R. Tolkien"},
		{"Jane Q Public", "<p>Jane Q.\u00a0Public</p>", "Jane Q. Public"},
		{"Jane Q Public", `<p>Jane&#160;Q.&#xA0;Public</p>`, "Jane Q. Public"},
		{"Ann Lee Jr", `<p>Ann&#x00a0;Lee&nbsp;Jr.</p>`, "Ann Lee Jr."},
		{"Jane Q Public", ``, "Jane Q Public"},
	} {
		if got := withInitialsAsWritten(c.a, []byte(c.page)); got != c.want {
			t.Errorf("%q on %q: %q, want %q", c.a, c.page, got, c.want)
		}
	}
}

// A name's suffix the extractor split off at its comma is the name's:
// "Martin Luther King, Jr." came as "Martin Luther King; Jr", two authors
// cited "King, Martin Luther and Jr" (48s); its full stop as the page
// writes it.
func TestNameSuffixJoinsItsName(t *testing.T) {
	for _, c := range []struct {
		author, page string
		want         []string
	}{
		{"Martin Luther King; Jr", `<p>By Martin Luther King, Jr.</p>`, []string{"Martin Luther King Jr."}},
		{"Ann Lee; Sr; Bo Chan", `<p>Ann Lee Sr, Bo Chan</p>`, []string{"Ann Lee Sr", "Bo Chan"}},
		{"Henry Ford; II", `<p>Henry Ford, II</p>`, []string{"Henry Ford II"}},
		{"Jr; Ann Lee", `<p>x</p>`, []string{"Jr", "Ann Lee"}},
	} {
		md := &Metadata{m: &webpage.Extraction{Author: c.author}, page: []byte(c.page)}
		if got := md.Authors(); !slices.Equal(got, c.want) {
			t.Errorf("%q on %q: %q, want %q", c.author, c.page, got, c.want)
		}
	}
}
