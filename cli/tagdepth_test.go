package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/folio-tui/folio/archive"
)

// A tag is decoded as many times as its source's format says, and then
// kept as it reads: a page's keywords once, by the HTML parser reading
// the attribute (a review: they were decoded again, so a keyword that
// reads "<b>" was parsed as a tag and dropped, and "x <i> y" was x-y); an
// RSS category as the feed's XML gives it, read as HTML once, as every
// RSS text field is (README).
func TestTagsDecodedOnce(t *testing.T) {
	quickFetch(t)
	pg := strings.Replace(page("Tags as the page writes them", "Jane Doe", "/2019/11/tags"),
		`<meta property="article:tag" content="Foreign policy">`,
		`<meta name="keywords" content="&lt;b&gt;, AT&amp;T, x &lt;i&gt; y, tag &amp;amp; one, @marker, _no-apple-news, example.com">`+
			`<meta property="article:tag" content="&lt;b&gt;">`, 1)
	feed := `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example feed</title><link>%[1]s/</link>
<item><title>An item with categories</title><link>%[1]s/2019/11/item</link><guid>%[1]s/2019/11/item</guid>
<pubDate>Wed, 06 Nov 2019 10:00:00 GMT</pubDate>
<category>&amp;lt;b&amp;gt;</category><category>AT&amp;T</category><category><![CDATA[Law & Order]]></category>
<category>Cats &amp;amp; dogs</category><category>x &amp;lt;i&amp;gt; y</category><category>&lt;s&gt;dropped&lt;/s&gt; markup</category>
<description>&lt;p&gt;A body of some length about the categories of an item.&lt;/p&gt;</description></item>
</channel></rss>`
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/2019/11/tags":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, pg)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, feed, srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"add", srv.URL + "/2019/11/tags"}, []string{"<b>", "at&t", "x-<i>-y", "tag-&amp;-one"}},
		{[]string{"import", srv.URL + "/feed.xml"}, []string{"<b>", "at&t", "law-&-order", "cats-&-dogs", "x-<i>-y", "dropped-markup"}},
	} {
		into := t.TempDir()
		out, errs, code := run(t, append(c.args, "--into", into)...)
		files, _ := filepath.Glob(filepath.Join(into, "*.md"))
		if code != 0 || len(files) != 1 {
			t.Fatalf("%s: exit %d, files %v\n%s%s", c.args[0], code, files, out, errs)
		}
		data, _ := os.ReadFile(files[0])
		a, probs := archive.Parse(filepath.Base(files[0]), data)
		if len(probs) > 0 || !slices.Equal(a.Tags, c.want) {
			t.Errorf("%s: tags %q (%v), want %q:\n%s", c.args[0], a.Tags, probs, c.want, data)
		}
	}
}
