package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/folio-tui/folio/archive"
)

// fixture articles: small, with the spellings and names the tests need.
var fixtures = map[string]string{
	"2017/raqqa.md": `---
title: "Raqqa has fallen, but terror is here to stay"
date: 2017-10-19
authors: [Raffaello Pantucci]
outlet: The Telegraph
tags: [isis, foreign-fighters, raqqa]
standfirst: "The fall of the caliphate's capital changes the threat."
---
On the same day that Raqqa fell, the head of MI5 gave interviews. Isil's loss of
territory has not produced a surge of plots by foreign fighters. Raqqa matters less
than the radicalisation of those at home. Raqqa, again.
`,
	"2017/prisons.md": `---
title: "Radicalisation behind bars"
date: 2017-09
authors: [Jane Smith]
outlet: The Guardian
tags: [prisons, radicalisation]
---
Prisons organise their wings to stop radicalisation spreading. Inmates travelling
between prisons carry ideas with them.
`,
	"2017/manchester.md": `---
title: "What policy changes are needed after Manchester?"
date: 2017-05-31
authors: [Raffaello Pantucci]
outlet: The Times
tags: [manchester, policy]
---
The bomber had links to the Islamic State in Libya, and IS claimed the attack.
Britain's defence of its cities needs a new centre of gravity. This is the point.
`,
	"2017/seven-seven.md": `---
title: "Twelve years on from 7/7"
date: 2017-07
authors: [Raffaello Pantucci]
outlet: The Telegraph
tags: [al-qaeda, london]
---
The attacks of 7 July 2005 were directed by al-Qaeda using British nationals trained
in Pakistan.
`,
	"old/1863.md": `---
title: "State of the Union Address, 1863"
date: "1863"
authors: [Abraham Lincoln]
outlet: State of the Union
kind: speech
tags: [republican]
---
Another year of health and of sufficiently abundant harvests has passed.
`,
	"interviews/mi5.md": `---
title: "Interview with Sky News on the Security Service"
date: 2017-10
authors: [Raffaello Pantucci]
outlet: Sky News
kind: interview
tags: [mi5]
---
Spoke to Sky News about the Security Service and its warnings.
`,
	"2016/china.md": `---
title: "China's Xinjiang problem"
date: 2016-03-02
authors: [Raffaello Pantucci, Alexandros Petersen]
outlet: Foreign Policy
tags: [china, xinjiang]
---
Beijing worries about Uighur militants in Xinjiang and beyond.
`,
	"2016/shouting.md": `---
title: "WHAT IS TERRORISM"
date: 2016-01-05
outlet: The Telegraph
tags: [terrorism]
---
A question asked loudly. US policy is debated.
`,
}

func fixtureFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	mod := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	for p, s := range fixtures {
		fsys[p] = &fstest.MapFile{Data: []byte(s), ModTime: mod, Mode: 0o644}
	}
	return fsys
}

// writeFixtures writes the fixtures to a fresh folder, for tests that
// change files on disk.
func writeFixtures(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, s := range fixtures {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// waitBound is the wall-clock time a test gives an open that must not
// wait for another folio's lock: a guard against waits far past
// LockTimeout (a loop of them), no timing claim, generous for a machine
// ten times as loaded as CI's. It was 2 s, where an open of the fixtures
// takes 0.1 to 0.4 s on an idle machine, and a loaded one comes near it.
const waitBound = 20 * time.Second

// openFolder opens the index in dir of the archive folder src; the caller
// closes it.
func openFolder(t *testing.T, src, dir string) *Index {
	t.Helper()
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	// closed (again) before dir goes, whose generation its warm writes in
	t.Cleanup(func() { ix.Close() })
	if ix.Fallback() != "" {
		t.Fatal(ix.Fallback())
	}
	return ix
}

// openCached is OpenCached on the folder src with its index in dir.
func openCached(t *testing.T, src, dir string) *Index {
	t.Helper()
	ix, err := OpenCached(src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		t.Fatalf("OpenCached: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// addZeitgeist edits 2017/prisons.md of the fixtures in src: a sentence with
// a word no other piece has, and a later modification time.
func addZeitgeist(t *testing.T, src string) {
	t.Helper()
	p := filepath.Join(src, "2017", "prisons.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, []byte("\nA new word: zeitgeist.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
}

func openFixtures(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(context.Background(), "fixtures", fixtureFS(), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	if ix.Fallback() != "" {
		t.Fatalf("fallback: %s", ix.Fallback())
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// testSynonyms are the bundled ones only: a user's file must not change
// test results.
func testSynonyms(t *testing.T) *Synonyms {
	s, err := LoadSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func openBundled(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(context.Background(), archive.BundledName, archive.Bundled(), Options{Dir: t.TempDir(), Synonyms: testSynonyms(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func run(t *testing.T, ix *Index, q Query) Results {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 1000
	}
	r, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	return r
}

func ids(r Results) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = h.ID
	}
	return out
}

func sortedIDs(r Results) []string {
	out := ids(r)
	slices.Sort(out)
	return out
}

func fileMtimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		m[p] = info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func describe(r Results) string {
	var b strings.Builder
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "%s (%.3f) ", h.ID, h.Score)
	}
	return b.String()
}

// liveGen is the folder of the live generation of the cache in dir.
func liveGen(t testing.TB, dir string) string {
	t.Helper()
	g := readCurrent(dir)
	if g == "" {
		t.Fatalf("no live generation in %s", dir)
	}
	return filepath.Join(dir, g)
}
