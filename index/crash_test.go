package index

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/folio-tui/folio/internal/corpus"
)

// The crash and concurrency tests run the index in child processes: the
// test binary re-executed with FOLIO_INDEX_CHILD set.
const childEnv = "FOLIO_INDEX_CHILD"

// TestMain lets the test binary act as a child folio process. Files are
// read as if they had been written long before (readNow), so that a test
// may check an archive it has just written and find it unchanged; the
// tests of racy reads set readNow themselves. It makes the folder of the
// indexes built once for the tests that only read them (sharedRoot), and
// removes it when the tests are done.
func TestMain(m *testing.M) {
	readNow = func() time.Time { return time.Now().Add(time.Hour) }
	switch os.Getenv(childEnv) {
	case "build": // open (building) the index of an archive, then exit
		ix, err := OpenDir(context.Background(), os.Getenv("FOLIO_ARCHIVE_DIR"), Options{Dir: os.Getenv("FOLIO_INDEX_DIR")})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		ix.Close()
		os.Exit(0)
	case "search": // open, search, print the count and the fallback, hold the index until stdin closes
		start := time.Now()
		ix, err := OpenDir(context.Background(), os.Getenv("FOLIO_ARCHIVE_DIR"), Options{Dir: os.Getenv("FOLIO_INDEX_DIR")})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		res, err := ix.Search(context.Background(), Query{Text: "the"})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Printf("%d %d %q\n", res.Total, time.Since(start).Milliseconds(), ix.Fallback())
		_, _ = io.Copy(io.Discard, os.Stdin) // the test closes it when done (none: at once)
		ix.Close()
		os.Exit(0)
	case "stuck": // build the index of an archive, stopped at its first report (says "building"), until killed
		_, _ = OpenDir(context.Background(), os.Getenv("FOLIO_ARCHIVE_DIR"), Options{Dir: os.Getenv("FOLIO_INDEX_DIR"), Progress: func(done, total int) {
			fmt.Println("building")
			select {}
		}})
		os.Exit(5)
	case "reader", "cli", "writer":
		os.Exit(procsChild(os.Getenv(childEnv)))
	}
	root, err := os.MkdirTemp("", "folio-index-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sharedRoot = root
	// an index opened with no Dir is in the user's cache folder: the
	// run's own, not the user's (a helper found 304 test indexes left in
	// /root/.cache/folio)
	if err := os.Setenv("XDG_CACHE_HOME", filepath.Join(root, "cache")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(root)
	os.Exit(code)
}

func child(t *testing.T, mode, archiveDir, indexDir string, extra ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "FOLIO_ARCHIVE_DIR="+archiveDir, "FOLIO_INDEX_DIR="+indexDir)
	cmd.Env = append(cmd.Env, extra...)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestKilledBuildIsRepaired kills an index build with SIGKILL at random
// points; every next open must give the right document count (repairing or
// rebuilding), never a crash or a silently wrong count.
func TestKilledBuildIsRepaired(t *testing.T) {
	parallel(t)
	if testing.Short() {
		t.Skip("builds indexes in child processes")
	}
	const docs = 600
	arch := t.TempDir()
	if err := corpus.Generate(arch, docs, 7); err != nil {
		t.Fatal(err)
	}
	// How long a whole build takes here, to spread the kills over it.
	idx := filepath.Join(t.TempDir(), "idx")
	start := time.Now()
	if err := child(t, "build", arch, idx).Run(); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	rng := rand.New(rand.NewPCG(1, 2))
	deadline := time.Now().Add(30 * time.Second)
	runs := 0
	var killed [2]int // builds, refreshes killed before they were done
	for ; runs < 12 && time.Now().Before(deadline); runs++ {
		dir := filepath.Join(t.TempDir(), "idx"+strconv.Itoa(runs))
		if runs%2 == 1 {
			// Half of the runs kill a refresh of an existing index instead:
			// a copy of idx, brought up to date with the archive (the
			// files the last such run touched re-indexed), rather than a
			// whole build in a child each time (1-2 s).
			ix, err := OpenDir(context.Background(), arch, Options{Dir: idx})
			if err != nil {
				t.Fatal(err)
			}
			if got := ix.Count(); got != docs || ix.Fallback() != "" {
				t.Fatalf("run %d: the index to copy has %d documents (fallback %q)", runs, got, ix.Fallback())
			}
			ix.Close()
			if err := os.CopyFS(dir, os.DirFS(idx)); err != nil {
				t.Fatal(err)
			}
			touch(t, arch, runs)
		}
		cmd := child(t, "build", arch, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// killed at a random time of a whole build, unless it is done
		// before (a refresh mostly is): the kill would find it gone
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		select {
		case <-time.After(time.Duration(rng.Int64N(int64(full)))):
			_ = cmd.Process.Kill()
			<-exited
		case <-exited:
		}
		if !cmd.ProcessState.Success() {
			killed[runs%2]++
		}

		ix, err := OpenDir(context.Background(), arch, Options{Dir: dir})
		if err != nil {
			t.Fatalf("run %d: reopen: %v", runs, err)
		}
		if got := ix.Count(); got != docs {
			t.Errorf("run %d: %d documents after a killed build, want %d (fallback %q)", runs, got, docs, ix.Fallback())
		}
		res, err := ix.Search(context.Background(), Query{Limit: 1})
		if err != nil || res.Total != docs {
			t.Errorf("run %d: search total %d, err %v", runs, res.Total, err)
		}
		ix.Close()
	}
	t.Logf("%d killed builds (a full build takes %s): %d builds and %d refreshes died of the kill, the rest were done before it", runs, full.Round(time.Millisecond), killed[0], killed[1])
}

// touch rewrites a few articles so that a refresh has work to do.
func touch(t *testing.T, dir string, seed int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join(dir, "*.md"))
	}
	for i := 0; i < 20 && i < len(files); i++ {
		f := files[(seed*37+i*11)%len(files)]
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, append(data, []byte(fmt.Sprintf("\nEdited %d.\n", seed))...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCorruptIndexFilesAreRebuilt truncates or garbles each file of a built
// index in turn; the next open answers with the right count.
func TestCorruptIndexFilesAreRebuilt(t *testing.T) {
	parallel(t)
	const docs = 60
	arch := t.TempDir()
	if err := corpus.Generate(arch, docs, 3); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(t.TempDir(), "base")
	ix, err := OpenDir(context.Background(), arch, Options{Dir: base})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	var files []string
	filepath.Walk(base, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() && info.Size() > 0 {
			rel, _ := filepath.Rel(base, p)
			files = append(files, rel)
		}
		return nil
	})
	if len(files) < 3 {
		t.Fatalf("index has only %v", files)
	}
	for _, rel := range files {
		for _, damage := range []string{"truncate", "garble"} {
			t.Run(damage+" "+rel, func(t *testing.T) {
				dir := filepath.Join(t.TempDir(), "idx")
				if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(dir, rel)
				data, _ := os.ReadFile(p)
				switch damage {
				case "truncate":
					data = data[:len(data)/2]
				case "garble":
					for i := len(data) / 3; i < len(data) && i < len(data)/3+64; i++ {
						data[i] ^= 0x5a
					}
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
				ix, err := OpenDir(context.Background(), arch, Options{Dir: dir})
				if err != nil {
					t.Fatalf("reopen: %v", err)
				}
				defer ix.Close()
				res, err := ix.Search(context.Background(), Query{Limit: 1})
				if err != nil || ix.Count() != docs || res.Total != docs {
					t.Errorf("after %s of %s: count %d, search total %d, err %v", damage, rel, ix.Count(), res.Total, err)
				}
			})
		}
	}
}

// TestTwoProcessesOnOneCache: a second folio on the same archive and cache
// must not hang on the first one's lock: it answers a search quickly.
func TestTwoProcessesOnOneCache(t *testing.T) {
	arch := t.TempDir()
	if err := corpus.Generate(arch, 100, 5); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	if err := child(t, "build", arch, dir).Run(); err != nil {
		t.Fatal(err)
	}
	first := child(t, "search", arch, dir)
	out1, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	hold, err := first.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Wait()
	defer hold.Close() // lets the first process go: before, it held the index 5 s, whether the second was done or not
	var total1, ms1 int
	var fb1 string
	if _, err := fmt.Fscanf(out1, "%d %d %q\n", &total1, &ms1, &fb1); err != nil {
		t.Fatalf("first process: %v", err)
	}
	// The first process now holds the index open, until the test ends.
	start := time.Now()
	second := child(t, "search", arch, dir)
	timer := time.AfterFunc(20*time.Second, func() { second.Process.Kill() })
	defer timer.Stop()
	out2, err := second.Output()
	if err != nil {
		t.Fatalf("second process (killed after 20 s if it hangs): %v after %s", err, time.Since(start).Round(time.Millisecond))
	}
	took := time.Since(start)
	var total2, ms2 int
	var fb2 string
	if _, err := fmt.Sscanf(string(out2), "%d %d %q\n", &total2, &ms2, &fb2); err != nil {
		t.Fatalf("second process said %q: %v", out2, err)
	}
	if total1 != total2 || total1 == 0 {
		t.Errorf("totals %d and %d", total1, total2)
	}
	if took > 4*time.Second {
		t.Errorf("the second process took %s: it waited for the first one's lock", took)
	}
	t.Logf("second process answered in %d ms (whole process %s), fallback %q", ms2, took.Round(time.Millisecond), fb2)
}
