package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// add's flags are checked before anything is fetched (a --date of no date
// was ignored for a page with one, and refused only after fetching one
// without; a --timeout of 0 or less failed every URL), and import takes a
// feed's URL whatever its scheme's case, as add does (HTTP:// was read as
// a file name). Helpers' reports.
func TestAddFlagsCheckedAndImportURLAnyCase(t *testing.T) {
	quickFetch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var gets atomic.Int32
	srv := pieceServer(t, &gets)
	into := t.TempDir()
	for _, flags := range [][]string{{"--date", "garbage"}, {"--timeout", "-1s"}, {"--timeout", "0s"}} {
		_, errs, code := run(t, append([]string{"add", srv.URL + "/2019/11/piece", "--into", into}, flags...)...)
		if code != 2 || !strings.Contains(errs, flags[0]) || gets.Load() != 0 {
			t.Errorf("add %v: exit %d, %d requests, %q; want it refused before fetching", flags, code, gets.Load(), errs)
		}
	}
	// an error after the fetch (here the folder to write into is a file;
	// a full disk, as well) names the URL it was for
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "add", srv.URL+"/2019/11/piece", "--into", notDir); code != 1 || !strings.Contains(errs, "failed    "+srv.URL+"/2019/11/piece: ") {
		t.Errorf("add into a file: exit %d %q; want the URL named", code, errs)
	}
	upper := "HTTP://" + strings.TrimPrefix(srv.URL, "http://") + "/feed.xml"
	if out, errs, code := run(t, "import", upper, "--into", t.TempDir()); code != 0 || !strings.Contains(out, "1 added") {
		t.Errorf("import %s: exit %d\n%s\n%s", upper, code, out, errs)
	}
}
