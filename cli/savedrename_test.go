package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-tui/folio/state"
)

// TestSavedRunBesideARename: saved run ra, renamed rb by another folio
// before the run marks it opened, marks rb: what it showed is not new
// again, and no time is kept under ra (a helper's report: the run's
// time went under ra, which no search has, and rb kept the older one).
func TestSavedRunBesideARename(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls")
	writePiece(t, arch, "two", "Mosul falls")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "ra", "falls")
	writePiece(t, arch, "three", "Palmyra falls")
	if l := e.list()["ra"]; newCount(l) != 1 {
		t.Fatalf("before the run: %+v", l)
	}
	savedRunMarking = func() {
		savedRunMarking = nil
		e.must("saved", "rename", "ra", "rb")
	}
	defer func() { savedRunMarking = nil }()
	if out := e.must("saved", "run", "ra"); !strings.Contains(out, "Palmyra falls") {
		t.Fatalf("the run:\n%s", out)
	}
	if l, ok := e.list()["rb"]; !ok || newCount(l) != 0 {
		t.Errorf("rb after the run: %+v (what the run showed is new again)", l)
	}
	files, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "folio", "*.saved.json"))
	if len(files) != 1 {
		t.Fatalf("opened-times files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if strings.Contains(string(data), `"ra"`) {
		t.Errorf("a time kept under ra, which no search has:\n%s", data)
	}
}

// TestSavedRenameCutShort: a rename whose folio was killed after it
// wrote the saved searches and before it moved the opened times keeps
// what the search showed seen (it was "not opened", all new again).
func TestSavedRenameCutShort(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "ra", "falls")
	writePiece(t, arch, "two", "Mosul falls")
	e.must("saved", "run", "ra")
	saved, err := state.OpenSaved("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := saved.Rename("ra", "rb"); err != nil { // the rename's first write alone
		t.Fatal(err)
	}
	if l, ok := e.list()["rb"]; !ok || newCount(l) != 0 {
		t.Errorf("rb after a rename cut short: %+v", l)
	}
	if out := e.must("saved", "run", "rb", "--new"); strings.Contains(out, "falls") {
		t.Errorf("saved run rb --new shows what ra showed:\n%s", out)
	}
}

// TestSavedRunNamesTheCorruptTimesSetAside: saved run on a corrupt
// opened-times file says where it set the file aside, as the other
// corrupt files' warnings do (it said only "unexpected end of JSON
// input"), once.
func TestSavedRunNamesTheCorruptTimesSetAside(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "ra", "falls")
	files, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "folio", "*.saved.json"))
	if len(files) != 1 {
		t.Fatalf("opened-times files: %v", files)
	}
	if err := os.WriteFile(files[0], []byte(`{"version":1,"searches":{`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := e.folio("saved", "run", "ra")
	if err != nil {
		t.Fatal(err, errOut)
	}
	aside, _ := filepath.Glob(files[0] + ".corrupt-*")
	if len(aside) != 1 {
		t.Fatalf("set aside: %v", aside)
	}
	if !strings.Contains(errOut, filepath.Base(aside[0])) || strings.Count(errOut, "warning") != 1 {
		t.Errorf("the warning does not name %s once:\n%s", filepath.Base(aside[0]), errOut)
	}
	if l := e.list()["ra"]; newCount(l) != 0 {
		t.Errorf("ra after the run: %+v", l)
	}
}
