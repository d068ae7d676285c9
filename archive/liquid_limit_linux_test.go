package archive

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

const liquidCPUChildEnv = "FOLIO_TEST_LIQUID_CPU_CHILD"

// liquidCPUSeconds is the CPU time a child may take to parse the hostile
// Jekyll posts below: well under a second measured (0.05 s for the Liquid
// openers); 15 s when each opener looked back over 64 KB for its end (a
// review's report), killed at the limit.
const liquidCPUSeconds = 10

// TestHostileLiquidAndCommentsInBoundedCPU parses posts of 9.5 MB made of
// Liquid openers without ends, far-off "endcomment" words and unclosed
// comments in a child process limited to liquidCPUSeconds of CPU
// (RLIMIT_CPU: the load on the machine does not count). The deadline only
// guards against a hang.
func TestHostileLiquidAndCommentsInBoundedCPU(t *testing.T) {
	if os.Getenv(liquidCPUChildEnv) != "" {
		parseHostileUnderLimit(t)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostileLiquidAndCommentsInBoundedCPU$", "-test.v")
	cmd.Env = append(os.Environ(), liquidCPUChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "parsed 3 hostile posts") {
		t.Fatalf("parsing hostile posts in %d s of CPU: %v\n%s", liquidCPUSeconds, err, out)
	}
}

func parseHostileUnderLimit(t *testing.T) {
	const size = 9_500_000
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)) }
	bodies := []string{
		fill(strings.Repeat("{% comment %}", 2400) + strings.Repeat("a", 30000) + "endcomment" + strings.Repeat("x", 4200)),
		fill("{% raw %}{% highlight x %} endraw endhighlight "),
		fill("text <!-- and\n\n<!--\n"),
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	limit := uint64(ru.Utime.Sec+ru.Stime.Sec) + 1 + liquidCPUSeconds
	if err := syscall.Setrlimit(syscall.RLIMIT_CPU, &syscall.Rlimit{Cur: limit, Max: limit + 5}); err != nil {
		t.Fatal(err)
	}
	for _, body := range bodies {
		if _, probs := Parse("_posts/2021-01-01-x.md", []byte("---\ntitle: T\n---\n"+body)); IsFatal(probs) {
			t.Fatalf("not parsed: %v", probs[0])
		}
	}
	os.Stdout.WriteString("parsed 3 hostile posts\n")
}
