package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/folio-tui/folio/importer"
)

// A feed URL that answers with an image is refused by its content type,
// before its body is read as a feed; import and sync cap the files a run
// adds at importer.DefaultMaxNew unless --max-new says otherwise (a
// mutation pass found both untested).
func TestImportRefusesAnImageAndCapsByDefault(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title></channel></rss>"))
	}))
	defer srv.Close()
	_, errs, code := run(t, "import", srv.URL+"/feed.png", "--into", t.TempDir())
	if code == 0 || !strings.Contains(errs, "not a feed (content type image/png)") {
		t.Errorf("an image as a feed: exit %d, %q", code, errs)
	}
	for _, cmd := range []string{"import", "sync"} {
		c := newImportCmd(&Env{})
		if cmd == "sync" {
			c = newSyncCmd(&Env{})
		}
		if f := c.Flags().Lookup("max-new"); f == nil || f.DefValue != "1000" || importer.DefaultMaxNew != 1000 {
			t.Errorf("%s --max-new defaults to %v; the README says 1,000", cmd, f)
		}
	}
}
