package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

const bigFilesChild = "FOLIO_BIGFILES_CHILD"

// TestBigFilesChild is the child of TestBigFilesBuildInBoundedMemory: it
// builds the index of FOLIO_ARCHIVE_DIR in FOLIO_INDEX_DIR with its
// address space capped at 4 GiB (a guard: the machine is shared) and
// prints the count, the problems and its peak resident memory.
func TestBigFilesChild(t *testing.T) {
	if os.Getenv(bigFilesChild) == "" {
		t.Skip("run by TestBigFilesBuildInBoundedMemory")
	}
	if err := unix.Setrlimit(unix.RLIMIT_AS, &unix.Rlimit{Cur: 4 << 30, Max: 4 << 30}); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenDir(context.Background(), os.Getenv("FOLIO_ARCHIVE_DIR"), Options{Dir: os.Getenv("FOLIO_INDEX_DIR")})
	if err != nil {
		t.Fatal(err)
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("RESULT %d %d %q %q\n", ix.Count(), ru.Maxrss<<10, ix.Fallback(), fmt.Sprint(ix.Problems()))
	ix.Close()
}

// Files under the size limit whose words are all different, or that are
// millions of short words, are indexed in bounded memory (one such file
// took 1.1 GB, three 10 GB, and ten crashed).
func TestBigFilesBuildInBoundedMemory(t *testing.T) {
	parallel(t)
	if testing.Short() {
		t.Skip("builds an index of 19 MB of costly text in a child process")
	}
	arch := t.TempDir()
	const size = 9_500_000
	rng := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	for b.Len() < size {
		randomWords(&b, 1000, rng)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(arch, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("random.md", piece("Random", b.String()))
	b.Reset()
	short := []string{"ab", "cd", "ef", "gh"}
	for i := 0; b.Len() < size; i++ {
		b.WriteString(short[rng.IntN(4)])
		b.WriteByte(" \n"[min(i%16/15, 1)])
	}
	write("dense.md", piece("Dense", b.String()))
	b.Reset()
	write("small.md", piece("Small", "a small piece\n"))

	count, peak, fallback, probs := buildInChild(t, arch)
	if count != 3 || fallback != "" {
		t.Fatalf("%d pieces (want 3), fallback %q", count, fallback)
	}
	if strings.Count(probs, "only the first") != 2 {
		t.Errorf("problems %s: want a note on each big file", probs)
	}
	if peak > 1<<30 {
		t.Errorf("peak RSS %d MB, want under 1 GB", peak>>20)
	}
}

// buildInChild indexes arch in TestBigFilesChild and returns what it
// printed: the count, the peak RSS in bytes, the fallback and the problems.
func buildInChild(t *testing.T, arch string) (count int, peak int64, fallback, probs string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", "^TestBigFilesChild$", "-test.v")
	cmd.Env = append(os.Environ(), bigFilesChild+"=1", "FOLIO_ARCHIVE_DIR="+arch, "FOLIO_INDEX_DIR="+filepath.Join(t.TempDir(), "idx"))
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the build did not end in 3 minutes (hang)")
	}
	if err != nil {
		t.Fatalf("child: %v\n%.2000s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "RESULT "); ok {
			if _, err := fmt.Sscanf(rest, "%d %d %q %q", &count, &peak, &fallback, &probs); err != nil {
				t.Fatalf("child said %q: %v", line, err)
			}
		}
	}
	t.Logf("peak RSS %d MB", peak>>20)
	return count, peak, fallback, probs
}

// One word of 9.5 MB, and a tag, an outlet and an author of 9 MB each, are
// indexed in bounded memory: the term dictionary costs memory per byte of
// its longest term, and one such word took 1.2 GB, three ran out of memory
// at 6 GB; the three values 5.6 GB. Words and whole values are cut to
// maxTermBytes (a plain search for such a word still finds it).
func TestLongWordsBuildInBoundedMemory(t *testing.T) {
	parallel(t)
	if testing.Short() {
		t.Skip("builds an index of 37 MB of long words in a child process")
	}
	arch := t.TempDir()
	long := func(c string) string { return strings.Repeat(c, 9_000_000) }
	for name, data := range map[string]string{
		"word.md":   string(piece("Word", long("x")+"\n")),
		"tag.md":    "---\ntitle: Tag\ndate: \"2001\"\ntags: [\"" + long("q") + "\"]\n---\nbody\n",
		"outlet.md": "---\ntitle: Outlet\ndate: \"2001\"\noutlet: \"" + long("o") + "\"\n---\nbody\n",
		"author.md": "---\ntitle: Author\ndate: \"2001\"\nauthors: [\"" + long("a") + "\"]\n---\nbody\n",
	} {
		if err := os.WriteFile(filepath.Join(arch, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	count, peak, fallback, _ := buildInChild(t, arch)
	if count != 4 || fallback != "" {
		t.Fatalf("%d pieces (want 4), fallback %q", count, fallback)
	}
	if peak > 1<<30 {
		t.Errorf("peak RSS %d MB, want under 1 GB", peak>>20)
	}
}
