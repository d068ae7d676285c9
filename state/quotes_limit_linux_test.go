package state

import (
	"fmt"
	"strings"
	"testing"

	"github.com/folio-tui/folio/internal/childtest"
)

const quotesCPUChildEnv = "FOLIO_TEST_QUOTES_CPU_CHILD"

// quotesCPUSeconds is the CPU time a child may spend finding 100,000
// quotes in one 1 MB piece: 0.2 s measured; killed at the limit when each
// was found by reading the whole text (folio quotes took 42 s of CPU for
// 100,000 quotes of a 1 MB piece then, 1.2 s now).
const quotesCPUSeconds = 10

// TestManyQuotesOfOnePieceInBoundedCPU finds 100,000 passages in a
// prepared 1 MB text in a child process limited to quotesCPUSeconds of CPU
// time (RLIMIT_CPU: the load on the machine does not count); a search that
// reads the text for each passage kills the child and fails the test. The
// deadline is only a guard against a hang.
func TestManyQuotesOfOnePieceInBoundedCPU(t *testing.T) {
	if childtest.Value(quotesCPUChildEnv) != "" {
		locateUnderLimit(t)
		return
	}
	out, err := childtest.Run(t, quotesCPUChildEnv, "1")
	if err != nil || !strings.Contains(out, "found 100000 quotes") {
		t.Fatalf("finding 100,000 quotes in %d s of CPU: %v\n%s", quotesCPUSeconds, err, out)
	}
}

func locateUnderLimit(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "Paragraph %d says something about the threat, sentence%d.\n\n", i, i)
	}
	text := b.String()
	childtest.LimitCPU(t, quotesCPUSeconds)
	prepared := NewText(text)
	found := 0
	for i := range 100000 {
		if _, _, ok := prepared.Locate(Selector{Exact: fmt.Sprintf("sentence%d.", i%15000)}); ok {
			found++
		}
	}
	fmt.Printf("found %d quotes\n", found)
}
