package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestSavedSearchesOfOneCreated: a search copied by hand in saved.json
// keeping its created time shares it with the original; neither takes the
// other's opened time (an attack: the copy B, never opened, counted A's
// new pieces; running B made them seen to A and merged A's time into B's,
// and removing B left A "not opened").
func TestSavedSearchesOfOneCreated(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Slavery debated")
	writePiece(t, arch, "two", "War declared")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "A", "slavery")
	saved, err := state.OpenSaved("")
	if err != nil {
		t.Fatal(err)
	}
	a, err := saved.Get("A")
	if err != nil {
		t.Fatal(err)
	}
	// as a hand edit: B a copy of A with another query, C as B with
	// another created time
	if _, err := saved.Add(state.Search{Name: "B", Query: "war", Created: a.Created}); err != nil {
		t.Fatal(err)
	}
	if _, err := saved.Add(state.Search{Name: "C", Query: "war", Created: a.Created.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	writePiece(t, arch, "three", "Slavery again")
	writePiece(t, arch, "four", "War again")
	l := e.list()
	if newCount(l["A"]) != 1 || newCount(l["B"]) != -1 || newCount(l["C"]) != -1 {
		t.Fatalf("before B is run: A %+v, B %+v, C %+v (B was never opened)", l["A"], l["B"], l["C"])
	}
	e.must("saved", "run", "B", "--limit", "200")
	if l := e.list(); newCount(l["A"]) != 1 || newCount(l["B"]) != 0 {
		t.Errorf("after B is run: A %+v, B %+v (A's new piece was not shown)", l["A"], l["B"])
	}
	files, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_STATE_HOME"), "folio", "*.saved.json"))
	if len(files) != 1 {
		t.Fatalf("opened-times files: %v", files)
	}
	if data, _ := os.ReadFile(files[0]); !strings.Contains(string(data), `"a"`) || !strings.Contains(string(data), `"b"`) {
		t.Errorf("A's and B's times are not both kept:\n%s", data)
	}
	e.must("saved", "rm", "B")
	if l := e.list(); newCount(l["A"]) != 1 {
		t.Errorf("after B is removed: A %+v", l["A"])
	}
}

// TestSavedRenameCutShortThenTheOldNameSaved: after a rename of X to Z cut
// short (its times still under x), saving a new X keeps Z's time (it was
// replaced by X's, and Z was "not opened", all new again).
func TestSavedRenameCutShortThenTheOldNameSaved(t *testing.T) {
	arch := t.TempDir()
	writePiece(t, arch, "one", "Raqqa falls")
	e := newSavedEnv(t, arch)
	e.must("saved", "add", "X", "falls")
	e.must("saved", "run", "X")
	saved, err := state.OpenSaved("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := saved.Rename("X", "Z"); err != nil { // the rename's first write alone
		t.Fatal(err)
	}
	writePiece(t, arch, "two", "Mosul falls")
	writePiece(t, arch, "three", "Palmyra falls")
	if l := e.list(); newCount(l["Z"]) != 2 {
		t.Fatalf("Z after the rename cut short: %+v", l["Z"])
	}
	e.must("saved", "add", "X", "war")
	if l := e.list(); newCount(l["Z"]) != 2 || newCount(l["X"]) != 0 {
		t.Errorf("after X is saved again: Z %+v, X %+v", l["Z"], l["X"])
	}
}
