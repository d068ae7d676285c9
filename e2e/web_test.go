package e2e

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/testcorpus"
)

// TestAddURLInTmux: in the real binary, a opens a prompt; a URL of a page
// served by a local test server (a real page of the web-articles corpus;
// never the network) is fetched and extracted by folio-extract beside the
// binary, written into the archive's folder and listed; a page that is not
// there is refused with a message naming its URL.
func TestAddURLInTmux(t *testing.T) {
	s := newSession(t)
	extract := exec.Command("go", "build", "-o", filepath.Join(s.dir, "folio-extract"), "./cmd/folio-extract")
	extract.Dir = ".."
	if out, err := extract.CombinedOutput(); err != nil {
		t.Fatalf("go build folio-extract: %v\n%s", err, out)
	}
	corpus := testcorpus.Dir(t, "web-articles")
	data, err := os.ReadFile(filepath.Join(corpus, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct{ URL string }
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	const sha = "bdb56ac83513" // Quanta Magazine: tuft cells
	var page []byte
	for k := range truth {
		if strings.HasPrefix(k, sha) {
			f, err := os.Open(filepath.Join(corpus, "html", k+".html.gz"))
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			page, err = io.ReadAll(zr)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if page == nil {
		t.Fatalf("no page %s in the corpus", sha)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/tuft-cells" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()

	arch := filepath.Join(s.dir, "archive")
	if err := os.MkdirAll(arch, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(arch, "one.md"), []byte("---\ntitle: First piece\ndate: 2017-03-04\noutlet: RUSI\n---\nAbout prisons.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.startFolio(fmt.Sprintf("FOLIO_ARCHIVE='%s'", arch))
	s.waitFor("one piece", countRe(1, 1))

	s.keys("a")
	s.waitFor("the prompt", regexp.MustCompile(`add URL:`))
	s.typeText(srv.URL + "/tuft-cells")
	s.keys("Enter")
	s.waitFor("the piece added and listed", countRe(2, 2), regexp.MustCompile(`Cells That ‘Taste’ Danger`))
	files, _ := filepath.Glob(filepath.Join(arch, "*.md"))
	if len(files) != 2 {
		t.Errorf("files in the archive: %v", files)
	}

	s.keys("a")
	s.waitFor("the prompt", regexp.MustCompile(`add URL:`))
	s.typeText(srv.URL + "/gone")
	s.keys("Enter")
	s.waitFor("the error naming the URL", regexp.MustCompile(`Could not add: http://127\.0\.0\.1:\d+/gone: the server answered 404`))
	s.keys("q")
	s.waitExited()
}
