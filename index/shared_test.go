package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/folio-tui/folio/internal/corpus"
	"github.com/folio-tui/folio/internal/testcorpus"
)

// sharedRoot is the folder of the indexes built once for the tests that
// only read them (openSOTU); TestMain makes it and removes it at the end.
var sharedRoot string

// sotuBuilt builds the index of the SOTU addresses in src into
// sharedRoot, once for the package's tests: a build of the 233 addresses
// takes 2-5 s, and nine tests search them.
var sotuBuilt = sync.OnceValues(func() (string, error) {
	src, _ := testcorpus.Find("sotu")
	dir := filepath.Join(sharedRoot, "sotu")
	ix, err := Open(context.Background(), src, os.DirFS(src), Options{Dir: dir})
	if err != nil {
		return "", err
	}
	return dir, ix.Close()
})

// openSOTU opens, for t, an Index of the SOTU addresses (skipping t
// without them) on the index built once for all tests (sotuBuilt), with
// opts, which may set what a search does (Synonyms, ResultCache) but not
// what is built. The Index is t's own (its caches cold, closed when t
// ends); the folder is shared, so the test must not change it: it may
// not write the archive's files, and the open must find the archive
// unchanged (it fails otherwise).
func openSOTU(t *testing.T, opts Options) (src string, ix *Index) {
	t.Helper()
	src = testcorpus.Dir(t, "sotu")
	if opts.Dir != "" || opts.Memory || opts.DiskOnly || opts.Rebuild || opts.Workers != 0 ||
		opts.BatchBytes != 0 || opts.BatchDocs != 0 || opts.LargeBuild != nil {
		t.Fatalf("openSOTU: options %+v change what is built: build the index in the test", opts)
	}
	dir, err := sotuBuilt()
	if err != nil {
		t.Fatalf("building the shared SOTU index: %v", err)
	}
	opts.Dir = dir
	ix, err = Open(context.Background(), src, os.DirFS(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if st := ix.Stats(); !st.Unchanged || ix.Fallback() != "" || ix.Behind() != "" {
		t.Fatalf("the shared SOTU index was not as built (unchanged %v, fallback %q, behind %q)", st.Unchanged, ix.Fallback(), ix.Behind())
	}
	return src, ix
}

// generatedBuilt holds a *generatedBuild for each generated archive
// (corpus.Generate's n and seed) of openGenerated.
var generatedBuilt sync.Map

type generatedBuild struct {
	once      sync.Once
	arch, dir string
	err       error
}

// openGenerated opens, for t, an Index of corpus.Generate's archive of n
// pieces from seed, built (with the default options) once for all the
// tests that ask for it, in sharedRoot. As with openSOTU, the Index is
// t's own and the folders are shared: the test must not change them.
func openGenerated(t *testing.T, n int, seed int64) *Index {
	t.Helper()
	b, _ := generatedBuilt.LoadOrStore([2]int64{int64(n), seed}, &generatedBuild{})
	gb := b.(*generatedBuild)
	gb.once.Do(func() {
		root := filepath.Join(sharedRoot, fmt.Sprintf("generated-%d-%d", n, seed))
		gb.arch, gb.dir = filepath.Join(root, "archive"), filepath.Join(root, "idx")
		if gb.err = corpus.Generate(gb.arch, n, seed); gb.err != nil {
			return
		}
		ix, err := Open(context.Background(), gb.arch, os.DirFS(gb.arch), Options{Dir: gb.dir})
		if err != nil {
			gb.err = err
			return
		}
		if ix.Fallback() != "" {
			gb.err = fmt.Errorf("fallback: %s", ix.Fallback())
		}
		ix.Close()
	})
	if gb.err != nil {
		t.Fatalf("building the shared index of %d generated pieces (seed %d): %v", n, seed, gb.err)
	}
	ix := openFolder(t, gb.arch, gb.dir)
	if !ix.Stats().Unchanged || ix.Behind() != "" {
		t.Fatalf("the shared index of %d generated pieces (seed %d) was not as built (behind %q)", n, seed, ix.Behind())
	}
	return ix
}

// parallel lets t run beside the package's other parallel tests: go test
// starts them once every other test is done, so they share the process
// with one another only. A test may be parallel only if neither it nor
// its helpers set a package-level hook (noSureStems, scanNow, pairFilter,
// readerResident, ...), read one of the package's counters
// (checkedCandidates, postingsRead, ...), which another test's searches
// move, measure this process (its resident pages, a timing compared with
// another), or change a folder another test reads (openSOTU's,
// openGenerated's). Those that are mostly build or search work in child
// processes, or long checks on one core, gain most.
func parallel(t *testing.T) {
	t.Helper()
	t.Parallel()
}
